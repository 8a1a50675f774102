"""The ``vnnews`` command line.

Each subcommand reads UTF-8 text from files or standard input. Errors are one line on
standard error with no traceback; usage errors (bad option, missing or unreadable file, text
that is not UTF-8, a bad date) exit with status 2. ``vnnews analyze --jsonl`` exits with
status 1 when some record could not be analysed, and 130 when interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn

from vnnews.normalization import normalize

if TYPE_CHECKING:
    from types import FrameType

    from vnnews.article import Article

__all__ = ["main"]

_EXAMPLE = "examples/article_2022-01-20.txt"
_EXAMPLE_PUBLISHED = date(2022, 1, 20)


class CliError(Exception):
    """An error to report as one line on standard error, with an exit status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (status 2), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def read_input(source: str) -> str:
    """Read ``source`` (a path, or ``-`` for standard input) as UTF-8 text."""
    label = "<stdin>" if source == "-" else source
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise CliError(f"vnnews: cannot read {label}: {error.strerror or error}") from None
    return _decode(data, label)


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
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    _write_all(descriptor, text.encode("utf-8"))


def _write_all(descriptor: int, data: bytes) -> None:
    # os.write, not the buffered writer: a signal can cut a write to a pipe short, and the
    # buffered writer may then drop the rest of the line; here the loop finishes it.
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _json_line(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False) + "\n"


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"bad date {value!r}: expected YYYY-MM-DD, e.g. 2022-01-20"
        ) from None


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


# --------------------------------------------------------------------------- normalize


def _cmd_normalize(args: argparse.Namespace) -> int:
    _write(normalize(read_input(args.file)))
    return 0


# --------------------------------------------------------------------------- one capability


def _numbers(text: str, args: argparse.Namespace) -> Iterator[dict[str, object]]:
    from vnnews.article import number_to_dict
    from vnnews.numbers import extract_numbers

    return map(number_to_dict, extract_numbers(text))


def _dates(text: str, args: argparse.Namespace) -> Iterator[dict[str, object]]:
    from vnnews.article import date_to_dict
    from vnnews.dates import extract_dates

    return map(date_to_dict, extract_dates(text, ref=args.ref))


def _people(text: str, args: argparse.Namespace) -> Iterator[dict[str, object]]:
    from vnnews.article import mention_to_dict
    from vnnews.people import extract_people

    return map(mention_to_dict, extract_people(text))


def _sentences(text: str, args: argparse.Namespace) -> Iterator[dict[str, object]]:
    from vnnews.sentences import sentence_spans

    return ({"text": text[start:end], "span": [start, end]} for start, end in sentence_spans(text))


def _slugs(text: str, args: argparse.Namespace) -> Iterator[dict[str, object]]:
    from vnnews.slugs import slugify

    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped)
            yield {"text": stripped, "span": [start, start + len(stripped)], "slug": slugify(line)}
        position += len(line)


def _words(text: str, args: argparse.Namespace) -> Iterator[dict[str, object]]:
    from vnnews.article import word_to_dict
    from vnnews.word_segmentation import words

    return map(word_to_dict, words(text, pos=args.pos))


_CAPABILITIES: dict[
    str, tuple[Callable[[str, argparse.Namespace], Iterable[dict[str, object]]], str]
] = {
    "numbers": (_numbers, "figures: kind, value, span (vnnews.extract_numbers)"),
    "dates": (_dates, "dates and times resolved against --ref (vnnews.extract_dates)"),
    "people": (_people, "people and their titles, one mention a line (vnnews.extract_people)"),
    "sentences": (_sentences, "sentences with their spans (vnnews.sentence_spans)"),
    "slug": (_slugs, "the URL slug of each non-blank line (vnnews.slugify)"),
    "words": (_words, "words with their spans (vnnews.words; loads underthesea's model)"),
}


def _cmd_capability(args: argparse.Namespace) -> int:
    extract, _ = _CAPABILITIES[args.command]
    for item in extract(read_input(args.file), args):
        _write(_text_line(item) if args.format == "text" else _json_line(item))
    return 0


def _text_line(item: dict[str, object]) -> str:
    """``text<TAB>start<TAB>end`` and the main attribute (POS tag, slug, kind and value…)."""
    span = item["span"]
    assert isinstance(span, list)  # every match dict has "span": [start, end]
    start, end = span
    extra = [item.get(key) for key in ("pos", "slug", "kind", "value", "grain", "start", "name")]
    tail = "".join(f"\t{value}" for value in extra if value is not None)
    return f"{item['text']}\t{start}\t{end}{tail}\n"


# --------------------------------------------------------------------------- spoken


