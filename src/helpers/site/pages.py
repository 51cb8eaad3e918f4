"""The site's pages: layout, index, data dictionary and bibliography. Every string that comes
from data/ is escaped; pages reference only files inside the site (works offline)."""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd

from helpers.data.schema import Package
from helpers.site.render import CODE_CSS, RenderedNotebook

SITE_TITLE = "Foreign manpower behind Russia's war against Ukraine"

CSS = """
:root { --ink:#1d2731; --muted:#5b6770; --line:#dde3e8; --accent:#1b6ca8; --bg:#fbfcfd; }
* { box-sizing: border-box; }
body { margin:0; font-family: "DejaVu Sans", system-ui, sans-serif; color:var(--ink); background:var(--bg); line-height:1.5; }
header.site { background:#1d2731; color:white; padding:.8rem 1.5rem; }
header.site a { color:white; text-decoration:none; margin-right:1.2rem; font-size:.95rem; }
header.site a.brand { font-weight:bold; }
main { max-width:1100px; margin:0 auto; padding:1.5rem; }
.layout { display:grid; grid-template-columns: 230px minmax(0, 1fr); gap:2rem; }
article { min-width:0; }
nav.toc { position:sticky; top:1rem; align-self:start; font-size:.85rem; border-left:3px solid var(--line); padding-left:.8rem; }
nav.toc a { display:block; color:var(--muted); text-decoration:none; margin:.2rem 0; }
nav.toc a.l3 { padding-left:.8rem; }
h1 { font-size:1.7rem; line-height:1.25; } h2 { border-bottom:1px solid var(--line); padding-bottom:.2rem; margin-top:2rem; }
a { color:var(--accent); }
figure { margin:1rem 0; } figure img { max-width:100%; height:auto; border:1px solid var(--line); background:white; }
figcaption { font-size:.8rem; color:var(--muted); }
details.code summary { cursor:pointer; color:var(--muted); font-size:.8rem; }
.highlight { background:#f4f6f8; padding:.5rem; overflow-x:auto; font-size:.8rem; }
table.data-table, table.dict { border-collapse:collapse; font-size:.78rem; margin:.5rem 0 1rem; display:block; overflow-x:auto; }
table.data-table th, table.data-table td, table.dict th, table.dict td { border-bottom:1px solid var(--line); padding:.25rem .5rem; text-align:left; vertical-align:top; }
.caption { font-size:.85rem; color:var(--muted); margin-bottom:0; }
pre { white-space:pre-wrap; font-size:.8rem; }
.cards { display:grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap:1.2rem; }
.card { background:white; border:1px solid var(--line); border-radius:6px; padding:1rem; }
.card img { width:100%; height:170px; object-fit:cover; object-position:top left; border:1px solid var(--line); }
.card h2 { font-size:1.1rem; border:0; margin:.6rem 0 .3rem; }
.card .question { color:var(--muted); font-size:.88rem; }
.card .findings { font-size:.85rem; }
.meta { color:var(--muted); font-size:.85rem; }
td.none { color:var(--muted); font-style:italic; }
ol.claims li, ol.responses li { margin-bottom:.8rem; } p.translation { margin:.1rem 0 .2rem 1.7rem; font-style:italic; } blockquote { margin:.3rem 0 .2rem 1rem; padding-left:.6rem; border-left:3px solid var(--line); }
.flag { background:#fde2c8; border-radius:3px; padding:0 .3rem; font-size:.8rem; }
.legend .key { margin-right:.8rem; white-space:nowrap; } .legend .dot { display:inline-block; width:.7rem; height:.7rem; border-radius:50%; margin-right:.25rem; vertical-align:middle; }
svg.timeline { width:100%; height:auto; max-width:760px; } .map svg { width:100%; height:auto; }
.map-and-list { display:grid; grid-template-columns:minmax(0,3fr) minmax(12rem,1fr); gap:1rem; align-items:start; }
ol.map-list { list-style:none; margin:0; padding:0; max-height:32rem; overflow-y:auto; border:1px solid var(--line); border-radius:4px; font-size:.85rem; }
ol.map-list a { display:flex; justify-content:space-between; gap:.5rem; padding:.45rem .6rem; min-height:2.75rem; box-sizing:border-box; align-items:center; border-bottom:1px solid var(--line); text-decoration:none; }
ol.map-list .figure { color:var(--muted); text-align:right; }
@media (max-width: 700px) { .map-and-list { grid-template-columns:1fr; } ol.map-list { max-height:none; } }
td.status-yes { color:#a4161a; font-weight:bold; } td.status-no { color:var(--muted); } td.status-contested { color:#b35c00; font-weight:bold; }
form.claim-filter { display:flex; flex-wrap:wrap; gap:.4rem .8rem; align-items:center; margin:1rem 0; padding:.6rem; border:1px solid var(--line); border-radius:4px; }
form.claim-filter select, form.claim-filter input { max-width:14rem; }
form.claim-filter .count { color:var(--muted); font-size:.85rem; }
table.data-table th[aria-sort] { cursor:pointer; }
table.data-table th[aria-sort=ascending]::after { content:" \2191"; } table.data-table th[aria-sort=descending]::after { content:" \2193"; }
section.key-figures ul { list-style:none; padding:0; display:grid; grid-template-columns:repeat(auto-fit,minmax(15rem,1fr)); gap:.8rem; }
section.key-figures li { border:1px solid var(--line); border-radius:4px; padding:.7rem; }
section.key-figures .label { display:block; font-size:.85rem; } section.key-figures .figure { font-size:1.5rem; display:block; }
section.key-figures .basis { display:block; color:var(--muted); font-size:.8rem; margin-top:.3rem; }
details.cite summary { font-size:.8rem; color:var(--muted); cursor:pointer; } details.cite p { font-size:.85rem; margin:.2rem 0 0; }
p.as-of { margin:0; padding:.6rem 1.5rem; background:#fff4d6; border-bottom:2px solid #d9a400; }
footer { color:var(--muted); font-size:.8rem; border-top:1px solid var(--line); margin-top:3rem; padding:1rem 1.5rem; }
header.site { display:flex; flex-wrap:wrap; align-items:center; gap:.3rem 0; }
header.site form.search { margin-left:auto; } header.site input[type=search] { font:inherit; font-size:.9rem; padding:.2rem .5rem; border-radius:4px; border:0; width:14rem; max-width:100%; }
nav.toc details > summary { cursor:pointer; font-weight:bold; list-style-position:outside; }
.output-html, .output-md { max-width:100%; overflow-x:auto; }
table.data-table, table.dict { max-width:100%; }
li, p, blockquote, figcaption { overflow-wrap:anywhere; } td { overflow-wrap:break-word; }
p.chart-title { font-weight:bold; font-size:1.05rem; margin:.2rem 0; } p.chart-subtitle { margin:0 0 .4rem; }
figure.chart { border:1px solid var(--line); background:white; padding:.6rem; }
.vl-target { width:100%; min-height:120px; } .vl-target svg { max-width:100%; }
.vl-chart.ready ~ img.static { display:none; }
.claim-detail { border-left:4px solid var(--accent); background:#f4f8fb; padding:.5rem .8rem; margin:.5rem 0; font-size:.9rem; }
.claim-detail p { margin:.2rem 0; }
ol.claims li:target, li:target { background:#fff6d6; }
section.institution { margin-bottom:1.5rem; }
ul.institutions { columns: 2 18rem; font-size:.88rem; }
#search-form input { font:inherit; font-size:1.05rem; padding:.45rem .6rem; width:100%; max-width:36rem; }
ol.hits { padding-left:1.2rem; } li.hit { margin-bottom:.7rem; } li.hit .kind { display:inline-block; min-width:6.5rem; font-size:.75rem; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
li.hit p { margin:.1rem 0 0; }
@media (max-width: 760px) {
  main { padding:1rem .8rem; }
  header.site { padding:.6rem .8rem; } header.site a { margin-right:.8rem; } header.site form.search { margin-left:0; width:100%; }
  header.site input[type=search] { width:100%; }
  .layout { display:block; }
  nav.toc { position:static; border-left:0; padding:0 0 .5rem; margin-bottom:.8rem; border-bottom:1px solid var(--line); }
  h1 { font-size:1.35rem; } h2 { font-size:1.15rem; }
  .cards { grid-template-columns:1fr; }
  figure { margin:1rem 0; overflow-x:auto; }
  li.hit .kind { display:block; }
}
@media print {
  header.site form.search, .vl-chart, nav.toc { display:none !important; }
  .vl-chart.ready ~ img.static { display:block !important; }
}
"""


