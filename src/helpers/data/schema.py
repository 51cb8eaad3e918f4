"""The data contract: `data/datapackage.json` read into small typed objects.

The JSON file (Frictionless Data Package v2 vocabulary) is the single source of truth for
columns, types, vocabularies and keys; validation, typing and the rendered data dictionary
all read it through this module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from helpers.data.dates import date_problem

#: The repository root (src/helpers/data/schema.py is three levels below it) and its data folder.
ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = ROOT / "data"
PACKAGE_FILE = "datapackage.json"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str = ""
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    format: str | None = None
    delimiter: str = ";"


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no column {name!r}")


@dataclass(frozen=True)
class Package:
    name: str
    title: str
    resources: tuple[Resource, ...]
    raw: dict

    def resource(self, name: str) -> Resource:
        for r in self.resources:
            if r.name == name:
                return r
        raise KeyError(f"the data package has no table {name!r}")


#: Field types the loaders know how to type; anything else would silently become text.
FIELD_TYPES = ("string", "integer", "date", "list")
FIELD_FORMATS = ("default", "uri")
_CONSTRAINT_TYPES = {
    "required": bool,
    "unique": bool,
    "enum": list,
    "pattern": str,
    "maxLength": int,
    "minimum": int,
    "maximum": int,
}


def terminal_safe(text: str) -> str:
    """`text` with every control, format or other invisible character written as an escape
    (\\x1b, \\u200b ...), so nothing from the data can drive a terminal or hide in a message."""
    return "".join(ch if ch.isprintable() or ch == "\n" else ascii(ch)[1:-1] for ch in text)


class SchemaError(ValueError):
    """datapackage.json breaks the descriptor contract; `problems` are (where, message) pairs,
    `where` a JSON path such as resources[3].schema.fields[2].type."""

    def __init__(self, file: str, problems: list[tuple[str, str]]):
        self.file = file
        self.problems = problems
        lines = "\n".join(f"  {file}, at {where}: {msg}" for where, msg in problems)
        super().__init__(terminal_safe(f"{len(problems)} problem(s) in the data package descriptor:\n{lines}"))


def _kind(value) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _check_path(path) -> str | None:
    if not isinstance(path, str) or not path:
        return f"expected a relative file name as a string, got {_kind(path)}"
    if any(not ch.isprintable() for ch in path) or "\\" in path:
        return f"resource path {path!r} holds a backslash or an invisible character"
    parts = path.split("/")
    if path.startswith("/") or re.match(r"[A-Za-z]:", path) or "://" in path:
        return f"resource path {path!r} is absolute or a URL; give a file name inside the data directory"
    if ".." in parts or "" in parts or "." in parts:
        return f"resource path {path!r} leaves or loops in the data directory; give a plain relative file name"
    if not path.endswith(".csv"):
        return f"resource path {path!r} is not a .csv file"
    return None


def _check_field(spec, where: str) -> list[tuple[str, str]]:
    if not isinstance(spec, dict):
        return [(where, f"a field is an object, got {_kind(spec)}")]
    out = []
    if not isinstance(spec.get("name"), str) or not spec.get("name"):
        out.append((f"{where}.name", "every field needs a name (a string)"))
    ftype = spec.get("type")
    if ftype not in FIELD_TYPES:
        out.append((f"{where}.type", f"unknown field type {ftype!r}; supported: {', '.join(FIELD_TYPES)}"))
    if "format" in spec and spec["format"] not in FIELD_FORMATS:
        out.append((f"{where}.format", f"unknown format {spec['format']!r}; supported: {', '.join(FIELD_FORMATS)}"))
    if "delimiter" in spec and (
        not isinstance(spec["delimiter"], str) or len(spec["delimiter"]) != 1 or spec["delimiter"] in ',"\n'
    ):
        out.append(
            (f"{where}.delimiter", f"a list delimiter is one character other than a comma or quote, got {spec['delimiter']!r}")
        )
    cons = spec.get("constraints", {})
    if not isinstance(cons, dict):
        return out + [(f"{where}.constraints", f"constraints are an object, got {_kind(cons)}")]
    for key, value in cons.items():
        want = _CONSTRAINT_TYPES.get(key)
        if want is None:
            out.append((f"{where}.constraints.{key}", f"unknown constraint {key!r}; supported: {', '.join(_CONSTRAINT_TYPES)}"))
        elif not isinstance(value, want) or (want is int and isinstance(value, bool)):
            out.append((f"{where}.constraints.{key}", f"{key} must be {_kind(want())}, got {_kind(value)} {value!r}"))
    if isinstance(cons.get("enum"), list):
        enum = cons["enum"]
        if not enum or not all(isinstance(v, str) and v for v in enum):
            out.append((f"{where}.constraints.enum", "enum is a non-empty list of non-empty strings"))
        elif len(set(enum)) != len(enum):
            out.append((f"{where}.constraints.enum", "enum lists a value twice"))
    if isinstance(cons.get("pattern"), str):
        try:
            re.compile(cons["pattern"])
        except re.error as exc:
            out.append((f"{where}.constraints.pattern", f"invalid regular expression {cons['pattern']!r}: {exc}"))
    return out


def check_descriptor(raw) -> list[tuple[str, str]]:
    """Everything parse_package relies on, as (JSON path, message) pairs; empty when usable."""
    if not isinstance(raw, dict):
        return [("(top)", f"the descriptor is a JSON object, got {_kind(raw)}")]
    cut = raw.get("cutoff")
    problem = date_problem(cut)
    if problem:
        return [
            (
                "cutoff",
                f"declare the record's cut-off (the date up to which the public record was searched) as a day: {_kind(cut)} {cut!r} {problem}",
            )
        ]
    resources = raw.get("resources")
    if not isinstance(resources, list) or not resources:
        return [("resources", "expected a non-empty list of resources")]
    out: list[tuple[str, str]] = []
    names: dict[str, list[str]] = {}
    for i, r in enumerate(resources):
        where = f"resources[{i}]"
        if not isinstance(r, dict):
            out.append((where, f"a resource is an object, got {_kind(r)}"))
            continue
        name = r.get("name")
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_][a-z0-9_.-]*", name):
            out.append((f"{where}.name", f"a resource name is lower-case letters, digits and _ . -, got {name!r}"))
        elif name in names:
            out.append((f"{where}.name", f"resource name {name!r} is used twice"))
        msg = _check_path(r.get("path"))
        if msg:
            out.append((f"{where}.path", msg))
        schema = r.get("schema")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
            out.append((f"{where}.schema.fields", "expected a schema with a non-empty list of fields"))
            continue
        for j, spec in enumerate(schema["fields"]):
            out += _check_field(spec, f"{where}.schema.fields[{j}]")
        cols = [f.get("name") for f in schema["fields"] if isinstance(f, dict)]
        if len(set(cols)) != len(cols):
            out.append((f"{where}.schema.fields", "a column name is used twice"))
        if isinstance(name, str):
            names[name] = cols
    for i, r in enumerate(resources):
        if not isinstance(r, dict) or not isinstance(r.get("schema"), dict) or not isinstance(r["schema"].get("fields"), list):
            continue
        cols = names.get(r.get("name"), [])
        pk = r["schema"].get("primaryKey", [])
        pk = [pk] if isinstance(pk, str) else pk
        if not isinstance(pk, list) or any(c not in cols for c in pk):
            out.append((f"resources[{i}].schema.primaryKey", f"the primary key {pk!r} names a column the table does not have"))
        fks = r["schema"].get("foreignKeys", [])
        if not isinstance(fks, list):
            out.append((f"resources[{i}].schema.foreignKeys", "expected a list"))
            continue
        for k, fk in enumerate(fks):
            where = f"resources[{i}].schema.foreignKeys[{k}]"
            ref = fk.get("reference") if isinstance(fk, dict) else None
            if not isinstance(ref, dict):
                out.append((where, "a foreign key has fields and a reference {resource, fields}"))
                continue
            own = fk.get("fields")
            own = [own] if isinstance(own, str) else own
            target, theirs = ref.get("resource"), ref.get("fields")
            theirs = [theirs] if isinstance(theirs, str) else theirs
            if not isinstance(own, list) or len(own) != 1 or own[0] not in cols:
                out.append((f"{where}.fields", f"expected one column of this table, got {own!r}"))
            if target not in names:
                out.append(
                    (
                        f"{where}.reference.resource",
                        f"refers to a resource {target!r} that the package does not have (its rows would never be checked)",
                    )
                )
            elif not isinstance(theirs, list) or len(theirs) != 1 or theirs[0] not in names[target]:
                out.append((f"{where}.reference.fields", f"expected one column of {target}, got {theirs!r}"))
    return out


def _field(spec: dict) -> Field:
    cons = spec.get("constraints", {})
    enum = cons.get("enum")
    return Field(
        name=spec["name"],
        type=spec["type"],
        description=spec.get("description", ""),
        required=bool(cons.get("required", False)),
        unique=bool(cons.get("unique", False)),
        enum=tuple(enum) if enum else None,
        pattern=cons.get("pattern"),
        max_length=cons.get("maxLength"),
        minimum=cons.get("minimum"),
        maximum=cons.get("maximum"),
        format=spec.get("format"),
        delimiter=spec.get("delimiter", ";"),
    )


def parse_package(raw: dict, file: str = PACKAGE_FILE) -> Package:
    """Build a Package from the parsed JSON of a datapackage descriptor (SchemaError when unusable)."""
    problems = check_descriptor(raw)
    if problems:
        raise SchemaError(file, problems)
    resources = []
    for r in raw["resources"]:
        schema = r["schema"]
        fks = tuple(
            ForeignKey(tuple(fk["fields"]), fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
            for fk in schema.get("foreignKeys", [])
        )
        pk = schema.get("primaryKey", [])
        resources.append(
            Resource(
                name=r["name"],
                path=r["path"],
                title=r.get("title", r["name"]),
                description=r.get("description", ""),
                fields=tuple(_field(f) for f in schema["fields"]),
                primary_key=tuple([pk] if isinstance(pk, str) else pk),
                foreign_keys=fks,
            )
        )
    return Package(name=raw.get("name", ""), title=raw.get("title", ""), resources=tuple(resources), raw=raw)


@lru_cache(maxsize=8)
def _load_package_cached(path: str, mtime: float) -> Package:
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line, column = before.count(b"\n") + 1, exc.start - (before.rfind(b"\n") + 1) + 1
        guess = data[exc.start : exc.start + 1].decode("latin-1")
        raise SchemaError(
            path,
            [
                (
                    f"line {line}, column {column}",
                    f"byte 0x{data[exc.start]:02x} is not UTF-8 (in Latin-1 it would be {guess!r}); save the file as UTF-8",
                )
            ],
        ) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(path, [(f"line {exc.lineno}, column {exc.colno}", f"not valid JSON: {exc.msg}")]) from None
    return parse_package(raw, path)


def load_package(data_dir: Path | str | None = None) -> Package:
    """Read the descriptor in `data_dir` (default: the repository's data/)."""
    path = Path(data_dir or DATA_DIR) / PACKAGE_FILE
    return _load_package_cached(str(path), path.stat().st_mtime)
