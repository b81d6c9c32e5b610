"""Stage 3: tokens grouped into ordered sections; clean section text without extraction noise."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import iroparse
from iroparse._pipeline.headings import HeadingMatcher
from iroparse._pipeline.normalize import normalize
from iroparse._pipeline.sections import RawSection, join_lines, section_text, split_sections
from iroparse._pipeline.tokenize import Tokenizer
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse.catalogue import HEADINGS, SECTION_KINDS

GOLDEN = Path(__file__).parent / "golden"
TOKENIZER = Tokenizer(HeadingMatcher(HEADINGS))
BRACKET = (GOLDEN / "004_4475ce78ad411086.txt").read_text(encoding="utf-8")
TRAILING = (GOLDEN / "000_65013c76c88f94b8.txt").read_text(encoding="utf-8")


def sections(text: str) -> list[RawSection]:
    """The raw sections of ``text``."""
    return split_sections(TOKENIZER.tokenize(normalize(text)))


def test_text_before_the_first_heading_is_the_title_section() -> None:
    found = sections("Acme Review Inc.\n\nREVIEW OUTCOME\n[ X ] Upheld (Agree)\n")
    assert [s.kind for s in found] == ["title", "review_outcome"]
    assert found[0].heading is None
    assert section_text(found[0].body).text == "Acme Review Inc."


def test_each_heading_opens_a_section_that_runs_to_the_next() -> None:
    text = (
        "PATIENT CLINICAL HISTORY SUMMARY\nThe patient fell.\n\n"
        "YOUR RIGHT TO APPEAL\nYou may appeal.\n"
        "REVIEW OUTCOME\n"
    )
    found = sections(text)
    assert [s.kind for s in found] == ["clinical_history", "other", "review_outcome"]
    assert [s.heading.text for s in found if s.heading] == [
        "PATIENT CLINICAL HISTORY SUMMARY",
        "YOUR RIGHT TO APPEAL",
        "REVIEW OUTCOME",
    ]
    assert [section_text(s.body).text for s in found] == [
        "The patient fell.",
        "You may appeal.",
        "",
    ]
    history = found[0]
    assert (
        text[history.start : history.end] == "PATIENT CLINICAL HISTORY SUMMARY\nThe patient fell."
    )


def test_a_paragraph_that_closes_the_letter_ends_the_section_before_it() -> None:
    text = (
        "ANALYSIS AND EXPLANATION OF THE DECISION\nThe surgery is not necessary.\n\n"
        "This decision by the IRO is deemed to be a TWCC decision and order.\n\n"
        "REVIEWER QUALIFICATIONS\nBoard certified in orthopaedic surgery.\n\n"
        "The reviewer has certified that no known conflicts of interest exist.\n"
    )
    found = sections(text)
    assert [s.kind for s in found] == ["analysis", "other", "reviewer_qualifications", "other"]
    assert section_text(found[0].body).text == "The surgery is not necessary."
    assert section_text(found[2].body).text == "Board certified in orthopaedic surgery."
    binding = "The decision of the independent review organization is binding on the HMO.\n"
    assert [
        s.kind
        for s in sections(text.replace("This decision by the IRO", binding[:-1] + " This", 1))
    ][1] == "other"
    # only a paragraph's first line closes: the same words inside a paragraph do not
    inside = "ANALYSIS\nThe surgery is not necessary; as\nthis decision is binding on both.\n"
    assert [s.kind for s in sections(inside)] == ["analysis"]


def test_paragraph_lines_join_with_spaces_and_paragraphs_with_a_blank_line() -> None:
    found = sections(
        "ANALYSIS AND EXPLANATION OF THE DECISION\n"
        "Opinion:  I agree with the\n  decision to deny.\n\n\nRationale: no therapy.\n"
    )
    assert section_text(found[0].body).text == (
        "Opinion: I agree with the decision to deny.\n\nRationale: no therapy."
    )


def test_noise_lines_are_left_out_of_section_text() -> None:
    found = sections(
        "ANALYSIS AND EXPLANATION OF THE DECISION\n"
        "mailto:manager@applied-resolutions.com\n\n"
        "First, the Reviewer presumes.\nPage 2 of 3\n"
    )
    text = section_text(found[0].body).text
    assert text == "First, the Reviewer presumes."
    assert [t.noise for t in found[0].body if t.kind is TokenKind.NOISE] == ["link", "page-number"]
    assert all(t.kind is TokenKind.TEXT for t in found[0].lines)


def test_a_sentence_cut_by_a_page_break_is_joined_again() -> None:
    found = sections(
        "PATIENT CLINICAL HISTORY SUMMARY\n"
        "The patient was seen and the\n\f\nPage 2 of 3\n\nsurgery was planned.\n"
    )
    assert section_text(found[0].body).text == "The patient was seen and the surgery was planned."


def test_a_finished_sentence_before_a_page_break_ends_its_paragraph() -> None:
    found = sections(
        "PATIENT CLINICAL HISTORY SUMMARY\nThe patient was seen.\n\f\n2\n\nSurgery was planned.\n"
    )
    assert section_text(found[0].body).text == "The patient was seen.\n\nSurgery was planned."


def test_joined_text_maps_back_to_normalized_offsets() -> None:
    text = "PATIENT CLINICAL HISTORY SUMMARY\nThe  patient   was\nseen by Dr. today.\n"
    joined = section_text(sections(text)[0].body)
    assert joined.text == "The patient was seen by Dr. today."
    for word in ("patient", "seen", "today."):
        offset = joined.source(joined.text.index(word))
        assert text[offset : offset + len(word)] == word


def test_join_lines_keeps_a_hyphen_broken_word_whole() -> None:
    tokens = [
        Token(TokenKind.TEXT, "a self-", 0, 7, 0, 0),
        Token(TokenKind.TEXT, "limiting pain -", 8, 23, 1, 1),
        Token(TokenKind.TEXT, "and more", 24, 32, 2, 2),
    ]
    assert join_lines(tokens) == "a self-limiting pain - and more"


def test_sections_of_the_bracket_sample() -> None:
    decision = iroparse.parse(BRACKET)
    assert [s.kind for s in decision.sections] == [
        "title",
        "review_date",
        "case_number",
        "services_in_dispute",
        "reviewer_qualifications",
        "review_outcome",
        "information_provided",
        "clinical_history",
        "analysis",
        "criteria",
    ]
    assert all(s.kind in SECTION_KINDS for s in decision.sections)
    starts = [s.start for s in decision.sections]
    assert starts == sorted(starts)
    for before, after in zip(decision.sections, decision.sections[1:], strict=False):
        assert before.end <= after.start
    by_kind = {s.kind: s for s in decision.sections}
    assert by_kind["information_provided"].text == ""
    assert by_kind["analysis"].text.startswith("First, the Reviewer presumes")
    assert by_kind["review_date"].text == "Aug/10/2009"


def test_mailto_line_is_dropped_and_reported_as_a_diagnostic() -> None:
    decision = iroparse.parse(BRACKET)
    assert not any("mailto:" in s.text for s in decision.sections)
    assert decision.analysis is not None and "mailto:" not in decision.analysis
    removed = [d for d in decision.diagnostics if d.code == "noise-removed"]
    assert len(removed) == 1
    note = removed[0]
    assert note.severity is iroparse.Severity.INFO
    assert "mailto:manager@applied-resolutions.com" in note.message
    assert note.line is not None
    assert BRACKET.splitlines()[note.line - 1] == "mailto:manager@applied-resolutions.com"
    assert note.span is not None
    assert note.span.slice(BRACKET) == "mailto:manager@applied-resolutions.com"


def test_page_numbers_and_form_feeds_are_dropped_and_reported() -> None:
    assert "and without \ndocumentation" in BRACKET
    text = BRACKET.replace(
        "and without \ndocumentation", "and without \n\fPage 2 of 3\n\ndocumentation"
    )
    decision = iroparse.parse(text)
    assert decision.analysis is not None
    assert "Page 2" not in decision.analysis
    assert "\f" not in decision.analysis
    assert "and without documentation of failed prior treatments" in decision.analysis
    removed = [d.message for d in decision.diagnostics if d.code == "noise-removed"]
    assert any("Page 2 of 3" in m for m in removed)


def test_sections_of_the_trailing_x_sample_start_with_their_heading() -> None:
    decision = iroparse.parse(TRAILING)
    for section in decision.sections:
        whole = " ".join(TRAILING[section.start : section.end].split())
        assert whole.startswith(section.heading)
        assert whole.endswith(" ".join(section.text.split()))


def test_date_of_review_wins_over_the_date_the_notice_was_sent() -> None:
    text = BRACKET.replace(
        "IRO CASE #:", "DATE NOTICE SENT TO ALL PARTIES:\n\n09/01/2009\n\nIRO CASE #:"
    )
    decision = iroparse.parse(text)
    assert decision.review_date == datetime.date(2009, 8, 10)
    assert [s.kind for s in decision.sections].count("review_date") == 2
    assert "section-repeated" not in [d.code for d in decision.diagnostics]


def test_the_notice_date_stands_in_when_there_is_no_date_of_review() -> None:
    decision = iroparse.parse(
        BRACKET.replace("DATE OF REVIEW:", "DATE NOTICE SENT TO ALL PARTIES:")
    )
    assert decision.review_date == datetime.date(2009, 8, 10)
    assert "date-from-notice" in [d.code for d in decision.diagnostics]


def test_a_repeated_section_keeps_the_first_and_says_so() -> None:
    text = BRACKET.replace(
        "INFORMATION PROVIDED TO THE IRO FOR REVIEW", "REVIEW OUTCOME\n[ X ] Overturned (Disagree)"
    )
    decision = iroparse.parse(text)
    assert decision.outcome is iroparse.Outcome.UPHELD
    notes = [d for d in decision.diagnostics if d.code == "section-repeated"]
    assert len(notes) == 1
    assert notes[0].line is not None
    assert text.splitlines()[notes[0].line - 1] == "REVIEW OUTCOME"


@pytest.mark.parametrize(
    "closing",
    [
        "This decision by GCIR is deemed to be a TWCC decision and order.",
        "This determination is binding on the HMO.",
        "The reviewer certifies that there is no known conflict of interest with any party.",
        "The reviewer has attested that no known conflicts of interest exist.",
        "The reviewer has no known conflicts of interest with any party to this dispute.",
        "There is no conflict of interest between the reviewer and any party.",
    ],
)
def test_closing_paragraphs_in_the_words_of_other_iros(closing: str) -> None:
    text = f"ANALYSIS\nThe surgery is not necessary.\n\n{closing}\n"
    found = sections(text)
    assert [s.kind for s in found] == ["analysis", "other"]
    assert section_text(found[0].body).text == "The surgery is not necessary."
