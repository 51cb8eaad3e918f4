"""The rules: could the ICC exercise jurisdiction over this conduct?

`assess` answers for one crime, accused nationality, territory (or vessel or aircraft), date
and trigger, citing the article or decision behind every basis and barrier. It covers the
preconditions to the exercise of jurisdiction (Arts. 11, 12, 13, 15 bis, 15 ter, 26, 121(5),
124, 126, 127 and ICC-ASP/16/Res.5); it does not weigh evidence, admissibility (Art. 17),
immunities or the contextual elements of the crimes. This is analysis, not legal advice.

Every date comparison here is against a date in `records.StateRecord.breakpoints` or
`records.GLOBAL_BREAKPOINTS`, so an answer is constant between breakpoints: that is what lets
`sweep.exposure_matrix` answer a whole grid at once with the same answers as `assess`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from helpers.analysis.legal.records import (
    AGGRESSION_ACTIVATED,
    KAMPALA_RECORD_COMPLETE_TO,
    KAMPALA_UNKNOWN_FROM,
    STATUTE_IN_FORCE,
    LegalData,
    StateRecord,
)
from helpers.data.loaders import DateLike, to_date
from helpers.data.places import ALPHA3

CRIMES = ("genocide", "crimes_against_humanity", "war_crimes", "aggression")
TRIGGERS = ("state_referral", "proprio_motu", "unsc_referral")

# Decisions and commentary the rules rest on, as recorded in data/legal_context.csv.
BANGLADESH_MYANMAR = "PTC I, Bangladesh/Myanmar ruling of 6 Sept 2018 (ICC-RoC46(3)-01/18)"
BURUNDI = "PTC III, Burundi authorisation, 25 Oct 2017"
PHILIPPINES = "PTC I, Duterte jurisdiction decision, 23 Oct 2025, upheld by the Appeals Chamber, 22 Apr 2026"
PHILIPPINES_DISSENT = "the two dissenting judges of the Appeals Chamber, Philippines judgment of 18 July 2023"
UKRAINE_124_DEBATE = "Gureghian Hall, Opinio Juris, 2 Nov 2024; Koval and Soldatenko, Lawfare, 8 Oct 2024"
RES5 = "ICC-ASP/16/Res.5 para. 2"

TRIGGER_BASIS = {
    "state_referral": "Art. 13(a), 14: referral by a State Party",
    "proprio_motu": "Art. 13(c), 15: investigation opened by the Prosecutor proprio motu with Pre-Trial Chamber authorisation",
    "unsc_referral": "Art. 13(b): referral by the Security Council acting under Chapter VII",
}
_TRIGGER_LINES = frozenset(TRIGGER_BASIS.values())


@dataclass(frozen=True)
class Assessment:
    """The answer: 'yes', 'no' or 'contested', with the bases and barriers it rests on
    (for 'contested', `barriers` holds the open questions)."""

    status: str
    bases: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """The decisive line: the first barrier (or open question), else the first basis after the trigger."""
        if self.barriers:
            return self.barriers[0]
        decisive = [b for b in self.bases if b not in _TRIGGER_LINES]
        lines = decisive or self.bases
        return lines[0] if lines else ""

    @property
    def rule(self) -> str:
        """The provision the decisive line cites (its text before the first colon)."""
        return rule_of(self.reason)


def rule_of(line: str) -> str:
    """'Art. 12(3): UKR accepted ...' -> 'Art. 12(3)'."""
    return line.split(":", 1)[0] if ":" in line else line


_DEFAULT: LegalData | None = None


def _default() -> LegalData:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LegalData.load()
    return _DEFAULT


def _iso(d: pd.Timestamp) -> str:
    return d.date().isoformat()


def party_status(iso3: str, when: DateLike, legal: LegalData | None = None) -> tuple[bool, StateRecord | None]:
    """Was `iso3` a State Party on `when`? Entry into force per Art. 126(2); a withdrawal takes effect
    one year after notification (Art. 127(1), computed) and the state is no longer a party from that day."""
    legal = legal or _default()
    rec = legal.index.get(iso3)
    return (False, None) if rec is None else (rec.is_party(to_date(when)), rec)


def states_parties(as_of: DateLike = None, legal: LegalData | None = None) -> frozenset[str]:
    """ISO3 codes of the States Parties on `as_of` (default today), from data/states_parties.csv."""
    legal = legal or _default()
    when = to_date(as_of)
    return frozenset(i for i, r in legal.index.items() if r.is_party(when))


_REACH = {
    "territory": ("12(2)(a)", "conduct on the territory of {s}", "on its territory"),
    "vessel": ("12(2)(a)", "the crime was committed on board a vessel or aircraft registered in {s}", "on its territory"),
    "nationals": ("12(2)(b)", "the accused is a national of {s}", "by its nationals"),
}


def _withdrawn_line(r: StateRecord) -> str:
    w = r.withdrawal
    how = (
        "one year after its withdrawal notification of " + _iso(w.notified)
        if w.computed
        else f"the date its notification of {_iso(w.notified)} specified"
    )
    line = f"Art. 127(1): {r.iso3} is no longer a State Party from {_iso(w.effective)}, {how}"
    for day, ids in w.reported_rescissions:
        line += f"; a reversal on {_iso(day)} is reported only by an unverified source ({ids}) and is not applied"
    return line


def _precondition(r: StateRecord, when: pd.Timestamp, reach: str, legal: LegalData) -> tuple[list[str], list[str]]:
    """Art. 12(2)/12(3) lines that state `r` provides on `when` as territorial state, state of
    registration or state of nationality, and any open question (Art. 127(2)) they depend on."""
    para, what, short = _REACH[reach]
    s = r.iso3
    if r.is_party(when):
        lines = [f"Art. {para}: {what.format(s=s)}, a State Party since {_iso(r.entry_into_force)}"]
        w = r.withdrawal
        if w is None or w.rescinded is not None:
            return lines, []
        if w.effective > legal.as_of:
            lines.append(
                f"Art. 127(1)-(2): {s} notified its withdrawal on {_iso(w.notified)}; it takes effect on {_iso(w.effective)}, "
                f"and crimes committed while {s} is a party remain within jurisdiction"
            )
            return lines, []
        matters = [m for m in r.under_consideration if m.since < w.effective and m.covers(when)]
        if matters:
            m = matters[0]
            lines.append(
                f"Art. 127(2): {s}'s withdrawal (effective {_iso(w.effective)}) does not prejudice a matter already under "
                f"consideration by the Court (the {m.name}, before the Court from {_iso(m.since)}) ({BURUNDI}; {PHILIPPINES})"
            )
            return lines, []
        return lines, [
            f"Art. 127(2): {s}'s withdrawal took effect on {_iso(w.effective)} and no matter covering this conduct is recorded as "
            f"under consideration before then; whether the Court may still exercise jurisdiction over crimes committed while {s} was "
            f"a party is unsettled ({BURUNDI}: it may; {PHILIPPINES_DISSENT}: not where authorisation was sought after the "
            f"withdrawal took effect)"
        ]
    kind = "territory" if reach == "vessel" else reach
    accepted = sorted((d for d in r.acceptances if d.covers_day(when) and d.reaches(kind)), key=lambda d: d.lodged)
    if not accepted:
        return [], []
    d = accepted[0]
    start = "" if d.start is None else f" from {_iso(d.start)}"
    lines = [
        f"Art. 12(3): {s} accepted the Court's jurisdiction over conduct {short}{start} (declaration lodged {_iso(d.lodged)})"
    ]
    if r.entry_into_force is not None and when < r.entry_into_force:
        lines.append(
            f"Art. 11(2): {s} became a party only on {_iso(r.entry_into_force)}; earlier conduct is reached through its Art. 12(3) declaration"
        )
    return lines, []


def _art124(legal: LegalData, nationality: str, territories: Sequence[str], when: pd.Timestamp) -> tuple[str | None, str | None]:
    """An Art. 124 declaration in effect that removes war crimes by the state's nationals or on its
    territory, and the open question, if any, about how it meets the same state's Art. 12(3) acceptance."""
    for state in dict.fromkeys([nationality, *territories]):
        r = legal.record(state)
        for d in r.art124:
            if not d.covers_day(when):
                continue
            by_national = state == nationality and d.reaches("nationals")
            if not (by_national or (state in territories and d.reaches("territory"))):
                continue
            whom = "by its nationals" if d.covers == "nationals" else "by its nationals or on its territory"
            span = f"from {_iso(d.start)}" + ("" if d.end is None else f" to {_iso(d.end)}")
            if d.end_computed:
                span += " (seven years from entry into force)"
            line = f"Art. 124: {state}'s declaration excludes war crimes {whom} {span}"
            open_12_3 = [a for a in r.acceptances if a.covers_day(when) and a.reaches("territory") and a.end is None]
            if by_national and d.covers == "nationals" and state in territories and open_12_3:
                a = open_12_3[0]
                return line, (
                    f"Art. 124, 12(3): whether {state}'s nationals-only Art. 124 declaration removes war crimes by its nationals on its "
                    f"territory, which its open-ended Art. 12(3) declaration lodged {_iso(a.lodged)} still covers, is disputed "
                    f"({UKRAINE_124_DEBATE})"
                )
            return line, None
    return None, None


