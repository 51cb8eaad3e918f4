"""End-to-end: the rendered site in headless Chromium (Debian's chromium), served from localhost.

Asserts no console errors, no failed or outside requests, no broken internal links or images,
every notebook card and figure present; saves screenshots under build/screenshots/.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from helpers.build import build

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: run `bash scripts/install-chromium.sh` (CI does)"),
]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


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
    """Load `url`; return (console errors, failed or outside requests, internal links, images)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, bad = [], []
    host = urlparse(url).netloc
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: bad.append(f"failed {r.url}"))
    page.on("request", lambda r: bad.append(f"outside {r.url}") if urlparse(r.url).netloc not in (host, "") and not r.url.startswith("data:") else None)
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
        errors, bad, links, images = visit(browser, urljoin(base, name), ROOT / "build" / "screenshots" / f"{name.replace('/', '-')}.png")
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

    from helpers import site_pages

    sources = pd.DataFrame([dict(source_id="x-1", publisher="P", title="<script>window.__pwned=1</script>", url="https://e.org/a",
                                 published=pd.Timestamp("2024-01-01"), author=None, primacy="primary", original_claimant=None,
                                 reliability="standard", verification="verified")])
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
