"""Claims arithmetic on small hand-computed fixtures."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import manpower as mp
from helpers.data import claims as load_claims


def make_claims(rows: list[tuple]) -> pd.DataFrame:
    """rows: (claim_id, claimant, country, origin, metric, low, high, stated, refers_to[, period_start])"""
    recs = []
    for r in rows:
        cid, claimant, country, origin, metric, low, high, stated, refers = r[:9]
        recs.append(dict(claim_id=cid, source_id="s", claimant=claimant, claimant_country=country, origin=origin,
                         metric=metric, low=low, high=high, stated=pd.Timestamp(stated), refers_to=pd.Timestamp(refers),
                         period_start=pd.Timestamp(r[9]) if len(r) > 9 and r[9] else pd.NaT,
                         scope=r[10] if len(r) > 10 else "total"))
    frame = pd.DataFrame(recs)
    frame["low"] = frame["low"].astype("Int64")
    frame["high"] = frame["high"].astype("Int64")
    frame["claimant_country"] = frame["claimant_country"].astype("string")
    return frame


DEPLOYED = make_claims([
    ("a1", "A", "USA", "PRK", "deployed", 8000, 8000, "2024-10-31", "2024-10-31"),
    ("a2", "A", "USA", "PRK", "deployed", 11000, 12000, "2024-12-01", "2024-12-01"),
    ("b1", "B", "KOR", "PRK", "deployed", 10000, 10000, "2024-11-13", "2024-11-13"),
    ("b2", "B", "KOR", "PRK", "deployed", 11000, None, "2025-01-13", "2025-01-13"),  # "more than 11,000"
    ("c1", "C", "UKR", "PRK", "deployed", None, 15000, "2025-02-01", "2025-02-01"),  # "up to 15,000"
    ("d1", "D", "UKR", "PRK", "deployed", 3000, 3000, "2024-10-20", "2024-10-20"),
    ("d2", "D", "UKR", "PRK", "deployed", 5000, 5000, "2024-10-20", "2024-10-20"),  # tie on the latest date
])


def test_each_claimant_latest_claim_as_of():
    # As of 2024-11-30: A=8000, B=10000, D ties (3000, 5000) -> (3000, 10000)
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2024-11-30") == (3000, 10000)


def test_claims_after_as_of_are_ignored():
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2024-10-30") == (3000, 5000)
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2024-10-19") is None


def test_missing_bounds_take_the_stated_figure():
    # As of 2025-02-01: A (11000,12000), B (11000, missing high -> 11000), C (missing low -> 15000); D is stale (October)
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2025-02-01") == (11000, 15000)


def test_stale_claims_are_left_out():
    # Deployed is a stock: 90-day window. As of 2025-03-15 (cut-off 2024-12-15) A's 1 Dec and D's October claims are stale.
    assert mp.staleness_days("deployed") == 90 and mp.staleness_days("killed") == 365
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2025-03-15") == (11000, 15000)
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2025-03-15", max_age_days=float("inf")) == (3000, 15000)
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2025-03-15", max_age_days=365) == (3000, 15000)
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2027-01-01") is None


def test_single_claimant():
    one = DEPLOYED[DEPLOYED["claimant"] == "A"]
    assert mp.latest_range_from(one, "PRK", "deployed", "2025-01-01") == (11000, 12000)


def test_unknown_origin_or_metric_is_an_error():
    with pytest.raises(ValueError, match="unknown origin 'NKR'"):
        mp.latest_range_from(DEPLOYED, "NKR", "deployed")
    with pytest.raises(ValueError, match="unknown metric 'soldiers'"):
        mp.latest_range_from(DEPLOYED, "PRK", "soldiers")


def test_parts_of_a_contingent_are_not_totals():
    parts = pd.concat([DEPLOYED, make_claims([("p1", "B", "KOR", "PRK", "deployed", 500, 500, "2025-01-20", "2025-01-20", None, "part")])])
    # B's latest *total* is still the 13 Jan 2025 claim (11,000), not the 500 officers
    assert mp.latest_range_from(parts, "PRK", "deployed", "2025-01-31") == mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2025-01-31")


def test_flows_are_not_mixed_into_stock_ranges():
    flows = make_claims([("f1", "UK", "GBR", "RUS", "casualties", 45000, 45000, "2024-12-01", "2024-11-30", "2024-11-01")])
    assert mp.latest_range_from(flows, "RUS", "casualties", "2024-12-31") is None
    rate = mp.daily_rate(flows, "casualties", "2024-12-31")
    assert rate.loc[0, "days"] == 30 and rate.loc[0, "per_day_lo"] == 1500


def test_timeline_steps_until_next_claim():
    steps = mp.timeline(DEPLOYED, "PRK", "deployed").set_index("claim_id")
    assert steps.loc["a1", "until"] == pd.Timestamp("2024-12-01")
    assert pd.isna(steps.loc["a2", "until"])
    assert (steps.loc["b2", "lo"], steps.loc["b2", "hi"]) == (11000, 11000)


def test_share_is_the_range_implied_by_both_ranges():
    assert mp.share((1000, 3000), (10000, 12000)) == (1000 / 12000, 3000 / 10000)
    with pytest.raises(ValueError):
        mp.share((1, 2), (0, 5))


def test_loss_rate_and_projection():
    earlier = mp.Estimate(pd.Timestamp("2024-12-16"), 1000, 1000)
    later = mp.Estimate(pd.Timestamp("2025-01-15"), 3000, 4000)
    assert mp.loss_rate(earlier, later) == (2000 / 30, 3000 / 30)
    # 11,000-12,000 deployed: remaining at worst 11,000-4,000 at 100/day -> 70 days; at best 12,000-3,000 at 66.7/day -> 135 days
    first, last = mp.exhaustion_date((11000, 12000), later, mp.loss_rate(earlier, later))
    assert first == pd.Timestamp("2025-03-26") and last == pd.Timestamp("2025-05-30")
    with pytest.raises(ValueError):
        mp.loss_rate(later, earlier)


def test_zero_rate_never_exhausts():
    est = mp.Estimate(pd.Timestamp("2025-01-01"), 10, 10)
    assert mp.exhaustion_date((100, 100), est, (0.0, 0.0)) == (None, None)


def test_contingent_in_days_of_russian_losses():
    assert mp.in_days_of((12000, 15000), (1000.0, 1500.0)) == (8.0, 15.0)


def test_claimant_side():
    frame = make_claims([
        ("x", "Nepal MoFA", "NPL", "NPL", "killed", 1, 1, "2025-01-01", "2025-01-01"),
        ("y", "GUR", "UKR", "NPL", "killed", 1, 1, "2025-01-01", "2025-01-01"),
        ("z", "Media", None, "NPL", "killed", 1, 1, "2025-01-01", "2025-01-01"),
        ("w", "Kremlin", "RUS", "RUS", "recruited", 1, 1, "2025-01-01", "2025-01-01"),
    ])
    assert list(mp.claimant_side(frame)) == ["Origin government", "Ukraine", "Other / independent", "Russia"]


def test_spread_counts_claimants_and_ratio():
    s = mp.spread(DEPLOYED, "2024-11-30").set_index("metric")
    assert s.loc["deployed", "claimants"] == 3 and s.loc["deployed", "ratio"] == round(10000 / 3000, 2)


def test_real_data_gives_a_dprk_deployment_range():
    rng = mp.latest_range("PRK", "deployed", "2024-12-31")
    assert rng is not None and 1000 <= rng[0] <= rng[1] <= 100000
    known = load_claims("2024-12-31")
    assert (known["stated"] <= pd.Timestamp("2024-12-31")).all()
