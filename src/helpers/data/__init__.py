"""The data layer: the only reader of ``data/``. Loading, typing and the as-of rules (``loaders``), the schema
(``schema``), validation (``validation``), the audit of coded rows (``audit``) and the origin map's shapes (``geo``).

The loaders' public API is this package's: ``from helpers import data`` then ``data.claims(as_of)``,
``data.load(name, as_of)``, ``data.cutoff()``.
"""

from helpers.data.loaders import (
    DATA_DIR,
    DateLike,
    actors,
    analysis_date,
    as_text,
    claimants,
    claims,
    cutoff,
    latest_publication,
    lineage_groups,
    load,
    load_tables,
    metrics,
    newest_claim,
    relations,
    sources,
    to_date,
)

__all__ = [
    "DATA_DIR",
    "DateLike",
    "actors",
    "analysis_date",
    "as_text",
    "claimants",
    "claims",
    "cutoff",
    "latest_publication",
    "lineage_groups",
    "load",
    "load_tables",
    "metrics",
    "newest_claim",
    "relations",
    "sources",
    "to_date",
]
