"""extract_people against underthesea.ner on the fixture article, sentence by sentence.

``underthesea.ner`` takes a sentence: handed a whole article it is about nine times slower than
on the article's sentences one by one, which is how its users call it. So the article is split
once, before any timing, with ``vnnews.split_sentences`` (one sentence a line or less, as
``underthesea.sent_tokenize`` line by line also gives on this article), and underthesea gets
one call per sentence. The rows:

1. both sides get the same sentences, one call each (the same input and the same calls);
2. the same with ``extract_people(use_words=True)`` (vnnews adds underthesea's segmentation);
3. vnnews gets the whole article in one call, as its API allows (it reads line by line
   itself), against underthesea on the sentences.

The splitting is not timed on either side. Each call of a side gets a different copy of its
input (trailing spaces or line breaks added), so no cache keyed by the text serves a repeat.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import cycle
from pathlib import Path

from benchmarks.timing import Comparison, compare
from vnnews import extract_people, split_sentences

ARTICLE = Path(__file__).parent.parent / "tests" / "fixtures" / "article_2022-01-20.txt"
_COPIES = 12


def sentence_copies(text: str) -> list[list[str]]:
    """``_COPIES`` copies of the sentences of ``text``, each copy's sentences ending in its
    own number of spaces."""
    sentences = split_sentences(text)
    return [[sentence + " " * copy for sentence in sentences] for copy in range(1, _COPIES + 1)]


def each_sentence(function: Callable[[str], object], copies: list[list[str]]) -> Callable[[], None]:
    """A call of ``function`` on every sentence of the next copy."""
    pending = cycle(copies)

    def run() -> None:
        for sentence in next(pending):
            function(sentence)

    return run


def main() -> list[Comparison]:
    """Run the benchmark and return its rows."""
    from underthesea import ner

    text = ARTICLE.read_text(encoding="utf-8")
    copies = sentence_copies(text)
    count = len(copies[0])
    theirs = f"underthesea.ner, {count} sentences"
    articles = cycle([text + "\n" * copy for copy in range(1, _COPIES + 1)])
    return [
        compare(
            f"extract_people, fixture article as {count} sentences",
            each_sentence(extract_people, copies),
            theirs,
            each_sentence(ner, copies),
            repeat=3,
            unit="article",
        ),
        compare(
            f"extract_people(use_words=True), {count} sentences",
            each_sentence(lambda sentence: extract_people(sentence, use_words=True), copies),
            theirs,
            each_sentence(ner, copies),
            repeat=3,
            unit="article",
        ),
        compare(
            "extract_people, fixture article in one call",
            lambda: extract_people(next(articles)),
            theirs,
            each_sentence(ner, copies),
            repeat=3,
            unit="article",
        ),
    ]


if __name__ == "__main__":
    for row in main():
        print(row.line())
