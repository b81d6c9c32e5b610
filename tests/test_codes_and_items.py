"""Procedure codes as clerks write them, and list items wrapped over lines (issue: letters
nobody has seen, classes 4 and 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

import iroparse
from iroparse._fields.codes import cpt_codes

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "letters" / "leading-x_sample.txt"
BASE = SAMPLE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Spinal cord stimulator trial - CPT code(s) 63650", ("63650",)),
        ("- CPT code(s) 95886, 95911", ("95886", "95911")),
        ("Spinal cord stimulator trial (63650 x 2)", ("63650",)),
        ("Facet injection CPT 64483-RT", ("64483",)),
        ("Stimulator trial #63650", ("63650",)),
        ("Anesthesia #01992", ("01992",)),
        ("Injection HCPCS J1040", ("J1040",)),
        ("Therapeutic exercise CPT: 97110 x 12 units", ("97110",)),
        ("Bilateral facet injections 64475-50, 64476-50", ("64475", "64476")),
        ("Epidural with fluoroscopy: 62310, 77003", ("62310", "77003")),
        # numbers that are not codes
        ("Lumbar MRI at 123 Main St, Austin, TX 78701-1234", ()),
        ("Seen on 05/12/2011; call 512-555-1234", ()),
        ("a 45-year-old man, 60 tablets", ()),
    ],
)
def test_codes_as_clerks_write_them(text: str, codes: tuple[str, ...]) -> None:
    assert cpt_codes(text) == codes


SERVICES = (
    "Description of the Service or Services in Dispute:\n"
    "1. Lumbar epidural steroid injection at L4-L5, CPT 62311\n"
    "2. Fluoroscopic guidance, CPT 77003\n"
)


def _with_services_table(table: str) -> str:
    """The sample with ``table`` as its services section, under the section's heading."""
    return BASE.replace(SERVICES, "Description of the Service or Services in Dispute:\n" + table)


def test_a_code_line_under_its_service_belongs_to_it() -> None:
    text = BASE.replace(
        SERVICES,
        "Description of the Service or Services in Dispute:\n"
        "Spinal cord stimulator trial\n- CPT code(s) 63650\n"
        "Electrodiagnostic studies\n- CPT code(s) 95886, 95911\n",
    )
    services = iroparse.parse(text).services
    assert [s.cpt_codes for s in services] == [("63650",), ("95886", "95911")]
    assert services[0].text.startswith("Spinal cord stimulator trial")


def test_one_sentence_wrapped_over_lines_is_one_qualification() -> None:
    old = (
        "Board Certified in Anesthesiology with a subspecialty certification in Pain Medicine, in\n"
        "active practice for more than fifteen years\n"
    )
    new = (
        "The reviewer is board certified in Anesthesiology with a subspecialty certification"
        " in Pain\nMedicine and has been in active practice for more than fifteen years.\n"
    )
    assert old in BASE
    items = iroparse.parse(BASE.replace(old, new)).reviewer_qualifications
    assert [" ".join(i.text.split()) for i in items] == [" ".join(new.split())]


def test_short_plain_items_stay_apart() -> None:
    old = (
        "Board Certified in Anesthesiology with a subspecialty certification in Pain Medicine, in\n"
        "active practice for more than fifteen years\n"
    )
    new = "Board Certified in Anesthesiology\nSubspecialty Board Certified in Pain Medicine\n"
    items = iroparse.parse(BASE.replace(old, new)).reviewer_qualifications
    assert [i.text for i in items] == [
        "Board Certified in Anesthesiology",
        "Subspecialty Board Certified in Pain Medicine",
    ]


