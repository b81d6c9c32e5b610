"""Inputs that try to break a parser: mutations of real letters and hostile text built to
trigger regular-expression backtracking. The robustness tests and the benchmark script share
them."""

from __future__ import annotations

import random

from hypothesis import strategies as st

from iroparse._pipeline.headings import looks_like_heading
from iroparse.render import HEADING_TEXT

__all__ = ["MUTATIONS", "hostile_inputs", "mutate", "mutations"]

#: The names of the mutations :func:`mutate` applies.
MUTATIONS: tuple[str, ...] = (
    "delete-line",
    "duplicate-line",
    "swap-lines",
    "swap-sections",
    "double-mark",
    "truncate-heading",
    "drop-blank-lines",
    "join-lines",
)

_MARK_DOUBLES = (("[ X ]", "[ X ] [ X ]"), ("   X", "   X   X"), ("X   ", "X   X   "), ("☒", "☒☒"))


def mutate(text: str, name: str, rnd: random.Random) -> str:
    """Apply the mutation ``name`` (one of :data:`MUTATIONS`) to ``text`` at places chosen
    by ``rnd``."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
    if name == "delete-line":
        del lines[i]
    elif name == "duplicate-line":
        lines.insert(i, lines[i])
    elif name == "swap-lines":
        lines[i], lines[j] = lines[j], lines[i]
    elif name == "swap-sections":
        blocks = text.split("\n\n")
        a, b = rnd.randrange(len(blocks)), rnd.randrange(len(blocks))
        blocks[a], blocks[b] = blocks[b], blocks[a]
        return "\n\n".join(blocks)
    elif name == "double-mark":
        marked = [k for k, line in enumerate(lines) if any(m in line for m, _ in _MARK_DOUBLES)]
        if marked:
            k = rnd.choice(marked)
            for mark, doubled in _MARK_DOUBLES:
                lines[k] = lines[k].replace(mark, doubled, 1)
    elif name == "truncate-heading":
        headings = [k for k, line in enumerate(lines) if looks_like_heading(line)]
        if headings:
            k = rnd.choice(headings)
            lines[k] = lines[k][: rnd.randrange(max(1, len(lines[k])))]
    elif name == "drop-blank-lines":
        lines = [line for line in lines if line.strip() or rnd.random() < 0.5]
    elif name == "join-lines":
        if i + 1 < len(lines):
            lines[i : i + 2] = [f"{lines[i]} {lines[i + 1]}"]
    else:
        raise ValueError(f"unknown mutation {name!r}; known: {', '.join(MUTATIONS)}")
    return "\n".join(lines)


@st.composite
def mutations(draw: st.DrawFn, text: str, max_mutations: int = 4) -> str:
    """A strategy of copies of ``text`` with 1 to ``max_mutations`` mutations applied."""
    rnd: random.Random = draw(st.randoms(use_true_random=False))
    names = draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=max_mutations))
    for name in names:
        text = mutate(text, name, rnd)
    return text


def _fill(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def _letter_frame(body: str) -> str:
    """``body`` inside the skeleton of a letter, so that parsing gets past the check that the
    input is a letter at all and every stage sees the hostile text."""
    return "\n".join(
        [
            HEADING_TEXT["title"],
            HEADING_TEXT["review_date"],
            "01/02/2009",
            HEADING_TEXT["review_outcome"],
            body,
            HEADING_TEXT["criteria"],
            body,
            "",
        ]
    )


def hostile_inputs(size: int) -> dict[str, str]:
    """Inputs of about ``size`` characters each, by name, built to make a parser's regular
    expressions backtrack or its line joining go quadratic: long runs of ``[``, ``(``, ``X``
    and spaces, dot leaders without their mark, ``Yes``/``No`` words, heading-like lines of
    10,000 capitals, near-miss headings, marks without labels, one endless line, 10 KB lines
    after checklist items, after the outcome boxes, inside headings and as list items, runs of
    page furniture, names among capitals and wide gaps, and the same inside the frame of a
    letter.

    A parser should take time proportional to ``size`` on every one of them.
    """
    half = max(1, size // 2)
    raw: dict[str, str] = {
        "brackets": _fill("[ ", half),
        "open-parens": _fill("( ", half),
        "x-runs": _fill("X ", half),
        "bracket-lines": _fill("[ [ ( X\n", half),
        "spaces-then-x": _fill(" " * 300 + "X\n", half),
        "capitals-10k": _fill("A" * 10_000 + "\n", half),
        "heading-words": _fill("ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING ", half),
        "near-headings": _fill("REVIEW OUTCOMX\nDATE OF REVIEQ\nIRO CASE\n", half),
        "marks-only": _fill("[ X ]\n", half),
        "long-line": _fill("Lorem ipsum dolor sit amet, ", half),
        "colons": _fill("A: ", half),
        "dates": _fill("1/1/", half),
        "cpt": _fill("CPT 12345, ", half),
        "ages": _fill("xx-year-old ", half),
        "should-be": _fill("should be ", half),
        "hyphens": _fill("a-", half),
        "form-feeds": _fill("Page 1 of 2\n\fHEADER LINE\n", half),
        "dot-leaders": _fill("Upheld (Agree) " + "." * 5000 + " \n", half),
        "yes-no": _fill("No  Yes no ", half),
        # a 10 KB line wherever a pattern runs on a line: after checklist items and the outcome
        # boxes, inside and after a heading, as a list item
        "long-after-items": _fill("[ X ] INTERQUAL CRITERIA\n" + "guideline " * 1000 + "\n", half),
        "long-after-outcome": _fill("Upheld (Agree)   X\n" + "decision " * 1100 + "\n", half),
        "long-in-heading": _fill("ANALYSIS AND EXPLANATION OF " + "THE " * 2500 + "\n", half),
        "long-list-items": _fill("- Office notes dated " + "and records " * 850 + "\n", half),
        # the page-furniture rules: names, dates and wide gaps next to page boundaries
        "furniture-runs": _fill("Page 1 of 2\n\fCENTEX IRO\nMarch 3, 2011\nInc.\n", half),
        "names-among-capitals": _fill("INTERQUAL CRITERIA\nProfessional Associates\n", half),
        "wide-gaps": _fill("DATE OF REVIEW:" + " " * 60 + "1234 Main Street\n", half),
        # a checklist row's answer after an endless gap, and a row's outcome after an endless
        # service: the patterns that read each row's answer or verdict
        "gap-then-answer": _fill("Upheld (Agree)" + " " * 5000 + "Yes x\n", half),
        "long-row-verdict": _fill("31255  Total " + "ethmoid " * 1200 + " .... Upheld\n", half),
    }
    hostile = {name: _fill(text, size) for name, text in raw.items()}
    hostile.update({f"letter-{name}": _letter_frame(text) for name, text in raw.items()})
    return hostile
