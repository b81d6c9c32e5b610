"""Stage 1: decoding and normalization, and the map from normalized offsets back to the input."""

from __future__ import annotations

from pathlib import Path

import pytest

import iroparse
from iroparse import NotAnIroLetter
from iroparse._pipeline.normalize import LIGATURES, decode, looks_binary, normalize


def test_crlf_and_lone_cr_become_lf() -> None:
    result = normalize("one\r\ntwo\rthree\n")
    assert result.text == "one\ntwo\nthree\n"


def test_original_maps_every_kept_character_back() -> None:
    original = "ab\r\ncd\u200bef\ufeffgh\r\n"
    result = normalize(original)
    assert result.text == "ab\ncdefgh\n"
    for offset, char in enumerate(result.text):
        assert original[result.original(offset)] == char


def test_original_of_a_line_end_points_at_the_kept_newline() -> None:
    original = "ab\r\ncd"
    result = normalize(original)
    newline = result.text.index("\n")
    assert original[result.original(newline)] == "\n"
    assert result.original(len(result.text)) == len(original)


def test_zero_width_characters_and_soft_hyphen_are_removed() -> None:
    original = "RE\u200bVIEW\u00ad OUT\u2060COME\u200c\u200d"
    result = normalize(original)
    assert result.text == "REVIEW OUTCOME"
    assert len(result.removed_before) == len(original) - len(result.text)
    start = result.text.index("OUTCOME")
    end = start + len("OUTCOME")
    assert original[result.original(start) : result.original(end - 1) + 1] == "OUT\u2060COME"


def test_unicode_spaces_become_plain_spaces_one_for_one() -> None:
    original = "DATE\u00a0OF\u2003REVIEW\u202f:"
    result = normalize(original)
    assert result.text == "DATE OF REVIEW :"
    assert len(result.text) == len(original)
    assert result.removed_before == ()


def test_form_feed_is_a_line_break_remembered_as_a_page_break() -> None:
    result = normalize("line one\nline two\fline three\nline four")
    assert result.text.split("\n") == ["line one", "line two", "line three", "line four"]
    assert result.page_breaks == frozenset({2})


def test_untouched_text_is_returned_unchanged() -> None:
    text = "[ X ] Upheld (Agree)\n[  ] Overturned (Disagree)\n"
    result = normalize(text)
    assert result.text == text
    assert result.original(7) == 7


def test_decode_prefers_utf8_and_drops_the_bom() -> None:
    assert decode("☒ Upheld".encode()) == "☒ Upheld"
    assert decode(b"\xef\xbb\xbfDATE OF REVIEW") == "DATE OF REVIEW"


def test_decode_falls_back_to_cp1252() -> None:
    data = b"Caf\xe9 \x93quoted\x94 \x96 dash"
    assert decode(data) == "Café \u201cquoted\u201d \u2013 dash"


def test_decode_passes_str_through() -> None:
    text = "already text"
    assert decode(text) is text


def test_decode_rejects_nul_bytes_and_says_why() -> None:
    with pytest.raises(NotAnIroLetter, match="NUL"):
        decode(b"%PDF\x00\x01\x02binary")


@pytest.mark.parametrize(
    ("text", "binary"),
    [
        ("a letter\twith tabs\nand lines\f", False),
        ("", False),
        ("x\x01\x02\x03\x04\x05\x06\x07\x08", True),
        ("text with a \x00 NUL", True),
    ],
)
def test_looks_binary(text: str, binary: bool) -> None:
    assert looks_binary(text) is binary


def test_utf16_text_with_a_byte_order_mark_is_decoded() -> None:
    text = "DATE OF REVIEW:\r\nAug/10/2009\r\n"
    for encoding in ("utf-16", "utf-16-be"):
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        assert decode(data) == text


@pytest.mark.parametrize(
    "char", ["\u00a0", "\u2003", "\u3000", "\r", "\v", "\u2028", "\u2029", "\x85"]
)
def test_one_character_to_translate_is_enough_to_translate(char: str) -> None:
    # normalize skips str.translate when the text holds no such character: the test that
    # decides it must know every one of them
    result = normalize(f"DATE OF REVIEW:{char}04/18/2014")
    assert result.text in ("DATE OF REVIEW: 04/18/2014", "DATE OF REVIEW:\n04/18/2014")
    assert char not in result.text


def test_a_box_drawn_right_of_other_text_is_undrawn_in_place() -> None:
    text = (
        "                                  +------------+\n"
        "LOST PINES INDEPENDENT REVIEW     |  RECEIVED  |\n"
        "507 Chestnut Street               |  MAR 2011  |\n"
        "                                  +------------+\n"
        "Plain text | with a bar\n"
    )
    undrawn = normalize(text).text
    assert len(undrawn) == len(text)
    assert "|" not in undrawn.split("\n")[1] and "+" not in undrawn.split("\n")[0]
    assert undrawn.split("\n")[1].split() == ["LOST", "PINES", "INDEPENDENT", "REVIEW", "RECEIVED"]
    assert undrawn.split("\n")[4] == "Plain text | with a bar"