def test_a_lone_word_ending_a_sentence_is_no_item_of_its_own() -> None:
    old = (
        "Board Certified in Anesthesiology with a subspecialty certification in Pain Medicine, in\n"
        "active practice for more than fifteen years\n"
    )
    new = (
        "Licensed psychologist in the State of Texas.\n\n"
        "Member of the American Psychological Association, Division of Rehabilitation\n"
        "Psychology.\n"
    )
    items = iroparse.parse(BASE.replace(old, new)).reviewer_qualifications
    assert [" ".join(i.text.split()) for i in items] == [
        "Licensed psychologist in the State of Texas.",
        "Member of the American Psychological Association, Division of Rehabilitation Psychology.",
    ]


def test_an_item_wrapped_inside_its_parentheses_is_one_service() -> None:
    """A service wrapped before its parenthesis closes (``... extremities (95886 x`` /
    ``2)``): the next line goes on with it, though ``2)`` looks like a list's number."""
    text = BASE.replace(
        SERVICES,
        "Description of the Service or Services in Dispute:\n"
        "Electromyography and nerve conduction studies of the lower extremities (95886 x\n"
        "2)\nKetorolac injection (J1885)\n",
    )
    services = iroparse.parse(text).services
    assert [s.text for s in services] == [
        "Electromyography and nerve conduction studies of the lower extremities (95886 x 2)",
        "Ketorolac injection (J1885)",
    ]
    assert [s.cpt_codes for s in services] == [("95886",), ("J1885",)]
    assert services[0].units == 2


def test_a_date_wrapped_after_its_month_stays_in_its_item() -> None:
    """``... from 03/2006 through November`` / ``20, 2016``: the day and year go on with the
    item the month ended."""
    text = BASE.replace(
        SERVICES,
        "Description of the Service or Services in Dispute:\n"
        "Physical therapy three times a week from 03/2006 through November\n"
        "20, 2016\nKetorolac injection (J1885)\n",
    )
    services = iroparse.parse(text).services
    assert [s.text for s in services] == [
        "Physical therapy three times a week from 03/2006 through November 20, 2016",
        "Ketorolac injection (J1885)",
    ]


def test_the_first_item_on_the_headings_line_of_a_one_per_line_list_is_one_item() -> None:
    """``REVIEW: Request for review by an independent review organization`` reaches the
    letter's width only because the heading stands before it; the lines after it are items
    of their own, one per line, so it is an item of its own too."""
    letter = (SAMPLE.parent / "bracket_sample.txt").read_text(encoding="utf-8")
    heading = "INFORMATION PROVIDED TO THE IRO FOR REVIEW \n"
    assert heading in letter
    items = [
        "Request for review by an independent review organization and its attachments",
        "Peer review report dated 11/03/2009",
        "MRI of the lumbar spine dated 12/24/2008",
        "Designated doctor evaluation dated 06/28/2010",
    ]
    text = letter.replace(
        heading, "INFORMATION PROVIDED TO THE IRO FOR\nREVIEW: " + "\n".join(items) + "\n"
    )
    provided = iroparse.parse(text).information_provided
    assert [i.text for i in provided] == items


@pytest.mark.parametrize("column", [0, 1], ids=["own-line", "on-the-heading-line"])
def test_a_capital_after_a_word_in_lower_case_starts_an_item(column: int) -> None:
    """``Request for review by an independent review organization`` / ``Letter of medical
    necessity ...``: two items, although the first is as long as the letter's lines; a
    phrase wrapped over lines goes on in capitals only after a capital (``... in Pain`` /
    ``Medicine ...``), a case another test keeps."""
    letter = (SAMPLE.parent / "bracket_sample.txt").read_text(encoding="utf-8")
    heading = "INFORMATION PROVIDED TO THE IRO FOR REVIEW \n"
    width = max(len(line) for line in letter.split("\n"))
    first = "Request for review by an independent review organization"
    first += " on behalf of the injured worker"[: max(0, width - len(first) - 2)]
    items = [first, "Letter of medical necessity from the requesting provider"]
    # the heading on the item's line (``DOCUMENTS REVIEWED: Request for ...``) or above it
    head = "DOCUMENTS REVIEWED: " if column else "INFORMATION PROVIDED TO THE IRO FOR REVIEW\n"
    text = letter.replace(heading, head + "\n".join(items) + "\n")
    provided = iroparse.parse(text).information_provided
    assert [i.text for i in provided] == items


