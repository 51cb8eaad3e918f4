"""Claims arithmetic: latest ranges per claimant, timelines, ratios with their uncertainty.

All functions are pure over a claims DataFrame (as returned by ``helpers.data.claims``);
the public ``latest_range`` loads the data itself for convenience.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .data import DateLike, to_date
from .data import claims as load_claims
from .data import load as _load
from .data import metrics as load_metrics
from .iso3166 import ALPHA3
from .schema import DATA_DIR

Range = tuple[int, int]

#: Claimant sides, in the order charts and tables show them; one fixed colour each (plotting.SIDE_COLOURS).
SIDES = ("Ukraine", "Russia", "Origin government", "Other governments", "International bodies", "Independent (media, research)")
_INDEPENDENT_KINDS = {"media", "ngo_research", "individual"}
_STATE_SIDES = {"UKR": "Ukraine", "RUS": "Russia"}


_INDEXED: dict[str, object] = {}
_DATA = DATA_DIR


def _reference() -> tuple[pd.DataFrame, frozenset[str]]:
    """metrics.csv indexed by metric, and the known origin codes; built once per loaded table (the loader
    returns the same cached frame until a file changes), because the arithmetic asks for them per call.
    Between calls only the two files' stamps are checked, not the whole package."""
    stamp = tuple((p.stat().st_mtime_ns, p.stat().st_size) for p in (_DATA / "metrics.csv", _DATA / "regions.csv"))
    if _INDEXED.get("stamp") == stamp:
        return _INDEXED["value"]
    metrics = load_metrics()
    _INDEXED["value"] = (metrics.set_index("metric"), frozenset(ALPHA3) | frozenset(_load("regions")["region"]))
    _INDEXED["stamp"] = stamp
    return _INDEXED["value"]


def metric_kinds() -> pd.DataFrame:
    """metrics.csv indexed by metric: kind (stock, cumulative, flow), unit, staleness_days, definition."""
    return _reference()[0]


def staleness_days(metric: str) -> int:
    """Days after which a figure on `metric` is stale (metrics.csv): a quarter for stocks, longer for counts."""
    return int(metric_kinds().loc[metric, "staleness_days"])


def _origins() -> frozenset[str]:
    return _reference()[1]


def check_origin_metric(origin: str, metric: str) -> None:
    """Raise a clear error for a code that is neither ISO 3166-1 alpha-3 nor a region, or an unknown metric."""
    if origin not in _origins():
        raise ValueError(f"unknown origin {origin!r}: use an ISO 3166-1 alpha-3 code (e.g. PRK, NPL) or a region code "
                         "from data/regions.csv (e.g. XFN, XAF)")
    known = metric_kinds().index
    if metric not in known:
        raise ValueError(f"unknown metric {metric!r}: expected one of {', '.join(known)}")


def _bounds(frame: pd.DataFrame) -> pd.DataFrame:
    """lo/hi as floats with the open end missing: 'at least N' is (N, NaN), 'at most N' is (NaN, N)."""
    out = frame.copy()
    out["lo"] = pd.to_numeric(out["low"], errors="coerce").astype("float64")
    out["hi"] = pd.to_numeric(out["high"], errors="coerce").astype("float64")
    return out


def _institution(claims: pd.DataFrame) -> pd.Series:
    return claims["claimant_id"] if "claimant_id" in claims else claims["claimant"]


def _contingent_mask(claims: pd.DataFrame, origin: str, metrics: list[str]) -> np.ndarray:
    """Rows on `origin` and one of `metrics` that count the whole contingent, as one boolean array over plain
    arrays (the arithmetic filters this way hundreds of times per notebook)."""
    return ((claims["origin"].to_numpy(dtype=object) == origin) & np.isin(claims["metric"].to_numpy(dtype=object), metrics)
            & (claims["scope"].to_numpy(dtype=object) == "total"))


