"""Check every CSV in data/ against the data package before anything is loaded.

Every problem is reported with file, line, column and what was expected, and all problems
are collected before raising, so a contributor sees the whole list at once. Loading only
happens when this returns without error: nothing is ever half-loaded.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

from .iso3166 import ALPHA3
from .schema import Field, Package, Resource

Row = dict[str, str]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class DataValidationError(ValueError):
    """Raised when data/ breaks its contract; `problems` lists every finding."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        head = f"{len(self.problems)} problem(s) in the data:\n"
        super().__init__(head + "\n".join(f"  {p}" for p in self.problems))


@dataclass
class Table:
    """Raw rows of one CSV with the line on which each record starts."""

    resource: Resource
    file: str
    rows: list[Row]
    lines: list[int]


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT = re.compile(r"-?\d+")


def _read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(shown, 1, "", "file starts with a byte-order mark (BOM); save as UTF-8 without BOM")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, "", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]


def read_table(resource: Resource, data_dir: Path, shown_dir: str = "data") -> tuple[Table, list[Problem]]:
    """Parse one CSV into raw string rows, checking header shape and row lengths."""
    shown = f"{shown_dir}/{resource.path}"
    path = data_dir / resource.path
    if not path.exists():
        return Table(resource, shown, [], []), [Problem(shown, 0, "", "file is missing")]
    text, problems = _read_text(path, shown)
    if text is None:
        return Table(resource, shown, [], []), problems
    if not text.strip():
        return Table(resource, shown, [], []), [Problem(shown, 1, "", "file is empty; expected a header row")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        return Table(resource, shown, [], []), [Problem(shown, 1, "", f"unreadable CSV header: {exc}")]
    expected = resource.column_names
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if extra:
            parts.append(f"unexpected column(s) {', '.join(extra)}")
        if not parts:
            parts.append("columns out of order")
        msg = "; ".join(parts) + f"; expected header: {','.join(expected)}"
        return Table(resource, shown, [], []), [Problem(shown, 1, "", msg)]
    rows: list[Row] = []
    lines: list[int] = []
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(shown, start, "", f"malformed CSV ({exc}); check quoting"))
            break
        if record == []:
            problems.append(Problem(shown, start, "", "blank line; remove it"))
        elif len(record) != len(expected):
            problems.append(
                Problem(shown, start, "", f"row has {len(record)} fields, expected {len(expected)} (check commas and quotes)")
            )
        else:
            rows.append(dict(zip(expected, record, strict=True)))
            lines.append(start)
        start = reader.line_num + 1
    return Table(resource, shown, rows, lines), problems


def parse_date(value: str) -> date | None:
    """ISO YYYY-MM-DD to a date, or None when it is not a real calendar date."""
    if not _DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _url_ok(value: str) -> bool:
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and "." in parsed.netloc and " " not in value


def _check_value(f: Field, value: str, today: date) -> str | None:
    """The expectation a single cell fails, or None when it is fine."""
    if value != value.strip():
        return "leading or trailing spaces; remove them"
    if value == "":
        return "a value is required" if f.required else None
    if f.type == "integer":
        if not _INT.fullmatch(value):
            return f"expected a whole number without separators, got {value!r}"
        if f.minimum is not None and int(value) < f.minimum:
            return f"expected a number >= {f.minimum}, got {value}"
    elif f.type == "date":
        d = parse_date(value)
        if d is None:
            return f"expected a real date as YYYY-MM-DD, got {value!r}"
        if d > today:
            return f"date {value} is in the future (today is {today.isoformat()})"
    elif f.type == "list":
        items = value.split(f.delimiter)
        if any(not i or i != i.strip() for i in items):
            return f"expected items separated by '{f.delimiter}' without spaces or empty items, got {value!r}"
    if f.enum is not None and value not in f.enum:
        return f"expected one of {', '.join(f.enum)}; got {value!r}"
    if f.pattern is not None and f.type != "list" and not re.fullmatch(f.pattern, value):
        return f"expected a value matching {f.pattern}, got {value!r}"
    if f.pattern is not None and f.type == "list":
        bad = [i for i in value.split(f.delimiter) if not re.fullmatch(f.pattern, i)]
        if bad:
            return f"expected items matching {f.pattern}, got {bad[0]!r}"
    if f.max_length is not None and len(value) > f.max_length:
        return f"too long: {len(value)} characters, at most {f.max_length}"
    if f.format == "uri" and not _url_ok(value):
        return f"expected a full http(s) URL, got {value!r}"
    return None


