"""The labelled corpus in ``tests/golden/``: each letter ``NAME.txt`` has its expected fields in
``NAME.json``, compared the way the project's scoring tool compares them (strings with
whitespace folded, CPT codes as a sorted set, criteria as ``[code, checked]`` pairs in letter
order, ``forbidden_in_sections`` as strings no section text may contain). ``independent/``
holds letters written by hand, with their fields, from the statute's sections and real
letters' conventions, without the parser's code in view.

Every value also keeps its source: each span must slice the caller's original text to the value
it claims, also when that text has CRLF line ends and zero-width characters.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import iroparse
from iroparse._fields.dates import find_date
from iroparse._fields.narrative import decision_sentence, narrative_outcome
from iroparse._fields.patient import PRONOUNS, SEX_WORDS, age_value
from iroparse._pipeline.normalize import decode, normalize
from iroparse.catalogue import OCR_DIGITS, OUTCOMES

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"
CASES = sorted(GOLDEN.rglob("*.txt"))
SAMPLES = sorted(
    {
        *CASES,
        *(TESTS.parent / "examples" / "letters").glob("*.txt"),
        *(TESTS / "letters").rglob("*.txt"),
    }
)


def fold(value: Any) -> Any:
    """Whitespace runs to one space, stripped; non-strings unchanged."""
    return re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else value


def scored_fields(record: dict[str, Any]) -> dict[str, Any]:
    """The fields of a record as the scoring tool reads them."""
    services = record.get("services") or []
    patient = record.get("patient") or {}
    return {
        "outcome": record.get("outcome"),
        "review_date": record.get("review_date"),
        "case_number": record.get("case_number"),
        "services_text": fold(" ".join(s.get("text") or "" for s in services)),
        "cpt_codes": sorted({c for s in services for c in s.get("cpt_codes") or []}),
        "reviewer_qualifications": [fold(q) for q in record.get("reviewer_qualifications") or []],
        "information_provided": [fold(q) for q in record.get("information_provided") or []],
        "clinical_history": fold(record.get("clinical_history")) or None,
        "analysis": fold(record.get("analysis")) or None,
        "criteria": [[c.get("code"), c.get("checked")] for c in record.get("criteria") or []],
        "patient_sex": patient.get("sex"),
        "patient_age": patient.get("age"),
    }


def misses(expected: dict[str, Any], record: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """``{key: (wanted, got)}`` for every expected field the record gets wrong."""
    got = scored_fields(record)
    texts = [s.get("text") or "" for s in record.get("sections") or []]
    texts += [record.get("clinical_history") or "", record.get("analysis") or ""]
    wrong: dict[str, tuple[Any, Any]] = {}
    for key, want in expected.items():
        if key == "forbidden_in_sections":
            found = [f for f in want for t in texts if f in t]
            if found:
                wrong[key] = ([], found)
            continue
        if key == "cpt_codes":
            want = sorted(set(want))
        elif isinstance(want, list) and key != "criteria":
            want = [fold(w) for w in want]
        else:
            want = fold(want)
        if got[key] != want:
            wrong[key] = (want, got[key])
    return wrong


def expected_of(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
    return data


def read(case: Path) -> str:
    """The letter's text, decoded as the parser decodes bytes (a letter saved as cp1252 too)."""
    return decode(case.read_bytes())


def test_the_corpus_is_here() -> None:
    assert len(CASES) >= 2
    for case in CASES:
        assert case.with_suffix(".json").is_file(), case


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden_letter(case: Path) -> None:
    decision = iroparse.parse_file(case)
    record = iroparse.to_dict(decision)
    assert record["source"] == str(case)
    assert misses(expected_of(case), record) == {}


def test_the_comparison_catches_a_wrong_field() -> None:
    case = CASES[0]
    record = iroparse.to_dict(iroparse.parse(read(case)))
    record["criteria"][0]["checked"] = not record["criteria"][0]["checked"]
    record["sections"].append({"text": "mailto:someone@example.com"})
    wrong = misses({**expected_of(case), "forbidden_in_sections": ["mailto:"]}, record)
    assert set(wrong) == {"criteria", "forbidden_in_sections"}


# -- spans --------------------------------------------------------------------------------------


ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


#: Digits a scan reads for letters of a label: ``0verturned``, ``Uphe1d``.
OCR_LETTERS = str.maketrans("01", "ol")


def seen(text: str) -> str:
    """What a reader sees of ``text``: zero-width characters dropped, a letter-spaced phrase
    read as its words (``T E X A S   M E D I C A L`` as ``TEXAS MEDICAL``, the normalizer's
    rule, tested in ``tests/test_normalize.py``), whitespace folded."""
    return str(fold(ZERO_WIDTH.sub("", normalize(text).text)))


