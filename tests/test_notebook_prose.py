"""Typed notebook prose never names a year: a sentence written today about '2025' would be read in a view as of
2024 (dates in prose come from the data, computed in code cells, so an as-of run shows only what was known then)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
YEAR = re.compile(r"(?<![\d.])20[2-9]\d(?![\d])")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_typed_prose_names_no_year_of_the_war(path):
    nb = nbformat.read(path, as_version=4)
    typed = [(c.id, m.group(0)) for c in nb.cells if c.cell_type == "markdown" for m in YEAR.finditer(c.source)]
    assert typed == []


def test_the_check_sees_a_typed_year():
    assert YEAR.findall("and the 2025 waves; Art. 12(3); in 12025 rows") == ["2025"]
