"""Extraction noise leaves the fields unchanged.

Every sample letter of ``examples/letters/`` is parsed clean and again after one kind of noise
is injected (CRLF line ends, NBSP, tabs, trailing blanks, doubled blank lines, form feeds, page
furniture, running headers and footers, link artefacts, a page break in mid-sentence); the
record's fields and every section's text must come out the same. The noisy fixture letters of
``tests/letters/noise/`` are checked against their expected values by ``test_golden.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import iroparse
from iroparse._builtin.layouts import BUILTIN_LAYOUTS

SAMPLES = Path(__file__).resolve().parent.parent / "examples" / "letters"
LETTERS = sorted(SAMPLES.glob("*_sample.txt"))
#: Keys of the record that noise may change (where things are, what was removed); and the IRO's
#: name, which is read from page furniture: the injected running header names an IRO.
VOLATILE = ("sections", "diagnostics", "spans", "source", "sha256", "iro_name")


def _without_offsets(value: Any) -> Any:
    """``value`` with every ``start``, ``end`` and ``spans`` key left out, at any depth."""
    if isinstance(value, dict):
        return {
            k: _without_offsets(v) for k, v in value.items() if k not in ("start", "end", "spans")
        }
    if isinstance(value, list):
        return [_without_offsets(v) for v in value]
    return value


def fields(text: str) -> dict[str, Any]:
    """The record without its offsets and diagnostics, plus each section's kind and text."""
    record = iroparse.to_dict(iroparse.parse(text))
    out: dict[str, Any] = _without_offsets({k: v for k, v in record.items() if k not in VOLATILE})
    out["section_text"] = [(s["kind"], s["text"]) for s in record["sections"]]
    return out


def _paragraph_lines(text: str) -> list[int]:
    """Indices of lines inside a long narrative paragraph (a line follows and precedes text)."""
    lines = text.split("\n")
    return [
        i
        for i in range(1, len(lines) - 1)
        if len(lines[i].strip()) > 60
        and len(lines[i + 1].strip()) > 40
        and not lines[i].rstrip().endswith((".", ":"))
        and lines[i].strip()[:1].isalpha()
        and lines[i].strip().lower() == lines[i].strip().lower().rstrip()
        and not lines[i].strip().isupper()
    ]


