"""Page furniture and boilerplate: what extraction leaves around and inside a letter's sections."""

from __future__ import annotations

import random

IRO_NAMES = (
    "Lone Star Review Services, LLC",
    "Medical Review Institute of America",
    "CENTEX IRO",
    "Independent Resolutions Inc.",
    "Professional Associates",
)

LETTERHEADS = (
    (
        "{iro}",
        "1234 Main Street, Suite 200",
        "Austin, TX 78701",
        "Phone: 512-555-0142  Fax: 512-555-0199",
    ),
    ("{iro}", "P.O. Box 1234", "Dallas, Texas 75201"),
    ("{iro}", "An Independent Review Organization", "Tel 800-555-0100"),
)

#: Running headers, ``{n}``/``{t}`` page numbers, ``{iro}`` the organisation.
HEADERS = (
    "{iro} - Independent Review Decision",
    "IRO Decision - Confidential",
    "{iro}",
    "05/12/2011 14:03 FAX 512xxxxxxx CENTEX IRO @ 00{n}/00{t}",
    "Page {n} of {t}  Independent Review Decision",
    "Page {n} - {iro}",
)
PAGE_NUMBERS = (
    "Page {n} of {t}",
    "- {n} -",
    "Page {n}",
    "{n}",
    "Page | {n}",
    "{n} | Page",
    "(Page {n} of {t})",
    "Pg. {n}",
)

ADDRESSEES = (
    ("Claimant's Attorney", "Requestor", "Carrier: Texas Mutual Insurance Company"),
    ("Patient: xxxx", "Provider: Dr. xxxx", "Insurer: xxxx"),
)

BOILERPLATE = (
    (
        "YOUR RIGHT TO APPEAL",
        "If you are unhappy with all or part of this decision, you have the right to appeal the "
        "decision. The decision of the Independent Review Organization is binding during the "
        "appeal process.",
    ),
    (
        "CERTIFICATION",
        "I hereby certify that a copy of this Independent Review Organization decision was sent "
        "to the carrier, the requestor and the claimant via facsimile or U.S. Postal Service.",
    ),
)


def header_lines(rng: random.Random, iro: str, page: int, total: int) -> list[str]:
    """The furniture of one page boundary: a running header, a page number, or both."""
    kind = rng.choice(("header", "number", "both", "three", "dated"))
    header = rng.choice(HEADERS).format(iro=iro, n=page, t=total)
    number = rng.choice(PAGE_NUMBERS).format(n=page, t=total)
    if kind == "header":
        return [header]
    if kind == "number":
        return [number]
    if kind == "dated":
        return [iro, "Independent Review Decision", "March 3, 2011", f"Page {page} of {total}"]
    if kind == "three":
        return [iro, "Independent Review Decision", f"Page {page} of {total}"]
    return [number, header] if rng.random() < 0.5 else [header, number]


def case_header(case: str | None) -> list[str]:
    """A running header that repeats a heading's words (must not open a section)."""
    return [f"IRO Case Number: {case or 'xxxx'}", "Page 2"]
