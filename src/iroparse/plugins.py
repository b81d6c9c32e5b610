"""The plugin manager: built-in and third-party plugins, through the same hooks.

Plugins are loaded once, on first use: the built-ins from :mod:`iroparse._builtin`, then every
entry point of the group ``iroparse``. The environment variable ``IROPARSE_LOAD_PLUGINS``
chooses which entry points load: unset loads all, an empty string loads none, and a comma-
separated list of entry-point names loads only those (useful in tests, or to block a broken
plugin). :func:`registry` gives what the plugins registered.
"""

from __future__ import annotations

import importlib.metadata
import os
from functools import lru_cache
from types import ModuleType

import pluggy
from attrs import frozen

from iroparse import hookspecs
from iroparse._builtin import layouts as builtin_layouts
from iroparse.catalogue import CRITERIA, HEADINGS, ChecklistEntry, HeadingAlias
from iroparse.errors import IroParseError
from iroparse.layout import Layout

__all__ = ["ENV_VAR", "Registry", "get_plugin_manager", "register_plugin", "registry"]

#: The environment variable that chooses which entry points load (see the module docstring).
ENV_VAR = "IROPARSE_LOAD_PLUGINS"
#: The built-in plugin modules, registered before any entry point.
BUILTIN_PLUGINS: tuple[ModuleType, ...] = (builtin_layouts,)


@frozen
class Registry:
    """Everything the plugins registered: layouts by name (built-ins first), the heading
    catalogue, and the screening-criteria catalogue."""

    layouts: dict[str, Layout]
    headings: tuple[HeadingAlias, ...]
    criteria: tuple[ChecklistEntry, ...]


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    wanted = os.environ.get(ENV_VAR)
    if wanted is None:
        pm.load_setuptools_entrypoints(hookspecs.PROJECT)
        return
    names = {n.strip() for n in wanted.split(",") if n.strip()}
    for ep in importlib.metadata.entry_points(group=hookspecs.PROJECT):
        if ep.name in names and pm.get_plugin(ep.name) is None:
            pm.register(ep.load(), name=ep.name)


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
    tests and notebooks) and rebuild the registry."""
    get_plugin_manager().register(plugin, name=name)
    registry.cache_clear()


def unregister_plugin(plugin: object) -> None:
    """Undo :func:`register_plugin`."""
    get_plugin_manager().unregister(plugin)
    registry.cache_clear()


@lru_cache(maxsize=1)
def registry() -> Registry:
    """Collect what every plugin registers (cached until a plugin is added or removed)."""
    hook = get_plugin_manager().hook
    found: dict[str, Layout] = {}

    def add_layout(layout: Layout) -> None:
        if not isinstance(layout, Layout):
            raise IroParseError(
                f"a plugin registered {layout!r}, which is not an iroparse.layout.Layout",
                code="plugin-error",
            )
        found.setdefault(layout.name, layout)

    headings: list[HeadingAlias] = list(HEADINGS)
    criteria: list[ChecklistEntry] = list(CRITERIA)
    # get_hookimpls() lists plugins in registration order (built-ins first), the reverse of
    # pluggy's call order: walk it so built-in layouts come first and a third-party name never
    # shadows a built-in one.
    for impl in hook.iroparse_register_layouts.get_hookimpls():
        impl.function(register=add_layout)
    hook.iroparse_heading_aliases(
        register=lambda kind, text: headings.append(HeadingAlias(kind, text))
    )
    hook.iroparse_criteria(
        register=lambda code, label, signature: criteria.append(
            ChecklistEntry(code, label, signature)
        )
    )
    return Registry(found, tuple(headings), tuple(criteria))
