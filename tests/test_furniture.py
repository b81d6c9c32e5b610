"""Page furniture that occurs once (a two-page letter has one page break), fax headers, and
line ends with blanks after a carriage return: the fields come out as from the clean letter."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import iroparse
from iroparse._pipeline.noise_names import names_among_capitals, names_between_items

LETTERS = Path(__file__).resolve().parents[1] / "examples" / "letters"
SAMPLES = sorted(p for p in LETTERS.glob("*.txt") if not p.name.startswith("unknown"))


def scored(text: str) -> dict[str, Any]:
    record = iroparse.to_dict(iroparse.parse(text))
    fold = " ".join
    return {
        "outcome": record["outcome"],
        "review_date": record["review_date"],
        "case_number": record["case_number"],
        "services": [fold(s["text"].split()) for s in record["services"]],
        "qualifications": [fold(q.split()) for q in record["reviewer_qualifications"]],
        "information": [fold(q.split()) for q in record["information_provided"]],
        "history": fold((record["clinical_history"] or "").split()),
        "analysis": fold((record["analysis"] or "").split()),
        "criteria": [(c["code"], c["checked"]) for c in record["criteria"]],
        "patient": record["patient"],
    }


def _between_paragraphs(text: str, block: list[str]) -> str:
    """``text`` with ``block`` (blank lines around it) after the first line past the top that
    ends a sentence and a paragraph."""
    lines = text.split("\n")
    at = next(
        i
        for i, line in enumerate(lines)
        if i > 10 and line.rstrip().endswith(".") and not lines[i + 1].strip()
    )
    return "\n".join([*lines[: at + 1], "", *block, "", *lines[at + 1 :]])


def _insert_mid_sentence(text: str, block: list[str]) -> str:
    """Put ``block`` (with blank lines around it) inside the analysis's first wrapped sentence."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "ANALYSIS" in line.upper())
    for i in range(start + 1, len(lines) - 1):
        here, nxt = lines[i].strip(), lines[i + 1].strip()
        if len(here) > 40 and here[-1] not in ".:;" and nxt[:1].islower():
            return "\n".join([*lines[: i + 1], "", *block, "", *lines[i + 1 :]])
    raise AssertionError("no wrapped sentence in the analysis")


FURNITURE = {
    "company header": ["Lone Star Review Services, LLC - Independent Review Decision"],
    "confidential header": ["IRO Decision - Confidential"],
    "page number and header": ["Page 2 of 2", "\fIRO Decision - Confidential"],
    "header ending in its page": ["CENTEX IRO   Case 1234   Page 2"],
    "footer with its page between dashes": ["Persimmon Gap Medical Review - Page 1 -"],
    "fax header": ["05/12/2011 14:03 FAX 512xxxxxxx CENTEX IRO @ 002/004"],
    "header ending in Pg.": ["Pinnacle IRO Services      Pg. 2/3"],
    "fax header from and to": [
        "DEC-03-2009 14:51 FROM:LONE STAR IRO  2145550188  TO:18005550123  P.002/003"
    ],
    "fax header ending in its page": [
        "OCT-14-2009 15:43 SABINE PEER CONSULTANTS 409 555 0187 P.02/03"
    ],
    "e-signature audit report": [
        "SC-2026-00187 Decision - Final Audit Report                              2026-01-22",
        "Transaction ID:   CBJCHBCAABAAx7Qm2Vt9kLpR3sYw0ZfN4eHd8uJc1oGi",
        "Document created by Sycamore Creek IRO - 2026-01-22 - 9:02:14 AM CST",
        "Powered by Adobe Acrobat Sign",
    ],
    "fax header with an ISO date": [
        "2016-07-12 14:15   CUERO PEER REVIEW GROUP   3615550177  >>  5128044011          P 2/5"
    ],
    "unknown stamp": ["Texas Independent Review Group"],
    "copy stamp framed by dashes": ["                    ---- COPY ----"],
    "footer with its page between dashes between a reference and a name": [
        "ZRP-170802-14                          -1-                          Zephyr Review Partners"
    ],
    "file copy stamp framed by stars": ["** FILE COPY **"],
    "fax server's banner counting its pages in words": [
        "FROM: LANDA PARK REVIEW     (830)555-0152   TO: 15125550190   PAGE: 002 OF 003   RightFax"
    ],
    "footer of cells parted by double dashes ending in its page in words": [
        "Matador Plains Independent Review  --  MPIR-18-0409  --  April 12, 2018  --  page one"
        " of three"
    ],
    "bates number with a letter after its prefix's hyphen": [" " * 75 + "NDPR-B 00612"],
    "fax server's banner of when it came in": [
        "Received: 05/02/2018 15:41            From: 3255550150            Pinta Trail IRO"
        "       P. 002"
    ],
    "fax header naming its addressee and sender first": [
        "TO: 15125550199        FROM: 2545550190        04/22/2011  16:05        #318 P.002/005"
    ],
    "fax header with its weekday after a slash": [
        "MAR/14/2016/MON 04:05 PM   MERETA MED REVIEW            FAX No. 325 555 0144   P.002"
    ],
    "fax header with its weekday in parentheses": [
        "FEB-07-2006(TUE) 11:53       GIRVIN IND REVIEW             (432)555-0116     P.002/005"
    ],
    "handwritten initials read after a flourish": ["   ~ JK 4/26"],
    "fax header naming its sender and number first": [
        "GUADALUPE RIDGE MA       (830)555-0107       Jan 09 2013 10:12am     P002"
    ],
    "footer parted by stars ending in its page": [
        "Gorman Falls Health Review * GF-11-0214 * page 1 of 2"
    ],
    "footer of cells parted by bullets, the page among them": [
        "LOHR-19-2231  ·  Page 1 of 3  ·  CONFIDENTIAL HEALTH INFORMATION"
    ],
    "box's top and bottom drawn with corners": [
        ".--------------------------.",
        "'--------------------------'",
    ],
    "header of cells parted by bullets under a footer": [
        "Packsaddle Independent Review, Inc." + " " * 40 + "Pg 1/2",
        "",
        "Injured Employee: H. O. B.   ·   Packsaddle Case No. PIR-1705-2046   ·   DOI 09/09/2016",
    ],
}

