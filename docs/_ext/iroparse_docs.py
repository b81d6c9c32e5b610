"""Sphinx directives that render iroparse's own data at build time, so the docs cannot drift.

* ``iroparse-cli [COMMAND]``: the ``--help`` of :func:`iroparse.cli.build_parser` (or of one
  sub-command) and a table of its options.
* ``iroparse-layout NAME``: a sample letter written by the layout's own ``render`` and the
  fields :func:`iroparse.parse` reads back from it.
* ``iroparse-table criteria|outcomes|sections|diagnostics``: a catalogue as a table.
* ``iroparse-record-fields``: the record's keys (content: ``key: meaning`` lines) with the type
  from the JSON Schema and an example value from a bundled letter.
* ``iroparse-schema``: the JSON Schema of a row.

When the build ends, a warning (an error under ``sphinx-build -W``) names every sub-command,
built-in layout or record key that exists in the code but has no place in the docs.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import iroparse
from iroparse import catalogue
from iroparse.cli import build_parser
from iroparse.diagnostics import CODES
from iroparse.schema import SCHEMA

LOGGER = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
SAMPLE_LETTER = ROOT / "examples" / "letters" / "bracket_sample.txt"


# --- node helpers -------------------------------------------------------------------------------


def _inline(text: str) -> list[nodes.Node]:
    """Text with ``backtick`` spans as inline literals (the only markup the tables need)."""
    parts = text.split("`")
    return [
        nodes.literal(part, part) if i % 2 else nodes.Text(part)
        for i, part in enumerate(parts)
        if part
    ]


def _cell(content: str | nodes.Node) -> nodes.entry:
    entry = nodes.entry()
    if isinstance(content, nodes.Node):
        entry += content
    else:
        entry += nodes.paragraph("", "", *_inline(content))
    return entry


def _table(headers: list[str], rows: list[list[str | nodes.Node]]) -> nodes.table:
    """A docutils table (the same node the Markdown table syntax produces)."""
    table = nodes.table(classes=["iroparse-table", "colwidths-auto"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for column, header in enumerate(headers):
        texts = [header] + [
            cells[column].astext() if isinstance(cells[column], nodes.Node) else str(cells[column])
            for cells in rows
        ]
        group += nodes.colspec(colwidth=min(60, max(8, *(len(t) for t in texts))))
    head = nodes.thead()
    header_row = nodes.row()
    for header in headers:
        header_row += _cell(header)
    head += header_row
    group += head
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for content in cells:
            row += _cell(content)
        body += row
    group += body
    return table


def _code(text: str, language: str = "text") -> nodes.literal_block:
    block = nodes.literal_block(text, text)
    block["language"] = language
    return block


def _code_literal(text: str) -> nodes.paragraph:
    return nodes.paragraph("", "", nodes.literal(text, text))


def _store(env: BuildEnvironment) -> dict[str, dict[str, set[str]]]:
    """``{docname: {kind: names}}``: what each page documents (kind: command, layout, field)."""
    store: dict[str, dict[str, set[str]]] = env.__dict__.setdefault("iroparse_documented", {})
    return store


def _documented(env: BuildEnvironment, kind: str, docname: str | None = None) -> set[str]:
    """The names of ``kind`` documented by ``docname`` (by any page when it is ``None``)."""
    if docname is not None:
        return _store(env).setdefault(docname, {}).setdefault(kind, set())
    return {name for kinds in _store(env).values() for name in kinds.get(kind, set())}


# --- iroparse-cli -------------------------------------------------------------------------------


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


class CliDirective(SphinxDirective):
    """The help of ``iroparse`` or of one sub-command, then a table of its arguments."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        parser = build_parser()
        name = self.arguments[0] if self.arguments else ""
        if name:
            commands = _subparsers(parser)
            if name not in commands:
                raise self.error(f"no sub-command {name!r}; known: {', '.join(commands)}")
            parser = commands[name]
        _documented(self.env, "command", self.env.docname).add(name)
        parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=88)
        out: list[nodes.Node] = [_code(parser.format_help().rstrip(), "text")]
        rows: list[list[str | nodes.Node]] = []
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
                continue
            flags = ", ".join(action.option_strings) or (action.metavar or action.dest)
            if action.choices and not isinstance(action, argparse._SubParsersAction):
                values = " | ".join(str(c) for c in action.choices)
            elif action.nargs == 0:
                values = "(flag)"
            else:
                values = str(action.metavar or action.dest.upper())
            default = action.default
            shown = "" if default in (None, False, argparse.SUPPRESS) else f"`{default}`"
            rows.append([_code_literal(str(flags)), f"`{values}`", shown, action.help or ""])
        if rows:
            out.append(_table(["argument", "values", "default", "meaning"], rows))
        return out


