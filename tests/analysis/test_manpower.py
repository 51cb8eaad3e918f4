"""Claims arithmetic on small hand-computed fixtures."""

from __future__ import annotations

import pandas as pd
import pytest
from claims_support import claims_frame

from helpers.analysis import manpower as mp


def make_claims(rows: list[tuple]) -> pd.DataFrame:
    """rows: (claim_id, institution, country, origin, metric, low, high, stated, refers_to[, period_start[, scope[, standing]]])."""
    fields = ("period_start", "scope", "standing")
    return claims_frame(
        [
            dict(
                claim_id=cid,
                claimant_id=inst.lower(),
                claimant=inst,
                claimant_country=country,
                origin=origin,
                metric=metric,
                low=low,
                high=high,
                stated=stated,
                refers_to=refers,
                **dict(zip(fields, rest, strict=False)),
            )
            for cid, inst, country, origin, metric, low, high, stated, refers, *rest in rows
        ]
    )


DEPLOYED = make_claims(
    [
        ("a1", "A", "USA", "PRK", "deployed", 3000, 3000, "2024-10-23", "2024-10-23"),
        ("a2", "A", "USA", "PRK", "deployed", 11000, 12000, "2024-12-01", "2024-12-01"),
        ("b1", "B", "KOR", "PRK", "deployed", 10000, 10000, "2024-11-13", "2024-11-13"),
        ("b2", "B", "KOR", "PRK", "deployed", 11000, None, "2025-01-13", "2025-01-13"),  # "more than 11,000"
        ("c1", "C", "UKR", "PRK", "deployed", None, 15000, "2025-02-01", "2025-02-01"),  # "up to 15,000"
        ("d1", "D", "UKR", "PRK", "deployed", 9000, 9000, "2024-10-20", "2024-10-20"),
        ("d2", "D", "UKR", "PRK", "deployed", 9500, 9500, "2024-10-20", "2024-10-20"),  # tie on the latest date
    ]
)


def test_an_institution_superseded_by_itself_never_sets_the_low_end():
    # As of 2024-12-31: A's own 11,000-12,000 of 1 Dec replaces its 3,000 of 23 Oct; B 10,000; D 9,000/9,500 (tie, both kept)
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2024-12-31") == (9000, 12000)
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2024-10-25") == (3000, 9500)


def test_claims_after_as_of_are_ignored_and_none_only_without_any_claim():
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2024-10-22") == (9000, 9500)
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2024-10-19") is None
    assert mp.estimate_from(DEPLOYED, "PRK", "deployed", "2024-10-19") is None


def test_at_least_is_a_floor_not_a_point():
    # As of 2025-02-01 (window from 2024-11-03): A 11,000-12,000, B 'more than 11,000', C 'up to 15,000', B1 superseded.
    # B's floor lies inside A's estimate, so it does not pull the low end; C's ceiling is above, so it changes nothing.
    est = mp.estimate_from(DEPLOYED, "PRK", "deployed", "2025-02-01")
    assert est.range == (11000, 12000) and not est.band.high_open
    floor_above = pd.concat(
        [DEPLOYED, make_claims([("e1", "E", "GBR", "PRK", "deployed", 14000, None, "2025-01-20", "2025-01-20")])]
    )
    est = mp.estimate_from(floor_above, "PRK", "deployed", "2025-02-01")
    # a floor above every estimate leaves "at least 14,000": no end of a range lies below the highest floor
    assert est.range == (14000, 14000) and est.band.high_open and est.range.high_open


def test_at_most_is_a_ceiling_not_a_point():
    ceiling_below = make_claims(
        [
            ("p", "P", "USA", "PRK", "deployed", 10000, 12000, "2025-01-01", "2025-01-01"),
            ("q", "Q", "UKR", "PRK", "deployed", None, 8000, "2025-01-02", "2025-01-02"),
        ]
    )
    band = mp.estimate_from(ceiling_below, "PRK", "deployed", "2025-01-10").band
    assert (band.low, band.high, band.low_open, band.high_open) == (8000, 12000, True, False)
    only_floors = make_claims([("f", "F", "UKR", "XFN", "recruited", 3000, None, "2025-01-01", "2025-01-01")])
    band = mp.estimate_from(only_floors, "XFN", "recruited", "2025-01-10").band
    assert (band.low, band.high, band.high_open) == (3000, 3000, True)


