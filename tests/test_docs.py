"""The documentation: it builds without warnings, has every page, and its examples run.

The examples of every page in ``docs/`` run here, as ``docs/conf.py`` describes: ``python``
blocks are executed, ``pycon``/``{doctest}`` blocks are doctests, ``{testsetup}`` blocks run
first, and the ``$ iroparse``/``$ python`` lines of ``console`` blocks must exit with 0.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest

import iroparse
from iroparse._builtin.layouts import BUILTIN_LAYOUTS
from iroparse.catalogue import CRITERIA_CODES, SECTION_KINDS
from iroparse.cli import build_parser
from iroparse.diagnostics import CODES

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
BIN = Path(sys.executable).parent

# Pages the docs must have, by the file name of the built HTML page.
REQUIRED_PAGES = ["index", "quickstart", "model", "cli", "gallery", "outputs", "pdf", "api"]
REQUIRED_PAGES += ["changelog"]
API_MODULES = [
    "iroparse",
    "iroparse.model",
    "iroparse.layout",
    "iroparse.hookspecs",
    "iroparse.catalogue",
    "iroparse.diagnostics",
    "iroparse.columns",
    "iroparse.shape",
    "iroparse.outputs",
    "iroparse.errors",
]
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


# --- the example runner -------------------------------------------------------------------------

FENCE = re.compile(r"^\s*(?P<fence>`{3,}|:{3,})\s*(?P<info>.*?)\s*$")
LANGUAGES = {
    "python": "exec",
    "py": "exec",
    "python3": "exec",
    "pycon": "doctest",
    "console": "console",
    "shell-session": "console",
}
DIRECTIVES = {"testcode": "exec", "doctest": "doctest", "testsetup": "setup"}
CODE_DIRECTIVES = {"code-block", "code", "sourcecode"}


@dataclass(frozen=True)
class Block:
    """One example of a page: what to do with it (``exec``, ``doctest``, ``setup``,
    ``console``), its code, and the line of the page it starts on."""

    kind: str
    code: str
    line: int


def _kind(info: str) -> str | None:
    """The kind of a fence's info string, or ``None`` when it is not a runnable example."""
    match = re.fullmatch(r"\{(?P<directive>[\w-]+)\}\s*(?P<argument>\S*).*", info)
    if match is None:
        return LANGUAGES.get(info.split(" ")[0]) if info else None
    directive, argument = match["directive"], match["argument"]
    if directive in CODE_DIRECTIVES:
        return LANGUAGES.get(argument)
    return DIRECTIVES.get(directive)


def _body(lines: list[str]) -> str:
    """A directive's content without its ``:option:`` lines or its ``---`` options block."""
    if lines and lines[0].strip() == "---":
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        lines = lines[end + 1 :]
    while lines and re.match(r"^:[\w-]+:", lines[0]):
        lines = lines[1:]
    return textwrap.dedent("\n".join(lines)) + "\n"


def _closes(match: re.Match[str], fence: str) -> bool:
    """Whether a fence line closes the block opened by ``fence``."""
    return not match["info"] and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence)


def blocks_of(text: str) -> list[Block]:
    """Every runnable example of a MyST page, in page order, ``{testsetup}`` blocks first.

    Fences of other directives (notes, tabs) are looked into; other code blocks are skipped.
    """
    lines = text.splitlines()
    blocks: list[Block] = []
    containers: list[str] = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        i += 1
        if match is None:
            continue
        fence, info = match["fence"], match["info"]
        if containers and _closes(match, containers[-1]):
            containers.pop()
            continue
        kind = _kind(info)
        if kind is None and info.startswith("{") and not info.startswith("{code"):
            containers.append(fence)
            continue
        start = i
        while i < len(lines):
            close = FENCE.match(lines[i])
            if close and _closes(close, fence):
                break
            i += 1
        if kind is not None:
            blocks.append(Block(kind, _body(lines[start:i]), start + 1))
        i += 1
    return sorted(blocks, key=lambda block: block.kind != "setup")


