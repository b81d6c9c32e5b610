"""Field readers: dates, CPT codes, case numbers, lists, patient facts, and redactions as null."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import iroparse
from iroparse._fields.codes import cpt_codes
from iroparse._fields.dates import find_date
from iroparse._fields.lists import split_items
from iroparse._fields.patient import find_patient
from iroparse._pipeline.normalize import normalize
from iroparse._pipeline.tokens import TokenKind
from iroparse.parser import default_parser

GOLDEN = Path(__file__).parent / "golden"
BRACKET = (GOLDEN / "004_4475ce78ad411086.txt").read_text(encoding="utf-8")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "letters"
SERVICE = (
    "right Psoas block with botox and 5 botox chemodenervation injections with fluoroscopy, block"
)
AUG_10 = datetime.date(2009, 8, 10)


def variant(old: str, new: str) -> str:
    """The bracket sample with ``old`` (which must occur) replaced by ``new``."""
    assert old in BRACKET
    return BRACKET.replace(old, new, 1)


# -- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aug/10/2009", AUG_10),
        ("08/10/2009", AUG_10),
        ("August 10, 2009", AUG_10),
        ("2009-08-10", AUG_10),
        ("10 August 2009", AUG_10),
        ("Aug. 10, 2009", AUG_10),
        ("8-10-09", AUG_10),
        ("Date: Aug 10 2009", AUG_10),
        ("Sept 3rd, 2010", datetime.date(2010, 9, 3)),
        ("12/31/99", datetime.date(1999, 12, 31)),
        ("13/45/2009", None),
        ("Feb 30, 2009", None),
        ("xx/xx/xxxx", None),
        ("Smarch 10, 2009", None),
        ("2009/08/10", AUG_10),
        ("10-Aug-2009", AUG_10),
        ("August 10 , 2009", AUG_10),
        ("December 11,1997", datetime.date(1997, 12, 11)),
        ("Sep 14, 2017          Date Received:   08/28/2017", datetime.date(2017, 9, 14)),
        ("10th of August, 2009", AUG_10),
        ("2009\u201308\u201310", AUG_10),
    ],
)
def test_find_date(text: str, expected: datetime.date | None) -> None:
    found = find_date(text)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O3/14/2007", datetime.date(2007, 3, 14)),
        ("l2/0l/2010", datetime.date(2010, 12, 1)),
        ("March l8, 2005", datetime.date(2005, 3, 18)),
        ("May 2O, 2010", datetime.date(2010, 5, 20)),
        ("1O/O2/O6", datetime.date(2006, 10, 2)),
        ("March 2l, 2O11", datetime.date(2011, 3, 21)),
        ("April 7, 2Ol4", datetime.date(2014, 4, 7)),
        # the month's name in capitals
        ("NOVEMBER l7, 2006", datetime.date(2006, 11, 17)),
        ("DECEMBER 2l, 2O11", datetime.date(2011, 12, 21)),
        ("Ju1y 1l, 2O16", datetime.date(2016, 7, 11)),
        ("11/3O/2007", datetime.date(2007, 11, 30)),
        # ``rn`` for ``m`` in a month's name
        ("Novernber 5, 2012", datetime.date(2012, 11, 5)),
        ("Decernber l4, 2009", datetime.date(2009, 12, 14)),
        # a month's name broken by a blank
        ("Febru ary 6, 2006", datetime.date(2006, 2, 6)),
        # a day of one digit read as a letter
        ("July l, 2011", datetime.date(2011, 7, 1)),
    ],
)
def test_find_date_reads_a_scan_s_letters_for_digits(text: str, expected: datetime.date) -> None:
    found = find_date(f"DATE NOTICE SENT: {text}")
    assert found is not None
    assert found[0] == expected


def test_find_date_gives_the_offsets_of_the_date() -> None:
    text = "DATE OF REVIEW: Aug/10/2009 (amended)"
    found = find_date(text)
    assert found is not None
    assert text[found[1] : found[2]] == "Aug/10/2009"


@pytest.mark.parametrize(
    "written", ["August 10, 2009", "08/10/2009", "2009-08-10", "Aug. 10, 2009"]
)
def test_review_date_is_iso_whatever_the_spelling(written: str) -> None:
    text = variant("Aug/10/2009", written)
    decision = iroparse.parse(text)
    assert iroparse.to_dict(decision)["review_date"] == "2009-08-10"
    assert decision.spans.review_date is not None
    assert decision.spans.review_date.slice(text) == written


def test_review_date_on_the_heading_line() -> None:
    text = variant("DATE OF REVIEW: \n\nAug/10/2009", "DATE OF REVIEW: 08/10/2009")
    decision = iroparse.parse(text)
    assert decision.review_date == AUG_10
    assert decision.spans.review_date is not None
    assert decision.spans.review_date.slice(text) == "08/10/2009"


def test_a_decision_date_yields_to_the_date_of_review() -> None:
    """``Decision date:`` above ``DATE OF REVIEW:`` is a date, no outcome's heading; the date
    of review is the review date, and alone the decision's date stands in for it."""
    both = variant("DATE OF REVIEW: ", "Decision date: September 9, 2009\n\nDATE OF REVIEW: ")
    decision = iroparse.parse(both)
    assert decision.review_date == AUG_10
    assert decision.outcome == iroparse.parse(BRACKET).outcome
    alone = variant("DATE OF REVIEW: ", "Decision date: ")
    assert iroparse.parse(alone).review_date == AUG_10