def esc(value) -> str:
    return "" if value is None or (not isinstance(value, str | tuple) and pd.isna(value)) else html.escape(str(value))


#: Scripts copied into assets/ by the build: the Vega builds from node_modules/ and the site's own two scripts.
CHART_SCRIPTS = ("assets/vega.min.js", "assets/vega-lite.min.js", "assets/vega-embed.min.js", "assets/charts.js")
SEARCH_SCRIPTS = ("assets/search-index.js", "assets/search.js")
#: Sortable tables (click a column header) and the claims filter.
TABLE_SCRIPTS = ("assets/tables.js",)
#: Closes the table of contents on narrow screens (it stays a one-line "Contents" toggle).
TOC_SCRIPT = (
    "<script>if (window.matchMedia('(max-width: 760px)').matches) "
    "document.querySelectorAll('nav.toc details').forEach(function (d) { d.removeAttribute('open'); });</script>"
)


def page(title: str, body: str, data_date: str, root: str = "", scripts: Iterable[str] = ()) -> str:
    """The common layout: header navigation with a search box, content, footer with the data date and licences.
    `root` prefixes site links for pages in a subdirectory (e.g. "../" for figures/index.html); `scripts`
    are site paths (under assets/) loaded at the end of the body."""
    tags = "".join(f'<script src="{root}{esc(s)}"></script>' for s in scripts)
    return f"""<!DOCTYPE html>
<html lang="en" data-root="{esc(root)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · {esc(SITE_TITLE)}</title><link rel="icon" href="data:,">
<style>{CSS}\n{CODE_CSS}</style></head>
<body><header class="site"><a class="brand" href="{root}index.html">{esc(SITE_TITLE)}</a>
<a href="{root}index.html#notebooks">Notebooks</a><a href="{root}countries/index.html">Countries</a><a href="{root}claims.html">Claims</a><a href="{root}data.html">Data</a><a href="{root}changes.html">Changes</a><a href="{root}bibliography.html">Bibliography</a><a href="{root}index.html#cite">How to cite</a>
<form class="search" role="search" action="{root}search.html"><input type="search" name="q" placeholder="Search claims, sources, countries" aria-label="Search the collection"></form></header>
<main>{body}</main>
<footer>Data: {esc(data_date)}. Code MIT licence; data CC BY 4.0. Every figure traces to a row in <a href="{root}data.html">the data</a> that names its source.</footer>
{tags}</body></html>
"""


