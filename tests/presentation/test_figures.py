"""Whole figures (helpers.presentation.figures): each title states what its data give, every figure carries the
source line and the date, and what a panel draws is the data handed in."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import data
from helpers.analysis import evidence as ev
from helpers.analysis import force_flow as ff
from helpers.analysis import legal
from helpers.analysis import manpower as mp
from helpers.analysis import origins as og
from helpers.analysis import totals as tt
from helpers.presentation import figures as fg
from helpers.presentation import plotting as pl
from helpers.presentation import report as rp

WHEN = pd.Timestamp("2025-06-30")


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    known = data.claims(WHEN)
    return known.assign(side=mp.claimant_side(known))


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts]


def _footer(fig) -> str:
    return next(t for t in _texts(fig) if t.startswith("Source: "))


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_reporting_over_time_names_the_busiest_quarter_and_stacks_every_side():
    per_q = pd.DataFrame(
        {"Ukraine": [2, 9, 1], "Russia": [1, 3, 0], "Unlisted side": [0, 1, 4]}, index=["2024Q3", "2024Q4", "2025Q1"]
    )
    fig = fg.reporting_over_time(per_q, WHEN)
    title = fig._suptitle.get_text()
    assert title == "Claims peaked in 2024Q4 with 13; Ukraine made the most (12 of 21)"
    assert "13 claims" in _texts(fig) and "Data as of 2025-06-30" in _footer(fig)
    bars = fig.axes[0].containers
    assert [c.get_label() for c in bars] == ["Ukraine", "Russia", "Unlisted side"]  # house order, unknown sides last
    assert [b.get_height() for b in bars[2]] == [0, 1, 4]


def test_reporting_over_time_on_the_record(claims):
    per_q = ev.claims_per_quarter(claims)
    title = fg.reporting_over_time(per_q, WHEN)._suptitle.get_text()
    assert f"with {rp.num(per_q.sum(axis=1).max())};" in title and f"of {rp.num(len(claims))})" in title


def test_the_ledger_title_is_its_last_month(claims):
    flow = ff.ledger(claims, "PRK", ff.month_ends("2024-10-01", WHEN))
    latest = flow.iloc[-1]
    title = fg.ledger(flow, WHEN)._suptitle.get_text()
    assert title.startswith(f"North Korean troops by {latest['month']:%B %Y}: {rp.band(ff.band_at(latest, 'sent'))} sent")
    assert title.endswith(f"at most {rp.num(latest['accounted_high'])} can remain")


def test_the_consensus_figure_and_its_interactive_twin_share_the_title(claims):
    days = pd.date_range("2024-10-01", WHEN, freq="D")
    band = mp.consensus_band(claims, "PRK", "deployed", days[::30])
    fig, spec = fg.consensus(claims, data.sources(WHEN), band, "PRK", "deployed", "Troops present", "persons", WHEN)
    assert fig._suptitle.get_text() == "Troops present" and "Troops present" in str(spec)
    assert "origin PRK, metric deployed" in _footer(fig)


def test_foreign_totals_label_each_series_with_its_latest_floor(claims):
    regions = data.load("regions", WHEN)
    dates = pd.DatetimeIndex(["2024-12-31", WHEN])
    recruited = tt.foreign_totals(claims, regions, dates)
    killed = tt.foreign_totals(claims, regions, dates, "killed", floor_metric=None)
    fig = fg.foreign_totals(
        {"recruited": tt.as_series(recruited), "killed": tt.as_series(killed)}, recruited[-1], killed[-1], WHEN
    )
    assert f"recruited: at least {rp.num(recruited[-1].low)}" in _texts(fig)
    assert fig._suptitle.get_text() == (
        f"At least {rp.num(recruited[-1].low)} foreigners recruited and {rp.num(killed[-1].low)} killed (North Koreans apart)"
    )


def test_other_origins_counts_the_countries_it_draws(claims):
    others = ["IND", "NPL", "CUB"]
    fig = fg.other_origins(claims, others, WHEN)
    with_figure = claims[claims["origin"].isin(others) & claims["metric"].isin(["recruited", "killed"])]["origin"].nunique()
    assert fig._suptitle.get_text().startswith(f"Recruits from {with_figure} other countries")
    labels = {t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert labels and labels <= {"India", "Nepal", "Cuba"}


def test_ranked_recruits_titles_the_leader(claims):
    top = og.ranked(claims, ("recruited", "identified_by_name"), WHEN).head(5)
    fig, title = fg.ranked_recruits(top, WHEN)
    assert title.startswith(f"{top.iloc[0]['country']} leads with") and fig._suptitle.get_text() == title
    assert fg.ranked_recruits(top.iloc[:0], WHEN)[1] == "Recruits by country"


def test_exposure_grids_count_the_cells_the_court_reaches():
    legal_data = legal.LegalData.load(WHEN)
    groups = [("DPRK forces", "PRK", False), ("Nepali recruits", "NPL", False)]
    places = [("in Ukraine", ["UKR"]), ("in Russia", ["RUS"]), ("across the border", ["RUS", "UKR"])]
    matrix = legal.exposure_matrix(groups, places, [(rp.day(WHEN), WHEN)], legal=legal_data)
    fig = fg.exposure_grids(matrix, [(rp.day(WHEN), WHEN)], WHEN)
    cells = matrix.groupby("place")["status"].agg(lambda s: (int((s == "yes").sum()), len(s)))
    ukraine, russia = cells["in Ukraine"], cells["in Russia"]
    assert fig._suptitle.get_text() == (
        f"The ICC reaches {ukraine[0]} of {ukraine[1]} group–crime cells in Ukraine, {russia[0]} of {russia[1]} in Russia"
    )
    assert ukraine[0] > russia[0]  # Ukraine is a State Party by then; Russia is not


def test_the_reach_timeline_has_a_panel_per_place():
    legal_data = legal.LegalData.load(WHEN)
    places = [("in Ukraine", ["UKR"]), ("in Russia", ["RUS"])]
    reach = legal.reach_periods(
        [("DPRK forces", "PRK", False)], places, ["war_crimes"], pd.Timestamp("2013-11-01"), WHEN, legal=legal_data
    )
    fig = fg.reach_timeline(legal.merged_timelines(reach), places, "War crimes", WHEN)
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["in Ukraine", "in Russia"]
    assert fig._suptitle.get_text() == "War crimes: when could the ICC reach each group?"


def test_named_lists_label_the_latest_figure_with_its_qualifier():
    named = pd.DataFrame(
        {
            "stated": pd.to_datetime(["2025-01-01", "2025-03-01", "2025-01-01", "2025-03-01"]),
            "metric": ["identified_by_name", "identified_by_name", "origin_countries", "origin_countries"],
            "value": [1000, 1500, 40, 48],
            "qualifier": ["exact", "at_least", "exact", "exact"],
        }
    )
    fig = fg.named_lists(named, WHEN)
    assert "identified by name: 1,500+" in _texts(fig) and "origin countries: 48" in _texts(fig)


def test_network_figures_title_their_panels_from_the_graphs():
    from helpers.analysis import network

    actors = data.actors()
    short = dict(zip(actors["actor_id"], actors["short_name"], strict=True))
    graph = network.alliance_graph(WHEN)
    fig = fg.partnership_facets(graph, 4, short, WHEN)
    assert fig._suptitle.get_text().startswith("4 partners supply Russia's war; ")
    kinds = {d["relation"] for _, _, d in graph.edges(data=True)}
    assert sum(any(ax.get_title(loc=where) for where in ("left", "center")) for ax in fig.axes) == len(kinds)
    snaps = {d: network.alliance_graph(d) for d in (pd.Timestamp("2023-12-31"), WHEN)}
    titles = [ax.get_title() for ax in fg.network_snapshots(snaps, short, WHEN).axes]
    assert titles == [f"{rp.day(d)}: {g.number_of_edges()} edges" for d, g in snaps.items()]


def test_the_relations_timeline_and_the_map_carry_source_and_date():
    rels = data.relations(WHEN).sort_values(["first_reported", "relation_id"])
    assert "Data as of 2025-06-30" in _footer(fg.relations_timeline(rels, pd.Timestamp("2021-07-01"), WHEN))
    from helpers.data import geo

    fig = fg.origins_map(geo.country_rings(), {"NPL": pl.map_class(2000), "KEN": None}, ["NPL", "KEN"], WHEN)
    assert fig._suptitle.get_text() == "Russia's foreign recruits come from at least 2 countries"
    assert "world-atlas" in _footer(fig)
