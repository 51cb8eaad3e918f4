"""One house style for every figure: labelled axes with units, a dated source line, and
deterministic output (PNG inline; SVG and PNG files under $FIGURES_DIR when the build asks)."""

from __future__ import annotations

import base64
import io
import os
import re
import textwrap
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from helpers.presentation.words import QUALIFIER_WORDS  # noqa: E402

PALETTE = [
    "#1b6ca8",
    "#d1495b",
    "#edae49",
    "#00798c",
    "#66a182",
    "#8d6a9f",
    "#2e4057",
    "#c16e2f",
    "#7a9e7e",
    "#b8336a",
    "#3c6e71",
    "#a05195",
]
STATUS_COLOURS = {"yes": "#d1495b", "contested": "#edae49", "no": "#cfd8dc"}
#: One colour per claimant side, the same meaning in every chart (Okabe-Ito, safe for colour-blind readers).
SIDE_COLOURS = {
    "Ukraine": "#0072B2",
    "Russia": "#D55E00",
    "Origin government": "#E69F00",
    "Other governments": "#009E73",
    "International bodies": "#56B4E9",
    "Independent (media, research)": "#CC79A7",
}
#: Marker per qualifier, one each: a floor points up, a ceiling down, an exact count is a dot, an approximate one a square.
QUALIFIER_MARKERS = {"exact": "o", "about": "s", "range": "D", "at_least": "^", "at_most": "v"}
DPI = 110

plt.rcParams.update(
    {
        "svg.hashsalt": "foreign-manpower",
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#e5e5e5",
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
    }
)


def plain(text) -> str:
    """Data text as a Matplotlib label shows it literally: `$` escaped (no mathtext, which would
    fail or change the text), control characters (invalid in SVG) replaced by U+FFFD."""
    value = "".join(ch if ch.isprintable() or ch == "\n" else "\ufffd" for ch in str(text))
    return value.replace("$", r"\$")


def colour_for(labels: Sequence[str]) -> dict[str, str]:
    """A stable colour per label (sorted, so the same label gets the same colour everywhere)."""
    return {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(sorted(set(labels)))}


def finish(fig: Figure, title: str, source: str, as_of: pd.Timestamp | str) -> Figure:
    """Title and a footer naming the sources and the data date; every figure gets both."""
    date = pd.Timestamp(as_of).date().isoformat()
    heading = fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    fig.text(
        0.01,
        0.005,
        f"Source: {source}. Data as of {date}. Foreign manpower collection, CC BY 4.0.",
        fontsize=7,
        color="#555555",
        ha="left",
        va="bottom",
        wrap=True,
    )
    if fig.axes and not any(ax.axison for ax in fig.axes):
        # panels without axes (network small multiples): nothing for tight_layout to measure but titles,
        # so fixed margins give the same page and skip its cost (a text-extent pass over every panel)
        height = fig.get_figheight()  # inches: the title 0.15 in from the top, 0.9 in above the panels (their own titles
        # sit between), 0.3 in for the source line
        heading.set(y=1 - 0.15 / height, va="top")
        fig.subplots_adjust(left=0.01, right=0.99, bottom=0.3 / height, top=1 - 0.9 / height, wspace=0.04, hspace=0.22)
    else:
        fig.tight_layout(rect=(0, 0.04, 1, 0.95))
    return fig


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def show(fig: Figure, name: str, alt: str, interactive: dict | None = None) -> None:
    """Display `fig` inline as PNG with `alt` as its text, export SVG and PNG when
    $FIGURES_DIR is set (the build sets it), then close the figure. `interactive` (a Vega-Lite spec
    from ``helpers.presentation.interactive``) travels with the PNG; the site renders it, the notebook shows the PNG."""
    from IPython.display import display

    png = io.BytesIO()
    fig.savefig(png, format="png", metadata={"Software": None})
    out = os.environ.get("FIGURES_DIR")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        stem = Path(out) / slugify(name)
        fig.savefig(stem.with_suffix(".svg"), format="svg", metadata={"Date": None, "Creator": None})
        stem.with_suffix(".png").write_bytes(png.getvalue())
    plt.close(fig)
    bundle = {"image/png": base64.b64encode(png.getvalue()).decode(), "text/plain": f"[Figure: {alt}]"}
    if interactive is not None:
        bundle["application/vnd.helpers.claims-chart+json"] = interactive
    display(bundle, raw=True, metadata={"image/png": {"alt": alt, "name": slugify(name)}})


