"""Checklists: wrapped items, marks on lines of their own, descriptions, unknown items."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import iroparse
from iroparse._pipeline.checklist import ChecklistReader
from iroparse._pipeline.checklist_items import ChecklistItem
from iroparse._pipeline.normalize import normalize
from iroparse._pipeline.tokens import TokenKind
from iroparse.catalogue import CRITERIA, CRITERIA_CODES, OUTCOMES
from iroparse.parser import default_parser
from iroparse.plugins import registry

GOLDEN = Path(__file__).parent / "golden"
BRACKET = Path(__file__).parents[1] / "examples" / "letters" / "bracket_sample.txt"
CRITERIA_READER = ChecklistReader(CRITERIA)
OUTCOME_READER = ChecklistReader(OUTCOMES)


def read(
    body: str, layout: str, reader: ChecklistReader = CRITERIA_READER
) -> tuple[list[ChecklistItem], list[str]]:
    """Read ``body`` (a checklist section's lines) with the named layout."""
    tokens = default_parser().tokenizer.tokenize(normalize(body))
    lines = [t for t in tokens if t.kind is TokenKind.TEXT]
    items, lead_in = reader.read(lines, registry().layouts[layout])
    return items, [t.text for t in lead_in]


def test_the_catalogue_has_the_fifteen_codes() -> None:
    assert CRITERIA_CODES == (
        "acoem",
        "ahcpr",
        "dwc",
        "european_low_back_pain",
        "interqual",
        "medical_judgement",
        "mercy_center",
        "milliman",
        "odg",
        "pressley_reed",
        "texas_chiropractic",
        "texas_tacada",
        "tmf",
        "peer_reviewed_literature",
        "other_evidence_based",
    )


def test_bracket_item_wrapped_over_two_lines_is_one_item() -> None:
    body = (
        "[ X ] MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH \n"
        "ACCEPTED MEDICAL STANDARDS \n"
        "\n"
        "[  ] MERCY CENTER CONSENSUS CONFERENCE GUIDELINES\n"
    )
    items, _ = read(body, "bracket")
    assert [(i.code, i.checked) for i in items] == [
        ("medical_judgement", True),
        ("mercy_center", False),
    ]
    assert items[0].label.endswith("IN ACCORDANCE WITH ACCEPTED MEDICAL STANDARDS")
    assert body[items[0].start : items[0].end].endswith("ACCEPTED MEDICAL STANDARDS")


def test_trailing_mark_after_a_blank_line_marks_the_wrapped_item() -> None:
    body = (
        " MEDICAL JUDGEMENT, CLINICAL EXPERIENCE & EXPERTISE IN ACCORDANCE  WITH \n"
        "\n"
        " ACCEPTED MEDICAL STANDARDS   X \n"
        " \n"
        " MERCY CENTER CONSENSUS CONFERENCE GUIDELINES \n"
    )
    items, _ = read(body, "trailing-x")
    assert [(i.code, i.checked) for i in items] == [
        ("medical_judgement", True),
        ("mercy_center", False),
    ]
    assert items[0].label == (
        "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE & EXPERTISE IN ACCORDANCE WITH "
        "ACCEPTED MEDICAL STANDARDS"
    )
    assert items[0].marks == 1


def test_trailing_mark_alone_on_the_next_line_marks_the_item_before() -> None:
    body = (
        "ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n   X\nTMF SCREENING CRITERIA\n"
    )
    items, _ = read(body, "trailing-x")
    assert [(i.code, i.checked) for i in items] == [("odg", True), ("tmf", False)]


def test_unchecked_wrapped_item_in_a_sparse_layout() -> None:
    body = (
        " ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL  \n"
        " MEDICINE UM KNOWLEDGE BASE \n"
        " AHCPR-AGENCY FOR HEALTH CARE RESEARCH & QUALITY GUIDELINES \n"
    )
    items, _ = read(body, "trailing-x")
    assert [(i.code, i.checked) for i in items] == [("acoem", False), ("ahcpr", False)]
    assert items[0].label.endswith("MEDICINE UM KNOWLEDGE BASE")


def test_an_unmarked_line_back_at_the_items_column_under_a_description_is_an_item() -> None:
    """Marks only on checked items (``✓``); under an item's description, set further in, a
    line back at the labels' column is an item of its own, unchecked."""
    body = (
        "      InterQual Imaging Criteria\n"
        "  ✓   Other evidence-based, scientifically valid, outcome-focused guidelines\n"
        "         NCCN Clinical Practice Guidelines in Oncology: B-Cell Lymphomas.\n"
        "      Radiology benefit manager imaging guideline\n"
    )
    items, _ = read(body, "glyph")
    assert [(i.code, i.checked) for i in items] == [
        ("interqual", False),
        ("other_evidence_based", True),
        ("other", False),
    ]


def test_a_forms_other_item_is_an_item_not_the_rest_of_the_label_above() -> None:
    body = (
        "      InterQual Imaging Criteria\n"
        "  X   Physician reviewer's medical judgment and experience\n"
        "      Other (describe)\n"
    )
    items, _ = read(body, "leading-x")
    assert [(i.code, i.label, i.checked) for i in items] == [
        ("interqual", "InterQual Imaging Criteria", False),
        ("medical_judgement", "Physician reviewer's medical judgment and experience", True),
        ("other", "Other (describe)", False),
    ]


def test_description_after_literature_items_belongs_to_the_item() -> None:
    body = (
        "[ X ] PEER REVIEWED NATIONALLY ACCEPTED MEDICAL LITERATURE (PROVIDE A\n"
        "DESCRIPTION)\n"
        "Smith J, Spine 2008;33:1-10.\n"
        "Jones, Pain 2009.\n"
        "[  ] OTHER EVIDENCE BASED, SCIENTIFICALLY VALID, OUTCOME FOCUSED GUIDELINES\n"
        "(PROVIDE A DESCRIPTION)\n"
        "[ X ] ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
    )
    items, _ = read(body, "bracket")
    assert [(i.code, i.checked, i.description) for i in items] == [
        ("peer_reviewed_literature", True, "Smith J, Spine 2008;33:1-10. Jones, Pain 2009."),
        ("other_evidence_based", False, None),
        ("odg", True, None),
    ]
    assert body[items[0].start : items[0].end].endswith("Jones, Pain 2009.")


def test_description_after_a_trailing_x_literature_item() -> None:
    body = (
        "PEER REVIEWED NATIONALLY ACCEPTED MEDICAL LITERATURE (PROVIDE DESCRIPTION)  X\n"
        "Spine journal 2008 article on coccygeal blocks.\n"
    )
    items, _ = read(body, "trailing-x")
    assert len(items) == 1
    assert items[0].checked
    assert items[0].description == "Spine journal 2008 article on coccygeal blocks."


def test_a_marked_line_under_a_marked_short_label_is_an_item_of_its_own() -> None:
    # the literature's label lacks its ``(PROVIDE A DESCRIPTION)``; its mark closes it
    body = (
        "Peer reviewed nationally accepted medical literature          X\n"
        "Health plan medical policy                                    X\n"
        "TMF SCREENING CRITERIA MANUAL\n"
    )
    items, _ = read(body, "trailing-x")
    assert [(i.code, i.checked) for i in items] == [
        ("peer_reviewed_literature", True),
        ("other", True),
        ("tmf", False),
    ]


@pytest.mark.parametrize(
    ("body", "layout"),
    [
        ("[ X ] SOME LOCAL IRO GUIDELINE BOOK\n[  ] TMF SCREENING CRITERIA MANUAL\n", "bracket"),
        ("SOME LOCAL IRO GUIDELINE BOOK   X\nTMF SCREENING CRITERIA MANUAL\n", "trailing-x"),
        ("☒ SOME LOCAL IRO GUIDELINE BOOK\n☐ TMF SCREENING CRITERIA MANUAL\n", "glyph"),
        ("( X ) SOME LOCAL IRO GUIDELINE BOOK\n(   ) TMF SCREENING CRITERIA MANUAL\n", "paren"),
    ],
)
def test_unknown_items_get_code_other(body: str, layout: str) -> None:
    items, _ = read(body, layout)
    assert [(i.code, i.label, i.checked) for i in items] == [
        ("other", "SOME LOCAL IRO GUIDELINE BOOK", True),
        ("tmf", "TMF SCREENING CRITERIA MANUAL", False),
    ]


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("ACOEM-AMERICA COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE", "acoem"),
        ("AHCPR-AGENCY FOR HEALTHCARE RESEARCH & QUALITY GUIDELINES", "ahcpr"),
        ("PEER ERVIEWED NATIONALLY ACCEPTED MEDICAL LITERATURE", "peer_reviewed_literature"),
        ("Medical Judgment, clinical experience and expertise", "medical_judgement"),
        ("INTER QUAL CRITERIA", "interqual"),
        ("EUROPEAN GUIDELINES FOR MANAGEMENT OF CHRONIC LOW BACK PAIN", "european_low_back_pain"),
        ("TEXAS TACADA GUIDELINES", "texas_tacada"),
        ("MILLIMEN CARE GUIDELINES", "milliman"),
        # the division's forerunner, in a letter of 2005
        ("TWCC-TEXAS WORKERS' COMPENSATION COMMISSION POLICIES OR GUIDELINES", "dwc"),
        ("Texas Division of Workers' Compensation policies or guidelines", "dwc"),
        ("Physician reviewer's medical judgment and experience", "medical_judgement"),
        # the Mercy Center conference's book by its title
        (
            "Guidelines for Chiropractic Quality Assurance and Practice Parameters: Proceedings",
            "mercy_center",
        ),
        ("A PAMPHLET", None),
    ],
)
def test_identify_tolerates_the_spellings_letters_use(label: str, code: str | None) -> None:
    entry = CRITERIA_READER.identify(label)
    assert (entry.code if entry else None) == code


