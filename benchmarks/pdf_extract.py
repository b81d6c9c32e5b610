"""Measure PDF text extractors on letter-like PDFs: field-line fidelity and pages per second.

Run ``python benchmarks/pdf_extract.py [PAGES]`` for a Markdown table, or import it and call
:func:`measure`. The letters come from ``tests/pdf_factory.py`` (fpdf2): headings, narrative,
a date line, and checklists in four styles -- ``[ X ] label`` (bracket and label are separate
text objects), ``label ... X`` with the X in its own column at a fixed x (``trailing-x``), the
same with every X drawn after all other text (``overlay``, as a flattened form), and ☒ / ☐
glyphs from a TrueType font (``glyph``, skipped when the machine has no such font).

Fidelity is the fraction of known field lines (title, date line, heading lines, each checklist
label with its mark) found as a whole line of the output after folding runs of whitespace.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
for _extra in (_ROOT / "tests", _ROOT / "src"):
    if str(_extra) not in sys.path:
        sys.path.insert(0, str(_extra))

import pdf_factory  # noqa: E402  (lives in tests/, shared with the test suite)

Extractor = Callable[[Path], list[str]]
"""Reads a PDF and returns the text of each page."""

_WS = re.compile(r"\s+")


def _fold(line: str) -> str:
    return _WS.sub(" ", line).strip()


def _pdfminer_default(path: Path) -> list[str]:
    from pdfminer.high_level import extract_text

    return extract_text(str(path)).split("\f")


def _pdfminer_wide(path: Path) -> list[str]:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    # Merge characters across wide gaps into one line (char_margin is in multiples of the
    # character width), so a mark in its own column stays with its label.
    return extract_text(str(path), laparams=LAParams(char_margin=200.0)).split("\f")


def _pypdf_plain(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def _pypdf_layout(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text(extraction_mode="layout") for page in PdfReader(path).pages]


def _pdfium_plain(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        out = []
        for page in doc:
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return out
    finally:
        doc.close()


def _iroparse(path: Path) -> list[str]:
    from iroparse._io.pdf import extract_text

    return extract_text(path, max_pages=10_000).split("\f")


CANDIDATES: list[tuple[str, str, str, Extractor]] = [
    ("pdfminer.six", "pdfminer", "extract_text, default LAParams", _pdfminer_default),
    ("pdfminer.six", "pdfminer", "extract_text, LAParams(char_margin=200)", _pdfminer_wide),
    ("pypdf", "pypdf", "extract_text()", _pypdf_plain),
    ("pypdf", "pypdf", 'extract_text(extraction_mode="layout")', _pypdf_layout),
    ("pypdfium2", "pypdfium2", "get_text_range()", _pdfium_plain),
    ("pypdfium2", "pypdfium2", "iroparse._io.pdf: text rects regrouped by baseline", _iroparse),
]
"""(name shown, module that must be importable, mode, extractor)."""


def _quiet() -> None:
    for name in ("pypdf", "pdfminer", "fpdf", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _fidelity(pages: list[str], expected: list[str]) -> tuple[int, list[str]]:
    got = Counter(_fold(line) for text in pages for line in text.splitlines())
    hits = 0
    missed = []
    for line in expected:
        key = _fold(line)
        if got[key] > 0:
            got[key] -= 1
            hits += 1
        else:
            missed.append(line)
    return hits, missed


def measure(pages: int = 200) -> list[dict[str, object]]:
    """Generate letters holding at least ``pages`` pages and measure every installed extractor.

    Returns one row per extractor: ``library``, ``mode``, ``pages``, ``seconds``,
    ``pages_per_sec``, ``fidelity`` (0..1 over all letters), ``fidelity_by_style`` (dict) and
    ``missed`` (a few field lines it did not recover, for diagnosis). Extractors whose library
    is not installed are skipped.
    """
    _quiet()
    glyph_font = pdf_factory.find_glyph_font()
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        letters = pdf_factory.write_letters(tmp, pages, glyph_font=glyph_font)
        from pypdf import PdfReader

        page_counts = {path: len(PdfReader(path).pages) for path, _, _ in letters}
        n_pages = sum(page_counts.values())
        for name, module, mode, extractor in CANDIDATES:
            if importlib.util.find_spec(module) is None:
                continue
            extractor(letters[0][0])  # warm-up: imports, font caches
            hits = total = 0
            by_style: dict[str, list[int]] = {}
            missed: list[str] = []
            elapsed = 0.0
            for path, style, expected in letters:
                start = time.perf_counter()
                texts = extractor(path)
                elapsed += time.perf_counter() - start
                got, miss = _fidelity(texts, expected)
                hits += got
                total += len(expected)
                counts = by_style.setdefault(style, [0, 0])
                counts[0] += got
                counts[1] += len(expected)
                missed.extend(f"[{style}] {m}" for m in miss if len(missed) < 6)
            rows.append(
                {
                    "library": name,
                    "mode": mode,
                    "pages": n_pages,
                    "seconds": elapsed,
                    "pages_per_sec": n_pages / elapsed if elapsed else float("inf"),
                    "fidelity": hits / total if total else 0.0,
                    "fidelity_by_style": {s: h / t for s, (h, t) in by_style.items()},
                    "missed": missed,
                    "glyph_font": glyph_font,
                }
            )
    return rows


def to_markdown(rows: list[dict[str, object]]) -> str:
    """Render :func:`measure` rows as a Markdown table (fidelity overall and per style)."""
    styles: list[str] = []
    for row in rows:
        by_style = row["fidelity_by_style"]
        assert isinstance(by_style, dict)
        styles.extend(s for s in by_style if s not in styles)
    head = ["library", "mode", "fidelity", *styles, "pages/s"]
    out = io.StringIO()
    out.write("| " + " | ".join(head) + " |\n")
    out.write("|" + "|".join(["---", "---"] + ["---:"] * (len(head) - 2)) + "|\n")
    for row in rows:
        by_style = row["fidelity_by_style"]
        assert isinstance(by_style, dict)
        cells = [
            str(row["library"]),
            f"`{row['mode']}`",
            f"{row['fidelity']:.1%}",
            *(f"{by_style[s]:.0%}" if s in by_style else "-" for s in styles),
            f"{row['pages_per_sec']:.0f}",
        ]
        out.write("| " + " | ".join(cells) + " |\n")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Print the Markdown table (and a few missed lines per extractor with ``-v``)."""
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    numbers = [a for a in args if a.isdigit()]
    pages = int(numbers[0]) if numbers else 200
    rows = measure(pages)
    glyph_font = rows[0]["glyph_font"] if rows else None
    print(f"{rows[0]['pages'] if rows else 0} pages of letter-like PDFs;", end=" ")
    print(f"glyph font: {glyph_font}" if glyph_font else "no font with ☒/☐ found: glyphs skipped")
    print()
    print(to_markdown(rows))
    if verbose:
        for row in rows:
            print(row["library"], row["mode"], "missed:", *row["missed"], sep="\n  ")  # type: ignore[misc]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
