"""A hyphen at a line's end: the typesetter's (one word) or the word's own (a compound)."""

from __future__ import annotations

import pytest

from iroparse._pipeline.hyphens import Vocabulary, soft_hyphen

SPLIT_WORDS = [
    ("visual acui-", "ty of 20/25"),
    # (split past a closed prefix: ``sub`` + ``acute``)
    ("for acute, suba-", "cute or chronic pain"),
    ("radiation down the pos-", "terior left leg"),
    ("The rec-", "ords describe"),
    ("strong predic-", "tors of a poor outcome"),
    ("triceps strength and re-", "flexes were normal"),
    ("rotator cuff tendini-", "tis and impingement"),
    ("chronic lumbar radicu-", "lopathy"),
    ("total hip arthro-", "plasty"),
    ("goals that are reason-", "able"),
    ("a whoosh-", "ing noise"),
    # closed compounds of two common words
    ("is appropriate. How-", "ever, the guidelines"),
    ("he under-", "went a fusion"),
    ("pain in the left fore-", "arm"),
    ("consistent with the guide-", "line"),
    ("bi-", "lateral facet injections"),
    # a syllable of three letters, a combining form
    ("treated with lis-", "inopril"),
    ("because of hepato-", "toxicity"),
    ("He takes hydro-", "codone 7.5 mg"),
    ("She has spastic para-", "paresis"),
    ("periventricular, juxta-", "cortical lesions"),
    ("imaging and/or electrodiagnos-", "tic testing"),
    ("a tear with minimal re-", "traction"),
    ("No electrodi-", "agnostic testing has been performed"),
    ("after the re-", "section of the distal clavicle"),
    # a rare short word before a piece that is no word: a syllable
    ("with moderate left fora-", "minal narrowing"),
    ("blood drawn from the ante-", "cubital vein"),
    # a common word's inflection after a prefix (``interview``)
    ("and the inter-", "viewer noted poor sleep"),
    ("was re-", "turning to work"),
    # a combining form the word list takes for a word
    ("because a psycho-", "social screen had not been done"),
    ("a lumbar radio-", "frequency ablation"),
    ("a right L5-S1 trans-", "foraminal epidural steroid injection"),
    # medical prefixes closed up before a root the word list lacks
    ("edema of the sub-", "chondral bone"),
    ("no contra-", "indication to surgery"),
    ("an inter-", "laminar approach"),
    ("with hypo-", "esthesia of the foot"),
    ("the tear is re-", "pairable"),
]
COMPOUNDS = [
    ("a two-", "level fusion"),
    ("an ultrasound-", "guided injection"),
    ("a positive straight-", "leg raise"),
    ("at her follow-", "up visit"),
    ("continued non-", "operative care"),
    ("an intra-", "articular injection"),
    ("an inter-", "rater agreement"),
    ("sent by e-", "mail"),
    ("a work-", "up was done"),
    ("a pre-", "existing condition"),
    ("will re-", "evaluate in six weeks"),
    ("a disc-", "osteophyte complex"),
    ("a fluoroscopically-", "guided injection"),
    ("a self-", "employed welder"),
    ("an anti-", "inflammatory"),
    # a name's parts keep theirs, after a prefix that otherwise closes up
    ("the IRO serves the Trans-", "Pecos region"),
]


@pytest.mark.parametrize(("before", "after"), SPLIT_WORDS)
def test_a_word_split_by_the_typesetter_loses_its_hyphen(before: str, after: str) -> None:
    assert soft_hyphen(before, after, Vocabulary(f"{before}\n{after}"))


@pytest.mark.parametrize(("before", "after"), COMPOUNDS)
def test_a_compound_keeps_its_hyphen(before: str, after: str) -> None:
    assert not soft_hyphen(before, after, Vocabulary(f"{before}\n{after}"))


def test_the_letter_s_own_spelling_decides_first() -> None:
    # ``arthro-plasty`` is one word by the word list; the letter writes it hyphenated elsewhere
    text = "the arthro-plasty was done\nrevision arthro-\nplasty"
    assert not soft_hyphen("revision arthro-", "plasty", Vocabulary(text))
    # ``ultrasound-guided`` is a compound by the list; the letter writes it as one word
    text = "an ultrasoundguided block\nan ultrasound-\nguided block"
    assert soft_hyphen("an ultrasound-", "guided block", Vocabulary(text))
