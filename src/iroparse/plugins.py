"""The plugin manager: built-in and third-party plugins, through the same hooks.

Plugins are loaded once, on first use: the built-ins from :mod:`iroparse._builtin`, then every
entry point of the group ``iroparse``. The environment variable ``IROPARSE_LOAD_PLUGINS``
chooses which entry points load: unset loads all, an empty string loads none, and a comma-
separated list of entry-point names loads only those (useful in tests, or to block a broken
plugin). :func:`registry` gives what the plugins registered.

Every hook is called through pluggy, one plugin at a time (a subset hook caller per plugin)
and in registration order, so that the built-ins come first, a third-party layout never
shadows a built-in one, and one plugin's failure is its own: a plugin that fails to import,
raises in a hook, or registers something malformed is left out, and so is a layout that fails
its probe or, later, a call (see :mod:`iroparse._guard`). Each is reported once by a
:class:`PluginWarning` and listed in :attr:`Registry.disabled`; parsing goes on with the rest.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Callable, Mapping
from functools import lru_cache
from types import ModuleType
from typing import Any

import pluggy
import regex
from attrs import field, frozen

from iroparse import hookspecs
from iroparse._builtin import layouts as builtin_layouts
from iroparse._guard import (
    LayoutTable,
    PluginWarning,
    describe,
    layout_problem,
    probe,
    warn_disabled,
)
from iroparse._pipeline.furniture import (
    DEFAULT_FURNITURE,
    FURNITURE_WORDS,
    NOISE_PATTERNS,
    FurnitureTable,
)
from iroparse.catalogue import CRITERIA, HEADINGS, SECTION_KINDS, ChecklistEntry, HeadingAlias
from iroparse.catalogue import squash as _squash
from iroparse.layout import Layout, mark_union
from iroparse.tables.specialties import SPECIALTIES, SpecialtyEntry

__all__ = [
    "ENV_VAR",
    "PluginWarning",
    "Registry",
    "get_plugin_manager",
    "register_plugin",
    "registry",
    "unregister_plugin",
]

#: The environment variable that chooses which entry points load (see the module docstring).
ENV_VAR = "IROPARSE_LOAD_PLUGINS"
#: The built-in plugin modules, registered before any entry point.
BUILTIN_PLUGINS: tuple[ModuleType, ...] = (builtin_layouts,)
#: The hooks, in the order :func:`registry` calls them for each plugin.
HOOKS = (
    "iroparse_register_layouts",
    "iroparse_heading_aliases",
    "iroparse_criteria",
    "iroparse_noise_patterns",
    "iroparse_furniture_words",
    "iroparse_specialties",
)
#: A noise kind a plugin registers: lower case words joined by ``-``.
_NOISE_KIND = regex.compile(r"[a-z]+(?:-[a-z]+)*")
#: A furniture word a plugin registers: letters only.
_FURNITURE_WORD = regex.compile(r"[A-Za-z]+")


def _as_table(layouts: Mapping[str, Layout]) -> LayoutTable:
    return layouts if isinstance(layouts, LayoutTable) else LayoutTable(layouts.values())


@frozen
class Registry:
    """Everything the plugins registered: layouts by name (built-ins first), the heading
    catalogue, the screening-criteria catalogue and the page-furniture tables; also the union
    of the layouts' mark shapes (:attr:`any_mark`) and what was left out (:attr:`disabled`)."""

    layouts: LayoutTable = field(converter=_as_table)
    headings: tuple[HeadingAlias, ...]
    criteria: tuple[ChecklistEntry, ...]
    furniture: FurnitureTable = DEFAULT_FURNITURE
    """The noise patterns and furniture words, built-in ones first."""
    specialties: tuple[SpecialtyEntry, ...] = SPECIALTIES
    """The reviewer-specialty vocabulary, built-in entries first."""

    @property
    def any_mark(self) -> regex.Pattern[str]:
        """One pattern finding a mark of any registered layout in a line: the union of their
        :attr:`~iroparse.layout.Layout.mark_shape`. A line it does not find is bare."""
        return self.layouts.any_mark

    @property
    def ticks(self) -> frozenset[str]:
        """What a ticked mark of any registered layout holds, its box taken off
        (:func:`~iroparse.layout.tick_union`): how a mark standing alone is read
        (:func:`~iroparse.layout.checked_alone`)."""
        return self.layouts.ticks

    @property
    def disabled(self) -> tuple[tuple[str, str], ...]:
        """``(name, reason)`` for every plugin or layout left out, in the order it happened.
        ``name`` is the layout's name when one layout was left out, else the plugin's (its
        entry point's) name."""
        return self.layouts.disabled


