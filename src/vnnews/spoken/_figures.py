"""Figures read aloud: cardinals, decimals, percents, money, units, fractions and ranges.

A figure is read from its written form, part by part: a sign, a currency written before it,
the number (Vietnamese digit grouping, decimal comma, the shorthands "10k", "1tr5", "2t3"),
scale words ("triệu", "tỷ", copied as written), then a percent sign, a currency or a unit,
then per-unit tails ("/kg", "đ/cp", "tấn sữa/ngày"). Two figures joined by a dash make a
range. :func:`vnnews.extract_numbers` decides what is a figure where the shape alone cannot
(a range written with words, a one-letter unit after a space); the reading is done here.

>>> from vnnews.spoken._context import Context
>>> from vnnews.spoken._style import SpokenStyle
>>> def read(text):
...     return read_figure(Context(text, SpokenStyle(), {}), 0, None).spoken
>>> read("85,5 triệu đồng/lượng")
'tám mươi lăm phẩy năm triệu đồng một lượng'
>>> read("120 km/h"), read("3-5%")
('một trăm hai mươi ki lô mét trên giờ', 'ba đến năm phần trăm')
>>> read("1tr5"), read("$5"), read("1/4 diện tích")
('một triệu năm trăm nghìn', 'năm đô la', 'một phần tư')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import regex

from vnnews.spoken import _lexicon as lex
from vnnews.spoken._context import Context, Reading, phrase_before
from vnnews.spoken._dates import day_month_words
from vnnews.spoken._fractions import fraction_reading, proper
from vnnews.spoken._numerals import cardinal, decimal
from vnnews.spoken._result import SpokenKind
from vnnews.spoken._style import SpokenStyle

if TYPE_CHECKING:
    from vnnews.numbers import NumberMatch

__all__ = ["number_words", "read_figure", "read_height", "read_unit_alone"]

_NUMBER = regex.compile(
    r"(?P<int>[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9])"
    r"|[0-9]{1,3}(?:,[0-9]{3}){2,}(?![0-9]|[.,][0-9])"
    r"|[0-9]{1,40})"
    r"(?:(?<!,[0-9]{3}),(?P<frac>[0-9]{1,40}))?"
)
_SHORTHAND = regex.compile(r"(?P<short>tr|k|K|t|M|B)(?P<tail>[0-9]{1,3})?(?![\p{L}\p{N}])")
_SHORT_SCALE = {"k": 3, "K": 3, "tr": 6, "M": 6, "t": 9, "B": 9}
_SHORT_FIRST = frozenset("tkKMB")
_SCALE_WORDS = regex.compile(
    r"(?:[ ](?:nghìn|ngàn|triệu|tỷ|tỉ|vạn|trăm|chục)(?![\p{L}\p{M}])){1,4}", regex.IGNORECASE
)
_PERCENT = regex.compile(r"[ ]?(?:(?P<points>điểm)[ ]?)?%")
_DASH = regex.compile(r"[ ]?[-–—][ ]?")
_WORD_CONNECTOR = regex.compile(r"[ ](?:đến|tới|-|–|—)[ ]", regex.IGNORECASE)
_FRACTION_TAIL = regex.compile(r"/(?P<den>[0-9]{1,6})(?![0-9]|[.,/][0-9])")
_MIXED = regex.compile(r"[ ](?P<num>[0-9]{1,3})/(?P<den>[0-9]{1,3})(?![0-9]|[.,/][0-9])")
_PER_TAIL = regex.compile(r"/(?P<tail>[\p{L}][\p{L}\p{M}0-9²³]{0,11})(?![\p{L}\p{M}\p{N}])")
_PLAIN_WORD = regex.compile(r"[ ](?P<word>[\p{Ll}][\p{Ll}\p{M}]{0,9})(?=[ /])")
_UNIT_ALONE = regex.compile(
    r"(?<![\p{L}\p{M}0-9])(?:[a-zA-Z]{1,3}[23²³]|°[CF]|[a-zA-Z]{1,3}/[a-zA-Z]{1,2})"
    r"(?![\p{L}\p{M}0-9])"
)
_SIGNS = {"-": "âm", "−": "âm", "+": "cộng"}
_SIGN_BEFORE = frozenset(" \n([{\"'“‘«")
_SCALE_OF_SHORTHAND = {3: "thousand", 6: "triệu", 9: "billion"}


class _Number(NamedTuple):
    """The number of a figure as written: sign, digits, shorthand and scale words."""

    sign: str  # "âm", "cộng" or ""
    whole: str
    fraction: str | None
    words: str  # the number and its shorthand in words
    scale: str  # the scale words written after it ("triệu", "nghìn tỷ"), or ""
    shorthand: bool

    def head(self, words: str | None = None) -> str:
        """The sign, the number (or ``words`` in its place) and the scale words."""
        return " ".join(part for part in (self.sign, words or self.words, self.scale) if part)


class _Figure(NamedTuple):
    """One figure: where it is, how it reads, and what it measures."""

    start: int
    end: int
    words: str
    kind: SpokenKind  # cardinal, decimal, percent, money, unit, fraction, date
    measure: str  # what a range must share: "%", a currency reading, a unit, "k" or ""
    alternatives: tuple[str, ...] = ()


def number_words(whole: str, fraction: str | None, style: SpokenStyle) -> str:
    """A number written in the Vietnamese convention ("4.028", "89,51"; "1,234,567")."""
    integer = whole.replace(".", "").replace(",", "")
    return decimal(integer, fraction, style) if fraction else cardinal(integer, style)


def read_figure(ctx: Context, position: int, hint: NumberMatch | None) -> Reading | None:
    """The figure expression that starts at ``position`` (a sign, currency or digit), or None.

    ``hint`` is the match :func:`vnnews.extract_numbers` found there, if any: it allows a
    range written with words ("5 đến 7 triệu") and a one-letter unit after a space ("30 m").
    Without one, a figure glued to letters or followed by a dash and a digit is left to the
    code and score readers ("12A", "2-1").
    """
    text = ctx.text
    first = _figure(ctx, position, hint)
    if first is None:
        return None
    parts = [first.words]
    kind: SpokenKind = first.kind
    end, alternatives = first.end, first.alternatives
    found_range = _range_end(ctx, first, hint)
    last = first
    if found_range is not None:
        connector, second = found_range
        parts += [connector, second.words]
        kind, end, last = "range", second.end, second
        alternatives = tuple(f"{alt} {connector} {second.words}" for alt in first.alternatives)
    else:
        mixed = _mixed(ctx, first)
        if mixed is not None:
            parts, kind, end = [mixed[0]], "fraction", mixed[1]
    tails, end = _tails(ctx, end, last)
    if tails:
        parts += tails
        alternatives = tuple(" ".join([alt, *tails]) for alt in alternatives)
    if found_range is None and (_glued_after(text, end) or _joined_after(text, end)):
        return None  # "12A", "2-1", "05-CT": a code or a score
    if tails and kind in ("cardinal", "decimal"):
        kind = "unit"  # "500 người/km2", "460 tấn sữa/ngày"
    return Reading(first.start, end, " ".join(parts), kind, f"figure.{kind}", alternatives)


_HEIGHT = regex.compile(r"(?<![\p{L}0-9.,])(?P<m>[0-9])m(?P<cm>[0-9]{1,2})(?![\p{L}0-9])")


def read_height(ctx: Context, position: int) -> Reading | None:
    """ "1m75": một mét bảy mươi lăm (metres and centimetres, as a height is read)."""
    found = _HEIGHT.match(ctx.text, position)
    if found is None:
        return None
    style = ctx.style
    spoken = f"{cardinal(found['m'], style)} mét {cardinal(found['cm'], style)}"
    return Reading(found.start(), found.end(), spoken, "unit", "unit.height")


def read_unit_alone(ctx: Context, position: int) -> Reading | None:
    """A unit symbol written without a figure ("giá mỗi m2", "đơn vị °C"): its name."""
    found = _UNIT_ALONE.match(ctx.text, position)
    if found is None:
        return None
    written = found[0]
    unit = lex.units().get(written)
    if unit is not None and unit.where == "any":
        return Reading(found.start(), found.end(), unit.reading(ctx.style), "unit", "unit.alone")
    head, slash, tail = written.partition("/")
    first, second = lex.units().get(head), lex.units().get(tail)
    if slash and first is not None and second is not None and first.where == "any":
        per = ctx.style.per_compound
        spoken = f"{first.reading(ctx.style)} {per} {second.reading(ctx.style)}"
        return Reading(found.start(), found.end(), spoken, "unit", "unit.alone")
    return None


def _glued_after(text: str, end: int) -> bool:
    """Whether a letter or digit is glued to the end of a figure (a code such as "12A")."""
    return end < len(text) and (text[end].isalnum() or text[end] == "_")


def _joined_after(text: str, end: int) -> bool:
    """Whether a dash, a slash, a plus or a colon and a digit follow: "2-1", "05-CT", "90+3",
    "1:2" are not one figure."""
    dash = _DASH.match(text, end) if text[end : end + 2].lstrip(" ")[:1] in "-–—" else None
    if dash is not None:
        return text[dash.end() : dash.end() + 1].isdigit()
    return text[end : end + 1] in ("/", "+", ":") and text[end + 1 : end + 2].isdigit()


def _figure(ctx: Context, position: int, hint: NumberMatch | None) -> _Figure | None:
    text = ctx.text
    pos = position
    sign = ""
    if text[pos : pos + 1] in _SIGNS and _starts_figure(text, pos):
        sign = _SIGNS[text[pos]]
        pos += 1
    before = None if "0" <= text[pos : pos + 1] <= "9" else _currency_before(text, pos)
    if before is not None:
        pos = before[1]
    found = _NUMBER.match(text, pos)
    if found is None or (pos == position and pos > 0 and _glued_before(text, pos)):
        return None
    whole, fraction = found["int"], found["frac"]
    pos = found.end()
    if fraction is None and before is None and whole.isdigit():
        over = _FRACTION_TAIL.match(text, pos) if text[pos : pos + 1] == "/" else None
        if over is not None:
            return _fraction(ctx, position, sign, whole, over)
    if text[pos : pos + 2][:1] in (".", ",") and text[pos + 1 : pos + 2].isdigit():
        return None  # "1.5", "1,2,3": not a figure of the Vietnamese convention
    currency = before[0] if before else None
    number = _number(ctx, pos, sign=sign, whole=whole, fraction=fraction, currency=currency)
    if number is None:
        return None
    value, pos = number
    return _measure(ctx, (position, pos), value, currency=currency, hint=hint)


def _currency_before(text: str, pos: int) -> tuple[lex.Currency, int] | None:
    """A currency symbol written before the number ("$5", "US$ 5", "€10")."""
    found = lex.currency_table().at(text, pos)
    if found is None or found[-1].isalpha():
        return None  # a currency word ("đồng", "USD") is written after the figure
    row = lex.currencies()[found]
    if row.where not in ("before", "both"):
        return None
    end = pos + len(found)
    if text[end : end + 1] == " ":
        end += 1
    return (row, end) if text[end : end + 1].isdigit() else None


def _number(
    ctx: Context,
    pos: int,
    *,
    sign: str,
    whole: str,
    fraction: str | None,
    currency: lex.Currency | None,
) -> tuple[_Number, int] | None:
    """The number at ``pos`` (just after the digits): its shorthand and scale words."""
    text, style = ctx.text, ctx.style
    words = number_words(whole, fraction, style)
    shorthand = False
    short = _SHORTHAND.match(text, pos) if text[pos : pos + 1] in _SHORT_FIRST else None
    if short is not None and _after_code_head(ctx, pos - len(whole)):
        short = None  # "quốc lộ 1K", "lớp 10K": a code, not a thousand
    money_letter = short is not None and short["short"] in ("M", "B")
    if short is not None and not (
        money_letter and currency is None and not _currency_follows(text, short.end())
    ):
        short_words = _shorthand_words(whole, fraction, short["short"], short["tail"], style)
        if short_words is None:
            return None
        words, pos, shorthand = short_words, short.end(), True
    if text[pos : pos + 1].isdigit():
        return None
    scale = _SCALE_WORDS.match(text, pos) if text[pos : pos + 1] == " " else None
    scale_text = ""
    if scale is not None:
        scale_text, pos = scale[0].strip(), scale.end()
    return _Number(sign, whole, fraction, words, scale_text, shorthand), pos


def _after_code_head(ctx: Context, position: int) -> bool:
    return phrase_before(ctx.text, position, lex.context_words()["code_head"], 2)


def _shorthand_words(
    whole: str, fraction: str | None, letter: str, tail: str | None, style: SpokenStyle
) -> str | None:
    """ "10k", "2,5tr", "1tr5" (một triệu năm trăm nghìn, or "một triệu rưỡi"), "2t3"."""
    scale = _SHORT_SCALE[letter]
    name = _SCALE_OF_SHORTHAND[scale]
    scale_word = {"thousand": style.thousand, "billion": style.billion}.get(name, name)
    if tail is None:
        return f"{number_words(whole, fraction, style)} {scale_word}"
    integer = whole.replace(".", "").replace(",", "")
    if fraction is not None or len(integer) > 15:
        return None  # "1,5tr2" is no way of writing a number
    if style.shorthand == "short":
        rest = "rưỡi" if tail == "5" else cardinal(tail, style)
        return f"{cardinal(integer, style)} {scale_word} {rest}"
    value = int(integer) * 10**scale + int(tail) * 10 ** (scale - len(tail))
    return cardinal(str(value), style)


def _measure(
    ctx: Context,
    where: tuple[int, int],
    number: _Number,
    *,
    currency: lex.Currency | None,
    hint: NumberMatch | None,
) -> _Figure:
    """The figure with what follows its number (``where``: the figure's start and the end of
    its number): a percent sign, a currency or a unit."""
    text, style = ctx.text, ctx.style
    start, pos = where
    alternatives: tuple[str, ...] = ()
    fraction, whole = number.fraction, number.whole
    if fraction is not None and len(fraction) == 3 and len(whole) <= 3 and not number.shorthand:
        # "4,028": the decimal comma, or an English writer's 4028?
        alternatives = (number.head(cardinal(whole + fraction, style)),)
    percent = _PERCENT.match(text, pos) if text[pos : pos + 2].lstrip(" ")[:1] in "%đ" else None
    if percent is not None and currency is None:
        unit = f"{'điểm ' if percent['points'] else ''}phần trăm"
        return _Figure(
            start,
            percent.end(),
            f"{number.head()} {unit}",
            "percent",
            "%",
            tuple(f"{alt} {unit}" for alt in alternatives),
        )
    if currency is None:
        found = _currency_after(text, pos)
        if found is not None:
            currency, pos = found
    if currency is not None:
        name = currency.spoken(style)
        reading = _money_words(number, currency, style)
        alternatives = tuple(f"{alt} {name}" for alt in alternatives)
        alternatives += tuple(f"{number.head()} {other}" for other in currency.alternatives)
        return _Figure(start, pos, reading, "money", name, alternatives)
    unit_found = _unit_after(text, pos, hint)
    if unit_found is not None:
        name = unit_found[0].reading(style)
        return _Figure(
            start,
            unit_found[1],
            f"{number.head()} {name}",
            "unit",
            unit_found[0].written,
            tuple(f"{alt} {name}" for alt in alternatives),
        )
    plain = fraction is not None and not number.scale and not number.shorthand
    kind: SpokenKind = "decimal" if plain else "cardinal"
    measure = "k" if number.shorthand else ""
    return _Figure(start, pos, number.head(), kind, measure, alternatives)


def _starts_figure(text: str, position: int) -> bool:
    """Whether a sign at ``position`` belongs to the figure after it ("-5", not "2-1")."""
    following = text[position + 1 : position + 2]
    before_ok = position == 0 or text[position - 1] in _SIGN_BEFORE
    return before_ok and (following.isdigit() or following in "$€£¥₫")


def _glued_before(text: str, position: int) -> bool:
    before = text[position - 1]
    return before.isalnum() or before in ".,"


def _currency_follows(text: str, position: int) -> bool:
    pos = position + 1 if text[position : position + 1] == " " else position
    return lex.currency_table().at(text, pos) is not None


def _currency_after(text: str, pos: int) -> tuple[lex.Currency, int] | None:
    start = pos + 1 if text[pos : pos + 1] == " " else pos
    found = lex.currency_table().at(text, start)
    if found is None:
        return None
    row = lex.currencies()[found]
    return (row, start + len(found)) if row.where in ("after", "both") else None


def _money_words(number: _Number, currency: lex.Currency, style: SpokenStyle) -> str:
    """The amount and the currency; dollars and euros with cents when the style says so
    ("10,5$": mười đô la năm mươi xu)."""
    name = currency.spoken(style)
    fraction = number.fraction
    if not (
        style.cents
        and currency.cents
        and fraction is not None
        and len(fraction) <= 2
        and not number.scale
        and not number.shorthand
    ):
        return f"{number.head()} {name}"
    cents = int(fraction.ljust(2, "0"))
    integer = number.whole.replace(".", "")
    parts = [number.sign] if number.sign else []
    if integer.strip("0") or not cents:
        parts += [cardinal(integer, style), name]
    if cents:
        parts += [cardinal(str(cents), style), currency.cents]
    return " ".join(parts)


def _unit_after(text: str, pos: int, hint: NumberMatch | None) -> tuple[lex.Unit, int] | None:
    spaced = text[pos : pos + 1] == " "
    start = pos + 1 if spaced else pos
    found = lex.unit_table().at(text, start)
    if found is None:
        return None
    unit = lex.units()[found]
    if unit.where in ("time", "tail"):
        return None
    after = start + len(found)
    if text[after : after + 1] == "-" and text[after + 1 : after + 2].isalpha():
        return None  # "12 V-League": a hyphenated name, not volts
    if unit.where == "glued" and spaced and (hint is None or hint.unit != unit.written):
        return None
    return unit, start + len(found)


def _fraction(
    ctx: Context, start: int, sign: str, numerator: str, over: regex.Match[str]
) -> _Figure | None:
    """ "a/b" that vnnews.extract_dates did not take for a date: a season ("2002/03"), the
    number of a document ("52/2017"), a fraction, or a date the extractor missed."""
    text, style = ctx.text, ctx.style
    denominator = over["den"]
    if not denominator.strip("0"):
        return None
    pos = over.end()
    if not sign:
        other = _season_or_document(ctx, start, numerator, denominator)
        if other is not None:
            return _Figure(start, pos, other[0], other[1], "")
    unit_found = _unit_after(text, pos, None)
    following = unit_found[1] if unit_found is not None else pos
    reading, alternatives = fraction_reading(ctx, numerator, denominator, following)
    kind: SpokenKind = "fraction"
    if alternatives and not sign and unit_found is None:
        as_date = day_month_words(numerator, denominator, style)
        if as_date is not None:
            if _date_rather_than_fraction(ctx, start, numerator, denominator):
                # "để 5/10 công bố": no noun after, no word that asks for a share before.
                reading, alternatives, kind = as_date, (reading, *alternatives), "date"
            else:
                alternatives = (*alternatives, as_date)
    prefix = f"{sign} " if sign else ""
    suffix = f" {unit_found[0].reading(style)}" if unit_found is not None else ""
    return _Figure(
        start,
        following,
        f"{prefix}{reading}{suffix}",
        kind,
        unit_found[0].written if unit_found is not None else "",
        tuple(f"{prefix}{alt}{suffix}" for alt in alternatives),
    )


def _season_or_document(
    ctx: Context, start: int, numerator: str, denominator: str
) -> tuple[str, SpokenKind] | None:
    style = ctx.style
    season = len(numerator) == 4 and len(denominator) == 2 and _is_year_text(numerator)
    if season and (int(numerator) + 1) % 100 == int(denominator):
        following = str(int(numerator) + 1)
        return f"{cardinal(numerator, style)} - {cardinal(following, style)}", "interval"
    if len(denominator) == 4 and _is_year_text(denominator):
        document = phrase_before(ctx.text, start, lex.context_words()["document_head"], 2)
        if document or int(numerator) > 12:
            # "Nghị quyết 52/2017": a number and its year, read as numbers.
            return f"{cardinal(numerator, style)} {cardinal(denominator, style)}", "code"
    return None


def _is_year_text(text: str) -> bool:
    return text.startswith(("19", "20"))


def _date_rather_than_fraction(ctx: Context, start: int, numerator: str, denominator: str) -> bool:
    """A bare "a/b" that could be a day and month, with no word after it ("hạn chót 15/5.")
    and nothing that marks it as a share: not a simple fraction (1/2, 2/3, 3/4…) and no
    word such as "chiếm" or "tỷ lệ" before it. A word after it ("7/10 mẫu") is counted."""
    end = start + len(numerator) + 1 + len(denominator)
    following = ctx.text[end : end + 2]
    if following[:1] == " " and following[1:].islower():
        return False
    if proper(numerator, denominator) and int(denominator) <= 4:
        return False
    return not phrase_before(ctx.text, start, lex.context_words()["fraction_lead"], 2)


def _mixed(ctx: Context, first: _Figure) -> tuple[str, int] | None:
    """ "23 1/5": a whole number and a proper fraction, read with "và"."""
    if first.kind != "cardinal" or first.measure:
        return None
    if not ctx.text[first.end + 1 : first.end + 2].isdigit():
        return None
    found = _MIXED.match(ctx.text, first.end)
    if found is None or not proper(found["num"], found["den"]) or not found["num"].strip("0"):
        return None
    style = ctx.style
    bottom = "tư" if found["den"] == "4" else cardinal(found["den"], style)
    reading = f"{cardinal(found['num'], style)} phần {bottom}"
    return f"{first.words} và {reading}", found.end()


def _range_end(
    ctx: Context, first: _Figure, hint: NumberMatch | None
) -> tuple[str, _Figure] | None:
    """The second figure of a range and the word between, if the figure goes on to one."""
    text = ctx.text
    if first.kind == "fraction":
        return None
    following = text[first.end : first.end + 2].lstrip(" ")[:1]
    if following not in ("-", "–", "—") and not (hint is not None and hint.kind == "range"):
        return None
    connector: str = ctx.style.range_word
    dash = _DASH.match(text, first.end)
    claimed = hint is not None and hint.kind == "range"
    if dash is None and claimed:
        dash = _WORD_CONNECTOR.match(text, first.end)
        if dash is not None and dash[0].strip() not in "-–—":
            connector = dash[0].strip()
    if dash is None:
        return None
    second = _figure(ctx, dash.end(), hint)
    if second is None or second.kind == "fraction":
        return None
    within = claimed and hint is not None and dash.start() < hint.span[1]
    shared = first.measure == second.measure != ""
    open_first = first.measure == "" and second.measure != ""
    if not (within or shared or open_first or (_is_year(first) and _is_year(second))):
        return None
    return connector, second


def _is_year(figure: _Figure) -> bool:
    return (
        figure.kind == "cardinal"
        and figure.measure == ""
        and figure.words.startswith(("một nghìn chín trăm", "hai nghìn"))
    )


def _tails(ctx: Context, end: int, last: _Figure) -> tuple[list[str], int]:
    """Per-unit tails after a figure: "/kg", "/năm" glued, or after a few plain words
    ("tấn sữa/ngày")."""
    text, style = ctx.text, ctx.style
    parts: list[str] = []
    for _ in range(2):
        tail = _PER_TAIL.match(text, end) if text[end : end + 1] == "/" else None
        if tail is None or not _tail_word(tail["tail"]):
            break
        parts += _tail_words(style, last, tail["tail"], direct=True)
        end = tail.end()
    if parts:
        return parts, end
    return _tail_after_words(ctx, end, last)


def _tail_word(tail: str) -> bool:
    """Whether a word after "/" is a per-unit tail: a unit, a currency, or a word in lower
    case ("/kg", "/USD", "/lượng"); "/QĐ-BYT" or "/h4" is not."""
    if tail in lex.units() or tail in lex.currencies():
        return True
    return tail.isalpha() and tail.islower()


def _tail_words(style: SpokenStyle, figure: _Figure, tail: str, *, direct: bool) -> list[str]:
    unit = lex.units().get(tail)
    currency = lex.currencies().get(tail)
    if unit is not None:
        reading = unit.reading(style)
    elif currency is not None:
        reading = currency.spoken(style)  # "đồng/USD": đồng một đô la
    else:
        reading = tail
    if unit is not None and unit.where == "time" and figure.kind == "money":
        per: str = style.per_time
    elif unit is not None and unit.where != "tail" and figure.kind == "unit" and direct:
        per = style.per_compound
    else:
        per = style.per
    return [per, reading]


def _tail_after_words(ctx: Context, end: int, last: _Figure) -> tuple[list[str], int]:
    text = ctx.text
    if text.find("/", end, end + 36) < 0:
        return [], end
    pos = end
    words: list[str] = []
    for _ in range(3):
        word = _PLAIN_WORD.match(text, pos)
        if word is None:
            return [], end
        words.append(word["word"])
        pos = word.end()
        tail = _PER_TAIL.match(text, pos)
        if tail is not None:
            if tail["tail"] not in lex.units():
                return [], end
            return [*words, *_tail_words(ctx.style, last, tail["tail"], direct=False)], tail.end()
    return [], end
