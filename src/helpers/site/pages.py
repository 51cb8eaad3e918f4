"""The site's pages, rendered from the Jinja2 templates in helpers/site/templates/ with autoescaping on: every
string from data/ is escaped by the template engine, never by hand; only HTML the site itself rendered (a notebook's
body, the map's SVG) is passed as safe. The style sheet is static/site.css. Pages reference only files inside the site
(works offline)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import jinja2
import markupsafe
import pandas as pd

from helpers.data.schema import Package
from helpers.site.render import RenderedNotebook

SITE_TITLE = "Foreign manpower behind Russia's war against Ukraine"
TEMPLATES = Path(__file__).resolve().parent / "templates"
_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
)


def source_link(sources: pd.DataFrame, source_id: str) -> dict:
    """A source as the templates link it (templates/macros.html): publisher, title and page, from `sources` indexed
    by source_id; the id alone (an empty url) when the page is not in the view."""
    if source_id not in sources.index:
        return dict(id=source_id, url="", publisher="", title="")
    s = sources.loc[source_id]
    return dict(id=source_id, url=s["url"], publisher=s["publisher"], title=s["title"])


def render(template: str, title: str, data_date: str, root: str = "", scripts: Iterable[str] = (), **context) -> str:
    """A whole page from `template` (which extends base.html): `root` prefixes site links for pages in a subdirectory
    ("../"); `scripts` are site paths under assets/ loaded at the end of the body."""
    return _ENV.get_template(template).render(
        title=title, data_date=data_date, root=root, scripts=list(scripts), site_title=SITE_TITLE, **context
    )


def fragment(template: str, **context) -> str:
    """A piece of a page from its own template (the as-of banner, the key figures)."""
    return _ENV.get_template(template).render(**context)


def esc(value) -> str:
    """Text for the few places that still write markup in code (inline SVG), escaped exactly as the templates escape
    (markupsafe); pages use the templates."""
    return "" if value is None or (not isinstance(value, str | tuple) and pd.isna(value)) else str(markupsafe.escape(str(value)))


#: Scripts copied into assets/ by the build: the Vega builds from node_modules/ and the site's own scripts.
CHART_SCRIPTS = ("assets/vega.min.js", "assets/vega-lite.min.js", "assets/vega-embed.min.js", "assets/charts.js")
SEARCH_SCRIPTS = ("assets/search-index.js", "assets/search.js")
#: Sortable tables (click a column header) and the claims filter.
TABLE_SCRIPTS = ("assets/tables.js",)


def notebook_page(nb: RenderedNotebook, data_date: str) -> str:
    return render("notebook.html", nb.title, data_date, scripts=(CHART_SCRIPTS if nb.charts else ()) + TABLE_SCRIPTS, nb=nb)


def key_figures(findings) -> str:
    """The index's first block: each key figure, what stands behind it, and a link to its evidence."""
    return fragment("key_figures.html", findings=list(findings))


def index_page(
    notebooks: Iterable[RenderedNotebook],
    counts: dict[str, int],
    data_date: str,
    citation: str,
    findings: Iterable = (),
    cff: bool = True,
) -> str:
    """The home page: key figures, the notebooks, countries, data, and how to cite (`cff`: the site publishes the
    release's CITATION.cff, which an as-of view does not)."""
    return render(
        "index.html",
        "Home",
        data_date,
        notebooks=list(notebooks),
        counts=counts,
        citation=citation,
        findings=list(findings),
        cff=cff,
    )


def data_dictionary(package: Package, data_date: str) -> str:
    """Every table and column from the schema: type, allowed values, description, downloads; and what the search for
    the record could not find (the descriptor's coverage gaps)."""
    return render(
        "data.html", "Data dictionary", data_date, resources=package.resources, gaps=package.raw.get("coverage_gaps", [])
    )


def bibliography(
    sources: pd.DataFrame, claims: pd.DataFrame, used_by: dict[str, list[str]], titles: dict[str, str], data_date: str
) -> str:
    """One entry per source with the notebooks and claims that use it."""
    claim_ids = claims.groupby("source_id")["claim_id"].apply(list).to_dict()
    entries = []
    for row in sources.sort_values(["publisher", "published", "source_id"], na_position="last").itertuples():
        flags = [
            x
            for x in (
                ("secondary: " + str(row.original_claimant)) if row.primacy == "secondary" else "",
                "low reliability" if row.reliability == "low" else "",
                "unverified" if row.verification == "unverified" else "",
            )
            if x
        ]
        entries.append(
            dict(
                id=row.source_id,
                publisher=row.publisher,
                url=row.url,
                title=row.title,
                date="n.d." if pd.isna(row.published) else row.published.date().isoformat(),
                author=row.author if isinstance(row.author, str) else "",
                flags=flags,
                notebooks=[(s, titles.get(s, s)) for s in used_by.get(row.source_id, [])],
                claims=claim_ids.get(row.source_id, []),
            )
        )
    return render("bibliography.html", "Bibliography", data_date, entries=entries)