def count_axis(ax, axis: str = "y") -> None:
    """Counts written out with thousands separators (also on a log scale, where Matplotlib would write 10^4)."""
    fmt = matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}")
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def date_axis(ax) -> None:
    """Dates on the x axis, concise and never crowded (3 to 8 ticks)."""
    locator = matplotlib.dates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))


def step_timeline(ax, steps: pd.DataFrame, end: pd.Timestamp, ylabel: str, hold_days: int | None = None) -> None:
    """Each claimant's estimate as a step that holds until its next claim (the last one for
    `hold_days`, the staleness window, or to `end`); ranges shaded, low bound dashed."""
    colours = colour_for(steps["claimant"])
    handles, labels = [], []
    for claimant, rows in steps.groupby("claimant", sort=True):
        c = colours[claimant]
        for r in rows.itertuples():
            last = end if hold_days is None else min(end, r.stated + pd.Timedelta(days=hold_days))
            stop = r.until if pd.notna(r.until) else last
            ax.fill_between([r.stated, stop], r.lo, r.hi, color=c, alpha=0.25, linewidth=0, step="post")
            ax.plot([r.stated, stop], [r.hi, r.hi], color=c, linewidth=1.6)
            if r.lo != r.hi:
                ax.plot([r.stated, stop], [r.lo, r.lo], color=c, linewidth=1.0, linestyle="--")
        handles.append(ax.scatter(rows["stated"], rows["hi"], color=c, s=14, zorder=3))
        labels.append(plain(claimant))  # given explicitly: a label starting with "_" would be dropped
    ax.set_ylabel(ylabel)
    date_axis(ax)
    count_axis(ax)
    ax.legend(handles, labels, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)


def consensus_chart(ax, band: pd.DataFrame, points: pd.DataFrame, ylabel: str, end: pd.Timestamp) -> None:
    """The range across institutions' current figures over time (a shaded band) with every claim as a
    point coloured by its side and shaped by its qualifier; the band's last value is written at its end.

    `band` from ``manpower.consensus_band``; `points` are claims with ``side``, ``qualifier``, ``lo``, ``hi``."""
    from matplotlib.lines import Line2D

    if not band.empty:
        fresh = band[~band["stale"]]
        ax.fill_between(
            band["date"], band["low"], band["high"], where=~band["stale"], step="post", color="#9fb3c8", alpha=0.4, linewidth=0
        )
        ax.fill_between(
            band["date"],
            band["low"],
            band["high"],
            where=band["stale"],
            step="post",
            color="#9fb3c8",
            alpha=0.15,
            linewidth=0,
            hatch="///",
            edgecolor="#c5d0db",
        )
        ax.step(band["date"], band["high"], where="post", color="#5b7083", linewidth=0.8)
        ax.step(band["date"], band["low"], where="post", color="#5b7083", linewidth=0.8)
        last = band.iloc[-1]
        span = f"{last['low']:,.0f}" if last["low"] == last["high"] else f"{last['low']:,.0f}–{last['high']:,.0f}"
        if last["high_open"]:
            span += "+"
        note = " (stale)" if last["stale"] else ""
        ax.annotate(
            f"{span}{note}\n{int(last['lineages'])} lineage{'s' if last['lineages'] != 1 else ''}",
            (last["date"], last["high"]),
            xytext=(6, 0),
            textcoords="offset points",
            fontsize=8,
            va="center",
            color="#2e4057",
        )
        if fresh.empty:
            ax.text(
                0.01,
                0.98,
                "no fresh figure: the band shows the last known figures",
                transform=ax.transAxes,
                fontsize=7,
                va="top",
                color="#555555",
            )
    for (side, qualifier), rows in points.groupby(["side", "qualifier"], observed=True, sort=True):
        y = rows["hi"].fillna(rows["lo"]) if qualifier != "at_least" else rows["lo"]
        ax.scatter(
            rows["stated"],
            y,
            color=SIDE_COLOURS.get(str(side), "#777777"),
            marker=QUALIFIER_MARKERS.get(str(qualifier), "o"),
            s=26,
            zorder=3,
            edgecolors="white",
            linewidths=0.5,
        )
        ranged = rows[rows["lo"].notna() & rows["hi"].notna() & (rows["lo"] != rows["hi"])]
        ax.vlines(
            ranged["stated"], ranged["lo"], ranged["hi"], color=SIDE_COLOURS.get(str(side), "#777777"), linewidth=1.2, zorder=2
        )
    ax.set_ylabel(ylabel)
    date_axis(ax)
    ax.set_xlim(right=end + pd.Timedelta(days=75))
    ax.set_ylim(bottom=0)
    count_axis(ax)
    sides = [s for s in SIDE_COLOURS if s in set(points["side"].astype(str))]
    handles = [Line2D([], [], marker="o", linestyle="", color=SIDE_COLOURS[s], label=s) for s in sides]
    shown = sorted(set(points["qualifier"].astype(str)) & set(QUALIFIER_MARKERS), key=list(QUALIFIER_MARKERS).index)
    handles += [
        Line2D([], [], marker=QUALIFIER_MARKERS[q], linestyle="", color="#555555", label=QUALIFIER_WORDS[q]) for q in shown
    ]
    ax.legend(handles=handles, fontsize=7, frameon=False, ncol=4, loc="lower left", bbox_to_anchor=(0.0, 1.0))


