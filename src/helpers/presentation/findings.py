"""The collection's key figures, first on the index: each an estimate (`analysis.manpower.estimate`, the DPRK ledger,
the foreign totals), in words a specialist can sign, with what stands behind it and where its evidence is.

One home: the index and any summary read these; nothing here is typed, every figure is computed from the data as of
the date asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.analysis import force_flow as ff
from helpers.analysis import manpower as mp
from helpers.analysis import totals as tt
from helpers.presentation import report as rp


@dataclass(frozen=True)
class Finding:
    """One key figure: what it counts, the figure in words, what stands behind it, and the page with its evidence."""

    label: str
    figure: str
    basis: str
    link: str


def key_findings(claims: pd.DataFrame, regions: pd.DataFrame, as_of) -> list[Finding]:
    """Three to five findings about the war's foreign manpower on `as_of`; a figure no claim supports yet is left out."""
    found = []
    present = mp.estimate_from(claims, "PRK", "deployed", as_of)
    if present is not None:
        found.append(Finding("North Korean troops in Russia", rp.band(present.band),
                             f"{rp.lineages(present.lineages)}; newest figure {rp.day(present.newest)}"
                             + (f", stale ({present.age_days} days)" if present.stale else ""), "countries/PRK.html"))
    sent, sent_lineages = ff.sent_band(claims, "PRK", as_of)
    if sent is not None:
        found.append(Finding("North Korean troops sent since the deployment began", rp.band(sent),
                             f"{rp.lineages(sent_lineages)}; totals and the waves reported after them, never summed across lineages",
                             "01_manpower.html"))
    killed = mp.estimate_from(claims, "PRK", "killed", as_of)
    if killed is not None:
        found.append(Finding("North Korean troops killed", rp.band(killed.band),
                             f"{rp.lineages(killed.lineages)}; newest figure {rp.day(killed.newest)}", "countries/PRK.html"))
    for metric, label in (("recruited", "Recruits from other countries"), ("killed", "Recruits from other countries killed")):
        total = tt.foreign_total(claims, regions, metric, as_of, floor_metric="identified_by_name" if metric == "recruited" else None)
        if total.low:
            found.append(Finding(label, f"at least {rp.num(total.low)}",
                                 f"a floor without double counting: {total.low_basis}", "countries/index.html"))
    return found
