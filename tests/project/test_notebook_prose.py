"""Typed notebook prose never names a year: a sentence written today about '2025' would be read in a view as of
2024 (dates in prose come from the data, computed in code cells, so an as-of run shows only what was known then)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
YEAR = re.compile(r"(?<![\d.])20[2-9]\d(?![\d])")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_typed_prose_names_no_year_of_the_war(path):
    nb = nbformat.read(path, as_version=4)
    typed = [(c.id, m.group(0)) for c in nb.cells if c.cell_type == "markdown" for m in YEAR.finditer(c.source)]
    assert typed == []


def test_the_check_sees_a_typed_year():
    assert YEAR.findall("and the 2025 waves; Art. 12(3); in 12025 rows") == ["2025"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_notebook_follows_one_skeleton(path):
    """Overview (title and question), key findings with their figures, the sections, caveats, then the sources."""
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ") and "**Question.**" in first.source
    heads = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines() if line.startswith("## ")]
    assert heads[0] == "## Key findings" and heads[-2:] == ["## Caveats", "## Sources cited"] and len(heads) >= 5
    at = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith("## Key findings"))
    cell = nb.cells[at + 1]
    assert cell.cell_type == "code" and "findings" in cell.metadata.get("tags", [])
    shown = "".join(o["data"]["text/markdown"] for o in cell.outputs if "text/markdown" in o.get("data", {}))
    items = [line for line in shown.splitlines() if line.startswith("- **")]
    assert 3 <= len(items) <= 5 and all("([evidence](" in line for line in items)
    last = nb.cells[-1]
    assert last.cell_type == "code" and "<details class='references'>" in "".join(
        o.get("data", {}).get("text/html", "") for o in last.outputs
    )
