"""The package's shape (docs/architecture.md): no import cycles, small modules, and the
pipeline's stages importing only earlier stages."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "iroparse"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every iroparse module ``path`` imports, at any depth (lazy imports in functions count:
    they hide a cycle, they do not remove it), except imports for type checking only."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(n) for child in node.body for n in ast.walk(child))
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            if name in modules:
                found.add(name)
    return found - {_module_name(path)}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph = {name: _imports(path, modules) for name, path in modules.items()}
    # importing ``a.b`` runs ``a/__init__``: a package's own init is not an edge back
    return {
        name: {d for d in deps if not name.startswith(d + ".") and d != "iroparse"}
        | ({"iroparse"} & deps if name.count(".") == 0 else set())
        for name, deps in graph.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return [*stack[stack.index(dep) :], dep]
            if dep not in state and (found := visit(dep)) is not None:
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_no_import_cycle() -> None:
    graph = _graph()
    # the facade imports the package; no module inside it may import the facade back
    inner = {name: deps - {"iroparse"} for name, deps in graph.items()}
    assert _cycle(inner) is None, " -> ".join(_cycle(inner) or [])
    users = sorted(n for n, deps in graph.items() if "iroparse" in deps and n != "iroparse")
    assert users == [], f"modules importing the package facade: {users}"


#: The pipeline's stages in order; a stage may import earlier stages only.
STAGES = (
    "iroparse._pipeline.drawn_tables",
    "iroparse._pipeline.normalize",
    "iroparse._pipeline.furniture",
    "iroparse._pipeline.noise_prose",
    "iroparse._pipeline.page_numbers",
    "iroparse._pipeline.noise",
    "iroparse._pipeline.noise_names",
    "iroparse._pipeline.page_tops",
    "iroparse._pipeline.letterhead",
    "iroparse._pipeline.sidebar",
    "iroparse._pipeline.worded_headings",
    "iroparse._pipeline.headings",
    "iroparse._pipeline.tokens",
    "iroparse._pipeline.wrapped",
    "iroparse._pipeline.label_rows",
    "iroparse._pipeline.noise_lines",
    "iroparse._pipeline.tokenize",
    "iroparse._pipeline.hyphens",
    "iroparse._pipeline.sections",
    "iroparse._pipeline.column_rows",
    "iroparse._pipeline.misread_boxes",
    "iroparse._pipeline.column_marks",
    "iroparse._pipeline.recognize",
    "iroparse._pipeline.choose_layout",
    "iroparse._pipeline.checklist_items",
    "iroparse._pipeline.checklist",
)


def test_stages_import_only_earlier_stages() -> None:
    graph = _graph()
    for position, stage in enumerate(STAGES):
        later = set(STAGES[position + 1 :])
        assert not graph[stage] & later, f"{stage} imports a later stage: {graph[stage] & later}"
    fields = {n for n in graph if n.startswith("iroparse._fields")}
    for name in STAGES:
        assert not graph[name] & fields, f"{name} imports a field reader"


MAX_MODULE_LINES = 400


def test_no_module_is_over_400_lines() -> None:
    """A module over 400 lines has more than one job: split it by job (see the outputs/ and
    _pipeline/ folders)."""
    long = {
        name: lines
        for name, path in _modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_the_cli_reads_its_format_choices_from_the_format_table() -> None:
    from iroparse.cli import build_parser
    from iroparse.outputs import FORMATS, STREAM_FORMATS

    parse = build_parser()._subparsers._group_actions[0].choices["parse"]  # type: ignore[union-attr]
    (fmt,) = [a for a in parse._actions if "--format" in a.option_strings]
    assert tuple(fmt.choices or ()) == STREAM_FORMATS
    assert {f.name for f in FORMATS} >= set(STREAM_FORMATS)
