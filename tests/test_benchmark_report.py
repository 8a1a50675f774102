"""The benchmark report says what it measured: ratios in words, three tables, a chart of one.

No timing here (performance lives in ``benchmarks/``): these rows are made up, and only how
the report writes them is tested.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import __main__ as runner
from benchmarks.timing import Comparison, Kind


def row(ours: float, other: float, kind: Kind = "library", name: str = "x") -> Comparison:
    return Comparison(name, ours, "other", other, "call", kind)


@pytest.mark.parametrize(
    ("ours", "other", "verdict"),
    [
        (1.0, 13.2, "13.2× faster"),
        (19.7, 0.78, "25.3× slower"),  # the floor row that used to read "0.0× faster"
        (42.0, 38.7, "1.09× slower"),
        (38.7, 42.0, "1.09× faster"),
        (1.0, 1.0, "1.00× faster"),
        (0.002, 5.0, "2500× faster"),
    ],
)
def test_the_ratio_is_written_as_measured(ours: float, other: float, verdict: str) -> None:
    assert row(ours, other).verdict == verdict


def test_rows_go_to_the_table_of_their_kind_and_only_libraries_are_charted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    charted: list[Comparison] = []
    monkeypatch.setattr(runner, "TABLE", tmp_path / "benchmarks.md")
    monkeypatch.setattr(runner, "draw_chart", charted.extend)
    rows = [
        row(1.0, 13.2, "library", "analyze"),
        row(19.7, 0.78, "floor", "extract_numbers"),
        row(3.6, 5.2, "self", "analyze_many"),
    ]
    runner.write_comparisons(rows, "stamp")
    text = (tmp_path / "benchmarks.md").read_text(encoding="utf-8")
    sections = text.split("\n## ")
    assert [section.split("\n", 1)[0].split(" (")[0] for section in sections[1:]] == [
        "vnnews against other libraries",
        "vnnews against a floor",
        "vnnews against itself",
    ]
    assert "| analyze |" in sections[1] and "13.2× faster" in sections[1]
    assert "| extract_numbers |" in sections[2] and "25.3× slower" in sections[2]
    assert "| analyze_many |" in sections[3] and "1.44× faster" in sections[3]
    assert "0.0×" not in text
    assert charted == rows[:1]