def _check_inputs(
    crime: str, nationality: str, territories: Sequence[str], trigger: str, age: int | None, on_board: str | None
) -> None:
    if crime not in CRIMES:
        raise ValueError(f"unknown crime {crime!r}: expected one of {', '.join(CRIMES)}")
    if trigger not in TRIGGERS:
        raise ValueError(f"unknown trigger {trigger!r}: expected one of {', '.join(TRIGGERS)}")
    for code in (nationality, *territories, *([on_board] if on_board is not None else [])):
        if code not in ALPHA3:
            raise ValueError(f"unknown state {code!r}: use an ISO 3166-1 alpha-3 code (e.g. RUS, UKR, PRK)")
    if not territories and on_board is None:
        raise ValueError(
            "territory must name at least one state (or give on_board, the state of registration of a vessel or aircraft)"
        )
    if age is not None and (not isinstance(age, int) or age < 0):
        raise ValueError(f"age must be a non-negative whole number of years, got {age!r}")


def resolve_trigger(trigger: str | None, referral: str | None) -> str:
    """The trigger to apply: a named Security Council referral implies 'unsc_referral'."""
    if referral is not None:
        if trigger not in (None, "unsc_referral"):
            raise ValueError(
                f"referral {referral!r} is a Security Council referral; trigger must be 'unsc_referral', not {trigger!r}"
            )
        return "unsc_referral"
    return "state_referral" if trigger is None else trigger


