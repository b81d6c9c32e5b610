"""The IRO case number: the value of the letter's case number heading (``IRO Case #:``), or
else a label at the letter's top that names the IRO by its initials (``PPR Case No.:``,
``SCR Reference:``, ``MRAT File #:``). The agency's numbers are never the IRO's: a letter that
gives only its ``MDR Tracking #`` has no IRO case number (null), as six letters labelled by
hand say.

Initials are no heading of the catalogue (every IRO has its own), so they are read here, by
one pattern over the lines above the letter's first statutory section.
"""

from __future__ import annotations

import itertools

import regex

from iroparse import diagnostics as diag
from iroparse._fields.dates import REDACTED
from iroparse._fields.letter import Letter, Read
from iroparse._pipeline.tokens import Token, TokenKind
from iroparse.catalogue import DASHES, digits_read

__all__ = ["case_number", "letter_top"]

#: A case number: one word of letters, digits and separators, or up to three (``PIMR 12-0047``).
_CASE_VALUE = regex.compile(
    rf"(?=.{{1,40}}$)[A-Za-z0-9][A-Za-z0-9{DASHES}/.#]*(?: [A-Za-z0-9{DASHES}/.#]+){{0,2}}"
)
_COLUMN_GAP = regex.compile(r"\s{3,}")

#: Initials that name an agency or a claim, not the IRO: their numbers are no IRO case number.
NOT_THE_IRO = frozenset(
    {"MDR", "TDI", "DOI", "DWC", "TWCC", "SSN", "DOB", "HMO", "PPO", "EOB", "CPT", "ICD", "URA"}
    | {"UR", "RE", "NPI", "THE", "YOUR", "CARRIER", "CLAIM", "INSURER", "POLICY", "MEMBER"}
    | {"GROUP", "EMPLOYER", "PATIENT", "ENROLLEE", "PLAN", "URA", "TRACKING"}
    | {"CERTIFICATE", "CERTIFICATION", "COMPLAINT", "LICENSE", "AUTHORIZATION", "REQUEST"}
    | {"PHONE", "FAX", "TAX", "SOCIAL", "SECURITY", "RECORD", "ACCOUNT", "EMPLOYEE", "AUTH"}
    # Texas Medicaid's external medical review: the commission's number, the plan's
    | {"HHSC", "EMR", "MCO", "MEDICAID", "CHIP"}
    # the IRO's certificate under its name: ``Independent Review Organization #6421``
    | {"ORGANIZATION", "ORGANISATION"}
    # a utilization review agent's licence: ``Utilization Review Agent No. R4871``
    | {"AGENT", "UTILIZATION"}
)
#: A house's name in capitals (``ELM FORK``, ``CBMR``) or in title case (``Goose Island``):
#: whose a labelled number is.
_CAPITALS_NAME = r"[A-Z][A-Z&]{1,11}(?:[ \t][A-Z][A-Z&]{1,11}){0,2}"
_TITLE_NAME = r"[A-Z][a-z]{2,15}(?:[ \t][A-Z][a-z]{2,15}){0,2}"
#: The words of a case number's label after the house's name: ``Case Number``, ``File No.``,
#: ``Reference #``, ``Case Reference``.
_CASE_WORDS = r"(?i:(?:case[ \t]+)?(?:reference|case|file)(?:[ \t]+(?:number|no\.?|\#))?)"
#: A labelled number at the letter's top: initials (or ``IRO``, or the IRO's name's one word:
#: ``Pinnacle Case Number:``, ``Our Reference:``) and a word for a case (or ``IRO`` and a
#: word for a number: ``Palo Duro IRO No.:``, ``CBMR Review No.:``), then the
#: number after a colon, a ``#`` or a wide gap (the IRO's initials and a number, ``SHRG
#: 12-0876``, are one value). Bounded, so a long line costs linear time.
_LABEL = regex.compile(
    rf"""(?x)
    (?:(?<![\w&])(?P<who>{_CAPITALS_NAME}|{_TITLE_NAME})[ \t]+)?
    (?:(?P<what>(?i:case[ \t]+ref(?:erence|\.)|case|reference|file)
      |(?:IRO|(?i:review))(?=[ \t]*(?i:number|no\.?|\#)))
      # or no word for a case after a house's name of two words or more: ``Goose Island
      # No.:`` (told in :func:`_from_label`)
      |(?<=[A-Za-z][ \t][A-Z][A-Za-z&]{{1,11}}[ \t])(?=(?i:no\.|number|\#)))
    (?P<number>[ \t]*(?i:number|no\.?|\#|id))?
    # (whose in brackets: ``(IRO)``, ``(our file)``, ``(IRO Case #)``)
    (?:[ \t]*\((?P<whose>[A-Z][A-Z&]{{1,5}}|(?i:our(?:[ \t]+\w{{2,10}})?)
      |IRO[ \t]+(?i:case)[ \t]*(?:\#|(?i:no\.?))?)\))?
    (?P<sep>[ \t]*[:\#][ \t.]{{0,40}}|[ \t]{{2,40}}(?:[|│┃║][ \t]*)?|[ \t]?\.{{3,80}}[ \t]*
      |(?:[ \t]\.){{3,40}}[ \t]*
      # (one blank after a label ending in ``No.``: ``Fentress File No. FMR-1203-061``; or
      # in ``Number`` before a number of the house's letters: ``Stonewall IRO Case Number
      # SR-07-1508``)
      |(?<=(?i:no)\.)[ \t]|(?<=(?i:number))[ \t](?=[A-Z]{{1,6}}[{DASHES}]?\d)
      # (a run-in label's full stop: ``Our Reference.  ICA-17-0934``)
      |(?<=\w)\.[ \t]{{1,40}})
    (?P<value>[A-Z0-9][A-Z0-9lo{DASHES}/.]{{1,30}}
      (?:(?<=[A-Z])[ ][0-9][A-Z0-9lo{DASHES}/.]{{1,20}})?)
    (?![\w{DASHES}/])
    """
)
#: The statutory sections that open a letter's body: a label above them is the letter's own.
_HEADER_KINDS = frozenset({"title", "other", "review_date", "case_number"})
#: How far into the letter (characters) a label is looked for, at most.
MAX_HEADER = 6000


