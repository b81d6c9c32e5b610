"""Shapes the second set of letters written by hand brought (headings written with words left
out or in lower case, a case number repeated as a page's reference, codes with modifiers,
dated and comma-wrapped list items, appeal-rights headings, criteria named in a sentence).
Each test fails on the code before these fixes."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import iroparse
from iroparse._fields.codes import cpt_codes
from iroparse._pipeline.furniture import DEFAULT_FURNITURE
from test_furniture import scored

INLINE = Path(__file__).resolve().parents[1] / "examples" / "letters" / "inline_sample.txt"
SAMPLE = INLINE.read_text(encoding="utf-8")
QUALIFICATIONS = (
    "A DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER HEALTH CARE PROVIDER WHO\n"
    "REVIEWED THE DECISION:\n"
)
CRITERIA = (
    "A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS USED TO MAKE"
    "\nTHE DECISION:\n"
)


def _with_checklist(body: str) -> iroparse.Decision:
    """The sample parsed with ``body`` as its screening-criteria section."""
    return iroparse.parse(SAMPLE[: SAMPLE.index(CRITERIA)] + CRITERIA + body)


def _checked(body: str) -> list[tuple[str, bool]]:
    """``(code, checked)`` of each criterion the sample gives with ``body`` as its
    screening-criteria section."""
    return [(c.code, c.checked) for c in _with_checklist(body).criteria]


def _records(body: str) -> list[str]:
    """The records the sample gives with ``body`` as its records section."""
    heading = "INFORMATION PROVIDED TO THE IRO FOR REVIEW:"
    return list(scored(_replace_section(SAMPLE, heading, body))["information"])


def _with_box(box: str) -> str:
    """The sample with ``box`` in place of its date and case-number sections."""
    dates = "DATE NOTICE SENT TO ALL PARTIES:\nDecember 2, 2015\n\nIRO CASE #:\nxxxxx\n"
    return SAMPLE.replace(dates, box)


def _replace_section(text: str, heading: str, body: str) -> str:
    """``text`` with the section under ``heading`` holding ``body`` instead (to the next blank
    line, or to the end)."""
    start = text.index(heading) + len(heading)
    end = text.find("\n\n", start)
    return text[:start] + body + (text[end:] if end >= 0 else "\n")


def test_a_conflict_statement_wrapped_before_its_key_words_is_no_qualification() -> None:
    statement = (
        "\nThe reviewer has signed a certification statement stating that no known\n"
        "conflicts of interest exist between the reviewer and any of the treating\n"
        "doctors or providers who reviewed the case.\n"
    )
    at = SAMPLE.index("twenty years, with a special interest")
    end = SAMPLE.index("\n", at) + 1
    text = SAMPLE[:end] + statement + SAMPLE[end:]
    qualifications = iroparse.parse(text).reviewer_qualifications
    assert [q.text for q in qualifications] == [
        q.text for q in iroparse.parse(SAMPLE).reviewer_qualifications
    ]


def test_a_conflict_statement_closing_a_list_of_qualifications_is_none() -> None:
    listed = (
        "\nBoard Certified in Anesthesiology with subspecialty certification in Pain Medicine\n"
        "Texas licensed since 2001; active interventional pain practice\n"
        "The reviewer has no known conflicts of interest with any party to this review.\n"
    )
    text = _replace_section(SAMPLE, QUALIFICATIONS.rstrip("\n"), listed)
    assert [q.text for q in iroparse.parse(text).reviewer_qualifications] == [
        "Board Certified in Anesthesiology with subspecialty certification in Pain Medicine",
        "Texas licensed since 2001; active interventional pain practice",
    ]


def test_a_capitalized_line_going_on_after_a_comma_is_prose_not_a_stamp() -> None:
    prose = (
        "\nThe reviewer is certified by the American Board of Internal\n"
        "Medicine in Internal Medicine and Pulmonary Disease, holds\n"
        "subspecialty certification in Sleep Medicine, and has been in\n"
        "active practice for 14 years.\n"
    )
    text = _replace_section(SAMPLE, QUALIFICATIONS.rstrip("\n"), prose)
    assert [q.text for q in iroparse.parse(text).reviewer_qualifications] == [
        " ".join(prose.split())
    ]


#: The outcome section's lead-in, before its boxes or rows.
LEAD_IN = (
    "\nUpon independent review, the reviewer finds that the previous adverse determination"
    " should be:\n\n"
)


def _outcome_with(rows: str) -> str:
    """The outcome the sample gives with ``rows`` after the lead-in as its outcome section,
    the analysis's own decision words taken out (so only the rows can decide)."""
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", LEAD_IN + rows)
    text = text.replace("upheld", "decided").replace("overturned", "decided")
    return iroparse.parse(text).outcome.value


def test_a_long_heading_with_words_left_out_is_still_its_section() -> None:
    text = SAMPLE.replace(
        QUALIFICATIONS,
        "DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN WHO REVIEWED THE DECISION:\n",
    )
    decision = iroparse.parse(text)
    assert [s.kind for s in decision.sections].count("reviewer_qualifications") == 1
    assert scored(text)["qualifications"] == scored(SAMPLE)["qualifications"]


def test_a_lower_case_value_heading_under_a_lower_case_title_is_a_heading() -> None:
    text = SAMPLE.replace(
        "NOTICE OF INDEPENDENT REVIEW DECISION - WORKERS' COMPENSATION\n\n"
        "DATE NOTICE SENT TO ALL PARTIES:\nDecember 2, 2015\n",
        "notice of independent review decision\ndate of review: 01/09/2017\n",
    )
    assert str(iroparse.parse(text).review_date) == "2017-01-09"


def test_a_short_line_repeating_the_case_number_beside_page_furniture_is_noise() -> None:
    text = SAMPLE.replace("IRO CASE #:\nxxxxx", "IRO CASE #:\n16-09-4471")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    noisy = "\n".join([*lines[:at], "Page 1 of 2", "\f", "Case 16-09-4471", "", *lines[at:]])
    assert scored(noisy)["history"] == scored(text)["history"]
    assert iroparse.parse(noisy).case_number == "16-09-4471"


def test_codes_with_modifiers_are_read_whole() -> None:
    assert cpt_codes("Power wheelchair E0784-NU and prosthetic socket L5856-LT-KX") == (
        "E0784",
        "L5856",
    )


def test_a_bulleted_service_that_opens_with_its_code_is_a_service_of_its_own() -> None:
    body = (
        "\n• 97153 Adaptive behavior treatment by protocol, 20 hours per week\n"
        "• 97155 Adaptive behavior treatment with protocol modification, 4 hours per week\n"
        "CPT 97156\n"
    )
    heading = "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:"
    services = scored(_replace_section(SAMPLE, heading, body))["services"]
    assert services == [
        "97153 Adaptive behavior treatment by protocol, 20 hours per week",
        "97155 Adaptive behavior treatment with protocol modification, 4 hours per week CPT 97156",
    ]


def test_a_services_code_in_brackets_on_the_next_line_is_its_own() -> None:
    body = "\nMRI of the cervical spine without contrast\n(CPT 72141)\n"
    heading = "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:"
    services = scored(_replace_section(SAMPLE, heading, body))["services"]
    assert services == ["MRI of the cervical spine without contrast (CPT 72141)"]


def test_the_type_of_review_in_a_label_column_is_a_label_of_its_own() -> None:
    """``Type of Review    Workers' Compensation - Preauthorization`` over ``Services in
    Dispute    MRI ...`` in a column of labels: the type is no part of the services."""
    rule = "  " + "-" * 84
    rows = [
        ("Date of Review", "04/17/2014"),
        ("Date Notice Sent to All Parties", "04/18/2014"),
        ("IRO Case Number", "PIR-14-00871"),
        ("Type of Review", "Workers' Compensation - Preauthorization"),
        ("Services in Dispute", "MRI of the cervical spine without contrast"),
        ("", "(CPT 72141)"),
        None,
        ("Qualifications of the Reviewer", "Board Certified, American Board of Orthopaedic"),
        ("", "Surgery"),
        ("", "Fellowship trained in spine surgery"),
        ("", "More than 15 years of clinical practice in the"),
        ("", "evaluation and surgical and non-surgical treatment"),
        ("", "of cervical spine disorders"),
    ]
    box = [f"  {row[0]:<34}{row[1]}" if row else rule for row in rows]
    top = "\n".join(["NOTICE OF INDEPENDENT REVIEW DECISION", "", rule, *box, rule, "", ""])
    decision = iroparse.parse(top + SAMPLE[SAMPLE.index("REVIEW OUTCOME:") :])
    assert [s.text for s in decision.services] == [
        "MRI of the cervical spine without contrast (CPT 72141)"
    ]
    assert decision.review_type is not None and decision.review_type.value == "prospective"


def test_records_each_opening_with_a_date_are_items_of_their_own() -> None:
    body = (
        "\n06/03/2024 Office visit with the treating orthopedic surgeon, who recommends a right"
        " knee\n"
        "06/05/2024 MRI of the right knee\n"
        "06/12/2024 Utilization review determination\n"
    )
    assert len(_records(body)) == 3


def test_a_phrase_cut_at_the_width_goes_on_after_a_comma() -> None:
    body = (
        "\nBoard certified by the American Board of Physical Medicine and Rehabilitation\n"
        "Board Certified by the American Board of Anesthesiology, Subspecialty Certification"
        " in Pain\n"
        "Medicine, in practice since 2001\n"
        "Licensed in Texas\n"
    )
    qualifications = scored(_replace_section(SAMPLE, QUALIFICATIONS, body))["qualifications"]
    assert qualifications[-2].endswith("Certification in Pain Medicine, in practice since 2001")
    assert qualifications[-1] == "Licensed in Texas"


def test_appeal_rights_headings_end_the_analysis() -> None:
    text = SAMPLE.replace(
        CRITERIA,
        "NOTICE OF RIGHT TO APPEAL:\nYou may appeal this decision within 45 days.\n\n" + CRITERIA,
    )
    sections = {s.kind: s for s in iroparse.parse(text).sections}
    assert "appeal" not in (iroparse.parse(text).analysis or "")
    assert "other" in sections


def test_guidelines_named_in_a_sentence_are_no_checklist() -> None:
    prose = _with_checklist(
        "Official Disability Guidelines, Knee and Leg chapter, Meniscectomy, 2013.\n"
    )
    assert prose.criteria == ()
    # a catalogue's label alone, no mark: the source used (a few sources listed without marks
    # are the sources used, see test_checklist.py)
    bare = _with_checklist("ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n")
    assert [(c.code, c.checked) for c in bare.criteria] == [("odg", True)]
    # a sentence that goes on with an item's words on its next line cites it
    cited = _with_checklist(
        "The reviewer relied on the Official Disability Guidelines, Pain chapter, and on\n"
        "medical judgment, clinical experience and expertise in accordance with accepted medical\n"
        "standards.\n"
    )
    assert cited.criteria == ()


def test_a_company_name_beside_its_page_number_goes_as_one_running_header() -> None:
    at = SAMPLE.index("PATIENT CLINICAL HISTORY")
    noisy = SAMPLE[:at] + "Panhandle Medical Review Co.          Page 1 of 2\n\f" + SAMPLE[at:]
    assert scored(noisy) == scored(SAMPLE)


FOOTER_SHAPES = [
    "Jul 14 2021 02:32PM     CTX REVIEW PARTNERS     5125550193          p.1",
    "Sep. 16. 2014  2:41PM     Gulf Coast IRO     No. 4417    P. 2",
    "From: 8175550166 Page: 3/4 Date: 6/19/2020 8:51:14 AM",
    "Brazos Peer Review Group | page 3 of 3",
    "Alamo IRO Services / 104418 / pg 1 of 2",
    "CRG-0514-3306                          page 1 of 2",
    "IRO Notice 04/18/2018 p. 2",
    "PMRO 11/30/2015                        1/3",
    "MIR-HP-1 (Rev. 03/2021)      Confidential          1/2",
    "1 | P a g e",
    "RECEIVED MAR 26 2007",
    "ALPR Decision Notice, continued",
    "RGIR • 1",
    "PWRC-18-4471          Confidential          1 of 3",
    "Chisos Peer Review Partners  |  Our Ref. CPR-16-2290  |  Notice of Decision (cont.)",
    "(2)",
    "~ 3 ~",
    "RE: IRO Case #HCR-08-5521                                           Page -2-",
    "Acrobat Sign Transaction ID: CBJCHBCAABAA3kq9WvT0pZr6mXyL2eBq8dN1sFhU4oAj",
    "CLRS-HP Form 7 (rev. 06/2015)",
    "- Neches Health Review Partners | NHRP-22-1108 | Page 1 of 3 -",
    "Paluxy Review Associates - IRO Decision (page 2 of 3)",
    "COPY - ORIGINAL MAILED 06/03/2011",
]
NOT_FOOTERS = [
    "the records reviewed, as stated on page 2",
    "The medication was continued",
    "INTERQUAL CRITERIA                        CONFIDENTIAL",
    "He was seen on 01/02/2013 and again on 2/3",
    "Take 1 tablet • 2",
    "0",  # an empty box as text recognition reads it
    "- the patient was seen -",
    "He was seen twice (see page 2 of 3)",
]


def test_footer_shapes_are_furniture_wherever_they_stand() -> None:
    assert [line for line in FOOTER_SHAPES if DEFAULT_FURNITURE.noise_kind(line) is None] == []
    assert [line for line in NOT_FOOTERS if DEFAULT_FURNITURE.noise_kind(line) is not None] == []


def test_a_running_footer_that_differs_only_by_its_page_number_is_furniture() -> None:
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    footer = "Form 7 Notice v4.2 (01/2024)" + " " * 40
    noisy = "\n".join([*lines[:at], "", footer + "1", "\f" + lines[at], *lines[at + 1 :]])
    noisy += "\n\n" + footer + "2\n"
    assert scored(noisy) == scored(SAMPLE)


def _outcome_said(sentence: str) -> str:
    """The outcome of the sample with its REVIEW OUTCOME section saying ``sentence``."""
    body = "\n" + sentence + "\n"
    return iroparse.parse(_replace_section(SAMPLE, "REVIEW OUTCOME:", body)).outcome.value


def test_the_review_outcome_section_says_the_decision_before_the_analysis() -> None:
    # the sample's analysis reads as overturned ("I disagree with the prior denials")
    assert _outcome_said("The reviewer agrees with the previous adverse determination.") == (
        "upheld"
    )
    assert _outcome_said(
        "The reviewer agrees in part and disagrees in part with the previous adverse determination."
    ) == ("partially_overturned")
    agrees = SAMPLE.replace("I disagree with the prior denials.", "The denial was reasonable.")
    text = _replace_section(
        agrees,
        "REVIEW OUTCOME:",
        "\nThe reviewer disagrees with the previous adverse determination.\n",
    )
    assert iroparse.parse(text).outcome.value == "overturned"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("VIII. ANALYSIS", "analysis"),
        ("Clinical basis:", "criteria"),
        ("CRITERIA USED:", "criteria"),
        ("Qualifications of the Physician Reviewer:", "reviewer_qualifications"),
        ("Clinical Summary:", "clinical_history"),
        ("CASE SUMMARY", "clinical_history"),
        ("DETERMINATION:", "review_outcome"),
    ],
)
def test_short_headings_of_house_styles_open_their_sections(heading: str, kind: str) -> None:
    text = SAMPLE.replace("PATIENT CLINICAL HISTORY SUMMARY:", heading)
    at = text.index(heading)
    sections = iroparse.parse(text).sections
    assert [s.kind for s in sections if at <= s.start < at + len(heading)] == [kind]


def test_a_title_case_item_between_dot_leader_lines_is_an_item() -> None:
    body = (
        "\nInterQual Criteria ............................................... No\n"
        "Medical Judgement, Clinical Experience and Expertise in Accordance\n"
        "with Accepted Medical Standards .................................. Yes\n"
        "Milliman Care Guidelines ......................................... No\n"
    )
    criteria = _with_checklist(body).criteria
    assert [(c.code, c.checked) for c in criteria] == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
    ]


def test_a_relative_s_age_at_diagnosis_is_not_the_patient_s() -> None:
    text = SAMPLE.replace("xx-year-old woman", "woman").replace(
        "She has medial", "Her mother had breast cancer at age 44. She has medial"
    )
    assert iroparse.parse(text).patient.age is None


def test_a_case_number_beside_another_column_is_the_number_alone() -> None:
    text = SAMPLE.replace(
        "IRO CASE #:\nxxxxx", "IRO CASE #: 2023-0418-0097          Review Type: Preauthorization"
    )
    assert iroparse.parse(text).case_number == "2023-0418-0097"


def test_a_paragraph_of_sentences_is_one_qualification() -> None:
    body = (
        "\nThe reviewer is a physician board certified by the American Board of Pediatrics in\n"
        "Pediatrics and in Pediatric Endocrinology who has been in clinical practice for 16"
        " years.\n"
        "The reviewer evaluates children with growth disorders and prescribes growth hormone.\n"
    )
    assert len(scored(_replace_section(SAMPLE, QUALIFICATIONS, body))["qualifications"]) == 1


def test_a_sentence_then_a_wrapped_sentence_is_one_qualification() -> None:
    # the first line leaves room for the next one's first word (the letter's widest line is a
    # fax banner), but the next sentence wraps mid-sentence as a paragraph's lines do
    body = (
        "\nThe independent review was performed by a matched peer of the treating provider.\n"
        "This case was reviewed by a Doctor of Chiropractic licensed in Texas who is on the\n"
        "Approved Doctor List and has been in active clinical practice since 1988.\n"
    )
    banner = "03/14/2003 16:22 FAX 903 555 0142        CADDO LAKE REVIEW            @002/005"
    text = banner + "\n" + _replace_section(SAMPLE, QUALIFICATIONS, body)
    assert len(scored(text)["qualifications"]) == 1
    one_per_line = body.replace(" who is on the\n", ".\n").replace("Approved Doctor", "On the")
    text = banner + "\n" + _replace_section(SAMPLE, QUALIFICATIONS, one_per_line)
    assert len(scored(text)["qualifications"]) == 3


def test_a_specialtys_name_cut_at_the_line_end_goes_on_in_its_item() -> None:
    # ``... American Board of Physical`` / ``Medicine and Rehabilitation; ...``: in a letter
    # whose widest lines (a table's) leave room for the next word, the name still runs on
    body = (
        "\nBoard certified in Physical Medicine and Rehabilitation, American Board of Physical\n"
        "Medicine and Rehabilitation; 16 years of practice, including service as medical director"
        " of an\ninpatient rehabilitation unit.\n"
    )
    row = "| Rehabilitation facility stay, continued       | 03/12/2021 - 03/16/2021 | Upheld    |"
    text = _replace_section(SAMPLE, QUALIFICATIONS, body) + f"\n{row}\n{row}\n{row}\n"
    assert len(scored(text)["qualifications"]) == 1


def test_labels_over_groups_of_records_are_no_records() -> None:
    body = (
        "\nFROM THE RESPONDENT:\nUtilization review determination, 04/03/2014\n"
        "FROM THE REQUESTOR:\nOffice notes, Dr., 09/10/2013 through 03/25/2014\n"
    )
    assert _records(body) == [
        "Utilization review determination, 04/03/2014",
        "Office notes, Dr., 09/10/2013 through 03/25/2014",
    ]


@pytest.mark.parametrize(
    "label", ["From the requestor (Dr. ):", "From the requesting provider, M.D.:"]
)
def test_a_groups_label_with_an_abbreviations_full_stop_is_no_record(label: str) -> None:
    body = (
        "\nFrom the carrier:\nUtilization review determination, 04/03/2014\n"
        f"{label}\nOffice notes, 09/10/2013 through 03/25/2014\n"
    )
    assert _records(body) == [
        "Utilization review determination, 04/03/2014",
        "Office notes, 09/10/2013 through 03/25/2014",
    ]


def test_a_suspended_hyphen_at_a_line_end_keeps_its_space() -> None:
    text = SAMPLE.replace(
        "An MRI of the right knee shows",
        "Trials that compared the treatments in younger and older men at low-\nand"
        " intermediate-risk found no difference. An MRI of the right knee shows",
    )
    assert "at low- and intermediate-risk" in (iroparse.parse(text).clinical_history or "")


def test_a_sentence_that_opens_like_a_criterion_is_no_checklist() -> None:
    body = (
        "Medical judgment, clinical experience and expertise in accordance with accepted medical\n"
        "standards. American Headache Society position statement, Headache 2019.\n"
    )
    assert _with_checklist(body).criteria == ()


