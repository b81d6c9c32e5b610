"""A layout plugin cannot take parsing down (issue #12): whatever is wrong with it, it is
disabled with one warning naming it and the reason, listed in ``Registry.disabled``, and every
letter still parses with the other layouts. One test per way of breaking.

(A plugin that fails to import is ``test_plugins.py``'s entry-point test: it needs a package.)
"""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import regex

import iroparse
from iroparse import _guard, plugins
from iroparse._builtin.layouts import BracketLayout
from iroparse.hookspecs import hookimpl
from iroparse.layout import Layout, Mark, RegexLayout
from iroparse.plugins import PluginWarning

GOLDEN = Path(__file__).parent / "golden"
BRACKET = (GOLDEN / "004_4475ce78ad411086.txt").read_text(encoding="utf-8")


class Pipe(RegexLayout):
    """A well-behaved layout (``label | ON`` / ``label | OFF``) that the tests below break."""

    name = "test-pipe"
    description = "A pipe and ON or OFF after every label."
    position = "after"
    pattern = regex.compile(r"^\s*(?P<label>.*?)\s*\|\s*(?P<mark>ON|OFF)\s*$")
    checked_marks = frozenset({"ON"})
    mark_shape = r"\|\s*(?:ON|OFF)\s*$"
    mark_chars = "|"

    def format_item(self, label: str, checked: bool) -> str:
        """``label | ON`` or ``label | OFF``."""
        return f"{label} | {'ON' if checked else 'OFF'}"


class Registers:
    """A plugin registering the given layouts (or other objects)."""

    def __init__(self, *things: object) -> None:
        self.things = things

    @hookimpl
    def iroparse_register_layouts(self, register: Callable[[object], None]) -> None:
        for thing in self.things:
            register(thing)


@pytest.fixture
def install() -> Iterator[Callable[[object, str], None]]:
    """Register plugins under a name for one test; unregister them afterwards."""
    added: list[object] = []

    def register(plugin: object, name: str) -> None:
        plugins.register_plugin(plugin, name=name)
        added.append(plugin)

    yield register
    for plugin in reversed(added):
        plugins.unregister_plugin(plugin)


def assert_disabled(name: str, *why: str) -> str:
    """Building the registry warns once that ``name`` is disabled for a reason containing
    every ``why``; the registry lists it; the bracket letter still parses. The reason."""
    with pytest.warns(PluginWarning) as caught:
        registry = plugins.registry()
    messages = [str(w.message) for w in caught if issubclass(w.category, PluginWarning)]
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"iroparse: disabled {name}:")
    reasons = [reason for entry, reason in registry.disabled if entry == name]
    assert len(reasons) == 1, registry.disabled
    for part in why:
        assert part in reasons[0], reasons[0]
    assert_bracket_letter_parses()
    return reasons[0]


def assert_bracket_letter_parses() -> None:
    decision = iroparse.parse(BRACKET)
    assert decision.layout == "bracket"
    assert decision.outcome is iroparse.Outcome.UPHELD
    assert decision.checked_criteria == ("medical_judgement", "odg")


# -- the plugin's hooks --------------------------------------------------------------------------


def test_a_hook_that_raises(install: Callable[[object, str], None]) -> None:
    class Raises:
        @hookimpl
        def iroparse_register_layouts(self, register: Callable[[Layout], None]) -> None:
            register(Pipe())
            raise RuntimeError("no layouts today")

    install(Raises(), "raises")
    assert_disabled("raises", "RuntimeError", "no layouts today", "iroparse_register_layouts")
    assert "test-pipe" not in plugins.registry().layouts  # nothing of it is kept


