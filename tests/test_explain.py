"""``iroparse explain``: the letter annotated on a terminal and as a self-contained page, for
every built-in layout, from text and from PDF; the page is checked in a real headless browser
when one is installed."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console

import iroparse
import pdf_factory
from iroparse._builtin.layouts import BUILTIN_LAYOUTS
from iroparse.cli import main
from iroparse.explain import explain
from iroparse.explain.page import explanation_page
from iroparse.explain.terminal import print_explanation

LETTERS = Path(__file__).resolve().parents[1] / "examples" / "letters"
SAMPLES = sorted(LETTERS.glob("*_sample.txt"))


def _terminal(text: str) -> str:
    out = io.StringIO()
    print_explanation(explain(text), Console(file=out, width=220, color_system=None))
    return out.getvalue()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_is_explained_value_by_value(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    decision = iroparse.parse(text)
    explanation = explain(text)
    fields = {h.field for h in explanation.highlights}
    if decision.spans.outcome is not None:
        assert "outcome" in fields
    for criterion in decision.criteria:
        if criterion.span is not None:
            (mark,) = [h for h in explanation.highlights if h.field == f"criteria.{criterion.code}"]
            assert mark.checked is criterion.checked
    for highlight in explanation.highlights:  # each value is where its span says
        assert text[highlight.start : highlight.end].strip()
    shown = _terminal(text)
    assert f"layout {decision.layout}" in shown and f"outcome {decision.outcome.value}" in shown
    for section in {s.kind for s in decision.sections}:
        assert re.search(rf"^{section}\s", shown, re.M), section  # the margin names it
    for code in decision.checked_criteria:
        assert f"<- criteria.{code} checked" in shown


@pytest.mark.parametrize("layout", [cls.name for cls in BUILTIN_LAYOUTS])
def test_every_built_in_layout_is_explained(layout: str) -> None:
    from iroparse.testing.strategies import resolve_layout

    sample = _sample_decision()
    text = resolve_layout(layout).render(sample)
    explanation = explain(text)
    assert explanation.decision.layout == layout
    checked = {h.field for h in explanation.highlights if h.checked}
    assert checked >= {f"criteria.{c}" for c in explanation.decision.checked_criteria}
    assert "<- outcome" in _terminal(text)


def _sample_decision() -> iroparse.Decision:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docs" / "_ext"))
    try:
        import iroparse_docs
    finally:
        sys.path.pop(0)
    decision: iroparse.Decision = iroparse_docs.sample_decision()
    return decision


def test_noise_and_diagnostics_stand_at_their_lines() -> None:
    shown = _terminal((LETTERS / "bracket_sample.txt").read_text(encoding="utf-8"))
    lines = shown.splitlines()
    noise = next(n for n, line in enumerate(lines) if "mailto:" in line)
    assert lines[noise].startswith("noise ")
    assert "noise-removed" in lines[noise + 1]
    assert "about the whole letter:" in shown and "redacted" in shown.split("whole letter:")[1]


def test_the_command_explains_a_text_letter_and_a_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", str(LETTERS / "trailing-x_sample.txt")]) == 0
    assert "<- outcome" in capsys.readouterr().out
    pdf = tmp_path / "letter.pdf"
    pdf_factory.write_letter(pdf, "bracket", paragraphs=1)
    assert main(["explain", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "layout bracket" in out and "<- outcome" in out
    assert main(["explain", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "mark":
            self.marks.append(found)
        for key in ("src", "href"):
            if found.get(key):
                self.external.append(f"{tag} {key}={found[key]}")


def test_the_page_is_self_contained_and_marks_every_value(tmp_path: Path) -> None:
    out = tmp_path / "bracket.html"
    assert main(["explain", str(LETTERS / "bracket_sample.txt"), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    parser = _Marks()
    parser.feed(page)
    assert parser.external == []  # no network, no file beside it
    explanation = explain((LETTERS / "bracket_sample.txt").read_text(encoding="utf-8"))
    fields = [m["data-field"] for m in parser.marks]
    assert set(fields) == {h.field for h in explanation.highlights}
    for mark in parser.marks:
        start, end = map(int, str(mark["data-span"]).split(","))
        assert f"[{start}, {end}]" in str(mark["title"])
    assert 'id="value-review_date"' in page and "&quot;schema_version&quot;: 2" in page


def _browser() -> str | None:
    return next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (found := shutil.which(name))
        ),
        None,
    )


@pytest.mark.skipif(
    _browser() is None,
    reason="no headless browser installed (Debian: apt-get install chromium); .ci/run installs it",
)
def test_the_page_in_a_real_browser(tmp_path: Path) -> None:
    browser = _browser()
    assert browser is not None
    page = tmp_path / "explain.html"
    text = (LETTERS / "bracket_sample.txt").read_text(encoding="utf-8")
    page.write_text(explanation_page(explain(text), "bracket_sample.txt"), encoding="utf-8")
    common = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"]
    # the DOM after the page's script ran, opened on a link to one value: it is lit as on hover
    dom = subprocess.run(
        [*common, "--dump-dom", f"{page.as_uri()}#lit=criteria.odg"],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    # a value over several lines is one mark per line
    fields = set(re.findall(r'<mark [^>]*data-field="([^"]+)"', dom))
    assert fields == {h.field for h in explain(text).highlights}
    assert re.search(r'<mark class="v checked lit" data-field="criteria\.odg"', dom), dom[:2000]
    assert 'id="value-criteria.odg" class="lit"' in dom
    shot = tmp_path / "explain.png"
    subprocess.run(
        [*common, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot of the explanation page: {shot}")
