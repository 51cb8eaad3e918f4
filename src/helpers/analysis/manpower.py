"""Claims arithmetic: latest ranges per claimant, timelines, ratios with their uncertainty.

All functions are pure over a claims DataFrame (as returned by ``helpers.data.claims``);
the public ``latest_range`` loads the data itself for convenience.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from helpers.data.loaders import DateLike, to_date
from helpers.data.loaders import claims as load_claims
from helpers.data.loaders import load as _load
from helpers.data.loaders import metrics as load_metrics
from helpers.data.places import ALPHA3
from helpers.data.schema import DATA_DIR

#: Claimant sides, in the order charts and tables show them; one fixed colour each (plotting.SIDE_COLOURS).
SIDES = ("Ukraine", "Russia", "Origin government", "Other governments", "International bodies", "Independent (media, research)")
_INDEPENDENT_KINDS = {"media", "ngo_research", "individual"}
_STATE_SIDES = {"UKR": "Ukraine", "RUS": "Russia"}


_DATA = DATA_DIR


@dataclass(frozen=True)
class _Reference:
    """metrics.csv indexed by metric, each metric's parts (its part_of children) and the known origin codes, as one
    record read once per version of the two files: the arithmetic asks for them on every call."""

    stamp: tuple
    metrics: pd.DataFrame
    children: dict[str, tuple[str, ...]]
    origins: frozenset[str]


_CACHED: list[_Reference] = []


def _reference() -> _Reference:
    """The reference record; between calls only the two files' stamps are checked, not the whole package."""
    stamp = tuple((p.stat().st_mtime_ns, p.stat().st_size) for p in (_DATA / "metrics.csv", _DATA / "regions.csv"))
    if _CACHED and _CACHED[0].stamp == stamp:
        return _CACHED[0]
    metrics = load_metrics().set_index("metric")
    parts = metrics["part_of"]
    ref = _Reference(
        stamp,
        metrics,
        {str(m): tuple(str(c) for c in parts.index[parts == m]) for m in metrics.index},
        frozenset(ALPHA3) | frozenset(_load("regions")["region"]),
    )
    _CACHED[:] = [ref]
    return ref


def metric_kinds() -> pd.DataFrame:
    """metrics.csv indexed by metric: kind (stock, cumulative, flow), unit, staleness_days, definition."""
    return _reference().metrics


def staleness_days(metric: str) -> int:
    """Days after which a figure on `metric` is stale (metrics.csv): a quarter for stocks, longer for counts."""
    return int(metric_kinds().loc[metric, "staleness_days"])


def _origins() -> frozenset[str]:
    return _reference().origins


def check_origin_metric(origin: str, metric: str) -> None:
    """Raise a clear error for a code that is neither ISO 3166-1 alpha-3 nor a region, or an unknown metric."""
    if origin not in _origins():
        raise ValueError(
            f"unknown origin {origin!r}: use an ISO 3166-1 alpha-3 code (e.g. PRK, NPL) or a region code "
            "from data/regions.csv (e.g. XFN, XAF)"
        )
    known = metric_kinds().index
    if metric not in known:
        raise ValueError(f"unknown metric {metric!r}: expected one of {', '.join(known)}")


def _bounds(frame: pd.DataFrame) -> pd.DataFrame:
    """lo/hi as floats with the open end missing: 'at least N' is (N, NaN), 'at most N' is (NaN, N)."""
    return frame.assign(lo=_as_float(frame["low"]), hi=_as_float(frame["high"]))


def _as_float(values: pd.Series) -> np.ndarray:
    """A figure column as floats, missing (or unreadable, in hand-made frames) as NaN; the loaded Int64 column
    converts directly, which is what the many small estimates need."""
    if isinstance(values.dtype, pd.Int64Dtype):
        return values.to_numpy(dtype="float64", na_value=np.nan)
    return pd.to_numeric(values, errors="coerce").astype("float64").to_numpy()


def _lineage(claims: pd.DataFrame) -> pd.Series:
    """The independence unit of each claim: its lineage group (lineages joined by draws_on), else its lineage,
    else (hand-made frames in tests) its institution."""
    for col in ("lineage_group", "lineage_id", "claimant_id", "claimant"):
        if col in claims:
            return claims[col]
    raise KeyError("claims need a lineage or an institution column")


def _age_from(claims: pd.DataFrame) -> pd.Series:
    """The day a figure's age counts from: the oldest day it may describe (refers_from), else refers_to."""
    return claims["refers_from"] if "refers_from" in claims else claims["refers_to"]


