"""A letterhead printed down the right margin beside a table: the sidebar's text is cut off
the table's rows, the table's own columns never (:mod:`iroparse._pipeline.sidebar`)."""

from __future__ import annotations

from iroparse._pipeline.normalize import normalize
from iroparse._pipeline.sidebar import _right_of_a_table, sidebar_cuts

SIDE = 80


def _lines(rows: list[tuple[str, str]]) -> list[str]:
    return [(left.ljust(SIDE) + side).rstrip() if side else left for left, side in rows]


def _cut(lines: list[str], page_breaks: frozenset[int] | None = None) -> dict[int, str]:
    cuts = (
        sidebar_cuts(lines, lambda s: False)
        if page_breaks is None
        else sidebar_cuts(lines, lambda s: False, page_breaks)
    )
    return {i: lines[i][at:] for i, at in cuts.items()}


def _sides(rows: list[tuple[str, str]]) -> dict[int, str]:
    return {i: side for i, (_, side) in enumerate(rows) if side}


#: The letter's first lines, the letterhead's column beside them.
TOP = [
    ("TEXAS COASTAL BEND IRO", ""),
    ("Independent Review Organization", "Coastal Bend IRO"),
    ("January 22, 2025", "4455 S. Padre Island Dr."),
    ("", "Suite 38"),
    ("NOTICE OF INDEPENDENT REVIEW DECISION", "Corpus Christi, TX 78411"),
    ("", ""),
    ("Review Date:        01/21/2025      IRO Review Number:  TCB-25-0106-0213", "P 361.555.0191"),
    ("Coverage:           HMO             TDI Number:         25-004417", "F 361.555.0192"),
    ("", "Questions about this"),
    ("SERVICES UNDER REVIEW", "notice? Call our case"),
    ("", "coordinators, 8 a.m. to"),
]


def test_a_sidebar_beside_a_tables_header_and_rows_is_cut() -> None:
    # the sidebar goes on beside the header and the first rows, right of the table's last
    # column (``Units``), and ends there: no cut line below it to vouch for it
    table = [
        ("Code    Description                                          Units", "5 p.m. Central,"),
        ("97151   Behavior identification assessment (reassessment),   32", "Monday - Friday."),
        ("        per 15 minutes", ""),
        ("97153   Adaptive behavior treatment by protocol,             160/week", "TDI cert. 5376"),
        ("        technician, per 15 minutes", ""),
        ("97155   Adaptive behavior treatment with protocol            24/week", ""),
    ]
    rows = TOP + table
    lines = _lines(rows)
    assert _cut(lines) == _sides(rows)


def test_a_heading_a_table_reader_knows_is_the_tables_column() -> None:
    # right of ``Units`` past a wide gap, ``Decision`` heads the table's own column; a word no
    # reader knows (``Correspondence``) is the sidebar's only under the sidebar's cut lines
    header = "Code    Description                                          Units"
    for beyond, under_cut, right in [
        ("Decision", True, False),
        ("Correspondence", False, False),
        ("Correspondence", True, True),
        ("5 p.m. Central,", False, True),
    ]:
        lines = [header.ljust(SIDE) + beyond, "97151   Behavior assessment   32".ljust(SIDE) + "x"]
        assert _right_of_a_table(lines, 1, SIDE, under_cut) is right, beyond


def test_a_sidebar_that_starts_beside_a_tables_first_row_is_cut() -> None:
    rows = [
        ("DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE", ""),
        ("", ""),
        ("NDC             Medication                                     Quantity", ""),
        ("00406-0367-01   Hydrocodone bitartrate/acetaminophen 10        #120", "Port Aransas"),
        ("                mg/325 mg tablet, 1 tablet four times daily", "P.O. Box 1488"),
        ("59746-0177-10   Cyclobenzaprine 10 mg tablet, 1 tablet three   #90", "Port Aransas, TX"),
        ("                times daily", ""),
        ("00228-2665-11   Gabapentin 600 mg tablet, 1 tablet three       #90", "ph. 361-555-0186"),
        ("                times daily", "fx. 361-555-0187"),
        ("", ""),
        ("QUALIFICATIONS OF THE REVIEWER", "Austin filing office"),
        ("", "815-A Brazos St. #402"),
        ("Board Certified in Anesthesiology with subspecialty certification in", "Austin, TX"),
        ("Pain Medicine by the American Board of Anesthesiology; licensed in", ""),
        ("Texas; in active pain medicine practice since 2003.", "URAC accreditation"),
    ]
    lines = _lines(rows)
    assert _cut(lines) == _sides(rows)