def test_a_box_not_closed_below_is_left_as_it_is() -> None:
    text = "Left text                         +------------+\nLEFT      |  RECEIVED  |\n"
    assert normalize(text).text == text


def test_a_tables_part_of_a_line_is_undrawn_and_a_box_read_as_bars_is_not() -> None:
    """A drawn table's row with a sidebar's words past a wide gap loses its walls; a
    checklist's box a scan read as bars (``|Z|``) before its label keeps them."""
    row = "| Reduction mammaplasty, bilateral   | 19318 |    Noreen Castellanos, RN"
    undrawn = normalize(row).text
    assert len(undrawn) == len(row) and "|" not in undrawn
    assert (
        " ".join(undrawn.split()) == "Reduction mammaplasty, bilateral 19318 Noreen Castellanos, RN"
    )
    box = "   |Z|    Medical Judgement, Clinical Experience and Expertise"
    assert normalize(box).text == box


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("   D A T E   O F   R E V I E W :    04/21/2009", "   DATE OF REVIEW:    04/21/2009"),
        ("   S E R V I C E S   I N   D I S P U T E", "   SERVICES IN DISPUTE"),
        ("F. D E C I S I O N", "F. DECISION"),
        ("P a g e 2 of 3", "Page 2 of 3"),
        # a mark and its label, initials and a stamp's spaced date keep their blanks
        ("X    Upheld (Agree)", "X    Upheld (Agree)"),
        ("J. D. Smith, M.D.", "J. D. Smith, M.D."),
        ("RECEIVED MAY 2 1 2012", "RECEIVED MAY 2 1 2012"),
    ],
)
def test_letter_spaced_phrases_read_as_words(written: str, read: str) -> None:
    original = f"Header\r\n{written}\r\nEnd\r\n"
    result = normalize(original)
    assert result.text == f"Header\n{read}\nEnd\n"
    for offset, char in enumerate(result.text):
        assert original[result.original(offset)] == char


def test_a_letter_spaced_phrase_after_a_byte_order_mark_is_read_whole() -> None:
    result = normalize("\ufeffP A L U X Y   R E V I E W\r\n")
    assert result.text == "PALUXY REVIEW\n"
    assert result.original(0) == 1


def test_a_rule_drawn_after_a_headings_words_is_blanked() -> None:
    original = "Service in Dispute ─────────────\n────────────\nx ─── y\n"
    result = normalize(original)
    # (a rule alone on its line, or between words, is left to the later stages)
    assert result.text == "Service in Dispute              \n────────────\nx ─── y\n"
    assert len(result.text) == len(original)


def test_a_ligature_is_written_as_its_letters_and_maps_back_to_itself() -> None:
    original = "Modiﬁed\r\naﬃliated ﬂuid"
    result = normalize(original)
    assert result.text == "Modified\naffiliated fluid"
    for offset, char in enumerate(result.text):
        source = original[result.original(offset)]
        assert source == char or char in LIGATURES.get(source, "")
    assert result.original(len(result.text)) == len(original)
    start = result.text.index("fluid")
    assert original[result.original(start) : result.original(start + len("fluid"))] == "ﬂuid"


def test_a_word_processors_hyperlink_field_code_is_removed() -> None:
    original = (
        'Email: HYPERLINK "mailto:iro@example.com" iro@example.com\nSee HYPERLINK \\l "top" here'
    )
    result = normalize(original)
    assert result.text == "Email: iro@example.com\nSee here"
    for offset, char in enumerate(result.text):
        assert original[result.original(offset)] == char


def test_a_glyph_written_as_its_font_code_at_a_lines_start_is_a_bullet() -> None:
    original = "(cid:127) IRO assignment notice\n  (cid:127)  MRI report\nsee (cid:3) here"
    result = normalize(original)
    assert (
        result.text == "•         IRO assignment notice\n  •          MRI report\nsee (cid:3) here"
    )
    assert len(result.text) == len(original)
    sample = Path(__file__).resolve().parents[1] / "examples" / "letters" / "bracket_sample.txt"
    heading = "INFORMATION PROVIDED TO THE IRO FOR REVIEW \n"
    records = "(cid:127) Office notes of Dr. Lee\n(cid:127) MRI of the lumbar spine\n"
    text = sample.read_text(encoding="utf-8").replace(heading, heading + records)
    items = [item.text for item in iroparse.parse(text).information_provided]
    assert items == ["Office notes of Dr. Lee", "MRI of the lumbar spine"]
