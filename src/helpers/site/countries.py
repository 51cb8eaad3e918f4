"""Country pages: one page per origin country, generated from the data through helpers.analysis.origins.

Every claim with its quote and a link to its source, the latest figure per metric and side ("no
figure in the data" where a side or metric has none), a timeline, the recruitment channels, the
ICC's reach over the country's nationals, and the sources. The page computes nothing itself:
figures come from helpers.analysis.origins, legal answers from helpers.analysis.legal.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import origins as og
from helpers.data.places import place_name
from helpers.presentation.plotting import SIDE_COLOURS
from helpers.presentation.report import band as band_words
from helpers.presentation.words import figure_words
from helpers.site.pages import TABLE_SCRIPTS, esc, page

#: Metrics a country page always lists, so that a missing one reads "no figure in the data".
CORE_METRICS = ("recruited", "identified_by_name", "killed", "prisoners_held", "returned")
STATUS_WORDS = {"yes": "Yes", "no": "No", "contested": "Contested"}


def _claim_link(claim_id: str, root: str = "") -> str:
    return f'<a href="{root}#claim-{esc(claim_id)}">{esc(claim_id)}</a>'


def estimate_table(claims: pd.DataFrame, origin: str, as_of) -> str:
    """The collection's estimate per metric: the band, the independent lineages behind it, its newest figure and age,
    and the claims that set it (``origins.estimates``)."""
    rows = []
    for est in og.estimates(claims, origin, as_of):
        used = est.figures["claim_id"].tolist() + (
            [est.floor.claim_id] if est.floor is not None and est.floor.claim_id not in set(est.figures["claim_id"]) else []
        )
        n = est.lineages
        who = ", ".join(sorted(est.claimants))
        age = f"stale: newest figure {est.age_days:,} days old" if est.stale else f"newest figure {est.newest:%d %b %Y}"
        rows.append(
            f'<tr><th scope="row">{esc(est.metric.replace("_", " "))}</th><td><strong>{esc(band_words(est.band))}</strong></td>'
            f"<td>{'a single lineage' if n == 1 else f'{n} independent lineages'}: {esc(who)}</td><td>{esc(age)}</td>"
            f"<td>{', '.join(_claim_link(c) for c in used)}</td></tr>"
        )
    if not rows:
        return f'<p class="none">{esc(og.NO_FIGURE)}</p>'
    return (
        '<table class="data-table estimate"><thead><tr><th>metric</th><th>estimate</th><th>behind it</th><th>age</th><th>claims</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def latest_table(claims: pd.DataFrame, origin: str, as_of) -> str:
    """Metric x side: the newest figure of each side with institution, date and claim; core metrics always shown."""
    by_metric = {m: og.latest_by_side(claims, origin, m, as_of) for m in og.COUNTRY_METRICS}
    present = [m for m, f in by_metric.items() if not f.empty]
    metrics = list(dict.fromkeys([*CORE_METRICS, *present]))
    sides = [s for s in og.TABLE_SIDES if any((by_metric[m]["side"] == s).any() for m in present)] or list(og.TABLE_SIDES[:2])
    head = "".join(f"<th>{esc(s)}</th>" for s in sides)
    rows = []
    for metric in metrics:
        by_side = by_metric[metric]  # CORE_METRICS are among COUNTRY_METRICS
        cells = []
        for side in sides:
            hit = by_side[by_side["side"] == side]
            if hit.empty:
                cells.append(f'<td class="none">{esc(og.NO_FIGURE)}</td>')
                continue
            r = hit.iloc[0]
            cells.append(
                f'<td><strong>{esc(figure_words(r["qualifier"], r["low"], r["high"]))}</strong><br><span class="meta">{esc(r["claimant"])}, '
                f"{r['stated']:%d %b %Y} · {_claim_link(r['claim_id'])}</span></td>"
            )
        rows.append(f'<tr><th scope="row">{esc(metric.replace("_", " "))}</th>{"".join(cells)}</tr>')
    return (
        f'<table class="data-table country"><thead><tr><th>metric</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def svg_timeline(claims: pd.DataFrame, width: int = 760, height: int = 90) -> str:
    """Every claim as a dot on a date axis, coloured by side, with its figure in a tooltip (plain inline SVG)."""
    if claims.empty:
        return ""
    start, end = claims["stated"].min(), claims["stated"].max()
    span = max((end - start).days, 1)
    sides = list(og.TABLE_SIDES)
    dots = []
    for r in claims.sort_values(["stated", "claim_id"]).itertuples():
        x = 20 + (width - 40) * (r.stated - start).days / span
        y = 14 + 12 * sides.index(r.side) if r.side in sides else 80
        tip = f"{r.stated:%d %b %Y}: {r.claimant}, {str(r.metric).replace('_', ' ')} {figure_words(r.qualifier, r.low, r.high)} ({r.claim_id})"
        dots.append(
            f'<a href="#claim-{esc(r.claim_id)}"><circle cx="{x:.1f}" cy="{y}" r="4" fill="{SIDE_COLOURS.get(r.side, "#777")}">'
            f"<title>{esc(tip)}</title></circle></a>"
        )
    labels = (
        f'<text x="20" y="{height - 4}" font-size="11" fill="#555">{start:%b %Y}</text>'
        f'<text x="{width - 20}" y="{height - 4}" font-size="11" fill="#555" text-anchor="end">{end:%b %Y}</text>'
    )
    present = [s for s in sides if (claims["side"] == s).any()]
    legend = " ".join(
        f'<span class="key"><span class="dot" style="background:{SIDE_COLOURS[s]}"></span>{esc(s)}</span>' for s in present
    )
    return (
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="Claims over time, one dot per claim, one row per side">'
        f'<line x1="20" x2="{width - 20}" y1="{height - 18}" y2="{height - 18}" stroke="#ccc"/>{"".join(dots)}{labels}</svg>'
        f'<p class="meta legend">One dot per claim (hover for the figure, click for the claim), one row per side: {legend}</p>'
    )


def claims_list(claims: pd.DataFrame, sources: pd.DataFrame) -> str:
    """Every claim, newest first: figure, institution and speaker, date, quote and a link to the source page."""
    src = sources.set_index("source_id")
    items = []
    for r in claims.itertuples():
        s = src.loc[r.source_id] if r.source_id in src.index else None
        link = (
            f'<a class="source" href="{esc(s["url"])}" rel="noreferrer">{esc(s["publisher"])}: {esc(s["title"])}</a>'
            if s is not None
            else esc(r.source_id)
        )
        relays = (
            f" · also reported by {len(r.relayed_by)} other page{'s' if len(r.relayed_by) != 1 else ''}"
            if len(r.relayed_by)
            else ""
        )
        standing = "" if r.standing == "accepted" else f' <span class="flag">{esc(str(r.standing).replace("_", " "))}</span>'
        items.append(
            f'<li id="claim-{esc(r.claim_id)}"><strong>{esc(figure_words(r.qualifier, r.low, r.high))}</strong> {esc(str(r.metric).replace("_", " "))}'
            f"{' (part: ' + esc(r.location) + ')' if r.scope == 'part' and isinstance(r.location, str) else ' (part)' if r.scope == 'part' else ''}"
            f"{standing} — {esc(r.claimant)} ({esc(r.side)}), {r.stated:%d %b %Y}"
            f'<blockquote>{esc(r.quote)}</blockquote>{_english(r.quote_en)}<span class="meta">{esc(r.speaker)} · {link}{relays} · '
            f"<code>{esc(r.claim_id)}</code></span></li>"
        )
    return f'<ol class="claims">{"".join(items)}</ol>'


def _english(text) -> str:
    """The collection's English rendering of a non-English quote, marked as a translation."""
    return (
        f'<p class="translation"><span class="meta">English (translation):</span> {esc(text)}</p>'
        if isinstance(text, str) and text
        else ""
    )


