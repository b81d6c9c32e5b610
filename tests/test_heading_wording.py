"""Headings recognised by their wording at any case and wrap, with or without a colon, with
content on their line, numbered, with a typo or an aside (issue: letters nobody has seen)."""

from __future__ import annotations

from pathlib import Path

import pytest

import iroparse

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "letters" / "leading-x_sample.txt"
SAMPLES = sorted(SAMPLE.parent.glob("*_sample.txt"))
BASE = SAMPLE.read_text(encoding="utf-8")
ANALYSIS = (
    "Analysis and Explanation of the Decision Including Clinical Basis, Findings and Conclusions"
    "\nUsed to Support the Decision:\n"
)
HISTORY = "Patient Clinical History Summary:\n"
QUALIFICATIONS = (
    "Description of the Qualifications for Each Physician or Other Health Care Provider Who"
    "\nReviewed the Decision:\n"
)

VARIANTS = {
    "a plain-language letter's, after a rule's start": (
        QUALIFICATIONS,
        "── About the reviewer ──────────────────────────────────────\n",
    ),
    "capitals without the first words, wrapped": (
        ANALYSIS,
        "EXPLANATION OF THE DECISION, INCLUDING CLINICAL BASIS, FINDINGS AND\nCONCLUSIONS\n",
    ),
    "sentence case wrapped, no colon, prose at once": (
        ANALYSIS,
        "Analysis and explanation of the decision including clinical basis,\n"
        "findings and conclusions used to support the decision\n",
    ),
    "title case wrapped over three lines": (
        ANALYSIS,
        "Analysis And Explanation Of The Decision\nIncluding Clinical Basis, Findings And\n"
        "Conclusions Used To Support The Decision\n",
    ),
    "capitals wrapped, content after the colon": (
        ANALYSIS,
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND\n"
        "CONCLUSIONS USED TO SUPPORT THE DECISION: ",
    ),
    "content on the heading's line": (HISTORY, "PATIENT CLINICAL HISTORY SUMMARY: "),
    "a lowercase aside": (
        HISTORY,
        "Patient Clinical History Summary (including pertinent history):\n",
    ),
    "an aside wrapped onto the next line": (
        HISTORY,
        "PATIENT CLINICAL HISTORY SUMMARY (including\npertinent history):\n",
    ),
    "an aside alone on the next line": (
        HISTORY,
        "Patient Clinical History Summary\n(including pertinent history):\n",
    ),
    "sentence case with a typo, content after the colon": (
        HISTORY + "The patient",
        "Patient clincial history summary: The patient",
    ),
    "wrapped, a typo on the last line, content after the colon": (
        "Information Provided to the IRO for Review:\n1. Request",
        "Information Provided to the IRO for\nReivew: 1. Request",
    ),
    "sentence case with a typo alone on its line": (
        HISTORY,
        "Patient clincial history summary\n",
    ),
    "a paragraph opening with the heading, no colon": (
        HISTORY + "The patient",
        "Patient clincial history summary The patient",
    ),
    "sentence case, a lowercase aside, no colon": (
        HISTORY,
        "Patient clinical history summary (including pertinent history)\n",
    ),
    "sentence case, the aside wrapped, content after it": (
        HISTORY + "The patient",
        "Patient clinical history summary (including\npertinent history): The patient",
    ),
    "the aside on the next line, content after it": (
        HISTORY + "The patient",
        "PATIENT CLINICAL HISTORY SUMMARY\n(INCLUDING PERTINENT HISTORY): The patient",
    ),
    "a short heading in sentence case with a typo": ("Review Outcome:", "Reveiw outcome"),
    "a list numbered in parentheses right under its heading": (
        "Information Provided to the IRO for Review:\n1. Request",
        "Information Provided to the IRO for Review\n(1) Request",
    ),
    "the aside after a blank line": (
        HISTORY,
        "PATIENT CLINICAL HISTORY SUMMARY\n\n(INCLUDING PERTINENT HISTORY):\n",
    ),
    "the aside after a page break": (
        HISTORY,
        "PATIENT CLINICAL HISTORY SUMMARY\n\nPage 1 of 2\n\fIRO Decision - Confidential\n\n"
        "(INCLUDING PERTINENT HISTORY):\n",
    ),
    "letters swapped": ("Review Outcome:", "REVEIW OUTCOME:"),
    "sentence case qualifications without a colon": (
        QUALIFICATIONS,
        "Description of the qualifications for each physician or other health care\n"
        "provider who reviewed the decision\n",
    ),
    "services asked as questions": (
        "Description of the Service or Services in Dispute:",
        "QUESTION(S) UNDER REVIEW:",
    ),
    "services asked as one question": (
        "Description of the Service or Services in Dispute:",
        "Question Under Review:",
    ),
}


def _fields(decision: iroparse.Decision) -> tuple[object, ...]:
    return (
        [s.kind for s in decision.sections],
        [s.text for s in decision.services],
        [i.text for i in decision.information_provided],
        decision.outcome,
        [q.text for q in decision.reviewer_qualifications],
        " ".join((decision.clinical_history or "").split()),
        " ".join((decision.analysis or "").split()),
        decision.criteria and [(c.code, c.checked) for c in decision.criteria],
    )


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_heading_variant_reads_like_the_original(name: str) -> None:
    old, new = VARIANTS[name]
    assert old in BASE
    assert _fields(iroparse.parse(BASE.replace(old, new))) == _fields(iroparse.parse(BASE))


def test_numbered_headings_are_read() -> None:
    numbered = Path(__file__).parent / "letters" / "narrative" / "numbered_headings.txt"
    decision = iroparse.parse(numbered.read_text(encoding="utf-8"))
    assert decision.review_date is not None and decision.case_number == "11-0512-7"
    assert decision.outcome is iroparse.Outcome.UPHELD


def test_prose_that_starts_like_a_heading_stays_prose() -> None:
    text = BASE.replace(
        "The patient is a 52 year old male",
        "Description of the service was given by the nurse. The patient is a 52 year old male",
    )
    assert [s.kind for s in iroparse.parse(text).sections] == [
        s.kind for s in iroparse.parse(BASE).sections
    ]


def test_a_short_title_case_line_after_a_wrapped_heading_is_content_not_a_stamp() -> None:
    text = BASE.replace(
        ANALYSIS + "I disagree",
        "Analysis and Explanation of the Decision Including Clinical Basis,\n"
        "Findings and Conclusions used to Support the Decision\n\n"
        "Opinion: The Official Disability Guidelines Apply\nand I disagree",
    )
    analysis = iroparse.parse(text).analysis or ""
    assert analysis.startswith("Opinion: The Official Disability Guidelines Apply and I disagree")