def whole_contingent(claims: pd.DataFrame, origin: str, metric: str) -> pd.DataFrame:
    """Claims on (origin, metric) that count the whole contingent (scope 'total'; parts such as a unit,
    a wave or the sappers never enter ranges or timelines)."""
    check_origin_metric(origin, metric)
    return claims[_contingent_mask(claims, origin, [metric])]


def _accepted(claims: pd.DataFrame) -> np.ndarray:
    """Rows whose standing lets them set a range (all rows of a frame without the column)."""
    if "standing" not in claims:
        return np.ones(len(claims), dtype=bool)
    return claims["standing"].astype("string").fillna("accepted").to_numpy(dtype=object) == "accepted"


def latest_by_claimant(
    claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None, max_age_days: float | None = None
) -> pd.DataFrame:
    """Each institution's most recent accepted claim on (origin, metric) stated on or before `as_of`.

    An institution's newer figure supersedes its older ones (ties on its latest date are all kept);
    disputed and probable-error rows never count. Adds `lo`/`hi` (open end missing), `age_days`
    (from `refers_to` to `as_of`) and `stale` (older than the metric's window, or `max_age_days`).
    With `max_age_days` given, stale rows are dropped (``math.inf`` keeps everything).
    """
    when = to_date(as_of)
    check_origin_metric(origin, metric)
    keep = _contingent_mask(claims, origin, [metric]) & (claims["stated"].to_numpy() <= when.to_datetime64()) & _accepted(claims)
    latest = _newest_per_institution(claims[keep])
    latest = _floors_from_parts(latest, claims, origin, metric, when)
    window = staleness_days(metric) if max_age_days is None else max_age_days
    out = _bounds(latest)
    out["age_days"] = (when - out["refers_to"]).dt.days.astype("int64")
    out["stale"] = out["age_days"] > window
    if max_age_days is not None:
        out = out[~out["stale"]]
    return out.sort_values(["stated", "claimant", "claim_id"]).reset_index(drop=True)


def _newest_per_institution(sel: pd.DataFrame) -> pd.DataFrame:
    if sel.empty:
        return sel
    return sel[sel["stated"] == sel.groupby(_institution(sel))["stated"].transform("max")]


def _children(metric: str) -> list[str]:
    parts = metric_kinds()["part_of"]
    return list(parts.index[parts == metric])


def _floors_from_parts(latest: pd.DataFrame, claims: pd.DataFrame, origin: str, metric: str, when: pd.Timestamp) -> pd.DataFrame:
    """An institution's newer figure on a part of `metric` (e.g. 11,000 in Kursk after its own 3,000 in
    Russia) supersedes its older figure for the whole: it stands as a floor, 'at least' the part."""
    children = _children(metric)
    if not children or latest.empty:
        return latest
    keep = (_contingent_mask(claims, origin, children) & (claims["stated"].to_numpy() <= when.to_datetime64())
            & claims["low"].notna().to_numpy() & _accepted(claims))
    if not keep.any():
        return latest
    kids = _newest_per_institution(claims[keep])
    who = _institution(latest).to_numpy(dtype=object)
    figure = latest["high"].fillna(latest["low"]).astype("float64").to_numpy()
    own: dict[str, tuple[pd.Timestamp, float]] = {}
    for w, st, fig in zip(who, latest["stated"], figure, strict=True):
        prev = own.get(w)
        own[w] = (st, fig) if prev is None else (max(prev[0], st), max(prev[1], fig))
    floors = {}
    for kid in kids.itertuples(index=False):  # the last of an institution's tied newest rows wins, as before
        w = kid.claimant_id if "claimant_id" in kids else kid.claimant
        if w in own and kid.stated > own[w][0] and float(kid.low) > own[w][1]:
            floors[w] = kid
    if not floors:
        return latest
    first = latest.assign(_who=who).drop_duplicates("_who").set_index("_who").loc[list(floors)].reset_index(drop=True)
    ks = list(floors.values())
    first = first.assign(claim_id=[k.claim_id for k in ks], source_id=[k.source_id for k in ks], stated=[k.stated for k in ks],
                         refers_to=[k.refers_to for k in ks], qualifier="at_least", low=[k.low for k in ks],
                         floor_from=[str(k.metric) for k in ks])
    first["high"] = pd.array([pd.NA] * len(first), dtype=latest["high"].dtype)
    first["low"] = first["low"].astype(latest["low"].dtype)
    return pd.concat([latest[~np.isin(who, list(floors))], first], ignore_index=True)


