"""Releases of the record: the version and date in CITATION.cff (their one home, which the site and the downloads
show), and the manifest each release leaves in data/releases/<version>.json so that the next one can say what changed.

A manifest holds, per claim, the fields that code it, and the key figures and audit flags of its day: small enough to
keep every release, enough to list claims added and removed, codings corrected and headline figures that moved.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpers.data.schema import DATA_DIR, ROOT

CITATION = ROOT / "CITATION.cff"
#: The fields that code a claim: a change in any of them is a correction (or a new reading) of the claim.
CODED = (
    "claimant_id",
    "source_id",
    "stated",
    "stated_precision",
    "origin",
    "metric",
    "qualifier",
    "low",
    "high",
    "period_start",
    "refers_to",
    "scope",
    "standing",
    "lineage_id",
)


@dataclass(frozen=True)
class Release:
    version: str
    released: str


def citation_line(cutoff: str, citation: Path = CITATION, as_of: bool = False) -> str:
    """How to cite the collection, from CITATION.cff (authors, title, version, date) and the record's cut-off. A view
    as of an earlier date names the version and that date, not the later day the release came out."""
    meta = yaml.safe_load(citation.read_text(encoding="utf-8"))
    authors = "; ".join(
        a.get("name") or f"{a.get('family-names', '')}, {a.get('given-names', '')}".strip(", ") for a in meta["authors"]
    )
    year = str(meta["date-released"])[:4]
    when = f"the record as it stood on {cutoff}" if as_of else f"released {meta['date-released']}; record searched up to {cutoff}"
    return (
        f"{authors} ({year}). {meta['title']}. Version {meta['version']}, {when}. Data under {meta['license']}; code under "
        "the MIT licence. Cite each figure's original source too."
    )


def current(citation: Path = CITATION) -> Release:
    """The release this checkout is: CITATION.cff's version and date-released."""
    meta = yaml.safe_load(citation.read_text(encoding="utf-8"))
    return Release(str(meta["version"]), str(meta["date-released"]))


def folder(data_dir: Path | str | None = None) -> Path:
    return Path(data_dir or DATA_DIR) / "releases"


def manifests(data_dir: Path | str | None = None) -> list[dict]:
    """Every stored release manifest, oldest release first."""
    found = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder(data_dir).glob("*.json"))]
    return sorted(found, key=lambda m: (m["released"], m["version"]))


def previous(release: Release, data_dir: Path | str | None = None) -> dict | None:
    """The newest manifest of a release other than `release` (the one this release is compared with)."""
    earlier = [m for m in manifests(data_dir) if m["version"] != release.version and m["released"] <= release.released]
    return earlier[-1] if earlier else None


def write_manifest(manifest: dict, data_dir: Path | str | None = None) -> Path:
    """Store a release's manifest; a release is written once and never overwritten."""
    target = folder(data_dir) / f"{manifest['version']}.json"
    if target.exists():
        raise FileExistsError(
            f"{target} exists: release {manifest['version']} was already cut; raise the version in CITATION.cff"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return target


def coded_claims(data_dir: Path | str | None = None) -> dict[str, dict[str, str]]:
    """Each claim's coding as written in claims.csv (text, as a manifest keeps it across versions of the code)."""
    with open(Path(data_dir or DATA_DIR) / "claims.csv", encoding="utf-8", newline="") as fh:
        return {row["claim_id"]: {c: row.get(c, "") for c in CODED} for row in csv.DictReader(fh)}