def _cmd_spoken(args: argparse.Namespace) -> int:
    from vnnews.errors import AmbiguityError
    from vnnews.spoken import SpokenStyle, to_spoken

    style = SpokenStyle.nemo() if args.style == "nemo" else SpokenStyle()
    text = read_input(args.file)
    try:
        result = to_spoken(text, ref=args.ref, style=style, on_ambiguous=args.ambiguous)
    except AmbiguityError as error:
        raise CliError(f"vnnews: {error}", status=1) from None
    _write(result.text if args.format == "text" else _json_line(result.to_dict()))
    return 0


def _add_spoken(commands: argparse._SubParsersAction[_Parser]) -> None:
    cmd = commands.add_parser(
        "spoken",
        help="write the text as it is read aloud (figures, dates, units, abbreviations in words)",
        description="Write the text with every figure, date, unit and abbreviation in words "
        "(vnnews.to_spoken); --format json adds the rewritten pieces with their spans.",
    )
    cmd.add_argument("file", nargs="?", default="-", help="UTF-8 file, or - for stdin")
    cmd.add_argument("--format", choices=("text", "json"), default="text", help="output (text)")
    cmd.add_argument("--style", choices=("news", "nemo"), default="news", help="reading style")
    cmd.add_argument(
        "--ambiguous",
        choices=("flag", "raise", "keep"),
        default="flag",
        help="an ambiguous token: best reading (flag), exit 1 (raise), or as written (keep)",
    )
    cmd.add_argument("--ref", type=_iso_date, metavar="YYYY-MM-DD", help="reference date")
    cmd.set_defaults(handler=_cmd_spoken)


# --------------------------------------------------------------------------- analyze


def _cmd_analyze(args: argparse.Namespace) -> int:
    if args.jsonl is not None:
        if args.files or args.example:
            raise CliError("vnnews analyze: --jsonl reads its own input; drop FILE and --example")
        if args.format == "text":
            raise CliError("vnnews analyze: --jsonl writes JSON Lines; drop --format text")
        return _run_batch(args)
    if args.example and args.files:
        raise CliError("vnnews analyze: give FILE… or --example, not both")
    inputs = _analyze_inputs(args)
    as_text = (args.format or ("text" if sys.stdout.isatty() else "json")) == "text"
    from vnnews.article import analyze

    for number, (label, text) in enumerate(inputs):
        published = args.published or (_EXAMPLE_PUBLISHED if args.example else None)
        article = analyze(text, published=published, words=args.words)
        if as_text:
            heading = f"==> {label} <==\n" if len(inputs) > 1 else ""
            _write(("\n" if number else "") + heading + render_report(article))
        else:
            _write(_json_line({"file": label, **article.to_dict()}))
    return 0


def _analyze_inputs(args: argparse.Namespace) -> list[tuple[str, str]]:
    if args.example:
        from vnnews._data import read_text

        return [("<example>", read_text(_EXAMPLE))]
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


# --------------------------------------------------------------------------- batch


def _run_batch(args: argparse.Namespace) -> int:
    from vnnews.article import ordered_map

    stream = _open_binary(args.jsonl)
    task = partial(
        _batch_record,
        text_field=args.text_field,
        id_field=args.id_field,
        published_field=args.published_field,
        published=args.published,
        words=args.words,
    )
    progress = _Progress(args.progress)
    guard = _InterruptGuard()
    results = ordered_map(task, _numbered_lines(stream), workers=args.workers, chunksize=8)
    try:
        with guard:
            for ok, line in results:
                guard.write(line)
                progress.count(ok)
    except KeyboardInterrupt:
        progress.finish(interrupted=True)
        return 130
    finally:
        results.close()
        stream.close()
    progress.finish(interrupted=False)
    return 1 if progress.errors else 0


def _open_binary(source: str) -> BinaryIO:
    if source == "-":
        return sys.stdin.buffer
    try:
        return Path(source).open("rb")  # closed by the caller
    except OSError as error:
        raise CliError(f"vnnews: cannot read {source}: {error.strerror or error}") from None


