"""A hyphen that ends a line: part of the word (``self-`` / ``limiting``) or put there by the
typesetter to split one (``injec-`` / ``tions``, as justified and scanned letters have).

The letter's own words decide first: the hyphen goes when the joined word is written
elsewhere in the letter (``injections``), and stays when the hyphenated form is
(``two-level``). Otherwise an English word list with word frequencies (pyspellchecker's,
words seen more than :data:`MIN_FREQUENCY` times; loaded on first need) decides:

* the piece after the hyphen is a suffix alone (``reason-`` / ``able``): one word;
* the joined word is English and one piece is not (``acui-`` / ``ty``, ``pos-`` /
  ``terior``): one word;
* both pieces are English: one word when the joined word is the more frequent of it and the
  piece after the hyphen (``re-`` / ``flexes``), else a compound (``follow-`` / ``up``,
  ``two-`` / ``level``, ``ultrasound-`` / ``guided``); a closed word of two common
  words is one word when the list has seen it often (``how-`` / ``ever``); a second piece
  ``up`` makes a compound (``work-`` / ``up``);
* the joined word is not English: one word when the second piece is no English word either
  and the first is none, or a syllable of three letters (the medical words the list lacks:
  ``radicu-`` / ``lopathy``, ``lis-`` / ``inopril``, a rare short word: ``fora-`` /
  ``minal``), unless the first piece is a prefix
  compounds take (``intra-``, ``non-``); one word too after a combining form the list lacks
  (``hepato-`` / ``toxicity``); else a compound (``ultrasound-`` / ``guided``).

Prefixes that never take a hyphen (``dis-``, ``para-``) close up before the list is read;
so do the medical prefixes letters close up (``sub-`` / ``chondral``, ``contra-`` /
``indication``), but before their own last letter (``intra-`` / ``articular``).

The vocabulary is read only for letters that have such a line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import cache, cached_property

import regex

#: A suffix alone: a piece after a line-end hyphen that is one of these is no word of its own
#: (``reason-`` / ``able``, ``whoosh-`` / ``ing``), however common the list says it is.
SUFFIX = regex.compile(
    r"able|ible|ing|ings|ed|ment|ments|ness|ity|ities|tions?|sions?|ous|ive|ally|ance|ence"
    r"|ist|ists|ism|isms|ize|ized|ise|ised|ical|ically|ology|ologist|ion|ions|tic|tics"
)
#: Words of the English list seen at most this often are left out: rare spellings, among them
#: the joined forms of compounds (``followup``, ``nonoperative``).
MIN_FREQUENCY = 50
#: A word of the English list seen at least this often is one word when a line-end hyphen
#: splits it, however common its pieces are (``however``, ``guideline`` 233, ``outpatient``
#: 838); the joined forms of compounds are rarer (``followup`` 50, ``hipbone`` 58). A
#: one-letter first piece is a compound's (``e-``/``mail``, ``x-``/``ray``).
JOINED_WORD = 100
#: The same after a prefix compounds take, whose hyphenated forms are common too: ``bilateral``
#: (925), ``underwent`` and ``decompression`` join; ``preexisting`` (520) and ``reevaluate``
#: (877) stay ``pre-existing`` and ``re-evaluate``.
JOINED_AFTER_PREFIX = 900
#: A first piece this short that the list knows (``lis``) is a syllable when the second piece
#: is no English word (``inopril``); a longer one is a compound's word (``ultrasound-``).
SYLLABLE = 3
#: A first piece of at most :data:`RARE_HEAD` letters that the list has seen fewer than
#: :data:`RARE_SEEN` times (``fora`` 1609, ``ante`` 1494; a compound's first words are
#: common: ``disc`` 4314, ``knee`` 14729) is a syllable too when the second piece is no word.
RARE_HEAD = 4
RARE_SEEN = 2000
#: Prefixes written closed up with their word, never with a hyphen (``discontinuation``,
#: ``misdiagnosis``); and the medical ones that letters close up (``paraparesis``,
#: ``juxtacortical``, ``supraspinatus``, ``infrapatellar``, ``retrolisthesis``,
#: ``polyneuropathy``: 800 closed sightings of ``para`` in the golden letters, no hyphen;
#: ``transforaminal``, ``transcutaneous``, never ``trans-`` in them but for a place's name).
#: So do the combining forms that the word list takes for words of their own (``psycho-`` /
#: ``social``, ``radio-`` / ``frequency``, ``electro-`` / ``diagnostic``).
CLOSED_PREFIXES = frozenset({"dis", "mis", "para", "juxta", "supra", "infra", "retro", "poly"}) | {
    "trans",
    "psycho",
    "electro",
    "radio",
    "chemo",
    "physio",
}
#: Prefixes that medical letters close up with their word (``subchondral``, ``interlaminar``,
#: ``periarticular``, ``hypoesthesia``, ``contraindication``: in the golden letters 340
#: ``subacromial`` against one ``sub-maximal``, 81 ``contraindication`` and no hyphen), but
#: before a word opening with the letter they end with (``intra-articular``).
CLOSED_MEDICAL_PREFIXES = frozenset({"sub", "inter", "intra", "peri", "hyper", "hypo", "contra"})
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
#: How a word ends that a compound's first piece is (an adverb, a participle, an adjective).
_WORD_ENDING = regex.compile(r"(?:ly|ed|ing|al|ic|ive|ous|ar|ary|ory|ent|ant|er|or|ist)$")
_LAST_WORD = regex.compile(r"(\p{L}+)-$")
#: An inflection or a derivation's ending, taken off a word for its stem (``interviewer``).
_INFLECTION = regex.compile(r"(?:ers?|ed|ing|e?s)$")
_COMPOUND = regex.compile(r"\p{L}+-\p{L}+")
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

    @cached_property
    def compounds(self) -> frozenset[str]:
        """Every hyphenated word of the letter written on one line, lower case
        (``two-level``)."""
        return frozenset(w.lower() for w in _COMPOUND.findall(self._text))


#: A word after which a hyphen ending the line before is a suspended one (``low-`` / ``and
#: intermediate-risk``): the space stays.
_SUSPENDED_HYPHEN = regex.compile(r"(?:and|or|nor|to)\b")


def glued(before: str, after: str) -> bool:
    """Whether a line ending with ``before`` goes on with ``after`` (the next line's text)
    without a space: it ends in a hyphen right after a letter or digit (``self-`` +
    ``limiting``), because wrappers break lines after hyphens, and ``after`` goes on with a
    word that is no conjunction after a suspended hyphen (``low-`` / ``and high-risk``)."""
    return (
        before.endswith("-")
        and len(before) > 1
        and before[-2].isalnum()
        and after[:1].isalnum()
        and _SUSPENDED_HYPHEN.match(after) is None
    )


def _closed_prefix_word(head: str, joined: str, english: Mapping[str, int]) -> bool:
    """Whether ``joined`` is a prefix that never takes a hyphen (:data:`CLOSED_MEDICAL_PREFIXES`)
    and a common word, split past the prefix (``head`` is longer than it)."""
    return any(
        head.startswith(prefix)
        and len(head) > len(prefix)
        and english.get(joined[len(prefix) :], 0) >= JOINED_WORD
        for prefix in CLOSED_MEDICAL_PREFIXES
    )


def soft_hyphen(before: str, after: str, vocabulary: Vocabulary | None) -> bool:
    """Whether the hyphen ending ``before`` (a line) splits one word that ``after`` (the next
    line) ends: then the hyphen goes (see the module docstring)."""
    if vocabulary is None:
        return False
    last, first = _LAST_WORD.search(before), _WORD.match(after)
    if last is None or first is None:
        return False
    head, tail = last.group(1).lower(), first.group().lower()
    joined = head + tail
    if joined in vocabulary.words:
        return True
    if f"{head}-{tail}" in vocabulary.compounds:
        return False
    if SUFFIX.fullmatch(tail) is not None:
        return True
    if head in CLOSED_PREFIXES and not first.group()[:1].isupper():
        # a prefix that never takes a hyphen: ``dis-`` / ``continuation`` (but a name's parts
        # keep theirs: ``Trans-`` / ``Pecos``)
        return True
    if head in CLOSED_MEDICAL_PREFIXES and tail[:1] != head[-1] and first.group()[:1].islower():
        return True  # ``sub-`` / ``chondral``, ``contra-`` / ``indication``
    if tail == "up":
        return False  # a noun of a verb and ``up``: ``follow-up``, ``work-up``, ``flare-up``
    english = english_frequencies()  # loaded only when the rules above do not decide
    joined_seen, head_seen, tail_seen = (english.get(w, 0) for w in (joined, head, tail))
    least = JOINED_AFTER_PREFIX if head in COMPOUND_PREFIXES else JOINED_WORD
    if joined_seen >= least and len(head) > 1:
        return True  # a closed compound of two common words: ``how-``/``ever``, ``fore-``/``arm``
    if first.group()[:1].islower() and _closed_prefix_word(head, joined, english):
        return True  # split past its prefix: ``suba-`` / ``cute`` is ``sub`` + ``acute``
    if head == "re" and tail[:1] not in "aeiou" and (joined_seen or not tail_seen):
        # ``re-`` before a consonant closes up (``retraction``, ``resection``; before a piece
        # the list lacks too: ``re-`` / ``pairable``)
        return True
    stem = _INFLECTION.sub("", joined)
    if joined_seen and stem != joined and english.get(stem, 0) >= least:
        return True  # a common word's inflection: ``inter-`` / ``viewer`` (``interview``)
    if joined_seen:
        # a prefix compounds take counts as a word: ``pre-`` / ``existing``
        head_seen = head_seen or head in COMPOUND_PREFIXES
        return not (head_seen and tail_seen) or joined_seen > tail_seen
    if (not head_seen or not tail_seen) and len(head) >= 4 and head.endswith("o"):
        # a combining form before its word (``hepato-`` / ``toxicity``), or before a piece
        # that is no word (``hydro-`` / ``codone``)
        return True
    if not head_seen and tail_seen and len(head) >= 5 and head not in COMPOUND_PREFIXES:
        # a long piece that is no word and does not end like one (``electrodi-`` /
        # ``agnostic``): a word's syllables, whatever the second piece happens to spell
        # (``fluoroscopically-`` / ``guided`` ends like a word: a compound)
        return _WORD_ENDING.search(head) is None
    # a piece that is no English word: the word's own syllables (``radicu-`` / ``lopathy``,
    # ``lis-`` / ``inopril``: three letters are a syllable, not a compound's first word)
    # (a rare short word is a syllable too: ``fora-`` / ``minal``, ``ante-`` / ``cubital``)
    syllable = len(head) <= SYLLABLE or (len(head) <= RARE_HEAD and head_seen < RARE_SEEN)
    return not tail_seen and head not in COMPOUND_PREFIXES and (not head_seen or syllable)


@cache
def english_frequencies() -> Mapping[str, int]:
    """English words (lower case) and how often each is seen, from pyspellchecker's list,
    those seen more than :data:`MIN_FREQUENCY` times."""
    from spellchecker import SpellChecker  # 0.2 s: only for a letter that needs it

    counts = SpellChecker(language="en").word_frequency.dictionary
    return {word: n for word, n in counts.items() if n > MIN_FREQUENCY}
