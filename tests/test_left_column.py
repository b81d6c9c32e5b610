"""Columns left of the body's text: a letterhead printed as a column is cut off the body's
lines, and the fields come out as from the body alone (tables and boxes with a left column
of their own, and sidebars right of the body, are left as they are); a label wrapped in a
label/value box's column, and headings set in a page's margin beside their text."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import iroparse
from iroparse._builtin.layouts import BUILTIN_TICKS
from iroparse._pipeline.label_rows import hanging_labels
from iroparse._pipeline.left_column import left_column_cuts
from iroparse.layout import checked_alone
from test_furniture import SAMPLES, scored
from test_letter_shapes import _records

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


#: The body's first lines beside the letterhead.
BODY_TOP = [
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


def _heading(text: str) -> bool:
    return text.rstrip(":").isupper()


def _tick(text: str) -> bool:
    return checked_alone(BUILTIN_TICKS, text)


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
    body = BODY_TOP
    lines = [left.ljust(BODY_COLUMN) + line for left, line in zip(LETTERHEAD, body, strict=False)]
    cuts = left_column_cuts(lines, _heading, _tick)
    assert set(cuts.values()) == {BODY_COLUMN}
    assert set(cuts) == {i for i, line in enumerate(lines) if line[:BODY_COLUMN].strip()}


def test_the_letterheads_later_lines_further_down_its_column_are_cut() -> None:
    """Past the letterhead's first block, more of its lines further down the page (``Member,
    Texas`` / ``Association of``), the body's lines above and below them at the body column:
    cut too; a short line in a page written full width is not."""
    body = [
        *BODY_TOP,
        "REVIEW OUTCOME:",
        "",
        "Upon independent review the reviewer finds that the previous",
        "adverse determination/adverse determinations should be:",
        "",
        "[X]  Upheld (Agree)",
        "[ ]  Overturned (Disagree)",
        "[ ]  Partially Overturned (Agree in part/Disagree in part)",
        "[ ]  Partially Overturned (Agree in part/Disagree in part)",
        "",
        "",
        "INFORMATION PROVIDED TO THE IRO FOR REVIEW:",
        "",
        "- Notice of assignment of IRO, 05/04/2010",
        "- Adverse determination letters dated 04/06/2010",
    ]
    at = body.index("INFORMATION PROVIDED TO THE IRO FOR REVIEW:")
    later = {at - 1: "Member, Texas", at: "Association of", at + 1: "Review Organizations"}
    head = [*LETTERHEAD, *[""] * len(body)]
    lines = [
        (later.get(i, head[i] if i < len(LETTERHEAD) else "")).ljust(BODY_COLUMN) + line
        for i, line in enumerate(body)
    ]
    cuts = left_column_cuts(lines, _heading, _tick)
    assert at - len(LETTERHEAD) > 3  # (further down than the block's own reach)
    assert {at - 1, at, at + 1} <= set(cuts)
    full = [*lines, "", "Sincerely,", "Texas Review", "", "The reviewer certifies that no known"]
    assert not {len(lines) + 1, len(lines) + 2} & set(left_column_cuts(full, _heading, _tick))


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
    assert left_column_cuts(lines, _heading, _tick) == {}


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
        # a heading wrapped over two lines beside a sidebar far right of it, whose lines
        # start at the column where the case number's heading has its colon's gap end
        [
            "IRO CASE #:" + " " * 79 + "Austin, TX 78701",
            "",
            "DESCRIPTION OF THE SERVICE OR" + " " * 61 + "Phone 512-555-0142",
            "SERVICES IN DISPUTE:" + " " * 70 + "Fax 512-555-0199",
        ],
    ],
    ids=["prose", "two labels", "sidebar beside a wrapped heading"],
)
def test_a_line_with_its_own_label_is_no_wrapped_label(lines: list[str]) -> None:
    assert hanging_labels(lines) == {}


MARGIN_LETTER = """\
Notice of Independent Review Decision

IRO case number:   PIR-24-1553
Date of review     May 14, 2024

Service in dispute     Residential treatment for an eating disorder, 30 days
                       (revenue code 1001)

