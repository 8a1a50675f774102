"""The gazetteers of ``vnnews/data/people_*``, loaded once as token tries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from vnnews._data import read_lines, read_tsv
from vnnews.normalization import normalize
from vnnews.people._tokens import tokenize

__all__ = ["QUANTIFIERS", "Lexicons", "Openers", "Trie", "lexicons"]

_END = ""  # the key of a node's phrase list: no token has an empty key
QUANTIFIERS = frozenset({"các", "những", "hai", "ba", "bốn"})

Match = tuple[int, str, tuple[str, ...]]
Phrase = tuple[str, tuple[str, ...]]  # (label, the phrase's words as listed)


class Trie:
    """Phrases keyed by their casefolded tokens; each phrase carries a label."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._root: dict[str, Any] = {}
        for phrase, label in entries:
            node: Any = self._root
            words = tokenize(normalize(phrase))
            for token in words:
                node = node.setdefault(token.key, {})
            node.setdefault(_END, []).append((label, tuple(token.text for token in words)))

    @property
    def root(self) -> dict[str, Any]:
        """The root node: casefolded token -> node; a node's key ``""`` lists its phrases."""
        return self._root

    def walk(self, keys: Sequence[str], start: int) -> list[tuple[int, list[Phrase]]]:
        """The phrases met on the path of ``keys`` from ``start``: (end index, phrases), in order.

        ``keys`` are the casefolded token texts. The one walk behind the three look-ups below;
        most calls stop at the first key (a ``while`` loop: cheaper there than a ``range``).
        """
        found: list[tuple[int, list[Phrase]]] = []
        node: Any = self._root
        index, size = start, len(keys)
        while index < size:
            node = node.get(keys[index])
            if node is None:
                break
            index += 1
            phrases = node.get(_END)
            if phrases:
                found.append((index, phrases))
        return found

    def matches(self, keys: Sequence[str], start: int) -> list[Match]:
        """Every phrase at ``keys[start]``: (end index, label, phrase as listed), shortest first.

        A phrase listed in several spellings or with several labels comes once for each.
        """
        return [
            (end, label, words)
            for end, phrases in self.walk(keys, start)
            for label, words in phrases
        ]

    def longest_labelled(self, keys: Sequence[str], start: int, label: str) -> int | None:
        """The end of the longest phrase labelled ``label`` at ``keys[start]``, or ``None``."""
        best = None
        for end, phrases in self.walk(keys, start):
            if any(listed == label for listed, _ in phrases):
                best = end
        return best

    def longest(self, keys: Sequence[str], start: int) -> tuple[int, str] | None:
        """The longest phrase at ``keys[start]`` as (end index, label), or ``None``.

        Of several labels for the longest phrase, the first listed.
        """
        found = self.walk(keys, start)
        if not found:
            return None
        end, phrases = found[-1]
        return end, phrases[0][0]


@dataclass(frozen=True)
class Openers:
    """Where a phrase of some tries starts: their key paths merged, labels left out.

    ``single``, ``firsts`` and ``pairs`` make a quick first test for the scan.
    """

    single: frozenset[str]  # keys that are a whole phrase
    firsts: frozenset[str]  # the first keys of the longer phrases
    pairs: frozenset[tuple[str, str]]  # their first two keys
    paths: dict[str, Any]  # the merged trie; the key "" marks the end of a phrase

    @classmethod
    def of(cls, tries: Iterable[Trie]) -> Openers:
        """The openers of the phrases of ``tries``."""
        paths: dict[str, Any] = {}
        for trie in tries:
            _merge(paths, trie.root)
        single = frozenset(key for key, node in paths.items() if _END in node)
        pairs = {(key, second) for key, node in paths.items() for second in node if second}
        return cls(single, frozenset(key for key, _ in pairs), frozenset(pairs), paths)

    def opens(self, keys: Sequence[str], index: int) -> bool:
        """Whether a whole phrase starts at ``keys[index]``."""
        node: Any = self.paths
        while index < len(keys):
            node = node.get(keys[index])
            if node is None:
                return False
            if _END in node:
                return True
            index += 1
        return False


