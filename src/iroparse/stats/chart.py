"""The overturn-rate chart a researcher puts in a paper (the ``plot`` extra: matplotlib).

One horizontal bar per group, its 95% Wilson interval drawn, the highest rate at the top; the
overall rate as a dashed reference line; each label carries its N; the caption gives the
definitions and the counts left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex

from iroparse.errors import IroParseError
from iroparse.stats.rates import DEFINITIONS, Rates
from iroparse.tables.categories import CATEGORY_LABELS

__all__ = ["TITLES", "caption", "criterion_name", "draw", "group_labels", "save_chart"]

#: How the chart and the table name each grouping.
TITLES = {
    "specialty": "reviewer specialty",
    "service_category": "service category",
    "criterion": "screening criterion",
    "year": "year of review",
    "iro": "review organisation",
    "layout": "letter layout",
    "coverage": "coverage",
    "review_type": "review type",
}


def criterion_name(code: str, label: str) -> str:
    """A short name for a criterion: the acronym its label starts with (``ODG``), else the
    label in sentence case without its parenthesis and its ``IN ACCORDANCE ...`` tail.

    >>> criterion_name("odg", "ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES")
    'ODG'
    >>> criterion_name("medical_judgement", "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE & "
    ...                "EXPERTISE IN ACCORDANCE WITH ACCEPTED MEDICAL STANDARDS")
    'Medical judgement, clinical experience and expertise'
    """
    acronym = regex.match(r"([A-Z]{2,6})\s*-", label)
    if acronym:
        return acronym.group(1)
    words = regex.sub(r"\s*\(.*$", "", label).split(" IN ACCORDANCE")[0].replace("&", "and")
    return (words[:1].upper() + words[1:].lower()).strip() or code


def group_labels(by: str) -> dict[str, str]:
    """How the table and the chart name the groups of ``by``: category codes by their labels,
    criterion codes by a short name (the registered criteria's); others as they are."""
    if by == "service_category":
        return dict(CATEGORY_LABELS)
    if by == "criterion":
        from iroparse.plugins import registry

        return {e.code: criterion_name(e.code, e.label) for e in registry().criteria}
    return {}


def caption(rates: Rates) -> str:
    """The chart's caption: N, what was left out, the definitions."""
    unit = "services" if rates.by == "service_category" else "letters"
    return (
        f"N = {rates.overall.units} {unit} with a known outcome; {rates.overall.unknown} with "
        f"an unknown outcome and {rates.errors} inputs that failed are left out. {DEFINITIONS}"
    )


def draw(rates: Rates, label: dict[str, str] | None = None) -> Any:
    """The chart of ``rates`` (groups with a known outcome) as a matplotlib figure; ``label``
    renames groups (default: :func:`group_labels`)."""
    try:
        import matplotlib
    except ImportError:
        raise IroParseError(
            "--chart needs matplotlib: pip install 'iroparse[plot]'", code="usage"
        ) from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = group_labels(rates.by) if label is None else label
    rows = [g for g in rates.groups if g.units][::-1]
    height = max(2.5, 0.45 * len(rows) + 1.8)
    figure, ax = plt.subplots(figsize=(9, height), constrained_layout=True)
    values = [100 * g.rate for g in rows]
    errors = [
        [v - 100 * g.interval[0] for v, g in zip(values, rows, strict=True)],
        [100 * g.interval[1] - v for v, g in zip(values, rows, strict=True)],
    ]
    labels = [f"{names.get(g.group, g.group)} (n={g.units})" for g in rows]
    ax.barh(labels, values, xerr=errors, color="#4c72b0", ecolor="#333333", capsize=3)
    overall = rates.overall
    ax.axvline(100 * overall.rate, color="#c44e52", linestyle="--", linewidth=1)
    ax.set_xlim(0, 100)
    ax.set_xlabel("overturned (%), with 95% Wilson interval")
    title = TITLES.get(rates.by, rates.by)
    ax.set_title(
        f"Overturn rate by {title} (dashed line: all, {overall.rate:.0%}, n={overall.units})"
    )
    figure.text(0.01, -0.01, caption(rates), fontsize=8, ha="left", va="top", wrap=True)
    return figure


def save_chart(rates: Rates, path: Path, label: dict[str, str] | None = None) -> None:
    """Draw ``rates`` (see :func:`draw`) and save the chart as a PNG at ``path``."""
    import matplotlib.pyplot as plt

    figure = draw(rates, label)
    figure.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(figure)
