"""The record core (vnnews.analyze_records): same results as analyze, order, error records,
workers that start, stop and die with their parent."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from cases import article_text, generated_articles
from vnnews import Article, analyze, analyze_records
from vnnews.corpus._records import RawLine, RecordOptions, record_stream

PUBLISHED = date(2022, 1, 20)
UD_DEV = Path("/work/shared/bench/ud_vtb/dev.jsonl")
ROOT = Path(__file__).resolve().parents[1]


def expected(index: int, text: str, record_id: object = None) -> dict[str, Any]:
    return {"index": index, "id": record_id, **analyze(text, published=PUBLISHED).to_dict()}


def assert_same_as_analyze(texts: list[str], workers: int) -> None:
    records = [{"id": f"r{i}", "text": text} for i, text in enumerate(texts)]
    outputs = analyze_records(records, published=PUBLISHED, workers=workers, chunksize=7)
    count = 0
    for index, (text, output) in enumerate(zip(texts, outputs, strict=True)):
        assert output == expected(index, text, f"r{index}")
        assert Article.from_dict(output, text) == analyze(text, published=PUBLISHED)
        count += 1
    assert count == len(texts)


# ----------------------------------------------------------------------------- same as analyze


def test_the_fixture_is_analysed_as_analyze_does() -> None:
    [output] = analyze_records([article_text()], published=PUBLISHED)
    assert output == expected(0, article_text())
    assert Article.from_dict(output, article_text()) == analyze(article_text(), published=PUBLISHED)


@pytest.mark.parametrize("workers", [1, 2])
def test_generated_articles_are_analysed_as_analyze_does(workers: int) -> None:
    assert_same_as_analyze(generated_articles(300), workers)


@pytest.mark.skipif(not UD_DEV.exists(), reason=f"{UD_DEV} is absent (the shared benchmarks)")
def test_ud_vtb_dev_text_is_analysed_as_analyze_does() -> None:
    lines = UD_DEV.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    assert len(texts) > 200
    assert_same_as_analyze(texts, workers=2)


# ----------------------------------------------------------------------------- records and errors

MIXED: list[Any] = [
    {"id": 1, "text": "Giá vàng lập đỉnh mới\nHôm qua giá vàng tăng 2%."},
    None,
    {"id": 2, "body": "no text here"},
    "Tin ngắn trong ngày\nSáng nay trời mưa.",
    {"id": 3, "text": 42},
    {"id": 4, "text": "Tin ngắn\nHôm qua trời mưa.", "day": "2022-02-30"},
    {"id": 5, "text": "Tin thời tiết trong ngày\nHôm qua trời mưa.", "day": "2022-03-05T07:30:00"},
    {
        "id": 6,
        "text": "Tin thời tiết trong ngày\nHôm qua trời mưa.",
        "day": datetime(2022, 3, 9, 8),
    },
    {"id": 7, "text": "Tin thời tiết trong ngày\nHôm qua trời mưa.", "day": 20220309},
    {"id": 8, "text": "Tin thời tiết trong ngày\nHôm qua trời mưa."},
]


def summary(output: dict[str, Any]) -> tuple[Any, ...]:
    if "error" in output:
        return output["index"], output["id"], output["error_type"], output["error"]
    return output["index"], output["id"], output["published"], [d["start"] for d in output["dates"]]


@pytest.mark.parametrize("workers", [1, 2])
def test_order_and_error_records(workers: int) -> None:
    outputs = list(analyze_records(MIXED * 3, published="day", workers=workers, chunksize=2))
    assert [output["index"] for output in outputs] == list(range(len(MIXED) * 3))
    first = [summary(output) for output in outputs[: len(MIXED)]]
    assert first[0][:3] == (0, 1, None)
    assert first[1] == (1, None, "TypeError", "a record must be a str or a mapping, not NoneType")
    assert first[2] == (2, 2, "ValueError", "no field 'text'")
    assert first[3][:2] == (3, None)
    assert first[4] == (4, 3, "TypeError", "'text' is not a string but int")
    assert first[5][:3] == (5, 4, "ParseError") and "day is out of range for month" in first[5][3]
    assert first[6] == (6, 5, "2022-03-05", ["2022-03-04T00:00:00"])  # the time is dropped
    assert first[7] == (7, 6, "2022-03-09T08:00:00", ["2022-03-08T00:00:00"])
    assert first[8][:3] == (8, 7, "ParseError") and "'day'" in first[8][3]
    assert first[9][2] is None  # no date of its own, none given, no dateline
    again = [summary(output)[1:] for output in outputs[len(MIXED) :]]
    assert again == [row[1:] for row in first] * 2  # the same records, the same outcome


def test_one_date_for_every_record_and_records_that_bring_their_own() -> None:
    records = ["Tin ngắn trong ngày\nHôm qua trời mưa.", {"text": "Tin khác trong ngày\nHôm qua."}]
    outputs = list(analyze_records(records, published=PUBLISHED))
    assert [output["dates"][0]["start"] for output in outputs] == ["2022-01-19T00:00:00"] * 2
    assert list(analyze_records(records, published="2022-01-20")) == outputs  # as analyze()
    own = list(
        analyze_records(
            [{"text": records[0], "published": date(2022, 5, 2)}], published="published"
        )
    )
    assert own[0]["published"] == "2022-05-02"


def test_bad_options_are_refused_at_the_call() -> None:
    from vnnews import ParseError

    with pytest.raises(ParseError, match=r"February 2022 has no day 30 \(it has 28 days\)"):
        analyze_records(["x"], published="2022-02-30")
    with pytest.raises(TypeError, match="published must be"):
        analyze_records(["x"], published=20220120)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 1"):
        analyze_records(["x"], workers=0)
    with pytest.raises(TypeError, match="keys"):
        analyze_records(["x"], text=1)  # type: ignore[arg-type]


def test_records_are_read_lazily() -> None:
    def endless() -> Iterator[str]:
        while True:
            yield "Tiêu đề bài báo\nNội dung."

    stream = analyze_records(endless())
    assert [next(stream)["index"] for _ in range(3)] == [0, 1, 2]


def test_json_lines_are_parsed_in_the_worker_and_say_their_line() -> None:
    lines = [
        RawLine(1, 0, b'{"id": "x", "text": "Tin ngan\\nNoi dung."}\n'),
        RawLine(3, 50, b'{"id": "y", "text": "\xff"}\n'),
        RawLine(4, 80, b"[1, 2]\n"),
        RawLine(5, 90, b'{"id": \n'),
    ]
    results = list(record_stream(lines, RecordOptions(), "json"))
    assert [ok for ok, _ in results] == [True, False, False, False]  # type: ignore[misc]
    outputs = [json.loads(line) for _, line in results]  # type: ignore[misc]
    assert [(o["index"], o["line"], o["id"]) for o in outputs] == [
        (0, 1, "x"),
        (1, 3, None),
        (2, 4, None),
        (3, 5, None),
    ]
    assert "invalid byte 0xff at byte offset 71" in outputs[1]["error"]
    assert "expected a JSON object, not list" in outputs[2]["error"]
    assert "bad JSON" in outputs[3]["error"] and "column 8" in outputs[3]["error"]


# ----------------------------------------------------------------------------- worker processes


def test_closing_the_stream_early_stops_the_workers() -> None:
    import multiprocessing

    stream = analyze_records(generated_articles(200), published=PUBLISHED, workers=2, chunksize=2)
    assert next(stream)["index"] == 0
    stream.close()  # type: ignore[attr-defined]
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


SCRIPT = """
import itertools, json, multiprocessing, sys, threading, time
from datetime import date
import vnnews

