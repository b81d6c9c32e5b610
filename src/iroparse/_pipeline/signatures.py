"""Stage 2: an electronic signature's stamp printed among the letter's text, set apart to the
right as a block of its own::

    ... the deficits that remain can be addressed with a home program.

                                           Digitally signed by Packsaddle Reviewer 2281
                                           DN: cn=Packsaddle Reviewer 2281, o=Packsaddle
                                           Independent Review, c=US
                                           Date: 2014.09.03 15:12:44 -05'00'

:data:`SIGNATURE_SHAPE` names the stamp's own lines wherever they stand (a furniture shape of
:data:`~iroparse._pipeline.furniture_shapes.NOISE_PATTERNS`); :func:`signature_blocks` finds
the stamp's other lines (``Physician Reviewer ID 20-0174``, a wrapped name): the lines right
above or below one of them, at its indentation, far right.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

__all__ = ["SIGNATURE", "SIGNATURE_SHAPE", "signature_blocks"]

#: The noise kind of an electronic signature's stamp.
SIGNATURE = "signature-stamp"
#: A line of the stamp, whole: who signed and how (``Digitally signed by ...``,
#: ``Electronically signed: ...``, ``e-signed 2023-10-24 09:14:52 CDT``, ``/s/ Physician
#: Reviewer, ...``), the certificate's name (``DN: cn=...``), its time (``Date: 2014.09.03
#: 15:12:44 -05'00'``), its identifier (``Signature ID: 8F3C-22A1-90DE``), the reason a
#: signing program writes (``Reason: I am the author of this document``), and the reviewer's
#: signing line (``Reviewing physician: [name withheld], M.D.``); a signing service's
#: (``DocuSigned by:``, the signature's hash, ``Signed 2/17/2026 | 4:52 PM CST``).
SIGNATURE_SHAPE = (
    SIGNATURE,
    regex.compile(
        r"(?i)(?:digitally|electronically)\s+signed\b.{0,100}"
        r"|e-signed\b.{0,100}"
        # (after its label: ``Reviewer e-signature on file: /s/ BDRG Physician Reviewer``)
        r"|(?:[\w .-]{0,40}(?:signature|signed)[\w .-]{0,20}:\s*)?/s/\s*\p{L}.{0,100}"
        r"|DN:\s*(?:cn|o|ou|c|email)=.{0,120}"
        r"|date:\s*\d{4}\.\d{2}\.\d{2}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[-+]\d{2}'?\d{2}'?)?"
        # the reviewer's signing line, a name and a degree after its label (``Reviewing
        # physician: [name withheld], M.D.``)
        r"|(?:reviewing\s+physician|physician\s+reviewer|reviewer)\s*:\s*[^:\n]{1,60},\s*"
        r"(?:M\.?\s?D|D\.?\s?O|D\.?\s?C|Ph\.?\s?D|D\.?P\.?M)\.?"
        # its identifier, and the reason a signing program writes by default
        r"|signature\s+id:?\s*[\w-]{4,40}|reason:\s*i\s+am\s+the\s+author\b.{0,60}"
        # a signing service's block: ``DocuSigned by:``, the signature's hash
        # (``C41B7E02D9A8453...``), its time (``Signed 2/17/2026 | 4:52 PM CST``)
        r"|docusigned\s+by:?.{0,80}"
        r"|(?-i:(?=[0-9A-F]*[A-F])(?=[0-9A-F]*\d)[0-9A-F]{12,40})(?:\.{2,3}|…)?"
        r"|signed\s+\d{1,2}/\d{1,2}/\d{2,4}\b.{0,40}"
        # a signature kept on file, and the reviewer's number signing in its place
        # (``Reviewer No. 4417`` / ``Signature on file``)
        r"|signature\s+on\s+file\.?"
        r"|(?:physician\s+)?reviewer\s+(?:no\.?|number|id|\#)\s*[:#]?\s*[\w-]{2,12}"
    ),
)
#: The stamp's block stands at least this far right.
MIN_INDENT = 20
#: Its lines start within this many columns of one another.
ALIGN = 2
#: Its other lines are short.
MAX_LINE = 70


def signature_blocks(lines: Sequence[str], noise: Sequence[str | None]) -> set[int]:
    """Indices of the lines of a signature's stamp (see the module docstring) that are no
    noise yet: those next to a stamp line at its indentation, line after line."""
    indents = [len(line) - len(line.lstrip()) for line in lines]
    found: set[int] = set()
    for i, kind in enumerate(noise):
        if kind != SIGNATURE:
            continue
        if indents[i] < MIN_INDENT:
            # a line between two of the stamp's lines, at their indentation: the signer's
            # name (``DocuSigned by:`` / ``Reviewing Physician`` / ``C41B7E02D9A8453...``)
            k = i + 2
            between = k < len(lines) and noise[k] == SIGNATURE and noise[i + 1] is None
            if between and abs(indents[i + 1] - indents[i]) <= ALIGN and lines[i + 1].strip():
                found.add(i + 1)
            continue
        for step in (-1, 1):
            j = i + step
            while (
                0 <= j < len(lines)
                and noise[j] in (None, SIGNATURE)
                and 0 < len(lines[j].strip()) <= MAX_LINE
                and abs(indents[j] - indents[i]) <= ALIGN
            ):
                if noise[j] is None:
                    found.add(j)
                j += step
    return found
