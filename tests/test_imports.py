"""Every documented module imports as a module, both ways, and every name the docs use resolves.

A module never shares its name with a public function (``docs/design.md``): ``vnnews.normalize``
and ``vnnews.words`` are the functions whatever was imported before, and ``import vnnews.X``
gives the module ``vnnews.X``. Import order matters, so those checks run in fresh interpreters.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

import vnnews

ROOT = Path(__file__).resolve().parents[1]
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def documented_modules() -> list[str]:
    """The modules of the module map in ``docs/design.md``."""
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    section = text.split("## Module map", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE)


MODULES = documented_modules()


def run_fresh(code: str) -> None:
    """Run ``code`` in a new interpreter; fail with its error output if it fails."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_module_map_is_read() -> None:
    assert len(MODULES) >= 10
    assert {"normalization", "word_segmentation", "article", "dates"} <= set(MODULES)
    assert "normalize" not in MODULES and "words" not in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_documented_module_imports_both_ways(name: str) -> None:
    """``import vnnews.X`` and ``from vnnews.X import Y`` for every Y of its ``__all__``, first
    thing in a fresh interpreter; the two functions named like words stay functions."""
    run_fresh(
        f"""
        import types
        import vnnews.{name} as module
        import vnnews

        assert isinstance(module, types.ModuleType), repr(module)
        assert module.__name__ == "vnnews.{name}", module.__name__
        assert vnnews.{name} is module
        for item in module.__all__:
            scope = {{}}
            exec(f"from vnnews.{name} import {{item}}", scope)
            assert scope[item] is getattr(module, item), item
        assert vnnews.normalize("Khánh Hoà") == "Khánh Hòa"
        assert isinstance(vnnews.words, types.FunctionType), repr(vnnews.words)
        """
    )


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_public_names_are_never_modules(order: str) -> None:
    """After every module is loaded, in either order, each name of ``vnnews.__all__`` is what
    its module defines, never a module; the old module paths are gone."""
    names = [f"vnnews.{name}" for name in MODULES]
    if order == "backward":
        names.reverse()
    run_fresh(
        f"""
        import importlib, types
        for name in {names!r}:
            importlib.import_module(name)
        import vnnews
        from vnnews import normalization, word_segmentation

        for item in vnnews.__all__:
            assert not isinstance(getattr(vnnews, item), types.ModuleType), item
        assert vnnews.normalize is normalization.normalize
        assert vnnews.words is word_segmentation.words
        assert vnnews.Word is word_segmentation.Word
        import importlib.util
        assert importlib.util.find_spec("vnnews.normalize") is None
        assert importlib.util.find_spec("vnnews.words") is None
        """
    )


def _resolve(dotted: str) -> object:
    """``dotted`` read as a reader would: the longest part that is a module is imported, then
    every part is an attribute of the one before, from the package ``vnnews`` down."""
    parts = dotted.split(".")
    for end in range(len(parts), 1, -1):
        try:
            importlib.import_module(".".join(parts[:end]))
        except ModuleNotFoundError as error:
            if error.name is None or not ".".join(parts[:end]).startswith(error.name):
                raise
            continue
        break
    found: object = vnnews
    for part in parts[1:]:
        found = getattr(found, part)
    return found


def _documented_names() -> list[tuple[str, str]]:
    """(file, dotted name) for every ``vnnews.…`` name in the docs and the README."""
    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for dotted in sorted(set(re.findall(r"\bvnnews(?:\.\w+)+", text))):
            found.append((path.name, dotted))
    return found


def _documented_imports() -> list[tuple[str, str, str]]:
    """(file, module, name) for every ``from vnnews… import …`` in the docs and the README."""
    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for module, names in re.findall(r"from (vnnews(?:\.\w+)*) import ([\w, ]+)", text):
            found += [(path.name, module, name.strip()) for name in names.split(",")]
    return found


@pytest.mark.parametrize(("doc", "dotted"), _documented_names())
def test_every_dotted_name_in_the_docs_resolves(doc: str, dotted: str) -> None:
    """``vnnews.normalization.NormalizedText`` resolves; ``vnnews.normalize.NormalizedText``
    would not (``vnnews.normalize`` is the function)."""
    try:
        _resolve(dotted)
    except (AttributeError, ImportError) as error:
        pytest.fail(f"{doc}: {dotted} does not resolve: {error}")


@pytest.mark.parametrize(("doc", "module", "name"), _documented_imports())
def test_every_import_in_the_docs_names_a_module(doc: str, module: str, name: str) -> None:
    """``from M import N`` in the docs: M, reached as attributes from ``vnnews``, is a module."""
    found = _resolve(module)
    assert isinstance(found, types.ModuleType), f"{doc}: {module} is {found!r}, not a module"
    assert hasattr(found, name), f"{doc}: {module} has no {name}"
