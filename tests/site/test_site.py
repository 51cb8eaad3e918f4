"""Unit tests for the site generators: bibliography exports and the data dictionary."""

from __future__ import annotations

import copy
import json

import bibtexparser
import pandas as pd

from helpers import data
from helpers.data.schema import load_package, parse_package
from helpers.presentation.citations import bibtex, csl_json, reference, reference_list, used_source_ids
from helpers.site.pages import data_dictionary
from helpers.site.render import markdown


def test_bibtex_of_every_source_parses():
    sources = data.sources()
    library = bibtexparser.parse_string(bibtex(sources))
    assert not library.failed_blocks
    assert len(library.entries) == len(sources)
    keys = {e.key for e in library.entries}
    assert keys == set(sources["source_id"])


def test_bibtex_escapes_special_characters():
    s = pd.DataFrame(
        [
            dict(
                source_id="a-1",
                publisher="R&D {Lab}",
                title="50% of $x_1$ #tag",
                url="https://e.org/?a=1&b=2",
                published=pd.Timestamp("2024-05-02"),
                author=None,
                source_type="media",
                primacy="secondary",
                original_claimant="Some Ministry",
                reliability="low",
            )
        ]
    )
    library = bibtexparser.parse_string(bibtex(s))
    (entry,) = library.entries
    assert entry.entry_type == "online" and entry["date"] == "2024-05-02"
    assert r"50\% of \$x\_1\$ \#tag" in entry["title"]
    assert "Secondary report of Some Ministry" in entry["note"]


def test_csl_json_items():
    items = csl_json(data.sources())
    first = items[0]
    assert {"id", "type", "title", "URL", "author"} <= set(first)
    dated = [i for i in items if "issued" in i]
    assert all(len(i["issued"]["date-parts"][0]) == 3 for i in dated)
    json.dumps(items)  # serialisable


def test_reference_flags_secondary_and_low_reliability():
    row = data.sources().iloc[0].copy()
    row["primacy"], row["original_claimant"], row["reliability"] = "secondary", "X Ministry", "low"
    text = reference(row)
    assert "secondary report of X Ministry" in text and "low reliability" in text


def test_used_source_ids_and_reference_list_order():
    ids = used_source_ids(pd.Series(["b", "a"]), pd.Series([("a", "c")]))
    assert ids == ["b", "a", "c"]
    s = data.sources()
    refs = reference_list(s, s["source_id"].iloc[:3])
    assert len(refs) == 3 and list(refs.columns) == ["source_id", "reference"]


def test_data_dictionary_lists_every_column_and_follows_the_schema():
    package = load_package()
    page = data_dictionary(package, "2026-01-01")
    for res in package.resources:
        assert f'href="data/{res.path}"' in page
        for f in res.fields:
            assert f"<code>{f.name}</code>" in page
    raw = copy.deepcopy(package.raw)
    raw["resources"][1]["schema"]["fields"].append(
        {"name": "confidence_note", "type": "string", "description": "A new column <b>"}
    )
    page2 = data_dictionary(parse_package(raw), "2026-01-01")
    assert "<code>confidence_note</code>" in page2 and "A new column &lt;b&gt;" in page2


def test_markdown_escapes_raw_html():
    out = markdown("Title with <script>alert(1)</script> and **bold**")
    assert "<script>" not in out and "&lt;script&gt;" in out and "<strong>bold</strong>" in out


def test_the_data_dictionary_says_what_the_search_could_not_find():
    from helpers.data.schema import load_package
    from helpers.site.pages import data_dictionary, esc

    package = load_package()
    html = data_dictionary(package, "record searched up to 2026-06-30")
    gaps = package.raw["coverage_gaps"]
    assert gaps and 'id="coverage-gaps"' in html
    assert all(esc(g["subject"]) in html for g in gaps)


def test_claim_ids_in_notebook_tables_link_to_their_permalinks():
    from helpers.site.render import link_claim_ids

    known = frozenset({"dprk-026", "dprk-072", "ken-120"})
    html = "<tr><td>dprk-026;dprk-072</td><td>ken-120</td><td>ken-999</td><td>Kenya</td></tr>"
    out = link_claim_ids(html, known)
    assert (
        '<td><a href="claims.html#claim-dprk-026"><code>dprk-026</code></a>;'
        '<a href="claims.html#claim-dprk-072"><code>dprk-072</code></a></td>'
    ) in out
    assert '<td><a href="claims.html#claim-ken-120"><code>ken-120</code></a></td>' in out
    assert "<td>ken-999</td>" in out and "<td>Kenya</td>" in out  # unknown ids and words stay text


