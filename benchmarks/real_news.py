"""Accuracy on real news: vnnews beside the library a user would otherwise pick, same gold.

Scores the real-news development set in ``../shared/bench/real_dev`` (Dân Trí, ten sections,
hand-written gold; GPL-3.0 text read from there, never copied) with the shared scorers:

- people: ``vnnews.extract_people`` and ``underthesea.ner`` (sentence by sentence, as its API
  takes text; its PER entities are names without titles, so its pair F1 is 0 by design);
- dates: ``vnnews.extract_dates`` and ``dateparser.search.search_dates`` told the language,
  with the article's date as its relative base (it gives a datetime and no grain or interval,
  so it is scored on spans, and on exact values with the grain of a calendar day);
- sentences: ``vnnews.split_sentences`` and ``underthesea.sent_tokenize``;
- numbers: vnnews (no peer reads Vietnamese figures with spans, kinds and values).

Run ``python -m benchmarks.real_news [SHARED_DIR]``; it prints a Markdown table.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import vnnews

_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _scorer(shared: Path, name: str) -> ModuleType:
    path = shared / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _underthesea_people(text: str) -> list[dict[str, Any]]:
    from underthesea import ner

    names: list[dict[str, Any]] = []
    for sentence in vnnews.split_sentences(text):
        current: list[str] = []
        for token, _, _, tag in ner(sentence):
            if tag.endswith("PER") and (tag.startswith("I-") and current):
                current.append(token)
                continue
            if current:
                names.append({"name": " ".join(current), "roles": []})
                current = []
            if tag == "B-PER":
                current = [token]
        if current:
            names.append({"name": " ".join(current), "roles": []})
    return names


def _dateparser_dates(text: str, *, ref: dt.datetime) -> list[dict[str, Any]]:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["vi"], settings={"RELATIVE_BASE": ref}) or []
    out, start = [], 0
    for written, value in found:
        at = text.find(written, start)
        if at < 0:
            continue
        start = at + len(written)
        day = dt.datetime(value.year, value.month, value.day)
        out.append({"text": written, "span": (at, start), "value": {"start": day, "grain": "day"}})
    return out


def _people_row(
    module: ModuleType, items: list[Any], name: str, predict: Callable[..., Any]
) -> str:
    summary, _ = module.score_people(items, predict)
    return (
        f"| people | {name} | pair F1 {summary['pair_f1']:.3f} | "
        f"name F1 {summary['name_f1']:.3f} (P {summary['name_p']:.3f}, R {summary['name_r']:.3f}) |"
    )


def _dates_row(module: ModuleType, items: list[Any], name: str, extract: Callable[..., Any]) -> str:
    res = module.score_dates(items, extract)
    return (
        f"| dates | {name} | tuple F1 {res['tuple_f1']:.3f} | "
        f"span F1 {res['span_f1']:.3f}, loose F1 {res['loose_f1']:.3f} |"
    )


def main(argv: list[str] | None = None) -> None:
    """Print the accuracy table for the shared folder given (default ``../shared``)."""
    args = sys.argv[1:] if argv is None else argv
    shared = Path(args[0]) if args else _SHARED
    dev = shared / "bench" / "real_dev"
    people = _scorer(shared, "score_people_sentences")
    dates = _scorer(shared, "score_numbers_dates")
    people_items = people.load_jsonl(dev / "people_roles.jsonl")
    date_items = dates.load(str(dev / "dates.jsonl"))
    number_items = dates.load(str(dev / "numbers.jsonl"))
    rows = [
        "| capability | library | headline | detail |",
        "|---|---|---|---|",
        _people_row(people, people_items, "vnnews.extract_people", vnnews.extract_people),
        _people_row(people, people_items, "underthesea.ner (by sentence)", _underthesea_people),
        _dates_row(dates, date_items, "vnnews.extract_dates", vnnews.extract_dates),
        _dates_row(dates, date_items, "dateparser.search_dates (vi)", _dateparser_dates),
    ]
    numbers = dates.score_numbers(number_items, vnnews.extract_numbers)
    rows.append(
        f"| numbers | vnnews.extract_numbers | tuple F1 {numbers['tuple_f1']:.3f} | "
        f"span F1 {numbers['span_f1']:.3f} |"
    )
    from underthesea import sent_tokenize

    paragraphs = people.load_jsonl(dev / "sentences.jsonl")
    for name, split in (
        ("vnnews.split_sentences", vnnews.split_sentences),
        ("underthesea.sent_tokenize", sent_tokenize),
    ):
        summary, _ = people.score_sentences(paragraphs, split)
        rows.append(
            f"| sentences | {name} | boundary F1 {summary['boundary_f1']:.3f} | "
            f"exact paragraphs {summary['exact']}/{summary['items']} |"
        )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
