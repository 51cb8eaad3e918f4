"""Interactive twins of the claims charts: Vega-Lite specifications generated from the same frames
as the static figures, carrying each point's claim (institution, date, figure with its qualifier,
quote, source and permalink).

The notebooks attach a spec to a figure with ``plotting.show(..., interactive=spec)``; the notebook
itself shows the static PNG, and the site renders the spec with the Vega, Vega-Lite and vega-embed
builds copied from node_modules/ (no CDN). Nothing here types a number: every value is a column of
the frames passed in.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.presentation.plotting import QUALIFIER_MARKERS, SIDE_COLOURS
from helpers.presentation.words import QUALIFIER_WORDS, figure_words

#: The output's MIME type: unknown to JupyterLab (which shows the PNG) and read by the site renderer.
MIME = "application/vnd.helpers.claims-chart+json"
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
#: Vega shape names for the qualifier markers of the static charts.
SHAPES = {"o": "circle", "s": "square", "^": "triangle-up", "v": "triangle-down", "D": "diamond"}
FONT = "DejaVu Sans, system-ui, sans-serif"


def claim_records(points: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame) -> list[dict]:
    """One JSON-ready record per claim in `points` (which has ``claim_id``): what a reader needs to judge it."""
    if "side" not in claims:
        from helpers.analysis.manpower import claimant_side

        claims = claims.assign(side=claimant_side(claims))
    cols = ["claim_id", "claimant", "speaker", "stated", "qualifier", "low", "high", "quote", "source_id", "side"]
    rows = claims[[c for c in cols if c in claims]].merge(points[["claim_id"]].drop_duplicates(), on="claim_id")
    src = sources.set_index("source_id")
    out = []
    for r in rows.sort_values(["stated", "claim_id"]).itertuples():
        s = src.loc[r.source_id] if r.source_id in src.index else None
        lo, hi = (None if pd.isna(r.low) else int(r.low)), (None if pd.isna(r.high) else int(r.high))
        value = lo if str(r.qualifier) == "at_least" or hi is None else hi
        out.append(
            {
                "claim_id": str(r.claim_id),
                "institution": str(r.claimant),
                "speaker": "" if pd.isna(r.speaker) else str(r.speaker),
                "side": str(r.side),
                "date": r.stated.date().isoformat(),
                "date_text": f"{r.stated:%-d %b %Y}",
                "qualifier": str(r.qualifier),
                "qualifier_text": QUALIFIER_WORDS.get(str(r.qualifier), str(r.qualifier)),
                "figure": figure_words(str(r.qualifier), lo, hi),
                "value": value,
                "low": lo if lo is not None else hi,
                "high": hi if hi is not None else lo,
                "quote": "" if pd.isna(r.quote) else str(r.quote),
                "source_url": "" if s is None else str(s["url"]),
                "publisher": "" if s is None else str(s["publisher"]),
                "source_title": "" if s is None else str(s["title"]),
                "source_id": str(r.source_id),
            }
        )
    return out


def _sides(records: list[dict]) -> tuple[list[str], list[str]]:
    present = {r["side"] for r in records}
    domain = [s for s in SIDE_COLOURS if s in present]
    return domain, [SIDE_COLOURS[s] for s in domain]


def _qualifier_shapes(records: list[dict]) -> tuple[list[str], list[str]]:
    domain = sorted({r["qualifier"] for r in records})
    return domain, [SHAPES.get(QUALIFIER_MARKERS.get(q, "o"), "circle") for q in domain]


TOOLTIP = [
    {"field": "institution", "title": "Institution"},
    {"field": "date_text", "title": "Date"},
    {"field": "figure", "title": "Figure"},
    {"field": "quote", "title": "Quote"},
    {"field": "publisher", "title": "Source"},
]


def _config() -> dict:
    return {
        "font": FONT,
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridColor": "#e5e5e5", "titleFontWeight": "normal"},
        # the colour and shape legends stacked under the chart, never side by side (they would run off a phone)
        "legend": {
            "labelFontSize": 12,
            "titleFontSize": 12,
            "orient": "bottom",
            "direction": "horizontal",
            "columns": 2,
            "labelLimit": 220,
            "layout": {"bottom": {"direction": "vertical", "anchor": "start", "frame": "bounds"}},
        },
        "title": {"fontSize": 15, "anchor": "start", "subtitleFontSize": 12, "subtitleColor": "#555"},
        "view": {"stroke": None},
    }


def _meta(title: str, records: list[dict]) -> dict:
    """Title and instruction above the chart, and the source line under it, written by the site as HTML (so they wrap
    at any width): where the points come from, how many claims and institutions, and the newest claim's date."""
    institutions = len({r["institution"] for r in records})
    newest = max(records, key=lambda r: r["date"])["date_text"] if records else "none"
    source = (
        f"Source: data/claims.csv, {len(records):,} claim{'s' if len(records) != 1 else ''} by {institutions:,} "
        f"institution{'s' if institutions != 1 else ''}, newest {newest}; each point's quote and page show on hover. "
        "Foreign manpower behind Russia's war against Ukraine, CC BY 4.0."
    )
    return {
        "title": title,
        "subtitle": "Hover over or tap a point: the claim, its quote and its source appear below the chart.",
        "source": source,
    }


