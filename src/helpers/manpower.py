"""Claims arithmetic: latest ranges per claimant, timelines, ratios with their uncertainty.

All functions are pure over a claims DataFrame (as returned by ``helpers.data.claims``);
the public ``latest_range`` loads the data itself for convenience.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .data import DateLike, to_date
from .data import claims as load_claims
from .iso3166 import ALPHA3
from .schema import load_package

#: A claimant's latest figure is left out of ranges when the date it refers to is more than this
#: many days before `as_of`. Stocks (how many are there now) go stale in a quarter; cumulative
#: counts (killed, recruited, ...) only grow, so an older count stays informative for a year.
STALENESS_DAYS: dict[str, int] = {"deployed": 90, "in_combat_area": 90, "planned": 90}
DEFAULT_STALENESS_DAYS = 365


def staleness_days(metric: str) -> int:
    """The documented staleness window for `metric`."""
    return STALENESS_DAYS.get(metric, DEFAULT_STALENESS_DAYS)

Range = tuple[int, int]

SIDES = {"UKR": "Ukraine", "RUS": "Russia", "USA": "United States", "KOR": "South Korea", "GBR": "United Kingdom"}


def _metrics() -> tuple[str, ...]:
    return load_package().resource("claims").field("metric").enum or ()


def check_origin_metric(origin: str, metric: str) -> None:
    """Raise a clear error for a code that is not ISO 3166-1 alpha-3 (or XFN) or an unknown metric."""
    if origin not in ALPHA3 and origin != "XFN":
        raise ValueError(f"unknown origin {origin!r}: use an ISO 3166-1 alpha-3 code (e.g. PRK, NPL) or XFN")
    if metric not in _metrics():
        raise ValueError(f"unknown metric {metric!r}: expected one of {', '.join(_metrics())}")


def _bounds(frame: pd.DataFrame) -> pd.DataFrame:
    """A missing bound takes the stated one: 'more than 3,000' -> (3000, 3000) at worst."""
    out = frame.copy()
    out["lo"] = out["low"].fillna(out["high"]).astype("int64")
    out["hi"] = out["high"].fillna(out["low"]).astype("int64")
    return out


def whole_contingent(claims: pd.DataFrame, origin: str, metric: str) -> pd.DataFrame:
    """Claims on (origin, metric) that count the whole contingent as a stock or cumulative figure:
    scope 'total' and no period_start (parts and flows never enter ranges or timelines)."""
    check_origin_metric(origin, metric)
    return claims[(claims["origin"] == origin) & (claims["metric"] == metric) & claims["period_start"].isna()
                  & (claims["scope"] == "total")]


def latest_by_claimant(
    claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None, max_age_days: float | None = None
) -> pd.DataFrame:
    """Each claimant's most recent claim on (origin, metric) stated on or before `as_of`.

    Ties (several claims by one claimant on its latest date) are all kept. Claims whose
    figure refers to a date more than `max_age_days` (default: ``staleness_days(metric)``;
    ``math.inf`` keeps everything) before `as_of` are dropped as stale.
    Only figures for the whole contingent (scope 'total') that are stocks or cumulative
    counts are used: rows for a part (a unit, a wave) or with a period_start (flows) are not.
    """
    when = to_date(as_of)
    sel = whole_contingent(claims, origin, metric)
    sel = sel[sel["stated"] <= when]
    if sel.empty:
        return _bounds(sel.assign(low=pd.array([], dtype="Int64"), high=pd.array([], dtype="Int64")))
    newest = sel.groupby("claimant")["stated"].transform("max")
    latest = sel[sel["stated"] == newest]
    window = staleness_days(metric) if max_age_days is None else max_age_days
    if window != float("inf"):
        latest = latest[latest["refers_to"] >= when - pd.Timedelta(days=window)]
    return _bounds(latest).sort_values(["stated", "claimant", "claim_id"]).reset_index(drop=True)


def latest_range_from(
    claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None, max_age_days: float | None = None
) -> Range | None:
    """(lowest low, highest high) over each claimant's latest claim; None if nothing qualifies."""
    latest = latest_by_claimant(claims, origin, metric, as_of, max_age_days)
    if latest.empty:
        return None
    return int(latest["lo"].min()), int(latest["hi"].max())