def _contingent_mask(claims: pd.DataFrame, origin: str, metrics: list[str]) -> np.ndarray:
    """Rows on `origin` and one of `metrics` that count the whole contingent, as one boolean array over plain arrays."""
    return (
        (claims["origin"].to_numpy(dtype=object) == origin)
        & np.isin(claims["metric"].to_numpy(dtype=object), metrics)
        & (claims["scope"].to_numpy(dtype=object) == "total")
    )


def whole_contingent(claims: pd.DataFrame, origin: str, metric: str) -> pd.DataFrame:
    """Claims on (origin, metric) that count the whole contingent (scope 'total'; parts such as a unit,
    a wave or the sappers never enter ranges or timelines as points)."""
    check_origin_metric(origin, metric)
    return claims[_contingent_mask(claims, origin, [metric])]


def _accepted(claims: pd.DataFrame) -> np.ndarray:
    """Rows whose standing lets them set a range (all rows of a frame without the column)."""
    if "standing" not in claims:
        return np.ones(len(claims), dtype=bool)
    standing = claims["standing"]
    return (standing.to_numpy(dtype=object) == "accepted") | standing.isna().to_numpy()


def _children(metric: str) -> list[str]:
    """The metrics that are parts of `metric` (metrics.csv part_of)."""
    return list(_reference().children.get(metric, ()))


def latest_by_lineage(
    claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None, max_age_days: float | None = None
) -> pd.DataFrame:
    """Each lineage's most recent accepted whole-contingent claim on (origin, metric) stated on or before `as_of`.

    Within a lineage the newer figure supersedes the older (one pipeline updating itself is not disagreement;
    ties on its latest date are all kept). Adds `lo`/`hi` (open end missing), `age_days` (from the oldest day the
    figure may describe to `as_of`) and `stale` (older than the metric's window, or `max_age_days`); with
    `max_age_days` given, stale rows are dropped (``math.inf`` keeps everything)."""
    when = to_date(as_of)
    check_origin_metric(origin, metric)
    keep = _contingent_mask(claims, origin, [metric]) & (claims["stated"].to_numpy() <= when.to_datetime64()) & _accepted(claims)
    sel = claims[keep]
    if not sel.empty:
        sel = sel[sel["stated"] == sel.groupby(_lineage(sel))["stated"].transform("max")]
    window = staleness_days(metric) if max_age_days is None else max_age_days
    out = _bounds(sel)
    out["age_days"] = (when - _age_from(out)).dt.days.astype("int64")
    out["stale"] = out["age_days"] > window
    if max_age_days is not None:
        out = out[~out["stale"]]
    return out.sort_values(["stated", "claimant", "claim_id"]).reset_index(drop=True)


@dataclass(frozen=True)
class Band:
    """A range across lineages' figures: `low`/`high` and whether an end is only a bound
    (`high_open`: 'at least' the high; `low_open`: 'at most' the low)."""

    low: int
    high: int
    low_open: bool = False
    high_open: bool = False


@dataclass(frozen=True)
class Floor:
    """The highest credible floor on a date: its value and the claim that sets it."""

    value: int
    claim_id: str
    lasting: bool
    lineage: str = ""
    claimant: str = ""


def band_of(figures: pd.DataFrame, floor: Floor | None = None) -> Band | None:
    """The range the figures span, reading qualifiers as bounds, not points, and no lower than `floor`.

    Estimates (exact, about, range) span lowest low to highest high. 'At least N' is a floor: with the
    estimates, no end lies below the highest floor (an estimate below it is contradicted and the band starts at the
    floor; a floor above every estimate leaves 'at least N'). Floors alone give 'at least' the highest, not a range.
    'At most N' is a ceiling only: it lowers the low end when below every estimate (open), and alone gives 'at most'
    the lowest."""
    return _band_values(list(zip(figures["lo"].tolist(), figures["hi"].tolist(), strict=True)), floor)


