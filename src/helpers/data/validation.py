"""Check every CSV in data/ against the data package before anything is loaded.

Every problem is reported with file, line, column and what was expected, and all problems
are collected before raising, so a contributor sees the whole list at once. Loading only
happens when this returns without error: nothing is ever half-loaded.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from helpers.data.dates import parse_date
from helpers.data.places import ALPHA3, subdivision_codes
from helpers.data.profile import is_as_of
from helpers.data.schema import Field, Package, Resource, terminal_safe
from helpers.data.stated_numbers import numbers_in

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
            where += f", column {show(self.column)}"
        return terminal_safe(f"{where}: {self.message}")


#: At most this many problems are printed; the rest are counted (all stay in `problems`).
MAX_SHOWN = 100


class DataValidationError(ValueError):
    """Raised when data/ breaks its contract; `problems` lists every finding.

    The message puts root causes first (problems with a whole file: missing, unreadable, wrong
    header, no rows), then the rest by file and line, and prints at most MAX_SHOWN of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        ordered = sorted(self.problems, key=lambda p: (p.column != "" or p.line > 1, p))
        shown = [f"  {p}" for p in ordered[:MAX_SHOWN]]
        if len(ordered) > MAX_SHOWN:
            shown.append(f"  ... and {len(ordered) - MAX_SHOWN} more problem(s) not shown; fix the ones above first")
        head = f"{len(self.problems)} problem(s) in the data:\n"
        super().__init__(head + "\n".join(shown))


def show(value: str) -> str:
    """A data value quoted for a message, invisible characters escaped (repr escapes them)."""
    return repr(value)