def test_marks_under_a_yes_and_a_no_column_are_read_as_those_answers() -> None:
    outcome = (
        "\nUpon independent review the reviewer finds that the previous adverse determination"
        " should be:\n\n"
        "                                                    YES     NO\n"
        "Upheld (Agree)                                                X\n"
        "Overturned (Disagree)                                 X\n"
        "Partially Overturned (Agree in part/Disagree in part)         X\n"
    )
    criteria = (
        "                                                    YES     NO\n"
        "INTERQUAL CRITERIA                                            X\n"
        "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN\n"
        "ACCORDANCE WITH ACCEPTED MEDICAL STANDARDS             X\n"
        "MILLIMAN CARE GUIDELINES                                      X\n"
    )
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", outcome)
    decision = iroparse.parse(text[: text.index(CRITERIA)] + CRITERIA + criteria)
    assert decision.outcome.value == "overturned"
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
    ]
    assert "column-header" in " ".join(d.message for d in decision.diagnostics)


@pytest.mark.parametrize("header", ["USED?", "Used", "Applied (Y/N)", "Yes/No"])
def test_a_criteria_heading_over_a_single_column_of_answers(header: str) -> None:
    """``SCREENING CRITERIA / CLINICAL BASIS USED      USED?`` after the analysis, each row
    answered ``Yes`` or ``No`` in that one column: the heading opens the criteria."""
    criteria = (
        f"\n{'SCREENING CRITERIA / CLINICAL BASIS USED':<70}{header}\n\n"
        f"{'  InterQual Criteria':<70}No\n"
        f"{'  Medical judgement, clinical experience and expertise':<70}Yes\n"
        f"{'  Milliman Care Guidelines':<70}No\n"
    )
    decision = iroparse.parse(SAMPLE[: SAMPLE.index(CRITERIA)] + criteria)
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
    ]
    assert decision.analysis is not None and "InterQual" not in decision.analysis


def test_a_mark_one_blank_after_a_label_that_reaches_the_yes_column() -> None:
    """A long label runs up to the answers' columns, its mark one blank after it: the mark
    stands under ``YES``, so the row is answered; a label's own last ``X`` elsewhere is not."""
    criteria = (
        "                                                            YES     NO\n"
        "EUROPEAN GUIDELINES FOR MANAGEMENT OF CHRONIC LOW BACK PAIN X\n"
        "INTERQUAL CRITERIA                                                   X\n"
        "MILLIMAN CARE GUIDELINES                                     X\n"
    )
    text = SAMPLE[: SAMPLE.index(CRITERIA)] + CRITERIA + criteria
    assert [(c.code, c.checked) for c in iroparse.parse(text).criteria] == [
        ("european_low_back_pain", True),
        ("interqual", False),
        ("milliman", True),
    ]


def test_a_checklist_for_each_service_under_the_services_yes_no_header() -> None:
    """``Service 1 - Speech-language therapy (92507)      Yes   No``: the service's name
    heads its checklist's columns, and each checklist is read under its own header."""
    criteria = "\n"
    for n, service in ((1, "Speech-language therapy (92507)"), (2, "Occupational therapy")):
        criteria += (
            f"{f'  Service {n} - {service}':<68}Yes   No\n"
            f"{'    InterQual Criteria':<74}X\n"
            f"{'    Medical Judgement, Clinical Experience and Expertise in':<68}X\n"
            "    Accordance with Accepted Medical Standards\n\n"
        )
    assert _checked(criteria) == [
        ("interqual", False),
        ("medical_judgement", True),
        ("interqual", False),
        ("medical_judgement", True),
    ]


def test_a_mark_right_after_a_label_that_reaches_the_yes_column() -> None:
    """No blank at all between a label's last word in lower case and its mark under ``Yes``
    (``... in AccordanceX``): still the row's answer."""
    criteria = (
        f"{'':<62}Yes       No\n"
        f"{'Interqual Criteria':<72}X\n"
        "Medical Judgement, Clinical Experience & Expertise in AccordanceX\n"
        "     with Accepted Medical Standards\n"
        f"{'ODG-Official Disability Guidelines & Treatment Guidelines':<62}X\n"
    )
    text = SAMPLE[: SAMPLE.index(CRITERIA)] + CRITERIA + criteria
    assert [(c.code, c.checked) for c in iroparse.parse(text).criteria] == [
        ("interqual", False),
        ("medical_judgement", True),
        ("odg", True),
    ]


def test_a_box_under_each_of_yes_and_no_before_the_label_answers_the_row() -> None:
    criteria = (
        "\n  Yes    No\n"
        "  (   )  ( X )   InterQual Criteria\n"
        "  ( X )  (   )   Medical Judgement, Clinical Experience & Expertise in\n"
        "                 Accordance with Accepted Medical Standards\n"
        "  (   )  ( X )   Milliman Care Guidelines\n"
    )
    text = SAMPLE[: SAMPLE.index(CRITERIA)] + CRITERIA + criteria
    assert [(c.code, c.checked) for c in iroparse.parse(text).criteria] == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
    ]


def test_marks_under_yes_and_no_columns_left_of_the_labels() -> None:
    outcome = (
        "\nUpon independent review the reviewer finds that the previous adverse determination"
        " should be:\n\n"
        "   YES    NO\n"
        "    X           Upheld (Agree)\n"
        "          X     Overturned (Disagree)\n"
        "          X     Partially Overturned (Agree in part/Disagree in part)\n"
    )
    criteria = (
        "   YES    NO\n"
        "          X     INTERQUAL CRITERIA\n"
        "    X           MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN\n"
        "                ACCORDANCE WITH ACCEPTED MEDICAL STANDARDS\n"
        "          X     MILLIMAN CARE GUIDELINES\n"
    )
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", outcome)
    decision = iroparse.parse(text[: text.index(CRITERIA)] + CRITERIA + criteria)
    assert decision.outcome.value == "upheld"
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
    ]


def test_a_list_s_lead_in_sentence_is_no_record() -> None:
    body = (
        "\nThe following records were received and reviewed:\n"
        "1) Notice of case assignment, 08/24/2016\n"
        "2) Lumbar MRI, 04/05/2016\n"
    )
    assert _records(body) == [
        "Notice of case assignment, 08/24/2016",
        "Lumbar MRI, 04/05/2016",
    ]


def test_a_heading_spaced_raggedly_is_not_cut_at_its_own_gaps() -> None:
    analysis = (
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND"
        " CONCLUSIONS\nUSED TO SUPPORT THE DECISION:"
    )
    ragged = (
        "ANALYSIS  AND  EXPLANATION  OF  THE  DECISION  INCLUDING  CLINICAL  BASIS,  FINDINGS,\n"
        "AND  CONCLUSIONS  USED  TO  SUPPORT  THE  DECISION:"
    )
    assert scored(SAMPLE.replace(analysis, ragged)) == scored(SAMPLE)


def test_a_records_table_s_header_and_rule_are_no_records() -> None:
    body = (
        "\n  DOCUMENT                                        DATE\n"
        "  --------------------------------------------    ----------\n"
        "  Notice of case assignment                       06/02/2008\n"
        "  MRI of the right knee                           10/03/2007\n"
    )
    assert _records(body) == [
        "Notice of case assignment 06/02/2008",
        "MRI of the right knee 10/03/2007",
    ]


def test_a_records_table_s_column_headings_are_no_record() -> None:
    body = (
        "\nRecords received from the Requestor:\n"
        "    Document Type                                       Date of Document\n"
        "    Orthopaedic clinic notes, Dr.                       01/15/2009 - 06/02/2009\n"
        "    MRI arthrogram, right shoulder                      02/09/2009\n"
        "\nRecords received from the Respondent:\n"
        "    Record                                              Dated\n"
        "    Preauthorization denial                             06/10/2009\n"
        "    Peer review report                                  05/18/2009\n"
    )
    assert _records(body) == [
        "Orthopaedic clinic notes, Dr. 01/15/2009 - 06/02/2009",
        "MRI arthrogram, right shoulder 02/09/2009",
        "Preauthorization denial 06/10/2009",
        "Peer review report 05/18/2009",
    ]


def test_a_summary_box_of_labels_over_values_gives_its_values() -> None:
    box = (
        "  Case Number:            Date of Review:        Decision:           Review Type:\n"
        "  CIMR-2023-04417         04/19/2023             Overturned          Health Plan\n"
    )
    text = _with_box(box)
    decision = iroparse.parse(text)
    assert (decision.case_number, str(decision.review_date)) == ("CIMR-2023-04417", "2023-04-19")


def test_a_blank_case_number_beside_the_date_of_review_leaves_the_date() -> None:
    box = " Case Number:                                   Date of Review:     10/07/2020\n"
    text = _with_box(box)
    decision = iroparse.parse(text)
    assert (decision.case_number, str(decision.review_date)) == (None, "2020-10-07")


@pytest.mark.parametrize(
    "row",
    [
        "Cenizo Case No. ........ CCR-2310-1187          Date of Review ......... 10/24/2023\n",
        "Cenizo Case No.:  CCR-2310-1187          Date of Review:  10/24/2023\n",
    ],
)
def test_a_house_label_beside_the_date_of_review_leaves_both(row: str) -> None:
    """The left pair's label is no heading of the catalogue (it names the house): it stays
    text, and the heading beside it is read with its value."""
    box = (
        row
        + "TDI No. ................ 2310-58340-HP          Date Sent .............. 10/25/2023\n"
    )
    title = "NOTICE OF INDEPENDENT REVIEW DECISION"  # a heading above the box
    decision = iroparse.parse(title + "\n\n" + _with_box(box).split("\n", 1)[1])
    assert (decision.case_number, str(decision.review_date)) == ("CCR-2310-1187", "2023-10-24")


def test_a_row_of_three_labelled_fields_gives_each_its_value() -> None:
    """``Patient: ...   IRO Case #: ...   Date of Review: ...``: each field after the first is
    read as a row of its own, so the case number ends where the next label starts."""
    box = (
        "Patient:      xxxxxxxxxx            IRO Case #:     BMR-1004-0318       Date of Review:"
        "   04/22/2010\n"
        "DWC #:        xxxxxxx               Date Assigned:  04/06/2010          Date of Notice:"
        "   04/23/2010\n"
    )
    title = "NOTICE OF INDEPENDENT REVIEW DECISION"
    decision = iroparse.parse(title + "\n\n" + _with_box(box).split("\n", 1)[1])
    assert (decision.case_number, str(decision.review_date)) == ("BMR-1004-0318", "2010-04-22")


def test_round_bullets_and_a_word_left_over_by_the_wrapper() -> None:
    records = "\n● Office notes dated 06/03/2024\n● MRI of the right knee dated 06/05/2024\n"
    assert _records(records) == [
        "Office notes dated 06/03/2024",
        "MRI of the right knee dated 06/05/2024",
    ]
    quals = (
        "\nBoard Certified: American Board of Anesthesiology, with Subspecialty Certification in"
        " Pain\nMedicine\nYears in practice: 21\n"
    )
    assert scored(_replace_section(SAMPLE, QUALIFICATIONS, quals))["qualifications"] == [
        "Board Certified: American Board of Anesthesiology, with Subspecialty Certification in"
        " Pain Medicine",
        "Years in practice: 21",
    ]


def test_a_services_table_beside_a_summary_box_keeps_its_columns() -> None:
    box = "  Case Number:      CIMR-2025-TX-20931                 Date of Review:   Feb 18, 2025\n"
    table = (
        "\n  Service                                               Code     Units"
        "       Determination\n"
        "  Adaptive behavior treatment by protocol,              97153    120/week    Upheld\n"
        "  administered by technician, each 15 minutes\n"
        "  Adaptive behavior treatment with protocol             97155    16/week     Overturned\n"
        "  modification, each 15 minutes\n"
        "  Family adaptive behavior treatment guidance,          97156    8/week      Overturned\n"
        "  each 15 minutes\n"
    )
    text = _with_box(box)
    text = _replace_section(text, "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:", table)
    decision = iroparse.parse(text)
    assert str(decision.review_date) == "2025-02-18"
    assert [(s.text, s.cpt_codes) for s in decision.services] == [
        (
            "Adaptive behavior treatment by protocol, administered by technician, each 15 minutes",
            ("97153",),
        ),
        ("Adaptive behavior treatment with protocol modification, each 15 minutes", ("97155",)),
        ("Family adaptive behavior treatment guidance, each 15 minutes", ("97156",)),
    ]


def test_a_form_number_beside_its_page_is_a_footer() -> None:
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Adverse determination"))
    footer = "ACRS Form TX-NOD-2 v5.0" + " " * 60 + "Page 1 of 4"
    noisy = "\n".join([*lines[: at + 1], "", footer, "\f", *lines[at + 1 :]])
    assert scored(noisy) == scored(SAMPLE)


def test_boxes_misread_by_text_recognition_are_boxes() -> None:
    criteria = (
        "| |  INTERQUAL CRITERIA\n"
        "IX]  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH ACCEPTED"
        " MEDICAL STANDARDS\n"
        "I ]  MILLIMAN CARE GUIDELINES\n"
        "|X|  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
    )
    decision = _with_checklist(criteria)
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("odg", True),
    ]
    # the section's text keeps the boxes as the letter writes them
    section = next(s for s in decision.sections if s.kind == "criteria")
    assert "IX]" in section.text and "|X|" in section.text


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (  # a closing bracket read as ``J`` or ``l``
            "[ J  INTERQUAL CRITERIA\n"
            "[Xl  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH ACCEPTED"
            " MEDICAL STANDARDS\n"
            "[ J  MILLIMAN CARE GUIDELINES\n"
            "[ ]  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", False),
            ],
        ),
        (  # glyph boxes read as ``IZI`` and ``D``
            "D INTERQUAL CRITERIA\n"
            "IZI MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH ACCEPTED"
            " MEDICAL STANDARDS\n"
            "D MILLIMAN CARE GUIDELINES\n"
            "IZI PEER REVEIWED NATIONALLY ACCEPTED MEDICAL LITERATURE (PROVIDE A DESCRIPTION)\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("peer_reviewed_literature", True),
            ],
        ),
        (  # an empty box's both sides read as ``I`` among bracketed boxes
            "[ ]  ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM"
            " KNOWLEDGEBASE\n"
            "I I  lNTERQUAL CRITERIA\n"
            "IXI  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH"
            " ACCEPTED MEDICAL STANDARDS\n"
            "I I  MILLIMAN CARE GUIDELINES\n"
            "[X]  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("acoem", False),
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # glyph boxes read as ``181`` or ``[8]`` (the cross as an 8) and ``D`` or ``0``
            "D    INTERQUAL CRITERIA\n"
            "181  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH"
            " ACCEPTED MEDICAL STANDARDS\n"
            "0    MILLIMAN CARE GUIDELINES\n"
            "[8]  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # ``181`` and a lower-case ``o`` for the empty box
            "o    INTERQUAL CRITERIA\n"
            "181  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH"
            " ACCEPTED MEDICAL STANDARDS\n"
            "o    MILLIMAN CARE GUIDELINES\n"
            "181  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # glyph boxes read as ``IZI`` and ``LJ`` (the empty box's bottom corners)
            "LJ   INTERQUAL CRITERIA\n"
            "IZI  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH"
            " ACCEPTED MEDICAL STANDARDS\n"
            "LJ   MILLIMAN CARE GUIDELINES\n"
            "IZI  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # empty boxes read as ``O`` or ``0`` among leading ``X`` marks
            "O  INTERQUAL CRITERIA\n"
            "X  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE, AND EXPERTISE IN ACCORDANCE WITH ACCEPTED\n"
            "   MEDICAL STANDARDS\n"
            "0  MILLIMAN CARE GUIDELINES\n"
            "O  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", False),
            ],
        ),
        (  # a box in parentheses with a side read as a brace or a 1
            "( ) INTERQUAL CRITERIA\n"
            "(X} MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH ACCEPTED"
            " MEDICAL STANDARDS\n"
            "( } MILLIMAN CARE GUIDELINES\n"
            "(x1 0DG- OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # an empty box in parentheses with its opening side read as ``C``
            "C )   INTERQUAL CRITERIA\n"
            "(X)   MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH\n"
            "      ACCEPTED MEDICAL STANDARDS\n"
            "C )   MILLIMAN CARE GUIDELINES\n"
            "(X)   ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # ``[`` read as ``L``; an item garbled like a stamp is still the checklist's
            "[ ]   INTERQUAL CRITERIA\n"
            "[X]   MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH\n"
            "      ACCEPTED MEDICAL STANDARDS\n"
            "[ ]   MlLLIMAN CARE GUIDELINES\n"
            "L ]   TEXAS GUlDELINES FOR CHIROPRACTIC QUALITY ASSURANCE & PRACTlCE PARAMETERS\n"
            "[X]   0DG-OFFICIAL DlSABILITY GUIDELINES & TREATMENT GUIDELlNES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("texas_chiropractic", False),
                ("odg", True),
            ],
        ),
        (  # among glyph boxes read as ``IZI`` and ``D``, bracketed ones (``[X]``, ``[_]``)
            "IZI  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH\n"
            "     ACCEPTED MEDICAL STANDARDS\n"
            "D    MERCY CENTER CONSENSUS CONFERENCE GUIDELINES\n"
            "[_] MILLIMAN CARE GUIDELINES\n"
            "[X] ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
            "D    PRESSLEY REED, THE MEDICAL DISABILITY ADVISOR\n",
            [
                ("medical_judgement", True),
                ("mercy_center", False),
                ("milliman", False),
                ("odg", True),
                ("pressley_reed", False),
            ],
        ),
        (  # glyph boxes read as ``IXI`` and ``D``
            "D  INTERQUAL CRITERIA\n"
            "IXI MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH ACCEPTED"
            " MEDICAL STANDARDS\n"
            "D  MILLIMAN CARE GUIDELINES\n"
            "IXI 0DG- 0FFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # boxes after their labels, ``[X]`` read as ``[Xl`` and ``[ ]`` as ``0``
            "INTERQUAL CRITERIA                                                  0\n"
            "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE & EXPERTISE IN ACCORDANCE\n"
            "WITH ACCEPTED MEDICAL STANDARDS                                     [Xl\n"
            "MILLIMAN CARE GUIDELINES                                            0\n"
            "ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES           [Xl\n"
            "PRESSLEY REED, THE MEDICAL DISABILITY ADVISOR                       0\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
                ("pressley_reed", False),
            ],
        ),
        (  # a cross drawn by hand inside brackets: ``[><]``
            "[  ]  INTERQUAL CRITERIA\n"
            "[><]  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH\n"
            "      ACCEPTED MEDICAL STANDARDS\n"
            "[  ]  MILLIMAN CARE GUIDELINES\n"
            "[><]  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # glyph boxes read as ``[Xl`` and ``D``
            "D   INTERQUAL CRITERIA\n"
            "[Xl MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH\n"
            "    ACCEPTED MEDICAL STANDARDS\n"
            "D   MILLIMAN CARE GUIDELINES\n"
            "[Xl ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # among glyph boxes as printed, an empty one read as ``O`` and a ticked one as ``[X]``
            "☐  INTERQUAL CRITERIA\n"
            "[X] MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE\n"
            "O  MILLIMAN CARE GUIDELINES\n"
            "☒  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
            "☐  PRESSLEY REED, THE MEDICAL DISABILITY ADVISOR\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
                ("pressley_reed", False),
            ],
        ),
        (  # a cross drawn between underscores: ``_)(_``
            "___  INTERQUAL CRITERIA\n"
            "_)(_ MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE\n"
            "___  MILLIMAN CARE GUIDELINES\n"
            "_X_  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # trailing bracket boxes with a side misread, empty ones too: ``[Xl``, ``[ l``
            "INTERQUAL CRITERIA                                         [ l\n"
            "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE       [Xl\n"
            "MILLIMAN CARE GUIDELINES                                   [ l\n"
            "ODG-OFFICIAL DISABILITY GUIDELINES                         [Xl\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # check marks read as ``\/`` and ``v'``, the unchecked items unmarked
            "       InterQual Criteria\n"
            "\\/     Medical Judgement, Clinical Experience and Expertise\n"
            "       Milliman Care Guidelines\n"
            "v'     ODG-Official Disability Guidelines\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
        (  # trailing boxes read as ``IXI`` and a lower-case ``o``, after dot leaders
            "InterQual Criteria ........................................ o\n"
            "Medical Judgement, Clinical Experience and Expertise ...... IXI\n"
            "Milliman Care Guidelines .................................. o\n"
            "ODG-Official Disability Guidelines ........................ IXI\n",
            [
                ("interqual", False),
                ("medical_judgement", True),
                ("milliman", False),
                ("odg", True),
            ],
        ),
    ],
    ids=[
        "bracket-as-j-or-l",
        "glyph-as-izi-and-d",
        "bracket-sides-as-i-i",
        "glyph-as-181-and-d",
        "glyph-as-181-and-lower-o",
        "glyph-as-izi-and-lj",
        "o-among-leading-x",
        "paren-as-brace-or-1",
        "paren-opening-as-c",
        "bracket-opening-as-l",
        "brackets-among-glyphs",
        "glyph-as-ixi-and-d",
        "trailing-as-xl-and-0",
        "cross-drawn-in-brackets",
        "glyph-as-xl-and-d",
        "odd-boxes-among-glyphs",
        "cross-drawn-between-underscores",
        "trailing-brackets-as-xl-and-l",
        "check-marks-as-slashes-unchecked-unmarked",
        "trailing-ixi-and-lower-o-after-leaders",
    ],
)
def test_boxes_misread_by_text_recognition_are_read_as_boxes(
    criteria: str, expected: list[tuple[str, bool]]
) -> None:
    decision = _with_checklist(criteria)
    assert [(c.code, c.checked) for c in decision.criteria] == expected