def _break_at(text: str, furniture: Callable[[int], str]) -> str:
    """Insert page breaks with ``furniture(page)`` in the middle of narrative paragraphs, so
    each break cuts a sentence in two."""
    lines = text.split("\n")
    cuts = _paragraph_lines(text)
    assert cuts, "the letter needs a paragraph to cut"
    chosen = {cuts[len(cuts) // 3], cuts[(2 * len(cuts)) // 3]}
    out: list[str] = []
    page = 1
    for i, line in enumerate(lines):
        out.append(line)
        if i in chosen:
            out.append(furniture(page))
            page += 1
    return "\n".join(out)


HEADER = "Lone Star Review Associates  -  Independent Review Decision"
FOOTER = "CONFIDENTIAL: contains protected health information"


def crlf(text: str) -> str:
    """Windows line ends."""
    return text.replace("\n", "\r\n")


def nbsp(text: str) -> str:
    """Non-breaking spaces between words, as PDF extractors emit them."""
    return text.replace(" ", "\u00a0", 200)


def tabs(text: str) -> str:
    """Tabs instead of runs of spaces and after colons."""
    return re.sub(r" {2,}|(?<=:) ", "\t", text)


def trailing_blanks(text: str) -> str:
    """Spaces and tabs at the end of every line."""
    return "\n".join(f"{line}  \t " for line in text.split("\n"))


def doubled_blank_lines(text: str) -> str:
    """Every blank line doubled, and a blank line after every heading-like line."""
    return text.replace("\n\n", "\n\n\n\n")


def form_feeds(text: str) -> str:
    """Page breaks (form feeds) between paragraphs."""
    return text.replace("\n\n", "\n\f\n", 3)


def page_numbers(text: str) -> str:
    """``Page n of 4`` on its own line at page breaks cutting sentences in two."""
    return _break_at(text, lambda n: f"\nPage {n} of 4\n\f")


def dash_page_numbers(text: str) -> str:
    """``- n -`` page numbers at page breaks cutting sentences in two."""
    return _break_at(text, lambda n: f"\n                - {n} -\n\f")


def double_dash_page_numbers(text: str) -> str:
    """``-- n --`` page numbers, far right, at page breaks cutting sentences in two."""
    return _break_at(text, lambda n: f"\n{' ' * 70}-- {n} --\n\f")


def word_page_numbers(text: str) -> str:
    """Page numbers as word processors' footers write them (``Page | n``, ``n | Page``,
    ``(Page n of 4)``, ``Pg. n``) at page breaks cutting sentences in two."""
    forms = ("Page | {n}", "{n} | Page", "(Page {n} of 4)", "Pg. {n}")
    return _break_at(text, lambda n: "\n" + forms[n % len(forms)].format(n=n) + "\n\f")


def page_first_headers(text: str) -> str:
    """A running footer that starts with its page (``Page n of 4  IRO Case # 1234``) at page
    breaks cutting sentences in two."""
    return _break_at(text, lambda n: f"\nPage {n} of 4  IRO Case # 1234\n\f")


def running_header(text: str) -> str:
    """A running header at the top of every page, found by its repetition."""
    body = _break_at(text, lambda n: f"\f{HEADER}\n")
    return f"{HEADER}\n{body}"


def running_footer(text: str) -> str:
    """A running footer and page number at the bottom of every page."""
    body = _break_at(text, lambda n: f"\n{FOOTER}\n{n}\n\f")
    return f"{body}\n\n{FOOTER}\n3\n"


def numbered_twice(text: str) -> str:
    """Each page numbered twice, ``n`` at its foot and ``Page n`` in the next page's header,
    under a running header on every page but the first (three pages: two copies)."""
    header = "Re: HIR-11-3307" + " " * 55 + "June 21, 2011"
    return _break_at(text, lambda n: f"\n{' ' * 80}{n}\n\f{header}\nPage {n + 1}\n{'-' * 80}\n")


def counted_footer(text: str) -> str:
    """A running footer that counts its page without the word (``... - 2 of 3``), at the
    bottom of every page, the last one ending the letter."""
    footer = "Quitaque Medical Review  -  Confidential Health Information  -  {n} of 3"
    body = _break_at(text, lambda n: "\n" + footer.format(n=n) + "\n\f")
    return f"{body}\n\n{footer.format(n=3)}\n"


def case_and_page_footer(text: str) -> str:
    """A footer of the case number and the page past a bar (``TBR-24-0107  |  2``), far
    right, at page breaks cutting sentences in two."""
    return _break_at(text, lambda n: f"\n{' ' * 60}TBR-24-0107  |  {n}\n\f")


def form_and_bar_page_footer(text: str) -> str:
    """A form's number and its page past a bar (``LIR Form 2201      Page 2 | 3``)."""
    return _break_at(text, lambda n: f"\n  LIR Form 2201{' ' * 50}Page {n} | 3\n\f")


def bar_page_footer(text: str) -> str:
    """A footer of three cells parted by bars, the page in the middle (``CPRG 2017-IRO-DN  |
    Page 2 of 3  |  Printed 10/04/2017 08:41``)."""
    return _break_at(
        text, lambda n: f"\nCPRG 2017-IRO-DN  |  Page {n} of 3  |  Printed 10/04/2017 08:41\n\f"
    )


#: A running header of cells, one a label and its value, longer than a title line.
CELLS_HEADER = "ERG-2013-0611-04  |  Initials: D. P. H.  |  Site: Bosque Valley Care Center"


def count_first_footer(text: str) -> str:
    """A footer that starts with its page's count (``Page 1 of 2      Erath Review Group``),
    a running header of cells under it at each page break cutting a sentence in two."""
    return _break_at(
        text, lambda n: f"\nPage {n} of 2{' ' * 20}Erath Review Group\n\n{CELLS_HEADER}\n"
    )


def framed_page_footer(text: str) -> str:
    """A footer framing its page in dashes before the case (``- 1 -      CHR22-0307 /
    Initials xxxxx``), the next page's header (the case and the letter's date) under it."""
    return _break_at(
        text,
        lambda n: (
            f"\n- {n} -{' ' * 50}CHR22-0307 / Initials xxxxx\n\n"
            f"RE: IRO Case No. CHR22-0307{' ' * 40}03/11/2022\n"
        ),
    )


def page_among_cells(text: str) -> str:
    """A running footer whose page is counted among its cells, between bullets
    (``Waller Creek ...  ·  WCR-20-0908-033  ·  page 2 of 3  ·  Form IRD-2 rev. 01/2020``)."""
    footer = "Waller Creek Review  ·  WCR-20-0908-033  ·  page {n} of 3  ·  Form IRD-2 rev. 01/2020"
    body = _break_at(text, lambda n: "\n" + footer.format(n=n) + "\n\f")
    return f"{body}\n\n{footer.format(n=3)}\n"


def mailto(text: str) -> str:
    """``mailto:`` link artefacts after section headings and inside a paragraph."""
    body = _break_at(text, lambda n: "mailto:manager@example-iro.com")
    return body.replace("\n\n", "\n\nmailto:reviews@example-iro.com\n\n", 1)


NOISE: dict[str, Callable[[str], str]] = {
    f.__name__: f
    for f in (
        crlf,
        nbsp,
        tabs,
        trailing_blanks,
        doubled_blank_lines,
        form_feeds,
        page_numbers,
        dash_page_numbers,
        double_dash_page_numbers,
        word_page_numbers,
        page_first_headers,
        running_header,
        running_footer,
        numbered_twice,
        counted_footer,
        case_and_page_footer,
        form_and_bar_page_footer,
        bar_page_footer,
        count_first_footer,
        framed_page_footer,
        page_among_cells,
        mailto,
    )
}


def test_every_layout_has_a_sample() -> None:
    names = {p.name.removesuffix("_sample.txt") for p in LETTERS}
    layouts = {cls.name for cls in BUILTIN_LAYOUTS}
    assert layouts <= names
    assert "unknown-marks" in names


@pytest.mark.parametrize("noise", sorted(NOISE))
@pytest.mark.parametrize("letter", LETTERS, ids=lambda p: p.name.removesuffix("_sample.txt"))
def test_noise_leaves_fields_unchanged(letter: Path, noise: str) -> None:
    clean = letter.read_text(encoding="utf-8")
    noisy = NOISE[noise](clean)
    assert noisy != clean
    assert fields(noisy) == fields(clean)


@pytest.mark.parametrize(
    "noise",
    [
        "page_numbers",
        "word_page_numbers",
        "page_first_headers",
        "running_header",
        "running_footer",
        "mailto",
    ],
)
def test_removed_furniture_is_reported(noise: str) -> None:
    clean = (SAMPLES / "leading-x_sample.txt").read_text(encoding="utf-8")
    decision = iroparse.parse(NOISE[noise](clean))
    removed = [d for d in decision.diagnostics if d.code == "noise-removed"]
    assert len(removed) >= 2
    assert not any(d.code == "noise-removed" for d in iroparse.parse(clean).diagnostics)


def test_page_break_in_mid_sentence_joins_the_halves() -> None:
    clean = (SAMPLES / "glyph_sample.txt").read_text(encoding="utf-8")
    history = iroparse.parse(clean).clinical_history
    assert history is not None
    noisy = iroparse.parse(running_footer(clean)).clinical_history
    assert noisy == history
    assert "\n" not in history
    assert FOOTER not in (iroparse.parse(running_footer(clean)).analysis or "")


def _page_break_after(text: str, anchor: str) -> str:
    """A page break with a page number and a running header right after ``anchor``'s line."""
    end = text.index("\n", text.index(anchor))
    return f"{HEADER}\n{text[:end]}\nPage 1 of 2\n\f{HEADER}\n{text[end:]}"


@pytest.mark.parametrize(
    ("sample", "anchor"),
    [
        ("bracket", "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING"),
        ("bracket", "A DESCRIPTION AND THE SOURCE OF THE SCREENING"),
        ("trailing-x", "A DESCRIPTION OF THE QUALIFICATIONS FOR EACH"),
        ("glyph", "ANALYSIS AND EXPLANTION OF THE DECISION"),
    ],
)
def test_page_break_inside_a_wrapped_heading(sample: str, anchor: str) -> None:
    clean = (SAMPLES / f"{sample}_sample.txt").read_text(encoding="utf-8")
    noisy = _page_break_after(clean, anchor)
    assert fields(noisy) == fields(clean)
    assert "noise-removed" in {d.code for d in iroparse.parse(noisy).diagnostics}


@pytest.mark.parametrize(
    ("sample", "anchor"),
    [
        ("paren", "- Physical therapy daily notes"),
        ("leading-x", "Board Certified in Anesthesiology"),
        ("glyph", "\uf0fe MEDICAL JUDGEMENT"),
        ("trailing-x", "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE"),
    ],
)
def test_page_break_inside_a_list_or_checklist_item(sample: str, anchor: str) -> None:
    clean = (SAMPLES / f"{sample}_sample.txt").read_text(encoding="utf-8")
    noisy = _page_break_after(clean, anchor)
    got, want = fields(noisy), fields(clean)
    for key in ("services", "reviewer_qualifications", "information_provided", "criteria"):
        assert got[key] == want[key], key


@pytest.mark.parametrize("noise", sorted(NOISE))
@pytest.mark.parametrize("letter", LETTERS, ids=lambda p: p.name.removesuffix("_sample.txt"))
def test_noise_leaves_detection_unchanged(letter: Path, noise: str) -> None:
    ranked = iroparse.detect_layout(NOISE[noise](letter.read_text(encoding="utf-8")))
    name = letter.name.removesuffix("_sample.txt")
    if name == "unknown-marks":
        assert ranked[0].score == 0
    else:
        assert ranked[0].name == name
        assert ranked[0].score - ranked[1].score >= 0.2


def test_bates_numbers_rising_from_page_to_page_are_noise_and_a_case_number_twice_is_not() -> None:
    from iroparse._pipeline.noise_names import bates_sequences

    lines = ["Prose.", "LSR-14-0817-0001", "More prose.", "LSR-14-0817-0002", "IRO-2014-0316"]
    lines += ["IRO-2014-0316"]
    assert bates_sequences(lines, [None] * len(lines)) == {1, 3}
    bare = ["Prose.", "000341", "More prose.", "000342", "Prose again."]
    assert bates_sequences(bare, [None] * len(bare)) == {1, 3}


def test_a_stamp_beside_a_line_of_the_letter_is_cut_off() -> None:
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    heading = "INFORMATION PROVIDED TO THE IRO FOR REVIEW"
    lines = [f"{heading}              RECEIVED JUL 0 7 2009", "The patient is seen   SEP 0 3 2014"]
    lines.append("Records       Date Received")
    cuts = other_column_cuts(lines, lambda s: False, DEFAULT_FURNITURE)
    assert lines[0][cuts[0] :] == "RECEIVED JUL 0 7 2009"
    assert lines[1][cuts[1] :] == "SEP 0 3 2014"
    assert 2 not in cuts  # a table's column heading is no stamp


def test_a_stamps_second_line_starting_near_its_first_is_cut_off_with_it() -> None:
    """A stamp pressed by hand is not square: its second line is neither centred on its
    first nor starts at its column, but starts within a few columns of it."""
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    lines = [
        "  and strains, with fading of treatment frequency plus active self-directed  home"
        "       RECEIVED AUG 2 4 2012",
        "  physical therapy. The  claimant has objective functional gains after six  visits,"
        "       TDI / HWCN",
        "  which supports continued care, but twelve more visits  would bring the total to 18,",
    ]
    cuts = other_column_cuts(lines, lambda s: False, DEFAULT_FURNITURE)
    assert lines[0][cuts[0] :] == "RECEIVED AUG 2 4 2012"
    assert lines[1][cuts[1] :] == "TDI / HWCN"
    assert 2 not in cuts


def test_a_stamps_long_office_line_beside_the_text_is_cut_off_with_it() -> None:
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    body = [
        "Treatment has included 18 visits of physical therapy, naproxen, tizanidine and",
        "tramadol, and a left L4-L5 transforaminal epidural steroid injection on 09/15/2020",
        "that reduced the leg symptoms by about half for one month. Examination on 12/01/2020",
        "showed paraspinal tenderness at L4-S1, pain with extension and rotation, a positive",
    ]
    stamp = ["R E C E I V E D", "MAR 0 3 2021", "TDI-DWC", "MEDICAL DISPUTE RESOLUTION"]
    lines = [f"{line:<86}{part}" for line, part in zip(body, stamp, strict=True)]
    cuts = other_column_cuts(lines, lambda s: False, DEFAULT_FURNITURE)
    assert [lines[i][cuts[i] :] for i in sorted(cuts)] == stamp


def test_a_stamps_rule_under_its_lines_is_cut_off_with_it() -> None:
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    body = [
        "Patient clinical history summary:",
        "The enrollee is a 26-year-old female with type 1 diabetes since age 9,",
        "managed with multiple daily injections of insulin glargine and insulin",
        "lispro. She checks her glucose by fingerstick six to eight times a day.",
        "Her hemoglobin A1c has ranged from 8.1% to 8.9% during 2018. The meter",
    ]
    stamp = ["RECEIVED", "FEB 11 2019", "TDI - HWCN", "___________", ""]
    lines = [f"{line:<74}{part}".rstrip() for line, part in zip(body, stamp, strict=True)]
    lines[0] = f"{body[0]:<78}RECEIVED"
    cuts = other_column_cuts(lines, lambda s: s.strip("_") == "", DEFAULT_FURNITURE)
    assert [lines[i][cuts[i] :] for i in sorted(cuts)] == stamp[:4]


def test_a_scanned_letterheads_address_with_gaps_for_its_commas_is_furniture() -> None:
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    assert DEFAULT_FURNITURE.noise_kind("3802 50th Street   Lubbock  TX  79413") == "contact-line"
    assert DEFAULT_FURNITURE.noise_kind("He moved to Lubbock TX 79413 in May.") is None


def test_a_records_wrapped_end_with_its_date_is_no_furniture() -> None:
    """A record's second line names an organisation and ends with the record's date, which
    its first line lacks (``Rehabilitation Associates, 04/14/06``): the record's, not a name
    a page break left between two lines."""
    from iroparse._pipeline.noise_prose import interrupting_lines

    records = [
        "Preauthorization denial letters from [redacted] Insurance, 04/20/06 and 05/04/06",
        "Chronic pain management program request and treatment plan, [redacted]",
        "      Rehabilitation Associates, 04/14/06",
        "Initial behavioral medicine evaluation by [redacted], LPC, 03/30/06, with Beck",
    ]
    assert interrupting_lines(records, [None] * 4) == set()


def test_a_guidelines_name_after_the_preposition_that_asks_for_it_is_no_furniture() -> None:
    from iroparse._pipeline.noise_prose import interrupting_lines

    prose = [
        "of activity with the goal of return to work. The Texas Guidelines for",
        "Chiropractic Quality Assurance and Practice Parameters and the ACOEM",
        "guidelines support such a program only for a worker who has a defined job to",
    ]
    assert interrupting_lines(prose, [None] * 3) == set()


def test_a_line_of_a_letter_set_narrow_as_long_as_its_prose_is_no_furniture() -> None:
    """At 50 columns every line is short: one as long as the letter's lines is prose, though
    its words read like a title's (``January 2022. A multiparametric MRI on 02/25/2022``)."""
    from iroparse._pipeline.noise_prose import interrupting_lines

    prose = [
        "The enrollee is a 67-year-old male with newly",
        "diagnosed adenocarcinoma of the prostate. His PSA",
        "rose from 3.9 ng/mL in 2020 to 6.2 ng/mL in",
        "January 2022. A multiparametric MRI on 02/25/2022",
        "showed a PI-RADS 4 lesion in the left peripheral",
        "zone without extraprostatic extension or seminal",
    ]
    assert interrupting_lines(prose, [None] * len(prose)) == set()


def test_checklist_lines_are_never_a_sentence_cut_by_furniture() -> None:
    """A Wingdings box read as a letter (``¨``, ``þ``) starts an item, not a sentence's
    lower-case rest; a form's row ending in its mark past a wide gap is no prose for a wrapped
    item's first line to cut."""
    from iroparse._pipeline.noise_prose import interrupting_lines

    boxes = [
        "¨ European Guidelines for Management of Chronic Low Back Pain",
        "¨ Interqual Criteria",
        "þ Medical Judgement, Clinical Experience and Expertise in Accordance with Accepted",
    ]
    assert interrupting_lines(boxes, [None] * 3) == set()
    form = [
        "Interqual Criteria                                                      No",
        "Medical Judgement, Clinical Experience and Expertise in Accordance",
        "with Accepted Medical Standards                                         Yes",
    ]
    assert interrupting_lines(form, [None] * 3) == set()
    prose = [
        "The claimant was referred for an evaluation of the cervical spine and was",
        "Pecos Peer Review Group",
        "seen on 03/04/2019 by the surgeon.",
    ]
    assert interrupting_lines(prose, [None] * 3) == {1}


def test_a_fax_banners_page_and_a_footers_page_number_the_same_pages() -> None:
    """``Page 1 of 4`` at a page's foot and ``PAGE 02/04`` on the next page's fax banner,
    after the fax's date and time: four pages, not the date's ``07`` as a fifth."""
    from iroparse._pipeline.page_numbers import pages_numbered

    lines = []
    for n in (1, 2, 3):
        lines += [
            f"Bitter Creek IRO, Inc.{' ' * 50}Page {n} of 4",
            f"07/10/2013 16:3{n}  5125550142     TDI DWC MDR          PAGE 0{n + 1}/04",
        ]
    lines.append(f"Bitter Creek IRO, Inc.{' ' * 50}Page 4 of 4")
    noise = ["running-header", "fax-header"] * 3 + ["running-header"]
    assert pages_numbered(lines, noise) == 4


def test_a_line_after_an_article_with_a_sentences_words_is_prose_not_a_stamp() -> None:
    """``... The`` / ``American Diabetes Association Standards of Care likewise recommend
    CGM`` / ``for adults ...``: the article asks for the line's noun phrase, and two words in
    lower case in a row are a sentence's, not a header's or a stamp's."""
    from iroparse._pipeline.noise_prose import interrupting_lines

    prose = [
        "an insulin pump, or who has a history of problematic hypoglycemia. The",
        "American Diabetes Association Standards of Care likewise recommend CGM",
        "for adults on multiple daily injections or basal insulin. This enrollee",
    ]
    assert interrupting_lines(prose, [None] * 3) == set()
    cut = [prose[0], "Live Oak Health Review", prose[2]]
    assert interrupting_lines(cut, [None] * 3) == {1}


INLINE_SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "letters" / "inline_sample.txt"
#: Headings of the sample and the title each gets over its underline: short ones too, whose
#: rule is shorter than any drawn line (``DECISION`` / ``________``).
UNDERLINED_HEADINGS = {
    "IRO CASE #:": "IRO CASE #",
    "REVIEW OUTCOME:": "DECISION",
    "INFORMATION PROVIDED TO THE IRO FOR REVIEW:": "RECORDS",
    "PATIENT CLINICAL HISTORY SUMMARY:": "CLINICAL HISTORY",
    "USED TO SUPPORT THE DECISION:": "USED TO SUPPORT THE DECISION",
}


@pytest.mark.parametrize("word_by_word", [False, True])
def test_a_headings_underline_is_furniture_not_its_sections_text(word_by_word: bool) -> None:
    """``DECISION`` / ``________``: a typewriter's underline under a heading, as long as it,
    give or take one, or a scan's underline of each word (``REVIEW OUTCOME`` / ``______
    _______``, no table's columns); the section's text is what follows the rule."""
    sample = INLINE_SAMPLE.read_text(encoding="utf-8")
    underlined = sample
    for heading, title in UNDERLINED_HEADINGS.items():
        rule = "_" * (len(title) + len(title) % 2)
        if word_by_word:
            rule = " ".join("_" * len(word) for word in title.split())
        underlined = underlined.replace(f"\n{heading}\n", f"\n{title}\n{rule}\n", 1)
    assert len(re.findall(r"^[_ ]+$", underlined, re.MULTILINE)) == len(UNDERLINED_HEADINGS)
    plain, ruled = iroparse.parse(sample), iroparse.parse(underlined)
    assert ruled.outcome == plain.outcome
    assert [i.text for i in ruled.information_provided] == [
        i.text for i in plain.information_provided
    ]
    assert ruled.case_number == plain.case_number
    assert ruled.clinical_history == plain.clinical_history
    assert ruled.analysis == plain.analysis
    assert "_" not in " ".join(s.text for s in ruled.sections)


@pytest.mark.parametrize(
    "header",
    [
        "Elmaton Review Partners                              File ERP-21-04-118",
        "RE: Claimant xxxxxxxx  --  Elmaton Case No. ERP-21-04-118  --  DOR 03/22/2021",
        "Elmaton Review Partners  -  ERP-21-04-118",
    ],
)
def test_a_page_header_of_a_name_and_the_case_number_under_a_footer_and_a_rule(
    header: str,
) -> None:
    """``Elmaton Review Partners      File ERP-21-04-118`` (or cells parted by dashes) under
    the first page's footer and a rule, its number the letter's own from the top: the second
    page's header, written once."""
    from iroparse._pipeline.page_tops import labelled_page_tops

    top = ["Notice of Independent Review Decision", "Elmaton IRO File No.:  ERP-21-04-118"]
    body = [f"The member's history, line {n}." for n in range(24)]
    edge = ["", "ERP-21-04-118  |  1 of 2", "=" * 60]
    lines = [*top, *body, *edge, header, "", "Clinical History:"]
    noise: list[str | None] = [None] * len(lines)
    footer = lines.index(edge[1])
    noise[footer], noise[footer + 1] = "page-number", "rule"
    assert labelled_page_tops(lines, noise) == {lines.index(header)}
    prose = "The reviewer agrees with the plan     file ERP-99-99-999"
    lines[lines.index(header)] = prose
    assert labelled_page_tops(lines, noise) == set()


def test_a_footer_before_each_fax_banner_is_a_running_line() -> None:
    """``HIR DWC-IRO 2014.2        1`` at each page's foot, the next page's fax banner after
    it: the banner heads a page, so the footer stands at a page's edge."""
    from iroparse._pipeline.noise import running_lines

    lines: list[str] = []
    noise: list[str | None] = []
    for page in (1, 2, 3):
        banner = f"10/07/2014 09:1{page}  (FAX)  3615550120  HEBBRONVILLE IR  #0{page}/03"
        # (the last page short: its footer stands less than a page after the one before)
        text = [f"Line {n} of page {page} says what the reviewer found." for n in range(18)]
        text = text[:8] if page == 3 else text
        footer = f"HIR DWC-IRO 2014.2{' ' * 36}{page}"
        lines += [banner, "", *text, "", footer, ""]
        noise += ["fax-header"] + [None] * (len(text) + 4)
    footers = {i for i, line in enumerate(lines) if line.startswith("HIR")}
    assert running_lines(lines, frozenset(), noise) >= footers


def test_a_short_line_with_the_case_number_over_a_page_number_is_the_pages_header() -> None:
    """``Re:  Our File No. MHR-98-0041`` / ``Page 2`` at a page's top, the number the letter's
    own from its top: the page's header; a record dated as the top is (``... 06/02/2016``) is
    not."""
    from iroparse._pipeline.page_tops import labelled_page_tops

    top = ["Re:   Independent Review", "Our File No.       MHR-98-0041", "Dated 06/02/2016"]
    body = [f"The enrollee's history, line {n}." for n in range(24)]
    lines = [*top, *body, "", "Re:  Our File No. MHR-98-0041", "Page 2", "", "DETERMINATION"]
    noise: list[str | None] = [None] * len(lines)
    noise[lines.index("Page 2")] = "page-number"
    assert labelled_page_tops(lines, noise) == {lines.index("Re:  Our File No. MHR-98-0041")}
    lines[lines.index("Re:  Our File No. MHR-98-0041")] = "Surgical pathology, 06/02/2016"
    assert labelled_page_tops(lines, noise) == set()


def test_a_line_cutting_a_sentence_and_recurring_set_apart_is_a_running_header() -> None:
    """No form feed and no page number: ``Piney Woods ... * Case PWCR-23-11842 * Patient:``
    cuts a sentence in two (``CT of`` / ``the abdomen``) and recurs between paragraphs later,
    blank lines around it: a running header both times. Alone, or with its other copy inside a
    paragraph, it stays."""
    from iroparse._pipeline.noise import running_lines

    header = "Piney Woods Clinical Review  *  Case PWCR-23-11842  *  Patient: xxxxx"
    top = ["Notice of Decision", ""] + [f"The reviewer read record {n} closely." for n in range(20)]
    cut = ["Urinalysis showed pyuria and bacteriuria on admission. CT of"]
    cut += ["", header, "", "the abdomen showed no abscess."]
    later = [f"The plan's file held note {n}." for n in range(20)]
    end = [f"This decision binds the plan, clause {n}." for n in range(20)]
    lines = [*top, *cut, *later, "", header, "", *end]
    noise: list[str | None] = [None] * len(lines)
    copies = {i for i, line in enumerate(lines) if line == header}
    assert running_lines(lines, frozenset(), noise) == copies
    inside = [*lines[: -len(end) - 3], "and the file held the note", header, "of the visit.", *end]
    assert running_lines(inside, frozenset(), [None] * len(inside)) == set()


def test_an_older_letters_second_sheet_heading_is_furniture() -> None:
    """``Ms. xxxxxxxxx`` / ``April 24, 2000`` / ``Page 2`` set apart mid-letter: the
    addressee and the date written again over the page's number. A line of the letter's own
    beside a page number, not written at the top, stays."""
    from iroparse._pipeline.page_tops import second_sheet_heads

    top = ["TRINITY RIVER MEDICAL CONSULTANTS", "", "April 24, 2000", "", "Ms. xxxxxxxxx"]
    body = [f"Line {n} of the letter's first page." for n in range(30)]
    head = ["", "Ms. xxxxxxxxx", "April 24, 2000", "Page 2", ""]
    lines = [*top, *body, *head, "have not tried a program of weight loss."]
    noise: list[str | None] = [None] * len(lines)
    page = lines.index("Page 2")
    noise[page], noise[page - 1] = "page-number", "running-header"
    assert second_sheet_heads(lines, noise) == {page - 2}
    lines[page - 2] = "She walks with a cane."
    assert second_sheet_heads(lines, noise) == set()


def test_a_second_sheets_heading_under_the_page_number_may_repeat_parts_of_top_lines() -> None:
    """``- Page 1 of 2 -`` / ``PBMRO File # 3-0619`` / ``July 2, 2003``: the file number and
    the date are parts of the memo's ``RE:`` and ``DATE:`` lines."""
    from iroparse._pipeline.page_tops import second_sheet_heads

    top = ["DATE:         July 2, 2003", "", "RE:    MDR # M2-03-1390-01    PBMRO File # 3-0619"]
    body = [f"Line {n} of the letter's first page." for n in range(30)]
    head = ["", "- Page 1 of 2 -", "PBMRO File # 3-0619", "July 2, 2003", ""]
    lines = [*top, *body, *head, "therapy, medication and two epidural injections"]
    noise: list[str | None] = [None] * len(lines)
    page = lines.index("- Page 1 of 2 -")
    noise[page] = "page-number"
    assert second_sheet_heads(lines, noise) == {page + 1, page + 2}


def test_a_second_sheets_heading_repeats_a_label_of_the_top_without_its_colon() -> None:
    """``TDI File No. 98-0412`` / ``October 14, 1998`` / ``Page 2``: the memo's top wrote
    ``TDI File No.:      98-0412``, its colon and its column's gap left out below."""
    from iroparse._pipeline.page_tops import second_sheet_heads

    top = ["DATE:       October 14, 1998", "", "RE:   TDI File No.:      98-0412"]
    body = [f"Line {n} of the letter's first page." for n in range(30)]
    head = ["", "TDI File No. 98-0412", "October 14, 1998", "Page 2", ""]
    lines = [*top, *body, *head, "of an oral decongestant and an antihistamine only."]
    noise: list[str | None] = [None] * len(lines)
    page = lines.index("Page 2")
    noise[page] = "page-number"
    assert second_sheet_heads(lines, noise) == {page - 2, page - 1}


def test_a_second_sheets_heading_may_carry_its_page_in_a_running_header() -> None:
    """``TWCC - M2-99-O318-O1      Page 1 of 2`` / ``August 3, l999``: the page's number
    stands in a running header's line, the letter's date under it."""
    from iroparse._pipeline.page_tops import second_sheet_heads

    top = ["   August 3, l999", "", "   RE:   MDR Tracking No.:    M2-99-O318-O1"]
    body = [f"Line {n} of the letter's first page." for n in range(30)]
    head = ["", "   TWCC - M2-99-O318-O1                           Page 1 of 2"]
    head += ["   August 3, l999", ""]
    lines = [*top, *body, *head, "The carrier's physician advisor denied the surgery."]
    noise: list[str | None] = [None] * len(lines)
    noise[len(top) + len(body) + 1] = "running-header"
    assert second_sheet_heads(lines, noise) == {len(top) + len(body) + 2}


def test_a_sentences_last_words_over_a_page_number_are_no_page_header() -> None:
    """``and new L5-Sl trans foraminal injections.`` / ``Page 1 of 3``: a short line over the
    page's number with a value of the top (``L5-Sl``), but a sentence's end in lower case, and
    a spine's level no case number. ``Re:  Our File No. MHR-98-0041`` there is the page's."""
    from iroparse._pipeline.page_tops import labelled_page_tops

    top = ["Right L4-5 and L5-Sl transforaminal injections", "Our File No. MHR-98-0041"]
    body = [f"Line {n} of the letter's first page." for n in range(30)]
    for last, found in (
        ("and new L5-Sl trans foraminal injections.", False),
        ("New L5-Sl injections", False),
        ("Re:  Our File No. MHR-98-0041", True),
    ):
        lines = [*top, *body, last, "Page 1 of 3"]
        noise: list[str | None] = [None] * len(lines)
        noise[-1] = "page-number"
        assert (len(lines) - 2 in labelled_page_tops(lines, noise)) is found, last


@pytest.mark.parametrize(
    "banner",
    [
        "Jun.19. 2001  3:41PM        MINEOLA MED REVIEW                         No.2207    P. 1/4",
        "PAGE 1/3 * RCVD AT 3/9/2004 2:19:44 PM [Central Standard Time] * SVR:TWCCFAX01/3 * "
        "DNIS:4868 * CSID:830 555 0146 * DURATION (mm-ss):01-12",
        "Transmitted 08-22-14 14:03 from 409 555 0163 to 512 490 1045",
        "AUG 24 '99 14:40   RECEIVED FROM:956 555 0144   #0233 P.01",
        "May-20-2003 04:09pm      Rcvd by TWCC Medical Review Div.          M5-03-1187-01",
        "From:Mission Tejas IRO      9365550139        06/08/2015 09:47      #882 P.001/004",
        "11/16/2005  10:25   DWC MEDICAL REVIEW  512 804 4868        NO.339    D001",
        "To: 15128044001     From: 19725550110     Page: 2/3     Date: 8/17/2023 11:52:08 AM",
        # a scan's letters for its digits and its weekday
        "O4/11/2O14 FRl 1O:22 FAX 432555Ol16        PECOS VALLEY REVlEW        @OO2/OO3",
    ],
)
def test_more_fax_machines_banners(banner: str) -> None:
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    assert DEFAULT_FURNITURE.noise_kind(banner) == "fax-header"


def test_a_running_footer_on_a_headings_baseline_is_cut_off_it() -> None:
    sample = (SAMPLES / "bracket_sample.txt").read_text(encoding="utf-8")
    footer = "Westridge IRO - Notice of Decision - Page 1"
    text = sample.replace(
        "PATIENT CLINICAL HISTORY SUMMARY ", f"PATIENT CLINICAL HISTORY SUMMARY{'':40}{footer}", 1
    )
    decision = iroparse.parse(text)
    assert decision.clinical_history == iroparse.parse(sample).clinical_history
    assert not any("Westridge" in s.heading + s.text for s in decision.sections)


@pytest.mark.parametrize(
    "footer",
    [
        "2 | Longhorn Cavern Review",
        "DHR13-0528 | 2",
        "Decision notice - final page",
        "SRIR-NOD rev 3 / final",
        "Document 7F3A-22C1  |  printed 02/10/2016 16:42  |  sheet 2 (end)",
        "Cooper Lake Health Review  |  CLHR-F-07 (rev. 01/2017)",
    ],
)
def test_footers_of_a_page_a_last_page_a_sheet_or_a_forms_revision(footer: str) -> None:
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    assert DEFAULT_FURNITURE.noise_kind(footer) == "running-header"


def test_a_labelled_page_header_cutting_a_sentence_with_no_page_break_marked() -> None:
    """``... in the left`` / / ``LME Case 0917-2231  /  Claimant: xxxxx  /  DOI: xx/xx/xxxx``
    / ``____`` / / ``lateral recess ...``: the header repeats the top's case number."""
    from iroparse._pipeline.page_tops import labelled_page_tops

    top = ["LME Case Number:  0917-2231", "Claimant:  xxxxx xxxxx"]
    body = [f"Line {n} of the letter's first page." for n in range(30)]
    header = "LME Case 0917-2231  /  Claimant: xxxxx xxxxx  /  DOI: xx/xx/xxxx"
    cut = ["with soft tissue in the left", "", "", header, "_" * 60, "", "lateral recess."]
    lines = [*top, *body, *cut]
    noise: list[str | None] = [None] * len(lines)
    noise[-3] = "rule"
    assert lines.index(header) in labelled_page_tops(lines, noise)
    # the same line after a sentence's end is no header of a page no break marks
    lines[len(top) + len(body)] = "with soft tissue in the left recess."
    assert lines.index(header) not in labelled_page_tops(lines, noise)


def test_an_outcome_mark_in_the_block_at_a_pages_end_is_noise() -> None:
    sample = (SAMPLES / "bracket_sample.txt").read_text(encoding="utf-8")
    analysis = iroparse.parse(sample).analysis or ""
    words = "trigger point injections"
    assert words in sample
    text = sample.replace(
        words,
        "trigger point\n\n                      Page 1 of 2\nX\n"
        "\fHill Country Independent Review, Inc.  |  Notice of Decision  |  Page 2 of 2\n\n"
        "injections",
        1,
    )
    assert iroparse.parse(text).analysis == analysis


def test_a_sentence_goes_on_past_a_page_break_with_every_blank_line_doubled() -> None:
    """``... decision to deny the`` / (doubled blanks, ``Page 1 of 2``, the next page's
    header, doubled blanks) / ``requested service.``: the rest of the sentence, not the
    services' heading ``REQUESTED SERVICE``, however many blank lines stand between (the
    letter the round trip drew, ``tests/letters/noise/page_break_doubled_blanks.txt``)."""
    data = (
        (SAMPLES.parent.parent / "tests" / "letters" / "noise")
        .joinpath("page_break_doubled_blanks.txt")
        .read_bytes()
    )
    assert b"\r\n" in data  # (the letter's own line ends, kept as written)
    decision = iroparse.parse(data)
    assert [s.kind for s in decision.sections].count("services_in_dispute") == 1
    assert (decision.analysis or "").startswith(
        "Opinion: I agree with the benefit company's decision to deny the requested service."
    )