def case_number(letter: Letter) -> Read:
    """The IRO case number, ``None`` when blank or redacted."""
    from_heading = _from_heading(letter)
    if from_heading is not None:
        return from_heading
    if letter.sections.get("case_number") is None:
        # a blank ``IRO Case #:`` is the letter's word that it has none to give
        return _from_label(letter) or Read(None)
    return Read(None, {}, (diag.make("redacted", "the IRO case number is blank or redacted"),))


def _from_heading(letter: Letter) -> Read | None:
    section = letter.sections.get("case_number")
    if section is None or not section.lines:
        return None
    token = section.lines[0]
    # the value's own column: a second label beside it (``2023-0418-0097      Review
    # Type: ...``) stands past a wide gap
    value = _COLUMN_GAP.split(token.text.strip(" :#"), maxsplit=1)[0]
    match = _CASE_VALUE.fullmatch(value)
    if match is None or not any(c.isdigit() for c in value) or REDACTED.fullmatch(value):
        return None
    return _value_read(letter, value, token.start + token.text.index(value))


def _from_label(letter: Letter) -> Read | None:
    """The number of the first label naming the IRO above the letter's body, or ``None``."""
    header = letter_top(letter)
    banners = _fax_banners(letter)
    certificate: regex.Match[str] | None = None
    for match in _LABEL.finditer(header):
        if any(start <= match.start() < end for start, end in banners):
            continue  # a fax machine's count of its jobs: ``Big Cypress Review    No. 5521``
        # whose the number is, before the label or in brackets after it (``Case reference
        # (IRO) : BPR-22-40917``; never ``(TDI)``)
        who, whose, value = match.group("who"), match.group("whose"), match.group("value")
        # (a house's name of several words: ``ELM FORK CASE NUMBER:``, ``Goose Island No.:``)
        named = {*(who or "").upper().split(), (whose or "").upper()}
        # (a house's name may end in ``UR``: ``KERR UR CASE NO.``, not ``UR CASE NO.``)
        if (who or "").upper().split()[1:2] == ["UR"]:
            named.discard("UR")
        # (or in ``GROUP``: ``Castolon Review Group File:``, not ``Group Number:``)
        if (who or "").upper().split()[1:][-1:] == ["GROUP"]:
            named.discard("GROUP")
        if named & NOT_THE_IRO or not any(c.isdigit() for c in value):
            continue
        if match["what"] is None and len((who or "").split()) < 2:
            continue  # ``DWC No.``: a number's label needs its house's whole name
        who = who or whose
        bare = match.group("number") is None and "ref" not in (match["what"] or "").lower()
        if who is None and bare:
            continue  # ``Case 12`` in a sentence; ``Case Reference:`` is a label
        if who is None and (match["what"] or "").upper() == "IRO" and value.isdigit():
            # ``IRO No. 5610`` alone, digits only: the house's certificate, most often (``...
            # Department of Insurance, IRO No. 5610``); a case's own label below wins
            certificate = certificate or match
            continue
        return _value_read(letter, value, match.start("value"))
    if certificate is not None:
        return _value_read(letter, certificate["value"], certificate.start("value"))
    return (
        _first_named(_LABEL_ABOVE, letter, header)
        or _first_named(_LABEL_AFTER, letter, header)
        or _from_label_cell(letter, header)
    )