def test_a_word_the_typesetter_split_at_a_line_s_end_is_one_word() -> None:
    text = SAMPLE.replace(
        "An MRI of the right knee shows a complex tear",
        "The injec-\ntions gave no relief and the symptoms were signifi-\ncant. A self-\nlimiting"
        " course was not seen. An MRI of the right knee shows a complex tear",
    ).replace("steroid injection.", "steroid injections.")
    history = iroparse.parse(text).clinical_history or ""
    assert "The injections gave" in history  # the letter writes "injections" elsewhere
    assert "were significant." in history  # "-cant" ends a word; "signifi" is no word
    assert "A self-limiting course" in history  # a compound's hyphen stays


def test_specks_and_a_two_line_stamp_are_no_text() -> None:
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    noisy = "\n".join([*lines[:at], "", ".", "", "RECEIVED", "SEP 2 1 2009", "", *lines[at:]])
    assert scored(noisy)["history"] == scored(SAMPLE)["history"]


@pytest.mark.parametrize("speck", ["|", "'", ".", ":"])
def test_a_speck_at_the_start_of_prose_lines_is_no_text(speck: str) -> None:
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    assert lines[at + 1].strip()
    specked = [*lines[: at + 1], f"{speck}   {lines[at + 1]}", *lines[at + 2 :]]
    assert scored("\n".join(specked))["history"] == scored(SAMPLE)["history"]


def test_a_bar_at_the_start_of_a_table_row_is_the_tables() -> None:
    records = "\n| 09/22/2021 | DWC notice of IRO assignment |\n| 08/27/2021 | UR denial |\n"
    assert _records(records) == ["09/22/2021 DWC notice of IRO assignment", "08/27/2021 UR denial"]


def test_a_tables_walls_a_scan_read_as_letters_are_walls() -> None:
    records = (
        "\n | Date         | Document                                     |\n"
        " I 09/22/2021   I DWC notice of IRO assignment                 I\n"
        " | 08/27/2021   | Utilization review adverse determination    |\n"
        " | 09/10/2021   | Reconsideration adverse determination       l\n"
        " l 06/03/2021   | EMG/NCS report, bilateral upper extremities |\n"
    )
    assert _records(records) == [
        "09/22/2021 DWC notice of IRO assignment",
        "08/27/2021 Utilization review adverse determination",
        "09/10/2021 Reconsideration adverse determination",
        "06/03/2021 EMG/NCS report, bilateral upper extremities",
    ]


def test_misread_walls_of_rows_next_to_each_other_are_read_from_row_to_row() -> None:
    """A row whose neighbours' walls are all misread too (``l ... l ... |`` over ``I ... I
    ... I`` over ``| ... | ... |``) takes its bars from the row read before it."""
    records = (
        "\n l 09/22/2021   l DWC notice of IRO assignment                 |\n"
        " I 08/27/2021   I Utilization review adverse determination    I\n"
        " | 09/10/2021   | Reconsideration adverse determination       |\n"
    )
    assert _records(records) == [
        "09/22/2021 DWC notice of IRO assignment",
        "08/27/2021 Utilization review adverse determination",
        "09/10/2021 Reconsideration adverse determination",
    ]


def test_a_footer_counting_its_pages_with_a_bare_number_is_furniture() -> None:
    # no form feed, no ``Page`` word, between paragraphs: its own number, counting up, tells it
    footer = " " * 17 + "Sisterdale Independent Review | SIR-0610-044 | {n}\n\n"
    first, second = SAMPLE.index("REVIEW OUTCOME:"), SAMPLE.index("ANALYSIS AND EXPLANATION")
    assert SAMPLE.count("\n", first, second) >= 15
    noisy = (
        SAMPLE[:first]
        + footer.format(n=1)
        + SAMPLE[first:second]
        + footer.format(n=2)
        + SAMPLE[second:]
    )
    assert scored(noisy) == scored(SAMPLE)
    assert "Sisterdale" not in " ".join(s.text for s in iroparse.parse(noisy).sections)


def test_a_footer_counting_its_pages_as_n_bar_m_is_furniture() -> None:
    footer = "BCIS  •  Health Plan IRO Decision  •  Form BC-HP-7 (rev. 2023)          {n} | 3\n\n"
    first, second = SAMPLE.index("REVIEW OUTCOME:"), SAMPLE.index("ANALYSIS AND EXPLANATION")
    noisy = (
        SAMPLE[:first]
        + footer.format(n=1)
        + SAMPLE[first:second]
        + footer.format(n=2)
        + SAMPLE[second:]
    )
    assert scored(noisy) == scored(SAMPLE)


def test_a_tables_rows_ending_in_counts_are_no_footer() -> None:
    rows = [f"Progress note, Dr. Alvarez, 0{m}/14/2025       {m}" for m in range(1, 4)]
    assert _records("\n" + "\n".join(rows) + "\n") == [" ".join(row.split()) for row in rows]


@pytest.mark.parametrize("bullet", [">", "+", "✓"])
def test_an_arrow_a_plus_or_a_check_mark_typed_as_a_bullet_opens_an_item(bullet: str) -> None:
    records = (
        f"\n   {bullet} Request for IRO and TDI notice\n"
        f"   {bullet} Health plan denial of 09/19/2018\n"
    )
    assert _records(records) == [
        "Request for IRO and TDI notice",
        "Health plan denial of 09/19/2018",
    ]


def test_bullets_alone_on_their_lines_start_the_items_below_them() -> None:
    records = (
        "\n•\nRequest for independent review, 05/31/2023\n•\nHealth plan denial letter,"
        " 05/17/2023\n•\nAppeal decision, 05/24/2023\n"
    )
    assert _records(records) == [
        "Request for independent review, 05/31/2023",
        "Health plan denial letter, 05/17/2023",
        "Appeal decision, 05/24/2023",
    ]


def test_a_table_drawn_with_inner_bars_only_is_read_by_its_cells() -> None:
    records = (
        "\n Date        | Document                               | Source\n"
        " ------------+----------------------------------------+--------------\n"
        " 09/03/2019  | Notice of IRO assignment               | DWC\n"
        " 08/12/2019  | Utilization review determination       | Carrier URA"
        "         ELECTRONIC COPY\n"
        " 05/2019 -   | Physical therapy notes, 8 visits       | Physical therapy\n"
        " 06/2019     |                                        |\n"
    )
    # (a watermark beside a row, nine blanks off, goes; a row's empty cells are no text)
    assert _records(records) == [
        "09/03/2019 Notice of IRO assignment DWC",
        "08/12/2019 Utilization review determination Carrier URA",
        "05/2019 - 06/2019 Physical therapy notes, 8 visits Physical therapy",
    ]


def test_a_drawn_tables_rule_opening_a_page_is_undrawn() -> None:
    records = (
        "\n+------------------------------------------+--------------+\n"
        "| Physical performance evaluation          | 12/17/2015   |\n"
        "\f+------------------------------------------+--------------+\n"
        "| Pain management physician notes          | 06/04/2015   |\n"
        "+------------------------------------------+--------------+\n"
    )
    assert _records(records) == [
        "Physical performance evaluation 12/17/2015",
        "Pain management physician notes 06/04/2015",
    ]


def test_a_stamp_in_the_left_margin_run_into_the_text_is_cut_off() -> None:
    history = (
        "PATIENT CLINICAL HISTORY SUMMARY:\n"
        "               The injured employee is a 41-year-old lineman injured on xx/xx/xxxx.\n"
        "               EMG/NCS on 02/20/2014 showed an active left C6 radiculopathy.\n"
        "FILED\n"
        "JUL 2 2 2014   He completed 14 visits of physical therapy, took gabapentin and a\n"
        "DWC-MDR        course of oral prednisone, and underwent epidural steroid\n"
        "AUSTIN, TX     injections, each with relief lasting less than two weeks.\n"
        "               On 06/02/2014 his biceps strength had declined.\n"
    )
    at = SAMPLE.index("PATIENT CLINICAL HISTORY SUMMARY")
    end = SAMPLE.index("\n\n", at)
    text = SAMPLE[:at] + history + SAMPLE[end:]
    value = iroparse.parse(text).clinical_history
    assert value is not None and value.startswith("The injured employee")
    for stamp in ("FILED", "JUL 2 2 2014", "DWC-MDR", "AUSTIN, TX"):
        assert stamp not in value
    assert "and a course of oral prednisone, and underwent epidural steroid injections" in value


def test_a_spaced_logo_is_no_stamp_in_the_margin() -> None:
    logo = "                                   L O N E S T A R     I R O\n\n"
    assert scored(logo + SAMPLE) == scored(SAMPLE)


def test_a_stamps_line_without_a_stamps_shape_goes_with_the_stamp() -> None:
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    pad = " " * 12
    stamped = [
        *lines[: at - 3],
        *(
            line.ljust(80) + pad + stamp
            for line, stamp in zip(
                lines[at - 3 : at], ["RECEIVED", "JUN 0 3 2014", "CLAIMS DEPT."], strict=True
            )
        ),
        *lines[at:],
    ]
    assert all(lines[k].strip() for k in range(at - 3, at))
    noisy = iroparse.parse("\n".join(stamped))
    assert "CLAIMS" not in " ".join(s.text for s in noisy.sections)
    assert scored("\n".join(stamped)) == scored(SAMPLE)


def test_a_four_line_stamp_beside_a_list_goes_with_the_stamp() -> None:
    # ``RECEIVED`` / ``JAN 20 2026`` / a carrier's name / its office: each line of the stamp
    # found leads to the next, four in all
    body = (
        "\n   • Reconsideration adverse determination, 12/12/2025             RECEIVED\n"
        "   • Spine surgery consultation and follow-up notes,\n"
        "     06/09/2025 through 11/10/2025                                JAN 20 2026\n"
        "   • Lumbar MRI, 05/21/2025\n"
        "   • Standing flexion-extension radiographs, 09/15/2025       CROSSTEX CASUALTY CO.\n"
        "   • Physical therapy notes, 06/16/2025 through 08/22/2025     WC CLAIMS - DALLAS\n"
        "   • Designated doctor examination, 10/01/2025\n"
    )
    assert _records(body) == [
        "Reconsideration adverse determination, 12/12/2025",
        "Spine surgery consultation and follow-up notes, 06/09/2025 through 11/10/2025",
        "Lumbar MRI, 05/21/2025",
        "Standing flexion-extension radiographs, 09/15/2025",
        "Physical therapy notes, 06/16/2025 through 08/22/2025",
        "Designated doctor examination, 10/01/2025",
    ]


def test_a_stamps_office_a_little_off_its_centre_goes_with_the_stamp() -> None:
    # ``DWC - MDR`` centred 2.5 columns left of the date's centre, on a line of its own
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    stamped = [
        *lines[:at],
        lines[at] + " " * 12 + "OCT 3 0 2006",
        " " * (len(lines[at]) + 11) + "DWC - MDR",
        *lines[at + 1 :],
    ]
    noisy = iroparse.parse("\n".join(stamped))
    assert "MDR" not in " ".join(s.text for s in noisy.sections)


def test_a_stamps_long_office_line_close_to_the_text_goes_with_the_stamp() -> None:
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    # centred on one column, so each starts further left: 86, 84, 82
    stamped = [
        *lines[: at - 1],
        lines[at - 1][:80].ljust(85) + "RECEIVED",
        lines[at][:76].ljust(83) + "APR 0 2 2004",
        lines[at + 1][:76].ljust(81) + "TWCC MEDICAL REVIEW",
        *lines[at + 2 :],
    ]
    noisy = iroparse.parse("\n".join(stamped))
    assert "TWCC" not in " ".join(s.text for s in noisy.sections)


def test_a_stamp_beside_a_records_tables_rows_is_no_part_of_them() -> None:
    body = (
        "\n    DATE        SOURCE            DOCUMENT\n"
        "    03/06/08    Carrier           Utilization review denial                RECEIVED\n"
        "    03/24/08    Carrier           Reconsideration denial                 APR 1 6 2008\n"
        "    03/27/08    Requestor         Request for IRO (LHL009)            TDI-DWC MED REVIEW\n"
        "    01/08/08    Requestor         Pain management office note\n"
    )
    assert _records(body) == [
        "03/06/08 Carrier Utilization review denial",
        "03/24/08 Carrier Reconsideration denial",
        "03/27/08 Requestor Request for IRO (LHL009)",
        "01/08/08 Requestor Pain management office note",
    ]


def test_a_dated_record_in_title_case_before_a_fax_banner_is_a_record() -> None:
    body = (
        "\n10/04/2016   Urine drug screen with confirmatory testing\n"
        "07/19/2016   Texas Prescription Monitoring Program report\n"
        "02/03/2017 4:12 PM  FROM: Medina Peer Analytics  TO: 15124900199  PAGE: 002 OF 004\n"
        "03/22/2015   Lumbar MRI with and without contrast\n"
    )
    assert _records(body) == [
        "10/04/2016 Urine drug screen with confirmatory testing",
        "07/19/2016 Texas Prescription Monitoring Program report",
        "03/22/2015 Lumbar MRI with and without contrast",
    ]


def test_a_record_without_its_date_in_a_list_by_date_is_a_record() -> None:
    body = (
        "\n    Date         Document\n"
        "    03/06/2011   Reconsideration denial with updated measurements\n"
        "    n/a          Employer's first report of injury\n"
        "    n.d.         Health plan policy on physical therapy\n"
        "    01/08/2011   Physical therapy evaluation\n"
    )
    assert _records(body) == [
        "03/06/2011 Reconsideration denial with updated measurements",
        "n/a Employer's first report of injury",
        "n.d. Health plan policy on physical therapy",
        "01/08/2011 Physical therapy evaluation",
    ]


def test_wingdings_boxes_read_as_latin_letters_are_boxes() -> None:
    criteria = (
        "¨ INTERQUAL CRITERIA\n"
        "þ MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH ACCEPTED"
        " MEDICAL STANDARDS\n"
        "ý MILLIMAN CARE GUIDELINES\n"
        "¨ ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
    )
    decision = _with_checklist(criteria)
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", True),
        ("odg", False),
    ]


def test_a_case_number_beside_a_continued_title_is_a_running_header() -> None:
    text = SAMPLE.replace("IRO CASE #:\nxxxxx", "IRO CASE #:\n16-0319-CP")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    header = (
        "IRO Case # 16-0319-CP                 Coastal Prairie IRO - Notice of Decision (continued)"
    )
    noisy = "\n".join([*lines[:at], header, "", *lines[at:]])
    assert scored(noisy) == scored(text)


def test_a_guideline_s_age_threshold_is_not_the_patient_s_age() -> None:
    text = SAMPLE.replace("xx-year-old woman", "woman").replace(
        "She has medial",
        "The guideline asks for a relative diagnosed at or before age\n45. She has medial",
    )
    assert iroparse.parse(text).patient.age is None


def test_a_running_title_on_three_pages_goes_though_the_signature_repeats_it() -> None:
    lines = SAMPLE.split("\n")
    breaks = [
        i for i, line in enumerate(lines) if line.startswith(("An MRI", "She has", "INFORMATION"))
    ]
    out = list(lines)
    for n, at in enumerate(sorted(breaks, reverse=True)):
        out[at:at] = [f"          Page {len(breaks) - n} of 4", "Caprock Medical Review", ""]
    noisy = (
        "\n".join(out) + "\nSincerely,\n\nCaprock Medical Review\nIndependent Review Organization\n"
    )
    assert scored(noisy) == scored(
        SAMPLE + "\nSincerely,\n\nCaprock Medical Review\nIndependent Review Organization\n"
    )


def test_a_page_number_before_a_far_certificate_number_is_a_footer() -> None:
    footer = "Page 1 of 3" + " " * 53 + "TDI IRO Certificate #5540"
    assert DEFAULT_FURNITURE.noise_kind(footer) == "running-header"


def test_a_stamp_and_a_digital_signature_beside_the_letter_s_lines_are_cut_off() -> None:
    stamp = ["RECEIVED", "JUN 22 2020", "TEXAS DEPT OF INSURANCE"]
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("dock. She has medial"))
    for k, word in enumerate(stamp):  # centred on column 115
        lines[at + k] = f"{lines[at + k]:<{115 - len(word) // 2}}{word}"
    signature = ["Digitally signed", "by: Physician Reviewer 2217", "13:44:07 -05'00'"]
    start = next(i for i, line in enumerate(lines) if line.startswith("I disagree with"))
    for k, word in enumerate(signature):
        lines[start + k] = f"{lines[start + k]:<104}{word}"
    assert scored("\n".join(lines)) == scored(SAMPLE)


def test_bates_numbers_at_page_edges_are_a_running_footer() -> None:
    lines = SAMPLE.split("\n")
    marks = [i for i, line in enumerate(lines) if line.startswith(("An MRI", "INFORMATION"))]
    for n, at in enumerate(sorted(marks, reverse=True)):
        lines[at:at] = [" " * 70 + f"TDI-IRO 2020-00441{8 - n}", "\f"]
    noisy = "\n".join(lines) + "\n" + " " * 70 + "TDI-IRO 2020-004419\n"
    assert scored(noisy) == scored(SAMPLE)


def test_a_qualification_ending_with_a_whole_specialty_ends_there() -> None:
    quals = (
        "\nPhysician board certified by the American Board of Radiology in Radiation Oncology\n"
        "Active clinical practice in radiation oncology for more than 15 years\n"
    )
    assert scored(_replace_section(SAMPLE, QUALIFICATIONS, quals))["qualifications"] == [
        "Physician board certified by the American Board of Radiology in Radiation Oncology",
        "Active clinical practice in radiation oncology for more than 15 years",
    ]


def test_a_logo_word_alone_is_the_running_header_s_name() -> None:
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    header = "dmr | IRO Notice | DM-11-0386"
    second = next(i for i, line in enumerate(lines) if line.startswith("INFORMATION"))
    noisy = "\n".join(
        [
            "dmr",
            *lines[:second],
            "Page 1 of 3",
            "\f" + header,
            "",
            *lines[second:at],
            "Page 2 of 3",
            "\f" + header,
            "",
            *lines[at:],
        ]
    )
    decision = iroparse.parse(noisy)
    assert [s.kind for s in decision.sections if "dmr" in s.text] == []
    assert scored(noisy) == scored(SAMPLE)


def test_an_item_wrapped_over_four_lines_before_its_trailing_box_is_one_item() -> None:
    body = (
        "\nPRESSLEY REED, THE MEDICAL\n"
        "DISABILITY ADVISOR                                [ ]\n"
        "\n"
        "TEXAS GUIDELINES FOR\n"
        "CHIROPRACTIC QUALITY\n"
        "ASSURANCE & PRACTICE\n"
        "PARAMETERS                                        [X]\n"
        "\n"
        "TEXAS TACADA GUIDELINES                           [ ]\n"
    )
    criteria = _with_checklist(body).criteria
    assert [(c.code, c.checked, c.description) for c in criteria] == [
        ("pressley_reed", False, None),
        ("texas_chiropractic", True, None),
        ("texas_tacada", False, None),
    ]