def latest_range(origin: str, metric: str, as_of: DateLike = None) -> Range | None:
    """The range of current estimates for `origin` and `metric` as known on `as_of` (default today).

    Rule: for each claimant take its most recent claim on that origin and metric stated on or
    before `as_of`, counting only figures for the whole contingent (not a unit or a wave) and
    not flows over a period; drop it if the figure refers to a date older than the staleness
    window (90 days for stocks such as 'deployed', 365 days for cumulative counts such as
    'killed'; see ``STALENESS_DAYS``); return (lowest low, highest high) over what is left, a
    missing bound standing in for the stated one. ``None`` when no claimant qualifies.
    """
    return latest_range_from(load_claims(as_of), origin, metric, as_of)


def timeline(claims: pd.DataFrame, origin: str, metric: str) -> pd.DataFrame:
    """Every claim as a step per claimant: valid from `stated` until the claimant's next claim."""
    sel = _bounds(whole_contingent(claims, origin, metric))
    sel = sel.sort_values(["claimant", "stated", "claim_id"]).reset_index(drop=True)
    sel["until"] = sel.groupby("claimant")["stated"].shift(-1)
    return sel[["claimant", "claimant_country", "stated", "until", "lo", "hi", "claim_id", "source_id"]]


def claimant_side(claims: pd.DataFrame) -> pd.Series:
    """Which side a claim comes from: Ukraine, Russia, US, South Korea, UK, the origin's own
    government, or other (international bodies, independent media and researchers)."""
    def side(row: pd.Series) -> str:
        country = row["claimant_country"]
        if pd.isna(country):
            return "Other / independent"
        if country == row["origin"] and country not in ("RUS",):
            return "Origin government"
        return SIDES.get(country, "Other government")

    return claims.apply(side, axis=1).astype("string")


def spread(claims: pd.DataFrame, as_of: DateLike = None) -> pd.DataFrame:
    """Per origin and metric: how far claimants' latest figures disagree (max high / min low)."""
    rows = []
    for (origin, metric), _ in claims.groupby(["origin", "metric"], observed=True):
        latest = latest_by_claimant(claims, origin, metric, as_of)
        if latest.empty:
            continue
        lo, hi = int(latest["lo"].min()), int(latest["hi"].max())
        rows.append(
            dict(origin=origin, metric=metric, claimants=latest["claimant"].nunique(), low=lo, high=hi,
                 ratio=round(hi / lo, 2) if lo else float("nan"))
        )
    return pd.DataFrame(rows, columns=["origin", "metric", "claimants", "low", "high", "ratio"])


def share(part: Range, whole: Range) -> tuple[float, float]:
    """Range of part/whole that follows from both ranges: (low part / high whole, high part / low whole)."""
    if min(whole) <= 0:
        raise ValueError("the whole must be positive")
    return part[0] / whole[1], min(part[1] / whole[0], float("inf"))


@dataclass(frozen=True)
class Estimate:
    """A dated range, e.g. cumulative casualties reported on a date."""

    date: pd.Timestamp
    low: int
    high: int


def loss_rate(earlier: Estimate, later: Estimate) -> tuple[float, float]:
    """Losses per day between two cumulative estimates, as a range (never below zero).

    Lowest: later low minus earlier high; highest: later high minus earlier low, over the days between.
    """
    days = (later.date - earlier.date).days
    if days <= 0:
        raise ValueError("the later estimate must be dated after the earlier one")
    return max(0.0, (later.low - earlier.high) / days), max(0.0, (later.high - earlier.low) / days)


