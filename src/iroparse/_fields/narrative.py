"""What the analysis narrative says about the outcome, to cross-check the checked box or to
stand in for it when no box is checked.

The table is ordered: the first pattern found in the narrative decides. Explicit statements
(``I agree with the ... decision to deny``, ``I disagree``) come before medical-necessity
wording (``not medically necessary`` / ``medically necessary``).
"""

from __future__ import annotations

import regex

from iroparse.model import Outcome

_SENTENCE = r"[^.!?]{0,160}?"

#: (pattern, outcome) pairs, tried in order against the analysis text.
NARRATIVE_OUTCOMES: tuple[tuple[regex.Pattern[str], Outcome], ...] = tuple(
    (regex.compile(pattern, regex.IGNORECASE), outcome)
    for pattern, outcome in (
        (
            r"\b(?:(?:dis)?agrees?|uphold|upheld|overturned|reversed|affirmed)\s+in\s+part\b"
            r"|\bpartially\s+(?:overturn|uphold|agree|revers)",
            Outcome.PARTIALLY_OVERTURNED,
        ),
        (
            r"\b(?:I|reviewer)\s+(?:do(?:es)?\s+not|don't|doesn't|cannot|can\s*not)\s+agree\b"
            r"|\b(?:I|reviewer)\s+disagrees?\b",
            Outcome.OVERTURNED,
        ),
        (
            # (``is reversed``, ``should be reversed``, ``that the denial be reversed``)
            rf"\b(?:denial|decision|determination)\b{_SENTENCE}\b(?:is|(?:should\s+)?be)\s+"
            r"(?:overturned|reversed)\b",
            Outcome.OVERTURNED,
        ),
        (
            rf"\b(?:I|reviewer)\s+(?:agrees?|concurs?)\b{_SENTENCE}"
            r"\b(?:den(?:y|ial|ied)|adverse|non-?certif|not\s+medically)",
            Outcome.UPHELD,
        ),
        (
            rf"\b(?:denial|decision|determination)\b{_SENTENCE}\b(?:is|(?:should\s+)?be)\s+"
            r"(?:upheld|affirmed|sustained)\b"
            r"|\b(?:I|reviewer|IRO)\s+(?:upholds?|affirms?)\s+the\s+(?:denial|adverse|previous)",
            Outcome.UPHELD,
        ),
        (
            rf"\b(?:request|service|procedure|treatment)s?\b{_SENTENCE}\b(?:is|are|was|were)\s+"
            r"not\s+(?:certified|approved|authori[sz]ed)\b",
            Outcome.UPHELD,
        ),
        (
            r"\b(?:is|are|was|were)\s+not\s+(?:medically\s+)?(?:necessary|reasonable|indicated|supported)",
            Outcome.UPHELD,
        ),
        (r"\bnot\s+medically\s+necessary\b|\bno\s+medical\s+necessity\b", Outcome.UPHELD),
        (
            r"\bmedical\s+necessity\s+(?:is|has|was)\s+not\s+(?:been\s+)?(?:established|"
            r"demonstrated|supported)",
            Outcome.UPHELD,
        ),
        (
            r"\bmedical\s+necessity\s+(?:is|has\s+been|was)\s+(?:established|demonstrated)",
            Outcome.OVERTURNED,
        ),
        (
            r"\b(?:is|are)\s+(?:medically\s+)?(?:necessary|reasonable\s+and\s+necessary|indicated)\b",
            Outcome.OVERTURNED,
        ),
    )
)