def _band_values(bounds: list[tuple[float, float]], floor: Floor | None) -> Band | None:
    points = [(lo, hi) for lo, hi in bounds if lo == lo and hi == hi]  # NaN != NaN: an open end
    floors = [lo for lo, hi in bounds if lo == lo and hi != hi] + ([float(floor.value)] if floor is not None else [])
    ceilings = [hi for lo, hi in bounds if lo != lo and hi == hi]
    top_floor = max(floors) if floors else None
    if points:
        low, high = min(p[0] for p in points), max(p[1] for p in points)
        low_open = high_open = False
        if ceilings and min(ceilings) < low:
            low, low_open = min(ceilings), True
    elif top_floor is not None and ceilings and min(ceilings) >= top_floor:
        return Band(int(top_floor), int(min(ceilings)), False, False)  # between a floor and a ceiling
    elif top_floor is not None:
        return Band(int(top_floor), int(top_floor), False, True)
    elif ceilings:
        return Band(int(min(ceilings)), int(min(ceilings)), True, False)
    else:
        return None
    if top_floor is not None:
        if top_floor > high:
            return Band(int(top_floor), int(top_floor), False, True)
        if top_floor > low:
            low, low_open = top_floor, False
    return Band(int(low), int(high), low_open, high_open)


def _narrowed(band: Band, before: Band) -> Band:
    """`band` kept within `before`: between new claims a range only narrows as figures age out (what the older
    figures had ruled out stays ruled out)."""
    inf = float("inf")
    lo_a = -inf if band.low_open else band.low
    lo_b = -inf if before.low_open else before.low
    hi_a = inf if band.high_open else band.high
    hi_b = inf if before.high_open else before.high
    low, high = max(lo_a, lo_b), min(hi_a, hi_b)
    if low > high:
        return before
    low_open, high_open = low == -inf, high == inf
    shown_low = min(band.low, before.low) if low_open else low
    shown_high = max(low if not low_open else 0, min(band.high, before.high)) if high_open else high
    if low_open:
        shown_low = min(shown_low, high)
    return Band(int(shown_low), int(shown_high), bool(low_open), bool(high_open))


class Range(tuple):
    """(low, high) that unpacks like a pair and also carries its open ends: 'at least' the high
    (`high_open`) or 'at most' the low (`low_open`)."""

    def __new__(cls, low: int, high: int, low_open: bool = False, high_open: bool = False):
        self = super().__new__(cls, (low, high))
        self.low_open, self.high_open = low_open, high_open
        return self

    @property
    def low(self) -> int:
        return self[0]

    @property
    def high(self) -> int:
        return self[1]


@dataclass(frozen=True)
class RangeEstimate:
    """What a specialist reports for one origin and metric on one date: the range of the lineages' current figures,
    the floor under it, who stands behind it, how old it is, and what was left out and why.

    The tables of figures and of left-out claims are worked out when first read: tables over many countries and
    totals over many dates read only the band, its lineages and its institutions."""

    origin: str
    metric: str
    kind: str
    as_of: pd.Timestamp
    band: Band
    stale: bool
    newest: pd.Timestamp
    #: The independent lineages behind the range: its figures' and its floor's.
    lineage_set: frozenset[str]
    #: The institutions behind the range: its figures' and the one whose claim sets its floor.
    claimants: frozenset[str]
    making_figures: Callable[[], pd.DataFrame] = field(repr=False, compare=False)
    leaving_out: Callable[[], pd.DataFrame] = field(repr=False, compare=False)
    floor: Floor | None = None
    period: tuple[pd.Timestamp, pd.Timestamp] | None = None

    @cached_property
    def figures(self) -> pd.DataFrame:
        """The figures that form the range, each with its age in days and which end of the range it sets."""
        return self.making_figures()

    @cached_property
    def left_out(self) -> pd.DataFrame:
        """The claims on (origin, metric) stated by `as_of` that set no end of the range, each with its reason."""
        return self.leaving_out()

    @property
    def range(self) -> Range:
        return Range(self.band.low, self.band.high, self.band.low_open, self.band.high_open)

    @property
    def lineages(self) -> int:
        """Independent lineages behind the range (lineages that draw on each other count once; relays never count)."""
        return len(self.lineage_set)

    @property
    def institutions(self) -> int:
        """Institutions behind the figures (several offices of one lineage are still one lineage: see `lineages`)."""
        return (
            int(self.figures["claimant_id"].nunique())
            if "claimant_id" in self.figures
            else int(self.figures["claimant"].nunique())
        )

    @property
    def age_days(self) -> int:
        """Days from the newest figure used to `as_of`."""
        return int((self.as_of - self.newest).days)


def _lineage_set(lineages, floor: Floor | None) -> frozenset[str]:
    """The independent lineages behind a range: those of its figures and the one of its floor."""
    return frozenset(lineages) | ({floor.lineage} if floor is not None and floor.lineage else frozenset())


