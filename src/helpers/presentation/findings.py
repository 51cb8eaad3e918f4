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
from helpers.analysis import origins as og
from helpers.analysis import totals as tt
from helpers.presentation import report as rp


@dataclass(frozen=True)
class Finding:
    """One key figure: what it counts, the figure in words, what stands behind it, and the page with its evidence."""

    label: str
    figure: str
    basis: str
    link: str


def _estimate_finding(label: str, est: mp.RangeEstimate, say_stale: bool = False) -> Finding:
    """A finding that is one estimate: its band, the lineages behind it and its newest figure (and, for a stock, its
    age once stale), linked to the country page that lists its claims."""
    stale = f", stale ({est.age_days} days)" if say_stale and est.stale else ""
    return Finding(
        label,
        rp.band(est.band),
        f"{rp.lineages(est.lineages)}; newest figure {rp.day(est.newest)}{stale}",
        f"countries/{est.origin}.html",
    )


def key_findings(claims: pd.DataFrame, regions: pd.DataFrame, as_of) -> list[Finding]:
    """Three to five findings about the war's foreign manpower on `as_of`; a figure no claim supports yet is left out."""
    found = []
    present = mp.estimate_from(claims, "PRK", "deployed", as_of)
    if present is not None:
        found.append(_estimate_finding("North Korean troops in Russia", present, say_stale=True))
    sent, sent_lineages = ff.sent_band(claims, "PRK", as_of)
    if sent is not None:
        found.append(
            Finding(
                "North Korean troops sent since the deployment began",
                rp.band(sent),
                f"{rp.lineages(sent_lineages)}; totals and the waves reported after them, never summed across lineages",
                "01_manpower.html",
            )
        )
    killed = mp.estimate_from(claims, "PRK", "killed", as_of)
    if killed is not None:
        found.append(_estimate_finding("North Korean troops killed", killed))
    for metric, label in (("recruited", "Recruits from other countries"), ("killed", "Recruits from other countries killed")):
        total = tt.foreign_total(
            claims, regions, metric, as_of, floor_metric="identified_by_name" if metric == "recruited" else None
        )
        if total.low:
            found.append(
                Finding(
                    label,
                    f"at least {rp.num(total.low)}",
                    f"a floor without double counting: {total.low_basis}",
                    "countries/index.html",
                )
            )
    return found


def markdown(findings: list[Finding]) -> str:
    """A notebook's 'Key findings' as a Markdown list: label and figure in bold, what stands behind it, and a link to
    its evidence on the site (data strings stay text)."""
    if not findings:
        return "_No figure was known on this date._"
    return "\n".join(
        f"- **{rp.text(f.label)}: {rp.text(f.figure)}** — {rp.text(f.basis)} ([evidence]({f.link}))" for f in findings
    )


def evidence_findings(claims: pd.DataFrame, sources: pd.DataFrame, evidence: pd.DataFrame) -> list[Finding]:
    """The record itself: how many claims and from how many independent lineages; how many have every coded field
    proven by a passage; how many rest on the claimant's own words (a primary source)."""
    from helpers.analysis import evidence as ev

    if claims.empty:
        return []
    found = [
        Finding(
            "Claims in the record",
            rp.num(len(claims)),
            f"{rp.num(claims['claimant_id'].nunique())} institutions in {rp.lineages(claims['lineage_group'].nunique())}, "
            f"{rp.num(claims['origin'].nunique())} origins",
            "claims.html",
        )
    ]
    proven = ev.fully_verified(evidence, "claims").reindex(claims["claim_id"], fill_value=False)
    found.append(
        Finding(
            "Claims with every coded field proven by a passage",
            f"{rp.num(int(proven.sum()))} of {rp.num(len(claims))}",
            "date, figure, qualifier, scope, metric and institution each read on a stored page",
            "data.html",
        )
    )
    primacy = sources.set_index("source_id")["primacy"].reindex(claims["source_id"])
    found.append(
        Finding(
            "Claims read on the claimant's own page",
            f"{rp.num(int((primacy == 'primary').sum()))} of {rp.num(len(claims))}",
            "the others rest on a report that relays the claimant's words",
            "bibliography.html",
        )
    )
    return found


