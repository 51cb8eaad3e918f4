"""A Rome Statute jurisdiction engine: could the ICC exercise jurisdiction over this conduct?

`assess` answers for one crime, accused nationality, territory, date and trigger, citing the
article or decision behind every basis and barrier. It covers the preconditions to the
exercise of jurisdiction (Arts. 11, 12, 13, 15 bis, 15 ter, 26, 124, 126, 127); it does not
weigh evidence, admissibility (Art. 17) or the contextual elements of the crimes.
This is analysis, not legal advice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from . import data
from .data import DateLike, to_date
from .iso3166 import ALPHA3

CRIMES = ("genocide", "crimes_against_humanity", "war_crimes", "aggression")
TRIGGERS = ("state_referral", "proprio_motu", "unsc_referral")

STATUTE_IN_FORCE = pd.Timestamp("2002-07-01")  # Art. 126(1)
AGGRESSION_ACTIVATED = pd.Timestamp("2018-07-17")  # ICC-ASP/16/Res.5, para. 1
# Decisions the rules rest on, as recorded in data/legal_context.csv (items ctx-icc-*).
BANGLADESH_MYANMAR = "PTC I, Bangladesh/Myanmar ruling of 6 Sept 2018 (ICC-RoC46(3)-01/18)"
BURUNDI = "PTC III, Burundi authorisation, 25 Oct 2017"
PHILIPPINES = "PTC I, Duterte jurisdiction decision, 23 Oct 2025, upheld by the Appeals Chamber, 22 Apr 2026"

TRIGGER_BASIS = {
    "state_referral": "Art. 13(a), 14: referral by a State Party",
    "proprio_motu": "Art. 13(c), 15: investigation opened by the Prosecutor proprio motu with Pre-Trial Chamber authorisation",
    "unsc_referral": "Art. 13(b): referral by the Security Council acting under Chapter VII",
}


@dataclass(frozen=True)
class Assessment:
    """The answer: 'yes', 'no' or 'contested', with the bases and barriers it rests on."""

    status: str
    bases: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """The decisive line: the first barrier when there is one, else the first basis."""
        lines = self.barriers or self.bases
        return lines[0] if lines else ""


@dataclass(frozen=True)
class LegalData:
    """The reference tables the engine reads (states parties and declarations)."""

    states_parties: pd.DataFrame
    declarations: pd.DataFrame

    @classmethod
    def load(cls) -> LegalData:
        return cls(data.load("states_parties"), data.load("declarations"))


_DEFAULT: LegalData | None = None


def _default() -> LegalData:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LegalData.load()
    return _DEFAULT


def _iso(d: pd.Timestamp) -> str:
    return d.date().isoformat()


def party_status(iso3: str, when: pd.Timestamp, legal: LegalData) -> tuple[bool, pd.Series | None]:
    """Was `iso3` a State Party on `when`? Entry into force per Art. 126(2); a withdrawal
    takes effect one year after notification (Art. 127(1)) and the state is no longer a party from that day."""
    rows = legal.states_parties[legal.states_parties["iso3"] == iso3]
    if rows.empty:
        return False, None
    row = rows.iloc[0]
    eif, out = row["entry_into_force"], row["withdrawal_effective"]
    party = pd.notna(eif) and eif <= when and (pd.isna(out) or when < out)
    return bool(party), row


def states_parties(as_of: DateLike = None, legal: LegalData | None = None) -> frozenset[str]:
    """ISO3 codes of the States Parties on `as_of` (default today), from data/states_parties.csv."""
    legal = legal or _default()
    when = to_date(as_of)
    return frozenset(i for i in legal.states_parties["iso3"] if party_status(i, when, legal)[0])


def _declarations(legal: LegalData, state: str, article: str, when: pd.Timestamp) -> pd.DataFrame:
    d = legal.declarations
    sel = d[(d["state"] == state) & (d["article"] == article) & (d["status"] != "rejected") & (d["lodged"].notna())]
    start_ok = sel["period_start"].isna() | (sel["period_start"] <= when)
    end_ok = sel["period_end"].isna() | (when <= sel["period_end"])
    return sel[start_ok & end_ok]


def _acceptance_12_3(legal: LegalData, state: str, when: pd.Timestamp, reach: str) -> str | None:
    """An Art. 12(3) declaration by `state` covering `when` for conduct on its territory or by its nationals."""
    decls = _declarations(legal, state, "12(3)", when)
    decls = decls[decls["covers"].astype(str).isin([reach, "territory_and_nationals"])]
    if decls.empty:
        return None
    d = decls.sort_values("lodged").iloc[0]
    start = "" if pd.isna(d["period_start"]) else f" from {_iso(d['period_start'])}"
    what = "on its territory" if reach == "territory" else "by its nationals"
    return f"Art. 12(3): {state} accepted the Court's jurisdiction over conduct {what}{start} (declaration lodged {_iso(d['lodged'])})"


def _precondition(legal: LegalData, state: str, when: pd.Timestamp, reach: str) -> list[str]:
    """Bases under Art. 12(2)(a)/(b) or 12(3) that `state` (territorial or national) provides on `when`."""
    party, row = party_status(state, when, legal)
    if party:
        para = "12(2)(a)" if reach == "territory" else "12(2)(b)"
        what = f"conduct on the territory of {state}" if reach == "territory" else f"the accused is a national of {state}"
        out = [f"Art. {para}: {what}, a State Party since {_iso(row['entry_into_force'])}"]
        if pd.notna(row["withdrawal_effective"]):
            out.append(
                f"Art. 127(2): {state}'s withdrawal (effective {_iso(row['withdrawal_effective'])}) does not affect crimes "
                f"committed while it was a party ({BURUNDI}; {PHILIPPINES})"
            )
        return out
    accepted = _acceptance_12_3(legal, state, when, reach)
    if accepted:
        out = [accepted]
        if row is not None and pd.notna(row["entry_into_force"]) and when < row["entry_into_force"]:
            out.append(f"Art. 11(2): {state} became a party only on {_iso(row['entry_into_force'])}; earlier conduct is reached through its Art. 12(3) declaration")
        return out
    return []


def _art124(legal: LegalData, nationality: str, territories: Sequence[str], when: pd.Timestamp) -> str | None:
    """An Art. 124 declaration in effect that removes war crimes by the state's nationals (or on its territory)."""
    for state in dict.fromkeys([nationality, *territories]):
        for d in _declarations(legal, state, "124", when).itertuples():
            covers = str(d.covers)
            if (state == nationality and covers in ("nationals", "territory_and_nationals")) or (
                state in territories and covers in ("territory", "territory_and_nationals")
            ):
                end = "" if pd.isna(d.period_end) else f" to {_iso(d.period_end)}"
                return (f"Art. 124: {state}'s declaration excludes war crimes "
                        f"{'by its nationals' if covers == 'nationals' else 'by its nationals or on its territory'} "
                        f"from {_iso(d.period_start)}{end}")
    return None