def test_the_date_the_review_was_completed_is_the_review_date() -> None:
    text = variant(
        "DATE OF REVIEW: \n\nAug/10/2009",
        "Notice date: 08/12/2009\n\nReview completed:  08/10/2009",
    )
    assert iroparse.parse(text).review_date == AUG_10


@pytest.mark.parametrize("redacted", ["xx/xx/xxxx", "", "XXXX"])
def test_redacted_review_date_is_null(redacted: str) -> None:
    decision = iroparse.parse(variant("Aug/10/2009", redacted))
    assert decision.review_date is None
    assert decision.spans.review_date is None
    assert iroparse.to_dict(decision)["review_date"] is None
    assert "redacted" in [d.code for d in decision.diagnostics]


def test_unreadable_review_date_is_null_with_a_warning() -> None:
    decision = iroparse.parse(variant("Aug/10/2009", "to be announced"))
    assert decision.review_date is None
    notes = [d for d in decision.diagnostics if d.code == "date-unreadable"]
    assert len(notes) == 1
    assert notes[0].severity is iroparse.Severity.WARNING


# -- CPT codes and services ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Sacral/Coccygeal Block; Outpatient, CPT: 64999", ("64999",)),
        ("Therapy CPT codes 97110, 97140 and 97530", ("97110", "97140", "97530")),
        ("Injection HCPCS J0585", ("J0585",)),
        ("procedure code 0275T", ("0275T",)),
        ("CPT 99213/99214, CPT 99213 again", ("99213", "99214")),
        ("cpt #: 72148", ("72148",)),
        ("mail to Austin, TX 78701, claim 64999", ()),
    ],
)
def test_cpt_codes(text: str, codes: tuple[str, ...]) -> None:
    assert cpt_codes(text) == codes


def test_services_are_one_item_each_with_their_codes_and_spans() -> None:
    text = variant(
        SERVICE,
        "1. Lumbar MRI, CPT 72148\n"
        "2. Physical therapy 3x4 weeks, CPT codes 97110, 97140 and\n"
        "97530\n"
        "- Office visit (HCPCS G0283)",
    )
    decision = iroparse.parse(text)
    assert [(s.text, s.cpt_codes) for s in decision.services] == [
        ("Lumbar MRI, CPT 72148", ("72148",)),
        (
            "Physical therapy 3x4 weeks, CPT codes 97110, 97140 and 97530",
            ("97110", "97140", "97530"),
        ),
        ("Office visit (HCPCS G0283)", ("G0283",)),
    ]
    assert decision.cpt_codes == ("72148", "97110", "97140", "97530", "G0283")
    for service in decision.services:
        assert service.span is not None
        assert " ".join(service.span.slice(text).split()) == service.text


# -- case numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("IRO CASE #: 12345", "12345"),
        ("IRO CASE NO.: 12345", "12345"),
        ("IRO CASE NO. 12345", "12345"),
        ("IRO Case Number: M5-09-1234", "M5-09-1234"),
        ("IRO CASE #:\n\nABC-1234", "ABC-1234"),
    ],
)
def test_case_number(written: str, value: str) -> None:
    text = variant("IRO CASE #: ", written)
    decision = iroparse.parse(text)
    assert decision.case_number == value
    assert decision.spans.case_number is not None
    assert decision.spans.case_number.slice(text) == value


