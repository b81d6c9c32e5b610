"""Find procedure codes in service descriptions: CPT (``64999``, ``0275T``) and HCPCS level II
(``J0585``), written after a keyword (``CPT: 64999``, ``CPT codes 97110, 97140 and 97530``,
``CPT code(s) 63650``, ``HCPCS J0585``), as a parenthesised list of nothing but codes
(``(29826, 29823)``, ``(63650 x 2)``), after a colon that nothing else follows, after ``#``,
or with a modifier (``64483-RT``, ``64475-50``); units (``x 12 units``) are stepped over.

Other bare five-digit numbers are not taken: they are as often ZIP codes, claim numbers or
doses as procedure codes.
"""

from __future__ import annotations

import regex

from iroparse.catalogue import DASHES

_CODE = r"(?:\d{4}[0-9FTU]|[A-V]\d{4})"
#: What may follow a code inside a run: a modifier (``-RT``, ``-50``) and units (``x 2``,
#: ``x 12 units``).
_TAIL = rf"(?:[{DASHES}](?:[A-Z]{{2}}|\d{{2}}|[A-Z]\d)\b)?"
_TAIL += r"(?:\s*[x×]\s*\d{1,3}(?:\s*(?:units?|visits?))?\b)?"
_RUN = rf"(?P<run>{_CODE}\b{_TAIL}(?:\s*(?:[,/;&]|and|or)\s*{_CODE}\b{_TAIL})*)"
#: Where codes are written: after a keyword (``CPT code(s) 63650``), then a run of codes
#: separated by commas, slashes, ``and``/``&``; alone in parentheses (``(63650 x 2)``); as the
#: whole rest of a line after a colon (``fluoroscopy: 62310, 77003``); right after ``#``
#: (``#63650``); or with a modifier that only codes carry (``64475-50``).
CODE_RUNS: tuple[regex.Pattern[str], ...] = (
    regex.compile(
        r"(?i)\b(?:CPT|HCPCS|procedure\s+codes?)(?:\s*(?:codes?\s*\(s\)|codes?|\(s\)|#|nos?\.?"
        r"|numbers?))?\s*[:#]?\s*" + _RUN
    ),
    regex.compile(rf"\(\s*{_RUN}\s*\)"),
    regex.compile(rf":\s*{_RUN}\s*(?:$|[.;)])"),
    regex.compile(rf"(?<![\w#])#\s?{_RUN}"),
    regex.compile(rf"\b(?P<run>\d{{5}}[{DASHES}](?:[A-Z]{{2}}|\d{{2}}|[A-Z]\d))\b"),
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