def _claimant_set(names, floor: Floor | None) -> frozenset[str]:
    """The institutions behind a range: those of its figures and the one whose claim sets its floor."""
    return frozenset(names) | ({floor.claimant} if floor is not None and floor.claimant else frozenset())


def _relevant(claims: pd.DataFrame, origin: str, metric: str, when: pd.Timestamp) -> np.ndarray:
    """Accepted claims on `origin` stated by `when` that can move the estimate of `metric`: the metric itself
    (whole or part) and the metrics that are parts of it (a boolean mask over `claims`)."""
    counted = [metric, *_children(metric)]
    return (
        (claims["origin"].to_numpy(dtype=object) == origin)
        & np.isin(claims["metric"].to_numpy(dtype=object), counted)
        & (claims["stated"].to_numpy() <= when.to_datetime64())
        & _accepted(claims)
    )


#: The columns the estimate reads and shows: selecting them first keeps the many small filters cheap.
ESTIMATE_COLUMNS = (
    "claim_id",
    "source_id",
    "claimant_id",
    "claimant",
    "claimant_country",
    "claimant_kind",
    "lineage_id",
    "lineage_group",
    "lineage",
    "side",
    "origin",
    "metric",
    "scope",
    "standing",
    "stated",
    "refers_to",
    "refers_from",
    "period_start",
    "low",
    "high",
    "qualifier",
)


def for_estimates(claims: pd.DataFrame) -> pd.DataFrame:
    """`claims` narrowed to the columns an estimate reads: a caller estimating many origins or dates narrows once,
    and every estimate from the narrowed frame equals the one from the whole."""
    return claims[[c for c in ESTIMATE_COLUMNS if c in claims]]


def highest_floor(claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None) -> Floor | None:
    """The highest credible floor on `as_of`. A cumulative count only grows, so any accepted figure on the metric or
    on a part of it (a named list, a unit's dead, an old 'about N') is a floor that lasts; for a stock, only figures
    within the staleness window on a part of it (troops in the combat area are present; a unit of those present)
    set a floor that day."""
    when = to_date(as_of)
    return _Walk(claims, origin, metric, when).floor(when)


class _Walk:
    """The claims that can move one (origin, metric) estimate, as plain records: the path below evaluates the
    estimate on dozens of days, and plain Python over a few dozen records is far cheaper than frame filters."""

    def __init__(self, claims: pd.DataFrame, origin: str, metric: str, until: pd.Timestamp):
        keep = _relevant(claims, origin, metric, until)
        self.claims = claims
        self.has_claimant = "claimant" in claims
        self.metric, self.kind = metric, str(metric_kinds().loc[metric, "kind"])
        self.window = staleness_days(metric)

        def column(values: pd.Series) -> list[str]:
            return [str(v) for v in values.to_numpy(dtype=object)[keep]]

        def days(values: pd.Series) -> list:
            return list(pd.DatetimeIndex(values.to_numpy()[keep]))

        who = column(claims["claimant"]) if self.has_claimant else [""] * int(keep.sum())
        self.recs = [
            dict(i=i, lin=g, age=a, stated=st, metric=str(m), total=sc == "total", lo=lo, hi=hi, cid=str(c), who=w)
            for i, g, a, st, m, sc, lo, hi, c, w in zip(
                claims.index[keep],
                column(_lineage(claims)),
                days(_age_from(claims)),
                days(claims["stated"]),
                column(claims["metric"]),
                column(claims["scope"]),
                _as_float(claims["low"])[keep].tolist(),
                _as_float(claims["high"])[keep].tolist(),
                column(claims["claim_id"]),
                who,
                strict=True,
            )
        ]

    def fresh(self, day: pd.Timestamp) -> list[dict]:
        """Each lineage's newest whole-contingent figure on the metric by `day`, if within the window."""
        own = [r for r in self.recs if r["metric"] == self.metric and r["total"] and r["stated"] <= day]
        newest: dict[str, pd.Timestamp] = {}
        for r in own:
            newest[r["lin"]] = max(newest.get(r["lin"], r["stated"]), r["stated"])
        return [r for r in own if r["stated"] == newest[r["lin"]] and (day - r["age"]).days <= self.window]

    def floor(self, day: pd.Timestamp) -> Floor | None:
        if self.kind == "flow":
            return None
        cand = [r for r in self.recs if r["stated"] <= day and r["lo"] == r["lo"]]
        if self.kind == "stock":
            cand = [r for r in cand if (r["metric"] != self.metric or not r["total"]) and (day - r["age"]).days <= self.window]
        if not cand:
            return None
        top = min(cand, key=lambda r: (-r["lo"], -r["stated"].value, r["cid"]))
        return Floor(int(top["lo"]), top["cid"], self.kind == "cumulative", top["lin"], top["who"])

    def days(self, until: pd.Timestamp) -> tuple[list[pd.Timestamp], set[pd.Timestamp]]:
        claim_days = {r["stated"] for r in self.recs}
        age_days = {r["age"] + pd.Timedelta(days=self.window + 1) for r in self.recs if not pd.isna(r["age"])}
        return sorted(d for d in claim_days | age_days if d <= until), claim_days

    def frame(self, recs: list[dict]) -> pd.DataFrame:
        """The claims of `recs` as rows of the claims table (its estimate columns, with lo and hi)."""
        return _bounds(for_estimates(self.claims.loc[[r["i"] for r in recs]]))

    def known_by(self, day: pd.Timestamp) -> _Walk:
        """The same walk over the claims stated by `day` only: what a walk begun on that day would hold."""
        known = copy.copy(self)
        known.recs = [r for r in self.recs if r["stated"] <= day]
        return known


