"""The audit's rules, each on a planted bad row and its good twin: the words of a quote against the coding."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import audit

SOURCES = pd.DataFrame({"source_id": ["s"], "published": [pd.Timestamp("2025-03-01")]})
LINEAGES = pd.DataFrame(
    {"lineage_id": ["bbc-mediazona", "kor-intelligence"], "method": ["named_list", "intelligence_assessment"]}
)


def row(**kw) -> dict:
    base = dict(
        claim_id="c-1",
        source_id="s",
        claimant_id="kor-nis",
        claimant_kind="intelligence",
        speaker="NIS",
        origin="PRK",
        metric="deployed",
        metric_kind="stock",
        scope="total",
        qualifier="exact",
        low=3000,
        high=3000,
        stated=pd.Timestamp("2025-02-12"),
        stated_precision="day",
        period_start=pd.NaT,
        location="Russia",
        standing="accepted",
        verification="verified",
        lineage_id="kor-intelligence",
        quote="3,000 troops are in Russia.",
    )
    base.update(kw)
    return base


def flags_of(*rows: dict) -> list[tuple[str, str]]:
    frame = pd.DataFrame(list(rows))
    frame["low"], frame["high"] = frame["low"].astype("Int64"), frame["high"].astype("Int64")
    return sorted((f.claim_id, f.flag) for f in audit.audit(frame, SOURCES, None, LINEAGES) if not f.reviewed)


@pytest.mark.parametrize(
    "quote",
    [
        "About 3,000 troops are in Russia.",
        "Около 3 000 военных находятся в России.",
        "Plus de 3 000 soldats sont en Russie.",
        "북한군 약 3000명이 러시아에 있다.",
    ],
)
def test_a_hedge_word_next_to_an_exact_figure_is_flagged_in_any_language(quote):
    assert ("c-1", "hedge-word-on-exact") in flags_of(row(quote=quote))
    assert ("c-1", "hedge-word-on-exact") not in flags_of(row(quote=quote, qualifier="about"))


def test_a_floor_coded_as_a_ceiling_and_a_ceiling_coded_as_a_floor_are_flagged():
    assert ("c-1", "floor-word-on-ceiling") in flags_of(
        row(quote="More than 3,000 troops are in Russia.", qualifier="at_most", low=None)
    )
    assert ("c-1", "ceiling-word-on-floor") in flags_of(
        row(quote="Up to 3,000 troops are in Russia.", qualifier="at_least", high=None)
    )
    assert flags_of(row(quote="Up to 3,000 troops are in Russia.", qualifier="at_most", low=None)) == []


def test_a_round_figure_coded_exact_is_flagged_but_a_precise_count_is_not():
    assert ("c-1", "rounded-figure-exact") in flags_of(row())
    assert flags_of(row(low=3012, high=3012, quote="3,012 troops are in Russia.")) == []


def test_a_named_lists_dead_not_coded_as_a_floor_is_flagged():
    dead = dict(
        metric="killed",
        metric_kind="cumulative",
        lineage_id="bbc-mediazona",
        low=72,
        high=72,
        quote="Citizens of Tajikistan top the list with 72 deaths.",
    )
    assert ("c-1", "named-list-not-floor") in flags_of(row(**dead))
    assert flags_of(row(**{**dead, "qualifier": "at_least", "high": None})) == []


def test_a_group_on_a_total_and_a_first_of_month_day_are_flagged():
    assert ("c-1", "group-word-on-total") in flags_of(row(quote="A group of 17 men called for help.", low=17, high=17))
    assert flags_of(row(quote="A group of 17 men called for help.", low=17, high=17, scope="part")) == []
    assert ("c-1", "first-of-month-at-day") in flags_of(
        row(stated=pd.Timestamp("2025-02-01"), low=3012, high=3012, quote="3,012 troops are in Russia.")
    )
    assert (
        flags_of(
            row(
                stated=pd.Timestamp("2025-02-28"),
                stated_precision="month",
                low=3012,
                high=3012,
                quote="3,012 troops are in Russia.",
            )
        )
        == []
    )


def test_a_composite_repeating_an_institutions_own_figure_is_flagged_and_a_review_mark_clears_a_flag():
    own = row(claim_id="c-1", low=3012, high=3012, quote="3,012 troops are in Russia.")
    summary = row(
        claim_id="c-2",
        claimant_id="politico",
        claimant_kind="media",
        standing="composite",
        low=3012,
        high=3012,
        quote="Estimates put the troops at 3,012.",
        stated=pd.Timestamp("2025-02-20"),
    )
    assert ("c-2", "composite-repeats-a-claim") in flags_of(own, summary)
    assert ("c-2", "composite-repeats-a-claim") not in flags_of(own, {**summary, "low": 5000, "high": 5000})
    reviewed = {**summary, "verification": "verified [reviewed: composite-repeats-a-claim]"}
    assert ("c-2", "composite-repeats-a-claim") not in flags_of(own, reviewed)
