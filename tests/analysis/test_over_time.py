"""Estimates over many dates equal the estimate made on each date alone: one selection of the claims serves every
date, and a date's walk holds only the claims stated by then (``manpower.estimates_over_time``,
``origins.ranked_over_time``, ``totals.foreign_totals``)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.analysis import manpower as mp
from helpers.analysis import origins as og
from helpers.analysis import totals as tt

#: Dates that fall before, between and after the claims, out of order on purpose.
DATES = pd.DatetimeIndex(["2025-06-30", "2023-01-01", "2024-12-31", "2027-12-31"])


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    known = data.claims()
    return known.assign(side=mp.claimant_side(known))


def _same(a: mp.RangeEstimate | None, b: mp.RangeEstimate | None, tables: bool) -> None:
    assert (a is None) == (b is None)
    if a is None or b is None:
        return
    assert (a.band, a.stale, a.newest, a.lineage_set, a.claimants, a.floor, a.period) == (
        b.band,
        b.stale,
        b.newest,
        b.lineage_set,
        b.claimants,
        b.floor,
        b.period,
    )
    if tables:
        pd.testing.assert_frame_equal(a.figures, b.figures)
        pd.testing.assert_frame_equal(a.left_out, b.left_out)


def test_every_pair_over_time_equals_each_date_alone(claims):
    """Each date's estimate as a caller on that day would make it: from the claims stated by then only."""
    pairs = sorted({(str(o), str(m)) for o, m in zip(claims["origin"], claims["metric"], strict=True)})
    known = {day: mp.for_estimates(claims[claims["stated"] <= day]) for day in DATES}
    answered = 0
    for origin, metric in pairs:
        over = mp.estimates_over_time(claims, origin, metric, DATES)
        assert len(over) == len(DATES)
        for day, est in zip(DATES, over, strict=True):
            alone = mp.estimate_from(known[day], origin, metric, day)
            _same(est, alone, tables=origin in ("PRK", "NPL", "XFN"))  # whole tables for three origins: they are slow to build
            answered += est is not None
    assert answered > 300  # most pairs answer on the later dates: the comparison is not between Nones


def test_no_dates_no_estimates(claims):
    assert mp.estimates_over_time(claims, "PRK", "deployed", []) == []


def test_a_figure_table_is_the_same_whether_read_first_or_after_the_band(claims):
    lazy = mp.estimate_from(claims, "PRK", "deployed")
    eager = mp.estimate_from(claims, "PRK", "deployed")
    table = eager.figures
    floor = {eager.floor.lineage} if eager.floor is not None else set()
    assert lazy.lineages == eager.lineages == len(set(table["lineage_group"].astype(str)) | floor) > 0
    pd.testing.assert_frame_equal(lazy.figures, table)
    assert set(table["claimant"].astype(str)) <= lazy.claimants


def test_ranked_over_time_equals_ranked_on_each_date(claims):
    metrics = ("recruited", "identified_by_name")
    for day, frame in zip(DATES, og.ranked_over_time(claims, metrics, DATES), strict=True):
        pd.testing.assert_frame_equal(frame, og.ranked(claims[claims["stated"] <= day], metrics, day))


@pytest.mark.parametrize("metric,floor_metric", [("recruited", "identified_by_name"), ("killed", None)])
def test_foreign_totals_equal_the_total_on_each_date(claims, metric, floor_metric):
    regions = data.load("regions")
    series = tt.totals_over_time(claims, regions, DATES, metric, floor_metric)
    for day, row in zip(DATES, series.itertuples(), strict=True):
        alone = tt.foreign_total(claims[claims["stated"] <= day], regions, metric, day, floor_metric)
        assert (row.low, row.basis, row.countries, row.counted_high) == (
            alone.low,
            alone.low_basis,
            alone.countries,
            alone.counted_high,
        )
    assert series["low"].iloc[-1] > 0