# --- iroparse-layout ----------------------------------------------------------------------------


def sample_decision() -> iroparse.Decision:
    """The decision every gallery letter renders: one of each kind of field."""
    from iroparse import Criterion, ListItem, Outcome, Patient, Service

    return iroparse.Decision(
        outcome=Outcome.OVERTURNED,
        review_date=datetime.date(2009, 8, 10),
        case_number="IRO-2009-0147",
        services=(Service("Lumbar epidural steroid injection (CPT 62311)", ("62311",)),),
        reviewer_qualifications=(
            ListItem("Board Certified in Anesthesiology"),
            ListItem("Subspecialty Board Certified in Pain Management"),
        ),
        information_provided=(ListItem("Office notes"), ListItem("MRI of the lumbar spine")),
        clinical_history="This is a xx-year-old woman with low back pain after a fall at work.",
        analysis="The request meets the guideline criteria; the injection is medically necessary.",
        criteria=tuple(
            Criterion(entry.code, entry.label, entry.code in {"odg", "medical_judgement"})
            for entry in catalogue.CRITERIA
            if entry.code in {"acoem", "medical_judgement", "odg", "tmf"}
        ),
        patient=Patient(sex="female"),
    )


class LayoutDirective(SphinxDirective):
    """A layout's description, a sample letter in it, and what the parser reads back."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        registered = {layout.name: layout for layout in iroparse.layouts()}
        if name not in registered:
            raise self.error(f"no layout {name!r}; registered: {', '.join(registered)}")
        layout = registered[name]
        _documented(self.env, "layout", self.env.docname).add(name)
        letter = layout.render(sample_decision())
        decision = iroparse.parse(letter)
        record = iroparse.to_dict(decision)
        fields = {
            key: record[key]
            for key in (
                "layout",
                "outcome",
                "review_date",
                "case_number",
                "services",
                "reviewer_qualifications",
                "criteria",
                "patient",
            )
        }
        fields["services"] = [
            {"text": s["text"], "cpt_codes": s["cpt_codes"]} for s in fields["services"]
        ]
        fields["diagnostics"] = [d["code"] for d in record["diagnostics"]]
        description = nodes.paragraph("", "", *_inline(layout.description))
        note = nodes.paragraph(
            "",
            "",
            nodes.Text("A letter written by "),
            nodes.literal("", f"{type(layout).__name__}().render(decision)"),
            nodes.Text(":"),
        )
        parsed = nodes.paragraph(
            "",
            "",
            nodes.Text("and what "),
            nodes.literal("", "iroparse.parse"),
            nodes.Text(" reads back from it:"),
        )
        return [
            description,
            note,
            _code(letter.rstrip(), "text"),
            parsed,
            _code(_record_json(fields), "json"),
            *self._explained(name, letter),
        ]

    def _explained(self, name: str, letter: str) -> list[nodes.Node]:
        """The letter as ``iroparse explain --html`` shows it, written next to the page's
        static files and framed here."""
        from iroparse.explain import explain
        from iroparse.explain.page import explanation_page

        folder = Path(self.env.srcdir) / "_static" / "explain"
        folder.mkdir(parents=True, exist_ok=True)
        page = explanation_page(explain(letter), f"the {name} letter, explained")
        (folder / f"{name}.html").write_text(page, encoding="utf-8")
        intro = nodes.paragraph(
            "",
            "",
            nodes.Text("The same letter as "),
            nodes.literal("", "iroparse explain --html"),
            nodes.Text(" shows it (hover a value; "),
            nodes.reference("", "open it alone", refuri=f"_static/explain/{name}.html"),
            nodes.Text("):"),
        )
        frame = nodes.raw(
            "",
            f'<iframe class="explained" src="_static/explain/{name}.html" '
            f'title="the {name} letter, explained" loading="lazy" '
            'style="width: 100%; height: 32rem; border: 1px solid #ddd;"></iframe>',
            format="html",
        )
        return [intro, frame]


def _record_json(fields: dict[str, Any]) -> str:
    """``fields`` as indented JSON, except that each criterion, as the record writes it (its
    label left out: the letter above shows it), takes one line."""
    criteria = fields.pop("criteria")
    text = json.dumps(fields, indent=2, ensure_ascii=False)
    items = ",\n".join(
        "    " + json.dumps({k: v for k, v in c.items() if k != "label"}, ensure_ascii=False)
        for c in criteria
    )
    return text[: text.rindex("\n}")] + f',\n  "criteria": [\n{items}\n  ]\n}}'


# --- iroparse-table -----------------------------------------------------------------------------

_SECTION_MEANINGS = {
    "title": "the letter's title and anything before the first heading",
    "review_date": "the date of the review (or the date the notice was sent)",
    "case_number": "the IRO case number, often redacted",
    "services_in_dispute": "the services in dispute, with CPT/HCPCS codes",
    "reviewer_qualifications": "the reviewer's board certifications and training",
    "review_outcome": "the lead-in sentence and the three outcome checkboxes",
    "information_provided": "the records the IRO received",
    "clinical_history": "the patient's clinical history (narrative)",
    "analysis": "the analysis and explanation of the decision (narrative)",
    "criteria": "the checklist of screening criteria and clinical bases",
    "other": "any other heading (appeal rights, certification, copies to, ...)",
}


class TableDirective(SphinxDirective):
    """One of the catalogues of :mod:`iroparse.catalogue` or :mod:`iroparse.diagnostics`."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        which = self.arguments[0]
        if which == "criteria":
            rows: list[list[str | nodes.Node]] = [
                [f"`{e.code}`", e.label] for e in catalogue.CRITERIA
            ]
            rows.append(["`other`", "any checklist item the catalogue does not know"])
            return [_table(["code", "canonical label"], rows)]
        if which == "outcomes":
            rows = [[f"`{e.code}`", e.label] for e in catalogue.OUTCOMES]
            rows.append(["`unknown`", "no box checked and no outcome in the narrative, or several"])
            return [_table(["outcome", "checkbox label"], rows)]
        if which == "sections":
            headings: dict[str, list[str]] = {}
            for alias in catalogue.HEADINGS:
                headings.setdefault(alias.kind, []).append(alias.text)
            rows = []
            for kind in catalogue.SECTION_KINDS:
                if kind not in _SECTION_MEANINGS:
                    LOGGER.warning("section kind %r has no meaning in the docs", kind)
                meaning = _SECTION_MEANINGS.get(kind, "")
                examples = "; ".join(headings.get(kind, [])[:2])
                rows.append([f"`{kind}`", meaning, examples])
            return [_table(["kind", "content", "headings (examples)"], rows)]
        if which == "diagnostics":
            rows = [[f"`{c.code}`", c.severity.value, c.meaning] for c in CODES.values()]
            return [_table(["code", "severity", "meaning"], rows)]
        raise self.error(f"unknown table {which!r}: criteria, outcomes, sections or diagnostics")


