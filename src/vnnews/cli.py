"""The ``vnnews`` command line.

Each subcommand reads UTF-8 text from files or standard input. Errors are one line on
standard error with no traceback; usage errors exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from vnnews.normalize import normalize

__all__ = ["main"]


class CliError(Exception):
    """An error to report as one line on standard error, with an exit status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def read_input(source: str) -> str:
    """Read ``source`` (a path, or ``-`` for standard input) as UTF-8 text."""
    label = "<stdin>" if source == "-" else source
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise CliError(f"vnnews: cannot read {label}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CliError(
            f"vnnews: {label} is not UTF-8 text (invalid byte 0x{data[error.start]:02x} "
            f"at byte offset {error.start})"
        ) from None


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _cmd_normalize(args: argparse.Namespace) -> int:
    _write(normalize(read_input(args.file)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``vnnews`` command."""
    from vnnews import __version__

    parser = argparse.ArgumentParser(
        prog="vnnews", description="Vietnamese news text processing with exact spans."
    )
    parser.add_argument("--version", action="version", version=f"vnnews {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    normalize_cmd = commands.add_parser(
        "normalize", help="write the text normalised (NFC, tone placement, whitespace)"
    )
    normalize_cmd.add_argument("file", nargs="?", default="-", help="UTF-8 file, or - for stdin")
    normalize_cmd.set_defaults(handler=_cmd_normalize)
    return parser


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
        return 0