def ledger_chart(ax, ledger: pd.DataFrame, ylabel: str) -> None:
    """A contingent's ledger by month (``force_flow.ledger``): troops sent as a step, the troops present as a band,
    the most that can still be there (sent minus killed, captured and returned) dashed, and casualties; each line is
    labelled at its end, so no legend is needed."""
    months = ledger["month"]
    series = (
        ("sent", "sent_low", "sent_high", "#2e4057", "-"),
        ("present", "present_low", "present_high", "#1b6ca8", "-"),
        ("casualties", "casualties_low", "casualties_high", "#d1495b", "-"),
    )
    for label, lo, hi, colour, style in series:
        rows = ledger[ledger[hi].notna()]
        if rows.empty:
            continue
        ax.fill_between(
            rows["month"], rows[lo].astype(float), rows[hi].astype(float), step="mid", color=colour, alpha=0.25, linewidth=0
        )
        ax.step(rows["month"], rows[hi].astype(float), where="mid", color=colour, linewidth=1.6, linestyle=style)
        last = rows.iloc[-1]
        text = f"{last[lo]:,.0f}" if last[lo] == last[hi] else f"{last[lo]:,.0f}–{last[hi]:,.0f}"
        open_col = f"{label}_high_open"
        if open_col in rows and bool(last[open_col]):
            text += "+"
        ax.annotate(
            f"{label}: {text}",
            (last["month"], float(last[hi])),
            xytext=(6, 0),
            textcoords="offset points",
            fontsize=8,
            va="center",
            color=colour,
        )
    cap = ledger[ledger["accounted_high"].notna()]
    if not cap.empty:
        ax.step(cap["month"], cap["accounted_high"].astype(float), where="mid", color="#555555", linewidth=1.2, linestyle="--")
        last = cap.iloc[-1]
        ax.annotate(
            f"most that can remain: {last['accounted_high']:,.0f}",
            (last["month"], float(last["accounted_high"])),
            xytext=(6, -9),
            textcoords="offset points",
            fontsize=8,
            va="center",
            color="#555555",
        )
    ax.set_ylabel(ylabel)
    date_axis(ax)
    ax.set_xlim(right=months.max() + pd.Timedelta(days=150))
    ax.set_ylim(bottom=0)
    count_axis(ax)


#: Map classes, light to dark (colour-blind-safe sequential blues) and a neutral for "claims but no figure".
MAP_CLASSES = {"1–9": "#c6dbef", "10–99": "#6baed6", "100–999": "#2171b5", "1,000 or more": "#08306b"}
MAP_NO_FIGURE = "#f2c28b"


