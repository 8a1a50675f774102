"""Word segmentation with exact spans: underthesea's CRF, aligned back to the original text.

Vietnamese words span several syllables ("Bí thư", "Tỉnh ủy", "Thái Thanh Quý"). underthesea's
``word_tokenize`` finds them well but returns rewritten strings without offsets. :func:`words`
gives the same segmentation as :class:`Word` objects whose ``.text`` is the exact substring of
the input under ``.span``.

How it works: the input is normalised (:func:`vnnews.normalization.normalize_with_offsets`), the
normalised text goes to underthesea, and each token it returns is found again in the normalised
text by a single left-to-right pass (underthesea only drops whitespace and rewrites a few
spellings, so a token is matched as it is, then up to tone marks and case, then as the run of
letters it was made from). The spans are mapped back to the original input. Every non-space
character of the input lands in exactly one word, in order; a word never crosses a line break.

underthesea is imported on the first call, which also loads its model (about a second); later
calls reuse it. The first load is guarded by a lock, so concurrent first calls are safe.
underthesea reads the text a line at a time, in pieces of at most :data:`CHUNK_LIMIT`
characters cut at sentence ends (see :func:`segmenter_chunks`).

>>> [word.text for word in words("Bí thư Tỉnh ủy Thái Thanh Quý phát biểu.")]
['Bí thư', 'Tỉnh ủy', 'Thái Thanh Quý', 'phát biểu', '.']
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TypedDict

import regex

from vnnews._data import read_lines
from vnnews.errors import require_str
from vnnews.normalization import NormalizedText, normalize, normalize_with_offsets

__all__ = ["CHUNK_LIMIT", "Word", "WordDict", "align_tokens", "segmenter_chunks", "words"]

PROPER_NOUN_TAG = "Np"
# underthesea reads at most this many characters at a time: its tokenizer's regular expressions
# are quadratic on some inputs ("a.a.a.a…"), and a CRF gains nothing from longer context.
CHUNK_LIMIT = 400
_CUT_AFTER = (". ", "? ", "! ", "; ", "… ")
_D_TO_ASCII = str.maketrans("đĐðÐ", "dDdD")
_Span = tuple[int, int]
_Token = tuple[str, "str | None"]
Segmenter = Callable[[str], list[_Token]]
_LOAD_LOCK = threading.Lock()


class WordDict(TypedDict):
    """A word (:meth:`~vnnews.Word.to_dict`): ``pos`` and ``is_name`` are null unless tags were asked
    for."""

    text: str
    span: list[int]
    pos: str | None
    is_name: bool | None


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the input: one or more syllables, or a number, a symbol, a punctuation run.

    Attributes:
        text: the exact substring of the input (``input[span[0]:span[1]]``), as written there:
            NFD stays NFD and a double space inside a word stays double.
        span: ``(start, end)`` offsets into the input.
        pos: underthesea's part-of-speech tag (``"N"``, ``"V"``, ``"Np"``…) when ``words()``
            was called with ``pos=True``, else ``None``.
        is_name: whether the tag is the proper-noun tag ``Np``; ``None`` when ``pos=False``.
        normalized: the word as it reads in the normalised text (NFC, usual tone placement,
            single spaces), a key for counting and indexing; computed from ``text`` when not
            given.

    >>> word = Word("Hoà  Bình", (6, 15), "Np", True)
    >>> word.normalized
    'Hòa Bình'
    """

    text: str
    span: tuple[int, int]
    pos: str | None = None
    is_name: bool | None = None
    normalized: str = ""

    def __post_init__(self) -> None:
        if not self.normalized:
            object.__setattr__(self, "normalized", normalize(self.text))

    def to_dict(self) -> WordDict:
        """The word as JSON-ready data, as in :meth:`vnnews.Article.to_dict` (``normalized``
        is left out: it is the normalised ``text``).

        >>> Word("Hoà  Bình", (6, 15), "Np", True).to_dict()
        {'text': 'Hoà  Bình', 'span': [6, 15], 'pos': 'Np', 'is_name': True}
        """
        return {
            "text": self.text,
            "span": list(self.span),
            "pos": self.pos,
            "is_name": self.is_name,
        }


def words(text: str, *, pos: bool = False) -> list[Word]:
    """Segment ``text`` into words with underthesea and return them with exact spans.

    Args:
        text: any string (NFD, old-style tones, odd whitespace and punctuation runs are fine).
        pos: also tag each word with underthesea's part of speech (about 20 times slower).

    Returns:
        The words in input order. Their spans do not overlap, and the text between two words
        (and before the first and after the last) is whitespace only.

    Raises:
        TypeError: ``text`` is not a ``str``.

    >>> [(w.text, w.span) for w in words("Chủ tịch  Quốc hội thăm Khánh Hoà")]
    [('Chủ tịch', (0, 8)), ('Quốc hội', (10, 18)), ('thăm', (19, 23)), ('Khánh Hoà', (24, 33))]
    >>> [(w.text, w.pos, w.is_name) for w in words("Ông Thái Thanh Quý", pos=True)]
    [('Ông', 'Nc', False), ('Thái Thanh Quý', 'Np', True)]
    """
    normalized = normalize_with_offsets(require_str(text))
    if normalized.text.isspace() or not normalized.text:
        return []
    readable = _without_surrogates(normalized.text)
    tokens = _segment(readable, pos)
    spans = align_tokens(readable, [token for token, _ in tokens])
    return list(_build_words(normalized, spans, [tag for _, tag in tokens]))


