"""Word segmentation with spans (issue 11): case table, fixture, spellings, properties, threads."""

from __future__ import annotations

import difflib
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases import article_text, load_cases, to_old_style
from vnnews import Word, words
from vnnews.word_segmentation import align_tokens, segmenter_chunks

pytestmark = pytest.mark.words  # needs the vnnews[words] extra (underthesea)

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
ALPHABET = (
    VIETNAMESE
    + VIETNAMESE.upper()
    + "0123456789 .,;:!?-–—“”\"'()/%₫@\n\r\t\u00a0\u200b\ufeff\u0300\u0301\u0303\u0309\u0323"
)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def to_nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def with_odd_spaces(text: str) -> str:
    return text.replace(" ", "\u00a0\u200b \t")


SPELLINGS: dict[str, Callable[[str], str]] = {
    "nfd": to_nfd,
    "old-style": to_old_style,
    "odd-spaces": with_odd_spaces,
}


def is_gap(text: str) -> bool:
    """Whether ``text`` may lie between two words: whitespace and zero-width characters only."""
    return all(char.isspace() or char in ZERO_WIDTH for char in text)


def assert_tiles(text: str, found: list[Word]) -> None:
    """Words are exact, ordered, non-overlapping, and only whitespace lies between them."""
    position = 0
    for word in found:
        start, end = word.span
        assert position <= start < end
        assert text[start:end] == word.text
        assert is_gap(text[position:start])
        assert not is_gap(word.text[0]) and not is_gap(word.text[-1])
        position = end
    assert is_gap(text[position:])


# --- case table -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("words.jsonl"))
def test_case_table(case: dict[str, Any]) -> None:
    found = words(case["text"])
    assert_tiles(case["text"], found)
    assert [word.text for word in found] == case["words"]


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
@pytest.mark.parametrize("case", load_cases("words.jsonl"))
def test_case_table_other_spellings(case: dict[str, Any], spelling: str) -> None:
    respell = SPELLINGS[spelling]
    text = respell(case["text"])
    found = words(text)
    assert_tiles(text, found)
    assert [word.text for word in found] == [respell(word) for word in case["words"]]


# --- the fixture ------------------------------------------------------------------------------

FIRST_PARAGRAPH_WORDS = [
    "Ban Thường vụ",
    "Tỉnh ủy",
    "Thái Thanh Quý",
    "Trung ương",
    "Quốc hội",
    "Chủ tịch",
    "Bí thư",
    "Ủy viên",
    "Nguyễn Văn Thông",
    "Nguyễn Đức Trung",
]


def first_paragraph() -> tuple[int, int]:
    text = article_text()
    start = text.index("Sáng 20/1")
    return start, text.index("\n", start)


def test_fixture_words_are_exact() -> None:
    text = article_text()
    found = words(text)
    assert len(found) > 1000
    assert_tiles(text, found)


@pytest.mark.parametrize("expected", FIRST_PARAGRAPH_WORDS)
def test_fixture_first_paragraph_multi_syllable_words(expected: str) -> None:
    start, end = first_paragraph()
    paragraph = [word.text for word in words(article_text()) if start <= word.span[0] < end]
    assert expected in paragraph


@pytest.mark.parametrize("spelling", ["nfd", "old-style", "odd-spaces"])
def test_fixture_in_other_spellings_gives_the_same_words(spelling: str) -> None:
    respell = SPELLINGS[spelling]
    expected = [respell(word.text) for word in words(article_text())]
    text = respell(article_text())
    found = words(text)
    assert_tiles(text, found)
    assert [word.text for word in found] == expected