def assess(
    crime: str,
    nationality: str,
    territory: str | Sequence[str],
    date: DateLike,  # noqa: A002 - the issue's public signature
    *,
    trigger: str | None = None,
    age: int | None = None,
    leader: bool = False,
    on_board: str | None = None,
    referral: str | None = None,
    legal: LegalData | None = None,
) -> Assessment:
    """Could the Court exercise jurisdiction over `crime` committed by a national of `nationality`
    on `territory` (every state where the conduct or one of its elements took place; may be empty
    for conduct on the high seas) or on board a vessel or aircraft registered in `on_board`, on `date`?

    trigger: 'state_referral' (default), 'proprio_motu' or 'unsc_referral' (a referral of this
    situation); referral: the id of a real referral in data/unsc_referrals.csv, applied with its scope.
    """
    territories = [territory] if isinstance(territory, str) else list(dict.fromkeys(territory))
    trigger = resolve_trigger(trigger, referral)
    _check_inputs(crime, nationality, territories, trigger, age, on_board)
    if date is None:
        raise ValueError("the date of the conduct is required")
    when = to_date(date)
    legal = legal or _default()
    if referral is not None and referral not in legal.referrals:
        raise ValueError(f"unknown referral {referral!r}: known: {', '.join(sorted(legal.referrals))}")
    return evaluate(crime, nationality, tuple(territories), when, trigger, age, leader, on_board, referral, legal)