def test_a_heading_read_with_typos_is_a_diagnostic() -> None:
    typo = iroparse.parse(BASE.replace("Review Outcome:", "REVEIW OUTCOME:"))
    [note] = [d for d in typo.diagnostics if d.code == "heading-typo"]
    assert "REVEIW OUTCOME" in note.message and note.line is not None
    assert all(d.code != "heading-typo" for d in iroparse.parse(BASE).diagnostics)


def test_a_lower_case_sentence_is_never_a_short_heading() -> None:
    text = BASE.replace("lasting relief.", "lasting relief. The\nrequested service.")
    kinds = [s.kind for s in iroparse.parse(text).sections]
    assert kinds == [s.kind for s in iroparse.parse(BASE).sections]


def _folded(decision: iroparse.Decision) -> tuple[object, ...]:
    fold = " ".join
    return (
        [s.kind for s in decision.sections],
        [s.text for s in decision.services],
        decision.outcome,
        decision.review_date,
        decision.case_number,
        [fold(q.text.split()) for q in decision.reviewer_qualifications],
        [fold(i.text.split()) for i in decision.information_provided],
        [fold(s.text.split()) for s in decision.services],
        fold((decision.clinical_history or "").split()),
        fold((decision.analysis or "").split()),
        [(c.code, c.checked) for c in decision.criteria],
    )


def test_a_double_spaced_letter_reads_like_the_single_spaced_one() -> None:
    """Blank lines between all lines: wrapped headings and sentences go on across them."""
    assert _folded(iroparse.parse(BASE.replace("\n", "\n\n"))) == _folded(iroparse.parse(BASE))


@pytest.mark.parametrize(
    "heading",
    [
        "Screening Criteria Used to Make the Decision:",
        "Screening Criteria or Other Clinical Basis Used to Make the Decision:",
        "Clinical Basis Used to Make the Decision:",
        # (both words of the statutory heading, nothing more)
        "Criteria and clinical basis",
    ],
)
def test_shorter_criteria_headings(heading: str) -> None:
    old = (
        "A Description and the Source of the Screening Criteria or Other Clinical Basis Used "
        "to Make\nthe Decision:"
    )
    assert old in BASE
    assert _folded(iroparse.parse(BASE.replace(old, heading))) == _folded(iroparse.parse(BASE))