def _day(when, precision: str) -> str:
    return f"{when:%B %Y}" if precision == "month" else f"{when:%Y}" if precision == "year" else f"{when:%d %b %Y}"


def _publisher_link(src: pd.DataFrame, source_id: str) -> str:
    """The source's publisher linked to its page (the id alone when the page is not in the view)."""
    if source_id not in src.index:
        return esc(source_id)
    return f'<a href="{esc(src.loc[source_id, "url"])}" rel="noreferrer">{esc(src.loc[source_id, "publisher"])}</a>'


def _sourced_list(frame: pd.DataFrame, sources: pd.DataFrame, order: list[str], empty: str, tag: str, item) -> str:
    """A list of sourced rows in `order`, each rendered by `item(row, publisher link)`; `empty` when there are none."""
    if frame.empty:
        return f"<p>{esc(empty)}</p>"
    src = sources.set_index("source_id")
    items = "".join(item(r, _publisher_link(src, r.source_id)) for r in frame.sort_values(order).itertuples())
    return f"<{tag}>{items}</{tag.split()[0]}>"


def _response_item(r, link: str) -> str:
    return (
        f'<li id="response-{esc(r.response_id)}"><strong>{esc(_day(r.date, r.date_precision))}</strong> · '
        f"{esc(str(r.measure).replace('_', ' '))} · {esc(r.actor)}: {esc(r.summary)}"
        f"<blockquote>{esc(r.quote)}</blockquote>{_english(r.quote_en)}"
        f'<span class="meta">{link} · <code>{esc(r.response_id)}</code></span></li>'
    )