def check_cells(table: Table, today: date) -> list[Problem]:
    """Types, vocabularies, patterns and uniqueness within one table."""
    problems: list[Problem] = []
    res = table.resource
    for f in res.fields:
        seen: dict[str, int] = {}
        for row, line in zip(table.rows, table.lines, strict=True):
            value = row[f.name]
            msg = _check_value(f, value, today)
            if msg:
                problems.append(Problem(table.file, line, f.name, msg))
            if f.unique and value:
                if value in seen:
                    problems.append(Problem(table.file, line, f.name, f"duplicate id {value!r} (first on line {seen[value]})"))
                else:
                    seen[value] = line
    if len(res.primary_key) > 1:
        seen_keys: dict[tuple[str, ...], int] = {}
        for row, line in zip(table.rows, table.lines, strict=True):
            key = tuple(row[c] for c in res.primary_key)
            if key in seen_keys:
                problems.append(
                    Problem(table.file, line, res.primary_key[0], f"duplicate key {key} (first on line {seen_keys[key]})")
                )
            seen_keys.setdefault(key, line)
    return problems


def _values(f: Field, value: str) -> list[str]:
    if not value:
        return []
    return value.split(f.delimiter) if f.type == "list" else [value]


def check_references(tables: dict[str, Table]) -> list[Problem]:
    """Every foreign key resolves (list columns item by item)."""
    problems: list[Problem] = []
    for t in tables.values():
        for fk in t.resource.foreign_keys:
            target = tables.get(fk.resource)
            if target is None:
                continue
            known = {r[fk.reference_fields[0]] for r in target.rows}
            col = fk.fields[0]
            f = t.resource.field(col)
            for row, line in zip(t.rows, t.lines, strict=True):
                for item in _values(f, row[col]):
                    if item not in known:
                        problems.append(
                            Problem(t.file, line, col, f"{item!r} is not a known {fk.reference_fields[0]} in {target.file}")
                        )
    return problems


def _user_assigned(tables: dict[str, Table]) -> set[str]:
    """Codes like XFN that regions.csv defines, or the actors table declares as aggregates
    (ISO 3166 user-assigned range)."""
    codes = {r["region"] for r in tables["regions"].rows} if "regions" in tables else set()
    actors = tables.get("actors")
    if actors is not None:
        codes |= {r["actor_id"] for r in actors.rows if r["kind"] == "aggregate" and re.fullmatch(r"X[A-Z]{2}", r["actor_id"])}
    return codes


def check_country_codes(tables: dict[str, Table]) -> list[Problem]:
    """Three-letter upper-case codes must be real ISO 3166-1 alpha-3 (or a declared aggregate)."""
    allowed = ALPHA3 | _user_assigned(tables)
    problems: list[Problem] = []
    for t in tables.values():
        actor_cols = {fk.fields[0] for fk in t.resource.foreign_keys if fk.resource == "actors"}
        for f in t.resource.fields:
            if "[A-Z]{3}" not in (f.pattern or "") and f.name not in actor_cols:
                continue
            for row, line in zip(t.rows, t.lines, strict=True):
                for item in _values(f, row[f.name]):
                    if re.fullmatch(r"[A-Z]{3}", item) and item not in allowed:
                        problems.append(Problem(t.file, line, f.name, f"{item!r} is not an ISO 3166-1 alpha-3 code"))
    return problems


def _date_of(row: Row, col: str) -> date | None:
    return parse_date(row.get(col, ""))


def _order(t: Table, row: Row, line: int, early: str, late: str) -> list[Problem]:
    a, b = _date_of(row, early), _date_of(row, late)
    if a and b and b < a:
        return [Problem(t.file, line, late, f"{late} {b} is before {early} {a}")]
    return []


