"""Whole figures, one function each: the data a figure shows in, a finished figure (title, labels, source line and
date) out. The notebooks ask for a figure and show it; what a figure draws and says is here, once, and tested.

Titles are written from the data they head, never typed: each function computes the numbers its title states."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis import manpower as mp
from helpers.analysis import totals as tt
from helpers.analysis.force_flow import band_at
from helpers.data.places import place_name
from helpers.presentation import interactive as iv
from helpers.presentation import plotting as pl
from helpers.presentation import report as rp


def reporting_over_time(per_quarter: pd.DataFrame, when: pd.Timestamp) -> Figure:
    """Claims stated per quarter, stacked by the claimant's side (``evidence.claims_per_quarter``), the busiest quarter
    labelled; the title names it and the side that made the most claims."""
    sides = [s for s in pl.SIDE_COLOURS if s in per_quarter.columns] + [
        s for s in per_quarter.columns if s not in pl.SIDE_COLOURS
    ]
    per_q = per_quarter[sides]
    fig, ax = plt.subplots(figsize=(10, 4.4))
    bottom = None
    for side in sides:
        ax.bar(per_q.index, per_q[side], bottom=bottom, label=side, color=pl.SIDE_COLOURS.get(side, "#999999"), width=0.8)
        bottom = per_q[side] if bottom is None else bottom + per_q[side]
    totals = per_q.sum(axis=1)
    busiest = totals.idxmax()
    ax.annotate(
        f"{rp.num(totals[busiest])} claims",
        (busiest, totals[busiest]),
        xytext=(0, 4),
        textcoords="offset points",
        ha="center",
        fontsize=9,
        fontweight="bold",
    )
    ax.set_ylabel("claims stated in the quarter")
    ax.tick_params(axis="x", rotation=45, labelsize=8)
    ax.legend(fontsize=8.5, frameon=False, ncol=3, loc="upper left")
    return pl.finish(
        fig,
        f"Claims peaked in {busiest} with {rp.num(totals[busiest])}; {per_q.sum().idxmax()} made the most ({rp.num(per_q.sum().max())} of {rp.num(totals.sum())})",
        "data/claims.csv; colour: the claimant's side",
        when,
    )


def consensus(
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    band: pd.DataFrame,
    origin: str,
    metric: str,
    title: str,
    ylabel: str,
    when: pd.Timestamp,
) -> tuple[Figure, dict]:
    """The band of the lineages' current figures over time with every claim as a point (``bands.daily_band``), and its
    interactive twin (``interactive.consensus_spec``)."""
    points = mp.timeline(claims, origin, metric).merge(claims[["claim_id", "side"]], on="claim_id")
    fig, ax = plt.subplots(figsize=(10, 4.6))
    pl.consensus_chart(ax, band, points, ylabel, when)
    pl.finish(fig, title, f"data/claims.csv (origin {origin}, metric {metric}); helpers.analysis.manpower.consensus_band", when)
    return fig, iv.consensus_spec(band, points, claims, sources, title, ylabel)


def ledger(flow: pd.DataFrame, when: pd.Timestamp) -> Figure:
    """The monthly ledger of a deployment (``force_flow.ledger``): sent, present, lost and the most that can remain; the
    title states the last month's three numbers."""
    latest = flow.iloc[-1]
    fig, ax = plt.subplots(figsize=(10, 4.8))
    pl.ledger_chart(ax, flow, "North Korean troops (persons)")
    title = (
        f"North Korean troops by {latest['month']:%B %Y}: {rp.band(band_at(latest, 'sent'))} sent, {rp.band(band_at(latest, 'present'))} present, "
        f"at most {rp.num(latest['accounted_high'])} can remain"
    )
    return pl.finish(
        fig,
        title,
        "data/claims.csv (origin PRK: sent, waves, present, casualties, killed, captured, returned); helpers.analysis.force_flow.ledger",
        when,
    )