def claims_page(claims: pd.DataFrame, sources: pd.DataFrame, data_date: str, collection: str = SITE_TITLE) -> str:
    """Every claim, grouped by institution: a permalink per claim (#claim-ID) and per institution (#inst-ID),
    each claim with its figure, date, quote, a link to its source and its bibliography entry, and its cite line."""
    from helpers.analysis.origins import NAMED_DEAD_LISTS
    from helpers.data.loaders import known_from
    from helpers.data.places import place_name
    from helpers.presentation.citations import cite_claim
    from helpers.presentation.words import figure_words

    src = sources.set_index("source_id")
    claims = claims.assign(known=known_from(claims), named_list=claims["claimant_id"].astype(str).map(NAMED_DEAD_LISTS))
    names = claims.drop_duplicates("claimant_id").set_index("claimant_id")["claimant_name"]
    institutions = []
    for cid in sorted(claims["claimant_id"].dropna().unique(), key=lambda c: str(names.get(c, c)).lower()):
        own = claims[claims["claimant_id"] == cid].sort_values(["stated", "claim_id"], ascending=[False, True])
        rows = []
        for r in own.itertuples():
            s = src.loc[r.source_id] if r.source_id in src.index else None
            rows.append(
                dict(
                    id=r.claim_id,
                    origin=r.origin if isinstance(r.origin, str) else "",
                    metric=r.metric,
                    lineage=r.lineage_id if isinstance(r.lineage_id, str) else "",
                    known=f"{r.known:%Y-%m-%d}",
                    named_list=isinstance(r.named_list, str),
                    figure=figure_words(str(r.qualifier), r.low, r.high),
                    metric_words=str(r.metric).replace("_", " "),
                    where=place_name(r.origin) if isinstance(r.origin, str) else "",
                    standing="" if r.standing == "accepted" else str(r.standing).replace("_", " "),
                    stated=f"{r.stated:%-d %b %Y}",
                    quote=r.quote,
                    speaker=r.speaker if isinstance(r.speaker, str) else "",
                    source=source_link(src, r.source_id),
                    cite=cite_claim(r._asdict(), s, collection),
                )
            )
        institutions.append(dict(id=cid, name=str(names.get(cid, cid)), claims=rows))
    return render(
        "claims.html",
        "Claims",
        data_date,
        scripts=TABLE_SCRIPTS,
        institutions=institutions,
        total=len(claims),
        filters=_claim_filters(claims, names),
        known=(f"{claims['known'].min():%Y-%m-%d}", f"{claims['known'].max():%Y-%m-%d}"),
    )


def _claim_filters(claims: pd.DataFrame, names: pd.Series) -> dict[str, list[tuple[str, str]]]:
    """The choices of the claims page's filter bar, each (value, words) in the order of the words."""
    from helpers.analysis.origins import NAMED_DEAD_LISTS
    from helpers.data.places import place_name

    named = claims.dropna(subset=["lineage_id"])
    choices = {
        "origin": {o: place_name(o) for o in claims["origin"].dropna().unique()},
        "metric": {str(m): str(m).replace("_", " ") for m in claims["metric"].dropna().unique()},
        "institution": {str(c): str(names.get(c, c)) for c in claims["claimant_id"].dropna().unique()},
        "lineage": {
            str(i): str(n) if isinstance(n, str) else str(i)
            for i, n in zip(named["lineage_id"], named["lineage"] if "lineage" in named else named["lineage_id"], strict=True)
        },
        "list": {c: n for c, n in NAMED_DEAD_LISTS.items() if c in set(claims["claimant_id"].astype(str))},
    }
    return {k: sorted(v.items(), key=lambda kv: kv[1].lower()) for k, v in choices.items()}


def changes_page(changes, data_date: str) -> str:
    """What changed since the previous release: key figures that moved, codings corrected field by field, claims added
    and removed, audit flags then and now; every claim id a link to its permalink."""
    return render("changes.html", "What changed", data_date, scripts=TABLE_SCRIPTS, changes=changes)


def no_changes_page(why: str, data_date: str) -> str:
    """The changes page when there is nothing to compare (an as-of build, or the first release)."""
    return render("message.html", "What changed", data_date, heading="What changed", message=why)


def search_page(data_date: str) -> str:
    """The search page; the index (assets/search-index.js) is written by the build."""
    return render("search.html", "Search", data_date, scripts=SEARCH_SCRIPTS)


def figures_page(figures: list[str], data_date: str) -> str:
    """figures/index.html: every figure file for reuse."""
    return render("figures.html", "Figures", data_date, root="../", figures=figures)


def as_of_banner(as_of: str, depth: int) -> str:
    """The banner of every page of an as-of build (`depth`: the page's folder depth under the site)."""
    return fragment("as_of_banner.html", as_of=as_of, up="../" * (depth + 1))
