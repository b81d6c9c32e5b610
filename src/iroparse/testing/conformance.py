"""The round-trip contract and :func:`check_layout`, the conformance suite for layouts.

:func:`contract_fields` is what a round trip must give back (DESIGN section 4): outcome,
review date, case number, services (text and CPT codes), reviewer qualifications, records
provided, clinical history and analysis (whitespace folded), the criteria (code, checked,
description; only the checked ones for a layout with ``lists_unchecked = False``) and the
patient's age and sex. :func:`assert_round_trip` compares a parse with the decision rendered.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    want = contract_fields(expected, chosen)
    got = contract_fields(parsed, chosen)
    # A parser reads every criterion it sees; compare with the expected ones only.
    if not chosen.lists_unchecked:
        got["criteria"] = [c for c in got["criteria"] if c[1]]
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


@contextlib.contextmanager
def registered(layout: Layout) -> Iterator[Layout]:
    """Register ``layout`` for the duration of a ``with`` block, unless a layout of that
    name is registered already (then that one is used)."""
    from iroparse.plugins import register_plugin, registry, unregister_plugin

    if layout.name in registry().layouts:
        yield registry().layouts[layout.name]
        return
    plugin = _OneLayout(layout)
    register_plugin(plugin, name=f"iroparse.testing.{layout.name}")
    try:
        yield layout
    finally:
        unregister_plugin(plugin)


def check_layout(layout: Layout, *, max_examples: int = 100) -> None:
    """The conformance suite for a layout: call it from a plugin's own tests.

    It registers ``layout`` if it is not registered yet, then checks with hypothesis, on
    ``max_examples`` letters each, that

    1. **round trip**: letters rendered by the layout and put through extraction noise parse
       back to the decision they were rendered from (:func:`assert_round_trip`);
    2. **detection**: :func:`iroparse.detect_layout` ranks the layout first on its own letters;
    3. **robustness**: mutated letters (lines deleted, duplicated, swapped, marks doubled,
       headings cut) parse or raise :class:`~iroparse.IroParseError`, never anything else,
       and each parse finishes within :data:`HANG_SECONDS`.

    It raises the failing example's ``AssertionError`` (or error) when a check fails.
    """
    from iroparse.testing.hostile import mutations

    options = settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    with registered(layout) as active:

        @options
        @given(letters(active))
        def round_trip(case: tuple[str, Decision]) -> None:
            assert_round_trip(case[0], case[1], active)

        @options
        @given(letters(active))
        def detection(case: tuple[str, Decision]) -> None:
            ranked = current_parser().detect(case[0])
            assert ranked[0].name == active.name, f"detected {ranked[:3]} instead"

        @options
        @given(st.data())
        def robustness(data: st.DataObject) -> None:
            text, _ = data.draw(letters(active))
            mutated = data.draw(mutations(text))
            begin = time.perf_counter()
            with contextlib.suppress(IroParseError):
                current_parser().parse(mutated)
            elapsed = time.perf_counter() - begin
            assert elapsed < HANG_SECONDS, f"parse took {elapsed:.1f} s"

        round_trip()
        detection()
        robustness()
