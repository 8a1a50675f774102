"""Slugs (issue 6): the case table with and without unidecode, properties, Slugger, the table."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cases import article_text, load_cases, to_old_style
from vnnews import Slugger, slugify
from vnnews import slugs as slugs_module
from vnnews._data import read_text

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:!?-–—“”\"'()/%₫&$\n\t\u00a0\u200b"
vietnamese_text = st.text(alphabet=ALPHABET, max_size=80)
any_text = st.text(max_size=80)
separators = st.sampled_from(["-", "_", ".", "~", "--", "+"])
OPTIONS = ("sep", "max_length", "lowercase")


@pytest.fixture
def without_unidecode(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make ``import unidecode`` fail, as when the optional extra is not installed."""
    monkeypatch.setitem(sys.modules, "unidecode", None)
    slugs_module._transliterator.cache_clear()
    yield
    slugs_module._transliterator.cache_clear()


def cases_for(mode: str) -> list[Any]:
    """The slug cases that hold ``mode`` ("with" or "without" unidecode)."""
    return [
        param
        for param in load_cases("slugs.jsonl")
        if param.values[0].get("unidecode", mode) == mode
    ]


def options(case: dict[str, Any]) -> dict[str, Any]:
    return {name: case[name] for name in OPTIONS if name in case}


@pytest.mark.unidecode
@pytest.mark.parametrize("case", cases_for("with"))
def test_case_table_with_unidecode(case: dict[str, Any]) -> None:
    assert slugs_module._transliterator() is not None
    assert slugify(case["text"], **options(case)) == case["expected"]


@pytest.mark.parametrize("case", cases_for("without"))
def test_case_table_without_unidecode(case: dict[str, Any], without_unidecode: None) -> None:
    assert slugs_module._transliterator() is None
    assert slugify(case["text"], **options(case)) == case["expected"]


@pytest.mark.unidecode
@pytest.mark.parametrize("case", cases_for("with"))
def test_case_table_nfd_and_old_style(case: dict[str, Any]) -> None:
    for spelling in (unicodedata.normalize("NFD", case["text"]), to_old_style(case["text"])):
        assert slugify(spelling, **options(case)) == case["expected"]


def test_without_unidecode_vietnamese_is_unchanged(without_unidecode: None) -> None:
    assert slugify("Ủy ban nhân dân tỉnh Khánh Hoà") == "uy-ban-nhan-dan-tinh-khanh-hoa"


