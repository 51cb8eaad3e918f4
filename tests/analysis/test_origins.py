"""Country profiles (helpers.analysis.origins) and the boundary data behind the origin map (helpers.data.geo)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import data
from helpers.analysis import origins as og
from helpers.analysis.manpower import latest_by_lineage
from helpers.data import geo
from helpers.data.places import place_name
from helpers.presentation import tables as tb


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return data.claims()


def test_the_whole_table_equals_the_per_country_rule(claims):
    """latest_table computes every origin and metric at once; it must give exactly each institution's latest figure."""
    metrics = ("recruited", "identified_by_name", "killed", "prisoners_held", "returned")
    table = og.latest_table(claims, None, metrics)
    for origin in og.origin_countries(claims):
        for metric in metrics:
            one = latest_by_lineage(claims, origin, metric, None, max_age_days=math.inf)
            fast = table[(table["origin"] == origin) & (table["metric"] == metric)]
            assert sorted(one["claim_id"]) == sorted(fast["claim_id"]), (origin, metric)


def test_country_names_are_the_common_ones():
    assert place_name("COD") == "DR Congo" and place_name("KEN") == "Kenya" and place_name("XAF") == "Africa"
    assert (
        place_name("XFN") == "Foreign nationals (all origins)"
        and place_name("RUS") == "Russia"
        and place_name("PRK") == "North Korea"
    )


def test_kenya_row_names_each_sides_newest_figure(claims):
    table = tb.country_table(claims, ["KEN"], None).set_index("metric")
    assert "Origin government" in table.columns
    assert "[" in table.loc["recruited", "Origin government"]  # every cell carries its claim id


def test_icc_reach_follows_article_12_2():
    """Conduct in Ukraine: every nationality (Ukraine a State Party since 1 Jan 2025, Art. 12(2)(a)); in Russia, only
    nationals of States Parties (Art. 12(2)(b)): Kenya yes, Nepal no."""
    grid = og.icc_exposure(["KEN", "NPL"], "2026-01-01").set_index(["origin", "place"])["status"]
    assert grid[("KEN", "in Ukraine")] == grid[("NPL", "in Ukraine")] == "yes"
    assert grid[("KEN", "in Russia")] == "yes" and grid[("NPL", "in Russia")] == "no"


def test_boundaries_are_read_offline_and_draw_no_band_across_the_map():
    rings = geo.country_rings()
    assert {"KEN", "NPL", "PRK", "RUS"} <= set(rings) and "ATA" not in rings
    for ring in rings["RUS"]:
        assert all(abs(a[0] - b[0]) <= 180 for a, b in zip(ring, ring[1:], strict=False))


def test_missing_boundary_data_says_how_to_install_it(tmp_path):
    with pytest.raises(geo.BoundaryDataMissing, match="make venv"):
        geo.country_rings(str(tmp_path / "countries-110m.json"))


def test_named_dead_take_each_lists_newest_whole_count_and_the_highest_never_the_sum():
    rows = [
        ("a", "UZB", "bbc-mediazona", "2023-06-14", 34, "total"),
        ("b", "UZB", "bbc-mediazona", "2025-07-11", 66, "total"),
        ("c", "UZB", "bbc-mediazona", "2025-07-11", 46, "part"),
        ("d", "UZB", "ukr-pow-hq", "2025-10-29", 481, "total"),
        ("e", "SEN", "aeow", "2026-02-11", 7, "total"),
        ("f", "SEN", "ukr-gur", "2026-02-11", 900, "total"),
    ]
    claims = pd.DataFrame(
        [
            dict(
                claim_id=i,
                origin=o,
                claimant_id=c,
                stated=pd.Timestamp(d),
                low=n,
                high=pd.NA,
                scope=s,
                metric="killed",
                standing="accepted",
            )
            for i, o, c, d, n, s in rows
        ]
    )
    claims["low"], claims["high"] = claims["low"].astype("Int64"), claims["high"].astype("Int64")
    dead = og.named_dead(claims).set_index("origin")
    assert list(dead.index) == ["UZB", "SEN"]  # largest floor first
    assert dead.loc["UZB", "floor"] == 481 and dead.loc["UZB", "BBC Russian and Mediazona"] == 66  # newest whole count
    assert dead.loc["UZB", "BBC Russian and Mediazona: claim"] == "b" and dead.loc["SEN", "floor"] == 7  # no other lists
    early = og.named_dead(claims, "2024-12-31")
    assert list(early["origin"]) == ["UZB"] and early.loc[0, "floor"] == 34


def test_the_real_named_dead_floor_is_the_highest_list(claims):
    dead = og.named_dead(claims)
    lists = list(og.NAMED_DEAD_LISTS.values())
    assert not dead.empty and (dead["floor"] == dead[lists].max(axis=1)).all()
