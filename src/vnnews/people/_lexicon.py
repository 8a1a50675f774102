"""The gazetteers of ``vnnews/data/people_*``, loaded once as token tries."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from vnnews._data import read_lines, read_tsv
from vnnews.normalize import normalize
from vnnews.people._tokens import Token, tokenize

__all__ = ["Lexicons", "Trie", "lexicons"]

_END = "\x00"


class Trie:
    """Phrases keyed by their casefolded tokens; each phrase carries a label."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._root: dict[str, object] = {}
        for phrase, label in entries:
            node = self._root
            words = tokenize(normalize(phrase))
            for token in words:
                node = node.setdefault(token.key, {})  # type: ignore[assignment]
            found = node.setdefault(_END, [])
            assert isinstance(found, list)
            found.append((label, tuple(token.text for token in words)))

    def starts(self, key: str) -> bool:
        """Whether some phrase starts with the token whose casefolded text is ``key``."""
        return key in self._root

    def matches(
        self, tokens: Sequence[Token], start: int
    ) -> Iterator[tuple[int, str, tuple[str, ...]]]:
        """Every phrase at ``tokens[start]``: (end index, label, phrase as listed).

        A phrase listed in several spellings or with several labels comes once for each.
        """
        node = self._root
        index = start
        while index < len(tokens):
            child = node.get(tokens[index].key)
            if not isinstance(child, dict):
                return
            node = child
            index += 1
            found = node.get(_END)
            if isinstance(found, list):
                for label, words in found:
                    yield index, label, words

    def longest(self, tokens: Sequence[Token], start: int) -> tuple[int, str] | None:
        """The longest phrase at ``tokens[start]`` as (end index, label), or ``None``."""
        best = None
        for end, label, _ in self.matches(tokens, start):
            if best is None or end > best[0]:
                best = (end, label)
        return best


@dataclass(frozen=True)
class Lexicons:
    """Every gazetteer the people extractor reads."""

    positions: Trie
    ranks: Trie
    modifiers: Trie
    honorifics: Trie
    organization: Trie  # heads, place words, lowercase organisation words, abbreviations
    place_prefixes: Trie
    not_people: Trie
    surnames: frozenset[str]
    ethnic_prefixes: frozenset[str]
    stopwords: frozenset[str]
    org_heads: frozenset[str]
    abbreviations: dict[str, str]


def _labelled(name: str, label: str) -> list[tuple[str, str]]:
    return [(line, label) for line in read_lines(name)]


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """Load every ``people_*`` data file once."""
    modifiers = [(row[0], row[1]) for row in read_tsv("people_modifiers.tsv")]
    heads = [(row[0], f"head:{row[1]}") for row in read_tsv("people_org_heads.tsv")]
    abbreviations = {row[0]: row[1] for row in read_tsv("people_abbreviations.tsv")}
    positions = set(read_lines("people_positions.txt"))
    # Abbreviations of titles, ranks and honorifics (PCT, TS, Đ/c) are not organisation parts.
    not_org = positions | set(read_lines("people_ranks.txt")) | {row[0] for row in modifiers}
    not_org |= set(read_lines("people_honorifics.txt")) | {"CT"}
    organization = [
        *heads,
        *((row[0], f"place:{row[1]}") for row in read_tsv("people_place_words.tsv")),
        *_labelled("people_org_words.txt", "word"),
        *((abbr, "abbr") for abbr in abbreviations if abbr not in not_org),
    ]
    return Lexicons(
        positions=Trie(_labelled("people_positions.txt", "position")),
        ranks=Trie(_labelled("people_ranks.txt", "rank")),
        modifiers=Trie(modifiers),
        honorifics=Trie(_labelled("people_honorifics.txt", "honorific")),
        organization=Trie(organization),
        place_prefixes=Trie(_labelled("people_place_prefixes.txt", "place")),
        not_people=Trie(_labelled("people_not_people.txt", "not-person")),
        surnames=frozenset(read_lines("people_surnames.txt")),
        ethnic_prefixes=frozenset(read_lines("people_ethnic_prefixes.txt")),
        stopwords=frozenset(read_lines("people_stopwords.txt")),
        org_heads=frozenset(normalize(row[0]).casefold() for row in heads),
        abbreviations=abbreviations,
    )
