"""The shortcuts of date extraction give what trying every rule everywhere gives.

``vnnews.dates`` does not try each rule at each word. One scan finds the phrases an expression
may start with (``Rule.starts``) and the runs of digits some rule can read (``Rule.digits``:
the run's length, the character after it and, after a space, the next one); only the rules
of that start are tried, and only if a word they need is near (``Rule.needs``); the first
reading that reaches the end of the text stops the search. Each of these is checked here
against the general rule, with nothing taken from the shortcuts' tables:

* the reference reader tries every rule's pattern at every place a word or number begins,
  keeps the longest reading (the earlier rule on a tie) and leaves nothing out;
* the texts are the case tables, variants of them with each punctuation mark and space
  swapped for others, hypothesis texts of the words of the data files and of runs of digits
  before any character, and, when ``/work/shared`` is there, the real-news development text
  (read there at test time, never copied);
* the ``Rule.digits`` facts are compared with what each pattern reads, found by matching the
  pattern (as a partial match: "could a match begin so?") at runs of digits before every
  character of a wide range.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import vnnews
from cases import DATA
from vnnews.dates import _as_read
from vnnews.dates._pieces import Context, Piece
from vnnews.dates._rules import Rule, rules
from vnnews.dates._scan import find_atoms, starts_by_line

REF = datetime(2022, 1, 20, 10, 30)
REAL_DEV = Path("/work/shared/bench/real_dev")

# --------------------------------------------------------------------------- the reference


@cache
def _every_pattern() -> list[tuple[re.Pattern[str], Rule]]:
    return [(re.compile(rule.pattern(), re.IGNORECASE), rule) for rule in rules()]


_WORD_START = re.compile(r"(?<!\w)\w")
# A later merge may anchor a time or a part of day, or end an interval at "đến nay".
_KEPT_WITHOUT_VALUE = ("clock", "part", "until_now")


def every_rule_everywhere(ctx: Context) -> list[Piece]:
    """The expressions of ``ctx.text`` by the general rule: at each place a word or a number
    begins, left to right and outside the last expression found, every rule is tried and the
    longest reading kept (the earlier rule on a tie). A reading is a piece with a value, or
    a clock time or part of the day (which a later step may anchor), or the open end of an
    interval ("đến nay")."""
    pieces: list[Piece] = []
    covered = 0
    for start in (found.start() for found in _WORD_START.finditer(ctx.text)):
        if start < covered:
            continue
        best: Piece | None = None
        for pattern, rule in _every_pattern():
            match = pattern.match(ctx.text, start)
            if match is None:
                continue
            try:
                piece = rule.build(match, ctx)
            except (ValueError, OverflowError):  # a date outside datetime's years 1-9999
                continue
            if piece is None or (piece.value is None and piece.kind not in _KEPT_WITHOUT_VALUE):
                continue
            if best is None or piece.end > best.end:
                best = piece
        if best is not None:
            pieces.append(best)
            covered = best.end
    return pieces


def _lines(text: str) -> list[tuple[int, int]]:
    return [found.span() for found in re.finditer(r"[^\n]+", text)]


def assert_paths_agree(raw: str, whole: bool = False) -> None:
    """Both shortcut paths (a whole text scanned once, then line by line as extract_dates
    reads it; and the text as one expression, as parse_date reads it) find what the
    reference finds in the text as they read it (normalised)."""
    text = _as_read(vnnews.normalize(raw))
    lowered = text.lower()
    lines = _lines(text)
    by_line = starts_by_line(text, lowered, lines)
    assert by_line is not None  # _as_read wrote "İ" as "I": no letter grows when lower-cased
    for (first, last), starts in zip(lines, by_line, strict=True):
        ctx = Context(text[first:last], REF, whole)
        expected = every_rule_everywhere(ctx)
        assert find_atoms(ctx, starts, lowered[first:last]) == expected, ctx.text
    ctx = Context(text, REF, whole)
    assert find_atoms(ctx) == every_rule_everywhere(ctx), text


# --------------------------------------------------------------------------- the texts


def _table_texts(*names: str) -> list[str]:
    return [
        json.loads(line)["text"]
        for name in names
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("//")
    ]


EXPRESSIONS = _table_texts("dates.jsonl", "dates_invalid.jsonl")
TEXTS = _table_texts("dates_extract.jsonl")

# Marks and spaces that a writer may put between the parts of an expression, and some that
# no date has: each replaces each mark and space of the case tables' expressions in turn.
MARKS = [
    *"-–—‐‑−/.,:;'\"()[]…%+*&#!?_",
    *("‘", "’", "“", "”", "«", "»", "·", "•", "°", "€", "$"),
    *(" ", "\u00a0", "\t", "\u2009", "\u3000", "  ", ""),
]


def _variants(text: str) -> Iterator[str]:
    for index, char in enumerate(text):
        if not char.isalnum():
            for mark in MARKS:
                if mark != char:
                    yield text[:index] + mark + text[index + 1 :]


@pytest.mark.parametrize("text", EXPRESSIONS + TEXTS)
def test_case_tables(text: str) -> None:
    assert_paths_agree(text)
    assert_paths_agree(text, whole=True)


@pytest.mark.parametrize("text", EXPRESSIONS)
def test_case_tables_with_other_marks(text: str) -> None:
    """ "10–15/1", "10 — 15/1", "20.1.2022", "15h 30", "(2019)»"…: each mark swapped."""
    for variant in _variants(text):
        assert_paths_agree(variant, whole=True)


def _real_texts() -> list[str]:
    if not REAL_DEV.is_dir():
        return []
    return [
        json.loads(line)["text"]
        for name in ("dates.jsonl", "numbers.jsonl")
        if (REAL_DEV / name).exists()
        for line in (REAL_DEV / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.skipif(not REAL_DEV.is_dir(), reason="the shared real-news folder is not here")
def test_real_news_development_text() -> None:
    texts = _real_texts()
    assert texts
    for text in texts:
        assert_paths_agree(text)


# Words of the data files (first column) and of the case tables: the vocabulary of the texts.
_DATA_DIR = Path(vnnews.__file__).parent / "data"


def _data_words() -> list[str]:
    found = set()
    for path in [*sorted(_DATA_DIR.glob("date_*")), _DATA_DIR / "number_words.tsv"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                found.add(line.split("\t")[0])
    for text in EXPRESSIONS + TEXTS:
        found.update(re.findall(r"[^\W\d]+", text))
    return sorted(found)


_WORDS = _data_words()
_DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩०१२३४५६७८९０１２３４５"  # ASCII, Arabic-Indic, Devanagari, wide
_ODD = ["İ", "ı", "ſ", "\u212a", "ß", "ẞ", "Σ", "ΑΣ", "ς", "_", "²", "\u0301", "\U0001d7ce"]
_GAPS = ["", " ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\r\n", "\u200b"]
# Any character may follow a run of digits: drawn from the marks and from whole Unicode blocks.
_AFTER = st.one_of(
    st.sampled_from(MARKS),
    st.characters(min_codepoint=0x20, max_codepoint=0x2FF),
    st.characters(min_codepoint=0x1E00, max_codepoint=0x206F),
    st.characters(),
)

_word = st.sampled_from(_WORDS).flatmap(
    lambda word: st.sampled_from([word, word.lower(), word.upper(), word.title()])
)
_digits = st.one_of(
    st.integers(0, 3000).map(str), st.text(alphabet=_DIGITS, min_size=1, max_size=6)
)
_piece = st.one_of(
    _word,
    _word,
    st.sampled_from(EXPRESSIONS),
    st.builds("{} {}".format, _word, st.sampled_from(EXPRESSIONS)),  # "hôm" + "20/1"
    st.builds("{}{}{}{}".format, _digits, _AFTER, st.sampled_from(["", " "]), _AFTER),
    st.builds("{}{}{}".format, _digits, st.sampled_from(_GAPS), _word),
    st.sampled_from(_ODD + MARKS),
    st.text(max_size=2),
)
texts = st.lists(st.tuples(_piece, st.sampled_from(_GAPS)), max_size=24).map(
    lambda parts: "".join(piece + gap for piece, gap in parts)
)

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts, st.booleans())
@example("Sáng 20/1, từ bây giờ\n9 am, 10 đến 15/1\r\nlúc 15h30 (ΑΣ) năm 2022Σ", False)
@example("năm 2021 – 2026\n200 đồng, 2021, ngày 20 tháng 1\u00a0năm 2022", False)
@example("World Cup 2026\nEuro 2024» Phim A (2019) V-League 2020 x\nCup 2022”", False)
@example("năm 2021 – 2026", True)  # "năm 2021" reads first, then the longer range
@example("bữa kia", True)
def test_generated_texts(raw: str, whole: bool) -> None:
    assert_paths_agree(raw, whole)


# --------------------------------------------------------------------------- Rule.digits


def _runs(length: int) -> list[str]:
    """Runs of digits of one length, enough for a pattern to show what it reads after one of
    that length ("[12]\\d{3}", "(?:19|20)\\d{2}")."""
    runs = [digit * length for digit in "0129"]
    if length >= 2:
        runs += ["1" + "0" * (length - 1), "19" + "9" * (length - 2), "20" + "2" * (length - 2)]
    return runs


def _probe_characters() -> list[str]:
    """Characters as the scan compares them (lower case), but for digits, which belong to
    the run: Latin, the Vietnamese letters, punctuation, symbols and every white space.

    The probes match with the regex module (``re`` has no partial match), so a character
    that the two engines class apart (\\x1c-\\x1f are white space to ``re`` only) is left
    out: the patterns run with ``re``.
    """
    blocks = [(0x20, 0x2FF), (0x370, 0x3FF), (0x1E00, 0x1EFF), (0x2000, 0x20CF), (0x3000, 0x303F)]
    chars = {chr(code) for first, last in blocks for code in range(first, last + 1)}
    chars |= {chr(code) for code in range(0x10000) if chr(code).isspace()}
    return sorted(
        char
        for char in chars
        if char.lower() == char == _as_read(char)  # "ſ" is read as "s" before the scan
        and char != "\n"
        and not re.match(r"\d", char)
        and all(
            bool(re.match(rf"\{cls}", char)) == bool(regex.match(rf"\{cls}", char)) for cls in "dsw"
        )
    )


_PROBES = _probe_characters()
_SPACES = [char for char in _PROBES if char.isspace()]
_ANY = 200  # a rule that reads this many of the probes reads "anything": its fact is None


def _digit_rules() -> list[Rule]:
    return [rule for rule in rules() if "#" in rule.starts]


def _reads(pattern: regex.Pattern[str], run: str, following: str) -> bool:
    """Whether a match of ``pattern`` can begin with ``run`` + ``following`` (after a line
    break): a whole match, or a text the match would go on from."""
    return pattern.match("\n" + run + following, 1, partial=True) is not None


def _reads_at_end(pattern: regex.Pattern[str], run: str) -> bool:
    return pattern.match("\n" + run, 1) is not None


@pytest.mark.parametrize("rule", _digit_rules(), ids=lambda rule: rule.name)
def test_digit_facts_are_what_the_pattern_reads(rule: Rule) -> None:
    """``Rule.digits`` holds the lengths of the runs the pattern reads, the characters it
    reads after one (" " for white space; None if it reads any), and after a run and a
    space, the characters it reads next; nothing more (a needless entry costs time) and
    nothing less (a missing one loses dates)."""
    pattern = regex.compile(rule.pattern(), regex.IGNORECASE)
    facts = rule.digits
    assert facts is not None, f"{rule.name} starts with a digit: say which runs it reads"
    after: dict[int, set[str]] = {}
    seconds: set[str] = set()
    at_end = False
    for length in range(1, 10):
        runs = _runs(length)
        after[length] = {c for c in _PROBES if any(_reads(pattern, run, c) for run in runs)}
        at_end = at_end or any(_reads_at_end(pattern, run) for run in runs)
        if after[length] & set(_SPACES):
            seconds |= {
                c
                for c in [*_PROBES, *"0123456789"]
                if any(_reads(pattern, run, " " + c) for run in runs)
            }
    assert {length for length, chars in after.items() if chars} == set(facts.lengths)
    read = set().union(*after.values())
    spaces = read & set(_SPACES)
    assert spaces in (set(), set(_SPACES)), "white space is read as one"
    named = (read - spaces) | ({" "} if spaces else set())
    if facts.after is None:
        assert at_end or len(named) >= _ANY, "None only for a pattern that reads anything"
    else:
        assert not at_end, "a pattern that reads the end of the text reads anything: None"
        assert named == set(facts.after)
    if facts.after_space is None:
        assert len(seconds) >= _ANY
    else:
        assert seconds == set(facts.after_space)


def test_rules_that_start_with_a_digit_say_so() -> None:
    """A rule whose pattern can match at a run of digits lists "#" among its starts."""
    for pattern, rule in _every_pattern():
        compiled = regex.compile(pattern.pattern, regex.IGNORECASE)
        reads = any(
            _reads(compiled, run, c)
            for length in range(1, 5)
            for run in _runs(length)
            for c in ["", " ", "/", "-", "h", ":", "t", ")"]
        )
        assert reads == ("#" in rule.starts), rule.name


def test_no_needed_word_has_a_sigma() -> None:
    """A line's slice of the lower-cased text differs from the lower-cased line at most in a
    sigma (final or not by its neighbours), which find_atoms may then read: only in needs."""
    assert not any(set(word) & set("Σσς") for rule in rules() for word in rule.needs)


def test_probes_cover_what_the_patterns_name() -> None:
    """Every character written in a rule's pattern, lower-cased, is among the probes (or is
    a digit, which belongs to a run)."""
    written = {char.lower() for rule in rules() for char in rule.pattern()}
    assert {char for char in written if char not in _PROBES} <= set("0123456789")