def _apply_floor(band: Band, floor: Floor | None) -> Band:
    if floor is None or floor.value <= band.low:
        return band
    if floor.value > band.high or band.high_open and floor.value >= band.high:
        return Band(floor.value, floor.value, False, True)
    return Band(floor.value, band.high, False, band.high_open)


@dataclass(frozen=True)
class _State:
    day: pd.Timestamp
    band: Band
    figures: list
    stale: bool
    floor: Floor | None


def _path(walk: _Walk, until: pd.Timestamp) -> list[_State]:
    """The estimate on every day it can change up to `until`: each day a claim is stated and each day a figure
    leaves the staleness window. On a claim's day the range is recomputed from the fresh figures (with no fresh
    figure, the last range stands, lifted to any new floor); on an age-out day the range is recomputed and kept
    within the previous one, so without a new claim it only narrows, and an aged-out figure never returns."""
    states: list[_State] = []
    days, claim_days = walk.days(until)
    for day in days:
        fresh = walk.fresh(day)
        floor = walk.floor(day)
        prev = states[-1] if states else None
        if not fresh:
            if prev is None:
                band = _band_values([], floor)
                if band is not None:
                    states.append(_State(day, band, [], False, floor))
            else:
                band = _apply_floor(prev.band, floor) if day in claim_days else prev.band
                states.append(_State(day, band, prev.figures, bool(prev.figures), floor or prev.floor))
            continue
        band = _band_values([(r["lo"], r["hi"]) for r in fresh], floor)
        if prev is not None and day not in claim_days:
            band = _narrowed(band, prev.band)
        states.append(_State(day, band, fresh, False, floor))
    return states


def _stock_or_count(walk: _Walk, claims: pd.DataFrame, origin: str, when: pd.Timestamp) -> RangeEstimate | None:
    """The estimate of a stock or a cumulative count on `when`, from a walk over the claims stated by then."""
    states = _path(walk, when)
    if not states:
        return None
    last = states[-1]
    recs, floor = last.figures, last.floor
    if recs:
        newest = max(r["age"] for r in recs)
    else:
        newest = next((r["stated"] for r in walk.recs if floor is not None and r["cid"] == floor.claim_id), when)
    names = [r["who"] for r in recs] if walk.has_claimant else []
    return RangeEstimate(
        origin,
        walk.metric,
        walk.kind,
        when,
        last.band,
        last.stale,
        newest,
        _lineage_set((r["lin"] for r in recs), floor),
        _claimant_set(names, floor),
        lambda: _figures_table(walk.frame(recs), when, last.band),
        lambda: _left_out(claims, origin, walk.metric, when, walk.frame(recs), None),
        floor,
    )