def test_a_catalogue_hook_that_raises_drops_the_plugins_layouts_too(
    install: Callable[[object, str], None],
) -> None:
    class Half:
        @hookimpl
        def iroparse_register_layouts(self, register: Callable[[Layout], None]) -> None:
            register(Pipe())

        @hookimpl
        def iroparse_criteria(self, register: Callable[[str, str, str], None]) -> None:
            raise KeyError("criteria")

    install(Half(), "half")
    assert_disabled("half", "KeyError", "iroparse_criteria")
    assert "test-pipe" not in plugins.registry().layouts


def test_a_hook_that_returns_a_value_instead_of_registering(
    install: Callable[[object, str], None],
) -> None:
    class Returns:
        @hookimpl
        def iroparse_register_layouts(self, register: Callable[[Layout], None]) -> object:
            return [Pipe()]

    install(Returns(), "returns")
    assert_disabled("returns", "returned [<Pipe 'test-pipe'>]", "instead of registering")


@pytest.mark.parametrize(
    ("thing", "why"),
    [
        ("not a layout", "not an iroparse.layout.Layout"),
        (type("Nameless", (Pipe,), {"name": ""})(), "named ''"),
        (type("Sideways", (Pipe,), {"position": "sideways"})(), "position 'sideways'"),
        (type("BadShape", (Pipe,), {"mark_shape": "(unclosed"})(), "mark_shape does not compile"),
        (type("NumberChars", (Pipe,), {"mark_chars": 7})(), "mark_chars is not a string"),
    ],
    ids=["not-a-layout", "no-name", "bad-position", "bad-shape", "bad-chars"],
)
def test_registering_garbage(install: Callable[[object, str], None], thing: Any, why: str) -> None:
    install(Registers(thing), f"garbage-{why[:12]}")
    assert_disabled(f"garbage-{why[:12]}", why)


@pytest.mark.parametrize(
    ("hook", "args", "why"),
    [
        ("iroparse_heading_aliases", ("no_such_kind", "SUMMARY"), "heading alias"),
        ("iroparse_heading_aliases", ("analysis", "..."), "heading alias"),
        ("iroparse_criteria", ("apta", "APTA", "(unclosed"), "bad signature"),
        ("iroparse_criteria", ("apta", None, "APTA"), "registered the criterion"),
        ("iroparse_noise_patterns", ("Stamp Kind", "ACME"), "noise pattern"),
        ("iroparse_noise_patterns", ("stamp", "(unclosed"), "does not compile"),
        ("iroparse_noise_patterns", ("stamp", "x*"), "matches nothing at all"),
        ("iroparse_furniture_words", ("ACME CO", 2), "furniture word"),
        ("iroparse_furniture_words", ("ACME", 3), "weight 1 or 2"),
        ("iroparse_furniture_words", ("ACME", True), "weight 1 or 2"),
    ],
    ids=[
        "unknown-kind",
        "empty-alias",
        "bad-signature",
        "no-label",
        "noise-kind",
        "noise-compile",
        "noise-empty",
        "word-spaces",
        "word-weight",
        "word-bool",
    ],
)
def test_registering_a_malformed_catalogue_entry(
    install: Callable[[object, str], None], hook: str, args: tuple[Any, ...], why: str
) -> None:
    def implementation(register: Callable[..., None]) -> None:
        register(*args)

    plugin = type("Catalogue", (), {hook: staticmethod(hookimpl(implementation))})()
    name = f"catalogue-{hook[9:13]}-{args[-1]}"
    install(plugin, name)
    assert_disabled(name, why)


# -- the layout's methods: found by the probe ------------------------------------------------------


class ScoreRaises(Pipe):
    name = "test-score-raises"

    def score(self, lines: Sequence[str]) -> float:
        raise ZeroDivisionError("score")


class ScoreNaN(Pipe):
    name = "test-score-nan"

    def score(self, lines: Sequence[str]) -> float:
        return float("nan")


class ScoreTooHigh(Pipe):
    name = "test-score-high"

    def score(self, lines: Sequence[str]) -> float:
        return 7.0