def responses_list(responses: pd.DataFrame, sources: pd.DataFrame) -> str:
    """What the government did, oldest first: date (at its precision), measure, office, summary, quote and source."""
    return _sourced_list(
        responses,
        sources,
        ["date", "response_id"],
        "No government response is recorded for this country in the data.",
        'ol class="responses"',
        _response_item,
    )


def channels_list(channels: pd.DataFrame, sources: pd.DataFrame) -> str:
    """How recruits reached Russia's forces, by channel: each source's sentence naming it."""
    return _sourced_list(
        channels,
        sources,
        ["channel", "stated"],
        "No recruitment channel is named for this country in the data.",
        "ul",
        lambda r, link: (
            f"<li><strong>{esc(r.channel.replace('_', ' '))}</strong> ({r.stated:%d %b %Y}, {link}): <q>{esc(r.quote)}</q></li>"
        ),
    )


def icc_block(exposure: pd.DataFrame) -> str:
    rows = []
    for r in exposure.itertuples():
        detail = r.bases if r.status == "yes" else (r.barriers or r.bases)
        rows.append(
            f'<tr><th scope="row">War crimes {esc(r.place)}</th><td class="status-{esc(r.status)}">'
            f"{esc(STATUS_WORDS.get(r.status, r.status))}</td><td>{esc(detail)}</td></tr>"
        )
    return (
        '<table class="data-table"><thead><tr><th>conduct by its nationals</th><th>ICC jurisdiction</th><th>rule</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def country_page(
    origin: str,
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    channels: pd.DataFrame,
    exposure: pd.DataFrame,
    as_of,
    data_date: str,
    responses: pd.DataFrame | None = None,
) -> str:
    """The whole page for one origin country (written to countries/<ISO3>.html)."""
    name = place_name(origin)
    own = og.country_claims(claims, origin)
    responses = responses if responses is not None else pd.DataFrame(columns=["response_id", "source_id", "date"])
    cited = sorted(
        set(own["source_id"])
        | {s for ids in own["relayed_by"] for s in ids}
        | set(channels["source_id"])
        | set(responses["source_id"])
    )
    src = sources[sources["source_id"].isin(cited)].sort_values(["publisher", "published"], na_position="last")
    refs = "".join(
        f'<li id="src-{esc(s.source_id)}"><a href="{esc(s.url)}" rel="noreferrer">{esc(s.publisher)}: {esc(s.title)}</a> '
        f"({'n.d.' if pd.isna(s.published) else f'{s.published:%d %b %Y}'})</li>"
        for s in src.itertuples()
    )
    body = f"""<p class="meta"><a href="index.html">All countries</a></p>
<h1>{esc(name)}</h1>
<p>{len(own):,} claims about recruits from {esc(name)} by {own["claimant_id"].nunique():,} institutions,
{own["stated"].min():%d %b %Y} to {own["stated"].max():%d %b %Y}. Each institution's newest figure is shown per side; every claim
is listed below with its quote and source.</p>
<p class="cite"><a href="{esc(origin)}.csv" download>Download every claim about {esc(name)} (CSV, {len(own):,} rows: figure, qualifier,
institution, lineage, quote, source page)</a>. Cite as: <q>Foreign manpower behind Russia's war against Ukraine, claims about
{esc(name)}, {esc(data_date)}</q>, and cite each figure's original source (its <code>url</code> in the file).</p>
<h2 id="estimate">The estimate per metric</h2>
<p>The band across independent lineages' current figures, never below a lasting floor (<code>helpers.analysis.manpower.estimate</code>);
a single lineage is one pipeline's figure, not a consensus.</p>{estimate_table(claims, origin, as_of)}
<h2 id="latest">Latest figure per metric and side</h2>{latest_table(claims, origin, as_of)}
<h2 id="timeline">Timeline</h2>{svg_timeline(own)}
<h2 id="channels">How they were recruited</h2>{channels_list(channels, sources)}
<h2 id="responses">What the government did</h2>{responses_list(responses, sources)}
<h2 id="icc">Does the ICC reach its nationals?</h2>
<p>On {esc(pd.Timestamp(as_of).date().isoformat())}, for war crimes by a national of {esc(name)} (Rome Statute Art. 12(2): the territorial state or the
accused's state must be a State Party or have accepted jurisdiction; a State Party referral assumed; computed by
<code>helpers.analysis.legal.assess</code>).</p>{icc_block(exposure)}
<h2 id="claims">Every claim</h2>{claims_list(own, sources)}
<h2 id="sources">Sources</h2><ol>{refs}</ol>"""
    return page(name, body, data_date, root="../", scripts=TABLE_SCRIPTS)


