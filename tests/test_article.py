"""Tests of vnnews.analyze / analyze_many: layout, merged people, body-only facts, spans, JSON."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases import article_text, load_cases, to_old_style
from vnnews import Article, ArticleError, ParseError, analyze, analyze_many
from vnnews.normalization import normalize

TITLE = "Chủ động, linh hoạt, sáng tạo, quyết tâm, nỗ lực thực hiện thắng lợi nhiệm vụ năm 2022"
SLUG = "chu-dong-linh-hoat-sang-tao-quyet-tam-no-luc-thuc-hien-thang-loi-nhiem-vu-nam-2022"
PUBLISHED = date(2022, 1, 20)
ARTICLE_LINES = article_text().split("\n")


@pytest.fixture(scope="module")
def fixture_article() -> Article:
    return analyze(article_text(), published=PUBLISHED)


def all_spanned(article: Article) -> list[Any]:
    """Every result of the article that carries a span into the input."""
    items: list[Any] = [*article.paragraphs, *article.captions, *article.boilerplate]
    items += [*article.sentences, *article.numbers, *article.dates, *(article.words or ())]
    items += [x for x in (article.byline, article.dateline) if x is not None]
    for person in article.people:
        items += person.mentions
    return items


def assert_spans_slice(article: Article, text: str) -> None:
    for item in all_spanned(article):
        assert text[item.span[0] : item.span[1]] == item.text, item
    if article.title is not None:
        assert article.title_span is not None
        assert text[article.title_span[0] : article.title_span[1]] == article.title


# ----------------------------------------------------------------------------- layout table


@pytest.mark.parametrize("case", load_cases("article_layout.jsonl"))
def test_layout_case(case: dict[str, Any]) -> None:
    article = analyze(case["text"], published=case.get("given"))
    expected = case["expected"]
    assert_spans_slice(article, case["text"])
    if "title" in expected:
        assert article.title == expected["title"]
    if "author" in expected:
        assert article.author == expected["author"]
    if "captions" in expected:
        assert [caption.text for caption in article.captions] == expected["captions"]
    if "paragraphs" in expected:
        assert [paragraph.text for paragraph in article.paragraphs] == expected["paragraphs"]
    if "boilerplate" in expected:
        found = [[line.text, line.kind] for line in article.boilerplate]
        assert found == expected["boilerplate"]
    if "published" in expected:
        published = article.published.isoformat() if article.published else None
        assert published == expected["published"]


# ----------------------------------------------------------------------------- fixture article


def test_fixture_title_slug_author(fixture_article: Article) -> None:
    assert fixture_article.title == TITLE
    assert fixture_article.slug == SLUG
    assert fixture_article.author == "Kim Oanh"
    assert fixture_article.byline is not None
    assert fixture_article.byline.text == "Kim Oanh"
    assert fixture_article.published == PUBLISHED


def test_fixture_captions(fixture_article: Article) -> None:
    captions = [caption.text for caption in fixture_article.captions]
    assert captions[0] == "Quang cảnh tại điểm cầu UBND tỉnh"
    assert captions[1].startswith("Dịp này, Ban Thường vụ Tỉnh ủy tặng Bằng khen")
    assert len(captions) == 2


def test_fixture_paragraphs(fixture_article: Article) -> None:
    paragraphs = [paragraph.text for paragraph in fixture_article.paragraphs]
    assert len(paragraphs) == 13
    assert paragraphs[0].startswith("Sáng 20/1, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị")
    assert paragraphs[-1].startswith("Các đơn vị, địa phương quan tâm")
    assert TITLE not in paragraphs and "Kim Oanh" not in paragraphs


def test_fixture_boilerplate_out_of_sentences(fixture_article: Article) -> None:
    kinds = {line.text: line.kind for line in fixture_article.boilerplate}
    assert kinds["image banner"] == "image"
    assert kinds["Anh-tin-bai"] == "photo"
    assert kinds["Mã kiểm tra no image"] == "comment"
    joined = "\n".join(sentence.text for sentence in fixture_article.sentences)
    for furniture in ("image banner", "Anh-tin-bai", "no image", "Mã kiểm tra", "Họ tên"):
        assert furniture not in joined
    for outside in (TITLE, "Kim Oanh", "Quang cảnh tại điểm cầu UBND tỉnh"):
        assert all(sentence.text != outside for sentence in fixture_article.sentences)


def test_fixture_sentences_are_the_body(fixture_article: Article) -> None:
    sentences = [sentence.text for sentence in fixture_article.sentences]
    assert sentences[0] == (
        "Sáng 20/1, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị trực tuyến tổng kết công tác xây "
        "dựng Đảng và công tác kiểm tra giám sát năm 2021, triển khai nhiệm vụ năm 2022."
    )
    assert sentences[1].startswith("Các đồng chí: Thái Thanh Quý")
    starts = [sentence.span[0] for sentence in fixture_article.sentences]
    assert starts == sorted(starts)


def people_by_name(article: Article) -> dict[str, Any]:
    return {person.name: person for person in article.people}


def test_fixture_three_officials_with_their_titles(fixture_article: Article) -> None:
    people = people_by_name(fixture_article)
    quy = [role.title for role in people["Thái Thanh Quý"].roles]
    assert quy == [
        "Ủy viên Trung ương Đảng",
        "Bí thư Tỉnh ủy",
        "Trưởng Đoàn Đại biểu Quốc hội",
        "Chủ tịch HĐND tỉnh",
    ]
    assert [role.title for role in people["Nguyễn Văn Thông"].roles] == [
        "Phó Bí thư Thường trực Tỉnh ủy"
    ]
    assert [role.title for role in people["Nguyễn Đức Trung"].roles] == [
        "Phó Bí thư Tỉnh ủy",
        "Chủ tịch UBND tỉnh",
    ]


def test_fixture_one_entry_per_person_with_every_mention(fixture_article: Article) -> None:
    names = [person.name for person in fixture_article.people]
    assert len(names) == len(set(names))
    for wrong in ("Trưởng Đoàn", "Trung ương Đảng", "Tỉnh ủy", "Kim Oanh"):
        assert wrong not in names
    quy = people_by_name(fixture_article)["Thái Thanh Quý"]
    text = article_text()
    later = text.index("đồng chí Thái Thanh Quý")
    assert len(quy.spans) == 2
    assert quy.spans[0][0] < later <= quy.spans[1][0] < quy.spans[1][1]
    assert "Thái Thanh Quý" in text[quy.spans[1][0] : quy.spans[1][1]]
    assert "đồng chí" in quy.honorifics


BODY_FIGURES = {
    "22/28": ("fraction", 22),
    "4.028": ("cardinal", 4028),
    "89,51%": ("percent", 89.51),
    "10.293": ("cardinal", 10293),
    "1.553": ("cardinal", 1553),
    "134": ("cardinal", 134),
    "251": ("cardinal", 251),
    "1.168": ("cardinal", 1168),
    "1.900": ("cardinal", 1900),
    "3.250": ("cardinal", 3250),
    "6/28": ("fraction", 6),
}


def test_fixture_figures_of_the_body(fixture_article: Article) -> None:
    found = {number.text: (number.kind, number.value) for number in fixture_article.numbers}
    for text, (kind, value) in BODY_FIGURES.items():
        assert found[text] == (kind, pytest.approx(value)), text
    for not_a_number in ("COVID-19", "19", "05", "20/1", "18/12/2021", "2021", "2026"):
        assert not_a_number not in found


def test_figures_and_dates_only_from_body(fixture_article: Article) -> None:
    bodies = [paragraph.span for paragraph in fixture_article.paragraphs]

    def in_body(span: tuple[int, int]) -> bool:
        return any(start <= span[0] and span[1] <= end for start, end in bodies)

    assert all(in_body(number.span) for number in fixture_article.numbers)
    assert all(in_body(match.span) for match in fixture_article.dates)
    caption = fixture_article.captions[1].span  # "... cho 6 Đảng bộ ... năm 2021"
    assert not any(caption[0] <= n.span[0] < caption[1] for n in fixture_article.numbers)
    title_end = fixture_article.title_span[1] if fixture_article.title_span else 0
    assert all(match.span[0] > title_end for match in fixture_article.dates)


def test_fixture_dates_resolved_against_published(fixture_article: Article) -> None:
    dates = {normalize(match.text): match.value for match in fixture_article.dates}
    morning = dates["Sáng 20/1"]
    assert (morning.start, morning.grain) == (datetime(2022, 1, 20, 4), "hour")
    assert dates["ngày 18/12/2021"].start == datetime(2021, 12, 18)
    assert dates["năm 2021"].grain == "year"
    assert dates["năm 2021"].start == datetime(2021, 1, 1)
    term = dates["nhiệm kỳ 2021 – 2026"]
    assert (term.start, term.end) == (datetime(2021, 1, 1), datetime(2027, 1, 1))
    assert dates["Tết Nguyên đán"].start == datetime(2022, 2, 1)
    texts = [match.text for match in fixture_article.dates]
    for not_a_date in ("22/28", "6/28", "COVID-19", "05-CT/TW"):
        assert not any(not_a_date in text for text in texts)


def test_fixture_spans_slice_the_input(fixture_article: Article) -> None:
    assert_spans_slice(fixture_article, article_text())


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: unicodedata.normalize("NFD", t), id="nfd"),
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: t.replace(" ", "\u00a0 ").replace("Tỉnh ủy", "Tỉnh uỷ"), id="odd"),
    ],
)
def test_fixture_variants_give_the_same_analysis(variant: Any, fixture_article: Article) -> None:
    text = variant(article_text())
    article = analyze(text, published=PUBLISHED)
    assert_spans_slice(article, text)
    assert normalize(article.title or "") == TITLE
    assert article.slug == SLUG
    assert len(article.paragraphs) == len(fixture_article.paragraphs)
    assert len(article.sentences) == len(fixture_article.sentences)
    assert [p.name for p in article.people] == [p.name for p in fixture_article.people]
    assert [normalize(n.text) for n in article.numbers] == [
        normalize(n.text) for n in fixture_article.numbers
    ]
    assert [d.value for d in article.dates] == [d.value for d in fixture_article.dates]


# ----------------------------------------------------------------------------- JSON


def test_to_dict_round_trips_through_json(fixture_article: Article) -> None:
    data = fixture_article.to_dict()
    assert json.loads(fixture_article.to_json()) == data
    assert json.loads(json.dumps(data)) == data
    assert data["schema"] == 1
    assert data["title"] == TITLE and data["slug"] == SLUG and data["author"] == "Kim Oanh"
    assert data["published"] == "2022-01-20"
    assert data["words"] is None
    assert data["captions"][0] == {
        "text": "Quang cảnh tại điểm cầu UBND tỉnh",
        "span": list(fixture_article.captions[0].span),
    }


def test_to_dict_keys_are_stable() -> None:
    keys = [
        "schema",
        "title",
        "title_span",
        "slug",
        "author",
        "byline",
        "published",
        "dateline",
        "paragraphs",
        "captions",
        "boilerplate",
        "sentences",
        "people",
        "numbers",
        "dates",
        "words",
    ]
    assert list(analyze("").to_dict()) == keys
    assert list(analyze(article_text()).to_dict()) == keys


def test_to_dict_nested_shapes(fixture_article: Article) -> None:
    data = fixture_article.to_dict()
    person = data["people"][0]
    assert list(person) == ["name", "honorifics", "roles", "mentions"]
    assert list(person["roles"][0]) == [
        "title",
        "position",
        "modifiers",
        "organization",
        "organization_expanded",
        "span",
    ]
    assert list(person["mentions"][0])[:2] == ["text", "span"]
    number = next(n for n in data["numbers"] if n["text"] == "89,51%")
    assert number["kind"] == "percent" and number["value"] == pytest.approx(89.51)
    assert list(number)[:4] == ["text", "span", "kind", "value"]
    when = next(d for d in data["dates"] if d["text"] == "ngày 18/12/2021")
    assert when["start"] == "2021-12-18T00:00:00" and when["grain"] == "day"
    assert list(when) == ["text", "span", "start", "end", "grain", "lunar"]
    assert list(data["boilerplate"][0]) == ["text", "span", "kind", "rule"]


def test_from_dict_rebuilds_the_article(fixture_article: Article) -> None:
    text = article_text()
    data = json.loads(fixture_article.to_json())
    assert Article.from_dict(data, text) == fixture_article
    dated = analyze("Tin thời tiết trong ngày\nThứ Năm, 20/01/2022 10:30\nHôm qua trời mưa to.")
    assert isinstance(dated.published, datetime)
    assert Article.from_dict(dated.to_dict(), dated.text) == dated


@pytest.mark.words
def test_from_dict_rebuilds_the_words() -> None:
    text = article_text()
    with_words = analyze(text, published=PUBLISHED, words=True)
    assert Article.from_dict(json.loads(with_words.to_json()), text) == with_words


def test_from_dict_of_a_lunar_date_and_every_number_kind() -> None:
    text = (
        "Lễ hội diễn ra vào rằm tháng Giêng\n"
        "Năm nay tỉnh thu 80-100 triệu đồng, đạt 89,51%, hơn 2/3 kế hoạch; đứng thứ hai.\n"
        "Chiều 10/3 âm lịch, khoảng 1.200 người dự lễ Giỗ Tổ."
    )
    article = analyze(text, published=PUBLISHED)
    assert any(match.value.lunar is not None for match in article.dates)
    assert len({number.kind for number in article.numbers}) >= 4
    assert Article.from_dict(json.loads(article.to_json()), text) == article


@given(st.lists(st.sampled_from(ARTICLE_LINES), min_size=1, max_size=8))
@settings(max_examples=40, deadline=None)
def test_from_dict_round_trips_any_article(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = analyze(text, published=PUBLISHED)
    assert Article.from_dict(json.loads(article.to_json()), text) == article


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data, text: (data, text[1:]), "not the text these results were made from"),
        (lambda data, text: (data, text + "x"), None),
        (lambda data, text: ({**data, "schema": 2}, text), "not an article of schema 1"),
        (lambda data, text: ({**data, "numbers": [{"span": [0, 1]}]}, text), "'value'"),
        (lambda data, text: ({**data, "sentences": [{"text": "x", "span": [0]}]}, text), "span"),
        (lambda data, text: ({**data, "people": "Quý"}, text), "'people' must be a list"),
    ],
    ids=["shorter-text", "longer-text-is-fine", "schema", "number", "span", "people"],
)
def test_from_dict_says_what_does_not_fit(change: Any, message: str | None) -> None:
    text = article_text()
    data, given_text = change(analyze(text, published=PUBLISHED).to_dict(), text)
    if message is None:  # spans still slice the same text: a longer input is accepted
        assert Article.from_dict(data, given_text).text == given_text
        return
    with pytest.raises(ParseError, match=message):
        Article.from_dict(data, given_text)


def test_from_dict_type_errors() -> None:
    with pytest.raises(TypeError):
        Article.from_dict([], "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Article.from_dict(analyze("x").to_dict(), None)  # type: ignore[arg-type]


def test_published_from_dateline_resolves_dates() -> None:
    article = analyze("Tin thời tiết trong ngày\nThứ Năm, 20/01/2022\nHôm qua trời mưa to.")
    assert article.published == date(2022, 1, 20)
    assert article.dateline is not None and article.dateline.text == "Thứ Năm, 20/01/2022"
    assert [match.value.start for match in article.dates] == [datetime(2022, 1, 19)]


def test_no_match_reaches_across_a_line() -> None:
    # "ngày" ends the title; "Hôm qua" starts the body: the date is the body's alone.
    article = analyze("Tin ngắn trong ngày\nHôm qua trời mưa.", published="2022-01-20")
    assert [(d.text, d.span) for d in article.dates] == [("Hôm qua", (20, 27))]
    assert article.dates[0].value.start == datetime(2022, 1, 19)


def _whole_table_match(line: str) -> tuple[str, dict[str, str | None]] | None:
    """The boilerplate rule of a line as the whole table, one alternation, reads it."""
    import regex

    from vnnews._data import read_tsv

    rows = read_tsv("boilerplate_lines.tsv")
    alternatives = "|".join(f"(?P<r{i}>{pattern})" for i, (_, _, pattern) in enumerate(rows))
    match = regex.fullmatch(f"(?:{alternatives})", line, regex.IGNORECASE)
    if match is None:
        return None
    index = next(i for i in range(len(rows)) if match.group(f"r{i}") is not None)
    names = ("day", "month", "year", "hour", "minute")
    groups = match.groupdict()
    return rows[index][0], {name: groups.get(name) for name in names}


def _boilerplate_words() -> list[str]:
    import regex

    from vnnews._data import read_tsv

    words = {
        w
        for _, _, pattern in read_tsv("boilerplate_lines.tsv")
        for w in regex.findall(r"\w+", pattern)
    }
    return sorted(words - {"d", "w", "n"})


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_boilerplate_words()),
            st.sampled_from(
                [" ", "-", "_", ":", "(*)", ">", "»", "|", ".", "20/1/2022", "1.234", "Ả"]
            ),
            st.text(max_size=3),
        ),
        max_size=12,
    ).map("".join)
)
def test_boilerplate_rule_is_the_first_of_the_table_that_matches(line: str) -> None:
    from vnnews.article._layout import _match_boilerplate

    found = _match_boilerplate(line) if len(line) <= 160 else None
    expected = _whole_table_match(line) if len(line) <= 160 else None
    got = None
    if found is not None:
        groups = found[1].groupdict()
        got = found[0].name, {n: groups.get(n) for n in ("day", "month", "year", "hour", "minute")}
    assert got == expected


def test_boilerplate_rules_of_the_case_lines() -> None:
    from vnnews.article._layout import _match_boilerplate

    texts = [
        article_text(),
        *(case.values[0]["text"] for case in load_cases("article_layout.jsonl")),
    ]
    lines = [line.strip() for text in texts for line in normalize(text).split("\n")]
    matched = 0
    for line in lines:
        found = _match_boilerplate(line) if len(line) <= 160 else None
        expected = _whole_table_match(line) if len(line) <= 160 else None
        assert (found[0].name if found else None) == (expected[0] if expected else None), line
        matched += found is not None
    assert matched >= 20


# ----------------------------------------------------------------------------- words=True


@pytest.mark.words
def test_words_added_on_request(fixture_article: Article) -> None:
    from vnnews.word_segmentation import words

    assert fixture_article.words is None
    text = article_text()
    article = analyze(text, published=PUBLISHED, words=True)
    assert article.words is not None
    bodies = [paragraph.span for paragraph in article.paragraphs]
    expected = [w for w in words(text) if any(s <= w.span[0] < e for s, e in bodies)]
    assert list(article.words) == expected  # the body's words, nothing else
    assert all(text[w.span[0] : w.span[1]] == w.text for w in article.words)
    first = article.paragraphs[0].span
    in_first = {w.text for w in article.words if first[0] <= w.span[0] < first[1]}
    for word in ("Tỉnh ủy", "Thái Thanh Quý", "Trung ương", "Quốc hội", "Chủ tịch"):
        assert word in in_first
    assert not any(w.text in ("image", "Anh-tin-bai", "Kim Oanh") for w in article.words)
    data = article.to_dict()["words"]
    assert isinstance(data, list) and len(data) == len(article.words)
    assert list(data[0]) == ["text", "span", "pos", "is_name"]


# ----------------------------------------------------------------------------- bad input


def test_type_errors() -> None:
    with pytest.raises(TypeError, match="text must be str"):
        analyze(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="published must be"):
        analyze("abc", published=20220120)  # type: ignore[arg-type]


def test_bad_published_string() -> None:
    with pytest.raises(ParseError) as caught:
        analyze("abc", published="20/01/2022")
    assert caught.value.text == "20/01/2022"


def test_published_string_and_datetime() -> None:
    assert analyze("abc", published="2022-01-20").published == date(2022, 1, 20)
    moment = datetime(2022, 1, 20, 10, 30)
    assert analyze("abc", published=moment).published == moment


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "image banner",
                "Anh-tin-bai",
                "no image",
                "Quang cảnh hội nghị",
                "Kim Oanh",
                "Theo TTXVN",
                "Sáng 20/1, hội nghị khai mạc với 4.028 đại biểu.",
                "Thái Thanh Quý - Bí thư Tỉnh ủy phát biểu.",
                "Thứ Năm, 20/01/2022 10:30",
                "",
                "  ",
                "Mã kiểm tra no image",
            ]
        )
        | st.text(max_size=40),
        max_size=12,
    )
)
def test_any_text_gives_consistent_regions(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = analyze(text)
    assert_spans_slice(article, text)
    regions = [*article.paragraphs, *article.captions, *article.boilerplate]
    regions += [x for x in (article.byline,) if x is not None]
    spans = sorted(region.span for region in regions)
    if article.title_span is not None:
        spans = sorted([*spans, article.title_span])
    assert all(a[1] <= b[0] for a, b in pairwise(spans))  # no overlaps
    lines_with_text = [line for line in normalize(text).split("\n") if line.strip(" ")]
    assert len(spans) == len(lines_with_text)  # every line lands in exactly one region


_PEOPLE_LINES = [
    "image banner",
    "Anh-tin-bai",
    "Quang cảnh hội nghị do ông Nguyễn Văn An chủ trì",
    "Kim Oanh",
    "Họ tên",
    "Theo Báo Quảng Ngãi",
    "Ban Thường vụ Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2021",
    "Các đồng chí: Thái Thanh Quý - Bí thư Tỉnh ủy; Nguyễn Văn Thông – Phó Bí thư",
    "Phó Chủ tịch UBND tỉnh, đồng chí Nguyễn Đức Trung phát biểu.",
    "đồng chí Quý đề nghị các cấp ủy tiếp tục.",
    "  Bà Lê Thị Hoa\u00a0(Giám đốc Sở Y tế) cho biết.  ",
    "Giám đốc Sở GD&ĐT Tp.Hồ Chí Minh Nguyễn Văn Hiếu",
    "Thứ Năm, 20/01/2022 10:30",
    "Lượt xem: 12",
    "",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_PEOPLE_LINES) | st.text(max_size=30), max_size=10),
    st.sampled_from(["\n", "\n\n", "\r\n", "\u2028"]),
    st.booleans(),
)
def test_people_are_those_of_each_region_alone(lines: list[str], newline: str, nfd: bool) -> None:
    """analyze reads people in one pass; the result is the people of each region on its own."""
    from dataclasses import replace

    from vnnews import extract_people
    from vnnews.article import merge_people

    text = newline.join(lines)
    if nfd:
        text = unicodedata.normalize("NFD", text)
    article = analyze(text)
    regions = [*article.paragraphs, *article.captions]
    spans = sorted(r.span for r in regions) + ([article.title_span] if article.title_span else [])
    mentions = []
    for start, end in sorted(spans):
        for mention in extract_people(text[start:end]):
            roles = tuple(
                replace(role, span=(role.span[0] + start, role.span[1] + start))
                for role in mention.roles
            )
            span = (mention.span[0] + start, mention.span[1] + start)
            name_span = (mention.name_span[0] + start, mention.name_span[1] + start)
            mentions.append(replace(mention, span=span, roles=roles, name_span=name_span))
    assert article.people == merge_people(mentions)
    for person in article.people:
        for mention in person.mentions:  # the name span points into the input too
            assert mention.span[0] <= mention.name_span[0] < mention.name_span[1]
            assert mention.name_span[1] <= mention.span[1]


def test_adversarial_input_finishes() -> None:
    pieces = [
        "Ảnh-" * 40,
        "no image " * 20,
        "Theo " + "Theo " * 30,
        "A A A " * 30,
        "Chia sẻ Facebook Zalo " * 10,
        "> " * 80,
        "Kim Oanh - " * 15,
        "1/1/" * 40,
        "Bài và ảnh: " * 12,
    ]
    lines = [piece[:length] for length in (20, 79, 81, 159, 160, 161, 400) for piece in pieces]
    text = "\n".join(lines * 80)
    assert len(text) > 200_000
    article = analyze(text)
    assert_spans_slice(article, text)
    assert len(article.paragraphs) + len(article.boilerplate) + len(article.captions) > 1000


# ----------------------------------------------------------------------------- analyze_many


def test_analyze_many_keeps_order_and_reports_bad_records() -> None:
    texts: list[Any] = ["Tiêu đề bài một ở đây\nNội dung một.", 42, "", article_text()]
    results = list(analyze_many(texts, published=PUBLISHED))
    assert [type(result).__name__ for result in results] == [
        "Article",
        "ArticleError",
        "Article",
        "Article",
    ]
    error = results[1]
    assert isinstance(error, ArticleError)
    assert (error.index, error.error_type) == (1, "TypeError")
    assert error.to_dict() == {"index": 1, "error": error.error, "error_type": "TypeError"}
    last = results[3]
    assert isinstance(last, Article) and last.title == TITLE


def test_analyze_many_is_lazy() -> None:
    def endless() -> Any:
        while True:
            yield "Tiêu đề bài báo\nNội dung."

    stream = analyze_many(endless())
    assert all(isinstance(next(stream), Article) for _ in range(3))


def test_analyze_many_two_workers_same_as_one() -> None:
    texts = [article_text(), None, "Giá vàng tăng\nGiá vàng tăng mạnh.", *[article_text()] * 5]
    one = [result.to_dict() for result in analyze_many(texts, published=PUBLISHED)]
    two = analyze_many(texts, published=PUBLISHED, workers=2, chunksize=2)
    assert [result.to_dict() for result in two] == one


@pytest.mark.parametrize("options", [{"workers": 0}, {"chunksize": 0}])
def test_analyze_many_rejects_bad_options(options: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        analyze_many(["x"], **options)  # at the call, not at the first record


def test_analyze_many_checks_published_at_the_call() -> None:
    with pytest.raises(ParseError):
        analyze_many(["x"], published="hôm qua")
    with pytest.raises(ValueError, match="prefer must be"):
        analyze_many(["x"], prefer="last")  # type: ignore[arg-type]


_WEEKDAY_REPORT = "Hội nghị tổng kết của tỉnh\nHôm thứ Sáu, hội nghị bế mạc; ngày 20/1 sẽ sơ kết."


@pytest.mark.parametrize(
    ("published", "prefer", "friday", "day"),
    [
        ("2022-01-24", "nearest", "2022-01-21", "2022-01-20"),  # Monday: three days back
        ("2022-01-19", "nearest", "2022-01-21", "2022-01-20"),  # Wednesday: two days ahead
        ("2022-01-19", "past", "2022-01-14", "2021-01-20"),
        ("2022-01-24", "future", "2022-01-28", "2023-01-20"),  # 20/1/2022 has ended
        ("2022-01-24", None, "2022-01-28", "2022-01-20"),  # extract_dates' default
    ],
)
def test_analyze_places_weekdays_and_dates_as_prefer_says(
    published: str, prefer: Any, friday: str, day: str
) -> None:
    """analyze's default is "nearest" (issue 21): a weekday within three days either side."""
    options = {} if prefer == "nearest" else {"prefer": prefer}
    article = analyze(_WEEKDAY_REPORT, published=published, **options)
    starts = [match.value.start.date().isoformat() for match in article.dates]
    assert starts == [friday, day]
    assert analyze(_WEEKDAY_REPORT, published=published, prefer=prefer).dates == article.dates
    with pytest.raises(ValueError, match="prefer must be 'past', 'future', 'nearest' or None"):
        analyze(_WEEKDAY_REPORT, prefer="later")  # type: ignore[arg-type]


