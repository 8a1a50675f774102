"""One pass over the normalised text: where a non-standard word may start, and which rule
reads it.

The places to try are the starts of the dates :func:`vnnews.extract_dates` found, of the
figures :func:`vnnews.extract_numbers` found, and every "trigger": a digit, a capital next
to a capital, a dot or a digit, a symbol, an abbreviation of mixed case, a URL. At each
place, in text order, the rules below are tried in turn; the first reading wins and the scan
goes on after it. Each rule is a named record (the name shows in ``SpokenPiece.rule``).

Order: text that is not read (URLs), the shapes that must not be split by a date or figure
reader (phone numbers, "4.0", "10^9", "1,234,567", "8g sáng", "3p20s"), then the date
expression found there, then the figure found there, then the readers of what is left:
ordinals, Roman numerals, codes, scores, figures vnnews.extract_numbers does not report
("2gb", "1t"), abbreviations, acronyms, symbols, and any digit run still unread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from vnnews.spoken import _codes, _letters
from vnnews.spoken import _lexicon as lex
from vnnews.spoken._context import Context, Reading
from vnnews.spoken._dates import extend_interval, read_date, read_year_after_month
from vnnews.spoken._figures import read_figure, read_unit_alone
from vnnews.spoken._skipped import read_url
from vnnews.spoken._style import SpokenStyle

if TYPE_CHECKING:
    from vnnews.dates import DateMatch
    from vnnews.numbers import NumberMatch

__all__ = ["RULES", "Rule", "scan"]

Reader = Callable[[Context, int], "Reading | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A reader tried at each candidate place: its name and the function."""

    name: str
    read: Reader


def _figure_without_hint(ctx: Context, position: int) -> Reading | None:
    return read_figure(ctx, position, None)


def _ordinal_here(ctx: Context, position: int) -> Reading | None:
    """ "thứ 5" where the scan stands at the number: the reading starts at "thứ"."""
    start = position - 4
    if start < ctx.floor or ctx.text[start:position].lower() != "thứ ":
        return None
    return _letters.read_ordinal(ctx, start)


#: The rules tried before the date and figure readers, at every place.
STRONG = (
    Rule("url", read_url),
    Rule("phone", _codes.read_phone),
    Rule("english_grouping", _codes.read_english_grouping),
    Rule("power", _codes.read_power),
    Rule("version", _codes.read_version),
    Rule("document", _codes.read_document_number),
    Rule("glued_time", _codes.read_glued_time),
)

#: The rules tried after them, for what vnnews' extractors do not report.
WEAK = (
    Rule("ordinal", _ordinal_here),
    Rule("roman", _letters.read_roman),
    Rule("score", _codes.read_score),
    Rule("figure", _figure_without_hint),
    Rule("abbreviation", _letters.read_abbreviation),
    Rule("unit", read_unit_alone),
    Rule("code", _codes.read_code),
    Rule("letters", _letters.read_letters),
    Rule("symbol", _letters.read_symbol),
    Rule("digits", _codes.read_digits),
)

RULES = STRONG + WEAK

_SYMBOL_CHARS = "%$€£¥₫₩₹₽&~≈<>=≥≤±×÷#№@^‰"


@lru_cache(maxsize=4)
def _trigger(style: SpokenStyle) -> regex.Pattern[str]:
    """Where a non-standard word may start or sit (see the module docstring)."""
    mixed = sorted(
        (key for key in lex.abbreviations() if not _starts_with_capitals(key)),
        key=len,
        reverse=True,
    )
    mixed += sorted(
        (key for key in style.abbreviations if not _starts_with_capitals(key)),
        key=len,
        reverse=True,
    )
    alternatives = [
        r"[0-9]",
        r"\p{Lu}(?=[\p{Lu}.&0-9])",
        rf"[{regex.escape(_SYMBOL_CHARS)}]",
        r"\./\.",
        r"(?i:https?://|www\.)",
        r"[⁰¹²³⁴⁵⁶⁷⁸⁹²³]",
        r"(?<![\p{L}\p{M}])[IVXLCDM]{1,15}(?![\p{L}\p{M}])",
    ]
    if mixed:
        listed = "|".join(regex.escape(key) for key in mixed)
        alternatives.append(rf"(?<![\p{{L}}\p{{M}}])(?:{listed})(?![\p{{L}}\p{{M}}])")
    if style.lowercase_roman:
        heads = sorted(lex.context_words()["roman_head_any"], key=len, reverse=True)
        listed = "|".join(regex.escape(head) for head in heads)
        alternatives.append(rf"(?i:(?<=(?:{listed})[ ]))[ivxlcdm]{{1,15}}(?![\p{{L}}])")
    return regex.compile("|".join(alternatives))


