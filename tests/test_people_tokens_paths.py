"""The fast tokenizer's shortcuts give the reference tokens on any text.

The fast tokenizer splits a text at its spaces after blanking out each comma and full stop
that a space follows, takes a chunk of letters alone as one word, puts the blanked marks
back where they leave an empty chunk, and reads the other chunks by plain string tests (a
mark after or before a word, a number alone, words joined by hyphens, line breaks) or by the
token pattern; the lines it leaves to the reference tokenizer are found by the high bytes of
the text's UTF-16 form. Each test here aims at one of these paths or at its edges (a word of
40 letters and of 41, a number of 20 digits and of 21, two spaces in a row, other spaces,
apostrophes, the characters at the edges of the safe ranges) and compares every token with
the reference tokenizer's.
"""

from __future__ import annotations

import json

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cases import DATA, article_text
from vnnews.people._tokens import (
    _SAFE_RANGES,
    Token,
    _fast_tokenizer,
    _has_unsafe,
    _tokenize_into,
    tokenize_columns,
)

_WORDS = [
    "tỉnh",
    "Nguyễn",
    "UBND",
    "H'Mông",
    "H’Hen",
    "x" * 39,
    "ê" * 40,
    "Ê" * 41,
    "a" * 80,
    "Đ/c",
    "đ/C",
    "TP.HCM",
    "Tp.Hồ",
    "Hà-Bí",
    "GD&ĐT",
    "ThS.BS",
    "COVID-19",
    "05-CT/TW",
    "A1",
    "1A",
    "Anh-tin-bai",
    "GD-ĐT",
    "x-Cc",
    "1.5-2",
    "a--b",
    "https://vnexpress.net/tin-tuc/mot-bai-bao-rat-dai.html",
]
_NUMBERS = ["4", "2022", "4.028", "20/1/2022", "1.2.3.4.5.6", "89,51", "1" * 20, "9" * 21]
_NUMBERS += ["9" * 21 + ";", "1" * 20 + ")"]  # a number and a mark, at the edge
_OTHERS = ["ß", "İ", "ŉ", "ſ", "µ", "ǅ", "²", "①", "中国", "Ωμέγα", "a\u0301", "\u0301", "\x00"]
# At the edges of the safe ranges (IPA, spacing modifiers, super- and subscripts, marks for
# symbols, unassigned in some Unicode versions), beyond the BMP, and a lone surrogate.
_OTHERS += ["ɐ", "ʻ", "ˈ", "ⁿ", "₂", "₫", "\u20dd", "\u2072", "\u209d", "𝐀", "\ud800"]
_MARKS = [",", ".", ";", ":", "(", ")", "“", "”", "'", "’", "-", "–", "…", "/", "&", "%", "?"]
_SPACES = ["\t", "\xa0", "\u2003", "\x1c"]  # other spaces, and one that is not to ``regex``
_GLUE = ["", " ", " ", " ", "  ", ", ", ". ", ",", ".", "\n", "\n\n", ".\n", *_SPACES]

_PIECE = st.sampled_from(_WORDS + _NUMBERS + _OTHERS + _MARKS)
_TEXT = st.lists(st.tuples(_PIECE, st.sampled_from(_GLUE)), max_size=40).map(
    lambda pairs: "".join(piece + glue for piece, glue in pairs)
)


def _reference(text: str) -> list[tuple[object, ...]]:
    tokens: list[Token] = []
    _tokenize_into(tokens, text, 0, len(text), compounds=True)
    return [tuple(token) for token in tokens]


def _check(text: str) -> None:
    columns = tokenize_columns(text)
    assert len(columns.texts) == len(columns.starts) == len(columns.keys)
    assert [tuple(columns.token(index)) for index in range(len(columns))] == _reference(text)
    # Whether a token may hold an apostrophe: any in the text, or a line read by the
    # reference tokenizer (not looked for there).
    rare = _fast_tokenizer().unsafe.search(text) is not None
    assert columns.apostrophes == ("'" in text or "’" in text or rare)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_pieces_and_glue(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(" ,.;:\n\t'’-/&()aAĐđCcHT0129ß\u0301"), max_size=60))
def test_any_mix_of_the_characters_that_matter(text: str) -> None:
    _check(text)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(_PIECE, st.sampled_from(_GLUE)), min_size=500, max_size=1500))
def test_long_texts(pairs: list[tuple[str, str]]) -> None:
    _check("".join(piece + glue for piece, glue in pairs))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "  ",
        ",",
        ".",
        ", ",
        ". ",
        " , ",
        ",, ",
        "., ",
        ",. ",
        ". . .",
        "a, b. c",
        "a,  b",
        "a ,b",
        "viên...",
        "tỉnh;\nAnh",
        "\n, x",
        "x.\n\nY",
        "- Nội dung\n- Ý kiến\n-",
        "\n\n\n",
        "x" * 40 + ", " + "y" * 40,
        "x" * 41 + ", y",
        "x" * 255 + " y",
        "x" * 256 + " y",
        "1" * 20 + ", 2",
        "1" * 21 + ", 2",
        "1" * 20 + "; 2",
        "1" * 21 + "; 2",
        "(" + "1" * 21,
        "(" + "x" * 39 + " " + "x" * 39 + ")",
        "Đ/c, TP.HCM. Hà-Bí, GD&ĐT.",
        "bà H'Hen, Y’Moan.",
        "a\u0301, b",
        "Ông A, 中国.",
        "a" * 5000 + ", b",
        "Quý, " * 2000,
        ". " * 1000,
        "1, " * 1000,
        "(" * 300 + "x" + ")" * 300,
    ],
)
def test_edges(text: str) -> None:
    _check(text)


def test_the_string_tests_agree_with_the_pattern_classes() -> None:
    """A chunk that ``isalpha`` is a word and one that ``isdecimal`` a number, to ``regex``."""
    fast = _fast_tokenizer()
    for char in fast.first_kind:
        if char.isalpha():
            assert regex.fullmatch(r"\p{L}", char), hex(ord(char))
        if char.isdecimal():
            assert regex.fullmatch(r"\d", char), hex(ord(char))
    for mark in fast.marks:
        assert not regex.fullmatch(r"[\p{L}\p{M}\d\s]", mark), hex(ord(mark))


def test_the_safe_ranges_are_found_by_their_utf16_high_bytes() -> None:
    unsafe = _fast_tokenizer().unsafe
    edges = {code + step for code in range(0, 0x110000, 256) for step in (0, 255)}
    edges |= {
        edge + step for low, high in _SAFE_RANGES for edge in (low, high) for step in (-1, 0, 1)
    }
    for code in sorted(edges - {-1, 0x110000}):
        text = f"a{chr(code)}b"
        assert _has_unsafe(text) == (unsafe.search(text) is not None), hex(code)
    assert not _has_unsafe("Nguyễn Văn A – “Bí thư”, 20.000 ₫…")


def _corpus() -> list[str]:
    """The case tables' texts, the fixture article and, when the shared folder is beside the
    repository, the real-news development texts (read there, never copied)."""
    texts = [article_text()]
    folders = [DATA, DATA.parent.parent.parent / "shared" / "bench" / "real_dev"]
    for folder in folders:
        for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
            for line in path.read_text(encoding="utf-8").split("\n"):
                if line.strip() and not line.lstrip().startswith("//"):
                    text = json.loads(line).get("text")
                    if isinstance(text, str):
                        texts.append(text)
    return texts


def test_corpus_texts() -> None:
    for text in _corpus():
        _check(text)
