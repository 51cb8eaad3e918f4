"""The package, the tests, the benchmarks and the notebooks' code cells pass ruff's checks and are formatted by it
(the same commands as `make lint` and the pre-commit hooks), so CI enforces what the hooks ask."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUFF = Path(sys.executable).with_name("ruff")
PATHS = ["src", "tests", "benchmarks", "notebooks"]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff_passes_over_code_and_notebooks(command):
    run = subprocess.run([str(RUFF), *command, *PATHS], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-1000:]


def test_ruff_reads_the_notebooks(tmp_path):
    """A lint slip in a notebook's code cell is found (ruff reads .ipynb, not only .py)."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import os\nx = 1")])
    nbformat.write(nb, tmp_path / "n.ipynb")
    run = subprocess.run(
        [str(RUFF), "check", "--isolated", "--select", "F401", str(tmp_path / "n.ipynb")], capture_output=True, text=True
    )
    assert run.returncode == 1 and "F401" in run.stdout
