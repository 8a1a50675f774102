"""Find every figure in a text: :func:`extract_numbers`.

A left-to-right scan over the normalised text. At each place where a figure can begin, the
rule families are tried in order: a qualifier before a figure; "từ … đến …" and "giữa … và …"
ranges; ordinals ("thứ N", "đầu tiên"); Roman identifiers; then a figure with its tail (%,
currency, unit, a "/N" or "phần N" fraction, a "-"/"đến" range). Codes are skipped whole.
Spans that the date extractor claims are dropped at the end.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple, get_args

import regex

from vnnews._numerals import lexicon as lex
from vnnews.errors import require_str
from vnnews.normalization import NormalizedText, normalize_with_offsets
from vnnews.numbers import _patterns as pat
from vnnews.numbers._api import as_number
from vnnews.numbers._figures import (
    Figure,
    Numeral,
    Skip,
    code_skip,
    ends_with_phrase,
    figure_at,
    is_hotline,
    numeral_at,
    one_counts,
    one_words,
    tokens_value,
)
from vnnews.numbers._match import NumberKind, NumberMatch, Qualifier
from vnnews.numbers._names import after_product_name, in_idiom

__all__ = ["extract_numbers"]

_ORDINAL_WORDS = {"nhất": 1, "nhì": 2}  # ordinal-only words: "thứ nhất", "thứ nhì"
_QUALIFIABLE = frozenset({"cardinal", "decimal", "percent", "money", "range", "fraction"})
_CONNECTOR = regex.compile(r"(?P<dash> ?[-–—] ?)|(?P<word> (?i:đến|tới) )")
_CONNECTOR_FIRSTS = frozenset(" -–—")  # what a connector can begin with: a cheap test first
_FROM = regex.compile(r"(?i:từ) ")
_BETWEEN = regex.compile(r"(?i:giữa) ")
_AND = regex.compile(r" (?i:và) ")
_ORDINAL = regex.compile(r"(?i:thứ) ")
_FIRST = regex.compile(r"(?i:đầu tiên)(?![\p{L}\p{M}])")
# "từ 18 tuổi trở lên": up to two words (the counted noun) before "trở lên/xuống".
_BOUND_AFTER = regex.compile(
    r"(?: [\p{L}\p{M}]{1,12}){0,2} (?i:trở) (?P<dir>(?i:lên|xuống))(?![\p{L}\p{M}])"
)
_WORD = regex.compile(r"[\p{L}\p{M}]{1,10}")
_FAMILY_WORDS = frozenset({"từ", "giữa", "thứ", "đầu", "âm"})  # words that begin a family
_MULTIPLIER_ROLES = ("scale", "hundred", "ten_count")
_PLAIN_WORD_AFTER = regex.compile(r" (?P<word>[\p{L}\p{M}]{1,30})(?![\p{L}\p{M}\p{N}])")
_ROMAN_FIRSTS = frozenset("mdclxvi")  # casefolded: a Roman numeral is upper case
_ROMAN_JOINERS = frozenset({",", ", ", " và ", "-", " - ", "–", " – "})
_SENTENCE_START = regex.compile(r"(?:\A|[.!?:;\n\"“(\[–-]) ?\Z")
_DATE_REF = datetime(2000, 1, 1)


class _Draft(NamedTuple):
    """A figure found in the normalised text, before its span is mapped back.

    A named tuple, as :class:`Figure`: several times cheaper to build than a frozen dataclass.
    """

    start: int
    end: int
    kind: NumberKind
    value: Fraction
    extra: tuple[tuple[str, object], ...] = ()
    qualifier: Qualifier | None = None


class _StartScans(NamedTuple):
    """The patterns of :func:`_starts` (see :func:`_start_scans`)."""

    maybe_symbol: re.Pattern[str]
    symbol: regex.Pattern[str]
    maybe_word: re.Pattern[str]
    maybe_word_any_case: re.Pattern[str]
    word: regex.Pattern[str]


@lru_cache(maxsize=1)
def _start_scans() -> _StartScans:
    """Places where a figure may begin: digits, number words, trigger words, symbols.

    The exact patterns (``symbol``, ``word``) use the regex module's Unicode classes, and a
    regex scan costs the same at every character whatever the pattern. So the text is
    scanned with the stdlib, which skips fast to a character of the class a pattern begins
    with, and each place found is checked by the exact pattern: ``maybe_symbol`` begins with
    the first characters of the symbols (every number character among them), ``maybe_word``
    with the characters that may come before a word (the scanned text gets a space in
    front). Both are told the letters, marks and numbers of the Basic Multilingual Plane as
    the regex module classes them, and treat the other planes as "maybe": they find every
    place the exact patterns find, and few more.
    """
    firsts = {phrase.split(" ")[0] for phrase in lex.qualifiers()}
    words = set(lex.number_words()) | firsts | _FAMILY_WORDS
    markers = [m for m, _, w in lex.currencies() if w in ("before", "both")]
    symbol = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?:\p{{N}}|-(?=\d)|(?=[MDCLXVI]{{1,12}}(?![\p{{L}}\p{{M}}]))"
        rf"|(?:{pat.alternation(markers)}))"
    )
    word = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?i:{pat.trie_pattern(words)})(?![\p{{L}}\p{{M}}])"
    )
    classes = pat.bmp_classes()
    symbol_firsts = {"-", *"MDCLXVI", *(m[0] for m in markers)}
    # A capital followed by a small letter is neither a Roman numeral nor a marker, unless a
    # marker goes on with a small letter there ("Rs").
    capitals = {c for c in symbol_firsts if "A" <= c <= "Z"}
    capitals -= {m[0] for m in markers if regex.match(r".\p{Ll}", m)}
    maybe_symbol = re.compile(
        rf"[{classes.numbers}{re.escape(''.join(sorted(symbol_firsts)))}\U00010000-\U0010ffff]"
        rf"(?<![{classes.word_like}].)(?!(?<=[{''.join(sorted(capitals))}])[{classes.small}])",
        re.DOTALL,
    )
    trie = pat.trie_pattern(w.lower() for w in words)
    # A word is letters only, so a scan that consumes one misses no start after it.
    after = rf"(?![{classes.letters}])"
    maybe_word = re.compile(rf"[^{classes.word_like}](?:{trie}){after}")
    maybe_word_any_case = re.compile(rf"[^{classes.word_like}](?i:{trie}){after}")
    return _StartScans(maybe_symbol, symbol, maybe_word, maybe_word_any_case, word)


# Letters whose case folding is not their lower case, in the case-insensitive match of a word:
# the long s ("ſáu" folds to "sáu"). Text with one is scanned case-insensitively instead.
_FOLDS_APART = ("ſ", "ẛ")
_NO_LETTER = frozenset(("", " ", "\n", ",", ".", ";", ":", "!", "?", ")", "%", "/", "-"))


def _starts(text: str) -> tuple[list[int], dict[int, str]]:
    """Where a figure may begin, in text order; and the casefolded word at each place that
    is a word.

    A word, a digit and a symbol never begin at the same place, and what one of them covers
    holds no other beginning (it is preceded by a letter or digit there), so the union of the
    separate scans is what one scan for any of them finds.
    """
    scans = _start_scans()
    exact = scans.symbol.match
    found = []
    for candidate in scans.maybe_symbol.finditer(text):
        start = candidate.start()
        # The scan is exact for an ASCII digit after a character of the first plane.
        if ("0" <= text[start] <= "9" and text[start - 1 : start] < "\U00010000") or exact(
            text, start
        ):
            found.append(start)
    exact = scans.word.match
    lowered = text.lower()
    # Where lower-casing moves offsets or changes a letter the exact match folds otherwise,
    # the original text is scanned case-insensitively.
    plain = len(lowered) == len(text) and not any(letter in text for letter in _FOLDS_APART)
    scan = scans.maybe_word if plain else scans.maybe_word_any_case
    words = {}
    # Offsets in " " + text are one more: the match, from the character before the word, is
    # at the word's offset in text.
    for candidate in scan.finditer(" " + (lowered if plain else text)):
        start, end = candidate.start(), candidate.end() - 1
        if plain and (start == 0 or text[start - 1] == " ") and text[end : end + 1] in _NO_LETTER:
            # The exact pattern reads the same there: no letter, mark or digit before, the
            # longest word of the table (in any case), and no letter after.
            words[start] = text[start:end].casefold()
            continue
        match = exact(text, start)
        if match is not None:
            words[match.start()] = match.group().casefold()
    if not words:
        return found, words
    return (sorted(found + list(words)) if found else list(words)), words


def extract_numbers(text: str) -> list[NumberMatch]:
    """Find every figure in a text, with its kind, value and span.

    Digits follow the Vietnamese convention ("4.028", "89,51%"); words are read too ("hai
    phần ba", "năm tỷ rưỡi"). Dates, times and years are never figures, nor are codes and
    names ("COVID-19", "05-CT/TW", "U23"), phone numbers, versions or match scores.

    Args:
        text: any string.

    Returns:
        The figures in text order, without overlaps; spans index the original ``text``.

    Raises:
        TypeError: ``text`` is not a ``str`` (any ``str`` is accepted).

    >>> [(m.text, m.kind, m.value) for m in extract_numbers("kết nạp 4.028 đảng viên, đạt 89,51%")]
    [('4.028', 'cardinal', 4028), ('89,51%', 'percent', 89.51)]
    >>> m = extract_numbers("giá từ 5 đến 7 triệu đồng")[0]
    >>> m.text, m.kind, m.low, m.high, m.currency
    ('từ 5 đến 7 triệu đồng', 'range', 5000000, 7000000, 'VND')
    """
    normalized = normalize_with_offsets(require_str(text, "text"))
    return _numbers_in(normalized, 0, len(normalized.text), None)


def _numbers_in(
    normalized: NormalizedText, low: int, high: int, dates: Sequence[tuple[int, int]] | None
) -> list[NumberMatch]:
    """For ``vnnews.article``: the figures of ``normalized.text[low:high]`` (a line
    of an article, or all of a text), spans into ``normalized.original``.

    ``dates`` are the spans (into the original) of the dates there, found once by the caller;
    ``None``: find them. The range is read as the string it is, as if normalised alone.
    """
    text = normalized.text[low:high] if low or high < len(normalized.text) else normalized.text
    starts, words = _starts(text)
    if not starts:
        return []
    if dates is None:
        dates = _date_spans(normalized, [low + start for start in starts])
    dates = sorted(dates)
    # A figure never begins inside a date ("năm 2021", "20/1"): those places are not tried.
    tried = _outside(normalized, low, starts, dates) if dates else starts
    drafts = _scan(text, tried, words, frozenset(starts))
    original = normalized.original
    matches = []
    next_date = 0  # drafts and dates are both in text order: one sweep, not drafts x dates
    for draft in drafts:
        start, end = normalized.original_span(low + draft.start, low + draft.end)
        while next_date < len(dates) and dates[next_date][1] <= start:
            next_date += 1
        if next_date < len(dates) and dates[next_date][0] < end:
            continue
        matches.append(_match(original[start:end], (start, end), draft))
    return matches


def _date_spans(normalized: NormalizedText, starts: list[int]) -> list[tuple[int, int]]:
    """The spans of extract_dates' dates, read only on the lines where a figure may begin
    (``starts``: offsets in the normalised text)."""
    # Number extraction asks dates which spans are dates (dates never import numbers). The
    # import is deferred to the first extraction: parse_number and the formatters need none
    # of it, and importing vnnews.dates would add half again to the import of this package.
    from vnnews.dates import _date_spans

    near = [(start, start + 1) for start in starts]
    return _date_spans(normalized, ref=_DATE_REF, near=near)


def _outside(
    normalized: NormalizedText, low: int, starts: list[int], dates: list[tuple[int, int]]
) -> list[int]:
    """The starts (normalised offsets from ``low``) not inside one of the ``dates`` (original
    spans, sorted)."""
    kept = []
    next_date = 0  # both in text order: one sweep
    for start in starts:
        at = normalized.original_span(low + start, low + start + 1)[0]
        while next_date < len(dates) and dates[next_date][1] <= at:
            next_date += 1
        if next_date == len(dates) or at < dates[next_date][0]:
            kept.append(start)
    return kept


def _match(written: str, span: tuple[int, int], draft: _Draft) -> NumberMatch:
    fields = {key: _plain(value) for key, value in draft.extra}
    if draft.kind == "percent":
        fields["ratio"] = float(draft.value / 100)
    return NumberMatch(
        text=written,
        span=span,
        kind=draft.kind,
        value=as_number(draft.value),
        qualifier=draft.qualifier,
        **fields,  # type: ignore[arg-type]
    )


def _plain(value: object) -> object:
    return as_number(value) if isinstance(value, Fraction) else value


# --------------------------------------------------------------------------- the scan


def _scan(
    text: str, starts: list[int], words: dict[int, str], every: frozenset[int]
) -> list[_Draft]:
    """The figures that begin at some of ``starts``, left to right, without overlaps.

    ``words``: the (casefolded) word at each start that is a word; ``every``: all the places
    where a figure may begin (``starts`` leaves out those inside dates).
    """
    drafts: list[_Draft] = []
    position = 0
    last_roman_end = -1
    for start in starts:
        if start < position:
            continue
        found = _at(text, start, last_roman_end, words.get(start), every)
        if found is None:
            continue
        position = found.end
        if isinstance(found, _Draft):
            drafts.append(found)
            if found.kind == "roman":
                last_roman_end = found.end
    return drafts


def _read_at(text: str, pos: int, last_roman_end: int) -> _Draft | Skip | None:
    """What begins at ``pos``, by the rules alone: a qualifier phrase and the figure after it,
    or a figure (or a range, an ordinal, a Roman identifier) right there; a figure right
    after a comparison sign takes its qualifier. ``last_roman_end``: where the last Roman
    identifier ended, -1 if none.

    :func:`_at` gives the same with its shortcuts; ``tests/test_numbers_paths.py`` compares
    the two.
    """
    qualifier = pat.qualifier().match(text, pos)
    found = _qualified(text, qualifier, last_roman_end) if qualifier is not None else None
    if found is None:
        found = _unqualified(text, pos, last_roman_end)
    return _after_sign(text, pos, found)


def _qualified(text: str, qualifier: regex.Match[str], last_roman_end: int) -> _Draft | Skip | None:
    """What a qualifier phrase qualifies: the figure after it, with the qualifier's name."""
    found = _unqualified(text, qualifier.end(), last_roman_end)
    if isinstance(found, _Draft) and found.kind in _QUALIFIABLE and found.qualifier is None:
        return found._replace(qualifier=_qualifier(lex.qualifiers()[_as_listed(qualifier["q"])]))
    return found


def _at(
    text: str, pos: int, last_roman_end: int, word: str | None, every: frozenset[int]
) -> _Draft | Skip | None:
    """:func:`_read_at`, with shortcuts: ``word`` is the start scan's (casefolded) word at
    ``pos``, None where no word begins; ``every`` is every place where a figure may begin.

    * A digit begins no qualifier (they begin with a letter), and the commonest figures are
      read by :func:`_plain_figure`.
    * A qualifier's first word (and a space) is a word of the start scan: the qualifier
      pattern is tried only at one (with "İ" in it, casefolded as "i̇", always: see
      ``_as_listed``), and nothing is read after it where no figure may begin (it ends with
      a space, so a figure after it begins at a place the scan finds).
    * The words that most often begin nothing are settled by a look-up: see
      :func:`_qualifier_only` and :func:`_lone_numeral`.
    """
    if text[pos].isdigit():
        plain = _plain_figure(text, pos)
        found = plain if plain is not None else _figure_or_range(text, pos, after_symbol=False)
        return _after_sign(text, pos, found)
    if word is not None and (word in _qualifier_firsts() or "\u0307" in word):
        qualifier = pat.qualifier().match(text, pos)
        if qualifier is not None and qualifier.end() in every:
            found = _qualified(text, qualifier, last_roman_end)
            if found is not None:
                return _after_sign(text, pos, found)
    if word in _qualifier_only() or (
        word in _lone_words() and _lone_numeral(text, pos + len(word), word)
    ):
        return None
    return _after_sign(text, pos, _unqualified(text, pos, last_roman_end))


def _after_sign(text: str, pos: int, found: _Draft | Skip | None) -> _Draft | Skip | None:
    """A figure glued to a comparison sign ("<50nm") takes the sign's qualifier."""
    sign = text[pos - 1 : pos]
    if sign == " ":  # "< 50": the sign and one space
        sign = text[pos - 2 : pos - 1]
    if sign.isalnum() or sign in _NO_SIGN or not isinstance(found, _Draft):
        return found  # the usual case, told apart first
    name = lex.sign_qualifiers().get(sign)
    if name is None or found.kind not in _QUALIFIABLE or found.qualifier:
        return found
    return found._replace(qualifier=_qualifier(name))


_QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)