def test_a_sidebar_beside_a_drawn_tables_header_is_cut() -> None:
    # ``Correspondence`` beside the header looks like a column's heading; the sidebar's lines
    # right above it at its column say whose it is
    rows = [
        ("DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE", "Kerrville"),
        ("", "820 Main Street"),
        ("", "Kerrville, TX 78028"),
        ("", "Main 830-555-0109"),
        ("+--------+-----------------------------------------------+-------+", ""),
        ("| Code   | Description                                   | Units |", "Correspondence"),
        ("+========+===============================================+=======+", "PO Box 2217"),
        ("| 22551  | Arthrodesis, anterior interbody, including    | 1     |", "San Marcos, TX"),
        ("|        | disc space preparation, discectomy,           |       |", ""),
        ("|        | osteophytectomy and decompression of spinal   |       |", "Clinical Director"),
        ("|        | cord and/or nerve roots; cervical below C2    |       |", "M. Albrecht, DO"),
        ("+--------+-----------------------------------------------+-------+", ""),
    ]
    lines = normalize("\n".join(_lines(rows))).text.split("\n")
    assert _cut(lines) == _sides(rows)


def test_a_summary_boxs_rows_beside_a_sidebar_are_cut_whatever_their_order() -> None:
    # the box's rows (four cells each) vouch for one another: the lines below them are cut
    # only after the rows are read, so the rows are read again
    rows = [
        ("SAN JACINTO EXTERNAL REVIEW", "Houston"),
        ("", "9800 Northwest Fwy"),
        ("", "Suite 510"),
        ("NOTICE OF INDEPENDENT REVIEW DECISION", "713 555 0150"),
        ("", ""),
        ("CASE SUMMARY", "Austin"),
        (
            "IRO Case Number    SJER-24-03318          Date of Review    March 11, 2024",
            "1005 Congress",
        ),
        ("TDI Log Number     24-1187                Notice Date       March 12, 2024", "Suite 925"),
        ("Coverage           Health benefit plan    Review Type       Pre-service", "Austin TX"),
        ("Requested by       Enrollee               Decision          OVERTURNED", "512 555 0157"),
        ("", ""),
        ("", "Secure fax"),
        ("Service(s) in dispute", "888 555 0158"),
    ]
    lines = _lines(rows)
    assert _cut(lines) == _sides(rows)


def test_a_table_going_on_past_a_page_break_keeps_its_wrapped_cells() -> None:
    # the records table's header stays on the first page; its wrapped descriptions on the
    # second are its own column, not a sidebar
    rows = [
        "   Date                     Provider / Source     Description",
        "   05/04/2020               TDI-DWC               Confirmation of receipt of a request",
        "                                                  a review by an IRO",
        "   04/29/2020               Requestor             Request for a review by an independent",
        "                                                  review organization",
        "   03/16/2020               Chiropractic clinic   Initial evaluation and treatment plan",
        "",
        "",
        "Gulf Bend Review Services  *  Confidential Medical Information",
        "",
        "                                      Independent Review Decision (continued) - 2/3",
        "",
        "   04/06/2020               Chiropractic clinic   Re-examination with Neck Disability",
        "                                                  Index and range of motion measurements",
        "   03/12/2020               Urgent care           Cervical spine radiographs and clinic",
        "                                                  note",
        "   04/06/2020               Chiropractic clinic   Work status report (DWC-73)",
    ]
    assert _cut(rows, frozenset({9})) == {}


def test_a_sidebar_pushed_right_beside_a_boxs_rows_is_cut() -> None:
    """The box's rows are longer than the letterhead's lines above them: the sidebar stands
    further right beside them and below them, and is cut there too."""
    rows = [
        ("LLANO ESTACADO INDEPENDENT REVIEW".ljust(70) + "Board of Directors", ""),
        ("5707 114th Street, Lubbock, Texas 79424".ljust(70) + "M. Castillo, MD", ""),
        ("Phone 806-555-0195 / Fax 806-555-0196".ljust(70) + "Chair", ""),
        ("", ""),
        ("".ljust(70) + "Medical Director", ""),
        ("NOTICE OF INDEPENDENT REVIEW DECISION".ljust(70) + "R. Okafor, MD, FAAN", ""),
        ("", ""),
        ("Date of Review        Date Notice Sent     IRO Case Number", "Quality Manager"),
        ("04/17/2025            04/18/2025           LEI-25-04-0333", "T. Villarreal, RN"),
        ("", ""),
        ("TDI Tracking Number   Coverage             Review Type", "Certified by the"),
        ("250411-8812           Health plan (PPO)    Expedited", "Texas Department"),
        ("", "of Insurance"),
        ("Services in dispute: intravenous immune globulin infusions, then", "Cert. 5512"),
    ]
    lines = _lines(rows)
    cut = _cut(lines)
    assert {i: cut[i] for i in range(7, len(rows)) if i in cut} == {
        i: side for i, (_, side) in enumerate(rows) if side
    }


