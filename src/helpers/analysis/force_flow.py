"""A contingent's ledger month by month: troops sent (waves and totals), losses, returns, and the troops present.

Why: a stock ("10,000 in Russia") and a cumulative count ("15,000 sent in two deployments") answer different
questions. A specialist reconciles them in a ledger: what was sent, minus what was lost and what went home, bounds
what can still be there. Each month uses every figure known on the analysis date that describes that month or an
earlier one (a reconstruction with the record's hindsight; an as-of run sees only what was said by its date).
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis.manpower import Band, Floor, _accepted, _band_values, _bounds, _lineage, estimates_over_time, for_estimates
from helpers.data.loaders import DateLike, to_date

#: The ledger's columns, in the order tables show them.
LEDGER_COLUMNS = (
    "month",
    "sent_low",
    "sent_high",
    "sent_high_open",
    "sent_lineages",
    "present_low",
    "present_high",
    "present_low_open",
    "present_high_open",
    "present_lineages",
    "present_stale",
    "casualties_low",
    "casualties_high",
    "killed_low",
    "killed_high",
    "captured",
    "returned",
    "accounted_high",
)


#: The metrics the troops sent and returned are read from.
FLOW_METRICS = ("sent", "deployed_in_period", "deployed", "in_combat_area", "returned", "returned_in_period")


def _accepted_on(claims: pd.DataFrame, origin: str, metrics: list[str]) -> pd.DataFrame:
    """Accepted claims on `origin` and `metrics`, with their bounds as `lo`/`hi`."""
    return _bounds(claims[(claims["origin"] == origin) & claims["metric"].isin(metrics) & _accepted(claims)])


def _dated_by_what_they_describe(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims dated by what they describe (the estimate then reads them as if stated on that day: a figure said in
    March 2025 about 2024 counts for 2024); those 'stated' by a month end are the ones describing it or earlier."""
    return claims.assign(stated=claims["refers_to"].fillna(claims["stated"]))


def sent_by_lineage(claims: pd.DataFrame, origin: str, as_of: DateLike = None) -> pd.DataFrame:
    """Troops sent in total by each lineage on `as_of`: its newest 'sent' total plus the waves it reported as
    starting after that total's date; without a total, the sum of its waves (`basis` says which). Adding waves is
    sound only within one lineage (two services counting the same wave would be counted twice), so lineages are never
    summed."""
    when = to_date(as_of)
    sel = _accepted_on(claims[claims["stated"] <= when], origin, ["sent", "deployed_in_period"])
    rows = []
    for lineage, own in sel.groupby(_lineage(sel).astype(str), sort=True):
        totals = own[(own["metric"] == "sent") & (own["scope"] == "total")].sort_values(["stated", "claim_id"])
        waves = own[own["metric"] == "deployed_in_period"].sort_values(["period_start", "claim_id"])
        basis = "total" if not totals.empty else "waves"
        if not totals.empty:
            base = totals.iloc[[-1]]
            since = base["refers_to"].iloc[0]
            parts = pd.concat([base, waves[waves["period_start"] > since]])
        else:
            parts = waves
        if parts.empty:
            continue
        lo = parts["lo"].fillna(parts["hi"])
        open_high = bool(parts["hi"].isna().any())
        rows.append(
            dict(
                lineage=lineage,
                low=int(lo.sum()),
                high=math.nan if open_high else int(parts["hi"].sum()),
                high_open=open_high,
                basis=basis,
                refers_to=parts["refers_to"].max(),
                claim_ids=";".join(parts["claim_id"]),
            )
        )
    out = pd.DataFrame(rows, columns=["lineage", "low", "high", "high_open", "basis", "refers_to", "claim_ids"])
    return out.astype({"refers_to": "datetime64[ns]"}) if out.empty else out


def _present_floor(claims: pd.DataFrame, origin: str) -> Floor | None:
    """The most troops any accepted figure put in place: they were all sent, so a floor under troops sent."""
    sel = _accepted_on(claims, origin, ["deployed", "in_combat_area"])
    lows = sel["lo"].dropna()  # 'at most N' puts no one in place
    if lows.empty:
        return None
    top = sel.loc[[lows.idxmax()]]
    return Floor(int(lows.max()), str(top["claim_id"].iloc[0]), True, str(_lineage(top).iloc[0]), str(top["claimant"].iloc[0]))


