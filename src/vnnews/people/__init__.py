"""People and their titles: who holds which office, as written in Vietnamese news.

>>> from vnnews import extract_people
>>> [p.name for p in extract_people("Tổng Bí thư Tô Lâm và Thủ tướng Phạm Minh Chính dự lễ.")]
['Tô Lâm', 'Phạm Minh Chính']
"""

from __future__ import annotations

from vnnews.errors import require_str
from vnnews.normalization import NormalizedText, normalize_with_offsets
from vnnews.people._abbrev import abbreviation_table, expand_abbreviation, expand_organization
from vnnews.people._lexicon import lexicons
from vnnews.people._model import PersonMention, PersonMentionDict, Role, RoleDict
from vnnews.people._reader import TitleParse
from vnnews.people._scan import Found, scan
from vnnews.people._tokens import Columns, tokenize_columns

__all__ = [
    "PersonMention",
    "PersonMentionDict",
    "Role",
    "RoleDict",
    "abbreviation_table",
    "expand_abbreviation",
    "extract_people",
]


def extract_people(text: str, *, use_words: bool = False) -> list[PersonMention]:
    """Find the people a Vietnamese news text names, with every title it gives them.

    A person is reported when a title or an honorific anchors the name: "Bí thư Tỉnh ủy
    Thái Thanh Quý", "bà Trần Thị B, Giám đốc Sở Công Thương", "Nguyễn Văn Thông – Phó Bí
    thư Thường trực Tỉnh ủy", "Các đồng chí: A - …; B - …". Titles split at the commas,
    semicolons and "kiêm" between titles; a shared title belongs to every listed person.

    Args:
        text: any string (NFD, old-style tone placement and odd spacing are fine).
        use_words: also segment the text with :func:`vnnews.words` (underthesea's CRF) and
            let a multi-syllable word that ends a title settle where the name starts
            ("Tổng thống Mỹ Joe Biden"). Off by default: it loads underthesea and costs
            about as much as underthesea itself.

    Returns:
        The mentions in text order. Spans index the original ``text``.

    Raises:
        TypeError: ``text`` is not a ``str``.

    >>> person, = extract_people("Nguyễn Văn Thông – Phó Bí thư Thường trực Tỉnh ủy")
    >>> person.name, len(person.roles)
    ('Nguyễn Văn Thông', 1)
    >>> role = person.roles[0]
    >>> role.position, role.modifiers, role.organization
    ('Bí thư', ('Phó', 'Thường trực'), 'Tỉnh ủy')
    """
    return people_in(normalize_with_offsets(require_str(text)), use_words=use_words)


def people_in(normalized: NormalizedText, *, use_words: bool = False) -> list[PersonMention]:
    """:func:`extract_people` of ``normalized.original``, on its normalisation.

    For callers that already normalised the text (:func:`vnnews.analyze` shares its own).
    """
    columns = tokenize_columns(normalized.text)
    word_spans = _segmenter_words(normalized.text) if use_words else None
    found = scan(columns, lexicons(), word_spans)
    return [_mention(normalized, columns, person) for person in found]


def _segmenter_words(normalized_text: str) -> frozenset[tuple[int, int]]:
    # Imported here: vnnews must import fast and never load underthesea unless asked.
    from vnnews.word_segmentation import words

    return frozenset(word.span for word in words(normalized_text))


def _mention(normalized: NormalizedText, columns: Columns, found: Found) -> PersonMention:
    start, end = _char_span(columns, found.start, found.end)
    name_start, name_end = _char_span(columns, *found.name)
    roles = tuple(
        _role(normalized, columns, title) for title in [*found.shared_titles, *found.own_titles]
    )
    honorific = _slice(normalized, columns, found.honorific) if found.honorific else None
    span = normalized.original_span(start, end)
    return PersonMention(
        name=normalized.text[name_start:name_end],
        honorific=honorific,
        roles=roles,
        text=normalized.original[span[0] : span[1]],
        span=span,
        name_span=normalized.original_span(name_start, name_end),
    )


def _role(normalized: NormalizedText, columns: Columns, title: TitleParse) -> Role:
    start, end = _char_span(columns, title.start, title.end)
    organization = _slice(normalized, columns, title.organization) if title.organization else None
    span = normalized.original_span(start, end)
    return Role(
        title=normalized.text[start:end],
        position=_slice(normalized, columns, title.position),
        modifiers=tuple(_slice(normalized, columns, part) for part in title.modifiers),
        organization=organization,
        organization_expanded=expand_organization(organization) if organization else None,
        text=normalized.original[span[0] : span[1]],
        span=span,
    )


def _char_span(columns: Columns, first: int, end: int) -> tuple[int, int]:
    return columns.starts[first], columns.end(end - 1)


def _slice(normalized: NormalizedText, columns: Columns, part: tuple[int, int]) -> str:
    return normalized.text[columns.starts[part[0]] : columns.end(part[1] - 1)]