def alliance_findings(relations: pd.DataFrame, actors: pd.DataFrame) -> list[Finding]:
    """The partnerships: who supplies Russia's war and with what, how many supplies the supplier itself has
    acknowledged, and the longest wait from first report to acknowledgement."""
    from helpers.analysis import network
    from helpers.data.places import place_name

    supplies = network.partner_supplies(relations, actors=actors)
    if supplies.empty:
        return []
    # short names, as the alliance figures show them ("North Korea", not the state's full style)
    indexed = actors.set_index("actor_id") if "actor_id" in actors else None
    names = indexed["short_name"].fillna(indexed["name"]) if indexed is not None else pd.Series(dtype=str)

    def name(a: str) -> str:
        return str(names.get(a, place_name(a)))

    partners = network.principal_partners(relations, actors)
    found = [
        Finding(
            "Partners supplying Russia's war",
            rp.num(len(partners)),
            ", ".join(name(p) for p in partners),
            "02_alliances.html#who-supplies-what",
        )
    ]
    acknowledged = supplies["confirmation"] == "officially_acknowledged"
    found.append(
        Finding(
            "Supplies the supplier has acknowledged",
            f"{rp.num(int(acknowledged.sum()))} of {rp.num(len(supplies))}",
            "the others rest on governments' assessments or on reports",
            "02_alliances.html#who-supplies-what",
        )
    )
    lags = network.acknowledgement_lags(relations)
    if not lags.empty:
        top = lags.sort_values(["days", "relation_id"], ascending=[False, True]).iloc[0]
        found.append(
            Finding(
                "Longest wait from first report to acknowledgement",
                f"{rp.num(int(top['days']))} days",
                f"{name(top['source_actor'])}: {str(top['supply']).replace('_', ' ')}, reported {rp.day(top['first_reported'])}, "
                f"acknowledged {rp.day(top['acknowledged'])}",
                "02_alliances.html#from-first-report-to-acknowledgement",
            )
        )
    return found


def legal_findings(exposure: pd.DataFrame, parties: frozenset[str], warrants: pd.DataFrame) -> list[Finding]:
    """The legal exposure: the States Parties on the date, how many recruits' origins the Court could reach for war
    crimes in Ukraine and in Russia (Art. 12(2), from `origins.icc_exposure`), and the warrants of the Ukraine situation."""
    found = [
        Finding(
            "States Parties to the Rome Statute",
            rp.num(len(parties)),
            "Art. 126: in force for a state on the first day of the month after the 60th day following its deposit",
            "03_legal_exposure.html#withdrawals-and-accessions",
        )
    ]
    for territory, place in og.EXPOSURE_PLACES:
        here = exposure[exposure["territory"] == territory]
        if not here.empty:
            yes = int((here["status"] == "yes").sum())
            found.append(
                Finding(
                    f"Recruits' origins whose nationals the ICC could reach for war crimes {place}",
                    f"{rp.num(yes)} of {rp.num(len(here))}",
                    "by territory (Art. 12(2)(a)) or the accused's nationality (Art. 12(2)(b)), as the record stood",
                    "03_legal_exposure.html#when-could-the-icc-reach-whom",
                )
            )
    if not warrants.empty:
        outstanding = int((warrants["status"] == "outstanding").sum())
        found.append(
            Finding(
                "Arrest warrants in the Ukraine situation",
                rp.num(len(warrants)),
                f"{rp.num(outstanding)} outstanding",
                "03_legal_exposure.html#the-icc-s-ukraine-situation-arrest-warrants",
            )
        )
    return found


def recruit_findings(claims: pd.DataFrame, responses: pd.DataFrame, as_of) -> list[Finding]:
    """Recruits by country: how many countries have a figure, the largest (with how many lineages stand behind it),
    the most dead on the named lists, and how many governments responded."""
    ranked = og.ranked(claims, ("recruited", "identified_by_name"), as_of)
    if ranked.empty:
        return []
    top = ranked.iloc[0]
    found = [
        Finding(
            "Countries with a figure on their recruits",
            rp.num(len(ranked)),
            "recruited or identified by name, North Korea apart",
            "countries/index.html",
        ),
        Finding(
            f"Largest figure ({top['country']})",
            rp.band(top),
            f"{rp.lineages(int(top['lineages']))} ({top['claimants']}); newest {rp.day(top['newest'])}",
            f"claims.html?origin={top['origin']}",
        ),
    ]
    dead = og.named_dead(claims, as_of)
    if not dead.empty:
        first = dead.iloc[0]
        found.append(
            Finding(
                f"Most dead on the named lists ({first['country']})",
                f"at least {rp.num(int(first['floor']))}",
                "the highest of the lists' counts (lists overlap: never summed)",
                f"claims.html?origin={first['origin']}&metric=killed",
            )
        )
    if not responses.empty:
        found.append(
            Finding(
                "Governments with a recorded response to recruitment",
                rp.num(responses["state"].nunique()),
                f"{rp.num(len(responses))} recorded measures: "
                + ", ".join(sorted(responses["measure"].astype(str).str.replace("_", " ").unique())),
                "04_recruits_by_country.html#what-the-governments-did",
            )
        )
    return found
