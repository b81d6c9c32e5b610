"""Find procedure codes in service descriptions: CPT (``64999``, ``0275T``) and HCPCS level II
(``J0585``), written after a keyword (``CPT: 64999``, ``CPT codes 97110, 97140 and 97530``,
``HCPCS J0585``).

Bare five-digit numbers without a keyword are not taken: they are as often ZIP codes, claim
numbers or doses as procedure codes.
"""

from __future__ import annotations

import regex

_CODE = r"(?:\d{4}[0-9FTU]|[A-V]\d{4})"
#: A keyword, then a run of codes separated by commas, slashes, ``and``/``&``/``x``.
CODE_RUN = regex.compile(
    rf"(?i)\b(?:CPT|HCPCS|procedure\s+codes?)(?:\s*(?:codes?|#|nos?\.?|numbers?))?\s*[:#]?\s*"
    rf"(?P<run>{_CODE}\b(?:\s*(?:[,/;&]|and|or)\s*{_CODE}\b)*)"
)
_SINGLE = regex.compile(rf"\b{_CODE}\b")


def cpt_codes(text: str) -> tuple[str, ...]:
    """The CPT/HCPCS codes written after a keyword in ``text``, in order, without repeats.

    >>> cpt_codes("Block, CPT: 64999; therapy CPT codes 97110, 97140 and 97530")
    ('64999', '97110', '97140', '97530')
    """
    found: dict[str, None] = {}
    for match in CODE_RUN.finditer(text):
        for code in _SINGLE.findall(match.group("run")):
            found[code.upper()] = None
    return tuple(found)
