"""Letters with their expected records: facts laid out in a random style, with random variations.

Every letter records the variation classes applied to it and its checkbox layout, so a report
can say which way of writing a letter the parser gets wrong.
"""

from __future__ import annotations

import random
import re
from typing import Any

from attrs import field, frozen
from tests.variety import furniture
from tests.variety.content import Facts, date_text, facts, wrap
from tests.variety.research import expected_research
from tests.variety.styles import HEADINGS, MARK_STYLES, TYPOS, heading_lines, marked_lines

LAYOUTS: tuple[str, ...] = (*MARK_STYLES, "inline", "narrative")
"""Every checkbox layout the generator writes."""

CLASSES: dict[str, float] = {
    "furniture-once": 0.35,
    "furniture-repeated": 0.2,
    "case-header": 0.1,
    "heading-case": 0.35,
    "heading-typo": 0.1,
    "heading-numbered": 0.1,
    "heading-own-words": 0.25,
    "content-on-heading-line": 0.25,
    "code-forms": 0.4,
    "wrapped-lists": 0.3,
    "cr-blanks": 0.08,
    "letterhead": 0.35,
    "boilerplate": 0.3,
    "link-artefact": 0.15,
    "section-order": 0.15,
    "mixed-marks": 0.2,
    "blank-lines": 0.4,
    "narrow-template": 0.1,
    "sidebar": 0.1,
    "double-spaced": 0.08,
    "service-table": 0.1,
    "dash-variants": 0.08,
    "rule-lines": 0.1,
    "services-columns": 0.08,
}
"""Each variation class and how often a letter gets it."""

#: Hyphens as text extractors and word processors write them (``dash-variants``).
DASHES = ("\u2010", "\u2011", "\u2013")
#: Horizontal rules typed under a heading (``rule-lines``).
RULES = ("_" * 40, "=" * 30, "-" * 60, "_" * 72)

OUTCOME_LABELS = {
    "upheld": "Upheld (Agree)",
    "overturned": "Overturned (Disagree)",
    "partially_overturned": "Partially Overturned (Agree in part/Disagree in part)",
}
NARRATIVE_DECISIONS = {
    "upheld": "Accordingly, the reviewer finds that the requested {s} is not medically necessary.",
    "overturned": "Accordingly, the reviewer finds that the requested {s} is medically necessary.",
}
LEAD_IN = (
    "Upon independent review, the reviewer finds that the previous adverse determination/adverse "
    "determinations should be:"
)
NARRATIVE_KINDS = ("clinical_history", "analysis")


@frozen
class Letter:
    """One generated letter, what a correct parse gives, and how it was written."""

    text: str
    expected: dict[str, Any]
    layout: str
    classes: tuple[str, ...]
    research: dict[str, Any] = field(factory=dict)
    """The research fields a correct parse gives (:mod:`tests.variety.research`)."""


