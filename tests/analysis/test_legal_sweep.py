"""`exposure_matrix` and `reach_periods` give the answers `assess` gives, fast enough to sweep."""

from __future__ import annotations

import random
import time

import pandas as pd
import pytest

from helpers.analysis import legal
from helpers.analysis.legal import LegalData, assess
from helpers.data.places import ALPHA3

PLACES = [
    ("Ukraine", ["UKR"]),
    ("Russia", ["RUS"]),
    ("strike from Russia into Ukraine", ["RUS", "UKR"]),
    ("Hungary", ["HUN"]),
    ("Armenia", ["ARM"]),
    ("Burundi", ["BDI"]),
    ("on a Comorian vessel", [], "COM"),
]
NATIONALITIES = ["PRK", "RUS", "UKR", "HUN", "BDI", "PHL", "AZE", "GEO", "DEU", "KEN", "TJK", "FRA", "COL", "NPL", "ISR"]


@pytest.fixture(scope="module")
def known() -> LegalData:
    return LegalData.load("2026-12-01")


def _days(n: int, seed: int) -> list[pd.Timestamp]:
    rng = random.Random(seed)
    edges = [
        "2002-06-30",
        "2002-07-01",
        "2013-11-21",
        "2014-02-20",
        "2018-07-17",
        "2021-05-10",
        "2024-01-31",
        "2024-02-01",
        "2025-01-01",
        "2026-06-01",
        "2026-06-02",
        "2031-12-31",
        "2032-01-01",
        "2017-10-26",
        "2017-10-27",
    ]
    return [pd.Timestamp(d) for d in edges] + [
        pd.Timestamp("2001-01-01") + pd.Timedelta(days=rng.randrange(12000)) for _ in range(n)
    ]


@pytest.mark.parametrize("trigger", ["state_referral", "proprio_motu", "unsc_referral"])
def test_sweep_agrees_with_assess_on_a_random_sample(known, trigger):
    groups = [(n, n, leader) for n in NATIONALITIES for leader in (False, True)]
    days = _days(40, seed=13)
    periods = [(d.date().isoformat(), d) for d in days]
    m = legal.exposure_matrix(groups, PLACES, periods, trigger=trigger, legal=known)
    assert len(m) == len(groups) * len(PLACES) * len(periods) * len(legal.CRIMES)
    rng = random.Random(7)
    places = {p[0]: p for p in PLACES}
    leaders = {(g[0], g[2]) for g in groups}
    for i in rng.sample(range(len(m)), 1500):
        row = m.iloc[i]
        gi = i // (len(PLACES) * len(periods) * 4)
        label, nationality, leader = groups[gi]
        assert (label, leader) in leaders
        place = places[row["place"]]
        on_board = place[2] if len(place) > 2 else None
        a = assess(
            row["crime"], nationality, place[1], row["period"], trigger=trigger, leader=leader, on_board=on_board, legal=known
        )
        assert (a.status, a.reason, a.rule) == (row["status"], row["reason"], row["rule"]), (row.to_dict(), a)


def test_sweep_with_a_real_referral_agrees_with_assess(known):
    groups = [("Sudanese", "SDN", True), ("Chadian", "TCD", False), ("US", "USA", False)]
    places = [("Darfur", ["SDN"]), ("Chad", ["TCD"]), ("across the border", ["TCD", "SDN"])]
    periods = [(d.date().isoformat(), d) for d in _days(30, seed=5)]
    m = legal.exposure_matrix(groups, places, periods, legal=known, referral="unsc-1593-darfur")
    for i in range(0, len(m), 7):
        row = m.iloc[i]
        nat = {g[0]: g for g in groups}[row["group"]]
        a = assess(
            row["crime"],
            nat[1],
            dict(places)[row["place"]],
            row["period"],
            leader=nat[2],
            referral="unsc-1593-darfur",
            legal=known,
        )
        assert (a.status, a.reason) == (row["status"], row["reason"])


