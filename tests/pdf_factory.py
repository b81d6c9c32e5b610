"""Letter-like PDFs made with fpdf2 at test (or benchmark) time, so no binaries are committed.

The letters imitate what word processors write for IRO decision letters: every label, mark,
heading line and date is its own text object placed at an explicit position, so a checklist
row such as ``Upheld (Agree)            X`` is two text objects on one baseline, far apart.
Each builder returns the *field lines* a faithful extractor must recover (after folding runs
of whitespace to one space): the title, the date line, every heading line and every checklist
line with its mark.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF

STYLES = ("bracket", "trailing-x", "overlay", "glyph")
"""The checkbox styles :func:`write_letter` can typeset.

``bracket``: ``[ X ]`` and the label as two text objects; ``trailing-x``: the label, then an
``X`` in a column of its own at a fixed x on the same baseline; ``overlay``: like
``trailing-x`` but every ``X`` is drawn after all other text of the document, as a filled and
flattened form does (content-stream order differs from reading order); ``glyph``: ☒ / ☐ from
a TrueType font, then the label.
"""

CHECKED_GLYPH = "\u2612"  # ☒
UNCHECKED_GLYPH = "\u2610"  # ☐

OUTCOMES = (
    "Upheld (Agree)",
    "Overturned (Disagree)",
    "Partially Overturned (Agree in part/Disagree in part)",
)

CRITERIA: tuple[tuple[str, ...], ...] = (
    ("ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL", "MEDICINE UM KNOWLEDGEBASE"),
    ("AHCPR-AGENCY FOR HEALTHCARE RESEARCH & QUALITY GUIDELINES",),
    ("DWC-DIVISION OF WORKERS COMPENSATION POLICIES OR GUIDELINES",),
    ("EUROPEAN GUIDELINES FOR MANAGEMENT OF CHRONIC LOW BACK PAIN",),
    ("INTERQUAL CRITERIA",),
    (
        "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH",
        "ACCEPTED MEDICAL STANDARDS",
    ),
    ("MERCY CENTER CONSENSUS CONFERENCE GUIDELINES",),
    ("MILLIMAN CARE GUIDELINES",),
    ("ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES",),
    ("PRESSLEY REED, THE MEDICAL DISABILITY ADVISOR",),
    ("TEXAS GUIDELINES FOR CHIROPRACTIC QUALITY ASSURANCE & PRACTICE", "PARAMETERS"),
    ("TEXAS TACADA GUIDELINES",),
    ("TMF SCREENING CRITERIA MANUAL",),
    ("PEER REVIEWED NATIONALLY ACCEPTED MEDICAL LITERATURE (PROVIDE A", "DESCRIPTION)"),
    (
        "OTHER EVIDENCE BASED, SCIENTIFICALLY VALID, OUTCOME FOCUSED GUIDELINES",
        "(PROVIDE A DESCRIPTION)",
    ),
)

NARRATIVE = (
    "This is a xx-year-old man injured in xxxx. Dr. felt he had a psoas compartment syndrome "
    "and performed a local anesthetic block with steroid that gave 3 weeks of relief. He would "
    "like to inject this and the iliopsoas with Botox under fluoroscopy control. He would also "
    "inject the quadratus lumborum, gluteus maximus and gluteus medius trigger points. The "
    "Reviewer found no evidence of a trial of a conservative therapy program, and the ODG does "
    "not support the procedure without documentation of failed prior treatments."
)

DATE_LABEL = "DATE OF REVIEW:"
DATE_VALUE = "Aug/10/2009"
TITLE = "NOTICE OF INDEPENDENT REVIEW DECISION"

_LEFT = 20.0
_LINE = 6.0


def find_glyph_font() -> str | None:
    """Return the path of a TrueType font that has both ☒ and ☐, or None if the machine has none.

    Asks ``fc-list`` first and falls back to the DejaVu fonts most Linux machines ship.
    """
    if shutil.which("fc-list"):
        try:
            out = subprocess.run(
                ["fc-list", ":charset=2610 2612", "file"],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        files = sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())
        files = [f for f in files if f.lower().endswith(".ttf")]
        preferred = [f for f in files if os.path.basename(f) == "DejaVuSans.ttf"]
        if preferred or files:
            return (preferred or files)[0]
    for candidate in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    ):
        if os.path.exists(candidate):
            return candidate
    return None


class _Letter(FPDF):
    """An FPDF with a page header and a "Page n" footer (page furniture the parser drops).

    ``overlay`` collects marks (page, x, y, text) to draw once all other text is written.
    """

    overlay: list[tuple[int, float, float, str]]

    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_xy(140, 8)
        self.cell(text="Applied Resolutions LLC")
        self.set_xy(_LEFT, 20)

    def footer(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_y(-15)
        self.cell(0, 5, f"Page {self.page_no()}", align="C")


def _new_pdf() -> _Letter:
    pdf = _Letter(format="letter", unit="mm")
    pdf.overlay = []
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_compression(True)
    return pdf


def _text_at(pdf: FPDF, x: float, y: float, text: str, font: str = "Helvetica") -> None:
    pdf.set_font(font, size=10)
    pdf.set_xy(x, y)
    pdf.cell(h=_LINE, text=text)


def _row(pdf: FPDF, *parts: tuple[float, str, str]) -> None:
    """Typeset one visual line made of several text objects: (x, text, font) each."""
    if pdf.will_page_break(_LINE):
        pdf.add_page()
    y = pdf.get_y()
    for x, text, font in parts:
        if text:
            _text_at(pdf, x, y, text, font)
    pdf.set_xy(_LEFT, y + _LINE)


def _heading(pdf: FPDF, lines: Sequence[str], expected: list[str]) -> None:
    pdf.ln(3)
    for line in lines:
        if pdf.will_page_break(_LINE):
            pdf.add_page()
        pdf.set_font("Helvetica", style="B", size=10)
        y = pdf.get_y()
        pdf.set_xy(_LEFT, y)
        pdf.cell(h=_LINE, text=line)
        pdf.set_xy(_LEFT, y + _LINE)
        expected.append(line)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", size=10)
    pdf.set_x(_LEFT)
    pdf.multi_cell(0, 5, text)
    pdf.set_x(_LEFT)


def _checklist(
    pdf: _Letter,
    items: Sequence[tuple[str, ...]],
    checked: set[int],
    style: str,
    mark_x: float,
    glyph_font: str | None,
    expected: list[str],
) -> None:
    for index, lines in enumerate(items):
        mark = index in checked
        pdf.ln(2)
        if style == "bracket":
            box = "[ X ]" if mark else "[    ]"
            for n, line in enumerate(lines):
                _row(
                    pdf,
                    (_LEFT, box if n == 0 else "", "Helvetica"),
                    (_LEFT + 12, line, "Helvetica"),
                )
                expected.append(f"{'[ X ]' if mark else '[ ]'} {line}" if n == 0 else line)
        elif style in ("trailing-x", "overlay"):
            for n, line in enumerate(lines):
                last = n == len(lines) - 1
                x_text = "X" if mark and last else ""
                if style == "overlay" and x_text:
                    if pdf.will_page_break(_LINE):
                        pdf.add_page()
                    pdf.overlay.append((pdf.page, mark_x, pdf.get_y(), x_text))
                    _row(pdf, (_LEFT, line, "Helvetica"))
                else:
                    _row(pdf, (_LEFT, line, "Helvetica"), (mark_x, x_text, "Helvetica"))
                expected.append(f"{line} X" if x_text else line)
        elif style == "glyph":
            if glyph_font is None:
                raise ValueError("the glyph style needs a font with ☒ and ☐")
            glyph = CHECKED_GLYPH if mark else UNCHECKED_GLYPH
            for n, line in enumerate(lines):
                _row(pdf, (_LEFT, glyph if n == 0 else "", "glyph"), (_LEFT + 7, line, "Helvetica"))
                expected.append(f"{glyph} {line}" if n == 0 else line)
        else:
            raise ValueError(f"unknown checkbox style {style!r}")


def write_letter(
    path: str | os.PathLike[str],
    style: str = "trailing-x",
    *,
    variant: int = 0,
    paragraphs: int = 4,
    glyph_font: str | None = None,
) -> list[str]:
    """Write a letter-like PDF to ``path`` and return the field lines it contains.

    ``style`` is one of :data:`STYLES`; ``variant`` picks the outcome and the checked criteria;
    ``paragraphs`` sets how much narrative (and so how many pages) the letter has; the glyph
    style needs ``glyph_font`` (see :func:`find_glyph_font`).
    """
    pdf = _new_pdf()
    if glyph_font is not None:
        pdf.add_font("glyph", fname=glyph_font)
    pdf.add_page()
    expected: list[str] = []

    pdf.set_font("Helvetica", style="B", size=12)
    pdf.set_x(_LEFT)
    pdf.cell(0, 8, TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    expected.append(TITLE)
    pdf.ln(4)
    _row(pdf, (_LEFT, DATE_LABEL, "Helvetica"), (70, DATE_VALUE, "Helvetica"))
    expected.append(f"{DATE_LABEL} {DATE_VALUE}")
    _row(pdf, (_LEFT, "IRO CASE #:", "Helvetica"))

    _heading(pdf, ["DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE"], expected)
    _paragraph(pdf, "Sacral/Coccygeal Block under Anesthesia with Fluoro Guidance; CPT: 64999")
    _heading(
        pdf,
        [
            "A DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER HEALTH CARE",
            "PROVIDER WHO REVIEWED THE DECISION",
        ],
        expected,
    )
    _paragraph(pdf, "Board Certified in Physical Medicine and Rehabilitation")
    _heading(pdf, ["REVIEW OUTCOME"], expected)
    _paragraph(
        pdf,
        "Upon independent review the reviewer finds that the previous adverse "
        "determination/adverse determinations should be:",
    )
    outcome = variant % len(OUTCOMES)
    _checklist(pdf, [(o,) for o in OUTCOMES], {outcome}, style, 125, glyph_font, expected)

    _heading(pdf, ["PATIENT CLINICAL HISTORY SUMMARY"], expected)
    for _ in range(paragraphs):
        _paragraph(pdf, NARRATIVE)
        pdf.ln(2)
    _heading(
        pdf,
        [
            "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS",
            "AND CONCLUSIONS USED TO SUPPORT THE DECISION",
        ],
        expected,
    )
    for _ in range(paragraphs):
        _paragraph(pdf, NARRATIVE)
        pdf.ln(2)
    _heading(
        pdf,
        [
            "A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL",
            "BASIS USED TO MAKE THE DECISION",
        ],
        expected,
    )
    checked = {5, 8} if variant % 2 == 0 else {0, 10, 14}
    _checklist(pdf, CRITERIA, checked, style, 185, glyph_font, expected)
    last_page = pdf.page
    for page, x, y, text in pdf.overlay:
        pdf.page = page
        _text_at(pdf, x, y, text)
    pdf.page = last_page
    pdf.output(str(path))
    return expected


def write_pages(path: str | os.PathLike[str], texts: Sequence[str]) -> None:
    """Write a PDF with one page per entry of ``texts``, each a single line of that text."""
    pdf = FPDF(format="letter", unit="mm")
    pdf.set_font("Helvetica", size=11)
    for text in texts:
        pdf.add_page()
        pdf.cell(text=text)
    pdf.output(str(path))


def write_encrypted(
    path: str | os.PathLike[str], text: str, *, user_password: str | None = "secret"
) -> None:
    """Write an RC4-encrypted one-page PDF; ``user_password=None`` leaves it openable."""
    pdf = FPDF(format="letter", unit="mm")
    pdf.set_encryption(owner_password="owner-pw", user_password=user_password)
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.cell(text=text)
    pdf.output(str(path))


def write_blank(path: str | os.PathLike[str], *, pages: int = 1) -> None:
    """Write a PDF whose pages are empty."""
    pdf = FPDF(format="letter", unit="mm")
    for _ in range(pages):
        pdf.add_page()
    pdf.output(str(path))


def write_image_only(path: str | os.PathLike[str]) -> None:
    """Write a PDF with a drawn rectangle on page 1 and a raster image on page 2, no text."""
    from PIL import Image

    pdf = FPDF(format="letter", unit="mm")
    pdf.add_page()
    pdf.set_fill_color(200, 200, 200)
    pdf.rect(20, 20, 100, 50, style="DF")
    pdf.add_page()
    pdf.image(Image.new("RGB", (64, 32), (90, 90, 90)), x=20, y=20, w=80)
    pdf.output(str(path))


def write_letters(
    folder: str | os.PathLike[str],
    pages: int,
    *,
    glyph_font: str | None = None,
    paragraphs: int = 6,
) -> list[tuple[Path, str, list[str]]]:
    """Write letters into ``folder`` until they hold at least ``pages`` pages in all.

    Cycles through the checkbox styles (skipping ``glyph`` when ``glyph_font`` is None) and
    returns ``(path, style, expected field lines)`` for each letter.
    """
    from pypdf import PdfReader

    styles = [s for s in STYLES if s != "glyph" or glyph_font is not None]
    out: list[tuple[Path, str, list[str]]] = []
    total = 0
    index = 0
    while total < pages:
        style = styles[index % len(styles)]
        path = Path(folder) / f"letter_{index:04d}_{style}.pdf"
        expected = write_letter(
            path, style, variant=index, paragraphs=paragraphs, glyph_font=glyph_font
        )
        total += len(PdfReader(path).pages)
        out.append((path, style, expected))
        index += 1
    return out