Reviewer profile       Board certified in Psychiatry, with subspecialty certification in
                       Child and Adolescent Psychiatry; licensed in Texas.

Our decision           The reviewer disagrees with the health plan. The previous adverse
                       determination is overturned.

Information            - Expedited request for independent review, 05/09/2024
reviewed               - Health plan denial and expedited appeal decision, 05/03/2024
                       - Psychiatric evaluation, 05/01/2024

Background             The patient is a 17-year-old female with anorexia nervosa,
                       restricting type, diagnosed in 2023.

Why we decided         Residential care is medically necessary for this patient, whose
                       weight loss continued at a less intensive level of care.
"""


def test_headings_in_a_margin_beside_their_text_open_their_sections() -> None:
    """A designed letter sets its headings in the page's margin, without colons, their text
    beside them at one column (its second line a label's last word: ``reviewed``)."""
    decision = iroparse.parse(MARGIN_LETTER)
    assert decision.review_date == datetime.date(2024, 5, 14)
    assert decision.outcome.value == "overturned"
    assert [s.text for s in decision.services] == [
        "Residential treatment for an eating disorder, 30 days (revenue code 1001)"
    ]
    assert [q.text for q in decision.reviewer_qualifications] == [
        "Board certified in Psychiatry, with subspecialty certification in Child and "
        "Adolescent Psychiatry; licensed in Texas."
    ]
    assert [r.text for r in decision.information_provided] == [
        "Expedited request for independent review, 05/09/2024",
        "Health plan denial and expedited appeal decision, 05/03/2024",
        "Psychiatric evaluation, 05/01/2024",
    ]
    assert decision.clinical_history is not None
    assert decision.clinical_history.startswith("The patient is a 17-year-old female")
    assert decision.analysis is not None and decision.analysis.startswith("Residential care")


def test_a_table_row_opening_with_a_headings_words_is_no_margin_heading() -> None:
    # each row a line of its own: no text goes on under the first cell's column
    rows = (
        "\n  Utilization review determination                                 09/04/2009\n"
        "  Utilization review determination on reconsideration              09/22/2009\n"
        "  MRI of the left knee                                             07/13/2009\n"
    )
    assert _records(rows) == [
        "Utilization review determination 09/04/2009",
        "Utilization review determination on reconsideration 09/22/2009",
        "MRI of the left knee 07/13/2009",
    ]


WRAPPED_MARGIN_LETTER = """\
NOTICE OF INDEPENDENT REVIEW DECISION

  Review date       March 3, 2014
  IRO case          MHR-14-0226-W
  DWC number        13-201178

  Service(s) in     Left shoulder arthroscopy with subacromial decompression
  dispute           (CPT 29824), outpatient

  Outcome           The previous adverse determination is overturned.

  Records           • IRO assignment notice, 02/11/2014
  reviewed          • Utilization review denial, 01/14/2014
                    • MRI left shoulder, 08/06/2013

  Clinical          The injured employee is a 45-year-old male electrician who
  history           injured his left shoulder while pulling wire overhead.

  Analysis          The ODG criteria for decompression are met.

  Clinical basis    Screening criteria / clinical basis                     Used
  for the           ACOEM - American College of Occupational &
  decision          Environmental Medicine UM Knowledgebase                 –
                    ODG - Official Disability Guidelines & Treatment
                    Guidelines                                              ✔
"""


def test_a_heading_wrapped_in_the_margin_is_read_whole() -> None:
    """A margin heading's words wrap over two or three lines beside its text (``Service(s)
    in`` / ``dispute``): the joined words open the section, the value labels (``IRO case``)
    stay as they are, and the checklist's column header beside the heading's first line is
    no section of its own."""
    decision = iroparse.parse(WRAPPED_MARGIN_LETTER)
    assert decision.case_number == "MHR-14-0226-W"
    assert [s.text for s in decision.services] == [
        "Left shoulder arthroscopy with subacromial decompression (CPT 29824), outpatient"
    ]
    assert [r.text for r in decision.information_provided] == [
        "IRO assignment notice, 02/11/2014",
        "Utilization review denial, 01/14/2014",
        "MRI left shoulder, 08/06/2013",
    ]
    assert decision.clinical_history == (
        "The injured employee is a 45-year-old male electrician who injured his left shoulder"
        " while pulling wire overhead."
    )
    assert decision.analysis == "The ODG criteria for decompression are met."
    assert [(c.code, c.checked) for c in decision.criteria] == [("acoem", False), ("odg", True)]


def test_right_aligned_margin_headings_beside_a_rule_are_read() -> None:
    """Labels set flush right against a drawn rule (``Services in │`` / ``dispute │``)."""
    ruled = "\n".join(
        f"{line[:18].strip():>18} │ {line[20:]}" if line[:2] == "  " else line
        for line in WRAPPED_MARGIN_LETTER.splitlines()
    )
    decision = iroparse.parse(ruled)
    assert decision.review_date == datetime.date(2014, 3, 3)
    assert decision.services[0].text.startswith("Left shoulder arthroscopy")
    assert decision.clinical_history is not None
    assert decision.clinical_history.startswith("The injured employee is a 45-year-old male")
    assert "│" not in (decision.analysis or "")
    # a bar two blanks past the label: the text starts past the bar, not at it
    barred = "\n".join(
        f"{line[:18].strip():>18}  |  {line[20:]}" if line[:2] == "  " else line
        for line in WRAPPED_MARGIN_LETTER.splitlines()
    )
    decision = iroparse.parse(barred)
    assert decision.clinical_history is not None
    assert decision.clinical_history.startswith("The injured employee is a 45-year-old male")
    assert "|" not in decision.clinical_history


def test_a_margin_heading_in_the_houses_longer_words_is_read_whole() -> None:
    """``Analysis and`` / ``Explanation of`` / ``the Decision,`` / ``with clinical`` /
    ``basis``: no catalogue wording whole, but its first lines are a heading; every line of
    the label is the heading's, none of the text's."""
    long_label = WRAPPED_MARGIN_LETTER.replace(
        "  Analysis          The ODG criteria for decompression are met.\n",
        "  Analysis and      The ODG criteria for decompression are met: the\n"
        "  Explanation of    impingement sign is positive and three months of\n"
        "  the Decision,     therapy and an injection have failed.\n"
        "  with clinical\n"
        "  basis\n",
    )
    assert iroparse.parse(long_label).analysis == (
        "The ODG criteria for decompression are met: the impingement sign is positive and"
        " three months of therapy and an injection have failed."
    )


def test_a_margin_heading_beside_a_list_items_hanging_lines_is_read_whole() -> None:
    """The label's second line stands beside an item's hanging line, indented past the text
    column (``or other clinical             Environmental ...``): still the label's words."""
    letter = WRAPPED_MARGIN_LETTER[: WRAPPED_MARGIN_LETTER.index("  Clinical basis")] + (
        "  Appeal rights     Either party may appeal this decision by requesting a\n"
        "                    contested case hearing within 20 days of receipt of\n"
        "                    this decision.\n\n"
        "  Screening         ___  ACOEM - American College of Occupational &\n"
        "  criteria or            Environmental Medicine UM Knowledgebase\n"
        "  other clinical    _X_  ODG - Official Disability Guidelines & Treatment\n"
        "  basis used:            Guidelines\n"
    )
    decision = iroparse.parse(letter)
    assert [(c.code, c.checked) for c in decision.criteria] == [("acoem", False), ("odg", True)]
    assert decision.analysis == "The ODG criteria for decompression are met."


TITLE_CASE_MARGIN = """\
NOTICE OF INDEPENDENT REVIEW DECISION

Date of Review       04/06/2020
Kendalia Case No.    KMR-2004-0331

Service(s) in        Functional endoscopic sinus surgery with image guidance
Dispute              (CPT 31267, 31255)

Reviewer             • Board certified in Otolaryngology - Head and Neck Surgery
Qualifications       • Fellowship training in rhinology
                     • Licensed in Texas; 17 years of clinical practice

Review Outcome       The previous adverse determination is overturned.

Information          1. Request for independent review, 03/16/2020
Provided for         2. Health plan preauthorization denial, 02/11/2020
Review               3. Health plan appeal denial, 03/02/2020

Clinical History     The patient is a 41-year-old woman with chronic rhinosinusitis
Summary              without nasal polyps. For more than a year she has had nasal
                     obstruction, thick discolored drainage, facial pressure over the
                     cheeks and a reduced sense of smell. She has used daily fluticasone
                     nasal spray and saline irrigations without relief.
"""


def test_a_margin_heading_wrapped_in_title_case_is_one_heading() -> None:
    """``Reviewer`` / ``Qualifications`` and ``Information`` / ``Provided for`` / ``Review``:
    each line alone is a heading of the same kind, together one heading (the list under it
    is one list)."""
    decision = iroparse.parse(TITLE_CASE_MARGIN)
    assert [q.text for q in decision.reviewer_qualifications] == [
        "Board certified in Otolaryngology - Head and Neck Surgery",
        "Fellowship training in rhinology",
        "Licensed in Texas; 17 years of clinical practice",
    ]
    assert [r.text for r in decision.information_provided] == [
        "Request for independent review, 03/16/2020",
        "Health plan preauthorization denial, 02/11/2020",
        "Health plan appeal denial, 03/02/2020",
    ]
    assert [s.kind for s in decision.sections].count("reviewer_qualifications") == 1


CAPITALS_MARGIN_LETTER = """\
NOTICE OF INDEPENDENT REVIEW DECISION

DATE OF REVIEW        November 14, 2012

IRO CASE #            LMR-12-4471

QUALIFICATIONS        • Board certified by the American Board of Orthopaedic
OF THE PHYSICIAN        Surgery
WHO REVIEWED          • Fellowship trained in sports medicine and shoulder
THE DECISION            surgery

REVIEW OUTCOME        Upon independent review, the reviewer finds that the
                      previous adverse determination should be overturned:
                      the rotator cuff repair is medically necessary, as the
                      analysis below explains.

ANALYSIS AND          The ODG Shoulder chapter recommends rotator cuff repair
EXPLANATION OF        for a full-thickness tear when there is weakness on
THE DECISION          examination with positive imaging. This employee has
INCLUDE CLINICAL      an acute traumatic full-thickness supraspinatus tear
BASIS, FINDINGS,      with objective weakness that has persisted after three
AND CONCLUSIONS       months of conservative care including an injection.
USED TO SUPPORT       Repair is indicated, and early repair is preferred
THE DECISION          before retraction and fatty infiltration progress, and
                      the repair is medically necessary.
"""


def test_a_heading_in_capitals_wrapped_over_many_margin_lines_is_read_whole() -> None:
    """Each line of the margin a few words of one long statutory heading, in capitals, a line
    ending in a comma (``BASIS, FINDINGS,``) or a line a heading of its own (``THE
    DECISION``): all of them the one heading, whose text is the whole paragraph beside."""
    decision = iroparse.parse(CAPITALS_MARGIN_LETTER)
    assert [q.text for q in decision.reviewer_qualifications] == [
        "Board certified by the American Board of Orthopaedic Surgery",
        "Fellowship trained in sports medicine and shoulder surgery",
    ]
    assert decision.outcome.value == "overturned"
    assert decision.analysis is not None
    assert decision.analysis.startswith("The ODG Shoulder chapter recommends")
    assert decision.analysis.endswith("the repair is medically necessary.")


def test_a_margin_headings_line_of_five_words_beside_a_records_table() -> None:
    """``INFORMATION PROVIDED`` / ``TO THE IRO FOR REVIEW`` (five words) beside a records
    table's header and first row: one heading, and the table's rows are the records."""
    wide = "\n".join(
        line[:22].ljust(25) + line[22:]
        if len(line) > 22 and line[:22].strip()
        else (" " * 3 + line if line[:22].isspace() else line)
        for line in CAPITALS_MARGIN_LETTER.split("\n")
    )
    records = wide.replace(
        "REVIEW OUTCOME ",
        "INFORMATION PROVIDED     Date          Source         Record\n"
        "TO THE IRO FOR REVIEW    07/18/2012    TDI            IRO assignment notice\n"
        "                         07/12/2012    Requestor      Request for independent review\n"
        "\nREVIEW OUTCOME ",
        1,
    )
    decision = iroparse.parse(records)
    assert decision.outcome.value == "overturned"
    assert [r.text for r in decision.information_provided] == [
        "07/18/2012 TDI IRO assignment notice",
        "07/12/2012 Requestor Request for independent review",
    ]


#: Headings set flush right against a bar, two blanks either side, wrapped over lines.
BARRED_LETTER = """\
                            NOTICE OF INDEPENDENT REVIEW DECISION

                Review Date  |  June 5, 2023
                             |
         IRO Case Reference  |  CCIRO-2305-0919
                             |
         Description of the  |  Bilateral reduction mammaplasty, outpatient (CPT 19318,
     Service(s) in Dispute   |  modifier 50)
                             |
   Qualifications of Each    |  Board certified by the American Board of Plastic Surgery
    Physician or Provider    |  Member, American Society of Plastic Surgeons
  Who Reviewed the Decision  |  More than 14 years in practice, including breast
                             |  reconstruction and reduction surgery
                             |
             Review Outcome  |  The previous adverse determination is overturned.
                             |
   Patient Clinical History  |  The enrollee is a 41-year-old female who is 5 feet 4
                             |  inches tall and weighs 150 pounds, with neck and
                             |  shoulder pain for years and shoulder grooving from
                             |  her bra straps despite physical therapy.
"""


def test_a_margin_heading_wrapped_in_lines_each_a_heading_of_its_kind_is_one() -> None:
    """``Qualifications of Each`` / ``Physician or Provider`` / ``Who Reviewed the
    Decision``: each part a qualifications heading, together no wording whole; one heading,
    its text every line beside it."""
    decision = iroparse.parse(BARRED_LETTER)
    assert decision.case_number == "CCIRO-2305-0919"
    assert [q.text for q in decision.reviewer_qualifications] == [
        "Board certified by the American Board of Plastic Surgery",
        "Member, American Society of Plastic Surgeons",
        "More than 14 years in practice, including breast reconstruction and reduction surgery",
    ]


def test_a_checklist_items_wrapped_word_beside_margin_headings_is_no_heading() -> None:
    """``GUIDELINES`` alone at the text column, the end of ``AHCPR-AGENCY FOR HEALTHCARE
    RESEARCH & QUALITY`` wrapped, beside the margin's ``USED:``: no heading of its own (it
    would open a second criteria section and cut the checklist in two)."""
    checklist = CAPITALS_MARGIN_LETTER + (
        "\n"
        "SCREENING             ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL &\n"
        "CRITERIA/             ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE\n"
        "CLINICAL BASIS        AHCPR-AGENCY FOR HEALTHCARE RESEARCH & QUALITY\n"
        "USED:                 GUIDELINES\n"
        "                      INTERQUAL CRITERIA\n"
        "                      ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT\n"
        "                      GUIDELINES                                          X\n"
    )
    criteria = iroparse.parse(checklist).criteria
    assert [(c.code, c.checked) for c in criteria] == [
        ("acoem", False),
        ("ahcpr", False),
        ("interqual", False),
        ("odg", True),
    ]


def test_a_records_tables_first_column_is_no_letterhead() -> None:
    """A records table whose first column names the source, its rows' right parts as long
    as a letterhead's body: the header row beside the column (``SOURCE    DOCUMENT    DATE``)
    tells a table, which keeps its first column."""
    rows = [
        "IRO for Review:",
        "",
        "SOURCE                 DOCUMENT                                       DATE(S)",
        "Texas Dept. of Ins.    Notice of IRO assignment                       08/06/2020",
        "Enrollee's parent      Request for independent review with letter     07/30/2020",
        "Health plan            Adverse determination letter                   06/18/2020",
        "Health plan            Appeal decision letter                         07/21/2020",
        "Speech pathology       Treatment notes                                01/2020-05/2020",
        "Audiology              Audiologic evaluation                          12/09/2019",
        "Pediatrician",
        "",
        "OST-0820-20-2290                                                      Page 1 of 3",
    ]
    assert left_column_cuts(rows, _heading, _tick) == {}
    # the same lines under a row that is no table's header are cut as a letterhead's
    letterhead = [*rows[:2], "Board of Directors     SERVICES IN DISPUTE", *rows[3:]]
    assert left_column_cuts(letterhead, _heading, _tick)
