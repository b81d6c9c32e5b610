"""The command line: ``iroparse parse | detect | layouts | schema`` (DESIGN section 5).

Every input yields exactly one row, the record or an error row; the exit status is 0 when all
inputs parsed, 1 when some failed (the others are still written) and 2 for usage errors. No
traceback reaches the user: a failure is a row, a usage error a one-line message.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from iroparse.outputs.formats import FILE_FORMATS, STREAM_FORMATS
from iroparse.stats.command import add_parser as add_stats_parser

if TYPE_CHECKING:
    from iroparse._progress import BatchProgress
    from iroparse.model import ParseResult
    from iroparse.outputs.base import Writer

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: The exit status of a run stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (the CLI reference in the docs is generated from it)."""
    parser = argparse.ArgumentParser(
        prog="iroparse",
        description="Turn Texas IRO decision letters (.txt, .pdf) into typed data.",
        epilog="Exit status: 0 all inputs parsed, 1 some failed (the rest still written), 2 usage.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse letters into records",
        description="Parse letters (files, or folders searched for *.txt and *.pdf) into one "
        "row each: the record, or an error row with a code and a message.",
    )
    parse.add_argument("paths", nargs="+", metavar="PATH", help="letter files or folders")
    parse.add_argument(
        "--format",
        choices=STREAM_FORMATS,
        default=None,
        help="output format on stdout (default: table on a terminal, jsonl when piped)",
    )
    parse.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE instead, the format chosen by its extension: "
        + " ".join(FILE_FORMATS)
        + " (.jsonl and .sqlite resume: inputs already written are skipped)",
    )
    parse.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="parse with N worker processes (default 1)"
    )
    parse.add_argument(
        "--strict", action="store_true", help="treat error-level diagnostics as failures"
    )
    parse.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="per-file time limit with --jobs > 1 (default 60)",
    )
    parse.add_argument(
        "--max-pages",
        type=int,
        default=None,
        metavar="N",
        help="read at most the first N pages of a PDF (default 50)",
    )
    parse.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        metavar="N",
        help="skip (as an error row) any file over N bytes "
        "(default 5,000,000 for text, 20,000,000 for PDF)",
    )
    parse.add_argument(
        "--no-resume",
        action="store_true",
        help="with --out: start the file afresh instead of skipping inputs already written",
    )
    parse.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr (auto: only on a terminal)",
    )

    detect = commands.add_parser(
        "detect",
        help="rank the layouts for each letter",
        description="Print each registered layout's score for each letter, best first.",
    )
    detect.add_argument("paths", nargs="+", metavar="PATH", help="letter files or folders")

    explain = commands.add_parser(
        "explain",
        help="show a letter annotated with what was read from it",
        description=(
            "Print the letter with each line's section in the margin, each value highlighted "
            "with its field name, the checklist marks read, the page furniture struck through "
            "and the diagnostics at their lines; with --html, write the same as one "
            "self-contained page, the record beside the text."
        ),
    )
    explain.add_argument("path", metavar="PATH", help="a letter (.txt or .pdf)")
    explain.add_argument("--html", metavar="FILE", help="write an HTML page to FILE instead")

    add_stats_parser(commands)
    commands.add_parser(
        "layouts",
        help="list installed layouts",
        description="List the registered layouts, built-in and from plugins.",
    )
    commands.add_parser(
        "schema",
        help="print the JSON Schema of a row",
        description="Print the JSON Schema (draft 2020-12) every output row validates against.",
    )
    return parser


