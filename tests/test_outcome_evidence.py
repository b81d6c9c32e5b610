"""No outcome is returned from a default: every outcome other than ``unknown`` has the span of
the checked mark or of the decision words it was read from, and ``unknown`` always comes with a
diagnostic saying why (issue: the outcome is never silently wrong)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iroparse
from iroparse._fields.narrative import decision_sentence
from iroparse.testing import letters

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "examples" / "letters").glob("*.txt")) + sorted(
    (ROOT / "tests" / "letters").rglob("*.txt")
)
#: The diagnostics that explain an unknown outcome.
EXPLAINS_UNKNOWN = {"outcome-missing", "outcome-ambiguous", "layout-unknown", "section-missing"}


def assert_outcome_has_evidence(text: str, decision: iroparse.Decision) -> None:
    """The outcome is backed by a span of the text, or is unknown with a reason."""
    if decision.outcome is iroparse.Outcome.UNKNOWN:
        codes = {d.code for d in decision.diagnostics}
        assert codes & EXPLAINS_UNKNOWN, f"unknown outcome without a reason: {sorted(codes)}"
        return
    span = decision.spans.outcome
    assert span is not None, f"{decision.outcome.value} has no span: read from a default?"
    assert span.slice(text).strip(), "the outcome's span covers no text"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_outcome_has_evidence(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert_outcome_has_evidence(text, iroparse.parse(text))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_layout_outcome_has_evidence(data: st.DataObject) -> None:
    layout = data.draw(st.sampled_from([lay.name for lay in iroparse.layouts()]))
    text, _ = data.draw(letters(layout=layout))
    assert_outcome_has_evidence(text, iroparse.parse(text))


def test_unreadable_boxes_give_unknown_not_the_first_label() -> None:
    text = (
        "NOTICE OF INDEPENDENT REVIEW DECISION\n\nDATE OF REVIEW: 05/12/2011\n\n"
        "REVIEW OUTCOME:\nUpon independent review, the reviewer finds that the previous adverse"
        " determination should be:\n\n"
        "~~ Upheld (Agree)\n~~ Overturned (Disagree)\n"
        "~~ Partially Overturned (Agree in part/Disagree in part)\n\n"
        "PATIENT CLINICAL HISTORY SUMMARY:\nThe patient is a 40-year-old man.\n"
    )
    decision = iroparse.parse(text)
    assert decision.outcome is iroparse.Outcome.UNKNOWN
    assert "outcome-missing" in {d.code for d in decision.diagnostics}


def test_an_older_narrative_letter_is_read_from_its_decision_sentence() -> None:
    text = (ROOT / "tests" / "letters" / "narrative" / "twcc_2005.txt").read_text()
    decision = iroparse.parse(text)
    assert decision.outcome is iroparse.Outcome.UPHELD
    assert "outcome-from-narrative" in {d.code for d in decision.diagnostics}
    assert_outcome_has_evidence(text, decision)
    with pytest.raises(iroparse.StrictModeError):
        iroparse.parse(text, strict=True)


def test_prose_that_only_mentions_necessity_is_still_not_a_letter() -> None:
    with pytest.raises(iroparse.NotAnIroLetter, match="independent review"):
        iroparse.parse("Physical therapy is medically necessary after surgery. " * 10)


def test_a_layout_that_cannot_read_the_outcome_boxes_does_not_answer_the_first_label() -> None:
    text = (ROOT / "tests" / "letters" / "mixed" / "paren_outcome_glyph_criteria.txt").read_text()
    forced = iroparse.parse(text, layout="glyph")  # glyph cannot read ``( X )`` boxes
    assert forced.outcome is not iroparse.Outcome.UPHELD
    assert {d.code for d in forced.diagnostics} & {"outcome-from-narrative", "outcome-missing"}
    chosen = iroparse.parse(text)  # each checklist read with the layout that fits it
    assert (chosen.outcome, chosen.checked_criteria) == (
        iroparse.Outcome.OVERTURNED,
        ("medical_judgement", "odg"),
    )


def _records_heading(text: str) -> int | None:
    lines = text.split("\n")
    starts = (i for i, line in enumerate(lines) if line.upper().startswith("INFORMATION PROVIDED"))
    return next(starts, None)


WITH_RECORDS = [p for p in SAMPLES if _records_heading(p.read_text(encoding="utf-8")) is not None]


@pytest.mark.parametrize("path", WITH_RECORDS, ids=lambda p: p.stem)
def test_a_table_of_services_answered_yes_no_under_the_boxes_leaves_the_outcome(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = _records_heading(text)
    assert at is not None
    table = [
        "Service                                          Medically necessary",
        "Lumbar epidural steroid injection                Yes",
        "Fluoroscopic guidance                            No",
        "",
    ]
    noisy = "\n".join([*lines[:at], *table, *lines[at:]])
    assert iroparse.parse(noisy).outcome is iroparse.parse(text).outcome


def test_a_services_table_does_not_outvote_the_outcome_boxes_marks() -> None:
    """A tick before the checked outcome only, then a table of services answered Yes/No: the
    table's answers are no outcome marks, so the tick decides."""
    base = (ROOT / "examples" / "letters" / "leading-x_sample.txt").read_text(encoding="utf-8")
    boxes = (
        "    Upheld (Agree)\nX   Overturned (Disagree)\n"
        "    Partially Overturned (Agree in part/Disagree in part)\n"
    )
    ticked = (
        "Upheld (Agree)\n✓ Overturned (Disagree)\n"
        "Partially Overturned (Agree in part/Disagree in part)\n\n"
        "Service                                          Medically necessary\n"
        "Lumbar epidural steroid injection                Yes\n"
        "Fluoroscopic guidance                            No\n"
    )
    assert boxes in base
    decision = iroparse.parse(base.replace(boxes, ticked))
    assert decision.outcome is iroparse.Outcome.OVERTURNED
    assert "outcome-from-narrative" not in [d.code for d in decision.diagnostics]


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("The denial is reversed.", "overturned"),
        ("It is the decision of the reviewer that the HMO's denial be reversed.", "overturned"),
        ("It is the reviewer's decision that the denial be upheld.", "upheld"),
        ("The adverse determination is overturned in part.", "partially_overturned"),
        ("The reviewer agrees in part with the carrier.", "partially_overturned"),
        ("I concur with the carrier's denial of the request.", "upheld"),
        ("The previous adverse determination is affirmed.", "upheld"),
        ("The IRO upholds the denial.", "upheld"),
        ("The requested service is not certified.", "upheld"),
    ],
)
def test_a_decision_written_out_in_other_words_gives_the_outcome(
    sentence: str, outcome: str
) -> None:
    """With no box to read, the analysis's decision decides, in the words reviewers use
    (``reversed``, ``affirmed``, ``concur``, ``upholds``, ``not certified``, ``in part``)."""
    text = (
        "NOTICE OF INDEPENDENT REVIEW DECISION\n\nDATE OF REVIEW: 05/12/2011\n\n"
        "REVIEW OUTCOME:\nUpon independent review, the reviewer finds that the previous adverse"
        " determination should be:\n\n"
        "PATIENT CLINICAL HISTORY SUMMARY:\nThe patient is a 40-year-old man.\n\n"
        "ANALYSIS AND EXPLANATION OF THE DECISION:\nThe records were reviewed in full. "
        f"{sentence}\n"
    )
    decision = iroparse.parse(text)
    assert decision.outcome.value == outcome
    assert_outcome_has_evidence(text, decision)


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("The reviewer does not agree with the carrier's denial.", "overturned"),
        ("The reviewer partially agrees with the carrier.", "partially_overturned"),
        ("The reviewer disagrees in part with the HMO.", "partially_overturned"),
        (
            "The reviewer finds that the carrier's adverse determination is reversed in part and"
            " affirmed in part.",
            "partially_overturned",
        ),
        (
            "The HMO's determination is affirmed in part and reversed in part.",
            "partially_overturned",
        ),
        ("The HMO's adverse determination is affirmed.", "upheld"),
        ("The reviewer disagrees with the previous adverse determination.", "overturned"),
    ],
)
def test_decision_sentences_of_older_letters(sentence: str, outcome: str) -> None:
    found = decision_sentence(sentence)
    assert found is not None
    assert found[0].value == outcome


