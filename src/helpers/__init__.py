"""Helpers for the foreign-manpower notebook collection, in four layers whose imports point down only:
``helpers.data`` (the only reader of data/), ``helpers.analysis`` (pure functions over frames),
``helpers.presentation`` (words, tables, figures) and ``helpers.site`` (the only writer of build/).

Submodules are imported on use (``from helpers.analysis.manpower import latest_range``) so that
``import helpers`` stays cheap.
"""

__all__ = ["data", "analysis", "presentation", "site"]
__version__ = "0.1.0"
