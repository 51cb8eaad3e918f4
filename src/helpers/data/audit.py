"""Rows a person should re-read: coding that the words of a claim's own quote call into question.

Validation rejects what is certainly wrong; the audit lists what is probably wrong — a quote
that says "currently" on a cumulative count, "wave" or "sappers" on a figure coded as the whole
contingent, a figure the quote does not contain, a relay coded as its own claimant. A reviewer
who has checked a flagged row against its page writes ``[reviewed: <flag>]`` into the row's
``verification``; the audit then lists it as reviewed, not as open. ``python -m helpers audit``
exits non-zero while any flag is open, so CI keeps the data reviewed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from helpers.data.stated_numbers import numbers_in

FLAGS: dict[str, str] = {
    "tense-on-cumulative": "the quote speaks of a present state (currently, remain, serving, still) but the metric is a cumulative count",
    "part-word-on-total": "the quote names a part of the contingent (wave, unit, battalion, sappers, reservists...) but scope is total",
    "figure-not-in-quote": "a bound of the claim does not appear in its own quote",
    "stated-after-published": "the claimant is dated after the page that reports it",
    "two-figures-one-day": "the same institution gives two different figures for the same origin and metric on one day",
    "relay-as-claimant": "the claimant is an outlet whose own words say it relays someone else (citing, via, summary of...)",
    "hedge-word-on-exact": "the quote hedges the figure (about, nearly, more than, up to, около, plus de, 약...) but the qualifier is exact",
    "floor-word-on-ceiling": "the quote reads as a floor (more than, at least, over...) but the qualifier is at most",
    "ceiling-word-on-floor": "the quote reads as a ceiling (up to, as many as, no more than...) but the qualifier is at least",
    "rounded-figure-exact": "a round figure (a multiple of 1,000) is coded exact: most such figures are estimates",
    "named-list-not-floor": "a named list's count of the killed or recruited is a floor by construction, but the qualifier is not at least",
    "group-word-on-total": "the quote speaks of a group (a group of, among them, of them...) but scope is total",
    "first-of-month-at-day": "stated on the 1st of a month with day precision: often a month standing in for the day",
    "composite-repeats-a-claim": "a composite (an outlet's summary) repeats a figure an institution's own claim already carries",
}

_TENSE = re.compile(r"\b(currently|remain(?:s|ing)?|still (?:serving|fighting|in)|serving|are (?:now )?fighting)\b", re.I)
_PART = re.compile(
    r"\b(waves?|units?|battalions?|brigades?|sappers?|deminers?|engineers?|builders?|construction|reservists?|"
    r"officers?|rotation|additional(?:ly)?|more troops)\b",
    re.I,
)
_RELAY = re.compile(r"\b(citing|as reported by|via|summary of|according to)\b", re.I)
# Words next to a figure that decide its qualifier, in the languages of the quotes (one home: the audit reads them).
_HEDGE = re.compile(
    r"\b(about|around|some|approximately|roughly|nearly|almost|estimated|an estimated|up to|as many as|more than|over|"
    r"at least|in excess of|upwards of|около|примерно|почти|более|свыше|не менее|порядка|понад|близько|майже|щонайменше|"
    r"приблизно|понад|environ|près de|plus de|au moins|presque|quelque|cerca de|unos|unas|más de|al menos|"
    r"aproximadamente|casi|mais de|pelo menos|quase|cerca|rund|etwa|mehr als|mindestens|fast|oltre|circa)\b|약|여\s*명|이상|최소|가량|여명",
    re.I,
)
_FLOOR_WORDS = re.compile(
    r"\b(more than|over|at least|in excess of|upwards of|более|свыше|не менее|понад|щонайменше|plus de|au moins|"
    r"más de|al menos|mais de|pelo menos|mehr als|mindestens|oltre)\b|이상|최소|\d\+",
    re.I,
)
_CEILING_WORDS = re.compile(
    r"\b(up to|as many as|no more than|at most|fewer than|less than|до|не более|jusqu'à|hasta|até|bis zu)\b", re.I
)
_GROUP = re.compile(r"\b(a group of|group of|among them|of them|of whom|some of)\b", re.I)
_REVIEWED = re.compile(r"\[reviewed: ([a-z-]+(?:, ?[a-z-]+)*)\]")


@dataclass(frozen=True)
class Finding:
    claim_id: str
    line: int
    flag: str
    reviewed: bool

    def __str__(self) -> str:
        state = "reviewed" if self.reviewed else "OPEN"
        return f"data/claims.csv, line {self.line}, {self.claim_id}: [{state}] {self.flag}: {FLAGS[self.flag]}"


def _qualifier_flags(row, quote: str, named_lists: set[str]) -> list[str]:
    """The words next to the figure against its qualifier (a reviewer decides; the words are evidence, not proof)."""
    flags = []
    if row.qualifier == "exact" and _HEDGE.search(quote):
        flags.append("hedge-word-on-exact")
    if row.qualifier == "at_most" and _FLOOR_WORDS.search(quote) and not _CEILING_WORDS.search(quote):
        flags.append("floor-word-on-ceiling")
    if row.qualifier == "at_least" and _CEILING_WORDS.search(quote) and not _FLOOR_WORDS.search(quote):
        flags.append("ceiling-word-on-floor")
    if row.qualifier == "exact" and not pd.isna(row.low) and int(row.low) >= 1000 and int(row.low) % 1000 == 0:
        flags.append("rounded-figure-exact")
    if str(getattr(row, "lineage_id", "")) in named_lists and row.metric != "identified_by_name" and row.qualifier != "at_least":
        flags.append("named-list-not-floor")
    return flags


def _composites(claims: pd.DataFrame) -> list[int]:
    """Positions of composites whose figure an accepted claim on the same origin and metric already carries (within 60 days)."""
    own = claims[claims["standing"] == "accepted"]
    hits = []
    for pos, row in enumerate(claims.itertuples(index=False)):
        if row.standing != "composite":
            continue
        same = own[
            (own["origin"] == row.origin)
            & (own["metric"] == row.metric)
            & (own["low"].astype("string").fillna("") == ("" if pd.isna(row.low) else str(row.low)))
            & (own["high"].astype("string").fillna("") == ("" if pd.isna(row.high) else str(row.high)))
            & ((own["stated"] - row.stated).abs().dt.days <= 60)
        ]
        if not same.empty:
            hits.append(pos)
    return hits


def _flags(claims: pd.DataFrame, sources: pd.DataFrame, lineages: pd.DataFrame | None = None) -> dict[int, list[str]]:
    """Flag names per row position of `claims`."""
    out: dict[int, list[str]] = {i: [] for i in range(len(claims))}
    published = sources.set_index("source_id")["published"]
    named_lists = set(lineages.loc[lineages["method"] == "named_list", "lineage_id"]) if lineages is not None else set()
    for i, row in enumerate(claims.itertuples(index=False)):
        quote = str(row.quote)
        if row.metric_kind == "cumulative" and _TENSE.search(quote):
            out[i].append("tense-on-cumulative")
        if row.scope == "total" and _PART.search(quote):
            out[i].append("part-word-on-total")
        stated_numbers = numbers_in(quote)
        for bound in (row.low, row.high):
            if not pd.isna(bound) and int(bound) not in stated_numbers:
                out[i].append("figure-not-in-quote")
                break
        pub = published.get(row.source_id)
        if pub is not None and not pd.isna(pub) and row.stated > pub:
            out[i].append("stated-after-published")
        if row.claimant_kind == "media" and _RELAY.search(str(row.speaker)):
            out[i].append("relay-as-claimant")
        out[i] += _qualifier_flags(row, quote, named_lists)
        if row.scope == "total" and _GROUP.search(quote):
            out[i].append("group-word-on-total")
        if row.stated.day == 1 and getattr(row, "stated_precision", "day") == "day":
            out[i].append("first-of-month-at-day")
    accepted = claims[(claims["scope"] == "total") & (claims["standing"] == "accepted")]
    keys = ["claimant_id", "origin", "metric", "stated", "period_start", "location"]
    figures = accepted.assign(
        fig=accepted["low"].astype("string").fillna("") + "-" + accepted["high"].astype("string").fillna("")
    )
    clash = figures.groupby(keys, dropna=False, observed=True)["fig"].transform("nunique") > 1
    for pos in claims.index.get_indexer(figures.index[clash]):
        out[int(pos)].append("two-figures-one-day")
    for pos in _composites(claims):
        out[pos].append("composite-repeats-a-claim")
    return out


def audit(
    claims: pd.DataFrame, sources: pd.DataFrame, lines: list[int] | None = None, lineages: pd.DataFrame | None = None
) -> list[Finding]:
    """Every flag on every claim, with whether a reviewer has marked it as checked.

    `claims` as returned by ``helpers.data.claims`` (with ``metric_kind`` and ``claimant_kind``);
    `lines` gives each row's line in the CSV (default: header + position)."""
    claims = claims.reset_index(drop=True)
    lines = lines or [i + 2 for i in range(len(claims))]
    findings = []
    for i, flags in _flags(claims, sources, lineages).items():
        marks = _REVIEWED.findall(str(claims.at[i, "verification"]))
        reviewed = {f.strip() for m in marks for f in m.split(",")}
        findings += [Finding(str(claims.at[i, "claim_id"]), lines[i], f, f in reviewed) for f in flags]
    return findings


def run(show_reviewed: bool = False) -> int:
    """Print the audit of data/ (open flags, or all with `show_reviewed`); 1 while any flag is open."""
    from helpers.data.loaders import claims, load, sources
    from helpers.data.schema import DATA_DIR, load_package
    from helpers.data.validation import read_table

    raw, _ = read_table(load_package().resource("claims"), DATA_DIR)
    by_id = {row["claim_id"]: line for row, line in zip(raw.rows, raw.lines, strict=True)}
    frame = claims()
    findings = audit(frame, sources(), [by_id[c] for c in frame["claim_id"]], load("lineages"))
    open_ = [f for f in findings if not f.reviewed]
    for f in findings if show_reviewed else open_:
        print(f)
    print(f"audit: {len(frame)} claims, {len(findings)} flags, {len(findings) - len(open_)} reviewed, {len(open_)} open")
    return 1 if open_ else 0
