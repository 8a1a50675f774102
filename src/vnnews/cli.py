"""The ``vnnews`` command line.

Every command streams: text is read and written a line at a time, JSON Lines a record at a
time, so the first result of a big input comes at once and memory stays flat. The commands that
take short text read it from their arguments (``vnnews slug "Chủ động, linh hoạt"``), from a
file (``-f FILE``) or from standard input. Errors are one line on standard error with no
traceback; usage errors (bad option, missing or unreadable file, text that is not UTF-8, a bad
date) exit with status 2. ``vnnews analyze --jsonl`` exits with status 1 when some record could
not be analysed, and every command with 130 when interrupted.

The commands are the table :data:`COMMANDS`: a command is one :class:`Command` entry (its
name, help, options and what it runs), so adding one is adding one entry.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn

from vnnews.article._example import EXAMPLE_PUBLISHED
from vnnews.errors import ParseError
from vnnews.normalization import normalize

if TYPE_CHECKING:
    from types import FrameType

    from vnnews.article import Article
    from vnnews.dates import Prefer

__all__ = ["COMMANDS", "Command", "build_parser", "main"]


class CliError(Exception):
    """An error to report as one line on standard error, with an exit status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (status 2), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


@dataclass(frozen=True)
class Command:
    """One subcommand: what ``vnnews --help`` lists, what ``vnnews NAME --help`` says, its
    options and what it runs.

    Attributes:
        name: the subcommand.
        help: one line for the list of commands.
        description: the paragraph at the top of its own ``--help``.
        configure: adds its arguments to its parser.
        run: runs it with the parsed arguments; returns the exit status.
        epilog: text after its options (the output columns, say), or None.
    """

    name: str
    help: str
    description: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    epilog: str | None = None


# --------------------------------------------------------------------------- input and output


def read_input(source: str) -> str:
    """Read ``source`` (a path, or ``-`` for standard input) as UTF-8 text."""
    with _open_binary(source) as stream:
        data = stream.read()
    return _decode(data, "<stdin>" if source == "-" else source)


def _open_binary(source: str) -> BinaryIO:
    if source == "-":
        return (
            os.fdopen(os.dup(sys.stdin.fileno()), "rb") if _has_fd(sys.stdin) else sys.stdin.buffer
        )
    try:
        return Path(source).open("rb")  # closed by the caller
    except OSError as error:
        raise CliError(f"vnnews: cannot read {source}: {error.strerror or error}") from None


def _has_fd(stream: object) -> bool:
    try:
        stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False
    return True


def _decode(data: bytes, label: str, offset: int = 0) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CliError(
            f"vnnews: {label} is not UTF-8 text (invalid byte 0x{data[error.start]:02x} "
            f"at byte offset {offset + error.start})"
        ) from None


def _write(text: str) -> None:
    # UTF-8 whatever the locale; a captured stdout (doctest, pytest) has no file descriptor.
    if not _has_fd(sys.stdout):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    _write_all(sys.stdout.fileno(), text.encode("utf-8"))


def _write_all(descriptor: int, data: bytes) -> None:
    # os.write, not the buffered writer: a signal can cut a write to a pipe short, and the
    # buffered writer may then drop the rest of the line; here the loop finishes it.
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _json_line(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False) + "\n"


def _text_lines(args: argparse.Namespace) -> Iterator[str]:
    """The input of a short-text command, a line at a time (line ends kept): the TEXT
    arguments, the file of ``-f``, or standard input."""
    if args.text and args.file is not None:
        raise CliError(
            f"vnnews {args.command}: give the text as arguments or -f FILE, not both "
            f"(arguments: {' '.join(args.text)!r})"
        )
    if args.text:
        text = " ".join(args.text)
        if len(args.text) == 1 and _is_file(text):
            print(
                f"vnnews {args.command}: note: {text!r} is read as text; "
                f"to read the file, use -f {text}",
                file=sys.stderr,
            )
        yield from text.splitlines(keepends=True)
        return
    source = args.file if args.file is not None else "-"
    label = "<stdin>" if source == "-" else source
    with _open_binary(source) as stream:
        offset = 0
        for raw in stream:
            yield _decode(raw, label, offset)
            offset += len(raw)


