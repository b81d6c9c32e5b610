"""The ``iroparse explain`` command: read a letter, explain it on the terminal or as a page."""

from __future__ import annotations

import sys
from pathlib import Path

from iroparse._io.files import read_letter
from iroparse._pipeline.normalize import decode
from iroparse.errors import IroParseError
from iroparse.explain import explain

__all__ = ["run"]


def run(path: Path, html: Path | None = None) -> int:
    """Explain the letter at ``path`` (text or PDF) on stdout, or write the page to ``html``;
    return the exit status. A letter that cannot be read raises
    :class:`~iroparse.errors.IroParseError`."""
    if not path.is_file():
        raise IroParseError(f"{path}: no such file", code="usage")
    explanation = explain(decode(read_letter(path)))
    if html is not None:
        from iroparse.explain.page import explanation_page

        html.write_text(explanation_page(explanation, path.name), encoding="utf-8")
        print(f"iroparse: wrote {html}", file=sys.stderr)
        return 0
    from iroparse.explain.terminal import print_explanation
    from iroparse.outputs.table import table_console

    print_explanation(explanation, table_console(sys.stdout))
    return 0
