"""The JSON forms of the results: the dictionaries of the article schema (``docs/article.md``).

``Article.to_dict`` builds on them, and the ``vnnews numbers|dates|people|words`` commands print
them for the results of the capability functions. The ``*_from_dict`` functions read them back
(``Article.from_dict``): each takes the original text, since the dictionaries do not repeat
it, and checks that every ``"text"`` is what its span slices from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING

from vnnews.errors import ParseError

if TYPE_CHECKING:
    from vnnews.dates import DateMatch, TimeValue
    from vnnews.lunar import LunarDate
    from vnnews.numbers import NumberMatch
    from vnnews.people import PersonMention, Role
    from vnnews.word_segmentation import Word

__all__ = [
    "date_from_dict",
    "date_to_dict",
    "mention_from_dict",
    "mention_to_dict",
    "number_from_dict",
    "number_to_dict",
    "plain",
    "role_from_dict",
    "role_to_dict",
    "word_from_dict",
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
    """A person mention as ``{"text", "span", "name", "honorific", "roles", "name_span"}``."""
    return {
        "text": mention.text,
        "span": list(mention.span),
        "name": mention.name,
        "honorific": mention.honorific,
        "roles": [role_to_dict(role) for role in mention.roles],
        "name_span": list(mention.name_span),
    }


def word_to_dict(word: Word) -> dict[str, object]:
    """A word as ``{"text", "span", "pos", "is_name"}``."""
    return {
        "text": word.text,
        "span": list(word.span),
        "pos": word.pos,
        "is_name": word.is_name,
    }


# --------------------------------------------------------------------------- back from JSON


def span_of(data: Mapping[str, object], key: str = "span") -> tuple[int, int]:
    """``data[key]`` as a ``(start, end)`` span, or ParseError."""
    value = data.get(key)
    if (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(type(item) is int for item in value)
    ):
        return value[0], value[1]
    raise ParseError(str(value)[:60], f"{key!r} must be a [start, end] pair of integers")


def text_at(
    text: str, data: Mapping[str, object], key: str = "span", text_key: str | None = "text"
) -> str:
    """The slice of ``text`` under ``data[key]``, checked against ``data[text_key]``."""
    start, end = span_of(data, key)
    found = text[start:end]
    expected = data.get(text_key, found) if text_key else found
    if not 0 <= start <= end <= len(text) or found != expected:
        raise ParseError(
            str(expected)[:60],
            f"span [{start}, {end}] of the text given reads {found!r}: "
            "not the text these results were made from",
        )
    return found


def _optional_str(data: Mapping[str, object], key: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise ParseError(str(value)[:60], f"{key!r} must be a string or null")


def _str(data: Mapping[str, object], key: str) -> str:
    value = data.get(key)
    if isinstance(value, str):
        return value
    raise ParseError(str(value)[:60], f"{key!r} must be a string")


def _strings(data: Mapping[str, object], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ParseError(str(value)[:60], f"{key!r} must be a list of strings")


def mappings(data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    """``data[key]`` as a list of mappings, or ParseError."""
    value = data.get(key)
    if isinstance(value, list) and all(isinstance(item, Mapping) for item in value):
        return value
    raise ParseError(str(value)[:60], f"{key!r} must be a list of objects")


def _number_or_none(data: Mapping[str, object], key: str) -> int | float | None:
    value = data.get(key)
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    raise ParseError(str(value)[:60], f"{key!r} must be a number or null")


def number_from_dict(data: Mapping[str, object], text: str) -> NumberMatch:
    """The :class:`~vnnews.NumberMatch` of :func:`number_to_dict`, its span into ``text``."""
    from vnnews.numbers import NumberMatch

    value = _number_or_none(data, "value")
    if value is None:
        raise ParseError("null", "'value' of a figure must be a number")
    return NumberMatch(
        text_at(text, data),
        span_of(data),
        _str(data, "kind"),
        value,
        **{key: _number_or_none(data, key) for key in _NUMBER_KEYS[2:7]},
        currency=_optional_str(data, "currency"),
        unit=_optional_str(data, "unit"),
        qualifier=_optional_str(data, "qualifier"),
    )


def _moment(data: Mapping[str, object], key: str) -> datetime | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise ParseError(str(value)[:60], f"{key!r} must be an ISO date and time") from None


def _lunar(data: Mapping[str, object]) -> LunarDate | None:
    value = data.get("lunar")
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ParseError(str(value)[:60], "'lunar' must be an object or null")
    from vnnews.lunar import LunarDate

    try:
        return LunarDate(**value)
    except TypeError:
        raise ParseError(str(value)[:60], "'lunar' has unknown or missing keys") from None


def date_from_dict(data: Mapping[str, object], text: str) -> DateMatch:
    """The :class:`~vnnews.DateMatch` of :func:`date_to_dict`, its span into ``text``."""
    from vnnews.dates import DateMatch, TimeValue

    start = _moment(data, "start")
    if start is None:
        raise ParseError("null", "'start' of a date must be an ISO date and time")
    grain = _str(data, "grain")
    value: TimeValue = TimeValue(start, _moment(data, "end"), grain, _lunar(data))  # type: ignore[arg-type]
    return DateMatch(text_at(text, data), span_of(data), value)


def role_from_dict(data: Mapping[str, object], text: str) -> Role:
    """The :class:`~vnnews.Role` of :func:`role_to_dict`, its span into ``text``."""
    from vnnews.people import Role

    return Role(
        title=_str(data, "title"),
        position=_str(data, "position"),
        modifiers=_strings(data, "modifiers"),
        organization=_optional_str(data, "organization"),
        organization_expanded=_optional_str(data, "organization_expanded"),
        text=text_at(text, data),
        span=span_of(data),
    )


def mention_from_dict(data: Mapping[str, object], text: str) -> PersonMention:
    """The :class:`~vnnews.PersonMention` of :func:`mention_to_dict`, spans into ``text``."""
    from vnnews.people import PersonMention

    text_at(text, data, "name_span", None)  # in range
    return PersonMention(
        name=_str(data, "name"),
        honorific=_optional_str(data, "honorific"),
        roles=tuple(role_from_dict(role, text) for role in mappings(data, "roles")),
        text=text_at(text, data),
        span=span_of(data),
        name_span=span_of(data, "name_span"),
    )


def word_from_dict(data: Mapping[str, object], text: str) -> Word:
    """The :class:`~vnnews.Word` of :func:`word_to_dict`, its span into ``text``."""
    from vnnews.word_segmentation import Word

    is_name = data.get("is_name")
    if is_name is not None and not isinstance(is_name, bool):
        raise ParseError(str(is_name), "'is_name' must be true, false or null")
    return Word(text_at(text, data), span_of(data), _optional_str(data, "pos"), is_name)