def _qualifier(name: str) -> Qualifier:
    """A name of ``number_qualifiers.tsv`` as a :data:`Qualifier` (ValueError for a name
    the type does not have: the table and the type must agree)."""
    for qualifier in _QUALIFIERS:
        if qualifier == name:
            return qualifier
    raise ValueError(f"number_qualifiers.tsv: unknown qualifier {name!r}")


_NO_SIGN = frozenset(("", " ", "(", "\n"))


# What may come before the digits of a plain figure: no letter, mark or number, no "." or
# "," (the literal pattern's lookbehind), no "-" or "/" (a code's).
_PLAIN_BEFORE = frozenset(("", " ", "(", "“", '"'))


@lru_cache(maxsize=1)
def _plain_figure_pattern() -> re.Pattern[str]:
    """A digit literal, maybe "%", then a space and a word, a space and an opening bracket
    or quote, or punctuation that begins no tail (see :func:`_plain_figure`).

    The literal is what the numeral pattern reads in full before any of these (groups of
    three after dots, or at most 8 digits: no identifier; decimals after a comma), with no
    leading zero before a digit (a code). A "." or "," after it is no decimal mark: a space
    or the end follows.
    """
    literal = r"(?:(?:[1-9][0-9]{0,2}|0)(?:\.[0-9]{3}){1,6}|[1-9][0-9]{0,7}|0)(?:,[0-9]{1,15})?"
    stops = re.escape(pat.never_tail().replace(".", "").replace(",", ""))
    return re.compile(
        rf"(?P<literal>{literal})(?P<percent>%)?"
        rf"(?: (?P<word>{pat.letter_run().pattern})|(?= [(“\"])|(?=[{stops}]|[.,](?:[ \n]|\Z)|\Z))"
    )


