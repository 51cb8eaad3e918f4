"""Figures and qualifiers in words: one home for how a claim's figure reads ('about 10,000', 'at least 3,000',
'11,000–12,000') on pages, in tables, charts and search results. Bands of an estimate read through `report.band`."""

from __future__ import annotations

import pandas as pd

#: How each qualifier reads beside its figure, and in a chart legend.
QUALIFIER_WORDS = {"exact": "exactly", "about": "about", "at_least": "at least", "at_most": "at most", "range": "range"}
_PREFIX = {"about": "about ", "at_least": "at least ", "at_most": "at most "}


def figure_words(qualifier: str, lo, hi) -> str:
    """'about 10,000', 'at least 3,000', '11,000–12,000' from a claim's qualifier and bounds ('no figure' without one)."""
    lo = None if lo is None or pd.isna(lo) else int(lo)
    hi = None if hi is None or pd.isna(hi) else int(hi)
    if lo is not None and hi is not None and lo != hi:
        return f"{lo:,}–{hi:,}"
    value = lo if lo is not None else hi
    if value is None:
        return "no figure"
    return f"{_PREFIX.get(str(qualifier), '')}{value:,}"


def with_figure_words(claims: pd.DataFrame) -> pd.DataFrame:
    """`claims` with a `figure` column: each row's figure in words."""
    words = [figure_words(str(q), lo, hi) for q, lo, hi in zip(claims["qualifier"], claims["low"], claims["high"], strict=True)]
    return claims.assign(figure=pd.Series(words, index=claims.index, dtype="string"))
