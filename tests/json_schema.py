"""The JSON Schema of vnnews' results, built from their ``TypedDict`` forms, and a validator.

The result types own their ``to_dict()`` forms, typed by a ``TypedDict`` each
(``NumberMatchDict``, ``DateMatchDict``…, ``ArticleDict``); this module turns those types into
the JSON Schema shipped as ``src/vnnews/schema/results.schema.json``, and
``tests/test_json.py`` checks that the shipped file is what it builds (the file is generated:
edit the types, then run ``python tests/json_schema.py > src/vnnews/schema/results.schema.json``).

``validate`` is a small validator of the part of JSON Schema that file uses (``$ref``,
``type``, ``enum``, ``properties``, ``required``, ``additionalProperties``, ``items``,
``prefixItems``, ``minItems``, ``maxItems``, ``minimum``, ``pattern``, ``anyOf``): vnnews adds no
dependency for it.
"""

from __future__ import annotations

import json
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

SCHEMA_PATH = (
    Path(__file__).resolve().parents[1] / "src" / "vnnews" / "schema" / "results.schema.json"
)

_DATETIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2})?$"
_DATE_OR_DATETIME = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2})?)?$"
# Strings that hold a moment: ISO 8601 as Python's isoformat() writes them.
_PATTERNS = {"start": _DATETIME, "end": _DATETIME, "published": _DATE_OR_DATETIME}
_SIMPLE = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


def result_types() -> dict[str, type]:
    """The ``TypedDict`` of every result type, by the name of its definition in the schema."""
    from vnnews.article import (
        ArticleDict,
        ArticleErrorDict,
        BoilerplateDict,
        PersonDict,
        SegmentDict,
    )
    from vnnews.dates import DateMatchDict, TimeValueDict
    from vnnews.lunar import LunarDateDict
    from vnnews.numbers import NumberMatchDict
    from vnnews.people import PersonMentionDict, RoleDict
    from vnnews.spoken import SpokenPieceDict, SpokenTextDict
    from vnnews.word_segmentation import WordDict

    found = (
        NumberMatchDict,
        LunarDateDict,
        TimeValueDict,
        DateMatchDict,
        RoleDict,
        PersonMentionDict,
        WordDict,
        SpokenPieceDict,
        SpokenTextDict,
        SegmentDict,
        BoilerplateDict,
        PersonDict,
        ArticleDict,
        ArticleErrorDict,
    )
    return {kind.__name__.removesuffix("Dict"): kind for kind in found}


def build_schema() -> dict[str, Any]:
    """The JSON Schema: one definition per result type, an article at the top."""
    kinds = result_types()
    names = {kind: name for name, kind in kinds.items()}
    # The forms refer to one another by names some modules import only for type checkers.
    namespace = {kind.__name__: kind for kind in kinds.values()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vnnews.readthedocs.io/schema/results.schema.json",
        "title": "vnnews results",
        "description": (
            "The to_dict() forms of vnnews' result types (see docs/article.md, 'The JSON "
            "forms'). Validate a result against #/$defs/<its type>; the document itself is an "
            "article. Generated from the types by tests/json_schema.py: do not edit by hand."
        ),
        "$ref": "#/$defs/Article",
        "$defs": {name: _definition(kind, names, namespace) for name, kind in kinds.items()},
    }


def _definition(kind: type, names: dict[type, str], namespace: dict[str, type]) -> dict[str, Any]:
    hints = get_type_hints(kind, localns=namespace)
    return {
        "description": _plain_text(kind.__doc__ or ""),
        "type": "object",
        "properties": {key: _property(key, hint, names) for key, hint in hints.items()},
        "required": list(hints),
        "additionalProperties": False,
    }


def _plain_text(docstring: str) -> str:
    """A docstring as one line of plain text: ":meth:`X.to_dict`" and "``x``" as X.to_dict, x."""
    text = re.sub(r":\w+:`~?([^`]+)`", r"\1", " ".join(docstring.split()))
    return text.replace("``", "")


