"""Words written with letters that are not read as written: abbreviations, acronyms, Roman
numerals after their head word, ordinals after "thứ", and symbols.

>>> from vnnews.spoken._context import Context
>>> from vnnews.spoken._style import SpokenStyle
>>> text = "HLV Park và UBND TP.HCM"
>>> ctx = Context(text, SpokenStyle(), {})
>>> read_abbreviation(ctx, 0).spoken, read_abbreviation(ctx, text.index("UBND")).spoken
('Huấn luyện viên', 'Ủy ban nhân dân')
>>> read_abbreviation(ctx, text.index("TP")).spoken
'Thành phố Hồ Chí Minh'
"""

from __future__ import annotations

from functools import lru_cache

import regex

from vnnews._syllables import is_vietnamese_syllable
from vnnews.spoken import _lexicon as lex
from vnnews.spoken._context import Context, Reading, phrase_before, previous_words
from vnnews.spoken._numerals import cardinal, ordinal, roman_value
from vnnews.spoken._result import SpokenKind
from vnnews.spoken._style import SpokenStyle

__all__ = [
    "read_abbreviation",
    "read_letters",
    "read_ordinal",
    "read_roman",
    "read_symbol",
    "starts_sentence",
]

_BOUNDARY_AFTER = r"(?![\p{L}\p{M}0-9])"
_DOTTED = regex.compile(
    r"(?<![\p{L}\p{M}0-9.])(?P<parts>[\p{L}]{1,6}(?:[.\-][\p{L}]{1,6}){1,4})(?P<dot>\.)?"
    + _BOUNDARY_AFTER
)
_CAPITALS = regex.compile(r"(?<![\p{L}\p{M}0-9])\p{Lu}[\p{Lu}\p{M}]{1,11}" + _BOUNDARY_AFTER)
_ROMAN = regex.compile(r"(?<![\p{L}\p{M}0-9])[IVXLCDMivxlcdm]{1,15}" + _BOUNDARY_AFTER)
_THU = regex.compile(
    r"(?P<thu>[Tt]hứ)[ ](?P<value>[0-9]{1,4}(?![0-9.,/:hHgG\-])|[IVXLCDM]{1,12})" + _BOUNDARY_AFTER
)
_QUARTER = frozenset({"quý"})
_PART_SEPARATOR = regex.compile(r"[.\-]")
_LIST_GAP = regex.compile(r",[ ]|[ ]và[ ]|[ ]?[-–][ ]?|[ ]?/[ ]?")
_PREFIX_FOLLOWER = regex.compile(r"[ ]?(?:\p{Lu}|[0-9])")
_PHONE_FOLLOWER = regex.compile(r"[ ]?:?[ ]?[0-9+(]")
_SENTENCE_END = frozenset(".!?…:")
_OPENERS = frozenset("\"'“‘«([")


def starts_sentence(text: str, position: int) -> bool:
    """Whether ``position`` opens a line or a sentence (after ". ", "! ", "? ", ": "…)."""
    index = position
    while index > 0 and text[index - 1] in _OPENERS:
        index -= 1
    if index == 0 or text[index - 1] == "\n":
        return True
    if text[index - 1] != " ":
        return False
    return index > 1 and text[index - 2] in _SENTENCE_END


def _capitalize(spoken: str, written: str, text: str, position: int) -> str:
    if spoken[:1].islower() and written[:1].isupper() and starts_sentence(text, position):
        return spoken[:1].upper() + spoken[1:]
    return spoken


_TOKEN = regex.compile(r"[^\s]{1,40}")


def _longest_key(
    text: str, position: int, table: dict[str, lex.Abbreviation], spaced: tuple[str, ...]
) -> str | None:
    """The longest key of ``table`` written at ``position`` and ending at a word boundary (a
    key ending in "." may touch what follows: "Q.1", "TP.Hồ Chí Minh"). ``spaced``: the keys
    with a space ("TP HCM"), longest first."""
    if position > 0 and (text[position - 1].isalnum() or _is_mark(text[position - 1])):
        return None
    token = _TOKEN.match(text, position)
    if token is None:
        return None
    for key in spaced:
        if text.startswith(key, position) and _ends_word(text, position + len(key), key):
            return key
    chunk = token[0]
    for end in range(len(chunk), 0, -1):
        key = chunk[:end]
        if key in table and _ends_word(text, position + end, key):
            return key
    return None


def _ends_word(text: str, end: int, key: str) -> bool:
    if key.endswith("."):
        return True
    following = text[end : end + 1]
    return not (following.isalnum() or (following and _is_mark(following)))


def _is_mark(char: str) -> bool:
    """Whether ``char`` is a combining mark (the text is NFC, so rarely)."""
    return "\u0300" <= char <= "\u036f"


