"""Numbers and percents in Vietnamese text: read them, find them, write them back.

>>> from vnnews.numbers import parse_number
>>> parse_number("hai mươi mốt nghìn không trăm mười một")
21011
"""

from __future__ import annotations

from vnnews.numbers._api import parse_number
from vnnews.numbers._extract import extract_numbers
from vnnews.numbers._format import format_number, format_percent, number_to_words
from vnnews.numbers._match import NumberKind, NumberMatch, NumberMatchDict, Qualifier

__all__ = [
    "NumberKind",
    "NumberMatch",
    "NumberMatchDict",
    "Qualifier",
    "extract_numbers",
    "format_number",
    "format_percent",
    "number_to_words",
    "parse_number",
]