def test_outcome_lead_in_is_kept_apart_from_the_items() -> None:
    body = (
        "Upon independent review, the reviewer finds that the previous adverse\n"
        "determination/adverse determinations should be:\n"
        "[ X ] Upheld (Agree)\n"
        "[  ] Overturned (Disagree)\n"
        "[  ] Partially Overturned (Agree in part/Disagree in part)\n"
    )
    items, lead_in = read(body, "bracket", OUTCOME_READER)
    assert [(i.code, i.checked) for i in items] == [
        ("upheld", True),
        ("overturned", False),
        ("partially_overturned", False),
    ]
    assert lead_in[-1] == "determination/adverse determinations should be:"


def test_a_mark_repeated_on_one_item_is_counted() -> None:
    body = "ODG-OFFICIAL DISABILITY GUIDELINES  X\n   X\n"
    items, _ = read(body, "trailing-x")
    assert [(i.code, i.marks) for i in items] == [("odg", 2)]


@pytest.mark.parametrize("name", ["000_65013c76c88f94b8", "004_4475ce78ad411086"])
def test_sample_checklists_list_every_code_in_order(name: str) -> None:
    decision = iroparse.parse((GOLDEN / f"{name}.txt").read_text(encoding="utf-8"))
    assert tuple(c.code for c in decision.criteria) == CRITERIA_CODES
    assert decision.checked_criteria == ("medical_judgement", "odg")
    assert all(c.description is None for c in decision.criteria)