def entry_into_force(deposited: date) -> date:
    """Rome Statute Art. 126: 1 July 2002 for the first 60 instruments (deposited by
    11 April 2002); later, the first day of the month after the 60th day following deposit."""
    if deposited <= date(2002, 4, 11):
        return date(2002, 7, 1)
    d = deposited + timedelta(days=60)
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def check_rows(tables: dict[str, Table]) -> list[Problem]:
    """Rules that involve more than one cell: ranges, date order, Art. 126 arithmetic."""
    problems: list[Problem] = []
    published = {r["source_id"]: parse_date(r["published"]) for r in tables["sources"].rows} if "sources" in tables else {}
    kinds = {r["metric"]: r["kind"] for r in tables["metrics"].rows} if "metrics" in tables else {}
    for name, t in tables.items():
        for row, line in zip(t.rows, t.lines, strict=True):
            if name == "claims":
                lo, hi = row["low"], row["high"]
                if lo == "" and hi == "":
                    problems.append(Problem(t.file, line, "low", "low and high are both empty; give at least one"))
                elif _INT.fullmatch(lo) and _INT.fullmatch(hi) and int(lo) > int(hi):
                    problems.append(Problem(t.file, line, "high", f"low {lo} is greater than high {hi}"))
                problems += _check_qualifier(t, row, line)
                problems += _check_metric_kind(t, row, line, kinds)
                problems += _order(t, row, line, "period_start", "refers_to")
                stated, pub = _date_of(row, "stated"), published.get(row["source_id"])
                if stated and pub and stated > pub:
                    problems.append(Problem(t.file, line, "stated", f"stated {stated} is after the source was published ({pub})"))
            elif name == "relations":
                problems += _order(t, row, line, "start", "end")
                problems += _order(t, row, line, "first_reported", "acknowledged")
                if not row.get("assessed_as") and (not row.get("acknowledged") or row["acknowledged"] > row["first_reported"]):
                    problems.append(Problem(t.file, line, "assessed_as", "give the confirmation that held before the acknowledgement "
                                            "(government_assessment or media_report)"))
                if bool(row.get("acknowledged")) != bool(row.get("acknowledged_source")):
                    problems.append(Problem(t.file, line, "acknowledged_source", "an acknowledgement date and its source go together"))
                if row["status"] == "ended" and not row["end"]:
                    problems.append(Problem(t.file, line, "end", "status is 'ended' but no end date is given"))
            elif name == "treaties":
                problems += _order(t, row, line, "signed", "in_force")
                problems += _order(t, row, line, "in_force", "ended")
            elif name == "declarations":
                problems += _order(t, row, line, "period_start", "period_end")
            elif name == "states_parties":
                problems += _check_state_party(t, row, line)
    return problems


#: What each qualifier says about the bounds: (low given, high given, low equals high).
QUALIFIER_BOUNDS = {"exact": (True, True, True), "about": (True, True, True), "at_least": (True, False, None),
                    "at_most": (False, True, None), "range": (True, True, False)}


def _check_qualifier(t: Table, row: Row, line: int) -> list[Problem]:
    """'at least N' has only a low bound, 'at most N' only a high one, exact/about one figure, a range two."""
    rule = QUALIFIER_BOUNDS.get(row.get("qualifier", ""))
    if rule is None:
        return []
    lo, hi = row["low"], row["high"]
    want_lo, want_hi, equal = rule
    q = row["qualifier"]
    if bool(lo) != want_lo or bool(hi) != want_hi:
        shape = {(True, True): "low and high", (True, False): "low only", (False, True): "high only"}[(want_lo, want_hi)]
        return [Problem(t.file, line, "qualifier", f"qualifier {q!r} needs {shape}; got low={lo!r}, high={hi!r}")]
    if equal is True and lo != hi:
        return [Problem(t.file, line, "qualifier", f"qualifier {q!r} needs low = high; got {lo} and {hi} (use 'range')")]
    if equal is False and lo == hi:
        return [Problem(t.file, line, "qualifier", f"a range needs two different bounds; got {lo} twice (use 'exact' or 'about')")]
    return []