def exhaustion_date(contingent: Range, current: Estimate, rate: tuple[float, float]) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """When cumulative losses would equal the whole contingent at a constant rate (earliest, latest).

    This is the arithmetic behind projections such as "the whole contingent lost by April".
    None where the rate is zero (never at that rate).
    """
    def when(remaining: float, per_day: float) -> pd.Timestamp | None:
        if per_day <= 0:
            return None
        return (current.date + pd.Timedelta(days=max(0.0, remaining) / per_day)).normalize()

    earliest = when(contingent[0] - current.high, rate[1])
    latest = when(contingent[1] - current.low, rate[0])
    return earliest, latest


def daily_rate(claims: pd.DataFrame, metric: str, as_of: DateLike = None, origin: str = "RUS") -> pd.DataFrame:
    """Flows over a period (rows with period_start) as per-day rates, newest first."""
    check_origin_metric(origin, metric)
    when = to_date(as_of)
    sel = _bounds(
        claims[(claims["origin"] == origin) & (claims["metric"] == metric) & claims["period_start"].notna() & (claims["stated"] <= when)]
    )
    days = (sel["refers_to"] - sel["period_start"]).dt.days + 1
    sel = sel.assign(days=days, per_day_lo=sel["lo"] / days, per_day_hi=sel["hi"] / days)
    return sel.sort_values(["refers_to", "claim_id"], ascending=[False, True]).reset_index(drop=True)


def in_days_of(contingent: Range, per_day: tuple[float, float]) -> tuple[float, float]:
    """A contingent expressed as days of a per-day flow (e.g. Russia's own casualties)."""
    if min(per_day) <= 0:
        raise ValueError("the daily flow must be positive")
    return contingent[0] / per_day[1], contingent[1] / per_day[0]


def latest_claim_date(claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None) -> pd.Timestamp | None:
    """Date of the newest whole-contingent claim on (origin, metric) stated by `as_of`."""
    sel = whole_contingent(claims, origin, metric)
    sel = sel[sel["stated"] <= to_date(as_of)]
    return None if sel.empty else sel["stated"].max()


def latest_per_origin(claims: pd.DataFrame, metric: str, origins: list[str], as_of: DateLike = None) -> pd.DataFrame:
    """Each claimant's latest figure per origin, whatever its age (for cross-country range charts,
    where every bar is labelled with its claimant and date)."""
    frames = [latest_by_claimant(claims, o, metric, as_of, max_age_days=float("inf")).assign(origin=o) for o in origins]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=["origin", "claimant", "stated", "lo", "hi", "claim_id", "source_id"])
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["origin", "stated", "claimant"]).reset_index(drop=True)[
        ["origin", "claimant", "stated", "lo", "hi", "claim_id", "source_id"]]


def loss_rates(claims: pd.DataFrame, origin: str, metric: str, contingent: Range | None, as_of: DateLike = None) -> pd.DataFrame:
    """For each claimant with two or more cumulative estimates: the loss rate between its first
    and latest estimate and, against `contingent`, when the whole contingent would be lost at that rate."""
    steps = timeline(claims[claims["stated"] <= to_date(as_of)], origin, metric)
    rows = []
    for claimant, own in steps.groupby("claimant", sort=True):
        if len(own) < 2:
            continue
        first, last = own.iloc[0], own.iloc[-1]
        if last["stated"] <= first["stated"]:
            continue
        a = Estimate(first["stated"], int(first["lo"]), int(first["hi"]))
        b = Estimate(last["stated"], int(last["lo"]), int(last["hi"]))
        rate = loss_rate(a, b)
        early, late = exhaustion_date(contingent, b, rate) if contingent else (None, None)
        rows.append(dict(claimant=claimant, first=a.date, first_figure=a.high, last=b.date, last_figure=b.high,
                         per_day_low=round(rate[0], 1), per_day_high=round(rate[1], 1), all_lost_earliest=early, all_lost_latest=late))
    return pd.DataFrame(rows, columns=["claimant", "first", "first_figure", "last", "last_figure", "per_day_low", "per_day_high",
                                       "all_lost_earliest", "all_lost_latest"])
