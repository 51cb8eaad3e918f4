"""The analyses a specialist asks for (estimates part 2, item 9): the DPRK ledger, the foreign total without double
counting, deaths per recruit within a lineage, sides compared at aligned dates; and the headlines that come from the
estimate (item 10). Hand-made frames check the rules; the real data pins the headlines (new value in the test name)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from claims_support import claims_frame

from helpers import data
from helpers.analysis import comparisons as cp
from helpers.analysis import force_flow as ff
from helpers.analysis import manpower as mp
from helpers.analysis import origins as og
from helpers.analysis import totals as tt


def frame(rows: list[dict]) -> pd.DataFrame:
    """Claims from dicts: id, lineage, origin, metric, low, high, stated; optional refers_to, period_start, scope, country, kind."""
    return claims_frame(
        [
            dict(
                claim_id=r["id"],
                claimant_id=r["lineage"],
                claimant=r["lineage"].upper(),
                claimant_country=r.get("country", "UKR"),
                claimant_kind=r.get("kind", "government"),
                lineage_id=r["lineage"],
                origin=r["origin"],
                metric=r["metric"],
                low=r.get("low"),
                high=r.get("high"),
                stated=r["stated"],
                refers_to=r.get("refers_to", r["stated"]),
                period_start=r.get("period_start"),
                scope=r.get("scope", "total"),
            )
            for r in rows
        ]
    )


LEDGER = frame(
    [
        dict(
            id="w1",
            lineage="kor",
            origin="PRK",
            metric="deployed_in_period",
            low=11000,
            high=11000,
            stated="2025-03-27",
            refers_to="2024-12-31",
            period_start="2024-10-01",
            scope="part",
        ),
        dict(
            id="w2",
            lineage="kor",
            origin="PRK",
            metric="deployed_in_period",
            low=3000,
            high=None,
            stated="2025-03-27",
            refers_to="2025-02-28",
            period_start="2025-01-01",
            scope="part",
        ),
        dict(id="s1", lineage="kor", origin="PRK", metric="sent", low=15000, high=15000, stated="2025-04-30"),
        dict(
            id="w3",
            lineage="kor",
            origin="PRK",
            metric="deployed_in_period",
            low=5000,
            high=5000,
            stated="2025-11-04",
            period_start="2025-09-01",
            scope="part",
        ),
        dict(
            id="u1",
            lineage="ukr",
            origin="PRK",
            metric="deployed_in_period",
            low=4000,
            high=4000,
            stated="2025-11-10",
            period_start="2025-09-01",
            scope="part",
        ),
        dict(id="p1", lineage="usa", origin="PRK", metric="deployed", low=12000, high=None, stated="2025-01-08"),
        dict(id="p2", lineage="ukr", origin="PRK", metric="deployed", low=None, high=13000, stated="2025-01-10"),
        dict(id="k1", lineage="kor", origin="PRK", metric="killed", low=2000, high=2000, stated="2025-09-02"),
        dict(id="c1", lineage="ukr", origin="PRK", metric="captured", low=2, high=2, stated="2025-01-11"),
        dict(
            id="r1",
            lineage="kor",
            origin="PRK",
            metric="returned_in_period",
            low=2000,
            high=2000,
            stated="2025-04-30",
            period_start="2025-01-01",
            scope="part",
        ),
    ]
)


def test_sent_adds_waves_after_a_total_only_within_one_lineage():
    per = ff.sent_by_lineage(LEDGER, "PRK", "2025-12-31").set_index("lineage")
    # kor: its 15,000 total, plus the wave that started after it (5,000); the waves before it are inside the total
    assert per.loc["kor", "low"] == 20000 and per.loc["kor", "claim_ids"] == "s1;w3"
    assert per.loc["ukr", "low"] == 4000  # another lineage's wave is never added to kor's count
    # before the total: kor's waves summed; the 'at least 3,000' wave leaves the top open
    early = ff.sent_by_lineage(LEDGER, "PRK", "2025-04-01").set_index("lineage")
    assert early.loc["kor", "low"] == 14000 and bool(early.loc["kor", "high_open"])


def test_sent_is_never_below_the_most_troops_any_figure_put_in_place_and_at_most_is_no_floor():
    band, _ = ff.sent_band(LEDGER, "PRK", "2025-01-09")
    assert (band.low, band.high_open) == (12000, True)  # the US 'at least 12,000' present; no sent figure yet
    band, _ = ff.sent_band(LEDGER[LEDGER["claim_id"] != "p1"], "PRK", "2025-01-11")
    assert band is None  # 'at most 13,000' puts no one in place


def test_a_lineage_that_only_counted_waves_gives_a_floor_once_another_states_a_total():
    band, lineages = ff.sent_band(LEDGER, "PRK", "2025-12-31")
    # kor: 20,000 (its total and a later wave); ukr's 4,000 wave and the US 12,000 in place are floors below it
    assert (band.low, band.high, band.high_open) == (20000, 20000, False) and lineages == 1
    # before any total, the waves are the only count: kor's 14,000+ and the 12,000 put in place
    early, _ = ff.sent_band(LEDGER, "PRK", "2025-04-01")
    assert (early.low, early.high_open) == (14000, True)


def test_the_ledger_subtracts_losses_and_returns_from_the_troops_sent():
    months = ff.month_ends("2025-09-01", "2025-12-31")
    led = ff.ledger(LEDGER, "PRK", months).set_index("month")
    row = led.loc[pd.Timestamp("2025-12-31")]
    # sent: kor's total 20,000; ukr's 4,000 wave and the US 'at least 12,000' present are floors under it, never a sum
    assert (row["sent_low"], row["sent_high"]) == (20000, 20000)
    assert row["accounted_high"] == 20000 - 2000 - 2 - 2000
    assert list(led.index) == list(months)


def test_month_ends_close_on_the_analysis_date():
    assert list(ff.month_ends("2025-01-15", "2025-03-10")) == [
        pd.Timestamp("2025-01-31"),
        pd.Timestamp("2025-02-28"),
        pd.Timestamp("2025-03-10"),
    ]
    assert list(ff.month_ends("2025-01-15", "2025-02-28"))[-1] == pd.Timestamp("2025-02-28")


def test_loss_rates_measure_a_lineage_against_the_contingent_present_on_its_own_last_date():
    claims = frame(
        [
            dict(id="a", lineage="kor", origin="PRK", metric="casualties", low=1000, high=1000, stated="2025-01-01"),
            dict(id="b", lineage="kor", origin="PRK", metric="casualties", low=4000, high=4000, stated="2025-04-01"),
            dict(id="d1", lineage="usa", origin="PRK", metric="deployed", low=12000, high=12000, stated="2025-03-15"),
            dict(id="d2", lineage="usa", origin="PRK", metric="deployed", low=5000, high=5000, stated="2026-01-01"),
        ]
    )
    rates = mp.loss_rates(claims, "PRK", "casualties", "deployed", "2026-06-30")
    row = rates.iloc[0]
    assert row["lineage"] == "kor" and row["contingent_low"] == 12000  # the stock of April 2025, not the 5,000 of 2026


SUM = frame(
    [
        dict(id="n1", lineage="npl", origin="NPL", metric="recruited", low=200, high=None, stated="2025-01-01", country="NPL"),
        dict(id="n2", lineage="ukr", origin="NPL", metric="identified_by_name", low=600, high=None, stated="2025-01-01"),
        dict(id="k1", lineage="ukr", origin="KAZ", metric="identified_by_name", low=1000, high=None, stated="2025-01-01"),
        dict(id="u1", lineage="ukr", origin="UZB", metric="recruited", low=3000, high=3000, stated="2025-01-01"),
        dict(id="x1", lineage="ukr", origin="XCA", metric="identified_by_name", low=6000, high=None, stated="2025-01-01"),
        dict(id="p1", lineage="kor", origin="PRK", metric="recruited", low=15000, high=15000, stated="2025-01-01"),
    ]
)
REGIONS = pd.DataFrame({"region": ["XFN", "XCA"], "name": ["All", "Central Asia"], "members": [None, "KAZ;KGZ;TJK;TKM;UZB"]})


def test_the_foreign_total_takes_the_highest_sum_that_cannot_overlap_and_leaves_the_dprk_apart():
    t = tt.foreign_total(SUM, REGIONS, "recruited", "2025-06-30")
    # countries: Nepal 600 (its named list lifts its 200), Kazakhstan 1,000, Uzbekistan 3,000 = 4,600;
    # Central Asia's own 6,000 plus Nepal outside it = 6,600; never 6,000 + 1,000 + 3,000 + 600
    assert t.low == 6600 and t.low_basis.startswith("Central Asia")
    assert t.countries == 3 and "PRK" not in set(t.by_origin["origin"])
    assert t.single_lineage == 1000 + 3000  # Kazakhstan and Uzbekistan rest on one lineage each; Nepal on two


def test_deaths_per_recruit_never_divides_one_lineages_dead_by_anothers_recruits():
    claims = frame(
        [
            dict(id="d1", lineage="ukr", origin="KAZ", metric="killed", low=270, high=None, stated="2025-10-29"),
            dict(id="r1", lineage="ukr", origin="KAZ", metric="identified_by_name", low=1190, high=None, stated="2025-11-30"),
            dict(id="d2", lineage="bbc", origin="KAZ", metric="killed", low=200, high=None, stated="2025-12-25", kind="media"),
            dict(id="r2", lineage="kaz", origin="KAZ", metric="recruited", low=100, high=100, stated="2025-12-01", country="KAZ"),
        ]
    )
    got = cp.deaths_per_recruit(claims, "2026-01-31")
    assert list(got["lineage"]) == ["ukr"]  # bbc has no recruits, kaz no dead: no cross-lineage ratio
    assert got.iloc[0]["killed_per_100"] == round(100 * 270 / 1190, 1) and got.iloc[0]["days_apart"] == 32


def test_sides_are_compared_only_on_one_metric_within_the_window():
    claims = frame(
        [
            dict(
                id="g1", lineage="npl", origin="NPL", metric="recruited", low=200, high=None, stated="2024-01-25", country="NPL"
            ),
            dict(
                id="m1", lineage="sky", origin="NPL", metric="recruited", low=2000, high=2000, stated="2024-03-19", kind="media"
            ),
            dict(
                id="m2", lineage="sky", origin="NPL", metric="recruited", low=3000, high=3000, stated="2025-03-19", kind="media"
            ),
            dict(id="u1", lineage="ukr", origin="NPL", metric="killed", low=50, high=50, stated="2024-02-01"),
        ]
    )
    got = cp.aligned_sides(claims, ("recruited", "killed"), "2025-12-31")
    assert len(got) == 1 and got.iloc[0]["other_claim"] == "m1" and got.iloc[0]["ratio"] == 10.0
    assert cp.aligned_sides(claims, ("recruited",), "2025-12-31", days=30).empty


# ---- the real data: the headlines, before -> after -------------------------------------------------------------


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return data.claims()


def test_dprk_ledger_at_the_cut_off_sent_17000_to_20000_present_10000_at_most_14898(claims):
    """Was 'North Korean troops in Russia: 10,000 ... after a peak of 15,000 in April 2025' (troops sent on a stock axis).
    Sent is a band across lineages, never a sum: the UK's 'about 17,000' and South Korea's 15,000 plus the later wave."""
    led = ff.ledger(claims, "PRK", ff.month_ends("2024-10-01", data.cutoff()))
    last = led.iloc[-1]
    assert (last["sent_low"], last["sent_high"], last["sent_lineages"]) == (17000, 20000, 2)
    assert (last["present_low"], last["present_high"]) == (10000, 10000)
    assert last["accounted_high"] == 14898
    assert (
        led["present_high"].dropna() <= led["sent_high"].dropna().reindex(led["present_high"].dropna().index).fillna(math.inf)
    ).all()


def test_the_contingent_lost_by_arithmetic_uses_the_stock_of_the_same_date_11000_not_the_2026_stock(claims):
    """Was 'a contingent of 10,000 would be entirely killed or wounded by 7 October 2025': a 2026 stock divided by a
    2024-25 rate."""
    rates = mp.loss_rates(claims, "PRK", "casualties", "deployed").set_index("lineage")
    for lineage, row in rates.iterrows():
        held = mp.estimate_from(claims, "PRK", "deployed", row["last"])
        assert (row["contingent_low"], row["contingent_high"]) == (held.band.low, held.band.high), lineage
    assert rates.loc["kor-intelligence", "contingent_high"] == 11000


def test_foreign_recruits_total_is_at_least_32863_and_killed_at_least_3388(claims):
    """No institution publishes it; a sum of every figure would count the named, the regional and the national twice.
    Was 37,863 until Shafaq's 5,000 Iraqis (irq-105), which count Iraqis contracted for either side, became disputed."""
    regions = data.load("regions")
    rec = tt.foreign_total(claims, regions, "recruited")
    killed = tt.foreign_total(claims, regions, "killed", floor_metric=None)
    assert rec.low == rec.by_origin["low"].sum() == 32863 and rec.low_basis == f"sum of {rec.countries} countries"
    assert killed.low == 3388 and killed.low_basis.startswith("all foreigners")