def map_class(value: float | None) -> str | None:
    """The map class of a figure (None when there is none)."""
    if value is None or pd.isna(value):
        return None
    return "1–9" if value < 10 else "10–99" if value < 100 else "100–999" if value < 1000 else "1,000 or more"


def origin_map(ax, rings: dict, classes: dict[str, str | None], links: dict[str, str] | None = None) -> None:
    """World map of origin countries: each country with a figure shaded by its class, countries with claims
    but no figure in a neutral colour, the rest pale grey. `links` (code -> URL) become SVG hyperlinks."""
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Patch

    polygons, colours, urls = [], [], []
    for code in sorted(rings):
        cls = classes.get(code, "absent")
        colour = "#e9ecef" if cls == "absent" else MAP_NO_FIGURE if cls is None else MAP_CLASSES[cls]
        for ring in rings[code]:
            polygons.append(ring)
            colours.append(colour)
            urls.append(links.get(code) if links else None)
    coll = PolyCollection(polygons, facecolors=colours, edgecolors="white", linewidths=0.3)
    if links:
        coll.set_urls(urls)
    ax.add_collection(coll)
    ax.set_xlim(-170, 180)
    ax.set_ylim(-58, 84)
    ax.set_aspect(1.25)
    ax.axis("off")
    handles = [Patch(color=c, label=f"{k} recruits (lower end of the estimate)") for k, c in MAP_CLASSES.items()]
    handles.append(Patch(color=MAP_NO_FIGURE, label="claims, but no recruits figure"))
    ax.legend(handles=handles, fontsize=7, frameon=False, loc="lower left", bbox_to_anchor=(0.0, 0.0))


def _label_after(ax, text: str, point: tuple, gap: float, size: float) -> None:
    """A bar's label `gap` points to the right of its end, centred on the bar."""
    ax.annotate(text, point, xytext=(gap, 0), textcoords="offset points", va="center", fontsize=size, color="#333333")


def ranked_ranges(ax, frame: pd.DataFrame, xlabel: str) -> None:
    """Countries ranked by their estimate's lower end: a bar across the estimate's band (a point when its ends agree),
    an arrow where the top is only 'at least', and how many independent lineages stand behind it at the end."""
    frame = frame.reset_index(drop=True)
    if frame.empty:  # an early as-of view may know no figure yet: say so instead of drawing an empty scale
        ax.text(0.5, 0.5, "no figure known on this date", ha="center", va="center", transform=ax.transAxes, color="#555555")
        ax.set_axis_off()
        return
    y = list(range(len(frame)))
    colour = SIDE_COLOURS["Other governments"]
    widths = (frame["high"] - frame["low"]).clip(lower=0)
    ax.barh(y, widths.where(widths > 0, 0), left=frame["low"], height=0.5, color=colour, alpha=0.55)
    ax.scatter(frame["high"], y, color=colour, s=18, zorder=3)
    ax.scatter(
        frame.loc[frame["high_open"], "high"],
        [i for i in y if frame.loc[i, "high_open"]],
        marker=">",
        color=colour,
        s=30,
        zorder=4,
    )
    for i, r in frame.iterrows():
        n = int(r["lineages"])
        label = (f"{r['low']:,.0f}" if r["low"] == r["high"] else f"{r['low']:,.0f}–{r['high']:,.0f}") + (
            "+" if r["high_open"] else ""
        )
        who = "a single lineage" if n == 1 else f"{n} lineages"
        _label_after(ax, f"{label}  ({who}, latest {r['newest']:%b %Y})", (r["high"], i), 6, 7)
    ax.set_yticks(y, frame["country"])
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlim(0.8, float(frame["high"].max()) * 40)
    count_axis(ax, "x")
    ax.set_xlabel(xlabel)


