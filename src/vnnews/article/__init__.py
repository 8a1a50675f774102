"""Whole-article analysis: one scraped news page in, one structured :class:`Article` out.

:func:`analyze` splits the page into lines, removes boilerplate (driven by the pattern table
``data/boilerplate_lines.tsv``), finds the title, the photo captions, the byline and the
dateline, keeps the rest as body paragraphs, then runs the capability extractors once over the
whole text and keeps what falls inside the regions each result belongs to: sentences, figures
and dates from the body paragraphs, people from the title, body and captions (merged into one
entry per person). Every span points into the original input.

The package has one module a job: the result types (``_results``), the page layout and its
boilerplate table (``_layout``), the analysis itself (``_analyze``), the process pool of
:func:`analyze_many` (``_pool``), its warm-up (``_warm``) and the JSON forms of the schema
(``_json``: the result types own their ``to_dict()`` forms; this module reads them back).
The names below are the public ones; import them from ``vnnews.article`` (or the top-level ``vnnews``).

>>> from vnnews import analyze
>>> article = analyze("Tiêu đề bài báo hôm nay\\n\\nSáng 20/1, hội nghị khai mạc.\\n\\nKim Oanh")
>>> article.title, article.author, [p.text for p in article.paragraphs]
('Tiêu đề bài báo hôm nay', 'Kim Oanh', ['Sáng 20/1, hội nghị khai mạc.'])
"""

from vnnews.article._analyze import analyze, analyze_many, merge_people
from vnnews.article._example import example_text
from vnnews.article._pool import ordered_map
from vnnews.article._results import (
    Article,
    ArticleDict,
    ArticleError,
    ArticleErrorDict,
    Boilerplate,
    BoilerplateDict,
    BoilerplateKind,
    Person,
    PersonDict,
    Segment,
    SegmentDict,
)
from vnnews.article._warm import warm_up

__all__ = [
    "Article",
    "ArticleDict",
    "ArticleError",
    "ArticleErrorDict",
    "Boilerplate",
    "BoilerplateDict",
    "BoilerplateKind",
    "Person",
    "PersonDict",
    "Segment",
    "SegmentDict",
    "analyze",
    "analyze_many",
    "example_text",
    "merge_people",
    "ordered_map",
    "warm_up",
]
