"""Plugins: built-ins through the same hook as third parties, hooks called through pluggy,
run-time registration, the heading and criteria hooks, the union of the layouts' mark shapes,
and entry-point loading controlled by ``IROPARSE_LOAD_PLUGINS``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, find, given, settings

import iroparse
from iroparse import hookspecs, plugins
from iroparse._builtin import layouts as builtin_layouts
from iroparse.hookspecs import hookimpl
from iroparse.layout import Layout, RegexLayout
from iroparse.testing import assert_round_trip, decisions, letters

GOLDEN = Path(__file__).parent / "golden"
BRACKET = (GOLDEN / "004_4475ce78ad411086.txt").read_text(encoding="utf-8")
BUILT_IN = [cls.name for cls in builtin_layouts.BUILTIN_LAYOUTS]


class ColonTickLayout(RegexLayout):
    """``Upheld (Agree): TICKED``: a TICKED or BLANK after a colon at the end of every item."""

    name = "test-colon-tick"
    description = "TICKED or BLANK after a colon."
    position = "after"
    # the mark may also stand alone, on the line after its label, as wrapping leaves it
    pattern = regex.compile(r"^\s*(?P<label>(?:.*?\S)?)\s*:?\s*(?P<mark>TICKED|BLANK)\s*$")
    checked_marks = frozenset({"TICKED"})
    mark_shape = r"\b(?:TICKED|BLANK)\s*$"
    mark_chars = "TB"

    def format_item(self, label: str, checked: bool) -> str:
        """``label: TICKED`` or ``label: BLANK``."""
        return f"{label}: {'TICKED' if checked else 'BLANK'}"


class LayoutPlugin:
    """Registers :class:`ColonTickLayout`."""

    @hookimpl
    def iroparse_register_layouts(self, register: Callable[[Layout], None]) -> None:
        register(ColonTickLayout())


class CataloguePlugin:
    """Adds a heading alias and a screening criterion."""

    @hookimpl
    def iroparse_heading_aliases(self, register: Callable[[str, str], None]) -> None:
        register("clinical_history", "CHRONOLOGY OF THE MEDICAL CARE")

    @hookimpl
    def iroparse_criteria(self, register: Callable[[str, str, str], None]) -> None:
        register("apta", "APTA CLINICAL PRACTICE GUIDELINES", r"APTA\b")


@pytest.fixture
def registered() -> Iterator[Callable[[object], None]]:
    """Register plugins for one test; every one is unregistered afterwards."""
    added: list[object] = []

    def register(plugin: object) -> None:
        plugins.register_plugin(plugin)
        added.append(plugin)

    yield register
    for plugin in reversed(added):
        plugins.unregister_plugin(plugin)


def colon_letter() -> str:
    """The bracket sample rewritten with ``label: TICKED`` / ``label: BLANK`` marks."""
    lines = []
    for line in BRACKET.split("\n"):
        match = regex.match(r"^\[\s*(X?)\s*\]\s*(.*?)\s*$", line)
        lines.append(f"{match[2]}: {'TICKED' if match[1] else 'BLANK'}" if match else line)
    text = "\n".join(lines)
    # the wrapped items: the mark goes after the label's last line
    text = text.replace(
        "IN ACCORDANCE WITH: TICKED \nACCEPTED MEDICAL STANDARDS", "IN ACCORDANCE WITH"
    )
    return text.replace(
        "IN ACCORDANCE WITH\n ", "IN ACCORDANCE WITH\nACCEPTED MEDICAL STANDARDS: TICKED\n "
    )


def test_built_in_layouts_register_through_the_layout_hook() -> None:
    pm = plugins.get_plugin_manager()
    impls = pm.hook.iroparse_register_layouts.get_hookimpls()
    assert builtin_layouts in [impl.plugin for impl in impls]
    found: list[Layout] = []
    builtin_layouts.iroparse_register_layouts(register=found.append)
    assert [layout.name for layout in found] == BUILT_IN
    assert [layout.name for layout in iroparse.layouts()][: len(BUILT_IN)] == BUILT_IN


def test_the_registry_calls_the_hooks_through_pluggy(
    registered: Callable[[object], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    # pluggy's hook monitoring sees every call the registry makes
    seen: list[tuple[str, str]] = []
    pm = plugins.get_plugin_manager()
    undo = pm.add_hookcall_monitoring(
        lambda hook, impls, kwargs: seen.extend((hook, pm.get_name(i.plugin) or "") for i in impls),
        lambda outcome, hook, impls, kwargs: None,
    )
    try:
        registered(LayoutPlugin())
        plugins.registry()
    finally:
        undo()
    assert ("iroparse_register_layouts", "iroparse.builtin.layouts") in seen
    layouts_calls = [name for hook, name in seen if hook == "iroparse_register_layouts"]
    # one plugin at a time, built-ins first
    assert layouts_calls[0] == "iroparse.builtin.layouts"
    assert len(layouts_calls) == len(set(layouts_calls))


def test_hookimpl_and_regex_layout_are_public() -> None:
    assert iroparse.hookimpl is hookimpl
    assert iroparse.RegexLayout is RegexLayout
    assert {"hookimpl", "RegexLayout"} <= set(iroparse.__all__)


def test_hookspecs_are_the_plugin_interface() -> None:
    pm = plugins.get_plugin_manager()
    for name in plugins.HOOKS:
        assert hasattr(hookspecs, name)
        assert getattr(pm.hook, name).spec is not None
    assert hookspecs.PROJECT == "iroparse"


def test_a_registered_layout_is_listed_and_ranked_first_on_its_letters(
    registered: Callable[[object], None],
) -> None:
    letter = colon_letter()
    assert "Upheld (Agree): TICKED" in letter
    assert "test-colon-tick" not in [layout.name for layout in iroparse.layouts()]
    registered(LayoutPlugin())
    assert [layout.name for layout in iroparse.layouts()][-1] == "test-colon-tick"
    ranked = iroparse.detect_layout(letter)
    assert ranked[0].name == "test-colon-tick"
    assert ranked[0].score > ranked[1].score
    decision = iroparse.parse(letter)
    assert decision.layout == "test-colon-tick"
    assert decision.outcome is iroparse.Outcome.UPHELD
    assert decision.checked_criteria == ("medical_judgement", "odg")


def test_unregistering_removes_the_layout_again() -> None:
    plugin = LayoutPlugin()
    plugins.register_plugin(plugin)
    try:
        assert "test-colon-tick" in [layout.name for layout in iroparse.layouts()]
    finally:
        plugins.unregister_plugin(plugin)
    assert "test-colon-tick" not in [layout.name for layout in iroparse.layouts()]
    assert iroparse.detect_layout(colon_letter())[0].name != "test-colon-tick"


def test_a_third_party_layout_never_shadows_a_built_in(
    registered: Callable[[object], None],
) -> None:
    class Impostor(ColonTickLayout):
        name = "bracket"

    class ImpostorPlugin:
        @hookimpl
        def iroparse_register_layouts(self, register: Callable[[Layout], None]) -> None:
            register(Impostor())
            register(ColonTickLayout())

    registered(ImpostorPlugin())
    with pytest.warns(plugins.PluginWarning, match="named 'bracket', the name of a built-in"):
        bracket = [layout for layout in iroparse.layouts() if layout.name == "bracket"]
    assert len(bracket) == 1
    assert not isinstance(bracket[0], Impostor)
    # only the layout whose name is taken is left out, the plugin's other layout is kept
    assert "test-colon-tick" in [layout.name for layout in iroparse.layouts()]
    [(name, reason)] = plugins.registry().disabled
    assert "ImpostorPlugin" in name and "'bracket'" in reason


def test_a_third_party_layout_never_shadows_another_plugins(
    registered: Callable[[object], None],
) -> None:
    first, second = ColonTickLayout(), ColonTickLayout()

    class Second:
        @hookimpl
        def iroparse_register_layouts(self, register: Callable[[Layout], None]) -> None:
            register(second)

    registered(LayoutPlugin())
    registered(Second())
    with pytest.warns(plugins.PluginWarning, match="the layout of plugin"):
        held = plugins.registry().layouts["test-colon-tick"]
    assert held is not second
    assert type(held) is type(first)


def test_heading_alias_and_criterion_from_a_plugin_take_effect(
    registered: Callable[[object], None],
) -> None:
    text = BRACKET.replace("PATIENT CLINICAL HISTORY SUMMARY", "CHRONOLOGY OF THE MEDICAL CARE")
    text = text.replace(
        "[  ] TMF SCREENING CRITERIA MANUAL",
        "[  ] TMF SCREENING CRITERIA MANUAL\n\n[ X ] APTA CLINICAL PRACTICE GUIDELINES",
    )
    before = iroparse.parse(text)
    assert before.clinical_history is None
    assert [(c.code, c.checked) for c in before.criteria if "APTA" in c.label] == [("other", True)]

    registered(CataloguePlugin())
    after = iroparse.parse(text)
    assert after.clinical_history is not None
    assert after.clinical_history.startswith("This is a xx-year-old man")
    assert "clinical_history" in [s.kind for s in after.sections]
    assert [(c.code, c.checked) for c in after.criteria if "APTA" in c.label] == [("apta", True)]
    assert after.checked_criteria == ("medical_judgement", "odg", "apta")


def test_the_fuzzy_heading_matching_applies_to_plugin_aliases(
    registered: Callable[[object], None],
) -> None:
    registered(CataloguePlugin())
    text = BRACKET.replace("PATIENT CLINICAL HISTORY SUMMARY", "Chronology of the Medical Crae")
    assert iroparse.parse(text).clinical_history is not None


def test_plugin_criteria_and_marks_work_in_parsing_rendering_and_the_strategies(
    registered: Callable[[object], None],
) -> None:
    registered(LayoutPlugin())
    registered(CataloguePlugin())
    # the strategies draw the plugin's criterion ...
    drawn = find(decisions(), lambda d: any(c.code == "apta" and c.checked for c in d.criteria))
    assert any(c.label == "APTA CLINICAL PRACTICE GUIDELINES" for c in drawn.criteria)
    # ... the plugin's layout renders it and its marks, and both parse back, in the plugin's
    # layout and in a built-in one
    colon = plugins.registry().layouts["test-colon-tick"]
    assert "APTA CLINICAL PRACTICE GUIDELINES: TICKED" in colon.render(drawn)
    assert plugins.registry().any_mark.search("APTA CLINICAL PRACTICE GUIDELINES: TICKED")
    for name in ("test-colon-tick", "bracket"):
        parsed = assert_round_trip(plugins.registry().layouts[name].render(drawn), drawn, name)
        assert "apta" in parsed.checked_criteria

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(letters(layout="test-colon-tick"))
    def round_trip(case: tuple[str, iroparse.Decision]) -> None:
        assert_round_trip(case[0], case[1], "test-colon-tick")

    round_trip()


# -- entry points -------------------------------------------------------------------------------

PLUGIN_MODULE = """
from iroparse.hookspecs import hookimpl
from iroparse.layout import RegexLayout
import regex


