"""Shared pytest configuration: make ``tests/cases.py`` importable as ``cases``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

collect_ignore_glob = ["../docs/conf.py"]
