"""``sqlite``: related tables (:mod:`iroparse.outputs.sqlite_tables`), one transaction per
input; resumable.

The tables, their foreign keys and indexes are created with :mod:`sqlite_utils`; each row and
its child rows are inserted in one ``BEGIN IMMEDIATE`` transaction, so a killed run leaves
every input either whole or absent. A later row for the same source replaces the earlier one
and its child rows. The database uses a WAL journal with ``synchronous=NORMAL``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iroparse.errors import IroParseError
from iroparse.model import Decision, ParseResult
from iroparse.outputs.base import Writer
from iroparse.outputs.rows import Row
from iroparse.outputs.sqlite_tables import TablePlan, table_plan

if TYPE_CHECKING:  # sqlite_utils takes 0.4 s to import: only SQLite output pays for it
    import sqlite_utils
    from sqlite_utils.db import Table

__all__ = ["SQLITE_USER_VERSION", "SqliteWriter", "create_tables", "sqlite_schema"]

SQLITE_USER_VERSION = 2
"""``PRAGMA user_version`` of a SQLite output (1: the tables of iroparse 0.1)."""


def _ensure_table(
    db: sqlite_utils.Database, name: str, columns: dict[str, type], **create: Any
) -> Table:
    """The table ``name`` with at least ``columns``: created when missing, widened when an
    earlier run created it without some of them."""
    table = db.table(name)
    if table.exists():
        for column, kind in columns.items():
            if column not in table.columns_dict:
                table.add_column(column, kind)
    else:
        table.create(columns, **create)
    return table


def create_tables(db: sqlite_utils.Database, plan: TablePlan) -> None:
    """Create the tables of ``plan`` in ``db``, with their foreign keys and indexes (existing
    tables are kept, and given the columns they lack)."""
    decisions = _ensure_table(
        db, "decisions", plan.decisions_columns(), pk="id", not_null={"source", "record_json"}
    )
    decisions.create_index(["source", "sha256"], unique=True, if_not_exists=True)
    for child in plan.children:
        columns = dict.fromkeys(child.keys, int) | {n: t for n, _, t in child.columns}
        table = _ensure_table(
            db,
            child.name,
            columns,
            pk=child.keys,
            foreign_keys=[(child.keys[0], "decisions", "id")],
        )
        for index in child.indexes():
            table.create_index(list(index), if_not_exists=True)


def sqlite_schema(cls: type[Decision] = Decision) -> str:
    """The SQL of the tables of SQLite output for records of ``cls`` (as ``.schema`` shows)."""
    import sqlite_utils

    db = sqlite_utils.Database(memory=True)
    create_tables(db, table_plan(cls))
    return db.schema + "\n"


class SqliteWriter(Writer):
    """``.sqlite``: related tables, one transaction per input; resumable."""

    format_name = "sqlite"

    def __init__(self, path: Path, *, resume: bool) -> None:
        super().__init__(path)
        try:
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            raise IroParseError(f"cannot open {path}: {e}", code="output-error") from e
        self._plan: TablePlan | None = None
        try:
            self._check_version()
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._open_plan(Decision)
            if not resume:
                self._empty()
            self.done = frozenset(
                (source, sha)
                for source, sha in self._db.execute(
                    "SELECT source, sha256 FROM decisions"
                    " WHERE error_code IS NULL AND sha256 IS NOT NULL"
                )
            )
        except sqlite3.DatabaseError as e:
            self._db.close()
            raise IroParseError(
                f"{self.path}: not an iroparse SQLite output ({e})", code="output-error"
            ) from e
        except BaseException:
            self._db.close()
            raise

    def _check_version(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SQLITE_USER_VERSION):
            raise IroParseError(
                f"{self.path}: written by another version of iroparse "
                f"(user_version {version}); write to a new file",
                code="output-error",
            )

    def _open_plan(self, cls: type[Decision]) -> TablePlan:
        """The tables for records of ``cls``, created when missing (a decision subclass that
        adds fields adds its columns and tables)."""
        import sqlite_utils

        plan = table_plan(cls)
        if plan != self._plan:
            create_tables(sqlite_utils.Database(self._db), plan)
            self._db.execute(f"PRAGMA user_version = {SQLITE_USER_VERSION}")
            self._plan = plan
        return plan

    def _empty(self) -> None:
        assert self._plan is not None
        self._db.execute("BEGIN IMMEDIATE")
        for table in reversed(self._plan.children):
            self._db.execute(f"DELETE FROM [{table.name}]")
        self._db.execute("DELETE FROM decisions")
        self._db.execute("COMMIT")

    def _write_row(self, result: ParseResult, row: Row) -> None:
        plan = self._open_plan(type(result.decision) if result.decision else Decision)
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            # A later row for a source replaces the earlier one (an error, an older version).
            old = db.execute(
                "SELECT id FROM decisions WHERE source = ?", (row["source"],)
            ).fetchall()
            for table in reversed(plan.children):
                db.executemany(f"DELETE FROM [{table.name}] WHERE decision_id = ?", old)
            db.executemany("DELETE FROM decisions WHERE id = ?", old)
            values = plan.decisions_row(row)
            cursor = db.execute(
                f"INSERT INTO decisions ({', '.join(f'[{k}]' for k in values)})"
                f" VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
            key = cursor.lastrowid
            assert key is not None
            for table, cells in plan.child_rows(row, key):
                names = ", ".join(f"[{n}]" for n in table.column_names())
                db.execute(
                    f"INSERT INTO [{table.name}] ({names}) VALUES ({', '.join('?' * len(cells))})",
                    cells,
                )
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.rollback()
            raise

    def _close(self) -> None:
        self._db.close()
