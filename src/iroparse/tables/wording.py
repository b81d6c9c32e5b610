"""The wording that tells a letter's review type and coverage, a reviewer's years, and a
service's outcome, as tables of patterns (``regex`` syntax, matched at any case).

Each table is a tuple of ``(value, weight, pattern)`` or ``(value, pattern)`` entries: a reader
looks for every pattern and weighs what it finds; nothing here is code.
"""

from __future__ import annotations

__all__ = [
    "COVERAGE_EVIDENCE",
    "MIN_COVERAGE_WEIGHT",
    "NEGATIVE_VERDICTS",
    "NUMBER",
    "NUMBER_WORDS",
    "ORDINALS",
    "OUTCOME_WORDS",
    "POSITIVE_VERDICTS",
    "REVIEW_TYPE_PHRASES",
]

#: Numbers written as words, as reviewers write years and visits (``twenty years``).
NUMBER_WORDS: dict[str, int] = {
    **{
        w: n
        for n, w in enumerate(
            [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
                "twenty",
            ]
        )
    },
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
}
#: A count: digits or a number word, ``twenty-five`` and ``twenty five`` included.
NUMBER = (
    r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty)(?:[\s-](?:one|two|three|four|five|six|seven"
    r"|eight|nine))?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
)

#: ``(review type, pattern)``: the phrases that say when the review looks at the service. A
#: bare ``prospective`` is not enough (a ``prospective study`` is cited in analyses).
REVIEW_TYPE_PHRASES: tuple[tuple[str, str], ...] = (
    ("prospective", r"prospective\s+(?:\w+\s+){0,2}?(?:review|request|dispute|decision)"),
    ("prospective", r"pre-?\s?authori[sz]ation|prior\s+authori[sz]ation|pre-?\s?certification"),
    ("retrospective", r"retrospective\s+(?:\w+\s+){0,2}?(?:review|request|dispute|decision)"),
    ("retrospective", r"retro\s+review|services?\s+(?:already\s+)?(?:rendered|provided)\s+on"),
    ("concurrent", r"concurrent\s+(?:\w+\s+){0,2}?(?:review|request|dispute|decision)"),
    ("concurrent", r"continued\s+stay\s+review"),
    ("prospective", r"(?:review|request)\s+type\s*:?\s*prospective"),
    ("retrospective", r"(?:review|request)\s+type\s*:?\s*retrospective"),
    ("concurrent", r"(?:review|request)\s+type\s*:?\s*concurrent"),
)

#: ``(coverage, weight, pattern)``: the words that tell who pays. A letter's coverage is the
#: side whose distinct phrases weigh :data:`MIN_COVERAGE_WEIGHT` or more while the other side
#: weighs nothing; the screening-criteria checklist (which names the DWC in every letter) is
#: not read.
COVERAGE_EVIDENCE: tuple[tuple[str, int, str], ...] = (
    ("workers_compensation", 2, r"workers['’]?\s*comp(?:ensation)?\b"),
    ("workers_compensation", 2, r"injured\s+(?:worker|employee)"),
    ("workers_compensation", 2, r"compensable\s+injury|compensable\s+body\s+part"),
    ("workers_compensation", 2, r"(?-i:DWC|TWCC)\b|division\s+of\s+workers"),
    ("workers_compensation", 2, r"texas\s+labor\s+code|labor\s+code\s+§?\s*4\d\d"),
    ("workers_compensation", 1, r"(?:insurance\s+)?carrier\b"),
    ("workers_compensation", 1, r"claimant\b"),
    (
        "workers_compensation",
        1,
        r"date\s+of\s+injury|work[-\s]related\s+injury|injured\s+at\s+work",
    ),
    ("health_plan", 2, r"health\s+(?:benefit\s+)?plan\b|health\s+insurance\b"),
    ("health_plan", 2, r"(?-i:HMO|PPO|EPO|ERISA)\b"),
    ("health_plan", 2, r"enrollee\b|plan\s+member\b|insured\s+member\b"),
    ("health_plan", 2, r"texas\s+insurance\s+code|insurance\s+code\s+(?:chapter\s+)?4201"),
    ("health_plan", 1, r"benefit\s+company|health\s+insurer|the\s+insurer\b|member['’]s\s+plan"),
)
#: The weight a side's evidence needs before the letter's coverage is named.
MIN_COVERAGE_WEIGHT = 2

#: Ordinal words that point at a service by its place in the list (``the second service``).
ORDINALS: dict[str, int] = {
    "first": 0,
    "1st": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "fourth": 3,
    "4th": 3,
    "fifth": 4,
    "5th": 4,
    "last": -1,
    "former": 0,
    "latter": -1,
}

#: Words of a clause that say a service is needed (its denial is overturned).
POSITIVE_VERDICTS = (
    r"medically\s+necessary|medically\s+reasonable|reasonable(?:\s+and\s+necessary)?|necessary"
    r"|supported|support|supports|approved|certified|authori[sz]ed|warranted|indicated"
    r"|appropriate|justified|overturned|disagree"
)
#: Words of a clause that say a service is not needed (its denial is upheld); a positive
#: verdict after a negation (``not``, ``no longer``) counts as these.
NEGATIVE_VERDICTS = (
    r"not\s+(?:\w+\s+)?(?:medically\s+necessary|medically\s+reasonable|reasonable|necessary"
    r"|supported|support|approved|certified|authori[sz]ed|warranted|indicated|appropriate"
    r"|justified)|non-?\s?certified|unnecessary|unwarranted|denied|upheld"
    r"|agree(?!\s+in\s+part)|does\s+not\s+support|do\s+not\s+support"
)
#: The outcome words of a services table's cell: ``Upheld``, ``Overturned``, ``Approved``...
OUTCOME_WORDS: tuple[tuple[str, str], ...] = (
    ("upheld", r"upheld|uphold|agree|denied|deny|non-?\s?certified|not\s+(?:approved|certified)"),
    ("overturned", r"overturned?|overturn|disagree|approved?|certified|authori[sz]ed"),
)
