"""Synthetic claims for the estimate's unit tests: one builder, so every test frame carries the columns and types the
loaded claims have, and its qualifier follows from its bounds as the coding rules say (one figure exact, two a range,
a missing high 'at least', a missing low 'at most'). Metric kinds come from data/metrics.csv."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import manpower as mp


def qualifier_of(low, high) -> str:
    if low is not None and high is not None:
        return "exact" if low == high else "range"
    return "at_least" if high is None else "at_most"


def claims_frame(records: list[dict]) -> pd.DataFrame:
    """Claims from records naming claim_id, claimant_id, claimant, claimant_country, origin, metric, low, high, stated
    and refers_to; period_start, scope, standing, claimant_kind and lineage_id are optional."""
    kinds = mp.metric_kinds()["kind"].astype(str)
    rows = [
        dict(
            claim_id=r["claim_id"],
            source_id="s",
            claimant_id=r["claimant_id"],
            claimant=r["claimant"],
            claimant_country=r["claimant_country"],
            claimant_kind=r.get("claimant_kind", "government"),
            **({"lineage_id": r["lineage_id"]} if "lineage_id" in r else {}),
            origin=r["origin"],
            metric=r["metric"],
            metric_kind=kinds[r["metric"]],
            qualifier=qualifier_of(r["low"], r["high"]),
            low=r["low"],
            high=r["high"],
            stated=pd.Timestamp(r["stated"]),
            refers_to=pd.Timestamp(r["refers_to"]),
            period_start=pd.Timestamp(r["period_start"]) if r.get("period_start") else pd.NaT,
            scope=r.get("scope") or "total",
            standing=r.get("standing") or "accepted",
        )
        for r in records
    ]
    out = pd.DataFrame(rows)
    return out.astype({"low": "Int64", "high": "Int64", "claimant_country": "string"})