def check_spans(text: str, decision: iroparse.Decision) -> None:
    """Every span of ``decision`` slices ``text`` to (text containing) its value."""
    spans = decision.spans
    if decision.review_date is not None:
        assert spans.review_date is not None
        found = find_date(spans.review_date.slice(text))
        assert found is not None
        assert found[0] == decision.review_date
        assert (found[1], found[2]) == (0, spans.review_date.end - spans.review_date.start)
    if decision.case_number is not None:
        assert spans.case_number is not None
        printed = spans.case_number.slice(text)
        # (or as a scan printed it, letters for digits, said in a diagnostic)
        assert printed == decision.case_number or (
            "digits-from-ocr" in {note.code for note in decision.diagnostics}
            and len(printed) == len(decision.case_number)
            and all(
                a == b or a.translate(OCR_DIGITS) == b
                for a, b in zip(printed, decision.case_number, strict=True)
            )
        ), printed
    if spans.outcome is not None:
        label = next(e.label for e in OUTCOMES if e.code == decision.outcome.value)
        words = spans.outcome.slice(text)
        # the checked box's label, or the narrative's decision words read from the analysis
        # (either reading: a decision that disagrees about one service and agrees about the
        # rest reads as partial only as decision sentences)
        statements = [
            reader(" ".join(words.split())) for reader in (narrative_outcome, decision_sentence)
        ]
        from_narrative = any(s is not None and s[0] is decision.outcome for s in statements)
        # (a scan's ``0verturned`` is the label too)
        read = words.lower().translate(OCR_LETTERS)
        # (or a table of each service's decision, both decisions in it for a partial one)
        mixed = label.startswith("Partially") and "upheld" in read and "overturned" in read
        assert label.split()[0].lower() in read or from_narrative or mixed, words
    for item in (
        *decision.services,
        *decision.reviewer_qualifications,
        *decision.information_provided,
    ):
        assert item.span is not None
        written = seen(item.span.slice(text))
        # the item's words from its first to its last; a page's furniture may stand between
        # its lines, inside the span and out of the value; a word a line-end hyphen split
        # (``adjust-`` / ``ment``) is one word in the value (:func:`_find_word`)
        # (a table's row whose cell wrapped is read cell by cell: its words, each once, are
        # the span's, in the cells' order rather than the lines')
        assert (
            written == item.text
            or (
                written.startswith(item.text.split()[0][:3])
                and _ends_with_word(written, item.text.split()[-1])
                and _found_in_order(item.text.split(), written)
            )
            or _same_words_but_walls_and_labels(item.text, written, decision)
        ), (item.text, written)
    for criterion in decision.criteria:
        assert criterion.span is not None
        source = seen(criterion.span.slice(text))
        assert source.startswith(criterion.label.split()[0])
        # the label's words in order: a mark may stand between an item's lines (``...
        # Accepted<TAB>Yes`` / ``Medical Standards``), inside the item's span
        assert _in_order(criterion.label.split(), source.split()), (criterion.label, source)
        if criterion.description:
            # the description's words, last among the span's: a speck or a page's furniture
            # may stand between its lines, inside the span and out of the value
            words = criterion.description.split()
            assert source.endswith(criterion.description) or (
                source.endswith(words[-1]) and _found_in_order(words, source)
            ), (criterion.description, source)
    for name in ("clinical_history", "analysis"):
        value = getattr(decision, name)
        span = getattr(spans, name)
        if value is None:
            continue
        assert span is not None
        # a word the typesetter split at a line's end is one word in the value (``nec-`` /
        # ``essary.``): compare with such splits joined
        source = seen(span.slice(text))
        joined = source.replace("- ", "")
        words = value.split()
        assert source.startswith(words[0]) or joined.startswith(words[0])
        # (a page's furniture may stand between the pieces: ``up-`` ... ``held.``)
        assert _ends_with_word(source, words[-1]) or joined.endswith(words[-1])
    if decision.patient.sex is not None:
        assert spans.patient_sex is not None
        said = spans.patient_sex.slice(text)
        # a word for the sex, a header's ``F``, or a pronoun the sex was inferred from
        assert (
            SEX_WORDS.get(said.lower(), {"m": "male", "f": "female"}.get(said.lower()))
            == decision.patient.sex
            or PRONOUNS[decision.patient.sex].fullmatch(said) is not None
        ), said
    if decision.patient.age is not None:
        assert spans.patient_age is not None
        # the age as written: digits, or words (``forty-four``)
        assert age_value(spans.patient_age.slice(text)) == decision.patient.age
    for section in decision.sections:
        source = seen(text[section.start : section.end])
        # the heading's words in order: a page's furniture may stand between its lines
        assert source.startswith(section.heading[:1])
        assert _found_in_order(section.heading.split(), source), (section.heading, source)
        assert section.start <= section.end
        if section.text:
            assert _find_word(source, section.text.split()[-1]) >= 0
    for note in decision.diagnostics:
        if note.span is not None:
            # a message quotes at most 60 characters of its line (an inset box's sides
            # undrawn: ``____|____`` is quoted as ``____ ____``)
            quoted = seen(note.span.slice(text)).split()[0][:60]
            undrawn = quoted.replace("|", " ").split()
            assert quoted in note.message or (undrawn and undrawn[0] in note.message)


@pytest.mark.parametrize("case", SAMPLES, ids=lambda p: str(p.relative_to(TESTS.parent)))
def test_every_span_slices_the_original_text_to_its_value(case: Path) -> None:
    text = read(case)
    check_spans(text, iroparse.parse(text))


