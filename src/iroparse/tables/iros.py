"""The review organisations: canonical names and the ways letters write them.

An IRO writes its name in its letterhead, its running header, its e-mail address or web
address, its certification paragraph and its signature block, and not always the same way
(``MRIoA``, ``Medical Review Institute of America, Inc.``, ``www.mrioa.com``). Each
:class:`IroEntry` gives the name the record uses and a pattern (``regex`` syntax, matched at
any case) of those spellings. A letter whose IRO is not listed keeps the name as it writes it,
without its legal suffix (``, LLC``, ``Inc.``).
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["IROS", "LEGAL_SUFFIX", "IroEntry"]


@frozen
class IroEntry:
    """One review organisation: its name in the record and the pattern of its spellings."""

    name: str
    pattern: str


#: The suffixes of a company's legal name, left out of a name kept as written.
LEGAL_SUFFIX = r",?\s+(?:LLC|L\.L\.C\.|Inc\.?|INC\.?|Corp\.?|Corporation|PLLC|P\.?A\.|Ltd\.?|LP)"

#: Review organisations certified in Texas whose letters circulate, with their spellings.
IROS: tuple[IroEntry, ...] = (
    IroEntry("Applied Resolutions", r"applied[\s-]*resolutions"),
    IroEntry(
        "Medical Review Institute of America",
        r"medical\s+review\s+institute\s+of\s+america|\b(?-i:MRIoA|MRIOA)\b|mrioa\.com",
    ),
    IroEntry("Professional Associates", r"professional\s+associates"),
    IroEntry("Lone Star Review Services", r"lone\s*star\s+review(?:\s+services)?"),
    IroEntry("Centex IRO", r"centex(?:\s+(?:IRO|independent\s+review))?"),
    IroEntry("Independent Resolutions", r"independent\s+resolutions"),
    IroEntry("CompPartners", r"comp\s*partners"),
    IroEntry("Maximus Federal Services", r"maximus(?:\s+federal(?:\s+services)?)?"),
    IroEntry("IMED", r"\b(?-i:IMED)\b|i-med\s+(?:inc|independent)"),
    IroEntry("Core 400", r"core\s*400"),
    IroEntry("Prime 400", r"prime\s*400"),
    IroEntry(
        "Specialty Independent Review Organization",
        r"specialty\s+independent\s+review\s+organi[sz]ation|\b(?-i:SIRO)\b",
    ),
    IroEntry("Health Decisions", r"health\s+decisions"),
    IroEntry("US Decisions Group", r"u\.?\s?s\.?\s+decisions(?:\s+group)?"),
    IroEntry("I-Decisions", r"\bi-?decisions\b"),
    IroEntry("Parker Healthcare Management", r"parker\s+health\s*care(?:\s+management)?"),
    IroEntry("Matutech", r"matutech"),
    IroEntry("Medical Assessments", r"medical\s+assessments"),
    IroEntry("P&S Network", r"P\s*&\s*S\s+network"),
    IroEntry("Pure Resolutions", r"pure\s+resolutions"),
    IroEntry("MedWork Independent Review", r"med\s*work(?:\s+independent\s+review)?"),
    IroEntry("Envoy Medical Systems", r"envoy\s+medical(?:\s+systems)?"),
    IroEntry("AccuReview", r"accu-?review"),
    IroEntry("Independent Review Inc.", r"independent\s+review,?\s+inc\b"),
)