def test_search_knows_provinces_by_every_spelling_and_says_what_the_court_could_reach_there():
    from helpers.analysis import origins as og
    from helpers.site.search import place_entries

    when = data.analysis_date(None)
    claims = data.claims(when)
    exposure = og.icc_exposure(og.origin_countries(claims), when)
    entries = {e[1]: e for e in place_entries(claims, exposure, when)}
    zap = entries["Zaporizhzhia Oblast (Ukraine)"]
    assert "Zaporozhye" in zap[2] and "UA-23" in zap[2]
    in_ukraine = exposure[exposure["place"] == "in Ukraine"]
    assert (
        f"Art. 12(2)(a): the territory of a State Party or of a state accepting the Court; the Court could reach nationals of {(in_ukraine['status'] == 'yes').sum()} of {len(in_ukraine)} recruits' origins."
        in zap[2]
    )
    kursk = entries["Kursk Oblast (Russia)"]
    named = (claims["location"].fillna("") + " " + claims["quote"].fillna("")).str.contains(r"\b(?:Kursk|Kurskaya)", case=False)
    assert f"{named.sum()} claims name it" in kursk[2] and kursk[3] == "claims.html?q=Kursk"
    assert "Art. 12(2)(b): the accused's nationality alone" in kursk[2]
    # a province no claim names leads to the Court's reach, not to an empty list of claims
    unnamed = [e for e in entries.values() if " 0 claims name it." in e[2]]
    assert unnamed and all(e[3] == "03_legal_exposure.html#when-could-the-icc-reach-whom" for e in unnamed)
    # the province's state decides which rows apply, by its code: words for the place change nothing
    reworded = {e[1]: e for e in place_entries(claims, exposure.assign(place="en " + exposure["territory"]), when)}
    assert reworded == entries


def test_the_search_index_holds_only_whole_entries_provinces_included():
    from helpers.analysis import origins as og
    from helpers.site.search import index_entries, place_entries

    when = data.analysis_date(None)
    claims = data.claims(when)
    countries = og.origin_countries(claims)
    provinces = place_entries(claims, og.icc_exposure(countries, when), when)
    entries = index_entries([], claims, data.sources(when), countries, provinces)
    assert all(isinstance(e, list) and len(e) == 4 and all(isinstance(v, str) for v in e) for e in entries)
    assert [e for e in entries if e[0] == "place"] == provinces


def test_a_charts_claims_are_every_claim_it_draws_once():
    from helpers.site.render import chart_claim_ids

    spec = {
        "layer": [
            {"data": {"values": [{"country": "Kenya", "low": 1}]}},
            {"data": {"values": [{"claim_id": "b"}, {"claim_id": "a"}, {"claim_id": "b"}]}},
        ]
    }
    assert chart_claim_ids(spec) == ["b", "a"]
    assert chart_claim_ids({"data": {"values": [{"claim_id": "c"}]}}) == ["c"]


def test_the_collection_is_cited_from_its_citation_file(tmp_path):
    from helpers.data import releases

    rel = releases.current()
    line = releases.citation_line("2026-06-30")
    assert f"Version {rel.version}, released {rel.released}; record searched up to 2026-06-30" in line
    assert line.startswith("Foreign manpower collection contributors (") and "CC-BY-4.0" in line
    other = tmp_path / "CITATION.cff"
    other.write_text(
        "cff-version: 1.2.0\ntitle: T\nauthors:\n  - family-names: Doe\n    given-names: Ann\nversion: 9.9.9\n"
        "date-released: 2030-01-02\nlicense: CC-BY-4.0\n",
        encoding="utf-8",
    )
    assert releases.citation_line("2029-12-31", other).startswith("Doe, Ann (2030). T. Version 9.9.9, released 2030-01-02;")
    # a view as of an earlier date names that date, never the later day of the release
    then = releases.citation_line("2024-12-31", as_of=True)
    assert f"Version {rel.version}, the record as it stood on 2024-12-31." in then and rel.released not in then