#: Furniture that ends a page under a list's last item, next to no other furniture: only its
#: shape tells it from the item's next line.
PAGE_FOOT = {
    "fax header with a month's name and p.": [
        "Jul 14 2021 02:32PM     CTX REVIEW PARTNERS     5125550193          p.1"
    ],
    "fax header with dotted date": [
        "Sep. 16. 2014  2:41PM     Gulf Coast IRO     No. 4417    P. 2"
    ],
    "e-fax banner": ["From: 8175550166 Page: 3/4 Date: 6/19/2020 8:51:14 AM"],
    "received stamp": ["RECEIVED MAR 26 2007"],
    "title saying continued": ["ALPR Decision Notice, continued"],
    "lower-case page after a bar": ["Brazos Peer Review Group | page 3 of 3"],
    "page count after a rule": [f"{'-' * 64} Page 1 of 2 --"],
    "lower-case page after slashes": ["Alamo IRO Services / 104418 / pg 1 of 2"],
    "lower-case page after a gap": ["CRG-0514-3306                          page 1 of 2"],
    "p. after a date": ["IRO Notice 04/18/2018 p. 2"],
    "bare page count after a gap": ["PMRO 11/30/2015                        1/3"],
    "confidential between columns": ["MIR-HP-1 (Rev. 03/2021)      Confidential          1/2"],
    "letter-spaced page": ["1 | P a g e"],
    "initials beside a page": ["LMRG                              Page 1"],
    "Bates number": ["TDI-IRO 0001187"],
    "Bates number with a dash": ["HC-000232"],
    "Bates number with a year": ["TPIR 2014 000561"],
    "page before the form's code": ["2                                        SRIR-NOD-2025"],
    "case number and page after a comma": ["HC04-0219, page 2"],
    "page count after dashes": ["GMR 12-0217  --  Guadalupe Medical Review  --  2 of 2"],
    "confidential sentence after the organisation's name": [
        "Cross Timbers Medical Review - This notice contains confidential health information."
    ],
    "page read with a q": ["Blanco River IRO - BR12-05118                  Paqe 2 of 3"],
    "footer with a Bates number past a gap": [
        "Lavaca Review Partners | Confidential | Page 2 of 3           LRP13-0211-0002"
    ],
    "field code of a link": ['HYPERLINK "http://www.panhandlereview.com"'],
    "watermark": ["FILE COPY"],
    "confidentiality notice": [
        "CONFIDENTIALITY NOTICE: This document contains health information that is"
        " confidential and protected by state and",
        "federal law. If you are not the intended recipient, notify the sender and destroy"
        " all copies.",
    ],
    "confidential and do not re-disclose": [
        "CONFIDENTIAL - Contains protected health information. Do not re-disclose without"
        " authorization."
    ],
    "fax banner naming its sender and telephone": [
        "FROM : SOUTHWEST PHYSICIAN REV   PHONE NO. : 9725550163          Mar. 14 2002 03:52PM P2"
    ],
    "fax header with a one-letter meridiem": [
        "Oct-02-08  09:17A  Trinity PRO                     817-555-0171               P.03/04"
    ],
    "fax banner naming its sender first": [
        "FROM : PALO DURO MED REVIEW        FAX NO. : 8065550177        Jul. 12 2011 02:32PM P2"
    ],
    "letter-spaced watermark": ["C O P Y"],
    "Bates number after a stamp's reference": ["TDI-HWCN 012-0451 000118"],
    "address footer with a telephone cell": [
        "Texas Peer Review Associates | 8310 N. Capital of Texas Hwy, Austin, TX 78731 |"
        " (512) 555-0167"
    ],
    "long address footer ending in its page": [
        "Hill Country Peer Review, Inc. | 4407 Bee Caves Road, Bldg 2, Ste 221 | Austin, TX"
        " 78746         Page 1 of 2"
    ],
    "letterhead after a footer that counts the pages": [
        "Guadalupe IRO * 2600 Via Fortuna, Suite 150 * Austin, TX 78746 * Page 1 of 2",
        "",
        "Guadalupe Independent Review Organization",
        "2600 Via Fortuna, Suite 150, Austin, Texas 78746",
    ],
    "footer cells with a link": [
        "Big Thicket IRO Services | https://www.bigthicketiro.com | Confidential health information"
    ],
    "Bates number of four digits": ["CW-IRO 0402"],
    "reference and a zero-padded page after a gap": ["LHL-WC 1201-0093     002"],
    "time clock stamp": ["2013 APR -3 AM 9:42"],
    "fax receipt time": ["RECEIVED TIME FEB. 9. 10:45AM"],
    "received stamp with its office": ["REC'D MAR 1 5 2007 TDI-LHL"],
    "office before a received stamp": ["TDI RECEIVED NOV 1 8 2015 HWCN"],
    "page between dashes": ["- Page 2 -"],
    "page count after a star": ["CTPR 05-2231 * 1 of 2"],
    "name and case": ["Red River Medical Review – Case 17-04412"],
    "e-signature envelope": ["DocuSign Envelope ID: 7C1E42B9-3A5D-4F08-9E61-2B7D0C93A4F1"],
    "digital signature's block": [
        " " * 43 + line
        for line in (
            "Digitally signed by Packsaddle Reviewer 2281",
            "DN: cn=Packsaddle Reviewer 2281, o=Packsaddle",
            "Independent Review, c=US",
            "Date: 2014.09.03 15:12:44 -05'00'",
        )
    ],
    "electronic signature's block": [
        " " * 41 + line
        for line in (
            "Electronically signed: Erath Review Group",
            "Physician Reviewer ID 20-0174",
            "08/27/2020 11:46 AM CDT",
        )
    ],
    "electronic signature with its identifier": [
        "   Electronically signed by Harlan P. Vossberg, M.D. on 07/21/2015 4:52:07 PM CDT",
        "   Signature ID: 8F3C-22A1-90DE",
    ],
    "reviewer's signing line beside a digital signature": [
        "Reviewing physician: [name withheld], M.D.        Digitally signed by MPIR Reviewer 5510",
        " " * 50 + "Reason: I am the author of this document",
        " " * 50 + "Date: 2018.04.11 17:26:40 -06'00'",
    ],
    "signing service's block, the signer between its lines": [
        "   DocuSigned by:",
        "   Reviewing Physician",
        "   C41B7E02D9A8453...",
        "   Signed 2/17/2026 | 4:52 PM CST",
    ],
    "signature on file under the reviewer's number": ["Reviewer No. 4417", "Signature on file"],
    "report's title ending in its page after a comma": ["Reviewer's Report, page 1"],
    "signature after its label": [
        "    Reviewer e-signature on file: /s/ BDRG Physician Reviewer #0419   03/22/2012 09:12"
    ],
    "signature's block after /s/": [
        " " * 36 + "/s/ Physician Reviewer, Shoal Creek Medical Review",
        " " * 36 + "e-signed 2023-10-24 09:14:52 CDT",
    ],
    "page between dashes before a gap and the case": [
        "- 1 -                                                      CHR10-0388 / Claimant xxxxx"
    ],
    "page between dashes past a gap": [
        "Lake Travis Utilization Review · LTUR-IRO Form 2 (rev. 2014)          - 1 -"
    ],
    "fax receipt with its number": ["Received Time Oct. 17. 2008  4:21PM  No. 0913"],
    "fax server banner": [
        "Fax Server          8/29/2017 3:44:12 PM     PAGE    1/003     Fax Server"
    ],
    "adjuster's copy": ["ADJUSTER COPY"],
    "form number and revision": ["Form LHL712 (Rev. 04/2020)"],
    "case reference continued": ["IRO Case # 0304-117, continued"],
    "field code with the link's text": [
        'HYPERLINK "mailto:IRO@bluebonnetreview.com" IRO@bluebonnetreview.com'
    ],
    "cells parted by bullets ending in the page": ["Trinity Clinical Review  ·  2006-5512  ·  2"],
    "page count with a scan's letters for digits": ["Page l of 3"],
    "fax banner with a scan's letters in its time and date": [
        "O9/22/2O10 lO:O7 FAX 2545550l62      CRANFILLS GAP lRO                    @OO2/OO4",
        "O7/ll/2OO7 15:27 FAX 325 555 0190       SONORA PEER REVIEW          @OO2/OO3",
    ],
    "fax banner with a scan's letters for digits": [
        "07/16/2013 14:22 8065550141 PANHANDLE REVIEW PAGE O2/04"
    ],
    "stamp date with a scan's letter for a digit": ["RECEIVED", "AUG l 6 2017"],
    "a word processor's empty header fields": [
        "[Type text]                              [Type text]                     [Type text]"
    ],
    "confidentiality line naming health information": [
        "CONFIDENTIAL: This communication contains protected health information under HIPAA."
    ],
    "stamp with its office below": ["RECEIVED", "SEP 2 6 2022", "TDI-HWCN"],
    "page between a reference and a printing date": [
        "BVRG 19-10-0552                       Page 1 of 2                      Printed"
        " 10/08/2019 4:51 PM"
    ],
    "running title with its page, then a printing date": [
        "Notice of IRO Decision - Page 1 of 3                     Printed 1/17/2024 3:41:01 PM"
    ],
    "a short running title naming the decision, its page after a comma": [
        "THR IRO decision, page 2"
    ],
    "a continued page's title beside the house's name": [
        "NOTICE OF INDEPENDENT REVIEW DECISION (continued)          Pinewood Medical Review, Inc."
    ],
    "an e-fax service's line of when it sent the page": ["Sent via e-fax 02/21/2024 16:01 CST"],
    "a fax machine's count of the pages it sent": ["** TOTAL PAGE.03 **"],
    "page between a reference and a link": [
        "MIR-2304-117TX                            Page 1 of 3         https://www.mesquiteiro.com/privacy"
    ],
    "case and page after a comma": ["IRO Case 2008-1147, page 1 of 2"],
    "fax header with a weekday": [
        "FEB-23-98 MON 16:05     RED RIVER REVIEW GRP     940 555 0193     P.01"
    ],
}
FURNITURE.update(PAGE_FOOT)