@dataclass(frozen=True)
class Band:
    """A range across institutions' figures: `low`/`high` and whether an end is only a bound
    (`high_open`: 'at least' the high; `low_open`: 'at most' the low)."""

    low: int
    high: int
    low_open: bool = False
    high_open: bool = False


def band_of(figures: pd.DataFrame) -> Band | None:
    """The range the figures span, reading qualifiers as bounds, not points.

    Estimates (exact, about, range) span lowest low to highest high. An 'at least N' is a floor: it is
    consistent with any estimate above N, so it only lifts the high end when N exceeds every estimate
    (the high end is then open). An 'at most N' is a ceiling and lowers the low end only when N is below
    every estimate. With floors or ceilings alone, they span themselves with the open end marked.
    """
    if figures.empty:
        return None
    lo, hi = figures["lo"], figures["hi"]
    points = figures[lo.notna() & hi.notna()]
    floors = lo[hi.isna()].dropna()
    ceilings = hi[lo.isna()].dropna()
    if not points.empty:
        low, high = float(points["lo"].min()), float(points["hi"].max())
        low_open = high_open = False
    elif not floors.empty and not ceilings.empty:
        low, high = float(floors.min()), float(ceilings.max())
        low_open, high_open = False, False
    elif not floors.empty:
        low, high, low_open, high_open = float(floors.min()), float(floors.max()), False, True
    else:
        low, high, low_open, high_open = float(ceilings.min()), float(ceilings.max()), True, False
    if not floors.empty and floors.max() > high:
        high, high_open = float(floors.max()), True
    if not ceilings.empty and ceilings.min() < low:
        low, low_open = float(ceilings.min()), True
    return Band(int(low), int(high), low_open, high_open)


@dataclass(frozen=True)
class RangeEstimate:
    """What a specialist reports for one origin and metric on one date: the range of the institutions'
    current figures, who stands behind it, how old it is, and what was left out and why."""

    origin: str
    metric: str
    kind: str
    as_of: pd.Timestamp
    band: Band
    stale: bool
    newest: pd.Timestamp
    figures: pd.DataFrame
    left_out: pd.DataFrame

    @property
    def range(self) -> Range:
        return self.band.low, self.band.high

    @property
    def institutions(self) -> int:
        """Independent institutions behind the range (relays are never institutions)."""
        return int(self.figures["claimant_id"].nunique()) if "claimant_id" in self.figures else int(self.figures["claimant"].nunique())

    @property
    def age_days(self) -> int:
        """Days from the newest figure used to `as_of`."""
        return int((self.as_of - self.newest).days)


def _left_out(claims: pd.DataFrame, origin: str, metric: str, when: pd.Timestamp, used: pd.DataFrame) -> pd.DataFrame:
    on = claims[(claims["origin"] == origin) & (claims["metric"] == metric) & (claims["stated"] <= when)]
    on = on[~on["claim_id"].isin(used["claim_id"])]
    newest = on.groupby(_institution(on))["stated"].transform("max") if not on.empty else on["stated"]
    reason = pd.Series("superseded by the same institution", index=on.index, dtype="string")
    reason = reason.mask(on["stated"] == newest, "stale: a fresher figure exists")
    if "standing" in on:
        standing = on["standing"].astype("string")
        reason = reason.mask(standing == "disputed", "disputed").mask(standing == "probable_error", "probable error")
        reason = reason.mask(standing == "composite", "an outlet's summary of others' figures")
    reason = reason.mask(on["scope"] != "total", "counts a part (unit, wave, category)")
    cols = [c for c in ("claim_id", "claimant", "stated", "low", "high", "qualifier", "source_id") if c in on]
    return on[cols].assign(reason=reason).sort_values(["stated", "claim_id"]).reset_index(drop=True)


