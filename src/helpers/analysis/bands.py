"""The consensus band on every day, computed only on the days it can change.

``manpower.consensus_band`` estimates the range afresh for each date it is given; over a daily
axis that is hundreds of estimates that mostly repeat the day before. The range can only change
on a day a claim on that origin and metric is stated (a new figure, or a part's floor) or the day after a
figure passes its metric's staleness window. ``daily_band`` estimates on those days and carries
each answer forward, so its rows equal ``consensus_band`` over the same daily dates
(tests/analysis/test_bands.py checks this against the daily computation).
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import manpower as mp


def change_dates(claims: pd.DataFrame, origin: str, metric: str, days: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """The days in `days` on which the band of (origin, metric) can differ from the day before (and the first day)."""
    parts = mp.metric_kinds()["part_of"]
    counted = [metric, *parts.index[parts == metric]]  # a newer figure for a part can set a floor on the whole
    own = claims[(claims["origin"] == origin) & claims["metric"].isin(counted)]  # every scope
    window = pd.Timedelta(days=mp.staleness_days(metric))
    refers = own["refers_to"].fillna(own["stated"])
    candidates = pd.DatetimeIndex(pd.concat([own["stated"], refers + window + pd.Timedelta(days=1)]).dropna().unique())
    days = pd.DatetimeIndex(days)
    return days[days.isin(candidates) | (days == days.min())]


def daily_band(claims: pd.DataFrame, origin: str, metric: str, days: pd.DatetimeIndex) -> pd.DataFrame:
    """``manpower.consensus_band(claims, origin, metric, days)`` for consecutive daily `days`, estimated on the change days only."""
    days = pd.DatetimeIndex(days)
    at = mp.consensus_band(claims, origin, metric, change_dates(claims, origin, metric, days))
    if at.empty:
        return at
    full = pd.DataFrame({"date": days})
    out = pd.merge_asof(full, at.rename(columns={"date": "_at"}), left_on="date", right_on="_at", direction="backward")
    out = out.dropna(subset=["_at"]).drop(columns="_at").reset_index(drop=True)
    return out.astype(at.dtypes.to_dict())
