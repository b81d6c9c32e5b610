"""Match lines of a letter against the heading catalogue, tolerating case, punctuation,
``&``/AND, spacing and small typos.

Matching works on :func:`~iroparse.catalogue.squash`-ed text: exact dictionary look-ups first,
then the ``regex`` module's fuzzy matching (``(?:ALIAS){e<=k}``) for lines that look like
headings and share the alias's first letters. Results are cached per squashed line: letters of
one IRO repeat the same headings, so a batch pays for each distinct line once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import product

import regex
from attrs import frozen

from iroparse._pipeline.worded_headings import by_key_words
from iroparse.catalogue import HeadingAlias, squash, words
from iroparse.tables.heading_families import HEADING_FAMILIES

#: A heading family as :data:`iroparse.tables.headings.HEADING_FAMILIES` writes it.
Family = tuple[str, tuple[tuple[str, ...], ...]]

#: Longest line (in characters) considered as a heading or a heading's first part.
MAX_HEADING_LINE = 240
_PREFIX_LEN = 2
#: A heading written with words left out (``DESCRIPTION OF THE QUALIFICATIONS FOR EACH
#: PHYSICIAN WHO REVIEWED THE DECISION``) is matched only to an alias of at least
#: :data:`ABRIDGED_ALIAS_WORDS` words, by at least :data:`ABRIDGED_MIN_WORDS` of them, in order,
#: the first :data:`ABRIDGED_LEAD` among them, and at least half of the alias's words.
ABRIDGED_ALIAS_WORDS = 6
ABRIDGED_MIN_WORDS = 5
ABRIDGED_LEAD = 2


def max_errors(key: str) -> int:
    """How many typos a heading of this squashed length may carry: 1 up to 11 characters, then
    1 per 6 (two letters swapped, ``REVEIW``, are two errors), at most 3."""
    return max(1, min(3, len(key) // 6))


@frozen
class _CompiledAlias:
    alias: HeadingAlias
    key: str
    full: regex.Pattern[str]
    start: regex.Pattern[str]


class _CompiledFamily:
    """One heading family as a pattern over squashed text: a group per part, so a match says
    which wording of each part the letter used."""

    def __init__(self, family: Family):
        self.kind, parts = family
        self._wordings = [{squash(w): w for w in part} for part in parts]
        groups = "".join(
            "({})".format("|".join(regex.escape(k) for k in sorted(w, key=len, reverse=True)))
            for w in self._wordings
        )
        self.pattern = regex.compile(groups)
        # leftmost-longest, for a heading followed by its value on the same line
        self.longest = regex.compile(f"(?p){groups}")
        self.heads = frozenset("".join(choice)[:_PREFIX_LEN] for choice in product(*self._wordings))

    def alias(self, match: regex.Match[str]) -> HeadingAlias:
        """The heading a match of :attr:`pattern` reads, in the table's own words."""
        chosen = (w[g] for w, g in zip(self._wordings, match.groups(), strict=True))
        return HeadingAlias(self.kind, " ".join(text for text in chosen if text))


@frozen
class HeadingHit:
    """A heading found at the start of a squashed text: the alias, and how many squashed
    characters it took (the rest, if any, is a value written on the heading's line)."""

    alias: HeadingAlias
    consumed: int


_SQUASH_PIECE = regex.compile(r"[A-Za-z0-9]+|[&#]")


def squash_with_index(text: str) -> tuple[str, list[int]]:
    """:func:`~iroparse.catalogue.squash` ``text`` and return, for every squashed character,
    the index in ``text`` it came from."""
    chars: list[str] = []
    index: list[int] = []
    for match in _SQUASH_PIECE.finditer(text):
        piece = squash(match.group())
        start = match.start()
        chars.append(piece)
        if len(piece) == match.end() - start:
            index.extend(range(start, start + len(piece)))
        else:
            index.extend([start] * len(piece))
    return "".join(chars), index


