"""Text that is not read at all: the boilerplate lines of a scraped page, URLs and e-mails.

Boilerplate lines are those :func:`vnnews.analyze` removes by its pattern table (photo
placeholders, share and comment widgets, related-links headings, view counters, tags,
breadcrumbs), and only in a text of several lines (a page): a one-line text is a sentence to
read. Datelines and the short lines before a title stay: they are read.
"""

from __future__ import annotations

import regex

from vnnews.spoken._context import Context, Reading

__all__ = ["boilerplate_lines", "read_url"]

_SKIPPED_KINDS = frozenset(
    {"photo", "image", "comment", "share", "related", "views", "tags", "nav"}
)
_LONGEST = 160  # vnnews.analyze tests no longer line against its table
_URL = regex.compile(
    r"(?:https?://|www\.)[^\s<>\"“”]{1,2000}?(?=[.,;:!?)\]]*(?:\s|$))"
    r"|[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,6}",
    regex.IGNORECASE,
)


_URL_OPENINGS = ("http://", "https://", "www.")


def boilerplate_lines(text: str) -> list[Reading]:
    """The boilerplate lines of ``text`` (the normalised text), each as a reading of nothing.

    Only the short lines are handed to :func:`vnnews.analyze` (one call, joined by line
    breaks): its table never matches a longer line, and the body need not be analysed.
    """
    lines = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip(" ")
        if stripped:
            start = position + line.index(stripped[0])
            lines.append((start, start + len(stripped)))
        position += len(line) + 1
    if len(lines) < 2:
        return []
    short = [(start, end) for start, end in lines if end - start <= _LONGEST]
    if not short:
        return []
    from vnnews.article import analyze

    joined = "\n".join(text[start:end] for start, end in short)
    offsets = []
    cursor = 0
    for start, end in short:
        offsets.append((cursor, start))
        cursor += end - start + 1
    found = []
    index = 0
    for removed in analyze(joined).boilerplate:
        if removed.kind not in _SKIPPED_KINDS:
            continue
        while index + 1 < len(offsets) and offsets[index + 1][0] <= removed.span[0]:
            index += 1
        joined_start, text_start = offsets[index]
        start = text_start + removed.span[0] - joined_start
        end = start + removed.span[1] - removed.span[0]
        found.append(Reading(start, end, "", "boilerplate", f"boilerplate.{removed.kind}"))
    return found


def read_url(ctx: Context, position: int) -> Reading | None:
    """A URL ("https://…", "www.…") or an e-mail address: not read (kept as written when
    the style does not skip boilerplate)."""
    text = ctx.text
    opening = text[position : position + 8].lower()
    if not (opening.startswith(_URL_OPENINGS) or "@" in text[position : position + 80]):
        return None
    found = _URL.match(text, position)
    if found is None:
        return None
    spoken = "" if ctx.style.skip_boilerplate else found[0]
    return Reading(found.start(), found.end(), spoken, "url", "url")