def _each_paragraph_alone(article: Article) -> tuple[list[Any], list[Any], list[Any]]:
    """extract_numbers, extract_dates and sentence_spans of each paragraph read alone,
    spans shifted."""
    from vnnews import extract_dates, extract_numbers, sentence_spans

    numbers, dates, sentences = [], [], []
    for paragraph in article.paragraphs:
        start = paragraph.span[0]
        sentences += [
            (first + start, last + start) for first, last in sentence_spans(paragraph.text)
        ]
        for number in extract_numbers(paragraph.text):
            span = (number.span[0] + start, number.span[1] + start)
            numbers.append((number.text, span, number.kind, number.value))
        # analyze's default prefer is "nearest" (extract_dates' is None: the conventions).
        for found in extract_dates(paragraph.text, ref=article.published, prefer="nearest"):
            span = (found.span[0] + start, found.span[1] + start)
            dates.append((found.text, span, found.value))
    return numbers, dates, sentences


def _messy(text: str) -> list[str]:
    """The text, and the ways it reaches vnnews: NFD, old tone marks, CRLF, odd spaces."""
    return [
        text,
        unicodedata.normalize("NFD", text),
        to_old_style(text),
        text.replace("\n", "\r\n").replace(" ", "\u00a0", 40),
        "  " + text.replace("\n", " \t\n ").replace(", ", ",  "),
    ]