def _is_file(name: str) -> bool:
    try:
        return Path(name).is_file()
    except (OSError, ValueError):  # too long for a file name, a NUL in it
        return False


# --------------------------------------------------------------------------- options


def parse_date_option(value: str) -> date:
    """A ``YYYY-MM-DD`` option value; the error says what is wrong with it.

    >>> parse_date_option("2024-02-29")
    datetime.date(2024, 2, 29)
    >>> parse_date_option("2024-02-30")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: bad date '2024-02-30': February 2024 has no day 30 (it has 29 days)
    """
    from vnnews._reference import iso_date

    try:
        return iso_date(value)
    except ParseError as error:  # the library's own check: one rule, one message
        raise argparse.ArgumentTypeError(f"bad date {value!r}: {error.hint}") from None


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _add_published(parser: argparse.ArgumentParser, what: str) -> None:
    # One name for the reference date in every command: --published, with --ref its alias.
    parser.add_argument(
        "--published",
        "--ref",
        dest="published",
        type=parse_date_option,
        metavar="YYYY-MM-DD",
        help=f"publication date, {what} (--ref is another name for it)",
    )


def _add_prefer(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument(
        "--prefer",
        choices=("past", "future", "nearest"),
        help="where a bare weekday ('thứ Sáu') or a date with no year ('20/1') is placed "
        f"around --published (default: {default})",
    )


def _add_progress(parser: argparse._ActionsContainer) -> None:
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress on standard error: records, rate, errors (default: on a terminal)",
    )


def _add_text_input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", nargs="*", metavar="TEXT", help="the text (words are joined with spaces)"
    )
    parser.add_argument(
        "-f", "--file", metavar="FILE", help="read the text from FILE (- for standard input)"
    )


# --------------------------------------------------------------------------- short-text commands

Item = dict[str, object]


@dataclass(frozen=True)
class _Lines:
    """A short-text command: reads lines, writes one result a line.

    ``extract`` reads one line (its spans relative to the line); ``columns`` gives the
    ``--format text`` columns after ``text``, ``start`` and ``end`` (or the whole line, for a
    command whose text form is one value, such as ``slug``).
    """

    extract: Callable[[str, argparse.Namespace], Iterable[Item]]
    columns: Callable[[Item], list[object]]
    plain: bool = False  # text format: the columns alone, without text and span


def _run_lines(command: _Lines, args: argparse.Namespace) -> int:
    as_text = args.format == "text"
    progress = _Progress(args.progress, "lines")
    guard = _InterruptGuard()
    position = 0
    try:
        with guard:
            for line in _text_lines(args):
                out = []
                for found in command.extract(line, args):
                    item = _shifted(found, position)
                    out.append(_text_row(command, item) if as_text else _json_line(item))
                if out:
                    guard.write("".join(out))
                position += len(line)
                progress.count(ok=True)
    except KeyboardInterrupt:
        progress.finish(interrupted=True)
        return 130
    progress.finish(interrupted=False)
    return 0


def _shifted(item: Item, offset: int) -> Item:
    span = item["span"]
    assert isinstance(span, list)  # every match dict has "span": [start, end]
    return {**item, "span": [span[0] + offset, span[1] + offset]} if offset else item


def _text_row(command: _Lines, item: Item) -> str:
    cells = command.columns(item)
    if not command.plain:
        span = item["span"]
        assert isinstance(span, list)
        cells = [item["text"], span[0], span[1], *cells]
    return "\t".join("" if cell is None else str(cell) for cell in cells) + "\n"