def test_the_review_date_span_slices_to_the_date_as_written() -> None:
    text = read(GOLDEN / "004_4475ce78ad411086.txt")
    decision = iroparse.parse(text)
    assert decision.spans.review_date is not None
    assert decision.spans.review_date.slice(text) == "Aug/10/2009"
    odg = next(c for c in decision.criteria if c.code == "odg")
    assert odg.span is not None
    assert odg.span.slice(text) == "ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES"


def crlf_variant(text: str) -> str:
    """``text`` with CRLF line ends, a BOM, zero-width characters and NBSPs sprinkled in."""
    text = text.replace("\n", "\r\n")
    text = text.replace("Aug/10/2009", "\u200bAug/10/2009")
    text = text.replace("REVIEW OUTCOME", "REVIEW\u00a0OUT\u200bCOME")
    text = text.replace("Upheld", "\u200dUpheld")
    text = text.replace("Board Certified", "Board\u00a0Certified")
    text = text.replace("\r\n", "\r\n\u200b", 1)  # in every letter, whatever its words
    return "\ufeff" + text


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_spans_index_the_callers_string_with_crlf_and_zero_width_characters(case: Path) -> None:
    plain = read(case)
    text = crlf_variant(plain)
    assert "\r\n" in text and "\u200b" in text
    decision = iroparse.parse(text)
    assert misses(expected_of(case), iroparse.to_dict(decision)) == {}
    check_spans(text, decision)
    baseline = iroparse.parse(plain)
    if decision.review_date is not None:
        # the date as written, as in the plain letter (a zero-width character before it
        # left out of the span)
        assert decision.spans.review_date is not None
        assert baseline.spans.review_date is not None
        written = baseline.spans.review_date.slice(plain)
        assert decision.spans.review_date.slice(text) == written
    # the criteria spans cover the same characters as in the plain letter
    for before, after in zip(baseline.criteria, decision.criteria, strict=True):
        assert before.span is not None and after.span is not None
        assert seen(after.span.slice(text)) == seen(before.span.slice(plain))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: str(p.relative_to(TESTS.parent)))
def test_crlf_changes_no_value_and_every_span_still_fits(sample: Path) -> None:
    plain = read(sample)
    text = crlf_variant(plain)
    baseline = iroparse.to_dict(iroparse.parse(plain))
    decision = iroparse.parse(text)
    assert scored_fields(iroparse.to_dict(decision)) == scored_fields(baseline)
    check_spans(text, decision)


# -- the record round trip ---------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: str(p.relative_to(TESTS.parent)))
def test_record_round_trip(sample: Path) -> None:
    decision = iroparse.parse_file(sample)
    record = iroparse.to_dict(decision)
    assert iroparse.to_dict(iroparse.from_dict(record)) == record
    assert iroparse.from_dict(record) == decision
    assert json.loads(json.dumps(record)) == record


def _found_in_order(words: list[str], source: str) -> bool:
    """Whether each of ``words`` occurs in ``source`` after the one before it (a word split
    by a line-end hyphen counts, its pieces apart: see :func:`_find_word`)."""
    at = 0
    for word in words:
        at = _find_word(source, word, at)
        if at < 0:
            return False
    return True


def _find_word(source: str, word: str, at: int = 0) -> int:
    """Where ``word`` ends in ``source`` from ``at`` on, or -1: written whole, or split by a
    line-end hyphen (``adjust-`` ... ``ment``, other cells of a table's row between them;
    ``follow-`` ``up`` for ``follow-up``)."""
    found = source.find(word, at)
    if found >= 0:
        return found + len(word)
    for k in range(1, len(word)):
        head, tail = word[:k].removesuffix("-") + "-", word[k:]
        start = source.find(head, at)
        end = source.find(tail, start + len(head)) if start >= 0 else -1
        if end >= 0:
            return end + len(tail)
    return -1


#: A drawn table's wall, inside a row's span between its cells.
WALLS = frozenset("|│┃")


def _same_words_but_walls_and_labels(value: str, written: str, decision: iroparse.Decision) -> bool:
    """A table's row read cell by cell: the value's words are the span's, but for the walls
    between the cells and a margin heading's words beside the rows (``review`` of
    ``Information provided`` / ``to the IRO for`` / ``review``)."""
    labels = {word for section in decision.sections for word in section.heading.split()}
    extra = Counter(written.split()) - Counter(value.split())
    return not Counter(value.split()) - Counter(written.split()) and all(
        word in WALLS or word in labels for word in extra
    )


def _ends_with_word(source: str, word: str) -> bool:
    """Whether ``source`` ends with ``word``, whole or as the last piece of a split word."""
    return source.endswith(word) or any(
        source.endswith(word[k:]) and _find_word(source, word) == len(source)
        for k in range(1, len(word))
    )


def _in_order(words: list[str], source: list[str]) -> bool:
    """Whether ``words`` occur in ``source`` in order, other words allowed between them."""
    remaining = iter(source)
    return all(word in remaining for word in words)
