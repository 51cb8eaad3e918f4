"""Determinism and read-only data: a fresh execution equals the stored notebook byte for byte,
and executing notebooks leaves data/ untouched. Notebooks executed as of earlier dates are checked on the as-of
builds (tests/site/test_as_of_site.py), which execute every notebook as of each date."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from helpers.site.refresh import execute

#: Each of these renders a whole site or re-executes notebooks.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
NB = ROOT / "notebooks"


def tree_hash(path: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(path).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def test_execution_is_byte_identical_and_leaves_data_unchanged(tmp_path):
    before = tree_hash(ROOT / "data")
    target = NB / "00_evidence_base.ipynb"
    first, second = tmp_path / "first.ipynb", tmp_path / "second.ipynb"
    execute(target, out=first, env={"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"})
    execute(target, out=second)
    assert first.read_bytes() == second.read_bytes(), "two executions differ"
    assert first.read_bytes() == target.read_bytes(), "stored notebook is not what a fresh run gives: run `make refresh`"
    assert tree_hash(ROOT / "data") == before, "executing a notebook changed data/"


def test_stored_notebooks_carry_no_timing_or_run_specific_metadata():
    for path in sorted(NB.glob("*.ipynb")):
        nb = json.loads(path.read_text())
        assert "version" not in nb["metadata"].get("language_info", {}), path.name
        for cell in nb["cells"]:
            assert "execution" not in cell.get("metadata", {}), path.name
            assert re.fullmatch(r"\d\d-\d\d", cell["id"]), path.name
            if cell["cell_type"] == "code" and "".join(cell["source"]).strip():
                assert cell["execution_count"] is not None, f"{path.name}: unexecuted cell turns strict nbval lax"
                assert not any(o["output_type"] == "error" for o in cell["outputs"]), path.name
                assert not any(o.get("name") == "stderr" for o in cell["outputs"]), f"{path.name}: stderr output"


def test_exported_figures_are_byte_identical(tmp_path, monkeypatch):
    """SVG carries no date and fixed ids (svg.hashsalt); PNG carries no software stamp."""
    import matplotlib.pyplot as plt

    from helpers.presentation import plotting

    monkeypatch.setenv("FIGURES_DIR", str(tmp_path))
    outputs = []
    for _ in range(2):
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.plot([0, 1, 2], [2, 0, 1], label="a")
        ax.legend()
        plotting.finish(fig, "Test figure", "test", "2025-01-01")
        plotting.show(fig, "test figure", "a test line")
        outputs.append(((tmp_path / "test-figure.svg").read_bytes(), (tmp_path / "test-figure.png").read_bytes()))
    assert outputs[0] == outputs[1]
    assert b"<dc:date>" not in outputs[0][0]
