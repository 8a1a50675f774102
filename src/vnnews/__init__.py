"""vnnews: Vietnamese news text in, structured facts with exact spans out.

>>> import vnnews
>>> vnnews.normalize("Khánh Hoà")
'Khánh Hòa'
"""

from __future__ import annotations

from vnnews.errors import ParseError
from vnnews.normalize import normalize

__all__ = [
    "ParseError",
    "__version__",
    "normalize",
]


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata on first use, not at import.
    if name == "__version__":
        from importlib.metadata import version

        return version("vnnews")
    raise AttributeError(f"module 'vnnews' has no attribute {name!r}")
