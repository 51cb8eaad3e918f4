"""As of a date, the downloads know nothing later: no date after it in any cell (rows, values, verification stamps,
the dated ids of pages published later), except the two kinds of future date a record states on its own date (a
declaration's accepted period, a forecast's horizon). Checked mechanically on every table for three dates."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from helpers.__main__ import main as helpers_cli
from helpers.data.schema import load_package
from helpers.site import build

#: ISO dates and the compact dates inside ids ("tass-20250101-..."), never a longer run of digits.
DATES = re.compile(r"(?<!\d)(20\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
#: Future dates a record states when it is made: the period a declaration accepts jurisdiction for, the entry into
#: force a deposit fixes (Art. 126), and the date a forecast ("planned") is about.
STATED_FUTURE = {("declarations", "period_start"), ("declarations", "period_end"), ("states_parties", "entry_into_force")}


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
    path.write_text(
        "claim_id,metric,refers_to,verification\nc-1,killed,2024-01-01,verified 2026-12-02: figure\n"
        "c-2,planned,2026-01-01,verified\n",
        encoding="utf-8",
    )
    assert later_dates(path, "claims", date(2024, 12, 31)) == ["claims.csv line 2, verification: 2026-12-02"]


@pytest.mark.parametrize("as_of", ["2022-03-15", "2023-06-30", "2024-12-31", "2025-09-30"])
def test_an_as_of_data_folder_validates_on_its_own(tmp_path, as_of, capsys):
    build.write_data_folder(tmp_path, as_of)
    assert helpers_cli(["validate", str(tmp_path)]) == 0, capsys.readouterr().err


def test_the_current_record_still_needs_its_evidence(tmp_path, capsys):
    """The as-of profile is the view's alone: the current descriptor keeps evidence and full stamps required."""
    build.write_data_folder(tmp_path, "2024-12-31")
    (tmp_path / "datapackage.json").write_text(build.download_descriptor(None), encoding="utf-8")
    assert helpers_cli(["validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "has no evidence row" in err and "expected a value matching (verified|unverified)" in err


def test_the_page_scan_finds_every_form_of_a_later_date(tmp_path):
    from later_dates import later_dates

    page = tmp_path / "p.html"
    page.write_text(
        "<html><style>a{width:2025-01-01}</style><p title='updated 3 March 2025'>Known on 30 June 2023; "
        "acknowledged in April 2025, on April 12, 2025 and 2025-04-12.</p><a href='claims.html#claim-x'>"
        "tass-20250412-kursk</a><!-- May 2025 --><p>Entry into force 1 January 2025</p></html>",
        encoding="utf-8",
    )
    found = later_dates(page, date(2024, 12, 31), {date(2025, 1, 1), date(2025, 4, 12)}, tmp_path)
    # allowed: the stated 1 January 2025 and 12 April 2025 (and so "April 2025"), except inside an id; CSS is not read
    assert found == ["p.html: 20250412", "p.html: 3 March 2025", "p.html: May 2025"]


def test_questions_about_later_events_wait_for_their_record():
    from helpers.analysis import legal

    def asked(as_of):
        when = pd.Timestamp(as_of)
        return {s.question: s for s in legal.scenarios(legal.LegalData.load(when), when)}

    early, late = asked("2023-06-30"), asked(load_package().raw["cutoff"])
    assert not any("Hungary" in q or "after Ukraine joined" in q for q in early)  # neither event was on record
    assert all(s.when <= pd.Timestamp("2023-06-30") for s in early.values())
    hungary = next(s for q, s in late.items() if "Hungary" in q)
    assert hungary.when == legal.withdrawal_takes_effect(pd.Timestamp("2025-06-02"))  # Art. 127(1): one year on
    seven = next(s for q, s in late.items() if "seven years" in q)
    assert seven.when == pd.Timestamp("2032-01-01")  # Art. 124: seven years from entry into force on 1 Jan 2025