@pytest.mark.parametrize("written", ["IRO CASE #: xxxx", "IRO CASE #:\n\nXX-XXXX", "IRO CASE #: "])
def test_redacted_case_number_is_null(written: str) -> None:
    decision = iroparse.parse(variant("IRO CASE #: ", written))
    assert decision.case_number is None
    assert decision.spans.case_number is None
    assert "redacted" in [d.code for d in decision.diagnostics]


# -- lists -----------------------------------------------------------------------------------------


def body_of(text: str) -> list[object]:
    tokens = default_parser().tokenizer.tokenize(normalize(text))
    return [t for t in tokens if t.kind is not TokenKind.HEADING]


@pytest.mark.parametrize(
    ("lines", "items"),
    [
        (
            "Board Certified in Physical Medicine and Rehabilitation\n"
            "Subspecialty Board Certified in Pain Management\n",
            [
                "Board Certified in Physical Medicine and Rehabilitation",
                "Subspecialty Board Certified in Pain Management",
            ],
        ),
        (
            "1. Office notes from Dr. Smith, dated 01/02/2009\n"
            "2) MRI of the lumbar spine\n"
            "(3) Peer review\n",
            [
                "Office notes from Dr. Smith, dated 01/02/2009",
                "MRI of the lumbar spine",
                "Peer review",
            ],
        ),
        (
            "• Office notes 01/02/2009 through\n  03/04/2009\n• MRI report\n- Denial letters\n",
            ["Office notes 01/02/2009 through 03/04/2009", "MRI report", "Denial letters"],
        ),
        (
            "Records from the treating doctor including\nprogress notes\n\nMRI report\n",
            ["Records from the treating doctor including progress notes", "MRI report"],
        ),
        (
            "Office notes from 06/26/2018 through\n11/27/2014\nPharmacy records\n",
            ["Office notes from 06/26/2018 through 11/27/2014", "Pharmacy records"],
        ),
        (
            "Board certified in Anesthesiology with a subspecialty certification in\n\n"
            "Pain Medicine.\n\nLicensed since\n\n1996 and in active practice.\n\nMRI report\n",
            [
                "Board certified in Anesthesiology with a subspecialty certification in Pain "
                "Medicine.",
                "Licensed since 1996 and in active practice.",
                "MRI report",
            ],
        ),
        (
            # the next item's first word would not have fitted, but the item ends with a date
            "Utilization review determinations dated 09/20/2008 and 02/04/2008 and 03/05/2008 "
            "and 04/06/2008\n"
            "Pharmacy records\n",
            [
                "Utilization review determinations dated 09/20/2008 and 02/04/2008 and "
                "03/05/2008 and 04/06/2008",
                "Pharmacy records",
            ],
        ),
        (
            # items written alike are two items even on lines as long as the letter's
            "Board Certified in Physical Medicine and Rehabilitation and in Pain Medicine and "
            "Sports Medicine\n"
            "Board Certified in Neurological Surgery\n",
            [
                "Board Certified in Physical Medicine and Rehabilitation and in Pain Medicine "
                "and Sports Medicine",
                "Board Certified in Neurological Surgery",
            ],
        ),
        (
            # a sentence that ends on the next line
            "The reviewer is board certified by the American Board of Orthopaedic\n"
            "Surgery and has performed spine surgery for twenty years.\n",
            [
                "The reviewer is board certified by the American Board of Orthopaedic Surgery "
                "and has performed spine surgery for twenty years."
            ],
        ),
        (
            # a numbered list, double-spaced: an unnumbered line after a joining word goes on
            "1) Office notes from 11/08/2007 through\n\n   03/18/2010\n\n2) Peer review report\n",
            ["Office notes from 11/08/2007 through 03/18/2010", "Peer review report"],
        ),
        ("", []),
        ("None\n", []),
        ("N/A\n", []),
        ("No records were provided.\n", []),
        ("None\nMRI report\n", ["None", "MRI report"]),
        (  # a date range wrapped before its dash
            "5.  Treating doctor notes and physical therapy records, 08/2006\n"
            "    - 12/2006\n"
            "6.  Behavioral screening, 12/12/2006\n",
            [
                "Treating doctor notes and physical therapy records, 08/2006 - 12/2006",
                "Behavioral screening, 12/12/2006",
            ],
        ),
        (  # a typist's two blanks after a full stop part no table's cells
            "Board Certified Orthopaedic Surgeon with a practice limited to spinal surgery."
            "  Licensed\nin Texas and in active practice since 1994.\n",
            [
                "Board Certified Orthopaedic Surgeon with a practice limited to spinal surgery."
                " Licensed in Texas and in active practice since 1994."
            ],
        ),
        (  # items numbered inside one sentence keep their first number
            "(1) Septoplasty, CPT 30520; (2) bilateral submucous resection of the inferior\n"
            "turbinates, CPT 30140-50; and (3) nasal endoscopy, CPT 31256-50.\n",
            [
                "(1) Septoplasty, CPT 30520; (2) bilateral submucous resection of the inferior"
                " turbinates, CPT 30140-50; and (3) nasal endoscopy, CPT 31256-50."
            ],
        ),
    ],
)
def test_split_items(lines: str, items: list[str]) -> None:
    tokens = default_parser().tokenizer.tokenize(normalize(lines))
    entries = split_items(tokens, 100)
    assert [e.text for e in entries] == items
    normalized = normalize(lines).text
    for entry in entries:
        assert normalized[entry.start : entry.end].split()[0] == entry.text.split()[0]


