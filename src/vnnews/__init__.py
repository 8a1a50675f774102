"""vnnews: Vietnamese news text in, structured facts with exact spans out.

>>> import vnnews
>>> vnnews.normalize("Khánh Hoà")
'Khánh Hòa'
"""

from __future__ import annotations

from vnnews.article import (
    Article,
    ArticleError,
    Boilerplate,
    Person,
    Segment,
    analyze,
    analyze_many,
)
from vnnews.dates import DateMatch, TimeValue, extract_dates, format_date, parse_date
from vnnews.errors import ParseError
from vnnews.lunar import LunarDate, to_lunar, to_solar
from vnnews.normalize import normalize
from vnnews.numbers import (
    NumberMatch,
    extract_numbers,
    format_number,
    format_percent,
    number_to_words,
    parse_number,
)
from vnnews.people import PersonMention, Role, expand_abbreviation, extract_people
from vnnews.sentences import sentence_spans, split_sentences
from vnnews.slugs import Slugger, slugify
from vnnews.words import Word, words

__all__ = [
    "Article",
    "ArticleError",
    "Boilerplate",
    "DateMatch",
    "LunarDate",
    "NumberMatch",
    "ParseError",
    "Person",
    "PersonMention",
    "Role",
    "Segment",
    "Slugger",
    "TimeValue",
    "Word",
    "__version__",
    "analyze",
    "analyze_many",
    "expand_abbreviation",
    "extract_dates",
    "extract_numbers",
    "extract_people",
    "format_date",
    "format_number",
    "format_percent",
    "normalize",
    "number_to_words",
    "parse_date",
    "parse_number",
    "sentence_spans",
    "slugify",
    "split_sentences",
    "to_lunar",
    "to_solar",
    "words",
]


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata on first use, not at import.
    if name == "__version__":
        from importlib.metadata import version

        return version("vnnews")
    raise AttributeError(f"module 'vnnews' has no attribute {name!r}")