_FINDS = (
    r"\b(?:(?:the\s+)?reviewer|IRO|I|we)\s+(?:finds?|found|determined?|conclude[sd]?|"
    r"(?:has|have)\s+determined)\b|\bit\s+is\s+(?:determined|the\s+(?:determination|decision|"
    r"opinion)\s+of)\b"
)
_NECESSARY = r"(?:medically\s+)?(?:necessary|indicated|reasonable\s+and\s+necessary)"
#: The reviewer as a sentence's subject: ``I``, ``The reviewer``, ``This reviewer``; or left
#: out after ``and`` (``The reviewer disagrees with the denial of ... and agrees with the
#: denial of ...``).
_REVIEWER_SAYS = r"(?:\b(?:I|we|reviewer|IRO)|(?<=\b(?:dis)?agrees?\b.{1,160}?)\band)\s+"
#: The earlier decision the reviewer agrees or disagrees with.
_EARLIER = (
    r"(?:(?:the\s+)?(?:(?:previous|prior|initial|original|carrier['’]s|insurer['’]s|plan['’]s"
    r"|HMO['’]s|health\s+plan['’]s|insurance\s+carrier['’]s)\s+)*"
    r"(?:adverse\s+determination|determination|denials?|decision|non-?certification)"
    # or the party that denied: ``I agree with the insurance carrier that ...``
    r"|(?:the\s+)?(?:insurance\s+)?(?:carrier|insurer|health\s+plan|HMO|utilization\s+review"
    r"\s+agent))"
)

#: Decision sentences, tried in order against text outside the analysis (the REVIEW OUTCOME
#: section when its boxes cannot be read, an older letter's decision paragraph). Narrower than
#: :data:`NARRATIVE_OUTCOMES`: a checklist label (``Agree in part``) or a quoted earlier denial
#: must not read as the decision.
DECISION_SENTENCES: tuple[tuple[regex.Pattern[str], Outcome], ...] = tuple(
    (regex.compile(pattern, regex.IGNORECASE), outcome)
    for pattern, outcome in (
        (
            rf"(?:{_FINDS}){_SENTENCE}\b(?:is|are|should\s+be)\s+(?:partially|in\s+part)\s+"
            r"(?:overturned|medically\s+necessary)"
            # ``the previous adverse determination should be partially overturned``
            rf"|\b(?:denial|adverse\s+determination|decision){_SENTENCE}\b(?:is|are|should\s+be)"
            r"\s+(?:partially|in\s+part)\s+overturned\b"
            rf"|{_REVIEWER_SAYS}(?:(?:dis)?agrees?\s+in\s+part|partially\s+(?:dis)?agrees?)\b"
            # ``The request is approved in part.``
            r"|\b(?:request|service|treatment|procedure)s?\s+(?:is|are)\s+(?:approved|authori[sz]ed"
            r"|certified)\s+in\s+part\b"
            # ``the carrier's adverse determination is reversed in part and affirmed in part``
            rf"|\b(?:denial|determination|decision){_SENTENCE}\b(?:is|are|should\s+be)\s+"
            r"(?:reversed|overturned|affirmed|upheld|sustained)\s+in\s+part\b",
            Outcome.PARTIALLY_OVERTURNED,
        ),
        # ``The carrier's denial is partially upheld``
        (
            rf"\b(?:denial|adverse\s+determination|decision){_SENTENCE}\b(?:is|are|should\s+be)"
            r"\s+(?:partially\s+upheld|upheld\s+in\s+part)\b",
            Outcome.PARTIALLY_OVERTURNED,
        ),
        # ``The reviewer disagrees with the previous adverse determination``
        (
            rf"{_REVIEWER_SAYS}(?:disagrees?|(?:does|do|did)\s+not\s+agree|doesn't\s+agree)"
            rf"\s+with\s+{_EARLIER}",
            Outcome.OVERTURNED,
        ),
        (rf"{_REVIEWER_SAYS}(?:agrees?|concurs?)\s+with\s+{_EARLIER}", Outcome.UPHELD),
        # ``We sustain the carrier's denial``
        (rf"{_REVIEWER_SAYS}(?:sustains?|upholds?|affirms?)\s+{_EARLIER}", Outcome.UPHELD),
        # ``The health plan's denial is reversed``; ``the requested tonsillectomy should be
        # approved``
        (
            rf"\b(?:denial|adverse\s+determination){_SENTENCE}\b(?:is|are|should\s+be)\s+reversed\b"
            r"|\b(?:request(?:ed)?|service|procedure|treatment|surgery)\b[^.!?]{0,80}?"
            r"\bshould\s+be\s+(?:approved|authori[sz]ed|covered|certified)\b",
            Outcome.OVERTURNED,
        ),
        (rf"(?:{_FINDS}){_SENTENCE}\b(?:is|are|was|were)\s+not\s+{_NECESSARY}", Outcome.UPHELD),
        (rf"(?:{_FINDS}){_SENTENCE}\b(?:is|are|was|were)\s+{_NECESSARY}", Outcome.OVERTURNED),
        (
            rf"\b(?:denial|adverse\s+determination|decision){_SENTENCE}\b(?:is|are|should\s+be)"
            r"\s+(?:upheld|affirmed|sustained)\b",
            Outcome.UPHELD,
        ),
        (
            rf"\b(?:denial|adverse\s+determination|decision){_SENTENCE}\b(?:is|are|should\s+be)"
            r"\s+overturned\b",
            Outcome.OVERTURNED,
        ),
    )
)


