"""Shapes the second set of letters written by hand brought (headings written with words left
out or in lower case, a case number repeated as a page's reference, codes with modifiers,
dated and comma-wrapped list items, appeal-rights headings, criteria named in a sentence).
Each test fails on the code before these fixes."""

from __future__ import annotations

from pathlib import Path

import iroparse
from iroparse._fields.codes import cpt_codes
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


def _replace_section(text: str, heading: str, body: str) -> str:
    """``text`` with the section under ``heading`` holding ``body`` instead (to the next blank
    line, or to the end)."""
    start = text.index(heading) + len(heading)
    end = text.find("\n\n", start)
    return text[:start] + body + (text[end:] if end >= 0 else "\n")


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


def test_records_each_opening_with_a_date_are_items_of_their_own() -> None:
    body = (
        "\n06/03/2024 Office visit with the treating orthopedic surgeon, who recommends a right"
        " knee\n"
        "06/05/2024 MRI of the right knee\n"
        "06/12/2024 Utilization review determination\n"
    )
    heading = "INFORMATION PROVIDED TO THE IRO FOR REVIEW:"
    assert len(scored(_replace_section(SAMPLE, heading, body))["information"]) == 3


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
    head = SAMPLE[: SAMPLE.index(CRITERIA)] + CRITERIA
    prose = iroparse.parse(
        head + "Official Disability Guidelines, Knee and Leg chapter, Meniscectomy, 2013.\n"
    )
    assert prose.criteria == ()
    bare = iroparse.parse(head + "ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES\n")
    assert [(c.code, c.checked) for c in bare.criteria] == [("odg", False)]


def test_a_company_name_beside_its_page_number_goes_as_one_running_header() -> None:
    at = SAMPLE.index("PATIENT CLINICAL HISTORY")
    noisy = SAMPLE[:at] + "Panhandle Medical Review Co.          Page 1 of 2\n\f" + SAMPLE[at:]
    assert scored(noisy) == scored(SAMPLE)
