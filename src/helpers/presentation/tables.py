"""Tables a reader reads: the analyses' frames with figures in words, one column per side."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import manpower as mp
from helpers.analysis import origins as og
from helpers.data.loaders import DateLike
from helpers.data.places import place_name
from helpers.presentation import report as rp
from helpers.presentation.words import with_figure_words


def country_table(
    claims: pd.DataFrame,
    origins: list[str],
    as_of: DateLike = None,
    metrics: tuple[str, ...] = ("recruited", "identified_by_name", "killed", "prisoners_held", "returned"),
) -> pd.DataFrame:
    """One row per origin and metric, one column per side: 'figure (institution, date) [claim id]';
    empty where that side has no figure. Rows where no side has a figure are left out."""
    latest = with_figure_words(og.latest_table(claims, as_of, metrics))
    newest = og.newest_by_side(latest, within=("origin", "metric"))
    cells = {
        (o, m, side): f"{figure} ({claimant}, {stated:%d %b %Y}) [{claim}]"
        for o, m, side, figure, claimant, stated, claim in zip(
            newest["origin"],
            newest["metric"],
            newest["side"],
            newest["figure"],
            newest["claimant"],
            newest["stated"],
            newest["claim_id"],
            strict=True,
        )
    }
    counted = set(zip(latest["origin"], latest["metric"], strict=True))
    rows = [
        {
            "origin": place_name(origin),
            "metric": metric.replace("_", " "),
            **{side: cells.get((origin, metric, side), "") for side in og.TABLE_SIDES},
        }
        for origin in origins
        for metric in metrics
        if (origin, metric) in counted
    ]
    frame = pd.DataFrame(rows, columns=["origin", "metric", *og.TABLE_SIDES])
    empty = [s for s in og.TABLE_SIDES if (frame[s] == "").all()] if not frame.empty else []
    return frame.drop(columns=empty)


def estimates_on_dates(metrics: list[str], estimates: list[tuple[str, dict[str, mp.RangeEstimate | None]]]) -> pd.DataFrame:
    """Per metric, one row per date (`estimates` pairs a date in words with each metric's estimate then): the range,
    the independent lineages and institutions behind it, its newest figure, and whether it is stale."""
    rows = [
        {
            "metric": m.replace("_", " "),
            "as of": label,
            "range": rp.band(est.band) if est else rp.NONE_TEXT,
            "independent lineages": est.lineages if est else 0,
            "who": ", ".join(sorted(set(est.figures["claimant"].astype(str)))) if est else "",
            "newest figure": rp.day(est.newest) if est else "",
            "stale": ("yes, " + rp.num(est.age_days) + " days") if est and est.stale else "no",
        }
        for m in metrics
        for label, est in ((label, on[m]) for label, on in estimates)
    ]
    return pd.DataFrame(rows)


def aligned_with(sides: pd.DataFrame, base: str) -> pd.DataFrame:
    """``comparisons.aligned_sides`` headed by the side it is aligned with (e.g. "Ukraine stated"), qualifiers in words."""
    return sides.assign(base_qualifier=sides["base_qualifier"].str.replace("_", " ")).rename(
        columns={
            "base": base,
            "base_qualifier": f"{base} qualifier",
            "base_stated": f"{base} stated",
            "base_claim": f"{base} claim",
        }
    )


#: Russia's own daily flows the North Korean contingent is measured against: (label, flow metric).
RUSSIAN_FLOWS = (("Russian casualties", "casualties_in_period"), ("Russian contract recruitment", "recruited_in_period"))


def contingent_in_days(claims: pd.DataFrame, as_of: DateLike = None) -> pd.DataFrame:
    """The North Korean contingent of each flow's own period as days of Russia's newest stated daily flow."""
    rows = []
    for label, metric in RUSSIAN_FLOWS:
        flow = mp.daily_rate(claims, metric, as_of)
        if flow.empty:
            continue
        f = flow.iloc[0]
        contingent = mp.estimate_from(claims, "PRK", "deployed", f["refers_to"])  # the contingent in the flow's own period
        if contingent is None:
            continue
        days = mp.in_days_of(contingent.range, (f["per_day_lo"], f["per_day_hi"]))
        rows.append(
            {
                "flow": label,
                "institution": f["claimant"],
                "period": f"{f['period_start'].date()} to {f['refers_to'].date()}",
                "per day": rp.num(f["per_day_hi"]),
                "contingent then": rp.band(contingent.band),
                "North Korean contingent in days": rp.span(days, decimals=1),
                "claim_id": f["claim_id"],
            }
        )
    return pd.DataFrame(rows)
