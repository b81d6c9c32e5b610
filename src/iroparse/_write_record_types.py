"""Write :mod:`iroparse.record`, the record as ``TypedDict`` classes, from the record's shape.

A type checker needs the record's keys written out as code; the shape
(:func:`iroparse.shape.record_shape`) is where they are defined. This module turns the one
into the other, and the test suite checks that ``record.py`` is what it writes today, so the
two cannot drift. After changing the model, run::

    python -m iroparse._write_record_types
"""

from __future__ import annotations

from pathlib import Path

from iroparse.shape import ArrayOf, Node, ObjectOf, Scalar, record_shape

__all__ = ["record_types_source"]

TARGET = Path(__file__).with_name("record.py")
_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "date": "str"}
_HEADER = '''"""The JSON record as ``TypedDict`` classes, so that a type checker knows its keys.

:func:`iroparse.to_dict` returns a :class:`DecisionRecord`. Written by
``python -m iroparse._write_record_types`` from the record's shape; do not edit by hand.
"""

from __future__ import annotations

from typing import Literal, TypedDict

__all__ = [
{names}
]
'''


def _record_name(node: ObjectOf, owner: str) -> str:
    """``Patient`` -> ``PatientRecord``; the spans object -> ``SpansRecord``."""
    base = "Spans" if node.name == "FieldSpans" else node.name
    return f"{base or owner}Record"


class _Writer:
    def __init__(self) -> None:
        self.classes: dict[str, str] = {}

    def annotation(self, node: Node, owner: str) -> str:
        if isinstance(node, Scalar):
            text = (
                "Literal[" + ", ".join(f'"{c}"' for c in node.choices) + "]"
                if node.choices
                else _SCALARS[node.kind]
            )
        elif isinstance(node, ArrayOf):
            text = f"list[{self.annotation(node.item, owner)}]"
        else:
            text = self.object(node, owner)
        return f"{text} | None" if node.nullable else text

    def object(self, node: ObjectOf, owner: str) -> str:
        name = _record_name(node, owner)
        if name not in self.classes:
            self.classes[name] = ""  # a placeholder keeps the order of first use
            lines = [f"class {name}(TypedDict):", f'    """The record of a {node.name}."""', ""]
            for prop in node.properties:
                lines.append(f"    {prop.name}: {self.annotation(prop.node, prop.name.title())}")
            self.classes[name] = "\n".join(lines)
        return name


def record_types_source() -> str:
    """The source of :mod:`iroparse.record` for the record's shape today."""
    writer = _Writer()
    shape = record_shape()
    top = writer.object(shape, "Decision")
    names = sorted(writer.classes)
    # nested classes before the classes that use them
    ordered = [writer.classes[n] for n in writer.classes if n != top] + [writer.classes[top]]
    header = _HEADER.format(names="\n".join(f'    "{n}",' for n in names))
    return header + "\n\n" + "\n\n\n".join(ordered) + "\n"


if __name__ == "__main__":
    TARGET.write_text(record_types_source(), encoding="utf-8")
    print(f"wrote {TARGET}")
