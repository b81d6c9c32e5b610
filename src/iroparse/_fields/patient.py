"""Read the patient's age and sex from the narrative (``45-year-old female``, ``52 year old
male``, ``38-year-old man``, ``xx-year-old woman``, ``Patient is a male``).

A redacted age (``xx``) is ``None``. A letter's header block may state both with labels
(``Age: 39      Sex: F``): :data:`LABELLED_PATTERNS` read those anywhere in the letter. When
no word states the sex, the pronouns of the clinical history (else the analysis) decide it
(:func:`sex_from_pronouns`): there they name the patient far more often than anyone else, and
every letter written by hand for the tests whose sex was stated by pronouns alone expected the
sex they give. The parser notes such a reading (``patient-sex-from-pronouns``).
"""

from __future__ import annotations

import regex
from attrs import frozen

from iroparse._fields.reviewer import number_value
from iroparse.catalogue import DASHES
from iroparse.tables.wording import NUMBER

#: Words that state a sex, to the record's value.
SEX_WORDS: dict[str, str] = {
    "male": "male",
    "man": "male",
    "gentleman": "male",
    "boy": "male",
    "female": "female",
    "woman": "female",
    "lady": "female",
    "girl": "female",
}
_SEX = "|".join(sorted(SEX_WORDS, key=len, reverse=True))

#: Words that start a clause or a phrase of its own after ``45-year-old``: the sex word must come
#: before them (``52-year-old right hand dominant male``; not ``45-year-old seen by a male``).
_CLAUSE = r"(?:who|whose|with|was|is|has|had|and|or|to|by|of|for|her|his|a|an|the|in|on|at|from)"

#: People an age may describe other than the patient: ``He has a 3-year-old sister``.
_RELATIVE = (
    r"(?:sister|brother|sibling|son|daughter|child|children|mother|father|parent|wife|husband"
    r"|spouse|twin|cousin|grandson|granddaughter|grandchild|friend|co-?worker)s?"
)

#: Patterns tried in order; ``age`` and ``sex`` groups are optional.
PATIENT_PATTERNS: tuple[regex.Pattern[str], ...] = (
    regex.compile(
        # (the age in words too: ``forty-four-year-old``)
        # (and two digits with a 1 read as ``l`` by text recognition: ``6l-year-old``)
        rf"(?i)(?<![\w*])(?<!\b(?:his|her|their)\s+)"
        rf"(?P<age>{NUMBER}|\d(?-i:l)|(?-i:l)\d|[x*#]{{1,4}})\s*[{DASHES}\s]?\s*(?:(?:year|yr)s?\s*[{DASHES}\s]?\s*[o0]ld|y\.?\s*/?\s*o\b\.?)"
        rf"(?!\s+{_RELATIVE}\b)"
        rf"(?:\s+(?:(?!{_CLAUSE}\b)[\w{DASHES}]+\s+){{0,4}}?(?P<sex>{_SEX})\b)?"
    ),
    # ``The claimant, now 55 years of age``, ``a man, 47 years of age``, ``a male 66 years of
    # age``; never a guideline's ``children younger than 5 years of age``
    regex.compile(
        rf"(?i)(?:\b(?:now|is|was)|,|\b(?P<sex>{_SEX}))\s+(?P<age>\d{{1,3}})\s+years\s+of\s+age\b"
    ),
    regex.compile(
        rf"(?i)\b(?:patient|claimant|injured\s+worker|employee|member|enrollee)\s+(?:is|was)\s+an?\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?P<sex>{_SEX})\b"
    ),
    # ``age 38``, ``aged 38``, never ``at age 44`` or ``before age 45`` (a relative's
    # diagnosis, an onset, a guideline's threshold)
    regex.compile(
        r"(?i)(?<!\b(?:at|before|after|under|over|by|until|since|of)\s+)"
        r"\b(?:age|aged)\s*:?\s*(?P<age>\d{1,3})\b"
    ),
    regex.compile(rf"(?i)\b(?:sex|gender)\s*:\s*(?P<sex>{_SEX}|m|f)\b"),
)