def test_an_outcome_wrapped_before_its_trailing_box_is_one_outcome() -> None:
    boxes = (
        "\nUpheld (Agree)                                   [ ]\n\n"
        "Overturned (Disagree)                            [ ]\n\n"
        "Partially Overturned (Agree in part/\n"
        "Disagree in part)                                [X]\n"
    )
    text = _replace_section(SAMPLE, "should be:", boxes)
    assert iroparse.parse(text).outcome.value == "partially_overturned"


def test_a_redacted_case_reference_beside_a_page_number_is_a_footer() -> None:
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Adverse determination"))
    footer = "PCR Case xxxxx" + " " * 50 + "Page 1 of 2"
    noisy = "\n".join([*lines[: at + 1], "", footer, "\f", *lines[at + 1 :]])
    assert scored(noisy) == scored(SAMPLE)


def test_a_received_stamp_s_date_on_the_next_line_is_the_stamp() -> None:
    lines = SAMPLE.split("\n")
    # between two sentences, each whole: only the stamp tells the date is no line of the text
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    stamp = [" " * 50 + "RECEIVED", " " * 50 + "JUN 17 2011"]
    noisy = "\n".join([*lines[:at], *stamp, *lines[at:]])
    assert scored(noisy) == scored(SAMPLE)


def test_a_services_table_with_dates_and_setting_columns_and_its_header_repeated() -> None:
    table = (
        "\nService Requested                          CPT      Units    Setting       Decision\n"
        "Lumbar laminectomy with facetectomy and    63047    1        Inpatient     Upheld\n"
        "foraminotomy, L4-L5\n"
        "Posterolateral arthrodesis, L4-L5          22612    1        Inpatient     Upheld\n"
        "\n"
        "                                                                   Page 1 of 2\n"
        "\f\n"
        "Service Requested                          CPT      Units    Setting       Decision\n"
        "Morselized allograft                       20930    1        Inpatient     Upheld\n"
    )
    heading = "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:"
    services = iroparse.parse(_replace_section(SAMPLE, heading, table)).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        ("Lumbar laminectomy with facetectomy and foraminotomy, L4-L5", ("63047",)),
        ("Posterolateral arthrodesis, L4-L5", ("22612",)),
        ("Morselized allograft", ("20930",)),
    ]
    dated = (
        "\nNo.   CPT Code     Description of Service       Units Requested     Date(s) of Service\n"
        "1     64615        Chemodenervation             1                   07/22/2019\n"
    )
    services = iroparse.parse(_replace_section(SAMPLE, heading, dated)).services
    assert [(s.text, s.cpt_codes, s.units) for s in services] == [
        ("Chemodenervation", ("64615",), 1)
    ]


def test_the_letter_s_close_ends_the_analysis() -> None:
    indent = " " * 35
    close = f"\n{indent}Sincerely,\n\n\n{indent}xxxxx, M.D.\n"
    at = SAMPLE.index("\nA DESCRIPTION AND THE SOURCE")
    text = SAMPLE[:at] + close + SAMPLE[at:]
    assert scored(text)["analysis"] == scored(SAMPLE)["analysis"]
    notice = "\nNOTICE ABOUT CERTAIN INFORMATION LAWS AND PRACTICES\nWith few exceptions, you\n"
    text = SAMPLE[:at] + notice + SAMPLE[at:]
    assert scored(text)["analysis"] == scored(SAMPLE)["analysis"]


@pytest.mark.parametrize(
    "dated", ["June 19, 2003", "DATE:  06/19/2003", "Date:   June 19, 2003", "June l9, 2003"]
)
def test_a_letter_without_a_review_date_heading_is_dated_at_its_top(dated: str) -> None:
    # an older letter's date at its top is the day its notice went out: the review date,
    # with a diagnostic that says where it came from
    decision = iroparse.parse(_with_box(f"{dated}\n\nIRO CASE #:\nxxxxx\n"))
    assert decision.review_date == datetime.date(2003, 6, 19)
    assert "date-from-letter" in {d.code for d in decision.diagnostics}


@pytest.mark.parametrize(
    "sentence",
    ["The review was completed on June 17, 2003.", "The case was reviewed on 06/17/2003."],
)
def test_a_sentence_saying_when_the_review_was_done_dates_it(sentence: str) -> None:
    """No review date heading, the letter dated at its top, and its opening paragraph saying
    when the review was done: that day is the review's, not the letter's."""
    opening = f"June 19, 2003\n\nDear Sir or Madam:\nThis is an independent review. {sentence}\n\n"
    decision = iroparse.parse(_with_box(f"{opening}IRO CASE #:\nxxxxx\n"))
    assert decision.review_date == datetime.date(2003, 6, 17)
    assert "date-from-letter" in {d.code for d in decision.diagnostics}


def test_a_date_inside_a_section_is_no_letter_date() -> None:
    # a date in the clinical history is no date of the letter: without one at its top, null
    heading = "PATIENT CLINICAL HISTORY SUMMARY:"
    text = _with_box("IRO CASE #:\nxxxxx\n").replace(heading, f"{heading}\nJune 19, 2003\n", 1)
    assert iroparse.parse(text).review_date is None


def test_a_title_over_the_dates_is_no_review_date_written_before_them() -> None:
    """``Section 1 - Review Dates`` over ``Date of review:  01/19/2023`` and ``Date notice
    sent:  01/20/2023``: the title holds no value, so the date of review under it is no
    running header repeating it."""
    box = (
        "Section 1 - Review Dates\n"
        "    Date of review:            01/19/2023\n"
        "    Date notice sent:          01/20/2023\n\nIRO CASE #:\nxxxxx\n"
    )
    assert iroparse.parse(_with_box(box)).review_date == datetime.date(2023, 1, 19)


def test_a_letter_date_right_aligned_under_a_letterhead_column_is_the_letters() -> None:
    """The letterhead's address in a right-hand column, the letter's date right-aligned
    under it, alone on its line: no sidebar's line, but the date the letter is dated with."""
    head = (
        "NUECES CLINICAL REVIEW, INC.".ljust(60)
        + "500 North Shoreline Blvd.\n"
        + "An Independent Review Organization".ljust(60)
        + "Suite 910\n"
        + " " * 60
        + "Corpus Christi, Texas 78401\n"
        + " " * 60
        + "(361) 555-0191\n\n"
        + " " * 75
        + "October 3, 2018\n\n"
    )
    text = head + _with_box("IRO CASE #:\nxxxxx\n")
    assert iroparse.parse(text).review_date == datetime.date(2018, 10, 3)


def test_a_fax_cover_sheets_date_is_no_review_date() -> None:
    """A fax's cover sheet before the letter: its ``DATE:`` beside ``Medical Review`` is no
    ``Review Date`` label (two cells), and its date alone on a line is the day it was
    faxed; the letter's own date, on the next page, is the one read."""
    head = "RINGGOLD MEDICAL REVIEW\n1207 Pecan Street  *  Nocona, Texas 76255\n\n"
    letter = head + _with_box("June 13, 2004\n\nIRO CASE #:\nxxxxx\n")
    assert iroparse.parse(letter).review_date == datetime.date(2004, 6, 13)
    beside = "FROM:    Ringgold Medical Review                  DATE:  06/14/04\n\f"
    alone = "FACSIMILE TRANSMITTAL SHEET\n\nTO:  TWCC\nFROM:  Ringgold\n\nDATE:  06/14/04\n\f"
    banner = "MAR-15-2004 16:22     FROM-RINGGOLD IRO     +9405550141     T-412  P.001/004  F-871"
    bannered = alone.replace("\f", f"\n{banner}\n\n\n")  # (no page break: the banner ends it)
    for cover in (beside, alone, bannered):
        assert iroparse.parse(cover + letter).review_date == datetime.date(2004, 6, 13), cover


def test_agreeing_with_the_insurance_carrier_upholds() -> None:
    sentence = "\nI agree with the insurance carrier that the requested program is not necessary.\n"
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", sentence)
    text = text.replace("I disagree with the prior denials.", "The records were read.")
    assert iroparse.parse(text).outcome.value == "upheld"


def test_a_long_label_naming_where_records_came_from_is_no_record() -> None:
    body = (
        "\n  1.  Notice of Case Assignment dated 06/28/2018\n"
        "From the carrier and its utilization review agent:\n"
        "  2.  Preauthorization denial dated 05/31/2018\n"
        "  3.  Reconsideration denial dated 06/15/2018\n"
    )
    assert _records(body) == [
        "Notice of Case Assignment dated 06/28/2018",
        "Preauthorization denial dated 05/31/2018",
        "Reconsideration denial dated 06/15/2018",
    ]


def test_labels_over_bulleted_records_are_no_part_of_the_record_above() -> None:
    body = (
        "\nRecords Received from the State:\n"
        "•    Notice of case assignment, 10/22/2010\n"
        "Records Received from the Health Plan:\n"
        "•    Initial adverse determination, 08/30/2010\n"
    )
    records = _records(body)
    assert "Notice of case assignment, 10/22/2010" in records
    assert "Initial adverse determination, 08/30/2010" in records
    assert not any("Notice of case" in r and "Received" in r for r in records)


def test_a_records_table_cell_wrapped_under_its_column_stays_in_its_row() -> None:
    body = (
        "\nDate          Document\n"
        "12/14/2010    Functional capacity evaluation\n"
        "12/20/2010    Request for chronic pain management program, 10 sessions, Rehabilitation\n"
        "              Center\n"
        "01/04/2011    Utilization review determination (non-certification)\n"
    )
    assert _records(body) == [
        "12/14/2010 Functional capacity evaluation",
        "12/20/2010 Request for chronic pain management program, 10 sessions, Rehabilitation"
        " Center",
        "01/04/2011 Utilization review determination (non-certification)",
    ]


def test_a_summary_box_whose_labels_have_no_colons_gives_its_values() -> None:
    box = (
        "Date of Review          IRO Case Number          Review Type          Coverage\n"
        "01/16/2024              XR-24-00107              Prospective          Health Plan\n"
    )
    decision = iroparse.parse(_with_box(box))
    assert decision.case_number == "XR-24-00107"
    assert decision.review_date is not None and decision.review_date.isoformat() == "2024-01-16"


def test_the_outcome_lead_in_under_the_services_is_no_service() -> None:
    services = (
        "\nGenetic testing: BRCA1 and BRCA2 analysis (CPT 81162)\n\n"
        "Upon independent review, the reviewer finds that the previous adverse determination /\n"
        "adverse determinations should be:\nOverturned\n"
    )
    heading = "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:"
    decision = iroparse.parse(_replace_section(SAMPLE, heading, services))
    assert [s.text for s in decision.services] == [
        "Genetic testing: BRCA1 and BRCA2 analysis (CPT 81162)"
    ]


def test_a_heading_line_with_a_word_of_a_name_goes_on_with_the_heading() -> None:
    # ``SERVICES`` is a word of organisations' names; here it is the heading's own
    heading = "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:"
    text = SAMPLE.replace(heading, "DESCRIPTION OF THE\nSERVICE OR SERVICES IN\nDISPUTE:")
    assert scored(text)["services"] == scored(SAMPLE)["services"]


def test_a_services_table_without_a_code_column_reads_the_codes_in_each_service_s_cell() -> None:
    table = (
        "\nService                                                      Units     Decision\n"
        "Right shoulder arthroscopy with subacromial                  1         Overturned\n"
        "decompression (29826, 29822)\n"
        "Cold therapy unit (E0218)                                    21 days   Upheld\n"
    )
    heading = "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:"
    services = iroparse.parse(_replace_section(SAMPLE, heading, table)).services
    assert [(s.text, s.cpt_codes) for s in services] == [
        (
            "Right shoulder arthroscopy with subacromial decompression (29826, 29822)",
            ("29826", "29822"),
        ),
        ("Cold therapy unit (E0218)", ("E0218",)),
    ]


TWO_COLUMNS = (
    "   □ ACOEM-American College of Occupational &       □ ODG-Official Disability Guidelines &\n"
    "     Environmental Medicine UM Knowledgebase          Treatment Guidelines\n"
    "   □ AHCPR-Agency for Healthcare Research &         □ Pressley Reed, the Medical Disability\n"
    "     Quality Guidelines                               Advisor\n"
    "   ■ Medical Judgement, Clinical Experience &       ■ Other Evidence Based, Scientifically\n"
    "     Expertise in Accordance with Accepted            Valid, Outcome Focused Guidelines\n"
    "     Medical Standards                                (Provide a Description)\n"
    "   □ Milliman Care Guidelines\n"
)


def test_a_checklist_in_two_columns_is_read_column_by_column() -> None:
    """A form printed in two columns, merged line by line: the left column's items, then the
    right column's, each with its wrapped lines (none of them cut off as a sidebar)."""
    decision = _with_checklist("\n" + TWO_COLUMNS)
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("acoem", False),
        ("ahcpr", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("odg", False),
        ("pressley_reed", False),
        ("other_evidence_based", True),
    ]
    assert not [d for d in decision.diagnostics if d.code == "noise-removed"]


def test_a_two_column_checklist_in_a_forms_own_order_is_read_column_by_column() -> None:
    """A form's own order (``ODG`` first) is no catalogue's along either reading: the
    columns are read in turn, as a printed list of two columns reads."""
    pairs = [
        ("  ■ ODG", "■ Medical judgment, clinical experience"),
        ("  □ ACOEM", "  and expertise"),
        ("  □ DWC Policies/Guidelines", "□ AHRQ"),
        ("  □ InterQual", "□ Texas Chiropractic (TCA) Parameters"),
        ("  □ Milliman/MCG", "□ Pressley Reed MDA"),
        ("  □ TMF", "□ Peer-reviewed literature"),
        ("", "□ Other evidence-based guidelines"),
    ]
    rows = "".join(f"{left:<43}{right}\n" for left, right in pairs)
    codes = [c.code for c in _with_checklist("\n" + rows).criteria]
    assert codes[:7] == ["odg", "acoem", "dwc", "interqual", "milliman", "tmf", "medical_judgement"]


def test_a_two_column_checklist_whose_right_column_is_all_unmarked() -> None:
    pairs = [
        ("   ✓ ODG Treatment Guidelines", "ACOEM Practice Guidelines"),
        ("   ✓ Medical judgment, clinical", "DWC Policies or Guidelines"),
        ("     experience and expertise", "InterQual"),
        ("     AHRQ", "Milliman/MCG"),
        ("     Pressley Reed", "TMF Screening Criteria"),
    ]
    rows = "".join(f"{left:<43}{right}\n" for left, right in pairs)
    assert [(c.code, c.checked) for c in _with_checklist("\n" + rows).criteria] == [
        ("odg", True),
        ("medical_judgement", True),
        ("ahcpr", False),
        ("pressley_reed", False),
        ("acoem", False),
        ("dwc", False),
        ("interqual", False),
        ("milliman", False),
        ("tmf", False),
    ]


def test_a_checklist_in_two_columns_printed_row_by_row_is_read_row_by_row() -> None:
    """When the catalogue's order runs along the rows (``ACOEM`` beside ``AHCPR``), the rows
    are read in turn."""
    pairs = [
        (
            " [ ] ACOEM-American College of Occupational &",
            "[ ] AHCPR-Agency for Healthcare Research &",
        ),
        ("     Environmental Medicine UM Knowledgebase", "    Research & Quality Guidelines"),
        (" [ ] DWC-Division of Workers Compensation", "[ ] European Guidelines for Management of"),
        ("     Policies or Guidelines", "    Chronic Low Back Pain"),
        (" [ ] InterQual Criteria", "[X] Medical Judgement, Clinical Experience &"),
        ("", "    Expertise in Accordance with Accepted"),
        ("", "    Medical Standards"),
    ]
    rows = "".join(f"{left:<50}{right}\n" for left, right in pairs)
    decision = _with_checklist("\n" + rows)
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("acoem", False),
        ("ahcpr", False),
        ("dwc", False),
        ("european_low_back_pain", False),
        ("interqual", False),
        ("medical_judgement", True),
    ]


@pytest.mark.parametrize(
    ("row", "outcome"),
    [
        ("Upheld ____    Overturned ____    Partially Overturned __X__", "partially_overturned"),
        ("( ) Upheld    (X) Overturned    ( ) Partially Overturned", "overturned"),
        (
            "[X] Upheld (Agree)   [ ] Overturned (Disagree)   [ ] Partially Overturned"
            " (Agree in part/Disagree in part)",
            "upheld",
        ),
        ("Upheld (Agree)    Overturned (Disagree) X    Partially Overturned", "overturned"),
    ],
)
def test_outcome_boxes_written_in_one_row_are_read_box_by_box(row: str, outcome: str) -> None:
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", f"\n{row}\n")
    decision = iroparse.parse(text)
    assert decision.outcome.value == outcome
    # the section's text keeps the row as the letter writes it
    section = next(s for s in decision.sections if s.kind == "review_outcome")
    assert " ".join(row.split()) in " ".join(section.text.split())


def test_a_row_naming_one_outcome_is_not_cut() -> None:
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", "\nUpheld (Agree)   X\n")
    assert iroparse.parse(text).outcome.value == "upheld"


def test_outcome_boxes_after_their_labels_misread_by_text_recognition() -> None:
    outcome = (
        "REVIEW OUTCOME:\n"
        "Upon independent review the reviewer finds that the previous adverse determination/"
        "adverse determinations should be:\n\n"
        "      UPHELD (Agree)                                                      0\n\n"
        "      OVERTURNED (Disagree)                                               0\n\n"
        "      PARTIALLY OVERTURNED (Agree in part/Disagree in part)               [Xl\n\n"
    )
    start = SAMPLE.index("REVIEW OUTCOME")
    end = SAMPLE.index("INFORMATION PROVIDED TO THE IRO")
    decision = iroparse.parse(SAMPLE[:start] + outcome + SAMPLE[end:])
    assert decision.outcome is iroparse.Outcome.PARTIALLY_OVERTURNED


def test_a_paragraph_goes_on_past_a_line_mostly_in_capitals() -> None:
    # the paragraph's third line names a guideline (``... Quality Assurance and Practice``),
    # its words mostly capitalised; the name and the sentence end on the next line
    quals = (
        "\nThe reviewer is a doctor of chiropractic licensed in Texas with more than 16 years of\n"
        "clinical practice, including the treatment of occupational spine injuries, who is\n"
        "familiar with the Texas Guidelines for Chiropractic Quality Assurance and Practice\n"
        "Parameters and with the ODG.\n"
    )
    # a sentence wrapped wider than the paragraph's lines sets the letter's width
    wide = "The reviewer notes that the requested visits exceed the number the guideline " + (
        "recommends for this\nkind of injury.\n"
    )
    text = _replace_section(SAMPLE, QUALIFICATIONS, quals) + "\n" + wide * 3
    assert len(scored(text)["qualifications"]) == 1


def test_the_otolaryngology_boards_full_name_runs_across_a_line_end() -> None:
    quals = (
        "\nBoard certified in Otolaryngology - Head and Neck\n"
        "Surgery; in active practice since 2001.\n"
    )
    assert scored(_replace_section(SAMPLE, QUALIFICATIONS, quals))["qualifications"] == [
        "Board certified in Otolaryngology - Head and Neck Surgery; in active practice since 2001."
    ]


def test_a_qualification_cut_after_american_goes_on_with_its_board() -> None:
    # ``American`` opens a board's name and never ends one, though the next line opens
    # with ``Board`` as the item before did
    quals = (
        "\n    Board certified in Psychiatry and in Child and Adolescent Psychiatry by the "
        "American\n"
        "    Board of Psychiatry and Neurology\n"
        "    Medical director of an adolescent inpatient psychiatric unit for eight years\n"
    )
    assert scored(_replace_section(SAMPLE, QUALIFICATIONS, quals))["qualifications"] == [
        "Board certified in Psychiatry and in Child and Adolescent Psychiatry by the American "
        "Board of Psychiatry and Neurology",
        "Medical director of an adolescent inpatient psychiatric unit for eight years",
    ]


def test_a_date_alone_after_a_line_ending_in_dated_goes_on_with_its_record() -> None:
    # a short line between lines of a list looks like furniture cutting a sentence; the
    # line before asks for its date
    body = (
        "\n    a. Request for external review, received 10/12/2017\n"
        "    b. Health plan denial letter dated 09/06/2017 and appeal decision dated\n"
        "       10/04/2017\n"
        "    c. Hospital discharge summary dated 08/14/2017\n"
    )
    assert _records(body) == [
        "Request for external review, received 10/12/2017",
        "Health plan denial letter dated 09/06/2017 and appeal decision dated 10/04/2017",
        "Hospital discharge summary dated 08/14/2017",
    ]