def _ocr(line: str) -> str:
    """A heading as text recognition misreads it: ``l`` for ``I``, ``0`` for ``O``."""
    return line.replace("I", "l", 1).replace("O", "0", 1)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_headings_with_characters_text_recognition_confused(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    decision = iroparse.parse(text)
    headed = {text.count("\n", 0, s.start) for s in decision.sections if s.heading}
    misread = "\n".join(
        _ocr(line) if n in headed else line for n, line in enumerate(text.split("\n"))
    )
    assert misread != text
    again = iroparse.parse(misread)
    assert [s.kind for s in again.sections] == [s.kind for s in decision.sections]
    assert iroparse.to_dict(again)["case_number"] == iroparse.to_dict(decision)["case_number"]
    assert any(d.code == "heading-typo" for d in again.diagnostics)  # it says it had to guess


#: Headings composed from a family's parts (``iroparse.tables.headings.HEADING_FAMILIES``),
#: none of them written out whole in the wording table: each stands in for the sample's own.
FAMILY_WORDINGS = {
    "Description of the Service or Services in Dispute:": (
        "SERVICE(S) AT ISSUE",
        "Disputed Health Care Services:",
        "Requested treatment under review:",
        "The services under dispute are:",
    ),
    "Description of the Qualifications for Each Physician or Other Health Care Provider Who\n"
    "Reviewed the Decision:": (
        "Description of the qualifications of the reviewer:",
        "QUALIFICATIONS OF THE PHYSICIAN OR OTHER HEALTH CARE PROVIDER WHO REVIEWED THE DECISION",
        "Peer Reviewer Credentials",
        "The reviewer's qualifications are as follows:",
    ),
    "Review Outcome:": ("Outcome:", "OUTCOME OF THE REVIEW", "IRO Determination:"),
    "Information Provided to the IRO for Review:": (
        "Medical records received and reviewed:",
        "DOCUMENTS SUBMITTED FOR REVIEW",
        "The following documents were furnished for this review:",
    ),
    "Patient Clinical History Summary:": ("Brief Case History:", "PERTINENT MEDICAL HISTORY"),
    "Analysis and Explanation of the Decision Including Clinical Basis, Findings and Conclusions"
    "\nUsed to Support the Decision:": (
        "Reviewer's analysis and rationale",
        "RATIONALE FOR THE REVIEW DECISION:",
    ),
    "A Description and the Source of the Screening Criteria or Other Clinical Basis Used to Make"
    "\nthe Decision:": (
        "Description and Source of Screening Criteria Used:",
        "CRITERIA/GUIDELINES UTILIZED",
        "Guidelines relied upon:",
    ),
    "IRO Case #:": ("Independent Review Number:", "IRO File No.:"),
}


@pytest.mark.parametrize(
    ("old", "new"),
    [(old, new) for old, news in FAMILY_WORDINGS.items() for new in news],
    ids=lambda value: value.split("\n")[0][:40],
)
def test_headings_composed_from_a_family_read_like_the_original(old: str, new: str) -> None:
    assert old in BASE
    assert _folded(iroparse.parse(BASE.replace(old, new))) == _folded(iroparse.parse(BASE))


@pytest.mark.parametrize(
    "label",
    ["Clinical Guidelines: The ODG", "Discussion: The ODG", "Criteria: The ODG"],
)
def test_a_criteria_or_discussion_label_inside_the_analysis_stays_in_it(label: str) -> None:
    """Words that name criteria or a discussion open a section only as a heading proper
    (``CRITERIA USED``), never as a paragraph's label in the analysis."""
    text = BASE.replace("All three conditions", f"{label} says so.\nAll three conditions")
    analysis = iroparse.parse(text).analysis or ""
    assert f"{label} says so." in analysis and analysis.endswith("medically necessary.")


def test_headings_underlined_with_dashes_as_long_as_they_are() -> None:
    """A typewriter underlines each heading with its own length of dashes: decoration."""
    underlined = BASE.replace(
        "Patient Clinical History Summary:\n", "CLINICAL HISTORY\n" + "-" * 16 + "\n"
    )
    underlined = underlined.replace(ANALYSIS, "RATIONALE\n---------\n")
    decision = iroparse.parse(underlined)
    assert _folded(decision)[-3:] == _folded(iroparse.parse(BASE))[-3:]
    assert "---" not in (decision.analysis or "") + (decision.clinical_history or "")


@pytest.mark.parametrize(
    "heading",
    [
        "YOUR RIGHT TO A HEARING",
        "Notice of Right to Appeal",
        "APPEAL PROCESS",
        "RIGHT TO HEARING",
        "NOTICE OF RIGHT TO JUDICIAL REVIEW",
    ],
)
def test_the_appeal_rights_end_the_section_before_them(heading: str) -> None:
    text = BASE.replace(
        "The requested injection is medically necessary.\n",
        f"The requested injection is medically necessary.\n\n{heading}\n"
        "Either party may request a hearing within 20 days.\n",
    )
    assert (iroparse.parse(text).analysis or "").endswith("medically necessary.")


@pytest.mark.parametrize(
    "number", ["SECTION {n} — ", "Part {n}: ", "SECTION {n}.  ", "{n:02d}  ", "{n}   ", "{n} · "]
)
def test_headings_numbered_as_sections_read_like_the_original(number: str) -> None:
    decision = iroparse.parse(BASE)
    lines = BASE.split("\n")
    statutory = [s for s in decision.sections if s.heading and s.kind != "title"]
    headed = sorted({BASE.count("\n", 0, s.start) for s in statutory})
    for n, at in enumerate(headed, start=1):
        lines[at] = number.format(n=n) + lines[at]
    assert _folded(iroparse.parse("\n".join(lines))) == _folded(decision)


def test_roman_numbers_read_with_l_for_i_number_headings() -> None:
    decision = iroparse.parse(BASE)
    lines = BASE.split("\n")
    statutory = [s for s in decision.sections if s.heading and s.kind != "title"]
    headed = sorted({BASE.count("\n", 0, s.start) for s in statutory})
    ocr_roman = ["l.", "ll.", "lll.", "lV.", "V.", "Vl.", "Vll.", "Vlll.", "lX.", "X.", "Xl."]
    for number, at in zip(ocr_roman, headed, strict=False):
        lines[at] = f"{number.replace('l', 'I', 1) if number[0] == 'l' else number}  {lines[at]}"
    assert _folded(iroparse.parse("\n".join(lines))) == _folded(decision)


#: Headings no table lists, known by their key words; each stands in for the sample's own.
KEY_WORD_HEADINGS = {
    "Description of the Service or Services in Dispute:": (
        "TREATMENT(S) UNDER REVIEW",
        "Nature of the Dispute:",
        "REQUEST UNDER REVIEW",
        "WHAT WAS REVIEWED",
        "The Request",
    ),
    "Description of the Qualifications for Each Physician or Other Health Care Provider Who"
    "\nReviewed the Decision:": (
        "CREDENTIALS OF REVIEWING PHYSICIAN",
        "About the Reviewer",
        "About the Reviewing Doctor",
        "Who reviewed this case:",
        "Independent Reviewer",
    ),
    "Review Outcome:": (
        "DETERMINATION OF THE IRO",
        "Result of Independent Review:",
        # the letterhead's words first (``Independent Review Organization``), read as furniture
        # before this heading was listed
        "INDEPENDENT REVIEW OUTCOME",
        "C. Independent Review Determination",
    ),
    "Information Provided to the IRO for Review:": (
        "DOCUMENTATION CONSIDERED",
        "Items Received for Review:",
        "What we looked at:",
    ),
    "Patient Clinical History Summary:": ("SUMMARY OF CLINICAL RECORDS", "Clinical Synopsis:"),
    "Analysis and Explanation of the Decision Including Clinical Basis, Findings and Conclusions"
    "\nUsed to Support the Decision:": (
        "REASONING",
        "Decision Rationale:",
        "ANALYSIS, CLINICAL BASIS AND CONCLUSIONS",  # commas between words in capitals
        "WHY WE DECIDED THIS",
    ),
    "A Description and the Source of the Screening Criteria or Other Clinical Basis Used to Make"
    "\nthe Decision:": ("GUIDELINES APPLIED", "Standards Used:"),
}


@pytest.mark.parametrize(
    ("old", "new"),
    [(old, new) for old, news in KEY_WORD_HEADINGS.items() for new in news],
    ids=lambda value: value.split("\n")[0][:40],
)
def test_headings_known_by_their_key_words_read_like_the_original(old: str, new: str) -> None:
    assert old in BASE
    assert _folded(iroparse.parse(BASE.replace(old, new))) == _folded(iroparse.parse(BASE))


@pytest.mark.parametrize(
    "line",
    [
        "Milliman Care Guidelines",  # a checklist item
        "Notice of Independent Review Decision",  # the title
        "Lone Star Medical Review Associates, Inc.",  # a name
        "Service                          Code      Decision",  # a table's column headings
        "The reviewer has reviewed the records",  # a sentence
        "Analysis, Records",  # a comma in Title Case parts a name or a list
        "Table of disputed services",  # sentence case without a colon: a list's item
    ],
)
def test_lines_with_key_words_that_are_no_headings(line: str) -> None:
    from iroparse._pipeline.headings import HeadingMatcher
    from iroparse.catalogue import HEADINGS

    assert HeadingMatcher(HEADINGS).by_words(line) is None


def test_a_drawn_summary_box_is_read_as_labels_over_values() -> None:
    box = (
        "+--------------------+----------------------+\n"
        "| IRO Case No.       | Date of Review       |\n"
        "+--------------------+----------------------+\n"
        "| LSM-11-04127       | April 19, 2011       |\n"
        "+--------------------+----------------------+\n"
    )
    text = BASE.replace("Date of Review: April 18, 2014\n\nIRO Case #: 061475\n", box)
    decision = iroparse.parse(text)
    assert (decision.case_number, str(decision.review_date)) == ("LSM-11-04127", "2011-04-19")


def test_a_key_word_label_with_its_value_on_the_line_is_read_whole() -> None:
    # ``REVIEWER`` alone is a listed heading; the label's whole words name the section
    qualification = (
        "Board Certified in Anesthesiology with a subspecialty certification in Pain Medicine, in"
        "\nactive practice for more than fifteen years\n"
    )
    assert QUALIFICATIONS + qualification in BASE
    text = BASE.replace(
        QUALIFICATIONS + qualification,
        "REVIEWER'S SPECIALTY: Anesthesiology, board certified; Pain Medicine\n",
    )
    decision = iroparse.parse(text)
    assert [q.text for q in decision.reviewer_qualifications] == [
        "Anesthesiology, board certified; Pain Medicine"
    ]


def test_a_numbered_key_word_heading_over_lettered_items() -> None:
    records = (
        "Information Provided to the IRO for Review:\n"
        "1. Request for an independent review dated 03/27/2014\n"
        "2. Utilization review determinations dated 02/11/2014 and 03/05/2014\n"
    )
    assert records in BASE
    text = BASE.replace(
        records,
        "Section 5 - Medical Records Received for Review\n"
        "   a.  Request for an independent review dated 03/27/2014\n"
        "   b.  Utilization review determinations dated 02/11/2014 and 03/05/2014\n",
    )
    items = [i.text for i in iroparse.parse(text).information_provided]
    assert items[:2] == [
        "Request for an independent review dated 03/27/2014",
        "Utilization review determinations dated 02/11/2014 and 03/05/2014",
    ]


def test_a_section_named_for_two_values_is_no_value_heading() -> None:
    # ``Review Date and IRO Reference`` opens with a value heading's words; its labels below
    # give the values
    dates = "Date of Review: April 18, 2014\n\nIRO Case #: 061475\n"
    assert dates in BASE
    text = BASE.replace(
        dates,
        "Section 1 - Review Date and IRO Reference\n"
        "     Review Date:                 04-18-2014\n"
        "     Notice Mailed:               04-21-2014\n"
        "     IRO File Number:             PD-14-1021\n",
    )
    decision = iroparse.parse(text)
    assert (str(decision.review_date), decision.case_number) == ("2014-04-18", "PD-14-1021")


def test_a_conflict_of_interest_statement_ends_the_analysis() -> None:
    text = BASE.replace(
        "The requested injection is medically necessary.\n",
        "The requested injection is medically necessary.\n\n"
        "CONFLICT OF INTEREST: Llano Estacado Peer Review has no known conflicts of interest"
        " with the enrollee.\n",
    )
    assert (iroparse.parse(text).analysis or "").endswith("medically necessary.")


def test_labels_with_dot_leaders_to_their_values() -> None:
    dates = "Date of Review: April 18, 2014\n\nIRO Case #: 061475\n"
    text = BASE.replace(
        dates,
        "   IRO case number ........................................ NBR-21-11842\n"
        "   Date of review ......................................... 11/03/2021\n"
        "   Date this notice was sent ............................... 11/04/2021\n",
    )
    decision = iroparse.parse(text)
    assert (str(decision.review_date), decision.case_number) == ("2021-11-03", "NBR-21-11842")


def test_a_ribbon_of_label_pairs_gives_the_case_number_and_review_date() -> None:
    dates = "Date of Review: April 18, 2014\n\nIRO Case #: 061475\n"
    text = BASE.replace(
        dates,
        "  ┃ Rio Hondo IRO Case ID: RH-25-00871        Review Date: 09/09/2025\n"
        "  ┃ Notice Sent: 09/10/2025                   Plan Type: HMO, fully insured\n",
    )
    decision = iroparse.parse(text)
    assert (str(decision.review_date), decision.case_number) == ("2025-09-09", "RH-25-00871")
    span = decision.spans.review_date
    assert span is not None and span.slice(text) == "09/09/2025"


def test_a_summary_box_beside_the_addressees_gives_the_review_date() -> None:
    # the box's column is cut as a sidebar; its ``Date of Review`` keeps its value
    top = (
        "CONCHO VALLEY REVIEW GROUP, LLC\n"
        "Independent Review Organization – Texas Certificate No. IRO 5793\n"
        "36 West Beauregard Avenue, Suite 900, San Angelo, TX 76903\n"
        "Telephone 325-555-0114   Facsimile 325-555-0115\n\n\n"
        "NOTICE OF INDEPENDENT REVIEW DECISION (WORKERS' COMPENSATION)\n\n"
        "October 3, 2017\n\n"
        "To:   Requestor / Treating Doctor                        CASE SUMMARY\n"
        "      Dr.                                                IRO Case #          CVRG-17-"
        "5521\n"
        "                                                         Date of Review      10/02/2017\n"
        "      Respondent / Insurance Carrier                     DWC Claim #         xxxxxxxxxx\n"
        "      xxxxx Casualty Company                             Decision            Upheld\n"
        "                                                         Reviewer            MD, PM&R\n"
        "      Injured Employee\n"
        "      xxxxx\n\n\n"
    )
    body = BASE[BASE.index("Description of the Service or Services in Dispute:") :]
    decision = iroparse.parse(top + body)
    assert (str(decision.review_date), decision.case_number) == ("2017-10-02", "CVRG-17-5521")


PLAIN_LETTER = """\
Notice of Independent Review Decision

Date of review:      05/06/2014
Our file number:     TPPR-1405-0213

What was requested
Right L5-S1 transforaminal epidural steroid injection (CPT 64483).

Who reviewed this case
A physician board certified in Anesthesiology, in active practice since 1998.

What the reviewer looked at
Notice of assignment, carrier denial letters and office notes of the treating doctor.

Background
The injured worker is a 44-year-old man who hurt his low back while unloading drywall.

What the reviewer found
Radiculopathy is not documented, so the guideline criteria are not met.

Our decision
The reviewer agrees with the carrier. The denial is upheld.
"""


#: The kinds of :data:`PLAIN_LETTER`'s sections, in its order.
PLAIN_KINDS = [
    "services_in_dispute",
    "reviewer_qualifications",
    "information_provided",
    "clinical_history",
    "analysis",
    "review_outcome",
]


def test_plain_headings_in_sentence_case_alone_on_their_lines_open_their_sections() -> None:
    """A designed letter's plain-language headings: a few words in sentence case between a
    blank line and their text."""
    decision = iroparse.parse(PLAIN_LETTER)
    kinds = [s.kind for s in decision.sections if s.kind not in ("title", "other")]
    assert kinds[-6:] == PLAIN_KINDS
    assert decision.outcome.value == "upheld"
    assert [q.text for q in decision.reviewer_qualifications] == [
        "A physician board certified in Anesthesiology, in active practice since 1998."
    ]


def test_longer_plain_headings_open_their_sections_by_their_opening_words() -> None:
    """Past the few words a heading in sentence case may have, a plain heading alone on its
    line still opens its section when it opens as one does (``Your``, ``What``), a comma
    perhaps parting its words."""
    text = PLAIN_LETTER.replace("Background\n", "Your medical history, in brief\n").replace(
        "Our decision\n",
        "What guidelines and studies we used\nThe ODG chapter on the low back.\n\nOur decision\n",
    )
    kinds = [s.kind for s in iroparse.parse(text).sections if s.kind not in ("title", "other")]
    assert kinds[-7:] == [*PLAIN_KINDS[:-1], "criteria", "review_outcome"]


def test_a_label_saying_whose_its_records_are_is_read_by_the_words_before() -> None:
    text = PLAIN_LETTER.replace(
        "What the reviewer looked at\n",
        "Records received from the health plan and your physicians:\n",
    )
    kinds = [s.kind for s in iroparse.parse(text).sections if s.kind not in ("title", "other")]
    assert kinds[-6:] == PLAIN_KINDS


@pytest.mark.parametrize(
    "closing",
    [
        "What happens next\nUnder Texas law the carrier must comply.\n",
        # the enrollee's summary after the analysis
        "IN PLAIN LANGUAGE:\nA doctor reviewed your records.\n",
    ],
)
def test_a_plain_heading_after_the_analysis_ends_it(closing: str) -> None:
    text = PLAIN_LETTER.replace("criteria are not met.\n", f"criteria are not met.\n\n{closing}")
    analysis = iroparse.parse(text).analysis
    assert analysis == "Radiculopathy is not documented, so the guideline criteria are not met."


def test_a_sentence_naming_the_guidelines_used_opens_the_criteria_after_the_analysis() -> None:
    text = PLAIN_LETTER.replace(
        "criteria are not met.\n",
        "criteria are not met.\n\nThe reviewer used the following guidelines:\n\n"
        "        ODG - Official Disability Guidelines, Low Back chapter\n"
        "        ACOEM Occupational Medicine Practice Guidelines\n"
        "        Medical judgment, clinical experience and expertise\n",
    )
    decision = iroparse.parse(text)
    assert [c.code for c in decision.criteria] == ["odg", "acoem", "medical_judgement"]
    assert decision.analysis == (
        "Radiculopathy is not documented, so the guideline criteria are not met."
    )


def test_a_lists_first_line_in_sentence_case_under_its_heading_is_no_plain_heading() -> None:
    text = PLAIN_LETTER.replace(
        "What the reviewer looked at\nNotice of assignment",
        "What the reviewer looked at\n\nTable of disputed services\nNotice of assignment",
    )
    records = [r.text for r in iroparse.parse(text).information_provided]
    assert records[0] == "Table of disputed services"


@pytest.mark.parametrize(
    "heading", ["THE QUESTION PRESENTED", "The question", "Question for review"]
)
def test_the_question_the_review_answers_is_the_services_in_dispute(heading: str) -> None:
    text = PLAIN_LETTER.replace("What was requested", heading)
    assert [s.text for s in iroparse.parse(text).services] == [
        "Right L5-S1 transforaminal epidural steroid injection (CPT 64483)."
    ]


BASIS_CHECKLIST = (
    "\nBasis for the decision\n"
    "( ) ACOEM-America College of Occupational & Environmental Medicine UM Knowledgebase\n"
    "(X) MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH ACCEPTED\n"
    "    MEDICAL STANDARDS\n"
    "(X) ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
    "\nConclusion\n"
    "The reviewer agrees with the carrier's adverse determination; the denial is upheld.\n"
)


def test_a_basis_heading_over_a_checklist_heads_the_criteria() -> None:
    """``Basis for the decision`` heads the analysis, but the criteria where their checklist
    stands under it; a decision sentence after the checklist still gives the outcome."""
    text = PLAIN_LETTER[: PLAIN_LETTER.index("Our decision")] + BASIS_CHECKLIST
    decision = iroparse.parse(text)
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("acoem", False),
        ("medical_judgement", True),
        ("odg", True),
    ]
    assert decision.analysis == (
        "Radiculopathy is not documented, so the guideline criteria are not met."
    )
    assert decision.outcome.value == "upheld"


