"""Tests for vnnews.extract_people, Role, PersonMention and expand_abbreviation (issue 7)."""

from __future__ import annotations

import dataclasses
import threading
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnnews
from cases import article_text, load_cases
from vnnews import PersonMention, Role, expand_abbreviation, extract_people
from vnnews.errors import ParseError

CASES = load_cases("people.jsonl")


def _check_role(role: Role, expected: str | dict[str, Any]) -> None:
    if isinstance(expected, str):
        assert role.title == expected
        return
    for key, value in expected.items():
        actual = getattr(role, key)
        assert (list(actual) if isinstance(actual, tuple) else actual) == value, key


def _check_person(person: PersonMention, expected: dict[str, Any]) -> None:
    assert person.name == expected["name"]
    if "honorific" in expected:
        assert person.honorific == expected["honorific"]
    if "roles" in expected:
        assert len(person.roles) == len(expected["roles"]), [r.title for r in person.roles]
        for role, expected_role in zip(person.roles, expected["roles"], strict=True):
            _check_role(role, expected_role)


def _check_spans(text: str, people: list[PersonMention]) -> None:
    for person in people:
        assert text[person.span[0] : person.span[1]] == person.text
        assert person.span[0] <= person.name_span[0] < person.name_span[1] <= person.span[1]
        for role in person.roles:
            assert text[role.span[0] : role.span[1]] == role.text


@pytest.mark.parametrize("case", CASES)
def test_case_table(case: dict[str, Any]) -> None:
    people = extract_people(case["text"])
    names = [person.name for person in people]
    assert names == [person["name"] for person in case["people"]]
    for person, expected in zip(people, case["people"], strict=True):
        _check_person(person, expected)
    for absent in case.get("absent", []):
        assert absent not in names
    _check_spans(case["text"], people)


def _old_style(text: str) -> str:
    # Modern tone placement back to the old style (hòa → hoà, ủy → uỷ, Hòa → Hoà) and NFD.
    for new, old in (("òa", "oà"), ("óa", "oá"), ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("ỏa", "oả")):
        text = text.replace(new, old)
    return text


@pytest.mark.parametrize("case", [c for c in CASES if not c.marks])
@pytest.mark.parametrize("variant", ["NFD", "old-style", "spacing"])
def test_case_table_variants(case: dict[str, Any], variant: str) -> None:
    """NFD, old-style tone marks and odd spacing read like the clean text; spans stay exact."""
    text = case["text"]
    if variant == "NFD":
        changed = unicodedata.normalize("NFD", text)
    elif variant == "old-style":
        changed = unicodedata.normalize("NFD", _old_style(text))
    else:
        changed = text.replace(" ", "  ").replace(", ", ",\u00a0")
    expected = [(p.name, [r.title for r in p.roles]) for p in extract_people(text)]
    people = extract_people(changed)
    assert [(p.name, [r.title for r in p.roles]) for p in people] == expected
    _check_spans(changed, people)


def test_fixture_article() -> None:
    people = extract_people(article_text())
    by_name: dict[str, list[PersonMention]] = {}
    for person in people:
        by_name.setdefault(person.name, []).append(person)
    first, later = by_name["Thái Thanh Quý"]
    assert [r.title for r in first.roles] == [
        "Ủy viên Trung ương Đảng",
        "Bí thư Tỉnh ủy",
        "Trưởng Đoàn Đại biểu Quốc hội",
        "Chủ tịch HĐND tỉnh",
    ]
    assert [r.title for r in later.roles] == [
        "Bí thư Tỉnh ủy",
        "Trưởng Đoàn Đại biểu Quốc hội",
        "Chủ tịch HĐND tỉnh",
    ]
    assert later.honorific == "đồng chí"
    (thong,) = by_name["Nguyễn Văn Thông"]
    assert [r.title for r in thong.roles] == ["Phó Bí thư Thường trực Tỉnh ủy"]
    (trung,) = by_name["Nguyễn Đức Trung"]
    assert [r.title for r in trung.roles] == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]
    assert set(by_name) == {"Thái Thanh Quý", "Nguyễn Văn Thông", "Nguyễn Đức Trung"}
    for wrong in ("Trưởng Đoàn", "Trung ương Đảng", "Tỉnh ủy", "Hồ Chí Minh"):
        assert not any(wrong in name for name in by_name)
    _check_spans(article_text(), people)


def test_fixture_role_parts() -> None:
    first = extract_people(article_text())[0]
    council = first.roles[3]
    assert (council.position, council.modifiers, council.organization) == (
        "Chủ tịch",
        (),
        "HĐND tỉnh",
    )
    assert council.organization_expanded == "Hội đồng nhân dân tỉnh"
    delegation = first.roles[2]
    assert (delegation.position, delegation.organization) == ("Trưởng", "Đoàn Đại biểu Quốc hội")