def _version() -> str:
    from iroparse import __version__

    return f"iroparse {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from iroparse.errors import IroParseError

    try:
        handler = {
            "parse": _parse,
            "detect": _detect,
            "explain": _explain,
            "stats": _stats,
            "layouts": _layouts,
            "schema": _schema,
        }[args.command]
        return handler(args)
    except IroParseError as error:
        print(f"iroparse: error: {error}", file=sys.stderr)
        # the output could not be written (locked, full disk, read-only): some rows failed
        return EXIT_FAILED if error.code == "output-error" else EXIT_USAGE
    except KeyboardInterrupt:
        print("iroparse: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


def _shown(results: Iterable[ParseResult], progress: BatchProgress | None) -> Iterator[ParseResult]:
    """``results``, through the progress bar when there is one."""
    return iter(results) if progress is None else progress.track(results)


def _progress_bar(args: argparse.Namespace, skipped: int = 0) -> BatchProgress | None:
    """The batch's progress bar when ``--progress`` wants one (auto: stderr is a terminal),
    its total counted from the inputs first."""
    from iroparse._progress import BatchProgress, count_inputs, wanted

    if not wanted(args.progress):
        return None
    return BatchProgress(count_inputs(args.paths), skipped=skipped)


def _parse(args: argparse.Namespace) -> int:
    from iroparse.batch import Limits, parse_many, parse_path, parse_path_to_row
    from iroparse.errors import IroParseError
    from iroparse.outputs import open_writer, write_stream

    if args.jobs < 1:
        raise IroParseError("--jobs must be at least 1", code="usage")
    if args.timeout <= 0:
        raise IroParseError("--timeout must be more than 0", code="usage")
    limits = Limits.from_options(args.max_pages, args.max_bytes)
    _refuse_contradiction(args)
    failed = 0
    if args.out:
        _refuse_output_among_inputs(args.out, args.paths)
        writer = open_writer(args.out, resume=not args.no_resume)
        done = writer.done
        seen = 0
        progress = _progress_bar(args, skipped=len(done))
        try:
            with writer, progress or contextlib.nullcontext():
                results = parse_many(
                    args.paths,
                    jobs=args.jobs,
                    strict=args.strict,
                    timeout=args.timeout,
                    skip=(lambda source, digest: (source, digest) in done) if done else None,
                    limits=limits,
                    task=parse_path_to_row if args.jobs > 1 else parse_path,
                )
                for result in _shown(results, progress):
                    writer.write(result)
                    failed += not result.ok
                    seen += 1
                    _report_failure(result)
        except KeyboardInterrupt:
            print(_interrupted(writer, args.out), file=sys.stderr)
            return EXIT_INTERRUPTED
        if not seen and not done:
            return _nothing_found(args.paths)
        print(
            f"iroparse: wrote {writer.written} rows to {args.out} "
            f"({failed} failed, {len(done)} already there)",
            file=sys.stderr,
        )
        return EXIT_FAILED if failed else EXIT_OK
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    results = parse_many(
        args.paths,
        jobs=args.jobs,
        strict=args.strict,
        timeout=args.timeout,
        limits=limits,
        task=parse_path_to_row if args.jobs > 1 else parse_path,
    )
    progress = _progress_bar(args)
    try:
        with progress or contextlib.nullcontext():
            # inside the bar, sys.stdout prints above it when it is the same terminal
            stream: TextIO = sys.stdout
            sink = None
            if fmt == "table" and progress is not None and stream.isatty():
                from iroparse.outputs.table import TableSink

                sink = TableSink(stream, progress.console)  # one console: rows above the bar
            rows = _reported(_shown(results, progress))
            counts = write_stream(rows, stream, fmt, sink=sink)
    except KeyboardInterrupt as stop:
        written = getattr(stop, "rows_written", 0)
        print(
            f"iroparse: interrupted after {written} rows on stdout; stdout cannot resume: "
            "write to a file (--out FILE) to resume a batch where it stopped",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    if not counts.written:
        return _nothing_found(args.paths)
    print(
        f"iroparse: {counts.written - counts.failed} parsed, {counts.failed} failed, "
        f"written to stdout as {fmt}",
        file=sys.stderr,
    )
    return EXIT_FAILED if counts.failed else EXIT_OK


def _interrupted(writer: Writer, out: str) -> str:
    """What an interrupted run kept, and how to go on."""
    if writer.partial is None:
        return (
            f"iroparse: interrupted; {writer.written} rows were written to {out} and are kept: "
            "run the same command again to resume (inputs already written are skipped)"
        )
    return (
        f"iroparse: interrupted; {writer.written} rows are in {writer.partial}, and {out} was "
        "not replaced: run the same command again to write it whole"
    )


def _refuse_output_among_inputs(out: str, paths: Sequence[str]) -> None:
    """``--out`` must not name one of the inputs: the run would read what it overwrites."""
    from iroparse.errors import IroParseError

    target = Path(out).resolve()
    if any(Path(path).resolve() == target for path in paths):
        raise IroParseError(
            f"--out {out} is also an input: write the output to another file", code="usage"
        )


def _refuse_contradiction(args: argparse.Namespace) -> None:
    """``--format`` must agree with the format ``--out``'s extension selects."""
    from iroparse.errors import IroParseError

    if not (args.out and args.format):
        return
    chosen = FILE_FORMATS.get(Path(args.out).suffix.lower())
    if chosen != args.format:
        raise IroParseError(
            f"--format {args.format} contradicts --out {args.out} (a {chosen or 'unknown'} "
            "file): the extension chooses the format; drop --format or change the extension",
            code="usage",
        )


def _report_failure(result: ParseResult) -> None:
    """One line on stderr for an input that failed, when stderr is a terminal (piped, the
    error row in the output says it)."""
    if not result.ok and sys.stderr.isatty():
        print(
            f"iroparse: {result.source}: {result.error_code}: {result.error_message}",
            file=sys.stderr,
        )


def _reported(results: Iterable[ParseResult]) -> Iterator[ParseResult]:
    for result in results:
        _report_failure(result)
        yield result


def _nothing_found(paths: Sequence[str]) -> int:
    print(
        f"iroparse: no letters found in {', '.join(paths)} (folders are searched for *.txt "
        "and *.pdf)",
        file=sys.stderr,
    )
    return EXIT_FAILED


def _detect(args: argparse.Namespace) -> int:
    from iroparse import detect_layout
    from iroparse._io.files import expand, read_letter
    from iroparse.errors import IroParseError

    failed = 0
    for path in expand(args.paths):
        try:
            ranked = detect_layout(read_letter(path))
        except IroParseError as error:
            failed += 1
            print(f"{path}\tERROR {error.code}: {error.message}")
            continue
        scores = "  ".join(f"{c.name}={c.score:.2f}" for c in ranked)
        print(f"{path}\t{ranked[0].name if ranked[0].score > 0 else 'unknown'}\t{scores}")
    return EXIT_FAILED if failed else EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    from iroparse.stats.command import run

    return run(args)


def _explain(args: argparse.Namespace) -> int:
    from iroparse.explain.command import run

    return run(Path(args.path), Path(args.html) if args.html else None)


def _layouts(args: argparse.Namespace) -> int:
    from iroparse import layouts
    from iroparse.plugins import registry

    for layout in layouts():
        print(
            f"{layout.name:<14} {type(layout).__module__}.{type(layout).__qualname__}  "
            f"{layout.description}"
        )
    for name, reason in registry().disabled:
        print(f"{name:<14} disabled: {reason}")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from iroparse.schema import SCHEMA

    print(json.dumps(SCHEMA, indent=2))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
