"""Stage 1: decode the input and normalize its characters, keeping a map back to the original.

Only characters that change meaning for the later stages are touched: line ends are unified
(CRLF, CR and CR-blanks-LF to LF, which removes characters), a word processor's ``HYPERLINK
"..."`` field code is removed, a glyph written as its font code at a line's start
(``(cid:127)``) becomes a bullet, a typeset ligature a PDF extractor kept (``ﬁ``, ``ﬂ``, ``ﬃ``)
is written as its letters (which inserts characters), zero-width characters and the BOM are
removed, a rule drawn after a heading's words (``Outcome ─────``) is blanked, a phrase printed
letter-spaced (``D E C I S I O N``) loses the blanks between its letters, NBSP and other Unicode
spaces become plain spaces, a table drawn with characters (``+----+``, ``| a | b |``) loses its
rules and walls to blanks, and a form feed becomes a line break that is remembered as a page
break. Everything else is kept, so offsets into the normalized text map back to the caller's
string with :meth:`Normalized.original`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from attrs import frozen

from iroparse._pipeline.drawn_tables import tables_undrawn
from iroparse.errors import NotAnIroLetter

_REMOVED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SPACES = frozenset(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_BINARY_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f]")


@frozen
class Normalized:
    """The normalized text, the offsets at which characters were removed or inserted, and page
    breaks."""

    text: str
    removed_before: tuple[int, ...]
    """Sorted normalized offsets; each entry means one original character was removed just
    before that offset."""
    page_breaks: frozenset[int]
    """0-based line numbers that start a new page (the line after a form feed)."""
    inserted: tuple[int, ...] = ()
    """Sorted offsets, before any removal, of the letters a ligature's expansion added (the
    ``i`` of ``ﬁ`` read as ``fi``): each maps back to the ligature itself."""

    def original(self, offset: int) -> int:
        """Map an offset into :attr:`text` back to an offset into the original text."""
        expanded = offset + bisect_right(self.removed_before, offset)
        return expanded - bisect_right(self.inserted, expanded)


def decode(data: str | bytes) -> str:
    """Return ``data`` as text: UTF-16 when it starts with a UTF-16 byte-order mark (as
    Windows "Unicode" text files do), else UTF-8 (with or without BOM), else Windows-1252.

    Raises :class:`~iroparse.errors.NotAnIroLetter` for binary data (NUL bytes or many
    control characters), which no text extraction of a letter produces.
    """
    if isinstance(data, str):
        return data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotAnIroLetter("input starts like UTF-16 text but does not decode") from None
    if b"\x00" in data[:4096]:
        raise NotAnIroLetter("input is binary data (it contains NUL bytes), not letter text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_binary(text: str) -> bool:
    """True when ``text`` has the control characters of binary data rather than of a letter."""
    sample = text[:4096]
    if not sample:
        return False
    controls = len(_BINARY_CONTROL_RE.findall(sample))
    return "\x00" in sample or controls > max(4, len(sample) // 100)


#: Removed outright: a carriage return before a line feed, with any blanks between them (some
#: exporters write ``text\r   \n``, which is one line end, not two), and invisible characters.
_REMOVABLE = re.compile("\r[ \t]*(?=\n)|[" + "".join(sorted(_REMOVED)) + "]")
_ONE_TO_ONE = str.maketrans(
    {
        **{ch: " " for ch in _SPACES},
        "\r": "\n",
        "\v": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\x85": "\n",
    }
)
#: Any character :data:`_ONE_TO_ONE` changes: most letters have none, and a search for them is
#: about twenty times cheaper than ``str.translate`` with a table (benchmarks/run.py).
#: A word processor's field code a text export kept before the link's text (``Email:
#: HYPERLINK "mailto:iro@example.com" iro@example.com``): removed, with the blank after it.
_FIELD_CODE = re.compile(r'\bHYPERLINK(?:[ \t]+\\[a-z])?[ \t]+"[^"\n]{0,300}"[ \t]?')
_TRANSLATED = re.compile("[" + "".join(sorted(chr(c) for c in _ONE_TO_ONE)) + "]")


#: One character of a letter-spaced word: a letter or a heading's punctuation, never a digit
#: (``MAY 2 1 2012``, a stamp's date, keeps its blanks).
_SPACED_CHARACTER = r"(?:[^\W\d_]|[:'’&.,/-])"
#: A phrase written letter-spaced, as a heading or a logo may be (``S E R V I C E S   I N
#: D I S P U T E``): words of characters each alone between single blanks, the words two
#: to four blanks apart, one word at least of four letters.
_SPACED_PHRASE = re.compile(
    # (after a blank, or a character removed: a byte-order mark before the letterhead)
    rf"(?<![^\s{''.join(sorted(_REMOVED))}]){_SPACED_CHARACTER}(?: {_SPACED_CHARACTER})*"
    rf"(?: {{2,4}}{_SPACED_CHARACTER}(?: {_SPACED_CHARACTER})*)*(?!\S)"
)
_SPACED_WORD = re.compile(r"(?<!\S)\S(?: \S){3,}(?!\S)")
_BLANKS = re.compile(r" +")
_GAPS = re.compile(r" {2,}")


def _letter_spacing(text: str) -> list[tuple[int, int]]:
    """The blanks to remove so that letter-spaced phrases read as words (``S E R V I C E S   I N
    D I S P U T E`` as ``SERVICES IN DISPUTE``): the single blank between two characters of a
    word, and all but one blank between two words."""
    cuts: list[tuple[int, int]] = []
    for phrase in _SPACED_PHRASE.finditer(text):
        words = _GAPS.split(phrase.group())
        if not any(sum(c.isalpha() for c in w[::2]) >= 4 for w in words):
            continue  # (a mark and a word: ``X  Upheld``; initials: ``J. D.``)
        for blanks in _BLANKS.finditer(phrase.group()):
            start, end = phrase.start() + blanks.start(), phrase.start() + blanks.end()
            cuts.append((start, end) if end - start == 1 else (start, end - 1))
    return cuts


#: Typeset ligatures and the letters they stand for.
LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = re.compile("[" + "".join(LIGATURES) + "]")


def _ligatures_expanded(text: str) -> tuple[str, list[int]]:
    """``text`` with each ligature written as its letters, and the offsets (in the result) of
    the letters that expansion added."""
    pieces: list[str] = []
    inserted: list[int] = []
    last = 0
    for ligature in _LIGATURE.finditer(text):
        pieces.append(text[last : ligature.start()])
        at = ligature.start() + len(inserted)
        letters = LIGATURES[ligature.group()]
        inserted.extend(range(at + 1, at + len(letters)))
        pieces.append(letters)
        last = ligature.end()
    pieces.append(text[last:])
    return "".join(pieces), inserted


def normalize(text: str) -> Normalized:
    """Normalize ``text`` (see the module docstring)."""
    removed: list[int] = []
    inserted: list[int] = []
    if _LIGATURE.search(text):
        text, inserted = _ligatures_expanded(text)
    cuts = [(m.start(), m.end()) for m in _REMOVABLE.finditer(text)]
    if "HYPERLINK" in text:
        cuts = sorted(cuts + [(m.start(), m.end()) for m in _FIELD_CODE.finditer(text)])
    if _SPACED_WORD.search(text):
        cuts = sorted(cuts + _letter_spacing(text))
    if cuts:
        pieces: list[str] = []
        last = 0
        for start, end in cuts:
            pieces.append(text[last:start])
            removed.extend([start - len(removed)] * (end - start))
            last = end
        pieces.append(text[last:])
        text = "".join(pieces)
    if _TRANSLATED.search(text):
        text = text.translate(_ONE_TO_ONE)
    if "✘" in text or "✗" in text:
        text = _crosses_read(text)
    if "(cid:" in text:
        text = _CID_BULLET.sub(lambda m: m.group(1) + "•" + " " * (len(m.group(2)) - 1), text)
    page_breaks: set[int] = set()
    if "\f" in text:
        line = 0
        last = 0
        for match in re.finditer("\f", text):
            line += text.count("\n", last, match.start()) + 1
            last = match.end()
            page_breaks.add(line)
        text = text.replace("\f", "\n")
    # (after the form feeds: a drawn line may start a page, ``\f+----+``)
    text = tables_undrawn(text)
    if "───" in text or "━━━" in text:
        text = _RULE_AFTER_WORDS.sub(lambda rule: " " * len(rule.group()), text)
    return Normalized(text, tuple(removed), frozenset(page_breaks), tuple(inserted))


#: A glyph a PDF extractor could not map, written as its font's code (``(cid:127)``), opening a
#: line before its text: a bullet, written as one (padded with blanks, so every offset stays).
_CID_BULLET = re.compile(r"(?m)^([ \t]*)(\(cid:\d{1,5}\))(?=[ \t])")


#: A check mark or a cross as a line's mark: first on its line, or last after a gap.
_CHECK_MARK = re.compile(r"(?m)^[ \t]*[✓✔√](?=[ \t])|(?<=[ \t])[✓✔√][ \t]*$")
_CROSS_MARK = re.compile(r"(?m)(^[ \t]*)[✗✘](?=[ \t])|(?<=[ \t])[✗✘](?=[ \t]*$)")


def _crosses_read(text: str) -> str:
    """``text`` with its crosses written as empty boxes where it marks its items with check
    marks too (``✔  Upheld (Agree)`` / ``✘  Overturned (Disagree)``, ``✔ = applied, ✘ = not
    applied``): there a cross says no. A letter that crosses alone ticks with it. One
    character for one, so every offset stays."""
    if _CHECK_MARK.search(text) is None:
        return text
    return _CROSS_MARK.sub(lambda m: (m.group(1) or "") + "☐", text)


#: A rule drawn after a heading's words to the line's end (``Service in Dispute ───────``):
#: blanked, one blank per character.
_RULE_AFTER_WORDS = re.compile(r"(?<=\S )[─━]{3,}(?=[ \t]*$)", re.MULTILINE)
