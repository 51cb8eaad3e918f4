"""Ratios a specialist can sign: deaths per recruit within one lineage, and two sides' counts of the same people
at aligned dates.

Why: a ratio of one lineage's dead to another lineage's recruits divides two different countings (a named list of
the dead by an intelligence estimate of recruits); a government's count of 2024 against Ukraine's list of 2026
measures time, not disagreement. So deaths per recruit are taken lineage by lineage, each dated, and sides are
compared only on the same metric within a stated number of days.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.manpower import _accepted, _bounds, _lineage, claimant_side
from helpers.data.loaders import DateLike, to_date

#: Two figures are compared only when stated within this many days of each other.
ALIGN_DAYS = 120
#: Recruit metrics, in order of preference: a count of recruits, else the named (a floor of the recruited).
RECRUIT_METRICS = ("recruited", "identified_by_name")


def _whole(claims: pd.DataFrame, when: pd.Timestamp, metrics) -> pd.DataFrame:
    keep = claims["metric"].isin(list(metrics)) & (claims["scope"] == "total") & (claims["stated"] <= when) & _accepted(claims)
    sel = _bounds(claims[keep])
    return sel.assign(value=sel["lo"].fillna(sel["hi"]), lin=_lineage(sel).astype(str))


def _figure(name: str, row: pd.Series) -> dict:
    """One side of a comparison as stated: its figure, the qualifier next to it and the day it was stated."""
    return {name: int(row["value"]), f"{name}_qualifier": row["qualifier"], f"{name}_stated": row["stated"]}


def deaths_per_recruit(claims: pd.DataFrame, as_of: DateLike = None) -> pd.DataFrame:
    """Per origin and lineage holding both: its newest count of the dead over its newest count of recruits (or of
    the named, when it gives no count of recruits), with both dates and the days between them. Within one lineage
    the two counts share a method; across lineages no ratio is taken."""
    when = to_date(as_of)
    dead = _whole(claims, when, ["killed"])
    recruits = _whole(claims, when, RECRUIT_METRICS)
    rows = []
    for (origin, lin), d in dead.groupby(["origin", "lin"], sort=True):
        r = recruits[(recruits["origin"] == origin) & (recruits["lin"] == lin)]
        if r.empty:
            continue
        metric = next(m for m in RECRUIT_METRICS if (r["metric"] == m).any())
        r = r[r["metric"] == metric].sort_values(["stated", "claim_id"]).iloc[-1]
        d = d.sort_values(["stated", "claim_id"]).iloc[-1]
        if not r["value"]:
            continue
        rows.append(
            dict(
                origin=origin,
                lineage=lin,
                **_figure("killed", d),
                **_figure("recruits", r),
                recruits_metric=metric,
                days_apart=abs(int((d["stated"] - r["stated"]).days)),
                killed_per_100=round(100 * float(d["value"]) / float(r["value"]), 1),
                claim_ids=f"{d['claim_id']};{r['claim_id']}",
            )
        )
    cols = [
        "origin",
        "lineage",
        "killed",
        "killed_qualifier",
        "killed_stated",
        "recruits",
        "recruits_metric",
        "recruits_qualifier",
        "recruits_stated",
        "days_apart",
        "killed_per_100",
        "claim_ids",
    ]
    out = pd.DataFrame(rows, columns=cols)
    if out.empty:  # typed like a found one, so that callers' date accessors work on no rows
        out = out.astype({c: "datetime64[ns]" for c in ("killed_stated", "recruits_stated")})
    return out.sort_values(["killed_per_100", "origin"], ascending=[False, True]).reset_index(drop=True)


def aligned_sides(
    claims: pd.DataFrame, metrics, as_of: DateLike = None, days: int = ALIGN_DAYS, base_side: str = "Origin government"
) -> pd.DataFrame:
    """For each origin and metric: the newest figure of `base_side` that another side matched on the same metric
    within `days`, the nearest such figure of each other side, and other over base (each as stated)."""
    when = to_date(as_of)
    sel = _whole(claims, when, metrics)
    sel = sel.assign(side=claimant_side(sel))
    rows = []
    for (origin, metric), own in sel.groupby(["origin", "metric"], sort=True, observed=True):
        base = own[own["side"] == base_side].sort_values(["stated", "value", "claim_id"], ascending=[False, False, True])
        others = own[own["side"] != base_side]
        if base.empty or others.empty:
            continue
        for _, b in base.iterrows():
            gap = (others["stated"] - b["stated"]).abs().dt.days
            near = others[gap <= days].assign(gap=gap[gap <= days])
            if near.empty:
                continue
            for side, o in near.sort_values(["gap", "claim_id"]).groupby("side", sort=True):
                o = o.iloc[0]
                rows.append(
                    dict(
                        origin=origin,
                        metric=metric,
                        **_figure("base", b),
                        base_claim=b["claim_id"],
                        other_side=side,
                        **_figure("other", o),
                        other_claim=o["claim_id"],
                        days_apart=int(o["gap"]),
                        ratio=round(float(o["value"]) / float(b["value"]), 2) if b["value"] else float("nan"),
                    )
                )
            break
    cols = [
        "origin",
        "metric",
        "base",
        "base_qualifier",
        "base_stated",
        "base_claim",
        "other_side",
        "other",
        "other_qualifier",
        "other_stated",
        "other_claim",
        "days_apart",
        "ratio",
    ]
    return pd.DataFrame(rows, columns=cols)