def _without_surrogates(text: str) -> str:
    # underthesea's featurizer cannot encode lone surrogates; U+FFFD keeps every offset.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _surrogate_pattern().sub("\ufffd", text)
    return text


@lru_cache(maxsize=1)
def _surrogate_pattern() -> regex.Pattern[str]:
    return regex.compile(r"[\ud800-\udfff]")


def align_tokens(text: str, tokens: list[str]) -> list[tuple[int, int, int]]:
    """Find each token of a segmenter again in ``text``, in one left-to-right pass.

    The lower layer of :func:`vnnews.words`, for bringing another segmenter: ``tokens`` are its
    output for ``text``, syllables joined by single spaces, possibly respelled (tone moved,
    case changed, "nghành" → "ngành").

    Args:
        text: the text the segmenter read.
        tokens: the segmenter's words, in order.

    Returns:
        ``(start, end, index)`` for each word of ``text``: ``index`` is the token it comes
        from, or ``-1`` for non-space text no token accounted for. Words never contain a line
        break (a token across one is split), never start or end with whitespace, and together
        they hold every non-space character of ``text``, in order.

    >>> align_tokens("Bí thư  Tỉnh uỷ.", ["Bí thư", "Tỉnh ủy", "."])
    [(0, 6, 0), (8, 15, 1), (15, 16, 2)]
    """
    aligned: list[tuple[int, int, int]] = []
    cursor = 0
    length = len(text)
    for index, token in enumerate(tokens):
        while cursor < length and text[cursor].isspace():
            cursor += 1
        if token and not token[0].isspace() and text.startswith(token, cursor):
            # The common case: the token is written just so (a token holds no line break).
            aligned.append((cursor, cursor + len(token), index))
            cursor += len(token)
            continue
        start, cursor = _align_token(text, token, cursor)
        if text.find("\n", start, cursor) < 0:
            if start < cursor:
                aligned.append((start, cursor, index))
        else:
            aligned.extend(
                (first, last, index) for first, last in _split_lines(text, start, cursor)
            )
    aligned.extend((start, end, -1) for start, end in _leftover_chunks(text, cursor))
    return aligned


def _align_token(text: str, token: str, cursor: int) -> _Span:
    pieces = token.split()
    if not pieces:
        return cursor, cursor
    start = _skip_spaces(text, cursor)
    cursor = _match_piece(text, pieces[0], start)
    for piece in pieces[1:]:
        cursor = _match_piece(text, piece, _skip_spaces(text, cursor))
    return start, cursor


def _skip_spaces(text: str, cursor: int) -> int:
    while cursor < len(text) and text[cursor].isspace():
        cursor += 1
    return cursor


def _match_piece(text: str, piece: str, cursor: int) -> int:
    end = cursor + len(piece)
    if text.startswith(piece, cursor):
        return end
    written = text[cursor:end]
    if len(written) == len(piece) and _loose(written) == _loose(piece) and _is_solid(written):
        return end  # respelled in place: tone mark moved, case changed, ð for đ
    return _chunk_end(text, cursor, piece)


def _chunk_end(text: str, cursor: int, piece: str) -> int:
    # The piece was respelled with another length ("nghành" -> "ngành"): underthesea made it
    # from a run of word characters, or else from one character.
    end = cursor
    limit = len(text)
    if piece[:1].isalnum() or piece[:1] == "_":
        while end < limit and (text[end].isalnum() or text[end] == "_" or _is_mark(text[end])):
            end += 1
    return max(end, min(cursor + 1, limit))


def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


def _is_solid(text: str) -> bool:
    return not any(char.isspace() for char in text)


def _loose(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TO_ASCII))
    return "".join(char for char in decomposed if not _is_mark(char)).casefold()


def _split_lines(text: str, start: int, end: int) -> Iterator[_Span]:
    """The lines of ``text[start:end]``, each without its edge whitespace (empty ones dropped)."""
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        first, last = position, stop
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        if first < last:
            yield first, last
        position = stop + 1


def _leftover_chunks(text: str, cursor: int) -> Iterator[_Span]:
    """The runs of non-space characters from ``cursor`` on."""
    while True:
        start = _skip_spaces(text, cursor)
        if start >= len(text):
            return
        cursor = start
        while cursor < len(text) and not text[cursor].isspace():
            cursor += 1
        yield start, cursor