def _fax_banners(letter: Letter) -> list[tuple[int, int]]:
    """Where the letter's fax banners stand (offsets of the normalized text)."""
    return [
        (t.start, t.end)
        for section in letter.every_section
        for t in section.body
        if t.kind is TokenKind.NOISE and t.noise == "fax-header"
    ]


#: A label naming the IRO in a cell of a box's row of labels (``Review Date      Kosse File
#: Number      TDI Reference Number``), its value in the cell under it on the next line.
_LABEL_CELL = regex.compile(
    r"(?:^|(?<=\S[ \t]{2,}))(?P<who>[A-Z][A-Za-z&]{1,15}(?:[ \t][A-Z][A-Za-z&]{1,15}){0,2}|Our)"
    rf"[ \t]+{_CASE_WORDS}(?=[ \t]{{2,}}|[ \t]*$)"
)


def _from_label_cell(letter: Letter, header: str) -> Read | None:
    """The value under a label naming the IRO in a row of labels, in the label's cell."""
    lines = header.split("\n")
    at = 0
    for line, below in itertools.pairwise(lines):
        for label in _LABEL_CELL.finditer(line):
            column = label.start()
            cell = below[column:].split("  ")[0] if below[column - 1 : column] in " \t" else ""
            value = _CASE_VALUE.match(cell.strip())
            if value is None or not _names_the_iro(label.group("who"), cell):
                continue
            start = at + len(line) + 1 + column + len(cell) - len(cell.lstrip())
            return _value_read(letter, value.group(), start)
        at += len(line) + 1
    return None


#: A label naming the IRO, alone in its column, over its value (``OUR REFERENCE`` /
#: ``CBR/24/0931``; ``Presidio reference number`` / ``PMR-11-04-0337``), a second column
#: beside both.
_LABEL_ABOVE = regex.compile(
    rf"""(?mx)
    ^(?P<indent>[ \t]*)
    # (a numbered heading's number: ``SECTION 2 - ROUND TOP FILE NUMBER``, ``2.``)
    (?:(?i:section|part|item)[ \t]+\w{{1,4}}[ \t]*[{DASHES}.:][ \t]*|\d{{1,2}}[.)][ \t]+)?
    # (a house's name in title case, perhaps with ``IRO``: ``Mentone IRO Case Number``)
    (?P<who>{_CAPITALS_NAME}|OUR|Our|{_TITLE_NAME}(?:[ \t]IRO)?)
    [ \t]+{_CASE_WORDS}
    [ \t]*:?(?:[ \t]{{2,}}\S.*)?\n
    # (in the label's column, or at the margin under a label set flush right)
    (?:(?P=indent)[ \t]{{0,8}}|(?<=\n)(?=\S))
    (?P<value>[A-Z0-9][A-Z0-9lo{DASHES}/.]{{1,30}})(?![\w{DASHES}/])
    """
)


