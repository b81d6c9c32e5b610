"""Stage 2: one token per logical line; wrapped headings joined, values split off, noise marked."""

from __future__ import annotations

from pathlib import Path

import pytest

import iroparse
from iroparse._pipeline.headings import HeadingMatcher
from iroparse._pipeline.normalize import normalize
from iroparse._pipeline.tokenize import Tokenizer
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse.catalogue import HEADINGS

GOLDEN = Path(__file__).parent / "golden"
TOKENIZER = Tokenizer(HeadingMatcher(HEADINGS))


def tokenize(text: str) -> list[Token]:
    """Tokenize ``text`` with the built-in heading catalogue."""
    return TOKENIZER.tokenize(normalize(text))


def headings(text: str) -> list[tuple[str, str]]:
    """(kind, heading text) of every heading token of ``text``."""
    return [
        (t.alias.kind, t.text)
        for t in tokenize(text)
        if t.kind is TokenKind.HEADING and t.alias is not None
    ]


def test_one_token_per_line_with_offsets_and_line_numbers() -> None:
    text = "REVIEW OUTCOME\n\n  Some narrative text.  \n"
    tokens = tokenize(text)
    assert [t.kind for t in tokens] == [
        TokenKind.HEADING,
        TokenKind.BLANK,
        TokenKind.TEXT,
        TokenKind.BLANK,
    ]
    body = tokens[2]
    assert body.text == "Some narrative text."
    assert text[body.start : body.end] == "Some narrative text."
    assert (body.line, body.last_line) == (2, 2)


def test_heading_wrapped_over_two_lines_is_one_token() -> None:
    text = (
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS \n"
        "AND CONCLUSIONS USED TO SUPPORT THE DECISION \n"
        "\n"
        "First, the Reviewer presumes.\n"
    )
    tokens = tokenize(text)
    heading = tokens[0]
    assert heading.kind is TokenKind.HEADING
    assert heading.alias is not None and heading.alias.kind == "analysis"
    assert (heading.line, heading.last_line) == (0, 1)
    assert heading.text.endswith("USED TO SUPPORT THE DECISION")
    assert text[heading.start : heading.end].startswith("ANALYSIS AND EXPLANATION")
    assert text[heading.start : heading.end].endswith("SUPPORT THE DECISION")
    assert [t.kind for t in tokens[1:]] == [TokenKind.BLANK, TokenKind.TEXT, TokenKind.BLANK]


def test_criteria_heading_wrapped_as_in_the_bracket_sample() -> None:
    text = (
        "A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL \n"
        "BASIS USED TO MAKE THE DECISION \n"
    )
    tokens = tokenize(text)
    assert tokens[0].kind is TokenKind.HEADING
    assert tokens[0].alias is not None and tokens[0].alias.kind == "criteria"
    assert tokens[0].last_line == 1


def test_heading_wrapped_over_three_lines_is_one_token() -> None:
    text = (
        "A DESCRIPTION OF THE QUALIFICATIONS FOR EACH\n"
        "PHYSICIAN OR OTHER HEALTH CARE PROVIDER\n"
        "WHO REVIEWED THE DECISION\n"
        "Board certified.\n"
    )
    tokens = tokenize(text)
    assert tokens[0].alias is not None and tokens[0].alias.kind == "reviewer_qualifications"
    assert (tokens[0].line, tokens[0].last_line) == (0, 2)
    following = [(t.kind, t.text) for t in tokens[1:3]]
    assert following == [(TokenKind.TEXT, "Board certified."), (TokenKind.BLANK, "")]


def test_a_heading_start_followed_by_prose_is_not_joined() -> None:
    text = "A DESCRIPTION OF THE QUALIFICATIONS FOR EACH\nof the treating doctors was not given.\n"
    assert [t.kind for t in tokenize(text)][:2] == [TokenKind.TEXT, TokenKind.TEXT]


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("DATE OF REVIEW: 04/18/2014", "review_date", "04/18/2014"),
        ("Date of Review: August 10, 2009", "review_date", "August 10, 2009"),
        ("IRO CASE #: 12345", "case_number", "12345"),
        ("IRO CASE NO.: M5-09-1234", "case_number", "M5-09-1234"),
        ("IRO CASE NO. 777", "case_number", "777"),
        ("SERVICES IN DISPUTE: Lumbar MRI", "services_in_dispute", "Lumbar MRI"),
    ],
)
def test_value_on_the_heading_line_becomes_its_own_text_token(
    line: str, kind: str, value: str
) -> None:
    tokens = tokenize(line)
    assert [t.kind for t in tokens] == [TokenKind.HEADING, TokenKind.TEXT]
    assert tokens[0].alias is not None and tokens[0].alias.kind == kind
    assert tokens[1].text == value
    assert line[tokens[1].start : tokens[1].end] == value
    assert tokens[1].line == tokens[0].line == 0


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("REVIW OUTCOME", "review_outcome"),
        ("REVIEW OUTCOM:", "review_outcome"),
        ("review outcome", "review_outcome"),
        ("PATIENT CLINCAL HISTORY SUMMARY", "clinical_history"),
        ("INFORMATION PROVIDED TO THE IRO FOR REVEIW:", "information_provided"),
        ("Analysis and Explanation of the Decision", "analysis"),
        ("ANALYSIS & EXPLANATION OF THE DECISION", "analysis"),
        (
            "DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER HEALTHCARE PROVIDER "
            "WHO REVIEWED THE DECISION",
            "reviewer_qualifications",
        ),
        ("IRO CASE NO.", "case_number"),
        ("NOTICE OF INDEPENDENT REVIEW DECISION", "title"),
        ("YOUR RIGHT TO APPEAL", "other"),
        # older letters' wordings
        ("Records Received", "information_provided"),
        ("RECORDS PROVIDED FOR REVIEW:", "information_provided"),
        ("SUMMARY OF RECORDS", "clinical_history"),
        ("RATIONALE FOR DETERMINATION", "analysis"),
        ("APPEAL RIGHTS AND CERTIFICATE OF SERVICE", "other"),
        ("Sincerely yours,", "other"),
        ("DATE SENT", "review_date"),
        ("Date of Decision", "review_date"),
        ("EXPLANATION:", "analysis"),
        ("DECISION OF THE REVIEWER:", "review_outcome"),
    ],
)
def test_headings_match_despite_case_punctuation_ampersand_and_typos(line: str, kind: str) -> None:
    assert [k for k, _ in headings(line)] == [kind]