def side_legend(fig: Figure, sides: Sequence[str]) -> None:
    """One compact legend of the claimant sides present, in the fixed order and colours of SIDE_COLOURS."""
    from matplotlib.patches import Patch

    present = [s for s in SIDE_COLOURS if s in set(map(str, sides))]
    fig.legend(
        handles=[Patch(color=SIDE_COLOURS[s], label=s) for s in present],
        loc="upper right",
        ncol=len(present) or 1,
        fontsize=8,
        frameon=False,
        bbox_to_anchor=(0.99, 0.965),
    )


def range_bars(
    ax, frame: pd.DataFrame, label_col: str, note_col: str, xlabel: str, colour: str | Sequence[str] = PALETTE[0]
) -> None:
    """Horizontal low-high bars, one per row, each annotated (e.g. with claimant and date); `colour` is one
    colour or one per row (e.g. the claimant side's, from SIDE_COLOURS)."""
    frame = frame.reset_index(drop=True)
    y = range(len(frame))
    colours = [colour] * len(frame) if isinstance(colour, str) else list(colour)
    ax.barh(list(y), frame["hi"] - frame["lo"], left=frame["lo"], height=0.55, color=colours, alpha=0.75)
    ax.scatter(frame["lo"], list(y), color=colours, s=12, zorder=3)
    ax.scatter(frame["hi"], list(y), color=colours, s=12, zorder=3)
    for i, r in frame.iterrows():
        _label_after(ax, plain(r[note_col]), (r["hi"], i), 4, 6.5)
    ax.set_yticks(list(y), [plain(v) for v in frame[label_col]])
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlim(0.8, float(frame["hi"].max()) * 60)
    count_axis(ax, "x")
    ax.set_xlabel(xlabel)


def _label(node: str, names: dict[str, str] | None) -> str:
    """A node's label in words (the actor's short name from data/actors.csv), wrapped to fit a small panel."""
    return "\n".join(textwrap.wrap((names or {}).get(node, node), 13)) or node


def _draw_relations(
    ax, graph, pos, edges_by_colour, size: int, width: float, arrowsize: int, pale=frozenset(), names=None, font_size: float = 7.0
) -> None:
    """One network panel: edges (colour, style, edge list), Russia dark at the centre, other nodes light (or paler when
    in `pale`), every node labelled in words."""
    import networkx as nx

    for colour, style, edges in edges_by_colour:
        if edges:
            nx.draw_networkx_edges(
                graph,
                pos,
                edgelist=edges,
                ax=ax,
                edge_color=colour,
                style=style,
                arrows=True,
                arrowsize=arrowsize,
                connectionstyle="arc3,rad=0.08",
                width=width,
                node_size=size,
            )
    nodes = sorted(pos)
    nx.draw_networkx_nodes(
        graph,
        pos,
        nodelist=nodes,
        ax=ax,
        node_size=size,
        edgecolors="#90a4ae",
        linewidths=0.6,
        node_color=["#2e4057" if n == "RUS" else "#f7f8f9" if n in pale else "#e3e8eb" for n in nodes],
    )
    others = {n: _label(n, names) for n in nodes if n != "RUS"}
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=font_size, labels=others, font_color="#1d2731")
    nx.draw_networkx_labels(
        graph, pos, ax=ax, font_size=font_size, font_color="white", labels={"RUS": _label("RUS", names)} if "RUS" in pos else {}
    )
    ax.axis("off")


def network_plot(ax, graph, legend: bool = True, names: dict[str, str] | None = None) -> None:
    """Russia at the centre, partners on a circle in sorted order (deterministic); edges
    coloured by relation type, dashed when only media reports support them; nodes named in words (`names`)."""
    import networkx as nx
    from matplotlib.lines import Line2D

    others = sorted(n for n in graph.nodes if n != "RUS")
    pos = nx.circular_layout(others) if others else {}
    if "RUS" in graph:
        pos["RUS"] = (0.0, 0.0)
    kinds = sorted({d["relation"] for _, _, d in graph.edges(data=True)})
    colours = colour_for(kinds)
    edges = [
        (
            colours[kind],
            style,
            sorted({(u, v) for u, v, d in graph.edges(data=True) if d["relation"] == kind and media(d["confirmation"])}),
        )
        for kind in kinds
        for style, media in (("solid", lambda c: c != "media_report"), ("dashed", lambda c: c == "media_report"))
    ]
    _draw_relations(ax, graph, pos, edges, size=420, width=1.3, arrowsize=8, names=names, font_size=6.5)
    ax.margins(0.08)
    if legend:
        handles = [Line2D([], [], color=colours[k], label=k.replace("_", " ")) for k in kinds]
        handles.append(Line2D([], [], color="#555555", linestyle="dashed", label="media reports only"))
        ax.legend(handles=handles, fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0), title="relation")


