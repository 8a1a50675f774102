"""Checked by ``mypy --strict`` in CI (``.ci/run``), not run: the fields and forms that take a
fixed set of values are ``Literal`` types, so a misspelt value is a type error.

Each ``# type: ignore[...]`` below marks a line mypy must reject; under ``--strict``
(``warn_unused_ignores``) an ignore that is not needed is itself an error, so if a field went
back to plain ``str`` this file would fail the type check. Nothing here runs: the checks are the body of a function
that is never called.
"""

from __future__ import annotations

from vnnews import NumberMatch, extract_dates, extract_numbers, to_spoken
from vnnews.article import BoilerplateKind
from vnnews.dates import Grain
from vnnews.numbers import NumberKind, Qualifier
from vnnews.spoken import SpokenKind


def percents(matches: list[NumberMatch]) -> list[NumberMatch]:
    return [match for match in matches if match.kind == "percent"]


def is_percent(text: str) -> bool:
    return extract_numbers(text)[0].kind == "pecent"  # type: ignore[comparison-overlap]


def _checks() -> None:
    kind: NumberKind = "percent"
    misspelt_kind: NumberKind = "pecent"  # type: ignore[assignment]
    qualifier: Qualifier = "approx"
    misspelt_qualifier: Qualifier = "aprox"  # type: ignore[assignment]
    grain: Grain = "day"
    misspelt_grain: Grain = "days"  # type: ignore[assignment]
    spoken_kind: SpokenKind = "money"
    misspelt_spoken_kind: SpokenKind = "monney"  # type: ignore[assignment]
    boilerplate: BoilerplateKind = "photo"
    misspelt_boilerplate: BoilerplateKind = "foto"  # type: ignore[assignment]
    first = extract_numbers("đạt 89,51%")[0].to_dict()
    value: int | float = first["value"]
    missing = first["colour"]  # type: ignore[typeddict-item]
    day_grain: Grain = extract_dates("Sáng 20/1")[0].to_dict()["grain"]
    piece_kind: SpokenKind = to_spoken("4.028 người").pieces[0].to_dict()["kind"]
    number_kind: NumberKind = first["kind"]