def estimate_from(claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None) -> RangeEstimate | None:
    """The current range for (origin, metric) on `as_of`, from `claims` (pure).

    Rule: each institution's latest accepted whole-contingent figure; those within the metric's
    staleness window form the range. When none is fresh, the range is the one that held on the date
    of the newest figure (the last known figures), flagged stale with its age. None only when no claim
    on (origin, metric) had been stated by `as_of`.
    """
    when = to_date(as_of)
    fresh, stale = _current_figures(claims, origin, metric, when)
    if fresh is None:
        return None
    band = band_of(fresh)
    assert band is not None
    figures = fresh.assign(age_days=(when - fresh["refers_to"]).dt.days.astype("int64"))
    figures = figures.assign(sets=_which_end(figures, band))
    kind = str(metric_kinds().loc[metric, "kind"])
    return RangeEstimate(origin, metric, kind, when, band, stale, fresh["refers_to"].max(), figures.reset_index(drop=True),
                         _left_out(claims, origin, metric, when, fresh))


def _current_figures(claims: pd.DataFrame, origin: str, metric: str, when: pd.Timestamp) -> tuple[pd.DataFrame | None, bool]:
    """The figures a range is made of on `when`, and whether they are stale: each institution's latest
    figure within the staleness window; if none is, the figures that were current on the newest figure's date."""
    latest = latest_by_claimant(claims, origin, metric, when)
    if latest.empty:
        return None, False
    fresh = latest[~latest["stale"]]
    if not fresh.empty:
        return fresh, False
    anchored = latest_by_claimant(claims, origin, metric, latest["stated"].max())
    return anchored[~anchored["stale"]], True


def _which_end(figures: pd.DataFrame, band: Band) -> pd.Series:
    """'low', 'high', 'both' or '' for each figure: which end of the band it sets."""
    low = (figures["lo"] == band.low) | (figures["lo"].isna() & (figures["hi"] == band.low))
    high = (figures["hi"] == band.high) | (figures["hi"].isna() & (figures["lo"] == band.high))
    return pd.Series([("both" if a and b else "low" if a else "high" if b else "") for a, b in zip(low, high, strict=True)],
                     index=figures.index, dtype="string")


def estimate(origin: str, metric: str, as_of: DateLike = None) -> RangeEstimate | None:
    """`estimate_from` over the collection's claims as known on `as_of` (default today)."""
    return estimate_from(load_claims(as_of), origin, metric, as_of)


def latest_range_from(
    claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None, max_age_days: float | None = None
) -> Range | None:
    """(low, high) of `estimate_from`; with `max_age_days`, only figures that recent count (None if none)."""
    if max_age_days is None:
        est = estimate_from(claims, origin, metric, as_of)
        return None if est is None else est.range
    band = band_of(latest_by_claimant(claims, origin, metric, as_of, max_age_days))
    return None if band is None else (band.low, band.high)


def latest_range(origin: str, metric: str, as_of: DateLike = None) -> Range | None:
    """The range of current estimates for `origin` and `metric` as known on `as_of` (default today).

    Each institution's latest accepted figure for the whole contingent; figures older than the
    metric's staleness window (metrics.csv) leave the range when fresher ones exist, and when none
    is fresh the last known figures answer (``estimate`` flags them stale with their age); 'at least'
    and 'at most' figures are bounds, not points. ``None`` only when no claim exists by that date.
    """
    return latest_range_from(load_claims(as_of), origin, metric, as_of)


