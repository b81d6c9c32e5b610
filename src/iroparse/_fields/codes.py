"""Find procedure codes in service descriptions: CPT (``64999``, ``0275T``) and HCPCS level II
(``J0585``), written after a keyword (``CPT: 64999``, ``CPT codes 97110, 97140 and 97530``,
``CPT code(s) 63650``, ``HCPCS J0585``), as a parenthesised list of nothing but codes
(``(29826, 29823)``, ``(63650 x 2)``), anywhere in a parenthesis that a keyword opens
(``(CPT 97110 therapeutic exercise, 97140 manual therapy)``), after a colon that nothing else
follows, after ``#``, alone when a letter and four digits (``E0218``), or with a modifier
(``64483-RT``, ``64475-50``); units (``x 12 units``) are stepped over.

A five-digit number alone is taken too (``outpatient, 29881``, ``97110 Therapeutic exercise``):
this module reads services sections, where clerks write codes bare, as letters written by
hand for the tests showed again and again. An address, an account or a dose keeps its number
(``Dallas TX 75201``, ``Claim 12345``, ``20000 units``).

Diagnosis codes are taken after a label (``ICD-10: M54.5``, ``diagnosis code 722.10``,
``Dx M51.26``), or unlabelled when written in the dotted ICD-10 shape that nothing else has
(``M54.16``); a label naming the revision (``ICD-9``) decides the system, else the shape does.
"""

from __future__ import annotations

import regex

from iroparse.catalogue import DASHES, OCR_DIGITS

#: A HCPCS level II code: the letters in use, then four digits (``J1040``, ``E0218``).
_HCPCS = r"[ABCEGHJKLMPQRSTV]\d{4}"
_CODE = rf"(?:\d{{4}}[0-9FTU]|{_HCPCS})"
#: What may follow a code inside a run: a modifier (``-RT``, ``-50``) and units (``x 2``,
#: ``x 12 units``).
_TAIL = rf"(?:[{DASHES}](?:[A-Z]{{2}}|\d{{2}}|[A-Z]\d)\b)?"
_TAIL += r"(?:\s*[x×]\s*\d{1,3}(?:\s*(?:units?|visits?))?\b)?"
#: Words before a number that is no procedure code: an address's, an account's, a case's.
_NUMBER_LABEL = (
    r"(?i:claim|case|policy|member|account|acct|id|no|number|suite|ste|tx|texas|zip|box|dwc"
    r"|tracking|ref|reference|file)"
)
#: Words after a number that is an amount, not a code.
_AMOUNT = r"(?i:mg|mcg|ml|cc|units?|iu|dollars|lbs?|miles|hours|minutes|mm)\b"
#: Not right after a diagnosis label: ``ICD-10: G8929`` is a diagnosis, not a HCPCS code.
_NOT_DIAGNOSIS = r"(?<!(?i:icd|diagnos\w*|dx)[-\s]?(?:9|10)?(?:[-\s]?cm)?\s*(?:codes?)?\s*)"
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
    # a parenthesis the keyword opens, its codes each with its words (``(CPT 97110
    # therapeutic exercise, 97140 manual therapy)``)
    regex.compile(r"(?i)\(\s*(?:CPT|HCPCS)\b(?P<run>[^()]{1,300})\)"),
    regex.compile(rf"{_NOT_DIAGNOSIS}:\s*{_RUN}\s*(?:$|[.;)])"),
    regex.compile(rf"(?<![\w#])#\s?{_RUN}"),
    # a code with its modifiers: ``64475-50``, ``E0784-NU``, ``L5856-LT-KX``
    regex.compile(
        rf"\b(?P<run>(?:\d{{5}}|{_HCPCS})(?:[{DASHES}](?:[A-Z]{{2}}|\d{{2}}|[A-Z]\d))+)\b"
    ),
    # a CPT code alone among the service's words (``outpatient, 29881``, ``97110 Therapeutic
    # exercise``): in a services section a five-digit number is a code, unless an address,
    # an account or a dose claims it (``Dallas TX 75201``, ``Claim 12345``, ``20000 units``)
    regex.compile(
        rf"(?<![\w$#./{DASHES}])(?<!{_NUMBER_LABEL}\W{{0,3}})(?P<run>\d{{4}}[0-9FTU]\b{_TAIL})"
        rf"(?![\w/]|\.\d|[{DASHES}]\d|\s*{_AMOUNT})"
    ),
    # a HCPCS level II code alone (``Cold therapy unit, 7-day rental, E0218``): a letter and
    # four digits is no number, date or dose; not after a diagnosis label (``ICD-10: G8929``)
    regex.compile(
        rf"{_NOT_DIAGNOSIS}(?<![:#]\s*)(?<![\w{DASHES}./])(?P<run>{_HCPCS})(?![\w{DASHES}]|\.\d)"
    ),
)
_SINGLE = regex.compile(rf"\b{_CODE}\b")