def notebook_page(nb: RenderedNotebook, data_date: str) -> str:
    toc = "".join(f'<a class="l{level}" href="#{esc(anchor)}">{esc(text)}</a>' for level, anchor, text in nb.toc if level > 1)
    body = (
        f'<div class="layout"><nav class="toc" aria-label="Contents"><details open><summary>Contents</summary>{toc}'
        f'<p><a href="notebooks/{esc(nb.stem)}.ipynb" download>Download the notebook (.ipynb)</a></p></details></nav>'
        f"<article>{nb.body}</article></div>{TOC_SCRIPT}"
    )
    return page(nb.title, body, data_date, scripts=(CHART_SCRIPTS if nb.charts else ()) + TABLE_SCRIPTS)


def key_figures(findings) -> str:
    """The index's first block: each key figure, what stands behind it, and a link to its evidence."""
    items = "".join(
        f'<li><a href="{esc(f.link)}"><span class="label">{esc(f.label)}</span> <strong class="figure">{esc(f.figure)}</strong></a>'
        f'<span class="basis">{esc(f.basis)}</span></li>'
        for f in findings
    )
    return (
        f'<section class="key-figures" aria-label="Key figures"><h2 id="key-figures">Key figures</h2><ul>{items}</ul></section>'
        if items
        else ""
    )