def _flow(claims: pd.DataFrame, origin: str, metric: str, when: pd.Timestamp) -> RangeEstimate | None:
    """Flows combine only over the same period: the band of the newest period any lineage reported
    (the figures for other periods are left out as rates of their own period)."""
    latest = latest_by_lineage(claims, origin, metric, when, max_age_days=float("inf"))
    if latest.empty:
        return None
    latest = latest.assign(_start=latest["period_start"].fillna(latest["refers_to"]))
    newest = latest.sort_values(["refers_to", "_start"], ascending=False).iloc[0]
    same = latest[(latest["refers_to"] == newest["refers_to"]) & (latest["_start"] == newest["_start"])].drop(columns="_start")
    band, period = band_of(same), (newest["_start"], newest["refers_to"])
    names = same["claimant"].astype(str) if "claimant" in same else ()
    return RangeEstimate(
        origin,
        metric,
        "flow",
        when,
        band,
        _stale_on(same, metric, when),
        _age_from(same).max(),
        _lineage_set(_lineage(same).astype(str), None),
        _claimant_set(names, None),
        lambda: _figures_table(same, when, band),
        lambda: _left_out(claims, origin, metric, when, same, period),
        None,
        period,
    )


def _figures_table(figures: pd.DataFrame, when: pd.Timestamp, band: Band) -> pd.DataFrame:
    """The figures that form a range, with each one's age on `when` and which end of the range it sets."""
    ages = (when - _age_from(figures)).dt.days.astype("int64") if not figures.empty else pd.Series(dtype="int64")
    return figures.assign(age_days=ages, sets=_which_end(figures, band)).reset_index(drop=True)


def _left_out(
    claims: pd.DataFrame, origin: str, metric: str, when: pd.Timestamp, used: pd.DataFrame, period: tuple | None
) -> pd.DataFrame:
    on = claims[(claims["origin"] == origin) & (claims["metric"] == metric) & (claims["stated"] <= when)]
    on = _bounds(on[~on["claim_id"].isin(used["claim_id"])])
    cols = [c for c in ("claim_id", "claimant", "stated", "low", "high", "qualifier", "source_id") if c in on]
    if on.empty:
        return on[cols].assign(reason=pd.Series(dtype="string")).reset_index(drop=True)
    lineage = _lineage(on)
    newest_own = on.groupby(lineage)["stated"].transform("max")
    window = staleness_days(metric)
    reasons = []
    for (_, row), newest, age_from in zip(on.iterrows(), newest_own, _age_from(on), strict=True):
        standing = str(row.get("standing", "accepted"))
        if standing == "disputed":
            reasons.append("disputed")
        elif standing == "probable_error":
            reasons.append("probable error")
        elif standing == "composite":
            reasons.append("an outlet's summary of others' figures")
        elif row["scope"] != "total":
            reasons.append("counts a part (unit, wave, category): a floor, never a point")
        elif period is not None and (row["period_start"], row["refers_to"]) != period:
            reasons.append("a flow over another period (never combined with this one)")
        elif row["stated"] < newest:
            reasons.append("superseded by a newer figure of the same lineage")
        elif (when - age_from).days > window:
            reasons.append("stale: older than the metric's window")
        else:
            reasons.append("")
    out = on[cols].assign(reason=pd.array(reasons, dtype="string"))
    return out.sort_values(["stated", "claim_id"]).reset_index(drop=True)


def estimate_from(claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None) -> RangeEstimate | None:
    """The range for (origin, metric) on `as_of` (default: the record's cut-off), from `claims` (pure).

    Rules: each lineage's latest accepted whole-contingent figure; those within the metric's staleness window
    form the range; no end lies below the highest credible floor (for cumulative counts every earlier figure,
    named lists included, is a floor that lasts); without a new claim the range only narrows as figures age out,
    and when all are stale the last range stands, flagged stale with its age; flows combine only over the same
    period. None only when no claim on (origin, metric) had been stated by `as_of`; never raises for a known
    origin and metric."""
    return estimates_over_time(claims, origin, metric, [to_date(as_of)])[0]


def estimates_over_time(claims: pd.DataFrame, origin: str, metric: str, dates) -> list[RangeEstimate | None]:
    """``estimate_from`` on each of `dates`, in their order: the claims are selected once and each date's walk
    keeps only those stated by that date, so every estimate is the one ``estimate_from`` gives on its own."""
    check_origin_metric(origin, metric)
    days = [to_date(d) for d in dates]
    if not days:
        return []
    if str(metric_kinds().loc[metric, "kind"]) == "flow":
        narrow = for_estimates(claims)  # once for every date; a flow's figures then carry the same columns for every caller
        return [_flow(narrow, origin, metric, d) for d in days]
    walk = _Walk(claims, origin, metric, max(days))
    return [_stock_or_count(walk.known_by(d), claims, origin, d) for d in days]