def test_an_acronym_after_a_word_in_lower_case_goes_on_with_the_item() -> None:
    """``... discography and post-discography`` / ``CT``: a wrapped item's last word."""
    letter = (SAMPLE.parent / "bracket_sample.txt").read_text(encoding="utf-8")
    heading = "INFORMATION PROVIDED TO THE IRO FOR REVIEW \n"
    width = max(len(line) for line in letter.split("\n"))
    tail = "including the request for MRI, discography and post-discography"
    dates = ["01/10/2011,", "02/14/2011,", "03/14/2011,", "04/11/2011,", "05/09/2011,"]
    first = ""
    for n in range(len(dates)):
        candidate = " ".join(["Office notes dated", *dates[:n], tail])
        if len(candidate) <= width:
            first = candidate
    assert len(first) >= 0.85 * width
    lines = [first, "CT", "Physical therapy notes dated 11/2010 through 01/2011"]
    text = letter.replace(heading, heading + "\n".join(lines) + "\n")
    provided = iroparse.parse(text).information_provided
    assert [i.text for i in provided] == [f"{first} CT", lines[2]]


@pytest.mark.parametrize(
    ("gap", "code"),
    [("    ", "CPT"), ("\t", "CPT"), ("    ", "HCPCS/CPT")],
    ids=["blanks", "tab", "hcpcs-first"],
)
def test_a_services_table_gives_each_row_its_text_codes_units_and_outcome(
    gap: str, code: str
) -> None:
    """A services section written as a table with a header row (``Service  CPT  Units
    Decision``): the header is no service; each row's own cell is the text, the CPT column's
    bare code is a code, the units column gives the units."""
    rows = [
        ("Service", code, "Units", "Decision"),
        ("Electromyography, lower extremities", "95861", "1", "Overturned"),
        ("Nerve conduction studies", "95904", "6", "Upheld"),
    ]
    table = "".join(gap.join(row) + "\n" for row in rows)
    text = _with_services_table(table)
    services = iroparse.parse(text).services
    assert [(s.text, s.cpt_codes, s.units) for s in services] == [
        ("Electromyography, lower extremities", ("95861",), 1),
        ("Nerve conduction studies", ("95904",), 6),
    ]
    assert all(s.span is not None and s.span.slice(text) == s.text for s in services)
    assert all(
        c.span is not None and c.span.slice(text) == c.code for s in services for c in s.codes
    )


def test_a_drawn_tables_header_wrapped_onto_a_heading_word_is_the_tables() -> None:
    """``IRO`` / ``Decision``: a header cell wrapped onto a second line whose one word is a
    heading's (``Decision``) is the table's header, no section."""
    table = (
        "+----+------------------------------------------+---------+------------+\n"
        "| #  | Service                                  | CPT     | IRO        |\n"
        "|    |                                          |         | Decision   |\n"
        "+----+------------------------------------------+---------+------------+\n"
        "| 1  | Lumbar laminotomy with decompression     | 63030   | Overturned |\n"
        "| 2  | Inpatient hospital length of stay        | --      | Upheld     |\n"
        "+----+------------------------------------------+---------+------------+\n"
    )
    text = _with_services_table(table)
    decision = iroparse.parse(text)
    assert [(s.text, s.cpt_codes) for s in decision.services] == [
        ("Lumbar laminotomy with decompression", ("63030",)),
        ("Inpatient hospital length of stay", ()),
    ]
    assert [s.kind for s in decision.sections].count("review_outcome") == 1


