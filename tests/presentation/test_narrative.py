"""Paragraphs and tables written from the data (helpers.presentation.narrative, helpers.presentation.tables): every
number a paragraph states is the one its input holds, and what a paragraph leaves out depends on the input."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers import data
from helpers.analysis import force_flow as ff
from helpers.analysis import manpower as mp
from helpers.analysis import totals as tt
from helpers.presentation import narrative as nv
from helpers.presentation import report as rp
from helpers.presentation import tables as tb

WHEN = pd.Timestamp("2025-06-30")
EARLIER = pd.Timestamp("2024-12-31")
METRICS = ["deployed", "sent", "casualties", "killed"]


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    known = data.claims(WHEN)
    return known.assign(side=mp.claimant_side(known))


@pytest.fixture(scope="module")
def now_then(claims):
    return (
        {m: mp.estimate_from(claims, "PRK", m, WHEN) for m in METRICS},
        {m: mp.estimate_from(claims, "PRK", m, EARLIER) for m in METRICS},
    )


def _month(**values) -> pd.Series:
    row = dict(
        month=pd.Timestamp("2025-05-31"),
        sent_low=14000,
        sent_high=15000,
        sent_high_open=False,
        sent_lineages=1,
        present_low=10000,
        present_high=11000,
        present_low_open=False,
        present_high_open=False,
        present_stale=False,
        killed_low=600,
        captured=2,
        returned=1000,
        accounted_high=13398,
    )
    return pd.Series({**row, **values})


def test_dprk_personnel_states_each_estimate_on_both_dates_and_the_sent_band(now_then):
    now, then = now_then
    sent = mp.Band(15000, 16000)
    text = nv.dprk_personnel(now, then, WHEN, EARLIER, sent, 2)
    assert f"As of {rp.day(WHEN)}: **{rp.estimate_summary(now['deployed'])}**" in text
    assert f"As of {rp.day(EARLIER)}: **{rp.estimate_summary(then['deployed'])}**" in text
    assert f"**15,000–16,000** by {rp.day(WHEN)} (2 lineages;" in text
    assert rp.estimate_summary(now["killed"]) in text and rp.estimate_summary(then["casualties"]) in text
    assert "(1 lineage;" in nv.dprk_personnel(now, then, WHEN, EARLIER, sent, 1)
    assert f"**{rp.NONE_TEXT}** by" in nv.dprk_personnel(now, then, WHEN, EARLIER, None, 0)


def test_sent_not_present_reconciles_a_ledger_month_and_names_the_gap_only_when_there_is_one():
    text = nv.sent_not_present(_month())
    assert "**14,000–15,000** (1 lineage;" in text
    assert "at least 600 killed, 2 captured and 1,000" in text and "**at most 13,398**" in text
    assert "**10,000–11,000**\n    present on the newest figures (current)." in text
    assert "The difference, 2,398, is what no figure" in text
    closed = nv.sent_not_present(_month(accounted_high=11000, present_stale=True, sent_lineages=3))
    assert "The difference" not in closed and "(stale)" in closed and "(3 lineages;" in closed
    assert "The difference" not in nv.sent_not_present(_month(accounted_high=float("nan")))


def test_sent_not_present_reads_the_real_ledger(claims):
    prk = claims[claims["origin"] == "PRK"]
    month = ff.ledger(claims, "PRK", ff.month_ends(prk["stated"].min(), WHEN)).iloc[-1]
    text = nv.sent_not_present(month)
    assert f"**{rp.band(ff.band_at(month, 'sent'))}**" in text and f"**{rp.band(ff.band_at(month, 'present'))}**" in text


def test_loss_projection_takes_the_fastest_lineage_and_says_a_range_of_days_only_when_it_is_one():
    rates = pd.DataFrame(
        dict(
            lineage=["Slow service", "Fast service"],
            first=pd.to_datetime(["2024-12-01", "2024-12-10"]),
            last=pd.to_datetime(["2025-01-10", "2025-01-20"]),
            per_day_low=[10.0, 40.0],
            per_day_high=[12.0, 50.0],
            contingent_low=[11000, 11000],
            contingent_high=[12000, 12000],
            all_lost_earliest=pd.to_datetime(["2027-01-01", "2025-08-01"]),
            all_lost_latest=pd.to_datetime(["2027-06-01", "2025-10-01"]),
        )
    )
    text = nv.loss_projection(rates)
    assert "the Fast service lineage's figures imply 40–50" in text
    assert "the 11,000–12,000 present on 20 January 2025" in text
    assert "by 1 August 2025 to 1 October 2025," in text
    same = nv.loss_projection(rates.assign(all_lost_latest=rates["all_lost_earliest"], contingent_low=float("nan")))
    assert "by 1 August 2025," in same and f"the {rp.NONE_TEXT} present" in same


def test_foreign_totals_state_both_floors_and_the_intake_line_only_with_a_contract_pace(claims):
    regions = data.load("regions", WHEN)
    recruited = tt.foreign_total(claims, regions, "recruited", WHEN)
    killed = tt.foreign_total(claims, regions, "killed", WHEN, floor_metric=None)
    contracts = mp.daily_rate(claims, "recruited_in_period", WHEN)
    text = nv.foreign_totals(recruited, killed, contracts)
    assert f"at least **{rp.num(recruited.low)}**" in text and f"at least **{rp.num(killed.low)}**" in text
    assert f"sum to {rp.num(killed.by_origin['low'].sum())}." in text
    assert f"{rp.num(recruited.single_lineage)} rests on countries" in text
    if not contracts.empty:
        assert f"equals {rp.num(recruited.low / contracts.iloc[0]['per_day_hi'], 0)} days" in text
    assert "Against Russia's own intake" not in nv.foreign_totals(recruited, killed, contracts.iloc[0:0])


def test_contingent_in_days_equals_the_contingent_over_russias_newest_daily_flows(claims):
    rows = tb.contingent_in_days(claims, WHEN)
    assert 1 <= len(rows) <= len(tb.RUSSIAN_FLOWS)
    casualties = mp.daily_rate(claims, "casualties_in_period", WHEN).iloc[0]
    first = rows.iloc[0]
    contingent = mp.estimate_from(claims, "PRK", "deployed", casualties["refers_to"])
    days = mp.in_days_of(contingent.range, (casualties["per_day_lo"], casualties["per_day_hi"]))
    assert first["flow"] == "Russian casualties" and first["claim_id"] == casualties["claim_id"]
    assert first["North Korean contingent in days"] == rp.span(days, decimals=1)
    text = nv.contingent_in_days(rows)
    assert f"**{first['North Korean contingent in days']} days** of Russian casualties" in text
    assert ("contract recruitment" in text.split("\n")[1]) == (len(rows) == 2)
    assert tb.contingent_in_days(claims, "2023-06-30").empty  # no North Korean contingent yet


def test_withdrawals_say_when_a_notified_one_takes_effect_and_leave_an_unconfirmed_reversal_unapplied():
    picture = pd.DataFrame(
        dict(
            name=["Hungary", "Burkina Faso"],
            notified=pd.to_datetime(["2025-06-02", None]),
            takes_effect=pd.to_datetime(["2026-06-02", None]),
            announced=pd.to_datetime(["2025-04-03", "2025-09-22"]),
            domestic_act=pd.to_datetime(["2025-05-20", None]),
            standing=["in effect", "not notified"],
            reported_reversal=["a new government's statement", ""],
        )
    )
    lines = nv.withdrawals(picture).split("\n")
    assert lines[0].startswith(
        "- **Hungary** notified on 2 June 2025; under Art. 127(1) that takes effect on 2 June 2026: in effect."
    )
    assert "A reversal is reported (a new government's statement); no source read confirms it" in lines[0]
    assert lines[1] == "- **Burkina Faso** announced withdrawal on 22 September 2025; not notified."


def test_reaching_back_names_each_declaration_that_precedes_entry_into_force():
    accessions = pd.DataFrame(
        dict(
            name=["Ukraine", "Armenia"],
            entry_into_force=pd.to_datetime(["2025-01-01", "2024-02-01"]),
            art_12_3_reaches_back_to=pd.to_datetime(["2013-11-21", None]),
            years_before_entry_into_force=[11.1, None],
        )
    )
    text = nv.reaching_back(accessions)
    assert text == (
        "**Ukraine**'s Art. 12(3) declaration reaches back to 21 November 2013, 11.1 years before its entry into force "
        "on 1 January 2025."
    )


def test_estimates_on_dates_gives_a_row_per_metric_and_date_even_when_two_dates_read_alike(now_then):
    now, then = now_then
    table = tb.estimates_on_dates(METRICS, [("now", now), ("now", now), ("then", then)])
    assert len(table) == 3 * len(METRICS) and list(table["as of"][:3]) == ["now", "now", "then"]
    deployed = table.iloc[0]
    assert deployed["range"] == rp.band(now["deployed"].band) and deployed["independent lineages"] == now["deployed"].lineages
    empty = tb.estimates_on_dates(["deployed"], [("before", {"deployed": None})]).iloc[0]
    assert (empty["range"], empty["independent lineages"], empty["stale"]) == (rp.NONE_TEXT, 0, "no")


def test_aligned_with_heads_the_base_side_by_its_name():
    sides = pd.DataFrame(dict(base=[100], base_qualifier=["at_least"], base_stated=[WHEN], base_claim=["x-001"], other=[90]))
    out = tb.aligned_with(sides, "Ukraine")
    assert list(out.columns) == ["Ukraine", "Ukraine qualifier", "Ukraine stated", "Ukraine claim", "other"]
    assert out.iloc[0]["Ukraine qualifier"] == "at least"


def test_no_paragraph_types_a_figure_its_input_does_not_hold():
    text = nv.sent_not_present(_month(sent_low=1234, sent_high=5678, accounted_high=4321, present_high=4000))
    figures = {int(x.replace(",", "")) for x in re.findall(r"\d[\d,]*", text) if x.replace(",", "").isdigit()}
    assert figures <= {1234, 5678, 1, 10000, 4000, 600, 2, 1000, 4321, 321, 31, 2025}
