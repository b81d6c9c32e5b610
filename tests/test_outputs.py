"""The batch output writers: every format reads back, resume, and survival of ``kill -9``."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from iroparse.errors import IroParseError
from iroparse.model import (
    Criterion,
    Decision,
    Diagnostic,
    ListItem,
    Outcome,
    ParseResult,
    Patient,
    Section,
    Service,
    Severity,
    Span,
)
from iroparse.outputs import (
    CSV_COLUMNS,
    FILE_FORMATS,
    SQLITE_SCHEMA,
    STREAM_FORMATS,
    iter_jsonl,
    open_writer,
    row_of,
    write_stream,
)

RESUMABLE = ("jsonl", "sqlite")


def decision(outcome: Outcome = Outcome.UPHELD, **changes: object) -> Decision:
    """A decision with a value in every kind of field."""
    fields: dict[str, object] = {
        "outcome": outcome,
        "review_date": datetime.date(2009, 8, 10),
        "case_number": "12-3456",
        "services": (
            Service("Sacral block, CPT: 64999", ("64999",), Span(10, 40)),
            Service("Fluoroscopy", ("77003", "64999")),
        ),
        "reviewer_qualifications": (ListItem("Board Certified in PM&R", Span(50, 73)),),
        "information_provided": (ListItem("Office notes"), ListItem("MRI report")),
        "clinical_history": "This is a xx-year-old man ...",
        "analysis": "Opinion: I agree.",
        "criteria": (
            Criterion("acoem", "ACOEM", False),
            Criterion("odg", "ODG-OFFICIAL DISABILITY GUIDELINES", True, span=Span(90, 120)),
            Criterion("peer_reviewed_literature", "PEER REVIEWED LITERATURE", True, "Smith 2004"),
            Criterion("other", "OTHER: LOCAL POLICY", True, "policy 7"),
        ),
        "patient": Patient(45, "male"),
        "sections": (Section("analysis", "ANALYSIS", "Opinion: I agree.", 200, 240),),
        "diagnostics": (
            Diagnostic(Severity.WARNING, "noise-removed", "removed a link artefact", 57),
            Diagnostic(Severity.INFO, "redacted", "case number redacted"),
        ),
        "layout": "bracket",
    }
    fields.update(changes)
    return Decision(**fields)  # type: ignore[arg-type]


def ok(name: str, outcome: Outcome = Outcome.UPHELD, sha: str | None = None) -> ParseResult:
    return ParseResult(name, decision(outcome), sha256=sha or f"sha-{name}")


def failed(name: str, code: str = "pdf-encrypted", sha: str | None = None) -> ParseResult:
    return ParseResult(
        name, error_code=code, error_message=f"{name} is encrypted", sha256=sha or f"sha-{name}"
    )


BATCH = [
    ok("a.txt"),
    ok("b.txt", Outcome.OVERTURNED),
    ok("c.txt", Outcome.UPHELD),
    failed("d.pdf"),
]


def write_all(path: Path, results: list[ParseResult], *, resume: bool = True) -> frozenset[object]:
    with open_writer(path, resume=resume) as writer:
        done = writer.done
        for result in results:
            writer.write(result)
    return frozenset(done)


# --- rows -------------------------------------------------------------------------------


def test_row_of_a_decision_is_its_record_with_source_and_sha256() -> None:
    row = row_of(ParseResult("x.txt", decision(source="ignored"), sha256="abc"))
    assert list(row)[:4] == ["schema_version", "source", "sha256", "layout"]
    assert row["source"] == "x.txt"
    assert row["sha256"] == "abc"
    assert row["outcome"] == "upheld"
    assert "error" not in row


def test_row_of_an_error_has_only_source_sha256_and_error() -> None:
    row = row_of(failed("x.pdf", "pdf-corrupt"))
    assert row == {
        "source": "x.pdf",
        "sha256": "sha-x.pdf",
        "error": {"code": "pdf-corrupt", "message": "x.pdf is encrypted"},
    }


# --- each format reads back -----------------------------------------------------------------


def test_jsonl_file_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_all(path, BATCH)
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert [r["source"] for r in rows] == ["a.txt", "b.txt", "c.txt", "d.pdf"]
    assert rows[0] == row_of(BATCH[0])
    assert rows[3]["error"]["code"] == "pdf-encrypted"


def test_json_file_is_one_array(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    write_all(path, BATCH)
    rows = json.loads(path.read_text("utf-8"))
    assert rows == [row_of(r) for r in BATCH]


def test_csv_file_has_the_flat_columns(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_all(path, BATCH)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    assert len(CSV_COLUMNS) == 22 + 15 + 4  # record columns, criteria, other/diagnostics/error
    first, error = rows[0], rows[3]
    assert first["outcome"] == "upheld"
    assert first["review_date"] == "2009-08-10"
    assert first["services"] == "Sacral block, CPT: 64999 | Fluoroscopy"
    assert first["cpt_codes"] == "64999;77003"
    assert first["information_provided"] == "Office notes | MRI report"
    assert first["patient_age"] == "45"
    assert first["criterion_odg"] == "true"
    assert first["criterion_peer_reviewed_literature"] == "true"
    assert first["criterion_acoem"] == "false"
    assert first["criteria_other"] == "OTHER: LOCAL POLICY"
    assert first["diagnostics"] == "noise-removed;redacted"
    assert first["error_code"] == ""
    assert error["error_code"] == "pdf-encrypted"
    assert error["outcome"] == "" and error["criterion_odg"] == ""


def test_parquet_file_has_nested_types(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "out.parquet"
    write_all(path, BATCH)
    table = pq.read_table(path)
    assert table.num_rows == 4
    schema = table.schema
    assert pa.types.is_list(schema.field("services").type)
    assert pa.types.is_struct(schema.field("services").type.value_type)
    assert pa.types.is_struct(schema.field("criteria").type.value_type)
    assert pa.types.is_struct(schema.field("diagnostics").type.value_type)
    assert pa.types.is_struct(schema.field("patient").type)
    assert pa.types.is_date32(schema.field("review_date").type)
    rows = table.to_pylist()
    assert rows[0]["review_date"] == datetime.date(2009, 8, 10)
    assert rows[0]["services"][0]["cpt_codes"] == ["64999"]
    assert rows[0]["criteria"][1] == {
        "code": "odg",
        "label": "ODG-OFFICIAL DISABILITY GUIDELINES",
        "checked": True,
        "description": None,
        "start": 90,
        "end": 120,
    }
    assert rows[0]["patient"] == {"age": 45, "sex": "male"}
    assert rows[0]["spans"]["reviewer_qualifications"] == [[50, 73]]
    assert rows[3]["error_code"] == "pdf-encrypted"
    assert rows[3]["outcome"] is None and rows[3]["services"] is None
    assert not list(tmp_path.glob("*.partial"))


def test_parquet_is_written_in_bounded_row_groups(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "out.parquet"
    small = Decision(outcome=Outcome.OVERTURNED)
    write_all(path, [ParseResult(f"{i}.txt", small, sha256=str(i)) for i in range(2100)])
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == 2100
    assert meta.num_row_groups == 3


def test_parquet_without_pyarrow_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(IroParseError) as info:
        open_writer(tmp_path / "out.parquet")
    assert info.value.code == "parquet-support-missing"
    assert "pyarrow" in str(info.value)


def test_sqlite_tables_are_filled_and_queryable(tmp_path: Path) -> None:
    path = tmp_path / "out.sqlite"
    write_all(path, BATCH)
    with sqlite3.connect(path) as db:
        by_outcome = dict(
            db.execute(
                "SELECT coalesce(outcome, error_code), count(*) FROM decisions GROUP BY 1"
            ).fetchall()
        )
        assert by_outcome == {"upheld": 2, "overturned": 1, "pdf-encrypted": 1}
        odg = db.execute(
            "SELECT d.source FROM decisions d JOIN criteria c ON c.decision_id = d.id"
            " WHERE c.code = 'odg' AND c.checked ORDER BY d.source"
        ).fetchall()
        assert odg == [("a.txt",), ("b.txt",), ("c.txt",)]
        assert db.execute("SELECT count(*) FROM services").fetchone() == (6,)
        assert db.execute("SELECT text, cpt_codes FROM services WHERE position = 1").fetchone() == (
            "Fluoroscopy",
            "77003;64999",
        )
        assert db.execute("SELECT count(*) FROM diagnostics WHERE line = 57").fetchone() == (3,)
        record = json.loads(
            db.execute("SELECT record_json FROM decisions WHERE source = 'a.txt'").fetchone()[0]
        )
        assert record == row_of(BATCH[0])
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_sqlite_schema_constant_is_valid_sql() -> None:
    db = sqlite3.connect(":memory:")
    db.executescript(SQLITE_SCHEMA)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {
        "decisions",
        "services",
        "codes",
        "criteria",
        "sections",
        "diagnostics",
        "specialties",
    }


# --- streams ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", STREAM_FORMATS)
def test_write_stream_counts_rows_and_failures(fmt: str) -> None:
    out = io.StringIO()
    assert write_stream(iter(BATCH), out, fmt) == (4, 1)
    assert out.getvalue().endswith("\n")


def test_write_stream_json_streams_and_parses() -> None:
    out = io.StringIO()
    seen: list[str] = []

    def results() -> Iterator[ParseResult]:
        for result in BATCH:
            yield result
            seen.append(out.getvalue())  # the row is out before the next input is asked for

    write_stream(results(), out, "json")
    assert json.loads(out.getvalue()) == [row_of(r) for r in BATCH]
    assert seen[0].startswith("[\n{") and seen[0].count("\n") == 1
    empty = io.StringIO()
    write_stream([], empty, "json")
    assert json.loads(empty.getvalue()) == []


def test_write_stream_csv_and_jsonl() -> None:
    out = io.StringIO()
    write_stream(BATCH, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["source"] for r in rows] == ["a.txt", "b.txt", "c.txt", "d.pdf"]
    out = io.StringIO()
    write_stream(BATCH, out, "jsonl")
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [row_of(r) for r in BATCH]


@pytest.mark.parametrize("width", [80, 120, 160])
def test_the_table_fits_the_console_and_cuts_nothing(width: int) -> None:
    from rich.console import Console

    from iroparse.outputs.table import TableSink

    path = "/a/very/long/directory/name/that/goes/on/letter-000123.txt"
    long = ParseResult(
        path,
        decision(
            Outcome.PARTIALLY_OVERTURNED,
            services=tuple(Service(f"s{i}", (f"6499{i}",)) for i in range(9)),
            criteria=tuple(Criterion(c, c.upper(), True) for c in ("odg", "acoem", "interqual")),
        ),
        sha256="x",
    )
    out = io.StringIO()
    sink = TableSink(out, Console(file=out, width=width))
    for result in [long, *BATCH, failed("e.pdf", "not-an-iro-letter")]:
        sink.write(row_of(result))
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["letter", "layout", "outcome", "date", "cpt", "criteria", "diag"]
    assert all(len(line) <= width for line in lines)
    # the path wraps inside its column, folder and all: nothing is cut
    column = sink.widths["letter"]
    first_row = [line for line in lines[1:] if line[:column].strip()][: len(path) // column + 1]
    assert "".join(line[:column].strip() for line in first_row) == path
    text = out.getvalue()
    start = sum(w + 1 for title, w in sink.widths.items() if title in ("letter", "layout"))
    start += sum(w + 1 for title, w in sink.widths.items() if title in ("outcome", "date", "cpt"))
    criteria = "".join(line[start : start + sink.widths["criteria"]].strip() for line in lines)
    assert "peer_reviewed_literature" in criteria  # a code too long for its column wraps whole
    assert "partially_overturned" in text
    assert "~" not in text and "…" not in text
    assert "ERROR not-an-iro-letter" in text


def test_a_table_written_to_a_file_is_plain_text_120_columns_wide() -> None:
    out = io.StringIO()
    write_stream(BATCH, out, "table")
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 120
    assert "\x1b[" not in out.getvalue()  # no colour codes in a file


def test_unknown_formats_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(IroParseError) as info:
        open_writer(tmp_path / "out.xlsx")
    assert info.value.code == "usage"
    for extension in (".jsonl", ".json", ".csv", ".parquet", ".sqlite"):
        assert extension in str(info.value)
    with pytest.raises(IroParseError) as info:
        write_stream(BATCH, io.StringIO(), "yaml")
    assert info.value.code == "usage"


def test_extensions_are_case_insensitive(tmp_path: Path) -> None:
    with open_writer(tmp_path / "OUT.JSONL") as writer:
        assert writer.format_name == "jsonl"
    assert set(FILE_FORMATS.values()) == {"jsonl", "json", "csv", "parquet", "sqlite"}


# --- resume -------------------------------------------------------------------------------


def sqlite_sources(path: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT source, error_code FROM decisions ORDER BY source").fetchall()


def latest_rows(path: Path, fmt: str) -> dict[str, dict[str, object]]:
    if fmt == "jsonl":
        return {str(r["source"]): r for r in iter_jsonl(path)}
    with sqlite3.connect(path) as db:
        return {
            source: json.loads(record)
            for source, record in db.execute("SELECT source, record_json FROM decisions")
        }


@pytest.mark.parametrize("fmt", RESUMABLE)
def test_resume_writes_only_what_is_missing(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    a, b, c = ok("a.txt"), ok("b.txt"), ok("c.txt")
    assert write_all(path, [a, b]) == frozenset()
    with open_writer(path) as writer:
        assert writer.done == {("a.txt", "sha-a.txt"), ("b.txt", "sha-b.txt")}
        for result in (a, b, c):
            if (result.source, result.sha256) not in writer.done:
                writer.write(result)
        assert writer.written == 1
    assert sorted(latest_rows(path, fmt)) == ["a.txt", "b.txt", "c.txt"]
    if fmt == "jsonl":
        assert len(path.read_text("utf-8").splitlines()) == 3


@pytest.mark.parametrize("fmt", RESUMABLE)
def test_error_rows_are_retried_and_replaced(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    write_all(path, [ok("a.txt"), failed("b.pdf", sha="hb")])
    with open_writer(path) as writer:
        assert writer.done == {("a.txt", "sha-a.txt")}  # the error row is retried
        writer.write(ParseResult("b.pdf", decision(), sha256="hb"))
    rows = latest_rows(path, fmt)
    assert "error" not in rows["b.pdf"]
    if fmt == "sqlite":
        assert sqlite_sources(path) == [("a.txt", None), ("b.pdf", None)]
    with open_writer(path) as writer:
        assert writer.done == {("a.txt", "sha-a.txt"), ("b.pdf", "hb")}


@pytest.mark.parametrize("fmt", RESUMABLE)
def test_a_changed_input_supersedes_its_old_row(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    write_all(path, [ok("a.txt", sha="v1")])
    assert write_all(path, [ok("a.txt", Outcome.OVERTURNED, sha="v2")]) == {("a.txt", "v1")}
    assert latest_rows(path, fmt)["a.txt"]["outcome"] == "overturned"
    with open_writer(path) as writer:
        assert writer.done == {("a.txt", "v2")}
    if fmt == "sqlite":
        assert sqlite_sources(path) == [("a.txt", None)]


@pytest.mark.parametrize("fmt", RESUMABLE)
def test_resume_false_starts_over(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    write_all(path, [ok("a.txt"), ok("b.txt")])
    assert write_all(path, [ok("c.txt")], resume=False) == frozenset()
    assert sorted(latest_rows(path, fmt)) == ["c.txt"]


@pytest.mark.parametrize("extension", [".json", ".csv", ".parquet"])
def test_other_formats_are_rewritten(tmp_path: Path, extension: str) -> None:
    if extension == ".parquet":
        import pyarrow  # noqa: F401
    path = tmp_path / f"out{extension}"
    write_all(path, [ok("a.txt"), ok("b.txt")])
    with open_writer(path) as writer:
        assert writer.done == frozenset()
        writer.write(ok("c.txt"))
    if extension == ".json":
        assert [r["source"] for r in json.loads(path.read_text("utf-8"))] == ["c.txt"]


def test_jsonl_resume_cuts_a_truncated_last_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_all(path, [ok("a.txt"), ok("b.txt")])
    whole = path.read_bytes()
    path.write_bytes(whole[:-40])  # the second row cut short, as by kill -9
    with open_writer(path) as writer:
        assert writer.done == {("a.txt", "sha-a.txt")}
        writer.write(ok("b.txt"))
    assert path.read_bytes() == whole


def test_jsonl_resume_keeps_a_complete_last_line_without_newline(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_all(path, [ok("a.txt")])
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    write_all(path, [ok("b.txt")])
    lines = path.read_text("utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["a.txt", "b.txt"]


def test_jsonl_resume_refuses_a_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"source": "a.txt", "sha256": "x"}\nnot json\n{"source": "b"}\n', "utf-8")
    with pytest.raises(IroParseError) as info:
        open_writer(path)
    assert info.value.code == "output-corrupt"
    assert ":2:" in str(info.value)


def test_sqlite_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "out.sqlite"
    path.write_text("hello, this is not a database at all" * 100, "utf-8")
    with pytest.raises(IroParseError) as info:
        open_writer(path)
    assert info.value.code == "output-error"


def test_criteria_codes_agree_with_the_catalogue() -> None:
    import iroparse.catalogue as catalogue

    expected = tuple(f"criterion_{code}" for code in catalogue.CRITERIA_CODES)
    assert tuple(c for c in CSV_COLUMNS if c.startswith("criterion_")) == expected


# --- kill -9 --------------------------------------------------------------------------------

WRITER_SCRIPT = textwrap.dedent(
    """
    import sys
    from iroparse.model import Decision, ParseResult, Section
    from iroparse.outputs import open_writer

    text = "clinical history " * 400  # rows of ~20 kB, so a kill can land mid-write
    writer = open_writer(sys.argv[1])
    i = 0
    while True:
        d = Decision(clinical_history=text, sections=(Section("other", "H", text, 0, 1),))
        writer.write(ParseResult(f"letter-{i}.txt", d, sha256=f"sha-{i}"))
        i += 1
        print(f"written {i}", flush=True)
    """
)


@pytest.mark.parametrize("fmt", RESUMABLE)
def test_kill_9_loses_nothing_reported_written(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER_SCRIPT, str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.strip() == "written 200":
                break
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        rest = proc.stdout.read()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    reported = 200 + rest.count("written ")
    expected = {(f"letter-{i}.txt", f"sha-{i}") for i in range(reported)}

    if fmt == "sqlite":
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            present = set(db.execute("SELECT source, sha256 FROM decisions"))
    with open_writer(path) as writer:  # repairs a JSONL line cut short by the kill
        assert expected <= writer.done
        assert len(writer.done) <= reported + 1  # at most the row being written when killed
    if fmt == "jsonl":
        lines = path.read_text("utf-8").splitlines()
        present = {(r["source"], r["sha256"]) for r in map(json.loads, lines)}
    assert expected <= present


# --- docs -------------------------------------------------------------------------------------

DOC = Path(__file__).resolve().parents[1] / "docs" / "outputs.md"


def test_the_docs_show_the_sqlite_schema_and_every_criterion_column() -> None:
    text = DOC.read_text("utf-8")
    # the schema and the column table are rendered from the code by the docs' directives
    assert "```{iroparse-sqlite-schema}" in text and "```{iroparse-columns}" in text
    for column in CSV_COLUMNS:
        if column.startswith("criterion_"):
            assert f"`{column}`" in text