def test_a_name_in_capitals_at_a_lines_start_goes_on_with_its_sentence() -> None:
    """``... who holds an unrestricted`` / ``Texas license, and ...`` in a letter 72 columns
    wide: inside a sentence that opened with its subject (``The case was reviewed by ...``), a
    capital is a name's, not a new item's."""
    lines = (
        "The case was reviewed by a physician who is certified by the\n"
        "American Board of Orthopaedic Surgery, who holds an unrestricted\n"
        "Texas license, and who performs arthroscopic knee surgery in his\n"
        "current practice.\n"
    )
    tokens = default_parser().tokenizer.tokenize(normalize(lines))
    assert len(split_items(tokens, 68)) == 1


def test_an_item_on_the_heading_line_wrapped_at_the_letter_width_is_one_item() -> None:
    text = (EXAMPLES / "bracket_sample.txt").read_text(encoding="utf-8")
    start = text.index("DESCRIPTION OF THE QUALIFICATIONS")
    end = text.index("REVIEW OUTCOME")
    qualifications = (
        "DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER HEALTH CARE\n"
        "PROVIDER WHO REVIEWED THE DECISION: The reviewer is board certified by the American\n"
        "Board of Orthopaedic Surgery and has performed spine surgery for twenty years.\n\n"
    )
    decision = iroparse.parse(text[:start] + qualifications + text[end:])
    assert [q.text for q in decision.reviewer_qualifications] == [
        "The reviewer is board certified by the American Board of Orthopaedic Surgery and has "
        "performed spine surgery for twenty years."
    ]


def test_information_provided_list_items_with_spans() -> None:
    text = variant(
        "INFORMATION PROVIDED TO THE IRO FOR REVIEW \n",
        "INFORMATION PROVIDED TO THE IRO FOR REVIEW \n\n"
        "• Office notes 01/02/2009 through\n  03/04/2009\n• MRI report\n• Peer review by Dr. \n",
    )
    decision = iroparse.parse(text)
    assert [i.text for i in decision.information_provided] == [
        "Office notes 01/02/2009 through 03/04/2009",
        "MRI report",
        "Peer review by Dr.",
    ]
    for item in decision.information_provided:
        assert item.span is not None
        assert " ".join(item.span.slice(text).split()) == item.text


def test_empty_information_provided_is_an_empty_list() -> None:
    assert iroparse.parse(BRACKET).information_provided == ()


def test_reviewer_qualifications_are_one_per_line() -> None:
    decision = iroparse.parse(BRACKET)
    assert [q.text for q in decision.reviewer_qualifications] == [
        "Board Certified in Physical Medicine and Rehabilitation",
        "Subspecialty Board Certified in Pain Management",
        "Subspecialty Board Certified in Electrodiagnostic Medicine",
        "Residency Training PMR and ORTHOPAEDIC SURGERY",
    ]


# -- patient ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age", "sex"),
    [
        ("This is a 45-year-old female with pain.", 45, "female"),
        ("This is a xx-year-old man injured in xxxx.", None, "male"),
        ("This is a ***-year-old man injured in ****.", None, "male"),
        ("This is a #-year-old woman.", None, "female"),
        ("A 52 year old male was seen.", 52, "male"),
        ("Patient is a male who was injured.", None, "male"),
        ("The claimant is a 38 yr old gentleman.", 38, "male"),
        ("The patient is a 61-year-old right-handed woman.", 61, "female"),
        ("Age: 61. Sex: F", 61, "female"),
        ("He reports that she helped him.", None, None),
        ("The 450-year-old tree fell on him.", None, None),
        # an age of someone else: a relative
        ("He has a 3-year-old sister who attends a day care center.", None, None),
        ("Her 12-year-old son helps at home. She is a 45-year-old female.", 45, "female"),
        ("The claimant, now 55 years of age, crushed his hand.", 55, None),
        # a guideline's age, no patient's
        ("Prophylaxis is for children younger than 5 years of age.", None, None),
    ],
)
def test_find_patient(text: str, age: int | None, sex: str | None) -> None:
    facts = find_patient(text)
    assert (facts.age, facts.sex) == (age, sex)