def describe(ch: str) -> str:
    """'U+200B ZERO WIDTH SPACE' for one character."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0].capitalize() if name else "Unknown"


def lookalike(value: str) -> str | None:
    """Name the first non-ASCII letter or digit in an id or code: "Cyrillic 'А' (U+0410)"."""
    for ch in value:
        if not ch.isascii() and (ch.isalnum() or unicodedata.category(ch).startswith(("L", "N"))):
            return f"{_script(ch)} {ch!r} ({describe(ch)})"
    return None


@dataclass
class Table:
    """Raw rows of one CSV with the line on which each record starts."""

    resource: Resource
    file: str
    rows: list[Row]
    lines: list[int]
    #: True when the file could not be read or holds no rows where rows are required: references
    #: into it are then summarised instead of being reported one by one.
    broken: bool = False


_INT = re.compile(r"0|-?[1-9][0-9]*")  # no leading zeros or "-0": the loaded number must read back as written
#: The loaders hold integers as Int64 and dates as datetime64[ns]: values outside these ranges
#: would pass a naive check and then crash the loaders, so they are rejected here with a location.
INT64_MAX = 2**63 - 1
EARLIEST_DATE = date(1677, 9, 22)
#: Free-text columns that may hold a line break; every other cell is one line.
MULTILINE_COLUMNS = frozenset({"notes"})
#: A text cell starting with one of these is run as a formula by spreadsheets opening the CSV.
FORMULA_PREFIXES = ("=", "+", "-", "@")
#: Tables the site and the analyses summarise: a header without rows would publish "0 claims".
ROWS_REQUIRED = frozenset({"sources", "claimants", "metrics", "claims", "actors", "states_parties"})
#: Scripts whose letters look like Latin ones; a word mixing them with Latin is a look-alike.
_CONFUSABLE_SCRIPTS = frozenset({"Cyrillic", "Greek", "Fullwidth"})
#: Characters never allowed in a URL as written (RFC 3986 would need them percent-encoded).
_URL_FORBIDDEN = re.compile(r'[\s"<>{}\\|^`]')
_HOST_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")


def _read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    if path.is_dir():
        return None, [Problem(shown, 1, "", "is a directory, not a CSV file; the data package names a file here")]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, "", f"cannot be read: {exc.strerror or exc}")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(shown, 1, "", "file starts with a byte-order mark (BOM); save as UTF-8 without BOM")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, "", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]


_CSV_SPECIAL = re.compile(r'[",\n]')


def _bare_quotes(text: str) -> list[tuple[int, int]]:
    """(record start line, field index) of every double quote inside an unquoted field.

    The csv module keeps such a quote as data (`5" guns`), so a field that was meant to be
    quoted silently changes meaning; it is reported instead."""
    found: list[tuple[int, int]] = []
    if '"' not in text:
        return found
    line = record_line = 1
    field, field_start, quoted, in_quotes, skip = 0, 0, False, False, -1
    for m in _CSV_SPECIAL.finditer(text):
        i = m.start()
        if i == skip:
            continue
        ch = text[i]
        if in_quotes:
            if ch == '"':
                if text.startswith('"', i + 1):
                    skip = i + 1
                else:
                    in_quotes = False
            else:
                line += ch == "\n"
            continue
        if ch == ",":
            field, field_start, quoted = field + 1, i + 1, False
        elif ch == "\n":
            line += 1
            record_line, field, field_start, quoted = line, 0, i + 1, False
        elif i == field_start:
            quoted = in_quotes = True
        elif not quoted and (not found or found[-1] != (record_line, field)):
            found.append((record_line, field))
    return found


def read_table(resource: Resource, data_dir: Path, shown_dir: str = "data") -> tuple[Table, list[Problem]]:
    """Parse one CSV into raw string rows, checking header shape and row lengths."""
    shown = f"{shown_dir}/{resource.path}"
    path = data_dir / resource.path
    if not path.exists():
        return Table(resource, shown, [], [], broken=True), [Problem(shown, 0, "", "file is missing")]
    if not path.resolve().is_relative_to(data_dir.resolve()):
        return Table(resource, shown, [], [], broken=True), [
            Problem(shown, 0, "", "is a link to a file outside the data directory; put the file itself there")
        ]
    text, problems = _read_text(path, shown)
    if text is None:
        return Table(resource, shown, [], [], broken=True), problems
    if not text.strip():
        return Table(resource, shown, [], [], broken=True), [Problem(shown, 1, "", "file is empty; expected a header row")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        return Table(resource, shown, [], [], broken=True), [Problem(shown, 1, "", f"unreadable CSV header: {exc}")]
    expected = resource.column_names
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if extra:
            parts.append(f"unexpected column(s) {', '.join(map(_shown_name, extra))}")
        if not parts:
            parts.append("repeated column(s)" if len(set(header)) != len(header) else "columns out of order")
        msg = "; ".join(parts) + f"; expected header: {','.join(expected)}"
        return Table(resource, shown, [], [], broken=True), [Problem(shown, 1, "", msg)]
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
    for line, index in _bare_quotes(text):
        if line > 1 and index < len(expected):
            problems.append(
                Problem(
                    shown,
                    line,
                    expected[index],
                    "a double quote inside a field that is not quoted; "
                    'quote the whole field and double the inner quote ("5"" guns")',
                )
            )
    if not rows and not problems and resource.name in ROWS_REQUIRED:
        problems.append(Problem(shown, 2, "", "the table has a header but no rows; it needs at least one"))
    return Table(resource, shown, rows, lines, broken=not rows and resource.name in ROWS_REQUIRED), problems


def _shown_name(name: str) -> str:
    """A header name as shown in a message: quoted, invisible characters escaped and named."""
    hidden = [ch for ch in name if not ch.isprintable() or (ch.isspace() and ch != " ")]
    if not hidden and name == name.strip() and "," not in name:
        return name
    return show(name) + (f" (contains {describe(hidden[0])})" if hidden else "")


def _url_problem(value: str) -> str | None:
    """Why `value` is not a URL a reader can follow safely, or None."""
    bad = _URL_FORBIDDEN.search(value)
    if bad:
        return f"URL contains {describe(bad.group())}; percent-encode it (e.g. %20, %22, %7B) or remove it: {show(value)}"
    try:
        parsed = urlsplit(value)
        port = parsed.port
    except ValueError as exc:
        return f"not a well-formed URL ({exc}): {show(value)}"
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return f"expected a full http(s) URL, got {show(value)}"
    if "@" in parsed.netloc:
        return f"URL names a user before its host ('user@host'); cite the page's own address: {show(value)}"
    if port == 0:
        return f"URL has port 0: {show(value)}"
    host = parsed.hostname or ""
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return f"URL host {show(host)} is not a valid internationalised domain name"
    labels = ascii_host.removesuffix(".").split(".")  # a fully qualified name may end in a dot
    if (
        len(labels) < 2
        or not all(_HOST_LABEL.fullmatch(label) for label in labels)
        or not (labels[-1].isalpha() or labels[-1].startswith("xn--"))
    ):
        return f"URL has no real host name (like example.org), got host {show(host)} in {show(value)}"
    return None


_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


#: Characters that print as nothing although Python counts them printable (Hangul fillers, the braille blank).
_BLANK_LOOKING = frozenset("\u3164\u115f\u1160\uffa0\u2800")


def _characters_problem(f: Field, value: str) -> str | None:
    """Invisible, control or non-NFC characters; look-alike letters in a word of Latin letters; text that shows nothing."""
    multiline = f.name in MULTILINE_COLUMNS
    if value and all(ch in _BLANK_LOOKING or ch.isspace() for ch in value):
        return f"the text shows nothing ({describe(value[0])}): a name or quote must be visible text"
    if value.isascii():  # the common case: only control characters and spacing can be wrong
        bad = next((m.group() for m in _ASCII_CONTROL.finditer(value) if not (multiline and m.group() == "\n")), None)
    else:
        bad = None
        if not value.isprintable():
            bad = next((ch for ch in value if not ch.isprintable() and not (multiline and ch == "\n")), None)
    if bad is not None:
        i = value.index(bad) + 1
        kind = "line break" if bad in "\n\r\u2028\u2029" else "invisible or control character"
        return f"{kind} {describe(bad)} at character {i}; remove it (in {show(value[:60])})"
    if "  " in value and not multiline:
        return f"two spaces in a row at character {value.index('  ') + 1}; use one (a name written two ways counts twice)"
    if value.isascii():
        return None
    garbled = _mojibake(value)
    if garbled:
        return f"mojibake: {show(garbled[0])} reads {show(garbled[1])} once decoded as UTF-8 (the text was decoded as Windows-1252); re-save it as UTF-8"
    if not unicodedata.is_normalized("NFC", value):
        first = next(ch for ch in value if unicodedata.combining(ch) or unicodedata.normalize("NFC", ch) != ch)
        return (
            f"not in Unicode NFC form ({describe(first)} is a decomposed character); save the text as NFC, "
            f"or the same name counts twice: {show(value[:60])}"
        )
    for word in re.findall(r"\w+", value):
        if word.isascii() or not any(c.isascii() and c.isalpha() for c in word):
            continue
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        odd = scripts & _CONFUSABLE_SCRIPTS
        if odd and "Latin" in scripts:
            ch = next(c for c in word if _script(c) in odd)
            return f"{_script(ch)} {ch!r} ({describe(ch)}) among Latin letters in the word {show(word)}: a look-alike letter"
    return None


def _mojibake(value: str) -> tuple[str, str] | None:
    """A word that is UTF-8 read as Windows-1252 ("MÃ©xico", "donâ€™t"): it encodes back to bytes that are valid UTF-8."""
    for word in value.split():
        if word.isascii():
            continue
        try:
            fixed = word.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != word:
            return word, fixed
    return None


def _free_text(f: Field) -> bool:
    return f.type == "string" and f.enum is None and f.pattern is None and f.format is None


@lru_cache(maxsize=1 << 17)
def _check_value(f: Field, value: str, today: date) -> str | None:
    """The expectation a single cell fails, or None when it is fine (pure: a cell already read in this process is
    not checked again, which is what repeated loads of one record, in the tests above all, cost)."""
    if value != value.strip():
        return "leading or trailing spaces; remove them"
    if value == "":
        return "a value is required" if f.required else None
    chars = _characters_problem(f, value)
    if chars:
        return chars
    if f.type == "integer":
        if not _INT.fullmatch(value):
            hint = lookalike(value) if any(ch.isdigit() for ch in value) else None
            return f"expected a whole number in ASCII digits without separators or leading zeros, got {show(value)}" + (
                f" ({hint} is not an ASCII digit)" if hint else ""
            )
        if len(value.lstrip("-")) > 19 or not -INT64_MAX - 1 <= int(value) <= INT64_MAX:
            return f"number out of range: at most {INT64_MAX} (a 64-bit integer), got {value[:30]}"
        if f.minimum is not None and int(value) < f.minimum:
            return f"expected a number >= {f.minimum}, got {value}"
        if f.maximum is not None and int(value) > f.maximum:
            return f"expected a number <= {f.maximum:,} (the bound the analyses can hold), got {value[:30]}"
    elif f.type == "date":
        d = parse_date(value)
        if d is None:
            hint = lookalike(value) if any(ch.isdigit() for ch in value) else None
            return f"expected a real date as YYYY-MM-DD, got {show(value)}" + (f" ({hint} is not an ASCII digit)" if hint else "")
        if d < EARLIEST_DATE:
            return f"date {value} is before {EARLIEST_DATE}, the earliest date the loaders can hold (datetime64[ns])"
        if d > today:
            return f"date {value} is in the future (today is {today.isoformat()})"
    elif f.type == "list":
        items = value.split(f.delimiter)
        if any(not i or i != i.strip() for i in items):
            return f"expected items separated by '{f.delimiter}' without spaces or empty items, got {show(value)}"
        repeated = next((i for n, i in enumerate(items) if i in items[:n]), None)
        if repeated is not None:
            return f"item {show(repeated)} is listed twice"
    if f.enum is not None and value not in f.enum:
        hint = lookalike(value)
        return f"expected one of {', '.join(f.enum)}; got {show(value)}" + (f": {hint} is not an ASCII letter" if hint else "")
    if f.pattern is not None and f.type != "list" and not re.fullmatch(f.pattern, value, flags=re.ASCII):
        hint = lookalike(value)
        return f"expected a value matching {f.pattern}, got {show(value)}" + (
            f": {hint} is not an ASCII letter or digit (ids and codes are ASCII)" if hint else ""
        )
    if f.pattern is not None and f.type == "list":
        bad = [i for i in value.split(f.delimiter) if not re.fullmatch(f.pattern, i, flags=re.ASCII)]
        if bad:
            hint = lookalike(bad[0])
            return f"expected items matching {f.pattern}, got {show(bad[0])}" + (f" ({hint} is not ASCII)" if hint else "")
    if f.max_length is not None and len(value) > f.max_length:
        return f"too long: {len(value)} characters, at most {f.max_length}"
    if f.format == "uri":
        return _url_problem(value)
    if _free_text(f) and value.startswith(FORMULA_PREFIXES):
        return (
            f"starts with {value[0]!r}, which a spreadsheet runs as a formula when the downloaded CSV is opened; "
            "start the text with a letter, a digit or a quotation mark"
        )
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


#: Unknown references reported one by one per column; the rest of that column is counted.
MAX_REFERENCE_PROBLEMS = 10


def check_references(tables: dict[str, Table]) -> list[Problem]:
    """Every foreign key resolves (list columns item by item).

    When the referenced table itself is broken (missing, unreadable, no rows) its problem is the
    root cause: the references into it are summarised in one line per column, not listed."""
    problems: list[Problem] = []
    for t in tables.values():
        for fk in t.resource.foreign_keys:
            target = tables.get(fk.resource)
            if target is None:
                continue
            col = fk.fields[0]
            f = t.resource.field(col)
            if target.broken:
                n = sum(len(_values(f, row[col])) for row in t.rows)
                if n:
                    problems.append(
                        Problem(
                            t.file,
                            t.lines[0],
                            col,
                            f"{n} reference(s) to {target.file} not checked: "
                            "that table is broken (see its problem); fix it first",
                        )
                    )
                continue
            known = {r[fk.reference_fields[0]] for r in target.rows}
            found = [
                (line, item)
                for row, line in zip(t.rows, t.lines, strict=True)
                for item in _values(f, row[col])
                if item not in known
            ]
            for line, item in found[:MAX_REFERENCE_PROBLEMS]:
                hint = lookalike(item)
                problems.append(
                    Problem(
                        t.file,
                        line,
                        col,
                        f"{show(item)} is not a known {fk.reference_fields[0]} in {target.file}"
                        + (f" ({hint} is not an ASCII letter)" if hint else ""),
                    )
                )
            if len(found) > MAX_REFERENCE_PROBLEMS:
                rest = found[MAX_REFERENCE_PROBLEMS:]
                problems.append(
                    Problem(
                        t.file,
                        rest[0][0],
                        col,
                        f"... and {len(rest)} more unknown {fk.reference_fields[0]} "
                        f"value(s) in this column (lines {rest[0][0]}-{rest[-1][0]}); check {target.file} first",
                    )
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


def _int_or_none(value: str) -> int | None:
    """A cell as an integer when it is one the loaders can hold (cross-cell rules skip the rest)."""
    if not _INT.fullmatch(value) or len(value.lstrip("-")) > 19:
        return None
    n = int(value)
    return n if -INT64_MAX - 1 <= n <= INT64_MAX else None


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


@dataclass(frozen=True)
class Context:
    """What a row rule may read besides its row: each source's publication date, each metric's kind, and each State
    Party's deposit date (None for a state listed without a deposit), and whether the tables are an as-of view
    (helpers.data.profile: pages published after the view are withheld, so a reference may be blank)."""

    published: dict[str, date | None]
    kinds: dict[str, str]
    deposits: dict[str, date | None]
    as_of: bool = False


def _claim_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    problems = []
    lo, hi = row["low"], row["high"]
    if lo == "" and hi == "":
        problems.append(Problem(t.file, line, "low", "low and high are both empty; give at least one"))
    elif _int_or_none(lo) is not None and _int_or_none(hi) is not None and int(lo) > int(hi):
        problems.append(Problem(t.file, line, "high", f"low {lo} is greater than high {hi}"))
    problems += _check_qualifier(t, row, line)
    problems += _check_metric_kind(t, row, line, ctx.kinds)
    problems += _order(t, row, line, "period_start", "refers_to")
    stated, pub = _date_of(row, "stated"), ctx.published.get(row["source_id"])
    if stated and pub and stated > pub:
        problems.append(Problem(t.file, line, "stated", f"stated {stated} is after the source was published ({pub})"))
    refers = _date_of(row, "refers_to")
    if (
        stated
        and refers
        and refers > stated
        and row["metric"] != "planned"
        and ctx.kinds.get(row["metric"]) in ("stock", "cumulative")
    ):
        problems.append(
            Problem(
                t.file,
                line,
                "refers_to",
                f"refers to {refers}, after it was stated ({stated}): a figure about the "
                "future is a forecast, not a count (metric 'planned')",
            )
        )
    return problems


def _response_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    when, pub = _date_of(row, "date"), ctx.published.get(row["source_id"])
    if when and pub and when > pub and row.get("date_precision") == "day":
        return [Problem(t.file, line, "date", f"the measure is dated {when}, after its source was published ({pub})")]
    return []


def _start_precision(t: Table, row: Row, line: int) -> list[Problem]:
    """A start known to the month or the year is that period's last day (the latest it can be) or, when the relation
    was first reported within the period, that day; never a placeholder first day."""
    start, precision, first = _date_of(row, "start"), row.get("start_precision", ""), _date_of(row, "first_reported")
    if start is None:
        return [Problem(t.file, line, "start_precision", "a precision without a start")] if precision else []
    if not precision:
        return [Problem(t.file, line, "start_precision", f"start {start} without its precision: day, month or year")]
    if precision == "day":
        return []
    last = (
        date(start.year, 12, 31)
        if precision == "year"
        else (date(start.year + start.month // 12, start.month % 12 + 1, 1) - timedelta(days=1))
    )
    if start != last and start != first:
        return [
            Problem(
                t.file,
                line,
                "start",
                f"start {start} at {precision} precision: use the {precision}'s last day ({last}), "
                "or the first report's day when it comes earlier",
            )
        ]
    return []


def _relation_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    problems = []
    if row["source_actor"] and row["source_actor"] == row["target_actor"]:
        problems.append(Problem(t.file, line, "target_actor", f"a relation from {show(row['source_actor'])} to itself"))
    if row["status"] == "active" and row["end"]:
        problems.append(
            Problem(
                t.file,
                line,
                "status",
                f"status is 'active' but the relation ended on {row['end']}; use 'ended' or remove the end date",
            )
        )
    problems += _order(t, row, line, "start", "end")
    problems += _start_precision(t, row, line)
    problems += _order(t, row, line, "first_reported", "acknowledged")
    if row["acknowledged"] and not row.get("acknowledgement"):
        problems.append(
            Problem(
                t.file,
                line,
                "acknowledgement",
                f"acknowledged on {row['acknowledged']} but how far is not said: full, partial or opposing",
            )
        )
    elif row.get("acknowledgement") and not row["acknowledged"]:
        problems.append(
            Problem(
                t.file, line, "acknowledgement", f"{show(row['acknowledgement'])} acknowledgement without an acknowledged date"
            )
        )
    start, first = _date_of(row, "start"), _date_of(row, "first_reported")
    if start and first and start > first and row["relation"] != "treaty":
        problems.append(
            Problem(
                t.file,
                line,
                "start",
                f"start {start} is after the first report ({first}): a relation "
                "reported as happening began by then (only a treaty's start, its entry into force, may follow)",
            )
        )
    if row.get("first_source") and row["first_source"] not in row["source_ids"].split(";"):
        problems.append(
            Problem(
                t.file,
                line,
                "first_source",
                f"{show(row['first_source'])} is not among the relation's "
                "source_ids: the page of the first report is one of its sources",
            )
        )
    if not row.get("assessed_as") and (not row.get("acknowledged") or row["acknowledged"] > row["first_reported"]):
        problems.append(
            Problem(
                t.file,
                line,
                "assessed_as",
                "give the confirmation that held before the acknowledgement (government_assessment or media_report)",
            )
        )
    if bool(row.get("acknowledged")) != bool(row.get("acknowledged_source")) and not (ctx.as_of and row.get("acknowledged")):
        problems.append(Problem(t.file, line, "acknowledged_source", "an acknowledgement date and its source go together"))
    if row["status"] == "ended" and not row["end"]:
        problems.append(Problem(t.file, line, "end", "status is 'ended' but no end date is given"))
    return problems


def _treaty_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    problems = []
    if row["parties"] and len(set(row["parties"].split(";"))) < 2:
        problems.append(Problem(t.file, line, "parties", "a treaty needs at least two parties"))
    return problems + _order(t, row, line, "signed", "in_force") + _order(t, row, line, "in_force", "ended")


def _declaration_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    return _order(t, row, line, "period_start", "period_end") + _not_before(
        t, row, line, "period_start", ROME_IN_FORCE, "the Statute's entry into force (Art. 11(1))"
    )


def _warrant_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    return _not_before(t, row, line, "issued", ROME_IN_FORCE, "the Statute's entry into force (Art. 11(1))")


#: The Kampala amendments on aggression were adopted on 11 June 2010 (RC/Res.6); no ratification precedes them.
KAMPALA_ADOPTED = date(2010, 6, 11)


def _party_since(t: Table, row: Row, line: int, ctx: Context, what: str) -> list[Problem]:
    """The row's state must be a State Party, and the row no earlier than its deposit (Arts. 121, 127 concern parties)."""
    state, when = row["state"], _date_of(row, "date")
    if state not in ctx.deposits or ctx.deposits[state] is None:
        return [
            Problem(
                t.file,
                line,
                "state",
                f"{show(state)} never deposited the Statute (states_parties.csv): only a State Party can {what}",
            )
        ]
    if when and when < ctx.deposits[state]:
        return [
            Problem(
                t.file,
                line,
                "date",
                f"{when} is before {state} deposited the Statute ({ctx.deposits[state]}): only a State Party can {what}",
            )
        ]
    return []


