"""Country pages: one page per origin country, generated from the data through helpers.analysis.origins.

Every claim with its quote and a link to its source, the latest figure per metric and side ("no
figure in the data" where a side or metric has none), a timeline, the recruitment channels, the
ICC's reach over the country's nationals, and the sources. The functions here only arrange what
helpers.analysis.origins and helpers.analysis.legal computed into rows for the templates
(templates/country.html, templates/countries.html), which write the markup.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import origins as og
from helpers.data.places import place_name
from helpers.presentation.plotting import SIDE_COLOURS
from helpers.presentation.report import band as band_words
from helpers.presentation.report import day
from helpers.presentation.words import figure_words
from helpers.site.pages import TABLE_SCRIPTS, esc, render, source_link

#: Metrics a country page always lists, so that a missing one reads "no figure in the data".
CORE_METRICS = ("recruited", "identified_by_name", "killed", "prisoners_held", "returned")
STATUS_WORDS = {"yes": "Yes", "no": "No", "contested": "Contested"}


def estimate_rows(claims: pd.DataFrame, origin: str, as_of) -> list[dict]:
    """The collection's estimate per metric: the band, the independent lineages behind it, its newest figure and age,
    and the claims that set it (``origins.estimates``)."""
    rows = []
    for est in og.estimates(claims, origin, as_of):
        used = est.figures["claim_id"].tolist()
        if est.floor is not None and est.floor.claim_id not in set(used):
            used.append(est.floor.claim_id)
        n = est.lineages
        age = f"stale: newest figure {est.age_days:,} days old" if est.stale else f"newest figure {day(est.newest, short=True)}"
        rows.append(
            dict(
                metric=est.metric.replace("_", " "),
                band=band_words(est.band),
                who=", ".join(sorted(est.claimants)),
                lineages="a single lineage" if n == 1 else f"{n} independent lineages",
                age=age,
                claims=used,
            )
        )
    return rows


def latest_rows(claims: pd.DataFrame, origin: str, as_of) -> dict:
    """Metric x side: the newest figure of each side with institution, date and claim (None where a side has none);
    core metrics always shown."""
    table = og.latest_table(claims[claims["origin"] == origin], as_of, og.COUNTRY_METRICS)  # one pass, not one per metric
    by_metric = {m: og.newest_by_side(table[table["metric"] == m]) for m in og.COUNTRY_METRICS}
    present = [m for m, f in by_metric.items() if not f.empty]
    metrics = list(dict.fromkeys([*CORE_METRICS, *present]))
    sides = [s for s in og.TABLE_SIDES if any((by_metric[m]["side"] == s).any() for m in present)] or list(og.TABLE_SIDES[:2])
    rows = []
    for metric in metrics:
        by_side = by_metric[metric]  # CORE_METRICS are among COUNTRY_METRICS
        cells = []
        for side in sides:
            hit = by_side[by_side["side"] == side]
            r = None if hit.empty else hit.iloc[0]
            cells.append(
                None
                if r is None
                else dict(
                    figure=figure_words(r["qualifier"], r["low"], r["high"]),
                    claimant=r["claimant"],
                    stated=day(r["stated"], short=True),
                    claim_id=r["claim_id"],
                )
            )
        rows.append((metric.replace("_", " "), cells))
    return dict(sides=sides, rows=rows)


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
        tip = f"{day(r.stated, short=True)}: {r.claimant}, {str(r.metric).replace('_', ' ')} {figure_words(r.qualifier, r.low, r.high)} ({r.claim_id})"
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


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def claim_rows(claims: pd.DataFrame, sources: pd.DataFrame) -> list[dict]:
    """Every claim, newest first: figure, institution and side, date, quote with its English rendering, source page."""
    src = sources.set_index("source_id")
    return [
        dict(
            id=r.claim_id,
            figure=figure_words(r.qualifier, r.low, r.high),
            metric=str(r.metric).replace("_", " "),
            part=r.scope == "part",
            location=_text(r.location),
            standing="" if r.standing == "accepted" else str(r.standing).replace("_", " "),
            claimant=r.claimant,
            side=r.side,
            stated=day(r.stated, short=True),
            quote=r.quote,
            quote_en=_text(r.quote_en),
            speaker=_text(r.speaker),
            source=source_link(src, r.source_id),
            relays=len(r.relayed_by),
        )
        for r in claims.itertuples()
    ]


def response_rows(responses: pd.DataFrame, sources: pd.DataFrame) -> list[dict]:
    """What the government did, oldest first: date (at its precision), measure, office, summary, quote and source."""
    src = sources.set_index("source_id")
    return [
        dict(
            id=r.response_id,
            date=day(r.date, r.date_precision, short=True),
            measure=str(r.measure).replace("_", " "),
            actor=r.actor,
            summary=r.summary,
            quote=r.quote,
            quote_en=_text(r.quote_en),
            source=source_link(src, r.source_id),
        )
        for r in responses.sort_values(["date", "response_id"]).itertuples()
    ]


def channel_rows(channels: pd.DataFrame, sources: pd.DataFrame) -> list[dict]:
    """How recruits reached Russia's forces, by channel: each source's sentence naming it."""
    src = sources.set_index("source_id")
    return [
        dict(
            channel=r.channel.replace("_", " "),
            stated=day(r.stated, short=True),
            quote=r.quote,
            source=source_link(src, r.source_id),
        )
        for r in channels.sort_values(["channel", "stated"]).itertuples()
    ]


def icc_rows(exposure: pd.DataFrame) -> list[dict]:
    """The Court's reach over the country's nationals, per place: status in words and the rule that decides it."""
    return [
        dict(
            place=r.place,
            status=r.status,
            words=STATUS_WORDS.get(r.status, r.status),
            detail=r.bases if r.status == "yes" else (r.barriers or r.bases),
        )
        for r in exposure.itertuples()
    ]


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
    own = og.country_claims(claims, origin)
    responses = responses if responses is not None else pd.DataFrame(columns=["response_id", "source_id", "date"])
    cited = (
        set(own["source_id"])
        | {s for ids in own["relayed_by"] for s in ids}
        | set(channels["source_id"])
        | set(responses["source_id"])
    )
    src = sources[sources["source_id"].isin(cited)].sort_values(["publisher", "published"], na_position="last")
    refs = (
        src.assign(id=src["source_id"], date=[day(d, short=True, missing="n.d.") for d in src["published"]])
        .loc[:, ["id", "url", "publisher", "title", "date"]]
        .to_dict("records")
    )
    return render(
        "country.html",
        place_name(origin),
        data_date,
        root="../",
        scripts=TABLE_SCRIPTS,
        origin=origin,
        name=place_name(origin),
        institutions=own["claimant_id"].nunique(),
        first=day(own["stated"].min(), short=True),
        last=day(own["stated"].max(), short=True),
        estimates=estimate_rows(claims, origin, as_of),
        latest=latest_rows(claims, origin, as_of),
        timeline=svg_timeline(own),
        channels=channel_rows(channels, sources),
        responses=response_rows(responses, sources) if not responses.empty else [],
        as_of=pd.Timestamp(as_of).date().isoformat(),
        icc=icc_rows(exposure),
        claims=claim_rows(own, sources),
        refs=refs,
        no_figure=og.NO_FIGURE,
    )


def countries_index(rows: pd.DataFrame, map_svg: str, data_date: str) -> str:
    """The map (each country a link to its page), the list beside it (largest recruits estimate first) and a table of
    every origin country."""
    ranked = rows.assign(_low=pd.to_numeric(rows["recruits_low"], errors="coerce").fillna(-1)).sort_values(
        ["_low", "name"], ascending=[False, True], kind="stable"
    )
    table = (
        rows.assign(latest=[day(d, short=True) for d in rows["latest"]])
        .loc[:, ["origin", "name", "claims", "recruits", "killed", "institutions", "latest"]]
        .to_dict("records")
    )
    listed = [dict(origin=r.origin, name=r.name, recruits=r.recruits) for r in ranked.itertuples()]
    return render(
        "countries.html", "Countries", data_date, root="../", scripts=TABLE_SCRIPTS, rows=table, ranked=listed, map_svg=map_svg
    )
