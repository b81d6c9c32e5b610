"""Characters as extractors and word processors write them: Unicode hyphens and dashes where a
letter has a hyphen, and horizontal rules typed as a run of one character. The fields come out
as from the plain letter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.test_furniture import SAMPLES, scored

import iroparse

LETTERS = Path(__file__).resolve().parents[1] / "examples" / "letters"
#: Unicode's hyphen, the non-breaking hyphen, the en dash.
DASHES = {"hyphen": "\u2010", "non-breaking": "\u2011", "en-dash": "\u2013"}


def _dashed(value: Any, dash: str) -> Any:
    if isinstance(value, str):
        return value.replace("-", dash)
    if isinstance(value, list | tuple):
        return [_dashed(item, dash) for item in value]
    if isinstance(value, dict):
        return {key: _dashed(item, dash) for key, item in value.items()}
    return value


@pytest.mark.parametrize("dash", sorted(DASHES))
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_hyphen_written_as_a_dash_reads_the_same(path: Path, dash: str) -> None:
    text = path.read_text(encoding="utf-8")
    plain = scored(text)
    assert "-" in text
    dashed = scored(text.replace("-", DASHES[dash]))
    # the values keep the letter's own characters; the review date is a date either way
    want = {k: v if k == "review_date" else _dashed(v, DASHES[dash]) for k, v in plain.items()}
    want["criteria"] = plain["criteria"]  # criteria codes are the catalogue's
    assert dashed == want


@pytest.mark.parametrize(
    "rule", ["_" * 40, "=" * 30, "-" * 60, "\u2013" * 50, "*" * 20, "  " + "." * 72, "- " * 30]
)
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_rule_above_every_heading_is_decoration(path: Path, rule: str) -> None:
    text = path.read_text(encoding="utf-8")
    headed = {
        text.count("\n", 0, section.start)
        for section in iroparse.parse(text).sections
        if section.heading
    }
    ruled = "\n".join(
        f"{rule}\n{line}" if n in headed else line for n, line in enumerate(text.split("\n"))
    )
    assert ruled.count(rule) >= 5
    assert scored(ruled) == scored(text)
    removed = [d for d in iroparse.parse(ruled).diagnostics if d.code == "noise-removed"]
    assert sum("rule line" in d.message for d in removed) >= 5


def test_a_page_break_inside_a_headings_aside() -> None:
    text = (LETTERS / "bracket_sample.txt").read_text(encoding="utf-8")
    heading = "PATIENT CLINICAL HISTORY SUMMARY \n"
    broken = (
        "PATIENT CLINICAL HISTORY SUMMARY (INCLUDING\n\nCENTEX IRO\nIndependent Review Decision\n"
        "Page 2 of 3\n\nPERTINENT HISTORY):\n"
    )
    assert heading in text
    assert scored(text.replace(heading, broken, 1)) == scored(text)


#: A word processor's bullets as a PDF's text gives them: Symbol's bullet (a private-use code
#: point), Wingdings' square and arrow as the characters they map to, a second-level ``o``;
#: a scan's bullet read as a full stop.
PDF_BULLETS = ["\uf0b7", "§", "Ø", "➢", "o", "■", "»", ".", "▸", "[✓]"]
LISTED = [p for p in SAMPLES if "\n- " in p.read_text() or "\n• " in p.read_text()]


@pytest.mark.parametrize("bullet", PDF_BULLETS)
@pytest.mark.parametrize("path", LISTED, ids=lambda p: p.stem)
def test_a_pdfs_bullets_mark_list_items(path: Path, bullet: str) -> None:
    import re

    text = path.read_text(encoding="utf-8")
    bulleted = re.sub(r"(?m)^(?:-|•)\s+", bullet + " ", text)
    assert bulleted != text
    assert scored(bulleted) == scored(text)


def test_an_item_after_a_wrapped_one_is_not_the_end_of_its_sentence() -> None:
    # ``o Peer review ...`` after a wrapped item: a bullet, not prose going on in lower case,
    # so the wrapped item's last line is not taken for a stamp cutting a sentence
    text = (LETTERS / "paren_sample.txt").read_text(encoding="utf-8")
    records = iroparse.parse(text).information_provided
    assert len(records) >= 3
    items = "\n".join(
        "o Office notes of the treating physician from 05/13/2012 through\n  04/17/2006"
        if n == 1
        else f"o {item.text}"
        for n, item in enumerate(records)
    )
    start = text.index(records[0].text)
    end = text.index(records[-1].text) + len(records[-1].text)
    wrapped = text[:start] + items + text[end:]
    got = [item.text for item in iroparse.parse(wrapped).information_provided]
    assert got[1] == "Office notes of the treating physician from 05/13/2012 through 04/17/2006"
