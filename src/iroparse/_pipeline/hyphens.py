"""A hyphen that ends a line: part of the word (``self-`` / ``limiting``) or put there by the
typesetter to split one (``injec-`` / ``tions``, as justified and scanned letters have).

Word processors do not split words unless told to, so a hyphen at a line's end is kept
(the words are joined without a space) unless the letter itself says the word has none:

* the joined word is written elsewhere in the letter (``injections``), or
* the piece after the hyphen is a word's ending (a short fragment ending like ``-tion``,
  ``-ical``, ``-ed``: ``signifi-`` / ``cant``), and the piece before is no word of the letter
  and no prefix that compounds take (``non-``, ``post-``, ``follow-``).

The vocabulary is read only for letters that have such a line.
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property

import regex

#: The endings that make a fragment after a line-end hyphen the rest of one word.
WORD_ENDINGS = (
    r"tions?|sions?|ments?|ness|ity|ities|ical(?:ly)?|ally|ing|ed|es|ant|ent|ance|ence|ive"
    r"|ous|able|ible|ures?|ogy|ists?|isms?|i[sz]ed?|al|ary|ory|ated?|toms?"
)
#: A word-ending fragment is at most this long (``chromatography`` is a word of its own).
MAX_ENDING = 10
_ENDING = regex.compile(rf"\p{{Ll}}{{0,{MAX_ENDING}}}(?<=(?:{WORD_ENDINGS}))")
#: First parts of compounds a line may end with, hyphen and all.
COMPOUND_PREFIXES = frozenset(
    [
        "anti",
        "bi",
        "co",
        "counter",
        "cross",
        "de",
        "extra",
        "follow",
        "full",
        "half",
        "high",
        "hyper",
        "hypo",
        "inter",
        "intra",
        "left",
        "long",
        "low",
        "mid",
        "multi",
        "non",
        "one",
        "over",
        "part",
        "peri",
        "post",
        "pre",
        "pro",
        "re",
        "right",
        "self",
        "semi",
        "short",
        "sub",
        "super",
        "trans",
        "tri",
        "two",
        "ultra",
        "un",
        "under",
        "well",
        "x",
    ]
)
_WORD = regex.compile(r"\p{L}+")
_LAST_WORD = regex.compile(r"(\p{L}+)-$")
#: A word split at a line's end: its two pieces.
_SPLIT = regex.compile(r"(\p{L}+)-[ \t]*\n\s*(\p{L}+)")


class Vocabulary:
    """The words of one letter (lower case), read on first use."""

    def __init__(self, text: str):
        self._text = text

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of the letter, lower case, but for the pieces of words split at a
        line's end (``injec-`` / ``tions``) that occur nowhere else."""
        every = Counter(w.lower() for w in _WORD.findall(self._text))
        pieces = Counter(w.lower() for pair in _SPLIT.findall(self._text) for w in pair)
        return frozenset(w for w, n in every.items() if n > pieces[w])


def soft_hyphen(before: str, after: str, vocabulary: Vocabulary | None) -> bool:
    """Whether the hyphen ending ``before`` (a line) splits one word that ``after`` (the next
    line) ends: then the hyphen goes (see the module docstring)."""
    if vocabulary is None:
        return False
    last, first = _LAST_WORD.search(before), _WORD.match(after)
    if last is None or first is None:
        return False
    head, tail = last.group(1), first.group()
    if (head + tail).lower() in vocabulary.words:
        return True
    return (
        _ENDING.fullmatch(tail) is not None
        and head.lower() not in COMPOUND_PREFIXES
        and head.lower() not in vocabulary.words
    )
