"""Russia's partnerships as a typed, dated network, and treaties coded by obligation.

Edge direction means "A gives to / acts toward B". Mutual relations (treaties, strategic
partnerships) are stored once in data/ and get an edge in both directions here.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from helpers.data import loaders as data
from helpers.data.loaders import DateLike, to_date

MUTUAL = frozenset({"treaty", "strategic_partnership"})
#: Relations that are not partnerships: Russia recruiting a state's citizens is not that state's supply.
NOT_PARTNERSHIP = frozenset({"citizen_recruitment"})
CONFIRMATION_ORDER = ["officially_acknowledged", "government_assessment", "media_report"]
OBLIGATIONS = ["defence", "offence", "neutrality", "non_aggression", "consultation"]


def in_force(relations: pd.DataFrame, as_of: DateLike = None) -> pd.DataFrame:
    """Relations that started on or before `as_of` and had not ended by then."""
    when = to_date(as_of)
    live = (relations["start"] <= when) & (relations["end"].isna() | (relations["end"] > when))
    return relations[live].reset_index(drop=True)


def build_graph(
    actors: pd.DataFrame, relations: pd.DataFrame, as_of: DateLike = None, partnerships_only: bool = True
) -> nx.MultiDiGraph:
    """Pure constructor: one edge per relation in force at `as_of` (both ways for mutual ones).

    Russia's recruitment of a state's citizens is left out unless `partnerships_only` is False:
    it is not a partnership, and the origin state usually opposes it."""
    if partnerships_only:
        relations = relations[~relations["relation"].isin(NOT_PARTNERSHIP)]
    known = set(actors["actor_id"])
    for col in ("source_actor", "target_actor"):
        unknown = sorted(set(relations[col]) - known)
        if unknown:
            raise ValueError(f"relations.{col} names actor(s) not in actors: {', '.join(unknown)}")
    graph = nx.MultiDiGraph(as_of=to_date(as_of).date().isoformat())
    live = in_force(relations, as_of)
    involved = set(live["source_actor"]) | set(live["target_actor"])
    for row in actors[actors["actor_id"].isin(involved)].sort_values("actor_id").itertuples():
        graph.add_node(row.actor_id, name=row.name, kind=str(row.kind))
    for row in live.sort_values("relation_id").itertuples():
        attrs = dict(
            relation=str(row.relation),
            supply=str(row.supply),
            status=str(row.status),
            confirmation=str(row.confirmation),
            start=row.start,
            end=None if pd.isna(row.end) else row.end,
            sources=tuple(row.source_ids),
            relation_id=row.relation_id,
            origin_position=None if pd.isna(row.origin_position) else str(row.origin_position),
            legal_basis=tuple(row.legal_basis),
            alleged_breach=tuple(row.alleged_breach),
        )
        graph.add_edge(row.source_actor, row.target_actor, key=row.relation_id, **attrs)
        if row.relation in MUTUAL:
            graph.add_edge(row.target_actor, row.source_actor, key=row.relation_id + ":mutual", **attrs)
    return graph


def alliance_graph(as_of: DateLike = None) -> nx.MultiDiGraph:
    """The partnership network as known and in force on `as_of` (default today)."""
    return build_graph(data.actors(), data.relations(as_of), as_of)


def obligations_matrix(treaties: pd.DataFrame, obligations: pd.DataFrame) -> pd.DataFrame:
    """ATOP-style coding: one row per treaty, one column per obligation type, holding the
    article(s) that state it ('' when the treaty has no such obligation)."""
    rows = []
    for t in treaties.sort_values("signed").itertuples():
        own = obligations[obligations["treaty_id"] == t.treaty_id]
        row = {"treaty_id": t.treaty_id, "treaty": t.name, "signed": t.signed, "in_force": t.in_force}
        for kind in OBLIGATIONS:
            arts = sorted(set(own.loc[own["obligation"] == kind, "article"]))
            row[kind] = ", ".join(f"Art. {a}" for a in arts)
        rows.append(row)
    return pd.DataFrame(rows, columns=["treaty_id", "treaty", "signed", "in_force", *OBLIGATIONS])


def _best_confirmation(values: pd.Series) -> str:
    present = set(values.astype(str))
    return next(c for c in CONFIRMATION_ORDER if c in present)


def partner_supplies(relations: pd.DataFrame, recipient: str = "RUS", actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per partner and supply: what flows to `recipient`, since when, and the best confirmation.

    Recruitment of a state's citizens is not that state's supply (see `citizen_recruitment`), and a
    state that opposes its citizens' service is never a partner for it. With `actors`, an actor that acts for
    another (`acts_for`: a company recruiting for a group) is counted as that one: one pipeline, one partner."""
    given = relations[
        (relations["target_actor"] == recipient)
        & (relations["supply"] != "none")
        & ~relations["relation"].isin(NOT_PARTNERSHIP)
        & ~relations["origin_position"].eq("opposes").fillna(False).astype(bool)
    ]
    if given.empty:
        return pd.DataFrame(columns=["partner", "supply", "since", "confirmation", "relations", "sources"])
    if actors is not None and "acts_for" in actors:
        principal = actors.set_index("actor_id")["acts_for"].dropna()
        given = given.assign(source_actor=given["source_actor"].map(principal).fillna(given["source_actor"]))
    grouped = given.groupby(["source_actor", "supply"], observed=True)
    out = (
        grouped.agg(
            since=("first_reported", "min"),
            confirmation=("confirmation", _best_confirmation),
            relations=("relation_id", "count"),
            sources=("source_ids", lambda s: len({x for ids in s for x in ids})),
        )
        .reset_index()
        .rename(columns={"source_actor": "partner"})
    )
    out["supply"] = out["supply"].astype(str)
    return out.sort_values(["partner", "since", "supply"]).reset_index(drop=True)