@lru_cache(maxsize=16)
def _table(style: SpokenStyle) -> tuple[dict[str, lex.Abbreviation], tuple[str, ...]]:
    """The abbreviations for ``style`` (its own first) and those written with a space."""
    table = dict(lex.abbreviations())
    for key, value in style.abbreviations.items():
        table[key] = lex.Abbreviation(key, (value,), "word")
    spaced = tuple(sorted((key for key in table if " " in key), key=len, reverse=True))
    return table, spaced


def read_abbreviation(ctx: Context, position: int) -> Reading | None:
    """An abbreviation of the tables (your ``SpokenStyle.abbreviations`` first): "UBND",
    "TP.HCM", "GS.TS.", "HLV"; an address or title prefix before a name or a number ("H. Củ
    Chi", "Q.1", "TS. Lan"); a dotted compound of known parts ("PGS.TS.BS")."""
    text, style = ctx.text, ctx.style
    table, spaced = _table(style)
    key = _longest_key(text, position, table, spaced)
    if key is not None:
        reading = _table_reading(ctx, position, key, table)
        if reading is not None:
            return reading
    return _compound(ctx, position, table)


def _table_reading(
    ctx: Context, start: int, written: str, table: dict[str, lex.Abbreviation]
) -> Reading | None:
    text, style = ctx.text, ctx.style
    entry = table[written]
    end = start + len(written)
    if entry.where == "keep":
        return Reading(start, end, entry.readings[0], "letters", "abbreviation.keep")
    if entry.where == "letters":
        if text[end : end + 1] == "-" and text[end + 1 : end + 2].isdigit():
            return None  # "COVID-19": one code
        return Reading(start, end, entry.readings[0], "letters", "abbreviation.acronym")
    if not style.expand_abbreviations:
        return None
    if written.lower() in lex.context_words()["brand_prefix"] and _foreign_name_follows(text, end):
        return Reading(start, end, written, "letters", "abbreviation.brand")
    if entry.where == "prefix":
        if _PREFIX_FOLLOWER.match(text, end) is None:
            bare = table.get(written.rstrip("."))
            if bare is None or bare.where != "word":
                return None
            entry, end, written = bare, end - 1, written.rstrip(".")
        elif written == "Q." and _title_follows(text, end):
            spoken = _capitalize("quyền", written, text, start)
            return Reading(start, end, spoken, "abbreviation", "abbreviation.acting")
    readings = _ordered(entry.readings, text, end)
    if readings[0] != entry.readings[0]:
        readings = readings[:1]  # the context decided
    spoken = _capitalize(readings[0], written, text, start)
    alternatives = tuple(_capitalize(r, written, text, start) for r in readings[1:])
    return Reading(start, end, spoken, "abbreviation", f"abbreviation.{entry.where}", alternatives)


def _foreign_name_follows(text: str, end: int) -> bool:
    """Whether a capitalised word that is not a Vietnamese syllable follows ("PV Gas")."""
    words = text[end : end + 24].split(maxsplit=1)
    if not words or text[end : end + 1] != " ":
        return False
    word = words[0].rstrip(".,;:!?)")
    return word[:1].isupper() and word.isalpha() and not is_vietnamese_syllable(word)


def _ordered(readings: tuple[str, ...], text: str, end: int) -> tuple[str, ...]:
    """The readings, a phone reading first when a number follows ("ĐT: 0912…")."""
    if len(readings) > 1 and _PHONE_FOLLOWER.match(text, end):
        phone = [reading for reading in readings if "điện thoại" in reading]
        if phone:
            return (phone[0], *(reading for reading in readings if reading != phone[0]))
    return readings


def _title_follows(text: str, end: int) -> bool:
    words = text[end : end + 30].strip().lower().split()
    heads = lex.context_words()["title_head"]
    return bool(words) and (words[0] in heads or " ".join(words[:2]) in heads)


def _compound(ctx: Context, position: int, table: dict[str, lex.Abbreviation]) -> Reading | None:
    if not ctx.style.expand_abbreviations:
        return None
    found = _DOTTED.match(ctx.text, position)
    if found is None:
        return None
    readings = []
    for part in _PART_SEPARATOR.split(found["parts"]):
        entry = table.get(part) or table.get(part + ".")
        if entry is None or entry.where not in ("word", "prefix") or len(entry.readings) > 1:
            return None
        readings.append(entry.readings[0])
    spoken = _capitalize(" ".join(readings), found[0], ctx.text, position)
    return Reading(found.start(), found.end(), spoken, "abbreviation", "abbreviation.compound")


