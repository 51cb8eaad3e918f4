"""Estimates a specialist would sign, part 2: one declared cut-off, sent versus present, floors that last,
lineages not offices, no wider range without a new claim, flows by period, one claim set.

Each test pins a headline of the real data to its corrected answer (the new value is in the test name); the
docstring says what the earlier rules gave. When new claims change an answer, re-read the test, do not re-pin it.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.analysis import manpower as mp


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return data.claims()


def test_now_is_the_declared_cut_off_and_foreigners_killed_is_at_least_3388(claims):
    """Was 550-3,388+ in notebook 01 (two floors read as a range, 'now' from an unrelated row) and 550 from
    latest_range() (the clock, and the floor had expired)."""
    assert data.analysis_date() == data.cutoff()
    low, high = mp.latest_range("XFN", "killed")
    got = mp.latest_range("XFN", "killed")
    assert (low, high) == (3388, 3388) and got.high_open and not got.low_open
    assert mp.estimate_from(claims, "XFN", "killed").range == got == mp.latest_range("XFN", "killed", data.cutoff())


def test_dprk_sent_is_at_least_15000_and_troops_present_never_read_above_at_least_12000(claims):
    """Was a 'peak of 15,000' on the stock axis: the NIS's '15,000 sent in two deployments' counts troops sent, and so
    does the UK's 'about 17,000 committed' (prk-121): a cumulative figure is a floor that lasts, the highest one sets it."""
    coded = claims.set_index("claim_id")
    assert coded.loc["dprk-026", "metric"] == coded.loc["prk-121", "metric"] == "sent"
    sent = mp.estimate_from(claims, "PRK", "sent")
    assert sent.floor is not None and sent.floor.lasting and sent.floor.claim_id == "prk-121"
    assert sent.range == (17000, 17000)
    before = mp.estimate_from(claims, "PRK", "sent", "2026-01-31")  # before the UK spoke: the NIS's 15,000
    assert before.range == (15000, 15000)
    days = pd.date_range("2024-10-01", data.cutoff(), freq="D")
    band = mp.consensus_band(claims, "PRK", "deployed", days)
    assert band["high"].max() == 12000  # the US's 11,000-12,000 and its 'at least 12,000': never the 15,000 sent


def test_dprk_present_end_2024_is_11000_to_12000_with_the_troops_in_kursk_as_a_floor(claims):
    """Was 10,000-12,000: 11,000 troops in the combat area (part of those present) are a floor that day."""
    est = mp.estimate_from(claims, "PRK", "deployed", "2024-12-31")
    assert est.range == (11000, 12000) and est.floor.value == 11000 and not est.stale


def test_kazakh_dead_are_at_least_270_not_200(claims):
    """Was 200: the staleness rule dropped the 270 floor of another lineage; a cumulative floor never expires."""
    got = mp.latest_range_from(claims, "KAZ", "killed")
    assert got == (270, 270) and got.high_open


def test_nepal_killed_is_104_not_70_to_104(claims):
    """Was 70-104: BBC/Mediazona's named dead (a floor by construction) set the low end beside Russia's 104."""
    est = mp.estimate_from(claims, "NPL", "killed")
    assert est.range == (104, 104) and not est.band.high_open


def test_russian_killed_is_220000_with_the_named_dead_a_floor_and_the_uks_250000_killed_or_missing(claims):
    """Was 135,100-250,000: the named list of dead (135,100) is a floor under the estimate, not its low end. The UK's
    250,000 counts the killed or missing (its own words), so it is no estimate of the killed."""
    assert mp.estimate_from(claims, "RUS", "killed").range == (220000, 220000)
    assert mp.estimate_from(claims, "RUS", "killed_or_missing").range == (250000, 250000)
    named = claims[(claims["origin"] == "RUS") & (claims["metric"] == "killed") & (claims["claimant_id"] == "bbc-mediazona")]
    assert not named.empty and (named["qualifier"] == "at_least").all()


def test_dprk_casualties_on_1_sep_2026_stay_at_6000_not_1200_to_6000(claims):
    """Was 5,000-6,000+ on 27 May 2026 and 1,200-6,000+ (7 institutions) on 1 Sep 2026: the stale fallback
    re-admitted figures that had aged out. Without a new claim the band may only narrow."""
    may = mp.estimate_from(claims, "PRK", "casualties", "2026-05-27").band
    sep = mp.estimate_from(claims, "PRK", "casualties", "2026-09-01").band
    assert (may.low, may.high) == (6000, 6000) and (sep.low, sep.high) == (6000, 6000)


def test_offices_of_one_pipeline_are_one_lineage(claims):
    """Was six institutions: HUR, the President, the Coordination HQ, the SZRU, the MFA and the CCD repeat one
    state pipeline. A relay (POLITICO) no longer sets a range alone."""
    offices = ["ukr-gur", "ukr-president", "ukr-pow-hq", "ukr-szru", "ukr-mfa", "ukr-ccd"]
    assert set(claims.loc[claims["claimant_id"].isin(offices), "lineage_group"]) == {"ukr-state"}
    assert claims.set_index("claim_id").loc["dprk-030", "standing"] == "composite"
    msmt = data.lineage_groups(data.load("lineages"))
    assert msmt["msmt"] == "us-government" and msmt["kor-intelligence"] == "kor-intelligence"  # MSMT draws on its members