CONFIRMATION_COLOURS = {"officially_acknowledged": PALETTE[1], "government_assessment": PALETTE[0], "media_report": PALETTE[2]}


def relation_timeline(ax, relations: pd.DataFrame, end: pd.Timestamp, since: pd.Timestamp) -> None:
    """One bar per relation from its first credible report (clipped at `since`, with the true year
    written) to its end or `end`: coloured by the confirmation that held, so a bar changes colour on
    the day the supplier acknowledged it."""
    from matplotlib.patches import Patch

    rows = relations.sort_values(["first_reported", "relation_id"]).reset_index(drop=True)
    for i, r in rows.iterrows():
        start = max(r["first_reported"], since)
        stop = r["end"] if pd.notna(r["end"]) else end
        ack = r["acknowledged"] if pd.notna(r["acknowledged"]) else None
        before = str(r["assessed_as"]) if pd.notna(r["assessed_as"]) else "officially_acknowledged"
        split = min(max(ack, start), stop) if ack is not None else stop
        if split > start:
            ax.barh(i, max((split - start).days, 4), left=start, height=0.6, color=CONFIRMATION_COLOURS[before])
        if ack is not None and stop > split:
            ax.barh(i, max((stop - split).days, 4), left=split, height=0.6, color=CONFIRMATION_COLOURS["officially_acknowledged"])
        if ack is not None and start == split == stop:
            ax.barh(i, 4, left=start, height=0.6, color=CONFIRMATION_COLOURS["officially_acknowledged"])
        if r["first_reported"] < since:
            ax.annotate(
                f"since {r['first_reported'].year}",
                (start, i),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=6,
                color="white",
            )
    labels = [plain(f"{r.source_actor}→{r.target_actor} {r.relation.replace('_', ' ')} ({r.supply})") for r in rows.itertuples()]
    ax.set_yticks(range(len(rows)), labels, fontsize=6)
    ax.invert_yaxis()
    ax.set_xlim(since, end + pd.Timedelta(days=30))
    date_axis(ax)
    ax.set_xlabel("date (bars start at the first credible report; colour: the confirmation that held then)")
    ax.legend(
        handles=[Patch(color=c, label=k.replace("_", " ")) for k, c in CONFIRMATION_COLOURS.items()],
        fontsize=7,
        frameon=False,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
    )


#: One colour per kind of relation in the network panels (Okabe-Ito order, then greys), fixed by sorted kind.
RELATION_PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"]


def network_positions(graphs) -> dict:
    """One layout for every panel: Russia at the centre, every other node of any graph on a circle in sorted order."""
    import networkx as nx

    others = sorted({n for g in graphs for n in g.nodes if n != "RUS"})
    pos = dict(nx.circular_layout(others)) if others else {}
    pos["RUS"] = (0.0, 0.0)
    return pos


def network_facets(axes, graph, kinds: Sequence[str], names: dict[str, str] | None = None) -> None:
    """Small multiples: one panel per kind of relation, every panel on the same node positions, so a reader can see
    each kind on its own (nothing hides under another). Nodes without an edge of that kind are drawn pale; edges
    reported only by media are dashed; nodes are named in words (`names`). Each panel's title gives the kind and its
    number of relations."""
    pos = network_positions([graph])
    for i, (ax, kind) in enumerate(zip(axes, kinds, strict=False)):
        colour = RELATION_PALETTE[i % len(RELATION_PALETTE)]
        edges = [(u, v, d) for u, v, d in graph.edges(data=True) if d["relation"] == kind]
        ids = {d["relation_id"] for _, _, d in edges}
        touched = {u for u, _, _ in edges} | {v for _, v, _ in edges}
        drawn = [
            (colour, style, sorted({(u, v) for u, v, d in edges if (d["confirmation"] == "media_report") == media}))
            for style, media in (("solid", False), ("dashed", True))
        ]
        _draw_relations(ax, graph, pos, drawn, size=380, width=1.8, arrowsize=9, pale=frozenset(set(pos) - touched), names=names)
        ax.set_title(f"{kind.replace('_', ' ')} ({len(ids)})", fontsize=10, color=colour, fontweight="bold", loc="left")
        ax.margins(0.2, 0.1)
    for ax in list(axes)[len(kinds) :]:
        ax.axis("off")