@lru_cache(maxsize=1)
def _goes_on() -> frozenset[str]:
    """The words (casefolded) after a figure and a space that may make more of it: a number
    word or "phẩy" (the numeral goes on), the first word of a tail, "đến"/"tới" (a range)."""
    return _atom_words() | pat.tail_words() | {"đến", "tới"}


@lru_cache(maxsize=1)
def _plain_units() -> frozenset[str]:
    """The units that are a plain word ("người", "lượt") and begin no other tail: after a
    figure and a space, and before no letter, mark or number, that word is the tail."""
    tails = [*(marker for marker, _, _ in lex.currencies()), *lex.units(), "phần", "điểm"]
    runs = Counter(regex.split(r"[^\p{L}\p{M}]", tail, maxsplit=1)[0].casefold() for tail in tails)
    units = (unit for unit in lex.units() if regex.fullmatch(r"[\p{L}\p{M}]+", unit))
    return frozenset(unit for unit in units if runs[unit.casefold()] == 1) - _atom_words()


def _plain_figure(text: str, pos: int) -> _Draft | Skip | None:
    """What :func:`_figure_or_range` reads at ``pos`` for the commonest figures ("4.028 đảng
    viên", "1.900 lượt", "89,51%,", "COVID-19 có"), or None if the text there is not of
    the shape of :func:`_plain_figure_pattern`.

    Before the literal: a space or an opening bracket (nothing reads the figure as a code),
    or "-" or "/" after a letter or digit (a code: skipped). After it, "%" or nothing, then
    no word, or a word that is none of :func:`_goes_on`: the numeral is the literal alone,
    with no tail save the "%" and no range. Or, with no "%", a word of :func:`_plain_units`
    before no letter, mark or number: the figure's unit. The case-insensitive patterns read
    no other letter as a letter of these words, save "İ". An identifier head ("mã số")
    before makes the literal an identifier, and a bare four-digit one from 1900 is a year.
    """
    before = text[pos - 1 : pos]
    code = before in ("-", "/") and pos >= 2 and text[pos - 2].isalnum()
    if not code and before not in _PLAIN_BEFORE:
        return None
    if before == " " and text[pos - 2 : pos - 1] in lex.sign_qualifiers():
        return None  # "≥ 3": the rules read the sign's qualifier
    found = _plain_figure_pattern().match(text, pos)
    if found is None:
        return None
    literal, percent, word = found.group("literal", "percent", "word")
    unit = None
    if word is not None and ("İ" in word or word.casefold() in _goes_on()):
        # Of these words only a unit is read here (and none has an "İ").
        after = text[found.end() : found.end() + 1]
        if code or percent or word not in _plain_units() or after not in _NO_LETTER:
            return None
        unit = word
    end = pos + len(literal)
    if ends_with_phrase(text, pos, lex.context_words("id_head")) or is_hotline(literal):
        return Skip(end)
    if code:
        return code_skip(text, end)
    if unit is None and not percent and after_product_name(text, pos):
        return Skip(end)  # see _figure
    # Whole numbers are read here: the cached reading is slow the first time for each one.
    value = (
        Fraction(int(literal.replace(".", ""))) if "," not in literal else tokens_value((literal,))
    )
    if value is None:  # not reached: the pattern reads literals only
        return None
    if percent:
        return _Draft(pos, end + 1, "percent", value)
    kind: NumberKind = "cardinal" if value.denominator == 1 else "decimal"
    if unit is not None:
        return _Draft(pos, end, kind, value, (("unit", unit),))
    if len(literal) == 4 and literal.isdigit() and literal[:2] in ("19", "20"):  # a year
        return Skip(end)
    return _Draft(pos, end, kind, value)


