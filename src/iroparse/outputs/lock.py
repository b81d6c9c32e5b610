"""One run at a time per output file: ``NAME.lock``, created exclusively, holds the writer's
process id. A second run writing the same file is refused with a message naming the first; a
lock left by a process that no longer exists (a run killed with SIGKILL) is taken over."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from iroparse.errors import IroParseError

__all__ = ["OutputLock"]


def _alive(pid: int) -> bool:
    """Whether a process with this id exists (signal 0 only asks)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


class OutputLock:
    """The lock of one output file; :meth:`acquire` it before writing, :meth:`release` after."""

    def __init__(self, target: Path) -> None:
        self.path = target.with_name(target.name + ".lock")
        """The lock file beside the output."""
        self._target = target
        self._held = False

    def acquire(self) -> None:
        """Take the lock, or raise :class:`~iroparse.IroParseError` (``output-error``) when a
        live process holds it."""
        for _ in range(2):  # a second try after removing a stale lock
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._holder()
                if holder is not None and _alive(holder):
                    raise IroParseError(
                        f"another iroparse run (process {holder}) is writing {self._target}; "
                        f"wait for it, or remove {self.path} if no such run exists",
                        code="output-error",
                    ) from None
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()  # stale: its process is gone
                continue
            except OSError as e:
                raise IroParseError(
                    f"cannot create {self.path}: {e.strerror}", code="output-error"
                ) from e
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(f"{os.getpid()}\n")
            self._held = True
            return
        raise IroParseError(f"cannot take the lock {self.path}", code="output-error")

    def _holder(self) -> int | None:
        try:
            return int(self.path.read_text(encoding="ascii").strip() or "0")
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        """Remove the lock file if this process holds it. Idempotent."""
        if self._held:
            self._held = False
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