def countries_index(rows: pd.DataFrame, map_svg: str, data_date: str) -> str:
    """The map (each country a link to its page) and a table of every origin country."""
    items = "".join(
        f'<tr><td><a href="{esc(r.origin)}.html">{esc(r.name)}</a></td><td>{r.claims:,}</td><td>{esc(r.recruits)}</td>'
        f"<td>{esc(r.killed)}</td><td>{r.institutions:,}</td><td>{r.latest:%d %b %Y}</td></tr>"
        for r in rows.itertuples()
    )
    ranked = rows.assign(_low=pd.to_numeric(rows["recruits_low"], errors="coerce").fillna(-1)).sort_values(
        ["_low", "name"], ascending=[False, True], kind="stable"
    )
    listed = "".join(
        f'<li><a href="{esc(r.origin)}.html"><span class="name">{esc(r.name)}</span> '
        f'<span class="figure">{esc(r.recruits)}</span></a></li>'
        for r in ranked.itertuples()
    )
    body = f"""<h1>Countries</h1>
<p>{len(rows):,} origin countries of Russia's foreign recruits in the data. Choose a country on the map, in the list beside it
(largest recruits estimate first) or in the table.</p>
<div class="map-and-list"><div class="map">{map_svg}</div>
<ol class="map-list" aria-label="Countries by recruits estimate">{listed}</ol></div>
<p>Recruits and killed are the collection's estimates (<code>helpers.analysis.manpower.estimate</code>): the band across independent lineages'
current figures, never below a lasting floor; the map shades each country by the lower end of its recruits estimate.</p>
<table class="data-table"><thead><tr><th>country</th><th>claims</th><th>recruits (estimate, lineages)</th><th>killed (estimate, lineages)</th>
<th>institutions</th><th>latest claim</th></tr></thead><tbody>{items}</tbody></table>"""
    return page("Countries", body, data_date, root="../", scripts=TABLE_SCRIPTS)
