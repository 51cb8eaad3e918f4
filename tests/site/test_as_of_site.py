"""Built as of two dates, the collection names nothing later: no date after the view on any page, in the search
index, a figure or a download, unless the view itself states it (tests/later_dates.py says which), and its data folder
validates on its own (helpers.data.profile)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from later_dates import later_dates, stated_future

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