def test_a_drawn_table_whose_every_bar_a_scan_misread_is_read_from_its_rules() -> None:
    """Every wall read as ``I`` or ``l``, no bar left: the rules' corners (``+----+``) stand
    where the walls do."""
    table = (
        "+----+------------------------------------------+---------+----------+\n"
        "I #  I Service                                  I CPT     I Units    l\n"
        "+----+------------------------------------------+---------+----------+\n"
        "I 1  I Work hardening program, initial 2 hours  I 97545   I 1        I\n"
        "+----+------------------------------------------+---------+----------+\n"
    )
    text = _with_services_table(table)
    services = iroparse.parse(text).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        ("Work hardening program, initial 2 hours", ("97545",))
    ]


def test_a_services_tables_last_column_far_right_is_no_sidebar() -> None:
    """A ``Requested`` column standing where a letterhead's sidebar would: the table's."""
    table = (
        "  Code    Service                                               Requested\n"
        "  92523   Speech and language evaluation                        1 session\n"
        "  92507   Individual speech-language therapy                    24 visits\n"
        "  92610   Oral and pharyngeal swallowing function evaluation    1 session\n"
    )
    text = _with_services_table(table)
    services = iroparse.parse(text).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        ("Speech and language evaluation", ("92523",)),
        ("Individual speech-language therapy", ("92507",)),
        ("Oral and pharyngeal swallowing function evaluation", ("92610",)),
    ]


def test_a_code_a_scan_printed_with_letters_for_digits_under_a_code_column_is_read() -> None:
    """``97O14`` under a ``CPT`` column is 97014, with a ``digits-from-ocr`` diagnostic whose
    span points at the printed code; a code whose letters are no digits' stays out."""
    table = (
        "  Code    Service                                               Units\n"
        "  9711O   Therapeutic exercises, each 15 minutes                27\n"
        "  97O14   Electrical stimulation, unattended                    12\n"
        "  97ABC   Myofascial release                                    12\n"
    )
    text = _with_services_table(table)
    decision = iroparse.parse(text)
    assert [s.cpt_codes for s in decision.services] == [("97110",), ("97014",), ()]
    notes = [d for d in decision.diagnostics if d.code == "digits-from-ocr"]
    assert [d.span.slice(text) for d in notes if d.span is not None] == ["9711O", "97O14"]


def test_a_line_of_column_words_without_rows_is_read_as_a_list() -> None:
    """A header row with no row under it in its shape is no table: the section is a list."""
    text = BASE.replace(
        SERVICES,
        "Description of the Service or Services in Dispute:\nService    CPT\n"
        "Lumbar epidural steroid injection at L4-L5, CPT 62311\n",
    )
    services = iroparse.parse(text).services
    assert [s.cpt_codes for s in services][-1] == ("62311",)


def test_a_services_table_beside_a_letterhead_in_the_margin_keeps_its_columns() -> None:
    """A letterhead printed down the right margin merged into a services table's lines: the
    sidebar is the rightmost column, not the table's code column left of it."""
    rows = [
        ("Service", "CPT", "CENTEX IRO"),
        ("Transforaminal epidural steroid injection right L5", "64483", "1234 Main Street"),
        ("MRI of the lumbar spine without contrast", "72148", "Austin, TX 78701"),
    ]
    table = "".join(f"{a:<56}{b:<34}{c}\n" for a, b, c in rows)
    text = _with_services_table(table)
    services = iroparse.parse(text).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        ("Transforaminal epidural steroid injection right L5", ("64483",)),
        ("MRI of the lumbar spine without contrast", ("72148",)),
    ]


