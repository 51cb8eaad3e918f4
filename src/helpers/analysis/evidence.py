"""What the collection holds: counts and cross-tabulations over claims and sources."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.manpower import claimant_side
from helpers.data.places import place_name


def claims_by_origin_metric(claims: pd.DataFrame) -> pd.DataFrame:
    """Number of claims per origin (rows, most claims first) and metric (columns)."""
    table = pd.crosstab(claims["origin"].map(place_name), claims["metric"].astype(str))
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    table.index.name = "origin"
    table.columns.name = None
    return table.assign(total=table.sum(axis=1)).reset_index()


def sources_by_type(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources per type, split by primacy and flagged reliability/verification."""
    s = sources.assign(source_type=sources["source_type"].astype(str))
    out = s.groupby("source_type").agg(
        sources=("source_id", "count"),
        primary=("primacy", lambda x: int((x == "primary").sum())),
        secondary=("primacy", lambda x: int((x == "secondary").sum())),
        low_reliability=("reliability", lambda x: int((x == "low").sum())),
        unverified=("verification", lambda x: int((x == "unverified").sum())),
    )
    return out.sort_values("sources", ascending=False, kind="stable").reset_index()


def claims_by_side(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per claimant side and metric."""
    table = pd.crosstab(claimant_side(claims), claims["metric"].astype(str))
    table.index.name = "claimant side"
    table.columns.name = None
    return table.assign(total=table.sum(axis=1)).sort_values("total", ascending=False, kind="stable").reset_index()


def claims_per_quarter(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims stated per calendar quarter and claimant side (for the reporting-over-time figure)."""
    q = claims["stated"].dt.to_period("Q").astype(str)
    table = pd.crosstab(q, claimant_side(claims))
    table.index.name = "quarter"
    return table


def summary(claims: pd.DataFrame, sources: pd.DataFrame, parties: frozenset[str]) -> dict[str, object]:
    """Headline counts for the prose."""
    return {
        "claims": len(claims),
        "sources": len(sources),
        "cited_sources": claims["source_id"].nunique(),
        "origins": claims.loc[~claims["origin"].isin(["XFN", "RUS"]), "origin"].nunique(),
        "claimants": claims["claimant"].nunique(),
        "states_parties": len(parties),
        "first": claims["stated"].min(),
        "last": claims["stated"].max(),
        "unverified_claims": int((claims["verification"] == "unverified").sum()),
    }