def evaluate(
    crime: str,
    nationality: str,
    territories: tuple[str, ...],
    when: pd.Timestamp,
    trigger: str,
    age: int | None,
    leader: bool,
    on_board: str | None,
    referral: str | None,
    legal: LegalData,
) -> Assessment:
    """`assess` without input checks (inputs already validated, `when` a midnight Timestamp)."""
    bases: list[str] = [TRIGGER_BASIS[trigger]]
    barriers: list[str] = []

    if when < STATUTE_IN_FORCE:
        barriers.append(f"Art. 11(1): conduct before the Statute entered into force on {_iso(STATUTE_IN_FORCE)}")
    if age is not None and age < 18:
        barriers.append(f"Art. 26: no jurisdiction over a person who was under eighteen (age {age}) at the time")
    if crime == "aggression":
        if not leader:
            barriers.append(
                "Art. 8 bis(1), 25(3 bis): aggression is a leadership crime; the accused could not control or direct a State's political or military action"
            )
        if when < AGGRESSION_ACTIVATED:
            barriers.append(f"ICC-ASP/16/Res.5: jurisdiction over aggression activated only from {_iso(AGGRESSION_ACTIVATED)}")

    if trigger == "unsc_referral":
        return _security_council(crime, nationality, territories, when, referral, legal, bases, barriers)
    if crime == "aggression":
        return _aggression(nationality, territories, when, on_board, legal, bases, barriers)

    territorial: list[str] = []
    doubts: list[str] = []
    firm = False
    covered = []
    places = [(t, "territory") for t in territories] + ([(on_board, "vessel")] if on_board is not None else [])
    for state, reach in places:
        lines, doubt = _precondition(legal.record(state), when, reach, legal)
        if lines:
            covered.append(state)
            territorial += lines
            doubts += doubt
            firm = firm or not doubt
    national, ndoubt = _precondition(legal.record(nationality), when, "nationals", legal)
    firm = firm or bool(national and not ndoubt)
    doubts += ndoubt
    if territorial and len(places) > 1:
        territorial.append(
            f"Art. 12(2)(a), 12(3): one element of the conduct on the territory of {', '.join(covered)} suffices ({BANGLADESH_MYANMAR})"
        )
    if not territorial and not national:
        for s in dict.fromkeys([*territories, *([on_board] if on_board else []), nationality]):
            r = legal.record(s)
            if r.party_until is not None and r.party_until <= when:
                barriers.append(_withdrawn_line(r))
        where = f"the territorial state(s) ({', '.join(territories)})" if territories else ""
        if on_board is not None:
            where += (" or " if where else "") + f"the state of registration of the vessel or aircraft ({on_board})"
        barriers.append(
            f"Art. 12(2): neither {where} nor the accused's state ({nationality}) was a State Party or had accepted "
            f"jurisdiction under Art. 12(3) at the time of the conduct"
        )
    bases += list(dict.fromkeys(territorial + national))
    contested = [] if firm else list(dict.fromkeys(doubts))
    if crime == "war_crimes":
        excluded, question = _art124(legal, nationality, territories, when)
        if excluded and question:
            bases.append(excluded)
            contested.insert(0, question)
        elif excluded:
            barriers.append(excluded)
    return _verdict(bases, barriers, contested)