def run_blocks(blocks: list[Block], name: str, workdir: Path) -> None:
    """Run a page's examples in one namespace, in ``workdir``; fail on the first that fails."""
    namespace: dict[str, object] = {"__name__": "__docs__"}
    env = {**os.environ, "MPLBACKEND": "Agg", "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for block in blocks:
        where = f"{name}:{block.line}"
        if block.kind in ("exec", "setup"):
            exec(compile(block.code, where, "exec"), namespace)
        elif block.kind == "doctest":
            test = doctest.DocTestParser().get_doctest(
                block.code, namespace, where, name, block.line
            )
            report: list[str] = []
            runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
            result = runner.run(test, out=report.append, clear_globs=False)
            namespace.update(test.globs)  # a DocTest runs in a copy of the namespace
            assert result.failed == 0, f"doctest at {where} failed:\n" + "".join(report)
        else:
            for line in block.code.splitlines():
                if not line.startswith("$ "):
                    continue
                command = shlex.split(line[2:])
                if command[0] == "python":
                    command[0] = sys.executable
                elif command[0] == "iroparse":
                    command[0] = str(BIN / "iroparse")
                else:
                    continue
                done = subprocess.run(
                    command, cwd=workdir, env=env, capture_output=True, text=True, timeout=300
                )
                assert done.returncode == 0, f"{where}: `{line[2:]}` failed:\n{done.stderr}"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary working directory holding a copy of ``examples/``, and of its letters as
    ``letters/``."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist", ".venv")
    shutil.copytree(ROOT / "examples", tmp_path / "examples", ignore=ignore)
    shutil.copytree(ROOT / "examples" / "letters", tmp_path / "letters", ignore=ignore)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_the_examples_of_the_page_run(page: Path, workdir: Path) -> None:
    """Every example of every page runs and prints what the page says it prints."""
    run_blocks(blocks_of(page.read_text(encoding="utf-8")), page.name, workdir)


def test_the_runner_finds_every_kind_of_block_and_skips_the_rest() -> None:
    page = "\n".join(
        [
            "```python",
            "a = 1",
            "```",
            "````{note}",
            "```pycon",
            ">>> a",
            "1",
            "```",
            "````",
            "```{code-block} python",
            ":caption: x",
            "b = 2",
            "```",
            "```json",
            "{}",
            "```",
            "```{testsetup}",
            "s = 0",
            "```",
            "```console",
            "$ iroparse layouts",
            "```",
        ]
    )
    blocks = blocks_of(page)
    assert [(b.kind, b.code) for b in blocks] == [
        ("setup", "s = 0\n"),
        ("exec", "a = 1\n"),
        ("doctest", ">>> a\n1\n"),
        ("exec", "b = 2\n"),
        ("console", "$ iroparse layouts\n"),
    ]


def test_the_runner_fails_on_a_wrong_doctest_and_a_failing_command(workdir: Path) -> None:
    with pytest.raises(AssertionError, match="doctest"):
        run_blocks([Block("doctest", ">>> 1 + 1\n3\n", 1)], "page.md", workdir)
    with pytest.raises(AssertionError, match="failed"):
        run_blocks([Block("console", "$ iroparse parse no-such-file\n", 1)], "page.md", workdir)
    with pytest.raises(NameError):
        run_blocks([Block("exec", "undefined_name\n", 1)], "page.md", workdir)