def _as_listed(written: str) -> str:
    """A phrase the case-insensitive pattern matched, as the tables list it: that match also
    lets "İ" stand for i, "ſ" for s and the Kelvin sign for k, which lower-casing does not
    undo ("İ" lower-cases to two characters).

    (The dates read such letters as ASCII ones before matching; here that would change what
    matches, as Roman numerals are read case-sensitively: "XİV" is no "XIV".)
    """
    return written.casefold().replace("i\u0307", "i")


@lru_cache(maxsize=1)
def _qualifier_firsts() -> frozenset[str]:
    """The first words of the qualifiers, casefolded."""
    return frozenset(phrase.split(" ")[0].casefold() for phrase in lex.qualifiers())


@lru_cache(maxsize=1)
def _qualifier_only() -> frozenset[str]:
    """The first words of qualifiers ("trên", "nhiều", "cao"…) that are no number word and
    begin no other family: with no figure after the qualifier, nothing begins there."""
    others = {word.casefold() for word in lex.number_words()} | _FAMILY_WORDS
    return _qualifier_firsts() - others


@lru_cache(maxsize=1)
def _lone_words() -> frozenset[str]:
    """Number words that are no figure alone and no multiplier ("một", "năm", "tư")."""
    multipliers = {w for w, e in lex.number_words().items() if e.role in _MULTIPLIER_ROLES}
    return frozenset(w.casefold() for w in set(lex.not_alone()) - multipliers) - _FAMILY_WORDS