def index_page(
    notebooks: Iterable[RenderedNotebook], counts: dict[str, int], data_date: str, citation: str, findings: Iterable = ()
) -> str:
    cards = []
    for nb in notebooks:
        thumb = f'<img src="figures/{esc(nb.figures[0][0])}" alt="{esc(nb.figures[0][1])}">' if nb.figures else ""
        first = "".join(nb.findings[:1])
        cards.append(
            f'<div class="card" id="card-{esc(nb.stem)}"><a href="{esc(nb.stem)}.html">{thumb}</a>'
            f'<h2><a href="{esc(nb.stem)}.html">{esc(nb.title)}</a></h2><p class="question">{esc(nb.question)}</p>'
            f'<div class="findings">{first}</div></div>'
        )
    facts = ", ".join(f"{n:,} {esc(k)}" for k, n in counts.items())
    body = f"""<h1>{esc(SITE_TITLE)}</h1>
<p>An open collection of notebooks and datasets on the foreign soldiers and recruits who fight for Russia, the partnerships
that supply them, and their legal exposure under the Rome Statute of the International Criminal Court. Every number is a
sourced claim in the data; disagreement between claimants is kept, not averaged away.</p>
<p class="meta">Data: <strong>{esc(data_date)}</strong>.</p>
{key_figures(findings)}
<p class="meta">Every figure is an estimate over the claims in the data (which hold {facts}): the band across independent
lineages' current figures, never below a lasting floor; follow a figure to its institutions, quotes and sources.</p>
<h2 id="notebooks">Notebooks</h2><div class="cards">{"".join(cards)}</div>
<h2 id="countries">Countries</h2><p><a href="countries/index.html">A page for every origin country</a>: every claim with its
quote and source, the latest figure per side, how recruits were recruited, and whether the ICC reaches its nationals.</p>
<h2>Data and references</h2>
<ul><li><a href="data.html">Data dictionary and downloads</a> (CSV tables and the Frictionless <code>datapackage.json</code>)</li>
<li><a href="bibliography.html">Bibliography</a>, also as <a href="references.bib">BibTeX</a> and <a href="references.json">CSL-JSON</a></li>
<li>Figures for reuse: <a href="figures/">SVG and PNG files</a>, named after their notebook and section</li></ul>
<h2 id="cite">How to cite</h2><p>{esc(citation)}</p>"""
    return page("Home", body, data_date)


def data_dictionary(package: Package, data_date: str) -> str:
    """Every table and column from the schema: type, allowed values, description, downloads."""
    sections = []
    for res in package.resources:
        rows = []
        for f in res.fields:
            allowed = ", ".join(f.enum) if f.enum else (f"pattern {f.pattern}" if f.pattern else "")
            typ = f"list of {f.type}" if f.type == "list" else f.type
            rows.append(
                f"<tr><td><code>{esc(f.name)}</code></td><td>{esc(typ)}</td><td>{'yes' if f.required else ''}</td>"
                f"<td>{esc(allowed)}</td><td>{esc(f.description)}</td></tr>"
            )
        keys = f"Primary key: <code>{esc(', '.join(res.primary_key))}</code>." if res.primary_key else ""
        fks = " ".join(
            f"<code>{esc(fk.fields[0])}</code> → <code>{esc(fk.resource)}.{esc(fk.reference_fields[0])}</code>"
            for fk in res.foreign_keys
        )
        sections.append(
            f'<h2 id="{esc(res.name)}">{esc(res.title)} <small>(<a href="data/{esc(res.path)}" download>{esc(res.path)}</a>)</small></h2>'
            f"<p>{esc(res.description)} {keys} {('References: ' + fks) if fks else ''}</p>"
            f'<table class="dict"><thead><tr><th>column</th><th>type</th><th>required</th><th>allowed values</th><th>description</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    gaps = "".join(
        f"<li><strong>{esc(g.get('subject', ''))}</strong> (searched {esc(g.get('searched', ''))}): {esc(g.get('found', ''))}</li>"
        for g in package.raw.get("coverage_gaps", [])
    )
    searched = (
        (
            f'<h2 id="coverage-gaps">What the search could not find</h2><p>Declared in datapackage.json with the '
            f"cut-off: subjects searched up to it for which the stored public record holds no figure or no source.</p>"
            f"<ul>{gaps}</ul>"
        )
        if gaps
        else ""
    )
    body = (
        '<h1>Data dictionary</h1><p>Generated from <a href="data/datapackage.json" download>datapackage.json</a> '
        "(Frictionless Data Package). Validate a change with <code>python -m helpers validate</code>. Licence: CC BY 4.0.</p>"
        + searched
        + "".join(sections)
    )
    return page("Data dictionary", body, data_date)