class EntryLayout(RegexLayout):
    name = "entry-point-layout"
    pattern = regex.compile(r"^\\s*(?P<mark><[ X]>)\\s*(?P<label>.*?)\\s*$")

    def format_item(self, label, checked):
        return f"<{'X' if checked else ' '}> {label}"


@hookimpl
def iroparse_register_layouts(register):
    register(EntryLayout())
"""

LIST_LAYOUTS = "import json, iroparse; print(json.dumps([x.name for x in iroparse.layouts()]))"
DISABLED = (
    "import json, iroparse; from iroparse.plugins import registry; "
    "print(json.dumps([[x.name for x in iroparse.layouts()], registry().disabled]))"
)


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding an installed-looking distribution with two ``iroparse`` entry points:
    ``entry`` (a layout) and ``broken`` (fails on import)."""
    root = tmp_path_factory.mktemp("site")
    (root / "entry_plugin.py").write_text(PLUGIN_MODULE, encoding="utf-8")
    (root / "broken_plugin.py").write_text("raise ImportError('broken on purpose')\n")
    info = root / "entry_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: entry-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            """\
            [iroparse]
            entry = entry_plugin
            broken = broken_plugin
            """
        )
    )
    return root


def layouts_in_subprocess(
    root: Path, load: str | None, code: str = LIST_LAYOUTS
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != plugins.ENV_VAR}
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    if load is not None:
        env[plugins.ENV_VAR] = load
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_empty_load_plugins_loads_no_entry_points(plugin_path: Path) -> None:
    done = layouts_in_subprocess(plugin_path, "")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == BUILT_IN
    assert done.stderr == ""


def test_naming_an_entry_point_loads_only_that_one(plugin_path: Path) -> None:
    done = layouts_in_subprocess(plugin_path, "entry")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [*BUILT_IN, "entry-point-layout"]


def test_an_entry_point_that_fails_to_import_is_disabled_and_the_rest_load(
    plugin_path: Path,
) -> None:
    done = layouts_in_subprocess(plugin_path, None, DISABLED)
    assert done.returncode == 0, done.stderr
    names, disabled = json.loads(done.stdout)
    assert names[: len(BUILT_IN)] == BUILT_IN
    assert "entry-point-layout" in names
    [reason] = [why for name, why in disabled if name == "broken"]
    assert "broken_plugin" in reason and "ImportError: broken on purpose" in reason
    # one warning naming it and the reason
    assert done.stderr.count("PluginWarning") == 1
    assert "disabled broken:" in done.stderr and "broken on purpose" in done.stderr


class FurniturePlugin:
    """Teaches the reader an IRO's fax stamp and the words of its name."""

    @hookimpl
    def iroparse_noise_patterns(self, register: Callable[[str, str], None]) -> None:
        register("fax-header", r"rcvd \d\d/\d\d/\d{4} zenith fwd")

    @hookimpl
    def iroparse_furniture_words(self, register: Callable[[str, int], None]) -> None:
        register("Zenith", 2)


