"""The record as TypedDicts: ``iroparse.record`` is what the record's shape gives today, every
record ``to_dict`` writes has exactly its keys, and a user's type checker catches a wrong key."""

from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path

import iroparse
from iroparse import record
from iroparse._write_record_types import TARGET, record_types_source

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "letters" / "bracket_sample.txt"


def test_the_module_is_what_the_shape_writes_today() -> None:
    assert TARGET.read_text(encoding="utf-8") == record_types_source(), (
        "the record's shape changed: run python -m iroparse._write_record_types"
    )


def _check(value: object, hint: object) -> None:
    """``value`` has exactly the keys ``hint`` (a TypedDict) declares, all the way down."""
    if typing.is_typeddict(hint):
        assert isinstance(value, dict)
        hints = typing.get_type_hints(hint)
        assert set(value) == set(hints), (hint, set(value) ^ set(hints))
        for key, inner in hints.items():
            _check(value[key], inner)
    elif typing.get_origin(hint) is list:
        assert isinstance(value, list)
        for item in value:
            _check(item, typing.get_args(hint)[0])
    else:
        for option in typing.get_args(hint):
            if typing.is_typeddict(option) and isinstance(value, dict):
                _check(value, option)


def test_a_record_has_exactly_the_keys_of_its_typed_dicts() -> None:
    decision = iroparse.parse_file(SAMPLE)
    assert decision.services and decision.criteria and decision.diagnostics
    _check(iroparse.to_dict(decision), record.DecisionRecord)


def test_a_type_checker_knows_the_records_keys(tmp_path: Path) -> None:
    user = tmp_path / "user_code.py"
    user.write_text(
        "import iroparse\n"
        "record = iroparse.to_dict(iroparse.parse('...'))\n"
        "outcome: str = record['outcome']\n"
        "sex: str | None = record['patient']['sex']\n"
        "wrong = record['outcom']\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(user)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert '"DecisionRecord" has no key "outcom"' in errors[0]