# -- loading -----------------------------------------------------------------------------------

_load_failures: list[tuple[str, str]] = []


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    """Register the entry points ``IROPARSE_LOAD_PLUGINS`` selects; one that fails to import
    or to register is left out (:data:`_load_failures`)."""
    wanted = os.environ.get(ENV_VAR)
    names = None if wanted is None else {n.strip() for n in wanted.split(",") if n.strip()}
    for ep in importlib.metadata.entry_points(group=hookspecs.PROJECT):
        if (names is not None and ep.name not in names) or pm.get_plugin(ep.name) is not None:
            continue
        if pm.is_blocked(ep.name):
            continue
        try:
            pm.register(ep.load(), name=ep.name)
        except Exception as error:
            reason = f"entry point {ep.value!r} failed to load: {type(error).__name__}: {error}"
            _load_failures.append((ep.name, reason))
            warn_disabled(ep.name, reason)


@lru_cache(maxsize=1)
def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager, with built-ins and entry points loaded."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for plugin in BUILTIN_PLUGINS:
        pm.register(plugin, name=f"iroparse.builtin.{plugin.__name__.rsplit('.', 1)[-1]}")
    _load_entry_points(pm)
    return pm


def register_plugin(plugin: object, name: str | None = None) -> None:
    """Register a plugin object at run time (an alternative to an entry point, handy in
    tests and notebooks) and rebuild the registry. A plugin already registered (for instance
    installed, through its entry point) is left as it is."""
    pm = get_plugin_manager()
    if pm.is_registered(plugin):
        return
    pm.register(plugin, name=name)
    registry.cache_clear()


def unregister_plugin(plugin: object) -> None:
    """Undo :func:`register_plugin`."""
    get_plugin_manager().unregister(plugin)
    registry.cache_clear()


# -- collecting --------------------------------------------------------------------------------


class _Found:
    """What one plugin registered through the hooks, and what was wrong with it."""

    def __init__(self) -> None:
        self.layouts: list[Layout] = []
        self.headings: list[HeadingAlias] = []
        self.criteria: list[ChecklistEntry] = []
        self.noise_patterns: list[tuple[str, regex.Pattern[str]]] = []
        self.furniture_words: dict[str, int] = {}
        self.specialties: list[SpecialtyEntry] = []
        self.problems: list[str] = []

    def layout(self, layout: Any) -> None:
        problem = layout_problem(layout)
        if problem is None:
            self.layouts.append(layout)
        else:
            self.problems.append(problem)

    def heading(self, kind: Any, text: Any) -> None:
        if kind not in SECTION_KINDS or not isinstance(text, str) or not _squash(text):
            self.problems.append(f"registered the heading alias {(kind, text)!r}")
        else:
            self.headings.append(HeadingAlias(kind, text))

    def criterion(self, code: Any, label: Any, signature: Any) -> None:
        entry = (code, label, signature)
        if not all(isinstance(part, str) and part.strip() for part in entry):
            self.problems.append(f"registered the criterion {entry!r}")
            return
        try:
            regex.compile(f"(?:{signature}){{e<=1}}")
        except (regex.error, ValueError) as error:
            self.problems.append(f"registered criterion {code!r} with a bad signature: {error}")
            return
        self.criteria.append(ChecklistEntry(code, label, signature))

    def noise_pattern(self, kind: Any, pattern: Any) -> None:
        if not (isinstance(kind, str) and _NOISE_KIND.fullmatch(kind) and isinstance(pattern, str)):
            self.problems.append(f"registered the noise pattern {(kind, pattern)!r}")
            return
        try:
            compiled = regex.compile(pattern)
        except (regex.error, ValueError) as error:
            self.problems.append(
                f"registered noise pattern {pattern!r} that does not compile: {error}"
            )
            return
        if compiled.fullmatch(""):
            self.problems.append(
                f"registered noise pattern {pattern!r}, which matches nothing at all"
            )
            return
        self.noise_patterns.append((kind, compiled))

    def furniture_word(self, word: Any, weight: Any) -> None:
        if (
            not isinstance(word, str)
            or not _FURNITURE_WORD.fullmatch(word)
            or type(weight) is not int
            or weight not in (1, 2)
        ):
            self.problems.append(
                f"registered the furniture word {(word, weight)!r} (weight 1 or 2)"
            )
            return
        self.furniture_words[word.upper()] = weight

    def specialty(self, name: Any, pattern: Any) -> None:
        if not (isinstance(name, str) and name.strip() and isinstance(pattern, str)):
            self.problems.append(f"registered the specialty {(name, pattern)!r}")
            return
        try:
            compiled = regex.compile(pattern)
        except (regex.error, ValueError) as error:
            self.problems.append(f"registered specialty {name!r} with a bad pattern: {error}")
            return
        if compiled.fullmatch(""):
            self.problems.append(f"registered specialty {name!r} with a pattern matching nothing")
            return
        self.specialties.append(SpecialtyEntry(name.strip(), pattern))