class HeadingMatcher:
    """Finds catalogue headings in squashed line text (see the module docstring)."""

    def __init__(
        self, aliases: Iterable[HeadingAlias], families: Sequence[Family] = HEADING_FAMILIES
    ):
        self._families = tuple(_CompiledFamily(family) for family in families)
        compiled = []
        for alias in aliases:
            key = alias.key
            if len(key) < 4:
                continue
            body = f"(?:{regex.escape(key)}){{e<={max_errors(key)}}}"
            compiled.append(
                _CompiledAlias(alias, key, regex.compile(body), regex.compile(f"(?b){body}"))
            )
        compiled.sort(key=lambda c: len(c.key), reverse=True)
        self._exact = {c.key: c.alias for c in reversed(compiled)}
        self._prefixes = frozenset(c.key[:_PREFIX_LEN] for c in compiled).union(
            *(family.heads for family in self._families)
        )
        # the aliases by their first letters, longest first: every match needs them
        self._by_head: dict[str, tuple[_CompiledAlias, ...]] = {
            head: tuple(c for c in compiled if c.key[:_PREFIX_LEN] == head)
            for head in self._prefixes
        }
        self._long = tuple(
            (c.alias, tuple(squash(w) for w in words(c.alias.text).split()))
            for c in compiled
            if len(c.alias.text.split()) >= ABRIDGED_ALIAS_WORDS
        )
        self.full = lru_cache(maxsize=16384)(self._full)
        self.abridged = lru_cache(maxsize=4096)(self._abridged)
        self.prefix = lru_cache(maxsize=16384)(self._prefix)
        self.start = lru_cache(maxsize=16384)(self._start)
        self.partial = lru_cache(maxsize=16384)(self._partial)

    def by_words(
        self, text: str, labelled: bool = False, colon: bool = False, plain: bool = False
    ) -> HeadingAlias | None:
        """The heading ``text`` is by its key words, or ``None``
        (:func:`~iroparse._pipeline.worded_headings.by_key_words`; ``labelled``: a label;
        ``colon``: a colon ends it, as none ends a title; ``plain``: a line alone between blank
        lines, where a designed letter writes its plain headings)."""
        bare = text.strip().rstrip(":").strip()
        return by_key_words(bare, labelled, colon or text.strip().endswith(":"), plain)

    def could_start(self, key: str) -> bool:
        """False when no heading can start with ``key``: every match, exact or fuzzy, needs the
        alias's first letters (a cheap filter that spares narrative lines all other work)."""
        return key[:_PREFIX_LEN] in self._prefixes

    def exact(self, key: str) -> HeadingAlias | None:
        """The alias whose squashed text is exactly ``key``, or ``None`` (no fuzzy matching)."""
        return self._exact.get(key) or self._family(key)

    def _family(self, key: str) -> HeadingAlias | None:
        """The heading of a family that ``key`` is, word for word, or ``None``."""
        for family in self._families:
            match = family.pattern.fullmatch(key)
            if match is not None:
                return family.alias(match)
        return None

    def _candidates(self, key: str, slack: int) -> Iterable[_CompiledAlias]:
        for c in self._by_head.get(key[:_PREFIX_LEN], ()):
            if len(key) - slack <= len(c.key) + max_errors(c.key):
                yield c

    def _full(self, key: str) -> HeadingAlias | None:
        """The alias ``key`` is, whole, or ``None``."""
        exact = self.exact(key)
        if exact is not None or len(key) < 6:
            return exact
        for c in self._candidates(key, 0):
            if abs(len(c.key) - len(key)) <= max_errors(c.key) and c.full.fullmatch(key):
                return c.alias
        return None

    def _prefix(self, key: str) -> HeadingHit | None:
        """The longest alias ``key`` starts with exactly, followed by more text, or ``None``."""
        listed = self._listed_prefix(key)
        composed = self._family_prefix(key)
        if listed is None or (composed is not None and composed.consumed > listed.consumed):
            return composed
        return listed

    def _listed_prefix(self, key: str) -> HeadingHit | None:
        for c in self._by_head.get(key[:_PREFIX_LEN], ()):
            if key.startswith(c.key) and len(key) > len(c.key):
                return HeadingHit(c.alias, len(c.key))
        return None

    def _family_prefix(self, key: str) -> HeadingHit | None:
        best: HeadingHit | None = None
        for family in self._families:
            match = family.longest.match(key)
            longer = best is None or (match is not None and match.end() > best.consumed)
            if match is not None and match.end() < len(key) and longer:
                best = HeadingHit(family.alias(match), match.end())
        return best

    def _start(self, key: str) -> HeadingHit | None:
        """The longest alias ``key`` starts with, followed by more text, or ``None``; the
        alias may carry typos. A listed alias written exactly wins at once; a family's
        heading only when no listed alias, typos and all, reaches further (``INFORMATION
        PROVIDED TO THE IRO`` is a family's, ``... TO THE IRO FOR REIVEW`` the list's)."""
        listed = self._listed_prefix(key)
        if listed is not None:
            return listed
        composed = self._family_prefix(key)
        if len(key) < 8:
            return composed
        reached = composed.consumed if composed is not None else 0
        for c in self._candidates(key, len(key)):
            if len(c.key) < 10 or len(c.key) + max_errors(c.key) <= reached:
                continue
            match = c.start.match(key)
            if match is not None and reached < match.end() < len(key):
                return HeadingHit(c.alias, match.end())
        return composed

    def _abridged(self, text: str) -> HeadingAlias | None:
        """The long heading that ``text`` (a whole line, its words unsquashed) writes with
        words left out, when exactly one kind of heading fits (see
        :data:`ABRIDGED_ALIAS_WORDS`), or ``None``."""
        mine = tuple(squash(w) for w in words(text).split())
        if len(mine) < ABRIDGED_MIN_WORDS:
            return None
        fits = {
            alias.kind: alias
            for alias, theirs in self._long
            if theirs[:ABRIDGED_LEAD] == mine[:ABRIDGED_LEAD]
            and len(mine) < len(theirs) <= 2 * len(mine)
            and _in_order(mine, theirs)
        }
        return next(iter(fits.values())) if len(fits) == 1 else None

    def _partial(self, key: str) -> bool:
        """True when ``key`` could be the first part of a heading wrapped over several lines."""
        if len(key) < 10:
            return False
        for c in self._by_head.get(key[:_PREFIX_LEN], ()):
            if c.key.startswith(key) and len(c.key) > len(key):
                return True
        for family in self._families:
            match = family.pattern.fullmatch(key, partial=True)
            if match is not None and match.partial:
                return True
        return any(
            len(c.key) > len(key) and c.full.fullmatch(key, partial=True) is not None
            for c in self._candidates(key, 0)
        )