def consensus_band(claims: pd.DataFrame, origin: str, metric: str, dates: pd.DatetimeIndex | list) -> pd.DataFrame:
    """The range across institutions' current figures on each date (for band charts): date, low, high,
    open ends, number of institutions and whether only stale figures were left."""
    # the rule only ever reads this origin's claims, and these columns: fewer columns, cheaper filters
    cols = [c for c in ("claim_id", "source_id", "claimant_id", "claimant", "origin", "metric", "scope", "standing", "stated",
                        "refers_to", "low", "high", "qualifier") if c in claims]
    own = claims.loc[claims["origin"] == origin, cols]
    rows = []
    for d in pd.DatetimeIndex(dates):
        fresh, stale = _current_figures(own, origin, metric, d)
        if fresh is None:
            continue
        band = band_of(fresh)
        rows.append(dict(date=d, low=band.low, high=band.high, low_open=band.low_open, high_open=band.high_open,
                         institutions=int(_institution(fresh).nunique()), stale=stale))
    return pd.DataFrame(rows, columns=["date", "low", "high", "low_open", "high_open", "institutions", "stale"])


def timeline(claims: pd.DataFrame, origin: str, metric: str) -> pd.DataFrame:
    """Every accepted whole-contingent claim as a step per institution: valid from `stated` until its next claim."""
    sel = whole_contingent(claims, origin, metric)
    sel = _bounds(sel[_accepted(sel)])
    sel = sel.assign(_inst=_institution(sel)).sort_values(["_inst", "stated", "claim_id"]).reset_index(drop=True)
    sel["until"] = sel.groupby("_inst")["stated"].shift(-1)
    cols = [c for c in ("claimant", "claimant_id", "claimant_country", "stated", "until", "lo", "hi", "qualifier", "claim_id", "source_id")
            if c in sel]
    return sel[cols]


def claimant_side(claims: pd.DataFrame) -> pd.Series:
    """Which side a claim comes from: Ukraine, Russia, the origin's own government, other governments,
    international bodies, or independent media and researchers (whatever their country)."""
    kinds = claims["claimant_kind"].astype("string") if "claimant_kind" in claims else pd.Series(pd.NA, index=claims.index, dtype="string")

    def side(country, kind, origin) -> str:
        if not pd.isna(kind) and kind in _INDEPENDENT_KINDS:
            return SIDES[5]
        if kind == "international_body":
            return SIDES[4]
        if pd.isna(country):
            return SIDES[3]  # unnamed officials of unnamed governments
        if country in _STATE_SIDES:
            return _STATE_SIDES[country]
        return SIDES[2] if country == origin else SIDES[3]

    values = [side(c, k, o) for c, k, o in zip(claims["claimant_country"], kinds, claims["origin"], strict=True)]
    return pd.Series(values, index=claims.index, dtype="string")