def test_fixture_agrees_with_underthesea_on_the_whole_text() -> None:
    # vnnews hands underthesea one line at a time; on the whole text underthesea joins words
    # across line breaks ("Anh-tin-bai\n\nDịp") and its context shifts a little near them.
    from underthesea import word_tokenize

    text = article_text()
    ours = [word.text for word in words(text)]
    theirs = word_tokenize(text)
    matcher = difflib.SequenceMatcher(a=theirs, b=ours, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    assert same >= 0.99 * len(theirs)
    assert "Anh-tin-bai Dịp" in theirs
    assert "Anh-tin-bai" in ours


# --- parts of speech ----------------------------------------------------------------------------


def test_pos_tags_and_names() -> None:
    found = words("Đồng chí Thái Thanh Quý phát biểu tại Hà Nội.", pos=True)
    tags = {word.text: (word.pos, word.is_name) for word in found}
    assert tags["Thái Thanh Quý"] == ("Np", True)
    assert tags["Hà Nội"] == ("Np", True)
    assert tags["phát biểu"][0] == "V"
    assert tags["phát biểu"][1] is False
    assert tags["."] == ("CH", False)


def test_pos_keeps_the_segmentation_and_spans() -> None:
    text = article_text()
    plain = words(text)
    tagged = words(text, pos=True)
    assert [(word.text, word.span) for word in tagged] == [(word.text, word.span) for word in plain]
    assert all(word.pos for word in tagged)
    assert all(word.is_name == (word.pos == "Np") for word in tagged)


def test_without_pos_there_is_no_tag() -> None:
    assert all(word.pos is None and word.is_name is None for word in words("Hà Nội mùa thu"))


def test_word_is_frozen_and_normalizes() -> None:
    word = words("Khánh  Hoà")[0]
    assert word.text == "Khánh  Hoà"
    assert word.normalized == "Khánh Hòa"
    with pytest.raises(AttributeError):
        word.text = "x"  # type: ignore[misc]


# --- the alignment layer -----------------------------------------------------------------------


def test_align_tokens_with_respelled_and_missing_tokens() -> None:
    text = "Nghành  giáo dục\nThái Thanh Quý !!"
    tokens = ["Ngành", "giáo dục", "Thái Thanh Quý"]
    assert align_tokens(text, tokens) == [
        (0, 6, 0),
        (8, 16, 1),
        (17, 31, 2),
        (32, 34, -1),
    ]


def test_align_tokens_survives_nonsense_tokens() -> None:
    text = "một hai ba"
    aligned = align_tokens(text, ["xyzxyzxyzxyz", "", "   ", "bốn năm sáu bảy tám"])
    assert [index for _, _, index in aligned] == [0, 3]
    covered = "".join(text[start:end] for start, end, _ in aligned)
    assert covered.replace(" ", "") == text.replace(" ", "")


def test_segmenter_chunks_cut_long_lines() -> None:
    line = "Câu một có năm chữ. " * 40
    chunks = list(segmenter_chunks(line + "\nDòng hai"))
    assert "".join(chunks) == line + "Dòng hai"
    assert all(len(chunk) <= 400 for chunk in chunks)
    assert all(chunk.endswith(".") for chunk in chunks[:-2])
    assert list(segmenter_chunks("x" * 900)) == ["x" * 400, "x" * 400, "x" * 100]


# --- properties ---------------------------------------------------------------------------------


@settings(deadline=None, max_examples=150)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_spans_tile_the_input(text: str) -> None:
    assert_tiles(text, words(text))


@settings(deadline=None, max_examples=100)
@given(st.text(max_size=40))
def test_never_raises_and_tiles_any_text(text: str) -> None:
    assert_tiles(text, words(text))


@settings(deadline=None, max_examples=60)
@given(st.text(st.characters(exclude_categories=()), max_size=30))
def test_never_raises_even_on_lone_surrogates(text: str) -> None:
    hostile = text + "\ud800 Hà Nội \udfff"
    assert_tiles(hostile, words(hostile))


@settings(deadline=None, max_examples=60)
@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " .,", max_size=60))
def test_nfd_and_old_style_segment_alike(text: str) -> None:
    expected = [word.text for word in words(text)]
    for respell in (to_nfd, to_old_style):
        assert [word.text for word in words(respell(text))] == [respell(w) for w in expected]


# --- bad input, threads, imports, hostile input -------------------------------------------------


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="text must be str"):
        words(b"Ha Noi")  # type: ignore[arg-type]
    assert words("") == []


def test_concurrent_calls_agree() -> None:
    texts = [article_text(), "Hà Nội mùa thu", to_nfd(article_text())]
    expected = [words(text) for text in texts]
    results: list[bool] = []

    def work() -> None:
        for _ in range(3):
            results.append([words(text) for text in texts] == expected)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 18


# underthesea publishes its model object before loading it; a slow load (here 0.3 s more) lets an
# unguarded second thread use a half-made model.
FIRST_CALLS = """
import threading, time, vnnews, sys
assert "underthesea" not in sys.modules
from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
loads = []
original_load = FastCRFSequenceTagger.load
def slow_counting_load(self, path):
    loads.append(path)
    time.sleep(0.3)
    return original_load(self, path)
FastCRFSequenceTagger.load = slow_counting_load
results = []
start = threading.Barrier(6)
def work(pos):
    start.wait()
    results.append([w.text for w in vnnews.words("Bí thư Tỉnh ủy Thái Thanh Quý", pos=pos)])
threads = [threading.Thread(target=work, args=(i % 2 == 0,)) for i in range(6)]
for thread in threads: thread.start()
for thread in threads: thread.join()
assert len(results) == 6 and all(r == results[0] for r in results), results
assert len(loads) == 1, loads
print(results[0])
"""


def test_first_calls_from_many_threads_load_the_model_once() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FIRST_CALLS], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['Bí thư', 'Tỉnh ủy', 'Thái Thanh Quý']"


@pytest.mark.parametrize(
    "hostile",
    [
        "a" * 199_999 + "@",  # underthesea's e-mail pattern is quadratic on this
        "http://" + "a" * 200_000,
        "1" * 200_000,
        ("\u0301" * 50 + " ") * 4_000,
    ],
    ids=["email", "url", "digits", "loose-marks"],
)
def test_hostile_input_finishes_and_tiles(hostile: str) -> None:
    found = words(hostile)
    assert_tiles(hostile, found)
    assert found


def test_marks_in_non_canonical_order_stay_one_word() -> None:
    # NFC reorders the marks of "0" + grave + dot below; the cluster maps to one original span.
    text = "ab 0\u0300\u0323 x"
    found = words(text)
    assert [word.text for word in found] == ["ab", "0\u0300\u0323", "x"]
    assert [word.span for word in found] == [(0, 2), (3, 6), (7, 8)]
