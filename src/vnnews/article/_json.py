"""The JSON forms of the results: the dictionaries of the article schema (``docs/article.md``).

``Article.to_dict`` builds on them, and the ``vnnews numbers|dates|people|words`` commands print
them for the results of the capability functions.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vnnews.dates import DateMatch
    from vnnews.numbers import NumberMatch
    from vnnews.people import PersonMention, Role
    from vnnews.word_segmentation import Word

__all__ = [
    "date_to_dict",
    "mention_to_dict",
    "number_to_dict",
    "plain",
    "role_to_dict",
    "word_to_dict",
]


def plain(value: object) -> object:
    """``value`` as JSON-ready data: dataclasses as dicts, tuples as lists, dates as ISO text."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    return str(value)


_NUMBER_KEYS = (
    "kind",
    "value",
    "ratio",
    "numerator",
    "denominator",
    "low",
    "high",
    "currency",
    "unit",
    "qualifier",
)


def number_to_dict(match: NumberMatch) -> dict[str, object]:
    """A figure as ``{"text", "span", "kind", "value", "ratio", …, "qualifier"}``."""
    data: dict[str, object] = {"text": match.text, "span": list(match.span)}
    data.update({key: plain(getattr(match, key, None)) for key in _NUMBER_KEYS})
    return data


def date_to_dict(match: DateMatch) -> dict[str, object]:
    """A date as ``{"text", "span", "start", "end", "grain", "lunar"}``."""
    value = match.value
    return {
        "text": match.text,
        "span": list(match.span),
        "start": plain(value.start),
        "end": plain(value.end),
        "grain": plain(value.grain),
        "lunar": plain(getattr(value, "lunar", None)),
    }


def role_to_dict(role: Role) -> dict[str, object]:
    """A title as ``{"title", "position", "modifiers", "organization", …, "span"}``."""
    span = getattr(role, "span", None)
    return {
        "title": role.title,
        "position": role.position,
        "modifiers": list(role.modifiers),
        "organization": role.organization,
        "organization_expanded": role.organization_expanded,
        "span": list(span) if span is not None else None,
    }


def mention_to_dict(mention: PersonMention) -> dict[str, object]:
    """A person mention as ``{"text", "span", "name", "honorific", "roles"}``."""
    return {
        "text": mention.text,
        "span": list(mention.span),
        "name": mention.name,
        "honorific": mention.honorific,
        "roles": [role_to_dict(role) for role in mention.roles],
    }


def word_to_dict(word: Word) -> dict[str, object]:
    """A word as ``{"text", "span", "pos", "is_name"}``."""
    return {
        "text": word.text,
        "span": list(word.span),
        "pos": word.pos,
        "is_name": word.is_name,
    }