# --- iroparse-record-fields / iroparse-schema ---------------------------------------------------


def _type_of(spec: dict[str, Any]) -> str:
    if "const" in spec:
        return f"`{json.dumps(spec['const'])}`"
    if "enum" in spec:
        return " | ".join(f"`{json.dumps(v)}`" for v in spec["enum"])
    kind = spec.get("type", "object")
    kinds = kind if isinstance(kind, list) else [kind]
    if "array" in kinds and isinstance(spec.get("items"), dict):
        inner = spec["items"]
        item = "object" if "properties" in inner else _type_of(inner)
        kinds = [f"array of {item}" if k == "array" else k for k in kinds]
    if spec.get("format") == "date":
        kinds = ["date string `YYYY-MM-DD`" if k == "string" else k for k in kinds]
    return " or ".join(kinds)


def _example(value: Any, limit: int = 90) -> str:
    if isinstance(value, list) and value:
        first = value[0]
        if isinstance(first, dict) and "text" in first and len(str(first["text"])) > 40:
            first = {**first, "text": str(first["text"])[:37] + "..."}
        text = json.dumps([first], ensure_ascii=False)
        if len(value) > 1:
            text = text[:-1] + ", ...]"
    else:
        text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class RecordFieldsDirective(SphinxDirective):
    """The record's keys: ``key: meaning`` lines in the content, with the type from the JSON
    Schema and the value the bundled sample letter gives."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        properties: dict[str, Any] = SCHEMA["$defs"]["record"]["properties"]
        meanings: dict[str, str] = {}
        for line in self.content:
            if line.strip():
                key, _, meaning = line.partition(":")
                meanings[key.strip()] = meaning.strip()
        for key in properties:
            if key not in meanings:
                LOGGER.warning("record key %r is not documented", key, location=self.get_location())
        for key in meanings:
            if key not in properties:
                LOGGER.warning("%r is not a key of the record", key, location=self.get_location())
        decision = iroparse.parse_file(SAMPLE_LETTER)
        record = iroparse.to_dict(decision)
        record["source"] = "examples/letters/bracket_sample.txt"
        record.setdefault("sha256", None)
        rows: list[list[str | nodes.Node]] = [
            [
                _code_literal(key),
                _type_of(properties[key]),
                meaning,
                _code_literal(_example(record.get(key))),
            ]
            for key, meaning in meanings.items()
            if key in properties
        ]
        _documented(self.env, "field", self.env.docname).update(meanings)
        return [_table(["key", "type", "meaning", "example (bracket_sample.txt)"], rows)]


class SchemaDirective(SphinxDirective):
    """The JSON Schema of a row, as ``iroparse schema`` prints it."""

    def run(self) -> list[nodes.Node]:
        return [_code(json.dumps(SCHEMA, indent=2, ensure_ascii=False), "json")]


class SqliteSchemaDirective(SphinxDirective):
    """The SQL of the tables of SQLite output, as :func:`iroparse.outputs.sqlite_schema` makes
    it from the record's shape."""

    def run(self) -> list[nodes.Node]:
        from iroparse.outputs import sqlite_schema

        return [_code(sqlite_schema(), "sql")]


