"""The paragraphs a notebook's sections say, written from the data: each takes what the analysis computed and returns
Markdown, so a notebook asks for its prose as it asks for a figure, and no figure in prose is ever typed.

Each paragraph stands under the table or chart it reads; its numbers are the ones that table shows.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import force_flow as ff
from helpers.analysis import manpower as mp
from helpers.analysis import totals as tt
from helpers.data.places import place_name
from helpers.presentation import report as rp


def _plural(n: int, word: str) -> str:
    return f"{rp.num(n)} {word}{'s' if n != 1 else ''}"


def dprk_personnel(
    now: dict[str, mp.RangeEstimate | None],
    then: dict[str, mp.RangeEstimate | None],
    when: pd.Timestamp,
    earlier: pd.Timestamp,
    sent: mp.Band | None,
    sent_lineages: int,
) -> str:
    """The North Korean contingent in four lines, now and on an earlier date: present, sent in total (not present),
    casualties and killed, each with the institutions behind it."""
    return f"""- **Deployed.** As of {rp.day(when)}: **{rp.estimate_summary(now["deployed"])}**. As of {rp.day(earlier)}: **{rp.estimate_summary(then["deployed"])}**.
- **Sent in total** (troops dispatched since the deployment began; not troops present). Newest stated total: {rp.estimate_summary(now["sent"])};
  with the waves reported after it, **{rp.band(sent)}** by {rp.day(when)} ({_plural(sent_lineages, "lineage")}; see the ledger below).
- **Casualties (killed and wounded).** {rp.estimate_summary(now["casualties"])}; as of {rp.day(earlier)}: {rp.estimate_summary(then["casualties"])}.
- **Killed.** {rp.estimate_summary(now["killed"])}; as of {rp.day(earlier)}: {rp.estimate_summary(then["killed"])}."""


def sent_not_present(month: pd.Series) -> str:
    """A ledger month read as a reconciliation: troops sent, minus the dead, the captured and those gone home, bound
    what can still be there; the difference from the figures of troops present is what no figure accounts for."""
    sent, present = ff.band_at(month, "sent"), ff.band_at(month, "present")
    accounted, present_high = month["accounted_high"], month["present_high"]
    gap = (accounted - present_high) if pd.notna(accounted) and pd.notna(present_high) else None
    text = f"""**Sent is not present.** By {rp.day(month["month"])} the lineages that count waves put the troops sent at
    **{rp.band(sent)}** ({_plural(month["sent_lineages"], "lineage")}; waves are added only within one
    lineage). Taking out at least {rp.num(month["killed_low"])} killed, {rp.num(month["captured"])} captured and {rp.num(month["returned"])}
    reported returned home leaves **at most {rp.num(accounted)}** who can still be in Russia, against **{rp.band(present)}**
    present on the newest figures ({"stale" if month["present_stale"] else "current"})."""
    if gap and gap > 0:
        text += f""" The difference, {rp.num(gap)}, is what no figure
    accounts for: rotations home, wounded evacuated beyond those reported, or waves smaller than announced."""
    return text


def loss_projection(rates: pd.DataFrame) -> str:
    """The arithmetic behind "the whole contingent lost by …": the fastest lineage's casualties a day against the
    contingent present on the day of its latest figure, and why such a date measures intensity, not a forecast."""
    fastest = rates.sort_values("per_day_high", ascending=False).iloc[0]
    held = (
        mp.Band(int(fastest["contingent_low"]), int(fastest["contingent_high"])) if pd.notna(fastest["contingent_low"]) else None
    )
    lost_by = (
        rp.day(fastest["all_lost_earliest"])
        if fastest["all_lost_earliest"] == fastest["all_lost_latest"]
        else rp.day(fastest["all_lost_earliest"]) + " to " + rp.day(fastest["all_lost_latest"])
    )
    return f"""**The arithmetic behind "the whole contingent lost by …" projections.** Between {rp.day(fastest["first"])} and
{rp.day(fastest["last"])}, the {rp.text(fastest["lineage"])} lineage's figures imply {rp.span((fastest["per_day_low"], fastest["per_day_high"]))}
casualties a day. At that pace the {rp.band(held)} present on {rp.day(fastest["last"])} (the same date, never a later stock) would be
entirely killed or wounded by {lost_by}, if no reinforcements came and the pace held; neither assumption held for long, which is why
such projections measure intensity, not a forecast."""


def foreign_totals(recruited: tt.Total, killed: tt.Total, contracts: pd.DataFrame) -> str:
    """The floors on foreign recruits and foreign dead: what sets each, how much rests on a single lineage, and the
    recruited floor in days of Russia's own contract recruitment at its newest stated pace."""
    single = recruited.by_origin[recruited.by_origin["lineages"] <= 1]
    top = single.iloc[0] if not single.empty else None
    basis = recruited.low_basis + (
        "" if recruited.low_basis.startswith("sum of") else f"; {rp.num(recruited.countries)} countries with a figure"
    )
    text = f"""- **Recruited**: at least **{rp.num(recruited.low)}** ({basis}). Of the countries' sum, {rp.num(recruited.single_lineage)} rests on countries whose figure comes from a single lineage"""
    if top is not None:
        text += f""", the largest {rp.text(place_name(top["origin"]))} ({rp.num(top["low"])}{"+" if top["high_open"] else ""})"""
    text += f""".
- **Killed**: at least **{rp.num(killed.low)}** ({killed.low_basis}); the countries' own floors sum to {rp.num(killed.by_origin["low"].sum())}."""
    if not contracts.empty:
        pace = contracts.iloc[0]
        text += f"""
- **Against Russia's own intake**: the recruited floor equals {rp.num(recruited.low / pace["per_day_hi"], 0)} days of Russia's
  contract recruitment at its newest stated pace ({rp.num(pace["per_day_hi"])} a day, {rp.text(pace["claimant"])},
  {rp.day(pace["period_start"])} to {rp.day(pace["refers_to"])}, claim {pace["claim_id"]})."""
    return text