def test_a_units_column_of_numbers_is_the_tables_not_page_numbers() -> None:
    """A number far right of a row, under a ``Units`` header and above other numbers in the
    same column, is a cell of the table, not a page number beside a line."""
    rows = [
        ("CPT/HCPCS", "Description", "Units"),
        ("J9271", "Pembrolizumab (Keytruda) 200 mg IV every 3 weeks", "200"),
        ("J9035", "Bevacizumab (Avastin) 15 mg/kg IV every 3 weeks", "90"),
        ("96413", "Chemotherapy administration, IV infusion, up to 1 hour", "1"),
    ]
    table = "".join(f"{a:<12}{b:<62}{c}\n" for a, b, c in rows)
    text = _with_services_table(table)
    decision = iroparse.parse(text)
    assert [(s.cpt_codes, s.units) for s in decision.services] == [
        (("J9271",), 200),
        (("J9035",), 90),
        (("96413",), 1),
    ]
    assert "noise-removed" not in [d.code for d in decision.diagnostics]


@pytest.mark.parametrize("box", ["[*]", "[■]", "[●]", "[✗]", "( * )", "(•)", "(◉)"])
def test_a_box_ticked_with_a_star_square_dot_or_cross_is_checked(box: str) -> None:
    """Word processors tick a box with other characters than ``X``: the outcome they tick is
    the letter's outcome."""
    letter = SAMPLE.parent / ("paren_sample.txt" if "(" in box else "bracket_sample.txt")
    text = letter.read_text(encoding="utf-8")
    checked = "( X )" if "(" in box else "[ X ]"
    assert checked in text
    decision = iroparse.parse(text.replace(checked, box))
    assert decision.outcome == iroparse.parse(text).outcome
    codes = [d.code for d in decision.diagnostics]
    assert "outcome-missing" not in codes and "outcome-from-narrative" not in codes


def test_a_services_table_row_wrapped_under_its_own_cell_is_one_service() -> None:
    """A service's words wrapped under its own column (the other cells left empty) go on with
    the row above; a line under no column ends the table."""
    table = (
        "  Service                                             Code      Units     Determination\n"
        "  Transforaminal lumbar interbody fusion (TLIF),      22633     1         Upheld\n"
        "  L4-5, single interspace\n"
        "  Inpatient length of stay                            —         3 days    Upheld\n"
    )
    text = _with_services_table(table)
    services = iroparse.parse(text).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        ("Transforaminal lumbar interbody fusion (TLIF), L4-5, single interspace", ("22633",)),
        ("Inpatient length of stay", ()),
    ]


def test_a_fee_disputes_table_with_dates_and_amounts_billed_gives_the_descriptions() -> None:
    """``Dates of Service   Code   Description   Billed``, each amount's dollar sign padded
    off its figures (``$  924.00``): one cell, and the description is the service's text."""
    table = (
        "   Dates of Service       Code      Description                              Billed\n"
        "   10/02/00 - 12/22/00    99213     Office visit, established patient        $  924.00\n"
        "   10/02/00 - 12/22/00    97110     Therapeutic exercise, each 15 min        $1,380.00\n"
    )
    services = iroparse.parse(_with_services_table(table)).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        ("Office visit, established patient", ("99213",)),
        ("Therapeutic exercise, each 15 min", ("97110",)),
    ]


def test_a_services_table_cell_wrapped_at_a_compound_s_hyphen_keeps_it() -> None:
    """A cell wrapped after a compound's hyphen (``evidence-`` / ``based``) joins without a
    space and keeps the hyphen; a word split by a line-end hyphen (``rehabili-`` /
    ``tation``) loses it, as the sections' text does."""
    table = (
        "  Service                                             Code      Units     Determination\n"
        "  Functional restoration program, evidence-           97799     80        Upheld\n"
        "  based, interdisciplinary rehabili-\n"
        "  tation\n"
    )
    text = _with_services_table(table)
    text += "\nThe rehabilitation was evidence-based.\n"
    services = iroparse.parse(text).services
    assert [s.text for s in services] == [
        "Functional restoration program, evidence-based, interdisciplinary rehabilitation"
    ]


