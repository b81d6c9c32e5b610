"""The shapes of a page's number: alone (``Page 2 of 3``, ``- 2 -``, ``[2]``), written as a word
(``Page Two``), or first on a running header's line (``Page 2 of 3  IRO Case # 1234``). Part
of :data:`iroparse._pipeline.furniture_shapes.NOISE_PATTERNS`, in the order written here;
the words of a page (:data:`PAGE`, :data:`OF`) serve its other shapes too.
"""

from __future__ import annotations

import regex

from iroparse.catalogue import DASHES

__all__ = ["DASH", "OF", "PAGE", "PAGE_SHAPES"]

#: One hyphen or dash, as a regular expression.
DASH = f"[{DASHES}]"
#: The word before a page number: ``Page``, ``Pg.``, ``p.``, and ``P a g e`` (a word
#: processor's letter-spaced footer).
PAGE = r"(?:page|p a g e|pg\.?|p\.)"
#: Between a page's number and the count of pages: ``of``, ``/``, ``|``.
OF = r"\s*(?:of|/|\|)\s*"

#: (kind, pattern) pairs matched against a stripped line, in this order.
PAGE_SHAPES: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # ``Page 2``, ``Page 2 of 3``, ``Page | 2``, ``2 | Page``, ``Pg. 2``, ``(Page 2 of 3)``,
    # ``Page -2-``, ``- 2 -``, ``2 of 3``, ``2``, ``[2]``, ``(2)``, ``~ 2 ~``, ``---- Page 2 --``
    (
        "page-number",
        regex.compile(
            rf"(?i)\(?\s*{PAGE}\s*[|:#]?\s*\d{{1,4}}(?:{OF}\d{{1,4}})?(?:\s+pages?)?\s*\)?"
            rf"|{PAGE}\s*{DASH}\s*\d{{1,4}}\s*{DASH}|\d{{1,4}}\s*\|\s*{PAGE}"
            # (between dashes, or after a rule: ``-------------- Page 1 of 2 --``)
            rf"|{DASH}\s*{PAGE}\s*\d{{1,4}}(?:{OF}\d{{1,4}})?\s*{DASH}"
            rf"|{DASH}{{4,}}\s*{PAGE}\s*\d{{1,4}}(?:{OF}\d{{1,4}})?\s*{DASH}*"
            rf"|{DASH}{{1,2}}\s*\d{{1,4}}\s*{DASH}{{1,2}}"
            # a bare ``2/3`` or ``2 of 3`` has at most three digits a side: ``02/2014`` is
            # a month and year (an item's date wrapped onto its own line), not a page; a bare
            # ``0`` is no page (an empty box as text recognition reads it)
            rf"|\d{{1,3}}{OF}\d{{1,3}}|(?!0+$)\d{{1,3}}|\[\s*\d{{1,4}}\s*\]"
            # ``(2)``, ``~ 3 ~``
            r"|\(\s*\d{1,3}\s*\)|~\s*\d{1,3}\s*~"
            # a case's number and the page after a comma: ``HC04-0219, page 2``
            rf"|(?=\S*\d)[\p{{Lu}}\d][\p{{Lu}}\d-]{{3,20}},\s*{PAGE}\s*\d{{1,3}}"
            # or after a slash: ``LVIR 12-1187 / 2`` (the letters and digits of a reference)
            r"|\p{Lu}{2,8}[ -]?\d[\d-]{3,12}\s+/\s+\d{1,3}"
            # the page, a wide gap and the form's code, letters and a hyphen in it: ``1
            # SRIR-NOD-2025``
            r"|(?!0+\s)\d{1,3}\s{3,}(?=\S*\p{L})(?=\S*-)[\p{L}\d][\w./-]{2,30}"
        ),
    ),
    # the page written as a word, alone or past a wide gap: ``Page Two``, ``Okafor, T. -
    # BIR-2003-0791          Page Two``
    (
        "running-header",
        regex.compile(
            # (or past a dash or two: ``Matador Plains ...  --  page one of three``)
            r"(?i)(?:.{1,80}?(?:\s{3,}|\s[-–—]{1,2}\s+))?page\s+(?:one|two|three|four|five|six"
            r"|seven|eight|nine|ten)(?:\s+of\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?"
        ),
    ),
    # a running header or footer that starts with its page: ``Page 2 of 3  IRO Case # 1234``,
    # ``Page 2 - Case 1234`` (never ``Page 2 of the report``: a page count, or a gap, first);
    # or with its page between dashes, past a wide gap: ``- 1 -      CHR10-0388 / Claimant``,
    # perhaps between a reference and a name: ``ZRP-170802-14      -1-      Zephyr Review``
    (
        "running-header",
        regex.compile(
            rf"(?i){PAGE}\s*\d{{1,3}}(?:{OF}\d{{1,3}}\s|\s{{2,}}|\s*[|{DASHES}]\s)\s*.{{1,60}}"
            rf"|(?:\S.{{0,60}}?\s{{3}})?{DASH}\s*\d{{1,3}}\s*{DASH}\s{{3,}}\S.{{0,60}}"
        ),
    ),
    # a footer of a name or a reference and its page, parted by a bar (``2 | Longhorn Cavern
    # Review``, ``DHR13-0528 | 2``); a footer that says the page is the last (``Decision
    # notice - final page``, ``SRIR-NOD rev 3 / final``); a print's sheet (``Document 7F3A-22C1
    # |  printed 02/10/2016 16:41  |  sheet 2 (end)``); a form's code and revision
    # (``CLHR-F-07 (rev. 01/2017)``, after the house's name)
    (
        "running-header",
        regex.compile(
            r"\d{1,3}\s*\|\s*\p{Lu}[\p{L}&.,' -]{2,60}"
            r"|(?=\S*\d)[\p{Lu}\d][\p{Lu}\d/-]{4,24}\s*\|\s*\d{1,3}"
            r"|(?i:\S.{0,60}\s[-–—/]\s*(?:final|last)(?:\s+page)?)"
            r"|(?i:.{0,80}\bprinted\s+\d.{0,30}\bsheet\s+\d{1,3}(?:\s*\(end\))?)"
            r"|(?:\p{Lu}[\p{L}&.' ]{2,60}\s*\|\s*)?\p{Lu}{2,8}(?:-[\p{Lu}\d]{1,4}){1,3}"
            r"\s+\((?i:rev)\.?\s+[\d/.-]{4,10}\)"
        ),
    ),
)