def decision_sentence(text: str) -> tuple[Outcome, int, int] | None:
    """The outcome a decision sentence of ``text`` states, with its offsets, or ``None``.

    >>> decision_sentence("The reviewer finds that the MRI is not medically necessary.")[0]
    <Outcome.UPHELD: 'upheld'>
    >>> decision_sentence("Partially Overturned (Agree in part/Disagree in part)") is None
    True
    """
    found: dict[Outcome, regex.Match[str]] = {}
    for pattern, outcome in DECISION_SENTENCES:
        match = pattern.search(text)
        if match is not None:
            found.setdefault(outcome, match)
    if not found:
        return None
    # one service's denial overturned and the rest upheld, sentence by sentence: ``The
    # reviewer disagrees with the prior adverse determination regarding the office visits``
    # / ``The reviewer agrees with the prior adverse determination regarding all other
    # services``
    both = found.keys() >= {Outcome.UPHELD, Outcome.OVERTURNED}
    if both and Outcome.PARTIALLY_OVERTURNED not in found:
        return _partly(found[Outcome.UPHELD], found[Outcome.OVERTURNED])
    outcome, match = next(iter(found.items()))
    return outcome, match.start(), match.end()


def _partly(upheld: regex.Match[str], overturned: regex.Match[str]) -> tuple[Outcome, int, int]:
    """Partially overturned, said from the first of the two statements to the last's end."""
    first, last = sorted((upheld, overturned), key=lambda match: match.start())
    return Outcome.PARTIALLY_OVERTURNED, first.start(), last.end()


def narrative_outcome(text: str) -> tuple[Outcome, int, int] | None:
    """The outcome the narrative states, with the offsets of the statement, or ``None``.

    >>> narrative_outcome("Opinion: I agree with the decision to deny the service.")[0]
    <Outcome.UPHELD: 'upheld'>
    >>> narrative_outcome("The requested surgery is medically necessary.")[0]
    <Outcome.OVERTURNED: 'overturned'>
    """
    # one service's denial upheld and another's overturned, each said so: ``the denial of
    # 97153 ... is upheld, and the denial of 97155 and 97156 is overturned``
    overturned, upheld = (_DENIAL_OVERTURNED.search(text), _DENIAL_UPHELD.search(text))
    if overturned is not None and upheld is not None:
        return _partly(upheld, overturned)
    for pattern, outcome in NARRATIVE_OUTCOMES:
        match = pattern.search(text)
        if match is not None:
            return outcome, match.start(), match.end()
    return None


#: A denial said overturned, and one said upheld (the narrative's own wordings).
_DENIAL_OVERTURNED = regex.compile(
    rf"(?i)\bdenial\b{_SENTENCE}\b(?:is|(?:should\s+)?be)\s+(?:overturned|reversed)\b"
)
_DENIAL_UPHELD = regex.compile(
    rf"(?i)\bdenial\b{_SENTENCE}\b(?:is|(?:should\s+)?be)\s+(?:upheld|affirmed|sustained)\b"
)
