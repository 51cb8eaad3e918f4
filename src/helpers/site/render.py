"""Render an executed notebook to a self-contained, offline HTML page.

No CDN scripts, fonts or MathJax: Markdown through mistune with raw HTML escaped, code
highlighted by Pygments and folded in <details>, figures written as files under figures/.
Outputs are used as the notebook stored them; the page computes nothing of its own.
"""

from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import mistune
import nbformat
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

_MARKDOWN = mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])


def _in_site(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("//")


class _DataRenderer(mistune.HTMLRenderer):
    """Markdown that a notebook computed from the data (titles, names, quotes inside prose):
    emphasis and lists render, but an image or link written inside a data string must not put
    an outside image or link on the offline site; it is shown as text."""

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return super().image(text, url, title) if _in_site(url) else f"[image: {text}]"

    def link(self, text: str, url: str, title: str | None = None) -> str:
        return super().link(text, url, title) if _in_site(url) else f"{text} &lt;{html.escape(url)}&gt;"


_OUTPUT_MARKDOWN = mistune.create_markdown(renderer=_DataRenderer(escape=True), plugins=["table", "strikethrough"])
_FORMATTER = HtmlFormatter(nowrap=False, cssclass="highlight")
CODE_CSS = _FORMATTER.get_style_defs(".highlight")
SOURCE_ID = re.compile(r"\(`([a-z0-9][a-z0-9-]*)`\)")
#: The output MIME type of an interactive twin (helpers.presentation.interactive.MIME; not imported, to keep the renderer light).
CHART_MIME = "application/vnd.helpers.claims-chart+json"


def json_script(value) -> str:
    """JSON safe inside <script type="application/json"> (no '<', '>' or '&' left to end the element)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass
class RenderedNotebook:
    """What the site needs to know about one notebook after rendering it."""

    stem: str
    title: str
    question: str
    body: str
    toc: list[tuple[int, str, str]]
    findings: list[str] = field(default_factory=list)
    figures: list[tuple[str, str]] = field(default_factory=list)  # (file name, alt text)
    cited: list[str] = field(default_factory=list)
    charts: int = 0  # interactive charts on the page (the page then loads the chart scripts)
    chart_claims: dict[str, list[str]] = field(default_factory=dict)  # chart file name -> the claims it draws (its CSV)
    claim_ids: frozenset[str] = frozenset()  # ids that table cells may link to (the claims page's permalinks)


def chart_claim_ids(spec: dict) -> list[str]:
    """The claims an interactive chart draws (every record with a claim id, in any layer's data), in order, once each."""
    layers = [spec, *spec.get("layer", [])]
    ids = [
        r["claim_id"]
        for layer in layers
        for r in layer.get("data", {}).get("values", [])
        if isinstance(r, dict) and "claim_id" in r
    ]
    return list(dict.fromkeys(ids))


def markdown(text: str) -> str:
    return _MARKDOWN(text)


def output_markdown(text: str) -> str:
    """Markdown from a cell's output (computed from the data): no outside images or links."""
    return _OUTPUT_MARKDOWN(text)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"<[^>]+>", "", text).lower()).strip("-")


def _add_anchors(fragment: str, toc: list[tuple[int, str, str]]) -> str:
    def repl(m: re.Match) -> str:
        level, inner = int(m.group(1)), m.group(2)
        anchor = _slug(inner) or f"section-{len(toc)}"
        if any(a == anchor for _, a, _ in toc):
            anchor = f"{anchor}-{len(toc)}"
        toc.append((level, anchor, re.sub(r"<[^>]+>", "", inner)))
        return f'<h{level} id="{anchor}">{inner}</h{level}>'

    return re.sub(r"<h([1-3])>(.*?)</h\1>", repl, fragment)


_CELL = re.compile(r"<td>([a-z0-9][a-z0-9-]*(?:(?:;|, )[a-z0-9][a-z0-9-]*)*)</td>")


def link_claim_ids(fragment: str, claim_ids: frozenset[str]) -> str:
    """Table cells that hold claim ids (one, or several separated by ';' or ', ') become links to their permalinks."""
    if not claim_ids:
        return fragment

    def repl(m: re.Match) -> str:
        ids = re.split(r";|, ", m.group(1))
        if not all(i in claim_ids for i in ids):
            return m.group(0)
        sep = ";" if ";" in m.group(1) else ", "
        return "<td>" + sep.join(f'<a href="claims.html#claim-{i}"><code>{i}</code></a>' for i in ids) + "</td>"

    return _CELL.sub(repl, fragment)


