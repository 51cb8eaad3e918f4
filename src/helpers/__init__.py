"""Helpers for the foreign-manpower notebook collection.

Submodules are imported on use (``from helpers.manpower import latest_range``) so that
``import helpers`` stays cheap.
"""

__all__ = ["data", "manpower", "network", "legal", "plotting", "citations", "report"]
__version__ = "0.1.0"
