"""Finding dates after a view's date in anything a reader gets: pages, the search index, figures and downloads.

A date counts in every form the collection writes: ISO ("2025-04-12"), compact inside ids ("tass-20250412-…"),
"12 April 2025", "April 12, 2025" and "April 2025" (a month is later only when it starts after the view). Bare years
are not read: they collide with counts and coordinates. A later date is allowed only when the view itself states it
(`stated_future`): a future day that a record known then fixes (Art. 126 entry into force, Art. 127(1) withdrawal,
Art. 124 expiry, a declaration's period, a forecast's horizon) or that a verbatim quote of a page known then contains.
Dates inside ids are never allowed: an id dated later names a page that did not exist yet."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9}
_M = "|".join(sorted(MONTHS, key=len, reverse=True))
ISO = re.compile(r"(?<![\d.])(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d.])")
COMPACT = re.compile(r"(?<=[a-z]-)(20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|\b)")
DAY_MONTH = re.compile(rf"\b([0-3]?\d) ({_M})\.? (20\d\d)\b", re.I)
MONTH_DAY = re.compile(rf"\b({_M})\.? ([0-3]?\d), (20\d\d)\b", re.I)
MONTH = re.compile(rf"(?<![\d ] )\b({_M})\.? (20\d\d)\b", re.I)
#: Verbatim columns: words of a page known then, which may name a day after it ("until 30 April 2025").
VERBATIM = ("quote", "quote_en", "statement")


def _day(y: str, m: int | str, d: str | int) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def dates_in(text: str) -> list[tuple[str, date, date, bool]]:
    """(text matched, first day, last day, inside an id) for every date written in `text`."""
    out = []
    for m in ISO.finditer(text):
        d = _day(*m.groups())
        if d:
            out.append((m.group(0), d, d, False))
    for m in COMPACT.finditer(text):
        d = _day(*m.groups())
        if d:
            out.append((m.group(0), d, d, True))
    for m in DAY_MONTH.finditer(text):
        d = _day(m.group(3), MONTHS[m.group(2).lower()], m.group(1))
        if d:
            out.append((m.group(0), d, d, False))
    for m in MONTH_DAY.finditer(text):
        d = _day(m.group(3), MONTHS[m.group(1).lower()], m.group(2))
        if d:
            out.append((m.group(0), d, d, False))
    for m in MONTH.finditer(text):
        first = date(int(m.group(2)), MONTHS[m.group(1).lower()], 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        out.append((m.group(0), first, last, False))
    return out


class _Text(HTMLParser):
    """Text and attribute values of a page (titles, data attributes, links), inline scripts and SVG comments; no CSS,
    and no code cell's source (the program is the same on every date: what it prints is read)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._style = False
        self._code = 0  # depth of <div> inside a code cell's source

    def handle_starttag(self, tag, attrs):
        self._style = tag == "style"
        if tag == "div" and (self._code or "highlight" in (dict(attrs).get("class") or "").split()):
            self._code += 1
        if not self._code:
            self.parts += [v for _, v in attrs if v and not v.startswith(("M ", "m ", "data:"))]

    def handle_endtag(self, tag):
        self._style = False
        if tag == "div" and self._code:
            self._code -= 1

    def handle_data(self, data):
        if not self._style and not self._code:
            self.parts.append(data)

    def handle_comment(self, data):
        self.parts.append(data)


def text_of(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".html", ".svg"):
        parser = _Text()
        parser.feed(raw)
        return "\n".join(parser.parts)
    return raw


def stated_future(folder: Path) -> set[date]:
    """Later days the view itself states: the legal record's own future dates and those in verbatim quotes."""
    from helpers.analysis.legal import LegalData, art124_last_day

    as_of = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["as_of"]
    legal = LegalData.load(as_of)
    days: set[date] = set()
    for record in legal.index.values():
        if record.entry_into_force is not None:
            days.add(record.entry_into_force.date())
            if record.art124:  # an Art. 124 declaration's last day, and the day after it
                last = art124_last_day(record.entry_into_force)
                days |= {last.date(), (last + timedelta(days=1)).date()}
        if record.withdrawal is not None:  # the day it takes effect, and the last day as a party
            days |= {record.withdrawal.effective.date(), (record.withdrawal.effective - timedelta(days=1)).date()}
    days |= _projections(as_of)
    for path in folder.glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                cells = [row[c] for c in VERBATIM if c in row]
                cells += [row[c] for c in ("period_start", "period_end") if path.stem == "declarations"]
                cells += [row["refers_to"]] if path.stem == "claims" and row.get("metric") == "planned" else []
                days |= {d for cell in cells for _, first, last, _ in dates_in(cell) for d in (first, last)}
    return days


def _projections(as_of: str) -> set[date]:
    """The days notebook 01's loss-rate arithmetic projects from figures known then ("the whole contingent lost by")."""
    from helpers.analysis import manpower as mp
    from helpers.data import loaders

    rates = mp.loss_rates(loaders.claims(as_of), "PRK", "casualties", "deployed", as_of)
    return {d.date() for col in ("all_lost_earliest", "all_lost_latest") if col in rates for d in rates[col].dropna()}


def later_dates(path: Path, when: date, allowed: set[date], root: Path) -> list[str]:
    """Every date after `when` in the file that the view does not itself state, as 'file: text'."""
    found = []
    for shown, first, last, in_id in dates_in(text_of(path)):
        if first <= when:
            continue
        if not in_id and any(first <= d <= last for d in allowed):
            continue
        found.append(f"{path.relative_to(root)}: {shown}")
    return sorted(set(found))
