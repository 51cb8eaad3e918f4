"""Tables and figures the legal notebook shows, computed from the engine and the data."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.legal.engine import states_parties
from helpers.analysis.legal.records import LegalData


def withdrawal_picture(legal: LegalData) -> pd.DataFrame:
    """Every state with a withdrawal notified or announced, as known on `legal.as_of`: what was done,
    when it takes effect under Art. 127(1) (computed), and where that leaves the state."""
    sp = legal.states_parties.set_index("iso3")
    events = legal.table("withdrawal_events")
    states = sorted(set(sp.index[sp["withdrawal_notified"].notna()]) | set(events["state"]))
    rows = []
    for iso in states:
        rec = legal.record(iso)
        ev = events[events["state"] == iso].sort_values("date")
        first = ev[ev["event"] == "announcement"]["date"].min()
        law = ev[ev["event"] == "domestic_act"]["date"].min()
        w = rec.withdrawal
        reversal = "; ".join(
            f"{e.date.date().isoformat()} ({e.verification})" for e in ev[ev["event"] == "rescission"].itertuples()
        )
        if w is None:
            standing = "State Party: no notification to the UN Secretary-General recorded, so Art. 127(1) has not started to run"
        elif w.rescinded is not None:
            standing = f"State Party: notification rescinded on {w.rescinded.date().isoformat()}"
        elif w.effective <= legal.as_of:
            standing = f"former State Party since {w.effective.date().isoformat()}"
        else:
            standing = f"State Party until {(w.effective - pd.Timedelta(days=1)).date().isoformat()}"
        matters = "; ".join(f"{m.name} (from {m.since.date().isoformat()})" for m in rec.under_consideration)
        rows.append(
            dict(
                state=iso,
                name=sp.loc[iso, "name"] if iso in sp.index else iso,
                party_since=rec.entry_into_force,
                announced=first,
                domestic_act=law,
                notified=None if w is None else w.notified,
                takes_effect=None if w is None else w.effective,
                effective_rule=""
                if w is None
                else ("Art. 127(1): one year after notification" if w.computed else "date in the notification"),
                reported_reversal=reversal,
                standing=standing,
                matters_before_the_court=matters,
            )
        )
    cols = [
        "state",
        "name",
        "party_since",
        "announced",
        "domestic_act",
        "notified",
        "takes_effect",
        "effective_rule",
        "reported_reversal",
        "standing",
        "matters_before_the_court",
    ]
    out = pd.DataFrame(rows, columns=cols)
    for c in ("party_since", "announced", "domestic_act", "notified", "takes_effect"):
        out[c] = pd.to_datetime(out[c])
    return out


def recent_accessions(legal: LegalData, since: str | pd.Timestamp) -> pd.DataFrame:
    """States for which the Statute entered into force on or after `since`, with any Art. 12(3)
    declaration reaching back before that date (Art. 11(2))."""
    since = pd.Timestamp(since)
    sp = legal.states_parties
    new = sp[sp["entry_into_force"].notna() & (sp["entry_into_force"] >= since) & (sp["entry_into_force"] <= legal.as_of)]
    new = new.sort_values("entry_into_force")
    entry = list(new["entry_into_force"])
    earliest = [_reaches_back(legal.record(state), day) for state, day in zip(new["iso3"], entry, strict=True)]
    return pd.DataFrame(
        {
            "state": list(new["iso3"]),
            "name": list(new["name"]),
            "deposited": list(new["deposited"]),
            "entry_into_force": entry,
            "art_12_3_reaches_back_to": earliest,
            "years_before_entry_into_force": [
                None if e is None else round((day - e).days / 365.25, 1) for e, day in zip(earliest, entry, strict=True)
            ],
            "parties_after": [len(states_parties(day, legal)) for day in entry],
        },
        dtype=None if entry else object,  # no accession: empty columns, not columns of floats
    )


def _reaches_back(record, entry_into_force: pd.Timestamp) -> pd.Timestamp | None:
    """The earliest start of an Art. 12(3) declaration before the Statute's entry into force for the State."""
    return min((d.start for d in record.acceptances if d.start is not None and d.start < entry_into_force), default=None)


def reasons_by_rule(matrix: pd.DataFrame) -> pd.DataFrame:
    """The matrix's answers grouped by the rule they rest on: how many cells, for which groups and
    places, and one example of the decisive line (the others differ only in the states named)."""
    rows = []
    for (status, rule), cells in matrix.groupby(["status", "rule"], sort=True):
        rows.append(
            dict(
                status=status,
                rule=rule,
                cells=len(cells),
                groups=cells["group"].nunique(),
                places=", ".join(dict.fromkeys(cells["place"])),
                distinct_lines=cells["reason"].nunique(),
                example=cells["reason"].iloc[0],
            )
        )
    out = pd.DataFrame(rows, columns=["status", "rule", "cells", "groups", "places", "distinct_lines", "example"])
    order = {"yes": 0, "contested": 1, "no": 2}
    return out.sort_values(["status", "cells"], key=lambda s: s.map(order) if s.name == "status" else -s).reset_index(drop=True)


def merged_timelines(periods: pd.DataFrame) -> pd.DataFrame:
    """Groups whose periods are identical at a place are shown once, their labels joined."""
    keys = []
    for (place, crime, group), rows in periods.groupby(["place", "crime", "group"], sort=False):
        keys.append((place, crime, group, tuple(zip(rows["status"], rows["start"], rows["end"], rows["rule"], strict=True))))
    merged: dict[tuple, list[str]] = {}
    for place, crime, group, shape in keys:
        merged.setdefault((place, crime, shape), []).append(group)
    rows = []
    for (place, crime, shape), groups in merged.items():
        for status, start, end, rule in shape:
            rows.append(dict(place=place, crime=crime, groups=", ".join(groups), status=status, start=start, end=end, rule=rule))
    return pd.DataFrame(rows, columns=["place", "crime", "groups", "status", "start", "end", "rule"])


def open_since(periods: pd.DataFrame) -> pd.DataFrame:
    """For each group x place x crime: the start of the unbroken 'yes' run that reaches the last day
    (NaT when the last period is not 'yes'), and the rules that run rests on, each with the day it took over."""
    rows = []
    for (group, place, crime), p in periods.groupby(["group", "place", "crime"], sort=False):
        run = []
        for r in reversed(list(p.itertuples())):
            if r.status != "yes":
                break
            run.insert(0, r)
        bases: dict[str, pd.Timestamp] = {}
        for r in run:
            bases.setdefault(r.rule, r.start)
        rows.append(
            dict(
                group=group,
                place=place,
                crime=crime,
                since=run[0].start if run else pd.NaT,
                bases="; ".join(f"{rule} from {day.date().isoformat()}" for rule, day in bases.items()),
            )
        )
    return pd.DataFrame(rows, columns=["group", "place", "crime", "since", "bases"])
