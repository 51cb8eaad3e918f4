"""Determinism and read-only data: a fresh execution equals the stored notebook byte for byte,
and executing notebooks leaves data/ untouched. Also the manpower notebook re-run as of 2024-12-31."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers import data
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


MONTHS = "January February March April May June July August September October November December".split()


def test_manpower_notebook_as_of_end_2024_sees_nothing_published_later(tmp_path):
    cutoff = pd.Timestamp("2024-12-31")
    nb = execute(NB / "01_manpower.ipynb", out=tmp_path / "asof.ipynb", as_of="2024-12-31")
    text = "\n".join(
        "".join(o.get("data", {}).get(k, ""))
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        for k in ("text/markdown", "text/html", "text/plain")
    )
    assert "Record searched up to 31 December 2024" in text
    iso = [pd.Timestamp(d) for d in re.findall(r"\b(20\d\d-\d\d-\d\d)\b", text)]
    assert iso and max(iso) <= cutoff, max(iso)
    written = [pd.Timestamp(f"{d} {m} {y}") for d, m, y in re.findall(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS)}) (20\d\d)\b", text)]
    assert written and max(written) <= cutoff, max(written)
    sources = data.sources().set_index("source_id")["published"]
    cited = set(re.findall(r"(?:`|<code>)([a-z0-9][a-z0-9-]+)(?:`|</code>)", text)) & set(sources.index)
    assert cited and all(sources[s] <= cutoff for s in cited)
    claims = data.claims().set_index("claim_id")["stated"]
    mentioned = set(re.findall(r"\b((?:dprk|oth|rus)-\d{3})\b", text))
    assert mentioned and all(claims[c] <= cutoff for c in mentioned)


@pytest.mark.parametrize("as_of", ["2023-06-30"])
def test_other_notebooks_run_as_of_an_earlier_date(tmp_path, as_of):
    for name in ("02_alliances.ipynb", "03_legal_exposure.ipynb"):
        execute(NB / name, out=tmp_path / name, as_of=as_of)


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