def test_a_services_table_with_a_mark_under_upheld_or_overturned_gives_each_its_verdict() -> None:
    """``Upheld`` and ``Overturned`` as two columns, a check mark centred under one of them:
    the row's verdict; the other column left empty is no wrapped line."""
    table = (
        "  Service in Dispute                                 CPT       Upheld     Overturned\n"
        "  Right L4-5 lumbar facet medial branch block,       64493                    ✓\n"
        "  fluoroscopic guidance, single level\n"
        "  Monitored anesthesia care (IV sedation)            01992       ✓\n"
    )
    text = _with_services_table(table)
    decision = iroparse.parse(text)
    assert [(s.text, s.cpt_codes) for s in decision.services] == [
        (
            "Right L4-5 lumbar facet medial branch block, fluoroscopic guidance, single level",
            ("64493",),
        ),
        ("Monitored anesthesia care (IV sedation)", ("01992",)),
    ]
    assert [s.outcome for s in decision.services] == [
        iroparse.Outcome.OVERTURNED,
        iroparse.Outcome.UPHELD,
    ]


def test_a_services_table_numbered_under_item_reads_the_description_column() -> None:
    """``Item`` over the rows' numbers, then the codes and the service's own words: the
    words are the service, the number no part of it."""
    table = (
        "Item   HCPCS    Description                                              Units\n"
        "1      E0730    TENS unit, four or more leads, purchase                  1\n"
        "2      A4595    TENS supplies (electrodes, lead wires), per month        3\n"
    )
    text = _with_services_table(table)
    services = iroparse.parse(text).services
    assert [(s.text, s.cpt_codes, s.units) for s in services] == [
        ("TENS unit, four or more leads, purchase", ("E0730",), 1),
        ("TENS supplies (electrodes, lead wires), per month", ("A4595",), 3),
    ]


#: The sample's records list, which the run-on and numbering tests write otherwise.
RECORDS = (
    "1. Request for an independent review dated 03/27/2014\n"
    "2. Utilization review determinations dated 02/11/2014 and 03/05/2014\n"
    "3. Office notes of the treating physician from 10/2013 through 02/2014\n"
    "4. MRI of the lumbar spine dated 09/30/2013\n"
)


def test_records_written_as_one_paragraph_parted_by_semicolons_are_items() -> None:
    old = RECORDS
    new = (
        "Request for review dated 03/27/2014; utilization review denial 02/11/2014;\n"
        "office notes 10/2013 through 02/2014; MRI of the lumbar spine 09/30/2013\n"
    )
    assert old in BASE
    text = BASE.replace(old, new)
    items = iroparse.parse(text).information_provided
    assert [i.text for i in items] == [
        "Request for review dated 03/27/2014",
        "utilization review denial 02/11/2014",
        "office notes 10/2013 through 02/2014",
        "MRI of the lumbar spine 09/30/2013",
    ]
    assert [i.span.slice(text).split() for i in items] == [i.text.split() for i in items]
    # two records joined by one semicolon on a list's line stay one item
    pair = BASE.replace(
        "4. MRI of the lumbar spine dated 09/30/2013",
        "4. MRI of the lumbar spine dated 09/30/2013; radiographs dated 10/02/2013",
    )
    assert len(iroparse.parse(pair).information_provided) == 4


def test_records_written_as_one_sentence_ended_by_a_full_stop_are_one_entry() -> None:
    sentence = (
        "The reviewer received the request for review dated 03/27/2014; the\n"
        "utilization review denial 02/11/2014; office notes 10/2013 through 02/2014;\n"
        "and an MRI of the lumbar spine dated 09/30/2013.\n"
    )
    items = iroparse.parse(BASE.replace(RECORDS, sentence)).information_provided
    assert [i.text for i in items] == [" ".join(sentence.split())]


