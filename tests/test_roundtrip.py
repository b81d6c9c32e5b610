"""Round trip for every registered layout: parse(render(decision)) gives the decision back,
with extraction noise on. ``IROPARSE_FUZZ_EXAMPLES=2000`` (``make fuzz``) sets the number of
examples per layout; the default is hypothesis' own."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iroparse
from iroparse._fields.narrative import narrative_outcome
from iroparse._fields.patient import find_patient
from iroparse.model import Decision
from iroparse.parser import default_parser
from iroparse.testing import _vocabulary as vocab
from iroparse.testing import assert_round_trip, contract_fields, decisions, letters
from iroparse.testing.noise import MIN_WIDTH, rewrap

EXAMPLES = int(os.environ.get("IROPARSE_FUZZ_EXAMPLES", "0")) or settings.default.max_examples
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LAYOUTS = [layout.name for layout in iroparse.layouts()]


@pytest.mark.parametrize("name", LAYOUTS)
def test_round_trip_with_noise(name: str) -> None:
    @FUZZ
    @given(letters(layout=name))
    def check(case: tuple[str, Decision]) -> None:
        assert_round_trip(case[0], case[1], name)

    check()


@pytest.mark.parametrize("name", LAYOUTS)
@FUZZ
@given(data=st.data())
def test_round_trip_without_noise(name: str, data: st.DataObject) -> None:
    text, decision = data.draw(letters(layout=name, noise=False))
    assert_round_trip(text, decision, name)


@given(decisions(outcome=iroparse.Outcome.UPHELD, case_number="M2-09-1", review_date=None))
def test_decisions_pins_fields(decision: Decision) -> None:
    assert decision.outcome is iroparse.Outcome.UPHELD
    assert decision.case_number == "M2-09-1"


@settings(max_examples=5, deadline=None)
@given(decisions())
def test_a_lost_field_fails_the_round_trip(decision: Decision) -> None:
    layout = iroparse.layouts()[0]
    text = layout.render(decision).replace("DATE OF REVIEW:", "DATE OF REVIEW:\n01/01/1990")
    with pytest.raises(AssertionError, match="review_date"):
        assert_round_trip(text, decision, layout.name)


def test_contract_fields_fold_whitespace() -> None:
    one = Decision(analysis="A  b\n\nc")
    assert contract_fields(one)["analysis"] == "A b c"


@pytest.mark.parametrize("sentence", vocab.SENTENCES + tuple(vocab.CITATIONS))
def test_vocabulary_states_no_outcome_and_no_patient(sentence: str) -> None:
    assert narrative_outcome(sentence) is None
    facts = find_patient(sentence)
    assert (facts.age_span, facts.sex) == (None, None)


@pytest.mark.parametrize("citation", vocab.CITATIONS)
def test_no_wrapped_citation_line_starts_like_a_criterion(citation: str) -> None:
    reader = default_parser().criteria
    for width in range(MIN_WIDTH // 2, len(citation)):
        for line in rewrap(citation, width):
            assert reader.identify(line) is None, line


@pytest.mark.parametrize("opinion", sorted(vocab.OPINIONS.items()))
def test_opinions_agree_with_their_outcome(opinion: tuple[str, str]) -> None:
    outcome, sentence = opinion
    told = narrative_outcome(sentence)
    assert told is not None and told[0].value == outcome