def band_steps(band: pd.DataFrame) -> list[dict]:
    """The band reduced to the days it changes (and its last day), as JSON-ready rows."""
    if band.empty:
        return []
    keys = band[["low", "high", "stale"]].astype("float64")
    changed = (keys != keys.shift()).any(axis=1)
    changed.iloc[-1] = True
    rows = band[changed]
    return [
        {"date": d.date().isoformat(), "low": int(lo), "high": int(hi), "stale": bool(st)}
        for d, lo, hi, st in zip(rows["date"], rows["low"], rows["high"], rows["stale"], strict=True)
    ]


def consensus_spec(
    band: pd.DataFrame, points: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame, title: str, ylabel: str
) -> dict:
    """The consensus band chart (see ``plotting.consensus_chart``): the range across institutions' current
    figures as a band, every claim a point coloured by side and shaped by qualifier; hover shows the claim."""
    records = claim_records(points, claims, sources)
    sides, colours = _sides(records)
    quals, shapes = _qualifier_shapes(records)
    x = {
        "field": "date",
        "type": "temporal",
        "title": None,
        "scale": {"type": "utc"},
        "axis": {"format": "%b %Y", "tickCount": 8},
    }
    layers = []
    steps = band_steps(band)
    if steps:
        for stale, opacity in ((False, 0.45), (True, 0.18)):
            # each step's span is drawn in its own layer (fresh or stale); the other layer's rows carry no top
            rows = [{**r, "h": r["high"] if r["stale"] == stale else None} for r in steps]
            if any(r["h"] is not None for r in rows):
                layers.append(
                    {
                        "data": {"values": rows},
                        "mark": {"type": "area", "interpolate": "step-after", "color": "#9fb3c8", "opacity": opacity},
                        "encoding": {"x": x, "y": {"field": "low", "type": "quantitative"}, "y2": {"field": "h"}},
                    }
                )
        layers.append(
            {
                "data": {"values": steps},
                "mark": {"type": "line", "interpolate": "step-after", "color": "#5b7083", "strokeWidth": 1},
                "encoding": {"x": x, "y": {"field": "high", "type": "quantitative"}},
            }
        )
    colour = {"field": "side", "type": "nominal", "scale": {"domain": sides, "range": colours}, "title": None}
    ranged = [r for r in records if r["low"] != r["high"]]
    if ranged:
        layers.append(
            {
                "data": {"values": ranged},
                "mark": {"type": "rule", "strokeWidth": 1.5},
                "encoding": {"x": x, "y": {"field": "low", "type": "quantitative"}, "y2": {"field": "high"}, "color": colour},
            }
        )
    layers.append(
        {
            "data": {"values": records},
            "mark": {
                "type": "point",
                "filled": True,
                "size": 90,
                "stroke": "white",
                "strokeWidth": 0.8,
                "opacity": 1,
                "cursor": "pointer",
            },
            "encoding": {
                "x": x,
                "y": {"field": "value", "type": "quantitative", "title": ylabel, "axis": {"format": ",d"}},
                "color": colour,
                "shape": {
                    "field": "qualifier_text",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": [QUALIFIER_WORDS.get(q, q) for q in quals], "range": shapes},
                },
                "tooltip": TOOLTIP,
            },
        }
    )
    return {
        "$schema": SCHEMA,
        "usermeta": _meta(title, records),
        "width": "container",
        "height": 340,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "layer": layers,
        "config": _config(),
    }