def test_records_numbered_inside_a_run_on_paragraph_are_items() -> None:
    old = RECORDS
    new = (
        "(1) Request for review dated 03/27/2014 (2) Utilization review denials\n"
        "dated 02/11/2014 and 03/05/2014 (3) Office notes 10/2013 through 02/2014\n"
        "(4) MRI of the lumbar spine dated 09/30/2013 (2 views)\n"
    )
    assert old in BASE
    text = BASE.replace(old, new)
    items = iroparse.parse(text).information_provided
    assert [i.text for i in items] == [
        "Request for review dated 03/27/2014",
        "Utilization review denials dated 02/11/2014 and 03/05/2014",
        "Office notes 10/2013 through 02/2014",
        "MRI of the lumbar spine dated 09/30/2013 (2 views)",
    ]
    assert [i.span.slice(text).split() for i in items] == [i.text.split() for i in items]


def test_record_numbers_with_1_read_as_l_number_records() -> None:
    listing = "\n".join(
        f"{number}  Record number {n}, 01/0{n % 9 + 1}/08"
        for n, number in enumerate(["8.", "9.", "l0.", "ll.", "l2."], start=8)
    )
    old = RECORDS
    items = iroparse.parse(BASE.replace(old, listing + "\n")).information_provided
    assert [i.text for i in items] == [
        f"Record number {n}, 01/0{n % 9 + 1}/08" for n in range(8, 13)
    ]


def test_records_numbered_in_roman_numbers_are_items() -> None:
    old = RECORDS
    listing = "".join(
        f"{number:<6}Record number {n}, dated 01/0{n}/2014\n"
        for n, number in enumerate(["i.", "ii.", "iii.", "iv."], start=1)
    )
    items = iroparse.parse(BASE.replace(old, listing)).information_provided
    assert [i.text for i in items] == [
        f"Record number {n}, dated 01/0{n}/2014" for n in range(1, 5)
    ]


def test_a_letterheads_sidebar_beside_a_drawn_services_tables_rows_is_cut_off() -> None:
    """The sidebar's last line stands beside the table's first row: the table's next row
    stops short of its column, so it is the sidebar's, not the table's last cell."""
    rule = "+--------------------------------------------+-------+---------------+"
    table = (
        f"{'':74}Elmendorf, TX 78112\n\n"
        f"{'':74}210-555-0138 (v)\n"
        f"{rule}    210-555-0139 (f)\n"
        "| Requested Service                          | CPT   | IRO Decision  |\n"
        f"{rule}    Quality Director\n"
        "| Reduction mammaplasty, bilateral           | 19318 | Overturned    |"
        "    Noreen Castellanos, RN, CPHQ\n"
        "| Suction-assisted lipectomy, axillae        | 15877 | Upheld        |\n"
        f"{rule}\n"
    )
    decision = iroparse.parse(_with_services_table(table))
    assert [s.text for s in decision.services] == [
        "Reduction mammaplasty, bilateral",
        "Suction-assisted lipectomy, axillae",
    ]
    assert not [s for s in decision.sections if "Castellanos" in s.text]


def test_a_drug_table_with_strength_and_quantity_per_days_columns() -> None:
    table = (
        "   Drug                                  Strength      Quantity / Days     Decision\n"
        "   Lidocaine topical patch               5%            30 / 30 days        Overturned\n"
        "   Gabapentin capsules, by mouth,        300 mg        90 / 30 days        Overturned\n"
        "   one capsule three times daily\n"
    )
    services = iroparse.parse(_with_services_table(table)).services
    assert [s.text for s in services] == [
        "Lidocaine topical patch",
        "Gabapentin capsules, by mouth, one capsule three times daily",
    ]


def test_a_level_of_care_column_is_the_service_where_no_column_names_it() -> None:
    table = (
        "Req.  Level of care                                Days requested   Determination\n"
        "1     Acute inpatient rehabilitation facility      14               Upheld\n"
        "      admission following hip fracture repair\n"
    )
    services = iroparse.parse(_with_services_table(table)).services
    assert [s.text for s in services] == [
        "Acute inpatient rehabilitation facility admission following hip fracture repair"
    ]