def test_a_basis_heading_over_prose_naming_a_guideline_heads_the_analysis() -> None:
    text = PLAIN_LETTER.replace(
        "What the reviewer found\nRadiculopathy",
        "Basis for the decision\nACOEM Guidelines, Chapter 12, state that radiculopathy",
    )
    analysis = iroparse.parse(text).analysis
    assert analysis is not None and analysis.startswith("ACOEM Guidelines, Chapter 12")


REORDERED = """\
Notice of Independent Review Decision

Date of Review:   05/06/2014

Service(s) at Issue
Trigger point injections, four sessions (CPT 20553).

Our Determination
The reviewer agrees with the carrier: the denial is upheld.

Why the Reviewer Reached This Decision
The guideline allows repeat injections only after a documented response of six weeks.

Sources of Criteria
ODG-Official Disability Guidelines, Neck and Upper Back chapter.

Patient Background
The claimant is a 57-year-old woman who strained her neck lifting trays.

Records Examined
    o  IRO request and Division notice of assignment
    o  Carrier determinations, 04/11/2017 and 05/02/2017

Reviewed By
    A physician board certified in Physical Medicine and Rehabilitation.

Independence and Appeal
    The reviewer has certified that no known conflicts of interest exist.
"""


def test_sections_in_an_unusual_order_under_plain_title_case_headings() -> None:
    decision = iroparse.parse(REORDERED)
    assert decision.analysis == (
        "The guideline allows repeat injections only after a documented response of six weeks."
    )
    assert [r.text for r in decision.information_provided] == [
        "IRO request and Division notice of assignment",
        "Carrier determinations, 04/11/2017 and 05/02/2017",
    ]
    assert [q.text for q in decision.reviewer_qualifications] == [
        "A physician board certified in Physical Medicine and Rehabilitation."
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("What was requested", "MATTER UNDER REVIEW"),
        ("What was requested", "WHAT YOU ASKED US TO REVIEW"),
        ("What was requested", "What the Member Asked For"),
        ("Who reviewed this case", "Reviewer's Professional Background:"),
        ("Who reviewed this case", "REVIEWER'S EDUCATION, TRAINING AND CERTIFICATION"),
        (
            "Who reviewed this case",
            "QUALIFICATIONS OF THE HEALTH CARE PROVIDER WHO REVIEWED THE DECISION",
        ),
        ("What was requested", "Level of Care Requested"),
        ("Background", "Relevant Clinical Information"),
        # a title's words ended by a colon: the outcome's heading, not the letter's title
        ("Our decision", "Independent Review Decision:"),
        ("What the reviewer looked at", "FILE CONTENTS"),
        ("Background", "CLINICAL NARRATIVE"),
        ("What the reviewer found", "MEDICAL OPINION"),
    ],
)
def test_a_houses_own_words_for_a_section_open_it(old: str, new: str) -> None:
    plain, house = iroparse.parse(PLAIN_LETTER), iroparse.parse(PLAIN_LETTER.replace(old, new))
    assert [s.kind for s in house.sections] == [s.kind for s in plain.sections]