def _build_words(
    normalized: NormalizedText, spans: list[tuple[int, int, int]], tags: list[str | None]
) -> Iterator[Word]:
    original = normalized.original
    # Up to the first character normalisation changed, offsets are the same in both texts.
    same_until = _common_prefix_length(original, normalized.text)
    # The first changed character may be the end of a cluster whose base is unchanged ("0"
    # of a reordered "0" + marks): step back to where the offset map is the identity.
    while same_until > 0 and normalized.original_span(same_until - 1, same_until) != (
        same_until - 1,
        same_until,
    ):
        same_until -= 1
    position = 0
    for start, end, index in spans:
        if end > same_until:
            break
        tag = tags[index] if index >= 0 else None
        is_name = None if tag is None else tag == PROPER_NOUN_TAG
        text = original[start:end]
        yield Word(text, (start, end), tag, is_name, text)
        position += 1
    yield from _mapped_words(normalized, spans[position:], tags)


def _common_prefix_length(first: str, second: str) -> int:
    low, high = 0, min(len(first), len(second))
    if first[:high] == second[:high]:
        return high
    while low < high:  # first[:low] == second[:low] and first[:high] != second[:high]
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


# A word being built: original start and end, normalised start and end, tag.
_Pending = tuple[int, int, int, int, "str | None"]


def _mapped_words(
    normalized: NormalizedText, spans: list[tuple[int, int, int]], tags: list[str | None]
) -> Iterator[Word]:
    previous_end = 0
    pending: _Pending | None = None
    for start, end, index in spans:
        orig_start, orig_end = normalized.original_span(start, end)
        if pending is not None and orig_start < previous_end:
            # Two words inside one NFC cluster of the input: they cannot be told apart there.
            pending = (pending[0], max(orig_end, previous_end), pending[2], end, pending[4])
        else:
            if pending is not None:
                yield _word(normalized, pending)
            pending = (orig_start, orig_end, start, end, tags[index] if index >= 0 else None)
        previous_end = max(previous_end, orig_end)
    if pending is not None:
        yield _word(normalized, pending)


def _word(normalized: NormalizedText, pending: _Pending) -> Word:
    start, end, norm_start, norm_end, tag = pending
    is_name = None if tag is None else tag == PROPER_NOUN_TAG
    text = normalized.original[start:end]
    return Word(text, (start, end), tag, is_name, normalized.text[norm_start:norm_end])


def _segment(text: str, pos: bool) -> list[_Token]:
    segment = _segmenter(pos)
    tokens: list[_Token] = []
    for chunk in segmenter_chunks(text):
        if not chunk.isspace():
            tokens.extend(segment(chunk))
    return tokens


def segmenter_chunks(text: str, limit: int = CHUNK_LIMIT) -> Iterator[str]:
    """The pieces of ``text`` handed to underthesea one at a time, in order.

    One piece per line; a line longer than ``limit`` is cut after its last sentence end
    (". ", "? "…) within the limit, else at its last space, else hard.

    >>> list(segmenter_chunks("Một câu. Câu hai.\\nDòng mới", limit=12))
    ['Một câu.', ' Câu hai.', 'Dòng mới']
    """
    for line in text.split("\n"):
        start = 0
        while len(line) - start > limit:
            cut = _cut_point(line, start, start + limit)
            yield line[start:cut]
            start = cut
        if start < len(line):
            yield line[start:]


def _cut_point(line: str, start: int, limit: int) -> int:
    sentence_end = max(line.rfind(mark, start, limit) for mark in _CUT_AFTER)
    if sentence_end > start:
        return sentence_end + 1
    space = line.rfind(" ", start + 1, limit)
    return space if space > start else limit


@lru_cache(maxsize=1)
def _fixed_words() -> tuple[str, ...]:
    """Institution names kept whole (``data/words_fixed.txt``); POS tagging cannot take them."""
    return read_lines("words_fixed.txt")


@lru_cache(maxsize=2)
def _segmenter(pos: bool) -> Segmenter:
    """underthesea's segmenter (with its POS tagger if ``pos``), its model loaded once."""
    with _LOAD_LOCK:
        try:
            from underthesea import pos_tag, word_tokenize
        except ImportError as missing:
            raise ImportError(
                "vnnews.words needs underthesea, which is an optional extra: "
                "pip install 'vnnews[words]'"
            ) from missing

        def tag_words(text: str) -> list[_Token]:
            return [(str(word), str(tag)) for word, tag in pos_tag(text)]

        fixed = list(_fixed_words())

        def split_words(text: str) -> list[_Token]:
            return [(str(word), None) for word in word_tokenize(text, fixed_words=fixed)]

        segment = tag_words if pos else split_words
        segment("Khởi động mô hình.")  # load the model now, under the lock
        return segment
