"""The treaty record, read once into per-state intervals that the rules look up.

`LegalData` holds the legal tables as they were known on `as_of`; `LegalData.index` turns them
into one `StateRecord` per state (party interval, declarations, Kampala status, withdrawal).
Dates that follow from the Statute's text are computed here, never stored:

- Art. 126: entry into force (checked against the deposit in validation);
- Art. 127(1): a withdrawal takes effect one year after the notification is received,
  unless the notification names a later date;
- Art. 124: a declaration lasts seven years from entry into force for the state;
- Art. 121(5): the aggression amendments enter into force for a State Party one year after
  its deposit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from helpers.data import loaders as data
from helpers.data.loaders import DateLike, to_date

DAY = pd.Timedelta(days=1)
STATUTE_IN_FORCE = pd.Timestamp("2002-07-01")  # Art. 126(1)
AGGRESSION_ACTIVATED = pd.Timestamp("2018-07-17")  # ICC-ASP/16/Res.5, para. 1
# data/aggression_amendments.csv lists ratifications up to this date (crimeofaggression.info update No. 34).
KAMPALA_RECORD_COMPLETE_TO = pd.Timestamp("2019-11-27")
# A deposit after that date enters into force (Art. 121(5)) no earlier than this day: from then on
# a State Party without a recorded ratification may have one that is in force.
KAMPALA_UNKNOWN_FROM = KAMPALA_RECORD_COMPLETE_TO + pd.DateOffset(years=1) + DAY

NEW_TABLES = ("aggression_amendments", "unsc_referrals", "withdrawal_events", "icc_situations")


def one_year_after(d: pd.Timestamp) -> pd.Timestamp:
    """The same calendar day a year later (29 February gives 28 February)."""
    return d + pd.DateOffset(years=1)


def withdrawal_takes_effect(notified: pd.Timestamp, stated: pd.Timestamp | None = None) -> pd.Timestamp:
    """Art. 127(1): one year after receipt of the notification, unless it specifies a later date."""
    due = one_year_after(notified)
    return stated if stated is not None and stated > due else due


def art124_last_day(entry_into_force: pd.Timestamp) -> pd.Timestamp:
    """Art. 124: 'for a period of seven years after the entry into force of this Statute for the State concerned'."""
    return entry_into_force + pd.DateOffset(years=7) - DAY


def kampala_in_force(deposited: pd.Timestamp) -> pd.Timestamp:
    """Art. 121(5): an amendment to arts. 5-8 enters into force for the state one year after its deposit."""
    return one_year_after(deposited)


def _ts(value) -> pd.Timestamp | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value)


@dataclass(frozen=True, slots=True)
class Declaration:
    """An Art. 12(3) or Art. 124 declaration with the period it covers (None: unbounded)."""

    declaration_id: str
    article: str
    lodged: pd.Timestamp
    start: pd.Timestamp | None
    end: pd.Timestamp | None  # last day covered (inclusive)
    covers: str
    status: str
    end_computed: bool = False

    def covers_day(self, when: pd.Timestamp) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def reaches(self, reach: str) -> bool:
        return self.covers in (reach, "territory_and_nationals")


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """A notified withdrawal: when it was received and when it takes effect (Art. 127(1))."""

    notified: pd.Timestamp
    effective: pd.Timestamp
    computed: bool  # True when the effective date is Art. 127(1)'s one year (whether or not the data also records it)
    rescinded: pd.Timestamp | None  # a verified rescission before it took effect
    reported_rescissions: tuple[tuple[pd.Timestamp, str], ...]  # unverified reports: (date, source ids)


@dataclass(frozen=True, slots=True, order=True)
class Matter:
    """A situation concerning a state: when it came before the Court and the period it covers."""

    since: pd.Timestamp  # preliminary examination or investigation, whichever came first
    name: str
    scope_start: pd.Timestamp | None  # first day of conduct it covers (None: not recorded)

    def covers(self, when: pd.Timestamp) -> bool:
        return self.scope_start is None or self.scope_start <= when


@dataclass(frozen=True, slots=True)
class StateRecord:
    """Everything the rules need about one state, as intervals."""

    iso3: str
    entry_into_force: pd.Timestamp | None
    withdrawal: Withdrawal | None
    acceptances: tuple[Declaration, ...]  # Art. 12(3), not rejected
    art124: tuple[Declaration, ...]
    under_consideration: tuple[Matter, ...]  # situations before the Court concerning the state
    kampala_deposit: pd.Timestamp | None
    kampala_verified: bool
    opt_out: tuple[pd.Timestamp, pd.Timestamp | None] | None  # Art. 15 bis(4): (lodged, withdrawn)

    @property
    def party_until(self) -> pd.Timestamp | None:
        """First day the state is no longer a party (None: still a party, or never was)."""
        w = self.withdrawal
        return None if w is None or w.rescinded is not None else w.effective

    def is_party(self, when: pd.Timestamp) -> bool:
        eif, out = self.entry_into_force, self.party_until
        return eif is not None and eif <= when and (out is None or when < out)

    @property
    def kampala_from(self) -> pd.Timestamp | None:
        return None if self.kampala_deposit is None else kampala_in_force(self.kampala_deposit)

    def opted_out(self, when: pd.Timestamp) -> bool:
        """An Art. 15 bis(4) declaration lodged by `when` and not withdrawn by then."""
        if self.opt_out is None:
            return False
        lodged, withdrawn = self.opt_out
        return lodged <= when and (withdrawn is None or when < withdrawn)

    def breakpoints(self) -> set[pd.Timestamp]:
        """Every date on which an answer involving this state can change."""
        out: set[pd.Timestamp] = set()
        if self.entry_into_force is not None:
            out.add(self.entry_into_force)
        if self.party_until is not None:
            out.add(self.party_until)
        for d in self.acceptances + self.art124:
            if d.start is not None:
                out.add(d.start)
            if d.end is not None:
                out.add(d.end + DAY)
        if self.kampala_from is not None:
            out.add(self.kampala_from)
        out.update(m.scope_start for m in self.under_consideration if m.scope_start is not None)
        if self.opt_out is not None:
            out.add(self.opt_out[0])
            if self.opt_out[1] is not None:
                out.add(self.opt_out[1])
        return out


@dataclass(frozen=True, slots=True)
class Referral:
    """A Security Council referral as made: the situation's state, region and period."""

    referral_id: str
    resolution: str
    adopted: pd.Timestamp
    territory: str
    region: str
    start: pd.Timestamp
    end: pd.Timestamp | None
    exclusion: str

    def covers_day(self, when: pd.Timestamp) -> bool:
        return self.start <= when and (self.end is None or when <= self.end)


