"""Tables drawn with rules and walls (``+----+``, ``|``): the services, the records and a
YES/NO checklist read as their undrawn forms do, under a heading that names the criteria by
their clinical basis."""

from __future__ import annotations

from pathlib import Path

import iroparse

BASE = (
    Path(__file__).resolve().parents[1] / "examples" / "letters" / "leading-x_sample.txt"
).read_text(encoding="utf-8")
SERVICES = (
    "1. Lumbar epidural steroid injection at L4-L5, CPT 62311\n"
    "2. Fluoroscopic guidance, CPT 77003\n"
)
RECORDS = (
    "1. Request for an independent review dated 03/27/2014\n"
    "2. Utilization review determinations dated 02/11/2014 and 03/05/2014\n"
    "3. Office notes of the treating physician from 10/2013 through 02/2014\n"
    "4. MRI of the lumbar spine dated 09/30/2013\n"
)
CRITERIA_HEADING = (
    "A Description and the Source of the Screening Criteria or Other Clinical Basis Used to Make"
    "\nthe Decision:\n"
)


def test_a_drawn_services_table_numbering_its_rows_with_a_hash() -> None:
    table = (
        "+----+------------------------------------------+-----------+-------+\n"
        "| #  | Service description                      | CPT/HCPCS | Units |\n"
        "+----+------------------------------------------+-----------+-------+\n"
        "| 1  | Lumbar epidural steroid injection at     | 62311     | 1     |\n"
        "|    | L4-L5, interlaminar                      |           |       |\n"
        "| 2  | Fluoroscopic guidance                    | 77003     | 1     |\n"
        "+----+------------------------------------------+-----------+-------+\n"
    )
    assert SERVICES in BASE
    services = iroparse.parse(BASE.replace(SERVICES, table)).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        ("Lumbar epidural steroid injection at L4-L5, interlaminar", ("62311",)),
        ("Fluoroscopic guidance", ("77003",)),
    ]


def test_a_drawn_records_table_keeps_its_last_column() -> None:
    # the source column far right is the table's, not a letterhead's sidebar
    table = (
        "+------------+--------------------------------------+------------------+\n"
        "| Date       | Document                             | Source           |\n"
        "+------------+--------------------------------------+------------------+\n"
        "| 03/27/2014 | Request for an independent review    | TDI-DWC          |\n"
        "| 03/05/2014 | Reconsideration denial               | Carrier UR agent |\n"
        "| 02/11/2014 | Initial preauthorization denial      | Carrier UR agent |\n"
        "+------------+--------------------------------------+------------------+\n"
    )
    assert RECORDS in BASE
    records = iroparse.parse(BASE.replace(RECORDS, table)).information_provided
    assert [r.text for r in records] == [
        "03/27/2014 Request for an independent review TDI-DWC",
        "03/05/2014 Reconsideration denial Carrier UR agent",
        "02/11/2014 Initial preauthorization denial Carrier UR agent",
    ]


def test_a_drawn_yes_no_checklist_under_a_clinical_basis_heading() -> None:
    table = (
        "CRITERIA AND CLINICAL BASIS FOR DECISION\n"
        "+---------------------------------------------------------------+-----+-----+\n"
        "| Source                                                        | Yes | No  |\n"
        "+---------------------------------------------------------------+-----+-----+\n"
        "| InterQual Criteria                                            |     |  X  |\n"
        "| Medical Judgement, Clinical Experience & Expertise in         |  X  |     |\n"
        "| Accordance with Accepted Medical Standards                    |     |     |\n"
        "| Milliman Care Guidelines                                      |     |  X  |\n"
        "| ODG - Official Disability Guidelines & Treatment Guidelines   |  X  |     |\n"
        "+---------------------------------------------------------------+-----+-----+\n"
    )
    assert CRITERIA_HEADING in BASE
    decision = iroparse.parse(BASE[: BASE.index(CRITERIA_HEADING)] + table)
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("odg", True),
    ]
    assert decision.analysis is not None and decision.analysis.endswith("medically necessary.")


def test_a_pipe_tables_rule_is_undrawn_and_its_cells_keep_their_offsets() -> None:
    from iroparse._pipeline.normalize import normalize

    table = (
        "     | CPT   | Procedure                       | Laterality |\n"
        "     |-------|:--------------------------------|------------|\n"
        "     | 62311 | Lumbar epidural steroid         | Left       |\n"
    )
    lines = normalize(table).text.split("\n")
    assert lines[1].strip() == ""  # the rule, as a blank line
    assert lines[2].split() == ["62311", "Lumbar", "epidural", "steroid", "Left"]
    assert len(lines[2]) == len(table.split("\n")[2])


def test_a_column_no_reader_needs_is_a_tables_column_not_a_sidebar() -> None:
    from iroparse._pipeline.sidebar import _under_a_table_header

    lines = [
        "       CPT     Procedure                                            Laterality",
        "",
        "       30520   Septoplasty                                          N/A",
    ]
    assert _under_a_table_header(lines, 2, lines[0].index("Laterality"))


def test_a_units_column_says_what_a_unit_is() -> None:
    table = (
        "| CPT   | Service requested                              | Units (15 min) |\n"
        "|-------|------------------------------------------------|----------------|\n"
        "| 97151 | Behavior identification assessment             | 24             |\n"
        "| 97153 | Adaptive behavior treatment by protocol        | 2,080          |\n"
    )
    services = iroparse.parse(BASE.replace(SERVICES, table)).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        ("Behavior identification assessment", ("97151",)),
        ("Adaptive behavior treatment by protocol", ("97153",)),
    ]


def test_a_drawn_box_of_labels_beside_values_gives_the_review_date() -> None:
    box = (
        "   +------------------------------------+-----------------------------------+\n"
        "   | Our Reference                      | CPR-16-2290                       |\n"
        "   | Date of Review                     | 09/14/2016                        |\n"
        "   +------------------------------------+-----------------------------------+\n"
    )
    dates = "Date of Review: April 18, 2014\n\nIRO Case #: 061475\n"
    decision = iroparse.parse(BASE.replace(dates, "September 15, 2016\n\n" + box))
    assert (str(decision.review_date), decision.case_number) == ("2016-09-14", "CPR-16-2290")
