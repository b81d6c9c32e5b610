"""Mark shapes come from the registered layouts (issue #10): each layout declares its
``mark_shape`` and ``mark_chars``, the registry joins the shapes into ``any_mark``, scoring
uses that union, and a layout is scored only on letters containing one of its mark chars."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iroparse
from iroparse import layout as layout_module
from iroparse import plugins
from iroparse._builtin.layouts import BUILTIN_LAYOUTS
from iroparse._builtin.marks import SHAPES
from iroparse._pipeline.choose_layout import checklist_lines, rank_layouts
from iroparse._pipeline.left_column import left_column_cuts
from iroparse.hookspecs import hookimpl
from iroparse.layout import (
    ANY_MARK,
    Checklist,
    Layout,
    RegexLayout,
    checked_alone,
    mark_union,
    tick_union,
)
from iroparse.model import LayoutCandidate
from iroparse.parser import default_parser
from iroparse.testing import letters
from iroparse.testing.noise import is_narrative
from test_heading_wording import PLAIN_LETTER
from test_letter_shapes import SAMPLE as GRID_SAMPLE
from test_letter_shapes import _replace_section

SAMPLES = Path(__file__).resolve().parent.parent / "examples" / "letters"
BUILT_IN: dict[str, Layout] = {cls.name: cls() for cls in BUILTIN_LAYOUTS}
LABELS = ["Upheld (Agree)", "ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES"]


class Tilde(RegexLayout):
    """``label ~+`` / ``label ~-``: a plugin's marks, which no built-in shape finds."""

    name = "test-tilde"
    description = "A tilde and a plus or minus after every label."
    position = "after"
    pattern = regex.compile(r"^\s*(?P<label>.*?)\s*(?P<mark>~[+-])\s*$")
    checked_marks = frozenset({"~+"})
    mark_shape = r"~[+-]\s*$"
    mark_chars = "~"
    calls = 0

    def score(self, lines: Sequence[str]) -> float:
        """The default score, counting the calls."""
        type(self).calls += 1
        return super().score(lines)

    def format_item(self, label: str, checked: bool) -> str:
        """``label ~+`` or ``label ~-``."""
        return f"{label} ~{'+' if checked else '-'}"


class TildePlugin:
    @hookimpl
    def iroparse_register_layouts(self, register: Callable[[Layout], None]) -> None:
        register(Tilde())


@pytest.fixture
def tilde() -> Iterator[None]:
    plugin = TildePlugin()
    plugins.register_plugin(plugin)
    yield
    plugins.unregister_plugin(plugin)


@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_every_built_in_layout_declares_the_shape_of_its_marks(name: str) -> None:
    layout = BUILT_IN[name]
    assert (layout.mark_shape, layout.mark_chars) == (SHAPES[name].shape, SHAPES[name].chars)
    shape = regex.compile(layout.mark_shape)
    for label in LABELS:
        for checked in (True, False):
            line = layout.format_item(label, checked)
            if layout.read_mark(line).explicit:
                assert shape.search(line), line
                assert not layout.mark_chars or set(line) & set(layout.mark_chars), line
            else:
                assert not shape.search(line), line


def test_the_deprecated_any_mark_is_the_union_of_the_built_in_shapes() -> None:
    assert ANY_MARK.pattern == mark_union(BUILT_IN.values()).pattern
    assert layout_module.ANY_MARK is ANY_MARK  # still importable where the tokenizer takes it


def test_the_registry_union_holds_every_registered_layouts_shape(tilde: None) -> None:
    union = plugins.registry().any_mark
    assert union.pattern == mark_union(iroparse.layouts()).pattern
    assert union.search("Upheld (Agree) ~+")
    assert not ANY_MARK.search("Upheld (Agree) ~+")
    assert union.search("[ X ] Upheld (Agree)") and union.search("Upheld (Agree)   Yes")
    assert not union.search("Overturned (Disagree)")


def test_a_layout_declaring_no_shape_adds_nothing_to_the_union() -> None:
    class Shapeless(Tilde):
        mark_shape = ""

    assert (
        mark_union([Shapeless(), BUILT_IN["bracket"]]).pattern
        == mark_union([BUILT_IN["bracket"]]).pattern
    )
    assert not mark_union([]).search("anything")


def test_sparse_layouts_give_no_credit_for_lines_marked_in_a_plugins_layout(tilde: None) -> None:
    # trailing-x credits unmarked lines; a line carrying the plugin's mark is not unmarked
    lines = ["Upheld (Agree)   X", "Overturned (Disagree) ~-", "Partially Overturned ~-"]
    trailing = BUILT_IN["trailing-x"]
    assert trailing.score(Checklist(lines, ANY_MARK)) == pytest.approx(2 / 3)
    assert trailing.score(Checklist(lines, plugins.registry().any_mark)) == pytest.approx(1 / 3)
    ranked = {c.name: c.score for c in rank_layouts(plugins.registry().layouts, lines)}
    assert ranked["trailing-x"] == pytest.approx(1 / 3, abs=1e-3)
    assert ranked["test-tilde"] == pytest.approx(2 / 3, abs=1e-3)


def test_the_test_strategies_see_a_plugins_marks(tilde: None) -> None:
    assert not is_narrative("The reviewer read the ODG chapter ~+")
    assert is_narrative("The reviewer read the ODG chapter.")


