"""The error tree of iroparse.

Every error the library raises on purpose derives from :class:`IroParseError`, itself a
:class:`ValueError`, so ``except ValueError`` keeps working for callers who do not care which
step failed. Each error carries a short machine-readable ``code`` (the same codes the CLI
writes into error rows) and a message that says what went wrong and where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iroparse.model import Diagnostic

__all__ = [
    "InputError",
    "IroParseError",
    "NotAnIroLetter",
    "PdfCorrupt",
    "PdfEncrypted",
    "PdfError",
    "PdfNoText",
    "PdfSupportMissing",
    "PdfTooLarge",
    "StrictModeError",
]


class IroParseError(ValueError):
    """Base class of every error raised by iroparse.

    ``code`` is a stable kebab-case identifier (``not-an-iro-letter``, ``pdf-encrypted``, ...);
    ``source`` is the path or name of the input when one is known.
    """

    code: str = "parse-error"

    def __init__(self, message: str, *, code: str | None = None, source: str | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class NotAnIroLetter(IroParseError):
    """The input is empty, binary, or prose that is not an IRO decision letter."""

    code = "not-an-iro-letter"


class StrictModeError(IroParseError):
    """``parse(..., strict=True)`` met an error-level diagnostic.

    The diagnostics that caused it are kept in ``diagnostics``.
    """

    code = "strict"

    def __init__(
        self,
        message: str,
        diagnostics: tuple[Diagnostic, ...],
        *,
        source: str | None = None,
    ):
        super().__init__(message, source=source)
        self.diagnostics = diagnostics


class InputError(IroParseError):
    """An input could not be read: a missing path, a directory with no letters, an I/O error,
    a file type iroparse does not read."""

    code = "input-error"


class PdfError(IroParseError):
    """A PDF could not be turned into text (see the subclasses for the reasons)."""

    code = "pdf-error"


class PdfEncrypted(PdfError):
    """The PDF is encrypted and cannot be read without a password."""

    code = "pdf-encrypted"


class PdfCorrupt(PdfError):
    """The file claims to be a PDF but its structure cannot be read."""

    code = "pdf-corrupt"


class PdfNoText(PdfError):
    """The PDF has no extractable text (an empty or image-only document: it needs OCR)."""

    code = "pdf-no-text"


class PdfTooLarge(PdfError):
    """The PDF exceeds the configured byte limit."""

    code = "pdf-too-large"


class PdfSupportMissing(PdfError):
    """PDF input needs the ``pdf`` extra: ``pip install iroparse[pdf]``."""

    code = "pdf-support-missing"
