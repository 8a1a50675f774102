"""The reference date (issue 21): one name and one set of accepted types in every function.

Every public function that reads relative dates takes the reference date as ``published``
(the command line's ``--published``) or ``ref`` (another name for it, the name
``extract_dates`` had), as a ``date``, a ``datetime`` or a ``"YYYY-MM-DD"`` string; a string
that is no real date raises ``ParseError`` saying what is wrong, any other type ``TypeError``.
The table is ``tests/data/reference_dates.jsonl``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from cases import load_cases
from vnnews import (
    ParseError,
    analyze,
    analyze_many,
    analyze_records,
    extract_dates,
    parse_date,
    to_spoken,
)

_ARTICLE = "Hội nghị tổng kết năm của tỉnh\nHôm qua, tỉnh khai mạc hội nghị."


def _extract(**reference: Any) -> object:
    return [m.value for m in extract_dates("Hôm qua, tỉnh khai mạc hội nghị.", **reference)]


def _parse(**reference: Any) -> object:
    return parse_date("hôm qua", **reference)


def _analyze(**reference: Any) -> object:
    article = analyze(_ARTICLE, **reference)
    return article.published, [m.value for m in article.dates]


def _analyze_many(**reference: Any) -> object:
    return [a.to_dict() for a in analyze_many([_ARTICLE], **reference)]  # type: ignore[union-attr]


def _analyze_records(**reference: Any) -> object:
    return list(analyze_records([_ARTICLE], **reference))


def _spoken(**reference: Any) -> object:
    return to_spoken("Sáng 20/1, có 22/28 chỉ tiêu đạt.", **reference).to_dict()


FUNCTIONS: dict[str, Callable[..., object]] = {
    "extract_dates": _extract,
    "parse_date": _parse,
    "analyze": _analyze,
    "analyze_many": _analyze_many,
    "analyze_records": _analyze_records,
    "to_spoken": _spoken,
}
DAY = date(2022, 1, 20)


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("keyword", ["published", "ref"])
@pytest.mark.parametrize("given", [DAY, datetime(2022, 1, 20), "2022-01-20"])
def test_every_function_takes_both_names_and_every_form(
    name: str, keyword: str, given: object
) -> None:
    function = FUNCTIONS[name]
    # A string is the day it names; a datetime stays one (an Article's published keeps it).
    expected = function(published=DAY if isinstance(given, str) else given)
    assert function(**{keyword: given}) == expected
    if name in ("extract_dates", "parse_date", "to_spoken"):  # a midnight is that day
        assert expected == function(published=DAY)


@pytest.mark.parametrize("name", ["extract_dates", "parse_date", "analyze"])
def test_the_reference_date_is_used(name: str) -> None:
    """Not a test that cannot fail: another day gives another result."""
    function = FUNCTIONS[name]
    assert function(published="2022-01-21") != function(published="2022-01-20")


def _looks_like_a_date(value: object) -> bool:
    """What ``analyze_records`` reads as a date rather than as the key of a record's field."""
    return isinstance(value, str) and len(value) >= 10 and value[4] == value[7] == "-"


def _case_params() -> list[Any]:
    params = []
    for param in load_cases("reference_dates.jsonl"):
        case = param.values[0]
        for name in FUNCTIONS:
            given = case["given"]
            if (
                name == "analyze_records"
                and isinstance(given, str)
                and not _looks_like_a_date(given)
            ):
                continue  # its other strings are keys of the records: see test_corpus
            params.append(pytest.param(name, case, id=f"{param.id}:{name}"))
    return params


@pytest.mark.parametrize(("name", "case"), _case_params())
def test_reference_dates(name: str, case: dict[str, Any]) -> None:
    function = FUNCTIONS[name]
    given = case["given"]
    if "start" in case:
        assert function(published=given) == function(published=date.fromisoformat(case["start"]))
    elif "hint" in case:
        for keyword in ("published", "ref"):
            with pytest.raises(ParseError) as error:
                function(**{keyword: given})
            assert error.value.hint == case["hint"]
            assert error.value.text == given
    else:
        assert case["type_error"]
        for keyword in ("published", "ref"):
            with pytest.raises(TypeError, match=f"^{keyword} must be"):
                function(**{keyword: given})


@pytest.mark.parametrize("name", FUNCTIONS)
def test_both_names_at_once_are_refused(name: str) -> None:
    with pytest.raises(TypeError, match="published or ref"):
        FUNCTIONS[name](published=DAY, ref=DAY)


def test_the_message_names_the_impossible_day() -> None:
    with pytest.raises(ParseError) as error:
        extract_dates("Hôm qua", ref="2024-02-30")
    assert str(error.value) == (
        "cannot read '2024-02-30': February 2024 has no day 30 (it has 29 days)"
    )
