"""House styles of IROs the letters written by hand (``tests/golden/independent``, sets D-F)
brought: lettered headings, ``Rationale`` and hearing-rights headings, labels inside their own
section, case numbers with a space, a sex word after other words, codes written among words,
a footer's contact line, a running header three lines from its page boundary, a page footer's
title beside its page number and a sidebar pushed right by a long line. Each test fails on the
code before these fixes."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

import iroparse
from iroparse._fields.codes import coded, cpt_codes
from iroparse._fields.patient import find_patient
from iroparse._pipeline.furniture import DEFAULT_FURNITURE
from test_furniture import SAMPLES, scored


def _prefix_headings(text: str, prefixes: list[str]) -> str:
    """``text`` with each statutory heading preceded by the next of ``prefixes``."""
    starts = [s.start for s in iroparse.parse(text).sections if s.kind not in ("title", "other")]
    for start, prefix in sorted(zip(starts, prefixes, strict=False), reverse=True):
        text = text[:start] + prefix + text[start:]
    return text


ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
LETTERED = {
    "(A) capitals in parentheses": [f"({c}) " for c in string.ascii_uppercase],
    "a) lower case": [f"{c}) " for c in string.ascii_lowercase],
    "(ii) Roman in parentheses": [f"({n}) " for n in ROMAN],
    "IV) Roman with a parenthesis": [f"{n.upper()}) " for n in ROMAN],
}


@pytest.mark.parametrize("style", sorted(LETTERED))
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_lettered_headings_read_as_their_wording(path: Path, style: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert scored(_prefix_headings(text, LETTERED[style])) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_label_of_the_analysis_inside_it_stays_its_text(path: Path) -> None:
    # ``Rationale:`` names the analysis, but inside an analysis it labels part of its text
    text = path.read_text(encoding="utf-8")
    analysis = next(s for s in iroparse.parse(text).sections if s.kind == "analysis")
    body = text.index("\n", analysis.start + len(analysis.heading)) + 1
    labelled = text[:body] + "Rationale: See below.\n\n" + text[body:]
    decision = iroparse.parse(labelled)
    assert [s.kind for s in decision.sections].count("analysis") == 1
    assert decision.analysis is not None and "Rationale: See below." in decision.analysis
    assert scored(labelled)["criteria"] == scored(text)["criteria"]


HOUSE_LETTER = """NOTICE OF INDEPENDENT REVIEW DECISION

Date of Review: 02/21/2006
IRO Case No.: GC 0602-117

Requested Service: Right knee arthroscopy, CPT 29881.

Reviewer Qualifications: Board Certified Orthopaedic Surgeon.

Clinical History: This 56-year-old right hand dominant woman twisted her knee at work.

Decision: The reviewer finds that the requested arthroscopy is medically necessary. The
previous adverse determination is overturned.

Rationale: The tear and the mechanical symptoms have not responded to six months of care.

