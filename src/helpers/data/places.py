"""Places, one home: ISO 3166-1 codes and names from pycountry (the iso-codes database, offline), the collection's
regions from ``data/regions.csv``, the few common names it prefers from ``data/place_names.csv``, and the provinces a
reader may search for (ISO 3166-2, named in ``data/subdivision_names.csv``).

Why: a name is data. Hand-typed tables drift (one region had three names); here a country's name is iso-codes' common
name unless the collection records a preferred one, and a region's name is the one in regions.csv."""

from __future__ import annotations

import functools

import pandas as pd
import pycountry

#: Every ISO 3166-1 alpha-3 code (249) and its numeric code (the world-atlas boundaries are keyed by it).
ALPHA3: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.countries)
NUMERIC: dict[str, str] = {c.alpha_3: c.numeric for c in pycountry.countries}
_NAMES: dict[int, dict[str, str]] = {}


def _iso_name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "common_name", None) or country.name


def names() -> dict[str, str]:
    """Code -> name for every country and region (countries: the preferred name, else iso-codes' common name)."""
    from helpers.data.loaders import _tables

    tables = _tables(None)
    key = id(tables["place_names"]) ^ id(tables["regions"])
    if key not in _NAMES:
        preferred = dict(zip(tables["place_names"]["code"], tables["place_names"]["name"], strict=True))
        regions = dict(zip(tables["regions"]["region"], tables["regions"]["name"], strict=True))
        _NAMES.clear()
        _NAMES[key] = {**{c: preferred.get(c) or _iso_name(c) for c in ALPHA3}, **regions}
    return _NAMES[key]


def place_name(code: str) -> str:
    """A country's or region's name; an unknown code is shown as it is."""
    return names().get(code, code)


def is_country(code: object) -> bool:
    """Whether `code` is an ISO 3166-1 alpha-3 country code (regions such as XFN are not)."""
    return isinstance(code, str) and code in ALPHA3


@functools.cache
def subdivision_codes() -> frozenset[str]:
    """Every ISO 3166-2 subdivision code known to iso-codes (read on first use: some 5,000 entries that only the
    validation of data/subdivision_names.csv needs, kept out of every import)."""
    return frozenset(s.code for s in pycountry.subdivisions)


def subdivisions() -> pd.DataFrame:
    """The provinces in data/subdivision_names.csv with their state (ISO 3166-1 alpha-3, from the code), iso-codes'
    name and every name a reader may type (`names`: the common name first)."""
    from helpers.data.loaders import _tables

    table = _tables(None)["subdivision_names"]
    rows = []
    for r in table.itertuples():
        sub = pycountry.subdivisions.get(code=r.code)
        others = [n for n in str(r.other_names if isinstance(r.other_names, str) else "").split(";") if n]
        rows.append(
            dict(
                code=r.code,
                name=r.name,
                state=pycountry.countries.get(alpha_2=sub.country_code).alpha_3,
                iso_name=sub.name,
                names=list(dict.fromkeys([r.name, *others, sub.name])),
            )
        )
    return pd.DataFrame(rows, columns=["code", "name", "state", "iso_name", "names"])