def cpt_codes(text: str) -> tuple[str, ...]:
    """The CPT/HCPCS codes of a service's ``text``, in order, without repeats.

    >>> cpt_codes("Block, CPT: 64999; therapy CPT codes 97110, 97140 and 97530")
    ('64999', '97110', '97140', '97530')
    >>> cpt_codes("Shoulder arthroscopy (29826, 29823) at the clinic, Dallas TX 75201")
    ('29826', '29823')
    """
    found: dict[str, None] = {}
    diagnoses = _diagnosis_runs(text)
    runs = sorted(
        (match.start(), match.group("run"))
        for pattern in CODE_RUNS
        for match in pattern.finditer(text)
        if not _inside(match.span("run"), diagnoses)
    )
    runs += [(start, code) for code, start, _ in scanned_after_keyword(text)]
    for _, run in sorted(runs):
        for code in _SINGLE.findall(run):
            found[code.upper()] = None
    return tuple(found)


#: A code a scan printed with letters for digits right after its keyword (``CPT 30l40``,
#: ``CPT code 97l53``): the keyword tells the five characters are a code.
_SCANNED_AFTER_KEYWORD = regex.compile(
    r"(?i:\bCPT(?:\s*(?:codes?|\#|:))?)\s*(?P<code>\d[\dOoIl]{4})\b"
)


def scanned_after_keyword(text: str) -> list[tuple[str, int, int]]:
    """The codes of ``text`` a scan printed with a letter or two for digits after ``CPT``, read
    with the digits, and their offsets (three digits at least: ``CPT 3OlOl`` is no code)."""
    return [
        (code.group("code").translate(OCR_DIGITS), code.start("code"), code.end("code"))
        for code in _SCANNED_AFTER_KEYWORD.finditer(text)
        if not code.group("code").isdigit() and sum(c.isdigit() for c in code.group("code")) >= 3
    ]


#: An ICD-10 code, dotted (``M54.16``) or not (``M5416``): after a diagnosis label either is.
_ICD10 = r"[A-TV-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?"
_ICD9 = r"(?:\d{3}|V\d{2}|E\d{3})(?:\.\d{1,2})?"
_ICD = rf"(?:{_ICD10}|{_ICD9})"
#: Diagnosis codes after their label: ``ICD-10-CM: M54.5, M51.26``, ``diagnosis code 722.10``.
ICD_RUN = regex.compile(
    r"(?i)\b(?P<label>ICD[-\s]?(?P<revision>9|10)(?:[-\s]?CM)?|diagnos(?:is|es)|dx)"
    r"(?:\s*(?:codes?|\(s\)))*\s*[:#]?\s*"
    rf"(?P<run>(?-i:{_ICD})\b(?:\s*(?:[,/;&]|and)\s*(?-i:{_ICD})\b)*)"
)
_ICD_SINGLE = regex.compile(rf"\b{_ICD}\b")
#: An ICD-10 code in its dotted shape, with no label.
DOTTED_ICD10 = regex.compile(r"\b[A-TV-Z]\d{2}\.[0-9A-Z]{1,4}\b")