Your Right to Request a Hearing: Either party may request a hearing within 10 days.
"""


def test_a_house_style_of_label_lines_is_read_section_by_section() -> None:
    decision = iroparse.parse(HOUSE_LETTER)
    assert decision.case_number == "GC 0602-117"
    assert [s.text for s in decision.services] == ["Right knee arthroscopy, CPT 29881."]
    assert decision.analysis == (
        "The tear and the mechanical symptoms have not responded to six months of care."
    )
    assert decision.patient.sex == "female"
    assert decision.sections[-1].kind == "other"


@pytest.mark.parametrize(
    ("phrase", "sex"),
    [
        ("a 52-year-old right hand dominant male electrician", "male"),
        ("a 52-year-old obese Hispanic female", "female"),
        ("a 45-year-old who was seen by a male therapist", None),
        ("a 45-year-old referred to the female surgeon", None),
    ],
)
def test_the_sex_word_may_follow_other_words_of_the_same_phrase(
    phrase: str, sex: str | None
) -> None:
    assert find_patient(f"This is {phrase}.").sex == sex


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "Physical therapy (CPT 97110 therapeutic exercise, 97140 manual therapy, 97530 "
            "therapeutic activities)",
            ("97110", "97140", "97530"),
        ),
        ("Cold therapy unit, 7-day rental, E0218", ("E0218",)),
        ("TENS unit purchase E0730.", ("E0730",)),
        ("Fusion at L5-S1 under 2 hours, model X1234-5", ()),
        ("Pain of the lumbar spine, ICD-10: G8929", ()),
        ("Lumbar ESI, CPT 62323; ICD-10 codes: M5416, G8929", ("62323",)),
        ("Diagnoses M5416 and G8929; TENS unit E0730", ("E0730",)),
        # (a scan's ``l`` for ``1`` in a code after its keyword; no keyword, no code)
        ("Septoplasty (CPT 30520) and turbinate resection (CPT 30l40)", ("30520", "30140")),
        ("Applied behavior analysis, CPT code 97l53, 25 hours a week", ("97153",)),
        ("Patient ID 30l40, seen 3Ol4O times", ()),
    ],
)
def test_codes_written_among_words(text: str, codes: tuple[str, ...]) -> None:
    assert cpt_codes(text) == codes


def test_undotted_diagnosis_codes_after_their_label_are_diagnoses() -> None:
    found = [c[:2] for c in coded("Lumbar ESI, CPT 62323; ICD-10 codes: M5416, G8929")]
    assert found == [("62323", "CPT"), ("M5416", "ICD-10"), ("G8929", "ICD-10")]


def test_a_bare_hcpcs_code_is_hcpcs() -> None:
    assert [c[:2] for c in coded("Cold therapy unit, E0218")] == [("E0218", "HCPCS")]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("MedReview Partners  |  Ph (512) 555-0142  |  Fax (512) 555-0143  |  www.mrp.com", 1),
        ("Phone (512) 555-0142     Fax (512) 555-0143", 1),
        ("Tel 281-555-0190  |  Fax 281-555-0191", 1),
        # (a web address without ``www.``)
        ("(512) 555-0193  |  kickapoosprings.example", 1),
        ("Call 512-555-0193 or see the notes at kickapoosprings.org for help.", 0),
        ("For questions call our office at (512) 555-0100 or fax us the form.", 0),
        ("The patient was seen at 512-555-0100 by phone.", 0),
    ],
)
def test_a_contact_line_is_furniture(line: str, kind: int) -> None:
    assert (DEFAULT_FURNITURE.noise_kind(line) == "contact-line") == bool(kind)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_footer_contact_line_inside_a_sentence_is_furniture(path: Path) -> None:
    from test_furniture import _insert_mid_sentence

    text = path.read_text(encoding="utf-8")
    footer = "MedReview Partners  |  Ph (512) 555-0142  |  Fax (512) 555-0143  |  www.mrp.com"
    assert scored(_insert_mid_sentence(text, [footer])) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_three_line_header_with_a_date_on_every_page_and_atop_the_first(path: Path) -> None:
    # the date is the header's third line: three lines from the page boundary
    header = ["Lone Star Review Group", "IRO Case # 3390-2207", "March 16, 2012"]
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    middle = len(lines) // 2
    middle = next(i for i in range(middle, len(lines)) if not lines[i].strip())
    noisy = "\n\n".join(
        [
            *header,
            "\n".join(lines[:middle]),
            "Page 1",
            *header,
            "\n".join(lines[middle:]),
            "Page 2",
        ]
    )
    sections = " ".join(s.text for s in iroparse.parse(noisy).sections)
    assert "March 16, 2012" not in sections and "3390-2207" not in sections


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_footer_title_beside_its_page_number_goes_with_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8").rstrip("\n")
    noisy = text + "\n\nPWIR-10-3390 Notice of Decision" + " " * 40 + "Page 1 of 1\n"
    assert "PWIR-10-3390" not in " ".join(s.text for s in iroparse.parse(noisy).sections)
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_sidebar_line_pushed_right_by_a_long_line_is_furniture(path: Path) -> None:
    side = ["MedReview Partners", "7301 Ranch Rd 620 N", "Suite 155", "Austin, Texas 78726"]
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    targets = [i for i, line in enumerate(lines) if line.strip()][1 : 1 + len(side)]
    column = max(70, max(len(lines[i].rstrip()) for i in targets[:-1]) + 8)
    for i, words in zip(targets[:-1], side[:-1], strict=True):
        lines[i] = lines[i].rstrip().ljust(column) + words
    long = targets[-1]  # its sidebar text starts further right, pushed by the line's own text
    lines[long] = lines[long].rstrip().ljust(column + 4) + "        " + side[-1]
    noisy = "\n".join(lines)
    assert scored(noisy) == scored(text)
    assert "Austin" not in " ".join(s.text for s in iroparse.parse(noisy).sections)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_the_rest_of_a_wrapped_sentence_is_no_heading(path: Path) -> None:
    # ``requested service.`` is a services heading's wording, but it ends a sentence here
    text = path.read_text(encoding="utf-8")
    analysis = next(s for s in iroparse.parse(text).sections if s.kind == "analysis")
    body = text.index("\n", analysis.start + len(analysis.heading)) + 1
    wrapped = "Opinion: I agree with the decision to deny the\nrequested service.\n\n"
    decision = iroparse.parse(text[:body] + wrapped + text[body:])
    assert decision.analysis is not None
    assert "deny the requested service." in " ".join(decision.analysis.split())
    assert scored(text[:body] + wrapped + text[body:])["services"] == scored(text)["services"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Knee arthroscopy with partial meniscectomy, outpatient, 29881,", ("29881",)),
        ("64490 Injection, paravertebral facet joint, cervical/thoracic", ("64490",)),
        ("therapeutic exercise 97110, manual therapy 97140", ("97110", "97140")),
        ("Clinic at 1200 Main, Dallas TX 75201", ()),
        ("Claim 12345: heparin 20000 units", ()),
    ],
)
def test_five_digit_codes_written_bare(text: str, codes: tuple[str, ...]) -> None:
    assert cpt_codes(text) == codes


QUALIFICATIONS = """NOTICE OF INDEPENDENT REVIEW DECISION

REVIEWER QUALIFICATIONS:
Board Certified in Anesthesiology with subspecialty certification in Pain Medicine by the American
    Board of Anesthesiology
Practicing interventional pain management for 12 years

REVIEW OUTCOME:
[ X ] Upheld (Agree)
[ ] Overturned (Disagree)
"""


def test_a_line_hanging_under_an_item_goes_on_with_it() -> None:
    decision = iroparse.parse(QUALIFICATIONS)
    assert [" ".join(q.text.split()) for q in decision.reviewer_qualifications] == [
        "Board Certified in Anesthesiology with subspecialty certification in Pain Medicine "
        "by the American Board of Anesthesiology",
        "Practicing interventional pain management for 12 years",
    ]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_the_title_in_a_running_header_is_furniture(path: Path) -> None:
    from test_furniture import _insert_mid_sentence

    text = path.read_text(encoding="utf-8")
    noisy = _insert_mid_sentence(text, ["Page 1 of 2", "Notice of Decision | TX-IRO-21-88140"])
    assert "88140" not in " ".join(s.text for s in iroparse.parse(noisy).sections)
    assert scored(noisy) == scored(text)
