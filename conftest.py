"""Doctests that need an optional extra are skipped when it is not installed (a core install);
the test environment (``pip install -e '.[test]'``) installs every extra, so there they run."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

# File (relative to this folder) -> the modules its examples need.
NEEDS = {
    "src/vnnews/corpus/_parquet.py": ("pyarrow",),
    "docs/scale.md": ("pyarrow", "duckdb"),
}
ROOT = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.path)).resolve()
        try:
            needed = NEEDS.get(path.relative_to(ROOT).as_posix())
        except ValueError:
            continue
        missing = [module for module in needed or () if importlib.util.find_spec(module) is None]
        if missing:
            item.add_marker(pytest.mark.skip(reason=f"needs {', '.join(missing)} (an extra)"))