def test_a_record_dated_after_a_record_dated_by_a_range_is_a_record_of_its_own() -> None:
    body = (
        "\n03/02/2023   History and physical examination\n"
        "03/02/2023-03/05/2023   Progress notes, nursing notes and medication administration"
        " record\n"
        "03/05/2023   Discharge summary\n"
    )
    assert _records(body) == [
        "03/02/2023 History and physical examination",
        "03/02/2023-03/05/2023 Progress notes, nursing notes and medication administration record",
        "03/05/2023 Discharge summary",
    ]


def test_an_x_typed_twice_over_before_a_label_is_one_mark() -> None:
    body = (
        "\n         INTERQUAL CRITERIA\n"
        "   XX    MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH"
        " ACCEPTED\n"
        "         MEDICAL STANDARDS\n"
        "         MILLIMAN CARE GUIDELINES\n"
        "   XX    PEER REVIEWED NATIONALLY ACCEPTED MEDICAL LITERATURE (PROVIDE A DESCRIPTION)\n"
    )
    criteria = _checked(body)
    assert criteria == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("peer_reviewed_literature", True),
    ]


def test_a_footer_with_its_own_date_beside_its_page_goes_whole() -> None:
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    footer = "Printed on 06/11/2018 at 3:47 PM" + " " * 40 + "Page 1 of 2"
    noisy = "\n".join([*lines[:at], footer, "\f", *lines[at:]])
    assert scored(noisy) == scored(SAMPLE)


def test_a_number_alone_in_a_tables_cell_is_no_page_number() -> None:
    quals = (
        "\n+----------------------------+-----------------------------------------------------+\n"
        "| Board certification        | American Board of Internal Medicine                 |\n"
        "| Additional certification   | Transplant Hepatology                               |\n"
        "| Years in practice          | 17                                                  |\n"
        "| Clinical focus             | Viral hepatitis and chronic liver disease           |\n"
        "+----------------------------+-----------------------------------------------------+\n"
    )
    qualifications = scored(_replace_section(SAMPLE, QUALIFICATIONS, quals))["qualifications"]
    assert "Years in practice 17" in qualifications


def test_a_yes_no_header_after_a_long_column_heading_is_read() -> None:
    criteria = (
        "\n     Source of criteria or clinical basis                              Yes      No\n"
        "     -----------------------------------------------------------------------------\n"
        "     InterQual criteria                                                          X\n"
        "     Medical judgement, clinical experience and expertise in           X\n"
        "       accordance with accepted medical standards\n"
        "     MCG (Milliman Care Guidelines)                                              X\n"
    )
    assert _checked(criteria) == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "Screening Criteria / Clinical Basis Used",
        "SCREENING CRITERIA OR OTHER CLINICAL BASIS",
        # ended by its colon
        "Screening Criteria and Other Clinical Basis Used:",
    ],
)
def test_a_criteria_heading_with_its_yes_no_header_beside_it_opens_the_checklist(
    heading: str,
) -> None:
    """``Screening Criteria / Clinical Basis Used      Yes   No``, no colon, right under the
    analysis's last line: the heading's line carries its checklist's column header."""
    rows = (
        f"{heading:<70}Yes      No\n"
        f"{'InterQual Criteria':<70}X\n"
        f"{'Medical Judgement, Clinical Experience & Expertise in Accordance':<70}\n"
        f"{'  with Accepted Medical Standards':<70}X\n"
        f"{'Milliman Care Guidelines':<79}X\n"
    )
    head = SAMPLE[: SAMPLE.index(CRITERIA)].rstrip("\n") + "\n"
    decision = iroparse.parse(head + rows)
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("interqual", True),
        ("medical_judgement", True),
        ("milliman", False),
    ]
    assert "InterQual" not in (decision.analysis or "")


@pytest.mark.parametrize(
    ("decisions", "outcome"),
    [
        (("Overturned", "Upheld"), "partially_overturned"),
        (("Upheld", "Upheld"), "upheld"),
        (("Overturned", "Overturned"), "overturned"),
    ],
)
def test_a_table_of_each_services_decision_under_the_outcome_gives_the_outcome(
    decisions: tuple[str, str], outcome: str
) -> None:
    table = (
        "\n   Service in dispute                               Code     Carrier     IRO decision\n"
        "   -----------------------------------------------  -------  ----------  ------------\n"
        f"   Right shoulder arthroscopy, rotator cuff repair  29827    Denied      {decisions[0]}\n"
        f"   Shoulder CPM device, 21-day rental               E0936    Denied      {decisions[1]}\n"
    )
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", table)
    text = text.replace("upheld", "decided").replace("overturned", "decided")
    assert iroparse.parse(text).outcome.value == outcome


@pytest.mark.parametrize(
    ("verdicts", "outcome"),
    [
        (("Overturned (Disagree)", "Upheld (Agree)"), "partially_overturned"),
        (("Upheld (Agree)", "Upheld"), "upheld"),
        (("Overturned", "Overturned (Disagree)"), "overturned"),
    ],
)
def test_a_line_per_service_ending_in_its_outcome_decides_the_letter(
    verdicts: tuple[str, str], outcome: str
) -> None:
    rows = (
        f"31255   Total ethmoidectomy, bilateral ................ {verdicts[0]}\n"
        f"30520   Septoplasty ................................... {verdicts[1]}\n"
    )
    assert _outcome_with(rows) == outcome


@pytest.mark.parametrize(
    ("columns", "outcome"), [((71, 71, 54), "partially_overturned"), ((54, 54), "upheld")]
)
def test_marks_under_outcome_columns_decide_each_service(
    columns: tuple[int, ...], outcome: str
) -> None:
    services = ("Right total knee arthroplasty (27447)", "Inpatient stay, 3 days", "CPM device")
    rows = "".join(
        f"{f'{n}      {service}':<{at}}X\n"
        for n, (service, at) in enumerate(zip(services, columns, strict=False), start=1)
    )
    rows = f"{'Item   Service':<53}Upheld (Agree)   Overturned (Disagree)\n\n{rows}"
    assert _outcome_with(rows) == outcome


def test_an_outcome_sentence_saying_partially_overturned_decides_the_letter() -> None:
    body = (
        "\nUpon independent review, the reviewer finds that the previous adverse determination"
        " should\nbe partially overturned. The skilled nursing visits are medically necessary;\n"
        "the additional therapy visits are not.\n"
    )
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", body)
    assert iroparse.parse(text).outcome.value == "partially_overturned"


def test_a_mark_alone_under_a_drawn_grid_of_outcomes_checks_the_column_it_stands_under() -> None:
    grid = (
        "\nUpon independent review, the reviewer finds that the previous adverse"
        " determination should be:\n\n"
        "+------------------+----------------------+-----------------------------------+\n"
        "| Upheld           | Overturned           | Partially Overturned              |\n"
        "| (Agree)          | (Disagree)           | (Agree in part/Disagree in part)  |\n"
        "+------------------+----------------------+-----------------------------------+\n"
        "|                  |          X           |                                   |\n"
        "+------------------+----------------------+-----------------------------------+\n"
    )
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", grid)
    text = text.replace("upheld", "decided").replace("overturned", "decided")
    assert iroparse.parse(text).outcome.value == "overturned"


@pytest.mark.parametrize(
    ("answers", "outcome"),
    [
        (("Selected", "—", "—"), "upheld"),
        (("—", "—", "Selected"), "partially_overturned"),
        (("Not selected", "Chosen", "Not selected"), "overturned"),
    ],
)
def test_a_column_of_answer_words_marks_the_chosen_outcome(
    answers: tuple[str, str, str], outcome: str
) -> None:
    rows = ("Upheld (Agree)", "Overturned (Disagree)", "Partially Overturned (Agree in part)")
    column = "".join(f"{row:<58}{answer}\n" for row, answer in zip(rows, answers, strict=True))
    assert _outcome_with(f"{'Outcome':<58}Reviewer's finding\n{column}") == outcome


def test_a_column_of_answer_words_marks_the_criteria_applied() -> None:
    criteria = (
        f"\n{'Guideline':<70}Applied to this case\n"
        f"{'ACOEM-America College of Occupational & Environmental Medicine':<70}—\n"
        f"{'ODG-Official Disability Guidelines & Treatment Guidelines':<70}Applied\n"
        f"{'Medical judgement, clinical experience and expertise':<70}Applied\n"
    )
    assert _checked(criteria) == [
        ("acoem", False),
        ("odg", True),
        ("medical_judgement", True),
    ]


OUTCOME_LABELS = (
    "Upheld (Agree)",
    "Overturned (Disagree)",
    "Partially Overturned (Agree in part/Disagree in part)",
)


@pytest.mark.parametrize(
    ("checked", "unchecked"),
    [("®", "O"), ("@", "0"), ("v'", "D"), ("V", "D"), ("./", "D"), ("\\/", "D")],
)
def test_a_scans_misread_check_marks_before_the_labels(checked: str, unchecked: str) -> None:
    rows = "".join(
        f"     {checked if k == 2 else unchecked:<4}{label}\n"
        for k, label in enumerate(OUTCOME_LABELS)
    )
    assert _outcome_with(f"{rows}") == "partially_overturned"
    criteria = (
        f"\n     {unchecked:<4}ACOEM-America College of Occupational & Environmental Medicine\n"
        f"     {checked:<4}Medical Judgement, Clinical Experience and Expertise\n"
        f"     {unchecked:<4}Milliman Care Guidelines\n"
    )
    assert _checked(criteria) == [
        ("acoem", False),
        ("medical_judgement", True),
        ("milliman", False),
    ]


def test_a_checked_glyph_read_as_izi_after_its_label() -> None:
    rows = f"{OUTCOME_LABELS[0]:<58}0\n{OUTCOME_LABELS[1]:<58}0\n{OUTCOME_LABELS[2]:<58}IZI\n"
    assert _outcome_with(f"{rows}") == "partially_overturned"


@pytest.mark.parametrize(
    ("ticked", "blank", "header"), [("[ X ]", "[   ]", "Yes     No"), ("X_", "__", "YES   NO")]
)
def test_a_box_under_each_of_yes_and_no_answers_the_row(
    ticked: str, blank: str, header: str
) -> None:
    """A box under each column, the ticked one answering: brackets, or underscores ticked at
    their start (``X_   __``)."""
    gap = " " * (len(header) - len("Yes") - len(ticked) + 1)
    rows = "".join(
        f"{label:<62}{ticked + gap + blank if k == 2 else blank + gap + ticked}\n"
        for k, label in enumerate(OUTCOME_LABELS)
    )
    assert _outcome_with(f"{'':<62}{header}\n{rows}") == "partially_overturned"


def test_a_check_mark_read_as_v_after_dot_leaders() -> None:
    rows = (
        f"{OUTCOME_LABELS[0]} . . . . . . . . . . . . . . . . . . . . . .\n"
        f"{OUTCOME_LABELS[1]} . . . . . . . . . . . . . . . . . . . .\n"
        f"{OUTCOME_LABELS[2]} . . . . . . .    V\n"
    )
    assert _outcome_with(f"{rows}") == "partially_overturned"


def test_headings_printed_with_5_for_s_are_read() -> None:
    services = "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:"
    analysis = "ANALYSIS AND EXPLANATION OF THE DECISION"
    assert services in SAMPLE and analysis in SAMPLE
    text = SAMPLE.replace(services, "DE5CRIPTION OF THE 5ERVICE OR 5ERVICES IN DI5PUTE:")
    text = text.replace(analysis, "ANALY5IS AND EXPLANATION OF THE DECI5ION")
    decision, original = iroparse.parse(text), iroparse.parse(SAMPLE)
    assert [s.text for s in decision.services] == [s.text for s in original.services]
    assert decision.analysis == original.analysis is not None


def test_a_double_spaced_items_line_among_misread_boxes_is_no_stamp() -> None:
    # between two items that end no sentence, a short line in capitals looks like a stamp
    # that cut a sentence: an item carrying a box is never one
    criteria = (
        "\n[ ]   MERCY CENTER CONSENSUS CONFERENCE GUlDELINES\n\n"
        "[ ]   MlLLIMAN CARE GUIDELINES\n\n"
        "lXl   0DG-OFFICIAL DlSABILITY GUIDELINES & TREATMENT GUIDELlNES\n\n"
        "[ ]   PRESSLEY REED, THE MEDlCAL DISABILITY ADVlSOR\n"
    )
    assert _checked(criteria) == [
        ("mercy_center", False),
        ("milliman", False),
        ("odg", True),
        ("pressley_reed", False),
    ]


def test_a_marked_line_under_an_unmarked_item_with_a_description_left_out_is_an_item() -> None:
    # checked items marked, unchecked ones bare: the ``Other evidence based`` item's label
    # leaves ``(PROVIDE A DESCRIPTION)`` out, and the marked line under it is an item
    criteria = (
        "\nInterQual Criteria\n"
        "✓    Medical Judgement, Clinical Experience and Expertise in Accordance with\n"
        "Accepted Medical Standards\n"
        "Other Evidence Based, Scientifically Valid, Outcome Focused Guidelines\n"
        "✓    Health Plan Clinical Policy, Skilled Nursing Facility Level of Care\n"
    )
    assert _checked(criteria) == [
        ("interqual", False),
        ("medical_judgement", True),
        ("other_evidence_based", False),
        ("other", True),
    ]


@pytest.mark.parametrize(
    ("ticked", "blank"),
    [("Yes ___    No _X_", "Yes _X_    No ___"), ("○ Yes   ● No", "● Yes   ○ No")],
)
def test_a_yes_no_pair_on_each_row_answers_it(ticked: str, blank: str) -> None:
    # ``ticked`` answers No, ``blank`` Yes (the names say which row is chosen)
    rows = "".join(
        f"   {label:<60}{blank if k == 2 else ticked}\n" for k, label in enumerate(OUTCOME_LABELS)
    )
    assert _outcome_with(f"{rows}") == "partially_overturned"
    criteria = (
        f"\n{'ACOEM-America College of Occupational & Environmental Medicine':<70}{ticked}\n"
        f"{'ODG-Official Disability Guidelines & Treatment Guidelines':<70}{blank}\n"
    )
    assert _checked(criteria) == [
        ("acoem", False),
        ("odg", True),
    ]


def test_a_stamps_frame_a_column_off_beside_the_text_is_undrawn() -> None:
    lines = SAMPLE.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("An MRI of the right knee"))
    width = max(len(line) for line in lines[at - 1 : at + 3]) + 4
    frame = [
        "+----------------+",
        "|  YIR  QA  OK    |",
        "|  09/13/2017  LC |",
        "+----------------+",
    ]
    framed = [
        line.ljust(width) + box for line, box in zip(lines[at - 1 : at + 3], frame, strict=True)
    ]
    text = "\n".join([*lines[: at - 1], *framed, *lines[at + 3 :]])
    assert "+---" not in " ".join(s.text for s in iroparse.parse(text).sections)


def test_short_labels_name_their_criteria() -> None:
    criteria = (
        "\n□ European Low Back Pain guidelines\n"
        "□ Pressley Reed, The Medical Disability Advisor\n"
        "■ Texas Chiropractic Guidelines\n"
        "□ Texas TACADA Guidelines\n"
    )
    assert _checked(criteria) == [
        ("european_low_back_pain", False),
        ("pressley_reed", False),
        ("texas_chiropractic", True),
        ("texas_tacada", False),
    ]


def test_a_multiplication_sign_ticks_a_box() -> None:
    criteria = (
        "\n[ ]  ACOEM-America College of Occupational & Environmental Medicine UM Knowledgebase\n"
        "[×]  ODG-Official Disability Guidelines & Treatment Guidelines\n"
    )
    assert _checked(criteria) == [
        ("acoem", False),
        ("odg", True),
    ]


def test_a_line_under_an_item_that_asks_for_a_description_describes_it() -> None:
    # the letter leaves ``(PROVIDE A DESCRIPTION)`` out; the catalogue's item asks for one
    criteria = (
        "\n   ☒  Medical judgment, clinical experience and expertise in accordance with accepted\n"
        "      medical standards\n"
        "\n   ☒  Peer reviewed nationally accepted medical literature: O'Connor CM, Whellan DJ,\n"
        "      Lee KL, et al. Efficacy and safety of exercise training in patients with chronic\n"
        "      heart failure: HF-ACTION randomized controlled trial. JAMA 2009;301:1439-1450.\n"
        "\n   ☒  Other evidence based, scientifically valid, outcome focused guidelines: 2013\n"
        "      ACCF/AHA Guideline for the Management of Heart Failure\n"
    )
    assert _checked(criteria) == [
        ("medical_judgement", True),
        ("peer_reviewed_literature", True),
        ("other_evidence_based", True),
    ]


def test_records_by_date_with_redacted_ranges_and_unknown_dates_are_one_per_line() -> None:
    body = (
        "\n   03/28/16:  Treating doctor narrative and referral\n"
        "   xx/xx/xx:  Employer's First Report of Injury or Illness (DWC-1)\n"
        "   09/15/15:  Operative report, left shoulder arthroscopic rotator cuff repair\n"
        "   10/05/15 to 01/22/16:  Post-operative physical therapy notes (36 visits)\n"
        "   undated:  Program description, interdisciplinary pain rehabilitation\n"
        "   no date    Employer letter, position held pending release\n"
        "   10/05/2017 Carrier position statement\n"
    )
    assert len(_records(body)) == 7


def test_records_by_date_with_a_scans_letter_for_a_digit_are_one_per_line() -> None:
    body = (
        # (the first record as long as the letter's lines: the next one's date is what tells
        # it opens a record of its own)
        "\n      04/28/2008  Notice of assignment of IRO, Texas Department of Insurance, Austin,"
        " Texas\n"
        "      04/l7/2008  Request for independent review with attachments\n"
        "      04/02/2008  Reconsideration adverse determination\n"
        "      02/08/2008  Physical therapy initial evaluation and daily notes through\n"
        "                  03/07/2008\n"
        "      01/18/2008  Emergency department record\n"
    )
    assert _records(body) == [
        "04/28/2008 Notice of assignment of IRO, Texas Department of Insurance, Austin, Texas",
        "04/l7/2008 Request for independent review with attachments",
        "04/02/2008 Reconsideration adverse determination",
        "02/08/2008 Physical therapy initial evaluation and daily notes through 03/07/2008",
        "01/18/2008 Emergency department record",
    ]


def test_a_records_wrapped_date_or_received_date_is_no_furniture() -> None:
    """A record's last words wrapped onto a line of their own, after its comma: a date alone
    before the next lettered record (``12/20/2022`` / ``c. Plastic ...``), or ``received
    05/22/2015`` in lower case (no mail room's stamp, which is capitalised)."""
    lettered = (
        "\n    a. Request for independent review and TDI notice of assignment, 01/03/2023\n"
        "    b. Health plan adverse determination, 11/22/2022, and appeal decision,\n"
        "       12/20/2022\n"
        "    c. Plastic surgery consultation, 10/17/2022, with clinical photographs\n"
    )
    assert _records(lettered)[1] == (
        "Health plan adverse determination, 11/22/2022, and appeal decision, 12/20/2022"
    )
    bulleted = (
        "\n  •   Request for independent review submitted by the enrollee's representative,\n"
        "          received 05/22/2015\n"
        "  •   Health plan initial adverse determination dated 04/14/2015\n"
    )
    assert _records(bulleted)[0] == (
        "Request for independent review submitted by the enrollee's representative,"
        " received 05/22/2015"
    )


def test_a_column_of_the_same_word_is_no_wrapped_label() -> None:
    body = (
        "\n   06/24/2013                Psychological pre-surgical screening\n"
        "   07/25/2013                Postoperative visit, spine surgeon\n"
        "   undated                   DME supplier quotation\n"
        "   undated                   ODG Low Back chapter excerpts (carrier)\n"
    )
    assert _records(body)[-1] == "undated ODG Low Back chapter excerpts (carrier)"


def test_a_footer_framed_by_double_dashes_is_furniture() -> None:
    body = (
        "\n   05/23/16:  Notice of assignment of IRO\n"
        "   05/17/16:  Request for IRO (LHL009)\n"
        "                                              -- continued on next page --\n"
        "\f   04/21/16:  Preauthorization adverse determination\n"
    )
    assert _records(body) == [
        "05/23/16: Notice of assignment of IRO",
        "05/17/16: Request for IRO (LHL009)",
        "04/21/16: Preauthorization adverse determination",
    ]