def _kampala_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    problems = _not_before(t, row, line, "date", KAMPALA_ADOPTED, "the Kampala amendments' adoption (RC/Res.6, 11 June 2010)")
    return problems + _party_since(t, row, line, ctx, "ratify an amendment (Art. 121(5))")


def _referral_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    return (
        _order(t, row, line, "period_start", "period_end")
        + _not_before(t, row, line, "period_start", ROME_IN_FORCE, "the Statute's entry into force (Art. 11(1))")
        + _not_before(t, row, line, "adopted", ROME_IN_FORCE, "the Statute's entry into force: no Art. 13(b) referral before")
    )


def _situation_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    return _order(t, row, line, "examination_opened", "investigation_opened") + _not_before(
        t, row, line, "scope_start", ROME_IN_FORCE, "the Statute's entry into force (Art. 11(1))"
    )


def _actor_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    if row.get("acts_for") and row["acts_for"] == row["actor_id"]:
        return [Problem(t.file, line, "acts_for", f"{show(row['actor_id'])} acts for itself; leave acts_for empty")]
    return []


#: One domain rule per table, over a row and its neighbours' facts (tables without one have none beyond their schema).
def _region_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    """A region's members are countries (ISO 3166-1 alpha-3), each once, never another region."""
    members = [m for m in row.get("members", "").split(";") if m]
    problems = []
    for m in members:
        if m not in ALPHA3:  # pycountry's codes: no user-assigned X.. region code is among them
            problems.append(
                Problem(
                    t.file,
                    line,
                    "members",
                    f"{show(m)} is not a country code (ISO 3166-1 alpha-3): a region lists countries, not regions",
                )
            )
    doubled = sorted({m for m in members if members.count(m) > 1})
    if doubled:
        problems.append(Problem(t.file, line, "members", f"{', '.join(doubled)} listed twice"))
    return problems


