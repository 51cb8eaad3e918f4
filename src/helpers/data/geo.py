"""Country outlines for the origin map, read offline from the world-atlas registry package.

world-atlas (npm, installed by ``make venv`` into node_modules/) ships Natural Earth's 1:110m
admin-0 countries as TopoJSON keyed by ISO 3166-1 numeric code. Decoding TopoJSON is a few lines
(quantised, delta-encoded arcs stitched into rings), so no GIS library is needed.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from helpers.data.places import NUMERIC
from helpers.data.schema import ROOT

WORLD_ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-110m.json"

Ring = list[tuple[float, float]]


class BoundaryDataMissing(FileNotFoundError):
    """The world-atlas package is not installed."""


def _decode_arcs(topo: dict) -> list[Ring]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        ring = []
        for dx, dy in arc:
            x += dx
            y += dy
            ring.append((x * sx + tx, y * sy + ty))
        arcs.append(ring)
    return arcs


def _ring(indices: list[int], arcs: list[Ring]) -> Ring:
    """Stitch arcs into one ring; a negative index ~i means arc i reversed; shared end points once.
    A ring that crosses the antimeridian (Chukotka, Fiji) is moved east of it, so it draws no band
    across the map."""
    out: Ring = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    if any(abs(a[0] - b[0]) > 180 for a, b in zip(out, out[1:], strict=False)):
        out = [(x + 360 if x < 0 else x, y) for x, y in out]
    return out


@lru_cache(maxsize=1)
def country_rings(path: str | None = None) -> dict[str, list[Ring]]:
    """Outer and inner rings per ISO 3166-1 alpha-3 code (countries without a numeric id are skipped)."""
    file = Path(path) if path else WORLD_ATLAS
    if not file.exists():
        raise BoundaryDataMissing(f"{file} not found: run `make venv` (it installs the world-atlas package with npm)")
    topo = json.loads(file.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    alpha3 = {num: a3 for a3, num in NUMERIC.items()}
    out: dict[str, list[Ring]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        code = alpha3.get(str(geom.get("id", "")))
        if code is None or code == "ATA":  # Antarctica has no recruits and eats a third of the map
            continue
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        out[code] = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
    return out
