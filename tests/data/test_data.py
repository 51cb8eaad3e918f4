"""The real data/: it validates, meets the coverage floor, covers the founding articles, and
loads as of a date without anything published later."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from helpers import data


def test_real_data_validates():
    run = subprocess.run([sys.executable, "-m", "helpers", "validate"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_typed_columns():
    c = data.claims()
    assert str(c["stated"].dtype).startswith("datetime64") and str(c["low"].dtype) == "Int64"
    assert isinstance(c["metric"].dtype, pd.CategoricalDtype)
    assert isinstance(data.relations()["source_ids"].iloc[0], tuple)


def test_coverage_floor():
    c, s = data.claims(), data.sources()
    assert len(c) >= 80 and c["source_id"].nunique() >= 40
    origins = set(c["origin"]) - {"RUS", "XFN"}
    assert len(origins) >= 10
    assert {"PRK", "NPL", "IND", "LKA", "CUB", "YEM"} <= origins
    assert origins & {"KAZ", "KGZ", "TJK", "TKM", "UZB"}, "Central Asian origins"
    assert origins & {"CMR", "GHA", "KEN", "NGA", "ZAF", "GMB", "TGO", "EGY"}, "African origins"
    prk = c[c["origin"] == "PRK"]
    assert prk["stated"].min() <= pd.Timestamp("2024-10-31") and prk["stated"].max() >= pd.Timestamp("2025-06-30")
    assert {"deployed", "killed", "wounded", "casualties", "captured"} <= set(prk["metric"].astype(str))
    rus = c[c["origin"] == "RUS"]
    assert {"recruited_in_period", "casualties", "casualties_in_period"} <= set(rus["metric"].astype(str))
    assert len(s) >= len(c["source_id"].unique())


def test_coverage_of_origins_worldwide():
    """At least 40 origin countries, 400 claims, half about origins other than North Korea and Russia, and
    120 stated from July 2025 on."""
    c = data.claims()
    regions = set(data.load("regions")["region"])
    countries = set(c["origin"]) - regions - {"RUS"}
    assert len(countries) >= 40 and len(c) >= 400
    assert (~c["origin"].isin(["PRK", "RUS"])).sum() >= len(c) / 2
    assert (c["stated"] >= pd.Timestamp("2025-07-01")).sum() >= 120
    kinds = set(c["claimant_kind"].astype(str))
    assert {"government", "intelligence", "media", "ngo_research"} <= kinds


# Figures stated in the founding articles, as coded after the institution audit: (origin, metric, figure).
# Two founding figures are relays of an original that is now the claim: the Atlantic Council's "more than 3,000"
# citizenships is the Interior Ministry's 3,344 and its "more than 45,000" November casualties the UK MoD's 45,680
# (the founding article is listed among those claims' relays).
FOUNDING = [
    ("PRK", "deployed", 10000),  # Blinken 31 Oct 2024; Kyiv Independent; Atlantic Council
    ("PRK", "in_combat_area", 8000),  # Blinken: as many as 8,000 in Kursk
    ("PRK", "deployed", 1500),  # NIS, 18 Oct 2024 (the first special-forces transfer, scope part)
    ("PRK", "deployed", 3000),  # POLITICO's Ukrainian intelligence official: "Buryat Battalion"
    ("NPL", "in_combat_area", 15000),  # "as many as 15,000" Nepalis fighting
    ("XFN", "naturalised_unregistered", 30000),  # 30,000 migrants with new citizenship rounded up
    ("XFN", "citizenship_granted_in_period", 3344),  # "more than 3,000" (seed 004) relays the Interior Ministry's 3,344
    ("RUS", "casualties_in_period", 45680),  # "more than 45,000" in November 2024 (seed 004) relays the UK MoD's 45,680
    ("YEM", "recruited", 100),  # "hundreds" of Yemenis (FT)
]


@pytest.mark.parametrize("origin,metric,figure", FOUNDING)
def test_founding_article_figures_are_claims(origin, metric, figure):
    c = data.claims()
    sel = c[(c["origin"] == origin) & (c["metric"] == metric)]
    assert ((sel["low"] == figure) | (sel["high"] == figure)).any(), (origin, metric, figure)


def test_founding_article_relays_point_to_the_original_claims():
    c = data.claims().set_index("claim_id")
    seed = "seedcopy-20241201-atlanticcouncil-foreign-troops"
    assert seed in c.loc["oth-009", "relayed_by"] and seed in c.loc["rus-001", "relayed_by"]


def test_as_of_loads_nothing_published_later():
    cutoff = pd.Timestamp("2024-12-31")
    s = data.sources(cutoff)
    assert (s["published"].isna() | (s["published"] <= cutoff)).all()
    c = data.claims(cutoff)
    published = data.sources().set_index("source_id")["published"]
    assert (c["source_id"].map(published) <= cutoff).all() and (c["stated"] <= cutoff).all()
    r = data.relations(cutoff)
    assert all(published[x] <= cutoff or pd.isna(published[x]) for ids in r["source_ids"] for x in ids)
    assert (r["first_reported"] <= cutoff).all() and (r["end"].isna() | (r["end"] <= cutoff)).all()
    sp = data.load("states_parties", cutoff)
    assert sp.loc[sp["iso3"] == "HUN", "withdrawal_notified"].isna().all()  # notified 2 June 2025
    assert len(c) < len(data.claims())
    ch = data.load("recruitment_channels", cutoff)
    assert (ch["stated"] <= cutoff).all() and (ch["source_id"].map(published) <= cutoff).all()
    assert len(ch) < len(data.load("recruitment_channels"))
    assert (data.load("status_history", cutoff)["valid_from"] <= cutoff).all()


def test_every_table_has_its_own_as_of_rule_and_none_leaks_a_later_row():
    """One rule per table in helpers.data.loaders.AS_OF (a table without one would be shown whole at any date)."""
    from helpers.data.loaders import AS_OF
    from helpers.data.schema import load_package

    names = {r.name for r in load_package().resources}
    assert set(AS_OF) == names
    early = pd.Timestamp("2022-06-30")
    for name, col in (
        ("aggression_amendments", "date"),
        ("unsc_referrals", "adopted"),
        ("withdrawal_events", "date"),
        ("responses", "date"),
        ("legal_context", "date"),
    ):
        frame = data.load(name, early)
        assert (frame[col] <= early).all(), name
        assert len(frame) < len(data.load(name)) or name == "unsc_referrals", name
    sits = data.load("icc_situations", "2020-01-01").set_index("situation_id")
    assert set(sits.index) == {"bdi", "phl", "ven-1", "mli"} and pd.isna(sits.loc["phl", "investigation_opened"])


def test_notes_written_later_are_kept_out_of_as_of_views():
    """Built as of 1 Dec 2024, the DPRK deployment's note said it was acknowledged in April 2025 while the acknowledged
    column was (rightly) empty: notes are compiled after the fact, so views before the cut-off leave them out."""
    early = data.load("relations", "2024-12-01").set_index("relation_id")
    assert pd.isna(early.loc["rel-004", "acknowledged"]) and early["notes"].isna().all()
    assert "2025" in str(data.load("relations").set_index("relation_id").loc["rel-004", "notes"])
    assert data.claims("2024-12-31")["notes"].isna().all() and data.claims()["notes"].notna().any()
    assert data.load("responses", "2025-12-31")["evidence"].isna().all()
