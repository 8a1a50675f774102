"""vnnews: Vietnamese news text in, structured facts with exact spans out.

>>> import vnnews
>>> vnnews.normalize("Khánh Hoà")
'Khánh Hòa'

The public names below are loaded on first use (PEP 562), so ``import vnnews`` stays fast:
each capability compiles its patterns and reads its tables only when it is first called.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from vnnews.errors import AmbiguityError, ParseError

if TYPE_CHECKING:
    from vnnews.article import (
        Article,
        ArticleError,
        Boilerplate,
        Person,
        Segment,
        analyze,
        analyze_many,
        example_text,
    )
    from vnnews.corpus import analyze_records, warm_up
    from vnnews.dates import DateMatch, TimeValue, extract_dates, format_date, parse_date
    from vnnews.lunar import LunarDate, to_lunar, to_solar
    from vnnews.normalization import normalize
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
    from vnnews.spoken import SpokenPiece, SpokenStyle, SpokenText, to_spoken
    from vnnews.word_segmentation import Word, words

_LAZY = {
    "vnnews.article": (
        "Article", "ArticleError", "Boilerplate", "Person", "Segment", "analyze", "analyze_many",
        "example_text",
    ),
    "vnnews.corpus": ("analyze_records", "warm_up"),
    "vnnews.dates": ("DateMatch", "TimeValue", "extract_dates", "format_date", "parse_date"),
    "vnnews.lunar": ("LunarDate", "to_lunar", "to_solar"),
    "vnnews.normalization": ("normalize",),
    "vnnews.numbers": (
        "NumberMatch", "extract_numbers", "format_number", "format_percent", "number_to_words",
        "parse_number",
    ),
    "vnnews.people": ("PersonMention", "Role", "expand_abbreviation", "extract_people"),
    "vnnews.sentences": ("sentence_spans", "split_sentences"),
    "vnnews.slugs": ("Slugger", "slugify"),
    "vnnews.spoken": ("SpokenPiece", "SpokenStyle", "SpokenText", "to_spoken"),
    "vnnews.word_segmentation": ("Word", "words"),
}  # fmt: skip
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}

__all__ = [
    "AmbiguityError",
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
    "SpokenPiece",
    "SpokenStyle",
    "SpokenText",
    "TimeValue",
    "Word",
    "__version__",
    "analyze",
    "analyze_many",
    "analyze_records",
    "example_text",
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
    "to_spoken",
    "warm_up",
    "words",
]


def __getattr__(name: str) -> object:
    if name == "__version__":
        # Read from the installed metadata on first use, not at import.
        from importlib.metadata import version

        return version("vnnews")
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'vnnews' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
