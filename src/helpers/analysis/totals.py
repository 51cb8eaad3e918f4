"""Foreign manpower summed across origins without double counting.

Why: no institution publishes the total. Summing every figure would count people twice (a country's recruits are
also inside an all-foreigners list and a regional figure), so each bound here is built from sources that cannot
overlap: disjoint countries, or one region plus the countries outside it, or an all-foreigners figure alone. The
North Korean contingent is a state deployment, counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.analysis.manpower import RangeEstimate, estimates_over_time, for_estimates
from helpers.analysis.origins import origin_countries, ranked_over_time
from helpers.data.loaders import DateLike, to_date

#: Origins that are not recruits from abroad: the belligerents and the North Korean state deployment.
APART = frozenset({"RUS", "UKR", "PRK"})


@dataclass(frozen=True)
class Total:
    """A sum across origins on one date: `low` is a floor built without double counting (and what sets it),
    `counted_high` the sum of the counted countries' upper ends (open when any of them is only a floor), never a
    ceiling on the whole, since countries no one counted may add to it."""

    as_of: pd.Timestamp
    metric: str
    low: int
    low_basis: str
    countries: int
    counted_high: int
    counted_high_open: bool
    by_origin: pd.DataFrame

    @property
    def single_lineage(self) -> int:
        """How much of the countries' sum rests on countries whose figure comes from one lineage."""
        return int(self.by_origin.loc[self.by_origin["lineages"] <= 1, "low"].sum())


def _country_bands(bands: pd.DataFrame) -> pd.DataFrame:
    """Each country's estimate, never below its floor metric's (``origins.ranked``: one home for a country's band)."""
    return bands.assign(low=bands["low"].where(~bands["low_open"], 0))[
        ["origin", "low", "high", "high_open", "lineages", "newest"]
    ]


def _whole(est: RangeEstimate | None) -> int:
    return 0 if est is None or est.band.low_open else int(est.band.low)


def foreign_total(
    claims: pd.DataFrame,
    regions: pd.DataFrame,
    metric: str = "recruited",
    as_of: DateLike = None,
    floor_metric: str | None = "identified_by_name",
) -> Total:
    """Foreigners (North Koreans apart) on `metric` on `as_of`. Per country: its estimate, never below its own
    named-list floor (`floor_metric`: the named were recruited). The floor on the whole is the highest of: the sum
    of country floors; for each region with listed members, the region's own floor plus the countries outside it;
    the all-foreigners (XFN) floors."""
    return foreign_totals(claims, regions, [to_date(as_of)], metric, floor_metric)[0]


def foreign_totals(
    claims: pd.DataFrame,
    regions: pd.DataFrame,
    dates,
    metric: str = "recruited",
    floor_metric: str | None = "identified_by_name",
) -> list[Total]:
    """``foreign_total`` on each of `dates`, in their order, each estimate made once per origin over all dates."""
    days = [to_date(d) for d in dates]
    claims = for_estimates(claims)
    countries = [o for o in origin_countries(claims) if o not in APART]
    metrics = (metric, floor_metric) if floor_metric else (metric,)
    per_day = ranked_over_time(claims, metrics, days, countries)
    floors: dict[str, list[int]] = {}  # each region's whole figure on each day, over both metrics
    for code in [r.region for r in regions.itertuples() if _members(r)]:
        own = [estimates_over_time(claims, code, m, days) for m in metrics]
        floors[code] = [max(_whole(e) for e in on_day) for on_day in zip(*own, strict=True)]
    xfn_each = {m: estimates_over_time(claims, "XFN", m, days) for m in metrics}
    return [
        _total(
            day,
            metric,
            _country_bands(bands),
            regions,
            {k: v[i] for k, v in floors.items()},
            {m: e[i] for m, e in xfn_each.items()},
        )
        for i, (day, bands) in enumerate(zip(days, per_day, strict=True))
    ]


def _members(region) -> set[str]:
    return set(str(region.members).split(";")) if isinstance(region.members, str) and region.members else set()


def _total(
    when: pd.Timestamp,
    metric: str,
    bands: pd.DataFrame,
    regions: pd.DataFrame,
    whole: dict[str, int],
    xfn: dict[str, RangeEstimate | None],
) -> Total:
    """The floor on the whole on one day: the highest of the candidates that cannot count anyone twice."""
    lows = dict(zip(bands["origin"], bands["low"], strict=True))
    candidates = [(sum(lows.values()), f"sum of {len(lows)} countries")]
    for r in regions.itertuples():
        members = _members(r)
        if members and whole[r.region]:
            candidates.append(
                (
                    whole[r.region] + sum(v for o, v in lows.items() if o not in members),
                    f"{r.name} figure plus countries outside it",
                )
            )
    for m, est in xfn.items():
        if _whole(est):
            candidates.append((_whole(est), f"all foreigners ({m.replace('_', ' ')})"))
    low, basis = max(candidates, key=lambda c: c[0])
    return Total(
        when,
        metric,
        int(low),
        basis,
        len(bands),
        int(bands["high"].sum()),
        bool(bands["high_open"].any()),
        bands.sort_values(["low", "origin"], ascending=[False, True]).reset_index(drop=True),
    )


def totals_over_time(
    claims: pd.DataFrame, regions: pd.DataFrame, dates, metric: str = "recruited", floor_metric: str | None = "identified_by_name"
) -> pd.DataFrame:
    """`foreign_total` on each date, as what was known then (claims stated by each date)."""
    return as_series(foreign_totals(claims, regions, pd.DatetimeIndex(dates), metric, floor_metric))


#: The columns of a series of totals and the field of `Total` each one reads.
SERIES_COLUMNS = {
    "date": "as_of",
    "low": "low",
    "basis": "low_basis",
    "countries": "countries",
    "counted_high": "counted_high",
    "counted_high_open": "counted_high_open",
}


def as_series(totals: list[Total]) -> pd.DataFrame:
    """Totals on several dates as one frame, a row per date: the floor, what sets it, the countries counted and the
    sum of their upper ends."""
    rows = [[getattr(t, field) for field in SERIES_COLUMNS.values()] for t in totals]
    return pd.DataFrame(rows, columns=list(SERIES_COLUMNS))