def _check_metric_kind(t: Table, row: Row, line: int, kinds: dict[str, str]) -> list[Problem]:
    """A flow is counted over a period (period_start required); stocks and cumulative counts are not."""
    kind = kinds.get(row["metric"])
    if kind == "flow" and not row["period_start"]:
        return [Problem(t.file, line, "period_start", f"metric {row['metric']!r} is a flow: give the first day of its period")]
    if kind in ("stock", "cumulative") and row["period_start"]:
        return [Problem(t.file, line, "period_start", f"metric {row['metric']!r} is a {kind}, not a flow: leave period_start empty "
                        "or use the metric's _in_period form")]
    return []


def check_duplicate_claims(tables: dict[str, Table]) -> list[Problem]:
    """One institution's one figure on one date is one claim, however many pages repeat it."""
    t = tables.get("claims")
    if t is None:
        return []
    cols = ("claimant_id", "origin", "metric", "stated", "low", "high", "period_start", "scope", "location")
    seen: dict[tuple[str, ...], tuple[int, str]] = {}
    problems = []
    for row, line in zip(t.rows, t.lines, strict=True):
        key = tuple(row[c] for c in cols)
        if key in seen:
            first_line, first_id = seen[key]
            problems.append(Problem(t.file, line, "claim_id", f"repeats claim {first_id} (line {first_line}): same institution, "
                                    "origin, metric, date and figures; list this page in that claim's relayed_by instead"))
        else:
            seen[key] = (line, row["claim_id"])
    return problems


def check_status_history(tables: dict[str, Table]) -> list[Problem]:
    """Every dated status names a row that exists."""
    t = tables.get("status_history")
    if t is None:
        return []
    problems = []
    for row, line in zip(t.rows, t.lines, strict=True):
        target = tables.get(row["table"])
        if target is None:
            continue
        pk = target.resource.primary_key[0]
        if row["key"] not in {r[pk] for r in target.rows}:
            problems.append(Problem(t.file, line, "key", f"{row['key']!r} is not a known {pk} in {target.file}"))
    return problems


def _check_state_party(t: Table, row: Row, line: int) -> list[Problem]:
    out: list[Problem] = []
    dep, eif = _date_of(row, "deposited"), _date_of(row, "entry_into_force")
    if dep and eif and row["instrument"] != "succession" and entry_into_force(dep) != eif:
        out.append(
            Problem(t.file, line, "entry_into_force", f"Art. 126 gives {entry_into_force(dep)} for a deposit on {dep}, not {eif}")
        )
    if dep and not eif:
        out.append(Problem(t.file, line, "entry_into_force", "a deposit date needs an entry-into-force date (Art. 126)"))
    notified, effective = _date_of(row, "withdrawal_notified"), _date_of(row, "withdrawal_effective")
    if effective and not notified:
        out.append(Problem(t.file, line, "withdrawal_notified", "a withdrawal needs its notification date"))
    if notified and effective:
        try:
            year_later = notified.replace(year=notified.year + 1)
        except ValueError:  # 29 February
            year_later = notified + timedelta(days=365)
        if effective < year_later:
            out.append(
                Problem(t.file, line, "withdrawal_effective", f"Art. 127(1): takes effect one year after notification, not before {year_later}")
            )
    return out


def validate_package(package: Package, data_dir: Path, today: date | None = None, shown_dir: str = "data") -> dict[str, Table]:
    """Read and check every table; raise DataValidationError listing all problems."""
    today = today or date.today()
    tables: dict[str, Table] = {}
    problems: list[Problem] = []
    for res in package.resources:
        table, found = read_table(res, data_dir, shown_dir)
        problems += found
        problems += check_cells(table, today)
        tables[res.name] = table
    problems += check_references(tables)
    problems += check_country_codes(tables)
    problems += check_rows(tables)
    problems += check_duplicate_claims(tables)
    problems += check_status_history(tables)
    if problems:
        raise DataValidationError(problems)
    return tables