def test_patient_from_the_narrative_with_spans() -> None:
    text = variant("This is a xx-year-old man", "This is a 45-year-old female")
    decision = iroparse.parse(text)
    assert decision.patient == iroparse.Patient(45, "female")
    assert decision.spans.patient_age is not None
    assert decision.spans.patient_sex is not None
    assert decision.spans.patient_age.slice(text) == "45"
    assert decision.spans.patient_sex.slice(text) == "female"


def test_redacted_age_is_null_and_sex_still_read() -> None:
    decision = iroparse.parse(BRACKET)
    assert decision.patient == iroparse.Patient(None, "male")
    assert iroparse.to_dict(decision)["patient"] == {"age": None, "sex": "male"}


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Shoulder arthroscopy (29826, 29823)", ("29826", "29823")),
        ("Injection (64483)", ("64483",)),
        ("Clinic at 1200 Main, Dallas TX 75201 (two visits)", ()),
        ("Physical therapy x 12 visits (97110/97140) and CPT 97530", ("97110", "97140", "97530")),
    ],
)
def test_codes_alone_in_parentheses(text: str, codes: tuple[str, ...]) -> None:
    assert cpt_codes(text) == codes


def test_an_age_written_in_words_is_read() -> None:
    from iroparse._fields.patient import find_patient

    found = find_patient("SUMMARY: This forty-four-year-old woman is 5 feet 4 inches tall.")
    assert (found.age, found.sex) == (44, "female")
    assert find_patient("This is a xx-year-old woman.").age is None
    assert find_patient("The enrollee is a seventy-two-year-old man.").age == 72
    assert find_patient("She is a ninety year old woman.").age == 90


def test_an_age_with_a_1_read_as_l_is_read() -> None:
    from iroparse._fields.patient import find_patient

    found = find_patient("The patient is a 6l-year-old woman with multiple sclerosis.")
    assert (found.age, found.sex) == (61, "female")
    assert find_patient("He is a l9 year old male.").age == 19
    assert find_patient("He is a ll year old boy.").age is None  # no digit: no age


def test_records_table_rows_after_a_row_whose_cells_wrapped() -> None:
    """In a letter 84 columns wide, a row whose last cell wrapped (``... Lumbar MRI with
    and`` / ``without contrast``, its end near the width), or whose date range wrapped in
    brackets (``[08/2020 -`` / `` 12/2020] ...``), ends where the next row starts in the same
    columns, or with a date of the same shape."""
    rows = [
        ("Spine surgeon", "05/14/2015", "Consultation"),
        ("Radiology", "03/02/2015", "Lumbar MRI with and"),
        ("", "", "without contrast"),
        ("Licensed psychologist", "11/30/2015", "Behavioral evaluation"),
    ]
    lines = "".join(f"{' ' * 12}{a:<34}{b:<14}{c}".rstrip() + "\n" for a, b, c in rows)
    tokens = default_parser().tokenizer.tokenize(normalize(lines))
    assert [e.text for e in split_items(tokens, 84)] == [
        "Spine surgeon 05/14/2015 Consultation",
        "Radiology 03/02/2015 Lumbar MRI with and without contrast",
        "Licensed psychologist 11/30/2015 Behavioral evaluation",
    ]
    lines = (
        "       [02/11/2021]  Initial behavioral health evaluation\n"
        "       [08/2020 -\n"
        "        12/2020]     Individual psychotherapy progress notes, 10 sessions\n"
        "       [01/14/2021]  Designated doctor examination\n"
    )
    tokens = default_parser().tokenizer.tokenize(normalize(lines))
    assert [e.text for e in split_items(tokens, 81)] == [
        "[02/11/2021] Initial behavioral health evaluation",
        "[08/2020 - 12/2020] Individual psychotherapy progress notes, 10 sessions",
        "[01/14/2021] Designated doctor examination",
    ]