@pytest.mark.parametrize("module", [*API_MODULES, "iroparse.convert", "iroparse.render"])
def test_the_docstring_examples_of_the_api_run(
    module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ``>>>`` examples of the API reference (they read the bundled letters)."""
    monkeypatch.chdir(ROOT)
    result = doctest.testmod(importlib.import_module(module), optionflags=DOCTEST_FLAGS)
    assert result.failed == 0


# --- the build ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML docs, built once with warnings as errors, as ``make docs`` does."""
    out = tmp_path_factory.mktemp("html")
    done = subprocess.run(
        [BIN / "sphinx-build", "-W", "--keep-going", "-q", "-b", "html", DOCS, out],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr
    return out


def text_of(page: Path) -> str:
    """The text of an HTML page: tags (highlighting spans included) removed, entities decoded."""
    return unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def test_every_page_is_built(html: Path) -> None:
    built = {path.stem for path in html.glob("*.html")}
    assert set(REQUIRED_PAGES) <= built
    assert {page.stem for page in PAGES} <= built


def test_the_toctree_lists_every_page() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    toctree = "\n".join(re.findall(r"```\{toctree\}(.*?)```", index, re.S))
    listed = {line.strip() for line in toctree.splitlines() if line.strip()[:1].isalpha()}
    assert listed == {page.stem for page in PAGES} - {"index"}


def test_the_gallery_shows_every_built_in_layout_parsed_back(html: Path) -> None:
    gallery = (html / "gallery.html").read_text(encoding="utf-8")
    text = text_of(html / "gallery.html")
    for cls in BUILTIN_LAYOUTS:
        assert f'id="{cls.name}"' in gallery
        assert f'"layout": "{cls.name}"' in text
        assert f"{cls.__name__}().render(decision)" in text
    assert text.count('"outcome": "overturned"') == len(BUILTIN_LAYOUTS)


def test_the_cli_page_shows_the_help_of_every_command(html: Path) -> None:
    cli = text_of(html / "cli.html")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in commands.choices.items():  # type: ignore[union-attr]
        assert f"usage: iroparse {name}" in cli
        for action in sub._actions:
            for flag in action.option_strings:
                assert flag in cli


def test_the_model_page_lists_every_code(html: Path) -> None:
    model = text_of(html / "model.html")
    for code in [*CRITERIA_CODES, *SECTION_KINDS, *CODES, "$schema"]:
        assert code in model


def test_the_api_page_documents_every_public_name(html: Path) -> None:
    api = (html / "api.html").read_text(encoding="utf-8")
    for module in API_MODULES:
        names = getattr(importlib.import_module(module), "__all__", [])
        assert f'id="module-{module}"' in api
        for name in names:
            if name != "__version__":
                assert f'id="{module}.{name}"' in api, f"{module}.{name}"


def test_the_changelog_is_included(html: Path) -> None:
    changelog = text_of(html / "changelog.html")
    first_entry = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").split("\n## ")[1]
    assert first_entry.split("]")[0].lstrip("[") in changelog


# --- docstrings ---------------------------------------------------------------------------------


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for module_name in API_MODULES:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            routine = inspect.isclass(value) or inspect.isroutine(value)
            if routine and not (value.__doc__ or "").strip():
                missing.append(f"{module_name}.{name}")
            if isinstance(value, type):
                for attr, member in vars(value).items():
                    if attr.startswith("_") or not callable(member):
                        continue
                    if not (getattr(member, "__doc__", None) or "").strip():
                        missing.append(f"{module_name}.{name}.{attr}")
    assert missing == []


def test_the_package_version_is_the_docs_release() -> None:
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert "iroparse.__version__" in conf
    assert iroparse.__version__


def test_no_page_prints_an_option_with_an_en_dash(html: Path) -> None:
    for page in html.glob("*.html"):
        assert not re.search(r"–[a-z]", text_of(page)), page.name


def test_the_index_shows_a_letter_going_in_and_its_record_coming_out() -> None:
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        picture = importlib.import_module("letter_picture")
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    svg = picture.letter_to_record_svg()
    decision = iroparse.parse_file(ROOT / "examples" / "letters" / "bracket_sample.txt")
    # the values are the parse's own, each highlighted in the letter and joined to its key
    assert f"&quot;{decision.review_date}&quot;" in svg
    assert f"&quot;{decision.outcome.value}&quot;" in svg
    shown = svg.count("<path ")
    assert shown >= 6 and svg.count("<rect ") == shown + 1  # one highlight each, and the page
    for code in decision.checked_criteria:
        assert f"criteria[&quot;{code}&quot;].checked" in svg
    assert "_static/letter_to_record.svg" in (DOCS / "index.md").read_text(encoding="utf-8")


def test_the_quickstart_shows_the_chart_it_builds() -> None:
    page = (DOCS / "quickstart.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", page)
    assert images == ["_static/overturn_rates.png"]
    assert (DOCS / images[0]).stat().st_size > 10_000
    assert "95% interval" in page and "fully overturned" in page  # the printed table, too


def test_api_signatures_show_factory_defaults_not_attrs_sentinel(html: Path) -> None:
    api = text_of(html / "api.html")
    assert "NOTHING" not in api
    assert "patient: Patient = Patient()" in api.replace("~iroparse.model.", "")


def test_the_gallery_shows_the_criteria_as_the_record_writes_them(html: Path) -> None:
    text = text_of(html / "gallery.html")
    assert ': unchecked"' not in text  # not "acoem: unchecked" strings
    assert '{"code": "odg", "checked": true, "description": null' in text


def test_wide_tables_wrap_their_cells(html: Path) -> None:
    assert 'href="_static/tables.css' in (html / "model.html").read_text(encoding="utf-8")
    assert "overflow-wrap: anywhere" in (html / "_static" / "tables.css").read_text()


def test_the_gallery_shows_every_layouts_letter_explained(html: Path) -> None:
    gallery = (html / "gallery.html").read_text(encoding="utf-8")
    for cls in BUILTIN_LAYOUTS:
        assert f'<iframe class="explained" src="_static/explain/{cls.name}.html"' in gallery
        page = (html / "_static" / "explain" / f"{cls.name}.html").read_text(encoding="utf-8")
        assert 'data-field="outcome"' in page and f"layout <b>{cls.name}</b>" in page
