"""Robustness: no input makes parse raise anything but IroParseError, hang, or take more than
linear time."""

from __future__ import annotations

import contextlib
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iroparse
from iroparse.testing import MUTATIONS, hostile_inputs, letters, mutate, mutations

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
LAYOUTS = [layout.name for layout in iroparse.layouts()]


def _parse(data: str | bytes) -> None:
    with contextlib.suppress(iroparse.IroParseError):
        iroparse.parse(data)


@SETTINGS
@given(st.text())
def test_any_text_parses_or_raises_iro_parse_error(text: str) -> None:
    _parse(text)


@SETTINGS
@given(st.binary())
def test_any_bytes_parse_or_raise_iro_parse_error(data: bytes) -> None:
    _parse(data)


@pytest.mark.parametrize("name", LAYOUTS)
@settings(SETTINGS, max_examples=25)
@given(data=st.data())
def test_mutated_letters_never_crash_nor_hang(name: str, data: st.DataObject) -> None:
    text, _ = data.draw(letters(layout=name))
    mutated = data.draw(mutations(text))
    begin = time.perf_counter()
    _parse(mutated)
    assert time.perf_counter() - begin < 2.0


def test_every_mutation_changes_a_letter() -> None:
    text = (Path(__file__).parent.parent / "examples/letters/bracket_sample.txt").read_text()
    for name in MUTATIONS:
        changed = {mutate(text, name, random.Random(seed)) != text for seed in range(20)}
        assert True in changed, name
    with pytest.raises(ValueError, match="unknown mutation"):
        mutate(text, "shuffle", random.Random(0))


def _per_kb(text: str) -> float:
    begin = time.perf_counter()
    _parse(text)
    return (time.perf_counter() - begin) / (len(text) / 1000)


#: The sizes the linear-time test compares: ten times the text must cost at most twice the time
#: per KB (``benchmarks/run.py --only hostile`` compares 100 KB with 1 MB).
SMALL, LARGE = 20_000, 200_000


@pytest.mark.parametrize("name", sorted(hostile_inputs(1000)))
def test_hostile_input_parses_in_linear_time(name: str) -> None:
    small = hostile_inputs(SMALL)[name]
    large = hostile_inputs(LARGE)[name]
    assert len(large) >= LARGE and len(large) >= 9 * len(small)
    _parse(small)  # warm caches
    # the best of three runs of each size, so a busy machine does not fake a growth; and up to
    # three such measurements, since a burst of load can still slow all three large runs
    # (time that truly grows faster than the text grows in every measurement)
    ratios = []
    for _ in range(3):
        small_per_kb = min(_per_kb(small) for _ in range(3))
        large_per_kb = min(_per_kb(large) for _ in range(3))
        ratios.append(large_per_kb / max(small_per_kb, 1e-6))
        if ratios[-1] < 2:
            break
    assert min(ratios) < 2, f"{name}: time per KB grows {ratios}x from 20 KB to 200 KB"
