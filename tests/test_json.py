"""Every result type serialises: ``to_dict()`` is JSON-ready, typed, and the form the schema says.

The JSON Schema shipped in the package (``vnnews/schema/results.schema.json``) is generated from
the ``TypedDict`` of each result type by ``tests/json_schema.py``; these tests check that the
shipped file is what the types give, that it is in the installed package, and that the
``to_dict()`` of every result, on any text, passes ``json.dumps`` and validates against the
definition of its type.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from importlib import resources
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnnews
from cases import article_text
from json_schema import build_schema, schema_text, validate

REF = datetime(2022, 1, 20, 9, 0)
SCHEMA = build_schema()

# Pieces of news that reach every kind of result: figures of each kind, solar and lunar dates,
# intervals, people with titles and honorifics, abbreviations, page furniture.
PIECES = [
    "Sáng 20/1", "ngày 15 tháng Giêng năm Nhâm Dần", "rằm tháng Tám âm lịch", "quý I/2022",
    "nhiệm kỳ 2021 – 2026", "từ năm 2020 đến nay", "hôm qua", "15h30", "thứ Sáu", "tuần tới",
    "4.028", "89,51%", "22/28 chỉ tiêu", "2,5 triệu đồng", "khoảng 3-5%", "hơn 1.200 USD",
    "khóa XV", "hai mươi mốt nghìn", "85,5 triệu đồng/lượng", "-5°C", "22KV", "thắng 2-1",
    "Bí thư Tỉnh ủy Thái Thanh Quý", "ông Nguyễn Văn An", "HLV Park Hang Seo",
    "Tổng Thư ký NATO Jens Stoltenberg", "bà Lê Thị Hoa, Giám đốc Sở Y tế", "UBND", "TP.HCM",
    "COVID-19", "phát biểu", "trao quà", ",", ".", ";", "\n", "\n\nAnh-tin-bai\n", "Kim Oanh",
    "Tin liên quan", "Từ khóa: kinh tế",
]  # fmt: skip
soup = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map(" ".join)
texts = st.one_of(soup, st.text(max_size=60))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def results_of(text: str) -> Iterator[tuple[str, Any]]:
    """Every result the public functions give for ``text``, each with the name of its type's
    definition in the schema (nested results too: roles, time values, lunar dates, pieces)."""
    article = vnnews.analyze(text, published=REF.date())
    yield "Article", article
    for segment in (*article.paragraphs, *article.captions, *article.sentences):
        yield "Segment", segment
    for line in article.boilerplate:
        yield "Boilerplate", line
    for person in article.people:
        yield "Person", person
    for match in vnnews.extract_numbers(text):
        yield "NumberMatch", match
    for date_match in vnnews.extract_dates(text, ref=REF):
        yield "DateMatch", date_match
        yield "TimeValue", date_match.value
        if date_match.value.lunar is not None:
            yield "LunarDate", date_match.value.lunar
    for mention in vnnews.extract_people(text):
        yield "PersonMention", mention
        for role in mention.roles:
            yield "Role", role
    spoken = vnnews.to_spoken(text, ref=REF)
    yield "SpokenText", spoken
    for piece in spoken.pieces:
        yield "SpokenPiece", piece


def check(name: str, result: Any) -> None:
    data = result.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data, name
    validate(data, SCHEMA["$defs"][name], SCHEMA)


def test_the_shipped_schema_is_what_the_types_give() -> None:
    """Regenerate with ``python tests/json_schema.py > src/vnnews/schema/results.schema.json``."""
    shipped = resources.files("vnnews").joinpath("schema/results.schema.json").read_text("utf-8")
    assert shipped == schema_text()


def test_every_result_type_has_a_definition() -> None:
    public_types = {
        name for name in vnnews.__all__ if hasattr(getattr(vnnews, name), "to_dict")
    } - {"Slugger", "SpokenStyle"}
    assert public_types <= set(SCHEMA["$defs"])


def test_the_fixture_article_and_its_parts_follow_the_schema() -> None:
    seen = set()
    for name, result in results_of(article_text()):
        check(name, result)
        seen.add(name)
    assert seen >= {"Article", "Segment", "Boilerplate", "Person", "NumberMatch", "DateMatch"}
    assert seen >= {"TimeValue", "PersonMention", "Role", "SpokenText", "SpokenPiece"}


def test_lunar_dates_and_error_records_follow_the_schema() -> None:
    lunar = [
        r for n, r in results_of("Ngày 15 tháng Giêng âm lịch, lễ hội mở cửa.") if n == "LunarDate"
    ]
    assert lunar
    check("LunarDate", lunar[0])
    (error,) = vnnews.analyze_many([None])  # type: ignore[list-item]
    check("ArticleError", error)


@pytest.mark.words
def test_words_follow_the_schema() -> None:
    article = vnnews.analyze(article_text(), words=True)
    check("Article", article)
    assert article.words
    for word in article.words:
        check("Word", word)


@SETTINGS
@given(texts)
def test_every_result_serialises_and_follows_the_schema(text: str) -> None:
    for name, result in results_of(text):
        check(name, result)


def test_article_parts_have_the_form_they_have_alone() -> None:
    """One form per type: inside ``Article.to_dict()`` as from the result's own ``to_dict()``."""
    text = article_text()
    article = vnnews.analyze(text)
    data = article.to_dict()
    assert data["numbers"] == [match.to_dict() for match in article.numbers]
    assert data["dates"] == [match.to_dict() for match in article.dates]
    assert data["people"] == [person.to_dict() for person in article.people]
    mentions = [m for person in data["people"] for m in person["mentions"]]
    assert mentions == [m.to_dict() for person in article.people for m in person.mentions]


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("a kind that is not one", lambda d: d.update(kind="pecent")),
    ("a span of one offset", lambda d: d.update(span=[3])),
    ("a missing key", lambda d: d.pop("qualifier")),
    ("an extra key", lambda d: d.update(colour="red")),
    ("a value that is text", lambda d: d.update(value="89,51")),
]


@pytest.mark.parametrize(("label", "breaking"), BROKEN, ids=[label for label, _ in BROKEN])
def test_the_schema_rejects_what_the_form_is_not(
    label: str, breaking: Callable[[dict[str, Any]], None]
) -> None:
    data: dict[str, Any] = dict(vnnews.extract_numbers("đạt 89,51%")[0].to_dict())
    validate(data, SCHEMA["$defs"]["NumberMatch"], SCHEMA)
    breaking(data)
    with pytest.raises(AssertionError):
        validate(data, SCHEMA["$defs"]["NumberMatch"], SCHEMA)


def test_the_schema_rejects_a_date_that_is_not_iso() -> None:
    data: dict[str, Any] = dict(vnnews.extract_dates("Sáng 20/1", ref=REF)[0].to_dict())
    data["start"] = "20/01/2022"
    with pytest.raises(AssertionError):
        validate(data, SCHEMA["$defs"]["DateMatch"], SCHEMA)
