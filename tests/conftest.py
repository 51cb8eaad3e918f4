"""Suite-wide guard: a full run (unit tests and every notebook under nbval) must leave data/ unchanged. Also the order in
which the test command's workers take files: dearest first."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
#: The dearest files (`make bench` times them), dearest first. With `--dist loadfile` each worker takes the next file in
#: collection order as it frees up; starting the long ones first keeps both workers busy to the end instead of leaving
#: one to finish a long file alone.
DEAREST_FIRST = (
    "tests/site/test_site_browser.py",
    "tests/site/test_as_of_site.py",
    "tests/data/test_fuzz.py",
    "tests/analysis/test_estimates_part2.py",
    "tests/data/test_bad_input.py",
    "tests/analysis/test_over_time.py",
    "notebooks/01_manpower.ipynb",
)


def _hash() -> str:
    h = hashlib.sha256()
    for p in sorted(DATA.rglob("*")):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def pytest_sessionstart(session):
    session.config._data_hash = _hash()


def pytest_sessionfinish(session, exitstatus):
    if getattr(session.config, "workerinput", None) is not None:
        return  # xdist workers: the controller checks once all are done
    if _hash() != session.config._data_hash:
        session.exitstatus = 1
        print("\nERROR: data/ changed during the test run; notebooks and tests must never write into data/")


def pytest_collection_modifyitems(session, config, items):
    """Files in DEAREST_FIRST order, then the rest as collected; a file's own items keep their order (a notebook's
    cells run top to bottom)."""
    rank = {name: i for i, name in enumerate(DEAREST_FIRST)}

    def key(item) -> int:
        path = Path(str(item.path)).resolve()
        name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else ""
        return rank.get(name, len(rank))

    items.sort(key=key)