def test_a_tables_wrapped_cell_is_read_with_its_row_cell_by_cell() -> None:
    body = (
        "\n  Document                                                   Date(s)\n"
        "  Notice of assignment of IRO, Division of Workers'          07/01/2016\n"
        "  Compensation\n"
        "  Request for IRO (LHL009) with requestor's position         06/27/2016\n"
        "  statement\n"
        "  Right knee radiographs, standing AP, lateral and sunrise views 01/12/2016\n"
    )
    assert _records(body) == [
        "Notice of assignment of IRO, Division of Workers' Compensation 07/01/2016",
        "Request for IRO (LHL009) with requestor's position statement 06/27/2016",
        "Right knee radiographs, standing AP, lateral and sunrise views 01/12/2016",
    ]


def test_a_drawn_tables_cells_wrapped_with_a_hanging_indent_are_read_cell_by_cell() -> None:
    """Inside a drawn table a wrapped cell's words may stand two columns in (``|   denial``),
    and a list of dates left open by a comma goes on in its own cell below."""
    body = (
        "\n  | Document                                           | Date(s)       |\n"
        "  |----------------------------------------------------|---------------|\n"
        "  | Prior authorization denial and appeal              | 07/30/2024,   |\n"
        "  |   denial                                           | 08/27/2024    |\n"
        "  | MRI of the lumbar spine; flexion-extension         | 02/12/2024    |\n"
        "  |   radiographs                                      |               |\n"
        "  | Physical therapy and pain management records       | 2023 - 2024   |\n"
    )
    assert _records(body) == [
        "Prior authorization denial and appeal denial 07/30/2024, 08/27/2024",
        "MRI of the lumbar spine; flexion-extension radiographs 02/12/2024",
        "Physical therapy and pain management records 2023 - 2024",
    ]


def test_a_date_range_wrapped_in_its_cell_wraps_once_the_next_row_is_its_own() -> None:
    body = (
        "\nDocument                                                         Date(s)\n"
        "Colorectal surgery consultation and follow-up                    08/2016 -\n"
        "                                                                 11/2016\n"
        "Bowel diary (two weeks)                                          09/2016\n"
        "Anorectal manometry and endoanal ultrasound reports              09/21/2016\n"
    )
    assert _records(body) == [
        "Colorectal surgery consultation and follow-up 08/2016 - 11/2016",
        "Bowel diary (two weeks) 09/2016",
        "Anorectal manometry and endoanal ultrasound reports 09/21/2016",
    ]


def test_a_date_range_wrapped_in_its_cell_and_a_month_date_are_read_with_their_rows() -> None:
    body = (
        "\n  Date(s)        Document                                    Source\n"
        "  01/05/2016 -   Office visit notes                          Treating physician\n"
        "  02/16/2016\n"
        "  02/02/2016     Physical therapy discharge summary          Treating therapist\n"
        "  01/2019        Medical policy: Cochlear Implants           Health plan\n"
    )
    assert _records(body) == [
        "01/05/2016 - 02/16/2016 Office visit notes Treating physician",
        "02/02/2016 Physical therapy discharge summary Treating therapist",
        "01/2019 Medical policy: Cochlear Implants Health plan",
    ]


def test_a_records_tables_bates_range_column_heading_is_no_record() -> None:
    """``Document    Date(s)    Bates Range`` over its columns' rules: a header, not a record;
    the rows keep their Bates ranges, which are the records' own."""
    body = (
        "\n   Document                       Date(s)                    Bates Range\n"
        "   -----------------------------  -------------------------  ---------------\n"
        "   Notice of Case Assignment      07/06/2021                 DPR 0001 - 0004\n"
        "   Carrier Denial Letters         06/08/2021; 06/25/2021     DPR 0005 - 0012\n"
    )
    assert _records(body) == [
        "Notice of Case Assignment 07/06/2021 DPR 0001 - 0004",
        "Carrier Denial Letters 06/08/2021; 06/25/2021 DPR 0005 - 0012",
    ]


def test_a_column_answered_by_a_letter_under_its_y_n_heading() -> None:
    criteria = (
        "\n  Guideline or clinical basis                                   Used (Y/N)\n"
        "  InterQual Criteria                                                 Y\n"
        "  Medical Judgement, Clinical Experience and Expertise in            Y\n"
        "  Accordance with Accepted Medical Standards\n"
        "  Milliman Care Guidelines                                           N\n"
    )
    assert _checked(criteria) == [
        ("interqual", True),
        ("medical_judgement", True),
        ("milliman", False),
    ]


def test_a_scans_two_blanks_after_a_comma_make_no_table_cell() -> None:
    """A scan spaces a record's words two blanks apart after its commas; the record wrapped
    onto the next line is read in line order, not as a table's row whose cell wrapped."""
    body = (
        "\n    1.   DWC notice of assignment to IRO,  11/06/2006\n"
        "    2.   Pain clinic evaluation and follow-up notes,  Dr. Okafor,  08/30/2006 and\n"
        "         09/20/2006\n"
        "    3.   MRl lumbar spine,  07/12/2006\n"
    )
    assert _records(body) == [
        "DWC notice of assignment to IRO, 11/06/2006",
        "Pain clinic evaluation and follow-up notes, Dr. Okafor, 08/30/2006 and 09/20/2006",
        "MRl lumbar spine, 07/12/2006",
    ]


GUIDELINES_LAST = (
    "\nThe requested injection is medically necessary for this worker's radicular pain.\n\n"
    "Treatment Guidelines:  The reviewer relied on the ACOEM Guidelines, Chapter 12, and on\n"
    "his clinical experience as a pain physician.\n\n"
    "This decision by the IRO is deemed to be a Division decision and order.\n"
)


def test_a_guidelines_label_on_the_analysis_last_paragraph_is_none_of_it() -> None:
    """``Treatment Guidelines:`` labelling the analysis's last paragraph, before the letter's
    closing one, names the criteria the reviewer used: no text of the analysis (the
    checklist further on is still the criteria read)."""
    heading = "USED TO SUPPORT THE DECISION:"
    decision = iroparse.parse(_replace_section(SAMPLE, heading, GUIDELINES_LAST))
    assert decision.analysis == (
        "The requested injection is medically necessary for this worker's radicular pain."
    )
    sample = iroparse.parse(SAMPLE)
    assert [(c.code, c.checked) for c in decision.criteria] == [
        (c.code, c.checked) for c in sample.criteria
    ]


def test_a_statement_of_no_conflicts_is_no_qualification() -> None:
    """``... signed a statement certifying that no known conflicts ...`` after the
    qualifications, and a list's item ``No known conflicts of interest ...``."""
    heading = "REVIEWED THE DECISION:"
    listed = (
        "\n- Board certified in Anesthesiology and Pain Medicine\n"
        "- In practice for more than 15 years\n"
        "- No known conflicts of interest with any party to this dispute\n"
    )
    paragraph = (
        "\nThe reviewer is board certified in Anesthesiology.\n\n"
        "The reviewer has signed a statement certifying that no known conflicts of interest\n"
        "exist between the reviewer and the employee, the employer or the carrier.\n"
    )
    assert scored(_replace_section(SAMPLE, heading, listed))["qualifications"] == [
        "Board certified in Anesthesiology and Pain Medicine",
        "In practice for more than 15 years",
    ]
    assert scored(_replace_section(SAMPLE, heading, paragraph))["qualifications"] == [
        "The reviewer is board certified in Anesthesiology."
    ]


def test_a_tick_printed_at_the_start_of_its_line_to_fill_in_is_read() -> None:
    """A scan prints the tick before the line to fill in (``X__`` for ``_X_``), in the
    outcome and in the criteria."""
    rows = (
        "   ___  Upheld (Agree)\n"
        "   X__  Overturned (Disagree)\n"
        "   ___  Partially Overturned (Agree in part/Disagree in part)\n"
    )
    assert _outcome_with(rows) == "overturned"
    assert _checked(
        "\n   ___  ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM\n"
        "        KNOWLEDGEBASE\n"
        "   X__  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH\n"
        "        ACCEPTED MEDICAL STANDARDS\n"
        "   _X_  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
    ) == [("acoem", False), ("medical_judgement", True), ("odg", True)]


def test_an_unmarked_criterion_before_a_page_footer_is_no_furniture() -> None:
    """An item printed without its mark, alone before a page's footer and fax banner
    (``Milliman Care Guidelines`` / ``Page 2 of 4`` / ``04/17/2007 16:43 FAX ...``), is the
    checklist's item, not a running header's line, though the next item's tick is a small
    ``x`` (as if a sentence went on)."""
    body = (
        "\n         InterQual Criteria\n\n"
        "    X    Medical Judgement,  Clinical Experience and Expertise in Accordance with\n"
        "         Accepted Medical Standards\n\n"
        "         Mercy Center Consensus Conference Guidelines\n\n"
        "         Milliman Care Guidelines\n\n"
        "                                     Page 2 of 4\n"
        "04/17/2007 16:43 FAX 2545550188       STILLHOUSE HOLLOW MR                 @004/005\n\n"
        "    x    ODG-Official Disability Guidelines & Treatment Guidelines\n"
    )
    assert _checked(body) == [
        ("interqual", False),
        ("medical_judgement", True),
        ("mercy_center", False),
        ("milliman", False),
        ("odg", True),
    ]


@pytest.mark.parametrize(
    ("heading", "run_in"),
    [
        ("PATIENT CLINICAL HISTORY SUMMARY:\n", "Clinical History. "),
        (
            "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND "
            "CONCLUSIONS\nUSED TO SUPPORT THE DECISION:\n",
            "Analysis and Explanation of the Decision. ",
        ),
    ],
)
def test_a_run_in_heading_ended_by_a_full_stop_opens_its_section(heading: str, run_in: str) -> None:
    """``Clinical History. The claimant is ...``: a heading in title case, its full stop, and
    the section's first sentence on the same line."""
    assert heading in SAMPLE
    plain = iroparse.parse(SAMPLE)
    run = iroparse.parse(SAMPLE.replace(heading, run_in, 1))
    assert run.clinical_history == plain.clinical_history
    assert run.analysis == plain.analysis


def test_basis_for_the_decision_after_the_analysis_heads_the_criteria() -> None:
    """``Basis for the Decision`` alone on its line after the analysis's own heading names the
    guidelines the analysis rests on: no more analysis (a label inside it would be)."""
    head = SAMPLE[: SAMPLE.index(CRITERIA)]
    basis = "Basis for the Decision\n\nThe reviewer relied on the ODG Knee chapter.\n"
    plain, based = iroparse.parse(head), iroparse.parse(head + basis)
    assert based.analysis == plain.analysis
    criteria = [s for s in based.sections if s.kind == "criteria"]
    assert [s.text for s in criteria] == ["The reviewer relied on the ODG Knee chapter."]


def test_records_numbered_by_a_bare_number_and_two_blanks_are_items() -> None:
    """``  1  Insurer denial, ...``: a number and two blanks number a list as ``1.`` does; the
    item's wrapped line (``     09/30/2019``) stays with it."""
    records = (
        "\n  1  Insurer denial, 09/16/2019, and appeal denial, 10/07/2019\n"
        "  2  Physical therapy evaluation, 09/03/2019, and daily notes through\n"
        "     09/30/2019\n"
        "  3  Request for independent review, 10/15/2019\n"
    )
    assert _records(records) == [
        "Insurer denial, 09/16/2019, and appeal denial, 10/07/2019",
        "Physical therapy evaluation, 09/03/2019, and daily notes through 09/30/2019",
        "Request for independent review, 10/15/2019",
    ]


def test_numbered_items_under_yes_no_columns_are_named_without_their_numbers() -> None:
    """``   1. ACOEM - American College ...      ✓`` under ``Yes  No``: the item's number is
    the list's; the label after it names the criterion."""
    rows = (
        f"{'':<69}Yes  No\n\n"
        f"{'   1. ACOEM - American College of Occupational & Environmental':<74}✓\n"
        "      Medicine UM Knowledgebase\n"
        f"{'   2. InterQual Criteria':<74}✓\n"
        f"{'   3. Medical Judgement, Clinical Experience and Expertise in':<69}✓\n"
        "      Accordance with Accepted Medical Standards\n"
        f"{'  10. Milliman Care Guidelines':<69}✓\n"
    )
    decision = _with_checklist(rows)
    assert [(c.code, c.checked) for c in decision.criteria] == [
        ("acoem", False),
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", True),
    ]
    assert decision.criteria[1].label == "InterQual Criteria"
    text = SAMPLE[: SAMPLE.index(CRITERIA)] + CRITERIA + rows
    span = decision.criteria[1].span
    assert span is not None and span.slice(text).startswith("InterQual Criteria")


def test_a_records_tables_column_numbering_its_rows_is_no_part_of_a_record() -> None:
    """``No. │ Document │ Date(s)`` over rows numbered in their first cell: the header is no
    record, and a row's number is its list's numbering, not its words."""
    records = (
        "\n┌─────┬──────────────────────────────────────────┬─────────────────┐\n"
        "│ No. │ Document                                 │ Date(s)         │\n"
        "├─────┼──────────────────────────────────────────┼─────────────────┤\n"
        "│ 1   │ Request for review by an independent     │ 05/28/2015      │\n"
        "│     │ review organization                      │                 │\n"
        "│ 2   │ Health plan adverse determination        │ 04/30/2015      │\n"
        "└─────┴──────────────────────────────────────────┴─────────────────┘\n"
    )
    assert _records(records) == [
        "Request for review by an independent review organization 05/28/2015",
        "Health plan adverse determination 04/30/2015",
    ]


def test_a_long_records_table_whose_cells_wrap_in_two_columns_is_read_row_by_row() -> None:
    """The document's cell and the last (``From``) cell both wrap (``Preauthorization denial
    with      Carrier UR`` / ``peer review report      agent``), and the ``From`` column's
    short words stand far below the header (no sidebar's)."""
    rows = [
        ("03/22/2021", "Request for independent review", "DWC"),
        ("", "and DWC notice of assignment", ""),
        ("02/19/2021", "Preauthorization denial with", "Carrier UR"),
        ("", "peer review report", "agent"),
        ("03/09/2021", "Reconsideration denial", "Carrier UR"),
        ("", "", "agent"),
        ("09/14/2020", "Lumbar MRI report", "Imaging"),
        ("", "", "center"),
        ("01/27/2021", "Lumbar flexion-extension", "Imaging"),
        ("", "radiographs", "center"),
        ("10/2020 -", "Lumbar epidural steroid", "Pain clinic"),
        ("12/2020", "injection procedure notes (2)", ""),
        ("06/2020 -", "Physical therapy notes, 18", "PT clinic"),
        ("09/2020", "visits", ""),
    ]
    table = "".join(
        f"  {date:<12}{document:<33}{source}".rstrip() + "\n"
        for date, document, source in [("Date", "Document", "From"), *rows]
    )
    assert _records("\n" + table) == [
        "03/22/2021 Request for independent review and DWC notice of assignment DWC",
        "02/19/2021 Preauthorization denial with peer review report Carrier UR agent",
        "03/09/2021 Reconsideration denial Carrier UR agent",
        "09/14/2020 Lumbar MRI report Imaging center",
        "01/27/2021 Lumbar flexion-extension radiographs Imaging center",
        "10/2020 - 12/2020 Lumbar epidural steroid injection procedure notes (2) Pain clinic",
        "06/2020 - 09/2020 Physical therapy notes, 18 visits PT clinic",
    ]


def test_a_sentence_naming_a_criterion_after_cited_sources_is_prose() -> None:
    """The criteria section cites its sources in sentences, the last of them the
    catalogue's words for medical judgement: prose, no checklist (criteria empty)."""
    prose = (
        "\nAmerican Diabetes Association. Standards of Medical Care in Diabetes, section 7,\n"
        "Diabetes Technology. Beck RW, et al. Effect of continuous glucose monitoring on\n"
        "glycemic control. JAMA 2017;317(4):371-378.\n"
        "Medical judgment, clinical experience and expertise in accordance with accepted\n"
        "medical standards.\n"
    )
    assert _checked(prose) == []


def test_a_mark_after_an_items_description_marks_the_item() -> None:
    """Marks in a column after the labels: an item goes on with its description after a
    colon, and the mark ends the description's last line; an unknown ``MCO/HMO ... Policy``
    item is no Milliman (``MCO`` is no ``MCG`` misread)."""
    body = (
        "\n                                                                   YES     NO\n"
        "   TMF Screening Criteria Manual                                            X\n"
        "   Peer Reviewed Nationally Accepted Medical Literature: Paleg GS,\n"
        "   Smith BA, Glickman LB. Systematic review and evidence-based\n"
        "   clinical recommendations for dosing of pediatric supported\n"
        "   standing programs. Pediatr Phys Ther 2013;25:232-47.             X\n"
        "   Other Evidence Based, Scientifically Valid, Outcome Focused\n"
        "   Guidelines                                                               X\n"
        "   MCO/HMO Clinical or Behavioral Health Coverage Policy                    X\n"
    )
    assert _checked(body) == [
        ("tmf", False),
        ("peer_reviewed_literature", True),
        ("other_evidence_based", False),
        ("other", False),
    ]


def test_a_policys_title_wrapped_before_its_revision_is_no_form_number() -> None:
    """``Thyroid (rev. 07/2021)``: a record's last line, a policy's title and its revision,
    not a form's number and revision (``Form LHL712 (Rev. 04/2020)``) alone on its line."""
    records = (
        "\n   (1) Endocrinology clinic notes, 10/2021 through 02/2022\n"
        "   (2) MCO clinical policy: Molecular Markers in Fine Needle Aspirates of the\n"
        "       Thyroid (rev. 07/2021)\n"
    )
    assert _records(records) == [
        "Endocrinology clinic notes, 10/2021 through 02/2022",
        "MCO clinical policy: Molecular Markers in Fine Needle Aspirates of the Thyroid"
        " (rev. 07/2021)",
    ]


def test_labelled_qualifications_are_one_item_each() -> None:
    """``Specialty:`` / ``Board certification:`` lines, their values at one column, the first
    as long as the letter's lines (as if the wrapper cut it): an item each."""
    from iroparse._fields.lists import _continues
    from iroparse._pipeline.tokens import Token, TokenKind

    first = "Specialty:                General Surgery - Metabolic and Bariatric Surgery"
    line = Token(TokenKind.TEXT, first, 0, len(first), 0, 0, column=0)
    assert not _continues(
        line, "Board certification:      American Board of Surgery", 79, first, False
    )