@pytest.mark.parametrize(
    ("old", "new", "outcome"),
    [
        ("Upheld    (Agree)   X", "Upheld    (Agree)\n\n   X", "upheld"),
        ("Upheld    (Agree)   X", "Upheld    (Agree)\tx", "upheld"),
        (
            "Upheld    (Agree)   X    \n \nOverturned   (Disagree)",
            "Upheld    (Agree)\nOverturned   (Disagree)   X",
            "overturned",
        ),
    ],
)
def test_trailing_x_outcome_marks(old: str, new: str, outcome: str) -> None:
    text = (GOLDEN / "000_65013c76c88f94b8.txt").read_text(encoding="utf-8")
    assert old in text
    decision = iroparse.parse(text.replace(old, new))
    assert decision.outcome.value == outcome
    assert decision.layout == "trailing-x"


@pytest.mark.parametrize(
    ("layout", "checked", "unchecked"), [("glyph", "☒", "☐"), ("bracket", "[X]", "[ ]")]
)
def test_an_unmarked_line_naming_an_unread_item_starts_a_new_unchecked_item(
    layout: str, checked: str, unchecked: str
) -> None:
    body = (
        f"{checked} ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
        "INTERQUAL CRITERIA\n"
        f"{unchecked} MILLIMAN CARE GUIDELINES\n"
    )
    items, _ = read(body, layout)
    assert [(i.code, i.checked) for i in items] == [
        ("odg", True),
        ("interqual", False),
        ("milliman", False),
    ]


