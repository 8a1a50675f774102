"""The reference date of every public function: one name, one set of accepted types.

Relative and incomplete dates ("hôm qua", "thứ Sáu", "20/1") are read against a reference
date, for news the publication date. Every function that takes one (``extract_dates``,
``parse_date``, ``to_spoken``, ``analyze``, ``analyze_many``, ``analyze_records`` and the Spark
and Dask adapters) calls it ``published``, as the command line's ``--published`` does, and
takes ``ref`` as another name for it; each accepts a ``date``, a ``datetime`` or a
``"YYYY-MM-DD"`` string. This module is that one rule (see ``docs/design.md``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from vnnews.errors import ParseError

__all__ = ["iso_date", "one_reference", "reference_date", "reference_time"]

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

# The names of the months in the messages (the messages are in English).
_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)


def iso_date(text: str) -> date:
    """A ``YYYY-MM-DD`` string as a date; the ParseError says what is wrong with it.

    >>> iso_date("2024-02-29")
    datetime.date(2024, 2, 29)
    >>> iso_date("2024-02-30")
    Traceback (most recent call last):
    ...
    vnnews.errors.ParseError: cannot read '2024-02-30': February 2024 has no day 30 (it has 29 days)
    >>> iso_date("20/01/2024")
    Traceback (most recent call last):
    ...
    vnnews.errors.ParseError: cannot read '20/01/2024': expected YYYY-MM-DD, e.g. 2022-01-20
    """
    found = _ISO_DATE.fullmatch(text.strip())
    if not found:
        raise ParseError(text, "expected YYYY-MM-DD, e.g. 2022-01-20")
    year, month, day = (int(part) for part in found.groups())
    if year < 1:
        raise ParseError(text, "there is no year 0")
    if not 1 <= month <= 12:
        raise ParseError(text, f"there is no month {month} (months are 01 to 12)")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_name = _MONTHS[month - 1]
        raise ParseError(text, f"{month_name} {year} has no day {day} (it has {days} days)")
    return date(year, month, day)


def reference_date(value: object, name: str = "published") -> date | None:
    """``value`` as a reference date: None stays None, a ``date`` or ``datetime`` is kept, a
    ``"YYYY-MM-DD"`` string is read (ParseError if it is not a real date); TypeError for
    anything else, naming the argument ``name``.

    >>> reference_date("2022-01-20"), reference_date(None)
    (datetime.date(2022, 1, 20), None)
    >>> reference_date(20220120)
    Traceback (most recent call last):
    ...
    TypeError: published must be a date, a datetime or a 'YYYY-MM-DD' string, not int
    """
    if value is None or isinstance(value, date):  # a datetime is a date
        return value
    if isinstance(value, str):
        return iso_date(value)
    raise TypeError(
        f"{name} must be a date, a datetime or a 'YYYY-MM-DD' string, not {type(value).__name__}"
    )


def reference_time(value: object, name: str = "published") -> datetime:
    """``value`` (see :func:`reference_date`) as the naive datetime the readers work with:
    a date is its midnight, an aware datetime its wall-clock time, None now."""
    given = reference_date(value, name)
    if given is None:
        return datetime.now().replace(microsecond=0)
    if isinstance(given, datetime):
        return given if given.tzinfo is None else given.replace(tzinfo=None)
    return datetime(given.year, given.month, given.day)


def one_reference(published: object, ref: object) -> tuple[object, str]:
    """The reference date given as ``published`` or as ``ref`` (its other name), and the name
    it was given by (for the messages); TypeError if both are given.

    >>> one_reference(None, "2022-01-20")
    ('2022-01-20', 'ref')
    >>> one_reference("2022-01-20", "2022-01-21")
    Traceback (most recent call last):
    ...
    TypeError: give the reference date once: published or ref (another name for it), not both
    """
    if ref is None:
        return published, "published"
    if published is not None:
        raise TypeError(
            "give the reference date once: published or ref (another name for it), not both"
        )
    return ref, "ref"
