"""Small formatting helpers so that notebook prose is rendered from the data."""

from __future__ import annotations

import html
import re
from datetime import date

import numpy as np
import pandas as pd

from helpers.presentation.citations import reference_list

NONE_TEXT = "no current estimate"


def md(text: str) -> None:
    """Display Markdown computed in a cell (figures in prose come from the data, never typed)."""
    from IPython.display import Markdown, display

    display(Markdown(text))


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def text(value) -> str:
    """A data string as literal text inside Markdown prose: every Markdown character escaped and `<`, `>`, `&` as
    entities, so a name with `*`, a backtick or an image written with backslashes stays text (data never becomes markup)."""
    plain = html.escape("" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value), quote=False)
    return _MARKDOWN.sub(r"\\\1", plain)


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
    names = ", ".join(text(n) for n in sorted(set(est.figures["claimant"].astype(str))))
    stale = f"; stale: newest figure {est.age_days} days old" if est.stale else ""
    return f"{band(est.band)} ({lineages(est.lineages)}: {names}{stale})"


def lineages(n: int) -> str:
    """'1 independent lineage', '3 independent lineages'."""
    return f"{n} independent lineage{'s' if n != 1 else ''}"


def record(when) -> str:
    """The date line of every notebook: the record's declared cut-off (or the as-of date) and the newest claim then."""
    from helpers.data import loaders as data

    return f"Record searched up to {day(when)}; newest claim {day(data.newest_claim(when))}"


def pct(r: tuple[float, float]) -> str:
    return f"{r[0]:.0%}–{r[1]:.0%}" if round(r[0], 2) != round(r[1], 2) else f"{r[0]:.0%}"


#: How a date reads to its precision; the short day ("05 Jan 2025") lines up in the site's tables.
DAY_FORMATS = {"day": "%-d %B %Y", "month": "%B %Y", "year": "%Y"}
SHORT_DAY_FORMATS = {**DAY_FORMATS, "day": "%d %b %Y"}


def day(d, precision: str = "day", short: bool = False, missing: str = "n/a") -> str:
    """A date in words to its precision: "15 January 2025" (short: "15 Jan 2025"), "January 2025" or "2025"."""
    if d is None or pd.isna(d):
        return missing
    return pd.Timestamp(d).strftime((SHORT_DAY_FORMATS if short else DAY_FORMATS)[precision])


#: Human headers for the column names the helpers return (others: underscores to spaces, first letter capitalised).
HEADERS = {
    "claimant": "Institution",
    "claimant_id": "Institution id",
    "claim_id": "Claim",
    "source_id": "Source",
    "source_ids": "Sources",
    "stated": "Stated",
    "qualifier": "Qualifier",
    "low": "Low",
    "high": "High",
    "lo": "Low",
    "hi": "High",
    "age_days": "Age (days)",
    "sets": "Sets which end",
    "per_day_low": "Per day (low)",
    "per_day_high": "Per day (high)",
    "per_day_lo": "Per day (low)",
    "per_day_hi": "Per day (high)",
    "all_lost_earliest": "Whole contingent lost (earliest)",
    "all_lost_latest": "Whole contingent lost (latest)",
    "first": "First estimate",
    "last": "Latest estimate",
    "first_reported": "First reported",
    "relation_id": "Relation",
    "period_start": "Period from",
    "refers_to": "Refers to",
    "source_actor": "From",
    "target_actor": "To",
    "origin": "Origin",
    "metric": "Metric",
    "n": "Claims",
    "claims": "Claims",
    "institutions": "Institutions",
    "newest": "Newest figure",
    "low_open": "Low open",
    "high_open": "High open",
    "takes_effect": "Takes effect",
    "entry_into_force": "Entry into force",
    "art_12_3_reaches_back_to": "Art. 12(3) reaches back to",
    "years_before_entry_into_force": "Years before entry into force",
    "other_side": "Other side",
    "ratio": "Ratio",
    "base": "Origin government",
    "base_qualifier": "Its qualifier",
    "base_stated": "Government stated",
    "base_claim": "Government claim",
    "other": "Other side's figure",
    "other_qualifier": "Other qualifier",
    "other_stated": "Other stated",
    "other_claim": "Other claim",
}
#: Columns whose values are code words (at_least, troop_deployment): shown with spaces.
CODE_VALUES = {
    "qualifier",
    "metric",
    "confirmation",
    "relation",
    "status",
    "channel",
    "sets",
    "standing",
    "scope",
    "crime",
    "source_type",
    "primacy",
    "reliability",
    "verification",
    "assessed_as",
    "supply",
    "kind",
    "instrument",
    "role",
    "killed_qualifier",
    "recruits_qualifier",
    "recruits_metric",
    "base_qualifier",
    "other_qualifier",
    "lineage",
}


def header(name) -> str:
    """A column's human header: from HEADERS, else its name with spaces and a capital first letter."""
    text = HEADERS.get(str(name), str(name).replace("_", " "))
    return text[:1].upper() + text[1:]


def _cell(value, code: bool = False) -> str:
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp | date):
        return pd.Timestamp(value).strftime("%-d %b %Y")
    if isinstance(value, int | np.integer):
        return f"{int(value):,}"
    if isinstance(value, float | np.floating):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    text = str(value)
    return text.replace("_", " ") if code else text


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` for readers: human headers, numbers with thousands separators, dates as '2 Dec 2024',
    yes/no for booleans, code words with spaces. Every value becomes text; nothing is recomputed."""
    out = pd.DataFrame({header(c): [_cell(v, str(c) in CODE_VALUES) for v in frame[c]] for c in frame.columns}, index=frame.index)
    return out


def table(frame: pd.DataFrame, caption: str | None = None, raw: bool = False) -> None:
    """An escaped HTML table with human headers and formatted values (``readable``; `raw` keeps the frame as is).
    Stable across runs; no random ids."""
    from IPython.display import HTML, display

    shown = frame if raw else readable(frame)
    body = shown.to_html(index=False, escape=True, border=0, na_rep="", classes="data-table")
    cap = f"<p class='caption'><em>{html.escape(caption)}</em></p>" if caption else ""
    display(HTML(cap + body))


def references(sources: pd.DataFrame, ids) -> None:
    """The 'Sources cited' section: every source the notebook used, generated from data/sources.csv, as escaped HTML
    (titles and publishers are data: they never become markup), folded away so the page ends on its caveats."""
    from IPython.display import HTML, display

    refs = reference_list(sources, ids)
    items = "".join(
        f"<li>{html.escape(r)} (<code>{html.escape(sid)}</code>)</li>"
        for sid, r in zip(refs["source_id"], refs["reference"], strict=True)
    )
    display(
        HTML(
            f"<details class='references'><summary><strong>{len(refs):,} sources cited</strong> (open the list)</summary>"
            f"<ol class='references'>{items}</ol></details>"
        )
    )
