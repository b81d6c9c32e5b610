"""Headings known by their key words: whether a line is written as a heading, and which
section its words name (:data:`iroparse.tables.heading_words.HEADING_WORDS`). The last way
:class:`~iroparse._pipeline.headings.HeadingMatcher` recognises a heading, for wordings no
table lists; a designed letter's questions (``Who reviewed it?``) are read here too.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from iroparse.catalogue import CRITERIA, OUTCOMES, HeadingAlias, words
from iroparse.tables.heading_words import HEADING_WORDS, NOT_HEADING_WORDS, TITLE_NOT_HEADING_WORDS

__all__ = [
    "MAX_KEY_WORDS_HEADING",
    "MAX_SENTENCE_CASE_WORDS",
    "by_key_words",
    "heading_shaped",
    "kind_by_key_words",
]

_KEY_WORDS = tuple((kind, regex.compile(pattern)) for kind, pattern in HEADING_WORDS)
_NOT_KEY_WORDS = regex.compile(NOT_HEADING_WORDS)
_TITLE_KEY_WORDS = regex.compile(TITLE_NOT_HEADING_WORDS)
_CHECKLIST_ITEM = regex.compile("|".join(f"(?:{e.signature})" for e in (*CRITERIA, *OUTCOMES)))
#: A heading found by its key words has at most this many words.
MAX_KEY_WORDS_HEADING = 8
#: ... and at most this many when written in sentence case (``Records we received``).
MAX_SENTENCE_CASE_WORDS = 5
#: Words a heading writes in lower case between its capitalised ones.
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"}
    | {"under", "upon", "used", "with"}
)
#: (a wide gap too: a table's row of column headings, ``Service    Code    Decision``)
_NO_HEADING_CHARACTERS = regex.compile(r"[\d.;?!,\[\]|@\t]| {3}")
#: A designed letter's plain heading, alone on its line: a question (a question's first word,
#: a few words more, its question mark: ``Who reviewed it?``), or a phrase its opening words
#: tell, ended by a full stop (``Who reviewed your case.``, ``Your medical history.``, ``If
#: you disagree.``). No digits, no sentence's punctuation inside.
_QUESTION = regex.compile(
    r"(?i:what|who|why|how|is|are|does|do|did|was|were|can|when|which)"
    r"(?: [\p{L}'’/()-]+){1,9}\?"
    r"|(?i:what|who|why|how|your|our|if\s+you)(?: [\p{L}'’/()-]+){1,7}\."
)
#: ... or, alone between blank lines, such a phrase without its full stop, its words perhaps
#: parted by a comma (``Your medical history, in brief``, ``What guidelines and studies we
#: used``): longer than :data:`MAX_SENTENCE_CASE_WORDS` allows a heading in sentence case, which
#: its opening words make up for.
_PLAIN_PHRASE = regex.compile(r"(?i:what|who|why|how|your|our)(?: [\p{L}'’/()-]+,?){1,7}(?<!,)")

#: A label's last words saying whose its items are (``Records received from the health plan and
#: your physicians:``), told apart from the heading's own words before them.
_WHOSE = regex.compile(r"\s(?:from|by)\s+(?:the|your|his|her|their|our)\s[\p{L}' ]+$")


@lru_cache(maxsize=4096)
def by_key_words(
    text: str, labelled: bool, colon: bool = False, plain: bool = False
) -> HeadingAlias | None:
    """The heading ``text`` (a line, without its colon) is by its key words
    (:data:`~iroparse.tables.heading_words.HEADING_WORDS`), written as a heading
    (:func:`heading_shaped`; ``labelled``: a label; ``colon``: a colon ended it) or as a
    designed letter's question or plain phrase (``plain``: alone between blank lines), and no
    checklist item; else ``None``."""
    if _QUESTION.fullmatch(text.strip()) or (plain and _PLAIN_PHRASE.fullmatch(text.strip())):
        # a designed letter's question, its verbs a question's (``Who reviewed it?``, ``What
        # records did the reviewer look at?``), or its plain phrase (``What the reviewer
        # looked at.``): the key words alone tell its section
        kind = kind_by_key_words(words(text))
        return HeadingAlias(kind, text, rank=1) if kind is not None else None
    whose = _WHOSE.search(text) if labelled and colon else None
    if whose is not None and len(text.split()) <= MAX_KEY_WORDS_HEADING + 4:
        # ``Records received from the health plan and your physicians:``: the words before
        # whose tell the heading
        head = text[: whose.start()]
        if heading_shaped(head, labelled) and not _NO_HEADING_CHARACTERS.search(whose.group()):
            alias = by_key_words(head, labelled, colon)
            return HeadingAlias(alias.kind, text, rank=1) if alias is not None else None
    if not heading_shaped(text, labelled):
        return None
    said = words(text)  # (a title's words, unless a colon ends them)
    refused = _NOT_KEY_WORDS.search(said) or (not colon and _TITLE_KEY_WORDS.search(said))
    if refused or _CHECKLIST_ITEM.match(said):
        return None
    kind = kind_by_key_words(said)
    return HeadingAlias(kind, text, rank=1) if kind is not None else None


def kind_by_key_words(said: str) -> str | None:
    """The section kind whose key words (:data:`~iroparse.tables.heading_words.HEADING_WORDS`)
    ``said`` (a line's :func:`~iroparse.catalogue.words`) holds first, or ``None``."""
    return next((kind for kind, pattern in _KEY_WORDS if pattern.search(said)), None)


def heading_shaped(text: str, labelled: bool = False) -> bool:
    """Whether ``text`` (a line without its colon) is written as a heading: at most
    :data:`MAX_KEY_WORDS_HEADING` words, no digits nor a sentence's punctuation, in capitals
    or with every word capitalised but the small ones (``Credentials of Reviewing
    Physician``); a label before its colon (``labelled``) may be a few words in sentence
    case (``Who reviewed this case:``)."""
    parts = [p.strip("()'\"/&-,") for p in text.split()]
    capitals = text.upper() == text
    if (
        not parts
        or len(parts) > MAX_KEY_WORDS_HEADING
        # (a comma only between words in capitals: ``ANALYSIS, CLINICAL BASIS AND
        # CONCLUSIONS``; in Title Case it parts a name, ``Smith, Carol``)
        or _NO_HEADING_CHARACTERS.search(text.replace(", ", " ") if capitals else text)
        or text.count("(") != text.count(")")  # an aside wrapped onto the next line
    ):
        return False
    if capitals:
        return True
    if labelled and len(parts) <= MAX_SENTENCE_CASE_WORDS and parts[0][:1].isupper():
        return True  # a short label in sentence case: ``Who reviewed this case:``
    return all(p[:1].isupper() or p.lower() in _SMALL_WORDS or not p[:1].isalpha() for p in parts)
