"""The interactive twins of the claims charts carry the data's claims, and the page embeds them safely."""

from __future__ import annotations

import json

import pandas as pd

from helpers import data
from helpers.analysis import manpower as mp
from helpers.analysis import origins as og
from helpers.presentation import interactive as iv
from helpers.presentation import words
from helpers.site.render import json_script


def _prk():
    when = data.analysis_date(None)
    claims = data.claims(when)
    claims = claims.assign(side=mp.claimant_side(claims))
    return when, claims, data.sources(when)


def test_consensus_spec_has_one_point_per_claim_with_quote_and_source():
    when, claims, sources = _prk()
    days = pd.date_range("2024-10-01", when, freq="D")
    band = mp.consensus_band(claims, "PRK", "deployed", days)
    points = mp.timeline(claims, "PRK", "deployed").merge(claims[["claim_id", "side"]], on="claim_id")
    spec = iv.consensus_spec(band, points, claims, sources, "t", "persons")
    records = spec["layer"][-1]["data"]["values"]
    assert sorted(r["claim_id"] for r in records) == sorted(points["claim_id"])
    by_id = claims.set_index("claim_id")
    urls = sources.set_index("source_id")["url"]
    for r in records:
        assert r["quote"] == by_id.loc[r["claim_id"], "quote"]
        assert r["source_url"] == urls[by_id.loc[r["claim_id"], "source_id"]]
    steps = iv.band_steps(band)
    assert steps[-1]["date"] == band["date"].iloc[-1].date().isoformat() and len(steps) < len(band)
    colours = spec["layer"][-1]["encoding"]["color"]["scale"]
    assert all(iv.SIDE_COLOURS[s] == c for s, c in zip(colours["domain"], colours["range"], strict=True))
    newest = max(records, key=lambda r: r["date"])
    institutions = len({r["institution"] for r in records})
    assert spec["usermeta"]["source"].startswith(
        f"Source: data/claims.csv, {len(records):,} claims by {institutions:,} institutions, newest {newest['date_text']};"
    )


def test_ranked_spec_points_belong_to_the_ranked_countries():
    when, claims, sources = _prk()
    metrics = ("recruited", "identified_by_name")
    top = og.ranked(claims, metrics, when).head(10)
    spec = iv.ranked_spec(top, iv.ranked_points(claims, metrics, list(top["origin"]), when), claims, sources, "t", "x")
    recs = spec["layer"][-1]["data"]["values"]
    assert {r["country"] for r in recs} == set(top["country"])
    bars = spec["layer"][0]["data"]["values"]
    assert [b["high"] for b in bars] == [int(h) for h in top["high"]]


def test_figure_words_follow_the_qualifier():
    assert words.figure_words("at_least", 3000, None) == "at least 3,000"
    assert words.figure_words("at_most", None, 8000) == "at most 8,000"
    assert words.figure_words("about", 10000, 10000) == "about 10,000"
    assert words.figure_words("exact", 1000, 1000) == "1,000"
    assert words.figure_words("range", 11000, 12000) == "11,000–12,000"
    assert words.figure_words("about", None, None) == "no figure"


def test_json_script_cannot_close_the_script_element():
    text = json_script({"quote": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["quote"].startswith("</script>")


def test_each_qualifier_has_its_own_mark_in_both_renderings():
    from helpers.presentation.interactive import SHAPES
    from helpers.presentation.plotting import QUALIFIER_MARKERS
    from helpers.presentation.words import QUALIFIER_WORDS

    assert set(QUALIFIER_MARKERS) == set(QUALIFIER_WORDS)
    assert len(set(QUALIFIER_MARKERS.values())) == len(QUALIFIER_MARKERS)  # "about" no longer shares the dot of "exactly"
    assert len({SHAPES[m] for m in QUALIFIER_MARKERS.values()}) == len(QUALIFIER_MARKERS)