def contingent_in_days(rows: pd.DataFrame) -> str:
    """The North Korean contingent of a flow's period as days of Russia's casualties (and of its contract
    recruitment), from ``tables.contingent_in_days``; why its value lay elsewhere."""
    first = rows.iloc[0]
    recruitment = (
        ""
        if len(rows) < 2
        else f" and **{rows.iloc[1]['North Korean contingent in days']} days** of Russian contract recruitment"
    )
    return f"""At the newest rates in the data, the whole North Korean contingent of that period ({first["contingent then"]}) equals
**{first["North Korean contingent in days"]} days** of Russian casualties{recruitment}.
Its value to Russia lay less in its size than in its timing (the Kursk counter-offensive) and in what it signalled."""


def withdrawals(picture: pd.DataFrame) -> str:
    """Each withdrawal in one line: notified (and when Art. 127(1) makes it take effect, with any reported reversal
    left unapplied until a source confirms it) or only announced or enacted at home."""
    lines = []
    for r in picture.itertuples():
        if pd.notna(r.notified):
            reversal = (
                f" A reversal is reported ({r.reported_reversal}); no source read confirms it, so it is not applied."
                if r.reported_reversal
                else ""
            )
            lines.append(
                f"- **{r.name}** notified on {rp.day(r.notified)}; under Art. 127(1) that takes effect on {rp.day(r.takes_effect)}: {r.standing}."
                + reversal
            )
        else:
            steps = (
                f"announced withdrawal on {rp.day(r.announced)}" if pd.notna(r.announced) else "",
                f"passed a domestic act on {rp.day(r.domestic_act)}" if pd.notna(r.domestic_act) else "",
            )
            lines.append(f"- **{r.name}** {' and '.join(x for x in steps if x)}; {r.standing}.")
    return "\n".join(lines)


def reaching_back(accessions: pd.DataFrame) -> str:
    """How far back each new party's Art. 12(3) declaration reaches before its entry into force (Art. 11(2))."""
    back = accessions.dropna(subset=["art_12_3_reaches_back_to"])
    return (
        "; ".join(
            f"**{r.name}**'s Art. 12(3) declaration reaches back to {rp.day(r.art_12_3_reaches_back_to)}, "
            f"{r.years_before_entry_into_force:g} years before its entry into force on {rp.day(r.entry_into_force)}"
            for r in back.itertuples()
        )
        + "."
    )
