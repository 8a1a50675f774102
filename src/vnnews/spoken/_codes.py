"""Digits that are not plain figures: phone numbers, codes, versions, scores, powers, clock
shorthands ("8g sáng", "3p20s"), English digit grouping, and the last-resort digit reader.

>>> from vnnews.spoken._context import Context
>>> from vnnews.spoken._style import SpokenStyle
>>> text = "gọi 0912 345 678, xem COVID-19 và PM2.5"
>>> ctx = Context(text, SpokenStyle(), {})
>>> read_phone(ctx, 4).spoken
'không chín một hai ba bốn năm sáu bảy tám'
>>> read_code(ctx, text.index("COVID")).spoken, read_code(ctx, text.index("PM")).spoken
('Covid mười chín', 'PM hai chấm năm')
"""

from __future__ import annotations

import regex

from vnnews.spoken import _lexicon as lex
from vnnews.spoken._context import (
    Context,
    Reading,
    phrase_after,
    phrase_among,
    phrase_before,
    previous_words,
)
from vnnews.spoken._dates import clock_words
from vnnews.spoken._numerals import cardinal, decimal, digits, is_digits
from vnnews.spoken._style import SpokenStyle

__all__ = [
    "after_digits",
    "read_code",
    "read_digits",
    "read_dimensions",
    "read_document_number",
    "read_english_grouping",
    "read_glued_time",
    "read_phone",
    "read_power",
    "read_ratio",
    "read_score",
    "read_version",
]