def other_origins(claims: pd.DataFrame, others: list[str], when: pd.Timestamp) -> Figure:
    """Recruited and killed side by side: each institution's latest figure per origin as a range bar, largest first,
    coloured by the claimant's side (``manpower.latest_per_origin``)."""
    fig, axes = plt.subplots(1, 2, figsize=(13, 7.5))
    shown = []
    for ax, metric in zip(axes, ["recruited", "killed"], strict=True):
        t = mp.latest_per_origin(claims, metric, others, when).merge(claims[["claim_id", "side"]], on="claim_id")
        t = t.assign(
            label=t["origin"].map(place_name),
            lo=t["lo"].fillna(t["hi"]),
            hi=t["hi"].fillna(t["lo"]),
            note=t["claimant"]
            + ", "
            + t["stated"].dt.strftime("%Y-%m-%d")
            + t["qualifier"].map({"at_least": " (at least)", "at_most": " (at most)"}).fillna(""),
        )
        t = t.sort_values(["hi", "label"], ascending=[False, True], kind="stable")  # largest figure first
        if not t.empty:
            pl.range_bars(
                ax, t, "label", "note", f"{metric} (persons, log scale)", t["side"].map(pl.SIDE_COLOURS).fillna("#777777")
            )
            shown += list(t["side"])
        ax.set_title(f"{metric}: latest figure per institution")
    pl.side_legend(fig, shown)
    countries_with = claims.loc[
        claims["origin"].isin(others) & claims["metric"].isin(["recruited", "killed"]), "origin"
    ].nunique()
    return pl.finish(
        fig,
        f"Recruits from {countries_with} other countries: each institution's latest figure, coloured by its side",
        "data/claims.csv",
        when,
    )


def foreign_totals(series: dict[str, pd.DataFrame], recruited: tt.Total, killed: tt.Total, when: pd.Timestamp) -> Figure:
    """The floors on foreigners recruited and killed (North Koreans apart) over time, as steps on a log scale, each
    labelled with its latest value (``totals.totals_over_time``)."""
    fig, ax = plt.subplots(figsize=(10, 4.2))
    for (label, frame), colour in zip(series.items(), (pl.PALETTE[0], pl.PALETTE[1]), strict=True):
        ax.step(frame["date"], frame["low"], where="post", color=colour, linewidth=1.8)
        ax.annotate(
            f"{label}: at least {rp.num(frame['low'].iloc[-1])}",
            (frame["date"].iloc[-1], frame["low"].iloc[-1]),
            xytext=(6, 0),
            textcoords="offset points",
            fontsize=8,
            va="center",
            color=colour,
        )
    ax.set_ylabel("foreigners, North Koreans apart (persons)")
    ax.set_yscale("log")
    pl.count_axis(ax)
    ax.set_xlim(right=when + pd.Timedelta(days=200))
    pl.date_axis(ax)
    return pl.finish(
        fig,
        f"At least {rp.num(recruited.low)} foreigners recruited and {rp.num(killed.low)} killed (North Koreans apart)",
        "data/claims.csv (every origin but PRK, RUS, UKR; regions.csv); helpers.analysis.totals.foreign_total, quarterly",
        when,
    )


def ranked_recruits(top: pd.DataFrame, when: pd.Timestamp) -> tuple[Figure, str]:
    """Range bars of the recruits estimate per country, largest lower end first (``origins.ranked``); the title names
    the leader and how many lineages stand behind it. Returns the figure and its title (the interactive twin reuses it)."""
    fig, ax = plt.subplots(figsize=(10, 0.32 * len(top) + 1.4))
    pl.ranked_ranges(ax, top, "recruits (persons, log scale)")
    leader = top.iloc[0] if len(top) else None
    single = leader is not None and leader["lineages"] == 1
    title = (
        f"{leader['country']} leads with {rp.band(mp.Band(int(leader['low']), int(leader['high']), bool(leader['low_open']), bool(leader['high_open'])))} recruits"
        + (
            f", a single lineage's figure ({leader['claimants']})"
            if single
            else f" ({rp.num(leader['lineages'])} independent lineages)"
        )
        if leader is not None
        else "Recruits by country"
    )
    pl.finish(
        fig,
        title,
        "data/claims.csv (estimate of recruits per country, never below its named list; helpers.analysis.origins.ranked)",
        when,
    )
    return fig, title


