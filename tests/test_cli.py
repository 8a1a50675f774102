"""Tests of the ``vnnews`` command: each runs the real command in a subprocess."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cases import ARTICLE_PATH, article_text

TITLE = "Chủ động, linh hoạt, sáng tạo, quyết tâm, nỗ lực thực hiện thắng lợi nhiệm vụ năm 2022"
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}


def vnnews(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "vnnews", *args],
        input=data,
        capture_output=True,
        env=ENV,
        timeout=300,
        check=False,
    )


def out(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stdout.decode("utf-8")


def err(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stderr.decode("utf-8")


def json_lines(result: subprocess.CompletedProcess[bytes]) -> list[Any]:
    return [json.loads(line) for line in out(result).splitlines()]


def assert_one_line_error(result: subprocess.CompletedProcess[bytes], status: int = 2) -> str:
    message = err(result)
    assert result.returncode == status, message
    assert message.count("\n") == 1 and "Traceback" not in message, message
    assert result.stdout == b""
    return message


# ----------------------------------------------------------------------------- analyze


def test_version() -> None:
    result = vnnews("--version")
    assert result.returncode == 0
    assert out(result).startswith("vnnews ")


def test_analyze_example_text_report() -> None:
    result = vnnews("analyze", "--example", "--format", "text")
    assert result.returncode == 0, err(result)
    report = out(result)
    assert report.splitlines()[0] == TITLE
    for expected in (
        "Kim Oanh",
        "2022-01-20",
        "People (3)",
        "Thái Thanh Quý",
        "Phó Bí thư Thường trực Tỉnh ủy",
        "Figures",
        "4.028",
        "89,51%",
        "Dates",
        "ngày 18/12/2021",
        "Quang cảnh tại điểm cầu UBND tỉnh",
    ):
        assert expected in report, expected
    people = report[report.index("People") : report.index("Figures")]
    assert people.count("Thái Thanh Quý") == 1  # one row per person, roles below it


def test_analyze_file_json_matches_the_library() -> None:
    from vnnews import analyze

    result = vnnews("analyze", str(ARTICLE_PATH), "--published", "2022-01-20", "--format", "json")
    assert result.returncode == 0, err(result)
    [data] = json_lines(result)
    expected = analyze(article_text(), published="2022-01-20").to_dict()
    assert data == {"file": str(ARTICLE_PATH), **expected}


def test_analyze_defaults_to_json_when_not_a_terminal() -> None:
    result = vnnews("analyze", "-", stdin="Tiêu đề bài báo hôm nay\nNội dung bài báo.")
    assert result.returncode == 0, err(result)
    [data] = json_lines(result)
    assert data["file"] == "-"
    assert data["title"] == "Tiêu đề bài báo hôm nay"
    assert data["published"] is None


def test_analyze_several_files(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("Bài thứ nhất của hôm nay\nNội dung một.", encoding="utf-8")
    result = vnnews("analyze", str(first), str(ARTICLE_PATH), "--format", "json")
    assert [d["title"] for d in json_lines(result)] == ["Bài thứ nhất của hôm nay", TITLE]
    text = out(vnnews("analyze", str(first), str(ARTICLE_PATH), "--format", "text"))
    assert f"==> {first} <==" in text and f"==> {ARTICLE_PATH} <==" in text


@pytest.mark.words
def test_analyze_words_option() -> None:
    result = vnnews("analyze", "--example", "--format", "json", "--words")
    [data] = json_lines(result)
    assert any(word["text"] == "Thái Thanh Quý" for word in data["words"])


# ----------------------------------------------------------------------------- errors


def test_missing_file(tmp_path: Path) -> None:
    message = assert_one_line_error(vnnews("analyze", str(tmp_path / "nope.txt")))
    assert "nope.txt" in message


def test_not_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Hà Nội\nThành phố ".encode() + b"\xff" + "Huế".encode())
    message = assert_one_line_error(vnnews("analyze", str(path)))
    assert "latin1.txt" in message and "not UTF-8" in message and "byte offset" in message
    offset = path.read_bytes().index(b"\xff")
    assert f"byte offset {offset}" in message


@pytest.mark.parametrize("date", ["2022-13-01", "20/01/2022", "hôm qua"])
def test_bad_date(date: str) -> None:
    message = assert_one_line_error(vnnews("analyze", "--example", "--published", date))
    assert "bad date" in message and date in message


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "--format", "xml", "--example"],
        ["analyze", "--workers", "0", "--jsonl", "-"],
        ["analyze", "--example", str(ARTICLE_PATH)],
        ["analyze", "--jsonl", "-", str(ARTICLE_PATH)],
        ["analyze", "--jsonl", "-", "--format", "text"],
        ["frobnicate"],
        [],
    ],
    ids=[
        "format",
        "workers",
        "example-and-file",
        "jsonl-and-file",
        "jsonl-text",
        "command",
        "none",
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = vnnews(*args, stdin="")
    assert result.returncode == 2
    assert "Traceback" not in err(result)
    if args:
        assert err(result).count("\n") == 1


# ----------------------------------------------------------------------------- batch


def corpus_with_broken_record(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    records = [
        json.dumps({"id": "a", "text": article_text()}, ensure_ascii=False),
        json.dumps({"id": "b", "text": "Giá vàng lập đỉnh mới\nGiá vàng tăng mạnh."}),
        '{"id": "c", "text": "unterminated',
        json.dumps({"id": "d", "body": "no text field"}),
        "",
        json.dumps(
            {"id": "e", "text": "Tin ngắn trong ngày\nHôm qua trời mưa.", "day": "2022-01-20"}
        ),
    ]
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return path


def test_batch_with_broken_records(tmp_path: Path) -> None:
    path = corpus_with_broken_record(tmp_path)
    result = vnnews("analyze", "--jsonl", str(path), "--published-field", "day", "--progress")
    assert result.returncode == 1
    lines = json_lines(result)
    assert [line["id"] for line in lines] == ["a", "b", None, "d", "e"]  # c: unreadable
    assert [line["index"] for line in lines] == [0, 1, 2, 3, 4]
    assert lines[0]["title"] == TITLE and "error" not in lines[0]
    assert lines[2] == {
        "index": 2,
        "id": None,
        "line": 3,
        "error": lines[2]["error"],
        "error_type": "ParseError",
    }
    assert "bad JSON" in lines[2]["error"] and "line 3" in lines[2]["error"]
    assert lines[3]["line"] == 4 and "'text'" in lines[3]["error"]
    assert lines[4]["published"] == "2022-01-20"
    assert [d["start"] for d in lines[4]["dates"]] == ["2022-01-19T00:00:00"]
    summary = err(result)
    assert "5 records" in summary and "2 errors" in summary and "articles/s" in summary


def test_batch_fields_and_stdin() -> None:
    record = json.dumps({"key": 7, "body": "Tiêu đề của bài báo\nNội dung."})
    result = vnnews(
        "analyze", "--jsonl", "-", "--text-field", "body", "--id-field", "key", stdin=record
    )
    assert result.returncode == 0, err(result)
    [line] = json_lines(result)
    assert (line["id"], line["title"]) == (7, "Tiêu đề của bài báo")


def test_batch_bad_bytes_are_one_error_record(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    good = json.dumps({"id": 1, "text": "Tin\nNội dung."}).encode()
    data = good + b"\n" + b'{"id": 2, "text": "\xff"}\n' + good + b"\n"
    path.write_bytes(data)
    result = vnnews("analyze", "--jsonl", str(path))
    assert result.returncode == 1
    lines = json_lines(result)
    assert [line.get("error") is None for line in lines] == [True, False, True]
    offset = data.index(b"\xff")
    assert f"byte offset {offset}" in lines[1]["error"]


def test_batch_two_workers_same_output_as_one(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    records = [json.dumps({"id": i, "text": article_text()}) for i in range(12)]
    records.insert(5, "[1, 2]")
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    one = vnnews("analyze", "--jsonl", str(path), "--workers", "1")
    two = vnnews("analyze", "--jsonl", str(path), "--workers", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert len(json_lines(two)) == 13


def test_batch_progress_bar(tmp_path: Path) -> None:
    path = corpus_with_broken_record(tmp_path)
    result = vnnews("analyze", "--jsonl", str(path), "--progress")
    assert "\r" in err(result) and err(result).rstrip().endswith("s")
    assert err(vnnews("analyze", "--jsonl", str(path), "--no-progress")) == ""
    assert err(vnnews("analyze", "--jsonl", str(path))) == ""  # not a terminal: silent


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_interrupted_leaves_complete_lines(tmp_path: Path, workers: str) -> None:
    path = tmp_path / "big.jsonl"
    record = json.dumps({"text": article_text()}, ensure_ascii=False)
    path.write_text((record + "\n") * 3000, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "vnnews", "analyze", "--jsonl", str(path), "--workers", workers],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()  # the run is under way
    process.send_signal(signal.SIGINT)
    rest = process.stdout.read()  # through the same buffered reader as readline
    errors = process.stderr.read()
    assert process.wait(timeout=300) == 130
    output = (first + rest).decode("utf-8")
    assert output.endswith("\n")  # no line cut in the middle
    lines = output[:-1].split("\n")
    assert 1 <= len(lines) < 3000
    assert all(json.loads(line)["title"] == TITLE for line in lines)
    assert "interrupted" in errors.decode("utf-8") and b"Traceback" not in errors


# ----------------------------------------------------------------------------- capabilities


def check_matches(lines: list[Any], text: str) -> None:
    assert lines
    for line in lines:
        start, end = line["span"]
        assert text[start:end] == line["text"]


def test_numbers_command() -> None:
    result = vnnews("numbers", "-f", str(ARTICLE_PATH))
    lines = json_lines(result)
    check_matches(lines, article_text())
    found = {line["text"]: line for line in lines}
    assert found["4.028"]["value"] == 4028 and found["4.028"]["kind"] == "cardinal"
    assert found["89,51%"]["kind"] == "percent"


def test_dates_command_with_ref() -> None:
    result = vnnews("dates", "-f", str(ARTICLE_PATH), "--ref", "2022-01-20")
    lines = json_lines(result)
    check_matches(lines, article_text())
    found = {line["text"]: line for line in lines}
    assert found["ngày 18/12/2021"]["start"] == "2021-12-18T00:00:00"
    assert found["Sáng 20/1"]["start"] == "2022-01-20T04:00:00"


def test_people_command() -> None:
    lines = json_lines(vnnews("people", "-f", str(ARTICLE_PATH)))
    check_matches(lines, article_text())
    assert "Thái Thanh Quý" in [line["name"] for line in lines]
    assert all(list(line)[:2] == ["text", "span"] for line in lines)


def test_sentences_command() -> None:
    text = "Sáng 20/1, TP. Hồ Chí Minh có mưa. Nhiệt độ giảm.\nẢnh minh họa"
    lines = json_lines(vnnews("sentences", stdin=text))
    assert [line["text"] for line in lines] == [
        "Sáng 20/1, TP. Hồ Chí Minh có mưa.",
        "Nhiệt độ giảm.",
        "Ảnh minh họa",
    ]
    check_matches(lines, text)


def test_slug_command() -> None:
    text = f"{TITLE}\n\n  Giá vàng tăng 89,51%  \n"
    lines = json_lines(vnnews("slug", "--format", "json", stdin=text))
    assert [line["slug"] for line in lines] == [
        "chu-dong-linh-hoat-sang-tao-quyet-tam-no-luc-thuc-hien-thang-loi-nhiem-vu-nam-2022",
        "gia-vang-tang-89-51",
    ]
    check_matches(lines, text)


@pytest.mark.words
def test_words_command_text_and_json() -> None:
    text = "Bí thư Tỉnh ủy Thái Thanh Quý phát biểu."
    plain = out(vnnews("words", stdin=text)).splitlines()
    assert plain[0] == "Bí thư\t0\t6"
    assert "Thái Thanh Quý\t15\t29" in plain
    lines = json_lines(vnnews("words", "--format", "json", stdin=text))
    check_matches(lines, text)
    assert [line["text"] for line in lines][:3] == ["Bí thư", "Tỉnh ủy", "Thái Thanh Quý"]
    tagged = json_lines(vnnews("words", "--format", "json", "--pos", stdin=text))
    assert all(line["pos"] for line in tagged)


def test_normalize_command_still_works() -> None:
    result = vnnews("normalize", stdin="Khánh Hoà\u00a0 2022")
    assert out(result) == "Khánh Hòa 2022"


# ----------------------------------------------------------------------------- short text (issue 21)


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["slug", "Chủ động, linh hoạt"], None),
        (["slug", "Chủ", "động,", "linh", "hoạt"], None),
        (["slug"], "Chủ động, linh hoạt\n"),
        (["slug", "-f", "-"], "Chủ động, linh hoạt"),
    ],
    ids=["argument", "words", "stdin", "file-dash"],
)
def test_slug_takes_text_as_python_slugify_does(args: list[str], stdin: str | None) -> None:
    result = vnnews(*args, stdin=stdin)
    assert result.returncode == 0, err(result)
    assert out(result) == "chu-dong-linh-hoat\n"


def test_every_short_text_command_reads_arguments_files_and_stdin(tmp_path: Path) -> None:
    text = "Sáng 20/1, Bí thư Tỉnh ủy Thái Thanh Quý cho biết tỉnh đạt 89,51%."
    path = tmp_path / "tin.txt"
    path.write_text(text, encoding="utf-8")
    commands = ["numbers", "dates", "people", "sentences", "slug", "normalize"]
    if importlib.util.find_spec("underthesea") is not None:  # words needs its extra
        commands.append("words")
    for command in commands:
        by_argument = vnnews(command, text)
        assert by_argument.returncode == 0, err(by_argument)
        assert out(by_argument).strip(), command
        assert vnnews(command, "-f", str(path)).stdout == by_argument.stdout, command
        assert vnnews(command, stdin=text).stdout == by_argument.stdout, command


def test_a_file_name_given_as_text_is_pointed_out() -> None:
    result = vnnews("numbers", str(ARTICLE_PATH))
    assert result.returncode == 0
    assert f"use -f {ARTICLE_PATH}" in err(result)


@pytest.mark.parametrize(
    ("args", "blamed"),
    [
        (["analyze", "--example", "--bogus"], "vnnews analyze"),
        (["numbers", "-f", "-", "--bogus"], "vnnews numbers"),
        (["dates", "--frobnicate", "x"], "vnnews dates"),
    ],
)
def test_unknown_arguments_blame_the_subcommand(args: list[str], blamed: str) -> None:
    message = assert_one_line_error(vnnews(*args, stdin=""))
    assert message.startswith(f"{blamed}: error: unrecognized arguments")
    assert f"(see '{blamed} --help')" in message


def test_text_and_file_together_are_refused() -> None:
    message = assert_one_line_error(vnnews("numbers", "-f", str(ARTICLE_PATH), "b.txt"))
    assert "-f FILE, not both" in message and "'b.txt'" in message


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("2024-02-30", "February 2024 has no day 30 (it has 29 days)"),
        ("2023-02-29", "February 2023 has no day 29 (it has 28 days)"),
        ("2022-04-31", "April 2022 has no day 31 (it has 30 days)"),
        ("2022-13-01", "there is no month 13"),
        ("0000-01-01", "there is no year 0"),
        ("20/01/2022", "expected YYYY-MM-DD"),
    ],
)
def test_a_bad_date_says_what_is_wrong(value: str, says: str) -> None:
    for option, command in (("--ref", "dates"), ("--published", "analyze")):
        message = assert_one_line_error(vnnews(command, option, value, "-"))
        assert f"bad date '{value}': {says}" in message, message


def test_one_name_for_the_reference_date_with_ref_as_its_alias() -> None:
    text = "Hôm qua, tỉnh khai mạc hội nghị."
    by_ref = vnnews("dates", "--ref", "2022-01-20", text)
    by_published = vnnews("dates", "--published", "2022-01-20", text)
    assert by_ref.stdout == by_published.stdout
    assert json_lines(by_ref)[0]["start"] == "2022-01-19T00:00:00"
    example = ["analyze", "--example", "--format", "json"]
    assert (
        vnnews(*example, "--ref", "2022-02-01").stdout
        == vnnews(*example, "--published", "2022-02-01").stdout
    )
    for command in ("dates", "analyze"):
        assert "--published YYYY-MM-DD, --ref YYYY-MM-DD" in out(vnnews(command, "--help"))


def test_prefer_places_weekdays_in_dates_and_analyze() -> None:
    text = "Hôm thứ Sáu, hội nghị bế mạc."
    starts = {
        prefer: json_lines(vnnews("dates", "--published", "2022-01-24", *prefer, text))[0]["start"]
        for prefer in ((), ("--prefer", "past"), ("--prefer", "future"), ("--prefer", "nearest"))
    }
    assert list(starts.values()) == [f"2022-01-{day}T00:00:00" for day in (28, 21, 28, 21)]
    article = "Tin ngắn trong ngày\n" + text
    analyzed = [
        json_lines(
            vnnews(
                "analyze", "--format", "json", "--published", "2022-01-24", *prefer, stdin=article
            )
        )[0]["dates"][0]["start"]
        for prefer in ((), ("--prefer", "future"))
    ]
    assert analyzed == ["2022-01-21T00:00:00", "2022-01-28T00:00:00"]  # analyze: nearest
    message = assert_one_line_error(vnnews("dates", "--prefer", "later", text))
    assert "invalid choice: 'later'" in message


def test_text_format_keeps_unit_and_qualifier() -> None:
    result = vnnews(
        "numbers", "--format", "text", "Tỉnh thu khoảng 80-100 triệu đồng, hơn 3 km đường."
    )
    rows = [line.split("\t") for line in out(result).splitlines()]
    assert rows == [
        ["80-100 triệu đồng", "16", "33", "range", "80000000-100000000", "VND", "approx"],
        ["3", "39", "40", "cardinal", "3", "km", "over"],
    ]
    dates = out(vnnews("dates", "--format", "text", "--ref", "2022-01-20", "rằm tháng Giêng"))
    assert dates == "rằm tháng Giêng\t0\t15\t2022-02-15 (day)\t15/1/2022 âm lịch\n"
    people = out(
        vnnews("people", "--format", "text", "Bà Trần Thị Hoa, Phó Chủ tịch UBND huyện, phát biểu.")
    )
    assert people.split("\t")[3:] == ["Trần Thị Hoa", "Bà", "Phó Chủ tịch UBND huyện\n"]


@pytest.mark.parametrize(
    "command", ["analyze", "numbers", "dates", "people", "sentences", "slug", "words", "normalize"]
)
def test_every_help_has_a_description_said_once(command: str) -> None:
    from vnnews.cli import COMMANDS

    [entry] = [c for c in COMMANDS if c.name == command]
    text = " ".join(out(vnnews(command, "--help")).split())
    description = " ".join(entry.description.split())
    assert description in text and text.count(description) == 1
    assert entry.help not in text  # the one-line help is for the list, not repeated here
    assert " ".join(entry.description.split()[:4]) not in " ".join(entry.help.split())


# ----------------------------------------------------------------------------- streaming (issue 19)


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (["numbers", "-f", "-"], "Tỉnh đạt 89,51%.\n"),
        (["slug"], "Chủ động, linh hoạt\n"),
        (["normalize"], "Khánh Hoà\n"),
        (["analyze", "--jsonl", "-"], json.dumps({"text": "Tin vắn hôm nay\nGiá tăng 2%."}) + "\n"),
    ],
    ids=["numbers", "slug", "normalize", "analyze-jsonl"],
)
def test_the_first_result_comes_before_the_input_ends(args: list[str], first: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "vnnews", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(first.encode("utf-8"))
    process.stdin.flush()
    line = process.stdout.readline()  # the input is still open: only a stream can answer
    assert line.strip(), process.stderr.read() if process.stderr else b""
    process.stdin.write(first.encode("utf-8"))
    process.stdin.close()
    rest = process.stdout.read()
    assert process.wait(timeout=60) == 0
    if line.startswith(b"{"):  # the same result again for the same input, further on
        again, first_result = json.loads(rest), json.loads(line)
        for key in ("span", "index", "line"):
            again.pop(key, None), first_result.pop(key, None)
        assert again == first_result
    else:
        assert rest == line


def test_spans_count_from_the_start_of_the_whole_input() -> None:
    text = "Xã có 12 người.\r\nTỉnh có 4.028 đảng viên.\n\nTỷ lệ đạt 89,51%."
    lines = json_lines(vnnews("numbers", stdin=text))
    check_matches(lines, text)
    assert [line["text"] for line in lines] == ["12", "4.028", "89,51%"]


@pytest.mark.corpora
def test_corpus_to_parquet_tables(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the extra vnnews[parquet] is absent")
    path = corpus_with_broken_record(tmp_path)
    folder = tmp_path / "tables"
    result = vnnews(
        "analyze", "--jsonl", str(path), "--format", "parquet", "--out", str(folder),
        "--published-field", "day", "--workers", "2",
    )  # fmt: skip
    assert result.returncode == 1 and result.stdout == b""  # two records failed
    articles = pq.read_table(folder / "articles.parquet").to_pylist()
    assert [row["id"] for row in articles] == ["a", "b", None, "d", "e"]
    assert [row["error"] is None for row in articles] == [True, True, False, False, True]
    assert articles[2]["line"] == 3
    people = pq.read_table(folder / "people.parquet").to_pylist()
    assert "Thái Thanh Quý" in {row["name"] for row in people if row["id"] == "a"}
    files = vnnews(
        "analyze", str(ARTICLE_PATH), "--format", "parquet", "--out", str(tmp_path / "f")
    )
    assert files.returncode == 0, err(files)
    [row] = pq.read_table(tmp_path / "f" / "articles.parquet").to_pylist()
    assert (row["id"], row["title"]) == (str(ARTICLE_PATH), TITLE)


def test_parquet_needs_out() -> None:
    message = assert_one_line_error(vnnews("analyze", "--example", "--format", "parquet"))
    assert "--out DIR" in message