def _lone_numeral(text: str, end: int, word: str) -> bool:
    """Whether a lone number word ending at ``end`` stays alone: punctuation that begins no
    tail ("năm,"), or a space, then a word that is none of :func:`_goes_on` ("một số", "năm
    nay") and, after "một", no unit of time ("một năm" counts). The figure reader gives
    nothing then: the numeral is that one word, which is not a figure by itself (nor a
    range's low end)."""
    if text[end : end + 1] in pat.never_tail():  # "năm,": nothing goes on after it
        return True
    after = _PLAIN_WORD_AFTER.match(text, end)
    if after is None or "İ" in after["word"]:
        return False
    folded = after["word"].casefold()
    if word == "một" and folded in _one_count_firsts() and one_counts(text, end):
        return False
    return folded not in _goes_on()


@lru_cache(maxsize=1)
def _one_count_firsts() -> frozenset[str]:
    """The first words of the units of time after which "một" counts (see one_counts)."""
    return frozenset(word.split(" ")[0] for word in one_words("one_count"))


@lru_cache(maxsize=1)
def _atom_words() -> frozenset[str]:
    """The words a numeral may go on with (number words, "phẩy", "chấm"), casefolded."""
    return frozenset(word.casefold() for word in [*lex.number_words(), "phẩy", "chấm"])