def _numbers(line: str, args: argparse.Namespace) -> Iterable[Item]:
    from vnnews.numbers import extract_numbers

    return (dict(match.to_dict()) for match in extract_numbers(line))


def _number_columns(item: Item) -> list[object]:
    kind = item["kind"]
    value: object = item["value"]
    if kind == "range":
        value = f"{_plain_number(item['low'])}-{_plain_number(item['high'])}"
    elif kind == "fraction":
        value = f"{_plain_number(item['numerator'])}/{_plain_number(item['denominator'])}"
    else:
        value = _plain_number(value)
    unit = " ".join(str(part) for part in (item.get("currency"), item.get("unit")) if part)
    return [kind, value, unit or None, item.get("qualifier")]


def _plain_number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _dates(line: str, args: argparse.Namespace) -> Iterable[Item]:
    from vnnews.dates import extract_dates

    found = extract_dates(line, published=args.published, prefer=args.prefer)
    return (dict(match.to_dict()) for match in found)


def _date_columns(item: Item) -> list[object]:
    from datetime import datetime

    from vnnews.dates import TimeValue

    start, end, grain = item["start"], item["end"], item["grain"]
    value = TimeValue(
        datetime.fromisoformat(str(start)),
        None if end is None else datetime.fromisoformat(str(end)),
        grain,  # type: ignore[arg-type]
    )
    lunar = item.get("lunar")
    if isinstance(lunar, dict):
        leap = " nhuận" if lunar.get("leap") else ""
        lunar = f"{lunar['day']}/{lunar['month']}{leap}/{lunar['year']} âm lịch"
    return [str(value), lunar]


def _people(line: str, args: argparse.Namespace) -> Iterable[Item]:
    from vnnews.people import extract_people

    return (dict(mention.to_dict()) for mention in extract_people(line))


def _people_columns(item: Item) -> list[object]:
    roles = item["roles"]
    assert isinstance(roles, list)
    return [item["name"], item["honorific"], "; ".join(role["title"] for role in roles) or None]


def _sentences(line: str, args: argparse.Namespace) -> Iterable[Item]:
    from vnnews.sentences import sentence_spans

    return ({"text": line[start:end], "span": [start, end]} for start, end in sentence_spans(line))


def _slugs(line: str, args: argparse.Namespace) -> Iterator[Item]:
    from vnnews.slugs import slugify

    position = 0
    for piece in line.splitlines(keepends=True):  # other line breaks (U+2028…) inside a line
        stripped = piece.strip()
        if stripped:
            start = position + piece.index(stripped)
            yield {"text": stripped, "span": [start, start + len(stripped)], "slug": slugify(piece)}
        position += len(piece)


def _words(line: str, args: argparse.Namespace) -> Iterable[Item]:
    from vnnews.word_segmentation import words

    return (dict(word.to_dict()) for word in words(line, pos=args.pos))


def _run_normalize(args: argparse.Namespace) -> int:
    guard = _InterruptGuard()
    try:
        with guard:
            for line in _text_lines(args):
                guard.write(normalize(line))
    except KeyboardInterrupt:
        return 130
    return 0


def _line_command(
    name: str,
    command: _Lines,
    *,
    help: str,
    description: str,
    columns: str,
    default_format: str = "json",
    options: Callable[[argparse.ArgumentParser], None] | None = None,
) -> Command:
    """The table entry of a short-text command."""

    def configure(parser: argparse.ArgumentParser) -> None:
        _add_text_input(parser)
        if options is not None:
            options(parser)
        parser.add_argument(
            "--format",
            choices=("text", "json"),
            default=default_format,
            help=f"json: one JSON object a line; text: tab-separated columns ({default_format})",
        )
        _add_progress(parser)

    epilog = f"--format text columns: {columns}. Spans are in characters of the whole input."
    return Command(
        name, help, description, configure, lambda args: _run_lines(command, args), epilog
    )


