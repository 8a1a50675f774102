"""Warm-up: compile the patterns and read the tables :func:`vnnews.analyze` uses, once a process.

The first ``analyze`` in a process compiles a few hundred patterns (numbers, dates, people,
boilerplate); that is about 0.4 s, and a corpus job pays it in every worker process it starts.
:func:`warm_up` pays it up front, where the pool wants it: in the process that forks the workers
(so they start warm) or as a pool initializer. Later calls return at once.
"""

from __future__ import annotations

import threading
from datetime import date

__all__ = ["warm_up"]

# One short page that reaches every reader: boilerplate and a photo caption, a byline, a
# dateline, figures of every kind, dates (a lunar one too), people with titles.
_SAMPLE = "\n".join(
    [
        "Thời sự",
        "Hội nghị tổng kết công tác năm 2021 của tỉnh",
        "Thứ Năm, 20/01/2022 10:30 (GMT+7)",
        "Sáng 20/1, Bí thư Tỉnh ủy Nguyễn Văn An chủ trì hội nghị; ông An cho biết tỉnh kết nạp"
        " 4.028 đảng viên, đạt 89,51%, hoàn thành 22/28 chỉ tiêu, thu khoảng 80-100 triệu đồng.",
        "Từ ngày 15/1 đến hết tháng 2, rằm tháng Giêng và Tết Nguyên đán, thứ hai, lần thứ XX,"
        " hai mươi mốt nghìn người, 1,5 tỷ USD, hơn 3 km; hôm qua, tuần sau, quý I/2022.",
        "Anh-tin-bai",
        "Quang cảnh hội nghị",
        "Chia sẻ Facebook Zalo",
        "Kim Oanh",
    ]
)
_lock = threading.Lock()
_warm = False


def warm_up() -> None:
    """Compile every pattern and load every table :func:`vnnews.analyze` needs, once a process.

    Call it where a process pool starts its workers (vnnews's own pools do): a worker that
    starts warm answers its first record in milliseconds instead of about 0.4 s. Word
    segmentation (underthesea's model) is not loaded: ``analyze(words=True)`` loads it on
    first use. Thread-safe; later calls return at once.

    >>> warm_up()
    """
    global _warm  # noqa: PLW0603 - one flag a process, set once under the lock
    if _warm:
        return
    with _lock:
        if _warm:
            return
        from vnnews.article._analyze import analyze
        from vnnews.dates import extract_dates
        from vnnews.numbers import extract_numbers
        from vnnews.people import extract_people
        from vnnews.sentences import sentence_spans

        published = date(2022, 1, 20)
        analyze(_SAMPLE, published=published)
        extract_numbers(_SAMPLE)
        extract_dates(_SAMPLE, ref=published)
        extract_people(_SAMPLE)
        sentence_spans(_SAMPLE)
        _warm = True
