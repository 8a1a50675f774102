"""A core install (without the optional extras) works and says what to install for the rest."""

from __future__ import annotations

import subprocess
import sys

_WITHOUT_UNDERTHESEA = "import sys; sys.modules['underthesea'] = None; import vnnews; "


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT_UNDERTHESEA + code],
        capture_output=True,
        text=True,
        check=False,
    )


def test_words_without_the_extra_names_it() -> None:
    result = _run("vnnews.words('Bí thư Tỉnh ủy')")
    assert result.returncode == 1
    assert "ImportError" in result.stderr
    assert "pip install 'vnnews[words]'" in result.stderr


def test_everything_else_works_without_underthesea() -> None:
    code = (
        "from datetime import date; text = 'Sáng 20/1, Bí thư Tỉnh ủy Thái Thanh Quý nói 89,51%.';"
        "a = vnnews.analyze(text, published=date(2022, 1, 20));"
        "print(len(a.numbers), len(a.dates), len(a.people), len(vnnews.extract_people(text)))"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "1", "1", "1"]