def _dates_options(parser: argparse.ArgumentParser) -> None:
    _add_published(parser, "the reference of relative dates such as 'hôm qua' (default: today)")
    _add_prefer(parser, "the nearest date, the coming weekday")


def _words_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pos", action="store_true", help="add part-of-speech tags (slower)")


def _normalize_configure(parser: argparse.ArgumentParser) -> None:
    _add_text_input(parser)


# --------------------------------------------------------------------------- spoken


def _run_spoken(args: argparse.Namespace) -> int:
    from vnnews.errors import AmbiguityError
    from vnnews.spoken import SpokenStyle, to_spoken

    style = SpokenStyle.nemo() if args.style == "nemo" else SpokenStyle()
    # The whole text at once: the spoken form reads a page (its boilerplate lines, its
    # headings) as a whole.
    text = "".join(_text_lines(args))
    try:
        result = to_spoken(text, ref=args.published, style=style, on_ambiguous=args.ambiguous)
    except AmbiguityError as error:
        raise CliError(f"vnnews spoken: {error}", status=1) from None
    _write(result.text if args.format == "text" else _json_line(result.to_dict()))
    return 0


def _configure_spoken(parser: argparse.ArgumentParser) -> None:
    _add_text_input(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output (text)")
    parser.add_argument(
        "--style", choices=("news", "nemo"), default="news", help="reading style (news)"
    )
    parser.add_argument(
        "--ambiguous",
        choices=("flag", "raise", "keep"),
        default="flag",
        help="an ambiguous token: best reading (flag), exit 1 (raise), or as written (keep)",
    )
    _add_published(parser, "to resolve relative dates")


# --------------------------------------------------------------------------- analyze


def _configure_analyze(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 files, or - for stdin")
    cmd.add_argument("--example", action="store_true", help="analyse the bundled example article")
    _add_published(cmd, "the reference of relative dates (default: from the dateline)")
    _add_prefer(cmd, "nearest")
    cmd.add_argument(
        "--format",
        choices=("text", "json", "parquet"),
        help="text: a report for people (default on a terminal); json: one object per input; "
        "parquet: the tables of the results in --out DIR (needs vnnews[parquet])",
    )
    cmd.add_argument("--out", metavar="DIR", help="folder of the Parquet tables")
    cmd.add_argument("--words", action="store_true", help="add the word list (loads underthesea)")
    batch = cmd.add_argument_group("corpus mode")
    batch.add_argument("--jsonl", metavar="FILE", help="JSON Lines corpus (- for stdin)")
    batch.add_argument(
        "--text-field", default="text", metavar="FIELD", help="field holding the text (text)"
    )
    batch.add_argument(
        "--id-field", default="id", metavar="FIELD", help="field copied to the output as id (id)"
    )
    batch.add_argument(
        "--published-field",
        metavar="FIELD",
        help="field holding each record's date (YYYY-MM-DD or ISO timestamp)",
    )
    batch.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="worker processes (1)"
    )
    _add_progress(batch)


def _run_analyze(args: argparse.Namespace) -> int:
    if (args.format == "parquet") != (args.out is not None):
        raise CliError("vnnews analyze: --format parquet and --out DIR go together")
    if args.jsonl is not None:
        if args.files or args.example:
            raise CliError("vnnews analyze: --jsonl reads its own input; drop FILE and --example")
        if args.format == "text":
            raise CliError("vnnews analyze: --jsonl writes JSON Lines; drop --format text")
        return _run_corpus(args)
    if args.example and args.files:
        raise CliError("vnnews analyze: give FILE… or --example, not both")
    inputs = _analyze_inputs(args)
    published = args.published or (EXAMPLE_PUBLISHED if args.example else None)
    prefer: Prefer = args.prefer or "nearest"
    if args.format == "parquet":
        from vnnews.corpus._parquet import write_parquet
        from vnnews.corpus._records import analyze_records

        records = ({"id": label, "text": text} for label, text in inputs)
        outputs = list(
            analyze_records(records, published=published, prefer=prefer, words=args.words)
        )
        write_parquet(outputs, args.out)
        return 1 if any("error" in output for output in outputs) else 0
    as_text = (args.format or ("text" if sys.stdout.isatty() else "json")) == "text"
    from vnnews.article import analyze

    for number, (label, text) in enumerate(inputs):
        article = analyze(text, published=published, prefer=prefer, words=args.words)
        if as_text:
            heading = f"==> {label} <==\n" if len(inputs) > 1 else ""
            _write(("\n" if number else "") + heading + render_report(article))
        else:
            _write(_json_line({"file": label, **article.to_dict()}))
    return 0


def _analyze_inputs(args: argparse.Namespace) -> list[tuple[str, str]]:
    if args.example:
        from vnnews.article import example_text

        return [("<example>", example_text())]
    return [(source, read_input(source)) for source in args.files or ["-"]]


def render_report(article: Article) -> str:
    """A readable report of an article: title, people and roles, figures, dates, captions."""
    lines = [article.title or "(no title)", ""]
    facts = [
        ("slug", article.slug),
        ("author", article.author),
        ("published", article.published.isoformat() if article.published else None),
        (
            "body",
            f"{len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences, "
            f"{len(article.captions)} captions, {len(article.boilerplate)} boilerplate lines",
        ),
    ]
    lines += [f"  {name:<10} {value if value is not None else '-'}" for name, value in facts]
    lines += _people_table(article)
    lines += _section("Figures", [_figure_row(n) for n in article.numbers])
    lines += _section("Dates", [(normalize(d.text), str(d.value)) for d in article.dates])
    lines += _section("Captions", [(normalize(c.text), "") for c in article.captions])
    return "\n".join(lines) + "\n"


def _people_table(article: Article) -> list[str]:
    rows: list[tuple[str, str]] = []
    for person in article.people:
        titles = [role.title for role in person.roles] or ["-"]
        rows.append((person.name, titles[0]))
        rows += [("", title) for title in titles[1:]]
    return _section("People", rows, header=("Name", "Roles"), count=len(article.people))


def _figure_row(number: object) -> tuple[str, str]:
    kind = getattr(number, "kind", "")
    value = getattr(number, "value", "")
    unit = getattr(number, "unit", None)
    text = normalize(getattr(number, "text", ""))
    return text, f"{kind:<9} {value}" + (f" {unit}" if unit else "")


def _section(
    name: str,
    rows: Sequence[tuple[str, str]],
    *,
    header: tuple[str, str] | None = None,
    count: int | None = None,
) -> list[str]:
    lines = ["", f"{name} ({len(rows) if count is None else count})"]
    if not rows:
        return [*lines, "  -"]
    table = [header, *rows] if header else list(rows)
    width = min(max(len(left) for left, _ in table), 40)
    if header:
        lines.append(f"  {header[0]:<{width}}  {header[1]}")
        lines.append(f"  {'-' * width}  {'-' * max(len(right) for _, right in table)}")
    lines += [f"  {left:<{width}}  {right}".rstrip() for left, right in rows]
    return lines


# --------------------------------------------------------------------------- corpus mode


def _run_corpus(args: argparse.Namespace) -> int:
    from vnnews.corpus._records import Form, RawLine, RecordOptions, record_stream

    options = RecordOptions(
        text=args.text_field,
        id=args.id_field,
        published_field=args.published_field,
        published=args.published,
        words=args.words,
        prefer=args.prefer or "nearest",
    )
    stream = _open_binary(args.jsonl)
    lines = (RawLine(*line) for line in _numbered_lines(stream))
    form: Form = "rows" if args.format == "parquet" else "json"
    results = record_stream(lines, options, form, workers=args.workers, chunksize=8)
    progress = _Progress(args.progress, "records", "articles")
    guard = _InterruptGuard()
    try:
        with guard:
            if form == "rows":
                _write_tables(results, args.out, progress)
            else:
                for result in results:
                    assert isinstance(result, tuple)
                    ok, line = result
                    guard.write(line)
                    progress.count(ok=ok)
    except KeyboardInterrupt:
        progress.finish(interrupted=True)
        return 130
    finally:
        results.close()  # type: ignore[attr-defined]
        stream.close()
    progress.finish(interrupted=False)
    return 1 if progress.errors else 0


def _write_tables(results: Iterable[object], folder: str, progress: _Progress) -> None:
    from vnnews.corpus._parquet import ParquetTables

    with ParquetTables(folder) as tables:
        for rows in results:
            assert isinstance(rows, dict)
            tables.add(rows)
            progress.count(ok=rows["articles"][0][3] is None)  # the error column


def _numbered_lines(stream: BinaryIO) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, line) for each non-blank line, read lazily."""
    offset = 0
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            yield number, offset, raw
        offset += len(raw)


class _Progress:
    """Counts records; draws a one-line progress bar on stderr when asked or on a terminal,
    and says nothing otherwise."""

    def __init__(self, show: bool | None, unit: str, rate_unit: str | None = None) -> None:
        self.show = sys.stderr.isatty() if show is None else show
        self.unit = unit
        self.rate_unit = rate_unit or unit
        self.records = 0
        self.errors = 0
        self.started = time.perf_counter()
        self._drawn = 0.0

    def count(self, *, ok: bool) -> None:
        self.records += 1
        self.errors += not ok
        if self.show:
            now = time.perf_counter()
            if now - self._drawn >= 0.2:
                self._drawn = now
                sys.stderr.write(f"\r{self._status(now)}")
                sys.stderr.flush()

    def _status(self, now: float) -> str:
        rate = self.records / max(now - self.started, 1e-9)
        errors = "error" if self.errors == 1 else "errors"
        return f"{self.records} {self.unit}, {self.errors} {errors}, {rate:.1f} {self.rate_unit}/s"

    def finish(self, *, interrupted: bool) -> None:
        """The summary line, when shown; an interruption is always reported."""
        if not (self.show or interrupted):
            return
        ending = " (interrupted)" if interrupted else ""
        seconds = time.perf_counter() - self.started
        clear = "\r\x1b[K" if self.show else ""
        sys.stderr.write(f"{clear}vnnews: {self._status(time.perf_counter())}{ending}")
        sys.stderr.write(f" in {seconds:.1f} s\n")
        sys.stderr.flush()


class _InterruptGuard:
    """Ctrl-C stops a command between output lines, never in the middle of one."""

    def __init__(self) -> None:
        self._writing = False
        self._pending = False
        self._previous: object = None

    def __enter__(self) -> _InterruptGuard:
        import signal

        try:
            self._previous = signal.signal(signal.SIGINT, self._on_interrupt)
        except ValueError:  # not the main thread: leave the default behaviour
            self._previous = None
        return self

    def __exit__(self, *exc: object) -> None:
        import signal

        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]

    def _on_interrupt(self, signum: int, frame: FrameType | None) -> None:
        if self._writing:
            self._pending = True
        else:
            raise KeyboardInterrupt

    def write(self, text: str) -> None:
        self._writing = True
        try:
            _write(text)
        finally:
            self._writing = False
        if self._pending:
            raise KeyboardInterrupt


# --------------------------------------------------------------------------- the commands

COMMANDS: list[Command] = [
    Command(
        "analyze",
        help="analyse whole articles: title, byline, people, figures, dates",
        description="Analyse news articles: each FILE is one article (or the bundled example). "
        "With --jsonl, analyse a corpus of JSON Lines, one article a record, in order, on "
        "--workers processes; --format parquet writes the results as tables.",
        configure=_configure_analyze,
        run=_run_analyze,
    ),
    _line_command(
        "numbers",
        _Lines(_numbers, _number_columns),
        help="figures with their kind, value, unit and span",
        description="Find the figures of the text (vnnews.extract_numbers): cardinals, "
        "decimals, percentages, fractions, ranges, ordinals, money, with their values.",
        columns="text, start, end, kind, value (low-high for a range, n/d for a fraction), "
        "unit (with the currency of money), qualifier",
    ),
    _line_command(
        "dates",
        _Lines(_dates, _date_columns),
        help="dates and times, resolved against the publication date",
        description="Find the dates and times of the text (vnnews.extract_dates) and resolve "
        "relative ones ('hôm qua', 'Sáng 20/1') against --published.",
        columns="text, start, end, value, lunar date",
        options=_dates_options,
    ),
    _line_command(
        "people",
        _Lines(_people, _people_columns),
        help="people named in the text, with their titles",
        description="Find each mention of a person (vnnews.extract_people): the name, the "
        "honorific, and every title the text gives them there.",
        columns="text, start, end, name, honorific, titles (separated by '; ')",
    ),
    _line_command(
        "sentences",
        _Lines(_sentences, lambda item: []),
        help="sentences with their spans",
        description="Split the text into sentences (vnnews.sentence_spans); a line break "
        "always ends one.",
        columns="text, start, end",
    ),
    _line_command(
        "slug",
        _Lines(_slugs, lambda item: [item["slug"]], plain=True),
        help="the URL slug of each line",
        description="Write the URL slug (vnnews.slugify) of the text, or of each non-blank "
        'line of a file: vnnews slug "Chủ động, linh hoạt" writes chu-dong-linh-hoat.',
        columns="the slug alone; --format json adds the line and its span",
        default_format="text",
    ),
    _line_command(
        "words",
        _Lines(_words, lambda item: [item["pos"]] if item["pos"] else []),
        help="words with their spans (loads underthesea's model)",
        description="Segment the text into words (vnnews.words), multi-syllable words kept "
        "whole, with part-of-speech tags on request.",
        columns="text, start, end, and the tag with --pos",
        default_format="text",
        options=_words_options,
    ),
    Command(
        "spoken",
        help="the text as it is read aloud: figures, dates, units, abbreviations in words",
        description="Write the text with every figure, date, unit and abbreviation in words "
        "(vnnews.to_spoken); --format json adds the rewritten pieces with their spans.",
        configure=_configure_spoken,
        run=_run_spoken,
    ),
    Command(
        "normalize",
        help="the text normalised: NFC, tone placement, whitespace",
        description="Write the text normalised (vnnews.normalize): Unicode NFC, the usual tone "
        "placement (hoà → hòa, thuỷ → thủy), one space for any run of spaces, NBSP or "
        "zero-width characters, line breaks kept as \\n.",
        configure=_normalize_configure,
        run=_run_normalize,
    ),
]
"""Every subcommand, in the order ``vnnews --help`` lists them."""


# --------------------------------------------------------------------------- parser


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The argument parser of the ``vnnews`` command and the parser of each subcommand."""
    from vnnews import __version__

    parser = _Parser(prog="vnnews", description="Vietnamese news text processing with exact spans.")
    parser.add_argument("--version", action="version", version=f"vnnews {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    parsers: dict[str, argparse.ArgumentParser] = {}
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=command.help,
            description=command.description,
            epilog=command.epilog,
        )
        command.configure(sub)
        sub.set_defaults(handler=command.run)
        parsers[command.name] = sub
    return parser, parsers


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser, parsers = build_parser()
    args, extra = parser.parse_known_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        if extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        parser.print_help(sys.stderr)
        return 2
    if extra:  # blame the subcommand, whose --help lists what it takes
        parsers[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return handler(args)
    except CliError as error:
        print(error, file=sys.stderr)
        return error.status
    except BrokenPipeError:
        _silence_stdout()  # the reader went away: no error at interpreter exit either
        return 0
    except ImportError as error:
        print(f"vnnews: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("vnnews: interrupted", file=sys.stderr)
        return 130
