"""Load the data-driven case tables in ``tests/data/*.jsonl``.

One JSON object a line; lines that are blank or start with ``//`` are skipped. Each case gets a
pytest id from its ``id`` field, else from its ``text`` (shortened).
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import regex

DATA = Path(__file__).parent / "data"
FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE_PATH = FIXTURES / "article_2022-01-20.txt"


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# Old-style placement puts the tone on the second vowel of oa, oe, uy: hòa -> hoà, thủy -> thuỷ.
_TRADITIONAL = regex.compile(
    rf"(?i)(?<![qg])(o(?=[{_TONE_MARKS}][ae])|u(?=[{_TONE_MARKS}]y))([{_TONE_MARKS}])([aey])(?!\p{{M}}|\p{{L}})"
)


def to_old_style(text: str) -> str:
    """``text`` with old-style tone placement (hòa → hoà, thủy → thuỷ), in NFC."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _TRADITIONAL.sub(r"\1\3\2", decomposed))


def article_text() -> str:
    """The fixture article, exactly as stored (published 2022-01-20)."""
    return ARTICLE_PATH.read_text(encoding="utf-8")


def load_cases(name: str) -> list[Any]:
    """The cases of ``tests/data/<name>`` as ``pytest.param`` objects with readable ids."""
    params = []
    path = DATA / name
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        case = json.loads(line)
        label = case.get("id") or str(case.get("text", case.get("input", "")))[:40]
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        params.append(pytest.param(case, id=f"{path.stem}:{number}:{label}", marks=marks))
    return params


# Lines of our own, of the kinds a news page has, to build articles with (no real-news text).
OWN_LINES = [
    "Giá xăng dầu tăng lần thứ ba liên tiếp",
    "Thứ Hai, 17/01/2022 08:15 (GMT+7)",
    "Chiều 17/1, Sở Công Thương tỉnh cho biết giá xăng RON95 tăng 1.290 đồng/lít, lên mức 25.320 đồng.",
    "Theo ông Lê Văn Bình, Giám đốc Sở Công Thương, khoảng 70% cửa hàng đã niêm yết giá mới.",
    "Anh-tin-bai",
    "Người dân đổ xăng tại một cửa hàng trên đường Hùng Vương",
    "Từ ngày 1/2 đến hết quý I/2022, tỉnh kiểm tra 120 cửa hàng, xử phạt 15 trường hợp vi phạm với tổng số tiền hơn 300 triệu đồng.",
    "Bà Trần Thị Hoa, Phó Chủ tịch UBND huyện, đề nghị các xã hoàn thành 2/3 kế hoạch trước rằm tháng Giêng.",
    "Chia sẻ Facebook Zalo",
    "Tin liên quan",
    "Năm 2021, doanh thu đạt 1,5 tỷ USD, tăng 12,5% so với năm trước; dự kiến năm nay đạt 1,7-1,8 tỷ USD.",
    "Phát biểu tại hội nghị, ông Phạm Quốc Hưng, Chủ tịch UBND tỉnh, yêu cầu các sở hoàn thành kế hoạch.",
    "Dự lễ có đồng chí Võ Thị Mai, Phó Bí thư Tỉnh ủy, và ông Đặng Văn Lâm, Giám đốc Sở Y tế.",
    "Đại tá Hoàng Minh Tuấn, Giám đốc Công an tỉnh, cho biết lực lượng đã bắt giữ 12 đối tượng.",
    "Theo bà Ngô Thị Lan, Hiệu trưởng Trường THPT Lê Lợi, 98% học sinh đỗ tốt nghiệp.",
    "Ông Bùi Văn Khánh, Tổng giám đốc Công ty cổ phần Sông Đà, cho biết lợi nhuận tăng 15%.",
    "Minh Anh",
]


def generated_articles(count: int, seed: int = 19) -> list[str]:
    """``count`` articles of 2 to 12 lines drawn from our lines and the fixture's, seeded."""
    pool = OWN_LINES + [line for line in article_text().split("\n") if line.strip()]
    chooser = random.Random(seed)
    return ["\n".join(chooser.choices(pool, k=chooser.randint(2, 12))) for _ in range(count)]
