"""Recruits country by country: each origin's latest figure per metric and side, rankings with their
ranges, named lists over time, government responses, and the ICC's reach over its nationals (sides are compared
at aligned dates in ``helpers.analysis.comparisons``).

Pure functions over the claims (``helpers.data.claims``) and channels tables; notebook 04 and the
country pages of the site both use them, so a figure on a page is the figure in the notebook.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis import legal
from helpers.analysis.manpower import (  # noqa: F401 (band_of re-exported for notebooks)
    SIDES,
    Band,
    RangeEstimate,
    band_of,
    claimant_side,
    estimate_from,
    estimates_over_time,
    for_estimates,
    latest_all,
    latest_by_lineage,
)
from helpers.data.loaders import DateLike, to_date
from helpers.data.places import is_country, place_name

#: Metrics a country profile always shows, in reading order (a missing one says "no figure in the data").
COUNTRY_METRICS = (
    "recruited",
    "identified_by_name",
    "serving",
    "killed",
    "missing",
    "captured",
    "prisoners_held",
    "returned",
    "discharged",
    "recruiters_charged",
    "workers_recruited",
)
#: What a country page leads with: the estimate per metric (the North Korean deployment is a force, not recruits).
HEADLINE_METRICS = {"PRK": ("deployed", "sent", "casualties", "killed", "wounded", "captured")}


def headline_metrics(origin: str) -> tuple[str, ...]:
    return HEADLINE_METRICS.get(origin, COUNTRY_METRICS)


def estimates(claims: pd.DataFrame, origin: str, as_of: DateLike = None) -> list:
    """The estimate (``manpower.estimate_from``) for each headline metric of `origin` that has one, in reading order."""
    when = to_date(as_of)
    found = [estimate_from(claims, origin, m, when) for m in headline_metrics(origin)]
    return [e for e in found if e is not None]


#: The sides of a country table, origin government first.
TABLE_SIDES = (SIDES[2], SIDES[0], SIDES[1], SIDES[3], SIDES[4], SIDES[5])
NO_FIGURE = "no figure in the data"


def origin_countries(claims: pd.DataFrame) -> list[str]:
    """ISO countries with at least one claim, Russia's own figures and region codes excluded, sorted by name."""
    codes = {o for o in claims["origin"].dropna().unique() if is_country(o) and o != "RUS"}
    return sorted(codes, key=place_name)