class _Builder:
    """Lines of a letter, with the places page furniture may fall."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.breakable: list[int] = []
        """Line indexes furniture may be inserted before (inside paragraphs, lists, headings)."""

    def add(self, lines: list[str], *, breakable: bool = False) -> None:
        for i, line in enumerate(lines):
            if breakable and i > 0:
                self.breakable.append(len(self.lines))
            self.lines.append(line)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _heading(rng: random.Random, kind: str, classes: set[str], number: int) -> list[str]:
    options = HEADINGS[kind]
    words = rng.choice(options) if "heading-own-words" in classes else options[0]
    if "heading-typo" in classes and words in TYPOS and rng.random() < 0.6:
        words = TYPOS[words]
    case = rng.choice(("upper", "title", "sentence")) if "heading-case" in classes else "upper"
    width = rng.choice((35, 50, 70, 90)) if len(words) > 40 else None
    if "narrow-template" in classes and len(words) > 30:
        width = 35  # a 35-column template: long headings over 3-5 lines
    lines = heading_lines(rng, words, case, width)
    colon = "heading-case" not in classes or rng.random() < 0.5
    if colon and not lines[-1].endswith(":"):
        lines[-1] += ":"
    if "heading-numbered" in classes:
        lines[0] = f"{number}.  {lines[0]}"
    return lines


def _list_lines(rng: random.Random, items: tuple[str, ...], width: int) -> list[str]:
    # the last four: a word processor's bullets as a PDF's text comes out with them
    bullet = rng.choice(("", "• ", "- ", "{n}. ", "{n}) ", "\uf0b7 ", "§ ", "o ", "➢ "))
    lines: list[str] = []
    for n, item in enumerate(items, start=1):
        mark = bullet.format(n=n)
        parts = wrap(item, width - len(mark)) or [item]
        indent = " " * len(mark) if mark else ""
        lines += [mark + parts[0], *(indent + p for p in parts[1:])]
    return lines


def _outcome_lines(rng: random.Random, f: Facts, style: str, blank: bool, width: int) -> list[str]:
    lines = [*wrap(LEAD_IN, width), ""]
    if style == "inline":
        return [*lines, OUTCOME_LABELS[f.outcome]]
    order = list(OUTCOME_LABELS)
    if rng.random() < 0.2:
        order = ["partially_overturned", "upheld", "overturned"]
    for outcome in order:
        lines += marked_lines(rng, style, OUTCOME_LABELS[outcome], outcome == f.outcome, 200)
        if blank:
            lines.append("")
    return lines


def _service_table(f: Facts) -> list[str]:
    """A table of the services with a Yes/No answer each, under the outcome boxes (some IROs
    decide per service): it must not change the letter's outcome."""
    answer = {"upheld": "No", "overturned": "Yes"}.get(f.outcome)
    rows = ["", "Service                                          Medically necessary"]
    for n, (text, _, _) in enumerate(f.services):
        said = answer or ("Yes" if n == 0 else "No")
        rows.append(f"{text.split(',')[0][:45]:<49}{said}")
    return rows


def _criteria_lines(rng: random.Random, f: Facts, style: str, blank: bool, width: int) -> list[str]:
    lines: list[str] = []
    for _, label, on in f.criteria:
        lines += marked_lines(rng, style, label, on, width)
        if blank and rng.random() < 0.6:
            lines.append("")
    return lines


def _service_columns(f: Facts) -> tuple[list[str], str] | None:
    """The services as a table with a header row (``services-columns``), and the services'
    text the table gives (each row's own cell); ``None`` when a service has no code."""
    if not all(codes for _, codes, _ in f.services):
        return None
    column = max(len(wording) for _, _, wording in f.services) + 4
    rows = [f"{'Service':<{column}}CPT"]
    rows += [f"{wording:<{column}}{', '.join(codes)}" for _, codes, wording in f.services]
    return rows, _fold(" ".join(w for _, _, w in f.services))


def _services(rng: random.Random, f: Facts, classes: set[str], width: int) -> list[str]:
    lines: list[str] = []
    for text, codes, wording in f.services:
        if "code-forms" in classes and codes and rng.random() < 0.25:
            lines += [wording, f"- CPT code(s) {', '.join(codes)}"]
        else:
            lines += wrap(text, width)
    return lines


#: A letterhead printed down the right margin of the first page, merged by the extractor into
#: the lines beside it.
SIDEBAR = (
    "{iro}",
    "1234 Main Street",
    "Austin, TX 78701",
    "Phone 512-555-0142",
    "Fax 512-555-0199",
)


def _sidebar(rng: random.Random, lines: list[str], iro: str) -> list[str]:
    """The sidebar's lines appended, after a wide gap, to the first page's non-blank lines from
    the title on: text in another column on the same baseline."""
    out = list(lines)
    start = next(i for i, line in enumerate(out) if "NOTICE OF INDEPENDENT" in line.upper())
    targets = [i for i in range(start + 1, len(out)) if out[i].strip()][: len(SIDEBAR)]
    # the sidebar stands at one column, right of the body text beside it
    widest = max(len(out[i].rstrip()) for i in targets)
    column = max(rng.choice((80, 90, 100)), widest + 6)
    for i, text in zip(targets, SIDEBAR, strict=False):
        line = out[i].rstrip()
        out[i] = f"{line}{' ' * max(6, column - len(line))}{text.format(iro=iro)}"
    return out


