"""Readers of times and relative expressions: clocks, parts of the day, weekdays, "3 ngày tới"."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

from vnnews.dates import _lexicon as lex
from vnnews.dates._calendar import (
    day_value,
    relative_unit,
    weekday_value,
)
from vnnews.dates._match import (
    Match,
    group,
    make_piece,
    number,
    word_before,
    word_right_before,
)
from vnnews.dates._pieces import Clock, Context, Piece
from vnnews.dates._values import Grain, TimeValue, add_units, truncate

__all__ = [
    "read_from_now",
    "read_now",
    "read_numeric_clock",
    "read_part",
    "read_relative_count",
    "read_relative_day",
    "read_relative_period",
    "read_rest_of_unit",
    "read_until_now",
    "read_weekday",
    "read_word_clock",
]


_GRAIN_OF_UNIT: dict[str, Grain] = {
    "giây": "second",
    "s": "second",
    "phút": "minute",
    "giờ": "hour",
    "tiếng": "hour",
    "h": "hour",
    "ngày": "day",
    "tuần": "week",
    "tháng": "month",
    "quý": "quarter",
    "năm": "year",
}


def read_now(match: Match, ctx: Context) -> Piece:
    return make_piece(match, "value", TimeValue(truncate(ctx.ref, "second"), None, "second"))


# Days counted from today; "hôm kia" is the day before yesterday, "ngày kia" the day after tomorrow.
_RELATIVE_DAYS = {
    "hôm nay": 0,
    "bữa nay": 0,
    "hôm qua": -1,
    "bữa qua": -1,
    "hôm kia": -2,
    "bữa kia": -2,
    "hôm mai": 1,
    "bữa mai": 1,
    "ngày mai": 1,
    "ngày kia": 2,
    "ngày mốt": 2,
}


def read_relative_day(match: Match, ctx: Context) -> Piece:
    key = " ".join(match.group("rd").lower().split())
    return make_piece(match, "day", _day_from_today(_RELATIVE_DAYS[key], ctx.ref), relative=True)


@lru_cache(maxsize=256)  # calendar arithmetic on the reference, the same for a whole article
def _day_from_today(days: int, ref: datetime) -> TimeValue:
    return day_value(truncate(ref, "day") + timedelta(days=days))


def read_until_now(match: Match, ctx: Context) -> Piece:
    """ "đến nay", "cho tới nay", "đến hiện nay": the open end of an interval at the reference
    time; kept only when it ends one ("từ năm 2020 đến nay"), see ``_compose``."""
    return make_piece(match, "until_now", None, weak=True)


def read_rest_of_unit(match: Match, ctx: Context) -> Piece:
    """ "(đến) hết năm", "hết tháng": the unit that contains the reference, kept only as the end
    of an interval ("từ nay đến hết năm")."""
    grain = _GRAIN_OF_UNIT[match.group("unit").lower()]
    return make_piece(match, "value", relative_unit(grain, 0, ctx.ref), weak=True)


def read_from_now(match: Match, ctx: Context) -> Piece:
    return make_piece(match, "day", day_value(truncate(ctx.ref, "day")), from_word=True)


def read_part(match: Match, ctx: Context) -> Piece:
    part = lex.parts_of_day()[" ".join(match.group("part").lower().split())]
    anchor = match.group("anchor")
    if anchor is None:
        return make_piece(match, "part", None, part=part, weak=True)
    offset = {"nay": 0, "mai": 1, "qua": -1}[anchor.lower()]
    day = day_value(truncate(ctx.ref, "day") + timedelta(days=offset))
    return make_piece(match, "part", day, part=part, relative=True)


def _clock(hour: int, minute: int, second: int, grain: Grain, meridiem: str | None) -> Clock | None:
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower().startswith("p") else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        return None
    return Clock(hour, minute, second, grain, meridiem is None and 1 <= hour <= 12)


def read_numeric_clock(match: Match, ctx: Context) -> Piece | None:
    luc, hour, minute, minute2, second, meridiem = match.group("luc", "h", "m", "m2", "s", "ap")
    weak = False
    if not luc:
        before = word_before(ctx, match.start())
        if before and before in lex.context_words("ratio_cue"):
            return None
        if before and before in lex.context_words("duration_cue"):
            if before not in lex.context_words("around_cue"):
                return None
            weak = True  # "hơn 16h" alone is a duration, "hơn 16h ngày 30/9" a time
    if match.group("g") and not luc:
        weak = True  # "14g ngày 5-9" is 14:00, "20g đường" twenty grams
    minute = minute or minute2
    grain: Grain = "second" if second else "minute" if minute or meridiem else "hour"
    clock = _clock(int(hour or 0), int(minute or 0), int(second or 0), grain, meridiem)
    return None if clock is None else make_piece(match, "clock", None, clock=clock, weak=weak)


def read_word_clock(match: Match, ctx: Context) -> Piece | None:
    hour = number(match.group("h"))
    has_minutes = bool(group(match, "half", "less", "m"))
    if hour is None:
        return None
    before = "" if match.group("luc") else word_before(ctx, match.start())
    if before in lex.context_words("duration_cue") and before not in lex.context_words(
        "around_cue"
    ):
        return None
    minute = 30 if match.group("half") else number(match.group("m")) or 0
    if match.group("less"):
        less = number(match.group("less"))
        if less is None or not 0 < less < 60:
            return None
        hour, minute = hour - 1, 60 - less
    if minute is None:
        return None
    clock = _clock(hour, minute, 0, "minute" if has_minutes else "hour", None)
    if clock is None:
        return None
    # "hơn 3 giờ" is a duration alone, a time with a day or a part of the day after it.
    weak = not (match.group("luc") or has_minutes) or before in lex.context_words("around_cue")
    return make_piece(match, "clock", None, clock=clock, weak=weak)


def read_weekday(match: Match, ctx: Context) -> Piece | None:
    written = match.group("wd")
    iso_day = lex.weekdays()[" ".join(written.lower().split())]
    before = word_before(ctx, match.start())
    if before in lex.ordinal_heads():
        return None  # "năm thứ hai", "lần thứ 3"
    rel, direction = match.group("wrel"), (match.group("dir") or "").lower()
    if match.group("past"):
        direction = "vừa qua"
    if rel:
        mode = f"week:{lex.relative_offsets()[' '.join(rel.lower().split())]}"
    elif direction in ("tới",):
        mode = "after"
    elif direction in ("vừa rồi", "vừa qua", "trước"):
        mode = "before"
    elif direction == "này":
        mode = "week:0"
    else:
        mode = ctx.weekday  # a bare weekday: placed as the caller prefers
    # "thứ hai" in lower case is as often "secondly" or "the second" as Monday: alone it
    # needs support (a date, a part of the day), and "ngày thứ hai" is "the second day".
    spelled_lower = written.split()[-1].islower() and not written.lower().startswith("ch")
    if spelled_lower and match.group("head") and not (rel or direction):
        return None
    # "phút thứ 4", "ngưỡng thứ 2", "ca thứ 3": after a noun, "thứ N" is an ordinal. A weekday
    # in digits or lower case is read alone only at the start of a clause or after a word that
    # introduces a day ("vào thứ 3", "hôm thứ 5", "trước thứ 6"); elsewhere it needs support.
    capitalised = written.split()[-1][:1].isupper()
    after_noun = not (capitalised or match.group("head")) and _after_other_word(ctx, match.start())
    weak = (spelled_lower or after_noun) and not (rel or direction)
    value = weekday_value(iso_day, mode, ctx.ref)
    return make_piece(match, "day", value, weekday=not (rel or direction), weak=weak)


def _after_other_word(ctx: Context, start: int) -> bool:
    """Whether a word of letters, other than one that introduces a weekday, comes right before
    ``start`` (after one space)."""
    before = word_right_before(ctx, start)
    return bool(before) and before not in lex.context_words("weekday_cue")


def read_relative_period(match: Match, ctx: Context) -> Piece | None:
    grain = _GRAIN_OF_UNIT[match.group("unit").lower()]
    rel = " ".join(match.group("rel").lower().split())
    if rel == "ngoái" and grain != "year":
        return None
    return make_piece(match, "value", relative_unit(grain, lex.relative_offsets()[rel], ctx.ref))


def read_relative_count(match: Match, ctx: Context) -> Piece | None:
    written, direction, ago, unit = match.group("n", "dir", "ago", "unit")
    count = number(written)
    direction = (direction or "").lower()
    if count is None or not 0 < count <= 1000 or not (direction or ago):
        return None
    grain = _GRAIN_OF_UNIT[(unit or "").lower()]
    mode = "ago" if ago or direction in ("trước", "về trước") else direction
    return make_piece(match, "value", _counted_units(count, grain, mode, ctx.ref))


@lru_cache(maxsize=1024)  # calendar arithmetic on the reference, the same for a whole article
def _counted_units(count: int, grain: Grain, mode: str, ref: datetime) -> TimeValue:
    """ "3 ngày trước/nữa/tới/qua": ``mode`` is "ago" or the direction word (lower case)."""
    unit = truncate(ref, grain)
    if mode == "ago":
        return TimeValue(add_units(unit, grain, -count), None, grain)
    if mode == "nữa":
        return TimeValue(add_units(unit, grain, count), None, grain)
    if mode in ("tới", "sắp tới", "tiếp theo", "tiếp"):
        start = add_units(unit, grain, 1)
        return TimeValue(start, add_units(start, grain, count), grain)
    return TimeValue(add_units(unit, grain, -count), unit, grain)
