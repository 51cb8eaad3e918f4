"""Built as of two dates, the collection names nothing later: no date after the view on any page, in the search
index, a figure or a download, unless the view itself states it (tests/later_dates.py says which), and its data folder
validates on its own (helpers.data.profile). Each build executes every notebook as of its date (a failing cell fails
the build), and the manpower notebook so executed names no later date, source or claim."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from later_dates import later_dates, stated_future

from helpers import data
from helpers.__main__ import main as helpers_cli
from helpers.site import build

#: The sparse early record (no North Korean figure yet, few countries) and the README's view at the end of 2024: a whole
#: as-of build each, the suite's dearest fixture; the downloads are checked on more dates in tests/data/test_as_of_leaks.py.
DATES = ["2023-06-30", "2024-12-31"]
#: What a reader gets: pages, the search index and other scripts written by the build, figures, downloads, citations.
READ = (".html", ".svg", ".js", ".json", ".csv", ".bib")


@pytest.fixture(scope="module", params=DATES)
def site(request, tmp_path_factory) -> tuple[Path, date]:
    out = tmp_path_factory.mktemp(f"as-of-{request.param}") / "site"
    build.build(out, as_of=request.param)
    return out, date.fromisoformat(request.param)


def _read(site: Path) -> list[Path]:
    vendored = {p.name for p in (build.ROOT / "src" / "helpers" / "site" / "static").rglob("*")}
    return [
        p
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix in READ and p.name not in vendored and not p.name.endswith(".min.js")
    ]


@pytest.mark.slow
def test_no_page_index_figure_or_download_names_a_later_date(site):
    out, when = site
    allowed = stated_future(out / "data")
    files = _read(out)
    assert {"index.html", "search-index.js", "claims.csv"} <= {p.name for p in files}
    leaks = [leak for p in files for leak in later_dates(p, when, allowed, out)]
    assert leaks == []


@pytest.mark.slow
def test_the_data_folder_of_an_as_of_build_validates_on_its_own(site, capsys):
    out, _ = site
    assert helpers_cli(["validate", str(out / "data")]) == 0, capsys.readouterr().err


MONTHS = "January February March April May June July August September October November December".split()
#: Whether the manpower notebook names claims by id in its text as of each view (the early record has no North Korean
#: figure, so its prose names none).
NAMES_CLAIMS = {"2023-06-30": False, "2024-12-31": True}


@pytest.mark.slow
def test_the_manpower_notebook_as_of_the_view_names_no_later_date_source_or_claim(site):
    out, when = site
    cutoff = pd.Timestamp(when)
    nb = nbformat.read(out / "notebooks" / "01_manpower.ipynb", as_version=4)
    text = "\n".join(
        "".join(o.get("data", {}).get(k, ""))
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        for k in ("text/markdown", "text/html", "text/plain")
    )
    assert f"Record searched up to {cutoff.day} {MONTHS[cutoff.month - 1]} {cutoff.year}" in text
    iso = [pd.Timestamp(d) for d in re.findall(r"\b(20\d\d-\d\d-\d\d)\b", text)]
    assert iso and max(iso) <= cutoff, max(iso)
    written = [pd.Timestamp(f"{d} {m} {y}") for d, m, y in re.findall(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS)}) (20\d\d)\b", text)]
    assert written and max(written) <= cutoff, max(written)
    sources = data.sources().set_index("source_id")["published"]
    cited = set(re.findall(r"(?:`|<code>)([a-z0-9][a-z0-9-]+)(?:`|</code>)", text)) & set(sources.index)
    assert cited and all(sources[s] <= cutoff for s in cited)
    claims = data.claims().set_index("claim_id")["stated"]
    mentioned = set(re.findall(r"\b((?:dprk|oth|rus)-\d{3})\b", text))
    assert bool(mentioned) == NAMES_CLAIMS[when.isoformat()]
    assert all(claims[c] <= cutoff for c in mentioned)