def _collect(pm: pluggy.PluginManager, plugin: object, trusted: bool) -> _Found:
    """Call every hook of ``plugin`` alone (through pluggy's subset hook caller). An
    exception from an untrusted plugin becomes one of its problems."""
    found = _Found()
    others = [p for p in pm.get_plugins() if p is not plugin]
    callbacks: dict[str, Callable[..., None]] = {
        "iroparse_register_layouts": found.layout,
        "iroparse_heading_aliases": found.heading,
        "iroparse_criteria": found.criterion,
        "iroparse_noise_patterns": found.noise_pattern,
        "iroparse_furniture_words": found.furniture_word,
        "iroparse_specialties": found.specialty,
    }
    for hook in HOOKS:
        caller = pm.subset_hook_caller(hook, remove_plugins=others)
        try:
            returned = [r for r in caller(register=callbacks[hook]) if r is not None]
        except Exception as error:
            if trusted:  # a built-in that fails is a bug: let it fail loudly
                raise
            found.problems.append(f"raised {type(error).__name__} in {hook}: {error}")
            break
        if returned:
            found.problems.append(f"returned {returned[0]!r} from {hook} instead of registering")
    return found


def _label(name: str, plugin: object) -> str:
    """How messages name a plugin: its registered name, or, for an object registered without
    one (pluggy then names it by its ``id``), its class."""
    if name != str(id(plugin)):
        return name
    return f"{type(plugin).__module__}.{type(plugin).__qualname__}"


@lru_cache(maxsize=1)
def registry() -> Registry:
    """Collect what every plugin registers (cached until a plugin is added or removed)."""
    pm = get_plugin_manager()
    disabled: list[tuple[str, str]] = list(_load_failures)
    owners: dict[str, str] = {}  # layout name -> the plugin that registered it
    layouts: list[Layout] = []
    trusted: set[str] = set()
    headings: list[HeadingAlias] = list(HEADINGS)
    criteria: list[ChecklistEntry] = list(CRITERIA)
    noise_patterns = list(NOISE_PATTERNS)
    furniture_words = dict(FURNITURE_WORDS)
    specialties: list[SpecialtyEntry] = list(SPECIALTIES)
    for registered_name, plugin in pm.list_name_plugin():
        if plugin is None:  # blocked
            continue
        name = _label(registered_name, plugin)
        builtin = plugin in BUILTIN_PLUGINS
        found = _collect(pm, plugin, trusted=builtin)
        if found.problems:
            disabled.append((name, f"plugin {name!r} {found.problems[0]}"))
            warn_disabled(name, disabled[-1][1])
            continue
        for layout in found.layouts:
            if layout.name in owners:
                holder = (
                    "a built-in layout"
                    if layout.name in trusted
                    else f"the layout of plugin {owners[layout.name]!r}"
                )
                reason = (
                    f"plugin {name!r} registered a layout named {layout.name!r}, the name of "
                    f"{holder}; it is left out"
                )
                disabled.append((name, reason))
                warn_disabled(name, reason)
                continue
            owners[layout.name] = name
            layouts.append(layout)
            if builtin:
                trusted.add(layout.name)
        headings.extend(found.headings)
        criteria.extend(found.criteria)
        noise_patterns.extend(found.noise_patterns)
        specialties.extend(found.specialties)
        # a word the built-ins weigh keeps the heavier weight: a plugin adds, never weakens
        for word, weight in found.furniture_words.items():
            furniture_words[word] = max(weight, furniture_words.get(word, 0))
    untrusted = [layout for layout in layouts if layout.name not in trusted]
    failures = probe(untrusted, [(e.code, e.label) for e in criteria], mark_union(layouts))
    for layout_name, problem in failures.items():
        disabled.append((layout_name, describe(layout_name, owners[layout_name], problem)))
        warn_disabled(*disabled[-1])
    table = LayoutTable(
        [layout for layout in layouts if layout.name not in failures], trusted, disabled, owners
    )
    furniture = FurnitureTable(tuple(noise_patterns), furniture_words)
    return Registry(table, tuple(headings), tuple(criteria), furniture, tuple(specialties))
