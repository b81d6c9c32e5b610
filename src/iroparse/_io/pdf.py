"""PDF input: turn a letter PDF into text, one text line per visual line.

This module is the only place that knows which PDF library iroparse uses (pypdfium2, the
PDFium engine; see ``docs/pdf.md`` for the measurements behind the choice). The library is
imported on first use, so ``import iroparse`` stays fast and works without the ``pdf`` extra.

Lines are rebuilt from the positions of the text runs PDFium reports, not from the order in
which the PDF draws them: a checklist mark typeset as its own text object in a column of its
own (``Upheld (Agree)            X``), or drawn after everything else as in a flattened form,
still lands on its label's line. The horizontal gap between two runs on a line becomes a
proportional run of spaces, so columns stay visible.
"""

from __future__ import annotations

import importlib
import itertools
import logging
import os
import re
import threading
from typing import Any

from iroparse.errors import (
    InputError,
    PdfCorrupt,
    PdfEncrypted,
    PdfNoText,
    PdfSupportMissing,
    PdfTooLarge,
)

__all__ = ["extract_text"]

# PDFium is not thread-safe: every call into it goes through this lock.
_LOCK = threading.Lock()

# PDFium reports a hyphen it inferred at a line end as U+0002; other C0 controls are noise.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BREAKS = re.compile(r"[\r\n\t]+")

# pypdfium2.raw error codes (FPDF_GetLastError) that mean "needs a password / unsupported
# security handler" rather than "broken file".
_ERR_PASSWORD = 4
_ERR_SECURITY = 5

_Run = tuple[float, float, float, float, str]  # left, bottom, right, top, text


def _load(source: str) -> Any:
    """Import pypdfium2 (typed as Any: it ships no type information)."""
    try:
        module = importlib.import_module("pypdfium2")
    except ImportError as exc:
        raise PdfSupportMissing(
            "reading PDF files needs the pdf extra: pip install 'iroparse[pdf]'"
            f" (pypdfium2 is not importable: {exc})",
            source=source,
        ) from exc
    logging.getLogger("pypdfium2").setLevel(logging.ERROR)
    return module


def _clean(text: str) -> str:
    text = text.replace("\x02", "-")
    text = _BREAKS.sub(" ", text)
    return _CONTROLS.sub("", text)


#: Texts that are a checkbox mark on their own (a column of marks after the labels).
MARK_RUNS = frozenset("Xx✓✔☒☑■") | {"[X]", "[x]", "(X)", "(x)"}
#: A run this many character widths after a mark run is in another column (a margin stamp).
STRANGER_GAP = 6.0
#: A short run this far (as a share of the page's text width) from the text before it, at the
#: right margin, is in another column too; longer runs are a table's last column and stay.
FAR_COLUMN = 0.45
FAR_COLUMN_TEXT = 12


def _join_runs(runs: list[_Run]) -> list[str]:
    """Group text runs into visual lines, top to bottom, each line's runs left to right.

    Text in another column on the same baseline (a margin stamp after a checklist mark, a short
    note at the far right) is not part of the line: it becomes a line of its own after the
    page's other lines, where it reads as page furniture rather than as the item's words.
    """
    runs.sort(key=lambda r: (-(r[1] + r[3]), r[0]))
    lines: list[list[_Run]] = []
    low = high = anchor = 0.0
    for run in runs:
        middle = (run[1] + run[3]) / 2
        # Same line: the run's middle lies within the line's vertical extent, give or take a
        # fifth (a short run such as "-" or "___"), or the line's first middle lies within the
        # run (a taller mark). Lines are at least ~1.1 em apart, so neighbours do not merge.
        slack = 0.2 * (high - low)
        if lines and (low - slack <= middle <= high + slack or run[1] <= anchor <= run[3]):
            lines[-1].append(run)
            low, high = min(low, run[1]), max(high, run[3])
        else:
            lines.append([run])
            low, high, anchor = run[1], run[3], middle
    width = max((r[2] for r in runs), default=0.0) - min((r[0] for r in runs), default=0.0)
    out: list[str] = []
    aside: list[str] = []
    for line in lines:
        line.sort(key=lambda r: r[0])
        main, stranger = _split_columns(line, width)
        for part, target in ((main, out), (stranger, aside)):
            text = _line_text(part)
            if text:
                target.append(text)
    return out + aside


def _char_width(run: _Run) -> float:
    return (run[2] - run[0]) / max(len(run[4]), 1)


