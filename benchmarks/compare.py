"""Accuracy of vnnews and of the tools a user would otherwise pick, on the shared benchmarks.

``python -m benchmarks.compare [SHARED_DIR]`` scores, on the same items in the same run:

* Duckling's Vietnamese numerals: ``vnnews.parse_number`` vs ``vietnam_number.w2n``;
* Duckling's Vietnamese times: ``vnnews.parse_date`` vs ``dateparser.parse`` (same reference
  time); dateparser has no grain or interval, so it is scored on the start alone, which favours it;
* UD Vietnamese-VTB sentence segmentation (whole file, CoNLL 2018 "Sentences" F1):
  ``vnnews.split_sentences`` vs ``underthesea.sent_tokenize`` vs ``pysbd`` (English rules, as it
  has no Vietnamese).

It writes the table to ``docs/_generated/comparison.md`` (included by ``docs/comparison.md``) with
the date and every version, so the figures in the docs are never typed by hand.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from collections.abc import Callable
from datetime import date, datetime
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "_generated" / "comparison.md"
DUCKLING_REF = datetime(2017, 2, 2, 3, 55)


def load_items(path: Path) -> list[dict[str, object]]:
    """The items of one Duckling conformance file."""
    items: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return items


def share(passed: int, total: int) -> str:
    """A percentage with its counts, e.g. ``96.2% (50/52)``."""
    return f"{100 * passed / total:.1f}% ({passed}/{total})" if total else "n/a"


def numeral_accuracy(items: list[dict[str, object]], parse: Callable[[str], object]) -> str:
    """How many numerals ``parse`` reads to Duckling's value."""
    passed = 0
    for item in items:
        expected = item["expected"]
        assert isinstance(expected, dict)
        try:
            value = parse(str(item["text"]))
        except Exception:
            continue
        if isinstance(value, int | float) and math.isclose(
            value, expected["value"], rel_tol=1e-9, abs_tol=1e-9
        ):
            passed += 1
    return share(passed, len(items))


def time_accuracy(
    items: list[dict[str, object]], start_of: Callable[[str], datetime | None]
) -> str:
    """How many times ``start_of`` resolves to Duckling's start (negatives: to nothing)."""
    passed = 0
    for item in items:
        expected = item["expected"]
        try:
            start = start_of(str(item["text"]))
        except Exception:
            start = None
        if expected is None:
            passed += start is None
        elif start is not None and isinstance(expected, dict):
            passed += start.replace(tzinfo=None) == datetime.fromisoformat(expected["start"])
    return share(passed, len(items))


def vnnews_start(text: str) -> datetime | None:
    """The start vnnews gives, or None for a text it does not read as a time."""
    import vnnews

    try:
        return vnnews.parse_date(text, ref=DUCKLING_REF).start
    except vnnews.ParseError:
        return None


def dateparser_start(text: str) -> datetime | None:
    """The datetime dateparser gives for Vietnamese text with the same reference time."""
    import dateparser

    settings = {"RELATIVE_BASE": DUCKLING_REF, "PREFER_DATES_FROM": "future"}
    return dateparser.parse(text, languages=["vi"], settings=settings)  # type: ignore[arg-type]


def load_sentence_scorer(shared: Path) -> ModuleType:
    """The shared sentence scorer, imported from its file (it is not a package)."""
    path = shared / "tools" / "score_sentences.py"
    spec = importlib.util.spec_from_file_location("score_sentences", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sentence_f1(scorer: ModuleType, path: Path, split: Callable[[str], list[str]]) -> str:
    """CoNLL 2018 "Sentences" F1 of ``split`` on one file joined into one text."""
    gold = [sentence for doc in scorer.load_jsonl(str(path)) for sentence in doc["sentences"]]
    whole = [{"id": "whole-file", "text": " ".join(gold), "sentences": gold}]
    metrics = scorer.score_docs(whole, split)
    return f"{100 * metrics['sentence_f1']:.2f}"


def pysbd_split() -> Callable[[str], list[str]]:
    """pySBD's segmenter (English rules: it has none for Vietnamese)."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [str(sentence) for sentence in segmenter.segment(text)]


def underthesea_split(text: str) -> list[str]:
    """underthesea's sentence tokenizer."""
    from underthesea import sent_tokenize

    return list(sent_tokenize(text))


def rows(shared: Path) -> list[tuple[str, str, str, str]]:
    """(benchmark, vnnews, other tool, its figure) rows."""
    import vietnam_number

    import vnnews

    duck = shared / "conformance" / "duckling_vi"
    numerals = load_items(duck / "numeral.json")
    times = load_items(duck / "time.json")
    table = [
        (
            "Duckling numerals (value)",
            numeral_accuracy(numerals, vnnews.parse_number),
            "vietnam-number `w2n`",
            numeral_accuracy(numerals, vietnam_number.w2n),
        ),
        (
            "Duckling times (start only)",
            time_accuracy(times, vnnews_start),
            "dateparser `parse`",
            time_accuracy(times, dateparser_start),
        ),
    ]
    scorer = load_sentence_scorer(shared)
    for name in ("test", "test_ud22"):
        path = shared / "bench" / "ud_vtb" / f"{name}.jsonl"
        ours = sentence_f1(scorer, path, vnnews.split_sentences)
        table.append((f"UD VTB `{name}` sentence F1", ours, "underthesea `sent_tokenize`",
                      sentence_f1(scorer, path, underthesea_split)))  # fmt: skip
        table.append((f"UD VTB `{name}` sentence F1", ours, "pySBD (English rules)",
                      sentence_f1(scorer, path, pysbd_split())))  # fmt: skip
    return table


def render(table: list[tuple[str, str, str, str]]) -> str:
    """The Markdown table with the date and versions it was measured with."""
    packages = ["vnnews", "underthesea", "dateparser", "vietnam-number", "pysbd"]
    versions = ", ".join(f"{name} {version(name)}" for name in packages)
    lines = [
        f"Measured on {date.today().isoformat()} with Python "
        f"{sys.version_info.major}.{sys.version_info.minor}, {versions}, by "
        "`python -m benchmarks.compare`.",
        "",
        "| benchmark | vnnews | other tool | its figure |",
        "|---|---|---|---|",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in table]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Measure, print and write the comparison table."""
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    if not (shared / "tools").is_dir():
        print(f"{shared} has no tools/: nothing to compare", file=sys.stderr)
        return 1
    text = render(rows(shared))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
