"""Finding the expressions: one scan for start words, then the rules anchored there."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

from vnnews._trie import trie_pattern
from vnnews.dates._match import Builder
from vnnews.dates._pieces import Context, Piece
from vnnews.dates._rules import rules

__all__ = ["find_atoms", "starts_by_line"]


_Search = Callable[[str, int, int], "re.Match[str] | None"]
_MatchAt = Callable[[str, int], "re.Match[str] | None"]


class _Entry(NamedTuple):
    """One rule ready to try: its bound matching methods, unpacked in the hot loop."""

    needs: _Search | None  # search for a word the match must contain, if the rule has some
    match: _MatchAt
    build: Builder
    order: int


@lru_cache(maxsize=1)
def _dispatch() -> dict[str, tuple[_Entry, ...]]:
    """For each start phrase, the rules that can start with it (with their compiled patterns).

    A phrase ("năm học") also gets the rules of the shorter phrases it starts with ("năm"):
    the trigger scan reports only the longest phrase at each position.
    """
    direct: dict[str, list[_Entry]] = {}
    for order, rule in enumerate(rules()):
        needs = re.compile("|".join(map(re.escape, rule.needs))) if rule.needs else None
        pattern = re.compile(rule.pattern(), re.IGNORECASE)
        entry = _Entry(needs.search if needs else None, pattern.match, rule.build, order)
        for phrase in rule.starts:
            direct.setdefault(phrase, []).append(entry)
    table: dict[str, tuple[_Entry, ...]] = {}
    for phrase in direct:
        words = phrase.split()
        prefixes = {" ".join(words[:n]) for n in range(1, len(words) + 1)}
        entries = {e.order: e for p in prefixes if p in direct for e in direct[p]}
        table[phrase] = tuple(entries[order] for order in sorted(entries))
    # A run of digits is keyed by its length and the character after it ("#2/" for "18/12"),
    # with only the rules that can read such a run; "#" (every digit rule) is the slow path's.
    names = [rule.name for rule in rules()]
    followers = {char for chars in _FOLLOWERS.values() for char in chars}
    for length in range(1, _MAX_RUN + 1):
        for after in followers:
            for second in [*_SECONDS, _OTHER] if after == " " else [""]:
                fitting = tuple(
                    entry
                    for entry in table["#"]
                    if _reads_run(names[entry.order], length, after, second)
                )
                if fitting:
                    table[_digit_key(length, after, second)] = fitting
    return table


# What the rules that start with a digit need at the run of digits: its length and the
# (lower-cased) character after it, a space for any white space. A necessary condition read
# off each pattern ("\d{1,2}(?P<sep>[/.\-])", "[12]\d{3}-"…); a rule not listed is always tried.
_RUN_LENGTHS: dict[str, range] = {
    "numeric_clock": range(1, 3),
    "word_clock": range(1, 4),
    "numeric_date": range(1, 3),
    "iso_date": range(4, 5),
    "day_range": range(1, 3),
    "word_date": range(1, 4),
    "tet_day": range(1, 4),
    "months_of_year": range(1, 4),
    "relative_count": range(1, 4),
    "named_year": range(4, 5),
}
_FOLLOWERS: dict[str, tuple[str, ...]] = {
    "numeric_clock": (":", "h", "g", " ", "a", "p"),  # "15:30", "15h", "10g45", "9 am", "9pm"
    "word_clock": (" ",),  # "3 giờ"
    "numeric_date": ("/", ".", "-"),
    "iso_date": ("-",),
    "day_range": ("-", "–", "—", " "),  # "10-15/1", "10 đến 15/1"
    "word_date": (" ",),  # "20 tháng 1"
    "tet_day": (" ",),  # "3 Tết"
    "months_of_year": (" ",),  # "6 tháng đầu năm"
    # "3 ngày tới", "3ngày", "2h": a space, or the first letter of a unit glued to the number.
    "relative_count": (" ", "g", "s", "p", "t", "h", "n", "q"),
    # "World Cup 2026", "(2019)", "Euro 2024.": punctuation, a space, or the end of the line ("").
    "named_year": (" ", ")", ",", ".", ";", ":", "!", "?", '"', "”", "’", "'", "…", ""),
}


# After a run of digits and a space, the (casefolded) first letters of what each rule that
# reads a space there can go on with: "3 giờ", "20 tháng", "3 Tết", "10 đến 15/1", "9 am",
# "3 ngày tới" (read off the patterns as _FOLLOWERS is).
_AFTER_SPACE: dict[str, str] = {
    "numeric_clock": "ap",
    "word_clock": "g",
    "day_range": "-–—đt",
    "word_date": "t",
    "tet_day": "t",
    "months_of_year": "t",
    "relative_count": "gsptnhq",
    "named_year": "",  # any character: see _ANY_AFTER_SPACE
}
# The rules that read a run of digits followed by a space whatever comes after the space.
_ANY_AFTER_SPACE = frozenset({"named_year"})
_SECONDS = "".join(sorted(set("".join(_AFTER_SPACE.values()))))
_OTHER = "#"  # the key of any other character after the space (no digit rule reads it)


def _reads_run(rule_name: str, length: int, after: str, second: str = "") -> bool:
    """Whether a rule can match at a run of ``length`` digits followed by ``after`` (and, after
    a space, by ``second``: one of ``_SECONDS`` or ``_OTHER``)."""
    if rule_name not in _FOLLOWERS:
        return True
    if length not in _RUN_LENGTHS[rule_name] or after not in _FOLLOWERS[rule_name]:
        return False
    return after != " " or rule_name in _ANY_AFTER_SPACE or second in _AFTER_SPACE[rule_name]


_MAX_RUN = 9  # digit runs longer than this are keyed as this long (no rule reads them)


def _digit_key(length: int, after: str, second: str = "") -> str:
    """The dispatch key of a run of digits: "#", its length and the character after it; after
    a space, also the character after that (see ``_AFTER_SPACE``)."""
    return f"#{min(length, _MAX_RUN)}{' ' + second if after.isspace() else after}"


_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    """The phrases (lower case) and runs of digits that can start an expression, found in one
    scan, each read with the character before it; group 1 is the trigger.

    A trigger starts a word, so a non-word character comes before it (the scan reads the text
    behind a line break, see ``_padded``). A pattern that starts with a character class lets
    ``re`` pass over the other characters in a tight loop, where one that starts with a
    lookahead or a word boundary enters the matcher at every position. The phrases are written
    as a trie per first letter ("t(?:ừ(?: nay)?|uần|háng)…"): ``re`` passes over a branch that
    starts with another letter without entering it, where a flat alternation of 70 phrases
    would be tried one by one. No phrase starts with a digit.
    """
    rests: dict[str, list[str]] = {}
    for phrase in _dispatch():
        if not phrase.startswith("#"):
            rests.setdefault(phrase[0], []).append(phrase[1:])
    phrases = "|".join(
        re.escape(first) + trie_pattern(rest) + r"\b" for first, rest in sorted(rests.items())
    )
    return re.compile(rf"\W({phrases}|{_read_after_digits()})")


def _read_after_digits() -> str:
    """A lookahead for what some rule can read after a run of digits (``_FOLLOWERS``, and after
    a space ``_AFTER_SPACE``): a run followed by anything else ("200,", "200 đồng") has a key
    with no rules, so the scan leaves it out. Any run of digits if a rule that reads digits is
    not in ``_FOLLOWERS`` (it is tried at any run)."""
    names = [rule.name for rule in rules()]
    readers = {names[entry.order] for entry in _dispatch()["#"]}
    if not readers <= _FOLLOWERS.keys():
        return r"\d{1,16}"
    anywhere = readers & _ANY_AFTER_SPACE
    afters = {char for name in readers - anywhere for char in _FOLLOWERS[name] if char not in " "}
    seconds = {char for name in readers if " " in _FOLLOWERS[name] for char in _AFTER_SPACE[name]}
    branches = [
        f"[{re.escape(''.join(sorted(afters)))}]",
        rf"\s[{re.escape(''.join(sorted(seconds)))}]",
    ]
    # A rule that reads any character after a space, and perhaps the end of the line, has a
    # branch of its own, for a run of a length it reads (a fixed-width look back to the
    # non-word character before the run): other runs stay out of the scan.
    for name in sorted(anywhere):
        own = "".join(sorted(char for char in _FOLLOWERS[name] if char not in " "))
        end = r"|\Z" if "" in _FOLLOWERS[name] else ""
        for length in _RUN_LENGTHS[name]:
            branches.append(rf"(?<=\W\d{{{length}}})(?:[{re.escape(own)}]|\s{end})")
    return rf"\d{{1,16}}(?={'|'.join(branches)})"


def _padded(lowered: str) -> str:
    """The text the trigger scan reads: ``lowered`` after a line break, the non-word character
    that a trigger at its very start needs before it. A match's ``start()`` in this is the
    offset of its trigger in ``lowered``."""
    return "\n" + lowered


def _key(found: re.Match[str], padded: str) -> str:
    """The dispatch key of a trigger: its phrase, or for a run of digits its shape."""
    trigger = found[1]
    if not trigger.isdigit():  # a phrase, which has letters
        return trigger
    end = found.end()
    after = padded[end : end + 1]
    second = ""
    if after.isspace():
        # Lower-cased, this is what the case-insensitive rules compare: the one letter they
        # also read otherwise, "ſ" as s, was written as "s" before the scan (_as_read).
        second = padded[end + 1 : end + 2]
        second = second if second and second in _SECONDS else _OTHER
    return _digit_key(len(trigger), after, second)


def _starts(text: str, lowered: str) -> Iterator[tuple[int, str]]:
    """Where an expression may start, and the dispatch key of the phrase there."""
    if len(lowered) != len(text):  # lower-casing moved offsets: the slow path
        yield from _starts_by_word(text)
        return
    # One scan for the trigger words. A loop of searches, as finditer would step (a trigger is
    # never empty), but cheaper to set up: parse_date's text is one expression, found at once.
    padded = _padded(lowered)
    search = _trigger().search
    found = search(padded)
    while found is not None:
        yield found.start(), _key(found, padded)
        found = search(padded, found.end())


def starts_by_line(
    text: str, lowered: str, lines: list[tuple[int, int]]
) -> list[list[tuple[int, str]]] | None:
    """The starts of each line (offsets into the line), each line scanned in place.

    ``lowered`` is ``text.lower()``, lower-cased once for all lines. A trigger never spans a
    line break, and a word boundary falls at a line break as at the ends of a string, so this
    is what scanning each line by itself gives. None when lower-casing moves offsets somewhere:
    then each line is scanned alone.
    """
    if len(lowered) != len(text):
        return None
    padded = _padded(lowered)
    finditer = _trigger().finditer
    return [
        [
            (found.start() - first, _key(found, padded))
            for found in finditer(padded, first, last + 1)
        ]
        for first, last in lines
    ]


def _starts_by_word(text: str) -> list[tuple[int, str]]:
    """The slow path, for text where a letter grows when lower-cased ("İ"): word by word."""
    dispatch = _dispatch()
    tokens = list(_TOKEN.finditer(text))
    words = [token.group().lower() for token in tokens]
    longest = max(len(phrase.split()) for phrase in dispatch)
    found = []
    for index, token in enumerate(tokens):
        if words[index][0].isdigit():
            found.append((token.start(), "#"))
            continue
        for size in range(min(longest, len(words) - index), 0, -1):
            phrase = " ".join(words[index : index + size])
            if phrase in dispatch:
                found.append((token.start(), phrase))
                break
    return found


_WINDOW = 60  # no expression is longer, so the words a rule needs are within this reach


def find_atoms(
    ctx: Context, starts: list[tuple[int, str]] | None = None, lowered: str | None = None
) -> list[Piece]:
    """Every expression the rules accept, leftmost-longest, without overlaps, in text order.

    Rather than scanning the text once per rule, one scan finds the phrases an expression can
    start with; at each one outside the last expression found, the rules that can start with
    it are tried, anchored there, and the longest reading wins (the earlier rule on a tie).

    A caller that scanned a whole text (:func:`starts_by_line`) passes a line's ``starts`` and
    its slice of the lower-cased text as ``lowered``. That slice is ``ctx.text.lower()`` but
    perhaps for a capital sigma near its ends (lower-cased as final or not by the letters
    around it), and no word that a rule needs (``Rule.needs``) has a sigma.
    """
    dispatch = _dispatch()
    text = ctx.text
    if lowered is None:
        lowered = text.lower()
    pieces: list[Piece] = []
    covered = 0
    for start, key in _starts(text, lowered) if starts is None else starts:
        if start < covered:
            continue
        best: Piece | None = None
        best_end = -1
        window = start + _WINDOW
        for needs, match_at, build, _ in dispatch.get(key, ()):
            if needs is not None and needs(lowered, start, window) is None:
                continue
            match = match_at(text, start)
            if match is None or match.end() <= best_end:
                continue
            try:
                piece = build(match, ctx)
            except (ValueError, OverflowError):  # a date outside datetime's years 1-9999
                piece = None
            if piece is not None and (piece.value is not None or piece.kind in _OPEN_KINDS):
                best = piece
                best_end = piece.end
                if best_end >= len(text):
                    break  # a later rule could not read further: parse_date's usual case
        if best is not None:
            pieces.append(best)
            covered = best.end
            if covered >= len(text):
                break  # the rest of the scan could only find starts inside it
    return pieces


_OPEN_KINDS = frozenset({"clock", "part"})  # kept without a value: a later merge may anchor it
