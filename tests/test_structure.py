"""Letter structure: headings in any case and spelling, section order, absent and empty
sections, the notice-date fallback, list styles, the outcome cross-check and patient phrasings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import iroparse
from iroparse import Outcome, Severity

SAMPLES = Path(__file__).resolve().parent.parent / "examples" / "letters"
LEADING_X = (SAMPLES / "leading-x_sample.txt").read_text(encoding="utf-8")
GLYPH = (SAMPLES / "glyph_sample.txt").read_text(encoding="utf-8")
HISTORY = "Patient Clinical History Summary:"


def _codes(decision: iroparse.Decision) -> set[str]:
    return {d.code for d in decision.diagnostics}


def _blocks(text: str) -> list[str]:
    return text.strip("\n").split("\n\n")


@pytest.mark.parametrize(
    "heading",
    [
        "PATIENT CLINICAL HISTORY SUMMARY:",
        "Patient Clinical History Summary",
        "patient clinical history summary:",
        "PATIENT CLINICAL HISTORY [SUMMARY]",
        "Patient Clinical Histroy Summary:",
    ],
)
def test_heading_case_colon_and_typos(heading: str) -> None:
    text = LEADING_X.replace(HISTORY, heading)
    decision = iroparse.parse(text)
    assert decision.clinical_history is not None
    assert decision.clinical_history.startswith("The patient is a 52 year old male")
    assert "clinical_history" in [s.kind for s in decision.sections]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("ANALYSIS AND EXPLANATION", "ANALYSIS AND EXPLANTION"),
        ("INCLUDING CLINICAL", "INCLUDE CLINICAL"),
        ("FINDINGS AND", "FINDINGS, AND"),
    ],
)
def test_analysis_heading_variants(old: str, new: str) -> None:
    text = GLYPH.replace(old, new)
    assert new in text
    decision = iroparse.parse(text)
    assert decision.analysis is not None
    assert decision.analysis.startswith("I agree with the insurance carrier")


def test_values_on_the_heading_line() -> None:
    text = GLYPH.replace("DATE OF REVIEW:\n11/05/2013", "DATE OF REVIEW: 04/18/2014")
    text = text.replace("IRO CASE NO.:\nTX-2013-4471", "IRO CASE #: 061475")
    decision = iroparse.parse(text)
    assert decision.review_date is not None and decision.review_date.isoformat() == "2014-04-18"
    assert decision.case_number == "061475"


def test_sections_in_any_order() -> None:
    cut = LEADING_X.index("A Description and the Source")
    title, rest = LEADING_X[:cut].split("\n\n", 1)
    history = rest.index("Patient Clinical History")
    outcome = rest.index("Review Outcome:")
    rest = rest[history:] + "\n\n" + rest[outcome:history] + rest[:outcome]
    reordered = f"{title}\n\n{LEADING_X[cut:]}\n\n{rest}"
    before, after = iroparse.parse(LEADING_X), iroparse.parse(reordered)
    assert [s.kind for s in after.sections] != [s.kind for s in before.sections]
    for field in ("outcome", "review_date", "case_number", "clinical_history", "patient"):
        assert getattr(after, field) == getattr(before, field)
    assert [s.text for s in after.services] == [s.text for s in before.services]
    assert [(c.code, c.checked) for c in after.criteria] == [
        (c.code, c.checked) for c in before.criteria
    ]


def test_absent_sections_are_warned_about() -> None:
    kept = [b for b in _blocks(LEADING_X) if not b.startswith(("A Description", "Analysis"))]
    decision = iroparse.parse("\n\n".join(kept))
    assert decision.criteria == ()
    assert decision.analysis is None
    missing = [d.message for d in decision.diagnostics if d.code == "section-missing"]
    assert missing == ["no analysis section found", "no criteria section found"]
    assert decision.outcome is Outcome.OVERTURNED


def test_empty_sections_read_as_empty() -> None:
    text = LEADING_X
    for block in _blocks(LEADING_X):
        if block.startswith(("Information Provided", "Patient Clinical")):
            text = text.replace(block, block.split("\n")[0])
    decision = iroparse.parse(text)
    assert decision.information_provided == ()
    assert decision.clinical_history is None
    assert decision.patient.age is None
    assert decision.outcome is Outcome.OVERTURNED


def test_notice_date_stands_in_for_the_review_date() -> None:
    text = GLYPH.replace(
        "DATE OF REVIEW:\n11/05/2013", "DATE NOTICE SENT TO ALL PARTIES: 11/12/2013"
    )
    decision = iroparse.parse(text)
    assert decision.review_date is not None and decision.review_date.isoformat() == "2013-11-12"
    assert "date-from-notice" in _codes(decision)


def test_review_date_wins_over_the_notice_date() -> None:
    text = GLYPH.replace(
        "DATE OF REVIEW:", "DATE NOTICE SENT TO ALL PARTIES:\n11/12/2013\n\nDATE OF REVIEW:"
    )
    decision = iroparse.parse(text)
    assert decision.review_date is not None and decision.review_date.isoformat() == "2013-11-05"
    assert "date-from-notice" not in _codes(decision)


SERVICES = "Description of the Service or Services in Dispute:"


@pytest.mark.parametrize(
    ("listing", "expected"),
    [
        ("1. Lumbar MRI\n2. Office visit, CPT 99213", ["Lumbar MRI", "Office visit, CPT 99213"]),
        ("- Lumbar MRI\n- Office visit", ["Lumbar MRI", "Office visit"]),
        ("• Lumbar MRI\n• Office visit", ["Lumbar MRI", "Office visit"]),
        ("Lumbar MRI\nOffice visit", ["Lumbar MRI", "Office visit"]),
        (
            "1. Physical therapy three times a week for four weeks including\n"
            "   therapeutic exercise and manual therapy\n2. Office visit",
            [
                "Physical therapy three times a week for four weeks including therapeutic "
                "exercise and manual therapy",
                "Office visit",
            ],
        ),
        (
            "Physical therapy three times a week for four weeks, with therapeutic\n"
            "exercise and manual therapy",
            [
                "Physical therapy three times a week for four weeks, with therapeutic "
                "exercise and manual therapy"
            ],
        ),
    ],
)
def test_list_styles(listing: str, expected: list[str]) -> None:
    old = LEADING_X.split(SERVICES, 1)[1].split("\n\n", 1)[0]
    decision = iroparse.parse(LEADING_X.replace(old, "\n" + listing))
    assert [s.text for s in decision.services] == expected


ANALYSIS_START = "I disagree with the carrier's decision to deny the requested injection."


def test_contradiction_between_marks_and_narrative_is_a_warning() -> None:
    text = LEADING_X.replace(ANALYSIS_START, "I agree with the carrier's decision to deny.")
    text = text.replace("The requested injection is medically necessary.", "")
    decision = iroparse.parse(text)
    assert decision.outcome is Outcome.OVERTURNED
    found = [d for d in decision.diagnostics if d.code == "outcome-contradicts-narrative"]
    assert [d.severity for d in found] == [Severity.WARNING]


def test_agreeing_narrative_raises_no_contradiction() -> None:
    assert "outcome-contradicts-narrative" not in _codes(iroparse.parse(LEADING_X))
    assert "outcome-contradicts-narrative" not in _codes(iroparse.parse(GLYPH))


def test_two_outcomes_checked_is_an_error_and_unknown() -> None:
    text = LEADING_X.replace(
        "    Upheld (Agree)\nX   Overturned", "X   Upheld (Agree)\nX   Overturned"
    )
    decision = iroparse.parse(text)
    assert decision.outcome is Outcome.UNKNOWN
    errors = [d for d in decision.diagnostics if d.severity is Severity.ERROR]
    assert [d.code for d in errors] == ["outcome-ambiguous"]
    with pytest.raises(iroparse.StrictModeError):
        iroparse.parse(text, strict=True)


@pytest.mark.parametrize(
    ("phrase", "age", "sex"),
    [
        ("This is a 45-year-old female", 45, "female"),
        ("The patient is a 52 year old male", 52, "male"),
        ("This 38-year-old man", 38, "male"),
        ("The claimant is a xx-year-old woman", None, "female"),
        ("Patient is a male who", None, "male"),
        ("The patient is a 61-year-old", 61, None),
    ],
)
def test_patient_phrasings(phrase: str, age: int | None, sex: str | None) -> None:
    text = LEADING_X.replace("The patient is a 52 year old male", phrase)
    text = regex.sub(r"\b(?:he|his|him)\b", "the patient", text, flags=regex.IGNORECASE)
    patient = iroparse.parse(text).patient
    assert (patient.age, patient.sex) == (age, sex)


@pytest.mark.parametrize(
    ("history", "sex"),
    [
        (
            "She fell at work. Her knee swelled; she had therapy and her husband drove her.",
            "female",
        ),
        ("He fell at work. His knee swelled and he had therapy.", "male"),
        ("Mr. Jones fell at work and has had therapy.", None),  # one word is too few
        ("He fell at work; she, his wife, and he then saw her doctor.", None),  # mixed
    ],
)
def test_the_sex_from_the_pronouns_when_no_word_states_it(history: str, sex: str | None) -> None:
    heading = "Patient Clinical History Summary:\n"
    paragraph = LEADING_X.split(heading, 1)[1].split("\n\n", 1)[0]
    text = LEADING_X.replace(paragraph, f"The patient is 52 years old. {history}")
    decision = iroparse.parse(text)
    assert decision.patient.sex == sex
    noted = [d for d in decision.diagnostics if d.code == "patient-sex-from-pronouns"]
    assert len(noted) == (sex is not None)
    if sex is not None:
        assert noted[0].span is not None and decision.spans.patient_sex == noted[0].span


def test_a_header_block_gives_age_and_sex_by_their_labels() -> None:
    text = LEADING_X.replace("The patient is a 52 year old male", "The claimant")
    text = regex.sub(r"\b(?:he|his|him)\b", "the claimant", text, flags=regex.IGNORECASE)
    text = text.replace("IRO Case #: 061475", "IRO Case #: 061475\nAge: 39      Sex: F", 1)
    decision = iroparse.parse(text)
    assert (decision.patient.age, decision.patient.sex) == (39, "female")
    assert decision.spans.patient_age is not None
    assert decision.spans.patient_age.slice(text) == "39"


ANALYSIS_HEADING = (
    "Analysis and Explanation of the Decision Including Clinical Basis, Findings and Conclusions"
    "\nUsed to Support the Decision:"
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            ANALYSIS_HEADING,
            "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS,\n"
            "FINDINGS AND CONCLUSIONS USED TO SUPPORT THE DECISION",
        ),
        (HISTORY, "PATIENT CLINICAL HISTORY SUMMARY (INCLUDING PERTINENT HISTORY):"),
        (HISTORY, "CLINICAL HISTORY:"),
        (HISTORY, "Summary of Clinical History"),
        ("Information Provided to the IRO for Review:", "RECORDS PROVIDED TO THE IRO FOR REVIEW:"),
        ("Information Provided to the IRO for Review:", "Records reviewed:"),
    ],
)
def test_heading_wordings(old: str, new: str) -> None:
    assert old in LEADING_X
    before = iroparse.parse(LEADING_X)
    after = iroparse.parse(LEADING_X.replace(old, new))
    for field in ("clinical_history", "analysis", "patient", "outcome"):
        assert getattr(after, field) == getattr(before, field), field
    assert [i.text for i in after.information_provided] == [
        i.text for i in before.information_provided
    ]


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("I agree with the carrier's decision to deny the requested injection.", Outcome.UPHELD),
        ("The reviewer agrees with the prior denial.", Outcome.UPHELD),
        ("The requested injection is not medically necessary.", Outcome.UPHELD),
        ("Medical necessity has not been established.", Outcome.UPHELD),
        ("I disagree with the prior denials.", Outcome.OVERTURNED),
        ("The reviewer does not agree with the denial.", Outcome.OVERTURNED),
        ("The requested injection is medically necessary.", Outcome.OVERTURNED),
        ("Medical necessity is established for the injection.", Outcome.OVERTURNED),
        ("I agree in part and disagree in part with the carrier.", Outcome.PARTIALLY_OVERTURNED),
    ],
)
def test_outcome_from_the_narrative_when_no_box_is_checked(sentence: str, outcome: Outcome) -> None:
    text = LEADING_X.replace("X   Overturned (Disagree)", "    Overturned (Disagree)")
    analysis = LEADING_X.split("Used to Support the Decision:\n", 1)[1].split("\n\n", 1)[0]
    text = text.replace(analysis, sentence)
    decision = iroparse.parse(text)
    assert decision.analysis == sentence
    assert decision.outcome is outcome
    assert "outcome-from-narrative" in _codes(decision)


@pytest.mark.parametrize(
    ("phrase", "age", "sex"),
    [
        ("a 44 y/o male", 44, "male"),
        ("a 60 yo female", 60, "female"),
        ("a 33 y.o. man", 33, "male"),
    ],
)
def test_patient_abbreviated_ages(phrase: str, age: int, sex: str) -> None:
    text = LEADING_X.replace("a 52 year old male", phrase)
    patient = iroparse.parse(text).patient
    assert (patient.age, patient.sex) == (age, sex)


def test_a_description_citing_a_listed_guideline_stays_a_description() -> None:
    cited = "    ODG Low Back chapter, epidural steroid injections, 2014 update."
    text = LEADING_X.replace(
        "    Manchikanti L, et al. Epidural injections for lumbar radiculopathy."
        " Pain Physician 2012.",
        cited,
    )
    criteria = iroparse.parse(text).criteria
    assert [c.code for c in criteria].count("odg") == 1
    literature = next(c for c in criteria if c.code == "peer_reviewed_literature")
    assert literature.description == cited.strip()


def test_outcome_written_as_the_heading_value() -> None:
    inline = (SAMPLES / "inline_sample.txt").read_text(encoding="utf-8")
    outcome = inline.index("REVIEW OUTCOME:")
    end = inline.index("\n\n", outcome)
    text = inline[:outcome] + "REVIEW OUTCOME: Overturned (Disagree)" + inline[end:]
    decision = iroparse.parse(text)
    assert decision.outcome is Outcome.OVERTURNED
    assert decision.layout == "inline"
    assert not {c for c in _codes(decision) if c.startswith("outcome")}


@pytest.mark.parametrize("end", [".", ":", ""])
def test_a_wrapped_capital_heading_may_end_in_a_period(end: str) -> None:
    text = GLYPH.replace("REVIEWED THE DECISION:", f"REVIEWED THE DECISION{end}")
    decision = iroparse.parse(text)
    assert [q.text for q in decision.reviewer_qualifications] == [
        "Board Certified Orthopaedic Surgeon",
        "Fellowship trained in spine surgery",
    ]
    assert "section-missing" not in _codes(decision)


def test_a_sentence_ending_in_a_period_is_not_a_heading() -> None:
    text = LEADING_X.replace(HISTORY, f"{HISTORY}\nReview outcome is described below.")
    decision = iroparse.parse(text)
    assert decision.clinical_history is not None
    assert decision.clinical_history.startswith("Review outcome is described below.")
