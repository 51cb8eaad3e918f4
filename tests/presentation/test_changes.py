"""Releases: one version in CITATION.cff, a manifest per release, and what changed between two of them."""

from __future__ import annotations

import json

import pytest

from helpers.data import releases
from helpers.data.releases import Release
from helpers.presentation.changes import compare, current_manifest, manifest
from helpers.presentation.findings import Finding
from helpers.site.pages import changes_page


def coded(**fields) -> dict[str, str]:
    base = {c: "" for c in releases.CODED}
    return {**base, **fields}


OLD = manifest(
    Release("1.0.0", "2026-01-01"),
    "2025-12-31",
    {"a": coded(metric="killed", qualifier="exact", high="96"), "b": coded(scope="total")},
    [Finding("North Korean troops in Russia", "11,000", "", "")],
    {"raised": 3, "reviewed": 3, "open": 0},
)
NEW = manifest(
    Release("1.1.0", "2026-02-01"),
    "2026-01-31",
    {"a": coded(metric="killed", qualifier="at_least"), "c": coded(scope="part")},
    [Finding("North Korean troops in Russia", "10,000", "", "")],
    {"raised": 2, "reviewed": 2, "open": 0},
)


def test_changes_list_claims_added_removed_and_recoded_field_by_field():
    ch = compare(OLD, NEW)
    assert ch.added == ["c"] and ch.removed == ["b"]
    assert ch.recoded == {"a": [("qualifier", "exact", "at_least"), ("high", "96", "")]}
    assert ch.figures == [("North Korean troops in Russia", "11,000", "10,000")]
    assert ch.fields.to_dict() == {"high": 1, "qualifier": 1}


def test_the_changes_page_links_every_claim_and_says_the_releases():
    html = changes_page(compare(OLD, NEW), "release 1.1.0")
    assert "What changed since release 1.0.0" in html and 'href="claims.html#claim-a"' in html
    assert "1 claim added" in html and "3 raised, 3 reviewed, 0 open" in html


def test_a_release_is_written_once_and_compared_with_the_one_before(tmp_path):
    releases.write_manifest(OLD, tmp_path)
    with pytest.raises(FileExistsError, match="already cut"):
        releases.write_manifest(OLD, tmp_path)
    releases.write_manifest(NEW, tmp_path)
    assert releases.previous(Release("1.1.0", "2026-02-01"), tmp_path)["version"] == "1.0.0"
    assert releases.previous(Release("1.0.0", "2026-01-01"), tmp_path) is None


def test_the_record_is_compared_with_its_previous_release():
    release = releases.current()
    since = releases.previous(release)
    assert since is not None and since["version"] != release.version
    now = current_manifest(release)
    assert now["version"] == release.version and set(now["figures"]) and now["flags"]["open"] == 0
    ch = compare(since, now)
    assert since["version"] == "0.2.0" and "prk-121" in ch.added  # the UK's 17,000 (Feb 2026), new in 0.3.0
    assert ("stated", "2024-07-11", "2024-06-29") in ch.recoded["oth-069"]  # the MP's own day, not a later relay's
    stored = json.loads((releases.folder() / f"{since['version']}.json").read_text(encoding="utf-8"))
    assert stored == since
    # manifests are written once: the stored 0.1.0 -> 0.2.0 comparison still says what that release changed
    first = json.loads((releases.folder() / "0.1.0.json").read_text(encoding="utf-8"))
    older = compare(first, stored)
    assert ("metric", "in_combat_area", "deployed_in_period") in older.recoded["dprk-052"]  # a wave no longer read as a stock
    assert "ken-120" in older.added


def test_the_downloads_descriptor_carries_the_release_and_an_as_of_date():
    from helpers.site.build import download_descriptor

    latest, then = json.loads(download_descriptor(None)), json.loads(download_descriptor("2024-12-31"))
    assert latest["version"] == then["version"] == releases.current().version
    assert "as_of" not in latest and then["as_of"] == "2024-12-31"


def test_every_claim_has_a_line_to_cite_it():
    from helpers import data
    from helpers.site.pages import claims_page, esc

    claims, sources = data.claims(), data.sources()
    html = claims_page(claims, sources, "release", "The collection, release 9.9.9")
    row = claims[claims["claim_id"] == "ken-120"].iloc[0]
    url = sources.set_index("source_id").loc[row["source_id"], "url"]
    line = html[html.index('id="claim-ken-120"') :]
    line = line[line.index("Cite this claim") : line.index("</details>")]
    for part in (
        "Ministry of Foreign Affairs of Ukraine",
        "4 March 2026",
        "1 prisoners held",
        "Kenya",
        esc(url),
        "The collection, release 9.9.9",
        "claims.html#claim-ken-120",
    ):
        assert part in line, part
    assert html.count("Cite this claim") == len(claims)
