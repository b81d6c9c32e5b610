"""The picture on the docs' index: a letter going in, its record coming out.

It is drawn at every build from the bracket sample and what :func:`iroparse.parse_file` reads
from it, so it cannot drift from the library: on the left, the letter's lines that hold the
values, each value highlighted where its span says; on the right, the same values in the JSON
record; a line joins each value to its key. Written as ``_static/letter_to_record.svg``.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import iroparse
from iroparse import Decision, Span

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "letters" / "bracket_sample.txt"
#: Characters of a letter line shown; font size and the width of one character in pixels.
LINE_CHARS, FONT, CHAR = 66, 12, 7.2
LINE_HEIGHT, TOP, LEFT, RIGHT = 19, 46, 16, 600
COLOURS = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3")


def _values(decision: Decision) -> list[tuple[str, str, Span]]:
    """(record key, value as the record writes it, span) of the values the picture shows."""
    spans = decision.spans
    shown: list[tuple[str, str, Span | None]] = [
        ("review_date", f'"{decision.review_date}"', spans.review_date),
        ("services[0].text", f'"{decision.services[0].text[:24]}..."', decision.services[0].span),
        (
            "reviewer_qualifications[0]",
            f'"{decision.reviewer_qualifications[0].text[:22]}..."',
            decision.reviewer_qualifications[0].span,
        ),
        ("outcome", f'"{decision.outcome.value}"', spans.outcome),
        ("patient.sex", f'"{decision.patient.sex}"', spans.patient_sex),
    ]
    checked = [c for c in decision.criteria if c.checked]
    shown += [(f'criteria["{c.code}"].checked', "true", c.span) for c in checked]
    return [(key, value, span) for key, value, span in shown if span is not None]


def letter_to_record_svg(path: Path = SAMPLE) -> str:
    """The picture, as SVG text."""
    text = path.read_text(encoding="utf-8")
    decision = iroparse.parse(text)
    values = _values(decision)
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]

    def line_of(offset: int) -> int:
        return max(n for n, start in enumerate(starts) if start <= offset)

    # the letter lines to show: each value's first line, in letter order, with a gap mark
    # between lines that are not neighbours
    shown_lines = sorted({line_of(span.start) for _, _, span in values})
    rows: list[int | None] = []
    for n in shown_lines:
        if rows and rows[-1] is not None and n != rows[-1] + 1:
            rows.append(None)
        rows.append(n)
    height = TOP + LINE_HEIGHT * max(len(rows), len(values) + 2) + 20
    parts: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="1160" height="{height}" '
        f'font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="{FONT}">',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="22" font-size="14" font-weight="bold">the letter '
        f"({escape(path.name)})</text>",
        f'<text x="{RIGHT}" y="22" font-size="14" font-weight="bold">'
        "its record (iroparse.to_dict)</text>",
    ]
    row_y = {n: TOP + LINE_HEIGHT * i for i, n in enumerate(rows) if n is not None}
    for i, n in enumerate(rows):
        y = TOP + LINE_HEIGHT * i
        if n is None:
            parts.append(f'<text x="{LEFT}" y="{y}" fill="#999999">...</text>')
            continue
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(text)
        line = text[starts[n] : end].rstrip()[:LINE_CHARS]
        parts.append(f'<text x="{LEFT}" y="{y}" xml:space="preserve">{escape(line)}</text>')
    record_y = TOP + LINE_HEIGHT
    parts.append(f'<text x="{RIGHT}" y="{TOP}">{{</text>')
    for k, (key, value, span) in enumerate(values):
        colour = COLOURS[k % len(COLOURS)]
        n = line_of(span.start)
        first = span.start - starts[n]
        last = min(span.end - starts[n], first + LINE_CHARS, LINE_CHARS)
        x0, x1 = LEFT + CHAR * first, LEFT + CHAR * max(last, first + 1)
        y = row_y[n]
        parts.append(
            f'<rect x="{x0:.1f}" y="{y - FONT + 1}" width="{x1 - x0:.1f}" height="{FONT + 4}" '
            f'fill="{colour}" fill-opacity="0.22" stroke="{colour}"/>'
        )
        ry = record_y + LINE_HEIGHT * k
        parts.append(
            f'<path d="M{x1:.1f},{y - 4} C{x1 + 60:.1f},{y - 4} {RIGHT - 60},{ry - 4} '
            f'{RIGHT - 4},{ry - 4}" fill="none" stroke="{colour}" stroke-width="1.2"/>'
        )
        parts.append(
            f'<text x="{RIGHT + 14}" y="{ry}" xml:space="preserve"><tspan fill="{colour}" '
            f'font-weight="bold">"{escape(key)}"</tspan>: {escape(value)},</text>'
        )
    parts.append(f'<text x="{RIGHT + 14}" y="{record_y + LINE_HEIGHT * len(values)}">...</text>')
    parts.append(f'<text x="{RIGHT}" y="{record_y + LINE_HEIGHT * (len(values) + 1)}">}}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _write(app: Any) -> None:
    target = Path(app.srcdir) / "_static" / "letter_to_record.svg"
    target.write_text(letter_to_record_svg(), encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Draw the picture when a build starts."""
    app.connect("builder-inited", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