def _output_html(out: dict, figures_dir: Path, stem: str, rendered: RenderedNotebook) -> str:
    kind = out.get("output_type")
    if kind == "stream":
        return f'<pre class="stream {html.escape(out.get("name", ""))}">{html.escape("".join(out.get("text", "")))}</pre>'
    if kind == "error":
        return f'<pre class="error">{html.escape(out.get("ename", ""))}: {html.escape(out.get("evalue", ""))}</pre>'
    data = out.get("data", {})
    if "image/png" in data:
        meta = out.get("metadata", {}).get("image/png", {})
        name = meta.get("name") or f"{stem}-figure-{len(rendered.figures) + 1}"
        alt = meta.get("alt") or data.get("text/plain", "figure")
        file = f"{name}.png"
        target = figures_dir / file
        if not target.exists():  # the build may already have exported it (with its SVG twin)
            target.write_bytes(base64.b64decode(data["image/png"]))
        rendered.figures.append((file, alt))
        svg = (figures_dir / f"{name}.svg").exists()
        links = f'<a href="figures/{file}">PNG</a>' + (f' · <a href="figures/{name}.svg">SVG</a>' if svg else "")
        if CHART_MIME in data:
            rendered.charts += 1
            spec_id = f"spec-{html.escape(name)}"
            meta = data[CHART_MIME].get("usermeta", {})
            rendered.chart_claims[name] = chart_claim_ids(data[CHART_MIME])
            links += f' · <a href="figures/{html.escape(name)}.csv" download>CSV of its {len(rendered.chart_claims[name]):,} claims</a>'
            return (
                f'<figure class="chart" id="fig-{html.escape(name)}"><p class="chart-title">{html.escape(meta.get("title", ""))}</p>'
                f'<p class="chart-subtitle meta">{html.escape(meta.get("subtitle", ""))}</p><div class="vl-chart" data-spec="{spec_id}">'
                f'<div class="vl-target" role="img" aria-label="{html.escape(alt)}"></div>'
                f'<div class="claim-detail" aria-live="polite" hidden></div></div>'
                f'<script type="application/json" id="{spec_id}">{json_script(data[CHART_MIME])}</script>'
                f'<img class="static" src="figures/{html.escape(file)}" alt="{html.escape(alt)}">'
                f'<p class="chart-source meta">{html.escape(meta.get("source", ""))}</p>'
                f"<figcaption>{html.escape(alt)} — static image for print and reuse: {links}</figcaption></figure>"
            )
        return (
            f'<figure><img src="figures/{html.escape(file)}" alt="{html.escape(alt)}">'
            f"<figcaption>{html.escape(alt)} — download {links}</figcaption></figure>"
        )
    if "text/html" in data:
        return f'<div class="output-html">{link_claim_ids("".join(data["text/html"]), rendered.claim_ids)}</div>'
    if "text/markdown" in data:
        text = "".join(data["text/markdown"])
        rendered.cited += SOURCE_ID.findall(text)
        return f'<div class="output-md">{output_markdown(text)}</div>'
    if "text/plain" in data:
        return f'<pre class="output-text">{html.escape("".join(data["text/plain"]))}</pre>'
    return ""


def render(path: Path, figures_dir: Path, claim_ids: frozenset[str] = frozenset()) -> RenderedNotebook:
    """Render one executed notebook; figures are written into `figures_dir`; table cells holding one of `claim_ids`
    link to the claim."""
    nb = nbformat.read(path, as_version=4)
    stem = path.stem
    rendered = RenderedNotebook(stem=stem, title=stem, question="", body="", toc=[], claim_ids=claim_ids)
    parts: list[str] = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell.cell_type == "markdown":
            fragment = _add_anchors(markdown(cell.source), rendered.toc)
            parts.append(f'<section class="md">{fragment}</section>')
            if rendered.title == stem:
                h1 = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
                if h1:
                    rendered.title = h1.group(1).strip()
            q = re.search(r"\*\*Question\.\*\*\s*(.+?)(?:\n\n|$)", cell.source, flags=re.S)
            if q and not rendered.question:
                rendered.question = " ".join(q.group(1).split())
            continue
        if cell.cell_type != "code":
            continue
        code = highlight(cell.source, PythonLexer(), _FORMATTER)
        label = "Parameters" if "parameters" in tags else "Code"
        outputs = "".join(_output_html(o, figures_dir, stem, rendered) for o in cell.get("outputs", []))
        if "findings" in tags:
            rendered.findings += [
                output_markdown("".join(o["data"]["text/markdown"]))
                for o in cell.get("outputs", [])
                if "text/markdown" in o.get("data", {})
            ]
        parts.append(f'<div class="cell"><details class="code"><summary>{label}</summary>{code}</details>{outputs}</div>')
    rendered.body = "\n".join(parts)
    rendered.cited = list(dict.fromkeys(rendered.cited))
    return rendered
