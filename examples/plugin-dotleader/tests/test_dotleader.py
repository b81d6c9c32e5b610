"""The plugin's own tests: the conformance suite of iroparse.testing, its marks, a letter."""

from __future__ import annotations

import iroparse_dotleader
import pytest
from iroparse_dotleader import LAYOUT, DotLeaderLayout

import iroparse
from iroparse.testing import check_layout


def test_the_layout_conforms() -> None:
    # the registered instance: check_layout tests exactly the object it is given
    check_layout(LAYOUT, max_examples=30)


@pytest.mark.parametrize(
    ("line", "label", "checked"),
    [
        ("Upheld (Agree) ......................[Y]", "Upheld (Agree)", True),
        ("Overturned (Disagree) ...[N]", "Overturned (Disagree)", False),
        ("ODG-OFFICIAL DISABILITY GUIDELINES   [ y ]", "ODG-OFFICIAL DISABILITY GUIDELINES", True),
        ("   .........[N]", "", False),
    ],
)
def test_a_y_is_checked_and_an_n_is_not(line: str, label: str, checked: bool) -> None:
    mark = LAYOUT.read_mark(line)
    assert (mark.label, mark.checked, mark.explicit) == (label, checked, True)


def test_a_line_without_an_answer_is_bare() -> None:
    mark = LAYOUT.read_mark("ACCEPTED MEDICAL STANDARDS etc...")
    assert not mark.explicit
    assert mark.label == "ACCEPTED MEDICAL STANDARDS etc..."


def test_a_letter_in_the_layout_parses() -> None:
    decision = iroparse.Decision(
        outcome=iroparse.Outcome.OVERTURNED,
        criteria=(
            iroparse.Criterion("odg", "ODG-OFFICIAL DISABILITY GUIDELINES", True),
            iroparse.Criterion("tmf", "TMF SCREENING CRITERIA MANUAL", False),
        ),
    )
    parsed = iroparse.parse(LAYOUT.render(decision))
    assert parsed.layout == "dot-leader"
    assert parsed.outcome is iroparse.Outcome.OVERTURNED
    assert [(c.code, c.checked) for c in parsed.criteria] == [("odg", True), ("tmf", False)]


def test_the_plugin_is_registered_through_its_entry_point() -> None:
    registered = {layout.name: layout for layout in iroparse.layouts()}
    assert registered["dot-leader"] is iroparse_dotleader.LAYOUT
    assert isinstance(registered["dot-leader"], DotLeaderLayout)
