"""The round-trip contract and :func:`check_layout`, the conformance suite for layouts.

:func:`contract_fields` is what a round trip must give back (DESIGN section 4): outcome,
review date, case number, services (text and CPT codes), reviewer qualifications, records
provided, clinical history and analysis (whitespace folded), the criteria (code, checked,
description) and the patient's age and sex. :func:`assert_round_trip` compares a parse with the
decision a letter was rendered from, all of it: the strategies pair every letter with what it
carries (:meth:`~iroparse.layout.Layout.carried`), so nothing needs filtering.
"""

from __future__ import annotations

import contextlib
import time
import warnings
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import regex
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from iroparse.catalogue import OUTCOMES
from iroparse.errors import IroParseError
from iroparse.hookspecs import hookimpl
from iroparse.layout import Layout
from iroparse.model import Decision
from iroparse.testing.strategies import letters, resolve_layout

if TYPE_CHECKING:
    from iroparse.parser import Parser

__all__ = ["assert_round_trip", "check_layout", "contract_fields", "registered"]

#: Seconds one parse of a mutated letter may take before :func:`check_layout` calls it a hang.
HANG_SECONDS = 2.0
#: Seconds :func:`check_layout` spends on its generated examples by default.
TIME_BUDGET = 120.0


class _Budget:
    """A time budget shared by the hypothesis checks: once spent, the remaining examples are
    drawn (hypothesis needs every run to draw alike) but not checked, and :meth:`report` warns
    how many were left. After a failure the budget never runs out, so that hypothesis's replay
    of the failing example fails again rather than passing as spent."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.tried = 0
        self.skipped = 0
        self.failed = False

    def spent(self) -> bool:
        """Whether the budget is spent (counting the example about to run either way)."""
        if not self.failed and time.monotonic() > self.ends:
            self.skipped += 1
            return True
        self.tried += 1
        return False

    @contextlib.contextmanager
    def checking(self) -> Iterator[None]:
        """Around one example's check: remember that it failed."""
        try:
            yield
        except BaseException:
            self.failed = True
            raise

    def report(self, name: str) -> None:
        if self.skipped:
            warnings.warn(
                f"check_layout({name!r}): the time budget of {self.seconds:g} s was spent after "
                f"{self.tried} examples; {self.skipped} were not tried (raise time_budget to "
                "try them all)",
                UserWarning,
                stacklevel=3,
            )


_PARSER: list[Any] = []


def current_parser() -> Parser:
    """A parser for the current plugin registry, rebuilt only when the registry changes."""
    from iroparse.parser import Parser
    from iroparse.plugins import registry

    plugins = registry()
    if not _PARSER or _PARSER[0].registry is not plugins:
        _PARSER[:] = [Parser(plugins)]
    parser: Parser = _PARSER[0]
    return parser


def _fold(text: str | None) -> str | None:
    folded = " ".join(text.split()) if text else ""
    return folded or None


def contract_fields(decision: Decision, layout: Layout | None = None) -> dict[str, Any]:
    """The fields of ``decision`` a round trip through ``layout`` must keep, as plain data."""
    keep_unchecked = layout is None or layout.lists_unchecked
    return {
        "outcome": decision.outcome.value,
        "review_date": decision.review_date,
        "case_number": decision.case_number,
        "services": [(s.text, tuple(s.cpt_codes)) for s in decision.services],
        "reviewer_qualifications": [q.text for q in decision.reviewer_qualifications],
        "information_provided": [i.text for i in decision.information_provided],
        "clinical_history": _fold(decision.clinical_history),
        "analysis": _fold(decision.analysis),
        "criteria": [
            (c.code, c.checked, _fold(c.description))
            for c in decision.criteria
            if keep_unchecked or c.checked
        ],
        "patient": (decision.patient.age, decision.patient.sex),
    }


def assert_round_trip(text: str, expected: Decision, layout: Layout | str) -> Decision:
    """Parse ``text`` (a letter rendered from ``expected`` by ``layout``) and assert that it
    gives back :func:`contract_fields` of ``expected`` and the layout's name. Returns the
    parsed decision. The assertion message names every field that differs."""
    chosen = resolve_layout(layout)
    parsed = current_parser().parse(text)
    want = contract_fields(expected)
    got = contract_fields(parsed)
    wrong = {key: (want[key], got[key]) for key in want if want[key] != got[key]}
    if parsed.layout != chosen.name:
        wrong["layout"] = (chosen.name, parsed.layout)
    assert not wrong, "round trip lost fields (expected, parsed):\n" + "\n".join(
        f"  {key}: {pair[0]!r}\n  {' ' * len(key)}  {pair[1]!r}" for key, pair in wrong.items()
    )
    return parsed


class _OneLayout:
    """A plugin registering one layout object."""

    def __init__(self, layout: Layout):
        self.layout = layout

    @hookimpl
    def iroparse_register_layouts(self, register: Callable[[Layout], None]) -> None:
        register(self.layout)


def _owner(layout: Layout) -> str:
    return f"{type(layout).__module__}.{type(layout).__qualname__}"