def test_a_sentence_case_heading_with_words_of_its_own_before_its_colon() -> None:
    text = PLAIN_LETTER.replace(
        "Who reviewed this case\n",
        "D.  Qualifications of the physician who reviewed the decision:\n",
    )
    assert [q.text for q in iroparse.parse(text).reviewer_qualifications] == [
        "A physician board certified in Anesthesiology, in active practice since 1998."
    ]


#: An older typed letter whose every section opens with a sentence ending in a colon.
SENTENCE_HEADED = """\
                      BLUE MESA REVIEW
                 P. O. Box 19, Rising Star, Texas 76471

                                                     June 2, 1999

        Our case number:   BMR 99-058

Dear Dr. Doe:

The Texas Department of Insurance assigned to Blue Mesa Review the appeal of the
adverse determination concerning the care of the above patient.  The review was
completed on May 28, 1999.

The physician who reviewed this case is described as follows:

Board certified by the American Board of Psychiatry and Neurology in Psychiatry.

We reviewed the following:

Hospital admission history and physical, 03/19/99
Discharge summary, 03/30/99
  .
The care in dispute is the following:

Inpatient psychiatric hospitalization from 03/24/99 through 03/30/99.

The facts of the case are these:

The patient is a 15 year old girl who was admitted after an overdose.  Her history
is as follows:

She had no earlier admissions.

Our reviewer's determination is as follows:

The reviewer disagrees with the health plan's denial of 03/24/99 through 03/26/99 and
agrees with the denial of 03/27/99 through 03/30/99.

The reasons for the determination are as follows:

Acute inpatient care was needed through 03/26/99, when she remained at imminent risk.

A brief history of the appeal follows.

Sincerely,
"""


