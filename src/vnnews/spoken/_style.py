"""The reading style of :func:`vnnews.to_spoken`: a frozen set of choices with news defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Literal

__all__ = ["SpokenStyle"]

_CHOICES: dict[str, tuple[object, ...]] = {
    "thousand": ("nghìn", "ngàn"),
    "billion": ("tỷ", "tỉ"),
    "zero_tens": ("lẻ", "linh"),
    "four_after_tens": ("tư", "bốn"),
    "five_after_tens": ("lăm", "nhăm"),
    "decimals": ("number", "digits"),
    "month_one": ("một", "giêng"),
    "day_prefix": ("", "mùng", "mồng"),
    "fraction": ("auto", "phần", "trên"),
    "per": ("một", "trên"),
    "per_time": ("một", "trên"),
    "per_compound": ("trên", "một"),
    "range_word": ("đến", "tới"),
    "dollar": ("đô la", "đô la Mỹ", "đô"),
    "units": ("news", "nemo"),
    "letters": ("keep", "vi", "en"),
    "shorthand": ("full", "short"),
    "bare_slash": ("date", "fraction"),
    "roman_after_thu": ("ordinal", "cardinal"),
}


@dataclass(frozen=True)
class SpokenStyle:
    """How :func:`vnnews.to_spoken` reads figures, dates, units and abbreviations.

    The defaults are the news-reading style of Northern broadcast Vietnamese; every field is
    one choice that the style guide lists as also right ("alt"). :meth:`nemo` is the profile
    of NVIDIA NeMo's Vietnamese text normalisation.

    Attributes:
        thousand: "nghìn" or "ngàn".
        billion: the word for 10⁹ that vnnews writes ("tỷ" or "tỉ"); a written "tỉ" stays.
        zero_tens: the word for an empty tens place after hundreds: "lẻ" (một trăm lẻ năm)
            or "linh".
        zero_hundreds: read "không trăm" for an empty hundreds place inside a larger number
            (hai nghìn không trăm hai mươi hai); False drops it (hai nghìn hai mươi hai).
        four_after_tens: 4 after "mươi": "tư" (hai mươi tư) or "bốn".
        five_after_tens: 5 after "mươi": "lăm" or "nhăm" (after "mười" it is always "lăm").
        decimals: "number" reads a decimal part of one to three digits as a number with its
            leading zeros ("7,09" bảy phẩy không chín; "1,50" một phẩy năm mươi); "digits"
            reads every decimal digit alone (bảy phẩy không chín; một phẩy năm không).
        month_one: the name of month 1: "một" (tháng một) or "giêng".
        day_prefix: "" or "mùng"/"mồng" before a day 1–10 of a date (ngày mùng năm tháng ba).
        date_day_word: insert "ngày" before a bare day/month/year date ("20/1/2022").
        minute_word: say "phút" after the minutes of a clock time ("tám giờ ba mươi phút").
        fraction: "auto" reads a count out of a total with "trên" (22/28 chỉ tiêu) and a share
            of a whole with "phần" (1/3 dân số); "phần" or "trên" always use that word.
        per: the word for "/" before a unit or noun after a figure ("đồng một ki lô gam").
        per_time: the word for "/" before a unit of time after money ("/ngày", "/giờ").
        per_compound: the word for "/" inside a compound unit ("km/h": ki lô mét trên giờ).
        range_word: the word for the dash of a range ("3-5%": ba đến năm phần trăm).
        dollar: the reading of "$" and "USD": "đô la", "đô la Mỹ" or "đô".
        cents: read the decimals of a dollar or euro amount as cents ("10,5$": mười đô la
            năm mươi xu).
        units: which column of ``spoken_units.tsv`` names units: "news" (xen ti mét) or
            "nemo" (xăng ti mét, and its other spellings).
        lowercase_roman: also read a lower-case Roman numeral after a head word ("chương
            ix"); off by default, as news writes list labels that way ("mục c").
        bare_slash: a bare "15/5" with no date word before it: "date" (mười lăm tháng năm)
            or "fraction" (mười lăm phần năm); the other reading is an alternative.
        roman_after_thu: "ordinal" reads "thứ I" as "thứ nhất"; "cardinal" as "thứ một".
        expand_abbreviations: write out the abbreviations of the tables (UBND, TP., HLV…).
        letters: foreign acronyms with no expansion (GDP, WHO): "keep" them as written,
            spell them with Vietnamese letter names ("vi": gờ đê pê) or English ones ("en").
        shorthand: "1tr5" as "full" (một triệu năm trăm nghìn) or "short" (một triệu rưỡi).
        skip_boilerplate: leave out the boilerplate lines of a page of several lines (photo
            placeholders, share and comment widgets…) and URLs.
        abbreviations: your own abbreviations and their readings; they take precedence over
            the packaged tables (a ``dict`` is accepted and stored read-only).

    >>> SpokenStyle().thousand, SpokenStyle(thousand="ngàn").thousand
    ('nghìn', 'ngàn')
    >>> SpokenStyle(zero_tens="le")
    Traceback (most recent call last):
    ...
    ValueError: SpokenStyle.zero_tens must be one of 'lẻ', 'linh', not 'le'
    """

    thousand: Literal["nghìn", "ngàn"] = "nghìn"
    billion: Literal["tỷ", "tỉ"] = "tỷ"
    zero_tens: Literal["lẻ", "linh"] = "lẻ"
    zero_hundreds: bool = True
    four_after_tens: Literal["tư", "bốn"] = "tư"
    five_after_tens: Literal["lăm", "nhăm"] = "lăm"
    decimals: Literal["number", "digits"] = "number"
    month_one: Literal["một", "giêng"] = "một"
    day_prefix: Literal["", "mùng", "mồng"] = ""
    date_day_word: bool = False
    minute_word: bool = False
    fraction: Literal["auto", "phần", "trên"] = "auto"
    per: Literal["một", "trên"] = "một"
    per_time: Literal["một", "trên"] = "một"
    per_compound: Literal["trên", "một"] = "trên"
    range_word: Literal["đến", "tới"] = "đến"
    dollar: Literal["đô la", "đô la Mỹ", "đô"] = "đô la"
    cents: bool = False
    units: Literal["news", "nemo"] = "news"
    lowercase_roman: bool = False
    bare_slash: Literal["date", "fraction"] = "date"
    roman_after_thu: Literal["ordinal", "cardinal"] = "ordinal"
    expand_abbreviations: bool = True
    letters: Literal["keep", "vi", "en"] = "keep"
    shorthand: Literal["full", "short"] = "full"
    skip_boilerplate: bool = True
    abbreviations: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        for name, allowed in _CHOICES.items():
            value = getattr(self, name)
            if value not in allowed:
                listed = ", ".join(repr(choice) for choice in allowed)
                raise ValueError(f"SpokenStyle.{name} must be one of {listed}, not {value!r}")
        for item in fields(self):
            if item.type == "bool" and not isinstance(getattr(self, item.name), bool):
                raise TypeError(f"SpokenStyle.{item.name} must be a bool")
        table = self.abbreviations
        if not isinstance(table, Mapping):
            raise TypeError("SpokenStyle.abbreviations must be a mapping of str to str")
        copied = dict(table)
        if not all(isinstance(k, str) and isinstance(v, str) and k for k, v in copied.items()):
            raise TypeError("SpokenStyle.abbreviations must map non-empty str to str")
        object.__setattr__(self, "abbreviations", MappingProxyType(copied))
        # The readers cache per style; hashing 28 fields at every lookup would cost more than
        # the cached work. The hash covers every field, the abbreviations included.
        values = tuple(
            getattr(self, item.name) for item in fields(self) if item.name != "abbreviations"
        )
        object.__setattr__(self, "_hash", hash((values, frozenset(copied.items()))))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined, no-any-return]

    @classmethod
    def nemo(cls) -> SpokenStyle:
        """The conventions of NVIDIA NeMo's Vietnamese text normalisation tests.

        "linh" and no "không trăm" (1020: một nghìn hai mươi), decimals digit by digit,
        "ngày" before a bare date, "phút" after minutes, fractions with "phần", "trên"
        before units of time, dollar and euro cents, NeMo's unit names (xăng ti mét), and
        lower-case Roman numerals after their head words, a bare "15/5" as a fraction, and
        "thứ I" as "thứ một".

        >>> style = SpokenStyle.nemo()
        >>> style.zero_tens, style.zero_hundreds, style.decimals
        ('linh', False, 'digits')
        """
        return cls(
            zero_tens="linh",
            zero_hundreds=False,
            decimals="digits",
            date_day_word=True,
            minute_word=True,
            fraction="phần",
            per_time="trên",
            cents=True,
            units="nemo",
            lowercase_roman=True,
            bare_slash="fraction",
            roman_after_thu="cardinal",
        )

    def replace(self, **changes: object) -> SpokenStyle:
        """A copy with some fields changed.

        >>> SpokenStyle().replace(letters="vi").letters
        'vi'
        """
        return replace(self, **changes)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        """The fields as JSON-ready data.

        >>> SpokenStyle(abbreviations={"BQL": "ban quản lý"}).to_dict()["abbreviations"]
        {'BQL': 'ban quản lý'}
        """
        data: dict[str, object] = {item.name: getattr(self, item.name) for item in fields(self)}
        data["abbreviations"] = dict(self.abbreviations)
        return data