def _check_inputs(crime: str, nationality: str, territories: Sequence[str], trigger: str, age: int | None) -> None:
    if crime not in CRIMES:
        raise ValueError(f"unknown crime {crime!r}: expected one of {', '.join(CRIMES)}")
    if trigger not in TRIGGERS:
        raise ValueError(f"unknown trigger {trigger!r}: expected one of {', '.join(TRIGGERS)}")
    for code in (nationality, *territories):
        if code not in ALPHA3:
            raise ValueError(f"unknown state {code!r}: use an ISO 3166-1 alpha-3 code (e.g. RUS, UKR, PRK)")
    if not territories:
        raise ValueError("territory must name at least one state")
    if age is not None and (not isinstance(age, int) or age < 0):
        raise ValueError(f"age must be a non-negative whole number of years, got {age!r}")


def assess(
    crime: str,
    nationality: str,
    territory: str | Sequence[str],
    date: DateLike,  # noqa: A002 - the issue's public signature
    *,
    trigger: str = "state_referral",
    age: int | None = None,
    leader: bool = False,
    legal: LegalData | None = None,
) -> Assessment:
    """Could the Court exercise jurisdiction over `crime` committed by a national of `nationality`
    on `territory` (every state where the conduct or one of its elements took place) on `date`?"""
    territories = [territory] if isinstance(territory, str) else list(dict.fromkeys(territory))
    _check_inputs(crime, nationality, territories, trigger, age)
    if date is None:
        raise ValueError("the date of the conduct is required")
    when = to_date(date)
    legal = legal or _default()
    bases: list[str] = [TRIGGER_BASIS[trigger]]
    barriers: list[str] = []

    if when < STATUTE_IN_FORCE:
        barriers.append(f"Art. 11(1): conduct before the Statute entered into force on {_iso(STATUTE_IN_FORCE)}")
    if age is not None and age < 18:
        barriers.append(f"Art. 26: no jurisdiction over a person who was under eighteen (age {age}) at the time")
    if crime == "aggression":
        if not leader:
            barriers.append("Art. 8 bis(1), 25(3 bis): aggression is a leadership crime; the accused could not control or direct a State's political or military action")
        if when < AGGRESSION_ACTIVATED:
            barriers.append(f"ICC-ASP/16/Res.5: jurisdiction over aggression activated only from {_iso(AGGRESSION_ACTIVATED)}")

    if trigger == "unsc_referral":
        bases.append("Art. 13(b): a Security Council referral needs no Art. 12(2) precondition (territory or nationality)")
        if crime == "aggression":
            bases.append("Art. 15 ter: on a Security Council referral the Court may exercise jurisdiction over aggression by nationals of any State")
        return _verdict(bases, barriers)

    if crime == "aggression":
        outsiders = [s for s in dict.fromkeys([nationality, *territories]) if not party_status(s, when, legal)[0]]
        if outsiders:
            barriers.append(
                f"Art. 15 bis(5): no jurisdiction over aggression committed by nationals or on the territory of a non-State Party "
                f"({', '.join(outsiders)})"
            )
            return _verdict(bases, barriers)
        bases.append(f"Art. 15 bis(4): aggression by a national of {nationality} on the territory of {', '.join(territories)}, all States Parties")
        return _verdict(bases, barriers, contested=[
            "Art. 15 bis(4) and ICC-ASP/16/Res.5 para. 2: whether the states concerned ratified the Kampala amendments or lodged an opt-out is not recorded in data/"
        ])

    territorial = [b for t in territories for b in _precondition(legal, t, when, "territory")]
    national = _precondition(legal, nationality, when, "nationals")
    if territorial and len(territories) > 1:
        covered = [t for t in territories if _precondition(legal, t, when, "territory")]
        territorial.append(
            f"Art. 12(2)(a), 12(3): one element of the conduct on the territory of {', '.join(covered)} suffices ({BANGLADESH_MYANMAR})")
    if not territorial and not national:
        barriers.append(
            f"Art. 12(2): on {_iso(when)} neither the territorial state(s) ({', '.join(territories)}) nor the accused's state "
            f"({nationality}) was a State Party or had accepted jurisdiction under Art. 12(3)"
        )
    bases += list(dict.fromkeys(territorial + national))
    if crime == "war_crimes":
        excluded = _art124(legal, nationality, territories, when)
        if excluded:
            barriers.append(excluded)
    return _verdict(bases, barriers)