def test_shared_title_span_points_at_the_shared_text() -> None:
    text = "Hai Phó Giám đốc Sở Y tế Nguyễn Văn Hải và Trần Thị Lan cũng có mặt."
    first, second = extract_people(text)
    assert first.roles[0].span == second.roles[0].span
    assert second.text == "Trần Thị Lan"


def test_results_are_frozen() -> None:
    (person,) = extract_people("Tổng Bí thư Tô Lâm")
    with pytest.raises(dataclasses.FrozenInstanceError):
        person.name = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        person.roles[0].title = "x"  # type: ignore[misc]


def test_exported_from_package() -> None:
    for name in ("extract_people", "PersonMention", "Role", "expand_abbreviation"):
        assert name in vnnews.__all__


@pytest.mark.parametrize("value", [None, b"ong", 3, ["a"]])
def test_type_error_for_non_strings(value: object) -> None:
    with pytest.raises(TypeError):
        extract_people(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        expand_abbreviation(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("abbreviation", "expansion"),
    [
        ("HĐND", "Hội đồng nhân dân"),
        ("UBND", "Ủy ban nhân dân"),
        ("MTTQ", "Mặt trận Tổ quốc"),
        ("TP", "thành phố"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("TW", "Trung ương"),
        ("ĐBQH", "Đại biểu Quốc hội"),
        ("LHPN", "Liên hiệp Phụ nữ"),
        ("HĐQT", "Hội đồng quản trị"),
        ("GD&ĐT", "Giáo dục và Đào tạo"),
        ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
        ("PCT", "Phó Chủ tịch"),
        ("GS.TS", "Giáo sư, Tiến sĩ"),
        ("PGS.TS.", "Phó Giáo sư, Tiến sĩ"),
        ("BS.CKII", "Bác sĩ chuyên khoa II"),
        (" NSND ", "Nghệ sĩ Nhân dân"),
        ("hđnd", "Hội đồng nhân dân"),
    ],
)
def test_expand_abbreviation(abbreviation: str, expansion: str) -> None:
    assert expand_abbreviation(abbreviation) == expansion


@pytest.mark.parametrize("unknown", ["", "XYZ", "UBND tỉnh", "GS.XYZ"])
def test_expand_abbreviation_unknown(unknown: str) -> None:
    with pytest.raises(ParseError) as caught:
        expand_abbreviation(unknown)
    assert caught.value.text == unknown


def test_expand_abbreviation_nfd_input() -> None:
    assert expand_abbreviation(unicodedata.normalize("NFD", "ĐBQH")) == "Đại biểu Quốc hội"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_never_raises_and_spans_hold(text: str) -> None:
    _check_spans(text, extract_people(text))


_PIECES = [
    "Bí thư",
    "Tỉnh ủy",
    "Phó",
    "Chủ tịch",
    "UBND",
    "tỉnh",
    "Nguyễn",
    "Văn",
    "An",
    "ông",
    "bà",
    "Các đồng chí:",
    " - ",
    "–",
    ", ",
    "; ",
    "(",
    ")",
    "kiêm",
    "TP.",
    "Hồ Chí Minh",
    "GS.TS",
    "núi",
    "Bà Đen",
    "\n",
    "Thái",
    "Thanh",
    "Quý",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
def test_title_soup_spans_hold(text: str) -> None:
    people = extract_people(text)
    _check_spans(text, people)
    for person in people:
        assert 1 <= len(person.name.split()) <= 6
        assert person.name not in {"Trưởng Đoàn", "Tỉnh ủy"}


@pytest.mark.parametrize(
    "unit",
    [
        "Nguyễn Văn An ",
        "Bí thư Tỉnh ủy ",
        "Phó Chủ tịch UBND tỉnh, ",
        "Các đồng chí: ",
        "ông bà anh chị ",
        "Thái Thanh Quý - ",
        "GS.TS.PGS.TS.",
        "A" * 50 + " ",
        "Sở Lao động, Thương binh và ",
        "(((",
    ],
)
def test_adversarial_input_finishes(unit: str) -> None:
    # About 200 KB of one repeated unit: must finish (linear scan) and keep spans exact.
    text = unit * (200_000 // len(unit))
    people = extract_people(text)
    _check_spans(text, people[:50])


def test_one_megabyte_of_capitalised_words_and_titles() -> None:
    words = "Nguyễn Văn Hùng Thái Bình Lê Quý Đôn Trần Hưng Đạo " * 20_000
    assert len(words) >= 1_000_000
    assert extract_people(words) == []
    titles = "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Văn An, " * 16_000
    assert len(titles) >= 1_000_000
    people = extract_people(titles)
    assert len(people) == 16_000
    assert all(p.name == "Nguyễn Văn An" for p in people)


def test_thread_safe() -> None:
    text = article_text()
    expected = extract_people(text)
    results: list[list[PersonMention]] = []

    def work() -> None:
        results.append(extract_people(text))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


def test_import_does_not_load_underthesea() -> None:
    import subprocess
    import sys

    code = "import sys, vnnews; vnnews.extract_people('ông A'); print('underthesea' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_docs_abbreviation_table_matches_the_data() -> None:
    from pathlib import Path

    from vnnews.people import abbreviation_table

    page = Path(__file__).parent.parent / "docs" / "people.md"
    rows = {}
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            rows[cells[0].strip("`").replace("\\|", "|")] = cells[1]
    assert rows == abbreviation_table()


@pytest.mark.words
def test_use_words_keeps_the_case_table() -> None:
    """The opt-in segmenter hint changes no name on the table; foreign names need no hint."""
    import json
    from pathlib import Path

    table = Path(__file__).parent / "data" / "people.jsonl"
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("//"):
            continue
        case = json.loads(line)
        if "xfail" in case:
            continue
        names = [person.name for person in extract_people(case["text"], use_words=True)]
        assert names == [person["name"] for person in case["people"]], case["id"]
    for use_words in (False, True):
        (person,) = extract_people("Tổng thống Mỹ Joe Biden phát biểu.", use_words=use_words)
        assert (person.name, person.roles[0].title) == ("Joe Biden", "Tổng thống Mỹ")


# --- the fast tokenizer and the candidate filter must not change a result -----------------

_TOKEN_PIECES = [
    *_PIECES,
    "Tp.Hồ",
    "Hà-Bí",
    "H'Mông",
    "H’Hen",
    "’",
    "'",
    "Đ/c",
    "đ/C",
    "ThS.BS",
    "PGS.TS.",
    "GD&ĐT",
    "COVID-19",
    "05-CT/TW",
    "1.200.000",
    "20/1/2022",
    "A" * 45,
    "x" * 45,
    "ß",
    "İ",
    "ǅ",
    "²",
    "①",
    "中国",
    "a\u0301",
    "\u0301",
    "\t",
    "\u00a0",
    "\x1c",
    "  ",
    "",
]


def _reference_tokens(text: str) -> list[tuple[object, ...]]:
    from vnnews.people._tokens import Token, _tokenize_into

    tokens: list[Token] = []
    _tokenize_into(tokens, text, 0, len(text), compounds=True)
    return [tuple(token) for token in tokens]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_TOKEN_PIECES), max_size=30).flatmap(
        lambda pieces: st.lists(
            st.sampled_from(["", " ", "\n", ".", ",", "-", "/", "&"]),
            min_size=len(pieces),
            max_size=len(pieces),
        ).map(lambda glue: "".join(p + g for p, g in zip(pieces, glue, strict=True)))
    )
)
def test_fast_tokenizer_gives_the_reference_tokens(text: str) -> None:
    from vnnews.people._tokens import tokenize

    assert [tuple(token) for token in tokenize(text)] == _reference_tokens(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_fast_tokenizer_on_any_text(text: str) -> None:
    from vnnews.people._tokens import tokenize

    assert [tuple(token) for token in tokenize(text)] == _reference_tokens(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ông Tp.Hồ Văn An - Giám đốc Sở GD&ĐT",
        "Hà-Bí thư Tỉnh ủy Nguyễn Văn An",
        "bà H'Hen Niê, Hoa hậu; ông Y Moan – Phó Chủ tịch UBND huyện",
        "đ/C Nguyễn Văn An\u00a0– Bí thư\x1cTỉnh ủy",
        "中国 Thủ tướng Phạm Minh Chính gặp Chủ tịch Tập Cận Bình",
        "Các đồng chí: Thái Thanh Quý - Bí thư Tỉnh ủy; Nguyễn Văn Thông – Phó Bí thư",
    ],
)
def test_each_line_reads_as_on_its_own(text: str) -> None:
    """The scan never reads across a line break (the article layer relies on it)."""
    lines = [text, "Nguyễn Văn An Nguyễn Văn An", "các cấp, ông Lê Văn Tám", text]
    whole = extract_people("\n".join(lines))
    alone = []
    offset = 0
    for line in lines:
        for person in extract_people(line):
            span = (person.span[0] + offset, person.span[1] + offset)
            alone.append((person.name, person.honorific, span, [r.title for r in person.roles]))
        offset += len(line) + 1
    assert [(p.name, p.honorific, p.span, [r.title for r in p.roles]) for p in whole] == alone


def test_a_surname_after_a_name_word_opens_nothing() -> None:
    """Only the first surname of a run of capitalised words is tried (1 MB of names is fast)."""
    assert extract_people("Nguyễn Văn An " * 4) == []
    (person,) = extract_people("UBND Nguyễn Văn An, Giám đốc Sở Y tế; bà Lê Thị Hoa, Phó Giám đốc")
    assert person.name == "Lê Thị Hoa"
