"""``strict=True`` refuses a letter whose contract fields were guessed, not only one with errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import iroparse
from iroparse.diagnostics import CODES, is_strict_failure
from iroparse.model import Diagnostic, Severity

LETTERS = Path(__file__).resolve().parents[1] / "examples" / "letters"


def test_unknown_layout_with_a_narrative_outcome_is_refused() -> None:
    text = (LETTERS / "unknown-marks_sample.txt").read_text(encoding="utf-8")
    relaxed = iroparse.parse(text)
    codes = {d.code for d in relaxed.diagnostics}
    assert relaxed.layout == "unknown"
    assert codes & {"layout-unknown", "outcome-from-narrative"}
    with pytest.raises(iroparse.StrictModeError) as raised:
        iroparse.parse(text, strict=True)
    assert {d.code for d in raised.value.diagnostics} & {"layout-unknown", "outcome-from-narrative"}


@pytest.mark.parametrize(
    "name", sorted(p.name for p in LETTERS.glob("*.txt") if not p.name.startswith("unknown"))
)
def test_letters_read_from_their_boxes_pass_strict(name: str) -> None:
    decision = iroparse.parse((LETTERS / name).read_text(encoding="utf-8"), strict=True)
    assert decision.outcome is not iroparse.Outcome.UNKNOWN


def test_guess_codes_fail_strict_and_plain_warnings_do_not() -> None:
    guesses = {code for code, entry in CODES.items() if entry.guess}
    assert guesses == {"layout-unknown", "outcome-from-narrative", "outcome-missing"}
    for code, entry in CODES.items():
        note = Diagnostic(entry.severity, code, "m")
        assert is_strict_failure(note) == (entry.guess or entry.severity is Severity.ERROR)