@pytest.mark.parametrize("box", ["(X)", "(Xl", "[X)"])
def test_a_bracket_box_a_scan_read_with_a_parenthesis_is_read(box: str) -> None:
    """Among bracketed boxes, one with a parenthesis for a bracket (``(Xl``, ``(X)``) is the
    bracket layout's checked box."""
    body = (
        "\n[ ]  ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE\n"
        "[ ]  AHCPR-AGENCY FOR HEALTHCARE RESEARCH & QUALITY GUIDELINES\n"
        "[X]  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH\n"
        "     ACCEPTED MEDICAL STANDARDS\n"
        "[ ]  MILLIMAN CARE GUIDELINES\n"
        f"{box}  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
    )
    assert _checked(body) == [
        ("acoem", False),
        ("ahcpr", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("odg", True),
    ]


def test_bracket_boxes_all_closed_by_a_parenthesis_are_read() -> None:
    """A scan that read every box's closing bracket as a parenthesis (``[ )``, ``[X)``): the
    bracket layout's boxes, in the outcome and in the checklist."""
    body = (
        "\n  [ ) ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE\n"
        "  [ ) INTERQUAL CRITERIA\n"
        "  [X) MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE\n"
        "      WITH ACCEPTED MEDICAL STANDARDS\n"
        "  [ ) MILLIMAN CARE GUIDELINES\n"
        "  [X) OTHER EVIDENCE BASED, SCIENTIFICALLY VALID, OUTCOME FOCUSED GUIDELINES\n"
    )
    assert _checked(body) == [
        ("acoem", False),
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("other_evidence_based", True),
    ]


def test_a_records_tables_full_width_rows_are_a_record_each() -> None:
    """Rows as long as the letter's lines, their cells in the same columns (``Request for
    ...    07/16/2018    Enrollee`` / ``Adverse ...    05/29/2018    Health plan``): a
    record each, though the first looks cut by the wrapper."""
    from iroparse._fields.lists import _continues
    from iroparse._pipeline.tokens import Token, TokenKind

    first = "Request for independent review                   07/16/2018       Enrollee"
    line = Token(TokenKind.TEXT, first, 0, len(first), 0, 0, column=4)
    nxt = "Adverse determination letter                     05/29/2018       Health plan"
    assert not _continues(line, nxt, 82, first, False)


def test_a_drawn_records_table_whose_rows_wrap_in_every_column_is_read_row_by_row() -> None:
    """Each row's cells wrap, in any column (``... IRO request | Texas Department of`` /
    ``form | Insurance``; ``... consultation and | Treating | 02/07/2018 -`` / ``follow-up
    notes | otolaryngologist | 06/05/2018``): a record each, read cell by cell."""
    rows = [
        ("Document", "Source", "Date(s)"),
        ("Notice of assignment and IRO request", "Texas Department of", "07/26/2018"),
        ("form", "Insurance", ""),
        ("Otolaryngology consultation and", "Treating", "02/07/2018 -"),
        ("follow-up notes", "otolaryngologist", "06/05/2018"),
        ("CT of the paranasal sinuses", "Imaging center", "05/22/2018"),
    ]
    rule = "   +------------------------------------------+------------------------+--------------+"
    body = [rule]
    for n, (document, source, dates) in enumerate(rows):
        body.append(f"   | {document:<40} | {source:<22} | {dates:<12} |")
        if n == 0:
            body.append(rule)
    body.append(rule)
    assert _records("\n" + "\n".join(body) + "\n") == [
        "Notice of assignment and IRO request form Texas Department of Insurance 07/26/2018",
        "Otolaryngology consultation and follow-up notes Treating otolaryngologist"
        " 02/07/2018 - 06/05/2018",
        "CT of the paranasal sinuses Imaging center 05/22/2018",
    ]


def test_a_date_cell_left_open_goes_on_on_the_next_row_line() -> None:
    """``04/30/2019,`` / ``05/16/2019``: the second date ends the first's cell, no record of
    its own, though the records are each dated."""
    records = (
        "\n| 05/28/2019              | DWC confirmation of IRO assignment     | DWC       |\n"
        "| 04/30/2019,             | Utilization review denials, initial    | Carrier UR|\n"
        "| 05/16/2019              | and reconsideration                    |           |\n"
        "| 02/18/2019              | MRI of the lumbar spine                | Imaging   |\n"
    )
    assert _records(records) == [
        "05/28/2019 DWC confirmation of IRO assignment DWC",
        "04/30/2019, 05/16/2019 Utilization review denials, initial and reconsideration Carrier UR",
        "02/18/2019 MRI of the lumbar spine Imaging",
    ]


def test_headings_numbered_as_decimal_parts_and_their_outline_numbered_items() -> None:
    """``2.0  DESCRIPTION OF THE SERVICE ...`` is its heading without its number, and
    ``4.1  Request for review ...`` an item of a list numbered under it."""
    firsts = ["DATE NOTICE", "IRO CASE", "DESCRIPTION OF", "A DESCRIPTION OF THE Q", "REVIEW OUT"]
    firsts += ["INFORMATION PROV", "PATIENT CLIN", "ANALYSIS AND", "A DESCRIPTION AND"]
    text = SAMPLE
    for n, first in enumerate(firsts, 1):
        assert f"\n{first}" in text
        text = text.replace(f"\n{first}", f"\n{n}.0  {first}", 1)
    records = ["Request for review", "Adverse determination", "Orthopedic", "MRI of the right"]
    for k, record in enumerate(records, 1):
        text = text.replace(f"\n{record}", f"\n6.{k}  {record}", 1)
    decision, original = iroparse.parse(text), iroparse.parse(SAMPLE)
    assert [i.text for i in decision.information_provided] == [
        i.text for i in original.information_provided
    ]
    for name in ("analysis", "clinical_history", "outcome", "case_number", "notice_date"):
        assert getattr(decision, name) == getattr(original, name), name
    assert [s.text for s in decision.services] == [s.text for s in original.services]


def test_a_record_one_column_in_after_a_long_dated_record_is_its_own() -> None:
    """A scan's ragged margin moves a line one column in: no hanging indent, though the line
    above is as long as the letter's lines."""
    body = (
        "\nTDI-DWC IRO assignment, 01/25/2016\n"
        "URA denials, 12/09/2015 and 01/06/2016\n"
        " Spine surgeon notes, 06/2015 - 12/2015\n"
        "Lumbar MRI, 05/28/2015, and flexion/extension radiographs, 11/17/2015\n"
        " EMG/NCS, 08/04/2015\n"
    )
    assert _records(body)[-2:] == [
        "Lumbar MRI, 05/28/2015, and flexion/extension radiographs, 11/17/2015",
        "EMG/NCS, 08/04/2015",
    ]


def test_a_scans_double_blank_in_a_wrapped_qualification_is_no_tables_cell() -> None:
    """``experience  in occupational rehabili-`` / ``tation``: the word cut at the line's end
    goes on at the next line's start, read line by line, not as a table's wrapped cell."""
    body = (
        "\nDoctor of Chiropractic with 18 years of clinical experience  in occupational"
        " rehabili-\ntation\n"
    )
    decision = iroparse.parse(_replace_section(SAMPLE, QUALIFICATIONS.rstrip("\n"), body))
    assert [q.text for q in decision.reviewer_qualifications] == [
        "Doctor of Chiropractic with 18 years of clinical experience in occupational"
        " rehabilitation",
    ]


def _outcome_section(section: str) -> iroparse.Decision:
    """The sample parsed with ``section`` as its outcome section, the analysis's own decision
    words taken out (so only the section can decide)."""
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", section)
    return iroparse.parse(text.replace("upheld", "decided").replace("overturned", "decided"))


def test_outcome_boxes_in_a_row_after_the_lead_in_on_its_line() -> None:
    row = "   [ ] Upheld   [ ] Overturned   [X] Partially Overturned\n"
    section = "\nUpon independent review the reviewer finds that the previous adverse determination"
    assert _outcome_section(f"{section}\nshould be:{row}").outcome.value == "partially_overturned"


def test_a_drawn_grid_of_outcomes_with_the_mark_in_a_cell_after_its_label() -> None:
    rule = "  +----------------------+-----+--------------------------+-----+----------+-----+"
    row = "  | Upheld (Agree)       |     | Overturned (Disagree)    |     | Partially |  X  |"
    decision = _outcome_section(f"{LEAD_IN}{rule}\n{row}\n{rule}\n")
    assert decision.outcome.value == "partially_overturned"


def test_every_outcome_named_after_the_lead_in_states_none_of_them() -> None:
    """Boxes no layout reads, all on the lead-in's line: the first label (``Upheld``) is no
    statement; the analysis decides (``I disagree with the prior denials``), and says so."""
    section = "\nthe previous adverse determination should be: ~ Upheld ~ Overturned ~ Partially\n"
    decision = _outcome_section(section)
    assert decision.outcome.value == "overturned"
    assert "outcome-from-narrative" in {d.code for d in decision.diagnostics}


def test_a_records_cell_wrapped_under_an_unknown_date_stays_with_its_row() -> None:
    """``n.d.    Health plan clinical policy, Blepharoplasty and Ptosis`` / ``   Repair``:
    the line's one cell stands under the row's last cell, so it goes on with the row though
    the row's line was not full."""
    body = (
        "\n       01/08/2018   Humphrey visual field testing, taped and untaped\n"
        "       n.d.         Health plan clinical policy, Blepharoplasty and Ptosis\n"
        "                    Repair (effective 07/01/2017)\n"
    )
    assert _records(body) == [
        "01/08/2018 Humphrey visual field testing, taped and untaped",
        "n.d. Health plan clinical policy, Blepharoplasty and Ptosis Repair (effective 07/01/2017)",
    ]


@pytest.mark.parametrize(
    ("checked", "empty"),
    [("_X_", "___"), ("IZI", "D  "), ("[Xl", "0  ")],
    ids=["underscores", "glyphs-read-as-izi-and-d", "brackets-read-as-xl-and-0"],
)
def test_a_two_column_checklist_of_underscores_or_misread_boxes(checked: str, empty: str) -> None:
    """``___ ACOEM ...   _X_ AHCPR ...``, or boxes a scan misread (``D   ...   IZI ...``):
    the right column's marks start its items, its wrapped lines are no sidebar, and each
    misread box is read once its item starts a line."""
    pairs = [
        (
            f"{empty} ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL",
            f"{checked} AHCPR-AGENCY FOR HEALTHCARE",
        ),
        ("    & ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE", "    RESEARCH & QUALITY GUIDELINES"),
        (f"{checked} DWC-DIVISION OF WORKERS COMPENSATION", f"{empty} EUROPEAN GUIDELINES FOR"),
        ("    POLICIES OR GUIDELINES", "    MANAGEMENT OF CHRONIC LOW BACK PAIN"),
        (f"{empty} INTERQUAL CRITERIA", f"{checked} MEDICAL JUDGEMENT, CLINICAL EXPERIENCE"),
        (f"{empty} MILLIMAN CARE GUIDELINES", f"{empty} ODG-OFFICIAL DISABILITY GUIDELINES"),
    ]
    rows = "".join(f"{left:<51}{right}\n" for left, right in pairs)
    assert _checked("\n" + rows) == [
        ("acoem", False),
        ("ahcpr", True),
        ("dwc", True),
        ("european_low_back_pain", False),
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("odg", False),
    ]


def test_a_records_table_with_an_author_column_wrapped_in_its_middle_cell() -> None:
    """``Document   Author / Source   Date``: the header is no record, and a middle cell left
    open by its last word (``Texas Department of`` / ``Insurance``) wraps under itself."""
    body = (
        "\n  Document                                   Author / Source            Date\n"
        "  ----------------------------------------   ------------------------   ----------\n"
        "  TDI-DWC notice of case assignment          Texas Department of        05/03/2012\n"
        "                                             Insurance\n"
        "  Denial letter                              xxxxx Insurance Co. URA    04/02/2012\n"
    )
    assert _records(body) == [
        "TDI-DWC notice of case assignment Texas Department of Insurance 05/03/2012",
        "Denial letter xxxxx Insurance Co. URA 04/02/2012",
    ]
    described = "\n  Record Description                      Date(s)\n  MRI report    05/01/2015\n"
    assert _records(described) == ["MRI report 05/01/2015"]
    # a date range's columns
    ranged = "\n  Document                         From          To\n  MRI report    05/01/2015\n"
    assert _records(ranged) == ["MRI report 05/01/2015"]
    # who sent it: ``Received From``, ``Provider / Source``
    for who in ("Received From", "Provider / Source"):
        header = f"\n  {who:<22}Document                  Date(s)\n"
        rows = "  Carrier               Denial letter             04/02/2012\n"
        assert _records(header + rows) == ["Carrier Denial letter 04/02/2012"], who


def test_a_checklists_column_header_written_again_after_a_page_break_is_no_description() -> None:
    """``Source      Applied`` over the items, and again on the next page: a column header
    each time (an answer's word for its heading), never a row answered ``Applied`` nor the
    description of the item above it."""
    body = (
        f"\n    {'Source':<67}Applied\n"
        "    ACOEM - American College of Occupational & Environmental Medicine\n"
        f"    {'InterQual Criteria':<67}✓\n"
        "    European Guidelines for Management of Chronic Low Back Pain\n"
        "\n\nChisos Independent Review  ·  Confidential  ·  Page 2 / 3\n\f\n"
        f"    {'Source':<67}Applied\n"
        f"    {'ODG - Official Disability Guidelines & Treatment Guidelines':<67}✓\n"
        "    Milliman Care Guidelines\n"
    )
    criteria = _with_checklist(body).criteria
    assert [(c.code, c.checked, c.description) for c in criteria] == [
        ("acoem", False, None),
        ("interqual", True, None),
        ("european_low_back_pain", False, None),
        ("odg", True, None),
        ("milliman", False, None),
    ]


def test_bracketed_yes_and_no_answers_are_ticked_and_empty_boxes() -> None:
    """``[Y]`` and ``[N]`` in place of a box's tick: the bracket layout's checked and
    unchecked boxes."""
    body = (
        "\n[N] ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE\n"
        "[N] AHCPR-AGENCY FOR HEALTHCARE RESEARCH & QUALITY GUIDELINES\n"
        "[Y] MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH\n"
        "    ACCEPTED MEDICAL STANDARDS\n"
        "[N] MILLIMAN CARE GUIDELINES\n"
        "[Y] ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
    )
    assert _checked(body) == [
        ("acoem", False),
        ("ahcpr", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("odg", True),
    ]


def test_record_numbers_a_scan_spaced_from_their_point_are_markers() -> None:
    body = (
        "\n1 . Request for review by an independent review organization, 08/24/2016\n"
        "2 . Denial letter, 07/28/2016, and appeal denial letter, 08/17/2016\n"
        "3 . Orthopaedic office notes, 02/09/2016 through 07/19/2016\n"
    )
    assert _records(body) == [
        "Request for review by an independent review organization, 08/24/2016",
        "Denial letter, 07/28/2016, and appeal denial letter, 08/17/2016",
        "Orthopaedic office notes, 02/09/2016 through 07/19/2016",
    ]


def test_a_records_tables_submitted_by_column_makes_its_header_no_record() -> None:
    body = (
        "\n     Date(s)           Document                                 Submitted by\n"
        "     05/15/2023        Notice of IRO assignment                 TDI\n"
        "     05/12/2023        Request for expedited review             Facility\n"
        "     04/21/2023        Adverse determination                    Health plan\n"
    )
    assert _records(body) == [
        "05/15/2023 Notice of IRO assignment TDI",
        "05/12/2023 Request for expedited review Facility",
        "04/21/2023 Adverse determination Health plan",
    ]


def test_a_checked_box_a_scan_read_as_bracket_g_j_is_checked() -> None:
    """``[gJ`` among ``D`` empty boxes and ``IZI``: the box's cross read as ``g``."""
    body = (
        "\n D ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE\n"
        "\n D AHCPR-AGENCY FOR HEALTHCARE RESEARCH & QUALITY GUIDELINES\n"
        "\n IZI MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH\n"
        "   ACCEPTED MEDICAL STANDARDS\n"
        "\n D MILLIMAN CARE GUIDELINES\n"
        "\n [gJ ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
    )
    assert _checked(body) == [
        ("acoem", False),
        ("ahcpr", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("odg", True),
    ]


def test_a_trailing_x_a_scan_read_as_angle_brackets_beside_real_ones_is_checked() -> None:
    """``><`` after a wrapped item's last line, an ``X`` read right after another item's:
    both items are checked."""
    body = (
        "\n  ACOEM-AMERICA COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE\n"
        "\n  INTERQUAL CRITERIA\n"
        "\n  MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH\n"
        "  ACCEPTED MEDICAL STANDARDS                                                 ><\n"
        "\n  MILLIMAN CARE GUIDELINES\n"
        "\n  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES                  X\n"
    )
    assert _checked(body) == [
        ("acoem", False),
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("odg", True),
    ]


def test_a_numbered_record_over_a_page_footer_is_the_lists() -> None:
    """``5. Request for IRO, 08/05/10`` right above the page's footer: a short line with the
    words of an organisation's name, but the list's fifth item."""
    body = (
        "\n   1. Office notes, 02/16/10 through 07/13/10\n"
        "   2. MRI lumbar spine, 01/28/10\n"
        "   3. UR denial letters, 07/19/10 and 08/02/10\n"
        "   4. Request for IRO, 08/05/10\n"
        "\n                                   - 1 -\n"
        " KPRA IRO Decision - Confidential Health Information\n"
    )
    assert _records(body)[-1] == "Request for IRO, 08/05/10"


def test_criteria_in_capitals_with_l_for_i_are_identified() -> None:
    """A scan's ``l`` for ``I`` all through a checklist in capitals (``MlLLlMAN``,
    ``GUlDELlNES``): each item is still its criterion."""
    body = (
        "\n[ ]  EUROPEAN GUlDELlNES FOR MANAGEMENT OF CHRONlC LOW BACK PAlN\n"
        "[8]  lNTERQUAL CRlTERlA\n"
        "[ ]  MlLLlMAN CARE GUlDELlNES\n"
        "[ ]  TEXAS GUlDELlNES FOR CHlROPRACTlC QUALlTY ASSURANCE & PRACTlCE PARAMETERS\n"
        "[8]  0DG-0FFlClAL DlSABlLlTY GUlDELlNES & TREATMENT GUlDELlNES\n"
    )
    assert _checked(body) == [
        ("european_low_back_pain", False),
        ("interqual", True),
        ("milliman", False),
        ("texas_chiropractic", False),
        ("odg", True),
    ]


def test_ticks_read_as_tildes_among_empty_boxes_read_as_zeros() -> None:
    """``~`` for a tick and ``0`` for an empty box, at the start of each item: the ``~`` is
    no speck, and a label's first letter set apart (``0 DG-OFFICIAL``) is still read."""
    rows = (
        "     0    Upheld (Agree)\n"
        "     0    Overturned (Disagree)\n"
        "     ~    Partially Overturned (Agree in part/Disagree in part)\n"
    )
    assert _outcome_with(rows) == "partially_overturned"
    body = (
        "\n     ~    ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRON MENTAL MEDICINE UM\n"
        "     0    AHCPR-AGENCY FOR HEALTHCARE RESEARCH & QUALITY GUIDE LINES\n"
        "     0    MILLI MAN CARE GUIDELINES\n"
        "     ~    0 DG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
    )
    assert _checked(body) == [
        ("acoem", True),
        ("ahcpr", False),
        ("milliman", False),
        ("odg", True),
    ]


def test_a_trailing_x_read_as_two_parentheses_is_checked() -> None:
    body = (
        "\n      ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM\n"
        "      KNOWLEDGEBASE                                                          x\n"
        "\n      INTERQUAL CRITERIA\n"
        "\n      MEDICAL JUDGEMENT, CLINICAL EXPERIENCE & EXPERTISE IN ACCORDANCE WITH\n"
        "      ACCEPTED MEDICAL STANDARDS                                             )(\n"
        "\n      ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES             X\n"
    )
    assert _checked(body) == [
        ("acoem", True),
        ("interqual", False),
        ("medical_judgement", True),
        ("odg", True),
    ]


def test_a_check_mark_misread_among_check_marks_read_right_is_checked() -> None:
    body = (
        "\n          ACOEM-American College of Occupational & Environmental Medicine UM\n"
        "      ✓   DWC-Division of Workers Compensation Policies or Guidelines\n"
        "          InterQual Criteria\n"
        "      v'  Medical Judgement, Clinical Experience and Expertise in Accordance with\n"
        "          Accepted Medical Standards\n"
        "      ✓   ODG-Official Disability Guidelines & Treatment Guidelines\n"
    )
    assert _checked(body) == [
        ("acoem", False),
        ("dwc", True),
        ("interqual", False),
        ("medical_judgement", True),
        ("odg", True),
    ]


#: The sample's headings in a designed letter's plain words, numbered in lower-case Roman
#: numerals (``iii.``) or in brackets (``[05]``).
PLAIN_HEADINGS = {
    "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:": "iii.   Service or services in dispute",
    QUALIFICATIONS.rstrip("\n"): "D)  CREDENTIALS OF THE HEALTH CARE PROVIDER WHO PERFORMED THE"
    " REVIEW",
    "REVIEW OUTCOME:": "v.     Outcome of review",
    "INFORMATION PROVIDED TO THE IRO FOR REVIEW:": "vi.    What was reviewed",
    "PATIENT CLINICAL HISTORY SUMMARY:": "[07] PATIENT CLINICAL HISTORY SUMMARY",
    "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND "
    "CONCLUSIONS\nUSED TO SUPPORT THE DECISION:": "viii.  Why this decision was made (analysis and"
    " explanation)",
}


def _headings_replaced(headings: dict[str, str], before: str = "", after: str = "") -> str:
    """The sample with each of its headings replaced by another wording (between ``before``
    and ``after``)."""
    text = SAMPLE
    for heading, wording in headings.items():
        assert heading in text, heading
        text = text.replace(heading, f"{before}{wording}{after}")
    return text


def test_headings_in_plain_words_numbered_in_small_roman_numerals_or_brackets() -> None:
    """Each section is read as in the sample; ``What was reviewed`` after the services'
    own section heads the records (before it, in a designed letter, it heads the request)."""
    text = _headings_replaced(PLAIN_HEADINGS)
    assert scored(text) == scored(SAMPLE)
    kinds = [s.kind for s in iroparse.parse(text).sections]
    assert kinds.count("services_in_dispute") == 1
    assert "information_provided" in kinds


def test_a_case_identifier_heading_above_its_value_and_its_pages() -> None:
    text = SAMPLE.replace("IRO CASE #:", "(b) IRO Case Identifier")
    assert iroparse.parse(text).case_number == iroparse.parse(SAMPLE).case_number
    assert DEFAULT_FURNITURE.noise_kind("LVIR 12-1187 / 2") == "page-number"


def test_a_drawn_rows_date_range_and_last_cell_wrapped_together() -> None:
    body = (
        "\n| 03/26/2019   | Neurodiagnostic lab     | EMG/NCV bilateral lower extremities  |\n"
        "| 12/04/2018 - | Physical therapy clinic | Evaluation, daily notes, discharge   |\n"
        "| 02/01/2019   |                         | summary                              |\n"
        "+--------------+-------------------------+--------------------------------------+\n"
    )
    assert _records(body) == [
        "03/26/2019 Neurodiagnostic lab EMG/NCV bilateral lower extremities",
        "12/04/2018 - 02/01/2019 Physical therapy clinic Evaluation, daily notes, discharge"
        " summary",
    ]


#: The sample's headings as a designed letter's questions.
QUESTION_HEADINGS = {
    "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:": "What Service Was Requested?",
    QUALIFICATIONS.rstrip("\n"): "Who reviewed it?",
    "REVIEW OUTCOME:": "What did the reviewer decide?",
    "INFORMATION PROVIDED TO THE IRO FOR REVIEW:": "What records did the reviewer look at?",
    "PATIENT CLINICAL HISTORY SUMMARY:": "What is the patient's history?",
    "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND "
    "CONCLUSIONS\nUSED TO SUPPORT THE DECISION:": "Why Was This Decision Made?",
}


def test_headings_written_as_questions() -> None:
    """Each question heads its section; the letter's closing questions (``Is the Reviewer
    Independent?``, ``What if I disagree with this decision?``) head none of the statutory
    sections."""
    text = _headings_replaced(QUESTION_HEADINGS, before="\n")
    assert scored(text) == scored(SAMPLE)
    closing = (
        "\n\nIs the Reviewer Independent?\nYes. The reviewer has certified that there is no\n"
        "known conflict of interest with the enrollee or the health plan.\n\n"
        "What if I disagree with this decision?\nYou may appeal.\n"
    )
    kinds = [s.kind for s in iroparse.parse(text + closing).sections]
    assert kinds[-2:] == ["other", "other"]


def test_a_letter_date_under_a_fax_banners_page_count_is_the_letters() -> None:
    """``From: ... Page 1 of 2  10/07/2019 4:04 PM`` over the letterhead and the letter's
    date: the date is no running header's (no text of the letter above it)."""
    banner = (
        "From: Bluebonnet IRO  Fax: (254) 555-0110   To:   Fax: +1 (512) 555-0199   "
        "Page 1 of 2  10/07/2019 4:04 PM\n\n"
        "                                BLUEBONNET INDEPENDENT REVIEW, LLC\n"
        "                          1400 Austin Avenue, Suite 610  |  Waco, Texas 76701\n\n\n"
    )
    letter = banner + _with_box("October 7, 2019\n\nIRO CASE #:\nxxxxx\n")
    assert iroparse.parse(letter).review_date == datetime.date(2019, 10, 7)


def test_an_age_after_the_sex_words_years_of_age() -> None:
    patient = iroparse.parse(
        SAMPLE.replace(
            "The injured worker is a xx-year-old woman who",
            "The patient, a male 66 years of age,",
        )
    ).patient
    assert (patient.age, patient.sex) == (66, "male")


def test_a_record_a_scan_opened_with_l_for_i_is_a_record_of_its_own() -> None:
    body = (
        "\nColonoscopy with biopsy report, 01/14/2014\n"
        "lnfliximab trough level and antibody assay, 01/28/2014\n"
        "Laboratory results including CRP and fecal calprotectin, 10/2013\n"
    )
    assert _records(body) == [
        "Colonoscopy with biopsy report, 01/14/2014",
        "lnfliximab trough level and antibody assay, 01/28/2014",
        "Laboratory results including CRP and fecal calprotectin, 10/2013",
    ]


#: The sample's headings as an enrollee letter's plain phrases, each ended by a full stop.
PHRASE_HEADINGS = {
    "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:": "        What was requested.",
    QUALIFICATIONS.rstrip("\n"): "        Who reviewed your case.",
    "INFORMATION PROVIDED TO THE IRO FOR REVIEW:": "        What the reviewer looked at.",
    "PATIENT CLINICAL HISTORY SUMMARY:": "        Your medical history.",
    "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND "
    "CONCLUSIONS\nUSED TO SUPPORT THE DECISION:": "        Why the reviewer decided this way.",
}


def test_headings_written_as_plain_phrases_ended_by_a_full_stop() -> None:
    assert scored(_headings_replaced(PHRASE_HEADINGS, "\n", "\n")) == scored(SAMPLE)


def test_a_pages_title_with_its_reference_and_name_then_continued_is_furniture() -> None:
    line = "Re: Reference 01-0233-H, Cody J. Pritchett, continued"
    assert DEFAULT_FURNITURE.noise_kind(line) == "continued"


def test_a_row_of_boxes_under_a_grids_row_of_outcomes() -> None:
    """A drawn grid's labels in one row, their asides wrapped under the last, and a row of
    boxes under them: the ticked box is under ``Overturned``."""
    rows = (
        "     Upheld (Agree)     Overturned (Disagree)   Partially Overturned\n"
        "                                                (Agree in part/Disagree in part)\n"
        "          [   ]                [ X ]                         [   ]\n"
    )
    assert _outcome_with(rows) == "overturned"


def test_the_outcomes_lead_in_under_a_summarys_value_rows() -> None:
    """A summary's ``Review date:`` row opens a value's section; the outcome's lead-in and
    boxes below it are the outcome's."""
    section = (
        "\n     Review date:                  April 6, 2020\n"
        "     MDRO case number:             MDRO-20-04-0099\n"
        "     TDI reference:                2003-41172\n"
        "     Plan:                         Self-funded governmental plan administered under\n"
        "                                   Chapter 1551, Texas Insurance Code\n\n"
        "     Upon independent review, the reviewer finds that the previous adverse\n"
        "     determination should be:\n\n"
        "          Upheld (Agree) ...................................................\n"
        "          Overturned (Disagree) ............................................  ✔\n"
        "          Partially Overturned (Agree in part/Disagree in part) ............\n"
    )
    rest = _replace_section(SAMPLE, "REVIEW OUTCOME:", "\n").replace("REVIEW OUTCOME:\n", "")
    rest = rest.replace("upheld", "decided").replace("overturned", "decided")
    text = f"Section 1 - Decision Summary\n{section}\n{rest}"
    decision = iroparse.parse(text)
    assert decision.outcome.value == "overturned"
    assert decision.review_date == datetime.date(2020, 4, 6)


def test_radio_buttons_in_one_row_mark_the_outcome() -> None:
    rows = (
        "   ○ Upheld (Agree)      ○ Overturned (Disagree)      "
        "◉ Partially Overturned (Agree in part/Disagree in part)\n"
    )
    assert _outcome_with(rows) == "partially_overturned"


def test_one_denial_upheld_and_another_overturned_in_the_analysis_is_partial() -> None:
    from iroparse._fields.narrative import narrative_outcome

    text = (
        "The denial of 97153 at 40 hours per week is upheld, and the denial of 97155 and 97156"
        " is overturned."
    )
    told = narrative_outcome(text)
    assert told is not None and told[0].value == "partially_overturned"


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("We agree with the HMO's decision.", "upheld"),
        ("We sustain the carrier's denial of the program.", "upheld"),
        ("The carrier's denial is partially upheld.", "partially_overturned"),
        ("The health plan's denial is reversed.", "overturned"),
        ("The requested tonsillectomy should be approved.", "overturned"),
    ],
)
def test_decision_sentences_in_a_narrative_letters_words(sentence: str, outcome: str) -> None:
    from iroparse._fields.narrative import decision_sentence

    said = decision_sentence(sentence)
    assert said is not None and said[0].value == outcome


def test_a_summary_drawn_with_double_lines_gives_its_values() -> None:
    box = (
        "╔════════════════════════╦══════════════════════════════════════════╗\n"
        "║ IRO Case Number        ║ CRG-20-1005-117                          ║\n"
        "║ Date of Review         ║ October 5, 2020                          ║\n"
        "╚════════════════════════╩══════════════════════════════════════════╝\n"
    )
    decision = iroparse.parse(_with_box(box))
    assert (decision.case_number, decision.review_date) == (
        "CRG-20-1005-117",
        datetime.date(2020, 10, 5),
    )


def test_records_bulleted_with_single_guillemets_and_a_referenced_page_foot() -> None:
    """``›`` bullets; under the page's number, ``Ref. BRS-26-0113/NIRD/01`` is the page's."""
    body = (
        "\n   › Developmental pediatrics diagnostic evaluation, 03/14/2024\n"
        "   › Kindergarten schedule and individualized education program, 08/2025\n\n\n"
        "— 1 —\nRef. BRS-26-0113/NIRD/01\n"
    )
    assert _records(body) == [
        "Developmental pediatrics diagnostic evaluation, 03/14/2024",
        "Kindergarten schedule and individualized education program, 08/2025",
    ]


def test_a_bracket_box_whose_x_a_scan_read_as_k_is_checked() -> None:
    body = (
        "\n      INTERQUAL CRITERIA                                               [ ]\n"
        "      MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN\n"
        "      ACCORDANCE WITH ACCEPTED MEDICAL STANDARDS                       [K]\n"
        "      MILLIMAN CARE GUIDELINES                                         [ ]\n"
        "      ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES        [X]\n"
    )
    assert _checked(body) == [
        ("interqual", False),
        ("medical_judgement", True),
        ("milliman", False),
        ("odg", True),
    ]
    assert DEFAULT_FURNITURE.noise_kind("SCANNED") == "stamp"


def test_a_summarys_dotted_rows_under_case_information() -> None:
    """``Case information`` titles a box of dotted rows: its dates are values, and no title
    written again turns them into a page's header."""
    box = (
        "1)  Case information\n"
        "        Date of review ............ 11/18/2022\n"
        "        Date notice sent .......... 11/18/2022\n"
        "        IRO case number ........... CCRG-22-3307\n\n"
    )
    decision = iroparse.parse(_with_box(box))
    assert (decision.review_date, decision.case_number) == (
        datetime.date(2022, 11, 18),
        "CCRG-22-3307",
    )


def test_one_heading_over_the_outcome_and_its_explanation() -> None:
    """``Review outcome and explanation of the decision``: the boxes are the outcome, the
    paragraphs after them the analysis."""
    analysis = "The records show failed conservative care. The surgery is medically necessary."
    section = (
        "\n        Upon independent review, the reviewer finds that the previous adverse\n"
        "        determinations should be:\n"
        "              Upheld (Agree)\n"
        "          X   Overturned (Disagree)\n\n"
        f"        {analysis}\n"
    )
    text = _replace_section(SAMPLE, "REVIEW OUTCOME:", section).replace(
        "REVIEW OUTCOME:", "3)  Review outcome and explanation of the decision"
    )
    decision = iroparse.parse(text)
    assert decision.outcome.value == "overturned"
    assert analysis in (decision.analysis or "")


def test_labels_naming_who_submitted_the_bulleted_records_below_them() -> None:
    body = (
        "\nSubmitted by the carrier\n"
        "    >  Utilization review denial, 05/30/2014\n"
        "    >  Carrier position statement, 06/30/2014\n"
        "Submitted by the requestor\n"
        "    >  Office notes, 03/11/2014, 04/22/2014 and 05/20/2014\n"
        "    >  Lumbar spine radiographs, 03/11/2014\n"
    )
    assert _records(body) == [
        "Utilization review denial, 05/30/2014",
        "Carrier position statement, 06/30/2014",
        "Office notes, 03/11/2014, 04/22/2014 and 05/20/2014",
        "Lumbar spine radiographs, 03/11/2014",
    ]


def test_a_long_label_naming_who_submitted_the_numbered_records_below_it() -> None:
    body = (
        "\nSUBMITTED BY THE CARRIER ([redacted] Insurance Company):\n"
        "  1. Utilization review determination, 01/09/2024\n"
        "SUBMITTED BY THE TEXAS DEPARTMENT OF INSURANCE:\n"
        "  1. Notice of IRO assignment, 02/05/2024\n"
    )
    assert _records(body) == [
        "Utilization review determination, 01/09/2024",
        "Notice of IRO assignment, 02/05/2024",
    ]


def test_a_line_at_the_lists_own_hanging_indent_goes_on_with_its_item() -> None:
    """Once an item hung its second line four columns in (``... Orthopaedic`` / ``
    Surgery``), a later line at that column is its item's rest too, whatever its words."""
    body = (
        "\nOrthopaedic Surgeon, Board Certified by the American Board of Orthopaedic\n"
        "    Surgery\n"
        "Member, American Academy of Orthopaedic Surgeons and Arthroscopy\n"
        "    Association of North America\n"
        "Texas license, 18 years in practice\n"
    )
    text = _replace_section(SAMPLE, QUALIFICATIONS, body)
    assert [q.text for q in iroparse.parse(text).reviewer_qualifications] == [
        "Orthopaedic Surgeon, Board Certified by the American Board of Orthopaedic Surgery",
        "Member, American Academy of Orthopaedic Surgeons and Arthroscopy Association of North"
        " America",
        "Texas license, 18 years in practice",
    ]


def test_a_records_paragraph_goes_on_past_a_line_opening_with_an_aside() -> None:
    """``... PET/CT reports dated 04/11/2022`` / ``(staging), 06/20/2022 ...``: a line that
    opens with a bracketed word in lower case goes on with the line before, which ends with a
    date as a complete record would."""
    body = (
        "\nOncology clinic notes dated 06/2022 through 01/2023; PET/CT reports dated 04/11/2022\n"
        "(staging), 06/20/2022 (interim) and 10/05/2022 (end of treatment); pathology report\n"
        "dated 03/30/2022.\n"
    )
    assert _records(body) == [
        "Oncology clinic notes dated 06/2022 through 01/2023; PET/CT reports dated 04/11/2022"
        " (staging), 06/20/2022 (interim) and 10/05/2022 (end of treatment); pathology report"
        " dated 03/30/2022."
    ]


def test_a_records_paragraph_wrapped_inside_a_record_after_a_capital_goes_on() -> None:
    """A run of records parted by semicolons, its line cut inside a record after a capital
    (``... Psychiatry, Residential`` / ``Treatment Center subset; ...``), the line shorter
    than the letter's widest: one paragraph still."""
    body = (
        "\nHealth plan adverse determination letters dated 06/03/2019 and 06/11/2019; InterQual\n"
        "Behavioral Health 2019 criteria, Child and Adolescent Psychiatry, Residential\n"
        "Treatment Center subset; residential treatment center admission assessment dated\n"
        "05/06/2019; dietitian notes; psychiatry progress notes.\n"
    )
    assert len(_records(body)) == 1


def test_two_sources_listed_with_their_wrapped_ends_are_the_sources_used() -> None:
    """Two unmarked sources, each wrapped: a reference's last words (``Care, 1997``) and a
    citation after the label's colon going on in lower case are each its source's rest."""
    body = (
        "\n      Milliman & Robertson, Inc., Healthcare Management Guidelines, Volume 2:"
        " Ambulatory\n"
        "      Care, 1997\n"
        "      Peer-reviewed literature: Schnur PL, Hoehn JG, Ilstrup DM, et al. Reduction\n"
        "      mammaplasty: cosmetic or reconstructive procedure? Ann Plast Surg 1991;27:232.\n"
    )
    assert _checked(body) == [("milliman", True), ("peer_reviewed_literature", True)]


def test_a_letter_date_right_of_the_letterheads_name() -> None:
    head = "WELFARE MEDICAL REVIEW, PLLC                                   March 4, 2024\n\n"
    letter = head + _with_box("IRO CASE #:\nxxxxx\n")
    assert iroparse.parse(letter).review_date == datetime.date(2024, 3, 4)
    injury = "DATE OF INJURY                                                  01/02/2019\n\n"
    assert iroparse.parse(injury + _with_box("IRO CASE #:\nxxxxx\n")).review_date is None


#: The sample's headings as an older narrative letter's sentences.
SENTENCE_HEADINGS = {
    QUALIFICATIONS.rstrip("\n"): "This case was reviewed by a physician with these credentials:",
    "INFORMATION PROVIDED TO THE IRO FOR REVIEW:": "The following documentation was submitted by"
    " the requestor and was considered in this review:",
    "PATIENT CLINICAL HISTORY SUMMARY:": "The clinical history, as documented in the"
    " submitted records, is summarized below:",
}


def test_headings_written_as_sentences_naming_these_or_the_following() -> None:
    assert scored(_headings_replaced(SENTENCE_HEADINGS, "\n")) == scored(SAMPLE)


@pytest.mark.parametrize(
    "heading",
    [
        "lll.  DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:",  # a scan's l for each I
        "1 │ Service in Dispute",  # numbered before a bar
        # its subject names no section, the thing after ``the following`` does
        "\nThe health plan denied the following service:\n",
    ],
)
def test_the_services_heading_written_otherwise(heading: str) -> None:
    text = _headings_replaced({"DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:": heading})
    assert scored(text)["services"] == scored(SAMPLE)["services"]


def test_yes_and_no_ballots_after_dot_leaders() -> None:
    body = (
        "\n  ACOEM UM Knowledgebase ........................................ ☐ Yes  ☒ No\n"
        "  InterQual Criteria ............................................ ☐ Yes  ☒ No\n"
        "  Medical Judgement, Clinical Experience & Expertise ............ ☒ Yes  ☐ No\n"
        "  ODG - Official Disability Guidelines .......................... ☒ Yes  ☐ No\n"
    )
    assert _checked(body) == [
        ("acoem", False),
        ("interqual", False),
        ("medical_judgement", True),
        ("odg", True),
    ]


def test_a_scans_cl_boxes_a_doubled_letter_in_review_and_0ld() -> None:
    """``Cl`` for an empty box among ``181`` ticked ones; ``DATE OF REVIEEW:`` with a doubled
    letter; ``29-year-0ld`` with a zero for the o."""
    body = (
        "\n181  ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE\n"
        " Cl  AHCPR-AGENCY FOR HEALTHCARE RESEARCH & QUALITY GUIDELINES\n"
        "Cl  INTERQUAL CRITERIA\n"
        "  181  ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n"
    )
    assert _checked(body) == [
        ("acoem", True),
        ("ahcpr", False),
        ("interqual", False),
        ("odg", True),
    ]
    dated = iroparse.parse(_with_box("DATE OF REVIEEW:   09/11/2009\n\nIRO CASE #:\nxxxxx\n"))
    assert dated.review_date == datetime.date(2009, 9, 11)
    from iroparse._fields.patient import find_patient

    assert find_patient("The injured worker is a 29-year-0ld male roofer.").age == 29


def test_a_received_stamp_two_blanks_apart_inside_a_line() -> None:
    history = (
        "The patient reports poor sleep and  RECEIVED  irritability, and fear that activity"
        " will worsen her injury."
    )
    text = SAMPLE.replace(
        "She has completed a course of physical therapy and an intra-articular steroid injection.",
        history,
    )
    assert text != SAMPLE
    assert "RECEIVED" not in (iroparse.parse(text).clinical_history or "")


def test_a_sentences_number_wrapped_to_a_lines_start_is_no_list_number() -> None:
    body = (
        "\nL4-L5 decompressive laminectomy with posterior lumbar interbody fusion with a three\n"
        "(3) day inpatient length of stay\n"
    )
    heading = "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:"
    decision = iroparse.parse(_replace_section(SAMPLE, heading, body))
    assert [s.text for s in decision.services] == [
        "L4-L5 decompressive laminectomy with posterior lumbar interbody fusion with a three (3)"
        " day inpatient length of stay"
    ]


def test_a_mark_alone_under_a_records_list_is_no_record() -> None:
    body = (
        "\n• Physical therapy daily notes, 18 visits\n• MRI left shoulder, 11/30/2009\n\n\n"
        "                                    X\n"
    )
    assert _records(body) == [
        "Physical therapy daily notes, 18 visits",
        "MRI left shoulder, 11/30/2009",
    ]


def test_a_summary_rows_right_field_left_blank_beside_a_dated_left_one() -> None:
    box = (
        "Date of Review:   2015-12-01                 IRO Case #:\n"
        "Notice Sent:      2015-12-02                 DWC Tracking #:   23-0472291-01\n"
    )
    decision = iroparse.parse(_with_box(box))
    assert decision.review_date == datetime.date(2015, 12, 1)
    assert decision.case_number is None