def test_a_layout_is_not_scored_on_letters_without_its_mark_chars(tilde: None) -> None:
    plugins.registry()  # built (and the layout probed) before counting
    Tilde.calls = 0
    ranked = iroparse.detect_layout((SAMPLES / "bracket_sample.txt").read_text(encoding="utf-8"))
    assert Tilde.calls == 0
    assert dict((c.name, c.score) for c in ranked)["test-tilde"] == 0
    letter = Tilde().render(iroparse.Decision(outcome=iroparse.Outcome.UPHELD))
    assert iroparse.detect_layout(letter)[0].name == "test-tilde"
    assert Tilde.calls == 1


def test_a_layout_is_not_scored_when_its_chars_occur_but_not_its_shape(tilde: None) -> None:
    plugins.registry()
    Tilde.calls = 0
    lines = ["[ X ] Upheld (Agree)", "[   ] Overturned ~ about half (Disagree)"]
    ranked = {c.name: c.score for c in rank_layouts(plugins.registry().layouts, lines)}
    assert Tilde.calls == 0  # the ``~`` is there, a ``~+`` or ``~-`` at a line's end is not
    assert ranked["test-tilde"] == 0
    assert ranked["bracket"] == 1.0


def test_a_checklist_shows_a_shape_anchored_at_any_of_its_lines() -> None:
    lines = Checklist(["Upheld (Agree)", "Overturned (Disagree)  X", "Partially"], ANY_MARK)
    assert lines.shows(SHAPES["trailing-x"].shape)
    assert not lines.shows(SHAPES["bracket"].shape)
    assert not lines.shows(SHAPES["leading-x"].shape)
    assert lines.shows("")  # a layout without a shape is never ruled out


def _unfiltered(lines: Sequence[str]) -> list[LayoutCandidate]:
    """The ranking with every layout scored, as before the prefilter."""
    table = plugins.registry().layouts
    checklist = Checklist(lines, table.any_mark)
    order = {name: i for i, name in enumerate(table)}
    candidates = [
        LayoutCandidate(layout.name, round(layout.score(checklist), 4), layout.description)
        for layout in table.values()
    ]
    return sorted(candidates, key=lambda c: (-c.score, order[c.name]))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_the_prefilter_keeps_the_ranking(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from([layout.name for layout in iroparse.layouts()]))
    text, _ = data.draw(letters(layout=name))
    _, sections = default_parser()._prepare(text)
    lines = checklist_lines(sections)
    assert rank_layouts(plugins.registry().layouts, lines) == _unfiltered(lines)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*_sample.txt")), ids=lambda p: p.stem)
def test_the_prefilter_keeps_the_ranking_of_the_samples(path: Path) -> None:
    _, sections = default_parser()._prepare(path.read_text(encoding="utf-8"))
    lines = checklist_lines(sections)
    assert rank_layouts(plugins.registry().layouts, lines) == _unfiltered(lines)


# -- a mark standing alone is read with the registered layouts' ticks ----------------------


def test_a_plugins_tick_alone_under_a_drawn_grid_checks_its_column(tilde: None) -> None:
    grid = (
        "\nUpon independent review, the reviewer finds that the previous adverse"
        " determination should be:\n\n"
        "+------------------+----------------------+-----------------------------------+\n"
        "| Upheld           | Overturned           | Partially Overturned              |\n"
        "+------------------+----------------------+-----------------------------------+\n"
        "|                  |          ~+          |                                   |\n"
        "+------------------+----------------------+-----------------------------------+\n"
    )
    text = _replace_section(GRID_SAMPLE, "REVIEW OUTCOME:", grid)
    text = text.replace("upheld", "decided").replace("overturned", "decided")
    assert iroparse.parse(text).outcome.value == "overturned"


def test_a_basis_heading_over_one_item_marked_by_a_plugin_heads_the_criteria(
    tilde: None,
) -> None:
    basis = (
        "\nBasis for the decision\n"
        "ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES ~+\n"
        "\nConclusion\n"
        "The reviewer agrees with the carrier's adverse determination; the denial is upheld.\n"
    )
    text = PLAIN_LETTER[: PLAIN_LETTER.index("Our decision")] + basis
    assert [(c.code, c.checked) for c in iroparse.parse(text).criteria] == [("odg", True)]


def test_a_column_of_a_plugins_ticks_is_no_letterhead() -> None:
    lines = [
        "OK                  ODG OFFICIAL DISABILITY GUIDELINES",
        "OK                  ACOEM GUIDELINES AND PRACTICE",
        "OK                  MEDICAL JUDGEMENT AND EXPERIENCE",
        "OK                  PEER REVIEWED NATIONALLY ACCEPTED LITERATURE",
        "OK",
        "OK",
    ]
    ticks = tick_union([*BUILT_IN.values(), Tilde()]) | {"OK"}
    assert left_column_cuts(lines, str.isupper, lambda s: checked_alone(ticks, s)) == {}
    assert checked_alone(ticks, "~+") and not checked_alone(ticks, "~-")


def test_a_cross_beside_check_marks_says_no() -> None:
    """A letter that ticks with ``✔`` and crosses with ``✘`` (``✔ = applied, ✘ = not
    applied``) reads the crosses as unchecked; a letter that crosses alone ticks with them."""
    sample = (Path(__file__).parents[1] / "examples" / "letters" / "glyph_sample.txt").read_text(
        encoding="utf-8"
    )
    before = iroparse.parse(sample)
    ticked = iroparse.parse(sample.replace("☒", "✔").replace("☐", "✘"))
    assert ticked.outcome is before.outcome
    assert [(c.code, c.checked) for c in ticked.criteria] == [
        (c.code, c.checked) for c in before.criteria
    ]
    crossed = iroparse.parse(sample.replace("☒", "✘"))
    assert crossed.outcome is before.outcome