def _starts_with_capitals(key: str) -> bool:
    return len(key) >= 2 and key[0].isupper() and (key[1].isupper() or key[1] in ".&0123456789")


_OPENING = frozenset("\"'“‘«([{<")
_SPACE = regex.compile(r"\s")


def _candidates(text: str, style: SpokenStyle, starts: list[int]) -> Iterator[int]:
    """The places to try, in text order, each once: the ``starts`` of found expressions, each
    trigger, and before a trigger the start of its whitespace-delimited chunk (opening
    brackets and quotes skipped), so that "COVID-19" is tried at "C", not at "1"."""
    triggers = _trigger(style).finditer(text)
    pending = sorted(set(starts), reverse=True)
    chunk_end = -1
    seen = -1
    for trigger in triggers:
        position = trigger.start()
        places = []
        if position >= chunk_end:
            chunk_start = _chunk_start(text, position, max(chunk_end, 0))
            space = _SPACE.search(text, position)
            chunk_end = space.start() if space else len(text)
            while chunk_start < position and text[chunk_start] in _OPENING:
                chunk_start += 1
            places.append(chunk_start)
        places.append(position)
        for place in places:
            while pending and pending[-1] <= place:
                start = pending.pop()
                if start > seen:
                    seen = start
                    yield start
            if place > seen:
                seen = place
                yield place
    while pending:
        start = pending.pop()
        if start > seen:
            seen = start
            yield start


def _chunk_start(text: str, position: int, floor: int) -> int:
    start = position
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return start


def scan(
    text: str,
    style: SpokenStyle,
    dates: list[DateMatch],
    numbers: list[NumberMatch],
    skipped: list[Reading],
) -> list[Reading]:
    """Every reading of ``text`` (normalised), in order and without overlaps."""
    date_at = {match.span[0]: match for match in dates}
    number_at = {match.span[0]: match for match in numbers}
    skip_at = {reading.start: reading for reading in skipped}
    ctx = Context(text, style, number_at)
    readings: list[Reading] = []
    starts = [*date_at, *number_at, *skip_at]
    for position in _candidates(text, style, starts):
        if position < ctx.floor:
            continue
        found = _read_at(ctx, position, date_at, skip_at)
        if not found:
            continue
        readings += found
        ctx.floor = found[-1].end
        ctx.last = found[-1]
    return readings


def _read_at(
    ctx: Context,
    position: int,
    date_at: dict[int, DateMatch],
    skip_at: dict[int, Reading],
) -> list[Reading]:
    skipped = skip_at.get(position)
    if skipped is not None:
        return [skipped]
    for rule in STRONG:
        reading = rule.read(ctx, position)
        if reading is not None:
            return [reading]
    date = date_at.get(position)
    if date is not None:
        found = _date_readings(ctx, date)
        if found:
            return found
    number = ctx.numbers.get(position)
    if number is not None:
        reading = _number_reading(ctx, number)
        if reading is not None:
            return [reading]
    for rule in WEAK:
        reading = rule.read(ctx, position)
        if reading is not None and reading.start >= ctx.floor:
            return [reading]
    return []


def _date_readings(ctx: Context, date: DateMatch) -> list[Reading]:
    start, end = date.span
    found = read_date(ctx, start, end)
    if found and found[-1].end == end:
        found[-1] = extend_interval(ctx, found[-1])
    if found and found[-1].rule == "date.month" and found[-1].end == end:
        year = read_year_after_month(ctx, end)
        if year is not None:
            last = found[-1]
            found[-1] = Reading(
                last.start, year.end, f"{last.spoken} {year.spoken}", "date", "date.month_year"
            )
    return found


def _number_reading(ctx: Context, number: NumberMatch) -> Reading | None:
    start, end = number.span
    text = ctx.text
    if number.kind == "ordinal":
        return _letters.read_ordinal(ctx, start)
    if number.kind == "roman":
        return _letters.read_roman(ctx, start) or _roman_as_found(ctx, number)
    position = start
    while position < end and not (text[position].isdigit() or text[position] in "-−+$€£¥₫"):
        position += 1
    return read_figure(ctx, position, number) if position < end else None


def _roman_as_found(ctx: Context, number: NumberMatch) -> Reading:
    """A Roman numeral vnnews.extract_numbers reports after a head word this table lacks."""
    from vnnews.spoken._numerals import cardinal

    spoken = cardinal(str(int(number.value)), ctx.style)
    return Reading(number.span[0], number.span[1], spoken, "roman", "roman.extract_numbers")
