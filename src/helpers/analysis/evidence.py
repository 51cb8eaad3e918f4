"""What the collection holds: counts and cross-tabulations over claims and sources, and how far each coded field
is proven by a passage read on its page (data/evidence.csv)."""

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


def evidence_by_field(evidence: pd.DataFrame) -> pd.DataFrame:
    """Per record table and coded field: how many fields a passage read on the page verifies, how many the stored
    record could not confirm, and the share verified."""
    table = pd.crosstab(
        [evidence["record_table"].astype(str), evidence["field"].astype(str)], evidence["status"].astype(str)
    ).reindex(columns=["verified", "unverified"], fill_value=0)
    table.columns.name = None
    order = {
        f: i
        for i, f in enumerate(
            ("stated", "figure", "qualifier", "scope", "metric", "institution", "first_reported", "acknowledged", "start")
        )
    }
    table = table.reset_index().rename(columns={"record_table": "table"})
    table = table.sort_values(["table", "field"], key=lambda s: s.map(order) if s.name == "field" else s, kind="stable")
    return table.assign(share_verified=table["verified"] / (table["verified"] + table["unverified"])).reset_index(drop=True)


def fully_verified(evidence: pd.DataFrame, table: str) -> pd.Series:
    """Per record of `table` (claims or relations): True when every coded field has a verified passage — the only
    sense in which the collection calls a row verified."""
    own = evidence[evidence["record_table"] == table]
    return (own["status"] == "verified").groupby(own["record_id"].astype(str)).all().rename("verified")