def named_lists(named: pd.DataFrame, when: pd.Timestamp) -> Figure:
    """How one institution's named lists of foreigners grew (``origins.named_totals``): the named and the killed, and
    the countries counted, each line labelled with its latest value."""
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.6))
    for ax, metrics, label in (
        (axes[0], ["identified_by_name", "killed"], "foreigners (persons)"),
        (axes[1], ["origin_countries"], "countries counted"),
    ):
        for m in metrics:
            rows = named[named["metric"] == m]
            if rows.empty:  # a list that never gave this figure
                continue
            ax.plot(rows["stated"], rows["value"], marker="o", color=pl.SIDE_COLOURS["Ukraine"] if m != "killed" else "#555555")
            last = rows.iloc[-1]
            ax.annotate(
                f"{m.replace('_', ' ')}: {rp.num(last['value'])}{'+' if last['qualifier'] == 'at_least' else ''}",
                (last["stated"], last["value"]),
                xytext=(-4, 6),
                textcoords="offset points",
                ha="right",
                fontsize=8,
            )
        ax.set_ylabel(label)
        ax.set_ylim(bottom=0)
        pl.date_axis(ax)
    return pl.finish(
        fig,
        "Ukraine's named lists of foreigners fighting for Russia kept growing",
        "data/claims.csv (institution ukr-pow-hq, origin XFN)",
        when,
    )


def reach_timeline(timelines: pd.DataFrame, places: list[tuple[str, list[str]]], crime_words: str, when: pd.Timestamp) -> Figure:
    """When the Court could reach each group's conduct, one panel per place, coloured yes, no or contested
    (``legal.merged_timelines`` over ``legal.reach_periods``)."""
    fig, axes = plt.subplots(len(places), 1, figsize=(9.5, 7.6), sharex=True)
    for ax, (place, _) in zip(axes, places, strict=True):
        pl.reach_bars(ax, timelines, place, pl.STATUS_COLOURS)
    axes[-1].set_xlabel("date of the conduct")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in pl.STATUS_COLOURS.values()]
    axes[0].legend(
        handles, list(pl.STATUS_COLOURS), fontsize=7, frameon=False, loc="lower right", bbox_to_anchor=(1.0, 1.02), ncol=3
    )
    return pl.finish(
        fig,
        f"{crime_words}: when could the ICC reach each group?",
        "helpers.analysis.legal.reach_periods over data/states_parties.csv and data/declarations.csv",
        when,
    )


#: Column heads of the exposure grid: crimes in two short lines, places in words.
CRIME_HEADS = {
    "genocide": "geno-\ncide",
    "crimes_against_humanity": "against\nhumanity",
    "war_crimes": "war\ncrimes",
    "aggression": "aggres-\nsion",
}
PLACE_HEADS = {"in Ukraine": "in Ukraine", "in Russia": "in Russia", "across the border": "Russia → Ukraine"}