def test_a_service_billed_under_two_codes_wraps_over_two_rows_of_a_table() -> None:
    """A drawn table whose service's words wrap into the next line, that line with a code of
    its own (``... medial branch blocks, L4-5 and  64493-50`` / ``L5-S1  64494-50``): one
    service with both codes; a second column of the units' kind (``Requested``) is unread."""
    table = (
        "+---------------------------------------------------+-------------+-------+------------+\n"
        "| Service                                           | CPT         | Units | Requested  |\n"
        "+---------------------------------------------------+-------------+-------+------------+\n"
        "| Bilateral lumbar medial branch blocks, L4-5 and   | 64493-50    |   1   | 02/24/2014 |\n"
        "| L5-S1                                             | 64494-50    |   1   |            |\n"
        "+---------------------------------------------------+-------------+-------+------------+\n"
        "| Bilateral lumbar radiofrequency ablation, L4-5    | 64635-50    |   1   | 02/24/2014 |\n"
        "| and L5-S1                                         | 64636-50    |   1   |            |\n"
        "+---------------------------------------------------+-------------+-------+------------+\n"
        "| Lumbar MRI without contrast                       | 72148       |   1   | 02/24/2014 |\n"
        "+---------------------------------------------------+-------------+-------+------------+\n"
    )
    services = iroparse.parse(_with_services_table(table)).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        ("Bilateral lumbar medial branch blocks, L4-5 and L5-S1", ("64493", "64494")),
        ("Bilateral lumbar radiofrequency ablation, L4-5 and L5-S1", ("64635", "64636")),
        ("Lumbar MRI without contrast", ("72148",)),
    ]


def test_a_services_tables_code_s_column_gives_the_codes() -> None:
    """``Code(s)`` heads the codes' column as ``CPT`` does; a cell may hold two codes."""
    table = (
        "  Service                                  Code(s)          Frequency        Decision\n"
        "  -------------------------------------    -------------    -------------    --------\n"
        "  OnabotulinumtoxinA (Botox) 155 units,    J0585, 64615     Every 12 weeks   Overturned\n"
        "  chronic migraine protocol\n"
        "  Greater occipital nerve block,           64405            Monthly x 3      Upheld\n"
        "  bilateral\n"
    )
    services = iroparse.parse(_with_services_table(table)).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        ("OnabotulinumtoxinA (Botox) 155 units, chronic migraine protocol", ("J0585", "64615")),
        ("Greater occipital nerve block, bilateral", ("64405",)),
    ]


def test_a_medication_table_headed_requested_medication_and_quantity_refills() -> None:
    table = (
        "  Requested medication                                    Quantity/Refills    "
        "Determination\n"
        "  --------------------                                    ----------------    "
        "-------------\n"
        "  Oxycodone/acetaminophen 10/325 mg tablets, one every 6  #120, no refills    Upheld\n"
        "  hours as needed for pain\n"
        "  Carisoprodol 350 mg tablets, one three times daily      #90, 1 refill       Upheld\n"
    )
    services = iroparse.parse(_with_services_table(table)).services
    assert [s.text for s in services] == [
        "Oxycodone/acetaminophen 10/325 mg tablets, one every 6 hours as needed for pain",
        "Carisoprodol 350 mg tablets, one three times daily",
    ]


def test_a_case_information_box_is_no_records_section() -> None:
    """``CASE INFORMATION`` over a box of labels and values titles the box: the records are
    the section under the records' own heading."""
    box = (
        "CASE INFORMATION\n"
        "  Date of Review          05/09/2017            Injured Worker          xxxxx xxxxx\n"
        "  MMA Case #              MMA-1705-0388         Date of Injury          xx/xx/xxxx\n\n"
    )
    text = box + BASE
    decision = iroparse.parse(text)
    kinds = [s.kind for s in decision.sections]
    assert kinds.count("information_provided") == 1
    records = [i.text for i in iroparse.parse(BASE).information_provided]
    assert [i.text for i in decision.information_provided] == records