def _subdivision_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    """A province is named under a code iso-codes knows (ISO 3166-2), so its state follows from the code."""
    if (
        re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", row.get("code", "")) and row["code"] not in subdivision_codes()
    ):  # else the schema's pattern says it
        return [Problem(t.file, line, "code", f"{show(row['code'])} is not an ISO 3166-2 subdivision code")]
    return []


def _place_name_row(t: Table, row: Row, line: int, ctx: Context) -> list[Problem]:
    if row.get("code") and row["code"] not in ALPHA3:
        return [Problem(t.file, line, "code", f"{show(row['code'])} is not a country code (ISO 3166-1 alpha-3)")]
    return []


ROW_RULES = {
    "regions": _region_row,
    "place_names": _place_name_row,
    "subdivision_names": _subdivision_row,
    "actors": _actor_row,
    "claims": _claim_row,
    "responses": _response_row,
    "relations": _relation_row,
    "treaties": _treaty_row,
    "declarations": _declaration_row,
    "arrest_warrants": _warrant_row,
    "states_parties": lambda t, row, line, ctx: _check_state_party(t, row, line),
    "aggression_amendments": _kampala_row,
    "unsc_referrals": _referral_row,
    "icc_situations": _situation_row,
    "withdrawal_events": lambda t, row, line, ctx: _party_since(t, row, line, ctx, "withdraw from the Statute (Art. 127)"),
}


