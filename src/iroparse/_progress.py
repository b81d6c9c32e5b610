"""The progress bar a person at a terminal sees while a batch runs, drawn by rich on stderr.

The bar knows its total (the inputs are counted before the batch starts: a walk of the folders,
no file is read), so it shows letters done of all, the percentage, the time taken and the time
left, and the failures so far. When stdout is the same terminal, what the batch prints there
(the ``table``) goes through the bar's console, so rows appear above the bar instead of under
it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING

from iroparse._io.files import expand
from iroparse.model import ParseResult

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

__all__ = ["BatchProgress", "count_inputs", "wanted"]


def count_inputs(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many inputs ``paths`` name, folders walked for their letters."""
    return sum(1 for _ in expand(paths))


def wanted(mode: str) -> bool:
    """Whether to show the bar: ``always``, ``never``, or ``auto`` (stderr is a terminal)."""
    return mode == "always" or (mode == "auto" and sys.stderr.isatty())


class BatchProgress:
    """A progress bar over a batch's results (a context manager; see the module docstring)."""

    def __init__(self, total: int, *, skipped: int = 0) -> None:
        """``total`` inputs, ``skipped`` of them already in the output (a resumed run)."""
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.failed = 0
        self.progress: Progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]} failed"),
            console=Console(stderr=True),
            # rows printed on stdout go above the bar when stdout is this terminal too, and
            redirect_stdout=sys.stdout.isatty(),
            redirect_stderr=True,  # a failed input's line, too
        )
        self.task: TaskID = self.progress.add_task(
            "parsing", total=total, completed=min(skipped, total), failed=0
        )

    @property
    def console(self) -> Console:
        """The bar's console: what is printed on it appears above the bar."""
        return self.progress.console

    def __enter__(self) -> BatchProgress:
        self.progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.progress.stop()

    def track(self, results: Iterable[ParseResult]) -> Iterator[ParseResult]:
        """``results``, advancing the bar (and its count of failures) as each one passes."""
        for result in results:
            self.failed += not result.ok
            self.progress.update(self.task, advance=1, failed=self.failed)
            yield result
