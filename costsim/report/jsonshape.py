"""Typed values → JSON, and the JSON Schema of that JSON, from the same dataclass fields.

One convention for every JSON output: a dataclass is an object whose keys are its fields' names
(fields.py's markers: `field(metadata=json_name("from"))` renames one, `LEAVE_OUT` keeps one out,
`FLATTEN` spreads a part's keys into its parent's, `OMIT_NONE` leaves a key out while its value is None)
plus the properties its `JSON_COMPUTED` names. Decimal money and percentages are exact decimal strings,
dates ISO 8601, tuples lists, dict keys strings. `schema_of` walks the same fields' types, so the
committed schema (schema/, written by tools/json_schemas.py) cannot drift from what `to_json` writes.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from costsim.money import exact
from costsim.version import __version__

DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"


def _keys(cls) -> list[tuple[str, str, dict]]:
    """(json key, attribute, metadata) of a dataclass's JSON object, in field order, computed ones last."""
    out = []
    for f in dataclasses.fields(cls):
        key = f.metadata.get("json", f.name)
        if key is not None:
            out.append((key, f.name, dict(f.metadata)))
    out += [(key, attr, {}) for key, attr in getattr(cls, "JSON_COMPUTED", ())]
    return out


def to_json(value: Any) -> Any:
    """JSON-ready data (dicts, lists, strings, numbers) for a typed value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for key, attr, meta in _keys(type(value)):
            item = getattr(value, attr)
            if item is None and meta.get("omit_none"):
                continue
            if meta.get("flatten"):
                if item is not None:
                    out.update(to_json(item))
                continue
            out[key] = to_json(item)
        return out
    if isinstance(value, Decimal):
        return exact(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


# ---- the schema of what to_json writes ---------------------------------------------------------

def schema_of(cls, *, title: str, head: dict[str, dict] | None = None) -> dict:
    """A JSON Schema (draft 2020-12) for `to_json(cls(...))`; `head` adds keys written before it (the envelope)."""
    defs: dict[str, dict] = {}
    root = _object(cls, defs)
    root["properties"] = {**(head or {}), **root["properties"]}
    root["required"] = [*(head or {}), *root["required"]]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **root,
            **({"$defs": dict(sorted(defs.items()))} if defs else {})}


def envelope_schema(kind: str) -> dict[str, dict]:
    """The schema of `envelope(kind)`'s keys."""
    return {"schema_version": {"const": SCHEMA_VERSIONS[kind]}, "kind": {"const": kind},
            "generator": {"type": "string", "pattern": "^costsim "}}


def _object(cls, defs: dict) -> dict:
    hints = typing.get_type_hints(cls)
    properties: dict[str, dict] = {}
    required: list[str] = []
    for key, attr, meta in _keys(cls):
        hint = hints.get(attr) or typing.get_type_hints(getattr(cls, attr).fget)["return"]
        if meta.get("flatten"):
            part = _object(_strip_none(hint), defs)
            properties.update(part["properties"])
            if not _is_optional(hint):
                required += part["required"]
            continue
        properties[key] = _schema(hint, defs)
        if not meta.get("omit_none"):
            required.append(key)
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return {"type": "object", **({"description": doc} if doc and not doc.startswith(cls.__name__ + "(") else {}),
            "properties": properties, "required": required, "additionalProperties": False}


def _is_optional(hint) -> bool:
    return type(None) in typing.get_args(hint) and typing.get_origin(hint) in (typing.Union, types.UnionType)


def _strip_none(hint):
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if _is_optional(hint) and len(args) == 1 else hint


def _schema(hint, defs: dict) -> dict:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return {}
    if hint is dict:
        return {"type": "object"}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema(a, defs) for a in args]}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if hint is type(None):
        return {"type": "null"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is str:
        return {"type": "string"}
    if hint is Decimal:
        return {"type": "string", "pattern": DECIMAL_PATTERN}
    if hint is date:
        return {"type": "string", "format": "date"}
    if hint is datetime:
        return {"type": "string", "format": "date-time"}
    if origin in (tuple, list):
        return {"type": "array", "items": _schema(args[0], defs) if args else {}}
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema(args[1], defs) if args else {}}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # a placeholder first: a type that holds itself must not recurse forever
            defs[name] = _object(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {hint!r}")


# ---- the envelope every JSON output carries -----------------------------------------------------

# One field and form for every JSON output: `schema_version` (an integer, per kind) and `kind`. A kind's
# version changes only when one of its fields changes meaning or disappears (docs/json.md).
SCHEMA_VERSIONS = {"compare": 1, "estimate": 1, "sweep": 1, "check": 1, "diff": 1, "models": 1,
                   "evaluate": 2, "evaluate-files": 2}


def envelope(kind: str) -> dict[str, Any]:
    """The keys every JSON output starts with: its schema version, its kind and the costsim that wrote it."""
    return {"schema_version": SCHEMA_VERSIONS[kind], "kind": kind, "generator": f"costsim {__version__}"}
