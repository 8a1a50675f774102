"""Finding the expressions: one scan for start words, then the rules anchored there."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

from vnnews._trie import trie_pattern
from vnnews.dates._match import Builder
from vnnews.dates._pieces import Context, Piece
from vnnews.dates._rules import DigitRun, rules

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
    the trigger scan reports only the longest phrase at each position. A run of digits is
    keyed by its shape (see :func:`_digit_key`), with the rules whose ``Rule.digits`` it fits;
    "#" (every rule that starts with a digit) is the slow path's key.
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
    runs = [rules()[entry.order].digits for entry in table.get("#", ())]
    for length in range(1, _MAX_RUN + 1):
        for after, second in _shapes():
            fitting = tuple(
                entry
                for entry, run in zip(table.get("#", ()), runs, strict=True)
                if _fits(run, length, after, second)
            )
            if fitting:
                table[_digit_key(length, after, second)] = fitting
    return table


def _digit_rules() -> list[DigitRun | None]:
    """What the rules that can start with a run of digits read there (None: anything)."""
    return [rule.digits for rule in rules() if "#" in rule.starts]


@lru_cache(maxsize=1)
def _afters() -> frozenset[str]:
    """The characters some rule reads by name right after a run of digits (not white space,
    which is keyed as " "): any other character is keyed as ``_OTHER``."""
    return frozenset(
        char for run in _digit_rules() if run and run.after for char in run.after if char.strip()
    )


@lru_cache(maxsize=1)
def _seconds() -> frozenset[str]:
    """The characters some rule reads by name after a run of digits and a white space."""
    return frozenset(
        char for run in _digit_rules() if run and run.after_space for char in run.after_space
    )


def _shapes() -> list[tuple[str, str]]:
    """Every (after, second) a run of digits is keyed by: a character read by name or
    ``_OTHER``, or the end of the text (""), or a white space (" ") and what comes next."""
    afters = [(after, "") for after in sorted(_afters() | {_OTHER, ""})]
    return afters + [(" ", second) for second in sorted(_seconds() | {_OTHER})]


def _fits(run: DigitRun | None, length: int, after: str, second: str) -> bool:
    """Whether a rule that reads ``run`` can match at a run of ``length`` digits followed by
    ``after`` (``_OTHER`` for a character no rule names) and, after a space, ``second``."""
    if run is None:
        return True
    if length not in run.lengths:
        return False
    if run.after is None:
        return True
    if after not in run.after:  # a tuple: "" (the end) is in none
        return False
    return after != " " or run.after_space is None or second in run.after_space


_MAX_RUN = 9  # digit runs longer than this are keyed as this long (no rule reads them)
_OTHER = "#"  # the key of any character no rule names (no rule names "#")


def _digit_key(length: int, after: str, second: str = "") -> str:
    """The dispatch key of a run of digits: "#", its length and the character after it (one
    no rule names is keyed as ``_OTHER``, the end of the text as nothing); after a white
    space, a space and the character after that."""
    return f"#{min(length, _MAX_RUN)}{after}{second}"


_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    """The phrases (lower case) and runs of digits that can start an expression, found in one
    scan: each match is the non-word character before one, and group 1 the trigger.

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
    # A phrase ends before no letter: a digit may follow it, as some rules read ("mùng3 Tết").
    phrases = "|".join(
        re.escape(first) + trie_pattern(rest) + r"(?![^\W\d])"
        for first, rest in sorted(rests.items())
    )
    # The trigger is read in a lookahead: the scan goes on right after the non-word character,
    # so it also finds a trigger inside a longer one ("bây giờ" in "từ bây giờ", which may
    # read nothing where "bây giờ" reads "now").
    return re.compile(rf"\W(?=({phrases}|{_read_after_digits()}))")


def _read_after_digits() -> str:
    """A lookahead for what some rule can read after a run of digits (``Rule.digits``): a run
    followed by anything else ("200,", "200 đồng") has a key with no rules, so the scan
    leaves it out. Any run of digits if some rule that reads digits says nothing of them."""
    runs = _digit_rules()
    if any(run is None for run in runs):
        return r"\d{1,16}"
    named = [run for run in runs if run is not None and run.after is not None]
    afters = {char for run in named for char in run.after or () if char.strip()}
    seconds = {char for run in named if " " in (run.after or ()) for char in run.after_space or ""}
    branches = [
        f"[{re.escape(''.join(sorted(afters)))}]",
        rf"\s[{re.escape(''.join(sorted(seconds)))}]",
    ]
    # A rule that reads any character after the run, or after a space, or the end of the line,
    # has a branch of its own for each length it reads (a fixed-width look back to the
    # non-word character before the run): other runs stay out of the scan.
    for run in runs:
        assert run is not None
        if run.after is None:
            tail = r"(?!\d)"  # anything but more of the run, or the end
        elif " " in run.after and run.after_space is None:
            tail = r"\s"
        else:
            continue
        branches += [rf"(?<=\W\d{{{length}}}){tail}" for length in run.lengths]
    return rf"\d{{1,16}}(?={'|'.join(dict.fromkeys(branches))})"


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
    end = found.end(1)
    after = padded[end : end + 1]
    if after.isspace():
        # Lower-cased, this is what the case-insensitive rules compare: the one letter they
        # also read otherwise, "ſ" as s, was written as "s" before the scan (_as_read).
        second = padded[end + 1 : end + 2]
        return _digit_key(len(trigger), " ", second if second in _seconds() else _OTHER)
    elif after and after not in _afters():
        after = _OTHER
    return _digit_key(len(trigger), after)


def _starts(text: str, lowered: str) -> Iterator[tuple[int, str]]:
    """Where an expression may start, and the dispatch key of the phrase there."""
    if len(lowered) != len(text):  # lower-casing moved offsets: the slow path
        yield from _starts_by_word(text)
        return
    # One scan for the trigger words. A loop of searches, as finditer would step (a match is
    # one character), but cheaper to set up: parse_date's text is one expression.
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


# Kept without a value: a later merge may anchor it, or end an interval with it ("đến nay").
_OPEN_KINDS = frozenset({"clock", "part", "until_now"})