def test_sentences_written_as_headings_open_their_sections() -> None:
    decision = iroparse.parse(SENTENCE_HEADED)
    assert [q.text for q in decision.reviewer_qualifications] == [
        "Board certified by the American Board of Psychiatry and Neurology in Psychiatry."
    ]
    assert [r.text for r in decision.information_provided] == [
        "Hospital admission history and physical, 03/19/99",
        "Discharge summary, 03/30/99",
    ]
    assert [s.text for s in decision.services] == [
        "Inpatient psychiatric hospitalization from 03/24/99 through 03/30/99."
    ]
    # a sentence of the kind already opened introduces a part of its section
    assert decision.clinical_history is not None
    assert decision.clinical_history.endswith("She had no earlier admissions.")
    assert decision.analysis is not None
    assert decision.analysis.startswith("Acute inpatient care was needed")
    assert decision.outcome is iroparse.Outcome.PARTIALLY_OVERTURNED


@pytest.mark.parametrize(
    "line",
    [
        "The patient was seen by the following physicians:",  # no section's words
        "Dear Sir or Madam:",
        "The records show that the reviewer agrees with the decision of the following doctors:",
    ],
)
def test_a_sentence_with_no_section_s_subject_opens_none(line: str) -> None:
    text = SENTENCE_HEADED.replace("She had no earlier admissions.", f"\n{line}\n\nNone.")
    history = iroparse.parse(text).clinical_history
    assert history is not None
    assert history.endswith("None.")


def test_a_qualification_sentence_wrapped_before_no_known_conflict_stays_whole() -> None:
    """A line opening in lower case goes on with the sentence above it, though its words
    (``no known conflict of interest``) would open the reviewer's statement of independence."""
    text = SENTENCE_HEADED.replace(
        "Board certified by the American Board of Psychiatry and Neurology in Psychiatry.\n",
        "Board certified in Psychiatry, licensed in Texas, and who has\n"
        "no known conflict of interest with any party.\n",
    )
    assert [q.text for q in iroparse.parse(text).reviewer_qualifications] == [
        "Board certified in Psychiatry, licensed in Texas, and who has no known conflict of"
        " interest with any party."
    ]


def test_letter_spaced_headings_open_their_sections() -> None:
    """``S E R V I C E S   I N   D I S P U T E``: a heading printed letter-spaced is read as
    its words, and its value and text keep their places in the input."""
    spaced = {
        "Who reviewed this case": "W H O   R E V I E W E D   T H I S   C A S E",
        "Background": "B A C K G R O U N D",
    }
    text, capitals = PLAIN_LETTER, PLAIN_LETTER
    for plain, letters in spaced.items():
        text = text.replace(plain, letters)
        capitals = capitals.replace(plain, plain.upper())
    plain_decision, spaced_decision = iroparse.parse(capitals), iroparse.parse(text)
    assert [s.kind for s in spaced_decision.sections] == [s.kind for s in plain_decision.sections]
    assert [q.text for q in spaced_decision.reviewer_qualifications] == [
        q.text for q in plain_decision.reviewer_qualifications
    ]
    first = spaced_decision.reviewer_qualifications[0]
    assert text[first.span.start : first.span.end] == first.text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("What was requested\n", "The service that was denied\n\n"),
        ("Who reviewed this case\n", "About your reviewer\n\n"),
        ("What the reviewer looked at\n", "Documents we looked at\n\n"),
        ("Background\n", "Patient background\n\n"),
    ],
)
def test_a_few_plain_words_between_blank_lines_open_their_section(old: str, new: str) -> None:
    """A plain heading with no opener word (``Documents we looked at``) stands between blank
    lines; a relative clause's verb (``that was denied``) is no sentence's."""
    plain, house = iroparse.parse(PLAIN_LETTER), iroparse.parse(PLAIN_LETTER.replace(old, new))
    assert [s.kind for s in house.sections] == [s.kind for s in plain.sections]


def test_a_plain_heading_over_a_bulleted_list_opens_its_section() -> None:
    text = PLAIN_LETTER.replace(
        "Who reviewed this case\nA physician",
        "Who reviewed this case\n\n   •  A physician",
    )
    assert [q.text for q in iroparse.parse(text).reviewer_qualifications] == [
        "A physician board certified in Anesthesiology, in active practice since 1998."
    ]


def test_sources_alone_heads_the_criteria() -> None:
    text = PLAIN_LETTER.replace(
        "Our decision\n",
        "SOURCES:\n\nThe reviewer used the Official Disability Guidelines.\n\nOur decision\n",
    )
    decision = iroparse.parse(text)
    assert "criteria" in [s.kind for s in decision.sections]
    assert decision.analysis == (
        "Radiculopathy is not documented, so the guideline criteria are not met."
    )