def _security_council(
    crime: str,
    nationality: str,
    territories: tuple[str, ...],
    when: pd.Timestamp,
    referral: str | None,
    legal: LegalData,
    bases: list[str],
    barriers: list[str],
) -> Assessment:
    """Art. 13(b): no Art. 12(2) precondition; a real referral reaches only its situation."""
    if referral is None:
        bases.append("Art. 13(b): a Security Council referral needs no Art. 12(2) precondition (territory or nationality)")
    else:
        ref = legal.referrals[referral]
        where = f"{ref.region} ({ref.territory})" if ref.region else ref.territory
        period = f"since {_iso(ref.start)}" + ("" if ref.end is None else f" to {_iso(ref.end)}")
        if ref.territory not in territories:
            barriers.append(
                f"Art. 13(b), {ref.resolution}: the referral covers the situation in {where} {period}, not conduct only on the "
                f"territory of {', '.join(territories) or 'no state'}"
            )
        elif not ref.covers_day(when):
            barriers.append(f"Art. 13(b), {ref.resolution}: the referral covers the situation in {where} {period} only")
        else:
            bases.append(
                f"Art. 13(b), {ref.resolution}: the Security Council referred the situation in {where} {period}; "
                f"no Art. 12(2) precondition is needed"
            )
            if ref.exclusion and nationality != ref.territory and not legal.record(nationality).is_party(when):
                bases.append(
                    f"{ref.resolution}, exception not applied (it turns on facts the question does not give): {ref.exclusion}"
                )
    if crime == "aggression":
        bases.append(
            "Art. 15 ter: on a Security Council referral the Court may exercise jurisdiction over aggression by nationals of any State"
        )
    return _verdict(bases, barriers)


def _aggression(
    nationality: str,
    territories: tuple[str, ...],
    when: pd.Timestamp,
    on_board: str | None,
    legal: LegalData,
    bases: list[str],
    barriers: list[str],
) -> Assessment:
    """Art. 15 bis(4)-(5), 121(5) and ICC-ASP/16/Res.5 para. 2 for state referrals and proprio motu cases."""
    states = list(dict.fromkeys([nationality, *territories, *([on_board] if on_board else [])]))
    outsiders = [s for s in states if not legal.record(s).is_party(when)]
    if outsiders:
        barriers.append(
            f"Art. 15 bis(5): no jurisdiction over aggression committed by nationals or on the territory of a non-State Party "
            f"({', '.join(outsiders)})"
        )
        return _verdict(bases, barriers)
    not_in_force, unknown, unverified = [], [], []
    for s in states:
        r = legal.record(s)
        if r.kampala_deposit is None:
            (unknown if when >= KAMPALA_UNKNOWN_FROM else not_in_force).append(s)
        elif when < r.kampala_from:
            not_in_force.append(s)
        elif not r.kampala_verified:
            unverified.append(s)
    if not_in_force:
        barriers.append(
            f"Art. 121(5), {RES5}: the aggression amendments were not in force for {', '.join(not_in_force)} (in force for a State "
            f"Party one year after its ratification); no jurisdiction over aggression by its nationals or on its territory"
        )
    aggressor = legal.record(nationality)
    if aggressor.opted_out(when):
        barriers.append(
            f"Art. 15 bis(4): {nationality} declared on {_iso(aggressor.opt_out[0])} that it does not accept the Court's "
            f"jurisdiction over aggression"
        )
    if barriers:
        return _verdict(bases, barriers)
    where = ", ".join(territories) if territories else f"a vessel or aircraft registered in {on_board}"
    bases.append(
        f"Art. 15 bis(4), {RES5}: aggression by a national of {nationality} on {where}; all are States Parties for which "
        f"the aggression amendments are in force, and {nationality} lodged no Art. 15 bis(4) declaration"
    )
    contested = []
    if unverified:
        contested.append(
            f"{RES5}: ratification of the aggression amendments by {', '.join(unverified)} is recorded but not verified "
            f"(see data/aggression_amendments.csv)"
        )
    if unknown:
        contested.append(
            f"{RES5}: ratifications are recorded only to {_iso(KAMPALA_RECORD_COMPLETE_TO)}; whether {', '.join(unknown)} "
            f"ratified the aggression amendments later is not recorded"
        )
    return _verdict(bases, barriers, contested)


def _verdict(bases: list[str], barriers: list[str], contested: list[str] | None = None) -> Assessment:
    if barriers:
        return Assessment("no", bases, barriers)
    if contested:
        return Assessment("contested", bases, contested)
    return Assessment("yes", bases, [])