def exposure_grids(matrix: pd.DataFrame, periods: list[tuple[str, pd.Timestamp]], when: pd.Timestamp) -> Figure:
    """One grid per period of yes, no and contested by group, place and crime (``legal.exposure_matrix``); the title
    counts the cells the Court reaches in Ukraine and in Russia on the last period."""
    fig, axes = plt.subplots(len(periods), 1, figsize=(11, 5.75 * len(periods)), squeeze=False)
    for ax, (label, _) in zip(axes[:, 0], periods, strict=True):
        sub = matrix[matrix["period"] == label]
        grid = sub.pivot_table(index="group", columns=["place", "crime"], values="status", aggfunc="first", sort=False)
        grid.columns = pd.MultiIndex.from_tuples([(PLACE_HEADS[p], CRIME_HEADS[c]) for p, c in grid.columns])
        pl.status_grid(ax, grid)
        ax.set_xlabel(f"as of {label}", fontsize=10, fontweight="bold", loc="left")
    latest_cells = matrix[matrix["period"] == periods[-1][0]]
    yes_by_place = latest_cells[latest_cells["status"] == "yes"].groupby("place").size().reindex(list(PLACE_HEADS), fill_value=0)
    n_by_place = latest_cells.groupby("place").size().reindex(list(PLACE_HEADS), fill_value=0)
    return pl.finish(
        fig,
        f"The ICC reaches {rp.num(yes_by_place['in Ukraine'])} of {rp.num(n_by_place['in Ukraine'])} group–crime cells in Ukraine, "
        f"{rp.num(yes_by_place['in Russia'])} of {rp.num(n_by_place['in Russia'])} in Russia",
        "helpers.analysis.legal.exposure_matrix over data/states_parties.csv, declarations.csv and aggression_amendments.csv",
        when,
    )


def partnership_facets(graph, partners: int, names: dict[str, str], when: pd.Timestamp) -> Figure:
    """The partnership network as small multiples, one panel per kind of relation on the same node positions
    (``plotting.network_facets``); the title counts the partners and names the most common tie."""
    kinds = sorted({d["relation"] for _, _, d in graph.edges(data=True)})
    per_kind = {k: len({d["relation_id"] for _, _, d in graph.edges(data=True) if d["relation"] == k}) for k in kinds}
    cols = 3
    rows = -(-len(kinds) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(11, 3.7 * rows))
    pl.network_facets(axes.ravel(), graph, kinds, names=names)
    biggest = max(per_kind, key=lambda k: (per_kind[k], k))
    return pl.finish(
        fig,
        f"{rp.num(partners)} partners supply Russia's war; {biggest.replace('_', ' ')} is the most common tie ({rp.num(per_kind[biggest])})",
        "data/relations.csv, data/actors.csv; one panel per kind of relation; arrow: gives to / acts toward; dashed: media reports only",
        when,
    )


def network_snapshots(snapshots: dict, names: dict[str, str], when: pd.Timestamp) -> Figure:
    """The network as known on each of several dates, one panel each, titled with its date and its edges."""
    fig, axes = plt.subplots(1, len(snapshots), figsize=(4 * len(snapshots), 4.2))
    axes = [axes] if len(snapshots) == 1 else axes
    for ax, (d, graph) in zip(axes, snapshots.items(), strict=True):
        pl.network_plot(ax, graph, legend=False, names=names)
        ax.set_title(f"{rp.day(d)}: {graph.number_of_edges()} edges")
    return pl.finish(fig, "The network at four dates, as known on each date", "data/relations.csv", when)


def relations_timeline(relations: pd.DataFrame, since: pd.Timestamp, when: pd.Timestamp) -> Figure:
    """Each relation from its first report to its end, coloured by the confirmation that held (``plotting.relation_timeline``)."""
    fig, ax = plt.subplots(figsize=(11, max(4, 0.22 * len(relations))))
    pl.relation_timeline(ax, relations, when, since=since)
    return pl.finish(fig, "When each relation was first reported, and when it was acknowledged", "data/relations.csv", when)


def origins_map(rings: dict, classes: dict[str, str | None], countries: list[str], when: pd.Timestamp) -> Figure:
    """The origin countries shaded by the lower end of their recruits estimate, each a link to its page."""
    fig, ax = plt.subplots(figsize=(11, 5.6))
    pl.origin_map(ax, rings, classes, links={o: f"countries/{o}.html" for o in countries})
    return pl.finish(
        fig,
        f"Russia's foreign recruits come from at least {len(countries)} countries",
        "data/claims.csv (lower end of each country's recruits estimate, never below its named list; helpers.analysis.origins.ranked); boundaries: Natural Earth via world-atlas",
        when,
    )