def test_vietnamese_never_reaches_unidecode(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def spy(text: str) -> str:
        seen.append(text)
        return "x"

    monkeypatch.setattr(slugs_module, "_transliterator", lambda: spy)
    letters = "".join(row.split("\t")[0] for row in slug_table_rows())
    for spelling in (letters, unicodedata.normalize("NFD", letters), letters + " 北"):
        slugify(spelling)
    assert seen == ["北"]


def test_import_and_vietnamese_slugs_do_not_load_unidecode() -> None:
    code = (
        "import sys, vnnews; vnnews.slugify('Hà Nội – “Đắk Lắk” 89,51% 😀 ｘ²');"
        "print('unidecode' in sys.modules, 'underthesea' in sys.modules);"
        "vnnews.slugify('北京'); print('unidecode' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    installed = importlib.util.find_spec("unidecode") is not None  # the optional extra
    assert done.stdout.split() == ["False", "False", str(installed)]


def test_fixture_title() -> None:
    title = next(line for line in article_text().splitlines() if line.startswith("Chủ động"))
    assert slugify(title) == (
        "chu-dong-linh-hoat-sang-tao-quyet-tam-no-luc-thuc-hien-thang-loi-nhiem-vu-nam-2022"
    )


def test_decimal_commas_become_separators() -> None:
    # python-slugify deletes the comma ("89,51%" -> "8951"); a decimal mark must separate.
    assert slugify("89,51%") == "89-51"


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="text must be str"):
        slugify(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sep must be str"):
        slugify("abc", sep=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="max_length must be int"):
        slugify("abc", max_length=5.5)  # type: ignore[arg-type]
    for bad in (0, -5):
        with pytest.raises(ValueError, match="max_length"):
            slugify("abc", max_length=bad)
        with pytest.raises(ValueError, match="max_length"):
            Slugger(max_length=bad)


def slug_table_rows() -> list[str]:
    text = read_text("slug_vi.tsv")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_vietnamese_table_is_reproducible() -> None:
    assert read_text("slug_vi.tsv") == slugs_module.vietnamese_table_text()


def test_vietnamese_table_is_complete() -> None:
    letters = {row.split("\t")[0] for row in slug_table_rows()}
    assert len(letters) == 12 * 6 * 2 - 12 + 4  # vowels x tones x case, minus ASCII, plus d
    assert {"ự", "Ự", "ẵ", "Ỹ", "đ", "Đ", "ð", "Ð"} <= letters
    assert all(unicodedata.is_normalized("NFC", letter) for letter in letters)


# --- properties -------------------------------------------------------------------------------


def slug_pattern(sep: str) -> regex.Pattern[str]:
    escaped = regex.escape(sep)
    return regex.compile(rf"([a-z0-9]+({escaped}[a-z0-9]+)*)?")


@given(any_text, separators)
def test_shape(text: str, sep: str) -> None:
    assert slug_pattern(sep).fullmatch(slugify(text, sep=sep))


@given(any_text)
def test_shape_without_unidecode(text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "unidecode", None)
        slugs_module._transliterator.cache_clear()
        try:
            assert slug_pattern("-").fullmatch(slugify(text))
        finally:
            slugs_module._transliterator.cache_clear()


@given(any_text)
def test_idempotent(text: str) -> None:
    once = slugify(text)
    assert slugify(once) == once


@given(vietnamese_text)
def test_nfc_nfd_and_old_style_agree(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert slugify(nfc) == slugify(nfd) == slugify(to_old_style(nfc)) == slugify(text)


@given(any_text, st.integers(min_value=1, max_value=40), separators)
def test_max_length(text: str, max_length: int, sep: str) -> None:
    full = slugify(text, sep=sep)
    cut = slugify(text, sep=sep, max_length=max_length)
    assert len(cut) <= max_length
    assert full.startswith(cut)
    if len(full) <= max_length:
        assert cut == full
    elif cut and len(cut) < max_length and full[len(cut) :].startswith(sep):
        # A whole-word cut: the next word would not have fitted.
        next_word = full[len(cut) + len(sep) :].split(sep)[0]
        assert len(cut) + len(sep) + len(next_word) > max_length


@given(any_text)
def test_keeping_case_only_changes_case(text: str) -> None:
    assert slugify(text, lowercase=False).lower() == slugify(text)


@pytest.mark.unidecode
def test_adversarial_input_finishes() -> None:
    hostile = ("a\u0301" * 3 + "-–—“" * 5 + "北😀" + " \u00a0\u200b" * 4) * 5000
    assert len(hostile) == 200_000
    assert slugify(hostile) == "-".join(["aaa-bei"] * 5000)
    assert len(slugify("x" * 200_000)) == 200_000
    assert slugify("!" * 200_000) == ""
    assert slugify("Hà\ud800Nội\U0010ffff\x00") == "ha-noi"


# --- Slugger ----------------------------------------------------------------------------------


def test_slugger_numbers_repeats() -> None:
    slugger = Slugger()
    titles = ["Hà Nội", "Hà  Nội", "HÀ NỘI", "Ha Noi 2", "hà nội"]
    assert [slugger(title) for title in titles] == [
        "ha-noi",
        "ha-noi-2",
        "ha-noi-3",
        "ha-noi-2-2",
        "ha-noi-4",
    ]
    assert "ha-noi-3" in slugger
    assert len(slugger) == 5


def test_slugger_respects_taken_and_reserved() -> None:
    slugger = Slugger(taken=["tin-moi", "tin-moi-2"])
    slugger.reserve("tin-moi-3")
    assert slugger("Tin mới") == "tin-moi-4"


def test_slugger_max_length_makes_room_for_the_number() -> None:
    slugger = Slugger(max_length=10)
    slugs = [slugger("Hà Nội mùa thu vàng") for _ in range(12)]
    assert slugs[:3] == ["ha-noi-mua", "ha-noi-2", "ha-noi-3"]
    assert slugs[-1] == "ha-noi-12"
    assert all(len(slug) <= 10 for slug in slugs)
    assert len(set(slugs)) == 12


def test_slugger_tiny_max_length_runs_out() -> None:
    slugger = Slugger(max_length=1)
    assert [slugger("a") for _ in range(9)] == ["a", *map(str, range(2, 10))]
    with pytest.raises(ValueError, match="no unique slug"):
        slugger("a")


def test_slugger_fallback_and_options() -> None:
    slugger = Slugger(sep="_", lowercase=False, fallback="Tin")
    assert [slugger("???"), slugger(""), slugger("Hà Nội")] == ["Tin", "Tin_2", "Ha_Noi"]
    with pytest.raises(ValueError, match="fallback"):
        Slugger(fallback="!!!")
    with pytest.raises(TypeError):
        slugger(None)  # type: ignore[arg-type]


def test_slugger_is_thread_safe() -> None:
    slugger = Slugger()
    results: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        mine = [slugger("Tin nóng") for _ in range(200)]
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == len(set(results)) == 1600
    assert set(results) == {"tin-nong", *(f"tin-nong-{n}" for n in range(2, 1601))}