def test_cuba_recruits_in_a_period_answer_on_every_date_and_flows_never_mix_periods(claims):
    """Was an AssertionError on every date; flows of Jan-Jun 2025 and December 2025 shared one band."""
    for day in pd.date_range("2024-01-31", "2027-12-31", freq="ME"):
        mp.estimate_from(claims, "CUB", "recruited_in_period", day)
    for origin in sorted(set(claims.loc[claims["metric"] == "recruited_in_period", "origin"])):
        est = mp.estimate_from(claims, origin, "recruited_in_period")
        if est is not None:
            periods = set(zip(est.figures["period_start"], est.figures["refers_to"], strict=True))
            assert len(periods) == 1, (origin, periods)


def test_one_claim_set_for_a_date_on_every_page(claims):
    """Was 371 claims in notebooks 00-03 and 405 in notebook 04 and the country pages (undated pages)."""
    assert set(claims["claim_id"]) == set(data.claims(data.cutoff())["claim_id"])
    assert set(data.claims(data.cutoff())["claim_id"]) == set(data.load("claims", data.analysis_date(None))["claim_id"])


def test_latest_range_unpacks_and_carries_its_open_ends(claims):
    got = mp.latest_range("PRK", "casualties")
    low, high = got
    assert (low, high) == (got.low, got.high) and isinstance(got.high_open, bool) and isinstance(got.low_open, bool)


def _inside(inner, outer) -> bool:
    inf = float("inf")
    lo_i, lo_o = (-inf if inner.low_open else inner.low), (-inf if outer.low_open else outer.low)
    hi_i, hi_o = (inf if inner.high_open else inner.high), (inf if outer.high_open else outer.high)
    return lo_i >= lo_o and hi_i <= hi_o


def _pairs(claims: pd.DataFrame) -> list[tuple[str, str]]:
    return sorted({(str(o), str(m)) for o, m in zip(claims["origin"], claims["metric"], strict=True)})


def test_property_every_pair_answers_monthly_and_no_band_widens_without_a_new_claim(claims):
    """For every origin and metric in the data, month by month from its first claim to two years past the newest
    claim: the estimate answers, and between two months with no new claim on it the band only narrows."""
    kinds = mp.metric_kinds()["kind"].astype(str)
    end = claims["stated"].max() + pd.DateOffset(years=2)
    checked = 0
    for origin, metric in _pairs(claims):
        counted = [metric, *mp.metric_kinds().index[mp.metric_kinds()["part_of"] == metric]]
        rel = claims[(claims["origin"] == origin) & claims["metric"].isin(counted) & (claims["standing"] == "accepted")]
        if rel.empty:
            continue
        months = pd.date_range(rel["stated"].min(), end, freq="ME")
        if kinds[metric] == "flow":
            answers = [mp.estimate_from(claims, origin, metric, d) is not None for d in months[::6]]
            assert answers == sorted(answers), (origin, metric)  # once it answers, it always does
            continue
        band = mp.consensus_band(claims, origin, metric, months).set_index("date")
        if band.empty:  # only parts' ceilings (e.g. 'up to 10,000' of one unit): nothing bounds the whole
            assert mp.estimate_from(claims, origin, metric, end) is None, (origin, metric)
            continue
        assert list(band.index) == list(months[months >= band.index[0]]), (origin, metric)  # once it answers, it always does
        stated = set(rel["stated"])
        for before, after in zip(months[:-1], months[1:], strict=True):
            if any(before < s <= after for s in stated):
                continue
            b, a = band.loc[before], band.loc[after]
            assert _inside(mp.Band(a.low, a.high, a.low_open, a.high_open), mp.Band(b.low, b.high, b.low_open, b.high_open)), (
                origin,
                metric,
                before,
                after,
                tuple(b),
                tuple(a),
            )
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize("origin,metric", [("PRK", "deployed"), ("PRK", "casualties"), ("XFN", "killed"), ("NPL", "killed")])
def test_the_band_chart_equals_the_estimate_on_each_date(claims, origin, metric):
    days = pd.date_range("2024-10-15", "2027-06-30", freq="37D")
    band = mp.consensus_band(claims, origin, metric, days).set_index("date")
    for d in days:
        est = mp.estimate_from(claims, origin, metric, d)
        if est is None:
            assert d not in band.index
            continue
        row = band.loc[d]
        assert (row.low, row.high, row.low_open, row.high_open, row.lineages, row.stale) == (
            est.band.low,
            est.band.high,
            est.band.low_open,
            est.band.high_open,
            est.lineages,
            est.stale,
        ), d