def bibliography(
    sources: pd.DataFrame, claims: pd.DataFrame, used_by: dict[str, list[str]], titles: dict[str, str], data_date: str
) -> str:
    """One entry per source with the notebooks and claims that use it."""
    claim_ids = claims.groupby("source_id")["claim_id"].apply(list).to_dict()
    items = []
    for row in sources.sort_values(["publisher", "published", "source_id"], na_position="last").itertuples():
        date = "n.d." if pd.isna(row.published) else row.published.date().isoformat()
        flags = [
            x
            for x in (
                ("secondary: " + esc(row.original_claimant)) if row.primacy == "secondary" else "",
                "low reliability" if row.reliability == "low" else "",
                "unverified" if row.verification == "unverified" else "",
            )
            if x
        ]
        nbs = ", ".join(f'<a href="{esc(s)}.html">{esc(titles.get(s, s))}</a>' for s in used_by.get(row.source_id, []))
        cl = ", ".join(
            f'<a href="claims.html#claim-{esc(c)}"><code>{esc(c)}</code></a>' for c in claim_ids.get(row.source_id, [])
        )
        items.append(
            f'<li id="{esc(row.source_id)}"><a class="permalink" href="#{esc(row.source_id)}" aria-label="Permalink">¶</a> <strong>{esc(row.publisher)}</strong> ({esc(date)}). '
            f'<a href="{esc(row.url)}" rel="noreferrer">{esc(row.title)}</a>'
            f"{(' — ' + esc(row.author)) if isinstance(row.author, str) else ''}"
            f'{(" [" + "; ".join(flags) + "]") if flags else ""}<br><span class="meta">id <code>{esc(row.source_id)}</code>'
            f"{(' · used in ' + nbs) if nbs else ''}{(' · claims ' + cl) if cl else ''}</span></li>"
        )
    body = (
        f'<h1>Bibliography</h1><p>{len(items):,} sources. Export: <a href="references.bib">BibTeX</a>, '
        f'<a href="references.json">CSL-JSON</a>.</p><ol>{"".join(items)}</ol>'
    )
    return page("Bibliography", body, data_date)


