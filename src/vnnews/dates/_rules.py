"""The rule table: for each family of expressions, its start words, pattern and reader.

Patterns are built once, lazily, from the word tables; every repetition is bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from vnnews.dates import _lexicon as lex
from vnnews.dates._build_dates import (
    read_day_range,
    read_first_of_month,
    read_full_moon,
    read_half_year,
    read_holiday,
    read_iso_date,
    read_month,
    read_month_range,
    read_months_of_year,
    read_named_year,
    read_numeric_date,
    read_part_of_unit,
    read_quarter,
    read_season,
    read_tet_day,
    read_word_date,
    read_year,
    read_year_range,
)
from vnnews.dates._build_times import (
    read_from_now,
    read_now,
    read_numeric_clock,
    read_part,
    read_relative_count,
    read_relative_day,
    read_relative_period,
    read_rest_of_unit,
    read_until_now,
    read_weekday,
    read_word_clock,
)
from vnnews.dates._match import Builder, unless_counted

__all__ = ["DigitRun", "Rule", "rules"]


_YEAR = r"[12]\d{3}"

# The reference time, as the open end of an interval: "(từ năm 2020) đến nay" (issue 21).
_NOW = r"nay|hiện nay|hiện tại|bây giờ"
# After a relative word that can be "tới" (next): not when "nay" follows, "tới nay" is "until now".
_NOT_UNTIL = rf"(?!\s(?:{_NOW})(?!\w))"

# "vừa qua" after a date picks the past occurrence but stays out of the span (issue 4, rule 1).
_PAST = r"(?=\s(?P<past>vừa qua|vừa rồi)(?!\w))?"

_LUNAR = r"(?P<lunar>\s?\(\s?(?:âm lịch|âl|al)\s?\)|\s(?:âm lịch|âl|al)(?!\w))?"


def _num() -> str:
    """A small number in digits or words ("3", "ba", "mười lăm"), up to three words."""
    word = lex.alternation(lex.number_words())
    return rf"(?:\d{{1,3}}|{word}(?:\s{word}){{0,2}})"


def _months() -> str:
    names = [name for name in lex.month_names() if name != "năm"]
    return rf"(?:\d{{1,2}}|{lex.alternation(names)}|năm(?=\s(?:năm\s)?\d{{4}}))"


def _rel() -> str:
    return lex.alternation(lex.relative_offsets())


def _can_chi() -> str:
    stems, branches = lex.can_chi_names()
    return rf"(?:{lex.alternation(stems)}\s{lex.alternation(branches)})"


def _year_spec(prefix: str = "") -> str:
    """ "/2022", "-2022", " năm 2022", " của năm nay" after a month or a quarter."""
    return (
        rf"(?:\s?[/.\-]\s?(?P<{prefix}y>{_YEAR})"
        rf"|\s(?:của\s)?năm\s(?:(?P<{prefix}y2>{_YEAR})|(?P<{prefix}yrel>{_rel()}){_NOT_UNTIL}))"
    )


def _month_spec() -> str:
    """ "tháng 5", "tháng 5/2022", "tháng này", or just "tháng" (the reference month)."""
    return rf"tháng(?:\s(?P<mon>{_months()}){_year_spec('m')}?|\s(?P<mrel>{_rel()}){_NOT_UNTIL})?"


@dataclass(frozen=True, slots=True)
class DigitRun:
    """What a rule that can start with a run of digits reads there, read off its pattern: the
    scan tries the rule only at a run that fits (see ``vnnews.dates._scan``).

    A necessary condition, never more: where a pattern reads "any character but…" (or the
    end of the text) the field is None (any). Characters are compared lower-cased, and " "
    stands for any white space. ``tests/test_dates_paths.py`` checks each field against what
    the pattern reads.
    """

    lengths: range  # how many digits the run has
    after: tuple[str, ...] | None  # the character right after the run
    after_space: str | None = ""  # after the run and a white space, the next character


@dataclass(frozen=True, slots=True)
class Rule:
    """One family of expressions: a name (for tracing), a pattern builder and a builder.

    ``starts``, ``needs`` and ``digits`` are what the scan reads to try the rule only where it
    can match; each is a necessary condition read off the pattern (a rule is tried at any run
    of digits if ``"#"`` is in ``starts`` and ``digits`` is None).
    """

    name: str
    starts: tuple[str, ...]  # the words a match can begin with, lower case; "#" for a digit
    pattern: Callable[[], str]
    build: Builder
    needs: tuple[str, ...] = ()  # a match contains one of these (lower case) near its start
    digits: DigitRun | None = None  # for "#" in starts: the runs of digits it can read


def first_words(names: Iterable[str]) -> tuple[str, ...]:
    """The first words of some names, lower case ("chủ nhật" → "chủ")."""
    return tuple({name.split()[0].lower() for name in names})


def lower_names(names: Iterable[str]) -> tuple[str, ...]:
    """Names as dispatch phrases: lower case, one space between words."""
    return tuple({" ".join(name.lower().split()) for name in names})


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    num, months, rel = _num(), _months(), _rel()
    parts = lex.alternation(lex.parts_of_day())
    weekdays = lex.alternation(lex.weekdays())
    holidays = lex.alternation(lex.holidays())
    lunar_year = rf"(?:\s(?:năm\s)?(?P<ly>{_YEAR}|{_can_chi()}(?:\s(?:năm\s)?{_YEAR})?))"
    # "tới" of "tháng 3 tới nay" is "until" (the open end "tới nay"), not "next".
    not_backward = rf"(?!\s(?:đó|ấy|nữa|kia|khi|{_NOW})(?!\w))"
    head = r"(?:(?P<head>ngày|hôm)\s(?:(?:mồng|mùng)\s)?)?"
    numbers = ("#", *first_words(lex.number_words()))
    return (
        Rule(
            "from_now",
            ("từ nay", "từ bây giờ"),
            lambda: r"(?<!\w)từ\s(?:nay|bây giờ)(?=\s(?:đến|tới)\s)",
            read_from_now,
        ),
        Rule(
            "until_now",
            ("đến", "tới", "cho đến", "cho tới"),
            lambda: rf"(?<!\w)(?:cho\s)?(?:đến|tới)\s(?:{_NOW})(?!\w)",
            read_until_now,
            ("nay", "hiện", "bây"),
        ),
        Rule(
            "rest_of_unit",
            ("năm", "tháng", "quý", "tuần"),
            # "(từ nay) đến hết năm": after "hết", a unit with nothing that names it after
            # ("hết năm học" is a school year): punctuation, the end, or a function word.
            lambda: (
                r"(?<=\shết\s)(?P<unit>năm|tháng|quý|tuần)"
                rf"(?=\s*$|\s?[^\w\s]|\s(?:{lex.alternation(lex.function_words())})(?!\w))"
            ),
            read_rest_of_unit,
        ),
        Rule(
            "now",
            ("ngay bây giờ", "bây giờ", "ngay lúc này"),
            lambda: r"(?<!\w)(?:(?:ngay\s)?bây giờ|ngay lúc này)(?!\w)",
            read_now,
        ),
        Rule(
            "relative_day",
            ("ngày", "hôm", "bữa"),
            lambda: (
                r"(?<!\w)(?:ngày\s)?"
                r"(?P<rd>(?:hôm|bữa)\s(?:nay|qua|kia|mai)|ngày\s(?:mai|kia|mốt))"
                r"(?!\w)"
            ),
            unless_counted(read_relative_day),
            ("hôm", "bữa", "mai", "kia", "mốt"),
        ),
        Rule(
            "part_of_day",
            lower_names(lex.parts_of_day()),
            lambda: (
                rf"(?<!\w)(?P<part>{parts})"
                r"(?:\s(?:ngày\s)?(?:hôm\s)?(?P<anchor>nay|mai|qua))?(?!\w)"
            ),
            read_part,
        ),
        Rule(
            "numeric_clock",
            ("lúc", "#"),
            lambda: (
                r"(?:(?P<luc>lúc)\s)?(?<![\w/.,:\-])(?P<h>\d{1,2})"
                r"(?::(?P<m>\d{2})(?::(?P<s>\d{2}))?|[hg](?P<m2>\d{2})|h|(?P<g>(?-i:g))"
                r"|(?=\s?[ap]\.?m(?!\w)))"
                r"(?:\s?phút|p|')?(?:\s?(?P<ap>[ap])\.?m\.?)?(?![\w:]|[.,]\d)"
            ),
            read_numeric_clock,
            (":", "h", "g", "am", "pm", "a.m", "p.m"),  # "m" alone is in too many words
            # "15:30", "15h", "10g45", "9pm", "9 am"
            digits=DigitRun(range(1, 3), (":", "h", "g", "a", "p", " "), "ap"),
        ),
        Rule(
            "word_clock",
            ("lúc", *numbers),
            lambda: (
                rf"(?:(?P<luc>lúc)\s)?(?<!\w)(?P<h>{num})\sgiờ"
                rf"(?:\s(?:(?P<half>rưỡi)|kém\s(?P<less>{num})(?:\sphút)?|(?P<m>{num})(?:\sphút)?"
                r"|đúng))?(?!\w)"
            ),
            read_word_clock,
            ("giờ",),
            digits=DigitRun(range(1, 4), (" ",), "g"),  # "3 giờ"
        ),
        Rule(
            "numeric_date",
            ("ngày", "hôm", "#"),
            lambda: (
                rf"{head}(?<![\w/.,:\-])(?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<mo>\d{{1,2}})"
                r"(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\w/]|[.,\-:]?\d)" + _LUNAR + _PAST
            ),
            read_numeric_date,
            ("/", "-", "."),
            digits=DigitRun(range(1, 3), ("/", ".", "-")),
        ),
        Rule(
            "iso_date",
            ("#",),
            lambda: (
                r"(?<![\w/.,:\-])(?P<y>[12]\d{3})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\w/]|[.,\-:]\d)"
            ),
            read_iso_date,
            ("-",),
            digits=DigitRun(range(4, 5), ("-",)),
        ),
        Rule(
            "day_range",
            ("từ", "ngày", "hôm", "#"),
            lambda: (
                rf"(?:(?<!\w)từ\s)?{head}(?<![\w/.,:\-])(?P<d1>\d{{1,2}})"
                r"(?:\s?[-–—]\s?|\s(?:đến|tới)\s(?:ngày\s)?)"
                r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<mo>\d{1,2})"
                r"(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\w/]|[.,\-:]?\d)" + _LUNAR
            ),
            read_day_range,
            ("-", "–", "—", "đến", "tới"),  # its range mark (the date's own mark comes later)
            digits=DigitRun(range(1, 3), ("-", "–", "—", " "), "-–—đt"),  # "10–15/1", "10 đến 15/1"
        ),
        Rule(
            "month_range",
            ("từ", "tháng"),
            lambda: (
                r"(?:(?<!\w)từ\s)?(?<!\w)tháng\s(?P<m1>\d{1,2})"
                r"(?:\s?[-–—]\s?|\s(?:đến|tới)\s(?:tháng\s)?)"
                rf"(?P<mon>\d{{1,2}}){_year_spec('m')}?(?!\w)"
            ),
            read_month_range,
            ("-", "–", "—", "đến", "tới"),
        ),
        Rule(
            "word_date",
            ("ngày", "hôm", "mồng", "mùng", *numbers),
            lambda: (
                r"(?:(?P<head>ngày|hôm)\s(?:(?P<mong>mồng|mùng)\s)?|(?P<mong2>mồng|mùng)\s)?"
                rf"(?<!\w)(?P<d>\d{{1,2}}|{num})\stháng\s(?P<mon>{months})(?P<nhuan>\snhuận)?"
                rf"{_year_spec('m')}?{_LUNAR}(?!\w){_PAST}"
            ),
            read_word_date,
            ("tháng",),
            digits=DigitRun(range(1, 4), (" ",), "t"),
        ),
        Rule(
            "full_moon",
            ("ngày", "rằm"),
            lambda: (
                rf"(?<!\w)(?:ngày\s)?rằm\s(?:tháng\s)?(?P<mon>{months})(?P<nhuan>\snhuận)?"
                rf"{lunar_year}?{_LUNAR}(?!\w)"
            ),
            read_full_moon,
            ("rằm",),
        ),
        Rule(
            "tet_day",
            ("ngày", "mồng", "mùng", *numbers),
            lambda: (
                # "mùng 3 Tết", "mùng3 Tết": the day glued to "mùng" if in digits.
                rf"(?<!\w)(?:ngày\s)?(?:(?P<mong>mồng|mùng)(?:\s|(?=\d)))?(?P<d>\d{{1,2}}|{num})\sTết"
                rf"{lunar_year}?(?!\w)"
            ),
            read_tet_day,
            ("tết",),
            digits=DigitRun(range(1, 4), (" ",), "t"),
        ),
        Rule(
            "holiday",
            ("ngày", "lễ", *lower_names(lex.holidays())),
            lambda: rf"(?<!\w)(?:(?:ngày|lễ)\s)?(?P<name>{holidays}){lunar_year}?(?!\w){_PAST}",
            read_holiday,
            lower_names(lex.holidays()),  # "ngày" and "lễ" alone are not holidays
        ),
        Rule(
            "month",
            ("tháng",),
            lambda: (
                rf"(?<!\w){_month_spec()}(?P<nhuan>\snhuận)?"
                rf"(?:\s(?P<dir>tới|này|trước|sau){not_backward})?{_LUNAR}(?!\w){_PAST}"
            ),
            unless_counted(read_month),
        ),
        Rule(
            "relative_period",
            ("tuần", "tháng", "quý", "năm"),
            lambda: rf"(?<!\w)(?P<unit>tuần|tháng|quý|năm)\s(?P<rel>{rel})(?!\w)" + not_backward,
            unless_counted(read_relative_period),
        ),
        Rule(
            "year",
            ("năm", "sn"),
            lambda: (
                rf"(?<!\w)(?:năm\s(?:(?P<y>{_YEAR})(?![\w/]|[.,]\d)|(?P<cc>{_can_chi()})(?!\w))"
                # "SN 1985" (sinh năm): a birth year, the head written as its initials.
                rf"|sn:?\s?(?P<y2>{_YEAR})(?![\w/]|[.,]\d))"
            ),
            read_year,
        ),
        Rule(
            "named_year",
            ("#",),
            # "World Cup 2026", "Euro 2024", "(2019)": a bare year after a name or in brackets;
            # not a year span ("2016-2020") nor a code ("2020/QĐ").
            lambda: r"(?<![\w/.,:\-])(?P<y>(?:19|20)\d{2})(?![\w/%]|[.,:]?\d|\s?[-–—]\s?\d)",
            read_named_year,
            # "World Cup 2026", "(2019)", "Euro 2024.": whatever follows but a letter, "/" or "%".
            digits=DigitRun(range(4, 5), None, None),
        ),
        Rule(
            "year_range",
            (
                "nhiệm kỳ",
                "giai đoạn",
                "thời kỳ",
                "niên khóa",
                "năm học",
                "niên độ",
                "mùa giải",
                "năm",
                "từ",
            ),
            lambda: (
                r"(?<!\w)(?P<head>nhiệm kỳ|giai đoạn|thời kỳ|niên khóa|năm học|niên độ|mùa giải"
                rf"|từ năm|năm|từ)\s(?P<y1>{_YEAR})\s?(?:[-–—]|\s(?:cho\s)?(?:đến|tới))\s?"
                rf"(?:(?:năm\s)?(?P<y2>{_YEAR})(?![\w/]|[.,]\d)|(?P<now>{_NOW})(?!\w))"
            ),
            read_year_range,
            ("-", "–", "—", "đến", "tới"),
        ),
        Rule(
            "quarter",
            ("quý",),
            lambda: (
                rf"(?<!\w)quý\s(?P<q>iv|i{{1,3}}|\d|{lex.alternation(lex.number_words())}){_year_spec()}?(?!\w)"
            ),
            read_quarter,
        ),
        Rule(
            "months_of_year",
            numbers,
            lambda: (
                rf"(?<!\w)(?P<n>\d{{1,2}}|{num})\stháng\s(?:(?P<pos>đầu|cuối)\s)?(?:của\s)?"
                rf"năm(?:\s(?:(?P<y>{_YEAR})|(?P<yrel>{rel}){_NOT_UNTIL}))?(?!\w)"
            ),
            read_months_of_year,
            ("tháng",),
            digits=DigitRun(range(1, 4), (" ",), "t"),
        ),
        Rule(
            "half_year",
            ("nửa",),
            lambda: (
                rf"(?<!\w)nửa\s(?P<pos>đầu|cuối|sau)\s(?:của\s)?năm"
                rf"(?:\s(?:(?P<y>{_YEAR})|(?P<yrel>{rel}){_NOT_UNTIL}))?(?!\w)"
            ),
            read_half_year,
        ),
        Rule(
            "part_of_unit",
            ("đầu", "giữa", "cuối", "thượng tuần", "trung tuần", "hạ tuần"),
            lambda: (
                r"(?<!\w)(?P<pos>đầu|giữa|cuối|thượng tuần|trung tuần|hạ tuần)\s"
                rf"(?:(?P<year>năm)(?:\s(?:(?P<y>{_YEAR})|(?P<yrel>{rel}){_NOT_UNTIL}))?"
                rf"|(?P<week>tuần)(?:\s(?P<wrel>{rel}){_NOT_UNTIL})?|{_month_spec()}){_LUNAR}(?!\w)"
            ),
            read_part_of_unit,
        ),
        Rule(
            "first_of_month",
            ("ngày đầu tiên", "ngày cuối cùng", "tuần đầu tiên", "tuần cuối cùng"),
            lambda: (
                r"(?<!\w)(?P<unit>ngày|tuần)\s(?P<which>đầu tiên|cuối cùng)\s(?:của\s)?"
                rf"{_month_spec()}(?!\w)"
            ),
            read_first_of_month,
            ("đầu tiên", "cuối cùng"),
        ),
        Rule(
            "relative_count",
            ("cách đây", *numbers),
            lambda: (
                # The unit glued to digits ("3ngày", "2h"), never to a word ("haingày").
                rf"(?<!\w)(?:(?P<ago>cách đây)\s)?(?P<n>{num})(?:\s|(?<=\d))"
                r"(?P<unit>giây|s|phút|giờ|tiếng|h|ngày|tuần|tháng|quý|năm)"
                r"(?:\s(?P<dir>sắp tới|tiếp theo|vừa rồi|vừa qua|gần đây|gần nhất|về trước|tới|tiếp|qua"
                # "3 năm trước" is "3 years ago", but "hai ngày trước buổi lễ" is before an event.
                rf"|trước(?!\s(?:{lex.alternation(lex.context_words('event_noun'))})(?!\w))|nữa))?(?!\w)"
            ),
            read_relative_count,
            ("tới", "tiếp", "vừa", "qua", "gần", "trước", "nữa", "cách"),
            # "3 ngày tới", "3ngày", "2h": a unit's first letter, glued to the number or after a space.
            digits=DigitRun(range(1, 4), (" ", "g", "h", "n", "p", "q", "s", "t"), "ghnpqst"),
        ),
        Rule(
            "season",
            ("mùa xuân", "mùa hè", "mùa hạ", "mùa thu", "mùa đông"),
            lambda: (
                r"(?<!\w)mùa\s(?P<s>xuân|hè|hạ|thu|đông)\s(?:năm\s(?P<y>[12]\d{3})|(?P<rel>"
                r"năm nay|năm sau|năm tới|năm trước|năm ngoái|này|nay|tới|sau|trước|vừa qua|qua))"
                r"(?!\w)"
            ),
            read_season,
        ),
        Rule(
            "weekday",
            ("ngày", "hôm", *lower_names(lex.weekdays())),
            lambda: (
                rf"(?<!\w)(?:(?P<head>ngày|hôm)\s)?(?P<wd>{weekdays})"
                rf"(?:\s(?:của\s)?tuần\s(?P<wrel>{rel}){_NOT_UNTIL}|\s(?P<dir>tới|này|trước){not_backward})?"
                # "vừa qua" after a weekday picks the past one but stays out of the span.
                rf"(?!\w){_PAST}"
            ),
            read_weekday,
            ("thứ", "chủ", "chúa"),
        ),
    )
