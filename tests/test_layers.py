"""Layers point one way: the import graph of vnnews' modules and subpackages has no cycle.

The graph is read from the source, every ``import`` and ``from … import`` statement included,
wherever it stands: at the top of a module, inside a function (a deferred import is still an
arrow) or under ``TYPE_CHECKING``. A node is a direct part of the package, ``vnnews.dates``
for every module under ``src/vnnews/dates/``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import vnnews

SOURCE = Path(vnnews.__file__).parent


def _part(module: str) -> str | None:
    """The direct part of vnnews a module name belongs to ("vnnews.dates._scan" → "dates"),
    "vnnews" for the package's own ``__init__`` (the façade), None outside vnnews."""
    names = module.split(".")
    if names[0] != "vnnews":
        return None
    return names[1] if len(names) > 1 else "vnnews"


def _imported(tree: ast.AST) -> Iterator[str]:
    """Every module name an import statement of ``tree`` names (``from vnnews import dates``
    names ``vnnews.dates`` as well as ``vnnews``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            assert node.level == 0, "vnnews imports absolutely"
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def import_graph(root: Path = SOURCE) -> dict[str, set[str]]:
    """Part of the package at ``root`` → the other parts its modules import."""
    graph: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent).with_suffix("")
        names = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        part = _part(".".join(names))
        assert part is not None
        found = graph.setdefault(part, set())
        for module in _imported(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            other = _part(module)
            # "from vnnews import __version__" names the façade, not a part "__version__".
            if other is not None and other != part and _is_part(root, other):
                found.add(other)
    return graph


def _is_part(root: Path, name: str) -> bool:
    if name == "vnnews":
        return True
    return (root / name / "__init__.py").exists() or (root / f"{name}.py").exists()


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of a graph with more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_two_parts_import_each_other() -> None:
    graph = import_graph()
    assert {"numbers", "dates", "_numerals"} <= graph.keys()
    assert cycles(graph) == []


def test_numbers_ask_dates_and_both_rest_on_numerals() -> None:
    """The arrows of issue 20: numbers → dates → _numerals, numbers → _numerals."""
    graph = import_graph()
    assert "dates" in graph["numbers"]
    assert "numbers" not in graph["dates"]
    assert "_numerals" in graph["numbers"] & graph["dates"]
    assert graph["_numerals"] <= {"_data"}


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ],
)
def test_cycles_are_found(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert cycles(graph) == expected


def test_a_deferred_import_is_an_arrow(tmp_path: Path) -> None:
    """An import inside a function counts: the graph of a package whose two parts import
    each other, one of them only when called, has that cycle."""
    package = tmp_path / "vnnews"
    (package / "dates").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "numbers.py").write_text("from vnnews.dates import spans\n")
    (package / "dates" / "__init__.py").write_text(
        "def spans():\n    from vnnews.numbers import parse\n    return parse\n"
    )
    graph = import_graph(package)
    assert graph == {"vnnews": set(), "numbers": {"dates"}, "dates": {"numbers"}}
    assert cycles(graph) == [["dates", "numbers"]]
