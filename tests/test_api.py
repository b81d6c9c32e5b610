"""The public API: names, errors and their messages, strict mode, bytes input, the record."""

from __future__ import annotations

import datetime
from pathlib import Path

import attrs
import pytest

import iroparse

GOLDEN = Path(__file__).parent / "golden"
BRACKET = (GOLDEN / "004_4475ce78ad411086.txt").read_text(encoding="utf-8")
TRAILING = (GOLDEN / "000_65013c76c88f94b8.txt").read_text(encoding="utf-8")

PUBLIC = {
    "parse",
    "parse_file",
    "parse_many",
    "to_dict",
    "from_dict",
    "detect_layout",
    "layouts",
    "Decision",
    "IroParseError",
    "NotAnIroLetter",
    "StrictModeError",
    "InputError",
    "Outcome",
    "Span",
}


def test_public_names_are_exported() -> None:
    assert set(iroparse.__all__) >= PUBLIC
    for name in iroparse.__all__:
        assert hasattr(iroparse, name), name
    assert len(set(iroparse.__all__)) == len(iroparse.__all__)


def test_error_tree() -> None:
    assert issubclass(iroparse.IroParseError, ValueError)
    for error in (iroparse.NotAnIroLetter, iroparse.StrictModeError, iroparse.InputError):
        assert issubclass(error, iroparse.IroParseError)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        ("", "empty"),
        ("   \n\t \r\n ", "empty"),
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("abc\x01\x02\x03\x04\x05\x06\x07\x0e\x0f", "binary"),
        ("The quick brown fox jumps over the lazy dog. " * 20, "no IRO decision letter"),
        ("REVIEW OUTCOME\n\nThe weather was fine and everybody went home.\n", "found 1 of"),
    ],
)
def test_not_an_iro_letter_says_why(data: str | bytes, why: str) -> None:
    with pytest.raises(iroparse.NotAnIroLetter, match=why) as info:
        iroparse.parse(data)
    assert info.value.code == "not-an-iro-letter"
    assert isinstance(info.value, ValueError)


def test_not_an_iro_letter_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "shopping.txt"
    path.write_text("eggs\nmilk\nbread\n", encoding="utf-8")
    with pytest.raises(iroparse.NotAnIroLetter) as info:
        iroparse.parse_file(path)
    assert info.value.source == str(path)
    assert str(path) in str(info.value)


def test_parse_rejects_other_types() -> None:
    with pytest.raises(iroparse.IroParseError, match="str or bytes, not int"):
        iroparse.parse(42)  # type: ignore[arg-type]


def test_parse_file_of_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(iroparse.InputError):
        iroparse.parse_file(tmp_path / "missing.txt")


def test_unknown_forced_layout_is_an_error_naming_the_registered_ones() -> None:
    with pytest.raises(iroparse.IroParseError, match=r"unknown layout 'nope'.*bracket"):
        iroparse.parse(BRACKET, layout="nope")


def two_outcomes_checked() -> str:
    old = "[  ] Overturned (Disagree)"
    assert old in BRACKET
    return BRACKET.replace(old, "[ X ] Overturned (Disagree)")


def test_two_outcomes_checked_is_an_error_diagnostic_by_default() -> None:
    decision = iroparse.parse(two_outcomes_checked())
    assert decision.outcome is iroparse.Outcome.UNKNOWN
    assert decision.has_errors()
    errors = [d for d in decision.diagnostics if d.severity is iroparse.Severity.ERROR]
    assert [d.code for d in errors] == ["outcome-ambiguous"]


def test_strict_mode_raises_on_error_diagnostics() -> None:
    with pytest.raises(iroparse.StrictModeError, match="outcome-ambiguous") as info:
        iroparse.parse(two_outcomes_checked(), strict=True)
    assert [d.code for d in info.value.diagnostics] == ["outcome-ambiguous"]
    assert isinstance(info.value, ValueError)


def test_strict_mode_accepts_a_clean_letter() -> None:
    decision = iroparse.parse(BRACKET, strict=True)
    assert decision.outcome is iroparse.Outcome.UPHELD
    assert not decision.has_errors()