def _unqualified(text: str, pos: int, last_roman_end: int) -> _Draft | Skip | None:
    # The first letter tells which of the word families can match here ("từ", "thứ" begin
    # with t, "giữa" with g, "đầu tiên" with đ): the others are not tried.
    letter = text[pos : pos + 1].casefold()
    if letter == "t" and _FROM.match(text, pos):
        return _from_form(text, pos)
    if letter == "g" and _BETWEEN.match(text, pos):
        return _between_form(text, pos)
    if letter == "t" and _ORDINAL.match(text, pos):
        return _ordinal(text, pos)
    if letter == "đ" and (first := _FIRST.match(text, pos)) is not None:
        # "đầu tiên" is ordinal 1 standing alone (a list label, a query); in a sentence it is
        # the adjective "first" ("lần đầu tiên", "Đầu tiên, …"), no figure.
        return (
            _Draft(pos, first.end(), "ordinal", Fraction(1))
            if _alone(text, pos, first.end())
            else None
        )
    if letter in _ROMAN_FIRSTS and (roman := _roman(text, pos, last_roman_end)) is not None:
        return roman
    return _figure_or_range(text, pos, after_symbol=text[pos : pos + 1] in pat.currency_firsts())


# --------------------------------------------------------------------------- figures and ranges


_CLAUSE_EDGE_BEFORE = regex.compile(r"(?:\A|[.!?:;\n\"“(\[•*–-])[ \t]*\Z")
_CLAUSE_EDGE_AFTER = regex.compile(r"[ \t]*(?:\Z|[.!?:;\n\"”)\]])")