def _in_order(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether every word of ``mine`` occurs in ``theirs``, in the same order."""
    rest = iter(theirs)
    return all(word in rest for word in mine)


_MAX_TITLE_WORDS = 12
_UPPER = regex.compile(r"\p{Lu}")
_LETTER = regex.compile(r"\p{L}")
_TITLE_WORD = regex.compile(r"\b\p{Lu}\p{L}{3,}|\b\p{Ll}\p{L}{3,}")


@lru_cache(maxsize=1 << 13)
def looks_like_heading(text: str) -> bool:
    """A cheap test that ``text`` is written like a heading: mostly capitals, or a short line
    in Title Case. Fuzzy matching runs only on such lines. Cached per line, as the heading
    matcher is."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_HEADING_LINE or stripped[-1] in "?!":
        return False
    if stripped[-1] in ".,;" and stripped.upper() != stripped:
        return False  # a period or comma ends a heading's line only in capitals
    if stripped.upper() == stripped:
        return stripped.lower() != stripped
    if stripped.count(" ") > 2 * _MAX_TITLE_WORDS:
        return False
    letters = len(_LETTER.findall(stripped))
    if letters == 0:
        return False
    upper = len(_UPPER.findall(stripped))
    if upper >= 0.6 * letters:
        return True
    words = _TITLE_WORD.findall(stripped)
    return 0 < len(words) <= _MAX_TITLE_WORDS and sum(w[0].isupper() for w in words) >= 0.7 * len(
        words
    )


_SPACES = regex.compile(r" +")


def wider_gap(head: str, rest: str) -> bool:
    """Whether ``rest`` starts past a gap of two blanks or more, wider than any between the
    words of ``head``: a letter spaced raggedly (``ANALYSIS  AND  EXPLANATION  OF  THE
    DECISION  INCLUDE ...``, as text recognition leaves it) puts two blanks between all its
    words, and a heading's value then stands past a wider gap, if any."""
    gap = len(rest) - len(rest.lstrip(" "))
    usual = max((len(m) for m in _SPACES.findall(head.strip())), default=1)
    return gap >= 2 and gap > usual


#: A line not written like a heading (sentence case) starts one only when this much of its
#: wording (squashed characters) matches the catalogue: ``Description of the qualifications``.
MIN_WORDING_KEY = 18
#: A sentence's first word after a heading's words: ``... summary This is``.
SENTENCE_START = regex.compile(r"\s+\p{Lu}\p{Ll}*\s+\p{Ll}")
#: A run-in heading's full stop before its section's first sentence: ``Clinical History. The
#: claimant ...``, ``Decision. Upon independent review ...``.
RUN_IN_STOP = regex.compile(r"\.[ \t]+(?=\p{Lu}|\d|\()")


def run_in(line: str, split: int) -> bool:
    """Whether the words of ``line`` before offset ``split`` are a run-in heading: written
    like one, and ended by a full stop before the section's first sentence; or, in sentence
    case, a few words whose full stop a typist set two blanks before the first sentence
    (``4.  Clinical history.  Mr. Galindo is ...``)."""
    if RUN_IN_STOP.match(line, split) is None:
        return False
    head = line[:split]
    typed = line.startswith(".  ", split) and len(head.split()) <= MAX_TYPED_RUN_IN_WORDS
    return looks_like_heading(head) or (typed and head.lstrip()[:1].isupper())


#: A run-in heading in sentence case has at most this many words.
MAX_TYPED_RUN_IN_WORDS = 4


def sentence_after(line: str, hit: HeadingHit) -> bool:
    """Whether a heading starts ``line`` and a new sentence follows it: after a long heading
    (:data:`MIN_WORDING_KEY`), or after a run-in heading in title case and its full stop."""
    split = squash_with_index(line)[1][hit.consumed - 1] + 1
    if run_in(line, split):
        return True
    if len(hit.alias.key) < MIN_WORDING_KEY:
        return False
    return SENTENCE_START.match(line, split) is not None