def test_stale_figures_leave_the_range_but_never_widen_it():
    # Deployed is a stock (90-day window). As of 2025-03-15 (window from 2024-12-15): A's 1 Dec and D's October
    # figures are stale; B 'more than 11,000' and C 'up to 15,000' alone would say 11,000-15,000, but no claim came
    # after A aged out, so the 11,000-12,000 that held on 1 Feb stands (a range only narrows without a new claim).
    assert mp.staleness_days("deployed") == 90 and mp.staleness_days("killed") == 365
    est = mp.estimate_from(DEPLOYED, "PRK", "deployed", "2025-03-15")
    assert est.range == (11000, 12000) and not est.stale and est.lineages == 2
    assert set(est.left_out["claim_id"]) == {"a1", "a2", "b1", "d1", "d2"}
    # B and C with nothing older: between the floor and the ceiling
    fresh_only = DEPLOYED[DEPLOYED["claim_id"].isin(["b2", "c1"])]
    assert mp.estimate_from(fresh_only, "PRK", "deployed", "2025-03-15").range == (11000, 15000)
    # every age counts: D's 9,000 lies below B's floor of 11,000, so the range starts at the floor; C's "up to 15,000"
    # is a ceiling above every estimate, so it changes nothing
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2025-03-15", max_age_days=float("inf")) == (11000, 12000)


def test_when_nothing_is_fresh_the_last_known_figures_answer_flagged_stale():
    # As of 2027-01-01 every figure is stale: the answer is the range that held on 1 Feb 2025, the newest figure's date.
    est = mp.estimate_from(DEPLOYED, "PRK", "deployed", "2027-01-01")
    assert est.stale and est.range == mp.estimate_from(DEPLOYED, "PRK", "deployed", "2025-02-01").range
    assert est.age_days == (pd.Timestamp("2027-01-01") - pd.Timestamp("2025-02-01")).days
    assert mp.latest_range_from(DEPLOYED, "PRK", "deployed", "2027-01-01") == (11000, 12000)


def test_disputed_and_probable_error_rows_stay_visible_but_out_of_the_range():
    bad = pd.concat(
        [
            DEPLOYED,
            make_claims(
                [("x1", "X", "GBR", "PRK", "deployed", 40000, 40000, "2025-01-30", "2025-01-30", None, "total", "probable_error")]
            ),
        ]
    )
    est = mp.estimate_from(bad, "PRK", "deployed", "2025-02-01")
    assert est.range == (11000, 12000)
    assert est.left_out.set_index("claim_id").loc["x1", "reason"] == "probable error"


def test_single_institution():
    one = DEPLOYED[DEPLOYED["claimant"] == "A"]
    assert mp.latest_range_from(one, "PRK", "deployed", "2025-01-01") == (11000, 12000)


def test_estimate_names_the_end_each_figure_sets():
    est = mp.estimate_from(DEPLOYED, "PRK", "deployed", "2024-12-31")
    sets = dict(zip(est.figures["claim_id"], est.figures["sets"], strict=True))
    assert sets["d1"] == "low" and sets["a2"] == "high" and sets["b1"] == ""


def test_unknown_origin_or_metric_is_an_error():
    with pytest.raises(ValueError, match="unknown origin 'NKR'"):
        mp.latest_range_from(DEPLOYED, "NKR", "deployed")
    with pytest.raises(ValueError, match="unknown metric 'soldiers'"):
        mp.latest_range_from(DEPLOYED, "PRK", "soldiers")


def test_parts_of_a_contingent_are_not_totals():
    parts = pd.concat(
        [DEPLOYED, make_claims([("p1", "B", "KOR", "PRK", "deployed", 500, 500, "2025-01-20", "2025-01-20", None, "part")])]
    )
    # B's latest *total* is still the 13 Jan 2025 claim (11,000), not the 500 officers
    assert mp.latest_range_from(parts, "PRK", "deployed", "2025-01-31") == mp.latest_range_from(
        DEPLOYED, "PRK", "deployed", "2025-01-31"
    )


