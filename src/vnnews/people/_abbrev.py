"""Abbreviations of Vietnamese titles and organisations, and their expansion."""

from __future__ import annotations

from functools import lru_cache

from vnnews.errors import ParseError, require_str
from vnnews.normalization import normalize
from vnnews.people._lexicon import lexicons
from vnnews.people._tokens import tokenize

__all__ = ["abbreviation_table", "expand_abbreviation", "expand_organization"]


def abbreviation_table() -> dict[str, str]:
    """Every abbreviation vnnews knows, with its expansion (a copy).

    >>> abbreviation_table()["UBND"]
    'Ủy ban nhân dân'
    """
    return dict(lexicons().abbreviations)


def expand_abbreviation(abbreviation: str) -> str:
    """Write out an abbreviation used in titles and organisation names.

    A dotted compound of known parts is expanded part by part ("PGS.TS" reads "Phó Giáo sư,
    Tiến sĩ"); a final dot is ignored ("TS."). Case matters only where it must ("TP"/"Tp").

    Args:
        abbreviation: the abbreviation, e.g. ``"HĐND"``, ``"TP.HCM"``, ``"GD&ĐT"``.

    Returns:
        The expansion, as written inside a name ("thành phố" is lowercase, a common noun).

    Raises:
        TypeError: ``abbreviation`` is not a ``str``.
        ParseError: the abbreviation is not in the table.

    >>> expand_abbreviation("HĐND")
    'Hội đồng nhân dân'
    >>> expand_abbreviation("PGS.TS.")
    'Phó Giáo sư, Tiến sĩ'
    >>> expand_abbreviation("XYZ")
    Traceback (most recent call last):
    ...
    vnnews.errors.ParseError: cannot read 'XYZ': not a known abbreviation
    """
    key = normalize(require_str(abbreviation, "abbreviation")).strip()
    expansion = _lookup(key) or _lookup(key.rstrip(".")) or _expand_compound(key.rstrip("."))
    if expansion is None:
        raise ParseError(abbreviation, "not a known abbreviation")
    return expansion


def _lookup(key: str) -> str | None:
    table = lexicons().abbreviations
    return table.get(key) or _casefolded_table().get(key.casefold())


@lru_cache(maxsize=1)
def _casefolded_table() -> dict[str, str]:
    return {key.casefold(): value for key, value in lexicons().abbreviations.items()}


def _expand_compound(key: str) -> str | None:
    parts = key.split(".")
    if len(parts) < 2:
        return None
    expansions = [lexicons().abbreviations.get(part) for part in parts]
    if not all(expansions):
        return None
    return ", ".join(expansion for expansion in expansions if expansion)


def expand_organization(organization: str) -> str:
    """``organization`` with every known abbreviation token written out (cached: names repeat).

    >>> expand_organization("UBND TP. Đà Nẵng")
    'Ủy ban nhân dân thành phố Đà Nẵng'
    >>> expand_organization("Sở GD&ĐT")
    'Sở Giáo dục và Đào tạo'
    """
    return _expand_organization(organization)


@lru_cache(maxsize=4096)
def _expand_organization(organization: str) -> str:
    table = lexicons().abbreviations
    tokens = tokenize(organization)
    pieces: list[str] = []
    position = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        pieces.append(organization[position : token.start])
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        dotted = token.text + "." if following and following.text == "." else None
        if dotted and following and following.start == token.end and dotted in table:
            pieces.append(table[dotted])
            position, index = following.end, index + 2
            continue
        expansion = table.get(token.text) if token.kind == "abbr" or token.text == "Tp" else None
        pieces.append(expansion if expansion is not None else token.text)
        position, index = token.end, index + 1
    pieces.append(organization[position:])
    expanded = "".join(pieces)
    return expanded[:1].upper() + expanded[1:] if expanded else expanded
