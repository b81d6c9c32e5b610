"""Each built-in layout reads its own marks, and detection tells the layouts apart.

The whole-letter checks of every layout (clean, with mark variants, with noise) are the golden
files of ``tests/letters/``; these tests pin the marks one line at a time and the detection
margin on every sample letter.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import regex

import iroparse
from iroparse._builtin.layouts import BUILTIN_LAYOUTS
from iroparse.layout import Layout

SAMPLES = Path(__file__).resolve().parent.parent / "examples" / "letters"
#: The best layout must beat the runner-up by at least this much on its sample letter.
MARGIN = 0.2
#: The built-in layouts: each has a sample letter (installed plugins bring their own).
LAYOUTS: dict[str, Layout] = {cls.name: cls() for cls in BUILTIN_LAYOUTS}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_detect_names_the_sample_layout_with_a_margin(name: str) -> None:
    ranked = iroparse.detect_layout((SAMPLES / f"{name}_sample.txt").read_text(encoding="utf-8"))
    assert ranked[0].name == name
    assert ranked[0].score - ranked[1].score >= MARGIN


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_sample_parses_in_its_layout_without_warnings(name: str) -> None:
    decision = iroparse.parse_file(SAMPLES / f"{name}_sample.txt")
    assert decision.layout == name
    assert decision.outcome is not iroparse.Outcome.UNKNOWN
    assert not [d for d in decision.diagnostics if d.code.startswith(("layout", "outcome"))]


def test_detect_command_names_each_sample() -> None:
    paths = [SAMPLES / f"{name}_sample.txt" for name in sorted(LAYOUTS)]
    run = subprocess.run(
        [sys.executable, "-m", "iroparse", "detect", *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [line.split("\t") for line in run.stdout.splitlines()]
    assert [(Path(r[0]).name, r[1]) for r in rows] == [
        (p.name, p.name.removesuffix("_sample.txt")) for p in paths
    ]


def test_unknown_marks_fall_back_with_a_warning() -> None:
    decision = iroparse.parse_file(SAMPLES / "unknown-marks_sample.txt")
    assert decision.layout == "unknown"
    codes = {d.code: d.severity for d in decision.diagnostics}
    assert codes["layout-unknown"] is iroparse.Severity.WARNING
    assert "outcome-from-narrative" in codes
    assert decision.outcome is iroparse.Outcome.UPHELD
    assert [c.code for c in decision.criteria] == ["odg", "medical_judgement", "interqual"]
    assert [c.label for c in decision.criteria][-1] == "INTERQUAL CRITERIA"
    assert decision.review_date is not None
    assert all(
        score == 0
        for _, score in (
            (c.name, c.score)
            for c in iroparse.detect_layout(
                (SAMPLES / "unknown-marks_sample.txt").read_text(encoding="utf-8")
            )
        )
    )


MARKS: list[tuple[str, str, str, bool, bool]] = [
    # layout, line, label, checked, explicit
    ("bracket", "[ X ] Upheld (Agree)", "Upheld (Agree)", True, True),
    ("bracket", "[x]Upheld (Agree)", "Upheld (Agree)", True, True),
    ("bracket", "[      X      ]    Upheld (Agree)", "Upheld (Agree)", True, True),
    ("bracket", "[ ] Upheld (Agree)", "Upheld (Agree)", False, True),
    ("bracket", "[] Upheld (Agree)", "Upheld (Agree)", False, True),
    ("bracket", "[ X ]", "", True, True),
    ("trailing-x", "Upheld    (Agree)   X    ", "Upheld    (Agree)", True, True),
    ("trailing-x", "Upheld (Agree)\tx", "Upheld (Agree)", True, True),
    ("trailing-x", "          X", "", True, True),
    ("trailing-x", "Upheld (Agree)", "Upheld (Agree)", False, False),
    ("leading-x", "X   Overturned (Disagree)", "Overturned (Disagree)", True, True),
    ("leading-x", "x\tOverturned (Disagree)", "Overturned (Disagree)", True, True),
    ("leading-x", "    Upheld (Agree)", "Upheld (Agree)", False, False),
    ("leading-x", "X-ray of the knee", "X-ray of the knee", False, False),
    ("paren", "( X ) Overturned (Disagree)", "Overturned (Disagree)", True, True),
    ("paren", "(x)Overturned (Disagree)", "Overturned (Disagree)", True, True),
    ("paren", "(   ) Upheld (Agree)", "Upheld (Agree)", False, True),
    ("paren", "() Upheld (Agree)", "Upheld (Agree)", False, True),
    (
        "inline",
        "X  ODG-OFFICIAL DISABILITY GUIDELINES",
        "ODG-OFFICIAL DISABILITY GUIDELINES",
        True,
        True,
    ),
    ("inline", "Overturned (Disagree)", "Overturned (Disagree)", False, False),
    ("yesno", "Upheld (Agree)                    Yes", "Upheld (Agree)", True, True),
    ("yesno", "Overturned (Disagree)   NO  ", "Overturned (Disagree)", False, True),
    ("yesno", "INTERQUAL CRITERIA ............ no", "INTERQUAL CRITERIA", False, True),
    ("yesno", "TMF SCREENING CRITERIA MANUAL … Yes", "TMF SCREENING CRITERIA MANUAL", True, True),
    ("yesno", "Yes    Upheld (Agree)", "Upheld (Agree)", True, True),
    ("yesno", "No\tOverturned (Disagree)", "Overturned (Disagree)", False, True),
    ("yesno", "          Yes", "", True, True),
    (
        "yesno",
        "No documentation of a recent examination",
        "No documentation of a recent examination",
        False,
        False,
    ),
    ("yesno", "Upheld (Agree)..No", "Upheld (Agree)..No", False, False),
    ("yesno", "Casino", "Casino", False, False),
]
GLYPHS_CHECKED = "☒☑✓✔■●\uf0fe\uf0fd\uf078\uf06e\uf06c"
GLYPHS_UNCHECKED = "☐□○\uf0a8\uf06f\uf071\uf06d"
MARKS += [("glyph", f"{g} Upheld (Agree)", "Upheld (Agree)", True, True) for g in GLYPHS_CHECKED]
MARKS += [
    ("glyph", f"{g}  Upheld (Agree)", "Upheld (Agree)", False, True) for g in GLYPHS_UNCHECKED
]


@pytest.mark.parametrize(("name", "line", "label", "checked", "explicit"), MARKS)
def test_read_mark(name: str, line: str, label: str, checked: bool, explicit: bool) -> None:
    mark = LAYOUTS[name].read_mark(line)
    assert (mark.label, mark.checked, mark.explicit) == (label, checked, explicit)
    if label:
        assert line[mark.label_start : mark.label_end] == label


@pytest.mark.parametrize("glyph", GLYPHS_CHECKED)
def test_every_checked_glyph_checks_the_outcome(glyph: str) -> None:
    text = (SAMPLES / "glyph_sample.txt").read_text(encoding="utf-8")
    text = text.replace("☒ Upheld", "☐ Upheld").replace("☐ Overturned", f"{glyph} Overturned")
    decision = iroparse.parse(text)
    assert decision.layout == "glyph"
    assert decision.outcome is iroparse.Outcome.OVERTURNED


@pytest.mark.parametrize("same_line", [True, False])
def test_inline_outcome_on_the_lead_in_line_or_the_next(same_line: bool) -> None:
    text = (SAMPLES / "inline_sample.txt").read_text(encoding="utf-8")
    joined = "should be: Overturned (Disagree)"
    if same_line:
        text = text.replace("should be:\nOverturned (Disagree)", joined)
        assert joined in text
    decision = iroparse.parse(text)
    assert (decision.layout, decision.outcome) == ("inline", iroparse.Outcome.OVERTURNED)
    assert [c.code for c in decision.criteria if c.checked] == [
        "medical_judgement",
        "odg",
        "peer_reviewed_literature",
    ]


def test_bracket_marks_alone_on_the_line_after_their_labels() -> None:
    text = (SAMPLES / "bracket_sample.txt").read_text(encoding="utf-8")
    for label in ("Upheld (Agree)", "Overturned (Disagree)", "Partially Overturned"):
        start = text.index(label)
        line_start = text.rindex("\n", 0, start) + 1
        line_end = text.index("\n", start)
        box = text[line_start:start].strip()
        text = text[:line_start] + text[start:line_end] + f"\n{box}" + text[line_end:]
    assert "Upheld (Agree) \n[ X ]" in text
    decision = iroparse.parse(text)
    assert (decision.layout, decision.outcome) == ("bracket", iroparse.Outcome.UPHELD)
    assert not [d for d in decision.diagnostics if d.code.startswith("outcome")]


def test_yesno_answers_before_the_labels() -> None:
    text = (SAMPLES / "yesno_sample.txt").read_text(encoding="utf-8")
    lines = []
    for line in text.split("\n"):
        match = regex.match(r"^(?P<label>\S.*?)\s*(?:\.{2,}\s*)?\s(?P<answer>Yes|No)$", line)
        lines.append(f"{match['answer']:<6}{match['label']}" if match else line)
    text = "\n".join(lines)
    assert "Yes   Overturned (Disagree)" in text and "No    INTERQUAL CRITERIA" in text
    decision = iroparse.parse(text)
    assert (decision.layout, decision.outcome) == ("yesno", iroparse.Outcome.OVERTURNED)
    assert decision.checked_criteria == ("medical_judgement", "odg", "peer_reviewed_literature")
    assert len(decision.criteria) == 15


@pytest.mark.parametrize(
    ("layout", "checked", "unchecked"),
    [("glyph", "☒", "☐"), ("bracket", "[X]", "[ ]"), ("paren", "(X)", "( )")],
)
def test_boxes_printed_after_the_labels(layout: str, checked: str, unchecked: str) -> None:
    # a column of boxes after the labels, as some PDFs extract them; the wrapped
    # MEDICAL JUDGEMENT item carries its box on its second line
    text = (SAMPLES / "bracket_sample.txt").read_text(encoding="utf-8")
    text = regex.sub(r"(?m)^\[ X \] (.*?)\s*$", rf"\1   {checked}", text)
    text = regex.sub(r"(?m)^\[  \] (.*?)\s*$", rf"\1   {unchecked}", text)
    text = text.replace(
        f"IN ACCORDANCE WITH   {checked}\nACCEPTED MEDICAL STANDARDS",
        f"IN ACCORDANCE WITH\nACCEPTED MEDICAL STANDARDS   {checked}",
    )
    assert f"ACCEPTED MEDICAL STANDARDS   {checked}" in text
    decision = iroparse.parse(text)
    assert decision.layout == layout
    assert decision.outcome is iroparse.Outcome.UPHELD
    assert decision.checked_criteria == ("medical_judgement", "odg")
    assert len(decision.criteria) == 15