def read_letters(ctx: Context, position: int) -> Reading | None:
    """An acronym of capitals with no expansion ("GDP", "WHO", "FIFA"): kept as written, or
    spelt with letter names (``SpokenStyle.letters``). Words of a capitalised headline
    ("HÀ NỘI", "TRONG") are not acronyms."""
    text, style = ctx.text, ctx.style
    found = _CAPITALS.match(text, position)
    if found is None:
        return None
    written = found[0]
    if _is_word(written) or _capitalised_line(text, position):
        return None
    if style.letters == "keep":
        spoken = written
    else:
        names = lex.letter_names()
        column = 0 if style.letters == "vi" else 1
        if any(char not in names for char in written):
            spoken = written
        else:
            spoken = " ".join(names[char][column] for char in written)
    return Reading(found.start(), found.end(), spoken, "letters", f"letters.{style.letters}")


_VIETNAMESE_MARKED = regex.compile(
    r"[ĂÂÊÔƠƯĐÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]"
)


def _is_word(written: str) -> bool:
    """A capitalised Vietnamese word, not an acronym: it has a vowel with a Vietnamese mark
    (other than in "Đ"), or it is spelt as one Vietnamese syllable of three letters or more."""
    marked = _VIETNAMESE_MARKED.search(written.replace("Đ", ""))
    if marked is not None:
        return True
    return len(written) >= 3 and is_vietnamese_syllable(written)


def _capitalised_line(text: str, position: int) -> bool:
    """Whether the line around ``position`` is written in capitals (a headline)."""
    window_start = max(0, position - 200)
    line_start = text.rfind("\n", window_start, position) + 1 or window_start
    line_end = text.find("\n", position, position + 200)
    if line_end < 0:
        line_end = min(len(text), position + 200)
    line = text[line_start:line_end]
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 12 and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


def read_roman(ctx: Context, position: int) -> Reading | None:
    """A Roman numeral after a head word ("khóa XV", "thế kỷ XXI", "Đại hội XIII") or in a
    list after one ("khóa XI, XII"): read as the number."""
    text, style = ctx.text, ctx.style
    found = _ROMAN.match(text, position)
    if found is None:
        return None
    written = found[0]
    value = roman_value(written)
    if value is None:
        return None
    roles = lex.context_words()
    upper = written.isupper()
    if not upper and not (style.lowercase_roman and written.islower()):
        return None
    heads = roles["roman_head"] if upper else roles["roman_head_any"]
    head = phrase_before(text, position, heads, 3)
    if not head and not _continues_list(ctx, position):
        return None
    # "nhóm C", "hạng D": a one-letter grade, unless NeMo's heads read it as a numeral.
    nemo_head = style.lowercase_roman and phrase_before(text, position, roles["roman_head_any"], 3)
    if len(written) == 1 and written.upper() not in "IVX" and not nemo_head:
        return None
    kind: SpokenKind = "date" if phrase_before(text, position, _QUARTER, 1) else "roman"
    return Reading(found.start(), found.end(), cardinal(str(value), style), kind, f"{kind}.roman")


def _continues_list(ctx: Context, position: int) -> bool:
    last = ctx.last
    if last is None or last.kind not in ("roman", "ordinal") or last.end > position:
        return False
    return _LIST_GAP.fullmatch(ctx.text, last.end, position) is not None


def read_ordinal(ctx: Context, position: int) -> Reading | None:
    """ "thứ 1": thứ nhất; "thứ 4": thứ tư; "lần thứ XIII": thứ mười ba. ``position`` is at
    "thứ"."""
    text, style = ctx.text, ctx.style
    found = _THU.match(text, position)
    if found is None:
        return None
    written = found["value"]
    if written[0].isdigit():
        spoken = ordinal(written, style)
    else:
        value = roman_value(written)
        if value is None:
            return None
        number = str(value)
        spoken = (
            ordinal(number, style)
            if style.roman_after_thu == "ordinal"
            else cardinal(number, style)
        )
    return Reading(found.start(), found.end(), f"{found['thu']} {spoken}", "ordinal", "ordinal.thu")


def read_symbol(ctx: Context, position: int) -> Reading | None:
    """A symbol of ``spoken_symbols.tsv`` where it is read: "&" alone, "~50", "3 × 4",
    the end mark "./."."""
    text = ctx.text
    for size in (3, 2, 1):
        written = text[position : position + size]
        if len(written) < size:
            continue
        row = lex.symbols().get(written)
        if row is None:
            continue
        reading, where = row
        end = position + size
        if _symbol_applies(text, position, end, where):
            kind_rule = f"symbol.{where}"
            return Reading(position, end, reading, "symbol", kind_rule)
    return None


def _symbol_applies(text: str, start: int, end: int, where: str) -> bool:
    before = text[start - 1 : start] if start else ""
    after = text[end : end + 1]
    if where in ("end", "any"):
        return True
    if where == "alone":
        return before in ("", " ", "\n") and after in ("", " ", "\n")
    next_digit = text[end : end + 2].lstrip(" ")[:1].isdigit()
    if where == "before_number":
        return next_digit and not before.isalnum()
    if where == "between_numbers":
        words = previous_words(text, start, 1)
        return next_digit and bool(words) and words[-1].isdigit()
    return False