def sent_band(claims: pd.DataFrame, origin: str, as_of: DateLike = None) -> tuple[Band | None, int]:
    """The band of troops sent across lineages on `as_of`, never below the most troops any figure put in place,
    and the number of lineages behind it. Once some lineage states a total, a lineage that only counted waves
    (the first deployment, say) gives a floor, not an end of the band: it never said no others were sent."""
    when = to_date(as_of)
    per = sent_by_lineage(claims, origin, when)
    floor = _present_floor(claims[claims["stated"] <= when], origin)
    any_total = bool((per["basis"] == "total").any())
    bounds = [
        (float(r.low), math.nan if r.high_open or (any_total and r.basis == "waves") else float(r.high)) for r in per.itertuples()
    ]
    band = _band_values(bounds, floor)
    behind = per[(per["basis"] == "total") | (not any_total) | (per["low"] >= (band.low if band else 0))]
    lineages = set(behind["lineage"]) | ({floor.lineage} if floor and band and floor.value >= band.low else set())
    return band, len(lineages)


def _returned(claims: pd.DataFrame, origin: str) -> int:
    """The most troops any one lineage reported as gone home (its newest total, or the sum of its periods): the
    living and the dead returned are both no longer present."""
    sel = _accepted_on(claims, origin, ["returned", "returned_in_period"])
    best = 0
    for _, own in sel.groupby(_lineage(sel).astype(str)):
        lo = own["lo"].fillna(own["hi"])
        totals = lo[own["metric"] == "returned"]
        periods = lo[own["metric"] == "returned_in_period"]
        best = max(best, int(totals.max()) if not totals.empty else 0, int(periods.sum()))
    return best


def ledger(claims: pd.DataFrame, origin: str, months: pd.DatetimeIndex) -> pd.DataFrame:
    """One row per month end: sent (band across lineages), present (the estimate's band), casualties and killed
    (bands), captured and returned (highest reported), and `accounted_high`: the most that can still be there,
    sent at most minus killed, captured and returned at least (empty when no lineage caps the troops sent)."""
    months = pd.DatetimeIndex(months)
    described = _dated_by_what_they_describe(for_estimates(claims[claims["origin"].to_numpy(dtype=object) == origin]))
    each = {m: estimates_over_time(described, origin, m, months) for m in ("deployed", "casualties", "killed", "captured")}
    flows = described[described["metric"].isin(FLOW_METRICS)]
    stated = flows["stated"].to_numpy()
    by_known: dict[int, tuple] = {}  # sent and returned depend on the month only through the claims known by it
    rows = []
    for i, month in enumerate(months):
        known = stated <= month.to_datetime64()
        key = int(known.sum())
        if key not in by_known:
            seen = flows[known]
            by_known[key] = (*sent_band(seen, origin, month), _returned(seen, origin))
        sent, sent_lin, returned = by_known[key]
        present, cas, killed, captured = (each[m][i] for m in ("deployed", "casualties", "killed", "captured"))
        lost = (killed.band.low if killed else 0) + (captured.band.low if captured else 0) + returned
        capped = sent is not None and not sent.high_open
        rows.append(
            dict(
                month=month,
                sent_low=sent.low if sent else None,
                sent_high=sent.high if sent else None,
                sent_high_open=bool(sent.high_open) if sent else False,
                sent_lineages=sent_lin,
                present_low=present.band.low if present else None,
                present_high=present.band.high if present else None,
                present_low_open=bool(present.band.low_open) if present else False,
                present_high_open=bool(present.band.high_open) if present else False,
                present_lineages=present.lineages if present else 0,
                present_stale=bool(present.stale) if present else False,
                casualties_low=cas.band.low if cas else None,
                casualties_high=cas.band.high if cas else None,
                killed_low=killed.band.low if killed else None,
                killed_high=killed.band.high if killed else None,
                captured=captured.band.low if captured else 0,
                returned=returned,
                accounted_high=max(0, sent.high - lost) if capped else None,
            )
        )
    out = pd.DataFrame(rows, columns=list(LEDGER_COLUMNS))
    ints = [c for c in LEDGER_COLUMNS if c.endswith(("_low", "_high", "_lineages")) or c in ("captured", "returned")]
    return out.astype({c: "Int64" for c in ints})


def month_ends(start: DateLike, end: DateLike) -> pd.DatetimeIndex:
    """Month ends from `start`'s month to `end`, with `end` itself last when it falls inside a month."""
    first, last = to_date(start), to_date(end)
    ends = pd.date_range(first + pd.offsets.MonthEnd(0), last, freq="ME")
    return ends if len(ends) and ends[-1] == last else ends.append(pd.DatetimeIndex([last]))


def band_at(row, name: str) -> Band | None:
    """The band named `name` ('sent', 'present', 'casualties', 'killed') of one ledger row, for prose."""
    low, high = row[f"{name}_low"], row[f"{name}_high"]
    if pd.isna(low) or pd.isna(high):
        return None
    return Band(int(low), int(high), bool(row.get(f"{name}_low_open", False)), bool(row.get(f"{name}_high_open", False)))
