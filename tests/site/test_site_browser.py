"""End-to-end: the rendered site in headless Chromium (Debian's chromium), served from localhost.

Asserts no console errors, no failed or outside requests, no broken internal links or images,
every notebook card and figure present; saves screenshots under build/screenshots/.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from helpers.site.build import build

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: run `bash scripts/install-chromium.sh` (CI does)"),
]
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    summary = build(out)  # renders the stored notebooks, which nbval keeps equal to a fresh run
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", out, summary
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def visit(browser, url: str, shot: Path | None = None):
    """Load `url` and wait until the network is idle (so a late request would be caught); return (console errors,
    failed or outside requests, internal links, images). Other tests wait for the load event only: the site's scripts
    fetch nothing after it (charts carry their data inline, search its index as a script), which this visit checks."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, bad = [], []
    host = urlparse(url).netloc
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: bad.append(f"failed {r.url}"))
    page.on(
        "request",
        lambda r: (
            bad.append(f"outside {r.url}") if urlparse(r.url).netloc not in (host, "") and not r.url.startswith("data:") else None
        ),
    )
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, url
    links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    images = page.eval_on_selector_all("img", "els => els.map(e => [e.getAttribute('src'), e.complete && e.naturalWidth > 0])")
    if shot:
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), full_page=False)
    page.close()
    return errors, bad, links, images


def test_every_page_loads_cleanly(site, browser):
    base, out, _ = site
    pages = sorted(p.name for p in out.glob("*.html"))
    assert {"index.html", "data.html", "bibliography.html"} <= set(pages) and len(pages) >= 7
    checked = set()
    for name in pages + ["figures/index.html", "countries/index.html", "countries/KEN.html", "countries/PRK.html"]:
        errors, bad, links, images = visit(
            browser, urljoin(base, name), ROOT / "build" / "screenshots" / f"{name.replace('/', '-')}.png"
        )
        assert errors == [], (name, errors)
        assert bad == [], (name, bad)
        assert all(ok for _, ok in images), (name, [s for s, ok in images if not ok])
        for href in links:
            target = urlparse(urljoin(urljoin(base, name), href))
            if target.netloc != urlparse(base).netloc or target.path in checked:
                continue
            checked.add(target.path)
            assert (out / target.path.lstrip("/")).exists(), f"{name}: broken link {href}"


def test_index_has_a_card_and_thumbnail_per_notebook(site, browser):
    base, out, _ = site
    page = browser.new_page()
    page.goto(urljoin(base, "index.html"))
    stems = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    for stem in stems:
        card = page.locator(f"#card-{stem}")
        assert card.count() == 1, stem
        assert card.locator("img").count() == 1 and card.locator("h2 a").count() == 1
    page.close()