@pytest.mark.parametrize("kind", sorted(PAGE_FOOT))
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_furniture_ending_a_page_under_a_list_leaves_the_fields_unchanged(
    path: Path, kind: str
) -> None:
    text = path.read_text(encoding="utf-8")
    at = text.index("\n", text.upper().index("PATIENT CLINICAL HISTORY") - 2)
    end = text.rindex("\n", 0, at)  # the records list's last line ends here
    noisy = text[:end] + "\n" + "\n".join(PAGE_FOOT[kind]) + "\n\f" + text[end + 1 :]
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("kind", sorted(PAGE_FOOT))
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_furniture_ending_a_page_between_paragraphs_leaves_the_fields_unchanged(
    path: Path, kind: str
) -> None:
    # the analysis's first sentence ends the page's last paragraph; the next page goes on
    text = path.read_text(encoding="utf-8")
    start = text.upper().index("ANALYSIS")
    end = re.compile(r"[a-z]\.[ \t]*\n?[ \t]*(?=[A-Z][a-z])").search(text, start)
    assert end is not None
    cut = end.start() + 2
    footer = "\n".join(PAGE_FOOT[kind])
    noisy = text[:cut] + "\n" + footer + "\n\f" + text[end.end() :]
    assert scored(noisy) == scored(text)


#: A line of the analysis that ends a sentence, the next starting one: a page may end there.
_LINE_ENDS_SENTENCE = re.compile(r"[a-z]\.[ \t]*\n(?=[ \t]*[A-Z][a-z])")


def _sentence_line_end(text: str) -> int | None:
    """Where the analysis's first line that ends a sentence ends, if it has one."""
    found = _LINE_ENDS_SENTENCE.search(text, text.upper().index("ANALYSIS"))
    return found.end() if found else None


@pytest.mark.parametrize("kind", sorted(PAGE_FOOT))
@pytest.mark.parametrize(
    "path",
    [p for p in SAMPLES if _sentence_line_end(p.read_text(encoding="utf-8"))],
    ids=lambda p: p.stem,
)
def test_furniture_ending_a_page_after_a_line_ending_a_sentence_leaves_the_fields_unchanged(
    path: Path, kind: str
) -> None:
    # no blank line: the line ends its sentence and the page, the footer is the page's last
    text = path.read_text(encoding="utf-8")
    at = _sentence_line_end(text)
    assert at is not None
    noisy = text[:at] + "\n".join(PAGE_FOOT[kind]) + "\n\f" + text[at:]
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("kind", sorted(PAGE_FOOT))
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_furniture_ending_a_page_inside_a_sentence_leaves_the_fields_unchanged(
    path: Path, kind: str
) -> None:
    # no blank line around it: the page's last line of prose, the footer, the next page
    text = path.read_text(encoding="utf-8")
    spaced = _insert_mid_sentence(text, ["@@"])
    noisy = spaced.replace("\n\n@@\n\n", "\n" + "\n".join(PAGE_FOOT[kind]) + "\n\f")
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("kind", sorted(FURNITURE))
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_furniture_that_occurs_once_leaves_the_fields_unchanged(path: Path, kind: str) -> None:
    text = path.read_text(encoding="utf-8")
    noisy = _insert_mid_sentence(text, FURNITURE[kind])
    assert scored(noisy) == scored(text)