#: A value with its label after it in brackets, at a line's end (``Re:  M5-04-2071-01
#: (MDR Tracking Number)`` / ``RBME-2004-0319  (Our Case Number)``): a typed reference block.
_LABEL_AFTER = regex.compile(
    rf"""(?mx)
    ^(?:[ \t]*(?i:re|ref)[ \t]*:)?[ \t]*
    (?P<value>[A-Z0-9][A-Z0-9lo{DASHES}/.]{{1,30}})[ \t]+
    \((?P<who>{_CAPITALS_NAME}|OUR|Our|{_TITLE_NAME})[ \t]+{_CASE_WORDS}\)[ \t]*$
    """
)


def _first_named(label: regex.Pattern[str], letter: Letter, header: str) -> Read | None:
    """The value of the first match of ``label`` (a label above its value, or after it in
    brackets) in ``header`` whose label names the IRO, not an agency."""
    for match in label.finditer(header):
        value = match.group("value")
        if _names_the_iro(match.group("who"), value):
            return _value_read(letter, value, match.start("value"))
    return None


def _names_the_iro(who: str, value: str) -> bool:
    """Whether a label whose house is ``who`` names the IRO, no agency, and its ``value`` is
    a number (has a digit)."""
    return not set(who.upper().split()) & NOT_THE_IRO and any(c.isdigit() for c in value)


#: A group of a case number that is digits but for the letters a scan reads for digits
#: (``O2``, ``0l93`` in ``TMR-O2-0l93``); a group with other letters (``TMR``, ``YC06``) is
#: written as printed.
_OCR_GROUP = regex.compile(r"(?<![A-Za-z0-9])(?=[OoIl]*\d)[\dOoIl]+(?![A-Za-z0-9])")


def _value_read(letter: Letter, value: str, start: int) -> Read:
    """The case number ``value`` found at offset ``start``, its groups of digits read with
    the digits a scan put letters for (``TMR-O2-0l93`` is ``TMR-02-0193``), said in a
    ``digits-from-ocr`` diagnostic."""
    digits = digits_read(_OCR_GROUP, value)
    span = letter.span(start, start + len(value))
    if digits == value:
        return Read(value, {"case_number": span})
    note = diag.make("digits-from-ocr", f"read the case number {value!r} as {digits!r}")
    return Read(digits, {"case_number": span}, (note,))


def letter_top(letter: Letter) -> str:
    """The letter's text above its body (at most :data:`MAX_HEADER` characters): where labels
    give its case number and review date."""
    return letter.normalized[: min(_body_start(letter), MAX_HEADER)]


def _body_start(letter: Letter) -> int:
    """Where the letter's first statutory section other than its header's opens."""
    for section in letter.every_section:
        if section.kind not in _HEADER_KINDS and not _label_box(section.lines):
            token = section.heading or (section.body[0] if section.body else None)
            return token.start if token is not None else len(letter.normalized)
    return len(letter.normalized)


#: A line of a label/value box: a label, then a colon, dot leaders or a wide gap, and a value.
_BOX_ROW = regex.compile(r"\S.{0,40}?(?::|\.{3,}|(?: \.){3,}|\s{3,})\s*\S")


def _label_box(lines: tuple[Token, ...]) -> bool:
    """Whether a section's lines are all a box's labels and values (``Case summary`` over
    ``Date of review . . . .  August 30, 2022``), or it has none (the box's labels read as
    headings of their own): the letter's top goes on through it."""
    return all(_BOX_ROW.match(t.text) for t in lines)