#: An older letter's sections, centred headings between rows of stars.
STARRED = """\
                                * * *

                         MATERIALS REVIEWED

Carrier denial letter dated 04/21/03
MRI of the lumbar spine dated 11/20/02

                                * * *

                          SERVICE REQUESTED

Lumbar spine manipulation under general anesthesia (CPT 22505)

                                * * *

                          DETERMINATION

The reviewer agrees with the determination of the carrier.

                                * * *

                   CLINICAL BASIS FOR DETERMINATION

Manipulation under anesthesia of the lumbar spine has not been evaluated in
controlled trials, and the available reports are small case series.
"""


def test_stars_between_sections_and_a_clinical_basis_heading_over_prose() -> None:
    """``* * *`` between sections is a rule, no text; ``CLINICAL BASIS FOR DETERMINATION``
    over prose, with no analysis heading before it, heads the analysis."""
    decision = iroparse.parse(STARRED)
    assert [r.text for r in decision.information_provided] == [
        "Carrier denial letter dated 04/21/03",
        "MRI of the lumbar spine dated 11/20/02",
    ]
    assert [s.text for s in decision.services] == [
        "Lumbar spine manipulation under general anesthesia (CPT 22505)"
    ]
    assert (decision.analysis or "").startswith("Manipulation under anesthesia")
    assert decision.outcome is iroparse.Outcome.UPHELD


def test_typed_run_in_headings_in_sentence_case_open_their_sections() -> None:
    """``1.  Services in dispute.  A percutaneous trial ...``: a few words and the full stop a
    typist set two blanks before the section's first sentence."""
    text = (
        "We submit the following independent review decision.\n\n"
        "1.  Services in dispute.  A percutaneous trial of spinal cord stimulation\n"
        "with temporary epidural leads (63650).\n\n"
        "2.  Reviewer.  The review was performed by a physician board certified in\n"
        "anesthesiology.\n\n"
        "4.  Clinical history.  Mr. Galindo is a 47 year old male heavy equipment\n"
        "operator who injured his low back on 11/05/2001.\n\n"
        "5.  Determination.  The reviewer disagrees with the carrier's denial.\n"
    )
    decision = iroparse.parse(text)
    assert [s.text for s in decision.services] == [
        "A percutaneous trial of spinal cord stimulation with temporary epidural leads (63650)."
    ]
    assert (decision.clinical_history or "").startswith("Mr. Galindo is a 47 year old")
    assert decision.patient.age == 47
    # a sentence of prose with one space after its stop is no heading
    prose = text.replace("Services in dispute.  A", "Services in dispute. A")
    assert not iroparse.parse(prose).services


#: An older letter to the treating doctor, every section opened by a sentence, one of them
#: wrapped over two lines.
LEAD_INS = """\
Dear Dr. Stoltz:

     We have completed the independent review, and our findings are set out here.

     The services that the HMO declined to authorize, and that are the subject of
this review, are:

          Bilateral upper eyelid blepharoplasty (CPT 15822)
          Bilateral direct brow lift (CPT 67900)

     The case was reviewed by:

     An ophthalmologist who is board certified by the American Board of Ophthalmology.

     The reviewer summarized the history as follows:

     Mrs. Weinheimer is a 67 year old woman whose upper lids hang in her eyes.  The
guidelines require all of the following:

     a skin fold resting on the lashes.

     Upon independent review, the reviewer's determination is:

     The request is approved in part.  The blepharoplasty is medically necessary.

     The reviewer's reasons for the determination are:

     Upper lid blepharoplasty is functional when the lid skin obstructs the field.
"""


def test_sentence_lead_ins_wrapped_or_not_open_their_sections() -> None:
    decision = iroparse.parse(LEAD_INS)
    assert [s.text for s in decision.services] == [
        "Bilateral upper eyelid blepharoplasty (CPT 15822)",
        "Bilateral direct brow lift (CPT 67900)",
    ]
    assert [q.text for q in decision.reviewer_qualifications] == [
        "An ophthalmologist who is board certified by the American Board of Ophthalmology."
    ]
    # inside the history, ``... require all of the following:`` introduces its own list
    assert (decision.clinical_history or "").endswith("a skin fold resting on the lashes.")
    assert (decision.analysis or "").startswith("Upper lid blepharoplasty is functional")
    assert decision.outcome is iroparse.Outcome.PARTIALLY_OVERTURNED


#: :data:`PLAIN_LETTER` with every heading in capitals wrapped over two lines, neither line
#: a catalogue wording whole.
WRAPPED_CAPITALS = (
    PLAIN_LETTER.replace("What was requested\n", "HEALTH CARE SERVICE\nBEING APPEALED\n\n")
    .replace(
        "Who reviewed this case\n", "PROFESSIONAL QUALIFICATIONS\nOF THE REVIEWING PHYSICIAN\n\n"
    )
    .replace("What the reviewer looked at\n", "RECORDS AND DOCUMENTS\nRECEIVED FOR REVIEW\n\n")
    .replace("Background\n", "SUMMARY OF THE ENROLLEE'S\nCLINICAL HISTORY\n\n")
    .replace("What the reviewer found\n", "CLINICAL REASONING AND\nCONCLUSION\n\n")
    .replace("Our decision\n", "DECISION OF THE INDEPENDENT\nREVIEWER\n\n")
)


def test_headings_in_capitals_wrapped_over_two_lines_are_one_heading_each() -> None:
    """``DECISION OF THE INDEPENDENT`` / ``REVIEWER``: the second line no heading of its own
    (``REVIEWER``) nor the section's first words (``FOR REVIEW``); a first line known by no
    words (``SUMMARY OF THE ENROLLEE'S``) is the heading's too, and so is one that is no
    heading alone (``HEALTH CARE SERVICE`` / ``BEING APPEALED``)."""
    decision = iroparse.parse(WRAPPED_CAPITALS)
    kinds = [s.kind for s in decision.sections if s.kind not in ("title", "other")]
    assert kinds[-6:] == PLAIN_KINDS
    assert [r.text for r in decision.information_provided] == [
        "Notice of assignment, carrier denial letters and office notes of the treating doctor."
    ]
    assert decision.clinical_history == (
        "The injured worker is a 44-year-old man who hurt his low back while unloading drywall."
    )
    assert decision.outcome.value == "upheld"