def test_parse_bytes_in_cp1252() -> None:
    text = BRACKET.replace(
        "This is a xx-year-old man", "This is a xx-year-old man \u201cJos\u00e9\u201d"
    )
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decision = iroparse.parse(data)
    assert decision.clinical_history is not None
    assert "\u201cJos\u00e9\u201d" in decision.clinical_history
    assert decision.review_date == datetime.date(2009, 8, 10)
    assert decision.spans.review_date is not None
    assert decision.spans.review_date.slice(text) == "Aug/10/2009"


def test_parse_bytes_in_utf8_equals_parse_text() -> None:
    assert iroparse.parse(BRACKET.encode()) == iroparse.parse(BRACKET)


def test_parse_file_records_the_source() -> None:
    path = GOLDEN / "004_4475ce78ad411086.txt"
    decision = iroparse.parse_file(path)
    assert decision.source == str(path)
    assert decision == attrs.evolve(iroparse.parse(BRACKET), source=str(path))


@pytest.mark.parametrize("text", [BRACKET, TRAILING])
def test_record_round_trip(text: str) -> None:
    decision = iroparse.parse(text)
    record = iroparse.to_dict(decision)
    assert record["schema_version"] == iroparse.SCHEMA_VERSION == 2
    assert iroparse.from_dict(record) == decision
    assert iroparse.to_dict(iroparse.from_dict(record)) == record


def test_record_has_the_contract_keys() -> None:
    record = iroparse.to_dict(iroparse.parse(BRACKET))
    assert set(record) >= {
        "schema_version",
        "source",
        "layout",
        "outcome",
        "review_date",
        "case_number",
        "services",
        "reviewer_qualifications",
        "information_provided",
        "clinical_history",
        "analysis",
        "criteria",
        "patient",
        "sections",
        "diagnostics",
    }
    assert record["layout"] == "bracket"
    assert record["outcome"] == "upheld"
    assert record["review_date"] == "2009-08-10"
    assert set(record["criteria"][0]) >= {"code", "label", "checked", "description"}
    assert set(record["sections"][0]) >= {"kind", "heading", "text", "start", "end"}
    assert set(record["diagnostics"][0]) >= {"severity", "code", "message", "line"}


def test_from_dict_fills_missing_keys_with_defaults() -> None:
    decision = iroparse.from_dict({"outcome": "overturned", "unknown_key": 1})
    assert decision.outcome is iroparse.Outcome.OVERTURNED
    assert decision.criteria == ()
    assert decision.review_date is None


def test_decision_is_frozen_and_slotted() -> None:
    decision = iroparse.parse(BRACKET)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        decision.outcome = iroparse.Outcome.OVERTURNED  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        decision.criteria[0].checked = True  # type: ignore[misc]
    assert not hasattr(decision, "__dict__")
    assert isinstance(decision.criteria, tuple)


def test_detect_layout_ranks_candidates_with_scores() -> None:
    ranked = iroparse.detect_layout(BRACKET)
    assert [c.name for c in ranked][:1] == ["bracket"]
    assert {c.name for c in ranked} == {layout.name for layout in iroparse.layouts()}
    scores = [c.score for c in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert ranked[0].score > ranked[1].score
    assert iroparse.detect_layout(TRAILING)[0].name == "trailing-x"


def test_detect_layout_rejects_what_parse_rejects() -> None:
    with pytest.raises(iroparse.NotAnIroLetter):
        iroparse.detect_layout("")


def test_layouts_lists_the_built_ins_first() -> None:
    names = [layout.name for layout in iroparse.layouts()]
    assert names[:2] == ["bracket", "trailing-x"]
    assert len(names) == len(set(names))
    assert all(isinstance(layout, iroparse.Layout) for layout in iroparse.layouts())


def test_the_repr_of_a_decision_fits_a_screen() -> None:
    decision = iroparse.parse_file("examples/letters/bracket_sample.txt")
    shown = repr(decision)
    assert len(shown) < 1000, len(shown)
    assert "layout='bracket'" in shown and "checked: medical_judgement, odg" in shown
    assert decision.analysis is not None and len(decision.analysis) > 200  # the value is whole
