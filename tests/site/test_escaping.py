"""Data reaches every output as text: no Markdown/HTML injection on the site, no BibTeX entry
cut short by a brace, no figure broken by mathtext, a leading underscore or a control character."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import bibtexparser
import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest

from helpers.presentation import plotting
from helpers.presentation.citations import bibtex
from helpers.site.pages import index_page, notebook_page
from helpers.site.render import render

INJECTIONS = [
    "![tracker](https://evil.example/pixel.png)",
    "[official figures](https://evil.example/phish)",
    "<https://evil.example/auto>",
    "[x](javascript:alert(1))",
    "<img src=https://evil.example/raw.png>",
]


def _notebook(tmp_path, text: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Title\n\n**Question.** What?"),
        nbformat.v4.new_code_cell("md(...)", outputs=[nbformat.v4.new_output("display_data", data={"text/markdown": text})]),
        nbformat.v4.new_code_cell("md(...)", outputs=[nbformat.v4.new_output("display_data", data={"text/markdown": text})]),
    ]
    nb.cells[2].metadata["tags"] = ["findings"]
    path = tmp_path / "00_test.ipynb"
    nbformat.write(nb, path)
    (tmp_path / "figures").mkdir()
    return render(path, tmp_path / "figures")


@pytest.mark.parametrize("payload", INJECTIONS)
def test_data_in_computed_markdown_cannot_inject_markup(tmp_path, payload):
    nb = _notebook(tmp_path, f"The newest source is **Example News**: {payload}.")
    for html in (notebook_page(nb, "2025-01-01"), index_page([nb], {"claims": 1}, "2025-01-01", "cite")):
        assert "<strong>Example News</strong>" in html  # ordinary emphasis still renders
        tags = re.findall(r"<(?:img|a)\b[^>]*>", html)
        assert not [t for t in tags if "evil.example" in t or "javascript" in t.lower() or "#harmful" in t], tags


def test_in_site_links_and_figures_still_render(tmp_path):
    nb = _notebook(tmp_path, "See [the figure](figures/a.png) and [the data](data.html#claims).")
    assert '<a href="figures/a.png">the figure</a>' in nb.body and '<a href="data.html#claims">' in nb.body


def _sources(url: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            dict(
                source_id="a-1",
                publisher="Example News",
                title="A title",
                url=url,
                published=pd.Timestamp("2024-05-02"),
                author=None,
                source_type="media",
                primacy="secondary",
                original_claimant="Some Ministry",
                reliability="low",
                verification="verified",
            )
        ]
    )


@pytest.mark.parametrize(
    "url", ["https://e.org/a}b", "https://e.org/a{b}", "https://e.org/a\\b", "https://e.org/}, title = {forged"]
)
def test_a_brace_in_a_url_cannot_end_the_bibtex_entry(url):
    library = bibtexparser.parse_string(bibtex(_sources(url)))
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {f.key: f.value for f in entry.fields}
    assert fields["date"] == "2024-05-02" and fields["year"] == "2024"
    assert "low reliability" in fields["note"] and fields["title"] == "{A title}"
    assert "{" not in fields["url"] and "}" not in fields["url"]


def test_percent_escapes_in_urls_are_kept():
    library = bibtexparser.parse_string(bibtex(_sources("https://e.org/a%20b?q=50%")))
    fields = {f.key: f.value for f in library.entries[0].fields}
    assert fields["url"] == "https://e.org/a%20b?q=50%25"


NAMES = ["Cost $\\frac{1$ office", "Pay $5 and $6 Ministry", "_leading underscore Agency", "Bell\x07 Service", "Plain Name"]


def test_data_labels_render_literally_in_figures(tmp_path):
    steps = pd.DataFrame(
        {
            "claimant": NAMES,
            "stated": pd.to_datetime(["2024-10-01", "2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]),
            "until": pd.NaT,
            "lo": [1, 2, 3, 4, 5],
            "hi": [2, 3, 4, 5, 6],
        }
    )
    fig, ax = plt.subplots()
    plotting.step_timeline(ax, steps, pd.Timestamp("2025-03-01"), "persons")
    svg = tmp_path / "f.svg"
    fig.savefig(svg, format="svg")
    fig.savefig(tmp_path / "f.png", format="png")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close(fig)
    assert len(legend) == len(NAMES)
    assert "_leading underscore Agency" in legend
    ET.parse(svg)  # valid XML: no control characters


def test_range_bars_and_status_grid_take_any_text(tmp_path):
    frame = pd.DataFrame(
        {"label": ["$x$ claim", "_under"], "note": ["$\\undefined$ note", "ESC\x1b note"], "lo": [1, 2], "hi": [3, 4]}
    )
    fig, (a, b) = plt.subplots(1, 2)
    plotting.range_bars(a, frame, "label", "note", "persons")
    plotting.status_grid(b, pd.DataFrame([["yes"]], index=["$\\bad$ row"], columns=["col\x07"]))
    fig.savefig(tmp_path / "g.svg", format="svg")
    plt.close(fig)
    ET.parse(tmp_path / "g.svg")


def test_data_strings_in_notebook_prose_never_become_markdown():
    """Names and titles are data: emphasis, code, links and images written into them stay literal text."""
    import re as _re

    from helpers.presentation import report as rp

    hostile = "A*b* `x` ![i](C:\\evil.png) [l](http://x) <script> _u_ #h"
    out = rp.text(hostile)
    assert not _re.search(r"(?<!\\)[*`\[\]()_#!]", out), out  # every Markdown character is escaped
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert rp.text(None) == "" and rp.text(float("nan")) == ""


def test_the_sources_cited_list_is_escaped_html(monkeypatch):
    import pandas as pd

    from helpers.presentation import report as rp

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, *a, **k: shown.append(obj))
    sources = pd.DataFrame(
        {
            "source_id": ["s-1"],
            "publisher": ["Pub *bold*"],
            "title": ["<img src=x onerror=alert(1)> `t`"],
            "url": ["https://example.org/a_b"],
            "published": [pd.Timestamp("2025-01-01")],
            "author": [None],
            "primacy": ["primary"],
            "reliability": ["standard"],
            "original_claimant": [None],
            "verification": ["verified"],
        }
    )
    rp.references(sources, ["s-1"])
    body = shown[0].data
    assert "<img" not in body and "&lt;img src=x" in body and "<code>s-1</code>" in body and body.count("<li>") == 1