def furnished_letter() -> str:
    """The bracket sample with a stamp inside a sentence of its clinical history and a page
    break (a page number, then the IRO's name) after that history's last sentence."""
    text = BRACKET.replace(
        "of relief. He would like to \n",
        "of relief. He would like to \nrcvd 12/03/2011 zenith fwd\n",
    )
    return text.replace(
        "EMG to be sure of needle placement. \n",
        "EMG to be sure of needle placement. \nPage 2 of 3\nZenith Peer Panel\n",
    )


def test_plugins_extend_the_page_furniture_tables(registered: Callable[[object], None]) -> None:
    text = furnished_letter()
    history = iroparse.parse(text).clinical_history or ""
    assert "rcvd 12/03/2011" in history and "Zenith Peer Panel" in history  # unknown alone
    registered(FurniturePlugin())
    assert plugins.registry().furniture.words["ZENITH"] == 2
    decision = iroparse.parse(text)
    history = decision.clinical_history or ""
    assert "rcvd" not in history and "Zenith" not in history
    assert history.endswith("EMG to be sure of needle placement.")
    removed = [d.message for d in decision.diagnostics if d.code == "noise-removed"]
    assert any("rcvd 12/03/2011" in m and "fax-header" in m for m in removed), removed
    assert any("Zenith Peer Panel" in m for m in removed), removed


def test_a_plugin_word_never_weakens_a_built_in_one(registered: Callable[[object], None]) -> None:
    class Weakens:
        @hookimpl
        def iroparse_furniture_words(self, register: Callable[[str, int], None]) -> None:
            register("llc", 1)

    registered(Weakens())
    assert plugins.registry().furniture.words["LLC"] == 2


def test_registering_a_plugin_twice_leaves_it_registered_once(
    registered: Callable[[object], None],
) -> None:
    plugin = FurniturePlugin()
    registered(plugin)
    before = plugins.registry()
    plugins.register_plugin(plugin)  # as a notebook re-running its cell would
    assert plugins.registry() is before
    assert plugins.get_plugin_manager().is_registered(plugin)
