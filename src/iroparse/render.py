"""Write a :class:`~iroparse.model.Decision` back as a letter: the inverse of parsing.

:func:`render_letter` lays out the statutory sections with their canonical headings and asks
the layout for the two checklists (:meth:`~iroparse.layout.Layout.outcome_lines`,
:meth:`~iroparse.layout.Layout.criteria_lines`). Layouts use it for
:meth:`~iroparse.layout.Layout.render`; :mod:`iroparse.testing` fuzzes parse against it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from iroparse.model import Decision


class ChecklistWriter(Protocol):
    """What :func:`render_letter` needs of a layout: its two checklists as lines.
    (:class:`~iroparse.layout.Layout` provides both; render does not import it, so that the
    layout module can use render without an import cycle.)"""

    def outcome_lines(self, decision: Decision) -> list[str]:
        """The REVIEW OUTCOME checklist."""
        ...

    def criteria_lines(self, decision: Decision) -> list[str]:
        """The screening-criteria checklist."""
        ...


__all__ = ["HEADING_TEXT", "PLAIN_ITEM_MAX", "ChecklistWriter", "list_lines", "render_letter"]

#: A list whose items are all at most this long is printed one plain line per item; a list
#: with a longer item is numbered (``1.``), so that a wrapped item reads as one item.
PLAIN_ITEM_MAX = 40

#: The heading each section kind is rendered with.
HEADING_TEXT: dict[str, str] = {
    "title": "NOTICE OF INDEPENDENT REVIEW DECISION",
    "review_date": "DATE OF REVIEW:",
    "case_number": "IRO CASE #:",
    "services_in_dispute": "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:",
    "reviewer_qualifications": "DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER"
    " HEALTH CARE PROVIDER WHO REVIEWED THE DECISION:",
    "review_outcome": "REVIEW OUTCOME:",
    "information_provided": "INFORMATION PROVIDED TO THE IRO FOR REVIEW:",
    "clinical_history": "PATIENT CLINICAL HISTORY SUMMARY:",
    "analysis": "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS AND"
    " CONCLUSIONS USED TO SUPPORT THE DECISION:",
    "criteria": "A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS"
    " USED TO MAKE THE DECISION:",
}

LEAD_IN = (
    "Upon independent review, the reviewer finds that the previous adverse determination/"
    "adverse determinations should be:"
)


def render_letter(decision: Decision, layout: ChecklistWriter) -> str:
    """Render ``decision`` as the text of a letter in ``layout``.

    >>> import iroparse
    >>> bracket = {lay.name: lay for lay in iroparse.layouts()}["bracket"]
    >>> d = iroparse.Decision(outcome=iroparse.Outcome.UPHELD)
    >>> "[ X ] Upheld (Agree)" in render_letter(d, bracket)
    True
    """
    date = decision.review_date.strftime("%m/%d/%Y") if decision.review_date else ""
    blocks: list[list[str]] = [
        [HEADING_TEXT["title"]],
        [HEADING_TEXT["review_date"], date],
        [HEADING_TEXT["case_number"], decision.case_number or ""],
        [HEADING_TEXT["services_in_dispute"], *list_lines(s.text for s in decision.services)],
        [
            HEADING_TEXT["reviewer_qualifications"],
            *list_lines(q.text for q in decision.reviewer_qualifications),
        ],
        [HEADING_TEXT["review_outcome"], LEAD_IN, "", *_spaced(layout.outcome_lines(decision))],
        [
            HEADING_TEXT["information_provided"],
            *list_lines(i.text for i in decision.information_provided),
        ],
        [HEADING_TEXT["clinical_history"], *_paragraphs(decision.clinical_history)],
        [HEADING_TEXT["analysis"], *_paragraphs(decision.analysis)],
        [HEADING_TEXT["criteria"], "", *_spaced(layout.criteria_lines(decision))],
    ]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def list_lines(items: Iterable[str]) -> list[str]:
    """The lines of a listed field: plain lines when every item is short (at most
    :data:`PLAIN_ITEM_MAX` characters), else numbered ``1.``, ``2.``, ...

    >>> list_lines(["Doctor of Chiropractic", "Licensed in Texas"])
    ['Doctor of Chiropractic', 'Licensed in Texas']
    >>> list_lines(["Board Certified in Physical Medicine and Rehabilitation"])
    ['1. Board Certified in Physical Medicine and Rehabilitation']
    """
    texts = [" ".join(item.split()) for item in items]
    if all(len(text) <= PLAIN_ITEM_MAX for text in texts):
        return texts
    return [f"{n}. {text}" for n, text in enumerate(texts, start=1)]


def _spaced(lines: list[str]) -> list[str]:
    """Checklist items with a blank line between them, as letters print them."""
    out: list[str] = []
    for line in lines:
        out.extend([line, ""])
    return out[:-1]


def _paragraphs(text: str | None) -> list[str]:
    """One line per paragraph (its whitespace folded), a blank line between paragraphs."""
    out: list[str] = []
    for paragraph in (" ".join(p.split()) for p in (text or "").split("\n\n")):
        if paragraph:
            out.extend([paragraph, ""])
    return out[:-1]
