"""Citations generated from the sources table: reference lists, BibTeX and CSL-JSON."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

_BIB_ESCAPE = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIB_TYPE = {
    "court": "misc",
    "treaty": "misc",
    "government": "misc",
    "intelligence": "misc",
    "international_organisation": "misc",
    "media": "online",
    "think_tank": "online",
    "ngo": "online",
}


def _text(value) -> str:
    return "" if pd.isna(value) else str(value)


def reference(row: pd.Series) -> str:
    """One source as a plain-text reference: Publisher (date). Title. URL [caveats]."""
    date = "n.d." if pd.isna(row["published"]) else row["published"].date().isoformat()
    author = f"{_text(row['author'])}, " if _text(row["author"]) else ""
    caveats = []
    if row["primacy"] == "secondary":
        who = _text(row["original_claimant"])
        caveats.append(f"secondary report{' of ' + who if who else ''}")
    if row["reliability"] == "low":
        caveats.append("low reliability")
    if row["verification"] == "unverified":
        caveats.append("unverified")
    tail = f" [{'; '.join(caveats)}]" if caveats else ""
    return f"{author}{row['publisher']} ({date}). {row['title']}. {row['url']}{tail}"


def used_source_ids(*columns: Iterable) -> list[str]:
    """Distinct source ids from columns holding single ids or tuples of ids, in first-seen order."""
    seen: dict[str, None] = {}
    for col in columns:
        for value in col:
            for sid in value if isinstance(value, tuple) else (value,):
                if isinstance(sid, str) and sid:
                    seen.setdefault(sid, None)
    return list(seen)


def reference_list(sources: pd.DataFrame, ids: Iterable[str]) -> pd.DataFrame:
    """The cited sources, sorted by publisher then date, with a formatted reference each."""
    cited = sources[sources["source_id"].isin(set(ids))].copy()
    cited["reference"] = cited.apply(reference, axis=1)
    return cited.sort_values(["publisher", "published", "source_id"], na_position="last")[["source_id", "reference"]]


def _bib(value: str) -> str:
    return "".join(_BIB_ESCAPE.get(ch, ch) for ch in value)


#: Characters that would end or break a BibTeX url field, percent-encoded as in a URL.
_URL_ESCAPE = {"{": "%7B", "}": "%7D", "\\": "%5C", '"': "%22", " ": "%20", "%": "%25"}


def _bib_url(url: str) -> str:
    """A URL for a BibTeX url field: braces, backslashes, quotes and spaces percent-encoded, so a
    `}` cannot end the entry; an existing %XX escape is kept as it is."""
    out = []
    for i, ch in enumerate(url):
        if ch == "%" and re.fullmatch(r"[0-9A-Fa-f]{2}", url[i + 1 : i + 3]):
            out.append(ch)
        else:
            out.append(_URL_ESCAPE.get(ch, ch) if ch.isprintable() else f"%{ord(ch):02X}")
    return "".join(out)


def bibtex(sources: pd.DataFrame) -> str:
    """BibTeX for every source (biblatex-style @online/@misc with url and urldate-free dates)."""
    entries = []
    for row in sources.sort_values("source_id").itertuples():
        key = re.sub(r"[^A-Za-z0-9_-]", "", row.source_id)
        fields = {
            "title": f"{{{_bib(row.title)}}}",
            "author": f"{{{_bib(_text(row.author) or row.publisher)}}}",
            "organization": _bib(row.publisher),
            "url": _bib_url(row.url),
        }
        if pd.notna(row.published):
            fields["date"] = row.published.date().isoformat()
            fields["year"] = str(row.published.year)
        note = []
        if row.primacy == "secondary" and _text(row.original_claimant):
            note.append(f"Secondary report of {_text(row.original_claimant)}")
        if row.reliability == "low":
            note.append("low reliability")
        if note:
            fields["note"] = _bib("; ".join(note))
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        entries.append(f"@{_BIB_TYPE.get(str(row.source_type), 'misc')}{{{key},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"


def csl_json(sources: pd.DataFrame) -> list[dict]:
    """CSL-JSON items (for Zotero, Pandoc citeproc) for every source."""
    items = []
    for row in sources.sort_values("source_id").itertuples():
        item = {
            "id": row.source_id,
            "type": "webpage" if str(row.source_type) in ("media", "think_tank", "ngo") else "document",
            "title": row.title,
            "publisher": row.publisher,
            "URL": row.url,
            "language": row.language,
        }
        if _text(row.author):
            item["author"] = [{"literal": _text(row.author)}]
        else:
            item["author"] = [{"literal": row.publisher}]
        if pd.notna(row.published):
            item["issued"] = {"date-parts": [[row.published.year, row.published.month, row.published.day]]}
        items.append(item)
    return items


#: The columns of a citable claims table: the figure as coded, who said it, and the page to cite, in one row.
CITABLE_COLUMNS = (
    "claim_id",
    "origin",
    "metric",
    "qualifier",
    "low",
    "high",
    "scope",
    "stated",
    "stated_precision",
    "refers_to",
    "institution",
    "speaker",
    "lineage",
    "standing",
    "quote",
    "quote_en",
    "publisher",
    "title",
    "url",
    "published",
    "relayed_by",
)


def citable_claims(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Claims joined with their institution and source page, newest first: a reader cites a figure from one row
    without joining three tables by hand (the per-country downloads of the site)."""
    src = sources.set_index("source_id")
    out = claims.assign(
        institution=claims["claimant_name"] if "claimant_name" in claims else claims["claimant"],
        publisher=claims["source_id"].map(src["publisher"]),
        title=claims["source_id"].map(src["title"]),
        url=claims["source_id"].map(src["url"]),
        published=claims["source_id"].map(src["published"]).dt.date,
        stated=claims["stated"].dt.date,
        refers_to=claims["refers_to"].dt.date,
        metric=claims["metric"].astype(str),
        relayed_by=[";".join(ids) for ids in claims["relayed_by"]],
    )
    return out.sort_values(["stated", "claim_id"], ascending=[False, True])[list(CITABLE_COLUMNS)].reset_index(drop=True)


def cite_claim(row, source: pd.Series | None, collection: str) -> str:
    """'Cite this claim': institution (speaker), the day it spoke, the figure as coded, the quote, the page it is read
    on, and the collection's permalink, in one line a reader can paste."""
    from helpers.data.places import place_name
    from helpers.presentation.report import day
    from helpers.presentation.words import figure_words

    when = day(row["stated"], str(row.get("stated_precision", "day") or "day"))
    institution = _text(row.get("claimant_name", row.get("claimant_id", "")))
    speaker = _text(row.get("speaker", ""))
    figure = f"{figure_words(str(row['qualifier']), row['low'], row['high'])} {str(row['metric']).replace('_', ' ')}"
    page = (
        f" {_text(source['publisher'])}, \u201c{_text(source['title'])}\u201d, {_text(source['url'])}."
        if source is not None
        else f" Source {row['source_id']}."
    )
    return (
        f"{institution}{f' ({speaker})' if speaker and speaker != institution else ''}, {when}: {figure}, "
        f"{place_name(row['origin'])}. \u201c{_text(row['quote'])}\u201d{page} Cited from {collection}, "
        f"claims.html#claim-{row['claim_id']}."
    )