def test_a_decision_that_disagrees_about_one_service_and_agrees_about_the_rest_is_partial() -> None:
    """An older letter's decision paragraph, one sentence per side: the reviewer disagrees
    about some services and agrees about the others, so the denial is partly overturned."""
    text = (
        "The reviewer disagrees with the prior adverse determination regarding the office"
        " visits (99213). The reviewer agrees with the prior adverse determination regarding"
        " all other services in dispute."
    )
    found = decision_sentence(text)
    assert found is not None
    assert found[0] is iroparse.Outcome.PARTIALLY_OVERTURNED
    assert text[found[1] : found[2]].startswith("reviewer disagrees")
    one_side = decision_sentence(text.split(". ")[0])
    assert one_side is not None
    assert one_side[0] is iroparse.Outcome.OVERTURNED


def test_a_later_outcome_section_with_its_box_checked_says_the_outcome() -> None:
    """A summary box's ``Decision:`` line names the outcome kind's heading before the
    letter's own REVIEW OUTCOME section; the box checked in the later section decides, not
    the analysis's wording (which reads as upheld here)."""
    text = (ROOT / "examples" / "letters" / "glyph_sample.txt").read_text(encoding="utf-8")
    text = text.replace(
        "DATE OF REVIEW:\n",
        "Decision:     Adverse determination PARTIALLY OVERTURNED\n\nDATE OF REVIEW:\n",
    )
    text = text.replace("☒ Upheld", "☐ Upheld").replace("☐ Partially", "☒ Partially")
    decision = iroparse.parse(text)
    assert decision.outcome is iroparse.Outcome.PARTIALLY_OVERTURNED
    assert decision.spans.outcome is not None
    assert "Partially" in decision.spans.outcome.slice(text)


@pytest.mark.parametrize("label", ["Determination:   UPHELD (Agree)", "Final decision: Upheld"])
def test_an_outcome_written_after_a_label_under_the_lead_in_is_the_outcome(label: str) -> None:
    """No box: the lead-in's answer is a label and the outcome's word (``Determination:
    UPHELD (Agree)``), though the analysis reads as medically necessary."""
    text = (
        "REVIEW OUTCOME:\nUpon independent review the reviewer finds that the previous adverse"
        f" determination should be:\n\n     {label}\n\n"
        "DESCRIPTION OF THE SERVICE IN DISPUTE:\nRepeat MRI of the lumbar spine.\n\n"
        "PATIENT CLINICAL HISTORY SUMMARY:\nThe patient is a 40-year-old man.\n\n"
        "ANALYSIS AND EXPLANATION OF THE DECISION:\nThe records were reviewed in full. A repeat"
        " study is needed only for new findings; none are documented, though the treating doctor"
        " writes that x-rays are medically necessary.\n"
    )
    decision = iroparse.parse(text)
    assert decision.outcome is iroparse.Outcome.UPHELD
    assert_outcome_has_evidence(text, decision)
