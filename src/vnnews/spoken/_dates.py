"""Dates, times and intervals read aloud, inside the expressions :func:`vnnews.extract_dates` finds.

Each expression is read atom by atom: "20/1" (hai mươi tháng một), "20/1/2022", "3/2022" after
"tháng", "quý I/2022", "8h30", "17h", "8:05:30", a year, a month after "tháng", a weekday after
"thứ"; the words around them ("Sáng", "ngày", "từ … đến") are copied. Two atoms joined by a
dash make an interval ("2021 – 2026", "20-22/1", "8h-10h"). A bare "a/b" with no date word
is ambiguous: a date or a fraction (``SpokenStyle.bare_slash`` chooses).

>>> from vnnews.spoken._context import Context
>>> from vnnews.spoken._style import SpokenStyle
>>> ctx = Context("Sáng 20/1/2022, lúc 8h05", SpokenStyle(), {})
>>> [r.spoken for r in read_date(ctx, 0, 24)]
['hai mươi tháng một năm hai nghìn không trăm hai mươi hai', 'tám giờ không năm']
"""

from __future__ import annotations

import regex

from vnnews.spoken import _lexicon as lex
from vnnews.spoken._context import Context, Reading, next_words, phrase_before, previous_words
from vnnews.spoken._fractions import fraction_reading
from vnnews.spoken._numerals import DIGITS, cardinal, month_word, ordinal, roman_value
from vnnews.spoken._result import SpokenKind
from vnnews.spoken._style import SpokenStyle

__all__ = [
    "clock_words",
    "day_month_words",
    "extend_interval",
    "read_date",
    "read_year",
    "read_year_after_month",
]

_ATOM = regex.compile(
    r"(?P<clock>(?P<ch>[0-9]{1,2})[ ]?(?P<csep>[hHgG:])[ ]?(?P<cm>[0-9]{2})"
    r"(?:(?::|[ ]?p[ ]?)(?P<cs>[0-9]{2})[ ]?s?)?(?P<prime>['’′])?(?![0-9]))"
    r"|(?P<hour>(?P<hh>[0-9]{1,2})[ ]?[hHgG](?![\p{L}0-9]))"
    r"|(?P<dmy>(?P<d3>[0-9]{1,2})(?P<s1>[/.\-])(?P<m3>[0-9]{1,2})(?P=s1)(?P<y3>[0-9]{4}|[0-9]{2})"
    r"(?![0-9]))"
    r"|(?P<two>(?P<a>[0-9]{1,2})[/.\-](?P<b>[0-9]{4}|[0-9]{1,2})(?![0-9])(?![/.\-][0-9]))"
    r"|(?P<ry>(?P<r>[IVX]{1,4})/(?P<ryear>[0-9]{4})(?![0-9]))"
    r"|(?P<num>(?<![0-9])[0-9]{1,4}(?![0-9]))"
    r"|(?P<roman>(?<![\p{L}])[IVX]{1,4}(?![\p{L}]))"
)
_ATOM_OPENING = regex.compile(r"[0-9]+|[IVX]")
_GAP_DASH = regex.compile(r"[ ]?[-–—][ ]?")
_GAP_WORD = regex.compile(r"[ ](?P<word>đến|tới)[ ]", regex.IGNORECASE)
_YEAR_AFTER = regex.compile(r"[ ](?P<year>[12][0-9]{3})(?![0-9]|[/.,\-][0-9])")
_DAY_WORDS = frozenset({"ngày", "mùng", "mồng", "hôm"})


def read_date(ctx: Context, start: int, end: int) -> list[Reading]:
    """The readings of the date and time atoms of the expression ``ctx.text[start:end]``."""
    text = ctx.text
    atoms = _atoms(text, start, end)
    readings: list[Reading] = []
    index = 0
    bare = len(atoms) == 1 and atoms[0].span() == (start, end)
    while index < len(atoms):
        atom = atoms[index]
        reading = _atom(ctx, atom, bare=bare)
        if reading is None:
            index += 1
            continue
        following = atoms[index + 1] if index + 1 < len(atoms) else None
        connector = _connector(ctx, atom.end(), following.start()) if following else None
        if following is not None and connector is not None:
            second = _atom(ctx, following, bare=False)
            if second is not None:
                spoken = f"{reading.spoken} {connector} {second.spoken}"
                reading = Reading(atom.start(), second.end, spoken, "interval", "date.interval")
                index += 1
        readings.append(reading)
        index += 1
    return readings


def _connector(ctx: Context, start: int, end: int) -> str | None:
    """The word between two atoms of an interval: a dash ("2021 – 2026") is read with the
    style's range word, "đến" or "tới" as written; anything else is no interval."""
    if _GAP_DASH.fullmatch(ctx.text, start, end):
        return ctx.style.range_word
    word = _GAP_WORD.fullmatch(ctx.text, start, end)
    return word["word"] if word is not None else None