def _verdict(bases: list[str], barriers: list[str], contested: list[str] | None = None) -> Assessment:
    if barriers:
        return Assessment("no", bases, barriers)
    if contested:
        return Assessment("contested", bases, contested)
    return Assessment("yes", bases, [])


# Documented conduct and the Rome Statute provisions it may fall under. Each entry names the
# contextual element that must also be proved; the provisions are the Statute's own wording.
CONDUCT_PROVISIONS: tuple[dict[str, str], ...] = (
    dict(conduct="Directing attacks against civilians or civilian objects", crime="war_crimes",
         provisions="Art. 8(2)(b)(i), 8(2)(b)(ii), 8(2)(b)(iv)", context="International armed conflict (Art. 8(2)(b))"),
    dict(conduct="Killing or wounding soldiers who have surrendered", crime="war_crimes",
         provisions="Art. 8(2)(b)(vi); 8(2)(a)(i) once they are prisoners of war", context="International armed conflict"),
    dict(conduct="Declaring that no quarter will be given", crime="war_crimes",
         provisions="Art. 8(2)(b)(xii)", context="International armed conflict"),
    dict(conduct="Deportation or transfer of children from occupied territory", crime="war_crimes",
         provisions="Art. 8(2)(a)(vii), 8(2)(b)(viii)", context="International armed conflict; occupation"),
    dict(conduct="Deportation or forcible transfer of population", crime="crimes_against_humanity",
         provisions="Art. 7(1)(d)", context="Widespread or systematic attack directed against a civilian population (Art. 7(1))"),
    dict(conduct="Compelling prisoners of war or protected persons to serve in the forces of a hostile power", crime="war_crimes",
         provisions="Art. 8(2)(a)(v); 8(2)(b)(xv) for nationals of the hostile party", context="International armed conflict"),
    dict(conduct="Enslavement, including trafficking in persons (e.g. deceptive recruitment into forced service)", crime="crimes_against_humanity",
         provisions="Art. 7(1)(c), 7(2)(c)", context="Widespread or systematic attack directed against a civilian population, pursuant to a State or organisational policy (Art. 7(2)(a))"),
    dict(conduct="Conscripting or enlisting children under fifteen, or using them in hostilities", crime="war_crimes",
         provisions="Art. 8(2)(b)(xxvi)", context="International armed conflict"),
    dict(conduct="Torture or inhuman treatment of prisoners", crime="war_crimes",
         provisions="Art. 8(2)(a)(ii); 7(1)(f) as a crime against humanity", context="International armed conflict / widespread or systematic attack"),
    dict(conduct="Planning, preparing, initiating or executing the invasion of Ukraine", crime="aggression",
         provisions="Art. 8 bis(1), 8 bis(2)(a)-(g), 25(3 bis)", context="Act of aggression by a State, manifest violation of the UN Charter; leaders only"),
)


def conduct_table() -> pd.DataFrame:
    """The documented-conduct map as a table for the notebook."""
    return pd.DataFrame(list(CONDUCT_PROVISIONS), columns=["conduct", "crime", "provisions", "context"])


def exposure_matrix(groups: Sequence[tuple[str, str, bool]], places: Sequence[tuple[str, list[str]]],
                    periods: Sequence[tuple[str, date]], crimes: Sequence[str] = CRIMES,
                    trigger: str = "state_referral", legal: LegalData | None = None) -> pd.DataFrame:
    """Every group x place x period x crime, answered by `assess`.

    groups: (label, nationality, leader); places: (label, territories); periods: (label, date).
    """
    rows = []
    for g_label, nationality, leader in groups:
        for p_label, territories in places:
            for t_label, when in periods:
                for crime in crimes:
                    a = assess(crime, nationality, territories, when, trigger=trigger, leader=leader, legal=legal)
                    rows.append(dict(group=g_label, place=p_label, period=t_label, crime=crime, status=a.status, reason=a.reason))
    return pd.DataFrame(rows, columns=["group", "place", "period", "crime", "status", "reason"])
