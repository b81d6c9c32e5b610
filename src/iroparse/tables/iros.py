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
    hints: tuple[str, ...] = ()
    """Lower-case words one of which every spelling contains (the pattern is tried only where
    one is in the letter); empty: the name's first word, lower-cased."""

    def words(self) -> tuple[str, ...]:
        """The hints, or the name's first word lower-cased when there are none."""
        return self.hints or (self.name.split()[0].lower(),)


#: The suffixes of a company's legal name, left out of a name kept as written.
LEGAL_SUFFIX = r",?\s+(?:LLC|L\.L\.C\.|Inc\.?|INC\.?|Corp\.?|Corporation|PLLC|P\.?A\.|Ltd\.?|LP)"

#: Review organisations certified in Texas whose letters circulate, with their spellings.
IROS: tuple[IroEntry, ...] = (
    IroEntry("Applied Resolutions", r"applied[\s-]*resolutions", ("resolutions",)),
    IroEntry(
        "Medical Review Institute of America",
        r"medical\s+review\s+institute\s+of\s+america|\b(?-i:MRIoA|MRIOA)\b|mrioa\.com",
        ("institute", "mrioa"),
    ),
    IroEntry("Professional Associates", r"professional\s+associates", ("associates",)),
    IroEntry("Lone Star Review Services", r"lone\s*star\s+review(?:\s+services)?", ("lone",)),
    IroEntry("Centex IRO", r"centex(?:\s+(?:IRO|independent\s+review))?"),
    IroEntry("Independent Resolutions", r"independent\s+resolutions", ("resolutions",)),
    IroEntry("CompPartners", r"comp\s*partners", ("partners",)),
    IroEntry("Maximus Federal Services", r"maximus(?:\s+federal(?:\s+services)?)?"),
    IroEntry("IMED", r"\b(?-i:IMED)\b|i-med\s+(?:inc|independent)", ("imed", "i-med")),
    IroEntry("Core 400", r"core\s*400", ("core",)),
    IroEntry("Prime 400", r"prime\s*400", ("prime",)),
    IroEntry(
        "Specialty Independent Review Organization",
        r"specialty\s+independent\s+review\s+organi[sz]ation|\b(?-i:SIRO)\b",
        ("specialty", "siro"),
    ),
    IroEntry("Health Decisions", r"health\s+decisions", ("decisions",)),
    IroEntry("US Decisions Group", r"u\.?\s?s\.?\s+decisions(?:\s+group)?", ("decisions",)),
    IroEntry("I-Decisions", r"\bi-?decisions\b", ("decisions",)),
    IroEntry("Parker Healthcare Management", r"parker\s+health\s*care(?:\s+management)?"),
    IroEntry("Matutech", r"matutech"),
    IroEntry("Medical Assessments", r"medical\s+assessments", ("assessments",)),
    IroEntry("P&S Network", r"P\s*&\s*S\s+network", ("network",)),
    IroEntry("Pure Resolutions", r"pure\s+resolutions", ("resolutions",)),
    IroEntry(
        "MedWork Independent Review",
        r"med\s*work(?:\s+independent\s+review)?",
        ("medwork", "med work"),
    ),
    IroEntry("Envoy Medical Systems", r"envoy\s+medical(?:\s+systems)?"),
    IroEntry("AccuReview", r"accu-?review", ("accu",)),
    IroEntry("Independent Review Inc.", r"independent\s+review,?\s+inc\b", ("inc",)),
)