def _which_end(figures: pd.DataFrame, band: Band) -> pd.Series:
    """'low', 'high', 'both' or '' for each figure: which end of the band it sets."""
    if figures.empty:
        return pd.Series(dtype="string")
    low = (figures["lo"] == band.low) | (figures["lo"].isna() & (figures["hi"] == band.low))
    high = (figures["hi"] == band.high) | (figures["hi"].isna() & (figures["lo"] == band.high))
    return pd.Series(
        [("both" if a and b else "low" if a else "high" if b else "") for a, b in zip(low, high, strict=True)],
        index=figures.index,
        dtype="string",
    )


def estimate(origin: str, metric: str, as_of: DateLike = None) -> RangeEstimate | None:
    """`estimate_from` over the collection's claims as known on `as_of` (default: the record's cut-off)."""
    return estimate_from(load_claims(as_of), origin, metric, as_of)


def latest_range_from(
    claims: pd.DataFrame, origin: str, metric: str, as_of: DateLike = None, max_age_days: float | None = None
) -> Range | None:
    """`Range` (unpacks to (low, high), carries the open ends) of `estimate_from`; with `max_age_days`, only
    figures that recent count (None if none)."""
    if max_age_days is None:
        est = estimate_from(claims, origin, metric, as_of)
        return None if est is None else est.range
    band = band_of(latest_by_lineage(claims, origin, metric, as_of, max_age_days))
    return None if band is None else Range(band.low, band.high, band.low_open, band.high_open)


def latest_range(origin: str, metric: str, as_of: DateLike = None) -> Range | None:
    """The range of current estimates for `origin` and `metric` as known on `as_of` (default: the record's declared
    cut-off, never the clock), by the rules of `estimate_from`. Unpacks to (low, high); `.high_open` and
    `.low_open` say whether an end is only a bound. ``None`` only when no claim exists by that date."""
    return latest_range_from(load_claims(as_of), origin, metric, as_of)


def consensus_band(claims: pd.DataFrame, origin: str, metric: str, dates: pd.DatetimeIndex | list) -> pd.DataFrame:
    """The range on each date (for band charts): date, low, high, open ends, number of independent lineages and
    whether only stale figures were left: ``estimates_over_time``, so each row is ``estimate_from`` on that date."""
    dates = pd.DatetimeIndex(dates).sort_values()
    cols = ["date", "low", "high", "low_open", "high_open", "lineages", "stale"]
    rows = [
        dict(
            date=d,
            low=e.band.low,
            high=e.band.high,
            low_open=e.band.low_open,
            high_open=e.band.high_open,
            lineages=e.lineages,
            stale=e.stale,
        )
        for d, e in zip(dates, estimates_over_time(claims, origin, metric, dates), strict=True)
        if e is not None
    ]
    return pd.DataFrame(rows, columns=cols)


def _stale_on(figures: pd.DataFrame, metric: str, day: pd.Timestamp) -> bool:
    return bool(((day - _age_from(figures)).dt.days > staleness_days(metric)).all())


def timeline(claims: pd.DataFrame, origin: str, metric: str) -> pd.DataFrame:
    """Every accepted whole-contingent claim as a step per lineage: valid from `stated` until its next claim."""
    sel = whole_contingent(claims, origin, metric)
    sel = _bounds(sel[_accepted(sel)])
    sel = sel.assign(_inst=_lineage(sel)).sort_values(["_inst", "stated", "claim_id"]).reset_index(drop=True)
    sel["until"] = sel.groupby("_inst")["stated"].shift(-1)
    cols = [
        c
        for c in (
            "claimant",
            "claimant_id",
            "claimant_country",
            "lineage_id",
            "stated",
            "until",
            "lo",
            "hi",
            "qualifier",
            "claim_id",
            "source_id",
        )
        if c in sel
    ]
    return sel[cols]


def claimant_side(claims: pd.DataFrame) -> pd.Series:
    """Which side a claim comes from: Ukraine, Russia, the origin's own government, other governments,
    international bodies, or independent media and researchers (whatever their country)."""
    kinds = (
        claims["claimant_kind"].astype("string")
        if "claimant_kind" in claims
        else pd.Series(pd.NA, index=claims.index, dtype="string")
    )

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
    """Each lineage's newest accepted whole-contingent claim for every origin and metric at once (ties kept), with
    `lo`/`hi`: the rows ``latest_by_lineage`` returns one (origin, metric) at a time, whatever their age."""
    when = to_date(as_of)
    sel = claims[(claims["stated"] <= when) & (claims["scope"] == "total")]
    sel = sel[_accepted(sel)]
    if metrics is not None:
        sel = sel[sel["metric"].isin(metrics)]
    sel = sel.assign(_lin=_lineage(sel))
    newest = sel.groupby(["origin", "metric", "_lin"], observed=True)["stated"].transform("max")
    return _bounds(sel[sel["stated"] == newest].drop(columns="_lin"))