def _empty(name: str) -> pd.DataFrame:
    from helpers.data.schema import load_package

    return pd.DataFrame(columns=load_package().resource(name).column_names)


@dataclass(frozen=True)
class LegalData:
    """The legal tables as known on `as_of` (the day the question is asked: it decides, for
    instance, whether a notified withdrawal has already taken effect)."""

    states_parties: pd.DataFrame
    declarations: pd.DataFrame
    aggression_amendments: pd.DataFrame | None = None
    unsc_referrals: pd.DataFrame | None = None
    withdrawal_events: pd.DataFrame | None = None
    icc_situations: pd.DataFrame | None = None
    as_of: pd.Timestamp = field(default_factory=lambda: to_date(None))

    @classmethod
    def load(cls, as_of: DateLike = None) -> LegalData:
        """Read the tables as published by `as_of` (default today)."""
        when = to_date(as_of)
        extra = {}
        for name in NEW_TABLES:
            frame = data.load(name, when)
            extra[name] = _known_by(name, frame, when)
        return cls(data.load("states_parties", when), data.load("declarations", when), as_of=when, **extra)

    def table(self, name: str) -> pd.DataFrame:
        frame = getattr(self, name)
        return _empty(name) if frame is None else frame

    @cached_property
    def index(self) -> dict[str, StateRecord]:
        """One StateRecord per state named anywhere in the legal tables."""
        return build_index(self)

    @cached_property
    def referrals(self) -> dict[str, Referral]:
        out = {}
        for r in self.table("unsc_referrals").itertuples():
            out[r.referral_id] = Referral(
                str(r.referral_id),
                str(r.resolution),
                pd.Timestamp(r.adopted),
                str(r.territory),
                "" if pd.isna(r.region) else str(r.region),
                pd.Timestamp(r.period_start),
                _ts(r.period_end),
                "" if pd.isna(r.exclusion) else str(r.exclusion),
            )
        return out

    def record(self, iso3: str) -> StateRecord:
        rec = self.index.get(iso3)
        return rec if rec is not None else StateRecord(iso3, None, None, (), (), (), None, False, None)


