"""The letterhead at the top of the first page is page furniture: none of it in a section's
text (the IRO's name is still read from it: ``tests/letters/styles/psychologist_brackets``)."""

from __future__ import annotations

from pathlib import Path

import iroparse
from iroparse._pipeline.furniture import DEFAULT_FURNITURE
from iroparse._pipeline.letterhead import letterhead_lines

SAMPLE = (Path(__file__).parent.parent / "examples/letters/bracket_sample.txt").read_text()


def _heading_kind(text: str) -> str | None:
    words = text.upper()
    if words.startswith("NOTICE OF INDEPENDENT REVIEW DECISION"):
        return "title"
    return "review_date" if words.startswith("DATE OF REVIEW") else None


def _letterhead(text: str) -> list[int]:
    lines = text.split("\n")
    noise = [DEFAULT_FURNITURE.noise_kind(line.strip()) if line.strip() else None for line in lines]
    return letterhead_lines(lines, noise, DEFAULT_FURNITURE, _heading_kind, lambda s: "[" in s)


def test_a_name_over_its_address_and_telephone_is_a_letterhead_the_date_under_it_is_not() -> None:
    top = (
        "                    PANHANDLE MEDICAL REVIEW\n"
        "                     Post Office Box 30211\n"
        "                    Amarillo, Texas  79120\n"
        "                        (806) 555-0127\n"
        "\n"
        "\n"
        "December 11, 1997\n"
    )
    # the city's line is furniture by its shape already
    assert _letterhead(top) == [0, 1, 3]


def test_a_letterhead_beside_the_letter_s_title_goes_with_the_title() -> None:
    top = (
        "CAPROCK REVIEW SERVICES                      Notice of Independent Review Decision\n"
        "1801 Broadway, Suite 310, Lubbock, TX 79401    Tel (806) 555-0114\n"
        "\n"
        "Date of Review:     03/22/2016\n"
    )
    assert _letterhead(top) == [0]  # the address line is furniture by its shape already


def test_a_title_alone_a_summary_box_and_a_checklist_are_no_letterhead() -> None:
    assert _letterhead("INDEPENDENT REVIEW DECISION\n\nDate of review: 2016-02-09\n") == []
    box = (
        "NORTH STAR HEALTH REVIEW, INC.        DATE OF REVIEW          IRO CASE #\n"
        "1400 Legacy Drive, Suite 330          12/08/2016              NSH-16-2291\n"
    )
    assert _letterhead(box) == []
    assert _letterhead("[ X ] SOME LOCAL IRO GUIDELINE BOOK\n[  ] TMF SCREENING\n") == []


def test_a_letterhead_stays_out_of_the_sections_and_names_the_iro() -> None:
    letterhead = (
        "BLUEBONNET INDEPENDENT REVIEW ORGANIZATION\n"
        "P.O. Box 151806  Austin, Texas 78715\n"
        "TDI Certificate No. IRO 5389\n\n"
    )
    decision = iroparse.parse(letterhead + SAMPLE)
    texts = " ".join(s.text for s in decision.sections)
    assert "BLUEBONNET" not in texts
    assert "TDI Certificate" not in texts
    assert decision.outcome == iroparse.parse(SAMPLE).outcome
