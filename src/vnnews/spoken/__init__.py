"""Vietnamese news read aloud: every figure, date, unit and abbreviation in words, aligned to
the source (text normalisation for text-to-speech).

>>> from vnnews.spoken import to_spoken
>>> to_spoken("Đến ngày 18/12/2021, kết nạp 4.028 đảng viên.").text
'Đến ngày mười tám tháng mười hai năm hai nghìn không trăm hai mươi mốt, kết nạp bốn nghìn không trăm hai mươi tám đảng viên.'
"""

from __future__ import annotations

from vnnews.errors import AmbiguityError
from vnnews.spoken._api import to_spoken
from vnnews.spoken._result import (
    KINDS,
    SpokenKind,
    SpokenPiece,
    SpokenPieceDict,
    SpokenText,
    SpokenTextDict,
)
from vnnews.spoken._style import SpokenStyle

__all__ = [
    "KINDS",
    "AmbiguityError",
    "SpokenKind",
    "SpokenPiece",
    "SpokenPieceDict",
    "SpokenStyle",
    "SpokenText",
    "SpokenTextDict",
    "to_spoken",
]
