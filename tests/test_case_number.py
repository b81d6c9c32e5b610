"""The IRO case number: a heading's value, else a label naming the IRO by its initials at the
letter's top; never an agency's or a claim's number."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import iroparse

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "letters" / "leading-x_sample.txt"
BASE = SAMPLE.read_text(encoding="utf-8")
HEADING = "IRO Case #: 061475\n"


@pytest.mark.parametrize(
    "label",
    [
        "PPR Case No.:\t\t10-2231\n",
        "Fax 214.555.0179                      MARS Case No.:       10-2231\n",
        "SCR Reference: 10-2231\n",
        "MRAT File #:       10-2231\n",
        "Case Reference:    10-2231\n",
        "IRO Case: 10-2231\n",
        "Independent Review Number ................. 10-2231\n",
        "MDR Tracking #:  M5-99-0412-01\nLSUC Reference Number:     10-2231\n",
        "Case reference (IRO)       : 10-2231\nClaim / DWC number         : 4471\n",
        "Reference (our file):      10-2231\n",
        "Rio Hondo IRO Case ID: 10-2231\n",
        "   Palo Duro IRO No.:      10-2231\n   DWC Tracking No.:       M2-18-1206-01\n",
        "    CBMR Review No.:           10-2231\n",
        "  Review date: 01/27/2026     Case ref. (SCCR): 10-2231\n",
        " REVIEW DATE        | 10/03/2017             | CHINATI FILE NO.      | 10-2231\n",
        # (a label column drawn with a box-drawing bar)
        "  Review date        │  14 March 2024\n  IRO case           │  10-2231\n",
        "Date of review:    November 22, 2019          Goose Island No.:   10-2231\n",
        "ELM FORK CASE NUMBER:\n    10-2231\n",
        "Elm Fork Case Number:   10-2231\n",
        # (a house's name ending in ``UR``; a heading's number before the label over its value)
        "II.   KERR UR CASE NO.:  10-2231\n",
        "SECTION 2 - ROUND TOP FILE NUMBER\n   10-2231\n",
        # (dot leaders after the label's own full stop)
        "IRO Case No. ........... 10-2231\nHealth Plan Ref ........ HP-77310-A\n",
        # (one blank after ``No.``, under a column's heading beside another)
        "Review Date          Case Reference\nMarch 9, 2012        Fentress File No. 10-2231\n",
        # (a run-in label's full stop)
        "Date of Review.  March 2, 2017\nOur Reference.  10-2231\nTDI No.  1702-1566\n",
        # (whose in brackets after the house's own label)
        "Agave File No. (IRO Case #):     10-2231\n",
        # (a fax machine's banner above, its job numbered like a label's value)
        "Sep. 15. 2014  3:47PM     Big Cypress Review          No. 5521    P. 1\n"
        "Big Cypress Case No.:                10-2231\n",
    ],
)
def test_a_label_naming_the_iro_gives_the_case_number(label: str) -> None:
    assert HEADING in BASE
    text = BASE.replace(HEADING, label)
    decision = iroparse.parse(text)
    assert decision.case_number == "10-2231"
    span = decision.spans.case_number
    assert span is not None and span.slice(text) == "10-2231"


@pytest.mark.parametrize(
    "label",
    [
        "MDR Tracking #:  M5-99-0412-01\n",
        "TDI Reference: 7781-HMO\n",
        "DWC #: 123456\n",
        "Case 12 was referred on 03/01/2014.\n",
        "Case reference (TDI)       : 7781-HMO\n",
        "UR Case No.: 7781-21\n",
        "HHSC EMR No.: EMR-20-014392\n",
        "Independent Review Organization #6421\n",
        "Utilization Review Agent No. R4871  |  IRO Certificate 5471\n",
    ],
)
def test_an_agency_or_claim_number_is_no_iro_case_number(label: str) -> None:
    assert iroparse.parse(BASE.replace(HEADING, label)).case_number is None


def test_a_blank_case_heading_is_not_filled_from_another_label() -> None:
    text = BASE.replace(HEADING, "IRO Case #:\nSPR File #: 10-2231\n")
    assert iroparse.parse(text).case_number is None


def test_a_label_below_the_letters_top_is_not_read() -> None:
    text = BASE.replace(HEADING, "").replace(
        "lasting relief.", "lasting relief. His PPR Case No.: 99-1234 was closed."
    )
    assert iroparse.parse(text).case_number is None


def test_the_iros_initials_and_number_are_one_value() -> None:
    label = "Our Reference:    SHRG 12-0876\nYour Reference:   4471-WC-2011\n"
    text = BASE.replace(HEADING, label)
    decision = iroparse.parse(text)
    assert decision.case_number == "SHRG 12-0876"
    span = decision.spans.case_number
    assert span is not None and span.slice(text) == "SHRG 12-0876"


def test_a_label_in_capitals_over_its_value_beside_another_column() -> None:
    box = (
        "     OUR REFERENCE                              TO:\n"
        "     CBR/24/0931                                Requestor / treating doctor: Dr.\n"
        "                                                Respondent: xxxxx Insurance Company\n"
        "     TDI REFERENCE\n"
        "     4471-2024\n"
    )
    text = BASE.replace(HEADING, box)
    decision = iroparse.parse(text)
    assert decision.case_number == "CBR/24/0931"
    span = decision.spans.case_number
    assert span is not None and span.slice(text) == "CBR/24/0931"


def test_a_label_in_sentence_case_over_its_value() -> None:
    box = "Presidio reference number\nPMR-11-04-0337\n\nTDI reference number\n4471-2024\n"
    text = BASE.replace(HEADING, box)
    assert iroparse.parse(text).case_number == "PMR-11-04-0337"


def test_a_numbered_label_of_the_houses_name_and_iro_over_its_value() -> None:
    box = "2.  Mentone IRO Case Number\n    MPR-110302-7\n\n3.  TDI Case Number\n    4471-2024\n"
    text = BASE.replace(HEADING, box)
    assert iroparse.parse(text).case_number == "MPR-110302-7"


@pytest.mark.parametrize(
    "box",
    [
        # a drawn box's row of labels over its row of values
        "+---------------------+---------------------+----------------------+\n"
        "| Review Date         | Kosse File Number   | TDI Reference Number |\n"
        "| September 3, 2019   | MPR-110302-7        | HP-2019-08-12944     |\n"
        "+---------------------+---------------------+----------------------+\n",
        # a label set flush right, its value at the margin under it
        f"{'BOQUILLAS CASE NUMBER':>80}\nMPR-110302-7\n",
        # a house's name ending in ``Group`` before its file number
        "RE:  Castolon Review Group File:  MPR-110302-7\n",
    ],
)
def test_the_iros_number_in_a_box_flush_right_or_after_its_groups_name(box: str) -> None:
    text = BASE.replace(HEADING, box)
    decision = iroparse.parse(text)
    assert decision.case_number == "MPR-110302-7"
    span = decision.spans.case_number
    assert span is not None and span.slice(text) == "MPR-110302-7"


def test_a_value_before_its_label_in_brackets_naming_the_iro() -> None:
    """A typed reference block: ``Re:  M5-04-2071-01  (MDR Tracking Number)`` over
    ``RBME-2004-0319  (Our Case Number)``; the agency's number before it is not the IRO's."""
    block = (
        "Re:\tM5-04-2071-01\t(MDR Tracking Number)\n"
        "\tRBME-2004-0319\t(Our Case Number)\n"
        "\tRita M. Gallegos\t(Injured Worker)\n"
    )
    text = BASE.replace(HEADING, block)
    decision = iroparse.parse(text)
    assert decision.case_number == "RBME-2004-0319"
    span = decision.spans.case_number
    assert span is not None and span.slice(text) == "RBME-2004-0319"
    agency_only = BASE.replace(HEADING, block.replace("Our Case", "DWC Case"))
    assert iroparse.parse(agency_only).case_number is None


def test_a_summary_box_with_spaced_dot_leaders_under_its_own_heading() -> None:
    box = (
        "Section 1 — Case summary\n\n"
        "   Date of review . . . . . . . . . . . . .  August 30, 2022\n"
        "   Santa Elena file number . . . . . . . .  SEIR-22-08-3390\n"
        "   DWC number . . . . . . . . . . . . . . .  22-104417-01\n\n"
    )
    text = BASE.replace(HEADING, box).replace("Date of Review: April 18, 2014\n", "")
    decision = iroparse.parse(text)
    assert decision.case_number == "SEIR-22-08-3390"
    assert str(decision.review_date) == "2022-08-30"


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("TMR-O2-0l93", "TMR-02-0193"),
        ("LCRS-O5l2-O3l", "LCRS-0512-031"),
        ("NIR-14O4-OO86", "NIR-1404-0086"),
        ("YC06-1l87", "YC06-1187"),
    ],
)
@pytest.mark.parametrize("label", ["IRO Case #: {}\n", "Tawakoni File No.:   {}\n"])
def test_a_scans_letters_for_digits_in_a_case_number_are_read_as_digits(
    printed: str, read: str, label: str
) -> None:
    text = BASE.replace(HEADING, label.format(printed))
    decision = iroparse.parse(text)
    assert decision.case_number == read
    span = decision.spans.case_number
    assert span is not None and span.slice(text) == printed
    assert "digits-from-ocr" in {d.code for d in decision.diagnostics}


@pytest.mark.parametrize("number", ["IRO1204-0033", "YCI-12-0904", "OIL-2210"])
def test_letters_of_a_case_numbers_own_groups_stay_as_printed(number: str) -> None:
    decision = iroparse.parse(BASE.replace(HEADING, f"IRO Case #: {number}\n"))
    assert decision.case_number == number
    assert "digits-from-ocr" not in {d.code for d in decision.diagnostics}


def test_a_review_date_printed_with_letters_for_digits_is_read_and_said() -> None:
    printed = "Date of Review: April 18, 2014"
    assert printed in BASE
    decision = iroparse.parse(BASE.replace(printed, "Date of Review: Apri1 l8, 2Ol4"))
    assert decision.review_date == datetime.date(2014, 4, 18)
    assert "digits-from-ocr" in {d.code for d in decision.diagnostics}
    assert "digits-from-ocr" not in {d.code for d in iroparse.parse(BASE).diagnostics}


@pytest.mark.parametrize(
    "label",
    [
        "Notice sent:   11/25/2019          DWC No.:   19-318850-01\n",
        "Social Security No.:   19-318850-01\n",
        "Carrier Claim No.:   19-318850-01\n",
    ],
)
def test_a_number_labelled_by_no_house_is_no_case_number(label: str) -> None:
    assert iroparse.parse(BASE.replace(HEADING, label)).case_number is None


def test_a_label_ending_in_number_one_blank_before_the_houses_number() -> None:
    """``Stonewall IRO Case Number SR-07-1508`` beside an agency's number: one blank after
    ``Number`` before a number of the house's letters and digits."""
    label = "Re:   TDI Tracking No. 07-3311      Stonewall IRO Case Number SR-07-1508\n"
    decision = iroparse.parse(BASE.replace(HEADING, label))
    assert decision.case_number == "SR-07-1508"


