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

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from vnnews.spoken import _codes, _letters
from vnnews.spoken import _lexicon as lex
from vnnews.spoken._context import Context, Reading
from vnnews.spoken._dates import (
    extend_interval,
    read_dashed_day,
    read_date,
    read_year,
    read_year_after_month,
)
from vnnews.spoken._figures import read_figure, read_height, read_unit_alone
from vnnews.spoken._numerals import cardinal
from vnnews.spoken._skipped import read_url
from vnnews.spoken._style import SpokenStyle

if TYPE_CHECKING:
    from vnnews.dates import DateMatch
    from vnnews.numbers import NumberMatch

__all__ = ["RULES", "Rule", "scan"]

Reader = Callable[[Context, int], "Reading | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A reader tried at a candidate place: its name, the function, and the kinds of first
    character it can start at ("digit", "letter", "other"), so that a place is only offered
    to the rules that can read it."""

    name: str
    read: Reader
    starts: frozenset[str]
    after_digits: str | None = None  # at a digit: the characters one must follow the digits


def _figure_without_hint(ctx: Context, position: int) -> Reading | None:
    if ctx.text[position].isalpha() and not ctx.text.startswith(_LETTER_CURRENCIES, position):
        return None  # at a letter only a currency written before the figure: "US$20"
    return read_figure(ctx, position, None)


_LETTER_CURRENCIES = ("US$", "VN$", "S$", "HK$", "A$", "C$")


def _ordinal_here(ctx: Context, position: int) -> Reading | None:
    """ "thứ 5" where the scan stands at the number: the reading starts at "thứ"."""
    start = position - 4
    if start < ctx.floor or ctx.text[start:position].lower() != "thứ ":
        return None
    return _letters.read_ordinal(ctx, start)


_DIGIT = frozenset({"digit"})
_LETTER = frozenset({"letter"})
_OTHER = frozenset({"other"})
_ANY = frozenset({"digit", "letter", "other"})

#: The rules tried before the date and figure readers, at every place.
STRONG = (
    Rule("url", read_url, _LETTER),
    Rule("phone", _codes.read_phone, _DIGIT | _OTHER),
    Rule("english_grouping", _codes.read_english_grouping, _DIGIT, ","),
    Rule("power", _codes.read_power, _DIGIT, "^⁰¹²³⁴⁵⁶⁷⁸⁹⁻"),
    Rule("version", _codes.read_version, _DIGIT, "."),
    Rule("document", _codes.read_document_number, _DIGIT, "/-."),
    Rule("dashed_day", read_dashed_day, _DIGIT, "-"),
    Rule("height", read_height, _DIGIT, "m"),
    Rule("dimensions", _codes.read_dimensions, _DIGIT, "x×,"),
)

#: Tried after the date reader (which reads "8h30" itself when vnnews.extract_dates found
#: it) and before the figure reader (which would read "8g" as grams).
_CLOCK_AFTER = "gGhHps -–"
CLOCK = Rule("glued_time", _codes.read_glued_time, _DIGIT, _CLOCK_AFTER)

#: The rules tried after them, for what vnnews' extractors do not report.
WEAK = (
    Rule("ordinal", _ordinal_here, _DIGIT | _LETTER),
    Rule("year", read_year, _DIGIT),
    Rule("roman", _letters.read_roman, _LETTER),
    Rule("score", _codes.read_score, _DIGIT, " -–"),
    Rule("ratio", _codes.read_ratio, _DIGIT, ":"),
    Rule("figure", _figure_without_hint, _ANY),
    Rule("abbreviation", _letters.read_abbreviation, _LETTER),
    Rule("unit", read_unit_alone, _LETTER | _OTHER),
    Rule("code", _codes.read_code, _DIGIT | _LETTER),
    Rule("letters", _letters.read_letters, _LETTER),
    Rule("symbol", _letters.read_symbol, _OTHER),
    Rule("digits", _codes.read_digits, _DIGIT),
)

RULES = (*STRONG, CLOCK, *WEAK)


def _by_start(rules: tuple[Rule, ...]) -> dict[str, tuple[Rule, ...]]:
    return {kind: tuple(rule for rule in rules if kind in rule.starts) for kind in _ANY}


_STRONG_BY_START = _by_start(STRONG)
_WEAK_BY_START = _by_start(WEAK)


def _start_kind(char: str) -> str:
    if "0" <= char <= "9":
        return "digit"
    return "letter" if char.isalpha() else "other"


_SYMBOL_CHARS = "%$€£¥₫₩₹₽&~≈<>=≥≤±×÷#№@^‰⁰¹²³⁴⁵⁶⁷⁸⁹½¼¾⅓⅔"
_UPPER = "A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
# Inside a chunk: every run of digits (the last-resort reader reads any digit left), and a
# symbol or a capital after another character ("4.028km/hU23").
_INNER = re.compile(
    rf"(?<![0-9])[0-9]|(?<=[^0-9{_UPPER}])(?:[{re.escape(_SYMBOL_CHARS)}]|[{_UPPER}](?=[{_UPPER}.0-9]))"
)
_LOWER_OPENINGS = ("http", "www.", "cty", "v.v", "đ/c")


@lru_cache(maxsize=4)
def _chunk_pattern(style: SpokenStyle) -> re.Pattern[str]:
    """An interesting chunk, from its first digit, symbol or capital to the next space: a
    digit or a symbol; a capital before a capital, ".", "&" or a non-letter ("UBND", "TP.",
    "V"); a capitalised word with a digit ("Covid-19", "U23"); a mixed-case abbreviation
    ("Tp", "ThS"). One character class opens every alternative, so the search skips plain
    lower-case text at the speed of a character scan (an alternation of patterns each with
    its own opening is several times slower)."""
    symbols = re.escape(_SYMBOL_CHARS)
    mixed: dict[str, list[str]] = {}
    for key in [*lex.abbreviations(), *style.abbreviations]:
        if key[:1].isupper() and not _opens_with_capitals(key) and len(key) > 1:
            mixed.setdefault(key[0], []).append(key[1:])
    keyed = "".join(
        f"|(?<={re.escape(first)})(?:"
        + "|".join(re.escape(rest) for rest in sorted(set(rests), key=len, reverse=True))
        + ")"
        for first, rests in sorted(mixed.items())
    )
    return re.compile(
        rf"[0-9{symbols}{_UPPER}](?:(?<=[0-9{symbols}])|[{_UPPER}.&]|[^\s]*?[0-9]"
        rf"|(?![^\W\d_]){keyed})[^\s]*"
    )


def _opens_with_capitals(key: str) -> bool:
    return len(key) >= 2 and key[0].isupper() and (key[1].isupper() or key[1] in ".&0123456789")


def _lowercase_openings(text: str, style: SpokenStyle) -> list[int]:
    """Where a URL, a lower-case abbreviation ("cty", "v.v.") or the end mark "./." starts;
    found with ``str.find`` (these are rare)."""
    found = []
    openings = [*_LOWER_OPENINGS, *(key for key in style.abbreviations if key[:1].islower())]
    for opening in openings:
        position = text.find(opening)
        while position >= 0:
            if position == 0 or not text[position - 1].isalnum():
                found.append(position)
            position = text.find(opening, position + 1)
    position = text.find("./.")
    while position >= 0:
        found.append(position)
        position = text.find("./.", position + 3)
    if style.lowercase_roman:
        found += [match.start() for match in _lowercase_roman().finditer(text)]
    return found


@lru_cache(maxsize=1)
def _lowercase_roman() -> regex.Pattern[str]:
    heads = sorted(lex.context_words()["roman_head_any"], key=len, reverse=True)
    listed = "|".join(regex.escape(head) for head in heads)
    return regex.compile(rf"(?i:(?<=(?:{listed})[ ]))[ivxlcdm]{{1,15}}(?![\p{{L}}])")


_OPENING = frozenset("\"'“‘«([{<")


def _candidates(text: str, style: SpokenStyle, starts: list[int]) -> Iterator[int]:
    """The places to try, in text order, each once: the ``starts`` of found expressions, the
    start of each interesting chunk (opening brackets and quotes skipped), so that
    "COVID-19" is tried at "C", and the digits, symbols and capitals inside it."""
    places = list(starts)
    places += _lowercase_openings(text, style)
    previous_end = 0
    for match in _chunk_pattern(style).finditer(text):
        chunk = match.group()
        position = match.start()
        chunk_start = position
        while chunk_start > previous_end and not text[chunk_start - 1].isspace():
            chunk_start -= 1
        places.append(chunk_start)
        while chunk_start < position and text[chunk_start] in _OPENING:
            chunk_start += 1
        places.append(chunk_start)
        places.append(position)
        places += [position + inner.start() for inner in _INNER.finditer(chunk)]
        previous_end = match.end()
    places.sort()
    last = -1
    for place in places:
        if place != last:
            last = place
            yield place


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
    kind = _start_kind(ctx.text[position])
    after = _codes.after_digits(ctx.text, position) if kind == "digit" else ""
    for rule in _STRONG_BY_START[kind]:
        if rule.after_digits is not None and (not after or after not in rule.after_digits):
            continue
        reading = rule.read(ctx, position)
        if reading is not None:
            return [reading]
    date = date_at.get(position)
    if date is not None:
        found = _date_readings(ctx, date)
        if found:
            return found
    if kind == "digit" and after and after in _CLOCK_AFTER:
        reading = CLOCK.read(ctx, position)
        if reading is not None:
            return [extend_interval(ctx, reading)]
    number = ctx.numbers.get(position)
    if number is not None:
        reading = _number_reading(ctx, number)
        if reading is not None:
            return [reading]
    for rule in _WEAK_BY_START[kind]:
        if rule.after_digits is not None and (not after or after not in rule.after_digits):
            continue
        reading = rule.read(ctx, position)
        if reading is not None and reading.start >= ctx.floor:
            return [reading]
    return []


def _date_readings(ctx: Context, date: DateMatch) -> list[Reading]:
    start, end = date.span
    found = read_date(ctx, start, end)
    if found and found[0].start > start:
        # A lead word inside the date's span that is an abbreviation: "SN 1980" (sinh năm).
        lead = _letters.read_abbreviation(ctx, start)
        if lead is not None and lead.end <= found[0].start:
            found.insert(0, lead)
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
    # The figure starts at its first digit, sign or currency ("từ 5 đến 7", "US$20").
    position = start
    while position < end and not _opens_figure(text, position):
        position += 1
    return read_figure(ctx, position, number) if position < end else None


def _opens_figure(text: str, position: int) -> bool:
    char = text[position]
    return char.isdigit() or char in "-−+$€£¥₫" or text.startswith(_LETTER_CURRENCIES, position)


def _roman_as_found(ctx: Context, number: NumberMatch) -> Reading:
    """A Roman numeral vnnews.extract_numbers reports after a head word this table lacks."""
    spoken = cardinal(str(int(number.value)), ctx.style)
    return Reading(number.span[0], number.span[1], spoken, "roman", "roman.extract_numbers")