class ScoreText(Pipe):
    name = "test-score-text"

    def score(self, lines: Sequence[str]) -> float:
        return "high"  # type: ignore[return-value]


class ReadRaises(Pipe):
    name = "test-read-raises"

    def read_mark(self, line: str) -> Mark:
        raise IndexError("read")


class ReadNone(Pipe):
    name = "test-read-none"

    def read_mark(self, line: str) -> Mark:
        return None  # type: ignore[return-value]


class RenderRaises(Pipe):
    name = "test-render-raises"

    def format_item(self, label: str, checked: bool) -> str:
        raise ValueError("cannot write")


@pytest.mark.parametrize(
    ("layout", "why"),
    [
        (ScoreRaises(), "score() raised ZeroDivisionError: score"),
        (ScoreNaN(), "score() returned NaN on its own sample letter"),
        (ScoreTooHigh(), "score() returned 7.0, outside 0..1"),
        (ScoreText(), "score() returned 'high', not a number"),
        (ReadRaises(), "read_mark() raised IndexError: read"),
        (ReadNone(), "read_mark() returned None, not a Mark"),
        (RenderRaises(), "render() raised ValueError: cannot write"),
    ],
    ids=lambda x: x.name if isinstance(x, Layout) else "",
)
def test_a_layout_that_fails_its_probe(
    install: Callable[[object, str], None], layout: Layout, why: str
) -> None:
    install(Registers(layout), f"plugin-{layout.name}")
    reason = assert_disabled(layout.name, why, f"of plugin 'plugin-{layout.name}'")
    assert reason.startswith(f"layout {layout.name!r}")
    assert layout.name not in plugins.registry().layouts