TWO_BLANKS = """\
NOTICE OF INDEPENDENT REVIEW DECISION

Date of Review  2/14/2022
IRO Case Number  PMRO-22-0207-31
Description of the Service or Services in Dispute  Right total knee arthroplasty (CPT 27447)
with a two-day inpatient length of stay

Review Outcome  Upon independent review the reviewer finds that the previous adverse
determination/adverse determinations should be:
Upheld (Agree)                                                           Yes
Overturned (Disagree)                                                    No

Patient Clinical History Summary  The injured employee is a 58-year-old female school
custodian who twisted her right knee.
"""


def test_a_whole_heading_then_two_blanks_then_its_text_opens_its_section() -> None:
    decision = iroparse.parse(TWO_BLANKS)
    kinds = [s.kind for s in decision.sections]
    assert kinds[-3:] == ["services_in_dispute", "review_outcome", "clinical_history"]
    assert [s.text for s in decision.services] == [
        "Right total knee arthroplasty (CPT 27447) with a two-day inpatient length of stay"
    ]
    assert decision.outcome.value == "upheld"


def test_two_blanks_after_a_sentences_first_words_open_no_section() -> None:
    text = TWO_BLANKS.replace(
        "custodian who twisted her right knee.",
        "custodian who twisted her right knee.\nReview of the records  shows no injection.",
    )
    decision = iroparse.parse(text)
    assert (decision.clinical_history or "").endswith("Review of the records shows no injection.")
    assert [s.kind for s in decision.sections][-1] == "clinical_history"


def test_a_heading_known_after_two_lines_takes_a_third_of_one_word() -> None:
    text = TWO_BLANKS.replace(
        "Description of the Service or Services in Dispute  Right total knee arthroplasty (CPT"
        " 27447)\n",
        "DESCRIPTION OF THE\nSERVICE OR SERVICES\nIN DISPUTE:\nRight total knee arthroplasty (CPT"
        " 27447)\n",
    )
    assert text != TWO_BLANKS
    assert [s.text for s in iroparse.parse(text).services] == [
        "Right total knee arthroplasty (CPT 27447) with a two-day inpatient length of stay"
    ]


SENTENCES = """\
NOTICE OF INDEPENDENT REVIEW DECISION

DATE OF REVIEW
July 9, 2007

The following services were in dispute:

     Anterior cervical discectomy and fusion at C5-6 (CPT 63075, 22554)

The physician who reviewed this case holds the following qualifications:

     Board certified by the American Board of Neurological Surgery

Upon independent review, the reviewer finds that the previous adverse determination should be:

     (   ) Upheld (Agree)
     ( X ) Overturned (Disagree)
     (   ) Partially Overturned (Agree in part/Disagree in part)

The patient's clinical history is summarized as follows:

The patient is a 44-year-old man with neck and arm pain after a fall at work.

The reviewer's analysis and explanation of the decision, including the clinical basis, findings
and conclusions used to support the decision:

The ODG criteria for fusion are met:
     Imaging shows compression of the C6 root.

The screening criteria or other clinical basis used to make the decision:

     ( X ) ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES
"""


def test_sentences_that_name_their_sections_head_them() -> None:
    decision = iroparse.parse(SENTENCES)
    kinds = [s.kind for s in decision.sections]
    assert kinds[2:] == [
        "services_in_dispute",
        "reviewer_qualifications",
        "review_outcome",
        "clinical_history",
        "analysis",
        "criteria",
    ]
    assert decision.outcome.value == "overturned"
    assert [q.text for q in decision.reviewer_qualifications] == [
        "Board certified by the American Board of Neurological Surgery"
    ]
    # a sentence inside the analysis that names a guideline opens no section
    assert (decision.analysis or "").startswith("The ODG criteria for fusion are met:")
    assert [(c.code, c.checked) for c in decision.criteria] == [("odg", True)]


def test_the_reviewers_decision_with_its_outcome_on_its_line() -> None:
    text = TWO_BLANKS.replace(
        "Review Outcome  Upon independent review the reviewer finds that the previous adverse\n"
        "determination/adverse determinations should be:\n"
        "Upheld (Agree)                                                           Yes\n"
        "Overturned (Disagree)                                                    No\n",
        "",
    )
    # after the history's narrative, as a letter to the member puts it
    text += "\nReviewer's decision:  OVERTURNED\n\nThe reviewer disagrees with the health plan.\n"
    assert text != TWO_BLANKS
    decision = iroparse.parse(text)
    assert decision.outcome.value == "overturned"
    assert "review_outcome" in [s.kind for s in decision.sections]


def test_a_designed_letters_slash_numbered_headings_over_overlines() -> None:
    text = TWO_BLANKS.replace(
        "Description of the Service or Services in Dispute  Right total knee arthroplasty (CPT"
        " 27447)\n",
        "\n01  /  Services in dispute\n‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾\n"
        "Right total knee arthroplasty (CPT 27447)\n",
    )
    assert text != TWO_BLANKS
    decision = iroparse.parse(text)
    assert [s.text for s in decision.services] == [
        "Right total knee arthroplasty (CPT 27447) with a two-day inpatient length of stay"
    ]


def test_a_short_heading_with_a_long_aside_after_it() -> None:
    text = TWO_BLANKS + (
        "\nStandards used (description and source of the screening criteria or other clinical"
        " basis)\n\n"
        "   ODG - Official Disability Guidelines & Treatment Guidelines          ☐ Yes   ☒ No\n"
        "   Medical judgement, clinical experience and expertise                 ☒ Yes   ☐ No\n"
    )
    decision = iroparse.parse(text)
    assert [s.kind for s in decision.sections][-1] == "criteria"
    assert [c.code for c in decision.criteria] == ["odg", "medical_judgement"]


LETTER_1999 = """\
Re:  Request for Independent Review
     IRO Number:        1999-0412
     Date of Review:    10/29/99

You have asked for review of the HMO's denial of the following service:

          Roux-en-Y gastric bypass, open approach, for morbid obesity - CPT 43846

The reviewer's decision:

The reviewer agrees with the HMO that the requested gastric bypass is not medically
necessary at this time. The HMO's denial is upheld.

In reaching this decision the reviewer relied on:

          Milliman & Robertson Healthcare Management Guidelines, Vol. 2, Surgical Care
          Medical judgment and clinical experience in bariatric surgery

Certification of independence:

The reviewer has certified that he has no known conflicts of interest.
"""


def test_a_typed_letters_sentences_head_the_services_and_the_sources() -> None:
    decision = iroparse.parse(LETTER_1999)
    assert [s.text for s in decision.services] == [
        "Roux-en-Y gastric bypass, open approach, for morbid obesity - CPT 43846"
    ]
    assert decision.outcome.value == "upheld"
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("milliman", True),
        ("medical_judgement", True),
    ]
