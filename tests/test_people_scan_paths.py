"""The people scanner's shortcuts give what the plain readings they replace give.

Each test puts a shortcut next to a straightforward version of the same reading (the way the
scanner read it before) and compares them on generated texts and on the corpus: the fixture
article and the texts of ``tests/data/people.jsonl``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import compress, count, repeat
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases import DATA, article_text
from vnnews.normalization import normalize
from vnnews.people._lexicon import _END, QUANTIFIERS, Lexicons, Trie, lexicons
from vnnews.people._reader import Reader
from vnnews.people._scan import _DASH_OR_COMMA, _ETHNIC, _Scanner
from vnnews.people._tokens import tokenize_columns


def _corpus() -> list[str]:
    texts = [article_text()]
    for line in (DATA / "people.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("//"):
            texts.append(json.loads(line)["text"])
    return texts


CORPUS = _corpus()

_PIECES = [
    "Bí thư",
    "Tỉnh ủy",
    "Ủy viên",
    "Ban Thường vụ",
    "Phó",
    "Chủ tịch",
    "Trưởng ban",
    "Trưởng Ban Tuyên giáo",
    "Giám đốc",
    "UBND",
    "tỉnh",
    "Thiếu tướng",
    "TS.",
    "PGS.TS",
    "GS.TS",
    "Đại biểu",
    "đại biểu",
    "Nguyễn",
    "nguyễn",
    "Văn",
    "An",
    "Lê",
    "lê",
    "ông",
    "Ông",
    "bà",
    "đồng chí",
    "Đ/c",
    "các",
    "Các",
    "hai",
    "Hai",
    "những",
    "Các đồng chí:",
    "quyền",
    "kiêm",
    "và",
    "của",
    "&",
    " - ",
    "–",
    ", ",
    "; ",
    ": ",
    ".",
    "(",
    ")",
    "TP.",
    "Hồ Chí Minh",
    "núi",
    "Bà Đen",
    "H'Hen",
    "H’Mông",
    "Niê",
    "Sở",
    "Bộ",
    "Trường",
    "xã",
    "huyện",
    "Yên Thành",
    "bệnh tật",
    "05",
    "\n",
    "Thái",
    "Thanh",
    "Quý",
]

soups = st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join)
glued = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=120)
texts = st.one_of(soups, glued, any_text)


def _keys(text: str) -> list[str]:
    return tokenize_columns(normalize(text)).keys


# --- the trie walks (``while`` loops) against ``for`` loops over a range ------------------


def _matches(trie: Trie, keys: Sequence[str], start: int) -> list[Any]:
    found: list[Any] = []
    node: Any = trie.root
    for index in range(start, len(keys)):
        node = node.get(keys[index])
        if node is None:
            break
        phrases = node.get(_END)
        if phrases:
            found += [(index + 1, label, words) for label, words in phrases]
    return found


def _longest_labelled(trie: Trie, keys: Sequence[str], start: int, label: str) -> int | None:
    best = None
    node: Any = trie.root
    for index in range(start, len(keys)):
        node = node.get(keys[index])
        if node is None:
            break
        phrases = node.get(_END)
        if phrases and any(listed == label for listed, _ in phrases):
            best = index + 1
    return best


def _longest(trie: Trie, keys: Sequence[str], start: int) -> tuple[int, str] | None:
    best = None
    node: Any = trie.root
    for index in range(start, len(keys)):
        node = node.get(keys[index])
        if node is None:
            break
        phrases = node.get(_END)
        if phrases:
            best = (index + 1, phrases[0][0])
    return best


def _check_walks(keys: list[str]) -> None:
    lex = lexicons()
    tries = [
        lex.positions,
        lex.ranks,
        lex.modifiers,
        lex.honorifics,
        lex.organization,
        lex.place_prefixes,
        lex.not_people,
    ]
    for start in range(-len(keys), len(keys) + 2):
        for trie in tries:
            assert trie.matches(keys, start) == _matches(trie, keys, start)
            assert trie.longest(keys, start) == _longest(trie, keys, start)
        for label in ("pre", "post", "nothing"):
            expected = _longest_labelled(lex.modifiers, keys, start, label)
            assert lex.modifiers.longest_labelled(keys, start, label) == expected


@settings(max_examples=300, deadline=None)
@given(texts)
def test_trie_walks_on_generated_texts(text: str) -> None:
    _check_walks(_keys(text))


@pytest.mark.parametrize("text", CORPUS[1:])
def test_trie_walks_on_the_case_table(text: str) -> None:
    _check_walks(_keys(text))


def test_trie_walks_on_the_article() -> None:
    keys = _keys(CORPUS[0])
    # Every start of the article would take long: the starts near every key a trie knows.
    lex = lexicons()
    for start in range(len(keys)):
        if keys[start] in lex.scan_keys or keys[start] in lex.organization.root:
            window = keys[max(0, start - 1) : start + 12]
            _check_walks(window)


# --- the candidate filter against its plain version ----------------------------------------


def _plain_candidates(scanner: _Scanner) -> list[int]:
    columns = scanner.columns
    texts, keys = columns.texts, columns.keys
    lex = scanner.read.lex
    opens, last = lex.openers.opens, len(keys) - 1
    found = []
    for index, key in enumerate(keys):
        if (
            key in lex.openers.single
            or (
                key in lex.openers.firsts
                and index < last
                and (key, keys[index + 1]) in lex.openers.pairs
                and opens(keys, index)
            )
            or (key in QUANTIFIERS and opens(keys, index + 1))
            or (texts[index] in lex.surnames and scanner._may_open_name(index))
        ):
            found.append(index)
    if columns.apostrophes:
        ethnic = compress(count(), map(str.startswith, texts, repeat(_ETHNIC)))
        return sorted({*found, *ethnic})
    return found


def _check_candidates(text: str) -> None:
    scanner = _Scanner(tokenize_columns(normalize(text)), lexicons(), None)
    assert scanner._candidates() == _plain_candidates(scanner)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_candidates_on_generated_texts(text: str) -> None:
    _check_candidates(text)


@pytest.mark.parametrize("text", CORPUS)
def test_candidates_on_the_corpus(text: str) -> None:
    _check_candidates(text)


def test_the_derived_key_sets() -> None:
    lex: Lexicons = lexicons()
    openers = lex.openers
    assert set(openers.paths) == openers.single | openers.firsts
    assert lex.surname_keys == {name.casefold() for name in lex.surnames}
    quantified = {(word, key) for word in QUANTIFIERS for key in openers.paths}
    assert lex.scan_pairs == openers.pairs | quantified
    # ``_at`` asks ``openers.paths`` where it asked each trie whether a phrase starts there.
    tries = (lex.honorifics, lex.positions, lex.ranks, lex.modifiers)
    assert set(openers.paths) == {key for trie in tries for key in trie.root}


# --- the reader's index look-ups against the Token properties ------------------------------


def _check_reader(text: str) -> None:
    columns = tokenize_columns(normalize(text))
    lex = lexicons()
    reader = Reader(columns, lex)
    size = len(columns)
    for index in range(-2, size + 2):
        token = columns.token(index) if 0 <= index < size else None
        assert reader.is_name_word(index) == (token is not None and token.is_name_word)
        assert reader.is_lower_word(index) == (token is not None and token.is_lower_word)
        if token is None:
            continue
        assert (token.text == "\n") == (token.kind == "nl")
        surname = token.text in lex.surnames or token.text.startswith(("H'", "H’"))
        assert reader.is_surname(index) == surname
        assert columns.end(index) == token.end
        assert (token.text in _DASH_OR_COMMA) == (token.is_dash or token.text == ",")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_reader_look_ups_on_generated_texts(text: str) -> None:
    _check_reader(text)


@pytest.mark.parametrize("text", CORPUS)
def test_reader_look_ups_on_the_corpus(text: str) -> None:
    _check_reader(text)


# --- the whole scan against a scan that tries every token ----------------------------------
# The reference shares no table with the shortcut: it asks every token whether a pattern
# starts there, where the scan asks only the tokens its derived key sets let through.


class _EveryToken(_Scanner):
    def _candidates(self) -> list[int]:
        return list(range(self.size))


def _scan_results(scanner: _Scanner) -> list[tuple[object, ...]]:
    return [
        (found.name, found.honorific, found.start, found.end, found.own_titles, found.shared_titles)
        for found in scanner.scan()
    ]


def _check_scan(text: str) -> None:
    columns = tokenize_columns(normalize(text))
    fast = _scan_results(_Scanner(columns, lexicons(), None))
    assert fast == _scan_results(_EveryToken(columns, lexicons(), None))


def _real_news() -> list[str]:
    """The real-news development texts, when the shared folder is beside the repository."""
    folder = DATA.parent.parent.parent / "shared" / "bench" / "real_dev"
    if not folder.is_dir():
        return []
    texts = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


@settings(max_examples=400, deadline=None)
@given(texts)
def test_scan_tries_every_start_on_generated_texts(text: str) -> None:
    _check_scan(text)


@pytest.mark.parametrize("text", CORPUS)
def test_scan_tries_every_start_on_the_corpus(text: str) -> None:
    _check_scan(text)


def test_scan_tries_every_start_on_real_news() -> None:
    texts = _real_news()
    for text in texts:  # (none when ../shared is absent: the corpus tests above still run)
        _check_scan(text)