def test_flows_are_rates_over_their_period():
    flows = make_claims(
        [
            ("f1", "UK", "GBR", "RUS", "casualties_in_period", 45000, 45000, "2024-12-01", "2024-11-30", "2024-11-01"),
            ("f2", "UK", "GBR", "RUS", "casualties_per_day", 1500, 1500, "2024-11-10", "2024-10-31", "2024-10-01"),
        ]
    )
    rate = mp.daily_rate(flows, "casualties_in_period", "2024-12-31")
    assert rate.loc[0, "days"] == 30 and rate.loc[0, "per_day_lo"] == 1500
    assert mp.daily_rate(flows, "casualties_per_day", "2024-12-31").loc[0, "per_day_hi"] == 1500
    with pytest.raises(ValueError, match="not a flow"):
        mp.daily_rate(flows, "casualties", "2024-12-31")


def test_timeline_steps_until_next_claim():
    steps = mp.timeline(DEPLOYED, "PRK", "deployed").set_index("claim_id")
    assert steps.loc["a1", "until"] == pd.Timestamp("2024-12-01")
    assert pd.isna(steps.loc["a2", "until"])
    assert steps.loc["b2", "lo"] == 11000 and pd.isna(steps.loc["b2", "hi"])


def test_consensus_band_over_time():
    band = mp.consensus_band(DEPLOYED, "PRK", "deployed", ["2024-10-19", "2024-10-25", "2024-12-31"]).set_index("date")
    assert list(band.index) == [pd.Timestamp("2024-10-25"), pd.Timestamp("2024-12-31")]  # nothing known on 19 Oct
    assert tuple(band.loc["2024-12-31", ["low", "high", "lineages"]]) == (9000, 12000, 3)


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


def test_claimant_side_by_kind_and_country():
    frame = make_claims(
        [
            ("x", "Nepal MoFA", "NPL", "NPL", "killed", 1, 1, "2025-01-01", "2025-01-01"),
            ("y", "GUR", "UKR", "NPL", "killed", 1, 1, "2025-01-01", "2025-01-01"),
            ("z", "BBC", "GBR", "NPL", "killed", 1, 1, "2025-01-01", "2025-01-01"),
            ("w", "Kremlin", "RUS", "RUS", "recruited", 1, 1, "2025-01-01", "2025-01-01"),
            ("v", "US", "USA", "NPL", "killed", 1, 1, "2025-01-01", "2025-01-01"),
        ]
    )
    frame.loc[frame["claim_id"] == "z", "claimant_kind"] = "media"  # a British outlet is independent, not the UK
    assert list(mp.claimant_side(frame)) == [
        "Origin government",
        "Ukraine",
        "Independent (media, research)",
        "Russia",
        "Other governments",
    ]


def test_spread_counts_institutions_and_ratio():
    s = mp.spread(DEPLOYED, "2024-12-31").set_index("metric")
    assert s.loc["deployed", "lineages"] == 3 and s.loc["deployed", "ratio"] == round(12000 / 9000, 2)


@pytest.mark.parametrize("as_of", ["2024-12-31", "2025-06-30", None])
def test_spread_for_every_pair_at_once_equals_estimate_pair_by_pair(as_of):
    """spread computes all (origin, metric) pairs in one pass; it must give each pair's estimate_from band."""
    from helpers import data

    claims = data.claims()
    kinds = mp.metric_kinds()["kind"].astype(str)
    expected = []
    for (origin, metric), _ in claims.groupby(["origin", "metric"], observed=True):
        est = None if kinds[str(metric)] == "flow" else mp.estimate_from(claims, origin, metric, as_of)
        if est is not None and not est.stale:
            expected.append((origin, str(metric), est.lineages, *est.range))
    got = [(r.origin, r.metric, r.lineages, r.low, r.high) for r in mp.spread(claims, as_of).itertuples()]
    assert sorted(got) == sorted(expected) and len(got) > 20