@pytest.mark.parametrize(
    "line",
    [
        "The patient had a review outcome that was favorable to him.",
        "Review outcome was discussed with the patient at length today.",
        "He was seen for an analysis of his gait and a history of falls.",
        "[ X ] Upheld (Agree)",
    ],
)
def test_prose_and_checklist_lines_are_not_headings(line: str) -> None:
    assert [t.kind for t in tokenize(line)] == [TokenKind.TEXT]


@pytest.mark.parametrize(
    ("line", "noise"),
    [
        ("mailto:manager@applied-resolutions.com", "link"),
        ("www.example.com", "link"),
        ("https://example.com/iro/letter", "link"),
        ("Page 2 of 5", "page-number"),
        ("- 3 -", "page-number"),
        ("12", "page-number"),
        ("[4]", "page-number"),
        ("- Page 1 of 3 -", "page-number"),
        ("·", "stray-mark"),
        ("|", "stray-mark"),
        ("(continued on next page)", "continued"),
        ("Okafor, T. - BIR-2003-0791                                Page Two", "running-header"),
    ],
)
def test_noise_lines_are_marked_with_their_kind(line: str, noise: str) -> None:
    tokens = tokenize(f"Some text\n{line}\nMore text")
    assert [t.kind for t in tokens] == [TokenKind.TEXT, TokenKind.NOISE, TokenKind.TEXT]
    assert tokens[1].noise == noise
    assert tokens[1].text == line


def test_running_header_next_to_page_breaks_is_noise() -> None:
    text = (
        "ACME REVIEW SERVICES\nbody\n\fACME REVIEW SERVICES\nbody two\n\fACME REVIEW SERVICES\nend"
    )
    tokens = [t for t in tokenize(text) if t.kind is not TokenKind.BLANK]
    assert [t.noise for t in tokens if t.kind is TokenKind.NOISE] == ["running-header"] * 3
    assert [t.text for t in tokens if t.kind is TokenKind.TEXT] == ["body", "body two", "end"]
    assert [t.line for t in tokenize(text) if t.page_break] == [3, 6]


def test_a_sentence_repeated_inside_the_text_is_not_a_running_header() -> None:
    lines = [f"opening line {i}" for i in range(6)]
    lines += ["The patient reports pain.", "middle", "The patient reports pain."]
    lines += [f"closing line {i}" for i in range(6)]
    text = "\n".join(lines)
    assert all(t.kind is not TokenKind.NOISE for t in tokenize(text))


def test_mailto_line_of_the_bracket_sample_is_noise() -> None:
    text = (GOLDEN / "004_4475ce78ad411086.txt").read_text(encoding="utf-8")
    noise = [t for t in tokenize(text) if t.kind is TokenKind.NOISE]
    assert [(t.noise, t.text) for t in noise] == [
        ("link", "mailto:manager@applied-resolutions.com")
    ]


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        (
            "000_65013c76c88f94b8.txt",
            [
                "case_number",
                "services_in_dispute",
                "reviewer_qualifications",
                "review_outcome",
                "clinical_history",
                "analysis",
                "criteria",
            ],
        ),
        (
            "004_4475ce78ad411086.txt",
            [
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
            ],
        ),
    ],
)
def test_sample_letters_yield_their_headings_in_order(name: str, kinds: list[str]) -> None:
    text = (GOLDEN / name).read_text(encoding="utf-8")
    assert [k for k, _ in headings(text)] == kinds


def test_a_repeated_line_that_completes_a_wrapped_heading_is_not_a_running_footer() -> None:
    # "DECISION:" ends two wrapped headings, each at the foot of a page: it repeats next to
    # page boundaries like a running footer, but it completes the heading above it.
    qualifications = (
        "DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER HEALTH CARE PROVIDER WHO"
        " REVIEWED THE \nDECISION: \n\nPage 1 of 2\n\f"
    )
    criteria = (
        "A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS USED TO"
        " MAKE THE\nDECISION: \n"
    )
    text = (
        "DATE OF REVIEW:\n01/01/2000\n\n"
        + qualifications
        + "REVIEW OUTCOME:\nshould be:\n\nUpheld (Agree)\n\n"
        + "ANALYSIS AND EXPLANATION OF THE DECISION:\nThe guidelines ask for evidence.\n\n"
        + criteria
    )
    decision = iroparse.parse(text)
    kinds = [s.kind for s in decision.sections]
    assert kinds == [
        "review_date",
        "reviewer_qualifications",
        "review_outcome",
        "analysis",
        "criteria",
    ]
    assert decision.analysis == "The guidelines ask for evidence."
