"""The frozen result types of :func:`vnnews.extract_people`."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PersonMention", "Role"]


@dataclass(frozen=True, slots=True)
class Role:
    """One title a person holds, split into its parts.

    Attributes:
        title: the whole title phrase as written (normalised text), e.g.
            ``"Phó Bí thư Thường trực Tỉnh ủy"``.
        position: the head of the title, e.g. ``"Bí thư"``.
        modifiers: the modifiers in text order, e.g. ``("Phó", "Thường trực")``.
        organization: the organisation (with any place) as written, or ``None``.
        organization_expanded: ``organization`` with its abbreviations written out, or ``None``.
        text: the title exactly as in the original input (``original[span[0]:span[1]]``).
        span: ``(start, end)`` of the title in the original input.
    """

    title: str
    position: str
    modifiers: tuple[str, ...]
    organization: str | None
    organization_expanded: str | None
    text: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in the text, with every title the text gives them there.

    Attributes:
        name: the name as written, without honorific, normalised (NFC, traditional tone
            placement, single spaces).
        honorific: the honorific before the name (``"đồng chí"``, ``"ông"``, ``"Đ/c"``…) or
            ``None``; for a shared honorific ("Các đồng chí: A…; B…") each person gets it.
        roles: the titles, in text order (a shared title first).
        text: the mention exactly as in the original input (``original[span[0]:span[1]]``).
        span: ``(start, end)`` of the mention: the person's own honorific, titles and name.
        name_span: ``(start, end)`` of the name alone in the original input.
    """

    name: str
    honorific: str | None
    roles: tuple[Role, ...]
    text: str
    span: tuple[int, int]
    name_span: tuple[int, int]
