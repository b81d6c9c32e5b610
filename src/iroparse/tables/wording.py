"""The wording that tells a letter's review type and coverage, a reviewer's years, and a
service's outcome, as tables of patterns (``regex`` syntax, matched at any case).

The review types and coverage are tables of :class:`Phrase` entries: a reader looks for every
phrase (where its hints are in the letter) and weighs what it finds; nothing here is code.
"""

from __future__ import annotations

from attrs import frozen

__all__ = [
    "AGREES_WITH_DENIAL",
    "CHOSEN_ANSWERS",
    "CLOSING_PARAGRAPHS",
    "COMMON_SERVICE_WORDS",
    "COVERAGE_EVIDENCE",
    "MIN_COVERAGE_WEIGHT",
    "NEGATIVE_VERDICTS",
    "NOT_CHOSEN_ANSWERS",
    "NUMBER",
    "NUMBER_WORDS",
    "ORDINALS",
    "OUTCOME_WORDS",
    "POSITIVE_VERDICTS",
    "RECORDS_TABLE_COLUMNS",
    "REVIEW_TYPE_PHRASES",
    "SERVICE_TABLE_COLUMNS",
    "YES_NO_COLUMNS",
    "Phrase",
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
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: A count: digits or a number word, ``twenty-five`` and ``twenty five`` included.
NUMBER = (
    r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven"
    r"|eight|nine))?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
)


@frozen
class Phrase:
    """A phrase that tells a value: its ``regex`` pattern (matched at any case), the value it
    tells, its weight, and ``hints``: lower-case words one of which every match contains. A
    reader tries the pattern only when a hint is in the letter's lower-cased text, so a table
    of phrases costs a few substring tests per letter, not a scan per pattern."""

    value: str
    pattern: str
    hints: tuple[str, ...]
    weight: int = 1


#: The phrases that say when the review looks at the service. A bare ``prospective`` is not
#: enough (a ``prospective study`` is cited in analyses).
REVIEW_TYPE_PHRASES: tuple[Phrase, ...] = (
    Phrase(
        "prospective",
        r"prospective\s+(?:\w+\s+){0,2}?(?:review|request|dispute|decision)",
        ("prospective",),
    ),
    Phrase(
        "prospective",
        r"pre-?\s?authori[sz]ation|prior\s+authori[sz]ation|pre-?\s?certification",
        ("authori", "certification"),
    ),
    Phrase(
        "retrospective",
        r"retrospective\s+(?:\w+\s+){0,2}?(?:review|request|dispute|decision)",
        ("retrospective",),
    ),
    Phrase(
        "retrospective",
        r"retro\s+review|services?\s+(?:already\s+)?(?:rendered|provided)\s+on",
        ("retro", "rendered", "provided"),
    ),
    Phrase(
        "concurrent",
        r"concurrent\s+(?:\w+\s+){0,2}?(?:review|request|dispute|decision)",
        ("concurrent",),
    ),
    Phrase("concurrent", r"continued\s+stay\s+review", ("stay",)),
    Phrase("prospective", r"(?:review|request)\s+type\s*:?\s*prospective", ("prospective",)),
    Phrase("retrospective", r"(?:review|request)\s+type\s*:?\s*retrospective", ("retrospective",)),
    Phrase("concurrent", r"(?:review|request)\s+type\s*:?\s*concurrent", ("concurrent",)),
)

#: The words that tell who pays, with their weights. A letter's coverage is the side whose
#: distinct phrases weigh :data:`MIN_COVERAGE_WEIGHT` or more; strong phrases of both sides
#: leave it unknown. The screening-criteria checklist (which names the DWC in every letter) is
#: not read.
COVERAGE_EVIDENCE: tuple[Phrase, ...] = (
    Phrase("workers_compensation", r"workers['’]?\s*comp(?:ensation)?\b", ("worker",), 2),
    Phrase("workers_compensation", r"injured\s+(?:worker|employee)", ("injured",), 2),
    Phrase(
        "workers_compensation",
        r"compensable\s+injury|compensable\s+body\s+part",
        ("compensable",),
        2,
    ),
    Phrase(
        "workers_compensation",
        r"(?-i:DWC|TWCC)\b|division\s+of\s+workers",
        ("dwc", "twcc", "division"),
        2,
    ),
    Phrase(
        "workers_compensation", r"texas\s+labor\s+code|labor\s+code\s+§?\s*4\d\d", ("labor",), 2
    ),
    Phrase("workers_compensation", r"(?:insurance\s+)?carrier\b", ("carrier",)),
    Phrase("workers_compensation", r"claimant\b", ("claimant",)),
    Phrase(
        "workers_compensation",
        r"date\s+of\s+injury|work[-\s]related\s+injury|injured\s+(?:at|on\s+the)\s+(?:work|job)",
        ("injury", "injured"),
    ),
    Phrase(
        "health_plan",
        r"health\s+(?:benefit\s+)?plan\b|health\s+insurance\b",
        ("health",),
        2,
    ),
    Phrase("health_plan", r"(?-i:HMO|PPO|EPO|ERISA)\b", ("hmo", "ppo", "epo", "erisa"), 2),
    Phrase(
        "health_plan",
        r"enrollee\b|plan\s+member\b|insured\s+member\b",
        ("enrollee", "member"),
        2,
    ),
    Phrase(
        "health_plan",
        r"texas\s+insurance\s+code|insurance\s+code\s+(?:chapter\s+)?4201",
        ("insurance code",),
        2,
    ),
    Phrase(
        "health_plan",
        r"benefit\s+company|health\s+insurer|the\s+insurer\b|member['’]s\s+plan",
        ("benefit", "insurer", "member"),
    ),
)
#: The weight a side's evidence needs before the letter's coverage is named.
MIN_COVERAGE_WEIGHT = 2

#: Words of a service's text too common to tell one service from another (a clause names a
#: service by the words of its own, those no other service's text has).
COMMON_SERVICE_WORDS = frozenset(
    (  # noqa: SIM905 (a word list reads best as words)
        "with without that this from under over into requested request service services code "
        "codes right left bilateral outpatient inpatient units unit visits visit sessions "
        "session times week weeks each level levels additional procedure procedures"
    ).split()
)

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

#: A column asking whether the reviewer agrees with the denial: a Yes there upholds it.
AGREES_WITH_DENIAL = r"(?:reviewer\s+)?agrees?\s+with\s+(?:the\s+)?denial"

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
#: The column headings of a services section written as a table, by what the column holds:
#: the service's own words, its codes, its units, the decision on it.
SERVICE_TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    (
        "text",
        # (after the kind of service it is: ``Level of Care / Service``)
        r"(?:(?:[\w ]{1,20}/\s*)?(?:requested\s+|disputed\s+)?"
        r"(?:services?|procedures?|treatments?|items?)"
        r"(?:\s+(?:requested|in\s+dispute|description))?"
        r"|(?:(?:cpt|hcpcs)(?:\s*/\s*hcpcs)?\s+codes?\s+(?:and|&)\s+)?description"
        r"(?:\s+of\s+(?:the\s+)?(?:services?|items?|procedures?|treatments?))?"
        r"|(?:requested\s+|disputed\s+)?(?:medications?|drugs?|equipment|devices?)"
        r"(?:\s+requested)?)"
        # what the cell holds, in brackets: ``Service (CPT Code and Description)``
        r"(?:\s*\([^()]{1,40}\))?",
    ),
    (
        "code",
        r"(?:cpt|hcpcs|cpt\s*/\s*hcpcs|hcpcs\s*/\s*cpt|procedure)(?:\s+codes?(?:\s*\(s\))?)?"
        r"|codes?(?:\s*\(s\))?",
    ),
    (
        "units",
        r"(?:units?|qty\.?|quantity|visits|sessions|days|number|#|requested)"
        r"(?:\s*/\s*(?:visits|sessions|days|weeks|months|refills))?"
        r"(?:\s+(?:requested|approved|denied|in\s+dispute))?"
        # what a unit is, in brackets: ``Units (15 min)``
        r"(?:\s*\([^()]{1,20}\))?",
    ),
    # columns no field reads, named so that the header is still known as one
    ("dates", r"dates?(?:\s*\(s\))?(?:\s+of\s+service)?|dos|service\s+dates?"),
    (
        "setting",
        r"setting|place\s+of\s+service|pos|level\s+of\s+care|levels?|frequency|duration",
    ),
    ("modifier", r"modifiers?|mod\.?"),
    # what was billed, in a fee dispute's table: ``Billed``, ``Amount Billed``, ``Charges``
    ("charges", r"(?:amount\s+)?billed(?:\s+amount)?|charges?|fees?|amount\s+in\s+dispute"),
    # a drug's strength and how it is taken: ``Strength``, ``Dose``, ``Sig``
    ("dose", r"strength|dos(?:e|age)|sig|directions"),
    ("row", r"no\.|line|req\.|request\s+no\.?"),
    # a Yes/No column whose Yes upholds the denial (``Reviewer Agrees with Denial?``); the
    # services' outcomes read its cells
    ("agrees", AGREES_WITH_DENIAL + r"\??"),
    # a column for each verdict, a mark under the one that applies: ``Upheld   Overturned``
    ("upheld", r"upheld|denial\s+upheld"),
    ("overturned", r"overturned|denial\s+overturned"),
    (
        "outcome",
        # whose decision it is before it: ``IRO Decision``, ``Health plan decision``
        r"(?:\p{L}+\s+){0,2}(?:decision|outcome|determination|ruling)|upheld\s*/\s*overturned"
        r"|medically\s+necessary\??",
    ),
)
#: The column headings of a records list written as a table (``Document      Date``,
#: ``Records Received      Date(s)``): a row of two cells or more, each one of these, is the
#: table's header, no record.
RECORDS_TABLE_COLUMNS = (
    r"(?:medical\s+)?(?:documents?|records?)"
    r"(?:\s+(?:received|reviewed|provided|type|dates?|descriptions?))?"
    # who wrote it: ``Author``, ``Author / Source``, ``Provider / Source``, ``Received From``
    r"|(?:author|provider)(?:\s*/\s*source)?|source\s*/\s*(?:author|provider)|received\s+from"
    # (who sent it: ``Submitted by``, ``Sent By``, ``Provided by``)
    r"|(?:submitted|sent|provided)\s+by"
    r"|(?:type|dates?)\s+of\s+(?:documents?|records?|service)"
    # (a date range's columns: ``From      To``)
    r"|dated|dates?(?:\s*\(s\))?(?:\s+received)?|description|source|from|to|through"
    r"|provider|pages?|type|received"
    # the pages' Bates numbers: ``Bates Range``, ``Bates No.``
    r"|bates(?:\s+(?:range|nos?\.?|numbers?|pages?))?"
    # a column numbering the rows: ``No.``, ``#``, ``Item``
    r"|no\.?|\#|item(?:\s+no\.?)?"
)
#: The outcome words of a services table's cell: ``Upheld``, ``Overturned``, ``Approved``...
OUTCOME_WORDS: tuple[tuple[str, str], ...] = (
    ("upheld", r"upheld|uphold|agree|denied|deny|non-?\s?certified|not\s+(?:approved|certified)"),
    ("overturned", r"overturned?|overturn|disagree|approved?|certified|authori[sz]ed"),
)

