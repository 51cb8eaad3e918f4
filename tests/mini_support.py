"""A working copy of the mini fixture for the bad-input tests.

The fixture is copied with the repository's datapackage.json; columns the descriptor has gained
since the fixture was written are added empty (rows are never changed), so the copy validates
and every test changes exactly one thing."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest

from helpers import data
from helpers.data.schema import load_package
from helpers.data.validation import DataValidationError, validate_package

MINI = Path(__file__).parent / "fixtures" / "mini"
TODAY = date(2026, 11, 22)


def make_mini(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(MINI, d)
    shutil.copy(Path(data.DATA_DIR) / "datapackage.json", d / "datapackage.json")
    for res in load_package(d).resources:
        path = d / res.path
        if not path.exists():
            path.write_text(",".join(res.column_names) + "\n", encoding="utf-8")
            continue
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        if rows[0] == res.column_names:
            continue
        have = rows[0]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(res.column_names)
        for r in rows[1:]:
            values = dict(zip(have, r, strict=True))
            if "alleged_breach" not in have and values.get("legal_basis", "").startswith("UNSCR"):
                # the descriptor split Security Council resolutions out of legal_basis into alleged_breach
                values["alleged_breach"], values["legal_basis"] = values["legal_basis"], ""
            writer.writerow([values.get(c, "") for c in res.column_names])
        path.write_text(out.getvalue(), encoding="utf-8")
    return d


def problems_for(d: Path, today: date = TODAY) -> list:
    with pytest.raises(DataValidationError) as info:
        validate_package(load_package(d), d, today=today)
    return info.value.problems


def validates(d: Path, today: date = TODAY) -> None:
    validate_package(load_package(d), d, today=today)


def edit(d: Path, name: str, old: str, new: str) -> None:
    p = d / name
    text = p.read_text(encoding="utf-8")
    assert old in text, f"fixture drift: {old!r} not in {name}"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(d: Path, name: str, line: str) -> int:
    """Add one record; returns the line it is on."""
    p = d / name
    text = p.read_text(encoding="utf-8")
    p.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1
