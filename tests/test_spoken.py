"""Tests of vnnews.spoken (issue 18): to_spoken, SpokenStyle, SpokenText and its alignment."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnnews
from cases import DATA, article_text, load_cases, to_old_style
from vnnews import (
    AmbiguityError,
    ParseError,
    SpokenPiece,
    SpokenStyle,
    SpokenText,
    normalize,
    number_to_words,
    to_spoken,
)
from vnnews.normalization import normalize_with_offsets
from vnnews.spoken import KINDS
from vnnews.spoken._api import _readings
from vnnews.spoken._numerals import cardinal, roman_value

REF = date(2022, 1, 20)
CASES = load_cases("spoken.jsonl")
# The kinds the issue lists; every one has cases in the table.
ISSUE_KINDS = {
    "cardinal", "decimal", "percent", "money", "unit", "fraction", "range", "ordinal", "roman",
    "date", "time", "interval", "score", "phone", "code", "abbreviation", "letters", "symbol",
}  # fmt: skip


def _style(case: dict[str, Any]) -> SpokenStyle | None:
    value = case.get("style")
    if value is None:
        return None
    if value == "nemo":
        return SpokenStyle.nemo()
    return SpokenStyle(**value)


def check_alignment(source: str, result: SpokenText) -> None:
    """Every span slices the input, every spoken span the result, text between pieces is
    copied as it is, pieces are in order, and to_original maps each piece back."""
    assert result.source == source
    rebuilt: list[str] = []
    copied_to = 0
    for piece in result.pieces:
        start, end = piece.span
        assert copied_to <= start < end <= len(source)
        assert source[start:end] == piece.written == piece.text
        spoken_start, spoken_end = piece.spoken_span
        assert result.text[spoken_start:spoken_end] == piece.spoken
        assert piece.kind in KINDS
        rebuilt.append(source[copied_to:start])
        rebuilt.append(piece.spoken)
        copied_to = end
        if piece.spoken:
            assert result.to_original(spoken_start, spoken_end) == piece.span
    rebuilt.append(source[copied_to:])
    assert "".join(rebuilt) == result.text


# --------------------------------------------------------------------------- case table


@pytest.mark.parametrize("case", CASES + load_cases("spoken_known_failures.jsonl"))
def test_case_table(case: dict[str, Any]) -> None:
    on_ambiguous = case.get("on_ambiguous", "flag")
    result = to_spoken(case["text"], ref=REF, style=_style(case), on_ambiguous=on_ambiguous)
    assert result.text == case["spoken"]
    check_alignment(case["text"], result)
    if case["kind"] == "none":
        assert all(piece.spoken == piece.written for piece in result.pieces), result.pieces
    else:
        assert case["kind"] in [piece.kind for piece in result.pieces], result.pieces
    if "alternatives" in case:
        piece = next(piece for piece in result.pieces if piece.kind == case["kind"])
        assert list(piece.alternatives) == case["alternatives"]


def test_case_table_covers_every_kind() -> None:
    kinds = {case.values[0]["kind"] for case in CASES}
    assert kinds >= ISSUE_KINDS
    assert "none" in kinds  # negatives: text that stays as written


@pytest.mark.parametrize("case", CASES)
def test_case_table_nfd_and_old_style(case: dict[str, Any]) -> None:
    """NFD and old-style tone marks read the same: the same pieces, the same spoken text
    once normalised; spans still slice the input."""
    style = _style(case)
    expected = to_spoken(case["text"], ref=REF, style=style)
    for variant in (unicodedata.normalize("NFD", case["text"]), to_old_style(case["text"])):
        result = to_spoken(variant, ref=REF, style=style)
        check_alignment(variant, result)
        assert normalize(result.text) == normalize(expected.text)
        assert [(p.spoken, p.kind) for p in result.pieces] == [
            (p.spoken, p.kind) for p in expected.pieces
        ]


# --------------------------------------------------------------------------- the fixture


def test_fixture_article() -> None:
    result = to_spoken(article_text(), ref=REF)
    check_alignment(article_text(), result)
    text = result.text
    assert "image banner" not in text and "Anh-tin-bai" not in text and "no image" not in text
    assert "có hai mươi hai trên hai mươi tám chỉ tiêu" in text
    assert "Covid mười chín" in text
    assert (
        "kết nạp được bốn nghìn không trăm hai mươi tám đảng viên, đạt tám mươi chín phẩy" in text
    )
    assert "khóa mười lăm" in text and "lần thứ mười ba" in text
    assert (
        "nhiệm kỳ hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi sáu" in text
    )
    assert not any("0" <= char <= "9" for char in text)


# --------------------------------------------------------------------------- properties

_FRAGMENTS = [
    "4.028", "89,51%", "20/1", "ngày 20/1/2022", "8h30", "8g", "UBND", "TP.HCM", "COVID-19",
    "0912 345 678", "22/28", "km/h", "đồng/kg", "85,5 triệu đồng/lượng", "khóa XV", "thứ 5",
    "thứ XIII", "$", "€", "%", "°C", "Q.", "H.", "P.5", "./.", "https://a.vn/x", "a@b.vn",
    "1tr5", "10^9", "2021 – 2026", "3-5%", "2-1", "U23", "4.0", "1,234,567", "Hoà", "THUỶ",
    "Khánh Hoà", " ", "  ", "\n", ",", ".", "-", "–", "/", "(", ")", ":", "tăng", "Hà Nội",
    "GDP", "HLV", "v.v.", "cty", "& ", "×", "#", "~", "²", "٣", "İ", "ſ", "\u0301", "\u200b",
    "\t", "\u00a0", "image banner", "Anh-tin-bai", "5/3", "15/5", "0", "00", "9", "99999999",
]  # fmt: skip
texts = st.lists(
    st.one_of(
        st.sampled_from(_FRAGMENTS),
        st.text(alphabet="0123456789.,/-:%hgAaĐđKkmMtrIVX ạ\u0300", max_size=6),
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_alignment_property(text: str) -> None:
    """For any text: spans slice the input, spoken spans the result, the rest is copied."""
    check_alignment(text, to_spoken(text, ref=REF))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_never_raises_on_any_str(text: str) -> None:
    for style in (SpokenStyle(), SpokenStyle.nemo()):
        check_alignment(text, to_spoken(text, style=style))


@settings(max_examples=200, deadline=None)
@given(texts)
def test_every_digit_is_read(text: str) -> None:
    """No ASCII digit is left in the spoken text (URLs and boilerplate are left out)."""
    assert not any("0" <= char <= "9" for char in to_spoken(text, ref=REF).text)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_nfd_reads_the_same(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    expected = to_spoken(nfc, ref=REF)
    result = to_spoken(unicodedata.normalize("NFD", nfc), ref=REF)
    assert [(p.spoken, p.kind) for p in result.pieces] == [
        (p.spoken, p.kind) for p in expected.pieces
    ]
    assert normalize(result.text) == normalize(expected.text)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_raise_and_keep_agree_with_flag(text: str) -> None:
    """ "raise" raises exactly when "flag" lists alternatives, naming the first such token;
    "keep" leaves those tokens as written and lists all their readings."""
    flagged = to_spoken(text, ref=REF)
    ambiguous = flagged.ambiguous
    if ambiguous:
        with pytest.raises(AmbiguityError) as raised:
            to_spoken(text, ref=REF, on_ambiguous="raise")
        first = ambiguous[0]
        assert raised.value.text == first.written
        assert raised.value.span == first.span
        assert raised.value.readings == (first.spoken.strip(), *first.alternatives)
        assert isinstance(raised.value, ParseError)
    else:
        assert to_spoken(text, ref=REF, on_ambiguous="raise").text == flagged.text
    kept = to_spoken(text, ref=REF, on_ambiguous="keep")
    check_alignment(text, kept)
    for piece in kept.pieces:
        if piece.alternatives:
            assert piece.spoken == piece.written


@settings(max_examples=150, deadline=None)
@given(texts, st.data())
def test_to_original_is_monotone_and_in_bounds(text: str, data: st.DataObject) -> None:
    result = to_spoken(text, ref=REF)
    size = len(result.text)
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size))
    original_start, original_end = result.to_original(start, end)
    assert 0 <= original_start <= original_end <= len(text)
    if start == end:
        assert original_start == original_end


def test_to_original_outside_pieces() -> None:
    result = to_spoken("Có 22/28 chỉ tiêu đạt.")
    assert result.to_original(0, 3) == (0, 3)
    start = result.text.index("đạt")
    assert result.to_original(start, start + 3) == (18, 21)
    assert result.to_original(4, 6) == (3, 8)  # inside the piece: the whole token
    with pytest.raises(IndexError):
        result.to_original(0, len(result.text) + 1)
    with pytest.raises(IndexError):
        result.to_original(5, 4)


# --------------------------------------------------------------------------- differential


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**21))
def test_cardinal_matches_number_to_words(value: int) -> None:
    """With "linh", "không trăm" and "bốn" after "mươi" the reading is number_to_words'
    (a separate implementation with its own tables)."""
    style = SpokenStyle(zero_tens="linh", four_after_tens="bốn")
    assert cardinal(str(value), style) == number_to_words(value)


def _spoken_texts() -> list[str]:
    texts = [case.values[0]["text"] for case in CASES]
    rng = random.Random(18)
    pieces = [text for text in texts if "\n" not in text]
    texts += ["\n".join(rng.sample(pieces, 6)) for _ in range(40)]
    texts.append(article_text())
    return texts


def test_extractors_asked_only_where_needed() -> None:
    """Asking vnnews.extract_dates and extract_numbers only about the lines that need them
    reads every text exactly as asking them about every line."""
    for text in _spoken_texts():
        normalized = normalize_with_offsets(text).text
        for style in (SpokenStyle(), SpokenStyle.nemo()):
            selected = _readings(normalized, REF, style)
            every = _readings(normalized, REF, style, every_line=True)
            # The same readings; only the name of the rule may differ ("date.year").
            assert [r[:4] + r[5:] for r in selected] == [r[:4] + r[5:] for r in every], text


@pytest.mark.parametrize(("written", "value"), [("I", 1), ("IV", 4), ("XIX", 19), ("MMXXII", 2022)])
def test_roman_value(written: str, value: int) -> None:
    assert roman_value(written) == value
    assert roman_value(written.lower()) == value


@pytest.mark.parametrize("written", ["", "IIII", "VV", "IC", "MMMM", "ABC", "XM"])
def test_roman_value_refuses(written: str) -> None:
    assert roman_value(written) is None


# --------------------------------------------------------------------------- API


@pytest.mark.parametrize("value", [None, 12, b"12", ["12"]])
def test_text_must_be_str(value: object) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        to_spoken(value)  # type: ignore[arg-type]


def test_argument_checks() -> None:
    with pytest.raises(TypeError, match="style must be a SpokenStyle"):
        to_spoken("1", style={"thousand": "ngàn"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="on_ambiguous"):
        to_spoken("1", on_ambiguous="guess")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="ref must be a date"):
        to_spoken("1", ref=20220120)  # type: ignore[arg-type]
    assert to_spoken("Sáng 20/1", ref="2022-01-20") == to_spoken("Sáng 20/1", ref=date(2022, 1, 20))


def test_empty_and_plain_text() -> None:
    assert to_spoken("").text == ""
    assert to_spoken("").pieces == ()
    assert to_spoken("Xin chào Hà Nội").pieces == ()


def test_ambiguity_error_names_the_token() -> None:
    with pytest.raises(AmbiguityError) as raised:
        to_spoken("Cân nặng 8g.", on_ambiguous="raise")
    assert raised.value.text == "8g"
    assert raised.value.readings == ("tám gam", "tám giờ")
    assert "8g" in str(raised.value) and "tám giờ" in str(raised.value)


def test_public_names() -> None:
    for name in ("to_spoken", "SpokenText", "SpokenPiece", "SpokenStyle", "AmbiguityError"):
        assert name in vnnews.__all__
        assert getattr(vnnews, name) is not None
    assert issubclass(AmbiguityError, ParseError)


def test_results_are_frozen_and_serialisable() -> None:
    result = to_spoken("Giá 85,5 triệu đồng/lượng.")
    piece = result.pieces[0]
    assert isinstance(piece, SpokenPiece)
    with pytest.raises(AttributeError):
        piece.spoken = "x"  # type: ignore[misc]
    data = result.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["pieces"][0] == {
        "span": [4, 25],
        "written": "85,5 triệu đồng/lượng",
        "spoken": "tám mươi lăm phẩy năm triệu đồng một lượng",
        "spoken_span": [4, 46],
        "kind": "money",
        "alternatives": [],
        "rule": "figure.money",
    }


# --------------------------------------------------------------------------- style


def test_style_defaults_and_nemo() -> None:
    news, nemo = SpokenStyle(), SpokenStyle.nemo()
    assert (news.zero_tens, news.zero_hundreds, news.decimals) == ("lẻ", True, "number")
    assert (nemo.zero_tens, nemo.zero_hundreds, nemo.decimals) == ("linh", False, "digits")
    assert news != nemo and hash(news) != hash(nemo)
    assert SpokenStyle() == SpokenStyle() and hash(SpokenStyle()) == hash(SpokenStyle())
    assert news.replace(letters="vi").letters == "vi"


def test_style_checks_its_fields() -> None:
    with pytest.raises(ValueError, match="thousand"):
        SpokenStyle(thousand="nghin")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cents"):
        SpokenStyle(cents=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="abbreviations"):
        SpokenStyle(abbreviations={"BQL": 1})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="abbreviations"):
        SpokenStyle(abbreviations=["BQL"])  # type: ignore[arg-type]


def test_style_abbreviations_are_read_only_and_hashed() -> None:
    table = {"BQL": "ban quản lý"}
    style = SpokenStyle(abbreviations=table)
    table["BQL"] = "changed"
    assert style.abbreviations["BQL"] == "ban quản lý"
    with pytest.raises(TypeError):
        style.abbreviations["X"] = "y"  # type: ignore[index]
    assert style == SpokenStyle(abbreviations={"BQL": "ban quản lý"})
    assert style != SpokenStyle(abbreviations={"BQL": "bộ quốc lộ"})
    assert style.to_dict()["abbreviations"] == {"BQL": "ban quản lý"}
    assert json.dumps(SpokenStyle.nemo().to_dict(), ensure_ascii=False)


def test_user_abbreviation_wins_over_the_tables() -> None:
    style = SpokenStyle(abbreviations={"HLV": "người huấn luyện"})
    assert to_spoken("HLV Park", style=style).text == "Người huấn luyện Park"


# --------------------------------------------------------------------------- command line


def _run(*args: str, stdin: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vnnews", "spoken", *args],
        input=stdin.encode("utf-8"),
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=300,
        check=False,
    )


def test_cli_text() -> None:
    result = _run(stdin="Giá vàng 85,5 triệu đồng/lượng lúc 8h30.\n")
    assert result.returncode == 0
    expected = "Giá vàng tám mươi lăm phẩy năm triệu đồng một lượng lúc tám giờ ba mươi.\n"
    assert result.stdout.decode("utf-8") == expected


def test_cli_json_and_styles(tmp_path: Path) -> None:
    path = tmp_path / "tin.txt"
    path.write_text("Con số 1020.", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "vnnews",
            "spoken",
            "-f",
            str(path),
            "--format",
            "json",
            "--style",
            "nemo",
        ],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=300,
        check=False,
    )
    data = json.loads(result.stdout.decode("utf-8"))
    assert data["text"] == "Con số một nghìn hai mươi."
    assert data["pieces"][0]["written"] == "1020"


def test_cli_ambiguity_modes() -> None:
    raised = _run("--ambiguous", "raise", stdin="Cân 8g")
    message = raised.stderr.decode("utf-8")
    assert raised.returncode == 1 and raised.stdout == b""
    assert message.count("\n") == 1 and "8g" in message and "Traceback" not in message
    kept = _run("--ambiguous", "keep", stdin="Cân 8g")
    assert kept.stdout.decode("utf-8") == "Cân 8g"


# --------------------------------------------------------------------------- development set


def _norm_words(text: str) -> tuple[str, ...]:
    """The scorer's comparison: NFC, lower case, letters, digits and marks only."""
    lowered = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).lower())
    kept = "".join(char if unicodedata.category(char)[0] in "LNM" else " " for char in lowered)
    return tuple(kept.split())