def _printed_services(lines: list[str]) -> str:
    return _fold(" ".join(lines))


def _narrative(text: str, width: int, rng: random.Random) -> list[str]:
    sentences = re.split(r"(?<=\.) ", text)
    if len(sentences) > 3 and rng.random() < 0.4:
        cut = rng.randint(1, len(sentences) - 1)
        first, second = " ".join(sentences[:cut]), " ".join(sentences[cut:])
        return [*wrap(first, width), "", *wrap(second, width)]
    return wrap(text, width)


def compose(rng: random.Random) -> Letter:
    """One random letter."""
    classes = {name for name, p in CLASSES.items() if rng.random() < p}
    layout = rng.choice(LAYOUTS)
    f = facts(rng, code_forms="code-forms" in classes, wrapped_lists="wrapped-lists" in classes)
    while layout == "narrative" and f.outcome == "partially_overturned":
        f = facts(rng, code_forms="code-forms" in classes, wrapped_lists="wrapped-lists" in classes)
    width = rng.choice((72, 80, 88, 95))
    blank = "blank-lines" in classes
    criteria_style = layout
    if layout in ("inline", "narrative") or "mixed-marks" in classes:
        criteria_style = rng.choice([s for s in MARK_STYLES if s != layout])
    if layout == "narrative":
        classes.discard("mixed-marks")
    iro = rng.choice(furniture.IRO_NAMES)
    forbidden: list[str] = []
    b = _Builder()

    if "letterhead" in classes:
        b.add([line.format(iro=iro) for line in rng.choice(furniture.LETTERHEADS)] + [""])
        b.add([date_text(rng, f.review_date), ""])
        b.add([*rng.choice(furniture.ADDRESSEES), ""])
    b.add(["NOTICE OF INDEPENDENT REVIEW DECISION", ""])

    analysis = f.analysis
    if layout == "narrative":
        service = f.services[0][2].split(",")[0].lower()
        analysis = f"{analysis} {NARRATIVE_DECISIONS[f.outcome].format(s=service)}"
    columns = _service_columns(f) if "services-columns" in classes else None
    service_lines = columns[0] if columns else _services(rng, f, classes, width)
    bodies: dict[str, list[str]] = {
        "review_date": [date_text(rng, f.review_date)],
        "case_number": [f.case_number or rng.choice(("", "xxxx"))],
        "services_in_dispute": service_lines,
        "reviewer_qualifications": [x for q in f.qualifications for x in wrap(q, width)],
        "review_outcome": []
        if layout == "narrative"
        else [
            *_outcome_lines(rng, f, layout, blank, width),
            *(_service_table(f) if "service-table" in classes else []),
        ],
        "information_provided": _list_lines(rng, f.records, width),
        "clinical_history": _narrative(f.history, width, rng),
        "analysis": _narrative(analysis, width, rng),
        "criteria": []
        if layout == "narrative"
        else _criteria_lines(
            rng, f, criteria_style, blank, 35 if "narrow-template" in classes else width
        ),
    }
    if layout == "narrative":
        del bodies["review_outcome"]
        del bodies["criteria"]
    order = list(bodies)
    if "section-order" in classes and "review_outcome" in order:
        order.remove("information_provided")
        order.insert(order.index("review_outcome"), "information_provided")
    for number, kind in enumerate(order, start=1):
        head = _heading(rng, kind, classes, number)
        body = list(bodies[kind])
        same_line = "content-on-heading-line" in classes and rng.random() < 0.5
        if kind in ("review_date", "case_number"):
            same_line = rng.random() < 0.6 or same_line
        if same_line and body and body[0] and kind not in ("review_outcome", "criteria"):
            if not head[-1].endswith(":"):
                head[-1] += ":"
            first_width = max(20, width - len(head[-1]) - 1)
            if kind in NARRATIVE_KINDS:
                text = " ".join(x for x in body if x)
                parts = wrap(text, first_width)
                rest = wrap(" ".join(parts[1:]), width) if len(parts) > 1 else []
                head[-1] = f"{head[-1]} {parts[0]}"
                body = rest
            else:
                head[-1] = f"{head[-1]} {body[0]}"
                body = body[1:]
        b.add(head, breakable=True)
        if "rule-lines" in classes and rng.random() < 0.4 and not same_line:
            rule = rng.choice(RULES)
            b.add([rule])
            forbidden.append(rule)
        if rng.random() < 0.5 and not (same_line and kind in NARRATIVE_KINDS):
            b.add([""])
        if kind == "analysis" and "link-artefact" in classes:
            b.add(["mailto:manager@review-iro.com", ""])
            forbidden.append("mailto:")
        b.add(body, breakable=kind in (*NARRATIVE_KINDS, "information_provided", "criteria"))
        b.add(["", ""] if rng.random() < 0.3 else [""])

    if "boilerplate" in classes:
        title, text = rng.choice(furniture.BOILERPLATE)
        b.add([title, *wrap(text, width), ""])

    pages = 1
    lines = list(b.lines)
    inserts: list[tuple[int, list[str]]] = []
    if ("furniture-once" in classes or "furniture-repeated" in classes) and b.breakable:
        count = rng.randint(2, 3) if "furniture-repeated" in classes else 1
        spots = sorted(rng.sample(b.breakable, min(count, len(b.breakable))))
        pages = len(spots) + 1
        style = rng.randint(0, 10_000)
        for n, spot in enumerate(spots, start=2):
            page_rng = random.Random(style) if "furniture-repeated" in classes else rng
            furniture_lines = furniture.header_lines(page_rng, iro, n, pages)
            inserts.append((spot, furniture_lines))
            forbidden += [line for line in furniture_lines if len(line) > 3]
    if "case-header" in classes and b.breakable:
        spot = rng.choice(b.breakable)
        header = furniture.case_header(f.case_number)
        inserts.append((spot, header))
        forbidden.append(header[0])
    for spot, extra in sorted(inserts, reverse=True):
        around = rng.choice(((), ("",)))
        feed = ["\f"] if rng.random() < 0.3 else []
        lines[spot:spot] = [*around, *feed, *extra, *around]
    if "sidebar" in classes:
        lines = _sidebar(rng, lines, iro)
        forbidden += [text.format(iro=iro) for text in SIDEBAR[1:]]
    text = "\n".join(lines).replace("\n\f\n", "\n\f")
    if "double-spaced" in classes:  # a blank line after every line, as some extractors write
        text = text.replace("\n", "\n\n")
    if "cr-blanks" in classes:
        text = text.replace("\n", "\r   \n")

    codes = sorted({c for _, service_codes, _ in f.services for c in service_codes})
    expected: dict[str, Any] = {
        "outcome": f.outcome,
        "review_date": f.review_date.isoformat(),
        "case_number": f.case_number,
        "services_text": columns[1] if columns else _printed_services(service_lines),
        "cpt_codes": codes,
        "reviewer_qualifications": [_fold(q) for q in f.qualifications],
        "information_provided": [_fold(r) for r in f.records],
        "clinical_history": _fold(f.history),
        "analysis": _fold(analysis),
        "criteria": [] if layout == "narrative" else [[c, on] for c, _, on in f.criteria],
        "patient_sex": f.sex,
        "patient_age": f.age,
        "forbidden_in_sections": sorted(set(forbidden)),
    }
    if "dash-variants" in classes:  # every hyphen written as one Unicode dash
        dash = rng.choice(DASHES)
        text = text.replace("-", dash)
        expected = {k: v if k == "review_date" else _dashed(v, dash) for k, v in expected.items()}
    research = expected_research(f, text)
    return Letter(text, expected, layout, tuple(sorted(classes)), research)


def _dashed(value: Any, dash: str) -> Any:
    """``value`` with every hyphen in its strings written as ``dash``."""
    if isinstance(value, str):
        return value.replace("-", dash)
    if isinstance(value, list):
        return [_dashed(item, dash) for item in value]
    return value


def letters(count: int, seed: int = 0) -> list[Letter]:
    """``count`` letters, the same for the same seed."""
    rng = random.Random(seed)
    return [compose(rng) for _ in range(count)]