def _split_columns(line: list[_Run], width: float) -> tuple[list[_Run], list[_Run]]:
    """The line's own runs, and the runs of another column on the same baseline."""
    for k in range(1, len(line)):
        prev, run = line[k - 1], line[k]
        gap = run[0] - prev[2]
        after_mark = prev[4].strip() in MARK_RUNS and k > 1
        if after_mark and gap >= STRANGER_GAP * max(_char_width(run), 1.0):
            return line[:k], line[k:]
        rest = "".join(r[4] for r in line[k:]).strip()
        if (
            width > 0
            and gap >= FAR_COLUMN * width
            and len(rest) <= FAR_COLUMN_TEXT
            and run[4].strip() not in MARK_RUNS
            and not rest.startswith(("[", "("))
        ):
            return line[:k], line[k:]
    return line, []


def _line_text(line: list[_Run]) -> str:
    """The runs of one line as text, gaps kept as proportional runs of spaces."""
    if not line:
        return ""
    parts = [line[0][4]]
    for prev, run in itertools.pairwise(line):
        char_width = _char_width(prev)
        gap = run[0] - prev[2]
        if char_width <= 0:
            spaces = 1
        elif gap < 0.15 * char_width:
            spaces = 0 if prev[4].endswith(" ") or run[4].startswith(" ") else 1
        else:
            spaces = max(1, round(gap / char_width))
        parts.append(" " * spaces)
        parts.append(run[4])
    return "".join(parts).rstrip()


def _page_lines(page: Any) -> list[str]:
    textpage = page.get_textpage()
    try:
        runs: list[_Run] = []
        for index in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(index)
            text = _clean(textpage.get_text_bounded(left, bottom, right, top))
            if text.strip():
                runs.append((left, bottom, right, top, text))
        return _join_runs(runs)
    finally:
        textpage.close()


def extract_text(
    path: str | os.PathLike[str], *, max_pages: int = 50, max_bytes: int = 20_000_000
) -> str:
    """Return the text of the PDF at ``path``: one line per visual line, pages split by ``\\f``.

    Every line ends with ``\\n``; a form feed separates one page from the next (the
    ``pdftotext`` convention, so ``str.splitlines`` sees one blank line at a page break). Only
    the first ``max_pages`` pages are read; later pages are ignored without error. The file
    size is checked against ``max_bytes`` before anything is read.

    Raises :class:`~iroparse.errors.PdfTooLarge` (over ``max_bytes``),
    :class:`~iroparse.errors.PdfEncrypted` (needs a password; a PDF with only an owner
    password is read), :class:`~iroparse.errors.PdfCorrupt` (not a PDF, broken structure, or
    any error inside the PDF library), :class:`~iroparse.errors.PdfNoText` (no non-whitespace
    text: empty or image-only, it needs OCR), :class:`~iroparse.errors.PdfSupportMissing` (the
    ``pdf`` extra is not installed) and :class:`~iroparse.errors.InputError` (the path cannot
    be read at all). Every message names the file.
    """
    source = os.fspath(path)
    try:
        size = os.stat(source).st_size
        if not os.path.isfile(source):
            raise InputError("not a regular file", source=source)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=source) from exc
    if size > max_bytes:
        raise PdfTooLarge(
            f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes", source=source
        )
    pdfium = _load(source)
    pages: list[str] = []
    with _LOCK:
        try:
            document = pdfium.PdfDocument(source)
        except Exception as exc:
            code = getattr(exc, "err_code", None)  # older pypdfium2: only the message
            if code in (_ERR_PASSWORD, _ERR_SECURITY) or "password" in str(exc).lower():
                raise PdfEncrypted(
                    "the PDF is encrypted and needs a password to open", source=source
                ) from exc
            raise PdfCorrupt(f"not a readable PDF ({exc})", source=source) from exc
        try:
            for number in range(min(len(document), max(max_pages, 0))):
                page = document[number]
                try:
                    lines = _page_lines(page)
                finally:
                    page.close()
                pages.append("".join(line + "\n" for line in lines))
        except Exception as exc:
            where = f"page {len(pages) + 1}"
            raise PdfCorrupt(f"cannot extract text from {where} ({exc})", source=source) from exc
        finally:
            document.close()
    if not any(text.strip() for text in pages):
        raise PdfNoText(
            f"no text in {len(pages)} page(s): the PDF is empty or image-only (it needs OCR)",
            source=source,
        )
    return "\f".join(pages)
