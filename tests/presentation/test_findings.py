"""The index's key figures are the analyses' own results in words, as of the date asked for, each linked to its evidence."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.analysis import force_flow as ff
from helpers.analysis import manpower as mp
from helpers.analysis import totals as tt
from helpers.presentation import report as rp
from helpers.presentation.findings import Finding, key_findings
from helpers.site.pages import index_page


@pytest.mark.parametrize("as_of", [None, "2024-12-31"])
def test_each_key_figure_is_the_estimate_it_names(as_of):
    when = data.analysis_date(as_of)
    claims, regions = data.claims(when), data.load("regions", as_of)
    found = {f.label: f for f in key_findings(claims, regions, when)}
    present = mp.estimate_from(claims, "PRK", "deployed", when)
    assert found["North Korean troops in Russia"].figure == rp.band(present.band)
    assert found["North Korean troops in Russia"].basis.startswith(f"{present.lineages} independent lineage")
    assert found["North Korean troops sent since the deployment began"].figure == rp.band(ff.sent_band(claims, "PRK", when)[0])
    recruits = tt.foreign_total(claims, regions, "recruited", when)
    assert found["Recruits from other countries"].figure == f"at least {rp.num(recruits.low)}"
    assert 3 <= len(found) <= 5 and all(f.link.endswith(".html") for f in found.values())


def test_the_index_opens_on_the_key_figures_before_the_notebooks():
    from helpers.site.render import RenderedNotebook  # a notebook card has its own first finding: it must not replace these

    card = RenderedNotebook(stem="01_manpower", title="Manpower", question="How many?", body="", toc=[], findings=["<p>one</p>"])
    html = index_page(
        [card],
        {"claims": 1},
        "record searched up to 2026-06-30",
        "cite",
        [Finding("North Korean troops in Russia", "10,000", "1 independent lineage", "countries/PRK.html")],
    )
    assert html.index('id="key-figures"') < html.index('id="notebooks"')
    assert (
        '<a href="countries/PRK.html"><span class="label">North Korean troops in Russia</span> <strong class="figure">10,000</strong>'
        in html
    )
    assert '<div class="findings"><p>one</p></div>' in html


def test_each_notebooks_findings_are_the_analyses_results():
    from helpers.analysis import legal, network
    from helpers.analysis import origins as og
    from helpers.analysis.evidence import fully_verified
    from helpers.presentation import findings as fd

    when = data.analysis_date(None)
    claims, sources = data.claims(when), data.sources(when)
    ev = {f.label: f.figure for f in fd.evidence_findings(claims, sources, data.load("evidence", when))}
    proven = int(fully_verified(data.load("evidence", when), "claims").reindex(claims["claim_id"], fill_value=False).sum())
    assert ev["Claims with every coded field proven by a passage"] == f"{rp.num(proven)} of {rp.num(len(claims))}"

    rels, actors = data.relations(when), data.load("actors", when)
    al = {f.label: f for f in fd.alliance_findings(rels, actors)}
    partners = network.principal_partners(rels, actors)
    assert al["Partners supplying Russia's war"].figure == rp.num(len(partners))
    short = actors.set_index("actor_id")["short_name"]
    assert al["Partners supplying Russia's war"].basis == ", ".join(short[p] for p in partners)  # as the figures name them
    lag = network.acknowledgement_lags(rels)["days"].max()
    assert al["Longest wait from first report to acknowledgement"].figure == f"{rp.num(lag)} days"

    exposure = pd.DataFrame(
        {
            "origin": ["NPL", "NPL", "KEN", "KEN"],
            "territory": ["UKR", "RUS"] * 2,
            "place": ["in Ukraine", "in Russia"] * 2,
            "status": ["yes", "no", "yes", "yes"],
        }
    )
    lg = {
        f.label: f.figure
        for f in fd.legal_findings(exposure, frozenset({"KEN", "UKR"}), pd.DataFrame({"status": ["outstanding", "deceased"]}))
    }
    assert lg["Recruits' origins whose nationals the ICC could reach for war crimes in Russia"] == "1 of 2"
    assert lg["Recruits' origins whose nationals the ICC could reach for war crimes in Ukraine"] == "2 of 2"
    assert lg["States Parties to the Rome Statute"] == "2" and lg["Arrest warrants in the Ukraine situation"] == "2"
    assert len(fd.legal_findings(exposure, legal.states_parties(when), pd.DataFrame())) == 3

    rf = fd.recruit_findings(claims, data.load("responses", when), when)
    top = og.ranked(claims, ("recruited", "identified_by_name"), when).iloc[0]
    assert rf[1].label == f"Largest figure ({top['country']})" and rf[1].figure == rp.band(top)
    assert rf[2].figure == f"at least {rp.num(og.named_dead(claims, when)['floor'].iloc[0])}"


def test_findings_in_markdown_keep_data_as_text_and_say_when_nothing_is_known():
    from helpers.presentation import findings as fd

    text = fd.markdown([Finding("Largest figure (*Côte d'Ivoire*)", "at least 5", "a [link](x)", "countries/CIV.html")])
    assert text == r"- **Largest figure \(\*Côte d'Ivoire\*\): at least 5** — a \[link\]\(x\) ([evidence](countries/CIV.html))"
    assert fd.markdown([]) == "_No figure was known on this date._"
    assert fd.recruit_findings(data.claims("2022-03-15").iloc[0:0], pd.DataFrame(), "2022-03-15") == []
