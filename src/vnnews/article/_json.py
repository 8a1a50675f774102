"""Back from JSON: the result types rebuilt from their ``to_dict()`` forms (``Article.from_dict``).

Each result type owns its JSON form (``NumberMatch.to_dict``, ``DateMatch.to_dict``,
``PersonMention.to_dict``…; the forms are documented in ``docs/article.md`` and the JSON Schema
``vnnews/schema/results.schema.json``). The functions here read them back: each takes the
original text, since the dictionaries do not repeat it, and checks that every ``"text"`` is
what its span slices from it, and that every kind, qualifier and grain is one of its type's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, get_args

from vnnews.errors import ParseError

if TYPE_CHECKING:
    from vnnews.dates import DateMatch
    from vnnews.lunar import LunarDate
    from vnnews.numbers import NumberMatch
    from vnnews.people import PersonMention, Role
    from vnnews.word_segmentation import Word

__all__ = [
    "choice",
    "date_from_dict",
    "mappings",
    "mention_from_dict",
    "number_from_dict",
    "role_from_dict",
    "span_of",
    "text_at",
    "word_from_dict",
]

_NUMBER_KEYS = ("ratio", "numerator", "denominator", "low", "high")


def choice(data: Mapping[str, object], key: str, options: Any) -> Any:
    """``data[key]`` if it is one of the values of the Literal type ``options``, or
    ParseError naming them."""
    value = data.get(key)
    allowed: tuple[str, ...] = get_args(options)
    if isinstance(value, str) and value in allowed:
        return value
    raise ParseError(str(value)[:60], f"{key!r} must be one of {', '.join(allowed)}")


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
    """The :class:`~vnnews.NumberMatch` of :meth:`~vnnews.NumberMatch.to_dict`, its span
    into ``text``."""
    from vnnews.numbers import NumberKind, NumberMatch, Qualifier

    value = _number_or_none(data, "value")
    if value is None:
        raise ParseError("null", "'value' of a figure must be a number")
    qualifier = None if data.get("qualifier") is None else choice(data, "qualifier", Qualifier)
    ratio = _number_or_none(data, "ratio")
    return NumberMatch(
        text_at(text, data),
        span_of(data),
        choice(data, "kind", NumberKind),
        value,
        None if ratio is None else float(ratio),
        **{key: _number_or_none(data, key) for key in _NUMBER_KEYS[1:]},
        currency=_optional_str(data, "currency"),
        unit=_optional_str(data, "unit"),
        qualifier=qualifier,
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
    """The :class:`~vnnews.DateMatch` of :meth:`~vnnews.DateMatch.to_dict`, its span into
    ``text``."""
    from vnnews.dates import DateMatch, Grain, TimeValue

    start = _moment(data, "start")
    if start is None:
        raise ParseError("null", "'start' of a date must be an ISO date and time")
    value = TimeValue(start, _moment(data, "end"), choice(data, "grain", Grain), _lunar(data))
    return DateMatch(text_at(text, data), span_of(data), value)


def role_from_dict(data: Mapping[str, object], text: str) -> Role:
    """The :class:`~vnnews.Role` of :meth:`~vnnews.Role.to_dict`, its span into ``text``."""
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
    """The :class:`~vnnews.PersonMention` of :meth:`~vnnews.PersonMention.to_dict`, spans
    into ``text``."""
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
    """The :class:`~vnnews.Word` of :meth:`~vnnews.Word.to_dict`, its span into ``text``."""
    from vnnews.word_segmentation import Word

    is_name = data.get("is_name")
    if is_name is not None and not isinstance(is_name, bool):
        raise ParseError(str(is_name), "'is_name' must be true, false or null")
    return Word(text_at(text, data), span_of(data), _optional_str(data, "pos"), is_name)
