"""The shortcuts of date extraction give what the plain paths give, on any text.

* The trigger scan of a whole text (``starts_by_line``: one scan of the lower-cased text, each
  trigger read with the character before it, runs of digits that no rule reads left out) and
  the scan of a single expression (parse_date's) find the expressions that the plain scan finds:
  a word-boundary pattern tried at every position of each lower-cased line alone, every run of
  digits kept. A line's slice of the lower-cased text stands for the lower-cased line.
* ``find_atoms`` stops trying rules at a start once one read to the end of the text: it finds
  what trying every rule finds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from functools import partial

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cases import DATA
from vnnews._trie import trie_pattern
from vnnews.dates import _LINE, _as_read
from vnnews.dates._lexicon import number_words
from vnnews.dates._pieces import Context, Piece
from vnnews.dates._rules import rules
from vnnews.dates._scan import (
    _AFTER_SPACE,
    _FOLLOWERS,
    _OPEN_KINDS,
    _OTHER,
    _SECONDS,
    _digit_key,
    _dispatch,
    find_atoms,
    starts_by_line,
)

REF = datetime(2022, 1, 20, 10, 30)

_PHRASES = sorted(key for key in _dispatch() if not key.startswith("#"))
_NEEDED = sorted({word for rule in rules() for word in rule.needs})
_EXPRESSIONS = [  # parse_date's cases, read and rejected: whole expressions
    json.loads(line)["text"]
    for name in ("dates.jsonl", "dates_invalid.jsonl")
    for line in (DATA / name).read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("//")
]
_OTHER_WORDS = ["tháng", "giờ", "phút", "tuần", "tới", "qua", "nay", "mai", "trước", "đến", "hết"]
_WORDS = [*_PHRASES, *_NEEDED, *number_words(), *_OTHER_WORDS, "vào", "âm lịch", "am", "pm"]
_DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩०१२३४५६७८९０１２３４５"  # ASCII, Arabic-Indic, Devanagari, wide
_ODD = ["İ", "ı", "ſ", "\u212a", "ß", "Σ", "ΑΣ", "ς", "_", "²", "h", "g", "p", "a", "s", "q"]
_MARKS = ["/", "-", "–", "—", ".", ":", ",", ";", "(", ")", "%", "'"]
_GAPS = ["", " ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\r\n", "\u200b"]

# After a run of digits: each character a rule may read there (after a space, the next one),
# and some readings.
_FOLLOWING = sorted({char for chars in _FOLLOWERS.values() for char in chars})
_SECOND = sorted({char for chars in _AFTER_SPACE.values() for char in chars})
_READINGS = [
    *["h30", "g45", ":30", ":30:15", "/1", "/12/2021", "-3-2022", ".5.2022", "–15/1", "—15/1"],
    *["am", "pm", "a.m.", "ngày", " am", " pm", " s", " h", " giờ", " phút", " tháng 5", " Tết"],
    *[" tháng đầu năm", " ngày tới", " đến 15/1", " tới 20/1", " quý", " năm qua", " x"],
    *["\u00a0giờ", "\u2003am", "\u00a0-\u00a015/1"],
]

_word = st.sampled_from(_WORDS).flatmap(
    lambda word: st.sampled_from([word, word.upper(), word.title(), word.capitalize()])
)
_digits = st.one_of(
    st.integers(0, 3000).map(str), st.text(alphabet=_DIGITS, min_size=1, max_size=5)
)
_tail = st.one_of(
    st.sampled_from(["", *_FOLLOWING, *_READINGS]),
    st.builds(str.__add__, st.sampled_from([" ", "\u00a0", "\t"]), st.sampled_from(_SECOND)),
)
_piece = st.one_of(
    _word,
    _word,
    st.sampled_from(_EXPRESSIONS),
    st.builds(str.__add__, _digits, _tail),
    st.builds(str.__add__, _digits, _tail),
    st.sampled_from(_ODD + _MARKS),
    st.text(max_size=2),
)
texts = st.lists(st.tuples(_piece, st.sampled_from(_GAPS)), max_size=24).map(
    lambda parts: "".join(piece + gap for piece, gap in parts)
)

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


_PLAIN = re.compile(rf"\b(?:({trie_pattern(_PHRASES)})\b|\d{{1,16}})")


def _plain_starts(text: str) -> list[tuple[int, str]]:
    """The starts of a text read alone, by the plain scan, with their dispatch keys."""
    lowered = text.lower()
    starts = []
    for found in _PLAIN.finditer(lowered):
        key = found[1]
        if key is None:  # a run of digits: its length and what follows it
            end = found.end()
            after, second = lowered[end : end + 1], lowered[end + 1 : end + 2]
            if not after.isspace():
                second = ""
            elif not (second and second in _SECONDS):
                second = _OTHER
            key = _digit_key(end - found.start(), after, second)
        starts.append((found.start(), key))
    return starts


def _every_rule(ctx: Context, starts: list[tuple[int, str]]) -> list[Piece]:
    """find_atoms without its shortcuts: every rule of a start tried, every start visited."""
    text, lowered = ctx.text, ctx.text.lower()
    pieces: list[Piece] = []
    covered = 0
    for start, key in starts:
        if start < covered:
            continue
        best: Piece | None = None
        for needs, match_at, build, _ in _dispatch().get(key, ()):
            if needs is not None and needs(lowered, start, start + 60) is None:
                continue
            match = match_at(text, start)
            if match is None or (best is not None and match.end() <= best.end):
                continue
            try:
                piece = build(match, ctx)
            except (ValueError, OverflowError):
                piece = None
            if piece is not None and (piece.value is not None or piece.kind in _OPEN_KINDS):
                best = piece
        if best is not None:
            pieces.append(best)
            covered = best.end
    return pieces


def _outcome(read: Callable[[], list[Piece]]) -> object:
    """The pieces a path reads, or the error it raises: both paths must fail alike too (a rule
    may accept words its reader has no value for)."""
    try:
        return read()
    except Exception as error:
        return repr(error)


@SETTINGS
@given(texts, st.booleans())
@example("Sáng 20/1, từ bây giờ\n9 am, 10 đến 15/1\r\nlúc 15h30 (ΑΣ) năm 2022Σ", False)
@example("năm 2021 – 2026\n200 đồng, 2021, ngày 20 tháng 1\u00a0năm 2022", False)
@example("World Cup 2026\nEuro 2024. Phim A (2019) V-League 2020 x\nCup 2022”", False)
def test_scan_of_a_whole_text_finds_what_the_plain_scan_finds(raw: str, whole: bool) -> None:
    text = _as_read(raw)
    lowered = text.lower()
    lines = [line.span() for line in _LINE.finditer(text)]
    found = starts_by_line(text, lowered, lines)
    assert found is not None  # _as_read wrote "İ" as "I": no letter grows when lower-cased
    for (first, last), starts in zip(lines, found, strict=True):
        ctx = Context(text[first:last], REF, whole)
        plain = _outcome(partial(find_atoms, ctx, _plain_starts(ctx.text)))
        assert _outcome(partial(find_atoms, ctx, starts, lowered[first:last])) == plain


@SETTINGS
@given(texts, st.booleans())
@example("bữa kia", True)  # its reader has no value for it: both paths raise KeyError
@example("9 am", True)
@example("Euro 2024", True)
@example("(2019)", False)
def test_scan_of_an_expression_finds_what_the_plain_scan_finds(raw: str, whole: bool) -> None:
    ctx = Context(_as_read(raw), REF, whole)
    plain = _outcome(partial(find_atoms, ctx, _plain_starts(ctx.text)))
    assert _outcome(partial(find_atoms, ctx)) == plain


@SETTINGS
@given(texts, st.booleans())
@example("năm 2021 – 2026", True)  # "năm 2021" is read first, then the longer range
def test_rules_left_untried_could_not_read_further(raw: str, whole: bool) -> None:
    ctx = Context(_as_read(raw), REF, whole)
    starts = _plain_starts(ctx.text)
    assert _outcome(partial(find_atoms, ctx, starts)) == _outcome(partial(_every_rule, ctx, starts))


def test_no_needed_word_has_a_sigma() -> None:
    """A line's slice of the lower-cased text differs from the lower-cased line at most in a
    sigma (final or not by its neighbours), which find_atoms may then read: only in needs."""
    assert not any(set(word) & set("Σσς") for word in _NEEDED)