def ranked_points(claims: pd.DataFrame, metrics: tuple[str, ...], origins: list[str], as_of) -> pd.DataFrame:
    """Each institution's latest figure per origin on `metrics` (any age), as in ``origins.ranked``: the points of the ranked chart."""
    from helpers.analysis.manpower import latest_all

    latest = latest_all(claims, as_of, tuple(metrics))
    return latest[latest["origin"].isin(list(origins))].reset_index(drop=True)


def ranked_spec(
    top: pd.DataFrame, points: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame, title: str, xlabel: str
) -> dict:
    """The ranked chart (see ``plotting.ranked_ranges``): per country the range across institutions' latest figures
    as a bar on a log scale, each institution's figure a point; hover shows the claim."""
    order = list(top["country"])
    names = dict(zip(top["origin"], top["country"], strict=True))
    recs = claim_records(points, claims, sources)
    origin_of = dict(zip(points["claim_id"], points["origin"], strict=False))
    for r in recs:
        r["country"] = names.get(origin_of.get(r["claim_id"]), "")
    recs = [r for r in recs if r["country"]]
    sides, colours = _sides(recs)
    quals, shapes = _qualifier_shapes(recs)
    bars = [
        {
            "country": r.country,
            "low": int(r.low),
            "high": int(r.high),
            "label": (f"{int(r.low):,}" if r.low == r.high else f"{int(r.low):,}–{int(r.high):,}") + ("+" if r.high_open else ""),
        }
        for r in top.itertuples()
    ]
    y = {"field": "country", "type": "nominal", "sort": order, "title": None, "axis": {"labelFontSize": 12}}
    xscale = {"type": "log", "domainMin": 1}
    top_value = max([b["high"] for b in bars] + [r["value"] or 1 for r in recs] + [1])
    decades = [10**k for k in range(int(math.log10(top_value)) + 2)]
    x = {"field": "low", "type": "quantitative", "scale": xscale, "title": xlabel, "axis": {"format": ",d", "values": decades}}
    return {
        "$schema": SCHEMA,
        "usermeta": _meta(title, recs),
        "width": "container",
        "height": 22 * len(order) + 10,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "layer": [
            {
                "data": {"values": bars},
                "mark": {"type": "rule", "strokeWidth": 7, "color": "#9fb3c8", "strokeCap": "round"},
                "encoding": {"y": y, "x": x, "x2": {"field": "high"}},
            },
            {
                "data": {"values": bars},
                "mark": {"type": "text", "align": "left", "dx": 8, "fontSize": 11, "color": "#333"},
                "encoding": {"y": y, "x": {**x, "field": "high"}, "text": {"field": "label"}},
            },
            {
                "data": {"values": recs},
                "mark": {
                    "type": "point",
                    "filled": True,
                    "size": 80,
                    "stroke": "white",
                    "strokeWidth": 0.8,
                    "opacity": 1,
                    "cursor": "pointer",
                },
                "encoding": {
                    "y": y,
                    "x": {**x, "field": "value"},
                    "color": {"field": "side", "type": "nominal", "scale": {"domain": sides, "range": colours}, "title": None},
                    "shape": {
                        "field": "qualifier_text",
                        "type": "nominal",
                        "title": None,
                        "scale": {"domain": [QUALIFIER_WORDS.get(q, q) for q in quals], "range": shapes},
                    },
                    "tooltip": [{"field": "country", "title": "Country"}, *TOOLTIP],
                },
            },
        ],
        "config": _config(),
    }
