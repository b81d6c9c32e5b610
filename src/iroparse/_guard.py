"""Keeping a broken layout plugin from taking parsing down.

A third-party layout is checked three times; whenever it fails, it is *disabled*: left out of
the registry with one :class:`PluginWarning` naming it and the reason, and listed in
:attr:`LayoutTable.disabled`. Every letter still parses with the other layouts.

1. **When registered** (:func:`iroparse.plugins.registry`): what a plugin registers must be
   well formed (a :class:`~iroparse.layout.Layout` with a name, a position, a compilable
   ``mark_shape``), else the whole plugin is left out.
2. **Probed** (:func:`probe`): each third-party layout renders a sample letter, reads every
   line of it and one long line, and scores them, in a thread of its own, one layout after the
   other, each within :data:`PROBE_SECONDS`. A layout that raises, returns something other than
   a score in 0..1 (NaN included) or a :class:`~iroparse.layout.Mark`, or does not finish in
   time is disabled before any letter is parsed. A probe thread that overruns is asked to stop
   (an exception raised in it); code that never returns to the interpreter (a C extension
   looping) cannot be stopped from within the process and runs on as a daemon thread, idle for
   the parser.
3. **At every call** (:meth:`LayoutTable.score`, :meth:`LayoutTable.reads`): the layout
   chosen for a letter reads its checklist lines once before the checklist reader does, and
   every score and reading is checked as in the probe. A layout that fails is disabled and
   the letter is read with the next best layout. A call cannot be interrupted without a
   thread per call, so a call that *returns* after more than :data:`CALL_SECONDS` disables
   its layout for the letters that follow; one that never returns on some input the probe
   did not try is the limit of this design.

The built-in layouts are trusted: their calls are not wrapped, so that their bugs fail tests.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, ValuesView

import regex

from iroparse.layout import Checklist, Layout, Mark, mark_union, tick_union
from iroparse.model import Criterion, Decision, Outcome

__all__ = [
    "CALL_SECONDS",
    "PROBE_SECONDS",
    "LayoutTable",
    "PluginWarning",
    "describe",
    "layout_problem",
    "probe",
    "warn_disabled",
]

#: The time the probe of one layout may take.
PROBE_SECONDS = 2.0
#: A layout whose ``score`` or reading of one letter's checklist takes longer is disabled.
CALL_SECONDS = 2.0
#: A line of the probe longer than any checklist line, to catch patterns that backtrack.
_LONG_LINE = "Upheld (Agree) and the records reviewed, " * 50

_POSITIONS = ("before", "after")


class PluginWarning(UserWarning):
    """A plugin (or one of its layouts) was disabled; the message names it and says why."""


_warned: set[tuple[str, str]] = set()


def warn_disabled(name: str, reason: str) -> None:
    """Warn, once per process, that ``name`` was disabled for ``reason``."""
    if (name, reason) not in _warned:
        _warned.add((name, reason))
        warnings.warn(f"iroparse: disabled {name}: {reason}", PluginWarning, stacklevel=3)


def layout_problem(layout: object) -> str | None:
    """What makes ``layout`` unusable as a registered layout (a phrase that follows "the
    plugin"), or ``None``."""
    if not isinstance(layout, Layout):
        return f"registered {layout!r}, which is not an iroparse.layout.Layout"
    name = getattr(layout, "name", None)
    if not isinstance(name, str) or not name.strip():
        return f"registered a {type(layout).__qualname__} named {name!r}, not a non-empty string"
    if layout.position not in _POSITIONS or not isinstance(layout.sparse, bool):
        return (
            f"registered layout {name!r} with position {layout.position!r} and sparse "
            f"{layout.sparse!r}"
        )
    for attribute in ("mark_shape", "mark_chars", "description"):
        if not isinstance(getattr(layout, attribute), str):
            return f"registered layout {name!r} whose {attribute} is not a string"
    try:
        regex.compile(f"(?:{layout.mark_shape})")
    except (regex.error, ValueError) as error:
        return f"registered layout {name!r} whose mark_shape does not compile: {error}"
    return None


def _score_problem(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"score() returned {value!r}, not a number"
    if math.isnan(value):
        return "score() returned NaN"
    if not 0.0 <= value <= 1.0:
        return f"score() returned {value!r}, outside 0..1"
    return None


def _mark_problem(mark: object, line: str) -> str | None:
    if not isinstance(mark, Mark):
        return f"read_mark() returned {mark!r}, not a Mark"
    if not (
        isinstance(mark.label, str)
        and isinstance(mark.checked, bool)
        and isinstance(mark.explicit, bool)
        and isinstance(mark.label_start, int)
        and isinstance(mark.label_end, int)
        and 0 <= mark.label_start <= mark.label_end <= len(line)
    ):
        return f"read_mark({line[:40]!r}) returned a malformed {mark!r}"
    return None


def _call_problem(action: Callable[[], str | None], what: str) -> str | None:
    """Run ``action`` (which returns a problem or ``None``) and turn an exception or an
    overrun of :data:`CALL_SECONDS` into a problem too."""
    begin = time.perf_counter()
    try:
        problem = action()
    except Exception as error:
        return f"{what} raised {type(error).__name__}: {error}"
    elapsed = time.perf_counter() - begin
    if problem is None and elapsed > CALL_SECONDS:
        return f"{what} took {elapsed:.1f} s (more than {CALL_SECONDS} s)"
    return problem


class LayoutTable(Mapping[str, Layout]):
    """The registered layouts by name, in registration order (built-ins first), without the
    disabled ones; also the union of their mark shapes (:attr:`any_mark`), the list of what
    was disabled (:attr:`disabled`), and the guarded calls the parser makes.

    Disabling a layout replaces the table's inner dictionary instead of changing it, so a
    parse that is iterating the layouts (in another thread) keeps a consistent snapshot."""

    def __init__(
        self,
        layouts: Iterable[Layout],
        trusted: Iterable[str] | None = None,
        disabled: Iterable[tuple[str, str]] = (),
        owners: Mapping[str, str] | None = None,
    ) -> None:
        self._layouts: dict[str, Layout] = {layout.name: layout for layout in layouts}
        self._trusted = frozenset(self._layouts if trusted is None else trusted)
        self._disabled: tuple[tuple[str, str], ...] = tuple(disabled)
        self._owners = dict(owners or {})
        self._lock = threading.Lock()

    def __getitem__(self, name: str) -> Layout:
        return self._layouts[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._layouts)

    def __len__(self) -> int:
        return len(self._layouts)

    def values(self) -> ValuesView[Layout]:
        """The active layouts, in order (a snapshot: disabling one later does not change it)."""
        return self._layouts.values()

    def __repr__(self) -> str:
        return f"LayoutTable({list(self._layouts)})"

    # -- marks and disabling ----------------------------------------------------------------

    @property
    def any_mark(self) -> regex.Pattern[str]:
        """The union of the active layouts' :attr:`~iroparse.layout.Layout.mark_shape`."""
        return mark_union(self._layouts.values())

    @property
    def ticks(self) -> frozenset[str]:
        """What the active layouts' ticked marks hold (:func:`~iroparse.layout.tick_union`)."""
        return tick_union(self._layouts.values())

    @property
    def disabled(self) -> tuple[tuple[str, str], ...]:
        """``(name, reason)`` of every plugin or layout left out, in the order it happened."""
        return self._disabled

    def is_trusted(self, name: str) -> bool:
        """True for the built-in layouts, whose calls are not guarded."""
        return name in self._trusted

    def disable(self, name: str, reason: str) -> None:
        """Leave the layout ``name`` out from now on, and warn once."""
        reason = describe(name, self._owners.get(name), reason)
        with self._lock:
            if name not in self._layouts:
                return  # another thread disabled it first
            self._layouts = {n: layout for n, layout in self._layouts.items() if n != name}
            self._disabled = (*self._disabled, (name, reason))
        warn_disabled(name, reason)

    # -- guarded calls ----------------------------------------------------------------------

    def score(self, layout: Layout, lines: Checklist) -> float:
        """``layout.score(lines)``; a third-party layout that fails (see the module
        docstring) is disabled and scores 0."""
        if self.is_trusted(layout.name):
            return layout.score(lines)
        value: list[float] = []

        def run() -> str | None:
            value.append(layout.score(lines))
            return _score_problem(value[0])

        problem = _call_problem(run, "score()")
        if problem is not None:
            self.disable(layout.name, problem)
            return 0.0
        return float(value[0])

    def reads(self, layout: Layout, lines: Sequence[str]) -> bool:
        """Whether ``layout`` reads every line well; a third-party layout that does not is
        disabled (the built-ins always do)."""
        if self.is_trusted(layout.name):
            return True

        def run() -> str | None:
            for line in lines:
                problem = _mark_problem(layout.read_mark(line), line)
                if problem is not None:
                    return problem
            return None

        problem = _call_problem(run, "read_mark()")
        if problem is not None:
            self.disable(layout.name, problem)
        return problem is None


# -- the probe -------------------------------------------------------------------------------


class _ProbeTimeout(BaseException):
    """Raised inside a probe thread that overran its time (a BaseException, so that a
    layout's own ``except Exception`` does not swallow it)."""


def sample_decision(criteria: Sequence[tuple[str, str]]) -> Decision:
    """The decision every probed layout renders: an overturned review citing every criterion
    of the catalogue, two of them checked, the literature with a description."""
    return Decision(
        outcome=Outcome.OVERTURNED,
        criteria=tuple(
            Criterion(
                code,
                label,
                code in {"odg", "peer_reviewed_literature"},
                "Spine 2009;34:1-10." if code == "peer_reviewed_literature" else None,
            )
            for code, label in criteria
        ),
        analysis="The records support the requested service.",
    )


def _exercise(layout: Layout, decision: Decision, marks: regex.Pattern[str]) -> str | None:
    """Render the sample, read each of its lines, score it: the first problem, or ``None``."""
    step = "render()"
    try:
        text = layout.render(decision)
        if not isinstance(text, str):
            return f"render() returned {type(text).__name__}, not text"
        lines = [*text.split("\n"), _LONG_LINE]
        step = "read_mark()"
        for line in lines:
            if (problem := _mark_problem(layout.read_mark(line), line)) is not None:
                return f"{problem} on its own sample letter"
        step = "score()"
        problem = _score_problem(layout.score(Checklist(lines, marks)))
    except Exception as error:
        return f"{step} raised {type(error).__name__}: {error}"
    return None if problem is None else f"{problem} on its own sample letter"


def describe(layout: str, plugin: str | None, problem: str) -> str:
    """The reason a layout is disabled, naming its plugin."""
    owner = f" of plugin {plugin!r}" if plugin else ""
    return f"layout {layout!r}{owner}: {problem}"


def _stop(thread: threading.Thread) -> None:
    """Raise :class:`_ProbeTimeout` in ``thread`` at its next Python instruction."""
    if thread.ident is not None and thread.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(thread.ident), ctypes.py_object(_ProbeTimeout)
        )


def probe(
    layouts: Sequence[Layout], criteria: Sequence[tuple[str, str]], marks: regex.Pattern[str]
) -> dict[str, str]:
    """Exercise every layout on its own sample letter (see the module docstring), one after
    the other, each within :data:`PROBE_SECONDS`; return the reason each failing layout fails,
    by name."""
    decision = sample_decision(criteria)
    outcome: dict[str, str | None] = {}

    def run(layout: Layout) -> None:
        with contextlib.suppress(_ProbeTimeout):  # stopped by _stop: it has no outcome
            outcome[layout.name] = _exercise(layout, decision, marks)

    failed: dict[str, str] = {}
    # one at a time, each with its own budget: a layout that spins must not use up the time
    # of the layouts probed beside it
    for layout in layouts:
        thread = threading.Thread(
            target=run, args=(layout,), name=f"iroparse-probe-{layout.name}", daemon=True
        )
        thread.start()
        thread.join(PROBE_SECONDS)
        if thread.is_alive():
            _stop(thread)
            failed[layout.name] = (
                f"did not finish scoring and reading its own sample letter within "
                f"{PROBE_SECONDS} s (it hangs, or backtracks on a long line)"
            )
        elif (problem := outcome.get(layout.name)) is not None:
            failed[layout.name] = problem
    return failed