STATUS_WORDS = {"yes": "yes", "contested": "contested", "no": "no"}


def reach_bars(ax, timeline: pd.DataFrame, place: str, colours: dict[str, str]) -> None:
    """One bar per (merged) group of ``legal.merged_timelines``: coloured by status, each period labelled with the
    rule that opens it."""
    mdates = matplotlib.dates

    rows = timeline[timeline["place"] == place]
    labels = list(dict.fromkeys(rows["groups"]))
    for i, label in enumerate(labels):
        for r in rows[rows["groups"] == label].itertuples():
            width = (r.end - r.start).days + 1
            ax.barh(i, width, left=r.start, height=0.62, color=colours[r.status], edgecolor="white", linewidth=0.6)
            if width > 500:
                ax.text(
                    r.start + pd.Timedelta(days=width / 2), i, r.rule, ha="center", va="center", fontsize=6.5, color="#222222"
                )
    ax.set_yticks(range(len(labels)), [_wrap_words(x) for x in labels], fontsize=7)
    ax.invert_yaxis()
    ax.set_title(place, loc="left", fontsize=9)
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="y", visible=False)


def _wrap_words(text: str, width: int = 46) -> str:
    """A long label on lines of at most `width` characters, broken between words only."""
    return textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False)


def status_grid(ax, grid: pd.DataFrame, fontsize: float = 9) -> None:
    """A yes / contested / no matrix (rows x columns of status strings) as coloured cells with the word in each,
    column groups separated by a gap line; legible at page width (9 pt text on an 11-inch figure)."""
    text_colour = {"yes": "white", "contested": "#1d2731", "no": "#455a64"}
    for i, row in enumerate(grid.index):
        for j, col in enumerate(grid.columns):
            status = grid.loc[row, col]
            ax.add_patch(matplotlib.patches.Rectangle((j + 0.03, i + 0.05), 0.94, 0.9, color=STATUS_COLOURS[status], linewidth=0))
            ax.text(
                j + 0.5,
                i + 0.5,
                STATUS_WORDS.get(status, status),
                ha="center",
                va="center",
                fontsize=fontsize - 1.5,
                color=text_colour.get(status, "#1d2731"),
            )
    ax.set_xlim(0, len(grid.columns))
    ax.set_ylim(len(grid.index), 0)
    ax.xaxis.tick_top()
    if isinstance(grid.columns, pd.MultiIndex):  # (group, column): the group written once above its columns, a gap between groups
        groups = list(dict.fromkeys(grid.columns.get_level_values(0)))
        labels = [plain(c) for c in grid.columns.get_level_values(1)]
        for g in groups:
            cols = [j for j, c in enumerate(grid.columns.get_level_values(0)) if c == g]
            ax.annotate(
                plain(g),
                ((min(cols) + max(cols) + 1) / 2, 0),
                xytext=(0, 34),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=fontsize + 0.5,
                fontweight="bold",
                annotation_clip=False,
            )
            ax.plot([min(cols) + 0.05, max(cols) + 0.95], [-0.0, -0.0], color="#90a4ae", linewidth=0)
            if min(cols) > 0:
                ax.axvline(min(cols), color="white", linewidth=4)
    else:
        labels = [plain(c) for c in grid.columns]
    ax.set_xticks([j + 0.5 for j in range(len(grid.columns))], labels, fontsize=fontsize - 0.5)
    ax.set_yticks([i + 0.5 for i in range(len(grid.index))], [plain(r) for r in grid.index], fontsize=fontsize)
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