def test_criteria_ticked_only_where_checked_under_bracket_outcome_boxes() -> None:
    """The letter's layout (bracket, from ``[√]``) finds no mark among the criteria: the
    checklist is read with the layout that sees its ticks, unticked lines unchecked."""
    text = BRACKET.read_text(encoding="utf-8")
    ticked = regex.sub(r"(?m)^\[ *X *\] ?(?=[A-Z][A-Z])", "✓ ", text)
    ticked = regex.sub(r"(?m)^\[ *\] ?(?=[A-Z][A-Z])", "", ticked)
    ticked = ticked.replace("[ X ] Upheld", "[√] Upheld")
    before, after = iroparse.parse(text), iroparse.parse(ticked)
    assert "✓ " in ticked and after.outcome is before.outcome
    assert [(c.code, c.checked) for c in after.criteria] == [
        (c.code, c.checked) for c in before.criteria
    ]


def test_an_alias_wrapped_before_the_canonical_label_ends_is_one_item() -> None:
    body = (
        "MCG (FORMERLY MILLIMAN CARE\n"
        "GUIDELINES)                                                           Yes\n"
        "ODG-OFFICIAL DISABILITY GUIDELINES\n"
        "& TREATMENT GUIDELINES                                                No\n"
    )
    items, _ = read(body, "yesno")
    assert [(i.code, i.checked) for i in items] == [("milliman", True), ("odg", False)]


def test_a_lone_trailing_mark_belongs_to_the_item_above_when_marks_follow_labels() -> None:
    body = (
        "MEDICAL JUDGMENT, CLINICAL EXPERIENCE, AND EXPERTISE IN ACCORDANCE WITH ACCEPTED\n"
        "MEDICAL STANDARDS\n"
        "\n"
        "                                                                  ✓\n"
        "MERCY CENTER CONSENSUS CONFERENCE GUIDELINES                      ✓\n"
        "MILLIMAN CARE GUIDELINES\n"
    )
    items, _ = read(body, "glyph")
    assert [(i.code, i.checked) for i in items] == [
        ("medical_judgement", True),
        ("mercy_center", True),
        ("milliman", False),
    ]


def test_the_only_mark_alone_far_right_belongs_to_the_item_above() -> None:
    body = (
        "INTERQUAL CRITERIA\n\n"
        "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH ACCEPTED\n\n"
        "MEDICAL STANDARDS\n\n\n"
        "                                                                  ✓\n\n"
        "MERCY CENTER CONSENSUS CONFERENCE GUIDELINES\n"
    )
    items, _ = read(body, "glyph")
    assert [(i.code, i.checked) for i in items] == [
        ("interqual", False),
        ("medical_judgement", True),
        ("mercy_center", False),
    ]


def _with_criteria(lines: str) -> iroparse.Decision:
    """The bracket sample with its criteria checklist replaced by ``lines``."""
    text = BRACKET.read_text(encoding="utf-8")
    head, _, _ = text.partition("[  ] ACOEM-AMERICA")
    return iroparse.parse(head + lines)


def test_the_whole_form_printed_without_a_mark_stays_unchecked() -> None:
    """Fifteen items and no mark: the form's marks were lost, no source is read as used."""
    form = "\n".join(entry.label for entry in CRITERIA) + "\n"
    decision = _with_criteria(form)
    assert len(decision.criteria) == len(CRITERIA)
    assert not any(c.checked for c in decision.criteria)
    assert "criteria-none-checked" in {d.code for d in decision.diagnostics}


def test_a_bibliography_under_a_sentence_lists_no_criteria() -> None:
    decision = _with_criteria(
        "The reviewer relied on the following sources, together with medical judgement:\n"
        "\n"
        "- National Comprehensive Cancer Network. NCCN Clinical Practice Guidelines in\n"
        "Oncology: Prostate Cancer. Version 1.2021.\n"
        "- MCG Health, Ambulatory Care, 25th edition: Proton Beam Radiation Therapy.\n"
    )
    assert decision.criteria == ()