def _once_per_state(t: Table, act: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for row, line in zip(t.rows, t.lines, strict=True):
        if row.get("act") == act:
            if row["state"] in seen:
                problems.append(
                    Problem(t.file, line, "state", f"{show(row['state'])} already has a {act} on line {seen[row['state']]}")
                )
            seen.setdefault(row["state"], line)
    return problems


def _rescission_after_announcement(t: Table) -> list[Problem]:
    first: dict[str, date] = {}
    for row in t.rows:
        when = _date_of(row, "date")
        if row.get("event") in ("announcement", "domestic_act") and when:
            first[row["state"]] = min(first.get(row["state"], when), when)
    return [
        Problem(t.file, line, "event", f"a rescission by {show(row['state'])} before any announcement or act of withdrawal")
        for row, line in zip(t.rows, t.lines, strict=True)
        if row.get("event") == "rescission"
        and (row["state"] not in first or (_date_of(row, "date") or date.max) < first[row["state"]])
    ]


def _metric_parts(t: Table) -> list[Problem]:
    """A part is of the same kind as its whole, and no metric is (through its parts) a part of itself."""
    rows = {r["metric"]: (r, line) for r, line in zip(t.rows, t.lines, strict=True)}
    problems = []
    for name, (row, line) in rows.items():
        whole = row.get("part_of", "")
        if whole and whole in rows and rows[whole][0]["kind"] != row["kind"]:
            problems.append(
                Problem(
                    t.file,
                    line,
                    "part_of",
                    f"{name} is a {row['kind']} but its whole {whole} is a "
                    f"{rows[whole][0]['kind']}: a part counts the same way as its whole",
                )
            )
        seen, cur = {name}, whole
        while cur and cur in rows:
            if cur in seen:
                problems.append(Problem(t.file, line, "part_of", f"{name} is, through its parts, a part of itself"))
                break
            seen.add(cur)
            cur = rows[cur][0].get("part_of", "")
    return problems


#: The coded fields whose deciding passage each record keeps (data/evidence.csv); a relation's acknowledgement only
#: when it has one.
EVIDENCE_FIELDS = {
    "claims": ("stated", "figure", "qualifier", "scope", "metric", "institution"),
    "relations": ("first_reported", "acknowledged", "start"),
}


def _record_pages(name: str, row: Row) -> set[str]:
    """The pages a record's evidence may be read on: a claim's source and relays, a relation's sources."""
    if name == "claims":
        return {row["source_id"], *filter(None, row.get("relayed_by", "").split(";"))}
    return {
        *filter(None, row.get("source_ids", "").split(";")),
        row.get("first_source", ""),
        row.get("acknowledged_source", ""),
    } - {""}


def _evidence_row(row: Row, line: int, t: Table, record: Row | None, published: dict[str, date | None]) -> list[Problem]:
    out = []
    name, field_name = row["record_table"], row["field"]
    if record is None:
        return [Problem(t.file, line, "record_id", f"{show(row['record_id'])} is not a row of {name}.csv")]
    if field_name not in EVIDENCE_FIELDS[name]:
        return [
            Problem(
                t.file, line, "field", f"{show(field_name)} is not a coded field of {name} ({', '.join(EVIDENCE_FIELDS[name])})"
            )
        ]
    if field_name == "acknowledged" and not record.get("acknowledged"):
        out.append(Problem(t.file, line, "field", f"{row['record_id']} has no acknowledgement to give evidence for"))
    if row["status"] == "verified":
        for col in ("passage", "source_id"):
            if not row[col]:
                out.append(
                    Problem(t.file, line, col, f"a verified field needs its {col}; otherwise mark it unverified with the reason")
                )
    elif not row["reason"]:
        out.append(Problem(t.file, line, "reason", "an unverified field says why (what the stored record does not show)"))
    if row["source_id"] and row["source_id"] not in _record_pages(name, record):
        out.append(
            Problem(
                t.file,
                line,
                "source_id",
                f"{show(row['source_id'])} is not one of {row['record_id']}'s pages: "
                "list it among the record's sources (relayed_by / source_ids) or read the passage there",
            )
        )
    if field_name == "figure" and row["status"] == "verified" and row["passage"]:
        bounds = {int(b) for b in (record.get("low", ""), record.get("high", "")) if _int_or_none(b) is not None}
        if bounds and not bounds & numbers_in(row["passage"] + " " + row["passage_en"]):
            out.append(
                Problem(
                    t.file,
                    line,
                    "passage",
                    f"the passage deciding the figure does not state it ({' or '.join(f'{b:,}' for b in sorted(bounds))})",
                )
            )
    checked, pub = parse_date(row["checked"]), published.get(row["source_id"])
    if checked and pub and checked < pub:
        out.append(Problem(t.file, line, "checked", f"read on {checked}, before its page was published ({pub})"))
    return out


def check_evidence(tables: dict[str, Table]) -> list[Problem]:
    """Each coded field of every claim and relation has one evidence row (data/evidence.csv): a verified passage on
    one of the record's own pages (a figure's passage states the figure), or the reason it is unverified."""
    ev = tables.get("evidence")
    if ev is None or ev.broken or any(tables.get(n) is None or tables[n].broken for n in EVIDENCE_FIELDS):
        return []
    keys = {"claims": "claim_id", "relations": "relation_id"}
    records = {
        n: {r[keys[n]]: (r, line) for r, line in zip(tables[n].rows, tables[n].lines, strict=True)} for n in EVIDENCE_FIELDS
    }
    published = _published_dates(tables)
    problems: list[Problem] = []
    have: dict[tuple[str, str], set[str]] = {}
    for row, line in zip(ev.rows, ev.lines, strict=True):
        if row["record_table"] not in records:
            continue  # its enum problem is reported with the cell
        found = records[row["record_table"]].get(row["record_id"])
        problems += _evidence_row(row, line, ev, found[0] if found else None, published)
        have.setdefault((row["record_table"], row["record_id"]), set()).add(row["field"])
    for name, rows in records.items():
        t = tables[name]
        for rid, (record, line) in rows.items():
            wanted = [f for f in EVIDENCE_FIELDS[name] if f != "acknowledged" or record.get("acknowledged")]
            missing = [f for f in wanted if f not in have.get((name, rid), set())]
            if missing:
                problems.append(
                    Problem(
                        t.file,
                        line,
                        keys[name],
                        f"{rid} has no evidence row in {ev.file} for: "
                        f"{', '.join(missing)} (the passage that decides each, or why it is unverified)",
                    )
                )
    return problems


#: Rules over a whole table (order between rows, one per state, cycles).
TABLE_RULES = {
    "aggression_amendments": lambda t: _once_per_state(t, "ratification"),
    "withdrawal_events": _rescission_after_announcement,
    "metrics": _metric_parts,
}


def _published_dates(tables: dict[str, Table]) -> dict[str, date | None]:
    """Each source's publication date (None where the page shows none)."""
    return {r["source_id"]: parse_date(r["published"]) for r in tables["sources"].rows} if "sources" in tables else {}


def check_rows(tables: dict[str, Table], as_of: bool = False) -> list[Problem]:
    """Rules that involve more than one cell (ranges, date order, Art. 126 arithmetic): each table's rule in ROW_RULES."""
    published = _published_dates(tables)
    kinds = {r["metric"]: r["kind"] for r in tables["metrics"].rows} if "metrics" in tables else {}
    deposits = (
        {r["iso3"]: parse_date(r["deposited"]) for r in tables["states_parties"].rows} if "states_parties" in tables else {}
    )
    ctx = Context(published, kinds, deposits, as_of)
    problems: list[Problem] = []
    for name, t in tables.items():
        rule = ROW_RULES.get(name)
        if rule is not None:
            for row, line in zip(t.rows, t.lines, strict=True):
                problems += rule(t, row, line, ctx)
        if name in TABLE_RULES:
            problems += TABLE_RULES[name](t)
    return problems


#: What each qualifier says about the bounds: (low given, high given, low equals high).
QUALIFIER_BOUNDS = {
    "exact": (True, True, True),
    "about": (True, True, True),
    "at_least": (True, False, None),
    "at_most": (False, True, None),
    "range": (True, True, False),
}


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
        return [
            Problem(t.file, line, "qualifier", f"a range needs two different bounds; got {lo} twice (use 'exact' or 'about')")
        ]
    return []


def _check_metric_kind(t: Table, row: Row, line: int, kinds: dict[str, str]) -> list[Problem]:
    """A flow is counted over a period (period_start required); stocks and cumulative counts are not."""
    kind = kinds.get(row["metric"])
    if kind == "flow" and not row["period_start"]:
        return [Problem(t.file, line, "period_start", f"metric {row['metric']!r} is a flow: give the first day of its period")]
    if kind in ("stock", "cumulative") and row["period_start"]:
        return [
            Problem(
                t.file,
                line,
                "period_start",
                f"metric {row['metric']!r} is a {kind}, not a flow: leave period_start empty or use the metric's _in_period form",
            )
        ]
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
            problems.append(
                Problem(
                    t.file,
                    line,
                    "claim_id",
                    f"repeats claim {first_id} (line {first_line}): same institution, "
                    "origin, metric, date and figures; list this page in that claim's relayed_by instead",
                )
            )
        else:
            seen[key] = (line, row["claim_id"])
    return problems


#: The date column of each table a dated status can change: no status holds before it.
_HISTORY_DATE = {"arrest_warrants": "issued", "declarations": "lodged"}


def check_status_history(tables: dict[str, Table]) -> list[Problem]:
    """Every dated status names a row that exists, starts no earlier than that row's own date,
    and holds a value its column allows ('public': yes or no), so the as-of loaders can set it."""
    t = tables.get("status_history")
    if t is None:
        return []
    problems = []
    said: dict[tuple[str, str, str, str], tuple[int, str]] = {}
    for row, line in zip(t.rows, t.lines, strict=True):
        key = (row["table"], row["key"], row["field"], row["valid_from"])
        if key in said and said[key][1] != row["value"]:
            problems.append(
                Problem(
                    t.file,
                    line,
                    "value",
                    f"{show(row['value'])} contradicts {show(said[key][1])} (line {said[key][0]}) "
                    f"for the same row, field and day",
                )
            )
        said.setdefault(key, (line, row["value"]))
        if row["field"] == "public" and row["value"] not in ("yes", "no"):
            problems.append(Problem(t.file, line, "value", f"a 'public' entry is yes or no, got {show(row['value'])}"))
        target = tables.get(row["table"])
        if target is None or target.broken:
            continue
        pk = target.resource.primary_key[0]
        rows = {r[pk]: r for r in target.rows}
        if row["key"] not in rows:
            problems.append(Problem(t.file, line, "key", f"{show(row['key'])} is not a known {pk} in {target.file}"))
            continue
        if row["field"] != "public":
            if row["field"] not in target.resource.column_names:
                problems.append(Problem(t.file, line, "field", f"{target.file} has no column {show(row['field'])}"))
                continue
            allowed = target.resource.field(row["field"]).enum
            if allowed is not None and row["value"] not in allowed:
                problems.append(
                    Problem(
                        t.file,
                        line,
                        "value",
                        f"{show(row['value'])} is not a {row['field']} that {target.file} allows ({', '.join(allowed)})",
                    )
                )
        col = _HISTORY_DATE.get(row["table"])
        own, valid = parse_date(rows[row["key"]].get(col, "")), parse_date(row["valid_from"])
        if col and own and valid and valid < own:
            problems.append(Problem(t.file, line, "valid_from", f"valid_from {valid} is before the row's own {col} date {own}"))
    return problems


#: Columns that do not make two rows different facts.
_ANNOTATIONS = frozenset({"verification"})


def check_duplicate_rows(tables: dict[str, Table]) -> list[Problem]:
    """The same row twice under a new id (every column but the id and the verification stamp equal)."""
    problems = []
    for name, t in tables.items():
        if len(t.resource.primary_key) != 1 or name == "claims":  # claims: check_duplicate_claims, finer
            continue
        pk = t.resource.primary_key[0]
        cols = [c for c in t.resource.column_names if c != pk and c not in _ANNOTATIONS]
        seen: dict[tuple[str, ...], tuple[int, str]] = {}
        for row, line in zip(t.rows, t.lines, strict=True):
            key = tuple(row[c] for c in cols)
            if key in seen:
                problems.append(Problem(t.file, line, pk, f"repeats {show(seen[key][1])} (line {seen[key][0]}) under a new id"))
            else:
                seen[key] = (line, row[pk])
    return problems


#: Names that must not repeat: one institution or actor is one row, however its name is written.
UNIQUE_NAMES = (("claimants", "name"), ("claimants", "short_name"), ("actors", "name"), ("sources", "url"))


def _name_key(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


def check_ids_ignoring_case(tables: dict[str, Table]) -> list[Problem]:
    """Ids that differ only by case name one thing twice on case-insensitive file systems and in people's heads."""
    problems = []
    for t in tables.values():
        if t.broken or len(t.resource.primary_key) != 1:
            continue
        pk = t.resource.primary_key[0]
        seen: dict[str, tuple[int, str]] = {}
        for row, line in zip(t.rows, t.lines, strict=True):
            key = row[pk].casefold()
            if key in seen and seen[key][1] != row[pk]:
                problems.append(
                    Problem(
                        t.file,
                        line,
                        pk,
                        f"{show(row[pk])} differs from {show(seen[key][1])} (line {seen[key][0]}) only by case: one id per thing",
                    )
                )
            seen.setdefault(key, (line, row[pk]))
    return problems


def check_unique_names(tables: dict[str, Table]) -> list[Problem]:
    """The same institution or actor under two ids (names equal ignoring case, width and spacing)."""
    problems = []
    for name, col in UNIQUE_NAMES:
        t = tables.get(name)
        if t is None:
            continue
        pk = t.resource.primary_key[0]
        seen: dict[str, tuple[int, str]] = {}
        for row, line in zip(t.rows, t.lines, strict=True):
            key = _name_key(row[col])
            if key and key in seen:
                what = "one page is one source" if col == "url" else "one institution is one row"
                problems.append(
                    Problem(
                        t.file,
                        line,
                        col,
                        f"same {col} as {show(seen[key][1])} (line {seen[key][0]}), ignoring case, width and spacing: {what}",
                    )
                )
            elif key:
                seen[key] = (line, row[pk])
    return problems


def check_unlisted_files(package: Package, data_dir: Path, shown_dir: str) -> list[Problem]:
    """A CSV in the data directory that no resource describes is never checked: say so."""
    listed = {(data_dir / r.path).resolve() for r in package.resources}
    return [
        Problem(
            f"{shown_dir}/{p.relative_to(data_dir).as_posix()}",
            0,
            "",
            "this CSV has no resource in datapackage.json, so nothing checks it; describe it there or remove it",
        )
        for p in sorted(data_dir.rglob("*.csv"))
        if p.resolve() not in listed
    ]


ROME_ADOPTED = date(1998, 7, 17)
ROME_SIGNATURE_CLOSED = date(2000, 12, 31)  # Art. 125(1): open for signature until 31 December 2000
ROME_IN_FORCE = date(2002, 7, 1)


def _not_before(t: Table, row: Row, line: int, col: str, earliest: date, what: str) -> list[Problem]:
    d = _date_of(row, col)
    if d and d < earliest:
        return [Problem(t.file, line, col, f"{col} {d} is before {what} on {earliest}")]
    return []


def _check_state_party(t: Table, row: Row, line: int) -> list[Problem]:
    """The treaty order of a State Party's dates: signature (17 July 1998 to 31 December 2000,
    Art. 125(1)) before deposit, deposit before entry into force, withdrawal after deposit."""
    out: list[Problem] = []
    signed = _date_of(row, "signed")
    if signed and not ROME_ADOPTED <= signed <= ROME_SIGNATURE_CLOSED:
        out.append(
            Problem(
                t.file,
                line,
                "signed",
                f"the Statute was open for signature from {ROME_ADOPTED} to "
                f"{ROME_SIGNATURE_CLOSED} (Art. 125(1)), not on {signed}",
            )
        )
    out += _not_before(t, row, line, "deposited", ROME_ADOPTED, "the Statute's adoption")
    out += _order(t, row, line, "signed", "deposited")
    if row["instrument"] != "succession":  # a succession takes effect from independence, before the notice
        out += _order(t, row, line, "deposited", "entry_into_force")
    out += _order(t, row, line, "deposited", "withdrawal_notified")
    if _date_of(row, "withdrawal_notified") and not _date_of(row, "deposited"):
        out.append(Problem(t.file, line, "withdrawal_notified", "a withdrawal needs the deposit it withdraws from"))
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
                Problem(
                    t.file,
                    line,
                    "withdrawal_effective",
                    f"Art. 127(1): takes effect one year after notification, not before {year_later}",
                )
            )
    return out


#: Date columns that say when something became known: none may fall after the declared cut-off.
_KNOWN_ON = {
    "sources": "published",
    "claims": "stated",
    "recruitment_channels": "stated",
    "relations": "first_reported",
    "responses": "date",
}


def check_cutoff(package: Package, tables: dict[str, Table], today: date) -> list[Problem]:
    """The cut-off is the date the record was searched up to: not in the future, and no row known after it
    (a page published later means the search went further: raise the cut-off)."""
    cut = date.fromisoformat(package.raw["cutoff"])
    if cut > today:
        return [Problem("datapackage.json", 1, "cutoff", f"the cut-off {cut} is in the future (today is {today})")]
    problems = []
    for name, col in _KNOWN_ON.items():
        t = tables.get(name)
        if t is None or col not in t.resource.column_names:
            continue
        for row, line in zip(t.rows, t.lines, strict=True):
            when = parse_date(row.get(col, ""))
            if when and when > cut:
                problems.append(
                    Problem(
                        t.file,
                        line,
                        col,
                        f"{when} is after the record's declared cut-off {cut} "
                        "(datapackage.json 'cutoff'): raise the cut-off if the record was searched that far",
                    )
                )
    return problems


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
    as_of = is_as_of(package.raw)
    problems += check_rows(tables, as_of)
    problems += check_duplicate_claims(tables)
    problems += check_duplicate_rows(tables)
    problems += check_unique_names(tables)
    problems += check_ids_ignoring_case(tables)
    problems += check_status_history(tables)
    if not as_of:  # an as-of view carries no evidence: its passages were read later
        problems += check_evidence(tables)
    problems += check_unlisted_files(package, data_dir, shown_dir)
    problems += check_cutoff(package, tables, today)
    if problems:
        raise DataValidationError(problems)
    return tables
