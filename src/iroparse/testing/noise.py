"""Extraction noise: what a PDF-to-text step does to a letter, as a hypothesis strategy.

:func:`extraction_noise` draws a noisy copy of a letter's text:

* lines longer than a random width (64..110) are re-wrapped greedily at spaces, the way a
  word processor wraps them; narrative lines may also break after a hyphen inside a word
  (``self-`` / ``limiting``); shorter lines are never touched, so a checklist item or a list
  item that fits stays on its line;
* page breaks: a page-number footer (``Page 2 of 4``), a form feed and a running header
  repeated at the top of every page, between any two lines of the letter and inside a wrapped
  narrative paragraph (never inside a wrapped heading or list item);
* blank lines doubled, trailing blanks, non-breaking spaces, typeset ligatures (``ﬁ``, ``ﬂ``,
  ``ﬃ`` for their letters, as some extractors keep them) and CRLF line ends.

All of it is what real extracted letters show, and all of it can be undone by a correct
parser; :func:`rewrap` and :func:`page_break` are public so that other tests can build
exactly the noise they need.
"""

from __future__ import annotations

import random

import regex
from hypothesis import strategies as st

from iroparse._fields.lists import MARKER
from iroparse._pipeline.headings import looks_like_heading
from iroparse.plugins import registry
from iroparse.testing import _vocabulary as vocab

__all__ = ["MAX_WIDTH", "MIN_WIDTH", "extraction_noise", "is_narrative", "page_break", "rewrap"]

#: Narrowest and widest re-wrapping widths.
MIN_WIDTH = 64
MAX_WIDTH = 110

_BREAK = regex.compile(r"\s+|(?<=\p{L}-)(?=\p{L})")


def is_narrative(line: str) -> bool:
    """True for a line of running prose: not a heading, not a checklist or list item (a line
    with a mark of any registered layout). Only such lines may break after a hyphen or carry a
    page break between their wrapped parts."""
    marked = registry().any_mark.search(line)
    return not (looks_like_heading(line) or marked or MARKER.match(line))


def rewrap(line: str, width: int, hyphens: bool = False) -> list[str]:
    """Wrap ``line`` greedily to ``width`` characters, breaking at whitespace (and after a
    hyphen between letters when ``hyphens``). Spacing inside a part is kept; a line that fits
    is returned unchanged."""
    if len(line.rstrip()) <= width:
        return [line]
    parts: list[str] = []
    rest = line.rstrip()
    while len(rest) > width:
        cut_at, resume = -1, -1
        for match in _BREAK.finditer(rest):
            is_space = match.end() > match.start()
            if not is_space and not hyphens:
                continue
            if match.start() > width:
                break
            if match.start() > 0 and rest[: match.start()].strip():
                cut_at, resume = match.start(), match.end()
        if cut_at < 0:
            break
        parts.append(rest[:cut_at].rstrip())
        rest = rest[resume:]
    parts.append(rest)
    return parts


def page_break(page: int, pages: int, header: str, style: int = 0) -> list[str]:
    """The lines a page break leaves in extracted text: the footer of page ``page`` (its
    number, in one of three styles), a form feed, and the running ``header`` of the next page.
    """
    footer = (f"Page {page} of {pages}", f"Page {page}", f"- {page} -")[style % 3]
    return ["", footer, f"\f{header}", ""]


@st.composite
def extraction_noise(draw: st.DrawFn, text: str) -> str:
    """A strategy of noisy copies of ``text`` (see the module docstring)."""
    rnd: random.Random = draw(st.randoms(use_true_random=False))
    width = rnd.randint(MIN_WIDTH, MAX_WIDTH)
    hyphens = rnd.random() < 0.5
    lines: list[str] = []
    breakable: list[bool] = []
    for line in text.split("\n"):
        narrative = is_narrative(line)
        for i, part in enumerate(rewrap(line, width, hyphens and narrative)):
            lines.append(part)
            breakable.append(i == 0 or narrative)

    spots = [i for i in range(1, len(lines)) if breakable[i]]
    breaks = sorted(rnd.sample(spots, k=min(len(spots), rnd.choice((0, 0, 1, 2, 3)))))
    if breaks:
        header = rnd.choice(vocab.RUNNING_HEADERS)
        style = rnd.randrange(3)
        pages = len(breaks) + 1
        paged: list[str] = [header, ""]
        last = 0
        for page, at in enumerate(breaks, start=1):
            paged.extend(lines[last:at])
            paged.extend(page_break(page, pages, header, style))
            last = at
        paged.extend(lines[last:])
        if rnd.random() < 0.5:
            paged.extend(["", page_break(pages, pages, header, style)[1]])
        lines = paged

    noisy: list[str] = []
    for line in lines:
        if not line.strip() and rnd.random() < 0.2:
            noisy.extend([""] * rnd.randint(1, 2))
        if rnd.random() < 0.15:
            line += " " * rnd.randint(1, 3)
        noisy.append(line)
    out = "\n".join(noisy)
    if rnd.random() < 0.3:
        out = "".join("\u00a0" if ch == " " and rnd.random() < 0.05 else ch for ch in out)
    if rnd.random() < 0.2:
        out = _LIGATURE_LETTERS.sub(lambda m: _LIGATURE_OF[m.group()], out)
    if rnd.random() < 0.3:
        out = out.replace("\n", "\r\n")
    return out


#: Letters a typesetter joins into one ligature, longest first.
_LIGATURE_OF = {"ffi": "ﬃ", "ffl": "ﬄ", "ff": "ﬀ", "fi": "ﬁ", "fl": "ﬂ"}
_LIGATURE_LETTERS = regex.compile("|".join(_LIGATURE_OF))