if sys.argv[1] == "threads":  # another thread: vnnews takes its workers from the forkserver
    threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
texts = itertools.repeat("Tiêu đề bài báo hôm nay\\nSáng 20/1, giá vàng tăng 2%.")


def run():
    stream = vnnews.analyze_records(texts, published=date(2022, 1, 20), workers=2)
    for number, output in enumerate(stream):
        if number == 50:
            print(json.dumps(output["index"]), flush=True)


if sys.argv[2] == "guarded":
    if __name__ == "__main__":
        run()
else:
    run()
"""


def descendants(pid: int) -> set[int]:
    """Every process below ``pid``, from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
@pytest.mark.parametrize("mode", ["one-thread", "threads"])
def test_sigterm_leaves_no_process_behind(tmp_path: Path, mode: str) -> None:
    script = tmp_path / "unguarded.py"
    script.write_text(SCRIPT, encoding="utf-8")
    # With one thread the script needs no guard (workers are forked); with threads it does.
    guard = "unguarded" if mode == "one-thread" else "guarded"
    process = subprocess.Popen(
        [sys.executable, str(script), mode, guard],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # results are flowing: the workers run
    assert line.strip() == b"50", process.stderr.read() if process.stderr else b""
    helpers = descendants(process.pid)
    assert len(helpers) >= 2  # two workers (and, with threads, the forkserver)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == -signal.SIGTERM
    deadline = time.monotonic() + 20
    while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in helpers if alive(pid)] == []


def test_a_script_that_needs_the_guard_is_told_where_to_put_it(tmp_path: Path) -> None:
    script = tmp_path / "unguarded.py"
    script.write_text(SCRIPT, encoding="utf-8")
    # With another thread running, the workers come from the forkserver and import the
    # script again, as they would on macOS and Windows.
    result = subprocess.run(
        [sys.executable, str(script), "threads", "unguarded"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    message = result.stderr.decode("utf-8")
    assert result.returncode == 1 and result.stdout == b""
    assert 'if __name__ == "__main__":' in message and "docs/scale.md" in message