def _merge(into: dict[str, Any], node: dict[str, Any]) -> None:
    for key, child in node.items():
        if key == _END:
            into[_END] = True
        else:
            _merge(into.setdefault(key, {}), child)


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
    # Countries, world places and well-known organisations: they qualify a title ("Ngoại
    # trưởng Mỹ", "CEO Apple") and never start a name.
    qualifiers: Trie
    famous: Trie  # people named like a place ("Hồ Chí Minh"), read as a person after a title
    fields: Trie  # lowercase words that complete a head: "Giám đốc kỹ thuật"
    descriptors: Trie  # words between an occupation and the name: "nổi tiếng"
    name_particles: frozenset[str]  # "van", "de", "bin" inside foreign names
    company_words: frozenset[str]  # "Telecom", "Group": words of company names
    nationalities: frozenset[str]  # "Thái", "Nhật": one word after an occupation
    verb_positions: Trie  # positions that are also verbs: "chủ trì"
    stage_names: Trie  # occupations an all-capitals stage name may follow: "ca sĩ PSY"
    surnames: frozenset[str]
    surname_keys: frozenset[str]  # the surnames casefolded
    ethnic_prefixes: frozenset[str]
    stopwords: frozenset[str]
    org_heads: frozenset[str]
    abbreviations: dict[str, str]
    # Where a honorific, rank, position or modifier phrase starts: the scanner tries its
    # patterns there, at a quantifier before one and at surnames only.
    openers: Openers
    # The keys that may open something: the first keys of those phrases, quantifiers and
    # casefolded surnames.
    scan_keys: frozenset[str]
    # The pairs of keys that may open something: the first two keys of a phrase, and a
    # quantifier before the first key of one (a one-key phrase opens on its own).
    scan_pairs: frozenset[tuple[str, str]]
    # The same for a title: a rank, position or modifier phrase.
    title_openers: Openers


def _labelled(name: str, label: str) -> list[tuple[str, str]]:
    return [(line, label) for line in read_lines(name)]


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """Load every ``people_*`` data file once."""
    modifiers = [(row[0], row[1]) for row in read_tsv("people_modifiers.tsv")]
    heads = [(row[0], f"head:{row[1]}") for row in read_tsv("people_org_heads.tsv")]
    abbreviations = {row[0]: row[1] for row in read_tsv("people_abbreviations.tsv")}
    positions = set(read_lines("people_positions.txt")) | set(read_lines("people_occupations.txt"))
    # Abbreviations of titles, ranks and honorifics (PCT, TS, Đ/c) are not organisation parts.
    not_org = positions | set(read_lines("people_ranks.txt")) | {row[0] for row in modifiers}
    not_org |= set(read_lines("people_honorifics.txt")) | {"CT"}
    world = _labelled("people_world_places.txt", "place:world")
    organization = [
        *heads,
        *world,
        *((row[0], f"place:{row[1]}") for row in read_tsv("people_place_words.tsv")),
        *_labelled("people_org_words.txt", "word"),
        *((abbr, "abbr") for abbr in abbreviations if abbr not in not_org),
    ]
    positions_trie = Trie(
        [
            *_labelled("people_positions.txt", "position"),
            *_labelled("people_occupations.txt", "occupation"),
        ]
    )
    ranks = Trie(_labelled("people_ranks.txt", "rank"))
    modifiers_trie = Trie(modifiers)
    honorifics = Trie(_labelled("people_honorifics.txt", "honorific"))
    surnames = frozenset(read_lines("people_surnames.txt"))
    surname_keys = frozenset(name.casefold() for name in surnames)
    titles = (positions_trie, ranks, modifiers_trie)
    openers = Openers.of([*titles, honorifics])
    return Lexicons(
        positions=positions_trie,
        ranks=ranks,
        modifiers=modifiers_trie,
        honorifics=honorifics,
        organization=Trie(organization),
        place_prefixes=Trie(_labelled("people_place_prefixes.txt", "place")),
        not_people=Trie(_labelled("people_not_people.txt", "not-person")),
        qualifiers=Trie([*world, *_labelled("people_organizations.txt", "org")]),
        famous=Trie(_labelled("people_famous.txt", "person")),
        fields=Trie(_labelled("people_fields.txt", "field")),
        descriptors=Trie(_labelled("people_descriptors.txt", "descriptor")),
        name_particles=frozenset(read_lines("people_name_particles.txt")),
        company_words=frozenset(read_lines("people_company_words.txt")),
        nationalities=frozenset(read_lines("people_nationalities.txt")),
        verb_positions=Trie(_labelled("people_verb_positions.txt", "verb")),
        stage_names=Trie(_labelled("people_stage_names.txt", "stage")),
        surnames=surnames,
        surname_keys=surname_keys,
        ethnic_prefixes=frozenset(read_lines("people_ethnic_prefixes.txt")),
        stopwords=frozenset(read_lines("people_stopwords.txt")),
        org_heads=frozenset(normalize(row[0]).casefold() for row in heads),
        abbreviations=abbreviations,
        openers=openers,
        scan_keys=openers.single | openers.firsts | QUANTIFIERS | surname_keys,
        scan_pairs=openers.pairs
        | {(word, key) for word in QUANTIFIERS for key in openers.single | openers.firsts},
        title_openers=Openers.of(titles),
    )