def test_every_answer_on_a_monthly_grid_agrees(known):
    """Exhaustive on a smaller grid: DPRK, Russian and Ukrainian nationals, every month 2013-2033."""
    groups = [("DPRK", "PRK", False), ("Russia", "RUS", True), ("Ukraine", "UKR", False)]
    periods = [(d.strftime("%Y-%m-%d"), d) for d in pd.date_range("2013-01-01", "2033-01-01", freq="MS")]
    m = legal.exposure_matrix(groups, PLACES[:3], periods, legal=known)
    for row in m.itertuples():
        nat, leader = {g[0]: (g[1], g[2]) for g in groups}[row.group]
        a = assess(row.crime, nat, dict(PLACES[:3])[row.place], row.period, leader=leader, legal=known)
        assert (a.status, a.reason) == (row.status, row.reason), row


def test_sweep_rate_is_at_least_40000_answers_per_second(known):
    groups = [(c, c, False) for c in sorted(ALPHA3)]
    periods = [(d.strftime("%Y-%m"), d) for d in pd.date_range("2014-01-15", "2026-05-15", freq="MS")]
    places = PLACES[:3]
    fresh = LegalData(
        known.states_parties,
        known.declarations,
        known.aggression_amendments,
        known.unsc_referrals,
        known.withdrawal_events,
        known.icc_situations,
        known.as_of,
    )
    start = time.perf_counter()
    m = legal.exposure_matrix(groups, places, periods, legal=fresh)
    rate = len(m) / (time.perf_counter() - start)
    assert len(m) > 400_000
    assert rate >= 40_000, f"{rate:,.0f} answers per second"


def test_reach_periods_for_dprk_forces_in_ukraine(known):
    """Ukraine's 2014 declaration (21 Nov 2013 - 22 Feb 2014), its 2015 declaration (from 20 Feb 2014; the sole basis
    from 23 Feb 2014), then party status from 1 Jan 2025."""
    p = legal.reach_periods(
        [("DPRK forces", "PRK", False)], [("Ukraine", ["UKR"])], ["war_crimes"], "2013-01-01", "2026-05-27", legal=known
    )
    assert list(p["status"]) == ["no", "yes", "yes", "yes"]
    assert list(p["start"].dt.date.astype(str)) == ["2013-01-01", "2013-11-21", "2014-02-23", "2025-01-01"]
    assert list(p["rule"]) == ["Art. 12(2)", "Art. 12(3)", "Art. 12(3)", "Art. 12(2)(a)"]
    assert p["end"].iloc[-1] == pd.Timestamp("2026-05-27") and p["closed_by"].iloc[-1] == ""
    assert p["closed_by"].iloc[0] == p["reason"].iloc[1]
    assert (p["end"].iloc[:-1].reset_index(drop=True) + pd.Timedelta(days=1)).equals(p["start"].iloc[1:].reset_index(drop=True))


def test_reach_periods_for_dprk_forces_in_kursk_are_closed_throughout(known):
    p = legal.reach_periods(
        [("DPRK forces", "PRK", False)], [("Kursk", ["RUS"])], legal.CRIMES, "2014-01-01", "2026-05-27", legal=known
    )
    assert set(p["status"]) == {"no"}


def test_reach_periods_for_ukrainian_soldiers_show_art_124(known):
    p = legal.reach_periods(
        [("Ukrainian forces", "UKR", False)],
        [("Kursk", ["RUS"]), ("Ukraine", ["UKR"])],
        ["war_crimes"],
        "2024-01-01",
        "2033-01-01",
        legal=known,
    )
    kursk = p[p["place"] == "Kursk"]
    assert list(kursk["rule"]) == ["Art. 12(2)", "Art. 124", "Art. 12(2)(b)"]
    assert kursk["start"].iloc[2] == pd.Timestamp("2032-01-01")
    home = p[p["place"] == "Ukraine"]
    assert "contested" in set(home["status"])


def test_exposure_matrix_rejects_bad_inputs(known):
    with pytest.raises(ValueError, match="unknown state 'Kursk'"):
        legal.exposure_matrix([("x", "PRK", False)], [("Kursk", ["Kursk"])], [("2025", "2025-01-01")], legal=known)
    with pytest.raises(ValueError, match="unknown crime"):
        legal.exposure_matrix([("x", "PRK", False)], [("UA", ["UKR"])], [("2025", "2025-01-01")], crimes=["piracy"], legal=known)
    with pytest.raises(ValueError, match="unknown referral"):
        legal.exposure_matrix(
            [("x", "PRK", False)], [("UA", ["UKR"])], [("2025", "2025-01-01")], referral="unsc-9999", legal=known
        )