def latest_table(claims: pd.DataFrame, as_of: DateLike = None, metrics: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Each institution's newest accepted whole-contingent figure per origin and metric, whatever its age, with
    its side: every (origin, metric) at once, for tables over many countries.

    Equal to ``latest_by_lineage(..., max_age_days=inf)`` for metrics that no other metric is a part of
    (the part-floor rule only concerns deployed and casualties; tests check the equality)."""
    out = latest_all(claims, as_of, metrics)
    out = out.assign(side=claimant_side(out), metric=out["metric"].astype(str))
    return out.sort_values(["origin", "metric", "stated", "claim_id"]).reset_index(drop=True)


def newest_by_side(latest: pd.DataFrame, within: tuple[str, ...] = ()) -> pd.DataFrame:
    """From a latest table of one origin and metric: the newest figure of each side, sides in table order; with
    `within` (e.g. origin and metric), the same for each group of a table over many at once."""
    newest = latest.sort_values(["stated", "claim_id"]).groupby([*within, "side"], sort=False).tail(1)
    return newest.sort_values("side", key=lambda s: s.map(TABLE_SIDES.index)).reset_index(drop=True)


def latest_by_side(claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None) -> pd.DataFrame:
    """Per claimant side, the newest accepted whole-contingent figure on (origin, metric), whatever its age."""
    latest = latest_by_lineage(claims, origin, metric, as_of, max_age_days=math.inf)
    if latest.empty:
        return latest.assign(side=pd.Series(dtype="string"))
    return newest_by_side(latest.assign(side=claimant_side(latest)))


def ranked(
    claims: pd.DataFrame, metrics: str | tuple[str, ...], as_of: DateLike = None, origins: list[str] | None = None
) -> pd.DataFrame:
    """Per origin, the estimate (``manpower.estimate_from``: lineages, lasting floors, staleness) on the first of
    `metrics`, never below the estimates on the others, which are floors under it (the named were recruited),
    largest lower end first: low, high, open ends, independent lineages, newest figure, who stands behind it."""
    return ranked_over_time(claims, metrics, [to_date(as_of)], origins)[0]


_RANKED_COLUMNS = ["origin", "country", "low", "high", "low_open", "high_open", "lineages", "newest", "stale", "claimants"]


def ranked_over_time(
    claims: pd.DataFrame, metrics: str | tuple[str, ...], dates, origins: list[str] | None = None
) -> list[pd.DataFrame]:
    """``ranked`` on each of `dates`, in their order, estimating each origin and metric from one selection of the
    claims (``manpower.estimates_over_time``)."""
    metrics = (metrics,) if isinstance(metrics, str) else metrics
    days = [to_date(d) for d in dates]
    origins = origins or origin_countries(claims)
    claims = for_estimates(claims)
    rows: list[list[dict]] = [[] for _ in days]
    for origin in origins:
        per_metric = [estimates_over_time(claims, origin, m, days) for m in metrics]
        for at, (main, *others) in enumerate(zip(*per_metric, strict=True)):
            row = _ranked_row(origin, main, [e for e in others if e is not None])
            if row is not None:
                rows[at].append(row)
    return [
        pd.DataFrame(r, columns=_RANKED_COLUMNS)
        .sort_values(["low", "high", "country"], ascending=[False, False, True])
        .reset_index(drop=True)
        for r in rows
    ]


def _ranked_row(origin: str, main: RangeEstimate | None, floors: list[RangeEstimate]) -> dict | None:
    """One origin's row: the main estimate's band lifted to the highest of the floors' lower ends."""
    if main is None and not floors:
        return None
    floor = max((e.band.low for e in floors), default=0)
    if main is None or floor > main.band.high:
        band = Band(floor, floor, False, True)
    else:
        low = max(main.band.low, floor) if floor else main.band.low
        band = Band(low, main.band.high, main.band.low_open and low == main.band.low, main.band.high_open)
    used = [e for e in (main, *floors) if e is not None]
    return dict(
        origin=origin,
        country=place_name(origin),
        low=band.low,
        high=band.high,
        low_open=band.low_open,
        high_open=band.high_open,
        lineages=len(frozenset().union(*(e.lineage_set for e in used))),
        newest=max(e.newest for e in used),
        stale=bool(all(e.stale for e in used)),
        claimants=", ".join(sorted(frozenset().union(*(e.claimants for e in used)))),
    )


def named_totals(claims: pd.DataFrame, claimant_id: str = "ukr-pow-hq") -> pd.DataFrame:
    """How an institution's named lists of foreigners grew: every figure it gave for all foreigners
    (identified by name, killed, prisoners held, countries counted), in date order."""
    sel = claims[(claims["claimant_id"] == claimant_id) & (claims["origin"] == "XFN") & (claims["scope"] == "total")]
    sel = sel[sel["metric"].isin(["identified_by_name", "killed", "prisoners_held", "origin_countries"])]
    out = sel.assign(value=sel["low"].fillna(sel["high"]).astype("float64"))
    return out.sort_values(["metric", "stated", "claim_id"])[
        ["metric", "stated", "qualifier", "value", "claim_id", "source_id"]
    ].reset_index(drop=True)


#: Where the recruits fight, as a territory code and its words: the exposure's rows are matched by the code.
EXPOSURE_PLACES = (("UKR", "in Ukraine"), ("RUS", "in Russia"))


def icc_exposure(origins: list[str], as_of: DateLike = None, crime: str = "war_crimes") -> pd.DataFrame:
    """For each origin: could the ICC exercise jurisdiction over `crime` by its nationals in Ukraine, and in
    Russia, on `as_of` (``helpers.analysis.legal.assess``; a State Party referral is assumed as trigger)?"""
    when = to_date(as_of)
    record = legal.LegalData.load(when)  # the treaty record as known then: a view must not know a later accession
    rows = []
    for origin in origins:
        for territory, place in EXPOSURE_PLACES:
            a = legal.assess(crime, origin, territory, when, legal=record)
            rows.append((origin, territory, place, a.status, "; ".join(a.bases), "; ".join(a.barriers)))
    return pd.DataFrame(rows, columns=["origin", "territory", "place", "status", "bases", "barriers"])


def country_claims(claims: pd.DataFrame, origin: str) -> pd.DataFrame:
    """Every claim about `origin`, newest first, with its side (for the country page)."""
    sel = claims[claims["origin"] == origin]
    sel = sel.assign(side=claimant_side(sel))
    return sel.sort_values(["stated", "claim_id"], ascending=[False, True]).reset_index(drop=True)


def response_summary(responses: pd.DataFrame) -> pd.DataFrame:
    """Per responding state: its first recorded measure (date, kind), how many measures of each kind, and its newest,
    so a reader sees who acted, how and since when (``data/responses.csv``)."""
    cols = ["state", "country", "first", "first_measure", "measures", "newest", "newest_measure"]
    if responses.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for state, own in responses.sort_values(["date", "response_id"]).groupby("state", sort=True):
        kinds = own["measure"].astype(str).value_counts().sort_index()
        rows.append(
            dict(
                state=state,
                country=place_name(state),
                first=own["date"].iloc[0],
                first_measure=str(own["measure"].iloc[0]),
                measures="; ".join(f"{k.replace('_', ' ')} {n}" for k, n in kinds.items()),
                newest=own["date"].iloc[-1],
                newest_measure=str(own["measure"].iloc[-1]),
            )
        )
    return pd.DataFrame(rows, columns=cols).sort_values(["first", "country"]).reset_index(drop=True)


#: The named lists of the dead, by the institution that keeps each (a floor by construction: every name is a death).
NAMED_DEAD_LISTS = {
    "ukr-pow-hq": "I Want to Live (Coordination HQ)",
    "bbc-mediazona": "BBC Russian and Mediazona",
    "aeow": "All Eyes on Wagner",
}


def named_dead(claims: pd.DataFrame, as_of: DateLike = None) -> pd.DataFrame:
    """Deaths by country on the named lists: per origin country and list, the list's newest count of the country's
    named dead (its date and claim; a part such as 'of them, citizens' is left out), and the highest of them, which is a floor under the country's dead (lists overlap, so they are
    never summed). Largest floor first."""
    when = to_date(as_of)
    sel = claims[
        (claims["metric"] == "killed")
        & claims["claimant_id"].isin(list(NAMED_DEAD_LISTS))
        & (claims["stated"] <= when)
        & (claims["standing"] == "accepted")
        & (claims["scope"] == "total")
        & claims["origin"].isin(origin_countries(claims))
    ]
    newest = sel.sort_values(["stated", "claim_id"]).groupby(["origin", "claimant_id"], observed=True).tail(1)
    rows = []
    for origin, own in newest.groupby("origin", sort=False):
        row = {"origin": origin, "country": place_name(origin)}
        counts = own["low"].fillna(own["high"])
        row["floor"] = int(counts.max())
        for cid, name in NAMED_DEAD_LISTS.items():
            hit = own[own["claimant_id"] == cid]
            row[name] = pd.NA if hit.empty else int(hit["low"].fillna(hit["high"]).iloc[0])
            row[f"{name}: as of"] = pd.NaT if hit.empty else hit["stated"].iloc[0]
            row[f"{name}: claim"] = "" if hit.empty else str(hit["claim_id"].iloc[0])
        rows.append(row)
    columns = ["origin", "country", "floor"] + [f"{n}{s}" for n in NAMED_DEAD_LISTS.values() for s in ("", ": as of", ": claim")]
    out = pd.DataFrame(rows, columns=columns)
    for name in NAMED_DEAD_LISTS.values():
        out[name] = out[name].astype("Int64")
    return out.sort_values(["floor", "country"], ascending=[False, True], kind="stable").reset_index(drop=True)