def _property(key: str, hint: Any, names: dict[type, str]) -> dict[str, Any]:
    schema = _schema_of(hint, names, key)
    if key.endswith("span") and "anyOf" not in schema:
        return _span()
    return schema


def _span() -> dict[str, Any]:
    """A span: [start, end], offsets in characters (code points) of the original text."""
    return {
        "type": "array",
        "prefixItems": [{"type": "integer", "minimum": 0}, {"type": "integer", "minimum": 0}],
        "minItems": 2,
        "maxItems": 2,
    }


def _schema_of(hint: Any, names: dict[type, str], key: str) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        members = get_args(hint)
        if str in members and key in _PATTERNS:  # a moment, or null
            return {"anyOf": [_schema_of(str, names, key), {"type": "null"}]}
        if all(member in _SIMPLE for member in members):
            found = list(dict.fromkeys(_SIMPLE[member] for member in members))
            if "number" in found and "integer" in found:
                found.remove("integer")  # an integer is a number
            return {"type": found[0] if len(found) == 1 else found}
        others = [member for member in members if member is not type(None)]
        if len(others) == 1:  # X or null
            inner = _schema_of(others[0], names, key)
            if key.endswith("span") and inner.get("type") == "array":
                inner = _span()
            if "enum" in inner:
                return {"enum": [*inner["enum"], None]}
            if set(inner) == {"type"} and isinstance(inner["type"], str):
                return {"type": [inner["type"], "null"]}
            return {"anyOf": [inner, {"type": "null"}]}
        return {"anyOf": [_schema_of(member, names, key) for member in members]}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin is list:
        (item,) = get_args(hint)
        return {"type": "array", "items": _schema_of(item, names, key)}
    if hint in names:
        return {"$ref": f"#/$defs/{names[hint]}"}
    if hint in _SIMPLE:
        schema = {"type": _SIMPLE[hint]}
        if hint is str and key in _PATTERNS:
            schema["pattern"] = _PATTERNS[key]
        return schema
    raise TypeError(f"no JSON Schema for {hint!r} ({key})")


def schema_text() -> str:
    """The schema as the shipped file has it."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- the validator


def validate(instance: object, schema: dict[str, Any], root: dict[str, Any] | None = None) -> None:
    """Raise ``AssertionError`` naming the first place where ``instance`` breaks ``schema``."""
    problems = list(_problems(instance, schema, root or schema, "$"))
    assert not problems, "; ".join(problems[:5])


_TYPES: dict[str, Any] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _problems(
    value: object, schema: dict[str, Any], root: dict[str, Any], at: str
) -> Iterator[str]:
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        yield from _problems(value, root["$defs"][name], root, at)
    if "anyOf" in schema and not any(
        not list(_problems(value, option, root, at)) for option in schema["anyOf"]
    ):
        yield f"{at}: {value!r:.60} matches none of anyOf"
    if "type" in schema:
        allowed = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[name](value) for name in allowed):
            yield f"{at}: {value!r:.60} is not {' or '.join(allowed)}"
            return
    if "enum" in schema and value not in schema["enum"]:
        yield f"{at}: {value!r:.60} is not one of {schema['enum']}"
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        yield f"{at}: {value!r:.60} does not match {schema['pattern']}"
    if isinstance(value, (int, float)) and "minimum" in schema and value < schema["minimum"]:
        yield f"{at}: {value!r} is below {schema['minimum']}"
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get(
            "maxItems", len(value)
        ):
            yield f"{at}: {len(value)} items"
        for index, item in enumerate(value):
            prefix = schema.get("prefixItems", [])
            item_schema = prefix[index] if index < len(prefix) else schema.get("items")
            if item_schema is not None:
                yield from _problems(item, item_schema, root, f"{at}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                yield f"{at}: no key {key!r}"
        for key, item in value.items():
            if key in properties:
                yield from _problems(item, properties[key], root, f"{at}.{key}")
            elif schema.get("additionalProperties") is False:
                yield f"{at}: unexpected key {key!r}"


if __name__ == "__main__":
    sys.stdout.write(schema_text())