@pytest.mark.parametrize("variant", range(5))
def test_figures_dates_and_sentences_are_those_of_each_paragraph_alone(variant: int) -> None:
    """analyze reads the paragraphs in the article's normalised text (and splits NFC ones in
    place), and tells the number reader the dates it found: what each paragraph gives read
    alone does not change."""
    text = _messy(article_text())[variant]
    article = analyze(text, published=date(2022, 1, 20))
    numbers, dates, sentences = _each_paragraph_alone(article)
    assert [(m.text, m.span, m.kind, m.value) for m in article.numbers] == numbers
    assert [(d.text, d.span, d.value) for d in article.dates] == dates
    assert [s.span for s in article.sentences] == sentences
    assert len(numbers) >= 15 and len(dates) >= 10  # the fixture's figures and dates are there


_PARAGRAPH_PIECES = [
    "Ông N.V.H.",
    "TP. Hồ Chí Minh",
    "...",
    "“Tốt.”",
    "v.v.",
    "Hà Nội.",
    "\u001f",
    "Sáng 20/1,",
    "ngày 18/12/2021",
    "năm 2022",
    "nhiệm kỳ 2021 – 2026",
    "quý I/2022",
    "hôm qua",
    "4.028 đảng viên",
    "89,51%",
    "22/28 chỉ tiêu",
    "khoảng 2,5 triệu đồng",
    "khóa XV",
    "một số",
    "hoà",
    "Uỷ ban",
    "\u00a0",
    "  ",
    "\t",
    "\u200b",
    "e\u0301",
    ".",
    "…",
    "(",
    ")",
    "–",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_PARAGRAPH_PIECES), min_size=1, max_size=8).map(" ".join),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["\n", "\r\n", "\n\n", "\n \n"]),
)
def test_any_paragraphs_read_as_alone(paragraphs: list[str], newline: str) -> None:
    article = analyze(
        "Tiêu đề bài viết" + newline + newline.join(paragraphs), published="2022-01-20"
    )
    numbers, dates, sentences = _each_paragraph_alone(article)
    assert [(m.text, m.span, m.kind, m.value) for m in article.numbers] == numbers
    assert [(d.text, d.span, d.value) for d in article.dates] == dates
    assert [s.span for s in article.sentences] == sentences
