"""Load the data-driven case tables in ``tests/data/*.jsonl``.

One JSON object a line; lines that are blank or start with ``//`` are skipped. Each case gets a
pytest id from its ``id`` field, else from its ``text`` (shortened).
"""

from __future__ import annotations

import json
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
