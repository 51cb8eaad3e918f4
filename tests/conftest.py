"""Suite-wide guard: a full run (unit tests and every notebook under nbval) must leave data/ unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


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
