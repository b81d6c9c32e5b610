"""A letterhead printed as a column left of the letter's body: its lines are cut off the
body's, and the fields come out as from the body alone; tables and boxes with a left column
of their own, and sidebars right of the body, are left as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

import iroparse
from iroparse._pipeline.label_rows import hanging_labels
from iroparse._pipeline.left_column import left_column_cuts
from test_furniture import SAMPLES, scored

BODY_COLUMN = 30
LETTERHEAD = [
    "Board of Directors",
    "Ana L. Cardenas, R.N.",
    "  President",
    "Victor M. Ybarra, M.D.",
    "  Medical Director",
    "Delia Fuentes, J.D.",
    "  Compliance Officer",
    "",
    "212 N. Getty Street",
    "Uvalde, Texas 78801",
    "830-555-0172",
    "fax 830-555-0173",
    "",
    "URA/IRO Cert. #4417",
]


def _heading(text: str) -> bool:
    return text.rstrip(":").isupper()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_letterhead_column_left_of_the_body_leaves_the_fields_unchanged(path: Path) -> None:
    body = [" " * BODY_COLUMN + line for line in path.read_text(encoding="utf-8").split("\n")]
    # the letterhead from the body's first text on, as a page's top puts it
    top = next(i for i, line in enumerate(body) if line.strip())
    lines = list(body)
    for k, left in enumerate(LETTERHEAD):
        lines[top + k] = left.ljust(BODY_COLUMN) + body[top + k][BODY_COLUMN:]
    assert scored("\n".join(lines)) == scored("\n".join(body))


def test_the_letterheads_lines_are_cut_at_the_body_column() -> None:
    body = [
        "NOTICE OF INDEPENDENT REVIEW DECISION",
        "",
        "DATE OF REVIEW:  11/29/2007",
        "",
        "IRO CASE #:  LCR-07-1129-A",
        "",
        "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE",
        "Anterior cervical discectomy and fusion at C5-6 and",
        "C6-7 with plate and allograft, with a one day stay",
        "",
    ]
    lines = [left.ljust(BODY_COLUMN) + line for left, line in zip(LETTERHEAD, body, strict=False)]
    cuts = left_column_cuts(lines, _heading)
    assert set(cuts.values()) == {BODY_COLUMN}
    assert set(cuts) == {i for i, line in enumerate(lines) if line[:BODY_COLUMN].strip()}


@pytest.mark.parametrize(
    "lines",
    [
        # a records table by date
        [
            "INFORMATION PROVIDED TO THE IRO FOR REVIEW",
            "09/12/2011                    Office notes of the treating doctor, six visits",
            "                              through the end of the year",
            "10/01/2011                    MRI of the lumbar spine",
            "10/15/2011                    Physical therapy notes, twelve visits in all",
            "",
            "11/02/2011                    Carrier denial letter",
            "11/20/2011                    Reconsideration denial letter",
        ],
        # a label/value box
        [
            "Date of Review:               March 5, 2012",
            "Date Sent:                    March 6, 2012",
            "",
            "IRO Case Number:              SPR-12-0305-4",
            "TDI Complaint No.:            HP-12-004871",
            "",
            "Review Type:                  Preauthorization",
        ],
        # a sidebar right of the body
        [
            "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE         Sabinal Peer Review",
            "Bilateral functional endoscopic sinus surgery:            212 N. Getty Street",
            "total ethmoidectomy and maxillary antrostomy              Uvalde, Texas 78801",
            "",
            "REVIEW OUTCOME                                            830-555-0172",
            "Upon independent review, the reviewer finds that          fax 830-555-0173",
            "the previous adverse determination should be:",
        ],
    ],
    ids=["records table", "label box", "right sidebar"],
)
def test_a_left_column_of_a_table_or_a_box_is_no_letterhead(lines: list[str]) -> None:
    assert left_column_cuts(lines, _heading) == {}


BOX = (
    "Review Date:            November 2, 2017\n"
    "IRO File No.:           GHR-1711-0266\n"
    "\n"
    "Service in Dispute:     Phase II outpatient cardiac rehabilitation, 36 sessions\n"
    "Reviewer                Board certified in Internal Medicine and Cardiovascular\n"
    "Qualifications:         Disease; Fellow of the American College of Cardiology;\n"
    "                        in clinical practice for 20 years\n"
)


def test_a_labels_second_line_in_a_box_is_cut_off_its_value() -> None:
    assert hanging_labels(BOX.split("\n")) == {5: 24}


def test_a_label_wrapped_in_its_column_leaves_its_value_whole() -> None:
    decision = iroparse.parse(BOX + "\nDecision:               Upheld\n")
    assert tuple(item.text for item in decision.reviewer_qualifications) == (
        "Board certified in Internal Medicine and Cardiovascular Disease; Fellow of the "
        "American College of Cardiology; in clinical practice for 20 years",
    )


@pytest.mark.parametrize(
    "lines",
    [
        # a label of its own under a line of prose, no box around it
        [
            "The reviewer found the request     reasonable",
            "Conclusion:     upheld",
        ],
        # two labels each with its colon
        [
            "Review Date:            November 2, 2017",
            "Notice Sent:            November 3, 2017",
        ],
    ],
)
def test_a_line_with_its_own_label_is_no_wrapped_label(lines: list[str]) -> None:
    assert hanging_labels(lines) == {}