_PHONE_SHAPES = regex.compile(
    r"(?<![0-9.,])(?:"
    r"(?P<plus>\+)84[ .\-]?[0-9]{2,3}(?:[ .\-]?[0-9]{3,4}){2}"
    r"|\(0[0-9]{2,3}\)[ ]?[0-9]{3,4}[ .\-]?[0-9]{3,4}"
    r"|0[0-9]{2,3}[ .\-]?[0-9]{3,4}[ .\-]?[0-9]{3,4}"
    r"|1[89]00[ .\-]?[0-9]{3,6}"
    r")(?![0-9]|[.,][0-9])"
)
_DIGIT_GROUPS = regex.compile(
    r"(?<![0-9.,])\+?[0-9]{2,6}(?:[ .\-][0-9]{2,6}){0,4}(?![0-9]|[.,][0-9])"
)
_VERSION = regex.compile(
    r"(?<![0-9.,])(?P<head>[0-9]{1,3})(?P<rest>(?:\.[0-9]{1,2}){1,3})(?![0-9]|[.,][0-9])"
)
_SCALE_AFTER = regex.compile(
    r"[ ]?(?:nghìn|ngàn|triệu|tỷ|tỉ|vạn|tr|k|%)(?![\p{L}])", regex.IGNORECASE
)
_POWER = regex.compile(
    r"(?<![0-9.,])(?P<base>[0-9]{1,4})(?:\^(?P<sign>[-−]?)(?P<exp>[0-9]{1,3})"
    r"|(?P<sup>[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?![0-9])"
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_ENGLISH_GROUPING = regex.compile(
    r"(?<![0-9.,])(?P<int>[0-9]{1,3}(?:,[0-9]{3}){1,})\.(?P<frac>[0-9]{1,6})(?![0-9]|[.,][0-9])"
)
_GLUED_CLOCK = regex.compile(
    r"(?<![\p{L}0-9])(?P<hour>[0-9]{1,2})(?P<sep>[gGhH])(?P<minute>[0-9]{2})?(?![\p{L}0-9])"
)
_HOUR_RANGE = regex.compile(
    r"(?<![\p{L}0-9])(?P<a>[0-9]{1,2})[ ]?[-–][ ]?(?P<b>[0-9]{1,2})[hgG](?![\p{L}0-9])"
)
_MINUTES_SECONDS = regex.compile(
    r"(?<![\p{L}0-9])(?:(?P<minute>[0-9]{1,3})p(?:(?P<second>[0-9]{1,2})s)?"
    r"|(?P<alone>[0-9]{1,3})s)(?![\p{L}0-9])"
)
_SCORE = regex.compile(
    r"(?<![0-9\-–/.,])(?P<a>[0-9]{1,2})(?P<dash>[ ]?[-–][ ]?)(?P<b>[0-9]{1,2})(?![0-9]|[\-–/.,][0-9])"
)
_CODE = regex.compile(
    r"(?<![\p{L}\p{M}0-9])"
    r"[\p{L}0-9](?:[\p{L}\p{M}0-9]|[\-/.+&_](?=[\p{L}0-9])){0,40}"
    r"(?![\p{L}\p{M}0-9])"
)
_RUNS = regex.compile(r"(?P<digits>[0-9]+)|(?P<letters>[\p{L}\p{M}]+)|(?P<sep>.)")
_DIGIT_RUN = regex.compile(r"(?<![0-9])[0-9]{1,40}(?![0-9])")
_DIGIT_GROUP = regex.compile(r"[0-9]+")


def after_digits(text: str, position: int) -> str:
    """The character after the run of digits at ``position`` ("" at the end of the text)."""
    end = position
    limit = len(text)
    while end < limit and "0" <= text[end] <= "9":
        end += 1
    return text[end : end + 1]


def read_phone(ctx: Context, position: int) -> Reading | None:
    """A phone number, by its shape ("0912 345 678", "1900 1234", "+84 …") or after a word
    such as "điện thoại" or "hotline": every digit alone."""
    text = ctx.text
    first = text[position]
    if first not in "0123456789+(":
        return None
    found = None
    if first in "0+(" or text.startswith(("1800", "1900"), position):
        found = _PHONE_SHAPES.match(text, position)
    rule = "phone.shape"
    if found is None:
        found = _DIGIT_GROUPS.match(text, position)
        if found is None or not _after_phone_word(text, position):
            return None
        rule = "phone.context"
    written = found[0]
    spoken = ("cộng " if written.startswith("+") else "") + " ".join(
        digits(group) for group in _DIGIT_GROUP.findall(written)
    )
    return Reading(found.start(), found.end(), spoken, "phone", rule)


def _after_phone_word(text: str, position: int) -> bool:
    words = lex.context_words()["phone"]
    start = position
    # "ĐT: 0912…", "hotline 1900…", "(ĐT 0912…)": a colon or an opening bracket may sit between.
    while start > 0 and text[start - 1] in " :(":
        start -= 1
    return start < position and phrase_before(text, start, words, 3)


def read_version(ctx: Context, position: int) -> Reading | None:
    """ "4.0", "5.1.2": a dot that does not group thousands is read "chấm"; "1.5" could also be
    an English decimal point (an alternative reading with "phẩy")."""
    if after_digits(ctx.text, position) != ".":
        return None
    found = _VERSION.match(ctx.text, position)
    if found is None:
        return None
    style = ctx.style
    parts = [found["head"], *found["rest"].split(".")[1:]]
    if len(parts) == 2 and _SCALE_AFTER.match(ctx.text, found.end()):
        # "1.5 triệu": a decimal point before a scale word is the decimal comma.
        spoken = f"{cardinal(parts[0], style)} phẩy {_version_part(parts[1], style)}"
        return Reading(found.start(), found.end(), spoken, "decimal", "figure.decimal_point")
    spoken = " chấm ".join(_version_part(part, style) for part in parts)
    alternatives: tuple[str, ...] = ()
    if len(parts) == 2 and parts[1].strip("0"):
        alternatives = (f"{cardinal(parts[0], style)} phẩy {_version_part(parts[1], style)}",)
    return Reading(found.start(), found.end(), spoken, "code", "code.version", alternatives)


def _version_part(part: str, style: SpokenStyle) -> str:
    return digits(part) if len(part) > 1 and part.startswith("0") else cardinal(part, style)


def read_power(ctx: Context, position: int) -> Reading | None:
    """ "10^9", "10⁹": mười mũ chín."""
    following = after_digits(ctx.text, position)
    if not following or following not in "^⁰¹²³⁴⁵⁶⁷⁸⁹⁻":
        return None
    found = _POWER.match(ctx.text, position)
    if found is None:
        return None
    style = ctx.style
    if found["exp"] is not None:
        negative, exponent = bool(found["sign"]), found["exp"]
    else:
        written = found["sup"].translate(_SUPERSCRIPTS)
        negative, exponent = written.startswith("-"), written.lstrip("-")
    spoken = f"{cardinal(found['base'], style)} mũ {'âm ' if negative else ''}{cardinal(exponent, style)}"
    return Reading(found.start(), found.end(), spoken, "cardinal", "code.power")


def read_english_grouping(ctx: Context, position: int) -> Reading | None:
    """ "1,234,567.89": commas grouping thousands and a decimal point, the English way (a
    figure without the point, "1,234,567", is read by the figure reader)."""
    if after_digits(ctx.text, position) != ",":
        return None
    found = _ENGLISH_GROUPING.match(ctx.text, position)
    if found is None:
        return None
    style = ctx.style
    spoken = f"{cardinal(found['int'].replace(',', ''), style)} chấm {digits(found['frac'])}"
    return Reading(found.start(), found.end(), spoken, "decimal", "figure.english_grouping")


def read_glued_time(ctx: Context, position: int) -> Reading | None:
    """Clock and duration shorthands the date reader does not take: "14g30", "8g sáng",
    "lúc 8g", "24h", "5p", "3p20s", "30s". A bare "8g" is grams or eight o'clock."""
    text, style = ctx.text, ctx.style
    following = after_digits(text, position)
    if following in (" ", "-", "–"):
        hours = _HOUR_RANGE.match(text, position)
        if hours is not None and int(hours["a"]) <= 24 and int(hours["b"]) <= 24:
            # "7-9h": bảy đến chín giờ
            spoken = f"{cardinal(hours['a'], style)} {style.range_word} {cardinal(hours['b'], style)} giờ"
            return Reading(hours.start(), hours.end(), spoken, "interval", "time.hour_range")
    if not following or following not in "gGhHps":
        return None
    found = _GLUED_CLOCK.match(text, position)
    if found is not None:
        return _clock(ctx, found)
    found = _MINUTES_SECONDS.match(text, position)
    if found is None:
        return None
    if found["alone"] is not None:
        spoken = f"{cardinal(found['alone'], style)} giây"
        return Reading(found.start(), found.end(), spoken, "time", "time.seconds")
    minute, second = found["minute"], found["second"]
    parts = [f"{cardinal(minute, style)} phút"] if minute.strip("0") or not second else []
    if second and second.strip("0"):
        parts.append(f"{cardinal(second, style)} giây")
    if not parts:
        parts = [f"{cardinal(minute, style)} phút"]
    return Reading(found.start(), found.end(), " ".join(parts), "time", "time.minutes")


def _clock(ctx: Context, found: regex.Match[str]) -> Reading | None:
    text, style = ctx.text, ctx.style
    hour, minute, separator = found["hour"], found["minute"], found["sep"].lower()
    if int(hour) > 24:
        return None
    start, end = found.span()
    if minute is not None:
        spoken = clock_words(hour, minute, None, style)
        return None if spoken is None else Reading(start, end, spoken, "time", "time.glued_clock")
    time_reading = f"{cardinal(hour, style)} giờ"
    if separator == "h":
        return Reading(start, end, time_reading, "time", "time.glued_hour")
    roles = lex.context_words()
    if phrase_after(text, end, roles["part_of_day"], 2) or phrase_before(
        text, start, roles["time_lead"], 1
    ):
        return Reading(start, end, time_reading, "time", "time.glued_hour")
    if found["sep"] == "G":
        return None  # "5G", "4G": a code
    gram = f"{cardinal(hour, style)} gam"
    return Reading(start, end, gram, "unit", "time.gram_or_hour", (time_reading,))


def read_score(ctx: Context, position: int) -> Reading | None:
    """ "thắng 2-1": hai - một. Without a score word the shape alone decides (vnnews reads
    ranges and dates first)."""
    text, style = ctx.text, ctx.style
    following = after_digits(text, position)
    if not following or following not in " -–":
        return None
    found = _SCORE.match(text, position)
    if found is None:
        return None
    words = previous_words(text, position, 6)
    rule = "score.context" if phrase_among(words, lex.context_words()["score"]) else "score.shape"
    spoken = f"{cardinal(found['a'], style)} - {cardinal(found['b'], style)}"
    return Reading(found.start(), found.end(), spoken, "score", rule)


_DOCUMENT = regex.compile(
    r"(?<![\p{L}\p{M}0-9/\-.])(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,6})(?:[/\-][0-9]{1,6}){0,2}"
    r"[/\-]\p{Lu}[\p{L}\p{M}0-9]{0,12}"
    r"(?:[/\-&][\p{L}\p{M}][\p{L}\p{M}0-9]{0,11}){0,4}(?![\p{L}\p{M}0-9])"
)


def read_document_number(ctx: Context, position: int) -> Reading | None:
    """The number of an official document: "15/2022/NĐ-CP", "05-CT/TW", "123/QĐ-UBND".
    Its letters stay as written; its numbers are read as numbers (a leading zero digit by
    digit)."""
    following = after_digits(ctx.text, position)
    if not following or following not in "/-.":
        return None
    found = _DOCUMENT.match(ctx.text, position)
    if found is None:
        return None
    written = found[0]
    head, separator, rest = written.partition("/") if "." in written.split("/")[0] else ("", "", "")
    if separator:  # "2.566/QĐ-BYT": a number grouped by dots, then the code
        number = cardinal(head.replace(".", ""), ctx.style)
        spoken = f"{number} {_code_words(rest, ctx, document=True)}"
    else:
        spoken = _code_words(written, ctx, document=True)
    return Reading(found.start(), found.end(), spoken, "code", "code.document")


_RATIO = regex.compile(r"(?<![0-9:])(?P<a>[0-9]{1,3}):(?P<b>[0-9]{1,3})(?![0-9]|:[0-9])")


_DIMENSIONS = regex.compile(
    r"(?<![\p{L}0-9.,])(?P<a>[0-9]{1,4}(?:,[0-9]{1,3})?)[x×](?P<b>[0-9]{1,4}(?:,[0-9]{1,3})?)"
    r"(?:[x×](?P<c>[0-9]{1,4}(?:,[0-9]{1,3})?))?(?P<unit>[a-zA-Z²³]{1,3})?(?![\p{L}0-9])"
)


def read_dimensions(ctx: Context, position: int) -> Reading | None:
    """ "3x4m", "20x30x5cm": sizes glued with "x", read "ba nhân bốn mét"."""
    found = _DIMENSIONS.match(ctx.text, position)
    if found is None:
        return None
    unit_text = found["unit"]
    unit = lex.units().get(unit_text) if unit_text else None
    if unit_text and unit is None:
        return None
    style = ctx.style
    sizes = [found[name] for name in ("a", "b", "c") if found[name]]
    words = " nhân ".join(_size_words(size, style) for size in sizes)
    if unit is not None:
        words += f" {unit.reading(style)}"
    return Reading(found.start(), found.end(), words, "unit", "unit.dimensions")


def _size_words(size: str, style: SpokenStyle) -> str:
    whole, _, fraction = size.partition(",")
    return decimal(whole, fraction, style) if fraction else cardinal(whole, style)


def read_ratio(ctx: Context, position: int) -> Reading | None:
    """ "1:2" that the date reader did not take for a time: a score after a score word
    ("tỷ số 2:1": hai - một), else a ratio (một trên hai)."""
    text, style = ctx.text, ctx.style
    found = _RATIO.match(text, position)
    if found is None:
        return None
    first, second = cardinal(found["a"], style), cardinal(found["b"], style)
    if phrase_among(previous_words(text, position, 4), lex.context_words()["score"]):
        return Reading(found.start(), found.end(), f"{first} - {second}", "score", "score.colon")
    return Reading(found.start(), found.end(), f"{first} trên {second}", "fraction", "ratio")


def read_code(ctx: Context, position: int) -> Reading | None:
    """A code mixing letters and digits ("U23", "COVID-19", "H5N1", "MH370", "Quốc lộ 1A",
    "15/2022/NĐ-CP", "05-CT/TW"): letters as written, short numbers as numbers, long ones and
    those with a leading zero digit by digit; in a document number ("…/NĐ-CP") every number
    is read as a number."""
    found = _CODE.match(ctx.text, position)
    if found is None:
        return None
    written = found[0].rstrip(".")
    if not any(char.isdigit() for char in written) or is_digits(written):
        return None
    if not any(char.isalpha() for char in written) and not any(sep in written for sep in "/-+"):
        return None
    document = "/" in written and any(char.isupper() for char in written)
    spoken = _code_words(written, ctx, document=document)
    end = found.start() + len(written)
    return Reading(
        found.start(), end, spoken, "code", "code.document" if document else "code.mixed"
    )


def _code_words(written: str, ctx: Context, *, document: bool) -> str:
    style = ctx.style
    words: list[str] = []
    runs = list(_RUNS.finditer(written))
    glue = False  # the next word joins the last one (a "/" or "-" between letters is kept)
    for index, run in enumerate(runs):
        if run["digits"] is not None:
            number = run["digits"]
            after_dot = (
                index > 0 and runs[index - 1]["sep"] == "." and _is_digit_run(runs, index - 2)
            )
            if after_dot:
                words.append("chấm")
                words.append(digits(number) if len(number) > 2 else cardinal(number, style))
            elif number.startswith("0") and len(number) > 1:
                words.append(digits(number))
            elif (
                document
                or len(number) <= 2
                or _after_dash(runs, index)
                or _after_plus(runs, index)
                or (len(number) <= 4 and number.endswith("00"))  # "C200": C hai trăm
            ):
                words.append(cardinal(number, style))
            else:
                words.append(digits(number))
            glue = False
        elif run["letters"] is not None:
            letters = run["letters"]
            prefix = lex.code_prefixes().get(letters) if index == 0 else None
            if prefix is None and index > 0 and runs[index - 1]["digits"] is not None:
                prefix = _suffix_word(letters)  # "2PN": hai phòng ngủ
            word = prefix if prefix is not None else _acronym_word(letters)
            if glue and words:
                words[-1] += word
            else:
                words.append(word)
            glue = False
        else:
            separator = run["sep"]
            if separator == "+":
                words.append("cộng")
            elif separator in "/-&" and _letters_around(runs, index):
                words[-1] += separator
                glue = True
    return " ".join(words)


def _after_dash(runs: list[regex.Match[str]], index: int) -> bool:
    """ "S-300", "Su-30": a number after a dash is read as a number."""
    return index >= 2 and runs[index - 1]["sep"] == "-" and len(runs[index]["digits"]) <= 4


def _after_plus(runs: list[regex.Match[str]], index: int) -> bool:
    """ "Km15+500": the metres after a kilometre mark are a number."""
    return index >= 1 and runs[index - 1]["sep"] == "+"


def _is_digit_run(runs: list[regex.Match[str]], index: int) -> bool:
    return index >= 0 and runs[index]["digits"] is not None


def _letters_around(runs: list[regex.Match[str]], index: int) -> bool:
    before = runs[index - 1] if index > 0 else None
    after = runs[index + 1] if index + 1 < len(runs) else None
    return bool(before and after and before["letters"] and after["letters"])


def _suffix_word(letters: str) -> str | None:
    """The expansion of an abbreviation written right after a number ("2PN"), if the
    tables have one with a single reading."""
    known = lex.abbreviations().get(letters)
    if known is None or known.where != "word" or len(known.readings) > 1 or len(letters) < 2:
        return None
    return known.readings[0]


def _acronym_word(letters: str) -> str:
    known = lex.abbreviations().get(letters)
    if known is not None and known.where == "letters":
        return known.readings[0]
    return letters


def read_digits(ctx: Context, position: int) -> Reading | None:
    """The last resort for a digit run no other rule read: digit by digit when it starts
    with 0 and has three digits or more, else as a number."""
    found = _DIGIT_RUN.match(ctx.text, position)
    if found is None:
        return None
    written = found[0]
    if written.startswith("0") and len(written) > 2:
        return Reading(found.start(), found.end(), digits(written), "code", "digits.alone")
    return Reading(
        found.start(), found.end(), cardinal(written, ctx.style), "cardinal", "digits.number"
    )