def extend_interval(ctx: Context, reading: Reading) -> Reading:
    """A time or date followed by a dash and another one that the date reader left out
    ("10:00-11:00"): the two make an interval."""
    text = ctx.text
    dash = _GAP_DASH.match(text, reading.end)
    if dash is None or reading.kind == "interval":
        return reading
    atom = _ATOM.match(text, dash.end())
    if atom is None or not (atom["clock"] or atom["hour"]) or reading.kind != "time":
        return reading
    second = _atom(ctx, atom, bare=False)
    if second is None:
        return reading
    spoken = f"{reading.spoken} {ctx.style.range_word} {second.spoken}"
    return Reading(reading.start, second.end, spoken, "interval", "date.interval")


def _atoms(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """The atoms of ``text[start:end]``: matched only where a digit or a Roman letter is
    (an alternation tried at every letter of the words around costs more)."""
    found: list[regex.Match[str]] = []
    for opening in _ATOM_OPENING.finditer(text, start, end):
        position = opening.start()
        if found and position < found[-1].end():
            continue
        atom = _ATOM.match(text, position, end)
        if atom is not None:
            found.append(atom)
    return found


_YEAR = regex.compile(r"(?<![0-9])[12][0-9]{3}(?![0-9]|[.,/\-–][0-9])")


def read_year(ctx: Context, position: int) -> Reading | None:
    """A year after "năm" ("năm 2021"): a date, read as a number. vnnews.extract_dates reads
    it the same; the spoken form does not ask it about a line where this is its only date."""
    text = ctx.text
    head = text[max(0, position - 5) : position]
    if head[-4:].lower() != "năm " or (len(head) == 5 and head[0].isalpha()):
        return None
    found = _YEAR.match(text, position)
    if found is None:
        return None
    return Reading(position, found.end(), cardinal(found[0], ctx.style), "date", "date.year")


_DASHED_DAY = regex.compile(
    r"(?<![0-9\-/.])(?P<d>[0-9]{1,2})-(?P<m>[0-9]{1,2})(?![0-9]|[\-/.][0-9])"
)
_DAY_PARTS = frozenset(
    {"sáng", "trưa", "chiều", "tối", "đêm", "khuya", "rạng sáng", "ngày", "hôm", "mùng", "mồng"}
)


def read_dashed_day(ctx: Context, position: int) -> Reading | None:
    """ "Chiều 15-10", "Sáng 2-9": a day and month joined by a dash right after a part of the
    day, which vnnews.extract_dates does not take for a date; not a range or a score."""
    found = _DASHED_DAY.match(ctx.text, position)
    if found is None or not phrase_before(ctx.text, position, _DAY_PARTS, 2):
        return None
    spoken = day_month_words(found["d"], found["m"], ctx.style)
    if spoken is None:
        return None
    return Reading(found.start(), found.end(), spoken, "date", "date.dashed_day")


def read_year_after_month(ctx: Context, position: int) -> Reading | None:
    """ "tháng 1 2024": a year written after a month with only a space, read "năm 2024"."""
    found = _YEAR_AFTER.match(ctx.text, position)
    if found is None:
        return None
    spoken = f"năm {cardinal(found['year'], ctx.style)}"
    return Reading(found.start("year"), found.end(), spoken, "date", "date.year_after_month")


def _atom(ctx: Context, atom: regex.Match[str], *, bare: bool) -> Reading | None:
    style, text = ctx.style, ctx.text
    start, end = atom.span()
    before = previous_words(text, start, 1)
    previous = before[0] if before else ""
    if atom["clock"]:
        spoken = clock_words(atom["ch"], atom["cm"], atom["cs"], style, prime=bool(atom["prime"]))
        return None if spoken is None else Reading(start, end, spoken, "time", "date.clock")
    if atom["hour"]:
        hour = int(atom["hh"])
        if hour > 24:
            return None
        return Reading(start, end, f"{cardinal(atom['hh'], style)} giờ", "time", "date.hour")
    if atom["dmy"]:
        spoken = _day_month(atom["d3"], atom["m3"], previous, style)
        if spoken is None:
            return None
        spoken = f"{spoken} năm {cardinal(atom['y3'], style)}"
        if style.date_day_word and previous not in _DAY_WORDS:
            spoken = f"ngày {spoken}"
        return Reading(start, end, spoken, "date", "date.day_month_year")
    if atom["two"]:
        return _two_parts(ctx, atom, previous, bare=bare)
    if atom["ry"]:
        value = roman_value(atom["r"])
        if value is None:
            return None
        spoken = f"{cardinal(str(value), style)} năm {cardinal(atom['ryear'], style)}"
        return Reading(start, end, spoken, "date", "date.quarter_year")
    if atom["roman"]:
        value = roman_value(atom["roman"])
        if value is None:
            return None
        return Reading(start, end, cardinal(str(value), style), "date", "date.roman")
    return _number(ctx, atom, previous)


def _two_parts(
    ctx: Context, atom: regex.Match[str], previous: str, *, bare: bool
) -> Reading | None:
    style = ctx.style
    start, end = atom.span()
    first, second = atom["a"], atom["b"]
    if previous == "tháng" or len(second) == 4:
        month = int(first)
        if not 1 <= month <= 12:
            return None
        spoken = f"{month_word(month, style)} năm {cardinal(second, style)}"
        return Reading(start, end, spoken, "date", "date.month_year")
    day_month = _day_month(first, second, previous, style)
    if day_month is None:
        return None
    spoken = day_month
    if style.date_day_word and previous not in _DAY_WORDS:
        spoken = f"ngày {spoken}"
    if "/" in ctx.text[start:end] and _whole_follows(ctx, end):
        # "từ 2/3 tổng số đại biểu": a share of a whole, whatever the date reader said.
        fraction, _ = fraction_reading(ctx, first, second, end)
        return Reading(start, end, fraction, "fraction", "date.fraction_of_whole", (spoken,))
    if bare and "/" in ctx.text[start:end] and not _led(ctx.text, start):
        fraction, _ = fraction_reading(ctx, first, second, end)
        if style.bare_slash == "fraction":
            return Reading(start, end, fraction, "fraction", "date.bare_slash", (spoken,))
        return Reading(start, end, spoken, "date", "date.bare_slash", (fraction,))
    return Reading(start, end, spoken, "date", "date.day_month")


def _whole_follows(ctx: Context, end: int) -> bool:
    if ctx.text[end : end + 1] != " ":
        return False
    words = next_words(ctx.text, end, 2)
    wholes = lex.context_words()["fraction_whole"]
    return bool(words) and (words[0] in wholes or " ".join(words) in wholes)


def _led(text: str, start: int) -> bool:
    """Whether a word or bracket before a bare "a/b" marks it as a date ("sau 3/11",
    "(20/1)", "nay 1/10")."""
    if text[start - 1 : start] == "(":
        return True
    return phrase_before(text, start, lex.context_words()["date_lead"], 2)


def day_month_words(day_text: str, month_text: str, style: SpokenStyle) -> str | None:
    """ "20/1" as a date: hai mươi tháng một; None when it is no day and month."""
    return _day_month(day_text, month_text, "", style)


def _day_month(day_text: str, month_text: str, previous: str, style: SpokenStyle) -> str | None:
    day, month = int(day_text), int(month_text)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{_day(day_text, previous, style)} tháng {month_word(month, style)}"


def _day(day_text: str, previous: str, style: SpokenStyle) -> str:
    words = cardinal(day_text, style)
    if style.day_prefix and int(day_text) <= 10 and previous not in ("mùng", "mồng"):
        return f"{style.day_prefix} {words}"
    return words


def _number(ctx: Context, atom: regex.Match[str], previous: str) -> Reading | None:
    style = ctx.style
    start, end = atom.span()
    if end < len(ctx.text) and ctx.text[end].isalpha():
        return None  # "5hp": a figure with its unit, not a time
    if ctx.text[end : end + 1] == ":" or ctx.text[start - 1 : start] == ":":
        return None  # "1:2": a ratio or a score, not a time
    written = atom["num"]
    value = int(written)
    if previous == "tháng" and 1 <= value <= 12:
        return Reading(start, end, month_word(value, style), "date", "date.month")
    if previous == "thứ" and 2 <= value <= 8:
        return Reading(start, end, ordinal(written, style), "date", "date.weekday")
    if previous in _DAY_WORDS and 1 <= value <= 31:
        return Reading(start, end, _day(written, previous, style), "date", "date.day")
    kind: SpokenKind = "time" if previous in ("lúc", "giờ", "phút") else "date"
    return Reading(start, end, cardinal(written, style), kind, "date.number")


def clock_words(
    hour_text: str,
    minute_text: str | None,
    second_text: str | None,
    style: SpokenStyle,
    *,
    prime: bool = False,
) -> str | None:
    """ "8h30": tám giờ ba mươi; "12h05": mười hai giờ không năm (or "năm phút"); zero fields
    are not read ("8:00": tám giờ). None for an impossible time."""
    hour = int(hour_text)
    minute = int(minute_text) if minute_text else 0
    second = int(second_text) if second_text else 0
    if hour > 24 or minute > 59 or second > 59:
        return None
    parts = [cardinal(hour_text, style), "giờ"]
    with_unit = style.minute_word or prime or second > 0
    if minute:
        if with_unit:
            parts += [cardinal(str(minute), style), "phút"]
        elif minute < 10:
            parts += [DIGITS[0], DIGITS[minute]]
        else:
            parts.append(cardinal(str(minute), style))
    if second:
        parts += [cardinal(str(second), style), "giây"]
    return " ".join(parts)
