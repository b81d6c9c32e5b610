"""The plugin's own tests: the conformance suite of iroparse.testing, and a letter."""

from __future__ import annotations

from iroparse_yesno import YesNoLayout

import iroparse
from iroparse.testing import check_layout


def test_the_layout_conforms() -> None:
    check_layout(YesNoLayout(), max_examples=30)


def test_a_yes_is_checked_and_a_no_is_not() -> None:
    layout = YesNoLayout()
    assert layout.read_mark("Upheld (Agree)          Yes").checked
    mark = layout.read_mark("Overturned (Disagree)     No")
    assert mark.explicit and not mark.checked
    assert mark.label == "Overturned (Disagree)"


def test_the_plugin_is_registered() -> None:
    assert "yesno" in {layout.name for layout in iroparse.layouts()}