def _known_by(name: str, frame: pd.DataFrame, when: pd.Timestamp) -> pd.DataFrame:
    """Rows of the newer legal tables as known on `when` (the loader has no rule for them)."""
    if name == "unsc_referrals":
        return frame[frame["adopted"] <= when].reset_index(drop=True)
    if name == "icc_situations":
        frame = frame.copy()
        for col in ("examination_opened", "investigation_opened"):
            frame[col] = frame[col].mask(frame[col] > when)
        return frame[frame["examination_opened"].notna() | frame["investigation_opened"].notna()].reset_index(drop=True)
    return frame[frame["date"] <= when].reset_index(drop=True)


def _declaration(r, eif: pd.Timestamp | None) -> Declaration:
    start, end = _ts(r.period_start), _ts(r.period_end)
    computed = False
    if r.article == "124":
        start = start if start is not None else eif
        if eif is not None:
            limit = art124_last_day(eif)
            if end is None or limit < end:
                end, computed = limit, end is None or limit < end
    return Declaration(
        str(r.declaration_id), str(r.article), pd.Timestamp(r.lodged), start, end, str(r.covers), str(r.status), computed
    )


def build_index(legal: LegalData) -> dict[str, StateRecord]:
    """Per-state intervals from the tables (pure: the same tables give the same index)."""
    sp = legal.states_parties
    decl = legal.declarations
    events = legal.table("withdrawal_events")
    amend = legal.table("aggression_amendments")
    sits = legal.table("icc_situations")
    states = (
        set(sp["iso3"].astype(str))
        | set(decl["state"].astype(str))
        | set(amend["state"].astype(str))
        | set(events["state"].astype(str))
    )
    rows = {str(r.iso3): r for r in sp.itertuples()}

    def by_state(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:  # one pass per table instead of one filter per state
        return {str(k): g for k, g in frame.groupby(frame["state"].astype(str), sort=False)}

    events_by, decl_by, sits_by, amend_by = by_state(events), by_state(decl), by_state(sits), by_state(amend)
    out: dict[str, StateRecord] = {}
    for iso in sorted(states):
        r = rows.get(iso)
        eif = _ts(r.entry_into_force) if r is not None else None
        withdrawal = None
        if r is not None and _ts(r.withdrawal_notified) is not None:
            notified = _ts(r.withdrawal_notified)
            stated = _ts(r.withdrawal_effective)
            effective = withdrawal_takes_effect(notified, stated)
            ev = events_by.get(iso, events.iloc[0:0])
            ev = ev[ev["event"] == "rescission"]
            verified = ev[(ev["verification"] == "verified") & (ev["date"] < effective)]
            rescinded = _ts(verified["date"].min()) if len(verified) else None
            reports = tuple(
                (pd.Timestamp(e.date), ";".join(e.source_ids)) for e in ev[ev["verification"] != "verified"].itertuples()
            )
            withdrawal = Withdrawal(notified, effective, effective == one_year_after(notified), rescinded, reports)
        ds = list(decl_by[iso].itertuples()) if iso in decl_by else []
        accept = tuple(_declaration(d, eif) for d in ds if d.article == "12(3)" and d.status != "rejected")
        art124 = tuple(_declaration(d, eif) for d in ds if d.article == "124" and d.status != "rejected")
        considered = []
        for s in sits_by[iso].itertuples() if iso in sits_by else ():
            first = min(d for d in (_ts(s.examination_opened), _ts(s.investigation_opened)) if d is not None)
            considered.append(Matter(first, str(s.name), _ts(s.scope_start)))
        deposit, verified_rat, opt_out = None, False, None
        if iso in amend_by:
            am = amend_by[iso]
            rat = am[am["act"] == "ratification"].sort_values("date")
            deposit = _ts(rat["date"].iloc[0]) if len(rat) else None
            verified_rat = bool(len(rat)) and rat["verification"].iloc[0] == "verified"
            opts = am[am["act"] == "opt_out"].sort_values("date")
            withdrawn = am[am["act"] == "opt_out_withdrawn"].sort_values("date")
            opt_out = (
                (pd.Timestamp(opts["date"].iloc[0]), _ts(withdrawn["date"].iloc[0]) if len(withdrawn) else None)
                if len(opts)
                else None
            )
        out[iso] = StateRecord(iso, eif, withdrawal, accept, art124, tuple(sorted(considered)), deposit, verified_rat, opt_out)
    return out


GLOBAL_BREAKPOINTS = frozenset({STATUTE_IN_FORCE, AGGRESSION_ACTIVATED, KAMPALA_UNKNOWN_FROM})
