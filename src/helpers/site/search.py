"""The site's offline search: an index written at build time (assets/search-index.js) and the
scripts the pages load, copied into assets/ (the Vega builds from node_modules/, the site's own
charts.js and search.js from helpers/static/).

Index entries are [kind, title, text, url] with kind one of notebook, claim, source, institution,
country, place, page; urls are relative to the site root. Text is what a reader sees: HTML stripped of
code cells, scripts and tags.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from helpers.data.schema import ROOT
from helpers.site.render import RenderedNotebook

STATIC = Path(__file__).resolve().parent / "static"
NODE = ROOT / "node_modules"
#: (file in node_modules, name in assets/): the UMD builds of the pinned packages (package-lock.json).
VENDOR = (
    ("vega/build/vega.min.js", "vega.min.js"),
    ("vega-lite/build/vega-lite.min.js", "vega-lite.min.js"),
    ("vega-embed/build/vega-embed.min.js", "vega-embed.min.js"),
)
_DROP = re.compile(r"<details class=\"code\">.*?</details>|<script\b.*?</script>|<style\b.*?</style>", re.S)
_TAG = re.compile(r"<[^>]+>")


class AssetsMissing(RuntimeError):
    """The npm packages are not installed."""


def copy_assets(out: Path) -> list[str]:
    """Copy the chart libraries and the site's scripts into `out`/assets; returns the file names."""
    assets = out / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    names = []
    for rel, name in VENDOR:
        src = NODE / rel
        if not src.exists():
            raise AssetsMissing(f"{src} not found: run `make venv` (it installs the pinned npm packages)")
        shutil.copy(src, assets / name)
        names.append(name)
    for f in ("charts.js", "search.js", "tables.js", "site.css"):
        shutil.copy(STATIC / f, assets / f)
        names.append(f)
    from helpers.site.render import CODE_CSS  # the notebooks' code highlighting, from Pygments

    (assets / "code.css").write_text(CODE_CSS + "\n", encoding="utf-8")
    return [*names, "code.css"]


def text_of(fragment: str) -> str:
    """Readable text of an HTML fragment (code cells, scripts and tags removed, whitespace collapsed)."""
    return " ".join(html.unescape(_TAG.sub(" ", _DROP.sub(" ", fragment))).split())


def notebook_entries(nb: RenderedNotebook) -> list[list[str]]:
    """One entry per section (h2/h3) of a rendered notebook, linking to its anchor."""
    parts = re.split(r'(<h[23] id="[^"]+">.*?</h[23]>)', nb.body)
    entries = [["notebook", nb.title, text_of(parts[0])[:3000], f"{nb.stem}.html"]]
    for i in range(1, len(parts) - 1, 2):
        m = re.match(r'<h[23] id="([^"]+)">(.*?)</h[23]>', parts[i])
        entries.append(
            ["notebook", f"{nb.title} › {text_of(m.group(2))}", text_of(parts[i + 1])[:3000], f"{nb.stem}.html#{m.group(1)}"]
        )
    return entries