def _alone(text: str, start: int, end: int) -> bool:
    """Whether nothing but spaces stands between [start, end) and the clause's edges."""
    before = _CLAUSE_EDGE_BEFORE.search(text, max(0, start - 8), start)
    return before is not None and _CLAUSE_EDGE_AFTER.match(text, end) is not None


def _figure(
    text: str, pos: int, *, tied: bool = False, after_symbol: bool = True
) -> Figure | Skip | None:
    found = figure_at(text, pos, tied=tied, after_symbol=after_symbol)
    if not isinstance(found, Figure) or found.numeral is None:
        return found
    numeral = found.numeral
    if _is_name(text, numeral) or in_idiom(text, numeral):
        return None
    if _is_bare(found) and not tied and after_product_name(text, numeral.start):
        return Skip(found.end)  # "iPhone 11", "iOS 17.2", "Nikkei 225": part of the name
    return found


def _is_bare(figure: Figure) -> bool:
    """A plain number in digits: no percent, currency or unit."""
    return (
        figure.kind in ("cardinal", "decimal")
        and figure.unit is None
        and figure.numeral is not None
        and figure.numeral.tokens[0][:1].isdigit()
    )


def _is_name(text: str, numeral: Numeral) -> bool:
    """A capitalised number word inside a sentence is a name ("ông Bảy", "Ba Đình")."""
    first = numeral.tokens[0]
    if not first[:1].isupper():
        return False
    before = text[max(0, numeral.start - 12) : numeral.start]
    return _SENTENCE_START.search(before) is None


def _figure_or_range(text: str, pos: int, *, after_symbol: bool = True) -> _Draft | Skip | None:
    first = _figure(text, pos, after_symbol=after_symbol)
    if not isinstance(first, Figure):
        return first
    if first.kind != "fraction":
        ranged = _range_after(text, first, start=first.start, dash_ok=True)
        if ranged is not None:
            return ranged
    return _draft(first)


def _draft(figure: Figure) -> _Draft:
    extra: list[tuple[str, object]] = []
    if figure.kind == "fraction":
        extra += [("numerator", figure.numerator), ("denominator", figure.denominator)]
    if figure.currency:
        extra.append(("currency", figure.currency))
    if figure.unit:
        extra.append(("unit", figure.unit))
    return _Draft(figure.start, figure.end, figure.kind, figure.value, tuple(extra))


def _range_after(text: str, low: Figure, *, start: int, dash_ok: bool) -> _Draft | Skip | None:
    """ "10-15", "ba đến bốn", "1000-2000 đồng": a second figure after a connector."""
    if text[low.end : low.end + 1] not in _CONNECTOR_FIRSTS:
        return None
    connector = _CONNECTOR.match(text, low.end)
    if connector is None or (connector["dash"] and not dash_ok):
        return None
    high = _figure(text, connector.end(), tied=bool(connector["dash"]))
    if not isinstance(high, Figure) or high.kind == "fraction" or low.kind == "fraction":
        return None
    if connector["dash"]:
        refused = _refuse_dash(text, start, low, high)
        if refused:
            return Skip(high.end) if connector[0] == "-" else None
    return _combine(start, low, high)


def _refuse_dash(text: str, start: int, low: Figure, high: Figure) -> bool:
    """A dash pair that is a score ("thắng 2-1"), a year span or not increasing."""
    if low.value >= high.value:
        return True
    before = text[max(0, start - 16) : start].lower()
    if any(cue in before for cue in lex.context_words("score")):
        return True
    if all(f.value.denominator == 1 and 1900 <= f.value <= 2100 for f in (low, high)):
        return True
    return _score_shaped(text, start, low, high)


def _score_shaped(text: str, start: int, low: Figure, high: Figure) -> bool:
    """Two bare whole numbers joined by a dash, with nothing counted after them ("còn 2-5 cho
    đội khách", "1-2 Liverpool", "thua 0-3."): a score, unless "từ" or a qualifier opens
    them ("từ 2-5", "khoảng 2-3"); a range counts something ("2-5 người", "2-3 ngày")."""
    if not (_is_bare(low) and _is_bare(high)) or low.value.denominator != 1:
        return False
    if high.value.denominator != 1 or (high.numeral and high.numeral.scaled):
        return False
    if text[start : start + 3].casefold() == "từ " or ends_with_phrase(
        text, start, _qualifier_phrases()
    ):
        return False
    after = _PLAIN_WORD_AFTER.match(text, high.end)
    if after is None:  # punctuation or the end: nothing counted
        return text[high.end : high.end + 1] != " "
    word = after["word"]
    return word[:1].isupper() or word.casefold() in _score_after()


