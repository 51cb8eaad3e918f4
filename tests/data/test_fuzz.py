"""Property-based tests (Hypothesis) on copies of the real data.

1. A random mutation of a real row is either rejected with a located problem (file, line and,
   for a cell, its column), or it loads to exactly the typed values the file holds: every
   typed cell written back as text is the text in the file (nothing coerced, nothing dropped).
2. Data that passes validation never makes a loader raise, today or as of any date.

Deterministic: each test runs a fixed number of derandomised examples (FUZZ_EXAMPLES, default 15), never a
wall-clock budget, so two runs test the same inputs; set FUZZ_EXAMPLES higher (and FUZZ_SEED) for a longer local hunt.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import data
from helpers.data.schema import load_package
from helpers.data.validation import DataValidationError, validate_package

REAL = Path(data.DATA_DIR)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
SEED = os.environ.get("FUZZ_SEED")
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=SEED is None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PACKAGE = load_package(REAL)
RESOURCES = [r for r in PACKAGE.resources if (REAL / r.path).exists()]


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


RAW = {r.name: _rows(REAL / r.path) for r in RESOURCES}

NASTY = [
    "\x00",
    "\ufeff",
    "\u200b",
    "\x1b[31m",
    "\x07",
    "\n",
    "\r",
    '"',
    ",",
    ";",
    "; ",
    " ",
    "=",
    "+",
    "-",
    "@",
    "\u0430",
    "\u0410",
    "\u0661",
    "\uff11",
    "\u00b2",
    "e\u0301",
    "\u00e9",
    "\u202e",
    "\u00a0",
    "<",
    ">",
    "{",
    "}",
    "\\",
    "$",
    "_",
    "0",
    "00",
    "9" * 20,
    "%",
    "#",
    "'",
    "\t",
    "\u2028",
    "\ud7ff",
    "\U0001f600",
]
EDGE = [
    "",
    "0",
    "-0",
    "007",
    "-1",
    "1e5",
    "9223372036854775807",
    "9223372036854775808",
    "0001-01-01",
    "1677-09-21",
    "1677-09-22",
    "2262-04-12",
    "2024-02-29",
    "2023-02-29",
    "2024-1-01",
    "2024-12",
    "01/02/2025",
    "2999-01-01",
    "NaN",
    "None",
    "null",
    "NA",
    "https://example.org/a",
    "https://./",
    "http://localhost/",
    "RUS",
    "XFN",
    "PRK;RUS",
    "PRK;PRK",
    "yes",
    "no",
    "active",
    "ended",
    "about",
    "range",
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(REAL, d)
    return d


def _write(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@st.composite
def cell_mutation(draw):
    res = draw(st.sampled_from(RESOURCES))
    rows = RAW[res.name]
    i = draw(st.integers(1, len(rows) - 1))
    j = draw(st.integers(0, len(res.column_names) - 1))
    old = rows[i][j]
    pos = draw(st.integers(0, len(old)))
    new = draw(
        st.one_of(
            st.sampled_from(EDGE),
            st.sampled_from(NASTY).map(lambda s: old[:pos] + s + old[pos:]),
            st.text(max_size=12).map(lambda s: old[:pos] + s + old[pos:]),
            st.sampled_from([r[j] for r in rows[1:]]),  # another row's value: duplicates, other ids
            st.sampled_from(rows[draw(st.integers(1, len(rows) - 1))]),  # a value from another column
        )
    )
    return res, i, j, new


@st.composite
def raw_mutation(draw):
    """Bytes-level edit of one record: quotes, delimiters and line breaks that break the CSV."""
    res = draw(st.sampled_from(RESOURCES))
    text = (REAL / res.path).read_text(encoding="utf-8")
    pos = draw(st.integers(0, len(text)))
    insert = draw(st.sampled_from(['"', ",", "\n", "\r\n", '""', ',"', '"\n', "\ufeff", "\x00"]))
    return res, text[:pos] + insert + text[pos:]


def _check_outcome(d: Path, touched: str) -> None:
    try:
        validate_package(load_package(d), d)
    except DataValidationError as exc:
        assert exc.problems
        located = [p for p in exc.problems if p.file.startswith("data/") and (p.line >= 1 or "missing" in p.message)]
        assert located, [str(p) for p in exc.problems]
        assert any(p.file == f"data/{touched}" or p.column for p in exc.problems), [str(p) for p in exc.problems]
        message = str(exc)
        assert "\x1b" not in message and "\x00" not in message and "\u200b" not in message
        return
    tables = data.load_tables(d)  # data that validates always loads
    for res in RESOURCES:
        raw = _rows(d / res.path)
        frame = tables[res.name]
        assert len(frame) == len(raw) - 1
        for col_index, col in enumerate(res.column_names):
            typed = [data.as_text(v) for v in frame[col]]
            assert typed == [r[col_index] for r in raw[1:]], (res.name, col)


@contextlib.contextmanager
def cell_changed(workdir: Path, res, i: int, j: int, new: str):
    """The working copy with one cell of `res` replaced by `new`, restored afterwards."""
    path = workdir / res.path
    rows = [list(r) for r in RAW[res.name]]
    rows[i][j] = new
    _write(path, rows)
    try:
        yield path
    finally:
        shutil.copy(REAL / res.path, path)


@given(cell_mutation())
@settings(FUZZ)
def test_a_mutated_cell_is_located_or_loads_exactly(workdir, mutation):
    res, i, j, new = mutation
    with cell_changed(workdir, res, i, j, new):
        _check_outcome(workdir, res.path)


@given(raw_mutation())
@settings(FUZZ)
def test_a_broken_record_is_located_or_loads_exactly(workdir, mutation):
    res, text = mutation
    path = workdir / res.path
    path.write_text(text, encoding="utf-8")
    try:
        _check_outcome(workdir, res.path)
    finally:
        shutil.copy(REAL / res.path, path)


LOADERS = [r.name for r in PACKAGE.resources]
FIRST, LAST = date(2022, 1, 1), data.cutoff().date()


@given(cell_mutation(), st.integers(0, (LAST - FIRST).days))
@settings(FUZZ)
def test_data_that_validates_never_makes_a_loader_raise(workdir, mutation, offset):
    res, i, j, new = mutation
    with cell_changed(workdir, res, i, j, new):
        try:
            validate_package(load_package(workdir), workdir)
        except DataValidationError:
            return
        when = (FIRST + timedelta(days=offset)).isoformat()
        for name in LOADERS:
            for as_of in (None, when):
                data.load(name, as_of, workdir)
