"""The alliance network on small fixtures, and a check of the real graph's sources."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.analysis import network

ACTORS = pd.DataFrame(
    {"actor_id": ["RUS", "PRK", "IRN", "BLR"], "name": ["Russia", "North Korea", "Iran", "Belarus"], "kind": ["state"] * 4}
)


def rel(
    rid,
    src,
    dst,
    relation,
    supply,
    start,
    end=None,
    status="active",
    conf="government_assessment",
    sources=("s1",),
    position=None,
    basis=(),
):
    return dict(
        relation_id=rid,
        source_actor=src,
        target_actor=dst,
        relation=relation,
        supply=supply,
        status=status,
        confirmation=conf,
        start=pd.Timestamp(start),
        first_reported=pd.Timestamp(start),
        end=pd.Timestamp(end) if end else pd.NaT,
        source_ids=tuple(sources),
        origin_position=position,
        legal_basis=tuple(basis),
        alleged_breach=(),
    )


RELATIONS = pd.DataFrame(
    [
        rel("r1", "PRK", "RUS", "arms_transfer", "munitions", "2023-08-01", sources=("s1", "s2")),
        rel("r2", "PRK", "RUS", "troop_deployment", "personnel", "2024-10-08", conf="officially_acknowledged"),
        rel("r3", "PRK", "RUS", "treaty", "none", "2024-12-04", conf="officially_acknowledged"),
        rel("r4", "IRN", "RUS", "arms_transfer", "drones", "2022-08-01", conf="media_report"),
        rel("r5", "IRN", "RUS", "arms_transfer", "drones", "2022-10-01", conf="officially_acknowledged"),
        rel("r6", "BLR", "RUS", "military_aid", "training", "2022-02-01", end="2022-04-30", status="ended"),
        rel(
            "r7",
            "NPL",
            "RUS",
            "citizen_recruitment",
            "recruits",
            "2023-12-05",
            conf="officially_acknowledged",
            position="opposes",
        ),
    ]
)
ACTORS = pd.concat([ACTORS, pd.DataFrame({"actor_id": ["NPL"], "name": ["Nepal"], "kind": ["state"]})], ignore_index=True)


def test_relations_after_as_of_are_left_out():
    g = network.build_graph(ACTORS, RELATIONS, "2024-01-01")
    assert {k for _, _, k in g.edges(keys=True)} == {"r1", "r4", "r5"}


def test_ended_relations_are_left_out_from_their_end():
    assert "r6" in {k for _, _, k in network.build_graph(ACTORS, RELATIONS, "2022-04-29").edges(keys=True)}
    assert "r6" not in {k for _, _, k in network.build_graph(ACTORS, RELATIONS, "2022-04-30").edges(keys=True)}


def test_mutual_relations_point_both_ways():
    g = network.build_graph(ACTORS, RELATIONS, "2025-01-01")
    assert g.has_edge("PRK", "RUS", key="r3") and g.has_edge("RUS", "PRK", key="r3:mutual")
    assert not g.has_edge("RUS", "PRK", key="r2")


def test_edge_and_node_attributes():
    g = network.build_graph(ACTORS, RELATIONS, "2025-01-01")
    d = g.edges["PRK", "RUS", "r1"]
    assert d["relation"] == "arms_transfer" and d["sources"] == ("s1", "s2") and d["end"] is None
    assert d["start"] == pd.Timestamp("2023-08-01")
    assert g.nodes["PRK"] == {"name": "North Korea", "kind": "state"}
    assert "BLR" not in g  # only actors with a relation in force


def test_unknown_actor_is_a_clear_error():
    bad = pd.concat([RELATIONS, pd.DataFrame([rel("r9", "CHN", "RUS", "arms_transfer", "components", "2023-01-01")])])
    with pytest.raises(ValueError, match="source_actor names actor\\(s\\) not in actors: CHN"):
        network.build_graph(ACTORS, bad, "2024-01-01")


def test_partner_supplies_since_and_best_confirmation():
    s = network.partner_supplies(RELATIONS).set_index(["partner", "supply"])
    assert s.loc[("IRN", "drones"), "since"] == pd.Timestamp("2022-08-01")
    assert s.loc[("IRN", "drones"), "confirmation"] == "officially_acknowledged"
    assert s.loc[("IRN", "drones"), "relations"] == 2
    assert s.loc[("PRK", "munitions"), "sources"] == 2
    assert ("PRK", "none") not in s.index


def test_legal_bases_list_treaty_articles_and_alleged_breaches():
    rels = pd.DataFrame(
        [
            rel("t", "PRK", "RUS", "troop_deployment", "personnel", "2024-10-08", basis=("rus-prk-2024 Art. 4",)),
            {
                **rel("s", "PRK", "RUS", "arms_transfer", "munitions", "2022-11-02"),
                "alleged_breach": ("UNSCR 1718", "UNSCR 1874"),
            },
        ]
    )
    b = network.legal_bases(rels)
    assert list(zip(b["relation_id"], b["kind"], b["reference"], strict=True)) == [
        ("t", "treaty article", "rus-prk-2024 Art. 4"),
        ("s", "alleged breach", "UNSCR 1718"),
        ("s", "alleged breach", "UNSCR 1874"),
    ]
    assert b["in_force_at_start"].isna().all()  # without the treaties nothing is said about when the article applied


def test_a_treaty_article_invoked_for_a_relation_that_began_before_the_treaty_is_after_the_fact():
    treaties = pd.DataFrame({"treaty_id": ["rus-prk-2024"], "in_force": [pd.Timestamp("2024-12-04")]})
    rels = pd.DataFrame(
        [
            rel("t", "PRK", "RUS", "troop_deployment", "personnel", "2024-10-03", basis=("rus-prk-2024 Art. 4",)),
            rel("u", "PRK", "RUS", "troop_deployment", "personnel", "2025-08-01", basis=("rus-prk-2024 Art. 4",)),
        ]
    )
    b = network.legal_bases(rels, treaties).set_index("relation_id")
    assert b.loc["t", "in_force_at_start"] == False and b.loc["u", "in_force_at_start"] == True  # noqa: E712
    real = network.legal_bases(data.load("relations"), data.load("treaties")).set_index("relation_id")
    assert real.loc["rel-004", "in_force_at_start"] == False  # noqa: E712  the deployment began before 4 Dec 2024


def test_recruiting_a_states_citizens_is_not_that_states_supply():
    # Nepal protested and banned travel: Russia's recruitment of Nepalis is no Nepali partnership (Nepal MFA, 5 Dec 2023)
    assert "NPL" not in set(network.partner_supplies(RELATIONS)["partner"])
    assert "NPL" not in network.build_graph(ACTORS, RELATIONS, "2025-01-01")
    assert network.build_graph(ACTORS, RELATIONS, "2025-01-01", partnerships_only=False).has_edge("NPL", "RUS", key="r7")
    table = network.citizen_recruitment(RELATIONS)
    assert list(table["origin"]) == ["NPL"] and table.loc[0, "origin_position"] == "opposes"


def test_obligations_matrix_codes_articles():
    treaties = pd.DataFrame(
        {
            "treaty_id": ["t1", "t2"],
            "name": ["A", "B"],
            "signed": pd.to_datetime(["2024-06-19", "2025-01-17"]),
            "in_force": pd.to_datetime(["2024-12-04", None]),
        }
    )
    obligations = pd.DataFrame(
        {"treaty_id": ["t1", "t1", "t2"], "obligation": ["defence", "consultation", "neutrality"], "article": ["4", "3", "3"]}
    )
    m = network.obligations_matrix(treaties, obligations).set_index("treaty_id")
    assert m.loc["t1", "defence"] == "Art. 4" and m.loc["t1", "neutrality"] == ""
    assert m.loc["t2", "defence"] == "" and m.loc["t2", "neutrality"] == "Art. 3"


def test_changes_between_snapshots():
    before = network.build_graph(ACTORS, RELATIONS, "2022-03-01")
    after = network.build_graph(ACTORS, RELATIONS, "2024-11-01")
    ch = network.changes_between(before, after)
    assert set(ch.loc[ch["change"] == "added", "relation_id"]) == {"r1", "r2", "r4", "r5"}
    assert set(ch.loc[ch["change"] == "ended", "relation_id"]) == {"r6"}


def test_centrality_by_type():
    c = network.centrality_by_type(network.build_graph(ACTORS, RELATIONS, "2024-01-01"))
    arms = c[c["relation"] == "arms_transfer"].set_index("actor")["centrality"]  # PRK->RUS, IRN->RUS: RUS 2/2, IRN 1/2
    assert arms["RUS"] == 1.0 and arms["IRN"] == 0.5


def test_every_edge_of_the_real_graph_has_a_resolving_source():
    g = network.alliance_graph()
    known = set(data.sources()["source_id"])
    assert g.number_of_edges() > 0
    for _, _, d in g.edges(data=True):
        assert d["sources"] and set(d["sources"]) <= known


def test_real_treaty_obligations_include_the_dprk_mutual_assistance_clause():
    m = network.obligations_matrix(data.load("treaties"), data.load("treaty_obligations")).set_index("treaty_id")
    assert m.loc["rus-prk-2024", "defence"] == "Art. 4"
    assert m.loc["rus-irn-2025", "defence"] == ""


def test_a_company_acting_for_a_group_is_one_partner_and_a_visit_is_none():
    actors = pd.DataFrame(
        {
            "actor_id": ["RUS", "houthis", "co", "PAK"],
            "name": ["Russia", "Houthis", "Co", "Pakistan"],
            "kind": ["state", "armed_group", "company", "state"],
            "acts_for": [None, None, "houthis", None],
        }
    )
    rels = pd.DataFrame(
        [
            rel("h", "houthis", "RUS", "recruitment_pipeline", "recruits", "2024-07-03", conf="media_report"),
            rel("c", "co", "RUS", "recruitment_pipeline", "recruits", "2024-07-03", conf="media_report"),
            rel("v", "RUS", "PAK", "military_visit", "none", "2024-10-29"),
        ]
    )
    supplies = network.partner_supplies(rels, actors=actors)
    assert list(supplies["partner"]) == ["houthis"] and supplies.loc[0, "relations"] == 2
    assert network.principal_partners(rels, actors) == ["houthis"]
    real = network.principal_partners(data.load("relations"), data.load("actors"))
    assert "PAK" not in real and "al-jabri-company" not in real and {"PRK", "IRN", "houthis"} <= set(real)


def test_acknowledgement_lags_leave_out_recruitment_of_citizens_and_self_announced_sanctions():
    base = [
        rel("d", "IRN", "RUS", "arms_transfer", "drones", "2022-08-01"),
        rel("n", "NPL", "RUS", "citizen_recruitment", "recruits", "2023-06-28", position="opposes"),
        rel("s", "USA", "PRK", "sanctions", "none", "2023-03-30"),
        rel("p", "IRN", "RUS", "arms_transfer", "missiles", "2022-10-01"),
    ]
    rels = pd.DataFrame(base).assign(
        first_reported=pd.to_datetime(["2022-07-11", "2023-06-28", "2023-03-30", "2022-10-01"]),
        acknowledged=pd.to_datetime(["2022-11-05", "2023-12-05", "2023-04-30", "2022-11-05"]),
        acknowledgement=["full", "opposing", "full", "partial"],
    )
    lags = network.acknowledgement_lags(rels)
    assert list(lags["relation_id"]) == ["d"] and lags.loc[0, "days"] == 117  # a partial admission is no acknowledgement


def test_a_partial_admission_leaves_the_supply_as_it_was_confirmed():
    """Iran admitted (5 Nov 2022) only drones sent before the war: the wartime supply stays a government assessment."""
    for when in ("2022-12-31", None):
        drones = data.relations(when).set_index("relation_id").loc["rel-014"]
        assert drones["acknowledgement"] == "partial" and drones["confirmation"] == "government_assessment"
    assert data.relations("2022-11-04").set_index("relation_id").loc["rel-014", "acknowledgement"] is pd.NA
    assert data.relations(None).set_index("relation_id").loc["rel-004", "confirmation"] == "officially_acknowledged"
