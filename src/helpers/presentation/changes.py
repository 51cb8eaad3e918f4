"""What changed between two releases: claims added and removed, codings corrected field by field, key figures that
moved and audit flags raised, from the releases' manifests (helpers.data.releases)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.data.releases import CODED, Release
from helpers.presentation.findings import Finding


def manifest(
    release: Release, cutoff: str, coded: dict[str, dict[str, str]], findings: list[Finding], flags: dict[str, int]
) -> dict:
    """A release's manifest: its version, date and cut-off, each claim's coding, its key figures and audit flags."""
    return {
        "version": release.version,
        "released": release.released,
        "cutoff": cutoff,
        "claims": coded,
        "figures": {f.label: f.figure for f in findings},
        "flags": dict(flags),
    }


@dataclass(frozen=True)
class Changes:
    since: dict
    now: dict
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    recoded: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # claim -> (field, was, now)
    figures: list[tuple[str, str, str]] = field(default_factory=list)  # (label, was, now)

    @property
    def fields(self) -> pd.Series:
        """How many claims had each field corrected."""
        counts = pd.Series([f for changes in self.recoded.values() for f, _, _ in changes], dtype="string").value_counts()
        return counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")


def compare(since: dict, now: dict) -> Changes:
    """The changes from the manifest `since` to the manifest `now`."""
    old, new = since["claims"], now["claims"]
    recoded = {}
    for cid in sorted(set(old) & set(new)):
        diff = [(c, old[cid].get(c, ""), new[cid].get(c, "")) for c in CODED if old[cid].get(c, "") != new[cid].get(c, "")]
        if diff:
            recoded[cid] = diff
    labels = list(dict.fromkeys([*since["figures"], *now["figures"]]))
    moved = [
        (lab, since["figures"].get(lab, ""), now["figures"].get(lab, ""))
        for lab in labels
        if since["figures"].get(lab, "") != now["figures"].get(lab, "")
    ]
    return Changes(since, now, sorted(set(new) - set(old)), sorted(set(old) - set(new)), recoded, moved)


def flag_counts(claims: pd.DataFrame, sources: pd.DataFrame, lineages: pd.DataFrame) -> dict[str, int]:
    """The audit's flags on the record: raised, reviewed and open."""
    from helpers.data.audit import audit

    found = audit(claims, sources, lineages=lineages)
    reviewed = sum(f.reviewed for f in found)
    return {"raised": len(found), "reviewed": reviewed, "open": len(found) - reviewed}


def current_manifest(release: Release | None = None) -> dict:
    """The manifest of the record as it stands (at its cut-off), for the release in CITATION.cff."""
    from helpers.data import loaders as data
    from helpers.data import releases
    from helpers.presentation.findings import key_findings

    when = data.analysis_date(None)
    claims, sources = data.claims(when), data.sources(when)
    return manifest(
        release or releases.current(),
        when.date().isoformat(),
        releases.coded_claims(),
        key_findings(claims, data.load("regions"), when),
        flag_counts(claims, sources, data.load("lineages")),
    )
