"""The headline answers a specialist would sign, pinned on the real data.

Each test names the corrected answer; the docstrings say what the old coding gave and why it
was wrong. When new claims change an answer, the test should be re-read, not just re-pinned.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from helpers import data
from helpers.analysis import manpower as mp
from helpers.analysis import network


def claim(claim_id: str) -> pd.Series:
    c = data.claims()
    return c.set_index("claim_id").loc[claim_id]


def test_india_recruited_end_2025_is_202_from_the_governments_cumulative_count():
    """Was 44: a count of Indians *currently serving* (MEA, Nov 2025) coded as cumulative recruits."""
    est = mp.estimate("IND", "recruited", "2025-12-31")
    assert est.range == (202, 202) and set(est.figures["claimant_id"]) == {"ind-government"}
    assert mp.latest_range("IND", "serving", "2025-12-31") == (50, 50)
    assert (data.claims().query("origin == 'IND' and low == 44")["metric"] == "serving").all()


def test_foreigners_recruited_end_2025_has_no_claim_and_the_named_list_is_at_least_18000():
    """Was 3,000-80,000: the low end a Central Asian sub-list (now region XCA), the high end naturalised
    migrants caught for not registering (now naturalised_unregistered). Ukraine's lists count names
    (identified_by_name); no institution counted recruits of all origins before the BBC's January 2026 estimate."""
    assert mp.latest_range("XFN", "recruited", "2025-12-31") is None
    named = mp.estimate("XFN", "identified_by_name", "2025-12-31")
    assert named.range == (18000, 18000) and named.band.high_open and named.figures["claimant_id"].tolist() == ["ukr-pow-hq"]
    assert claim("oth-050")["origin"] == "XCA" and claim("oth-008")["metric"] == "naturalised_unregistered"


def test_dprk_deployed_end_2024_is_11000_to_12000_from_4_lineages():
    """Was 3,000-12,000, then 10,000-12,000 from 5 institutions: the US 3,000 of 23 Oct 2024 was superseded by the US
    itself within days; Zelensky's 3,000 of 28 Oct lies below the 11,000 in the combat area (a part of those present,
    so a floor that day); and offices of one pipeline are one lineage."""
    est = mp.estimate("PRK", "deployed", "2024-12-31")
    assert est.range == (11000, 12000) and not est.stale and est.lineages == 4
    left = est.left_out.set_index("claim_id")["reason"]
    assert left["dprk-071"] == "superseded by a newer figure of the same lineage"  # Kirby, 3,000


def test_dprk_deployed_30_sep_2025_is_11000_not_none():
    """Was None: no claim in the 90-day window. HUR's August 2025 figure now answers; and where nothing is
    fresh the last range stands, flagged stale with its age (the US's 'at least 12,000' of January 2025)."""
    assert mp.latest_range("PRK", "deployed", "2025-09-30") == (11000, 11000)
    est = mp.estimate("PRK", "deployed", "2025-08-10")
    assert est.range == (12000, 12000) and est.band.high_open and est.stale and est.age_days == 214


def test_parts_of_the_contingent_are_coded_part():
    """Were scope=total: 1,000 sappers, the third wave of about 6,000, 80,000 reservists sent to the front."""
    assert claim("dprk-034")["scope"] == "part" and claim("dprk-043")["scope"] == "part"
    assert claim("rus-011")["scope"] == "part"


def test_zelensky_4000_casualties_is_dated_9_january_2025():
    """Was dated 28 April 2025, the date of an article repeating it."""
    row = claim("dprk-049")
    assert row["stated"] == pd.Timestamp("2025-01-09") and row["low"] == 4000


def test_at_least_and_as_many_as_are_bounds():
    """Were stored as exact figures."""
    assert claim("dprk-002")["qualifier"] == "at_most" and pd.isna(claim("dprk-002")["low"])  # "as many as 8,000"
    assert claim("oth-032")["qualifier"] == "at_least" and pd.isna(claim("oth-032")["high"])  # "at least 18,000"


def test_one_body_is_one_institution():
    """BBC Russian with Mediazona, Ukraine's military intelligence and the UK MoD each appeared under up to six names."""
    c = data.claims()
    assert (
        c.loc[c["speaker"].str.contains("Mediazona") & c["speaker"].str.contains("BBC"), "claimant_id"].eq("bbc-mediazona").all()
    )
    assert (
        c.loc[
            c["speaker"].str.contains("Defence Intelligence|Defense Intelligence|GUR|HUR", regex=True)
            & c["claimant_country"].eq("UKR"),
            "claimant_id",
        ]
        .eq("ukr-gur")
        .all()
    )
    assert (
        c.loc[c["speaker"].str.contains("UK |Ministry of Defence \\(UK|Radakin|Healey", regex=True), "claimant_id"]
        .eq("gbr-mod")
        .all()
    )
    assert not c["claimant"].str.contains("citing").any()


def test_one_figure_in_several_outlets_is_one_claim():
    """The 15,000 Nepalis appeared as four claims from three outlets; it is one claim with its relays."""
    c = data.claims()
    nepal = c[(c["origin"] == "NPL") & (c["high"] == 15000)]
    assert len(nepal) == 1 and len(nepal.iloc[0]["relayed_by"]) >= 3


def test_first_reports_and_framing_of_relations():
    """DPRK shells were first reported by the White House on 2 Nov 2022, not on 13 Oct 2023; Nepal, India
    and Cuba oppose their citizens' recruitment and are not partners supplying recruits."""
    r = data.relations().set_index("relation_id")
    assert r.loc["rel-002", "first_reported"] == pd.Timestamp("2022-11-02")
    for rid in ("rel-034", "rel-035", "rel-036"):
        assert r.loc[rid, "relation"] == "citizen_recruitment" and r.loc[rid, "origin_position"] == "opposes"
    assert not {"CUB", "NPL", "IND"} & set(network.partner_supplies(data.relations())["partner"])


def test_as_of_shows_the_status_that_held_then():
    """On 1 Dec 2024 the DPRK deployment read 'officially acknowledged'; it was acknowledged on 28 Apr 2025."""
    assert data.relations("2024-12-01").set_index("relation_id").loc["rel-004", "confirmation"] == "government_assessment"
    assert data.relations("2025-05-01").set_index("relation_id").loc["rel-004", "confirmation"] == "officially_acknowledged"


def test_a_warrant_issued_under_seal_is_not_known_before_it_is_public():
    """The Shoigu and Gerasimov warrants were issued on 24 June 2024 and announced on 25 June (ICC)."""
    assert "icc-ukr-2024-shoigu" not in set(data.load("arrest_warrants", "2024-06-24")["warrant_id"])
    assert "icc-ukr-2024-shoigu" in set(data.load("arrest_warrants", "2024-06-25")["warrant_id"])


def test_audit_lists_nothing_unreviewed():
    run = subprocess.run([sys.executable, "-m", "helpers", "audit"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert ", 0 open" in run.stdout