def place_entries(claims: pd.DataFrame, exposure: pd.DataFrame, as_of) -> list[list[str]]:
    """One entry per province a reader may search for (data/subdivision_names.csv), under every name it is written
    with: its state, how many claims name it, and whether the Court could reach war crimes committed there by the
    recruits' nationals (`exposure`: `origins.icc_exposure` on `as_of`, the rows of the province's state), with the article that
    decides it. It links to the claims that name it, else to the Court's reach in notebook 03."""
    from helpers.data.places import place_name, subdivisions
    from helpers.presentation import report as rp

    said = (claims["location"].fillna("") + " " + claims["quote"].fillna("")).str.casefold()
    entries = []
    for r in subdivisions().itertuples():
        state = place_name(r.state)
        hits = {n: said.str.contains(rf"\b{re.escape(n.casefold())}", regex=True) for n in r.names}
        naming = int(pd.concat(hits.values(), axis=1).any(axis=1).sum())
        commonest = max(r.names, key=lambda n: int(hits[n].sum()))  # the name the claims page's word filter finds most by
        here = exposure[exposure["territory"] == r.state]
        text = f"{r.name}, {state} (ISO 3166-2 {r.code}). "
        if not here.empty:
            yes = here[here["status"] == "yes"]
            article = (
                "Art. 12(2)(a): the territory of a State Party or of a state accepting the Court"
                if yes["bases"].str.contains("12(2)(a)", regex=False).any()
                else "Art. 12(2)(b): the accused's nationality alone"
            )
            text += (
                f"War crimes here, as the record stood on {rp.day(as_of)}: {article}; the Court could reach nationals of "
                f"{len(yes)} of {len(here)} recruits' origins. "
            )
        text += f"{naming} claim{'s name' if naming != 1 else ' names'} it. Also written {', '.join(r.names[1:])}."
        url = f"claims.html?q={quote(commonest)}" if naming else "03_legal_exposure.html#when-could-the-icc-reach-whom"
        entries.append(["place", f"{r.name} ({state})", text, url])
    return entries


def index_entries(
    rendered: list[RenderedNotebook],
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    countries: list[str],
    provinces: list[list[str]] = (),
) -> list[list[str]]:
    from helpers.data.places import place_name
    from helpers.presentation.words import figure_words

    entries = [e for nb in rendered for e in notebook_entries(nb)]
    src = sources.set_index("source_id")
    for cid, own in claims.groupby("claimant_id", observed=True, sort=True):
        name = str(own["claimant_name"].iloc[0])
        short = str(own["claimant"].iloc[0])
        places = ", ".join(sorted({place_name(o) for o in own["origin"].dropna()}))
        metrics = ", ".join(sorted({str(m).replace("_", " ") for m in own["metric"]}))
        title = name if short in name else f"{name} ({short})"
        entries.append(
            [
                "institution",
                title,
                f"{len(own)} claim{'s' if len(own) != 1 else ''} about {places}: {metrics}.",
                f"claims.html#inst-{cid}",
            ]
        )
    for r in claims.sort_values(["stated", "claim_id"]).itertuples():
        pub = str(src.loc[r.source_id, "publisher"]) if r.source_id in src.index else ""
        where = place_name(r.origin) if isinstance(r.origin, str) else ""
        title = f"{r.claimant_name}: {figure_words(str(r.qualifier), r.low, r.high)} {str(r.metric).replace('_', ' ')}, {where} ({r.stated:%-d %b %Y})"
        text = " ".join(str(x) for x in (r.claimant, r.speaker, r.quote, pub, r.location, r.claim_id) if isinstance(x, str))
        entries.append(["claim", title, text, f"claims.html#claim-{r.claim_id}"])
    for r in sources.sort_values(["publisher", "source_id"]).itertuples():
        text = " ".join(str(x) for x in (r.publisher, r.author, r.original_claimant, r.url, r.source_id) if isinstance(x, str))
        entries.append(["source", f"{r.publisher}: {r.title}", text, f"bibliography.html#{r.source_id}"])
    for code in countries:
        own = claims[claims["origin"] == code]
        names = ", ".join(sorted(set(own["claimant"].astype(str))))
        entries.append(["country", place_name(code), f"{len(own)} claims by {names}.", f"countries/{code}.html"])
    entries += provinces
    entries.append(["page", "Data dictionary", "Every table and column of data/, with downloads.", "data.html"])
    entries.append(["page", "Bibliography", f"{len(sources)} sources, BibTeX and CSL-JSON.", "bibliography.html"])
    return entries


def write_index(out: Path, entries: list[list[str]]) -> int:
    """assets/search-index.js: the entries as a script (loads from file:// too); returns its size in bytes."""
    text = "window.SEARCH_INDEX = " + json.dumps(entries, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/") + ";\n"
    path = out / "assets" / "search-index.js"
    path.write_text(text, encoding="utf-8")
    return path.stat().st_size
