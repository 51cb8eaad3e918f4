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
    groups = {k: g for k, g in latest.groupby(["origin", "metric"], observed=True)}
    rows = []
    for origin in origins:
        for metric in metrics:
            if (origin, metric) not in groups:
                continue
            by_side = og.newest_by_side(groups[(origin, metric)])
            row = {"origin": place_name(origin), "metric": metric.replace("_", " ")}
            for side in og.TABLE_SIDES:
                hit = by_side[by_side["side"] == side]
                row[side] = (
                    ""
                    if hit.empty
                    else (
                        f"{hit.iloc[0]['figure']} ({hit.iloc[0]['claimant']}, "
                        f"{hit.iloc[0]['stated']:%d %b %Y}) [{hit.iloc[0]['claim_id']}]"
                    )
                )
            rows.append(row)
    frame = pd.DataFrame(rows, columns=["origin", "metric", *og.TABLE_SIDES])
    empty = [s for s in og.TABLE_SIDES if (frame[s] == "").all()] if not frame.empty else []
    return frame.drop(columns=empty)