class ColumnsDirective(SphinxDirective):
    """The flat columns (CSV, the SQLite ``decisions`` table, the Dask frame), from the column
    table of :mod:`iroparse.columns`."""

    def run(self) -> list[nodes.Node]:
        from iroparse.columns import ERROR_COLUMNS, flat_columns

        rows = [[_code_literal(c.name), c.sql_type, c.description] for c in flat_columns()]
        rows += [[_code_literal(name), "TEXT", "set on error rows only"] for name in ERROR_COLUMNS]
        return [_table(["column", "SQL type", "content"], rows)]


# --- consistency --------------------------------------------------------------------------------


def _check_complete(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about sub-commands and built-in layouts the docs do not show."""
    from iroparse._builtin.layouts import BUILTIN_LAYOUTS

    expected = {
        "command": {"", *_subparsers(build_parser())},
        "layout": {cls.name for cls in BUILTIN_LAYOUTS},
    }
    for kind, names in expected.items():
        missing = names - _documented(env, kind)
        for name in sorted(missing):
            shown = name or "iroparse"
            LOGGER.warning("the docs have no iroparse-%s directive for %r", kind, shown)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    for docname in docnames:
        if docname in _store(other):
            _store(env)[docname] = _store(other)[docname]


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _store(env).pop(docname, None)


def _always_reread(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Pages with these directives show the code's current state: read them on every build."""
    return [name for name in _store(env) if name in env.found_docs]


def _attrs_defaults(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show an attrs field's factory default as a call (``patient: Patient = Patient()``)
    rather than attrs' ``NOTHING`` sentinel."""
    if not signature or "NOTHING" not in signature:
        return None

    import attrs

    for field in attrs.fields(obj) if attrs.has(obj) else ():
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory = getattr(default.factory, "__name__", "factory")
            call = "()" if factory not in ("tuple", "list", "dict") else ""
            shown = {"tuple": "()", "list": "[]", "dict": "{}"}.get(factory, f"{factory}{call}")
            signature = re.sub(rf"(\b{field.name}: [^=]*?= )NOTHING", rf"\g<1>{shown}", signature)
    return signature, return_annotation


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the completeness check."""
    app.connect("autodoc-process-signature", _attrs_defaults)
    app.add_directive("iroparse-cli", CliDirective)
    app.add_directive("iroparse-layout", LayoutDirective)
    app.add_directive("iroparse-table", TableDirective)
    app.add_directive("iroparse-record-fields", RecordFieldsDirective)
    app.add_directive("iroparse-schema", SchemaDirective)
    app.add_directive("iroparse-sqlite-schema", SqliteSchemaDirective)
    app.add_directive("iroparse-columns", ColumnsDirective)
    app.connect("env-check-consistency", _check_complete)
    app.connect("env-merge-info", _merge)
    app.connect("env-purge-doc", _purge)
    app.connect("env-get-outdated", _always_reread)
    return {"version": iroparse.__version__, "parallel_read_safe": True, "env_version": 1}
