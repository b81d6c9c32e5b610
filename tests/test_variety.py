"""The independent variety generator (``tests/variety``) and the parser's accuracy on it.

The figures are ratchets: the floor below is a little under what the parser measures today
(``make accuracy`` prints the full report at 2,000 letters); raise it when the parser improves,
never lower it to let a regression through.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest
from tests.variety.compose import CLASSES, LAYOUTS, Letter, compose, letters
from tests.variety.research import RESEARCH_FIELDS, actual_research
from tests.variety.score import FIELDS, compare, warned

import iroparse

COUNT = 400
SEED = 3
#: Letters entirely right at COUNT letters of SEED must not fall below this.
LETTERS_RIGHT_FLOOR = 0.97
#: Letters whose research fields (schema version 2) are all right, the same way.
RESEARCH_RIGHT_FLOOR = 0.98


@pytest.fixture(scope="module")
def sample() -> list[Letter]:
    return letters(COUNT, SEED)


@pytest.fixture(scope="module")
def scored(sample: list[Letter]) -> list[tuple[Letter, dict[str, object], dict[str, object]]]:
    out = []
    for letter in sample:
        record = iroparse.to_dict(iroparse.parse(letter.text))
        out.append((letter, record, compare(letter.expected, record)))
    return out


def test_the_generator_is_deterministic_for_a_seed() -> None:
    assert [x.text for x in letters(20, 5)] == [x.text for x in letters(20, 5)]
    assert [x.text for x in letters(20, 5)] != [x.text for x in letters(20, 6)]


def test_every_layout_and_every_variation_class_is_written(sample: list[Letter]) -> None:
    assert {letter.layout for letter in sample} == set(LAYOUTS)
    seen = Counter(name for letter in sample for name in letter.classes)
    assert set(seen) == set(CLASSES)


def test_an_expected_record_names_every_scored_field_and_its_text_is_in_the_letter() -> None:
    rng = random.Random(1)
    for _ in range(50):
        letter = compose(rng)
        assert set(FIELDS) <= set(letter.expected)
        folded = " ".join(letter.text.split())
        if letter.expected["case_number"] is not None:
            assert letter.expected["case_number"] in folded
        for word in (letter.expected["analysis"] or "").split()[:3]:
            assert word in folded


def test_no_outcome_is_wrong_without_a_diagnostic(scored: list[tuple]) -> None:
    silent = [
        letter.text[:300]
        for letter, record, result in scored
        if not result["outcome"][0] and not warned(record)
    ]
    assert silent == []


def test_outcomes_are_right_on_nearly_every_letter(scored: list[tuple]) -> None:
    right = sum(result["outcome"][0] for _, _, result in scored)
    assert right / len(scored) >= 0.99


def test_letters_entirely_right_do_not_fall_below_the_floor(scored: list[tuple]) -> None:
    right = sum(all(ok for ok, _ in result.values()) for _, _, result in scored)
    assert right / len(scored) >= LETTERS_RIGHT_FLOOR, f"{right}/{len(scored)}"


def test_research_fields_are_right_on_nearly_every_letter(scored: list[tuple]) -> None:
    """Specialties, certification, years, each service's category and outcome, the notice
    date and the IRO, against the values the generator wrote by hand."""
    wrong = [
        (letter.classes, name, actual_research(record)[name], letter.research[name])
        for letter, record, _ in scored
        for name in RESEARCH_FIELDS
        if actual_research(record)[name] != letter.research[name]
    ]
    letters_wrong = len({id(w[0]) for w in wrong})
    assert 1 - letters_wrong / len(scored) >= RESEARCH_RIGHT_FLOOR, wrong[:5]