def test_a_tables_known_column_at_the_sidebars_column_is_the_tables() -> None:
    """The sidebar ended above the services' heading; the table's ``CPT`` column starts at the
    sidebar's column: its header and its cells stay the table's."""
    rows = [
        *TOP,
        ("", "TDI Certification No. 5977"),
        ("", ""),
        ("DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE", ""),
        ("", ""),
        ("Service", "CPT      Units   Decision"),
        (
            "Arthroscopy, left shoulder, surgical; repair of rotator cuff",
            "29827    1       Overturned",
        ),
        ("Postoperative physical therapy, therapeutic exercise", "97110    24      Overturned"),
    ]
    lines = _lines(rows)
    assert _cut(lines) == {i: side for i, side in _sides(rows).items() if i < len(TOP) + 1}


def test_a_sidebar_beside_prose_below_a_sections_heading_is_cut() -> None:
    """A services table far above, its header row with the sidebar merged onto it (``CPT
    Description  Qty  URAC Accredited``), is no table for the prose of a later section,
    past that section's heading: the sidebar beside the prose is cut."""
    table = [
        ("DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:", ""),
        ("CPT     Description                                    Qty", "URAC Accredited"),
        ("63047   Laminectomy, facetectomy and foraminotomy      1", "Health UM"),
        ("", ""),
        ("PATIENT CLINICAL HISTORY SUMMARY:", ""),
    ]
    prose = [
        ("before she needs to sit down, and the leg symptoms resolve with", "ATASCOSA PARTNERS"),
        ("sitting or leaning forward on a shopping cart. She reports that", ""),
        ("back pain is more bothersome than the leg symptoms. She has no", "A Texas IRO"),
        ("or bladder symptoms.", ""),
        ("", "TDI Cert. #6211"),
        ("Her primary care physician prescribed meloxicam in 11/2022.", ""),
        ("She has not had physical therapy or epidural steroid injections.", "1010 Oak Street"),
    ]
    # (the sidebar's first block ends well above the table)
    between = [(f"Line {n} of the letter, beside no sidebar.", "") for n in range(8)]
    rows = TOP + between + table + prose
    first = len(rows) - len(prose)
    lines = _lines(rows)
    cut = _cut(lines, frozenset({first}))  # (the prose opens a page)
    assert {i: s for i, s in cut.items() if i >= first} == {
        i: s for i, s in _sides(rows).items() if i >= first
    }


def test_a_sidebar_that_starts_beside_a_checklists_marked_row_is_cut_there() -> None:
    """The letterhead's column starts on a new page beside a checklist's row of answers
    (``GUIDELINES   ☐ Yes  ☒ No      ATASCOSA REVIEW PARTNERS``): the row's last text is the
    sidebar's, as the lines below it at that column are."""
    checklist = [
        ("  GUIDELINES                                  ☐ Yes  ☒ No", "ATASCOSA PARTNERS"),
        ("EUROPEAN GUIDELINES FOR MANAGEMENT OF CHRONIC LOW BACK", ""),
        ("  PAIN                                        ☐ Yes  ☒ No", "A Texas IRO"),
        ("INTERQUAL CRITERIA                            ☐ Yes  ☒ No", ""),
        ("MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE", "TDI Cert. #6211"),
        ("  IN ACCORDANCE WITH ACCEPTED MEDICAL STANDARDS  ☒ Yes  ☐ No", ""),
        ("ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT", "1010 Oak Street"),
        ("  GUIDELINES                                  ☐ Yes  ☒ No", ""),
        ("TEXAS GUIDELINES FOR CHIROPRACTIC QUALITY ASSURANCE &", "Pleasanton, TX"),
        ("  PRACTICE PARAMETERS                         ☐ Yes  ☒ No", ""),
        ("PEER REVIEWED NATIONALLY ACCEPTED MEDICAL LITERATURE", "Phone 830.555.0131"),
        ("  (PROVIDE A DESCRIPTION)                     ☐ Yes  ☒ No", ""),
    ]
    lines = _lines(checklist)
    cuts = sidebar_cuts(lines, lambda text: "☐" in text or "☒" in text, frozenset({0}))
    assert {i: lines[i][at:] for i, at in cuts.items()} == _sides(checklist)


def test_a_services_quantity_column_is_no_sidebar() -> None:
    """A code, its service and its quantity at one column down the rows (``x 12 sessions``):
    the quantity is the row's, however much the column looks like a sidebar's."""
    rows = [
        "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE",
        "",
        "97110    Therapeutic exercises, each 15 minutes              x 12 sessions",
        "97140    Manual therapy techniques, each 15 minutes          x 12 sessions",
        "97035    Ultrasound, each 15 minutes                         12 units",
        "E0218    Cold therapy unit, rental                           21 days",
    ]
    assert _cut(rows) == {}