def coded(text: str) -> list[tuple[str, str, int, int]]:
    """Every code of ``text`` with its system and offsets, in text order, each code once:
    procedure codes as :func:`cpt_codes` finds them, then diagnosis codes (see the module).

    >>> [c[:2] for c in coded("Lumbar MRI, CPT 72148; ICD-10: M54.5, M51.26")]
    [('72148', 'CPT'), ('M54.5', 'ICD-10'), ('M51.26', 'ICD-10')]
    """
    found: dict[str, tuple[str, str, int, int]] = {}
    diagnoses = _diagnosis_runs(text)
    for pattern in CODE_RUNS:
        for run in pattern.finditer(text):
            if _inside(run.span("run"), diagnoses):
                continue
            for code in _SINGLE.finditer(text, run.start("run"), run.end("run")):
                key = code.group().upper()
                found.setdefault(key, (key, _procedure_system(key), code.start(), code.end()))
    for key, start, end in scanned_after_keyword(text):
        found.setdefault(key, (key, "CPT", start, end))
    for run in ICD_RUN.finditer(text):
        label = run.group("label").lower()
        revision = run.group("revision")
        if revision is None and label == "dx" and not run.group("run")[:1].isalpha():
            continue  # ``Dx 722`` alone is too little to tell a code from a number
        for code in _ICD_SINGLE.finditer(text, run.start("run"), run.end("run")):
            key = code.group().upper()
            if key not in found:
                found[key] = (key, _icd_system(key, revision), code.start(), code.end())
    for code in DOTTED_ICD10.finditer(text):
        found.setdefault(code.group(), (code.group(), "ICD-10", code.start(), code.end()))
    return sorted(found.values(), key=lambda c: c[2])


def _diagnosis_runs(text: str) -> list[tuple[int, int]]:
    """Where ``text`` lists diagnosis codes after their label (``ICD-10 codes: M5416,
    G8929``): a procedure code's shape there (``G8929``) is a diagnosis."""
    return [run.span("run") for run in ICD_RUN.finditer(text)]


def _inside(span: tuple[int, int], runs: list[tuple[int, int]]) -> bool:
    """Whether ``span`` lies within one of ``runs``."""
    return any(start <= span[0] and span[1] <= end for start, end in runs)


#: A CPT code a scan printed with letters for digits (``97O14``, ``9711O``): a digit first,
#: five characters, three digits at least (see :func:`bare_codes`).
_SCANNED_CODE = regex.compile(r"\b\d[\dOoIl]{4}\b")


def bare_codes(text: str) -> list[tuple[str, str, int, int]]:
    """Every procedure code of ``text`` by its shape alone, with its system and offsets: for
    a cell that a table's ``CPT`` column heads, where no keyword stands before the codes.
    There a code a scan printed with letters for digits is read with the digits.

    >>> bare_codes("95861, J1885")
    [('95861', 'CPT', 0, 5), ('J1885', 'HCPCS', 7, 12)]
    >>> bare_codes("97O14")
    [('97014', 'CPT', 0, 5)]
    """
    found = [
        (code.group(), _procedure_system(code.group()), code.start(), code.end())
        for code in _SINGLE.finditer(text)
    ]
    found += [
        (code.group().translate(OCR_DIGITS), "CPT", code.start(), code.end())
        for code in _SCANNED_CODE.finditer(text)
        if not code.group().isdigit() and sum(c.isdigit() for c in code.group()) >= 3
    ]
    return sorted(found, key=lambda code: code[2])


def _procedure_system(code: str) -> str:
    """HCPCS for a code that starts with a letter, else CPT."""
    return "HCPCS" if code[0].isalpha() else "CPT"


def _icd_system(code: str, revision: str | None) -> str:
    if revision is not None:
        return f"ICD-{revision}"
    return "ICD-9" if regex.fullmatch(_ICD9, code) else "ICD-10"