def test_cuba_leads_the_ranking_only_as_a_single_lineage_figure(claims):
    """Was 'Cuba tops the figures of recruits, at up to 20,000+ (2 institutions)'."""
    top = og.ranked(claims, ("recruited", "identified_by_name")).iloc[0]
    assert top["origin"] == "CUB" and top["lineages"] == 1 and (top["low"], bool(top["high_open"])) == (20000, True)


def test_the_map_shades_nepal_by_its_estimates_lower_end_2000_not_the_largest_figure(claims):
    """Was the largest figure from any institution; the lower end of the estimate is what the record supports."""
    npl = og.ranked(claims, ("recruited", "identified_by_name")).set_index("origin").loc["NPL"]
    assert (npl["low"], bool(npl["high_open"])) == (2000, True)


def test_the_dprk_country_page_leads_with_present_sent_casualties_killed_wounded_captured(claims):
    got = [e.metric for e in og.estimates(claims, "PRK")]
    assert got == ["deployed", "sent", "casualties", "killed", "wounded", "captured"]


def test_responses_follow_the_as_of_date_and_lead_the_country_page_with_english_beside_quotes(claims):
    from helpers.site.countries import country_page

    responses, early = data.load("responses"), data.load("responses", "2023-12-31")
    assert len(early) < len(responses) and (early["date"] <= pd.Timestamp("2023-12-31")).all()
    sources = data.sources()
    cub = responses[responses["state"] == "CUB"]
    html = country_page(
        "CUB", claims, sources, data.load("recruitment_channels").iloc[0:0], og.icc_exposure(["CUB"]), data.cutoff(), "x", cub
    )
    assert html.index('id="estimate"') < html.index('id="latest"') < html.index('id="responses"')
    assert all(f'id="response-{r}"' in html for r in cub["response_id"])
    assert "English (translation):" in html  # Spanish quotes carry the collection's rendering


def test_a_country_download_cites_every_claim_in_one_row_and_the_page_links_it(claims):
    """Citing a figure once meant joining claims, claimants and sources by hand."""
    import csv
    import io

    from helpers.presentation.citations import CITABLE_COLUMNS, citable_claims
    from helpers.site.countries import country_page

    sources = data.sources()
    own = claims[claims["origin"] == "KEN"]
    table = citable_claims(own, sources)
    assert list(table.columns) == list(CITABLE_COLUMNS) and len(table) == len(own)
    urls = sources.set_index("source_id")["url"]
    expected = own.set_index("claim_id")["source_id"].map(urls)
    assert (table.set_index("claim_id")["url"].reindex(expected.index) == expected).all()
    text = table.to_csv(index=False, lineterminator="\n")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["claim_id"] for r in rows} == set(own["claim_id"]) and all(r["quote"] and r["url"] for r in rows)
    html = country_page(
        "KEN",
        claims,
        sources,
        data.load("recruitment_channels").iloc[0:0],
        og.icc_exposure(["KEN"]),
        data.cutoff(),
        "record searched up to 30 June 2026",
    )
    assert 'href="KEN.csv"' in html and "Cite as:" in html