def claims_page(claims: pd.DataFrame, sources: pd.DataFrame, data_date: str, collection: str = SITE_TITLE) -> str:
    """Every claim, grouped by institution: a permalink per claim (#claim-ID) and per institution (#inst-ID),
    each claim with its figure, date, quote and a link to its source and its bibliography entry."""
    from helpers.analysis.origins import NAMED_DEAD_LISTS
    from helpers.data.loaders import known_from
    from helpers.data.places import place_name
    from helpers.presentation.citations import cite_claim
    from helpers.presentation.words import figure_words

    src = sources.set_index("source_id")
    claims = claims.assign(known=known_from(claims), named_list=claims["claimant_id"].astype(str).map(NAMED_DEAD_LISTS))
    order = claims.groupby("claimant_id", observed=True).size().sort_values(ascending=False, kind="stable")
    names = claims.drop_duplicates("claimant_id").set_index("claimant_id")["claimant_name"]
    index, sections = [], []
    for cid in sorted(order.index, key=lambda c: str(names.get(c, c)).lower()):
        own = claims[claims["claimant_id"] == cid].sort_values(["stated", "claim_id"], ascending=[False, True])
        name = str(names.get(cid, cid))
        index.append(f'<li><a href="#inst-{esc(cid)}">{esc(name)}</a> ({len(own):,})</li>')
        items = []
        for r in own.itertuples():
            s = src.loc[r.source_id] if r.source_id in src.index else None
            link = (
                (
                    f'<a class="source" href="{esc(s["url"])}" rel="noreferrer">{esc(s["publisher"])}: {esc(s["title"])}</a>'
                    f' · <a href="bibliography.html#{esc(r.source_id)}">bibliography</a>'
                )
                if s is not None
                else esc(r.source_id)
            )
            standing = "" if r.standing == "accepted" else f' <span class="flag">{esc(str(r.standing).replace("_", " "))}</span>'
            where = place_name(r.origin) if isinstance(r.origin, str) else ""
            attrs = (
                f'data-origin="{esc(r.origin)}" data-metric="{esc(r.metric)}" data-institution="{esc(cid)}" '
                f'data-lineage="{esc(r.lineage_id)}" data-known="{r.known:%Y-%m-%d}"'
                + (f' data-list="{esc(cid)}"' if isinstance(r.named_list, str) else "")
            )
            items.append(
                f'<li id="claim-{esc(r.claim_id)}" {attrs}><strong>{esc(figure_words(str(r.qualifier), r.low, r.high))}</strong> '
                f"{esc(str(r.metric).replace('_', ' '))} · {esc(where)}{standing} — {r.stated:%-d %b %Y}"
                f'<blockquote>{esc(r.quote)}</blockquote><span class="meta">{esc(r.speaker)} · {link} · '
                f'<a class="permalink" href="#claim-{esc(r.claim_id)}"><code>{esc(r.claim_id)}</code></a></span>'
                f'<details class="cite"><summary>Cite this claim</summary><p>{esc(cite_claim(r._asdict(), s, collection))}</p></details></li>'
            )
        sections.append(
            f'<section class="institution" id="inst-{esc(cid)}"><h2>{esc(name)}</h2>'
            f'<p class="meta">{len(own):,} claim{"s" if len(own) != 1 else ""}</p><ol class="claims">{"".join(items)}</ol></section>'
        )
    body = (
        f"<h1>Claims by institution</h1><p>{len(claims):,} claims by {len(order):,} institutions, newest first within each. "
        f"Each claim has a permalink (<code>claims.html#claim-ID</code>) and each institution one "
        f'(<code>claims.html#inst-ID</code>). <a href="search.html">Search</a> to filter by a word, a country or a name.</p>'
        + _claim_filter(claims, names)
        + f'<h2 id="institutions">Institutions</h2><ul class="institutions">{"".join(index)}</ul>'
        + "".join(sections)
    )
    return page("Claims", body, data_date, scripts=TABLE_SCRIPTS)


def _options(name: str, label: str, values: dict[str, str]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in sorted(values.items(), key=lambda kv: kv[1].lower()))
    return f'<label>{esc(label)} <select name="{esc(name)}"><option value="">all</option>{opts}</select></label>'


def _claim_filter(claims: pd.DataFrame, names: pd.Series) -> str:
    """The filter bar of the claims page: origin, metric, institution, lineage, named list, the day by which a claim
    was known, and words; a query string (claims.html?origin=KEN&metric=killed&known=2024-12-31) opens it filtered."""
    from helpers.analysis.origins import NAMED_DEAD_LISTS
    from helpers.data.places import place_name

    origins = {o: place_name(o) for o in claims["origin"].dropna().unique()}
    metrics = {str(m): str(m).replace("_", " ") for m in claims["metric"].dropna().unique()}
    institutions = {str(c): str(names.get(c, c)) for c in claims["claimant_id"].dropna().unique()}
    named = claims.dropna(subset=["lineage_id"])
    lineages = {
        str(i): str(n) if isinstance(n, str) else str(i)
        for i, n in zip(named["lineage_id"], named["lineage"] if "lineage" in named else named["lineage_id"], strict=True)
    }
    lists = {c: n for c, n in NAMED_DEAD_LISTS.items() if c in set(claims["claimant_id"].astype(str))}
    return (
        '<form class="claim-filter" data-items="ol.claims > li" data-sections="section.institution" role="search" '
        'aria-label="Filter the claims">'
        + _options("origin", "Origin", origins)
        + _options("metric", "Metric", metrics)
        + _options("institution", "Institution", institutions)
        + _options("lineage", "Lineage", lineages)
        + _options("list", "Named list", lists)
        + f'<label>Known by <input type="date" name="known" min="{claims["known"].min():%Y-%m-%d}" max="{claims["known"].max():%Y-%m-%d}"></label>'
        + '<label>Words <input type="search" name="q" placeholder="a name, a place, a figure"></label>'
        '<output class="count" aria-live="polite"></output></form>'
    )