#: Age and sex after their labels, as a header block gives them (``Age: 39   Sex: F``):
#: read anywhere in the letter, where the narrative's patterns are not.
LABELLED_PATTERNS: tuple[regex.Pattern[str], ...] = (
    regex.compile(r"(?i)\bage\s*:\s*(?P<age>\d{1,3}|[x*#]{1,4})(?!\w)"),
    regex.compile(rf"(?i)\b(?:sex|gender)\s*:\s*(?P<sex>{_SEX}|m|f)\b"),
)

#: The words that name the patient once the letter has introduced them, by sex; a title
#: (``Mr.``, ``Mrs.``) counts too, case and period required (``MS`` is a disease).
PRONOUNS: dict[str, regex.Pattern[str]] = {
    "male": regex.compile(r"(?i:\b(?:he|him|his|himself)\b)|\bMr\."),
    "female": regex.compile(r"(?i:\b(?:she|her|hers|herself)\b)|\b(?:Mrs|Ms)\."),
}
#: Pronouns decide only when one sex has at least this many and the other at most a quarter
#: as many (the patient's ``her husband ... his`` is outweighed).
MIN_PRONOUNS = 2
PRONOUN_MARGIN = 4

#: Oldest plausible age; larger numbers are misreadings.
MAX_AGE = 120


@frozen
class PatientFacts:
    """Age and sex with their offsets in the text they were read from."""

    age: int | None = None
    age_span: tuple[int, int] | None = None
    sex: str | None = None
    sex_span: tuple[int, int] | None = None


def find_patient(
    text: str, patterns: tuple[regex.Pattern[str], ...] = PATIENT_PATTERNS
) -> PatientFacts:
    """The first age and the first sex stated in ``text`` (by the narrative's phrasings, or
    by ``patterns``).

    >>> find_patient("This is a 45-year-old female with back pain.").age
    45
    >>> find_patient("This is a xx-year-old woman.").sex
    'female'
    """
    age: int | None = None
    age_span: tuple[int, int] | None = None
    sex: str | None = None
    sex_span: tuple[int, int] | None = None
    age_seen = False
    for pattern in patterns:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if not age_seen and groups.get("age"):
                age_seen = True
                raw = groups["age"]
                age_span = match.span("age")
                value = age_value(raw)
                if 0 < value <= MAX_AGE:
                    age = value
            if sex is None and groups.get("sex"):
                word = groups["sex"].lower()
                sex = SEX_WORDS.get(word, {"m": "male", "f": "female"}.get(word))
                sex_span = match.span("sex")
            if age_seen and sex is not None:
                return PatientFacts(age, age_span, sex, sex_span)
    return PatientFacts(age, age_span, sex, sex_span)


def age_value(raw: str) -> int:
    """The age an age's text gives: digits (a 1 read as ``l`` too, ``6l``) or words; 0 for a
    redacted one (``xx``).

    >>> age_value("6l"), age_value("forty-four"), age_value("xx")
    (61, 44, 0)
    """
    raw = raw.replace("l", "1") if any(c.isdigit() for c in raw) else raw
    return number_value(raw) if raw[:1].isalnum() and raw[:1] not in "xX" else 0


def sex_from_pronouns(text: str) -> tuple[str, tuple[int, int]] | None:
    """The sex the pronouns of ``text`` give the patient, with the offsets of the first one,
    or ``None`` when they are too few or too mixed to tell (see :data:`PRONOUN_MARGIN`).

    >>> sex_from_pronouns("She fell at work. Her MRI shows a tear; her husband drives her.")
    ('female', (0, 3))
    >>> sex_from_pronouns("The claimant fell at work.") is None
    True
    """
    found = {sex: list(pattern.finditer(text)) for sex, pattern in PRONOUNS.items()}
    for sex, other in (("male", "female"), ("female", "male")):
        mine, theirs = found[sex], found[other]
        if len(mine) >= MIN_PRONOUNS and len(theirs) * PRONOUN_MARGIN <= len(mine):
            return sex, mine[0].span()
    return None
