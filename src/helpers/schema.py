"""The data contract: `data/datapackage.json` read into small typed objects.

The JSON file (Frictionless Data Package v2 vocabulary) is the single source of truth for
columns, types, vocabularies and keys; validation, typing and the rendered data dictionary
all read it through this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
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
        format=spec.get("format"),
        delimiter=spec.get("delimiter", ";"),
    )


def parse_package(raw: dict) -> Package:
    """Build a Package from the parsed JSON of a datapackage descriptor."""
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
    with open(path, encoding="utf-8") as fh:
        return parse_package(json.load(fh))


def load_package(data_dir: Path | str | None = None) -> Package:
    """Read the descriptor in `data_dir` (default: the repository's data/)."""
    path = Path(data_dir or DATA_DIR) / PACKAGE_FILE
    return _load_package_cached(str(path), path.stat().st_mtime)
