"""The index's key figures are the analyses' own results in words, as of the date asked for, each linked to its evidence."""

from __future__ import annotations

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
    html = index_page([card], {"claims": 1}, "record searched up to 2026-06-30", "cite",
                      [Finding("North Korean troops in Russia", "10,000", "1 independent lineage", "countries/PRK.html")])
    assert html.index('id="key-figures"') < html.index('id="notebooks"')
    assert '<a href="countries/PRK.html"><span class="label">North Korean troops in Russia</span> <strong class="figure">10,000</strong>' in html
    assert '<div class="findings"><p>one</p></div>' in html