def test_a_layout_whose_score_spins_forever_is_stopped(
    install: Callable[[object, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Spins(Pipe):
        name = "test-spins"

        def score(self, lines: Sequence[str]) -> float:
            while True:
                pass

    monkeypatch.setattr(_guard, "PROBE_SECONDS", 0.3)
    install(Registers(Spins()), "spins")
    begin = time.perf_counter()
    assert_disabled("test-spins", "did not finish", "within 0.3 s")
    assert time.perf_counter() - begin < 5
    # the probe thread was asked to stop, and does: it does not eat the parser's time
    deadline = time.monotonic() + 5
    while _probe_threads("test-spins") and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not _probe_threads("test-spins")


def test_a_layout_whose_read_mark_blocks_is_disabled(
    install: Callable[[object, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    class Blocks(Pipe):
        name = "test-blocks"

        def read_mark(self, line: str) -> Mark:
            release.wait(60)  # blocked outside the interpreter: cannot be interrupted
            return super().read_mark(line)

    monkeypatch.setattr(_guard, "PROBE_SECONDS", 0.3)
    install(Registers(Blocks()), "blocks")
    try:
        assert_disabled("test-blocks", "did not finish")
    finally:
        release.set()


def _probe_threads(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == f"iroparse-probe-{name}" and t.is_alive()]


# -- the layout's methods: failing only on some letter ---------------------------------------------


class Greedy(BracketLayout):
    """Claims every bracket letter (score 1) and fails on lines containing ``BOOM``."""

    name = "test-greedy"
    trigger = "BOOM"

    def score(self, lines: Sequence[str]) -> float:
        if any(self.trigger in line for line in lines) and self.fail_in == "score":
            raise RuntimeError("boom in score")
        return 1.0

    def read_mark(self, line: str) -> Mark:
        if self.trigger in line and self.fail_in == "read_mark":
            raise RuntimeError("boom in read_mark")
        return super().read_mark(line)

    def __init__(self, fail_in: str) -> None:
        self.fail_in = fail_in


BOOM_LETTER = BRACKET.replace(
    "[  ] TMF SCREENING CRITERIA MANUAL",
    "[  ] TMF SCREENING CRITERIA MANUAL\n\n[  ] BOOM GUIDELINES",
)


@pytest.mark.parametrize("fail_in", ["score", "read_mark"])
def test_a_layout_failing_on_one_letter_is_disabled_and_the_letter_still_parses(
    install: Callable[[object, str], None], fail_in: str
) -> None:
    install(Registers(Greedy(fail_in)), f"greedy-{fail_in}")
    assert "test-greedy" in plugins.registry().layouts  # it passed its probe
    assert iroparse.parse(BRACKET).layout == "test-greedy"  # and wins bracket letters
    with pytest.warns(PluginWarning, match=f"disabled test-greedy: .*boom in {fail_in}"):
        decision = iroparse.parse(BOOM_LETTER)
    assert decision.layout == "bracket"
    assert decision.outcome is iroparse.Outcome.UPHELD
    assert "test-greedy" not in plugins.registry().layouts
    [reason] = [why for name, why in plugins.registry().disabled if name == "test-greedy"]
    assert f"of plugin 'greedy-{fail_in}'" in reason
    assert_bracket_letter_parses()


def test_a_layout_whose_score_is_slow_on_one_letter_is_disabled_after_it(
    install: Callable[[object, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Slow(Greedy):
        name = "test-slow"

        def score(self, lines: Sequence[str]) -> float:
            if any(self.trigger in line for line in lines):
                time.sleep(0.3)
            return 0.5

    monkeypatch.setattr(_guard, "CALL_SECONDS", 0.1)
    install(Registers(Slow("score")), "slow")
    with pytest.warns(PluginWarning, match=r"disabled test-slow: .*score\(\) took"):
        assert iroparse.parse(BOOM_LETTER).layout == "bracket"
    assert "test-slow" not in plugins.registry().layouts


def test_forcing_a_disabled_layout_says_why(install: Callable[[object, str], None]) -> None:
    install(Registers(ScoreNaN()), "forced-nan")
    with pytest.warns(PluginWarning):
        plugins.registry()
    with pytest.raises(iroparse.IroParseError, match=r"'test-score-nan' is disabled: .*NaN"):
        iroparse.parse(BRACKET, layout="test-score-nan")


def test_a_good_plugin_next_to_a_broken_one_is_kept(
    install: Callable[[object, str], None],
) -> None:
    install(Registers(Pipe()), "good")
    install(Registers(ReadRaises()), "bad")
    assert_disabled("test-read-raises", "read_mark()")
    assert "test-pipe" in plugins.registry().layouts
    letter = Pipe().render(iroparse.Decision(outcome=iroparse.Outcome.OVERTURNED))
    assert iroparse.parse(letter).layout == "test-pipe"


def test_a_disabled_plugin_is_warned_about_once(install: Callable[[object, str], None]) -> None:
    install(Registers(ScoreTooHigh()), "warned-once")
    assert_disabled("test-score-high", "outside 0..1")
    install(Registers(Pipe()), "rebuilds-the-registry")
    with warnings.catch_warnings(record=True) as caught:  # rebuilt: no second warning
        warnings.simplefilter("always")
        registry = plugins.registry()
    assert not [w for w in caught if issubclass(w.category, PluginWarning)]
    assert [name for name, _ in registry.disabled] == ["test-score-high"]


def test_the_layouts_command_lists_a_disabled_plugin(
    install: Callable[[object, str], None], capsys: pytest.CaptureFixture[str]
) -> None:
    from iroparse.cli import main

    class Raises:
        @hookimpl
        def iroparse_register_layouts(self, register: Callable[[Layout], None]) -> None:
            raise RuntimeError("no layouts today")

    install(Raises(), "raises-listed")
    with pytest.warns(PluginWarning):
        assert main(["layouts"]) == 0
    out = capsys.readouterr().out
    listed = [line for line in out.splitlines() if line.startswith("raises-listed")]
    assert listed and "disabled" in listed[0] and "no layouts today" in listed[0]
    assert any(line.startswith("bracket") for line in out.splitlines())
