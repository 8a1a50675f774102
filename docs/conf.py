"""Sphinx configuration for the vnnews documentation (furo theme, MyST Markdown pages)."""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

project = "vnnews"
author = "vnnews developers"
copyright = "2026, vnnews developers"
release = _version("vnnews")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_generated"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# No intersphinx: the docs build offline. Standard-library types are not cross-referenced.
_STDLIB_TYPES = (
    r"array|datetime\.\w+|date|datetime|timedelta|collections\.abc\.\w+|re\.Pattern"
    r"|regex\.\w+|Path|pathlib\.Path|argparse\.\w+|Iterable|Iterator|Sequence|Mapping|Callable"
    r"|decimal\.Decimal|Decimal|Grain|Prefer|Literal|typing\.\w+|concurrent\.futures\.\w+|io\.\w+"
    r"|os\.PathLike"
)
nitpick_ignore_regex = [(r"py:class", _STDLIB_TYPES)]

html_theme = "furo"
html_title = f"vnnews {release}"
html_static_path = ["_static"]
# A font stack that shapes Vietnamese tone marks in code blocks (furo's default monospace does
# not, everywhere): see _static/vietnamese.css.
html_css_files = ["vietnamese.css"]