def principal_partners(relations: pd.DataFrame, actors: pd.DataFrame, recipient: str = "RUS") -> list[str]:
    """The actors that supply `recipient`'s war (a visit or a statement is no partnership), most relations first."""
    supplies = partner_supplies(relations, recipient, actors)
    if supplies.empty:
        return []
    counts = supplies.groupby("partner")["relations"].sum()
    return sorted(counts.index, key=lambda p: (-counts[p], p))


def acknowledgement_lags(relations: pd.DataFrame) -> pd.DataFrame:
    """Supplies fully acknowledged by the supplier after they were first reported, and the days in between (an
    admission of part of it, such as drones sent only before the war, is no acknowledgement of the supply). Russia's
    recruitment of a state's citizens is left out (the origin state condemning or prosecuting it is no admission of
    a supply), as are sanctions and monitoring (which their authors announce themselves)."""
    sel = relations[
        relations["acknowledged"].notna()
        & (relations["acknowledged"] > relations["first_reported"])
        & (relations["acknowledgement"] == "full")
        & ~relations["relation"].isin(NOT_PARTNERSHIP | {"sanctions", "monitoring"})
    ]
    cols = ["relation_id", "source_actor", "target_actor", "relation", "supply", "first_reported", "acknowledged"]
    return sel[cols].assign(days=(sel["acknowledged"] - sel["first_reported"]).dt.days).reset_index(drop=True)


def citizen_recruitment(relations: pd.DataFrame) -> pd.DataFrame:
    """States whose citizens Russia recruits, with each government's stated position (opposes,
    tolerates, organises), since when it is reported and how it is confirmed."""
    sel = relations[relations["relation"] == "citizen_recruitment"]
    cols = ["relation_id", "source_actor", "origin_position", "first_reported", "confirmation", "status", "source_ids"]
    return sel[cols].rename(columns={"source_actor": "origin"}).sort_values(["first_reported", "origin"]).reset_index(drop=True)


def legal_bases(relations: pd.DataFrame, treaties: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per relation and each treaty article it rests on or UN Security Council resolution it
    is alleged to breach (`kind`: 'treaty article' or 'alleged breach').

    With `treaties`, a treaty article also says whether the treaty was in force when the relation began
    (`in_force_at_start`): an article invoked for a relation that began before the treaty entered into force is a
    justification after the fact, not the relation's basis (the DPRK's deployment began in October 2024; the
    treaty whose Art. 4 it invokes entered into force on its own date, in `treaties.csv`)."""
    in_force = {} if treaties is None else dict(zip(treaties["treaty_id"], treaties["in_force"], strict=True))
    rows = []
    for r in relations.itertuples():
        for kind, refs in (("treaty article", r.legal_basis), ("alleged breach", r.alleged_breach)):
            for ref in refs:
                since = in_force.get(ref.split(" Art.")[0]) if kind == "treaty article" else None
                at_start = None if since is None or pd.isna(since) or pd.isna(r.start) else bool(since <= r.start)
                rows.append(
                    dict(
                        relation_id=r.relation_id,
                        source_actor=r.source_actor,
                        target_actor=r.target_actor,
                        relation=str(r.relation),
                        supply=str(r.supply),
                        kind=kind,
                        reference=ref,
                        start=r.start,
                        in_force_at_start=at_start,
                    )
                )
    return pd.DataFrame(
        rows,
        columns=[
            "relation_id",
            "source_actor",
            "target_actor",
            "relation",
            "supply",
            "kind",
            "reference",
            "start",
            "in_force_at_start",
        ],
    )


def centrality_by_type(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Degree centrality of each actor in the sub-network of each relation type."""
    rows = []
    for kind in sorted({d["relation"] for _, _, d in graph.edges(data=True)}):
        sub = nx.DiGraph()
        sub.add_edges_from((u, v) for u, v, d in graph.edges(data=True) if d["relation"] == kind)
        for node, value in nx.degree_centrality(sub).items():
            rows.append({"relation": kind, "actor": node, "centrality": round(value, 3)})
    frame = pd.DataFrame(rows, columns=["relation", "actor", "centrality"])
    return frame.sort_values(["relation", "centrality", "actor"], ascending=[True, False, True]).reset_index(drop=True)


def changes_between(earlier: nx.MultiDiGraph, later: nx.MultiDiGraph) -> pd.DataFrame:
    """Relations that appeared or ended between two snapshots."""

    def ids(g: nx.MultiDiGraph) -> dict[str, tuple]:
        return {
            k: (u, v, d["relation"], d["supply"]) for u, v, k, d in g.edges(keys=True, data=True) if not k.endswith(":mutual")
        }

    a, b = ids(earlier), ids(later)
    rows = [
        dict(change="added", relation_id=k, source=v[0], target=v[1], relation=v[2], supply=v[3])
        for k, v in b.items()
        if k not in a
    ]
    rows += [
        dict(change="ended", relation_id=k, source=v[0], target=v[1], relation=v[2], supply=v[3])
        for k, v in a.items()
        if k not in b
    ]
    return (
        pd.DataFrame(rows, columns=["change", "relation_id", "source", "target", "relation", "supply"])
        .sort_values(["change", "relation_id"])
        .reset_index(drop=True)
    )
