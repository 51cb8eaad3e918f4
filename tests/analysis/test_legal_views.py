"""The notebook's legal views are computed from the data: the withdrawal and accession picture,
reasons grouped by rule, merged timelines."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import legal
from helpers.analysis.legal import LegalData

T = pd.Timestamp


@pytest.fixture(scope="module")
def mid_2026() -> LegalData:
    return LegalData.load("2026-05-27")


def test_withdrawal_picture_hungary_sahel_venezuela(mid_2026):
    """Hungary notified 2 June 2025 (effective 2 June 2026, computed); Burkina Faso, Mali and Niger announced
    on 22 Sept 2025 and Venezuela passed a repeal law on 11 Dec 2025, none notified."""
    pic = legal.withdrawal_picture(mid_2026).set_index("state")
    assert {"HUN", "BFA", "MLI", "NER", "VEN", "BDI", "PHL"} <= set(pic.index)
    hun = pic.loc["HUN"]
    assert hun["notified"] == T("2025-06-02") and hun["takes_effect"] == T("2026-06-02")
    assert hun["effective_rule"].startswith("Art. 127(1)") and "unverified" in hun["reported_reversal"]
    assert hun["standing"] == "State Party until 2026-06-01"
    for iso in ("BFA", "MLI", "NER"):
        assert pic.loc[iso, "announced"] == T("2025-09-22") and pd.isna(pic.loc[iso, "notified"])
        assert pic.loc[iso, "standing"].startswith("State Party: no notification")
    assert pic.loc["VEN", "domestic_act"] == T("2025-12-11") and pd.isna(pic.loc["VEN", "notified"])
    assert pic.loc["BDI", "standing"] == "former State Party since 2017-10-27"
    assert "Situation in the Republic of Mali" in pic.loc["MLI", "matters_before_the_court"]


def test_recent_accessions_reach_back_by_art_12_3(mid_2026):
    acc = legal.recent_accessions(mid_2026, "2015-01-01").set_index("state")
    assert acc.loc["ARM", "art_12_3_reaches_back_to"] == T("2021-05-10")
    assert acc.loc["UKR", "art_12_3_reaches_back_to"] == T("2013-11-21")
    assert acc.loc["PSE", "art_12_3_reaches_back_to"] == T("2014-06-13")
    assert acc.loc["UKR", "parties_after"] == 125 and acc.loc["ARM", "parties_after"] == 124


def test_reasons_grouped_by_rule(mid_2026):
    groups = [("DPRK forces", "PRK", False), ("Tajik recruits", "TJK", False)]
    places = [("Ukraine", ["UKR"]), ("Russia", ["RUS"])]
    m = legal.exposure_matrix(groups, places, [("2024", "2024-12-15"), ("2026", "2026-05-27")], legal=mid_2026)
    r = legal.reasons_by_rule(m)
    assert r["cells"].sum() == len(m)
    assert set(r["rule"]) >= {"Art. 12(3)", "Art. 12(2)(a)", "Art. 12(2)(b)", "Art. 12(2)", "Art. 8 bis(1), 25(3 bis)"}
    assert list(r["status"]) == sorted(r["status"], key={"yes": 0, "contested": 1, "no": 2}.get)


def test_merged_timelines_join_groups_with_identical_periods(mid_2026):
    groups = [("DPRK forces", "PRK", False), ("Nepali recruits", "NPL", False), ("Tajik recruits", "TJK", False)]
    p = legal.reach_periods(groups, [("Russia", ["RUS"])], ["war_crimes"], "2014-01-01", "2026-05-27", legal=mid_2026)
    merged = legal.merged_timelines(p)
    assert set(merged["groups"]) == {"DPRK forces, Nepali recruits", "Tajik recruits"}
