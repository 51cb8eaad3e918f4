"""The per-field evidence summaries: a row is verified only when every one of its coded fields is."""

from __future__ import annotations

import pandas as pd

from helpers import data
from helpers.analysis.evidence import evidence_by_field, fully_verified


def _ev(rows):
    return pd.DataFrame(rows, columns=["record_table", "record_id", "field", "status"])


def test_a_record_with_one_unverified_field_is_not_verified():
    ev = _ev(
        [
            ("claims", "a", "figure", "verified"),
            ("claims", "a", "stated", "unverified"),
            ("claims", "b", "figure", "verified"),
            ("claims", "b", "stated", "verified"),
            ("relations", "r", "start", "verified"),
        ]
    )
    assert fully_verified(ev, "claims").to_dict() == {"a": False, "b": True}
    assert fully_verified(ev, "relations").to_dict() == {"r": True}


def test_fields_are_counted_in_coding_order_with_their_share():
    ev = _ev(
        [
            ("claims", "a", "stated", "unverified"),
            ("claims", "a", "figure", "verified"),
            ("claims", "b", "stated", "verified"),
            ("claims", "b", "figure", "verified"),
        ]
    )
    table = evidence_by_field(ev)
    assert table["field"].tolist() == ["stated", "figure"]
    assert table["verified"].tolist() == [1, 2] and table["unverified"].tolist() == [1, 0]
    assert table["share_verified"].tolist() == [0.5, 1.0]


def test_the_real_evidence_covers_every_claim_and_field():
    ev, claims = data.load("evidence"), data.claims()
    own = ev[ev["record_table"] == "claims"]
    assert set(own["record_id"]) == set(claims["claim_id"])
    assert own.groupby("record_id").size().eq(6).all()


def test_evidence_is_not_shown_before_it_was_read():
    assert data.load("evidence", "2025-06-30").empty
