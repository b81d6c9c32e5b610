"""The conformance kit tests the object it is handed (issue #10), and the strategies pair every
letter with exactly what it says, in every layout, so the round trip filters nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import regex
from hypothesis import HealthCheck, given, settings

import iroparse
from iroparse import Criterion, Decision, Outcome, plugins
from iroparse._builtin.layouts import BracketLayout
from iroparse.catalogue import CRITERIA
from iroparse.hookspecs import hookimpl
from iroparse.layout import Layout, Mark, RegexLayout
from iroparse.testing import assert_round_trip, check_layout, letters
from iroparse.testing.conformance import registered

FAST = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class Caret(RegexLayout):
    """``^Y label`` / ``^N label``: a small layout of the tests' own."""

    name = "test-caret"
    description = "A caret and Y or N before every label."
    pattern = regex.compile(r"^\s*(?P<mark>\^[YN])\s+(?P<label>\S.*?)\s*$")
    checked_marks = frozenset({"^Y"})
    mark_shape = r"^\s*\^[YN]\s"
    mark_chars = "^"

    def format_item(self, label: str, checked: bool) -> str:
        """``^Y label`` or ``^N label``."""
        return f"^{'Y' if checked else 'N'} {label}"


def test_a_layout_conforms() -> None:
    check_layout(Caret(), max_examples=10)


def test_the_registered_object_itself_is_tested() -> None:
    check_layout(plugins.registry().layouts["bracket"], max_examples=5)


def test_a_layout_named_like_a_built_in_fails_and_says_so() -> None:
    class Impostor(Caret):
        name = "bracket"

    with pytest.raises(AssertionError, match=r"'bracket' is taken by another object"):
        check_layout(Impostor(), max_examples=5)


def test_a_subclass_that_breaks_checked_marks_under_the_built_in_name_fails() -> None:
    class Broken(BracketLayout):
        checked_marks = frozenset({"Z"})

    with pytest.raises(AssertionError, match="taken by another object"):
        check_layout(Broken(), max_examples=5)


def test_a_subclass_that_breaks_checked_marks_fails() -> None:
    class Broken(BracketLayout):
        name = "test-broken-bracket"
        checked_marks = frozenset({"Z"})

    with pytest.raises(AssertionError, match=r"format_item\('Upheld \(Agree\)', True\)"):
        check_layout(Broken(), max_examples=5)


def test_another_instance_of_a_registered_plugins_class_fails_and_says_what_to_do() -> None:
    layout = Caret()

    class Plugin:
        @hookimpl
        def iroparse_register_layouts(self, register: Callable[[Layout], None]) -> None:
            register(layout)

    plugin = Plugin()
    plugins.register_plugin(plugin)
    try:
        check_layout(layout, max_examples=5)
        with pytest.raises(AssertionError, match="pass the registered object"):
            check_layout(Caret(), max_examples=5)
    finally:
        plugins.unregister_plugin(plugin)


def test_a_mark_shape_that_misses_the_marks_fails() -> None:
    class Misses(Caret):
        name = "test-misses"
        mark_shape = r"^\s*\[[YN]\]"

    with pytest.raises(AssertionError, match=r"mark_shape .* does not find the mark"):
        check_layout(Misses(), max_examples=5)


def test_a_layout_iroparse_disables_fails_with_the_reason() -> None:
    class Raises(Caret):
        name = "test-raises"

        def read_mark(self, line: str) -> Mark:
            raise RuntimeError("no marks")

    with (
        pytest.warns(plugins.PluginWarning),
        pytest.raises(AssertionError, match=r"disabled .*RuntimeError: no marks"),
    ):
        check_layout(Raises(), max_examples=5)


def test_registered_leaves_the_registry_as_it_was() -> None:
    before = [layout.name for layout in iroparse.layouts()]
    caret = Caret()
    with registered(caret) as active:
        assert active is caret
        assert plugins.registry().layouts["test-caret"] is caret
    assert [layout.name for layout in iroparse.layouts()] == before


# -- faithful letters ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [layout.name for layout in iroparse.layouts()])
def test_every_pair_says_exactly_its_decision(name: str) -> None:
    layout = plugins.registry().layouts[name]

    @FAST
    @given(letters(layout=name, noise=False))
    def check(case: tuple[str, Decision]) -> None:
        text, decision = case
        assert layout.carried(decision) == decision  # nothing the letter cannot say
        parsed = iroparse.parse(text)
        assert [(c.code, c.checked) for c in parsed.criteria] == [
            (c.code, c.checked) for c in decision.criteria
        ]

    check()


def test_inline_letters_carry_only_the_checked_criteria() -> None:
    @FAST
    @given(letters(layout="inline"))
    def check(case: tuple[str, Decision]) -> None:
        assert all(c.checked for c in case[1].criteria)

    check()


def test_the_round_trip_filters_nothing() -> None:
    # an inline letter cannot print unchecked criteria: a decision holding some is not what
    # the letter says, and the round trip says so instead of filtering them away
    decision = Decision(
        outcome=Outcome.OVERTURNED,
        criteria=tuple(Criterion(e.code, e.label, e.code == "odg") for e in CRITERIA[7:10]),
    )
    inline = plugins.registry().layouts["inline"]
    text = inline.render(decision)
    with pytest.raises(AssertionError, match="criteria"):
        assert_round_trip(text, decision, "inline")
    assert_round_trip(text, inline.carried(decision), "inline")


class Unseen(Caret):
    """Reads its marks but never scores its own letters: every round trip fails."""

    name = "test-unseen"
    parses = 0

    def score(self, *args: object, **kwargs: object) -> float:
        Unseen.parses += 1
        return 0.0


def test_the_first_failing_example_is_reported_at_once() -> None:
    Unseen.parses = 0
    with pytest.raises(AssertionError):
        check_layout(Unseen(), max_examples=50)
    # no shrinking: the suite stops at the first letter that fails (a few parses, each
    # scoring the layout once or twice), instead of hunting for a smaller one
    assert 0 < Unseen.parses <= 10


class Slow(Caret):
    """A layout whose scoring takes a while."""

    name = "test-slow"

    def score(self, *args: object, **kwargs: object) -> float:
        import time

        time.sleep(0.05)
        return super().score(*args, **kwargs)  # type: ignore[arg-type]


def test_the_checks_stop_when_their_time_budget_is_spent() -> None:
    with pytest.warns(UserWarning, match=r"time budget of 0\.5 s was spent after \d+ examples"):
        check_layout(Slow(), max_examples=40, time_budget=0.5)
