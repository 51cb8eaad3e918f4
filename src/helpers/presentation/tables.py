"""Tables a reader reads: the analyses' frames with figures in words, one column per side."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import origins as og
from helpers.data.loaders import DateLike
from helpers.data.places import place_name
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
    newest = latest.sort_values(["stated", "claim_id"]).groupby(["origin", "metric", "side"], sort=False).tail(1)
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
