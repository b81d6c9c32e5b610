"""Find procedure codes in service descriptions: CPT (``64999``, ``0275T``) and HCPCS level II
(``J0585``), written after a keyword (``CPT: 64999``, ``CPT codes 97110, 97140 and 97530``,
``HCPCS J0585``) or as a parenthesised list of nothing but codes (``(29826, 29823)``).

Other bare five-digit numbers are not taken: they are as often ZIP codes, claim numbers or
doses as procedure codes.
"""

from __future__ import annotations

import regex

_CODE = r"(?:\d{4}[0-9FTU]|[A-V]\d{4})"
_RUN = rf"(?P<run>{_CODE}\b(?:\s*(?:[,/;&]|and|or)\s*{_CODE}\b)*)"
#: Where codes are written: after a keyword, then a run of codes separated by commas,
#: slashes, ``and``/``&``; or alone in parentheses.
CODE_RUNS: tuple[regex.Pattern[str], ...] = (
    regex.compile(
        r"(?i)\b(?:CPT|HCPCS|procedure\s+codes?)(?:\s*(?:codes?|#|nos?\.?|numbers?))?\s*[:#]?\s*"
        + _RUN
    ),
    regex.compile(rf"\(\s*{_RUN}\s*\)"),
)
_SINGLE = regex.compile(rf"\b{_CODE}\b")


def cpt_codes(text: str) -> tuple[str, ...]:
    """The CPT/HCPCS codes written after a keyword in ``text``, in order, without repeats.

    >>> cpt_codes("Block, CPT: 64999; therapy CPT codes 97110, 97140 and 97530")
    ('64999', '97110', '97140', '97530')
    >>> cpt_codes("Shoulder arthroscopy (29826, 29823) in 75201")
    ('29826', '29823')
    """
    found: dict[str, None] = {}
    runs = sorted(
        (match.start(), match.group("run"))
        for pattern in CODE_RUNS
        for match in pattern.finditer(text)
    )
    for _, run in runs:
        for code in _SINGLE.findall(run):
            found[code.upper()] = None
    return tuple(found)