def _numbered_lines(stream: BinaryIO) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, line) for each non-blank line, read lazily."""
    offset = 0
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            yield number, offset, raw
        offset += len(raw)


def _batch_record(
    record: tuple[int, int, bytes],
    *,
    text_field: str,
    id_field: str,
    published_field: str | None,
    published: date | None,
    words: bool,
) -> tuple[bool, str]:
    """Analyse one JSON Lines record; return (ok, the output line). Never raises."""
    number, offset, raw = record
    identifier: object = None
    try:
        data = _parse_record(raw, number, offset)
        identifier = data.get(id_field)
        text = data.get(text_field)
        if not isinstance(text, str):
            raise CliError(f"line {number}: no string field {text_field!r}")
        when = _record_date(data, published_field, number) or published
        from vnnews.article import analyze

        article = analyze(text, published=when, words=words)
        return True, _json_line({"id": identifier, **article.to_dict()})
    except Exception as error:  # one bad record becomes an error line, never a stop
        message = " ".join(str(error).removeprefix("vnnews: ").split()) or type(error).__name__
        return False, _json_line({"id": identifier, "line": number, "error": message})


def _parse_record(raw: bytes, number: int, offset: int) -> dict[str, object]:
    import json

    line = _decode(raw, f"line {number}", offset).rstrip("\r\n")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise CliError(f"line {number}: bad JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(data, dict):
        raise CliError(f"line {number}: expected a JSON object, not {type(data).__name__}")
    return data


def _record_date(data: dict[str, object], field: str | None, number: int) -> date | None:
    value = data.get(field) if field else None
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise CliError(f"line {number}: bad date {value!r} in field {field!r}") from None


class _Progress:
    """Counts records; draws a one-line progress bar on stderr when asked or on a terminal."""

    def __init__(self, show: bool | None) -> None:
        self.show = sys.stderr.isatty() if show is None else show
        self.records = 0
        self.errors = 0
        self.started = time.perf_counter()
        self._drawn = 0.0

    def count(self, ok: bool) -> None:
        self.records += 1
        self.errors += not ok
        now = time.perf_counter()
        if self.show and now - self._drawn >= 0.2:
            self._drawn = now
            sys.stderr.write(f"\r{self._status(now)}")
            sys.stderr.flush()

    def _status(self, now: float) -> str:
        rate = self.records / max(now - self.started, 1e-9)
        errors = "error" if self.errors == 1 else "errors"
        return f"{self.records} records, {self.errors} {errors}, {rate:.1f} articles/s"

    def finish(self, *, interrupted: bool) -> None:
        clear = "\r\x1b[K" if self.show else ""
        ending = " (interrupted)" if interrupted else ""
        seconds = time.perf_counter() - self.started
        sys.stderr.write(f"{clear}vnnews: {self._status(time.perf_counter())}{ending}")
        sys.stderr.write(f" in {seconds:.1f} s\n")
        sys.stderr.flush()


class _InterruptGuard:
    """Ctrl-C stops the batch between output lines, never in the middle of one."""

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

    def write(self, line: str) -> None:
        self._writing = True
        try:
            _write(line)
        finally:
            self._writing = False
        if self._pending:
            raise KeyboardInterrupt


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``vnnews`` command."""
    from vnnews import __version__

    parser = _Parser(prog="vnnews", description="Vietnamese news text processing with exact spans.")
    parser.add_argument("--version", action="version", version=f"vnnews {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    normalize_cmd = commands.add_parser(
        "normalize", help="write the text normalised (NFC, tone placement, whitespace)"
    )
    normalize_cmd.add_argument("file", nargs="?", default="-", help="UTF-8 file, or - for stdin")
    normalize_cmd.set_defaults(handler=_cmd_normalize)
    _add_analyze(commands)
    _add_spoken(commands)
    for name, (_, help_text) in _CAPABILITIES.items():
        _add_capability(commands, name, help_text)
    return parser


def _add_analyze(commands: argparse._SubParsersAction[_Parser]) -> None:
    cmd = commands.add_parser(
        "analyze",
        help="analyse whole articles: title, byline, people, figures, dates",
        description="Analyse news articles. With --jsonl, stream a corpus of JSON Lines.",
    )
    cmd.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 files, or - for stdin")
    cmd.add_argument("--example", action="store_true", help="analyse the bundled example article")
    cmd.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date")
    cmd.add_argument(
        "--format",
        choices=("text", "json"),
        help="text: a report for people (default on a terminal); json: one object per input",
    )
    cmd.add_argument("--words", action="store_true", help="add the word list (loads underthesea)")
    batch = cmd.add_argument_group("batch mode")
    batch.add_argument("--jsonl", metavar="FILE", help="JSON Lines corpus (- for stdin)")
    batch.add_argument(
        "--text-field", default="text", metavar="FIELD", help="field holding the text (text)"
    )
    batch.add_argument(
        "--id-field", default="id", metavar="FIELD", help="field copied to the output as id (id)"
    )
    batch.add_argument(
        "--published-field", metavar="FIELD", help="field holding each record's YYYY-MM-DD date"
    )
    batch.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="worker processes (1)"
    )
    batch.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    cmd.set_defaults(handler=_cmd_analyze)


def _add_capability(commands: argparse._SubParsersAction[_Parser], name: str, text: str) -> None:
    cmd = commands.add_parser(name, help=text, description=f"Write {text}, one a line.")
    cmd.add_argument("file", nargs="?", default="-", help="UTF-8 file, or - for stdin")
    if name == "dates":
        cmd.add_argument("--ref", type=_iso_date, metavar="YYYY-MM-DD", help="reference date")
    if name == "words":
        cmd.add_argument("--pos", action="store_true", help="add part-of-speech tags (slower)")
    default = "text" if name == "words" else "json"
    cmd.add_argument(
        "--format", choices=("text", "json"), default=default, help=f"output ({default})"
    )
    cmd.set_defaults(handler=_cmd_capability)


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
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