def _matches(words: tuple[str, ...], units: list[tuple[tuple[str, ...], ...]]) -> bool:
    """Whether ``words`` split into the units in order, each as one of its readings."""
    stack, seen = [(0, 0)], set()
    while stack:
        unit, position = stack.pop()
        if (unit, position) in seen:
            continue
        seen.add((unit, position))
        if unit == len(units):
            if position == len(words):
                return True
            continue
        for reading in units[unit]:
            if words[position : position + len(reading)] == reading:
                stack.append((unit + 1, position + len(reading)))
    return False


def test_development_news_set() -> None:
    """The development sentences (our own, in the ``score_spoken.py --gold`` format) spell
    out their text and are read with a sentence error rate within the issue's 3%."""
    lines = (DATA / "spoken_news_dev.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    assert len(items) >= 100
    wrong = []
    for item in items:
        segments = item["segments"]
        spelled = "".join(s if isinstance(s, str) else s["written"] for s in segments)
        assert spelled == item["text"], item["id"]
        units = [
            (_norm_words(s),) if isinstance(s, str) else tuple(_norm_words(r) for r in s["spoken"])
            for s in segments
        ]
        ref = date.fromisoformat(item["ref"])
        if not _matches(_norm_words(to_spoken(item["text"], ref=ref).text), units):
            wrong.append(item["id"])
    assert len(wrong) / len(items) <= 0.03, wrong
