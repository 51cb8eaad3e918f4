"""No placeholder day in the record: a claim said on the 1st of a month at day precision, or a relation begun on the
1st, is so on a page that says that day (its passage in data/evidence.csv is verified); a date known only to the month
or the year is that period's last day (validation enforces the rule; this checks the record holds no exception)."""

from __future__ import annotations

import pandas as pd

from helpers import data


def _verified(table: str, field: str) -> pd.Series:
    ev = data.load("evidence")
    sel = ev[(ev["record_table"] == table) & (ev["field"] == field)]
    return sel.set_index("record_id")["status"] == "verified"


def test_no_claim_is_dated_to_a_placeholder_first_of_the_month():
    claims = data.load("claims")
    first = claims[(claims["stated"].dt.day == 1) & (claims["stated_precision"] == "day")]
    proven = _verified("claims", "stated")
    assert [c for c in first["claim_id"] if not proven.get(c, False)] == []
    # a date known to the month or the year is its last day, or the day its page came out when that is earlier
    published = claims["source_id"].map(data.load("sources").set_index("source_id")["published"])
    coarse = claims[(claims["stated_precision"] != "day") & (claims["stated"].dt.day == 1)]
    assert list(coarse.loc[coarse["stated"] != published[coarse.index], "claim_id"]) == []


def test_no_relation_begins_on_a_placeholder_first_day():
    rels = data.load("relations")
    first = rels[(rels["start"].dt.day == 1) & (rels["start_precision"] == "day")]
    proven = _verified("relations", "start")
    assert [r for r in first["relation_id"] if not proven.get(r, False)] == []
    coarse = rels[rels["start_precision"].isin(["month", "year"])]
    assert len(coarse) >= 5 and not (coarse["start"].dt.day == 1).any()