@lru_cache(maxsize=1)
def _qualifier_phrases() -> tuple[str, ...]:
    return tuple(phrase for phrase in lex.qualifiers() if phrase.isalpha() or " " in phrase)


@lru_cache(maxsize=1)
def _score_after() -> frozenset[str]:
    return frozenset(word.casefold() for word in lex.context_words("score_after"))


def _combine(start: int, low: Figure, high: Figure) -> _Draft:
    low_value = low.value
    if (
        low.numeral is not None
        and high.numeral is not None
        and not low.numeral.scaled
        and low.currency is None
        and low_value * high.numeral.trailing_scale <= high.value
    ):
        low_value *= high.numeral.trailing_scale
    percent = "percent" in (low.kind, high.kind)
    extra: list[tuple[str, object]] = [("low", low_value), ("high", high.value)]
    currency = high.currency or low.currency
    if currency:
        extra.append(("currency", currency))
    unit = "%" if percent else high.unit or low.unit
    if unit:
        extra.append(("unit", unit))
    return _Draft(start, high.end, "range", low_value, tuple(extra))


def _from_form(text: str, pos: int) -> _Draft | Skip | None:
    """ "từ X đến Y" (a range, span from "từ"), "từ X trở lên/xuống", or just X."""
    figure = _figure(text, pos + 3)
    if not isinstance(figure, Figure):
        return figure
    ranged = _range_after(text, figure, start=pos, dash_ok=True)
    if ranged is not None:
        return ranged
    draft = _draft(figure)
    bound = _BOUND_AFTER.match(text, figure.end)
    if bound is not None and draft.kind in _QUALIFIABLE:
        return draft._replace(qualifier="at_least" if bound["dir"].lower() == "lên" else "at_most")
    return draft


def _between_form(text: str, pos: int) -> _Draft | Skip | None:
    """ "giữa 1000 và 2000 đồng" (span from "giữa")."""
    low = _figure(text, pos + 5)
    if not isinstance(low, Figure):
        return low
    joiner = _AND.match(text, low.end)
    high = _figure(text, joiner.end()) if joiner is not None else None
    if not isinstance(high, Figure) or low.kind == "fraction" or high.kind == "fraction":
        return _draft(low)
    return _combine(pos, low, high)


# --------------------------------------------------------------------------- ordinals, Roman


def _ordinal(text: str, pos: int) -> _Draft | Skip | None:
    """ "thứ nhất", "thứ hai", "lần thứ 15", "thứ XIII" (the span is "thứ N")."""
    after = pos + 4
    word = _WORD.match(text, after)
    if word is not None and word[0].lower() in _ORDINAL_WORDS:
        return _Draft(pos, word.end(), "ordinal", Fraction(_ORDINAL_WORDS[word[0].lower()]))
    roman = pat.roman().match(text, after)
    if roman is not None and roman["roman"]:
        return _Draft(pos, roman.end(), "ordinal", Fraction(_roman_value(roman["roman"])))
    numeral = numeral_at(text, after)
    if not isinstance(numeral, Numeral) or numeral.start != after:
        return None
    if numeral.tokens[0][:1].isupper():
        return None  # "thứ Hai", "thứ Năm": a weekday
    value = numeral.value
    if value.denominator != 1 or value < 1 or "," in "".join(numeral.tokens):
        return None
    return _Draft(pos, numeral.end, "ordinal", value)


def _roman(text: str, pos: int, last_roman_end: int) -> _Draft | None:
    match = pat.roman().match(text, pos)
    if match is None or not match["roman"]:
        return None
    joined = last_roman_end >= 0 and text[last_roman_end:pos] in _ROMAN_JOINERS
    if not joined and pat.roman_head_before().search(text[max(0, pos - 24) : pos]) is None:
        return None
    return _Draft(pos, match.end(), "roman", Fraction(_roman_value(match["roman"])))


@lru_cache(maxsize=256)
def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for letter, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[letter]
        total += -value if following and values[following] > value else value
    return total