def latest_all(claims: pd.DataFrame, as_of: DateLike = None, metrics: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Each institution's newest accepted whole-contingent claim for every origin and metric at once (ties
    kept), with `lo`/`hi`: the rows ``latest_by_claimant`` returns one (origin, metric) at a time, before the
    part-floor rule (which only concerns metrics that others are part of)."""
    when = to_date(as_of)
    sel = claims[(claims["stated"] <= when) & (claims["scope"] == "total")]
    sel = sel[_accepted(sel)]
    if metrics is not None:
        sel = sel[sel["metric"].isin(metrics)]
    newest = sel.groupby(["origin", "metric", "claimant_id"], observed=True)["stated"].transform("max")
    return _bounds(sel[sel["stated"] == newest])


def spread(claims: pd.DataFrame, as_of: DateLike = None) -> pd.DataFrame:
    """Per origin and metric with a fresh figure: how far institutions' current figures disagree (high / low).
    The same bands as ``estimate_from`` (tests check), computed for every pair at once."""
    when = to_date(as_of)
    info = metric_kinds()
    parents = set(info["part_of"].dropna().astype(str))
    rows = []
    for (origin, metric), latest in latest_all(claims, when).groupby(["origin", "metric"], observed=True, sort=True):
        metric = str(metric)
        if str(info.loc[metric, "kind"]) == "flow":
            continue
        if metric in parents:
            latest = _bounds(_floors_from_parts(latest.drop(columns=["lo", "hi"]), claims, origin, metric, when))
        fresh = latest[(when - latest["refers_to"]).dt.days <= int(info.loc[metric, "staleness_days"])]
        band = band_of(fresh)
        if band is None:
            continue
        rows.append(dict(origin=origin, metric=metric, institutions=int(fresh["claimant_id"].nunique()), low=band.low, high=band.high,
                         ratio=round(band.high / band.low, 2) if band.low else float("nan")))
    return pd.DataFrame(rows, columns=["origin", "metric", "institutions", "low", "high", "ratio"])


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
    """Flows over a period (a flow metric) as per-day rates, newest first; a per-day metric is already a rate."""
    check_origin_metric(origin, metric)
    info = metric_kinds().loc[metric]
    if info["kind"] != "flow":
        raise ValueError(f"{metric!r} is a {info['kind']}, not a flow: daily rates need a flow metric")
    when = to_date(as_of)
    sel = claims[(claims["origin"] == origin) & (claims["metric"] == metric) & (claims["stated"] <= when) & _accepted(claims)]
    sel = _bounds(sel)
    sel = sel.assign(lo=sel["lo"].fillna(sel["hi"]), hi=sel["hi"].fillna(sel["lo"]))
    days = (sel["refers_to"] - sel["period_start"]).dt.days + 1
    per = 1 if info["unit"] == "persons_per_day" else days
    sel = sel.assign(days=days, per_day_lo=sel["lo"] / per, per_day_hi=sel["hi"] / per)
    return sel.sort_values(["refers_to", "claim_id"], ascending=[False, True]).reset_index(drop=True)


def in_days_of(contingent: Range, per_day: tuple[float, float]) -> tuple[float, float]:
    """A contingent expressed as days of a per-day flow (e.g. Russia's own casualties)."""
    if min(per_day) <= 0:
        raise ValueError("the daily flow must be positive")
    return contingent[0] / per_day[1], contingent[1] / per_day[0]


def latest_claim_date(claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None) -> pd.Timestamp | None:
    """Date of the newest whole-contingent claim on (origin, metric) stated by `as_of`."""
    sel = whole_contingent(claims, origin, metric)
    sel = sel[(sel["stated"] <= to_date(as_of)) & _accepted(sel)]
    return None if sel.empty else sel["stated"].max()


def latest_per_origin(claims: pd.DataFrame, metric: str, origins: list[str], as_of: DateLike = None) -> pd.DataFrame:
    """Each institution's latest figure per origin, whatever its age (for cross-country range charts,
    where every bar is labelled with its institution and date)."""
    check_origin_metric(origins[0] if origins else "XFN", metric)
    when = to_date(as_of)
    cols = ["origin", "claimant", "stated", "qualifier", "lo", "hi", "claim_id", "source_id"]
    latest = latest_all(claims[claims["origin"].isin(origins)], when, (metric,))
    if metric in set(metric_kinds()["part_of"].dropna().astype(str)):
        latest = pd.concat([_bounds(_floors_from_parts(g.drop(columns=["lo", "hi"]), claims, o, metric, when))
                            for o, g in latest.groupby("origin", observed=True)] or [latest])
    if latest.empty:
        return pd.DataFrame(columns=cols)
    return latest.sort_values(["origin", "stated", "claimant"]).reset_index(drop=True)[cols]


def loss_rates(claims: pd.DataFrame, origin: str, metric: str, contingent: Range | None, as_of: DateLike = None) -> pd.DataFrame:
    """For each claimant with two or more cumulative estimates: the loss rate between its first
    and latest estimate and, against `contingent`, when the whole contingent would be lost at that rate."""
    steps = timeline(claims[claims["stated"] <= to_date(as_of)], origin, metric)
    steps = steps.assign(lo=steps["lo"].fillna(steps["hi"]), hi=steps["hi"].fillna(steps["lo"]))  # a bound stands in for its figure
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