def spread(claims: pd.DataFrame, as_of: DateLike = None) -> pd.DataFrame:
    """Per origin and stock or cumulative metric with a current figure: how far independent lineages' figures
    disagree (high / low), from ``estimate_from`` itself (stale ranges and ranges set by one lineage left out)."""
    when = to_date(as_of)
    info = metric_kinds()
    rows = []
    known = claims[claims["stated"] <= when]
    pairs = known[["origin", "metric"]].astype(str).drop_duplicates().sort_values(["origin", "metric"])
    for origin, metric in pairs.itertuples(index=False):
        if str(info.loc[metric, "kind"]) == "flow":
            continue
        est = estimate_from(claims, origin, metric, when)
        if est is None or est.stale:
            continue
        band = est.band
        rows.append(
            dict(
                origin=origin,
                metric=metric,
                lineages=est.lineages,
                low=band.low,
                high=band.high,
                ratio=round(band.high / band.low, 2) if band.low and not band.high_open else float("nan"),
            )
        )
    return pd.DataFrame(rows, columns=["origin", "metric", "lineages", "low", "high", "ratio"])


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


def exhaustion_date(
    contingent: Range, current: Estimate, rate: tuple[float, float]
) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
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
    """Each lineage's latest figure per origin, whatever its age (for cross-country range charts, where every bar
    is labelled with its institution and date)."""
    check_origin_metric(origins[0] if origins else "XFN", metric)
    when = to_date(as_of)
    cols = ["origin", "claimant", "stated", "qualifier", "lo", "hi", "claim_id", "source_id"]
    latest = latest_all(claims[claims["origin"].isin(origins)], when, (metric,))
    if latest.empty:  # typed like a found one, so that callers' date and number accessors work on no rows
        return pd.DataFrame(columns=cols).astype({"stated": "datetime64[ns]", "lo": "float64", "hi": "float64"})
    return latest.sort_values(["origin", "stated", "claimant"]).reset_index(drop=True)[cols]


def loss_rates(
    claims: pd.DataFrame, origin: str, metric: str, contingent_metric: str | None = "deployed", as_of: DateLike = None
) -> pd.DataFrame:
    """For each lineage with two or more cumulative estimates: the loss rate between its first and latest estimate
    and, against the contingent present on the day of that latest estimate (`contingent_metric`'s range then, never a
    later stock), when the whole contingent would be lost at that rate."""
    when = to_date(as_of)
    known = claims[claims["stated"] <= when]
    steps = timeline(known, origin, metric)
    steps = steps.assign(
        lo=steps["lo"].fillna(steps["hi"]),
        hi=steps["hi"].fillna(steps["lo"]),  # a bound stands in for its figure
        _lin=_lineage(steps).astype(str),
    )
    rows = []
    for lineage, own in steps.groupby("_lin", sort=True):
        if len(own) < 2:
            continue
        first, last = own.iloc[0], own.iloc[-1]
        if last["stated"] <= first["stated"]:
            continue
        a = Estimate(first["stated"], int(first["lo"]), int(first["hi"]))
        b = Estimate(last["stated"], int(last["lo"]), int(last["hi"]))
        rate = loss_rate(a, b)
        held = estimate_from(known, origin, contingent_metric, b.date) if contingent_metric else None
        early, late = exhaustion_date(held.range, b, rate) if held else (None, None)
        rows.append(
            dict(
                lineage=lineage,
                claimant=last["claimant"],
                first=a.date,
                first_figure=a.high,
                last=b.date,
                last_figure=b.high,
                per_day_low=round(rate[0], 1),
                per_day_high=round(rate[1], 1),
                contingent_low=held.band.low if held else None,
                contingent_high=held.band.high if held else None,
                all_lost_earliest=early,
                all_lost_latest=late,
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "lineage",
            "claimant",
            "first",
            "first_figure",
            "last",
            "last_figure",
            "per_day_low",
            "per_day_high",
            "contingent_low",
            "contingent_high",
            "all_lost_earliest",
            "all_lost_latest",
        ],
    )
