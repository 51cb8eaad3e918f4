"""Small formatting helpers so that notebook prose is rendered from the data."""

from __future__ import annotations

import html

import pandas as pd

from .citations import reference_list

NONE_TEXT = "no current estimate"


def md(text: str) -> None:
    """Display Markdown computed in a cell (figures in prose come from the data, never typed)."""
    from IPython.display import Markdown, display

    display(Markdown(text))


def num(n: float | int | None, decimals: int = 0) -> str:
    if n is None or pd.isna(n):
        return "n/a"
    return f"{n:,.{decimals}f}"


def span(r: tuple[float, float] | None, unit: str = "", decimals: int = 0) -> str:
    """'11,000–12,000 troops', or a single figure when both ends agree at that precision."""
    if r is None:
        return NONE_TEXT
    lo, hi = num(r[0], decimals), num(r[1], decimals)
    return f"{lo if lo == hi else f'{lo}–{hi}'} {unit}".strip()


def band(b, unit: str = "") -> str:
    """A band in words: '11,000–12,000', 'at least 3,000' for a floor alone, '8,000–12,000+' with an open top,
    '≤8,000–12,000' with an open bottom."""
    if b is None:
        return NONE_TEXT
    lo, hi = num(b.low), num(b.high)
    if b.high_open and b.low == b.high:
        text = f"at least {lo}"
    elif b.low_open and b.low == b.high:
        text = f"at most {hi}"
    else:
        text = ("≤" if b.low_open else "") + (lo if lo == hi else f"{lo}–{hi}") + ("+" if b.high_open else "")
    return f"{text} {unit}".strip()


def estimate_summary(est) -> str:
    """One line a specialist can sign: the band, its date and age, and the institutions behind it."""
    if est is None:
        return NONE_TEXT
    names = ", ".join(sorted(set(est.figures["claimant"].astype(str))))
    stale = f"; stale: newest figure {est.age_days} days old" if est.stale else ""
    n = est.institutions
    return f"{band(est.band)} ({n} independent institution{'s' if n != 1 else ''}: {names}{stale})"


def pct(r: tuple[float, float]) -> str:
    return f"{r[0]:.0%}–{r[1]:.0%}" if round(r[0], 2) != round(r[1], 2) else f"{r[0]:.0%}"


def day(d) -> str:
    return "n/a" if d is None or pd.isna(d) else pd.Timestamp(d).strftime("%-d %B %Y")


def table(frame: pd.DataFrame, caption: str | None = None) -> None:
    """A plain, escaped HTML table (stable across runs; no random ids)."""
    from IPython.display import HTML, display

    body = frame.to_html(index=False, escape=True, border=0, na_rep="", classes="data-table")
    cap = f"<p class='caption'><em>{html.escape(caption)}</em></p>" if caption else ""
    display(HTML(cap + body))


def references(sources: pd.DataFrame, ids) -> None:
    """The 'Sources cited' section: every source the notebook used, generated from data/sources.csv."""
    refs = reference_list(sources, ids)
    lines = [f"{i}. {r} (`{sid}`)" for i, (sid, r) in enumerate(zip(refs["source_id"], refs["reference"], strict=True), 1)]
    md(f"**{len(lines)} sources cited.**\n\n" + "\n".join(lines))