def test_a_case_number_shaped_like_a_bates_number_after_its_label_is_the_value() -> None:
    """``IRO CASE NO.:          GMR081104``: letters and a zero-padded number, as a Bates
    number is, but a label's value past its colon, no stamp beside the line."""
    label = "IRO CASE NO.:          GMR081104\nDWC MDR NO.:           M2-09-0219-01\n"
    assert iroparse.parse(BASE.replace(HEADING, label)).case_number == "GMR081104"


def test_a_certificates_iro_number_yields_to_the_houses_case_number() -> None:
    """``... Department of Insurance, IRO No. 5610`` in the letterhead is the house's
    certificate; ``Halcyon case number:`` below it names the case."""
    top = (
        "  HALCYON INDEPENDENT REVIEW          |  4400 E. Central Texas Expressway\n"
        "  Certified by the Texas Department   |  Suite 1208, Killeen, TX 76543\n"
        "  of Insurance, IRO No. 5610          |  Phone 254-555-0125\n\n"
        "  Halcyon case number:        HIR-12-05091\n\n"
    )
    assert HEADING in BASE
    text = top + BASE.replace(HEADING, "")
    assert iroparse.parse(text).case_number == "HIR-12-05091"


def test_a_bates_shaped_value_under_its_case_number_heading() -> None:
    text = BASE.replace(HEADING, "IRO Case Number\nTPS-0741\n")
    assert iroparse.parse(text).case_number == "TPS-0741"
