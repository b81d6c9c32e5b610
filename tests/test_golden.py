"""Golden letters: every ``tests/letters/**/*.json`` holds the expected fields of one letter.

The letter is the ``.txt`` file of the same name beside the JSON file, or the file its
``letter`` key names (relative to the JSON file), so the samples of ``examples/letters/`` are
checked without being copied. Only the keys the JSON file lists are compared; ``diagnostics``
is the sorted list of diagnostic codes the letter must produce, no more and no less.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import iroparse

LETTERS = Path(__file__).resolve().parent / "letters"
CASES = sorted(LETTERS.rglob("*.json"))


def expected_of(decision: iroparse.Decision) -> dict[str, Any]:
    """The fields a golden file pins, read from a parsed decision."""
    record = iroparse.to_dict(decision)
    return {
        "layout": record["layout"],
        "outcome": record["outcome"],
        "review_date": record["review_date"],
        "case_number": record["case_number"],
        "services": [{"text": s["text"], "cpt_codes": s["cpt_codes"]} for s in record["services"]],
        "reviewer_qualifications": record["reviewer_qualifications"],
        "information_provided": record["information_provided"],
        "clinical_history": record["clinical_history"],
        "analysis": record["analysis"],
        "criteria": [
            {"code": c["code"], "checked": c["checked"], "description": c["description"]}
            for c in record["criteria"]
        ],
        "patient": record["patient"],
        "sections": [s["kind"] for s in record["sections"]],
        "diagnostics": sorted({d["code"] for d in record["diagnostics"]}),
        # schema version 2
        "notice_date": record["notice_date"],
        "iro_name": record["iro_name"],
        "review_type": record["review_type"],
        "coverage": record["coverage"],
        "reviewer": {
            "specialties": [s["name"] for s in record["reviewer"]["specialties"]],
            "board_certified": record["reviewer"]["board_certified"],
            "years_in_practice": record["reviewer"]["years_in_practice"],
        },
        "service_values": [
            {
                "codes": [[c["code"], c["system"]] for c in s["codes"]],
                "units": s["units"],
                "category": s["category"],
                "outcome": s["outcome"],
            }
            for s in record["services"]
        ],
    }


def _letter(case: Path, spec: dict[str, Any]) -> Path:
    return (case.parent / spec.get("letter", case.with_suffix(".txt").name)).resolve()


def test_there_are_golden_letters() -> None:
    assert len(CASES) >= 10
    for case in CASES:
        spec = json.loads(case.read_text(encoding="utf-8"))
        assert _letter(case, spec).is_file(), case


@pytest.mark.parametrize("case", CASES, ids=lambda p: str(p.relative_to(LETTERS)))
def test_golden_letter(case: Path) -> None:
    spec = json.loads(case.read_text(encoding="utf-8"))
    decision = iroparse.parse_file(_letter(case, spec))
    got = expected_of(decision)
    for key, value in spec.items():
        if key != "letter":
            assert got[key] == value, key