def test_every_notebook_figure_is_on_its_page(site, browser):
    import json

    base, out, _ = site
    page = browser.new_page()
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        stored = json.loads(nb.read_text())
        expected = sum(1 for c in stored["cells"] for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
        page.goto(urljoin(base, f"{nb.stem}.html"))
        assert page.locator("article figure img").count() == expected >= 1, nb.stem
    page.close()


def test_data_strings_are_escaped(tmp_path, browser, monkeypatch):
    """A source title containing <script> shows as text on the bibliography page."""
    import pandas as pd

    from helpers.site import pages as site_pages

    sources = pd.DataFrame(
        [
            dict(
                source_id="x-1",
                publisher="P",
                title="<script>window.__pwned=1</script>",
                url="https://e.org/a",
                published=pd.Timestamp("2024-01-01"),
                author=None,
                primacy="primary",
                original_claimant=None,
                reliability="standard",
                verification="verified",
            )
        ]
    )
    claims = pd.DataFrame({"source_id": ["x-1"], "claim_id": ["c-1"]})
    (tmp_path / "b.html").write_text(site_pages.bibliography(sources, claims, {}, {}, "2024-01-01"))
    page = browser.new_page()
    page.goto((tmp_path / "b.html").as_uri())
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned=1</script>" in page.inner_text("body")
    page.close()


def test_a_country_page_shows_each_claims_quote_and_source(site, browser):
    """Reachable from the countries map; every claim carries its verbatim quote and a link to its source page."""
    import csv

    base, out, _ = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(urljoin(base, "countries/index.html"))
    assert page.locator(".map svg a[href='KEN.html']").count() >= 1, "the map links Kenya to its page"
    assert page.locator("table a[href='KEN.html']").count() == 1, "the table links Kenya to its page"
    page.goto(urljoin(base, "countries/KEN.html"))
    rows = [r for r in csv.DictReader(open(ROOT / "data" / "claims.csv", encoding="utf-8")) if r["origin"] == "KEN"]
    sources = {r["source_id"]: r["url"] for r in csv.DictReader(open(ROOT / "data" / "sources.csv", encoding="utf-8"))}
    first = rows[0]
    item = page.locator(f"#claim-{first['claim_id']}")
    assert item.count() == 1
    assert first["quote"] in item.locator("blockquote").inner_text()
    assert item.locator("a.source").get_attribute("href") == sources[first["source_id"]]
    assert page.locator("ol.claims > li").count() == len(rows)
    assert "no figure in the data" in page.inner_text("table.country")
    page.screenshot(path=str(ROOT / "build" / "screenshots" / "countries-KEN.png"), full_page=False)
    page.close()


def _claims_by_id():
    import csv

    return {r["claim_id"]: r for r in csv.DictReader(open(ROOT / "data" / "claims.csv", encoding="utf-8"))}


def _source_urls():
    import csv

    return {r["source_id"]: r["url"] for r in csv.DictReader(open(ROOT / "data" / "sources.csv", encoding="utf-8"))}


@pytest.mark.parametrize("stem", ["01_manpower", "04_recruits_by_country"])
@pytest.mark.parametrize("how", ["hover", "tap"])
def test_a_claims_chart_point_shows_its_quote_and_source(site, browser, stem, how):
    """Hovering (mouse) or tapping (touch) a point of a claims chart shows institution, date, figure, quote and a source link."""
    base, out, _ = site
    touch = how == "tap"
    context = browser.new_context(viewport={"width": 390 if touch else 1280, "height": 900}, has_touch=touch, is_mobile=touch)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(urljoin(base, f"{stem}.html"), wait_until="load")
    page.wait_for_selector("html[data-charts=ready]", timeout=15000)
    chart = page.locator(".vl-chart").first
    points = chart.locator(".mark-symbol path")
    assert points.count() >= 10
    point = points.nth(points.count() // 2)
    point.scroll_into_view_if_needed()
    if touch:
        point.tap(force=True)
    else:
        point.hover(force=True)
    panel = chart.locator(".claim-detail")
    panel.wait_for(state="visible", timeout=5000)
    claim_id = panel.locator("a.claim-permalink").inner_text().removeprefix("claim ").strip()
    claim = _claims_by_id()[claim_id]
    assert " ".join(claim["quote"].split()) in " ".join(panel.locator("blockquote").inner_text().split())
    assert panel.locator("a.claim-source").get_attribute("href") == _source_urls()[claim["source_id"]]
    assert panel.locator("a.claim-permalink").get_attribute("href") == f"claims.html#claim-{claim_id}"
    head = panel.locator(".claim-head").inner_text()
    assert claim["claimant_id"] and head.strip()
    assert any(w in panel.locator(".claim-figure").inner_text() for w in ("about", "at least", "at most", "exactly", "range"))
    assert errors == []
    (ROOT / "build" / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ROOT / "build" / "screenshots" / f"{stem}-chart-{how}-{390 if touch else 1280}.png"))
    context.close()


def test_search_finds_an_institutions_claims(site, browser):
    """Searching an institution's name lists the institution first and its claims, each a permalink on the claims page."""
    import csv

    base, out, _ = site
    institutions = {r["claimant_id"]: r for r in csv.DictReader(open(ROOT / "data" / "claimants.csv", encoding="utf-8"))}
    claims = [c for c in _claims_by_id().values() if c["claimant_id"] == "kor-nis"]
    name = institutions["kor-nis"]["short_name"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(urljoin(base, "index.html"), wait_until="load")
    page.fill("header.site input[type=search]", name)
    page.press("header.site input[type=search]", "Enter")
    page.wait_for_selector("html[data-search=ready]")
    hits = page.locator("#search-results li")
    assert hits.count() >= len(claims) > 0
    first = hits.first.locator("a")
    assert first.get_attribute("href") == "claims.html#inst-kor-nis"
    found = set(page.eval_on_selector_all("#search-results li.hit-claim a", "els => els.map(e => e.getAttribute('href'))"))
    assert {f"claims.html#claim-{c['claim_id']}" for c in claims} <= found
    page.screenshot(path=str(ROOT / "build" / "screenshots" / "search-1280.png"))
    first.click()
    page.wait_for_load_state()
    section = page.locator("#inst-kor-nis")
    assert section.locator("ol.claims > li").count() == len(claims)
    assert page.locator(f"#claim-{claims[0]['claim_id']} blockquote").inner_text().strip()
    # a country and a source are found too
    page.goto(urljoin(base, "search.html?q=Nepal"), wait_until="load")
    assert page.locator("#search-results li.hit-country a[href='countries/NPL.html']").count() == 1
    page.close()


PHONE_PAGES = [
    "index.html",
    "01_manpower.html",
    "03_legal_exposure.html",
    "04_recruits_by_country.html",
    "bibliography.html",
    "data.html",
    "claims.html",
    "search.html?q=Kursk",
    "countries/index.html",
    "countries/PRK.html",
]


@pytest.mark.parametrize("width", [1280, 390])
def test_no_horizontal_page_scroll_and_screenshots(site, browser, width):
    """At 1280 and 390 px no page scrolls sideways (tables and figures scroll in their own box); at 390 the contents collapse."""
    base, out, _ = site
    page = browser.new_page(viewport={"width": width, "height": 844 if width == 390 else 900})
    for name in PHONE_PAGES:
        page.goto(urljoin(base, name), wait_until="load")
        if ".html?" not in name and name.endswith(".html") and page.locator(".vl-chart").count():
            page.wait_for_selector("html[data-charts=ready]", timeout=15000)
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{name} at {width} px scrolls sideways ({scroll} > {client})"
        if page.locator("nav.toc details").count():
            is_open = page.evaluate("document.querySelector('nav.toc details').open")
            assert is_open == (width > 760), f"{name}: contents {'open' if is_open else 'closed'} at {width} px"
        page.screenshot(
            path=str(ROOT / "build" / "screenshots" / f"{width}-{name.split('?')[0].replace('/', '-')}.png"), full_page=False
        )
    page.close()


def test_the_claims_page_filters_by_origin_metric_and_words(site, browser):
    """A reader narrows 400+ claims to Kenya's, then to its dead, from the page itself or a link (?origin=KEN)."""
    base, _, _ = site
    claims = list(_claims_by_id().values())
    kenya = [c for c in claims if c["origin"] == "KEN"]
    killed = [c for c in kenya if c["metric"] == "killed"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(urljoin(base, "claims.html?origin=KEN"), wait_until="load")
    # the filter applies once its script has run and read the query string: wait for its count, then compare
    page.wait_for_function(
        "n => (document.querySelector('form.claim-filter .count') || {}).textContent === n",
        arg=f"{len(kenya)} of {len(claims)} claims shown",
        timeout=15000,
    )
    visible = "els => els.filter(e => !e.hidden).map(e => e.id)"
    shown = page.eval_on_selector_all("ol.claims > li", visible)
    assert sorted(shown) == sorted(f"claim-{c['claim_id']}" for c in kenya) and kenya
    assert page.locator("form.claim-filter .count").inner_text() == f"{len(kenya)} of {len(claims)} claims shown"
    page.select_option("form.claim-filter select[name=metric]", "killed")
    assert sorted(page.eval_on_selector_all("ol.claims > li", visible)) == sorted(f"claim-{c['claim_id']}" for c in killed)
    hidden_sections = page.eval_on_selector_all("section.institution", "els => els.filter(e => e.hidden).length")
    assert hidden_sections > 0  # institutions without a Kenyan death are folded away
    page.select_option("form.claim-filter select[name=metric]", "")
    page.fill("form.claim-filter input[name=q]", kenya[0]["claim_id"])
    assert page.eval_on_selector_all("ol.claims > li", visible) == [f"claim-{kenya[0]['claim_id']}"]
    page.close()


def test_a_notebook_table_sorts_by_a_column(site, browser):
    base, _, _ = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(urljoin(base, "00_evidence_base.html"), wait_until="load")
    table = page.locator("table.data-table").first
    header = table.locator("thead th").filter(has_text="Total")
    column = table.locator("thead th").evaluate_all("ths => ths.map(t => t.textContent.trim())").index("Total")
    values = f"t => Array.from(t.tBodies[0].rows).map(r => parseInt(r.cells[{column}].textContent.replace(/,/g, ''), 10))"
    header.click()
    up = table.evaluate(values)
    assert up == sorted(up) and header.get_attribute("aria-sort") == "ascending"
    header.click()
    down = table.evaluate(values)
    assert down == sorted(up, reverse=True) and header.get_attribute("aria-sort") == "descending"
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_index_opens_on_key_figures_that_lead_to_their_evidence(site, browser, width):
    base, out, _ = site
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(urljoin(base, "index.html"), wait_until="load")
    figures = page.locator("section.key-figures li")
    assert 3 <= figures.count() <= 5
    top = page.locator("section.key-figures").bounding_box()["y"]
    assert top < page.locator("#notebooks").bounding_box()["y"] and top < 900  # on the first screen
    for href in page.eval_on_selector_all("section.key-figures a", "els => els.map(e => e.getAttribute('href'))"):
        assert (out / href).is_file(), href
    page.screenshot(path=str(ROOT / "build" / "screenshots" / f"index-key-figures-{width}.png"))
    page.close()


def test_the_map_names_each_country_and_its_estimates_on_hover_and_opens_in_the_same_tab(site, browser):
    base, _, _ = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(urljoin(base, "countries/index.html"), wait_until="load")
    link = page.locator('div.map a[href="KEN.html"]')
    assert link.get_attribute("target") is None
    title = link.locator("title").text_content()
    row = page.locator("table.data-table tr", has=page.locator('a[href="KEN.html"]'))
    recruits = row.locator("td").nth(2).inner_text()
    assert title.startswith("Kenya: recruits ") and recruits in title
    link.locator("path").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("countries/KEN.html") and len(page.context.pages) == 1
    page.close()


def test_search_ranks_a_phrase_first_and_marks_the_words_it_found(site, browser):
    base, _, _ = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(urljoin(base, "search.html?q=Art. 127"), wait_until="load")
    page.wait_for_selector("html[data-search=ready]")
    first = page.locator("#search-results li").first
    assert "art. 127" in first.inner_text().lower()  # the phrase, not 'Art.' and '127' apart
    marks = page.eval_on_selector_all("#search-results mark", "els => els.map(e => e.textContent.toLowerCase())")
    assert marks and set(marks) <= {"art", "127"}
    page.goto(urljoin(base, "search.html?q=<img src=x onerror=alert(1)>"), wait_until="load")
    assert page.locator("#search-results img").count() == 0  # marks are built from text, never from markup
    page.close()


@pytest.mark.parametrize("stem", ["01_manpower", "04_recruits_by_country"])
def test_every_interactive_chart_has_a_source_line(site, browser, stem):
    base, _, _ = site
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(urljoin(base, f"{stem}.html"), wait_until="load")
    charts = page.locator("figure.chart")
    assert charts.count() > 0
    _, out, _ = site
    for i in range(charts.count()):
        line = charts.nth(i).locator("p.chart-source").inner_text()
        assert line.startswith("Source: data/claims.csv, ") and " claims by " in line and "newest " in line
        # the chart's claims as CSV, readable alone: one row per claim it draws, with institution, lineage and page
        link = charts.nth(i).locator('figcaption a[href$=".csv"]')
        rows = (out / link.get_attribute("href")).read_text(encoding="utf-8").splitlines()
        assert link.inner_text() == f"CSV of its {len(rows) - 1:,} claims" and len(rows) > 1
        assert {"claim_id", "institution", "lineage", "quote", "url"} <= set(rows[0].split(","))
    page.close()


@pytest.mark.parametrize("stem", ["01_manpower", "04_recruits_by_country"])
def test_no_legend_label_is_cut_on_a_phone(site, browser, stem):
    """At 390 px every legend entry of an interactive chart is whole ('at most', not 'at mos…') and inside its chart."""
    base, _, _ = site
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(urljoin(base, f"{stem}.html"), wait_until="load")
    page.wait_for_selector("html[data-charts=ready]")
    labels = page.evaluate("""() => Array.from(document.querySelectorAll('.vl-chart svg')).flatMap(svg => {
        const box = svg.getBoundingClientRect();
        return Array.from(svg.querySelectorAll('.role-legend-label text')).map(t => {
            const r = t.getBoundingClientRect();
            return [t.textContent, r.left >= box.left - 1 && r.right <= box.right + 1 && r.right <= window.innerWidth];
        });
    })""")
    assert labels, "no legend labels found"
    assert all(inside for _, inside in labels), [t for t, inside in labels if not inside]
    assert not any(t.endswith("…") for t, _ in labels), [t for t, _ in labels if t.endswith("…")]
    page.close()


class Reader:
    """A reader starting on the index who follows links: every page load is one navigation."""

    def __init__(self, browser, base: str, width: int):
        self.base = base
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.goto(urljoin(base, "index.html"), wait_until="load")
        self.steps: list[str] = []

    def follow(self, link) -> None:
        link.scroll_into_view_if_needed()
        with self.page.expect_navigation(wait_until="load"):
            link.click()
        here = urlparse(self.page.url)
        self.steps.append(here.path.removeprefix(urlparse(self.base).path) + (f"?{here.query}" if here.query else ""))

    def search(self, words: str) -> None:
        box = self.page.locator("header.site input[type=search]")
        box.fill(words)
        with self.page.expect_navigation(wait_until="load"):
            box.press("Enter")
        self.page.wait_for_selector("html[data-search=ready]")
        self.steps.append(f"search: {words}")


def _claim_of(page, row):
    """The claim a table row links to, on the page it is on: its institution line and its quote."""
    href = row.locator('a[href*="#claim-"]').first.get_attribute("href")
    item = page.locator(f"li#{href.split('#', 1)[1]}")
    return item.inner_text(), item.locator("blockquote").inner_text()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_reader_answers_six_questions_within_two_navigations_of_the_index(site, browser, width):
    """The six questions of an analyst: each answered with its figure, institution and quote, starting on the index."""
    from helpers import data
    from helpers.analysis import origins as og
    from helpers.presentation.report import num

    base, out, _ = site
    claims = data.claims(None)
    paths = {}

    # 1. North Korean troops now: the key figure leads to the country's estimate, the claims behind it and their quotes.
    r = Reader(browser, base, width)
    figure = r.page.locator("section.key-figures li", has_text="North Korean troops in Russia")
    shown = figure.locator(".figure").inner_text()
    r.follow(figure.locator("a"))
    row = r.page.locator("table.estimate tr", has=r.page.locator("th", has_text=re.compile("^deployed$"))).first
    assert shown in row.inner_text()
    who, quote = _claim_of(r.page, row)
    assert quote and any(name in who for name in claims.loc[claims["origin"] == "PRK", "claimant"].astype(str))
    paths["North Korean troops now"] = r.steps

    # 2. Kenyans recruited and dead, and what Kenya does: the phone list beside the map, then Kenya's page.
    r = Reader(browser, base, width)
    r.follow(r.page.locator("header.site a", has_text="Countries"))
    r.follow(r.page.locator("ol.map-list a", has_text="Kenya"))
    for metric in ("recruited", "killed"):
        row = r.page.locator("table.estimate tr", has=r.page.locator("th", has_text=re.compile(f"^{metric}$"))).first
        assert row.locator("strong").inner_text()
        assert _claim_of(r.page, row)[1]
    assert r.page.locator("ol.responses > li").count() == len(data.load("responses").query("state == 'KEN'"))
    assert r.page.locator("ol.responses > li blockquote").first.inner_text()
    with r.page.expect_download() as download:
        r.page.locator('a[href="KEN.csv"]').click()
    rows = (out / "countries" / "KEN.csv").read_text(encoding="utf-8").splitlines()
    assert download.value.suggested_filename == "KEN.csv" and len(rows) == 1 + len(og.country_claims(claims, "KEN"))
    assert {"institution", "quote", "url"} <= set(rows[0].split(","))
    paths["Kenyans recruited and dead, and Kenya's responses"] = r.steps

    # 3. Which countries lost the most on the named lists: notebook 04's ranking, one column per list, linked to claims.
    r = Reader(browser, base, width)
    r.follow(r.page.locator("#card-04_recruits_by_country h2 a"))
    dead = og.named_dead(claims)
    table = r.page.locator("xpath=//*[@id='deaths-on-the-named-lists-by-country']/following::table[1]")
    first = table.locator("tbody tr").first.inner_text()
    assert dead["country"].iloc[0] in first and num(dead["floor"].iloc[0]) in first
    r.follow(table.locator("tbody tr").first.locator('a[href*="claims.html#claim-"]').first)
    target = r.page.locator("li:target")
    assert target.locator("blockquote").inner_text() and "killed" in target.inner_text()
    paths["Deaths on the named lists by country"] = r.steps

    # 4. Could the ICC reach a Nepali in Donetsk, a Cuban in Zaporizhzhia, a North Korean in Kursk? Search names the
    #    province, its state and the article; the country page says whether the Court reaches its nationals in Russia.
    r = Reader(browser, base, width)
    r.search("Zaporizhzhia")
    hit = r.page.locator("#search-results li").first
    assert "Zaporizhzhia Oblast (Ukraine)" in hit.inner_text() and "Art. 12(2)(a)" in hit.inner_text()
    r.page.locator("#search-form input[name=q]").fill("Donetsk Oblast")
    r.page.locator("#search-form input[name=q]").press("Enter")
    r.page.wait_for_function(
        "document.querySelector('#search-results li') && "
        "document.querySelector('#search-results li').textContent.includes('Donetsk Oblast (Ukraine)')"
    )
    paths["ICC: a Cuban in Zaporizhzhia, a Nepali in Donetsk (one search page)"] = r.steps
    r = Reader(browser, base, width)
    r.follow(r.page.locator("section.key-figures li", has_text="North Korean troops in Russia").locator("a"))
    in_russia = r.page.locator("#icc ~ table tr", has_text="in Russia").first
    expected = og.icc_exposure(["PRK"]).set_index("place").loc["in Russia", "status"]
    assert in_russia.locator(f"td.status-{expected}").count() == 1
    paths["ICC: a North Korean in Kursk"] = r.steps

    # 5. What was known on 31 Dec 2024: the claims page filtered to what was known by then equals the as-of view.
    r = Reader(browser, base, width)
    r.follow(r.page.locator("header.site a", has_text="Claims"))
    form = r.page.locator("form.claim-filter")
    form.locator("select[name=origin]").select_option("PRK")
    form.locator("input[name=known]").fill("2024-12-31")
    then = data.claims("2024-12-31")
    expected = len(then[then["origin"] == "PRK"])
    r.page.wait_for_function(f"document.querySelector('form.claim-filter .count').textContent.startsWith('{expected} of ')")
    visible = r.page.eval_on_selector_all("ol.claims > li:not([hidden])", "els => els.map(e => e.dataset.known)")
    assert len(visible) == expected and max(visible) <= "2024-12-31"
    cite = r.page.locator("ol.claims > li:not([hidden]) details.cite").first
    cite.locator("summary").click()
    line = cite.locator("p").inner_text()
    assert "claims.html#claim-" in line and "http" in line and ("“" in line or '"' in line)
    paths["What was known on 31 Dec 2024"] = r.steps

    # 6. India's claims as CSV with a citation: the country page's download and citation line.
    r = Reader(browser, base, width)
    r.search("India")
    r.follow(r.page.locator("#search-results li.hit-country a", has_text="India").first)
    assert r.page.locator('a[href="IND.csv"]').count() == 1 and "Cite as:" in r.page.locator("p.cite").inner_text()
    paths["India's claims as CSV with a citation"] = r.steps

    for question, steps in paths.items():
        assert len(steps) <= 2, (question, steps)
    (ROOT / "build" / "screenshots").mkdir(parents=True, exist_ok=True)
    (ROOT / "build" / "screenshots" / f"reader-paths-{width}.txt").write_text(
        "".join(f"{q}: {len(s)} navigation(s): {' → '.join(s)}\n" for q, s in paths.items()), encoding="utf-8"
    )


def test_an_as_of_build_says_so_on_every_page_and_leads_to_the_current_collection(site, browser):
    from helpers.site.build import mark_as_of

    base, out, _ = site
    copy = out.parent / "site-as-of-2024-12-31"  # beside the current site, where `make run AS_OF=...` puts it
    shutil.copytree(out, copy)
    try:
        assert mark_as_of(copy, "2024-12-31") == len(list(copy.rglob("*.html")))
        page = browser.new_page(viewport={"width": 390, "height": 900})
        for rel in ("index.html", "countries/KEN.html", "claims.html"):
            page.goto((copy / rel).as_uri(), wait_until="load")  # beside the current site on disk, as a reader opens it
            banner = page.locator("p.as-of")
            assert banner.count() == 1 and "As of 2024-12-31." in banner.inner_text()
            assert (
                banner.bounding_box()["y"] < page.locator("main").bounding_box()["y"] + 1
            )  # above the content, on the first screen
            with page.expect_navigation(wait_until="load"):
                banner.locator("a").click()
            assert urlparse(page.url).path.endswith("/site/index.html") and page.locator("p.as-of").count() == 0
        page.close()
    finally:
        shutil.rmtree(copy)
