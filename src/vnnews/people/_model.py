"""The frozen result types of :func:`vnnews.extract_people`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

__all__ = ["PersonMention", "PersonMentionDict", "Role", "RoleDict"]


class RoleDict(TypedDict):
    """A title (:meth:`~vnnews.Role.to_dict`): its parts; the title as written is the text under
    ``span``."""

    title: str
    position: str
    modifiers: list[str]
    organization: str | None
    organization_expanded: str | None
    span: list[int]


class PersonMentionDict(TypedDict):
    """A person named in a text (:meth:`~vnnews.PersonMention.to_dict`): ``name_span`` is the name
    alone."""

    text: str
    span: list[int]
    name: str
    honorific: str | None
    roles: list[RoleDict]
    name_span: list[int]


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

    def to_dict(self) -> RoleDict:
        """The title as JSON-ready data, as in :meth:`vnnews.Article.to_dict`: its parts and
        its span (the text as written is the input under it).

        >>> from vnnews import extract_people
        >>> extract_people("Phó Bí thư Tỉnh ủy Đặng Văn Minh phát biểu.")[0].roles[0].to_dict()
        {'title': 'Phó Bí thư Tỉnh ủy', 'position': 'Bí thư', 'modifiers': ['Phó'], 'organization': 'Tỉnh ủy', 'organization_expanded': 'Tỉnh ủy', 'span': [0, 18]}
        """
        return {
            "title": self.title,
            "position": self.position,
            "modifiers": list(self.modifiers),
            "organization": self.organization,
            "organization_expanded": self.organization_expanded,
            "span": list(self.span),
        }


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

    def to_dict(self) -> PersonMentionDict:
        """The mention as JSON-ready data, as in :meth:`vnnews.Article.to_dict`.

        >>> from vnnews import extract_people
        >>> data = extract_people("Ông Nguyễn Văn An phát biểu.")[0].to_dict()
        >>> data["name"], data["span"], data["name_span"], data["roles"]
        ('Nguyễn Văn An', [0, 17], [4, 17], [])
        """
        return {
            "text": self.text,
            "span": list(self.span),
            "name": self.name,
            "honorific": self.honorific,
            "roles": [role.to_dict() for role in self.roles],
            "name_span": list(self.name_span),
        }
