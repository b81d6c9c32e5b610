"""The layouts-and-noise page documents every diagnostic code and every built-in layout, so the
docs cannot drift from the code."""

from __future__ import annotations

from pathlib import Path

import regex

from iroparse._builtin.layouts import BUILTIN_LAYOUTS
from iroparse.diagnostics import CODES

PAGE = Path(__file__).resolve().parent.parent / "docs" / "layouts_and_noise.md"
_ROW = regex.compile(
    r"^\|\s*`(?P<code>[a-z-]+)`\s*\|\s*(?P<severity>\w+)\s*\|(?P<meaning>[^|]+)\|$"
)


def _rows() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match is not None:
            rows[match["code"]] = (match["severity"], match["meaning"].strip())
    return rows


def test_every_diagnostic_code_is_in_the_table_with_its_severity() -> None:
    rows = _rows()
    for code, entry in CODES.items():
        assert code in rows, f"{code} is missing from {PAGE.name}"
        assert rows[code][0] == entry.severity.value, code
        assert rows[code][1]


def test_the_table_has_no_stale_codes() -> None:
    assert set(_rows()) <= set(CODES)


def test_every_layout_has_a_section_with_a_sample() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for layout in [*(cls.name for cls in BUILTIN_LAYOUTS), "unknown"]:
        heading = regex.search(rf"^###[^\n]*`{regex.escape(layout)}`$", text, regex.MULTILINE)
        assert heading is not None, layout
        section = text[heading.end() :].split("\n### ", 1)[0].split("\n## ", 1)[0]
        assert "```text" in section, layout
