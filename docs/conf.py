"""Sphinx configuration of the iroparse documentation (MyST Markdown, furo, autodoc).

Build: ``make docs`` (``sphinx-build -W --keep-going -q -b html docs docs/_build/html``).

How the examples in these pages are tested (``tests/test_docs.py``): every page's code blocks
run in order, in one namespace per page, in a temporary directory that holds a copy of the
repository's ``examples/`` folder and a copy of ``examples/letters`` as ``letters/``, so
relative paths such as ``examples/letters`` or ``letters/`` work and files the examples write
stay out of the checkout.

* ``python`` blocks (fenced ``python``/``py`` or ``{code-block} python``) and ``{testcode}``
  blocks are executed;
* ``pycon`` blocks and ``{doctest}`` blocks (``>>>`` prompts) run as doctests: the printed
  output must match;
* ``{testsetup}`` blocks run first on their page and are not shown in the HTML (they are the
  directive of ``sphinx.ext.doctest``, enabled for that reason);
* in ``console`` blocks, every ``$ iroparse ...`` and ``$ python ...`` command runs and must
  exit with status 0 (other commands, such as ``pip install`` or ``make``, are not run).

The generated pages (CLI reference, layout gallery, catalogue tables, record fields, JSON
Schema) come from the directives of ``docs/_ext/iroparse_docs.py``, which call the library at
build time.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent / "src"))

import iroparse  # noqa: E402

project = "iroparse"
author = "iroparse developers"
copyright = "2026, iroparse developers"
release = version = iroparse.__version__

# "--jobs" in prose stays two hyphens: options are typed, not typeset (no en dashes)
smartquotes = False

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "iroparse_docs",
    "letter_picture",
    "stats_chart",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_typehints = "signature"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
# ``iroparse`` re-exports the classes of ``iroparse.model``; both are documented, so a short
# reference such as ``Decision`` has two targets. The first one is right for both.
suppress_warnings = ["ref.python"]

html_theme = "furo"
html_title = f"iroparse {release}"
html_static_path = ["_static"]
# wide tables wrap their cells instead of overflowing the page
html_css_files = ["tables.css"]
