"""The shapes of page furniture: the patterns that make a whole line a running header, a page
number, a stamp, a fax banner, a link or a Bates number wherever it stands, even once.

A table of ``(kind, pattern)`` pairs, tried in order against a stripped line (the first that
matches names it): :class:`iroparse._pipeline.furniture.FurnitureTable` holds it with what
plugins register through ``iroparse_noise_patterns``. Each pattern starts with what its shape
cannot lack when a lookahead can test that at once (a final digit, four digits in a row), so a
line of prose fails it cheaply.
"""

from __future__ import annotations

import regex

from iroparse._pipeline.fax_shapes import FAX_SHAPES
from iroparse._pipeline.page_shapes import DASH, OF, PAGE, PAGE_SHAPES
from iroparse._pipeline.signatures import SIGNATURE_SHAPE
from iroparse.catalogue import DASHES

__all__ = ["CONTINUED_WORD", "NOISE_PATTERNS"]

#: The word of a page's note that the text goes on: ``continued``, ``cont'd``, ``cont.``, at
#: any case.
CONTINUED_WORD = r"(?i:continued|cont['’]?d\.?|cont\.)"

#: (kind, pattern) pairs matched against a stripped line; the first that matches names it.
#: Each shape is furniture wherever it occurs, even once: a letter of two pages has one page
#: break, so its running header and page number cannot be found by repetition.
NOISE_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # a link, or a word processor's field code printed as text: ``HYPERLINK "http://..."``
    (
        "link",
        regex.compile(
            r"(?i)(?:mailto:|https?://|www\.)\S*|(?-i:HYPERLINK)\s+\\?\"[^\"]*\\?\"\S*"
            # and the link's text after it: ``HYPERLINK "mailto:iro@x.com" iro@x.com``
            r"(?:\s+\S+)?"
            # an e-mail address alone: ``reviews@pecosmrg.com``
            r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
        ),
    ),
    # a page's note that the text goes on: ``(continued)``, ``Continued on next page``,
    # ``CONTINUED``, and a heading's words repeated so: ``Analysis (continued):``; never a line
    # of prose that ends in the word (``... the medication was continued``)
    (
        "continued",
        regex.compile(
            # (every shape has the word's first letters: a line without them fails at once)
            # (a page's title in cells: ``Chisos Peer Review | Our Ref. CPR-16-2290 | Notice of
            # Decision (cont.)``)
            rf"(?=.*(?i:cont))(?:[^()\n]{{1,100}}\s)?\(\s*{CONTINUED_WORD}\s*\)\s*:?"
            # ``(continued on next page)``
            rf"|\(\s*{CONTINUED_WORD}\s+(?i:on|from)\s+(?i:the\s+)?"
            r"(?i:next|previous|following)?\s*(?i:page)\s*\)"
            rf"|{CONTINUED_WORD}\s+(?i:on|from)\s+(?i:the\s+)?"
            r"(?i:next|previous|following)?\s*(?i:page)(?:\s+\d{1,3})?\.?"
            r"|CONTINUED|CONT['’]?D\.?"
            # a page's title that says so: ``ALPR Decision Notice, continued``
            # (its reference and name parted by commas: ``Re: Reference 01-0233-H, Cody J.
            # Pritchett, continued``)
            rf"|[A-Z][\w&.,:'# -]{{1,80}}(?:,|\s[{DASHES}])\s*{CONTINUED_WORD}"
        ),
    ),
    # a word processor's empty header fields, printed: ``[Type text]   [Type text]``
    (
        "running-header",
        regex.compile(r"(?i)(?:\[type\s+(?:text|the\s+[a-z ]{1,30})\]\s*)+"),
    ),
    # a speck a scanner read as a character or two: ``.``, ``~``, ``'``, ``·``, ``|``; or
    # handwritten initials read after a flourish (``~JK``, ``~ m.k.``, ``~ JK 4/26``)
    (
        "stray-mark",
        regex.compile(
            r"[.~'`´,:;·|]{1,3}|~\s?(?:\p{L}\.?\s?){1,4}(?<!\s)(?:\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?)?"
        ),
    ),
    # a Bates number: letters and a zero-padded sequence (``TDI-IRO 0001187``, ``HC-000231``,
    # ``LSIRO 000412``); a case number alone on its line is not zero-padded so
    # (a stamp's reference before it: ``TDI-HWCN 012-0451 000118``)
    (
        "bates-number",
        regex.compile(
            # (a letter after a hyphen: ``NDPR-B 00612``)
            # (a year between: ``TPIR 2014 000561``)
            r"\p{Lu}{2,}(?:-\p{Lu}{1,})*[ _-]?(?:(?:\d{2,4}-\d{3,5}|(?:19|20)\d\d)\s+)?0\d{3,7}"
            # or a reference, a wide gap and a short zero-padded page: ``LHL-WC 1201-0093
            # 002``
            r"|\p{Lu}{2,}(?:-\p{Lu}{2,})*[ _-]?\d{2,4}-\d{3,5}\s{3,}0\d{1,3}"
        ),
    ),
    # a copy's watermark: ``FILE COPY``, ``COPY``, ``DUPLICATE``
    # (``C O P Y``, ``C O N F I D E N T I A L``: any word letter-spaced)
    # (``ADJUSTER COPY``, ``CLAIMS MAIL ROOM``: whose copy, or where it came in; framed by
    # dashes or stars: ``---- COPY ----``, ``** FILE COPY **``)
    (
        "stamp",
        regex.compile(
            r"(?P<frame>[-–—*=~]{2,6}\s*)?(?:"
            # (``COPY - ORIGINAL MAILED``: where the original went)
            r"(?:[A-Z]{2,12}\s+)?COPY(?:\s*[-–—]\s*ORIGINAL\s+(?:MAILED|SENT|FAXED)"
            r"(?:\s+\d{1,2}/\d{1,2}/\d{2,4})?)?"
            # (a letter-spaced word reads as a word once normalized: ``CONFIDENTIAL``)
            r"|DUPLICATE|DRAFT|CONFIDENTIAL|FINAL|(?:[A-Z] ){3,}[A-Z]"
            r"|(?:[A-Z]{2,12}\s+)?MAIL\s+ROOM)"
            r"(?(frame)\s*[-–—*=~]{2,6})"
        ),
    ),
    # a mail room's stamp: ``RECEIVED MAR 26 2007``, ``Received: 03/26/2007``, ``RECEIVED``
    # (or ``FILED``, ``SCANNED``) alone (its date on a line of its own, OCR-spaced: ``SEP 2 1
    # 2009``)
    (
        "stamp",
        regex.compile(
            # (a stamp's word capitalised: ``received 05/22/2015`` in lower case is a record's
            # wrapped words)
            r"(?i)(?:(?-i:\p{Lu}{2,5})\s+)?(?:date\s+)?(?=(?-i:\p{Lu}))"
            r"(?:received|rec'?d|rcvd|(?-i:FILED|SCANNED)):?"
            r"(?:\s+(?:[A-Z]{3}\.?\s+\d{1,2},?\s+\d{4}"
            # its date OCR-spaced, its office after it: ``REC'D MAR 1 5 2007 TDI-LHL``,
            # ``TDI RECEIVED NOV 1 8 2015 HWCN``
            r"|(?-i:[A-Z]{3}) \d(?: ?\d)? \d{4}"
            r"|\d{1,2}[/-]\d{1,2}[/-]\d{2,4})(?:\s+\d{1,2}:\d{2}\s*(?:[AP]M)?)?"
            r"(?:\s+(?-i:\p{Lu}{2,}(?:-\p{Lu}{2,})*))?)?"
            # a fax machine's receipt: ``RECEIVED TIME FEB. 9. 10:45AM``
            r"|received\s+time\s+.{0,20}\d{1,2}:\d{2}\s*(?:[AP]M)?(?:\s+.{1,20})?"
            # a time clock's stamp: ``2013 APR -3 AM 9:42``
            r"|\d{4}\s+(?-i:[A-Z]{3})\s+-?\s?\d{1,2}\s+[AP]M\s+\d{1,2}:\d{2}"
            # the stamp's date alone, its digits spaced by the scan: ``SEP 2 1 2009``
            r"|(?-i:[A-Z]{3}) \d \d \d{4}"
        ),
    ),
    # a horizontal rule typed as a run of one character (a checkbox drawn with underscores is
    # at most 8 long; a heading is underlined with dashes as long as it, ``RATIONALE`` /
    # ``---------``): decoration between sections, never content
    (
        "rule",
        regex.compile(
            rf"_{{10,}}|={{4,}}|[{DASHES}]{{4,}}|\*{{10,}}|~{{10,}}|[─━═‾]{{4,}}|\.{{20,}}"
            # (spaced: ``- - - - - - - -``; or three stars between sections, ``* * *``)
            r"|(?:[-=_.*] ){7,}[-=_.*]|\*(?: {1,3}\*){2,}"
            # (a box's top or bottom drawn with corners: ``.------.``, ``'------'``)
            rf"|[.'`+][{DASHES}]{{4,}}[.'`+]"
            # a table's columns underlined: ``--------------   ----------``
            rf"|(?:[{DASHES}=_─]{{3,}}[ \t]+)+[{DASHES}=_─]{{3,}}"
        ),
    ),
    # a page's number alone, or first on its line (see :mod:`iroparse._pipeline.page_shapes`)
    *PAGE_SHAPES,
    # a fax machine's banner (see :mod:`iroparse._pipeline.fax_shapes`)
    *FAX_SHAPES,
    # a letterhead's address line, ending in a Texas ZIP code: ``2600 Via Fortuna, Suite 150,
    # Austin, Texas 78746``, ``P.O. Box 1234 * Austin, TX 78701`` (a scan's wide gap for the
    # comma: ``3802 50th Street   Lubbock  TX  79413``)
    (
        "contact-line",
        regex.compile(
            r"(?=.{0,140}$)[\w.#][^\n]{0,80}(?:,\s*|\s{2})(?:TX|Texas)\.?,?\s+7\d{4}(?:-\d{4})?"
            # and more cells after it: ``... Austin, TX 78731 | (512) 555-0167``
            r"(?:\s+[|•·*]\s+[^|]{1,40})*"
        ),
    ),
    # a letterhead's or footer's contact line: a telephone number with its label or a web
    # address, and no prose (``MedReview Partners  |  Ph (512) 555-0142  |  www.mrp.com``)
    (
        "contact-line",
        regex.compile(
            # (four digits in a row first: a telephone number has them, most lines do not)
            r"(?i)(?=.{0,160}$)(?=.*\d{4})(?=.*\(?\b\d{3}\)?[\s.-]?\d{3}[.-]\d{4}\b)"
            r"(?=.*(?:\b(?:ph|phone|tel|telephone|fax|facsimile|telecopier)\b|www\.|@|https?://"
            # (or a web address without its ``www.``: ``(512) 555-0193  |  ksr.example``)
            r"|\b[\w-]{2,40}\.(?:com|org|net|us|biz|info|health|example)\b))"
            r"(?!.*(?-i:\b[a-z]+\s+[a-z]+\s+[a-z]+\s+[a-z]+\b)).+"
        ),
    ),
    # a running header or footer that ends with its page: ``CENTEX IRO  Case 1234  Page 2``,
    # ``Pinnacle IRO Services      Pg. 2/3``, ``IRO Notice 04/18/2018 p. 2``, ``CRG-0514-3306
    # page 1 of 2``, ``Brazos Peer Review Group | page 3 of 3``, ``PMRO 11/30/2015     1/3``,
    # ``Alamo IRO Services / 104418 / pg 1 of 2``, ``RGIR • 1`` (a page in lower case, or a
    # bare count, only after a wide gap, a bar, a slash, a bullet or a dash or two: ``...
    # on page 2`` is a sentence's end)
    (
        "running-header",
        regex.compile(
            # (the lookahead first: a line that ends in no digit fails at once, not after
            # trying each of its first 120 characters as the header's end)
            rf"(?=.*\d(?:\s+[{DASHES}])?$).{{1,120}}?(?:\s+(?:Page|PAGE|Pg\.?|PG\.?)|\sp\.|(?:\s{{2,}}|\s*[|/•·*]\s*|\s"
            # (one dash or two: ``Paisano Pass Review Company -- PPR22-0614 -- page 2``)
            + DASH
            + r"{1,2}\s)(?i:page|pg\.?)|(?=\s{3,}\d{1,3}\s*(?:/|of)\s*\d)"
            # (after a comma, a title before it: ``Reviewer's Report, page 1``)
            + r"|(?<=^\p{Lu}[\p{L}'’]*(?:\s\p{Lu}[\p{L}'’]*){0,5}),\s(?i:page)"
            + r"|(?<=^[\p{Lu}\d][\p{Lu}\d&.\- ]{1,40})\s[•·]"
            # a page count after a star, a bullet or a dash or two: ``CTPR 05-2231 * 1 of 2``,
            # ``GMR 12-0217  --  Guadalupe Medical Review  --  2 of 2``
            + r"|\s[*•·]\s(?=\d{1,3}\s*(?:/|of)\s*\d)"
            # (after a dash, ``of`` only: ``10/01 - 12/31`` ends a table's row of dates)
            + r"|\s"
            + DASH
            + r"{1,2}\s+(?=\d{1,3}\s+of\s+\d))"
            # (``Page | 2`` after a Bates number: ``ALT000231      Page | 1``; ``Page 1 | 3``)
            r"\s*\|?\s*\d{1,3}(?:\s*(?:of|OF|/|\|)\s*\d{1,3})?"
            # (a dash after the page, as before the name: ``Persimmon Gap ... - Page 1 -``)
            rf"(?:\s+[{DASHES}])?"
        ),
    ),
    # a footer's page between two other cells, past wide gaps: ``BVRG 19-10-0552      Page 1
    # of 2      Printed 10/08/2019 4:51 PM``, ``MIR-2304-117TX     Page 1 of 3     https://...``
    (
        "running-header",
        regex.compile(
            rf"(?i)(?=.*\s{{3,}}{PAGE}\s*\d).{{1,60}}?\s{{3,}}{PAGE}\s*\d{{1,3}}"
            rf"(?:{OF}\d{{1,3}})?\s{{3,}}.{{1,60}}"
        ),
    ),
    # a running title ending in its page, then past a wide gap when the page was printed:
    # ``Notice of IRO Decision - Page 1 of 3          Printed 1/17/2024 3:41:01 PM``
    (
        "running-header",
        regex.compile(
            rf"(?i).{{1,60}}?\s{PAGE}\s*\d{{1,3}}(?:{OF}\d{{1,3}})?\s{{3,}}"
            r"(?:printed|generated|created)(?:\s+on)?:?\s+\d.{0,40}"
        ),
    ),
    # cells parted by bullets, the last the page alone: ``Trinity Clinical Review  ·
    # 2006-5512  ·  2``
    (
        "running-header",
        regex.compile(
            r"(?=.*\d$)\p{Lu}[^•·\n]{1,60}(?:\s[•·]\s+[^•·\n]{1,40}){1,3}\s[•·]\s+\d{1,3}"
        ),
    ),
    # a form's number and revision alone: ``Form LHL712 (Rev. 04/2020)``, ``CLRS-HP Form 7
    # (rev. 06/2015)``, ``SHRG-IRO-DWC (Rev. 09/2011)`` (never a word and its revision: a
    # policy's title wrapped, ``Thyroid (rev. 07/2021)``)
    (
        "running-header",
        regex.compile(
            r"(?:(?i:[\w-]{2,20}\s+)?(?i:form)\s+[\w-]{1,20}|[A-Z0-9]+(?:-[A-Z0-9]+)+)"
            r"\s*\((?i:rev)\.?\s*\d{1,2}/\d{2,4}\)"
        ),
    ),
    # a reference, a comma and the page with its count: ``IRO Case 2008-1147, page 1 of 2``
    # (a count of pages after ``page``: ``..., page 3`` may end a sentence; a reference's
    # digits joined by a hyphen: ``Operative report 3/4/2019, page 1 of 2`` is a record)
    (
        "running-header",
        regex.compile(
            # (bounded lookaheads: a long line without a comma fails at once)
            rf"(?=[^,]{{1,61}},\s*(?i:page|pg))(?=[^,]{{0,60}}?\d-\d)"
            rf"[\p{{Lu}}\d][^,]{{1,60}},\s*(?i:{PAGE})"
            rf"\s*\d{{1,3}}(?i:{OF})\d{{1,3}}"
        ),
    ),
    # a short running title naming the decision, a comma and its page: ``THR IRO decision,
    # page 2`` (a title's words: a sentence ending ``..., page 2`` names no decision)
    (
        "running-header",
        regex.compile(
            r"(?=[^,]{1,50},\s*(?i:page|pg)\.?\s*\d{1,3}$)"
            r"(?=[^,]*\b(?:IRO|(?i:decision|notice|determination))\b)"
            rf"\p{{Lu}}[^,.;:]{{1,50}},\s*(?i:{PAGE})\s*\d{{1,3}}"
        ),
    ),
    # a page's title and its page count in brackets: ``Paluxy Review Associates - IRO
    # Decision (page 2 of 3)``
    (
        "running-header",
        regex.compile(
            r"(?=.*\)$)\p{Lu}[^()]{1,80}\(\s*(?i:page|pg\.?|p\.)\s*\d{1,3}\s*(?i:of|/)\s*\d{1,3}\s*\)"
        ),
    ),
    # a footer ending in its page between dashes, past a wide gap: ``Lake Travis Utilization
    # Review · LTUR-IRO Form 2 (rev. 2014)          - 1 -``, ``RE: IRO Case #HCR-08-5521
    # Page -2-``
    (
        "running-header",
        regex.compile(
            rf"(?=.*\d\s*{DASH}$).{{1,120}}?\s{{3,}}(?i:page\s*)?{DASH}\s*\d{{1,3}}\s*{DASH}"
        ),
    ),
    # a name and the case, a running header: ``Red River Medical Review – Case 17-04412``;
    # an e-signature service's stamp: ``DocuSign Envelope ID: 7C1E42B9-3A5D-...``
    (
        "running-header",
        regex.compile(
            # (the word ``Case`` first: most lines have none; never a numbered heading's
            # ``SECTION 2 — IRO Case #: 061475``)
            rf"(?=.*Case)(?!(?i:section|part|item)\s+\w{{1,4}}\s*[{DASHES}])"
            rf"[A-Z][\w&.,' ]{{2,60}}\s[{DASHES}|]\s+(?:IRO\s+)?Case"
            r"\s*(?:No\.?|#|Number)?:?\s*[\w-]*\d[\w-]*"
            # (or another service's: ``Acrobat Sign Transaction ID: CBJCHBCAABAA...``)
            r"|(?i:docusign\s+envelope|(?:adobe\s+)?(?:acrobat\s+)?sign\s+transaction|transaction)"
            r"\s+(?i:id|number):?\s*[0-9A-Za-z_-]{20,}"
        ),
    ),
    # an e-signature service's audit report, a page after the letter: ``SC-2026-00187
    # Decision - Final Audit Report      2026-01-22``, ``Document created by ... - 2026-01-22 -
    # 9:02:14 AM CST``, ``Powered by Adobe Acrobat Sign``
    (
        "running-header",
        regex.compile(
            r"(?i).{0,80}\bfinal\s+audit\s+report\b.{0,40}"
            r"|powered\s+by\s+(?:adobe\s+)?(?:acrobat\s+)?sign|powered\s+by\s+docusign"
            r"|(?:document|email|agreement)\b.{0,80}?\b(?:created|e-?mailed|viewed|e-?signed|signed"
            r"|completed)\b.{0,100}?\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M\b.{0,8}"
        ),
    ),
    # ``IRO Decision - Confidential``, ``CONFIDENTIAL``
    (
        "running-header",
        regex.compile(
            r"(?i)(?:.{1,60}\s["
            + DASHES
            + r"|:]\s*)?(?:strictly\s+|private\s+(?:and|&)\s+)?confidential"
            r"(?:ity\s+notice)?(?:\s*[" + DASHES + r"|:]\s.{1,60})?"
        ),
    ),
    # a confidentiality notice's lines: ``CONFIDENTIALITY NOTICE: This document contains...``
    # / ``federal law. If you are not the intended recipient, notify the sender ...``,
    # ``CONFIDENTIAL - Contains protected health information. Do not re-disclose ...``
    (
        "running-header",
        regex.compile(
            r"(?i)confidentiality\s+notice\s*:.{0,160}"
            # ``CONFIDENTIAL: This communication contains protected health information ...``
            r"|(?=.*(?:protected\s+health|health\s+information|privileged|hipaa))"
            r"confidential\s*:\s.{0,160}"
            r"|.{0,100}\b(?:intended\s+recipient|do\s+not\s+re-?disclose)\b.{0,100}"
            # a footer's sentence, its organisation's name before it: ``Cross Timbers Medical
            # Review - This notice contains confidential health information.``
            r"|(?:[^.]{1,60}\s[|\-–—]\s)?(?:this|the)\s+(?:notice|document|letter|communication"
            r"|page|fax|transmission|report)\s+contains\s+(?:confidential|protected|private"
            r"|privileged)\b.{0,100}"
        ),
    ),
    # a footer's cells parted by bars, one a link, ``Confidential`` or the page: ``Big
    # Thicket IRO Services | https://www.bigthicketiro.com | Confidential health
    # information``, ``CPRG 2017-IRO-DN  |  Page 1 of 3  |  Printed 10/04/2017 08:41``
    (
        "running-header",
        regex.compile(
            r"(?i)(?=.{0,160}$)(?=.*(?:^|\s[|·•]\s+)(?:https?://|www\.|confidential"
            r"|page\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s+[|·•]))"
            r"[^|·•]{1,60}(?:\s[|·•]\s[^|·•]{1,60})+"
        ),
    ),
    # ``Confidential`` and the page, columns of a footer: ``MIR-HP-1 (Rev. 03/2021)
    # Confidential      1/2``, ``SRP-IRO-LTR 06/2019     Confidential     1`` (a checklist
    # item with ``CONFIDENTIAL`` beside it, and no page, keeps its line)
    (
        "running-header",
        regex.compile(
            r"(?i)(?:.{1,60}\s{2,})?confidential\s{2,}(?:page\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?"
        ),
    ),
    # ``Lone Star Review Services, LLC - Independent Review Decision``
    (
        "running-header",
        regex.compile(
            r"[A-Z][\w&.,' ]{2,60}?,?\s(?:LLC|L\.L\.C\.|Inc\.?|INC\.?|Corp\.?|P\.?A\.|PLLC|Ltd\.?)"
            r"\s+[" + DASHES + r"|]\s+.{3,60}"
        ),
    ),
    (
        "running-header",
        regex.compile(
            r"(?i)independent\s+review\s+(?:decision|organization)\s+[" + DASHES + r"|]\s+.{1,60}"
        ),
    ),
    # ``Medical Review Institute of America - Independent Review Decision``
    (
        "running-header",
        regex.compile(
            r"(?i).{3,60}?\s["
            + DASHES
            + r"|]\s+(?:independent\s+review\s+(?:decision|organization)|"
            r"IRO\s+decision|notice\s+of\s+(?:independent\s+review\s+)?decision)"
            r"(?:\s+[" + DASHES + r"|]\s+.{1,40})?"
        ),
    ),
    # an electronic signature's stamp (see :mod:`iroparse._pipeline.signatures`)
    SIGNATURE_SHAPE,
)
