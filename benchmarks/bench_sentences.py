"""Sentence splitting: ``vnnews.split_sentences`` against ``underthesea.sent_tokenize`` (and pySBD).

Same text, same run, each library called once per text:

* the fixture article (packaged example, 8 KB of real news with headings and boilerplate lines),
  split article by article, 200 times;
* the UD Vietnamese-VTB dev set as one text (131 KB, tokenised) when ``../shared`` is present;
* 1 MB without punctuation (the worst case of a character-by-character splitter).

pySBD (English rules, the closest it has) is timed on the article only: it needs 14 s for the
dev text.

Issue 5 asks for at least the speed of ``underthesea.sent_tokenize``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from benchmarks.timing import Comparison, compare
from vnnews import split_sentences
from vnnews._data import read_text

ARTICLE_REPEATS = 200
UD_DEV = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ud_vtb" / "dev.jsonl"


def ud_dev_text() -> str | None:
    """The UD VTB dev sentences joined into one text, or None when the file is absent."""
    if not UD_DEV.is_file():
        return None
    sentences = []
    for line in UD_DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sentences.extend(json.loads(line)["sentences"])
    return " ".join(sentences)


def _each(split: Callable[[str], object], texts: list[str]) -> Callable[[], None]:
    def run() -> None:
        for text in texts:
            split(text)

    return run


def main() -> list[Comparison]:
    """Run the benchmark and return its rows."""
    import pysbd
    from underthesea import sent_tokenize

    pysbd_split = pysbd.Segmenter(language="en", clean=False).segment
    inputs = [
        (
            f"fixture article x{ARTICLE_REPEATS}",
            [read_text("examples/article_2022-01-20.txt")] * ARTICLE_REPEATS,
            3,
        ),
        ("1 MB without punctuation", ["không có dấu câu nào " * 50_000], 3),
    ]
    dev = ud_dev_text()
    if dev is not None:
        inputs.insert(1, ("UD VTB dev as one text (131 KB)", [dev], 5))
    rows = []
    for label, texts, repeat in inputs:
        ours = _each(split_sentences, texts)
        rows.append(
            compare(
                f"sentences: {label}",
                ours,
                "underthesea.sent_tokenize",
                _each(sent_tokenize, texts),
                repeat=repeat,
            )
        )
        if label.startswith("fixture"):  # pySBD takes 14 s on the dev text, minutes on 1 MB
            rows.append(
                compare(
                    f"sentences: {label}", ours, "pysbd (en)", _each(pysbd_split, texts), repeat=1
                )
            )
    return rows
