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
    assert {"recruited", "casualties"} <= set(rus["metric"].astype(str))
    assert len(s) >= len(c["source_id"].unique())


# Figures stated in the founding articles: (origin, metric, figure)
FOUNDING = [
    ("PRK", "deployed", 10000),        # Blinken 31 Oct 2024; Kyiv Independent; Atlantic Council
    ("PRK", "in_combat_area", 8000),   # Blinken: as many as 8,000 in Kursk
    ("PRK", "deployed", 1500),         # NIS, 18 Oct 2024
    ("PRK", "deployed", 3000),         # POLITICO's Ukrainian intelligence official: "Buryat Battalion"
    ("NPL", "recruited", 15000),       # "as many as 15,000" Nepalis
    ("XFN", "recruited", 30000),       # 30,000 migrants with new citizenship rounded up
    ("XFN", "citizenship_granted", 3000),  # more than 3,000 foreigners granted citizenship
    ("RUS", "casualties", 45000),      # UK MoD, November 2024
    ("YEM", "recruited", 100),         # "hundreds" of Yemenis (FT)
]


@pytest.mark.parametrize("origin,metric,figure", FOUNDING)
def test_founding_article_figures_are_claims(origin, metric, figure):
    c = data.claims()
    sel = c[(c["origin"] == origin) & (c["metric"] == metric)]
    assert ((sel["low"] == figure) | (sel["high"] == figure)).any(), (origin, metric, figure)


def test_as_of_loads_nothing_published_later():
    cutoff = pd.Timestamp("2024-12-31")
    s = data.sources(cutoff)
    assert (s["published"].isna() | (s["published"] <= cutoff)).all()
    c = data.claims(cutoff)
    published = data.sources().set_index("source_id")["published"]
    assert (c["source_id"].map(published) <= cutoff).all() and (c["stated"] <= cutoff).all()
    r = data.relations(cutoff)
    assert all(published[x] <= cutoff or pd.isna(published[x]) for ids in r["source_ids"] for x in ids)
    assert (r["start"] <= cutoff).all() and (r["end"].isna() | (r["end"] <= cutoff)).all()
    sp = data.load("states_parties", cutoff)
    assert sp.loc[sp["iso3"] == "HUN", "withdrawal_notified"].isna().all()  # notified 2 June 2025
    assert len(c) < len(data.claims())
