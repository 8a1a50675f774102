"""Finding the expressions: one scan for start words, then the rules anchored there."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from vnnews.dates._pieces import Context, Piece
from vnnews.dates._rules import Rule, rules

__all__ = ["find_atoms"]


@dataclass(frozen=True, slots=True)
class _Entry:
    order: int
    rule: Rule
    pattern: regex.Pattern[str]
    needs: re.Pattern[str] | None


@lru_cache(maxsize=1)
def _dispatch() -> dict[str, tuple[_Entry, ...]]:
    """For each start phrase, the rules that can start with it (with their compiled patterns).

    A phrase ("năm học") also gets the rules of the shorter phrases it starts with ("năm"):
    the trigger scan reports only the longest phrase at each position.
    """
    flags = regex.IGNORECASE | regex.VERSION0
    direct: dict[str, list[_Entry]] = {}
    for order, rule in enumerate(rules()):
        needs = re.compile("|".join(map(re.escape, rule.needs))) if rule.needs else None
        entry = _Entry(order, rule, regex.compile(rule.pattern(), flags), needs)
        for phrase in rule.starts:
            direct.setdefault(phrase, []).append(entry)
    table: dict[str, tuple[_Entry, ...]] = {}
    for phrase in direct:
        words = phrase.split()
        prefixes = {" ".join(words[:n]) for n in range(1, len(words) + 1)}
        entries = {e.order: e for p in prefixes if p in direct for e in direct[p]}
        table[phrase] = tuple(entries[order] for order in sorted(entries))
    return table


_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    """The phrases (lower case) and digits that can start an expression, found in one scan.

    The phrases are written as a trie ("t(?:ừ(?: nay)?|uần|háng)…"): a flat alternation of 70
    phrases would be tried one by one at every position.
    """
    phrases = [phrase for phrase in _dispatch() if phrase != "#"]
    return re.compile(rf"\b{_trie_pattern(phrases)}\b|\b\d")


def _trie_pattern(words: list[str]) -> str:
    """A regex matching exactly ``words``, longest first, with shared prefixes factored out."""
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # the end of a word

    def written(node: dict[str, Any]) -> str:
        branches = [
            re.escape(char) + written(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return written(trie)


def _starts(text: str, lowered: str) -> list[tuple[int, str]]:
    """Where an expression may start, and the dispatch key of the phrase there."""
    if len(lowered) == len(text):  # lower-casing kept every offset: scan for the trigger words
        return [
            (found.start(), "#" if found.group()[0].isdigit() else found.group())
            for found in _trigger().finditer(lowered)
        ]
    return _starts_by_word(text)


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


def find_atoms(ctx: Context) -> list[Piece]:
    """Every expression the rules accept, leftmost-longest, without overlaps, in text order.

    Rather than scanning the text once per rule, one scan finds the phrases an expression can
    start with; at each one outside the last expression found, the rules that can start with
    it are tried, anchored there, and the longest reading wins (the earlier rule on a tie).
    """
    dispatch = _dispatch()
    text = ctx.text
    lowered = text.lower()
    pieces: list[Piece] = []
    covered = 0
    for start, key in _starts(text, lowered):
        if start < covered:
            continue
        best: Piece | None = None
        for entry in dispatch.get(key, ()):
            if entry.needs is not None and not entry.needs.search(lowered, start, start + _WINDOW):
                continue
            match = entry.pattern.match(text, start)
            if match is None or (best is not None and match.end() <= best.end):
                continue
            try:
                piece = entry.rule.build(match, ctx)
            except (ValueError, OverflowError):  # a date outside datetime's years 1-9999
                piece = None
            if piece is not None and (piece.value is not None or _is_open(piece)):
                best = piece
        if best is not None:
            pieces.append(best)
            covered = best.end
    return pieces


def _is_open(piece: Piece | None) -> bool:
    return piece is not None and piece.kind in ("clock", "part")