def changes_page(changes, data_date: str) -> str:
    """What changed since the previous release: key figures that moved, codings corrected field by field, claims added
    and removed, audit flags then and now; every claim id a link to its permalink."""
    since, now = changes.since, changes.now

    def claim(cid: str) -> str:
        return f'<a href="claims.html#claim-{esc(cid)}"><code>{esc(cid)}</code></a>'

    figures = "".join(
        f"<tr><td>{esc(label)}</td><td>{esc(was) or 'not shown'}</td><td>{esc(then) or 'not shown'}</td></tr>"
        for label, was, then in changes.figures
    )
    recoded = "".join(
        f"<tr><td>{claim(cid)}</td><td>{esc(field)}</td><td>{esc(was)}</td><td>{esc(then)}</td></tr>"
        for cid, diff in changes.recoded.items()
        for field, was, then in diff
    )
    per_field = ", ".join(f"{esc(f)} {n}" for f, n in changes.fields.items())

    def flags(m: dict) -> str:
        return ", ".join(f"{m.get('flags', {}).get(k, 0):,} {k}" for k in ("raised", "reviewed", "open"))

    def count(n: int, what: str) -> str:
        return f"{n:,} {what}{'' if n == 1 else 's'}"

    body = (
        f"<h1>What changed since release {esc(since['version'])}</h1>"
        f"<p>Release <strong>{esc(now['version'])}</strong> ({esc(now['released'])}, record searched up to {esc(now['cutoff'])}) "
        f"against release {esc(since['version'])} ({esc(since['released'])}, searched up to {esc(since['cutoff'])}), from the "
        f"manifests in <code>data/releases/</code>. {esc(since.get('note', ''))}</p>"
        f"<ul><li>{count(len(changes.added), 'claim')} added, {len(changes.removed):,} removed</li>"
        f"<li>{count(len(changes.recoded), 'claim')} recoded ({per_field or 'none'})</li>"
        f"<li>{count(len(changes.figures), 'key figure')} moved</li>"
        f"<li>audit flags: then {flags(since)}; now {flags(now)}</li></ul>"
        + (
            f'<h2 id="figures">Key figures that moved</h2><table class="data-table"><thead><tr><th>figure</th>'
            f"<th>{esc(since['version'])}</th><th>{esc(now['version'])}</th></tr></thead><tbody>{figures}</tbody></table>"
            if figures
            else ""
        )
        + (
            f'<h2 id="recoded">Codings corrected</h2><table class="data-table"><thead><tr><th>claim</th><th>field</th>'
            f"<th>was</th><th>now</th></tr></thead><tbody>{recoded}</tbody></table>"
            if recoded
            else ""
        )
        + (f'<h2 id="added">Claims added</h2><p>{" ".join(claim(c) for c in changes.added)}</p>' if changes.added else "")
        + (
            f'<h2 id="removed">Claims removed</h2><p>{" ".join(f"<code>{esc(c)}</code>" for c in changes.removed)}</p>'
            if changes.removed
            else ""
        )
    )
    return page("What changed", body, data_date, scripts=TABLE_SCRIPTS)


def search_page(data_date: str) -> str:
    """The search page; the index (assets/search-index.js) is written by the build."""
    body = (
        "<h1>Search</h1><p>Search every notebook section, claim, source, institution and country page of the collection "
        "(offline: the index ships with the site).</p>"
        '<form id="search-form" role="search"><input type="search" name="q" autofocus aria-label="Search words" '
        'placeholder="e.g. South Korea NIS, Kursk, Nepal"></form><p id="search-status" class="meta" aria-live="polite"></p>'
        '<ol id="search-results" class="hits"></ol>'
    )
    return page("Search", body, data_date, scripts=SEARCH_SCRIPTS)
