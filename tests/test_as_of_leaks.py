"""As of a date, the downloads know nothing later: no date after it in any cell (rows, values, verification stamps,
the dated ids of pages published later), except the two kinds of future date a record states on its own date (a
declaration's accepted period, a forecast's horizon). Checked mechanically on every table for three dates."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from helpers.data.schema import load_package
from helpers.site import build

#: ISO dates and the compact dates inside ids ("tass-20250101-..."), never a longer run of digits.
DATES = re.compile(r"(?<!\d)(20\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
#: Future dates a record states when it is made: the period a declaration accepts jurisdiction for, and the date a
#: forecast ("planned") is about.
STATED_FUTURE = {("declarations", "period_start"), ("declarations", "period_end")}


def later_dates(path: Path, table: str, when: date) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, found = rows[0], []
    for line, row in enumerate(rows[1:], start=2):
        record = dict(zip(header, row, strict=True))
        for col, cell in record.items():
            if (table, col) in STATED_FUTURE or (table == "claims" and col == "refers_to" and record["metric"] == "planned"):
                continue
            for m in DATES.finditer(cell):
                try:
                    day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    continue
                if day > when:
                    found.append(f"{table}.csv line {line}, {col}: {m.group(0)}")
    return found


@pytest.mark.parametrize("as_of", ["2023-06-30", "2024-12-31", "2025-09-30"])
def test_no_download_knows_a_later_date(tmp_path, as_of):
    when = date.fromisoformat(as_of)
    leaks = []
    for res in load_package().resources:
        target = tmp_path / res.path
        build.write_download(res, as_of, target)
        leaks += later_dates(target, res.name, when)
    assert leaks == []


def test_the_check_finds_a_planted_later_date(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text("claim_id,metric,refers_to,verification\nc-1,killed,2024-01-01,verified 2026-12-02: figure\n"
                    "c-2,planned,2026-01-01,verified\n", encoding="utf-8")
    assert later_dates(path, "claims", date(2024, 12, 31)) == ["claims.csv line 2, verification: 2026-12-02"]
