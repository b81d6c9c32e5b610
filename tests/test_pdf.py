"""PDF input (``iroparse._io.pdf``): line fidelity on letter-like PDFs, page handling, errors."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import pdf_factory
from iroparse._io.pdf import extract_text
from iroparse.errors import (
    InputError,
    IroParseError,
    PdfCorrupt,
    PdfEncrypted,
    PdfNoText,
    PdfSupportMissing,
    PdfTooLarge,
)

GLYPH_FONT = pdf_factory.find_glyph_font()


def _folded_lines(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]


@pytest.mark.parametrize("style", ["bracket", "trailing-x", "overlay"])
def test_checklist_marks_stay_on_their_label_line(tmp_path: Path, style: str) -> None:
    path = tmp_path / f"{style}.pdf"
    expected = pdf_factory.write_letter(path, style, paragraphs=1)
    lines = _folded_lines(extract_text(path))
    missing = [line for line in expected if line not in lines]
    assert missing == []
    if style != "bracket":
        assert "Upheld (Agree) X" in lines
        assert "X" not in lines  # no mark stranded on a line of its own
    else:
        assert "[ X ] Upheld (Agree)" in lines
        assert "[ ] Overturned (Disagree)" in lines


@pytest.mark.skipif(GLYPH_FONT is None, reason="no TrueType font with ☒/☐ on this machine")
def test_glyph_checkboxes_survive(tmp_path: Path) -> None:
    path = tmp_path / "glyph.pdf"
    expected = pdf_factory.write_letter(path, "glyph", paragraphs=1, glyph_font=GLYPH_FONT)
    lines = _folded_lines(extract_text(path))
    assert [line for line in expected if line not in lines] == []
    assert "☒ Upheld (Agree)" in lines


def test_mark_column_is_kept_as_spaces(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    pdf_factory.write_letter(path, "trailing-x", paragraphs=1)
    line = next(x for x in extract_text(path).splitlines() if x.startswith("Upheld"))
    assert re.fullmatch(r"Upheld \(Agree\) {5,}X", line)


def test_pages_are_separated_by_form_feeds(tmp_path: Path) -> None:
    path = tmp_path / "three.pdf"
    pdf_factory.write_pages(path, ["first page", "second page", "third page"])
    text = extract_text(path)
    assert text == "first page\n\fsecond page\n\fthird page\n"
    assert text.split("\f") == ["first page\n", "second page\n", "third page\n"]


def test_max_pages_stops_reading(tmp_path: Path) -> None:
    path = tmp_path / "five.pdf"
    pdf_factory.write_pages(path, [f"page {n}" for n in range(1, 6)])
    text = extract_text(path, max_pages=2)
    assert text == "page 1\n\fpage 2\n"


def test_owner_password_only_is_read(tmp_path: Path) -> None:
    path = tmp_path / "owner.pdf"
    pdf_factory.write_encrypted(path, "readable letter", user_password=None)
    assert extract_text(path) == "readable letter\n"


def test_extract_accepts_str_paths(tmp_path: Path) -> None:
    path = tmp_path / "one.pdf"
    pdf_factory.write_pages(path, ["hello"])
    assert extract_text(str(path)) == "hello\n"


def _assert_error(
    excinfo: pytest.ExceptionInfo[IroParseError], code: str, path: Path
) -> IroParseError:
    err = excinfo.value
    assert err.code == code
    assert err.source == str(path)
    assert str(path) in str(err)
    assert isinstance(err, ValueError)
    return err


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    pdf_factory.write_encrypted(path, "secret letter", user_password="secret")
    with pytest.raises(PdfEncrypted) as excinfo:
        extract_text(path)
    _assert_error(excinfo, "pdf-encrypted", path)


@pytest.mark.parametrize("kind", ["truncated", "garbage", "empty-file", "header-only"])
def test_corrupt_pdf(tmp_path: Path, kind: str) -> None:
    good = tmp_path / "good.pdf"
    pdf_factory.write_letter(good, "bracket", paragraphs=1)
    data = good.read_bytes()
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(
        {
            "truncated": data[: len(data) // 2],
            "garbage": b"this is not a PDF at all\n" * 50,
            "empty-file": b"",
            "header-only": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        }[kind]
    )
    with pytest.raises(PdfCorrupt) as excinfo:
        extract_text(path)
    _assert_error(excinfo, "pdf-corrupt", path)


@pytest.mark.parametrize("kind", ["blank", "shapes-and-image"])
def test_pdf_without_text(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.pdf"
    if kind == "blank":
        pdf_factory.write_blank(path, pages=2)
    else:
        pdf_factory.write_image_only(path)
    with pytest.raises(PdfNoText) as excinfo:
        extract_text(path)
    _assert_error(excinfo, "pdf-no-text", path)


def test_too_large_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(b"not even a PDF, but the size check comes first" * 100)
    with pytest.raises(PdfTooLarge) as excinfo:
        extract_text(path, max_bytes=1000)
    err = _assert_error(excinfo, "pdf-too-large", path)
    assert "1,000" in err.message


def test_missing_library_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "one.pdf"
    pdf_factory.write_pages(path, ["hello"])
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # makes the import fail
    with pytest.raises(PdfSupportMissing) as excinfo:
        extract_text(path)
    _assert_error(excinfo, "pdf-support-missing", path)


def test_importing_iroparse_pdf_does_not_import_the_library() -> None:
    import subprocess

    code = "import sys, iroparse._io.pdf; print('pypdfium2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.pdf"
    with pytest.raises(InputError) as excinfo:
        extract_text(path)
    _assert_error(excinfo, "input-error", path)


def test_runs_on_one_baseline_join_whatever_their_height() -> None:
    from iroparse._io.pdf import _join_runs

    runs = [
        (60.0, 574.5, 160.0, 583.8, "Upheld (Agree)"),  # label with descenders
        (400.0, 575.0, 412.0, 589.0, "X"),  # a larger mark on the same baseline
        (200.0, 573.0, 230.0, 574.0, "___"),  # an underline run, below the baseline
        (60.0, 552.0, 70.0, 560.0, "\uf078"),  # a Wingdings box, passed through
        (75.0, 552.0, 190.0, 560.0, "Overturned"),
    ]
    lines = _join_runs(runs)
    assert len(lines) == 2
    assert re.fullmatch(r"Upheld \(Agree\) +___ +X", lines[0])
    assert lines[1].startswith("\uf078") and lines[1].endswith("Overturned")


def test_a_stranger_in_another_column_leaves_the_marked_line() -> None:
    from iroparse._io.pdf import _join_runs

    runs = [
        (60.0, 600.0, 400.0, 610.0, "TEXAS GUIDELINES FOR CHIROPRACTIC QUALITY ASSURANCE"),
        (60.0, 585.0, 140.0, 595.0, "PARAMETERS"),
        (400.0, 585.0, 408.0, 595.0, "X"),  # the item's mark, in the mark column
        (520.0, 585.0, 545.0, 595.0, "ARX"),  # a margin stamp on the same baseline
        (60.0, 570.0, 250.0, 580.0, "TEXAS TACADA GUIDELINES"),
    ]
    lines = _join_runs(runs)
    assert [" ".join(line.split()) for line in lines] == [
        "TEXAS GUIDELINES FOR CHIROPRACTIC QUALITY ASSURANCE",
        "PARAMETERS X",
        "TEXAS TACADA GUIDELINES",
        "ARX",
    ]


def test_a_table_s_last_column_stays_on_its_line() -> None:
    from iroparse._io.pdf import _join_runs

    runs = [
        (60.0, 600.0, 100.0, 610.0, "63650"),
        (120.0, 600.0, 330.0, 610.0, "Spinal cord stimulator trial"),
        (480.0, 600.0, 540.0, 610.0, "Overturned"),
    ]
    assert [" ".join(line.split()) for line in _join_runs(runs)] == [
        "63650 Spinal cord stimulator trial Overturned"
    ]
