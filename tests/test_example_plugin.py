"""The example third-party plugin in examples/plugin-dotleader: installed, listed, and its
own tests (which run iroparse.testing.check_layout) pass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_iroparse_layouts_lists_the_plugin() -> None:
    result = subprocess.run(
        [str(BIN / "iroparse"), "layouts"], capture_output=True, text=True, check=True
    )
    names = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert "dot-leader" in names
    assert names.index("dot-leader") > names.index("yesno") > names.index("bracket")
    assert result.stderr == ""  # nothing was disabled


def test_the_plugin_tests_pass() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=ROOT / "examples" / "plugin-dotleader",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "8 passed" in result.stdout


def test_the_plugin_tests_pass_without_its_entry_point() -> None:
    # with no entry point loaded, check_layout registers the layout object itself
    env = {**os.environ, "IROPARSE_LOAD_PLUGINS": ""}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", "-k", "conforms"],
        cwd=ROOT / "examples" / "plugin-dotleader",
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "1 passed" in result.stdout


def _python_blocks(markdown: str) -> list[str]:
    blocks = markdown.split("```python\n")[1:]
    return [block.split("```", 1)[0] for block in blocks]


def test_the_plugin_and_the_tutorials_code_pass_mypy_strict(tmp_path: Path) -> None:
    # the tutorial's layout module and its registration snippet, as a reader would copy them
    blocks = _python_blocks((ROOT / "docs" / "plugins.md").read_text(encoding="utf-8"))
    layout = next(b for b in blocks if "class DotLeaderLayout" in b)
    registering = next(b for b in blocks if "register_plugin" in b)
    (tmp_path / "tutorial_layout.py").write_text(layout, encoding="utf-8")
    (tmp_path / "tutorial_registering.py").write_text(registering, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            str(tmp_path / "tutorial_layout.py"),
            str(tmp_path / "tutorial_registering.py"),
            str(ROOT / "examples" / "plugin-dotleader" / "src"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