def test_a_stamp_judged_by_position_is_a_diagnostic() -> None:
    text = (LETTERS / "leading-x_sample.txt").read_text(encoding="utf-8")
    noisy = _insert_mid_sentence(text, FURNITURE["unknown stamp"])
    codes = [d.code for d in iroparse.parse(noisy).diagnostics]
    assert "noise-by-position" in codes


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_blanks_after_a_carriage_return_end_one_line(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    noisy = text.replace("\n", "\r   \n")
    assert scored(noisy) == scored(text)
    decision = iroparse.parse(noisy)
    if decision.spans.review_date is not None:
        assert decision.spans.review_date.slice(noisy).strip()


def _insert_before_analysis(text: str, block: list[str]) -> str:
    """Put ``block`` (with blank lines around it) between two sections: before the analysis."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.upper().startswith("ANALYSIS"))
    return "\n".join([*lines[:start], "", *block, "", *lines[start:]])


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_letterhead_line_repeated_once_as_a_page_header_is_furniture(path: Path) -> None:
    text = "Lone Star Review Services, LLC\n1234 Main Street, Austin TX\n\n" + path.read_text(
        encoding="utf-8"
    )
    noisy = _insert_before_analysis(text, ["Lone Star Review Services, LLC"])
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_an_organisation_line_beside_a_page_number_is_furniture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    noisy = _insert_before_analysis(text, ["Page 1 of 2", "\fProfessional Associates Group"])
    assert scored(noisy) == scored(text)


def test_a_case_number_value_after_a_page_break_is_not_furniture() -> None:
    text = (LETTERS / "bracket_sample.txt").read_text(encoding="utf-8")
    moved = text.replace(
        "IRO CASE #: \n", "IRO CASE #: \nPage 1 of 2\n\fLone Star Review Services\nIRO-1234-5678\n"
    )
    assert iroparse.parse(moved).case_number == "IRO-1234-5678"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_running_header_repeating_the_case_number_heading_opens_no_section(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    case = iroparse.parse(text).case_number or "0000"
    noisy = _insert_before_analysis(text, [f"IRO CASE #: {case}"])
    assert scored(noisy) == scored(text)


def test_a_case_number_header_inside_a_wrapped_heading_is_stepped_over() -> None:
    text = (LETTERS / "bracket_sample.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("ANALYSIS AND EXPLANATION"))
    noisy = "\n".join(
        [*lines[: at + 1], "", "IRO CASE #: 1234", "Page 2", "\f", *lines[at + 1 :]]
    ).replace("IRO CASE #: \n", "IRO CASE #: 1234\n")
    clean = text.replace("IRO CASE #: \n", "IRO CASE #: 1234\n")
    assert scored(noisy) == scored(clean)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_name_ending_in_an_abbreviation_at_a_page_break_is_furniture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    noisy = _insert_before_analysis(text, ["Page 1 of 2", "\fIndependent Resolutions Inc."])
    assert scored(noisy) == scored(text)


def test_a_stamp_before_a_number_that_goes_on_with_the_sentence_is_furniture() -> None:
    text = (LETTERS / "bracket_sample.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if len(line) > 40 and line.rstrip()[-1:].isalpha())
    words = lines[at].rstrip()
    noisy = "\n".join(
        [
            *lines[:at],
            words + " (cpt",
            "",
            "Medical Review Institute of America",
            "",
            "64483).",
            *lines[at + 1 :],
        ]
    )
    folded = " ".join(noisy.split())
    assert "America 64483" in folded  # the stamp sits between the two halves
    history = iroparse.parse(noisy)
    joined = " ".join(s.text for s in history.sections)
    assert "Medical Review Institute of America" not in joined


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_name_repeated_without_page_breaks_is_furniture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    noisy = _insert_mid_sentence(text, ["Independent Resolutions Inc."])
    noisy = _insert_before_analysis(noisy, ["Independent Resolutions Inc."])
    assert scored(noisy) == scored(text)


SIDEBAR = ["Lone Star Review Services", "1234 Main Street", "Austin, TX 78701", "Fax 512-555-0199"]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_sidebar_merged_into_the_first_lines_is_furniture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    targets = [i for i, line in enumerate(lines) if line.strip()][1 : 1 + len(SIDEBAR)]
    column = max(70, max(len(lines[i].rstrip()) for i in targets) + 8)
    for i, side in zip(targets, SIDEBAR, strict=True):
        lines[i] = lines[i].rstrip().ljust(column) + side
    noisy = "\n".join(lines)
    assert scored(noisy) == scored(text)
    codes = [d.message for d in iroparse.parse(noisy).diagnostics if d.code == "noise-removed"]
    assert any("sidebar" in message for message in codes)


def test_a_sidebar_line_close_to_the_text_among_indented_ones_is_furniture() -> None:
    # ``Please reference`` at the column of the lines above it, two left of those below it,
    # four blanks from its text
    body = [
        "The patient is a 52 year old male who was injured on the job",
        "while lifting a pallet. He reports low back pain radiating to",
        "the left leg with numbness in the L5 distribution. He said",
        "that the pain is worse when sitting. He had an MRI. The MRI showed:",
        "left paracentral disc protrusion at L4-L5 contacting the",
        "traversing nerve root. He completed eight sessions of therapy",
        "and took anti-inflammatory medication without lasting relief.",
    ]
    side = [
        "Concho IRO",
        "Reviewers",
        "Office hours",
        "Please reference",
        "the file",
        "on all",
        "mail",
    ]
    columns = [71, 71, 71, len(body[3]) + 4, 73, 73, 73]
    assert columns[3] == 71
    block = "\n".join(
        text.ljust(column) + words for text, column, words in zip(body, columns, side, strict=True)
    )
    letter = (LETTERS / "leading-x_sample.txt").read_text(encoding="utf-8")
    history = letter.index("The patient is a 52 year old male")
    end = letter.index("\n\n", history)
    noisy = iroparse.parse(letter[:history] + block + letter[end:])
    assert "Please reference" not in (noisy.clinical_history or "")
    assert (noisy.clinical_history or "").endswith("without lasting relief.")
    assert "on all" not in (noisy.clinical_history or "")


def test_sidebar_lines_close_to_a_paragraph_run_over_lines_are_the_sidebars() -> None:
    """A paragraph reaching almost to the sidebar: several lines in a row leave it two or
    three blanks (``... has  Oscar V. Zapalac, D.C.``), one a column left (``& Rehabilitation``);
    the sidebar's lines above and below, further off, tell them."""
    from iroparse._pipeline.sidebar import sidebar_cuts

    rows = [
        ("Date:  May 19, 2004", "PHYSICIAN ADVISORS"),
        ("", ""),
        ("Re:    IRO Case #:     DB-0504-077", "Harlan B. Fritsche, M.D."),
        ("       TWCC #:         03-208816", "Orthopaedic Surgery"),
        ("       Claim #:        44-019937-01", "Ilse M. Wendland, M.D."),
        ("       Employee:       xxxxxxxx xxxxxx", "Neurology"),
        ("       Respondent:     Lee County Employers Mutual", "Carl J. Mikeska, D.O."),
        ("", "Physical Medicine"),
        ("Dime Box Review Services, Inc. (DBRS) has been certified by  ", "& Rehabilitation"),
        ("the Texas Department of Insurance as an independent review", ""),
        ("organization.  The Texas Workers' Compensation Commission has", "Oscar V. Zapalac, D.C."),
        ("assigned this case to DBRS for independent review under Rule", "Chiropractic"),
        ("133.308.  The reviewer has signed a statement certifying that", ""),
        ("no known conflicts of interest exist between the reviewer and", "Agnes T. Kubena, R.N."),
        ("any of the parties or treating doctors.", "Utilization Review"),
        ("", ""),
        ("1.   SERVICE(S) IN DISPUTE", "Serving Texas"),
        ("", "Since 1997"),
    ]
    lines = [
        (left.ljust(62 if side.startswith("&") else 63) + side).rstrip() if side else left
        for left, side in rows
    ]
    cuts = sidebar_cuts(lines, lambda text: False)
    assert {i: lines[i][at:] for i, at in cuts.items()} == {
        i: side for i, (_, side) in enumerate(rows) if side
    }


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_sidebar_of_a_double_spaced_letter_is_furniture(path: Path) -> None:
    # the sidebar's lines stand as far apart as the body's: 5 lines and more, counting blanks
    text = "\n\n\n".join(path.read_text(encoding="utf-8").split("\n"))
    lines = text.split("\n")
    targets = [i for i, line in enumerate(lines) if line.strip()][1 : 1 + len(SIDEBAR)]
    assert targets[2] - targets[0] > 8
    column = max(70, max(len(lines[i].rstrip()) for i in targets) + 8)
    for i, side in zip(targets, SIDEBAR, strict=True):
        lines[i] = lines[i].rstrip().ljust(column) + side
    noisy = "\n".join(lines)
    assert scored(noisy) == scored(text)
    sections = " ".join(section.text for section in iroparse.parse(noisy).sections)
    assert not any(side in sections for side in SIDEBAR)


def test_a_column_of_marks_is_not_a_sidebar() -> None:
    text = (LETTERS / "yesno_sample.txt").read_text(encoding="utf-8")
    assert "sidebar" not in " ".join(d.message for d in iroparse.parse(text).diagnostics)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_running_header_with_a_date_is_furniture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = [
        "Page 1 of 2",
        "Professional Associates",
        "Independent Review Decision",
        "March 3, 2011",
    ]
    noisy = _insert_before_analysis(text, header)
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_running_header_under_a_footer_counting_pages_is_furniture(path: Path) -> None:
    # no form feed: the footer that counts the pages marks where each page ends
    text = path.read_text(encoding="utf-8")
    footer = ["Galveston Bay Review Partners  ·  Confidential                  Page {n} of 2"]
    header = ["RE: IRO Decision - Injured Employee                        GBRP Notice 17/3"]
    noisy = _insert_mid_sentence(text, [footer[0].format(n=1), *header])
    noisy = _insert_before_analysis(noisy, [footer[0].format(n=2), *header])
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_running_headers_first_copy_over_the_title_goes_with_the_others(path: Path) -> None:
    # the first page carries the header too, under the letterhead, over the title
    text = path.read_text(encoding="utf-8")
    header = "Patient: [redacted]  |  BPIR Case: BPIR-2022-3318  |  Enrollee ID: xxxxxxx4410"
    letterhead = "Bastrop Pines Independent Review, Inc.\n702 Chestnut Street  *  Bastrop, TX 78602"
    noisy = f"{letterhead}\n\n{header}\n\n{text}"
    noisy = _insert_mid_sentence(noisy, ["Page 1 of 3", "\f" + header])
    noisy = _insert_before_analysis(noisy, ["Page 2 of 3", "\f" + header])
    decision = iroparse.parse(noisy)
    assert not [s.kind for s in decision.sections if "BPIR Case" in s.text]
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_page_header_of_labelled_values_repeating_the_case_number_goes(path: Path) -> None:
    # a letter of two pages: the second page's header, once, under the first page's footer
    text = "Hueco Tanks Case Number:  HTRA-19-0716-24\n\n" + path.read_text(encoding="utf-8")
    footer = "Hueco Tanks Review Associates  |  Notice of Decision  |  Page 1 of 2"
    header = "Enrollee: xxxxxxxx" + " " * 26 + "Hueco Tanks Case Number: HTRA-19-0716-24"
    noisy = _insert_before_analysis(text, [footer, header])
    assert not [s.kind for s in iroparse.parse(noisy).sections if "Enrollee" in s.text]
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_footer_of_cells_parted_by_double_dashes_over_a_heading_goes(path: Path) -> None:
    # no form feed, once: only its shape tells it from the section's last line
    text = path.read_text(encoding="utf-8")
    footer = " " * 18 + "Paisano Pass Review Company -- PPR22-0614 -- page 2"
    noisy = _insert_before_analysis(text, [footer])
    assert not [s.kind for s in iroparse.parse(noisy).sections if "Paisano" in s.text]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_footers_title_repeated_beside_each_page_number_goes_with_it(path: Path) -> None:
    # no form feed, and a title with no reference of its own: its words beside the page
    # number on two pages make the line a footer, not a title and another column's page
    text = path.read_text(encoding="utf-8")
    footer = "BBMR Notice of Decision" + " " * 48 + "Page {n} of 3"
    noisy = _insert_mid_sentence(text, [footer.format(n=1)])
    noisy = _insert_before_analysis(noisy, [footer.format(n=2)])
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize(
    "header", ["TMR-1203-117 / Notice of Decision", "Printed 02/11/2026 09:14 CST"]
)
def test_a_running_line_under_a_bates_number_is_furniture(path: Path, header: str) -> None:
    # no form feed, no page number: the Bates number stamped on each page marks the page
    text = path.read_text(encoding="utf-8")
    bates = " " * 60 + "TMR 00024{n}"
    noisy = _insert_mid_sentence(text, [bates.format(n=1), header])
    noisy = _insert_before_analysis(noisy, [bates.format(n=2), header])
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("reference", ["PC08-1142", "M5-03-2291-01"])
def test_a_case_reference_over_a_page_number_is_furniture(path: Path, reference: str) -> None:
    text = path.read_text(encoding="utf-8")
    noisy = _insert_before_analysis(text, [reference, "Page 2"])
    assert scored(noisy) == scored(text)


def test_a_sidebars_telephone_label_over_its_number_is_the_sidebars() -> None:
    sample = (SAMPLES[0]).read_text(encoding="utf-8")
    lines = sample.split("\n")
    top = next(i for i, line in enumerate(lines) if "SERVICE" in line.upper())
    sidebar = [
        "MEDICAL DIRECTOR",
        "R. T. Mendell, M.D.",
        "",
        "TELEPHONE",
        "325.555.0162",
        "",
        "FACSIMILE",
        "325.555.0163",
        "",
        "TDI IRO Cert. No. 5477",
    ]
    width = max(len(line) for line in lines[top : top + len(sidebar)]) + 6
    for k, text in enumerate(sidebar):
        lines[top + k] = lines[top + k].ljust(width) + text if text else lines[top + k]
    noisy = "\n".join(lines)
    assert scored(noisy) == scored(sample)


def test_an_organisation_line_inside_a_wrapped_heading_is_stepped_over() -> None:
    text = (LETTERS / "bracket_sample.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("ANALYSIS AND EXPLANATION"))
    noisy = "\n".join([*lines[: at + 1], "Independent Resolutions Inc.", *lines[at + 1 :]])
    assert scored(noisy) == scored(text)


FULL_CHECKLISTS = [p for p in SAMPLES if "TEXAS TACADA" in p.read_text(encoding="utf-8").upper()]


@pytest.mark.parametrize("path", FULL_CHECKLISTS, ids=lambda p: p.stem)
def test_an_organisation_name_among_checklist_lines_in_capitals_is_furniture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "TEXAS TACADA" in line.upper())
    noisy = "\n".join([*lines[:at], "Professional Associates", *lines[at:]])
    assert scored(noisy) == scored(text)


#: A page break of four furniture lines (a double-spaced letter puts blank lines between them).
PAGE_BREAK = ["\fProfessional Associates", "Independent Review Decision", "March 3, 2011", "Page 2"]
WRAPPED_CRITERIA = [p for p in SAMPLES if "SOURCE OF THE SCREENING" in p.read_text()]


@pytest.mark.parametrize("path", WRAPPED_CRITERIA, ids=lambda p: p.stem)
def test_a_page_break_inside_a_double_spaced_heading_leaves_the_fields_unchanged(
    path: Path,
) -> None:
    text = path.read_text(encoding="utf-8")
    broken = text.replace(
        "SOURCE OF THE SCREENING", "SOURCE OF THE\n\n" + "\n\n".join(PAGE_BREAK) + "\n\nSCREENING"
    )
    assert broken.count("Professional Associates") == 1
    # double-spaced: the break spans 13 lines, more than its 4 furniture lines and their blanks
    assert scored(broken.replace("\n", "\n\n")) == scored(text)


def test_a_link_between_a_heading_and_its_text_does_not_make_the_text_a_stamp() -> None:
    # a title-case heading without a colon, a link, then a title-like first line whose sentence
    # goes on below: the first line is the analysis's, not a stamp cutting a sentence
    text = (LETTERS / "bracket_sample.txt").read_text(encoding="utf-8")
    heading = (
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS, FINDINGS \n"
        "AND CONCLUSIONS USED TO SUPPORT THE DECISION \n"
    )
    opening = (
        "Analysis and Explanation of the Decision Including Clinical Basis,\n"
        "Findings and Conclusions used to Support the Decision\n\n"
        "mailto:manager@review-iro.com\n\n"
        "Rationale: The Official Disability Guidelines recommend this procedure\n"
        "only after a documented failure of conservative care.\n"
    )
    assert heading in text
    analysis = iroparse.parse(text.replace(heading, opening, 1)).analysis
    assert analysis is not None
    assert analysis.startswith("Rationale: The Official Disability Guidelines recommend this")


@pytest.mark.parametrize("stranger", ["ARX", "Page 2", "CONFIDENTIAL", "12"])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_words_of_another_column_beside_checklist_items_are_dropped(
    path: Path, stranger: str
) -> None:
    # a stamp, a footer or a page number that shares its baseline with some checklist items
    # (marked and unmarked): the items keep their marks, the stranger goes
    text = path.read_text(encoding="utf-8")
    decision = iroparse.parse(text)
    lines = text.split("\n")
    items = sorted({text.count("\n", 0, c.span.start) for c in decision.criteria if c.span})
    for n in items:
        lines[n] = lines[n].rstrip() + " " * 24 + stranger
    beside = "\n".join(lines)
    assert scored(beside) == scored(text)
    # cut off at least the lines that carry a mark (in a sparse layout an unmarked item's
    # stranger may stay in the section's text; it is never read as a mark or a label)
    cut = [
        d.message
        for d in iroparse.parse(beside).diagnostics
        if "other-column" in d.message or "sidebar" in d.message
    ]
    assert cut and all(repr(stranger) in message for message in cut)


CONTINUED = {
    "heading": ["Page 2 of 2", "ANALYSIS AND EXPLANATION OF THE DECISION (continued)"],
    "short heading": ["Page 2 of 2", "Analysis (continued):"],
    "note": ["Page 2 of 2", "(continued)"],
    "note before the break": ["Continued on next page", "Page 2 of 2"],
    "wrapped heading": [
        "Page 2 of 2",
        "ANALYSIS AND EXPLANATION OF THE DECISION INCLUDING CLINICAL BASIS,",
        "FINDINGS AND CONCLUSIONS USED TO SUPPORT THE DECISION (CONT'D)",
    ],
}


@pytest.mark.parametrize("kind", sorted(CONTINUED))
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_section_continued_on_the_next_page_stays_one(path: Path, kind: str) -> None:
    text = path.read_text(encoding="utf-8")
    broken = _insert_mid_sentence(text, CONTINUED[kind])
    assert scored(broken) == scored(text)
    decision = iroparse.parse(broken)
    assert sum(s.kind == "analysis" for s in decision.sections) == 1


def test_prose_that_ends_in_continued_is_kept() -> None:
    text = (LETTERS / "bracket_sample.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("First, the Reviewer"))
    lines.insert(at + 1, "therapy was continued")
    analysis = iroparse.parse("\n".join(lines)).analysis or ""
    assert "therapy was continued" in analysis


def test_a_date_that_ends_a_wrapped_item_before_a_page_break_stays_in_the_item() -> None:
    # ``... through`` / ``11/24/2009`` / running header / page number: the date ends the
    # item's sentence; it is no running header's date
    text = (LETTERS / "paren_sample.txt").read_text(encoding="utf-8")
    records = iroparse.parse(text).information_provided
    wrapped = "- Office notes of the treating physician from 08/18/2019 through\n   11/24/2009"
    start = text.index(records[0].text)
    end = text.index(records[-1].text) + len(records[-1].text)
    items = "\n".join(f"- {r.text}" for r in records) + "\n" + wrapped
    broken = text[:start] + items + "\n\nIRO Case Number: 2011-0803-17\nPage 2\n" + text[end:]
    got = [r.text for r in iroparse.parse(broken).information_provided]
    assert got[-1] == "Office notes of the treating physician from 08/18/2019 through 11/24/2009"


MINI = """NOTICE OF INDEPENDENT REVIEW DECISION

DATE OF REVIEW: April 18, 2014

description of the service or services in dispute:
1. Lumbar epidural steroid injection at L4-L5, CPT 62311
2. Fluoroscopic guidance, CPT 77003

description of the qualifications for each physician or other health care provider who
reviewed the decision:
Subspecialty Board Certified in Electrodiagnostic Medicine
Residency Training PMR and ORTHOPAEDIC SURGERY

review outcome:
[ X ] Upheld (Agree)
[   ] Overturned (Disagree)
"""


def test_a_list_item_or_a_line_before_a_heading_is_never_a_stamp() -> None:
    # the lines above a lower-case heading look like a stamp cutting a sentence (prose above,
    # a line in lower case below); a list's item and a line before a heading are content
    decision = iroparse.parse(MINI)
    assert [s.text for s in decision.services] == [
        "Lumbar epidural steroid injection at L4-L5, CPT 62311",
        "Fluoroscopic guidance, CPT 77003",
    ]
    assert [q.text for q in decision.reviewer_qualifications][-1] == (
        "Residency Training PMR and ORTHOPAEDIC SURGERY"
    )
    assert not [d for d in decision.diagnostics if d.code == "noise-by-position"]


def test_a_line_where_a_sentence_ends_is_never_a_stamp() -> None:
    # ``... include`` / ``Hydrocodone, Gabapentin and Cyclobenzaprine. An MRI showed mild`` /
    # ``degenerative ...``: title-like words, but a sentence ends inside it: prose
    text = (LETTERS / "bracket_sample.txt").read_text(encoding="utf-8")
    history = (
        "PATIENT CLINICAL HISTORY SUMMARY \n\nThis is a xx-year-old man injured at work. "
        "Current medications include\nHydrocodone, Gabapentin and Cyclobenzaprine. An MRI "
        "showed mild\ndegenerative changes and no neural compression.\n"
    )
    start = text.index("PATIENT CLINICAL HISTORY SUMMARY")
    end = text.index("ANALYSIS AND EXPLANATION")
    decision = iroparse.parse(text[:start] + history + "\n" + text[end:])
    assert decision.clinical_history is not None
    assert "Cyclobenzaprine. An MRI showed mild degenerative" in decision.clinical_history


@pytest.mark.parametrize("name", ["Independent Resolutions Inc.", "Lone Star Review Services, LLC"])
def test_an_organisations_name_between_bulleted_items_is_a_page_header(name: str) -> None:
    # short items (no prose around the name): only the list's markers tell it apart
    text = (LETTERS / "paren_sample.txt").read_text(encoding="utf-8")
    records = iroparse.parse(text).information_provided
    short = ["MRI of the lumbar spine dated 09/18/2017", "Pharmacy records", "Peer review report"]
    items = [f"\u00a7 {item}" for item in short]
    items.insert(2, name)
    start = text.rindex("\n", 0, text.index(records[0].text)) + 1  # the first item's line
    end = text.index(records[-1].text) + len(records[-1].text)
    broken = text[:start] + "\n\n".join(items) + text[end:]
    got = [r.text for r in iroparse.parse(broken).information_provided]
    assert got == short


def test_a_title_like_first_line_under_a_numbered_wrapped_heading_is_text() -> None:
    """The analysis's first line (``Rationale: The Official Disability Guidelines recommend
    this procedure``) follows a numbered heading wrapped over two lines: it goes on with its
    sentence, and the line above it is a heading's last line, not prose a stamp could cut."""
    text = (LETTERS / "paren_sample.txt").read_text(encoding="utf-8")
    heading = (
        "Analysis and Explanation of the Decision Include Clinical Basis, Findings, and "
        "Conclusions Used to Support the Decision"
    )
    first = "Additional therapy is not supported: he has had the number of visits the guidelines"
    assert heading in text and first in text
    wrapped = text.replace(
        f"{heading}\n{first}",
        "8.  Analysis and explanation of the decision including clinical basis,\n"
        "findings and conclusions used to support the decision\n\n"
        "Rationale: The Official Disability Guidelines recommend this procedure\n"
        "only after the number of visits the guidelines",
    )
    decision = iroparse.parse(wrapped)
    assert decision.analysis is not None
    assert decision.analysis.startswith("Rationale: The Official Disability Guidelines")
    assert "noise-by-position" not in [d.code for d in decision.diagnostics]


def test_a_name_between_yes_no_criteria_items_is_furniture() -> None:
    """A page header (``Medical Review Institute of America``) between two criteria items
    written in capitals with their marks in a column of their own (``INTERQUAL CRITERIA
    No``): the marks do not make the items mixed case."""
    text = (LETTERS / "yesno_sample.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("INTERQUAL"))
    assert lines[at].rstrip().endswith(("No", "Yes")) and lines[at + 1][:1].isupper()
    noisy = "\n".join([*lines[: at + 1], "Medical Review Institute of America", *lines[at + 1 :]])
    decision = iroparse.parse(noisy)
    assert scored(noisy) == scored(text)
    assert "noise-removed" in [d.code for d in decision.diagnostics]


@pytest.mark.parametrize(
    "furniture",
    ["Page 1 of 2\n\fIRO Decision - Confidential", "IRO Case Number: 92-7204\nPage 2"],
    ids=["page-and-header", "case-number-header"],
)
def test_a_heading_broken_by_a_page_still_ends_before_a_title_like_line(furniture: str) -> None:
    """The analysis heading wrapped over a page break, with the page's furniture between its
    two lines: the line after it (``Opinion: The Official Disability Guidelines recommend this
    procedure``) is the analysis's first line, not a stamp cutting a sentence."""
    text = (LETTERS / "paren_sample.txt").read_text(encoding="utf-8")
    heading = (
        "Analysis and Explanation of the Decision Include Clinical Basis, Findings, and "
        "Conclusions Used to Support the Decision"
    )
    first = "Additional therapy is not supported: he has had the number of visits the guidelines"
    broken = text.replace(
        f"{heading}\n{first}",
        "Analysis and explanation of the decision including clinical basis,\n\n"
        f"{furniture}\n\n"
        "findings and conclusions used to support the decision\n"
        "Opinion: The Official Disability Guidelines recommend this procedure\n"
        "only after the number of visits the guidelines",
    )
    assert broken != text
    decision = iroparse.parse(broken)
    assert decision.analysis is not None
    assert decision.analysis.startswith("Opinion: The Official Disability Guidelines")


def test_a_stamp_before_prose_that_starts_with_a_headings_words_is_furniture() -> None:
    """``requested service is not medically necessary`` starts with the words of a heading
    (``REQUESTED SERVICE(S)``) but goes on with the sentence the stamp above it cut: the
    stamp is furniture, not a line kept because a heading follows."""
    text = (LETTERS / "paren_sample.txt").read_text(encoding="utf-8")
    sentence = "He has had the number of visits the guidelines allow, and therefore the\n"
    rest = "requested service is not medically necessary for this diagnosis.\n"
    first = "Additional therapy is not supported: he has had the number of visits the guidelines\n"
    assert first in text
    clean = text.replace(first, first + sentence + rest)
    noisy = text.replace(
        first, first + sentence + "\nMedical Review Institute of America\n\n" + rest
    )
    assert scored(noisy) == scored(clean)


@pytest.mark.parametrize(
    ("furniture", "end"),
    [
        (
            ["Page 1 of 2", "\fMedical Review Institute of America", "Independent Review Decision"],
            "02/28/2014",
        ),
        (["Page 2", "Independent Resolutions Inc."], "02/28/2014"),
        (
            ["", "\fCENTEX IRO", "Independent Review Decision", "March 3, 2011", "Page 2 of 2", ""],
            "February 28, 2014",
        ),
    ],
    ids=["header-after-page-number", "footer-before-page-break", "header-with-its-own-date"],
)
def test_a_date_ending_an_item_after_a_page_break_stays_in_the_item(
    furniture: list[str], end: str
) -> None:
    """An item wrapped over a page break (``... from 10/01/2013 through`` / the page's
    furniture / ``02/28/2014``): the date ends the item; it is not the running header's date,
    though only furniture stands between it and the break. A date with furniture after it
    (``March 3, 2011`` / ``Page 2 of 2``) is the header's own."""
    text = (LETTERS / "leading-x_sample.txt").read_text(encoding="utf-8")
    old = "3. Office notes of the treating physician from 10/2013 through 02/2014\n"
    assert old in text
    clean = text.replace(
        old, f"3. Office notes of the treating physician from 10/01/2013 through\n{end}\n"
    )
    noisy = text.replace(
        old,
        "3. Office notes of the treating physician from 10/01/2013 through\n"
        + "\n".join(furniture)
        + f"\n  {end}\n",
    )
    items = [" ".join(i.text.split()) for i in iroparse.parse(noisy).information_provided]
    assert f"Office notes of the treating physician from 10/01/2013 through {end}" in items
    assert scored(noisy) == scored(clean)


def test_a_month_and_year_on_its_own_line_is_no_page_number() -> None:
    """``02/2014`` alone on a line ends an item wrapped before it (``... from 10/2013
    through``): a month and year, not a page number ``2/3``, which has at most three digits
    a side."""
    text = (LETTERS / "leading-x_sample.txt").read_text(encoding="utf-8")
    old = "3. Office notes of the treating physician from 10/2013 through 02/2014\n"
    assert old in text
    wrapped = text.replace(old, old.replace(" 02/2014", "\n02/2014"))
    assert scored(wrapped) == scored(text)


def test_a_heading_whose_last_line_follows_a_pages_furniture_is_joined() -> None:
    """The criteria heading wrapped over three lines, a page's header and page number, then
    its last line (``DECISION:``), which looks like a running header's line, as the
    outcome's heading near the top is the same line: the heading is whole and the criteria
    are read as from the clean letter."""
    text = (LETTERS / "trailing-x_sample.txt").read_text(encoding="utf-8")
    heading = (
        "DESCRIPTION AND SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS USED TO MAKE \n"
        "THE DECISION \n"
    )
    assert heading in text and "\nREVIEW OUTCOME \n" in text
    # the outcome's heading is ``DECISION:`` too, as some letters write it
    text = text.replace("\nREVIEW OUTCOME \n", "\nDECISION:\n")
    broken = text.replace(
        heading,
        "DESCRIPTION AND SOURCE OF THE\nSCREENING CRITERIA OR OTHER\n"
        "CLINICAL BASIS USED TO MAKE THE\nProfessional Associates\n"
        "Independent Review Decision\nMarch 3, 2011\nPage 2 of 2\nDECISION:\n",
    )
    decision = iroparse.parse(broken)
    assert "section-missing" not in [d.code for d in decision.diagnostics]
    assert scored(broken) == scored(text)


@pytest.mark.parametrize(
    "heading",
    [
        "PATIENT CLINICAL HISTORY SUMMARY\n\nIRO Case Number: xxxx\nPage 2\n\n"
        "(INCLUDING PERTINENT HISTORY):\n",
        "Patient Clinical History Summary (including\n\n\fIRO Case Number: xxxx\nPage 2\n\n"
        "Pertinent History):\n",
    ],
    ids=["whole-aside", "wrapped-aside"],
)
def test_an_aside_after_a_repeated_case_number_header_closes_its_heading(heading: str) -> None:
    """``PATIENT CLINICAL HISTORY SUMMARY`` / page break with ``IRO Case Number: ...`` and
    ``Page 2`` / ``(INCLUDING PERTINENT HISTORY):``: the aside ends the heading, it does not
    open the history."""
    text = (LETTERS / "bracket_sample.txt").read_text(encoding="utf-8")
    original = next(
        line for line in text.split("\n") if line.upper().startswith("PATIENT CLINICAL HISTORY")
    )
    broken = text.replace(original + "\n", heading)
    assert broken != text
    history = iroparse.parse(broken).clinical_history
    assert history is not None and not history.startswith("(")
    assert scored(broken)["history"] == scored(text)["history"]


def test_a_name_in_capitals_inside_an_items_parenthesis_is_furniture() -> None:
    # the page broke inside ``... (PROVIDE A`` / ``DESCRIPTION)``: the header between the two
    # halves is the IRO's name, in capitals like the checklist around it
    lines = [
        "TMF SCREENING CRITERIA MANUAL                               No",
        "OTHER EVIDENCE BASED, SCIENTIFICALLY VALID, OUTCOME FOCUSED GUIDELINES (PROVIDE A",
        "CENTEX IRO",
        "DESCRIPTION)                                                Yes",
    ]
    assert names_among_capitals(lines, [None] * 4) == {2}


def test_a_name_in_capitals_between_whole_items_is_kept() -> None:
    # no parenthesis runs through it: the line may be the checklist's own words
    lines = ["TMF SCREENING CRITERIA MANUAL   No", "CENTEX IRO", "TEXAS TACADA GUIDELINES   No"]
    assert names_among_capitals(lines, [None] * 3) == set()


def test_a_name_in_capitals_between_plain_items_is_furniture() -> None:
    lines = [
        "Operative report dated 03/05/2018",
        "CENTEX IRO",
        "Request for review by an independent review organization",
    ]
    assert names_between_items(lines, [None] * 3) == {1}


@pytest.mark.parametrize(
    "lines",
    [
        ["Sincerely,", "CENTEX IRO", "Medical Director"],  # a signature
        ["Operative report dated 03/05/2018", "", "CENTEX IRO", "Request for review"],
        ["Operative report dated 03/05/2018", "Centex IRO", "Request for review"],
    ],
    ids=["signature", "blank-line", "mixed-case"],
)
def test_a_name_between_plain_lines_stays_unless_it_stands_out(lines: list[str]) -> None:
    assert names_between_items(lines, [None] * len(lines)) == set()


def test_a_name_in_capitals_next_to_a_checkbox_is_furniture() -> None:
    lines = [
        "[ ] ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM",
        "CENTEX IRO",
        "    KNOWLEDGEBASE",
    ]
    is_mark = iroparse.layout.ANY_MARK.search
    assert names_among_capitals(lines, [None] * 3, is_mark=lambda s: bool(is_mark(s))) == {1}
    # without a checkbox beside it, a name in capitals may be a list's own words
    plain = ["LUMBAR MRI", "HOME HEALTH SERVICES", "PHYSICAL THERAPY"]
    assert names_among_capitals(plain, [None] * 3, is_mark=lambda s: bool(is_mark(s))) == set()


LISTING_RECORDS = [p for p in SAMPLES if len(iroparse.parse_file(p).information_provided) >= 2]


@pytest.mark.parametrize("path", LISTING_RECORDS, ids=lambda p: p.stem)
def test_the_title_again_atop_a_page_with_its_date_is_furniture(path: Path) -> None:
    # page 2 opens with the letter's title and a date, between two records of the list
    text = path.read_text(encoding="utf-8")
    decision = iroparse.parse(text)
    first = decision.information_provided[0].span
    assert first is not None
    end = text.index("\n", first.end)
    noisy = text[:end] + "\n\fNotice of Decision\nMarch 3, 2011\n" + text[end:]
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_scanned_fax_banner_ending_in_its_page_goes_whole_between_paragraphs(
    path: Path,
) -> None:
    """Its digits read as letters (``2O22``), the banner is still furniture whole: its page
    (``p.2``) is not cut off alone, which would leave the banner's rest as text."""
    text = path.read_text(encoding="utf-8")
    banner = "Mar 28 2O22 1O:32AM   Concho Valley Review   3255550188                     p.2"
    assert scored(_between_paragraphs(text, [banner])) == scored(text)


def test_a_stamps_lines_far_right_are_cut_however_many() -> None:
    """``RECEIVED`` beside a letterhead line, its date and its office on lines of their own
    below (a blank line between): each is the stamp's, found from the line found before it."""
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    lines = [
        "     40l East Broadway, Big Sandy, TX 75755                     RECEIVED",
        "     Tel 903-555-0169  Fax 903-555-0170",
        "                                                                FEB 1 4 2019",
        "",
        "                                                              DWC / MDR",
        "     NOTICE OF INDEPENDENT REVIEW DECISION",
    ]
    cuts = other_column_cuts(lines, lambda s: False, DEFAULT_FURNITURE)
    # (the date alone on its line is the stamp's by its own shape, the whole line noise)
    assert sorted(cuts) == [0, 4]
    assert DEFAULT_FURNITURE.noise_kind(lines[2].strip()) == "stamp"


def test_furniture_of_any_shape_with_its_page_past_a_wide_gap_is_a_running_header() -> None:
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    contact = (
        "Gulf Coast Independent Review Group, LLC   *   2100 West Loop South, Suite 900   *   "
        "Houston, Texas 77027   *   Tel 713-555-0166   *   Fax 713-555-0167"
    )
    assert DEFAULT_FURNITURE.noise_kind(contact) == "contact-line"
    line = contact + "              Page 1 of 3"
    assert DEFAULT_FURNITURE.noise_kind(line) == "running-header"


def test_a_stamps_date_slid_off_its_word_is_cut() -> None:
    """``RECEIVED`` beside a heading, its date two lines down eight columns right of it (a
    stamp pressed by hand): the date is the stamp's."""
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    lines = [
        f"{'DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:':<92}RECEIVED",
        "",
        f"{'Post-operative physical therapy, 3 times a week for 4 weeks (12 visits):':<100}"
        "APR 22 2010",
        "      97110  Therapeutic exercises",
    ]
    cuts = other_column_cuts(lines, lambda s: False, DEFAULT_FURNITURE)
    assert lines[2][cuts[2] :] == "APR 22 2010"


def test_a_page_number_beside_a_dated_bulleted_item_is_cut_off_it() -> None:
    """A list's last bulleted item, dated, with the page's number beside it: the number is cut
    off, the item stays (a footer's own date, ``Printed on ...   Page 1 of 3``, goes whole)."""
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    item = f"{'  • Prescription for continued physical therapy dated 03/08/2010':<104}Page 1 of 3"
    cuts = other_column_cuts(["", item, ""], lambda s: False, DEFAULT_FURNITURE)
    assert item[cuts[1] :] == "Page 1 of 3"


@pytest.mark.parametrize(
    ("third", "cut"),
    [
        ("Utilization Mgmt.", True),  # the office in Title Case
        ("Claims - Mail Rm", True),
        ("BY:______", True),  # a field to fill in, no checkbox
        ("By: ____________", True),  # in Title Case
    ],
)
def test_a_stamps_other_lines_in_title_case_are_the_stamps(third: str, cut: bool) -> None:
    """``R E C E I V E D`` / ``MAR 09 2012`` / ``Utilization Mgmt.`` beside prose: the third
    line is the stamp's, as its first two are; beside a page number, no stamp, it stays."""
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    lines = [
        "Patient History: The patient is a 27-year-old man with Crohn's disease    R E C E I V E D",
        "in 2009. He was treated with two courses of prednisone, with relapse      MAR 09 2012",
        f"each time the steroid was tapered. Azathioprine was started in 2011     {third}",
        "mg daily; thiopurine metabolite levels in 09/2011 were in the therapeutic range.",
    ]
    cuts = other_column_cuts(lines, lambda s: "_" in s, DEFAULT_FURNITURE)
    assert (2 in cuts) == cut
    lines[0] = lines[0].replace("R E C E I V E D", "Page 2 of 3")
    lines[1] = lines[1].replace("MAR 09 2012", "")
    assert 2 not in other_column_cuts(lines, lambda s: "_" in s, DEFAULT_FURNITURE)


def test_a_stamp_alone_far_right_leads_to_its_lines_beside_the_text() -> None:
    """``RECEIVED`` alone on its line far right, its date and office beside the analysis's
    first lines (``... This    FEB 07 2008``): the stamp's lines, cut off the text."""
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    lines = [
        " " * 66 + "RECEIVED",
        "Lyrica (pregabalin) is recommended for neuropathic pain.  This    FEB 07 2008",
        "patient has a documented chronic L5 radiculopathy, and the        DWC - MDR SECTION",
        "addition of Lyrica produced a clear reduction in her neuropathic leg pain and an",
    ]
    cuts = other_column_cuts(lines, lambda s: False, DEFAULT_FURNITURE)
    assert {i: lines[i][at:] for i, at in cuts.items()} == {
        1: "FEB 07 2008",
        2: "DWC - MDR SECTION",
    }


def test_a_stamps_lines_two_blanks_from_the_text_are_the_stamps() -> None:
    """A stamp's date and office a line apart, beside a paragraph that runs up to two blanks
    from them (``... improved from 68 to  OCT 11 2013``)."""
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    lines = [
        "   attended speech therapy twice weekly and occupational therapy once      RECEIVED",
        "   weekly since January 2013. On the Preschool Language Scale, fifth",
        "   edition, his auditory comprehension standard score improved from 68 to  OCT 11 2013",
        "   74 and his expressive communication standard score from 62 to 71 over",
        "   six months; both remain more than 1.5 standard deviations below the     APPEALS UNIT",
        "   mean. His intelligibility to unfamiliar listeners is about 50 percent,",
    ]
    cuts = other_column_cuts(lines, lambda s: False, DEFAULT_FURNITURE)
    assert {lines[i][at:] for i, at in cuts.items()} == {"RECEIVED", "OCT 11 2013", "APPEALS UNIT"}


@pytest.mark.parametrize(
    "stamp",
    [
        # written out under its date
        [" " * 54 + "RECEIVED", " " * 50 + "NOV 3 0 2009", " " * 46 + "Texas Dept. of Insurance"],
        # in capitals, whatever its words, centred under its date
        [" " * 33 + "RECEIVED", " " * 31 + "MAR 2 4 2004", " " * 26 + "TWCC MEDICAL REVIEW DIV."],
    ],
    ids=["written-out", "centred-capitals"],
)
def test_a_stamps_office_under_its_date_is_the_stamps(stamp: list[str]) -> None:
    text = (LETTERS / "leading-x_sample.txt").read_text(encoding="utf-8")
    assert scored(_between_paragraphs(text, stamp)) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_scans_speck_beside_a_line_of_prose_is_dropped(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if len(line.strip()) > 60 and line[-1:] != ".")
    lines[at] = lines[at].rstrip() + "     ."
    assert scored("\n".join(lines)) == scored(text)


def test_a_running_header_with_its_page_under_a_stamp_column_goes_whole() -> None:
    text = (LETTERS / "leading-x_sample.txt").read_text(encoding="utf-8")
    stamp = [
        "                                                         RECEIVED",
        "                                                       JUL 1 7 2006",
        "                                                      TDI - HMO DIV.",
        "",
        " CPR 06-0713-04                                                      Page 2",
    ]
    assert scored(_between_paragraphs(text, stamp)) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_running_header_where_a_page_broke_without_a_footer_leaves_the_fields_unchanged(
    path: Path,
) -> None:
    """A running header of cells under a page's footer, and once more inside a sentence of
    the analysis, where a page broke without a footer: both copies are furniture."""
    header = "ERG-2013-0611-04  |  Initials: D. P. H.  |  Site: Bosque Valley Care Center"
    text = path.read_text(encoding="utf-8")
    noisy = _insert_mid_sentence(text, [header])
    at = noisy.index("\n", noisy.upper().index("PATIENT CLINICAL HISTORY") - 2)
    end = noisy.rindex("\n", 0, at)  # the records list's last line ends here
    footer = f"Erath Review Group{' ' * 30}Page 1 of 2"
    noisy = noisy[:end] + f"\n\n{footer}\n\f{header}\n" + noisy[end + 1 :]
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_case_reference_heading_the_next_page_inside_a_sentence_is_furniture(path: Path) -> None:
    """A page's footer, then the next page's header: the case's reference (a value heading
    with its value) and the letter's date past a gap, cutting a sentence in two."""
    text = path.read_text(encoding="utf-8")
    spaced = _insert_mid_sentence(text, ["@@"])
    header = f"RE: IRO Case No. CHR10-0388{' ' * 40}04/07/2010"
    noisy = spaced.replace("\n\n@@\n\n", f"\n\n{' ' * 30}- 1 -\n\f{header}\n\n")
    assert scored(noisy) == scored(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_stamp_laid_over_the_middle_of_lines_is_furniture(path: Path) -> None:
    """``... in the posterior    RECEIVED    recess ...`` / ``... condyle and    AUG 1 5 2016
    no ligament tear``: the stamp's lines between wide gaps, text on both sides."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "ANALYSIS" in line.upper())
    long = next(
        [i, i + 1]
        for i in range(start + 1, len(lines) - 1)
        if len(lines[i].split()) >= 8 and len(lines[i + 1].split()) >= 8
    )
    for i, stamp in zip(long, ["RECEIVED", "AUG 1 5 2016"], strict=True):
        words = lines[i].split(" ")
        half = len(words) // 2
        lines[i] = " ".join(words[:half]) + f"    {stamp}    " + " ".join(words[half:])
    assert scored("\n".join(lines)) == scored(text)


@pytest.mark.parametrize(
    "footer",
    [
        "- - - - - - - - - - - - - - - - -  Page 2 of 3  - - - - - - - - - - - - - - - - - - -",
        "-- Page 2 of 3 --",
    ],
)
def test_a_page_number_framed_by_dashes_is_furniture(footer: str) -> None:
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    assert DEFAULT_FURNITURE.noise_kind(footer) is not None


@pytest.mark.parametrize(
    "line",
    [
        "adverse determination is upheld.                                      ~JK",
        "       Upheld      (Agree)                                           X    ~JK",
        # beside a bracketed item, a narrower gap before them
        "      [ X ]    Overturned (Disagree)      ~JK",
    ],
)
def test_handwritten_initials_far_right_are_cut_off_the_line(line: str) -> None:
    """Initials a reviewer wrote beside a line, read by the scan after a flourish: cut off,
    the line's own words (and its far-right mark) kept."""
    from iroparse._pipeline.column_words import other_column_cuts
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    cuts = other_column_cuts([line], lambda s: s.strip().startswith("X"), DEFAULT_FURNITURE)
    assert line[cuts[0] :] == "~JK"


@pytest.mark.parametrize(
    "line",
    [
        # a table's row of dates: ``12/31`` after a dash is a range's end, no page count
        "70553   MRI brain without and with contrast                  1     10/01 - 12/31",
        "Pharmacy history, 09/10 - 05/11",
        # a sentence's count: ``2 of 3`` after a dash
        "The ratio was high - 2 of 3 patients improved",
        # a record's wrapped date, in lower case: no mail room's stamp
        "received 05/22/2015",
    ],
)
def test_lines_of_content_shaped_like_a_footer_are_no_furniture(line: str) -> None:
    from iroparse._pipeline.furniture import DEFAULT_FURNITURE

    assert DEFAULT_FURNITURE.noise_kind(line) is None
