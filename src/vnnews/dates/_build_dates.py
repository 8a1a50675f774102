"""Readers of calendar expressions: days, months, quarters, years, ranges, holidays, seasons.

Each ``read_*`` function turns a match of its rule into a :class:`Piece`, or rejects it (None):
an impossible date, a fraction, a count.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import regex

from vnnews.dates import _lexicon as lex
from vnnews.dates._calendar import (
    calendar_unit,
    lunar_day,
    lunar_year_named,
    nearest,
    relative_unit,
    solar_day,
    unit_value,
)
from vnnews.dates._match import (
    FOUR_DIGITS,
    Match,
    direction_of,
    group,
    has_group,
    lunar_year_of,
    make_piece,
    month_number,
    month_value,
    number,
    two_digit_year,
    word_before,
    word_right_before,
    year_in,
    year_of,
    years_around,
)
from vnnews.dates._pieces import Context, Piece
from vnnews.dates._values import TimeValue, truncate

__all__ = [
    "read_day_range",
    "read_first_of_month",
    "read_full_moon",
    "read_half_year",
    "read_holiday",
    "read_iso_date",
    "read_month",
    "read_month_range",
    "read_months_of_year",
    "read_named_year",
    "read_numeric_date",
    "read_part_of_unit",
    "read_quarter",
    "read_season",
    "read_tet_day",
    "read_word_date",
    "read_year",
    "read_year_range",
]


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_WORD_FOLLOWS = regex.compile(r"\s[\p{Ll}\d]")
_WORD_AFTER = regex.compile(r" (?P<word>[\p{L}\p{M}]{1,30})")  # as vnnews.numbers reads it

_DAY_CUES = frozenset({"sáng", "trưa", "chiều", "tối", "đêm", "khuya", "từ", "đến", "tới"})
_SEPARATING = "(,;:–—-\n"  # punctuation after which a bare "20/1" starts a dateline


def read_numeric_date(match: Match, ctx: Context) -> Piece | None:
    head, sep, written_year, written_day, written_month, written_lunar = match.group(
        "head", "sep", "y", "d", "mo", "lunar"
    )  # both rules with this reader have these groups
    undecided = False  # weak: kept when it joins a weekday, a relative day or an interval
    if sep != "/" and not head and not written_year:
        # "2-1" is a score, "1.5" a decimal; but "Sáng 2.9", "tối 20-1" are dates; so is
        # "(20-1)" after a weekday or a relative day, and "đến hết 30-9," after a date cue
        # with nothing counted after it ("từ 3-5 năm" is a range).
        before = word_right_before(ctx, match.start())
        if before not in lex.part_of_day_words():
            if ctx.text[match.start() - 1 : match.start()] == "(":
                undecided = True
            elif sep == "-" and before in lex.context_words("dash_date_cue"):
                undecided = not _phrase_ends(ctx.text, match.end())
            elif sep == "-" and before in lex.context_words("relative_last"):
                undecided = True  # "hôm nay 15-9": kept when it joins the relative day
            else:
                return None
    day, month = int(written_day or 0), int(written_month or 0)
    year = two_digit_year(written_year, ctx.ref) if written_year else None
    if not 1 <= month <= 12:
        return None
    towards = direction_of(match) or (ctx.towards if year is None else 0)
    lunar = written_lunar is not None
    if lunar:
        value = lunar_day(day, month, year, ctx.ref, towards=towards)
    else:
        value = solar_day(day, month, year, ctx.ref, towards)
    if value is None:
        return None
    weak = undecided or (not (head or written_year or lunar) and _looks_like_fraction(match, ctx))
    return make_piece(match, "day", value, weak=weak, explicit_year=bool(written_year))


def _phrase_ends(text: str, end: int) -> bool:
    """Whether nothing counted follows: punctuation, the end, or a function word ("và",
    "để", "vừa"), not a unit of time ("3-5 năm") nor a noun."""
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return text[end : end + 1] != " "
    word = after["word"].lower()
    return word in lex.function_words()


def _looks_like_fraction(match: Match, ctx: Context) -> bool:
    """Whether a bare "3/4" (no "ngày", no year) reads as a fraction rather than a date.

    It is a date after a date cue ("từ 20/1", "và 1/5"), or standing alone between punctuation
    ("Hà Nội, 20/1 -"); otherwise ("có 3/4 số hộ", "giảm 1/2.") a fraction. After a cue of
    both ("khoảng"), a counted noun decides: "khoảng 2/3 số hộ" is a fraction, as
    ``vnnews.numbers`` reads it, and "khoảng 20/1 sẽ họp" a date.
    """
    start = match.start()
    before = word_before(ctx, start)
    if before in lex.context_words("date_cue"):
        # "có từ 2/3 tổng số", "chiếm đến 3/4 số hộ": a fraction cue before the date cue, or
        # the whole it is a part of after it, makes a fraction.
        if before in lex.fraction_date_cues() or _fraction_cue_before(ctx, start):
            return _counted_noun_after(ctx.text, match.end())
        return _whole_after(ctx.text, match.end())
    if _event_after(ctx.text, match.end()):
        return False  # "5/10 công bố điểm", "16/9 khai giảng": something happens that day
    if _NAMED_DAY.search(ctx.text, max(0, start - 40), start) is not None:
        # "ngày bầu cử 3/11", "lễ tốt nghiệp 5/6": the day a name was just given.
        return _counted_noun_after(ctx.text, match.end())
    return _fraction_by_layout(match, ctx)


# A day named by "ngày", "lễ" or "dịp" and up to three words, right before a date.
_NAMED_DAY = regex.compile(
    r"(?<![\p{L}\p{M}])(?i:ngày|lễ|dịp)(?: [\p{L}\p{M}]{1,12}){1,3} \Z", regex.IGNORECASE
)
_FRACTION_CUE_BEFORE = regex.compile(r"([\p{L}\p{M}]+) [\p{L}\p{M}]+ \Z")


def _fraction_cue_before(ctx: Context, start: int) -> bool:
    """Whether the word before the word before ``start`` announces a fraction ("có từ")."""
    found = _FRACTION_CUE_BEFORE.search(ctx.text, max(0, start - 30), start)
    return found is not None and found[1].lower() in lex.fraction_cues()


def _event_after(text: str, end: int) -> bool:
    """Whether a verb of an event follows ("công bố", "khai giảng", "mở lại"): a fraction is
    followed by the noun it counts, a date by what happens on it."""
    if text[end : end + 1] != " ":
        return False
    following = text[end + 1 : end + 24].lower()
    return any(
        following.startswith(verb) and not _LETTER_AT.match(following, len(verb))
        for verb in lex.context_words("event_verb")
    )


_LETTER_AT = regex.compile(r"[\p{L}\p{M}]")


def _whole_after(text: str, end: int) -> bool:
    """Whether a whole that a fraction is a part of follows ("2/3 tổng số", "1/2 dân số")."""
    return any(text.startswith(" " + whole, end) for whole in lex.context_words("whole_noun"))


def _counted_noun_after(text: str, end: int) -> bool:
    """A lower-case word that can be counted follows ("2/3 số hộ", not "20/1 sẽ", "20/1 năm")."""
    after = _WORD_AFTER.match(text, end)
    if after is None or not after["word"][:1].islower():
        return False
    return after["word"] not in lex.not_counted_nouns()


def _fraction_by_layout(match: Match, ctx: Context) -> bool:
    before = ctx.text[max(0, match.start() - 2) : match.start()].rstrip()
    counted = _WORD_FOLLOWS.match(ctx.text, match.end(), match.end() + 2) is not None and (
        _counted_noun_after(ctx.text, match.end()) or ctx.text[match.end() + 1].isdigit()
    )
    return not (before == "" or before[-1] in _SEPARATING) or counted


def read_word_date(match: Match, ctx: Context) -> Piece | None:
    found = match.groupdict()
    written_day = found["d"] or ""
    spelled = not written_day.isdigit()
    # "đêm 30 tháng Chạp", "từ 2 tháng 9": a part of the day or "từ" works like "ngày".
    headed = bool(found["head"] or found["mong"] or found["mong2"]) or (
        not spelled and word_before(ctx, match.start()) in _DAY_CUES
    )
    year = year_in(found, ctx, "m")
    if not headed and (year is None or spelled):
        return None  # "3 tháng 3" alone is a duration more often than a date
    day = number(written_day)
    month, lunar = month_number(found["mon"] or "")
    if day is None or month is None:
        return None
    towards = -1 if found["past"] else ctx.towards if year is None else 0
    leap = found["nhuan"] is not None
    if lunar or found["lunar"] or leap:
        value = lunar_day(day, month, year, ctx.ref, leap=leap, towards=towards)
    else:
        value = solar_day(day, month, year, ctx.ref, towards)
    return (
        None if value is None else make_piece(match, "day", value, explicit_year=year is not None)
    )


def read_iso_date(match: Match, ctx: Context) -> Piece | None:
    """ "2022-01-20", as in datelines copied from a CMS."""
    value = solar_day(int(match.group("d")), int(match.group("mo")), int(match.group("y")), ctx.ref)
    return None if value is None else make_piece(match, "day", value)


def read_day_range(match: Match, ctx: Context) -> Piece | None:
    """ "10-15/1", "từ 10 đến 15/1/2022": [10 Jan, 16 Jan)."""
    last = read_numeric_date(match, ctx)
    first_day, last_day = int(match.group("d1")), int(match.group("d"))
    if last is None or last.value is None or not first_day < last_day:
        return None
    # Count back in days, which is right for lunar months too ("10-15/1 âm lịch").
    first = last.value.start - timedelta(days=last_day - first_day)
    lunar = last.value.lunar
    if lunar is not None:
        lunar = dataclasses.replace(lunar, day=first_day)
    value = TimeValue(first, last.value.last, "day", lunar)
    return make_piece(match, "value", value, explicit_year=last.explicit_year)


def read_month_range(match: Match, ctx: Context) -> Piece | None:
    """ "tháng 1-3/2022", "từ tháng 1 đến tháng 3": [Jan, Apr) at month grain."""
    found = match.groupdict()
    last = month_value(found, ctx)
    first_month = int(match.group("m1"))
    if last is None or last.lunar is not None or not 1 <= first_month < last.start.month:
        return None
    value = TimeValue(last.start.replace(month=first_month), last.last, "month")
    return make_piece(match, "value", value, explicit_year=year_in(found, ctx, "m") is not None)


def read_full_moon(match: Match, ctx: Context) -> Piece | None:
    month, _ = month_number(match.group("mon"))
    if month is None:
        return None
    year = lunar_year_of(match, ctx)
    towards = ctx.towards if year is None else 0
    value = lunar_day(15, month, year, ctx.ref, leap=has_group(match, "nhuan"), towards=towards)
    return None if value is None else make_piece(match, "day", value)


def read_tet_day(match: Match, ctx: Context) -> Piece | None:
    day = number(match.group("d"))
    if day is None:
        return None
    year = lunar_year_of(match, ctx)
    towards = ctx.towards if year is None else 0
    if match.group("mong"):
        value = lunar_day(day, 1, year, ctx.ref, towards=towards)
    elif 20 <= day <= 30:  # "29 Tết" is the 29th of the last month, before that Tết
        tet = lunar_day(1, 1, year, ctx.ref, towards=towards)
        value = (
            None
            if tet is None or tet.lunar is None
            else (lunar_day(day, 12, tet.lunar.year - 1, ctx.ref))
        )
    else:
        return None
    return None if value is None else make_piece(match, "day", value)


def read_holiday(match: Match, ctx: Context) -> Piece | None:
    holiday = lex.holidays()[" ".join(match.group("name").lower().split())]
    if holiday.lunar:
        year = lunar_year_of(match, ctx)
        towards = direction_of(match) or (ctx.towards if year is None else 0)
        value = lunar_day(holiday.day, holiday.month, year, ctx.ref, towards=towards)
    else:
        digits = FOUR_DIGITS.search(group(match, "ly") or "")
        year = int(digits[0]) if digits else None
        towards = direction_of(match) or (ctx.towards if year is None else 0)
        value = solar_day(holiday.day, holiday.month, year, ctx.ref, towards)
    return None if value is None else make_piece(match, "day", value, holiday=True)


def read_month(match: Match, ctx: Context) -> Piece | None:
    found = match.groupdict()
    if found["mon"] is None and found["mrel"] is None:
        return None  # a bare "tháng" is a unit ("hai tháng", "20 triệu đồng/tháng")
    value = month_value(found, ctx)
    if value is None:
        return None
    year = year_in(found, ctx, "m")
    direction = found["dir"]
    if direction and year is None:
        value = _month_towards(value, lex.relative_offsets()[direction.lower()], ctx.ref)
    return make_piece(match, "value", value, explicit_year=year is not None)


def _month_towards(value: TimeValue, offset: int, ref: datetime) -> TimeValue:
    """ "tháng 3 tới" (the next March after ref's month) or "tháng 3 vừa qua" (the last one)."""
    this_month = truncate(ref, "month")
    start = value.start.replace(year=ref.year)
    if offset > 0 and start <= this_month:
        start = start.replace(year=ref.year + 1)
    elif offset < 0 and start >= this_month:
        start = start.replace(year=ref.year - 1)
    return TimeValue(start, None, "month")


def read_year(match: Match, ctx: Context) -> Piece | None:
    if match.group("cc"):
        year = lunar_year_named(match.group("cc"), ctx.ref)
        if year is None:
            return None
        tet, following = lunar_day(1, 1, year, ctx.ref), lunar_day(1, 1, year + 1, ctx.ref)
        if tet is None or following is None:
            return None
        return make_piece(match, "value", TimeValue(tet.start, following.start, "year", tet.lunar))
    return make_piece(match, "value", calendar_unit(int(group(match, "y", "y2") or 0), 1, "year"))


# A capitalised word (a name: "Cup", "V-League", "VMAs", "Nam") and one space, before a year.
_NAME_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])(\p{Lu}[\p{L}\p{M}\p{N}&'\-]{0,20}) \Z")


def read_named_year(match: Match, ctx: Context) -> Piece | None:
    """A bare year in an event or title name ("World Cup 2026", "Hoa hậu Việt Nam 2020") or in
    brackets after a title ("Hai Phượng (2019)"). Not after an identifier head ("Phòng 2021",
    "Số 1985"), nor before a scale word, a unit or a currency ("Vingroup 2000 tỷ")."""
    start, end = match.span()
    text = ctx.text
    if not (text[start - 1 : start] == "(" and text[end : end + 1] == ")"):
        name = _NAME_BEFORE.search(text, max(0, start - 24), start)
        if name is None or name[1].lower() in lex.identifier_heads():
            return None
        after = _WORD_AFTER.match(text, end)
        if after is not None and after["word"].lower() in lex.amount_words():
            return None
    return make_piece(match, "value", calendar_unit(int(match.group("y")), 1, "year"))


def read_year_range(match: Match, ctx: Context) -> Piece | None:
    """ "nhiệm kỳ 2021 – 2026" = [2021, 2027); "giai đoạn 2016 đến nay" = [2016, the
    reference time), at day grain (not after a bare "năm": "năm 2020 đến nay" needs "từ")."""
    first = int(match.group("y1"))
    if match.group("now"):
        start, now = datetime(first, 1, 1), truncate(ctx.ref, "second")
        if match.group("head").lower() == "năm" or start >= now:
            return None
        return make_piece(match, "value", TimeValue(start, now, "day"))
    last = int(match.group("y2"))
    if not first < last <= first + 100:
        return None
    value = TimeValue(datetime(first, 1, 1), datetime(last + 1, 1, 1), "year")
    return make_piece(match, "value", value)


def read_quarter(match: Match, ctx: Context) -> Piece | None:
    written = match.group("q").lower()
    quarter = _ROMAN.get(written) or number(written)
    if quarter is None or not 1 <= quarter <= 4:
        return None
    year = year_of(match, ctx)
    month = 3 * quarter - 2
    if year is not None:
        return make_piece(match, "value", calendar_unit(year, month, "quarter"))
    options = (calendar_unit(y, month, "quarter") for y in years_around(ctx))
    value = nearest(options, ctx.ref, ctx.towards)
    return make_piece(match, "value", value, explicit_year=False)


def read_months_of_year(match: Match, ctx: Context) -> Piece | None:
    count = number(match.group("n"))
    position = (match.group("pos") or "đầu").lower()
    year = year_of(match, ctx)
    if count is None or not 1 <= count <= 12 or (not match.group("pos") and year is None):
        return None
    year = ctx.ref.year if year is None else year
    first = datetime(year, 1, 1) if position == "đầu" else datetime(year, 13 - count, 1)
    return make_piece(match, "value", unit_value(first, "month", count))


def read_half_year(match: Match, ctx: Context) -> Piece | None:
    year = year_of(match, ctx)
    year = ctx.ref.year if year is None else year
    month = 1 if match.group("pos").lower() == "đầu" else 7
    return make_piece(match, "value", unit_value(datetime(year, month, 1), "month", 6))


_THIRDS = {"đầu": 0, "thượng tuần": 0, "giữa": 1, "trung tuần": 1, "cuối": 2, "hạ tuần": 2}


def read_part_of_unit(match: Match, ctx: Context) -> Piece | None:
    position = " ".join(match.group("pos").lower().split())
    if match.group("week"):
        rel = match.group("wrel")
        if position != "cuối":
            return None
        week = relative_unit("week", lex.relative_offsets()[rel.lower()] if rel else 0, ctx.ref)
        return make_piece(match, "value", unit_value(week.start + timedelta(days=5), "day", 2))
    if match.group("year"):
        if position not in ("đầu", "cuối"):
            return None
        year = year_of(match, ctx)
        year = ctx.ref.year if year is None else year
        first = datetime(year, 1, 1) if position == "đầu" else datetime(year, 9, 1)
        return make_piece(match, "value", unit_value(first, "month", 3 if position == "đầu" else 4))
    month = month_value(match.groupdict(), ctx)
    if month is None:
        return None
    first = month.start + timedelta(days=10 * _THIRDS[position])
    last = first + timedelta(days=10) if _THIRDS[position] < 2 else month.last
    return make_piece(match, "value", TimeValue(first, last, "day", month.lunar))


def read_first_of_month(match: Match, ctx: Context) -> Piece | None:
    month = month_value(match.groupdict(), ctx)
    if month is None:
        return None
    first_or_last = match.group("which").lower()
    if match.group("unit").lower() == "ngày":
        day = month.start if first_or_last == "đầu tiên" else month.last - timedelta(days=1)
        return make_piece(match, "value", TimeValue(day, None, "day"))
    first_monday = month.start + timedelta(days=-month.start.weekday() % 7)
    last_monday = truncate(month.last - timedelta(days=7), "week")
    monday = first_monday if first_or_last == "đầu tiên" else last_monday
    return make_piece(match, "value", TimeValue(monday, None, "week"))


# Duckling's seasons (northern hemisphere): [start, end) as (month, day) pairs.
_SEASONS = {
    "xuân": ((3, 20), (6, 21)),
    "hè": ((6, 21), (9, 24)),
    "hạ": ((6, 21), (9, 24)),
    "thu": ((9, 23), (12, 21)),
    "đông": ((12, 21), (3, 21)),
}


def read_season(match: Match, ctx: Context) -> Piece | None:
    (m1, d1), (m2, d2) = _SEASONS[match.group("s").lower()]

    def starting(year: int) -> TimeValue:
        end_year = year + 1 if m2 < m1 else year
        return TimeValue(datetime(year, m1, d1), datetime(end_year, m2, d2), "day")

    rel = " ".join((match.group("rel") or "").lower().split())
    if match.group("y"):
        return make_piece(match, "value", starting(int(match.group("y"))))
    current = next(
        (starting(y) for y in years_around(ctx) if starting(y).start <= ctx.ref < starting(y).last),
        starting(ctx.ref.year),
    )
    offset = lex.relative_offsets().get(rel.removeprefix("năm ").strip(), 0)
    return make_piece(match, "value", starting(current.start.year + offset))
