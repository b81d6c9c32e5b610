"""The shapes of a fax machine's banner, printed across the top of each page it sent: a date
and a time, the sender's name and number, and the page (``05/12/2011 14:03 FAX 512xxxxxxx
CENTEX IRO @ 002/004``). Part of :data:`iroparse._pipeline.furniture_shapes.NOISE_PATTERNS`,
in the order written here.
"""

from __future__ import annotations

import regex

from iroparse.catalogue import DASHES

__all__ = ["FAX_SHAPES"]

#: (``"fax-header"``, pattern) pairs matched against a stripped line.
FAX_SHAPES: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # ``05/12/2011 14:03 FAX 512xxxxxxx CENTEX IRO @ 002/004``, ``2016-07-12 14:15  CUERO
    # PEER REVIEW GROUP  3615550177  >>  5128044011   P 1/5``, ``DEC-03-2009 14:51
    # FROM:LONE STAR IRO  2145550188  TO:18005550123  P.002/003``, ``OCT-14-2009 15:43
    # SABINE PEER CONSULTANTS 409 555 0187 P.02/03``: a date and a time, then the word FAX,
    # the sender (``FROM:``), or a page
    (
        "fax-header",
        regex.compile(
            rf"(?i)(?:\d{{1,2}}[/{DASHES}]\d{{1,2}}[/{DASHES}]\d{{2,4}}"
            # ``2016-07-12``
            rf"|\d{{4}}[/{DASHES}]\d{{1,2}}[/{DASHES}]\d{{1,2}}"
            # ``DEC-03-2009``, ``Jul 14 2021``, ``Sep. 16. 2014``, ``Jun.19. 2001``, ``AUG 24 '99``
            rf"|[A-Z]{{3}}(?:\.\s?|\.?[/{DASHES} ]\s?)\d{{1,2}}\.?,?[/{DASHES} ]\s?"
            r"(?:\d{2,4}|'\d\d))"
            # the weekday between the date and the time: ``FEB-23-98 MON 16:05``,
            # ``MAR/14/2016/MON 04:05 PM``, ``FEB-07-2006(TUE) 11:52`` (a scan's ``FRl``)
            r"(?:(?:\s+|/|(?=\())\(?(?:MON|TUE|WED|THU|FR[Il1]|SAT|SUN)[A-Z]{0,6}\.?\)?)?"
            # the time, its meridiem perhaps one letter: ``09:17A``
            r"\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]\.?M?\.?)?\s"
            # (or where it came in: ``Rcvd by TWCC ...``, ``RECEIVED FROM:956 555 0144``)
            # (or the machine's job number: ``NO.339    D001``)
            r"(?:.{0,80}(?:\bFAX\b|\bFROM\s*:|\bRCVD\b|\bRECEIVED\s+(?:BY|FROM)\b"
            r"|\bNO\.\s?\d{2,5}\b).{0,80}"
            # or the fax machine's page near the end: ``... 409 555 0187  P.02/03``, ``p.2``
            r"|.{0,100}\s(?:P\.?|PAGE|PG\.?)\s*\d{1,3}(?:\s*(?:/|OF)\s*\d{1,3})?"
            r"(?:\s+\S{1,12})?)"
        ),
    ),
    # a fax machine's banner with its sender and number before the date and time, its page
    # last: ``GUADALUPE RIDGE MA   (830)555-0107   Jan 09 2013 10:12am   P002``
    (
        "fax-header",
        regex.compile(
            r"(?i)(?=.{0,160}$)\S.{0,60}?\s{2,}\(?\d{3}\)?[\s.-]?\d{3}[.-]?\d{4}\s{2,}"
            rf"(?:\d{{1,2}}[/{DASHES}]\d{{1,2}}[/{DASHES}]\d{{2,4}}"
            rf"|[A-Z]{{3}}\.?[/{DASHES} ]\s?\d{{1,2}}\.?,?[/{DASHES} ]\s?\d{{2,4}})"
            r"\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]\.?M?\.?)?"
            # (the job's number before the page: ``#882 P.001/004``)
            r"(?:\s+#\d{1,5})?\s+(?:P\.?|PAGE|PG\.?)\s*\d{1,3}(?:\s*(?:/|OF)\s*\d{1,3})?"
        ),
    ),
    # a fax server's receipt: ``PAGE 1/3 * RCVD AT 3/9/2004 2:19:44 PM [Central Standard
    # Time] * SVR:TWCCFAX01/3 * DNIS:4868 * CSID:830 555 0146 * DURATION (mm-ss):01-12``; a
    # sending machine's: ``Transmitted 08-22-14 14:03 from 409 555 0163 to 512 490 1045``
    (
        "fax-header",
        regex.compile(
            r"(?i)(?:PAGE\s*\d{1,3}\s*/\s*\d{1,3}\s*\*\s*)?RCVD\s+AT\s+\d.{0,200}"
            r"|transmitted\s+\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\s+\d{1,2}:\d{2}.{0,30}\bfrom\b"
            r".{0,40}\bto\b.{0,40}"
        ),
    ),
    # a fax machine's banner that names its addressee and sender first, then the date, the
    # time and the page: ``TO: 15125550199   FROM: 2545550190   04/22/2011  16:05   #318
    # P.001/005``
    (
        "fax-header",
        regex.compile(
            r"(?i)to\s*:\s*\S.{0,60}\bfrom\s*:.{0,80}\s\d{1,2}:\d{2}\b.{0,40}"
            r"\s(?:P\.?|PAGE|PG\.?)\s*\d{1,3}(?:\s*(?:/|OF)\s*\d{1,3})?"
            # (or its page before the date and the time: ``To: 15128044001   From:
            # 19725550110   Page: 2/3   Date: 8/17/2023 11:52:08 AM``)
            r"|to\s*:\s*\S.{0,60}\bfrom\s*:.{0,80}\b(?:PAGE|PG\.?)\s*:?\s*\d{1,3}\s*(?:/|OF)\s*\d{1,3}"
            r"\s.{0,40}\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]\.?M\.?)?"
        ),
    ),
    # a fax machine's banner that names its sender first: ``FROM : PALO DURO MED REVIEW
    # FAX NO. : 8065550177     Jul. 12 2011 02:31PM P1`` (or ``PHONE NO. :``)
    (
        "fax-header",
        regex.compile(r"(?i)from\s*:.{0,80}\b(?:fax|phone|tel)\b.{0,80}\d{1,2}:\d{2}.{0,30}"),
    ),
    # an e-fax service's banner: ``From: 8175550166  Page: 3/4  Date: 6/19/2020 8:51:14 AM``,
    # ``Fax Server   8/29/2017 3:44:12 PM   PAGE    1/003   Fax Server``
    (
        "fax-header",
        regex.compile(
            # (``PAGE: 002 OF 003``, its server's name after it: ``RightFax``)
            r"(?i)(?:from:\s*\S|fax\s+server\b).{0,60}\bpage:?\s*\d{1,3}\s*(?:/|of)\s*\d{1,3}\b.{0,60}"
        ),
    ),
    # a fax server's banner of when it came in: ``Received: 05/02/2018 15:41   From:
    # 3255550150   Pinta Trail IRO   P. 001``
    (
        "fax-header",
        regex.compile(
            r"(?i)received:?\s*\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?"
            r"\s.{0,30}?\bfrom:?\s.{0,80}?\s(?:P\.?|PAGE|PG\.?)\s*\d{1,3}(?:\s*(?:/|OF)\s*\d{1,3})?"
        ),
    ),
    # an e-fax service's line of when it sent the page: ``Sent via e-fax 02/21/2024 16:01 CST``
    (
        "fax-header",
        regex.compile(
            r"(?i)(?:sent|faxed|transmitted)\s+(?:via|by)\s+e-?fax\s+\d{1,2}/\d{1,2}/\d{2,4}"
            r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?(?:\s+[A-Z]{2,4})?)?"
        ),
    ),
    # a fax machine's last line, the count of pages it sent: ``** TOTAL PAGE.03 **``
    ("fax-header", regex.compile(r"(?i)\**\s*TOTAL\s+PAGES?\s*[.:]?\s*\d{1,3}\s*\**")),
)
