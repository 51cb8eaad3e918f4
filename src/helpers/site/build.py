"""The main job: execute the notebooks and render the collection as an offline site.

``python -m helpers.site.build --execute --out build/site [--as-of 2024-12-31]``

Without --execute the stored notebooks are rendered as they are (nbval guarantees they match
what the code and data produce). The build reads notebooks and data; it computes no findings.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd

from helpers.analysis import evidence, legal
from helpers.data import loaders as data
from helpers.data import releases
from helpers.data.dates import date_problem
from helpers.data.places import place_name
from helpers.data.profile import as_of_descriptor
from helpers.data.schema import DATA_DIR, ROOT, Resource, load_package, parse_package
from helpers.presentation.changes import compare, current_manifest
from helpers.presentation.citations import bibtex, citable_claims, csl_json
from helpers.presentation.findings import key_findings
from helpers.site.outdir import BuildLocked, UnsafeOutput, building
from helpers.site.pages import (
    SITE_TITLE,
    as_of_banner,
    bibliography,
    changes_page,
    claims_page,
    data_dictionary,
    esc,
    figures_page,
    index_page,
    no_changes_page,
    notebook_page,
    search_page,
)
from helpers.site.render import render
from helpers.site.search import copy_assets, index_entries, place_entries, write_index

NOTEBOOKS = ROOT / "notebooks"


def claims_csv(claims: pd.DataFrame, sources: pd.DataFrame) -> str:
    """Claims as a download readable alone: joined with institution, lineage and source page (a country's claims,
    or the claims one chart draws)."""
    return citable_claims(claims, sources).to_csv(index=False, lineterminator="\n")


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


class BuildError(RuntimeError):
    """The build cannot go on (a notebook failed, a kernel would not start); the old site is kept."""


def check_as_of(value: str | None) -> str | None:
    """`--as-of` as an ISO date between the first day a claim is known and today, or ValueError."""
    if value is None:
        return None
    problem = date_problem(value)
    if problem:
        raise ValueError(f"--as-of {value!r} {problem}")
    when = date.fromisoformat(value)
    if when > date.today():
        raise ValueError(f"--as-of {value} is in the future (today is {date.today()})")
    earliest = data.first_known_claim().date()
    if when < earliest:
        raise ValueError(f"--as-of {value} is before the first claim known in the data ({earliest}); nothing was known then")
    return value


def _execute(nb: Path, target: Path, as_of: str | None, figures: Path) -> None:
    """Run one notebook; a kernel that cannot start or a failing cell becomes a BuildError saying so."""
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    from helpers.site.refresh import execute as run

    try:
        run(nb, out=target, as_of=as_of, env={"FIGURES_DIR": str(figures.resolve())})
    except NoSuchKernel as exc:
        raise BuildError(
            f"cannot start a Jupyter kernel for {nb.name}: no kernel named {exc.name!r} is installed for "
            f"{sys.executable}; run `make venv` (it installs ipykernel)"
        ) from None
    except CellExecutionError as exc:
        raise BuildError(f"{nb.name} failed: {str(exc).strip().splitlines()[-1][:300]}") from None
    except (DeadKernelError, TimeoutError, OSError, RuntimeError) as exc:
        raise BuildError(
            f"the Jupyter kernel for {nb.name} could not start or died ({type(exc).__name__}: {exc}); "
            f"check that {sys.executable} -m ipykernel runs"
        ) from None


def write_download(res: Resource, as_of: str | None, target: Path) -> None:
    """The CSV a reader downloads: the file itself, or as of a date the rows and values that
    helpers.data.load(name, as_of) shows then (no later rows, later dates blanked)."""
    if as_of is None:
        shutil.copy(DATA_DIR / res.path, target)
        return
    frame = data.load(res.name, as_of)[res.column_names]
    with open(target, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(res.column_names)
        writer.writerows([data.as_text(v) for v in row] for row in frame.itertuples(index=False))


def write_data_folder(folder: Path, as_of: str | None) -> str:
    """Every table as a reader downloads it, and the descriptor beside them (returned): a folder that validates on
    its own, as of a date under helpers.data.profile."""
    for res in load_package().resources:
        write_download(res, as_of, folder / res.path)
    descriptor = download_descriptor(as_of)
    _write(folder / "datapackage.json", descriptor)
    return descriptor


def build(out: Path, execute: bool = False, as_of: str | None = None, notebooks: list[Path] | None = None) -> dict:
    """Build the site into a temporary directory, then move it to `out` (replacing only an
    earlier build: see helpers.site.outdir); returns a summary with counts and timings."""
    as_of = check_as_of(as_of)
    execute = execute or as_of is not None  # stored outputs are the current record's: a view re-runs them
    with building(Path(out), ROOT) as tmp:
        summary = _build(tmp, execute, as_of, notebooks)
    return {**summary, "out": str(out)}


def _build(out: Path, execute: bool, as_of: str | None, notebooks: list[Path] | None) -> dict:
    started = time.perf_counter()
    notebooks = notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    for sub in ("figures", "data", "notebooks"):
        (out / sub).mkdir(parents=True)

    executed = []
    for nb in notebooks:
        target = out / "notebooks" / nb.name
        if execute:
            print(f"executing {nb.name}", flush=True)
            _execute(nb, target, as_of, out / "figures")
        else:
            shutil.copy(nb, target)
        executed.append(target)
    timings = {"execute_s": round(time.perf_counter() - started, 1)}

    when = data.analysis_date(as_of)
    data_date = record_stamp(when)
    copy_assets(out)
    known = frozenset(data.claims(as_of)["claim_id"])
    rendered = [render(p, out / "figures", known) for p in executed]
    for nb in rendered:
        _write(out / f"{nb.stem}.html", notebook_page(nb, data_date))

    descriptor = write_data_folder(out / "data", as_of)
    # the dictionary describes the downloads beside it: an as-of view's profile, without the current record's gaps
    _write(out / "data.html", data_dictionary(parse_package(json.loads(descriptor)), data_date))

    sources, claims = data.sources(as_of), data.claims(as_of)
    for nb in rendered:  # each interactive chart's claims, readable without the other tables (its "CSV" link)
        for name, ids in nb.chart_claims.items():
            _write(out / "figures" / f"{name}.csv", claims_csv(claims[claims["claim_id"].isin(ids)], sources))
    used_by: dict[str, list[str]] = {}
    for nb in rendered:
        for sid in nb.cited:
            used_by.setdefault(sid, []).append(nb.stem)
    titles = {nb.stem: nb.title for nb in rendered}
    _write(out / "bibliography.html", bibliography(sources, claims, used_by, titles, data_date))
    _write(out / "references.bib", bibtex(sources))
    _write(out / "references.json", json.dumps(csl_json(sources), indent=1, ensure_ascii=False) + "\n")

    from helpers.analysis.origins import icc_exposure, origin_countries

    countries = origin_countries(claims)
    exposure = icc_exposure(countries, when)  # once, for the country pages and the provinces in search alike
    n_countries = _country_pages(out / "countries", claims, sources, exposure, as_of, data_date)
    collection = f"{SITE_TITLE}, release {releases.current().version} ({data_date})"
    _write(out / "claims.html", claims_page(claims, sources, data_date, collection))
    _write(out / "search.html", search_page(data_date))
    _write(out / "changes.html", _changes(as_of, data_date))
    write_index(out, index_entries(rendered, claims, sources, countries, place_entries(claims, exposure, when)))

    figures = sorted(p.name for p in (out / "figures").iterdir())
    _write(out / "figures" / "index.html", figures_page(figures, data_date))

    facts = evidence.summary(claims, sources, legal.states_parties(when))
    counts = {
        "claims": facts["claims"],
        "sources": facts["sources"],
        "origin countries": facts["origins"],
        "States Parties": facts["states_parties"],
    }
    findings = key_findings(claims, data.load("regions", as_of), when)
    if as_of is None:  # the release's citation file, linked from "How to cite" (an as-of view cites its date instead)
        shutil.copy(releases.CITATION, out / "CITATION.cff")
    citation = releases.citation_line(f"{data.cutoff():%Y-%m-%d}" if as_of is None else as_of, as_of=as_of is not None)
    _write(out / "index.html", index_page(rendered, counts, data_date, citation, findings, cff=as_of is None))
    if as_of is not None:
        mark_as_of(out, as_of)
    timings["total_s"] = round(time.perf_counter() - started, 1)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return {
        "out": str(out),
        "pages": len(rendered) + 6 + n_countries,
        "countries": n_countries,
        "figures": len(figures),
        "bytes": size,
        **timings,
    }


def _map_svg(classes: dict[str, str | None], links: dict[str, str], titles: dict[str, str] | None = None) -> str:
    """The origin map as inline SVG whose countries link to their pages in the same tab, each with a title (shown on
    hover and read by screen readers): the country and its headline estimates."""
    import io

    import matplotlib.pyplot as plt

    from helpers.data import geo
    from helpers.presentation.plotting import origin_map

    fig, ax = plt.subplots(figsize=(10, 5.2))
    origin_map(ax, geo.country_rings(), classes, links=links)
    fig.tight_layout()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :].replace("xlink:href=", "href=").replace(' target="_blank"', "")  # SVG 2 links, same tab
    for origin, href in links.items():
        title = (titles or {}).get(origin)
        if title:
            svg = svg.replace(f'<a href="{href}">', f'<a href="{href}"><title>{esc(title)}</title>')
    return svg


def mark_as_of(out: Path, as_of: str) -> int:
    """Put the as-of banner at the top of every page of the build in `out`; returns the number of pages marked."""
    pages = sorted(out.rglob("*.html"))
    for path in pages:
        depth = len(path.relative_to(out).parts) - 1
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("<main>", as_of_banner(as_of, depth) + "<main>", 1), encoding="utf-8")
    return len(pages)


def download_descriptor(as_of: str | None) -> str:
    """The downloads' datapackage.json: the repository's, with the release's version and, for an as-of build, its
    date (the tables beside it hold only what was known then)."""
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    if as_of is not None:
        descriptor = as_of_descriptor(descriptor, as_of)
    descriptor["version"] = releases.current().version
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


def _changes(as_of: str | None, data_date: str) -> str:
    """The changes page: since the previous release for the current record; an as-of build only points to it."""
    release = releases.current()
    since = releases.previous(release)
    if as_of is not None or since is None:
        why = (
            "an as-of build shows the record as it stood then; releases compare the current record"
            if as_of is not None
            else "this is the first release with a manifest"
        )
        return no_changes_page(why, data_date)
    return changes_page(compare(since, current_manifest(release)), data_date)


def record_stamp(when) -> str:
    """What every page says of its date: the record's cut-off (an as-of build's own date) and the newest claim then."""
    return f"release {releases.current().version}; record searched up to {when.date().isoformat()}; newest claim {data.newest_claim(when).date().isoformat()}"


def _country_pages(folder: Path, claims, sources, exposure, as_of: str | None, data_date: str) -> int:
    """countries/<ISO3>.html for every origin country and countries/index.html with the map and the table; `exposure`
    is ``origins.icc_exposure`` over every origin country on the view's date."""

    from helpers.analysis import origins as og
    from helpers.analysis.manpower import Band
    from helpers.presentation.plotting import map_class
    from helpers.presentation.report import band as band_words
    from helpers.site.countries import countries_index, country_page

    folder.mkdir(parents=True)
    channels = data.load("recruitment_channels", as_of)
    responses = data.load("responses", as_of)
    when = data.analysis_date(as_of)
    countries = og.origin_countries(claims)
    recruits = og.ranked(claims, ("recruited", "identified_by_name"), when).set_index("origin")
    killed = og.ranked(claims, "killed", when).set_index("origin")
    rows = []
    for origin in countries:
        own = claims[claims["origin"] == origin]
        _write(
            folder / f"{origin}.html",
            country_page(
                origin,
                claims,
                sources,
                channels[channels["origin"] == origin],
                exposure[exposure["origin"] == origin],
                when,
                data_date,
                responses[responses["state"] == origin],
            ),
        )
        _write(folder / f"{origin}.csv", claims_csv(own, sources))

        def words(frame, code=origin):
            if code not in frame.index:
                return og.NO_FIGURE
            r = frame.loc[code]
            n = int(r["lineages"])
            return (
                band_words(Band(int(r["low"]), int(r["high"]), bool(r["low_open"]), bool(r["high_open"])))
                + f" ({'a single lineage' if n == 1 else f'{n} lineages'})"
            )

        rows.append(
            dict(
                origin=origin,
                name=place_name(origin),
                claims=len(own),
                recruits=words(recruits),
                killed=words(killed),
                institutions=int(own["claimant_id"].nunique()),
                latest=own["stated"].max(),
                recruits_low=recruits["low"].get(origin),
            )
        )
    classes = {o: map_class(recruits["low"].get(o)) for o in countries}  # the estimate's lower end, not the largest figure
    titles = {r["origin"]: f"{r['name']}: recruits {r['recruits']}; killed {r['killed']}" for r in rows}
    svg = _map_svg(classes, {o: f"{o}.html" for o in countries}, titles)
    _write(folder / "index.html", countries_index(pd.DataFrame(rows), svg, data_date))
    return len(countries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.site.build", description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site")
    parser.add_argument("--execute", action="store_true", help="execute the notebooks (with figure export) before rendering")
    parser.add_argument("--as-of", default=None, help="run the notebooks as of this date (YYYY-MM-DD); implies --execute")
    args = parser.parse_args(argv)
    try:
        summary = build(args.out, execute=args.execute or args.as_of is not None, as_of=args.as_of)
    except (UnsafeOutput, BuildLocked, BuildError, ValueError) as exc:
        from helpers.data.schema import terminal_safe

        print(terminal_safe(f"build: {exc}"), file=sys.stderr)  # notebook errors carry ANSI colour codes
        return 2
    print(
        f"site: {summary['out']}/index.html ({summary['pages']} pages, {summary['figures']} figure files, "
        f"{summary['bytes'] / 1e6:.1f} MB) built in {summary['total_s']} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