#: A checklist's column header of answers: ``YES     NO`` (or ``NO   YES``, ``Y   N``).
YES_NO_COLUMNS = r"(?P<first>yes|y)\s{2,}(?P<second>no|n)|(?P<second>no|n)\s{2,}(?P<first>yes|y)"

#: A checklist row's answer written as a word in a column after its label, the chosen row's
#: (``Partially Overturned ...      Selected``) ...
CHOSEN_ANSWERS = r"selected|chosen|checked|marked|applies|applied|used|relied\s+upon"
#: ... and the other rows' (``Upheld (Agree)      —``, ``Not selected``, ``N/A``).
NOT_CHOSEN_ANSWERS = r"[—–-]{1,3}|n/?a|not\s+(?:selected|chosen|checked|marked|applied|used)"

#: Who states the review's independence: ``the reviewer``, ``the physician reviewer``, ``the
#: reviewing physician``.
_THE_REVIEWER = r"the\s+(?:(?:physician\s+)?reviewer|reviewing\s+(?:physician|doctor|provider))"
#: The openings of the paragraphs that close a letter without a heading of their own: the
#: reviewer's statement of independence, the decision's legal force, the appeal rights, the
#: certificate of service. Such a paragraph ends the section it follows (the analysis, the
#: qualifications), as a ``YOUR RIGHT TO APPEAL`` heading would.
CLOSING_PARAGRAPHS: tuple[str, ...] = (
    rf"{_THE_REVIEWER}\s+(?:has\s+)?"
    # (``... has signed a statement certifying that no known conflicts of interest exist``)
    r"(?:certifie[sd]|attest(?:s|ed)|signed\s+an?\s+(?:certification|statement|attestation))"
    r"[^.]{0,60}\bconflicts?\s+of\s+interest",
    # ``The reviewer has no known conflicts of interest with any party to this dispute.``;
    # an item of the list saying so (``No known conflicts of interest with any party``)
    rf"(?:(?:{_THE_REVIEWER}\s+(?:has|had|reports?)|there\s+(?:is|are|was|were))"
    r"\s+)?no\s+(?:known\s+)?conflicts?\s+of\s+interest",
    r"(?:under\s+[^,]{1,60},\s+)?(?:this|the)\s+(?:decision|determination)"
    # by the IRO, in its words or by its name (``This decision by GCIR is deemed ...``)
    r"(?:\s+(?:by|of)\s+(?:the\s+)?(?:IRO|independent\s+review\s+organization"
    r"|\w[\w&.-]{0,30}(?:\s+\w[\w&.-]{0,30}){0,4}))?"
    r"\s+is\s+(?:deemed|binding)",
    r"(?:I|we)\s+(?:hereby\s+)?certify\s+that\b[^.]{0,80}\b(?:copy|copies|sent|mailed|faxed)",
    r"a\s+copy\s+of\s+this\s+(?:notice|decision|letter)\s+(?:has\s+been|was|is\s+being)",
    r"(?:you|either\s+party|the\s+(?:carrier|patient|enrollee))\s+(?:have|has|may)"
    r"\s+(?:the\s+|a\s+)?right\s+to\s+(?:appeal|request\s+a\s+hearing|seek)",
)
