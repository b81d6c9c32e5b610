"""The explanation as one self-contained HTML page: no network, no file beside it.

On the left, the letter: each line with its section in the margin, each value marked
(``<mark data-field=... data-span=...>``; hovering it shows the field and its span, and lights
its row in the table), page furniture struck through, diagnostics under their lines. On the
right, the values as a table (field, value, span) and the whole record as JSON. A link to
``page.html#lit=FIELD`` opens the page with that value lit.
"""

from __future__ import annotations

import json
from html import escape

from iroparse.explain import CONTINUES, Explanation, Highlight, Row

__all__ = ["explanation_page"]

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; display: flex; gap: 1.5rem; }
main, aside { padding: 1rem; overflow-x: auto; }
main { flex: 3; } aside { flex: 2; border-left: 1px solid #ddd; }
.line { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px;
  white-space: pre; line-height: 1.45; }
.margin { display: inline-block; width: 16em; color: #1f5fa8; font-weight: 600; }
.margin.cont { color: #9bb7d8; font-weight: 400; }
.noise { text-decoration: line-through; color: #999; }
.noise .margin { color: #a0a; }
mark { background: #ffe58a; border-radius: 2px; }
mark.checked { background: #9ee39b; } mark.unchecked { background: #eee; color: #777; }
mark.lit, tr.lit { outline: 2px solid #d1495b; }
.diag { font-family: ui-monospace, monospace; font-size: 12px; margin-left: 16em;
  color: #8a6d00; white-space: pre-wrap; }
.diag.error { color: #b00020; } .diag.info { color: #5f6b7a; }
table { border-collapse: collapse; font-size: 13px; }
td, th { border-bottom: 1px solid #eee; padding: 2px 6px; text-align: left;
  vertical-align: top; }
td.value { max-width: 28em; overflow-wrap: anywhere; }
pre.record { font-size: 12px; background: #f6f8fa; padding: .5rem; }
h1 { font-size: 1.4rem; }
@media (max-width: 900px) { body { flex-direction: column; } aside { border-left: none; } }
"""

_SCRIPT = """
for (const mark of document.querySelectorAll("mark[data-field]")) {
  const row = document.getElementById("value-" + mark.dataset.field);
  mark.addEventListener("mouseenter", () => { mark.classList.add("lit");
    if (row) row.classList.add("lit"); });
  mark.addEventListener("mouseleave", () => { mark.classList.remove("lit");
    if (row) row.classList.remove("lit"); });
}
// a link to one value: page.html#lit=review_date lights it as a hover would, and shows it
if (location.hash.startsWith("#lit=")) {
  const field = decodeURIComponent(location.hash.slice(5));
  const mark = [...document.querySelectorAll("mark[data-field]")]
    .find((m) => m.dataset.field === field);
  if (mark) { mark.dispatchEvent(new Event("mouseenter")); mark.scrollIntoView(); }
}
"""


def _mark(highlight: Highlight, text: str) -> str:
    state = "" if highlight.checked is None else " checked" if highlight.checked else " unchecked"
    title = f"{highlight.field} [{highlight.start}, {highlight.end}]"
    return (
        f'<mark class="v{state}" data-field="{escape(highlight.field)}" '
        f'data-span="{highlight.start},{highlight.end}" title="{escape(title)}">'
        f"{escape(text)}</mark>"
    )


def _line_html(row: Row) -> str:
    note = row.note
    pieces: list[str] = []
    at = 0
    for highlight, first, last in row.marks:
        first = max(at, first)
        if last <= first:
            continue
        pieces.append(escape(note.text[at:first]))
        pieces.append(_mark(highlight, note.text[first:last]))
        at = last
    pieces.append(escape(note.text[at:]))
    kind = "margin cont" if row.margin == CONTINUES else "margin"
    classes = "line noise" if note.noise else "line"
    html = [
        f'<div class="{classes}" id="line-{note.number}"><span class="{kind}">'
        f"{escape(row.margin)}</span>{''.join(pieces)}</div>"
    ]
    for diagnostic in note.diagnostics:
        severity = diagnostic.severity.value
        html.append(
            f'<div class="diag {severity}">^ {severity} {escape(diagnostic.code)}: '
            f"{escape(diagnostic.message)}</div>"
        )
    return "\n".join(html)


def _values_table(explanation: Explanation) -> str:
    rows = []
    for highlight in explanation.highlights:
        value = explanation.text[highlight.start : highlight.end]
        if highlight.checked is not None:
            value = f"{'checked' if highlight.checked else 'unchecked'}: {value}"
        rows.append(
            f'<tr id="value-{escape(highlight.field)}"><td>{escape(highlight.field)}</td>'
            f'<td class="value">{escape(" ".join(value.split()))}</td>'
            f"<td>{highlight.start}-{highlight.end}</td></tr>"
        )
    return (
        "<table><thead><tr><th>field</th><th>value</th><th>span</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def explanation_page(explanation: Explanation, title: str = "iroparse explain") -> str:
    """The page's HTML."""
    import iroparse

    decision = explanation.decision
    lines = [_line_html(row) for row in explanation.rows()]
    wide = "".join(
        f'<div class="diag {d.severity.value}">{d.severity.value} {escape(d.code)}: '
        f"{escape(d.message)}</div>"
        for d in explanation.letter_wide
    )
    record = json.dumps(iroparse.to_dict(decision), indent=2, ensure_ascii=False)
    summary = (
        f"layout <b>{escape(decision.layout)}</b>, outcome <b>{decision.outcome.value}</b>, "
        f"{len(explanation.highlights)} values, {len(decision.diagnostics)} diagnostics"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<main><h1>{escape(title)}</h1><p>{summary}</p>"
        + "\n".join(lines)
        + (f"<h2>About the whole letter</h2>{wide}" if wide else "")
        + f"</main><aside><h2>Values</h2>{_values_table(explanation)}"
        f'<h2>Record</h2><pre class="record">{escape(record)}</pre></aside>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