@contextlib.contextmanager
def registered(layout: Layout) -> Iterator[Layout]:
    """Register ``layout`` for the duration of a ``with`` block, unless it is registered
    already, and yield it.

    Raises :class:`AssertionError` when another object is registered under ``layout.name``
    (a built-in of that name, or another instance of the plugin's class), and when iroparse
    disables ``layout`` on registering it (see :mod:`iroparse.plugins`), with the reason."""
    from iroparse.plugins import register_plugin, registry, unregister_plugin

    held = registry().layouts.get(layout.name)
    if held is layout:
        yield layout
        return
    if held is not None:
        raise AssertionError(
            f"the layout name {layout.name!r} is taken by another object, {held!r} of "
            f"{_owner(held)}, so {layout!r} of {_owner(layout)} cannot be tested as it would "
            "be registered: iroparse would keep the other one. Rename the layout, or pass the "
            f"registered object (iroparse.plugins.registry().layouts[{layout.name!r}]); a "
            "plugin's tests can also run with IROPARSE_LOAD_PLUGINS='' so that check_layout "
            "registers the object itself."
        )
    plugin = _OneLayout(layout)
    plugin_name = f"iroparse.testing.{layout.name}"
    register_plugin(plugin, name=plugin_name)
    try:
        plugins = registry()
        if plugins.layouts.get(layout.name) is not layout:
            reasons = [why for name, why in plugins.disabled if name in (layout.name, plugin_name)]
            raise AssertionError(
                f"iroparse disabled {layout!r}: {'; '.join(reasons) or 'no reason recorded'}"
            )
        yield layout
    finally:
        unregister_plugin(plugin)


def _check_marks(layout: Layout) -> None:
    """Every item :meth:`~Layout.format_item` writes reads back with its label and tick, and
    a written mark is one :attr:`~Layout.mark_shape` and :attr:`~Layout.mark_chars` find."""
    from iroparse.plugins import registry

    shape = regex.compile(layout.mark_shape) if layout.mark_shape else None
    for entry in (*OUTCOMES, *registry().criteria):
        for checked in (True, False):
            line = layout.format_item(entry.label, checked)
            mark = layout.read_mark(line)
            folded = (mark.checked, " ".join(mark.label.split()))
            assert folded == (checked, " ".join(entry.label.split())), (
                f"format_item({entry.label!r}, {checked}) wrote {line!r}, which read_mark "
                f"reads as {mark!r}"
            )
            if not mark.explicit:
                assert not checked, f"read_mark finds no mark in the checked item {line!r}"
                continue
            assert shape is None or shape.search(line), (
                f"mark_shape {layout.mark_shape!r} does not find the mark of {line!r}"
            )
            assert not layout.mark_chars or any(c in line for c in layout.mark_chars), (
                f"none of mark_chars {layout.mark_chars!r} is in {line!r}"
            )


def check_layout(
    layout: Layout,
    *,
    max_examples: int = 100,
    time_budget: float = TIME_BUDGET,
    shrink: bool = False,
) -> None:
    """The conformance suite for a layout: call it from a plugin's own tests.

    It tests the very object it is given: it registers ``layout`` if it is not registered
    yet, and fails with a message saying so when another object holds its name (see
    :func:`registered`) or iroparse disables it. Then it checks that

    1. **marks**: every item :meth:`~iroparse.layout.Layout.format_item` writes reads back
       (:meth:`~iroparse.layout.Layout.read_mark`) with its label and tick, and its
       :attr:`~iroparse.layout.Layout.mark_shape` and ``mark_chars`` find its marks;

    and, with hypothesis, on ``max_examples`` letters each, that

    2. **round trip**: letters rendered by the layout and put through extraction noise parse
       back to exactly the decision they carry (:func:`assert_round_trip`);
    3. **detection**: :func:`iroparse.detect_layout` ranks the layout first on its own letters;
    4. **robustness**: mutated letters (lines deleted, duplicated, swapped, marks doubled,
       headings cut) parse or raise :class:`~iroparse.IroParseError`, never anything else,
       and each parse finishes within :data:`HANG_SECONDS`.

    It raises the failing example's ``AssertionError`` (or error) when a check fails: the
    first one found, at once, unless ``shrink`` asks hypothesis to look for a smaller one
    first (which can take minutes on a layout that fails everywhere). The generated checks
    share ``time_budget`` seconds; the examples left when it is spent are not tried, and a
    ``UserWarning`` says how many were.
    """
    from iroparse.testing.hostile import mutations

    phases = [p for p in Phase if shrink or p not in (Phase.shrink, Phase.explain)]
    options = settings(
        max_examples=max_examples,
        deadline=None,
        phases=phases,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    budget = _Budget(time_budget)
    with registered(layout) as active:
        _check_marks(active)

        @options
        @given(st.data())
        def round_trip(data: st.DataObject) -> None:
            text, decision = data.draw(letters(active))
            if not budget.spent():
                with budget.checking():
                    assert_round_trip(text, decision, active)

        @options
        @given(st.data())
        def detection(data: st.DataObject) -> None:
            text, _ = data.draw(letters(active))
            if not budget.spent():
                with budget.checking():
                    ranked = current_parser().detect(text)
                    assert ranked[0].name == active.name, f"detected {ranked[:3]} instead"

        @options
        @given(st.data())
        def robustness(data: st.DataObject) -> None:
            text, _ = data.draw(letters(active))
            mutated = data.draw(mutations(text))
            if budget.spent():
                return
            with budget.checking():
                begin = time.perf_counter()
                with contextlib.suppress(IroParseError):
                    current_parser().parse(mutated)
                elapsed = time.perf_counter() - begin
                assert elapsed < HANG_SECONDS, f"parse took {elapsed:.1f} s"

        round_trip()
        detection()
        robustness()
    budget.report(active.name)