def test_a_heading_known_after_two_lines_goes_on_with_its_third() -> None:
    """``... OR OTHER CLINICAL BASIS`` is the criteria's heading already; the next line,
    ``USED TO MAKE THE DECISION:``, is its own end, not a heading of its own."""
    text = BRACKET.read_text(encoding="utf-8")
    wrapped = text.replace(
        "A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL \n"
        "BASIS USED TO MAKE THE DECISION \n\n \n",
        "A DESCRIPTION AND THE SOURCE OF THE\nSCREENING CRITERIA OR OTHER CLINICAL BASIS\n"
        "USED TO MAKE THE DECISION:\n",
    )
    assert wrapped != text
    decision = iroparse.parse(wrapped)
    assert [s.kind for s in decision.sections].count("criteria") == 1
    assert [(c.code, c.checked) for c in decision.criteria] == [
        (c.code, c.checked) for c in iroparse.parse(text).criteria
    ]


def test_clinical_basis_and_screening_criteria_named_the_other_way_round() -> None:
    text = BRACKET.read_text(encoding="utf-8")
    renamed = text.replace(
        "A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL \n"
        "BASIS USED TO MAKE THE DECISION \n",
        "Clinical basis / screening criteria used to make the decision:\n",
    )
    assert renamed != text
    assert [s.kind for s in iroparse.parse(renamed).sections].count("criteria") == 1


SOURCES_USED = {
    "lines without marks": (
        "ODG - Official Disability Guidelines, Neck and Upper Back Chapter\n"
        "Medical judgment, clinical experience and expertise in accordance with accepted\n"
        "medical standards\n"
        "ACOEM Occupational Medicine Practice Guidelines, 2nd Edition, Chapter 12\n",
        [("odg", True), ("medical_judgement", True), ("acoem", True)],
    ),
    "bullets": (
        "   -  InterQual Behavioral Health Criteria, Child and Adolescent Psychiatry (2000\n"
        "      edition)\n"
        "   -  Peer reviewed literature: American Academy of Child and Adolescent\n"
        "      Psychiatry, Practice parameter for the assessment and treatment of children\n"
        "   -  The reviewer's clinical judgment and experience\n",
        [("interqual", True), ("peer_reviewed_literature", True), ("medical_judgement", True)],
    ),
    # a line after one ended by a semicolon runs on: it names no source of its own
    "a line running on after a semicolon": (
        "ODG - Official Disability Guidelines, Knee & Leg chapter: Continuous-flow cryotherapy;\n"
        "Game Ready accelerated recovery system; Venous thrombosis\n"
        "MCG (Milliman Care Guidelines), 27th edition\n"
        "Medical judgment, clinical experience and expertise in accordance with accepted medical\n"
        "standards\n",
        [("odg", True), ("milliman", True), ("medical_judgement", True)],
    ),
    # a bullet naming a source outside the catalogue is ``other``
    "a bullet outside the catalogue": (
        "* NIH Consensus Development Conference Statement: Gastrointestinal Surgery for\n"
        "Severe Obesity, March 25-27, 1991\n"
        "* Peer-reviewed medical literature, as cited in Section V\n"
        "* The reviewer's clinical experience and expertise in bariatric surgery\n",
        [("other", True), ("peer_reviewed_literature", True), ("medical_judgement", True)],
    ),
    # a journal article cited alone among them is the peer-reviewed literature
    "a bullet citing a journal article": (
        "   - ACOEM Occupational Medicine Practice Guidelines, 2nd Edition (2004), Chapter 5\n"
        "   - TWCC 1996 Medical Fee Guideline, Medicine Ground Rules (work hardening)\n"
        "   - Schonstein E, Kenny DT, Keating J, Koes BW. Work conditioning, work hardening and\n"
        "     functional restoration. Cochrane Database Syst Rev 2003;(1):CD001822.\n",
        [("acoem", True), ("dwc", True), ("peer_reviewed_literature", True)],
    ),
    # and the reviewer's experience on a line of its own is medical judgement
    "a line naming the reviewer's experience": (
        "InterQual Imaging Criteria, 2012\n"
        "The reviewer's clinical experience and medical judgment\n"
        "MCG Health Care Guidelines, 16th edition\n",
        [("interqual", True), ("medical_judgement", True), ("milliman", True)],
    ),
}


@pytest.mark.parametrize("name", SOURCES_USED)
def test_a_few_sources_listed_without_marks_are_the_sources_used(name: str) -> None:
    lines, expected = SOURCES_USED[name]
    decision = _with_criteria(lines)
    assert [(c.code, c.checked) for c in decision.criteria] == expected
    assert "criteria-listed-as-used" in {d.code for d in decision.diagnostics}
