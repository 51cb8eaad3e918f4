"""The questions notebook 03 puts to the engine, as they could be asked on a date.

A question about conduct after an event (Ukraine joining, Hungary's withdrawal taking effect, an Art. 124 declaration
running out) is asked only once the event's record is known, and its conduct date follows from that record (Art. 126,
127(1), 124), so that a view of an earlier date neither names a later event nor a later day. Illustrative conduct dates
of the war are never later than the view's date; historical cases are asked once they happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.analysis.legal.records import DAY, LegalData, art124_last_day

#: The illustrative dates: North Korean troops fighting in Kursk Oblast (mid-January 2025), and a day in Ukraine's
#: first months as a State Party.
DPRK_IN_KURSK = pd.Timestamp("2025-01-15")
UKRAINE_A_PARTY = pd.Timestamp("2025-06-01")


@dataclass(frozen=True)
class Scenario:
    """One question: `question` may hold "{date}", the conduct date in words to `precision` (day, month or year)."""

    question: str
    crime: str
    nationality: str
    territories: tuple[str, ...]
    when: pd.Timestamp
    precision: str = "day"
    options: dict = field(default_factory=dict)


#: The questions in the notebook's order: (conduct, precision, question, crime, nationality, territories, options).
#: `conduct` says when the conduct happens: "war" is the illustrative day of North Korea's war (never after the
#: view's date); a date is a past event, asked once it happened; any other word is an event of the record (`_EVENTS`),
#: asked once the record states it.
_QUESTIONS: tuple[tuple[str, str, str, str, str, tuple[str, ...], dict], ...] = (
    (
        "war",
        "month",
        "A North Korean soldier commits a war crime in occupied Ukraine in {date}.",
        "war_crimes",
        "PRK",
        ("UKR",),
        {},
    ),
    ("war", "day", "The same soldier, the same act, in Kursk Oblast (Russian territory).", "war_crimes", "PRK", ("RUS",), {}),
    (
        "war",
        "day",
        "A missile fired from Russia by a North Korean crew kills civilians in Ukraine.",
        "war_crimes",
        "PRK",
        ("RUS", "UKR"),
        {},
    ),
    (
        "2022-10-10",
        "month",
        "A Russian commander orders attacks on Ukraine's power grid in {date} (before Ukraine joined).",
        "war_crimes",
        "RUS",
        ("RUS", "UKR"),
        {},
    ),
    (
        "war",
        "day",
        "North Korea's leaders send troops to fight Ukraine: aggression?",
        "aggression",
        "PRK",
        ("UKR",),
        {"leader": True},
    ),
    ("war", "day", "A seventeen-year-old recruit commits a war crime in Ukraine.", "war_crimes", "NPL", ("UKR",), {"age": 17}),
    (
        "ukraine_joined",
        "month",
        "A Ukrainian soldier commits a war crime in Ukraine in {date}, after Ukraine joined (its Art. 124 declaration).",
        "war_crimes",
        "UKR",
        ("UKR",),
        {},
    ),
    (
        "ukraine_joined",
        "day",
        "A Ukrainian soldier commits a war crime in Kursk Oblast after Ukraine joined.",
        "war_crimes",
        "UKR",
        ("RUS",),
        {},
    ),
    (
        "ukraine_art124_ended",
        "day",
        "The same act in Kursk once Ukraine's Art. 124 declaration has run its seven years ({date}).",
        "war_crimes",
        "UKR",
        ("RUS",),
        {},
    ),
    (
        "2022-09-13",
        "month",
        "Azerbaijani forces commit a war crime on Armenian territory in {date}, before Armenia joined.",
        "war_crimes",
        "AZE",
        ("ARM",),
        {},
    ),
    (
        "2010-05-31",
        "day",
        "Israeli forces board the Comorian-registered Mavi Marmara in international waters, {date}.",
        "war_crimes",
        "ISR",
        (),
        {"on_board": "COM"},
    ),
    (
        "2004-01-01",
        "year",
        "Genocide in Darfur in {date}, under Security Council resolution 1593 as it was made.",
        "genocide",
        "SDN",
        ("SDN",),
        {"referral": "unsc-1593-darfur"},
    ),
    (
        "2011-02-14",
        "day",
        "Crimes against humanity in Libya on {date}, under resolution 1970 as it was made.",
        "crimes_against_humanity",
        "LBY",
        ("LBY",),
        {"referral": "unsc-1970-libya"},
    ),
    (
        "hungary_withdrawal",
        "day",
        "A war crime in Hungary on {date}, the day its withdrawal takes effect (Art. 127(1)).",
        "war_crimes",
        "RUS",
        ("HUN",),
        {},
    ),
    (
        "2022-02-24",
        "day",
        "If the Security Council referred the situation, could aggression by Russia's leaders be tried?",
        "aggression",
        "RUS",
        ("UKR",),
        {"trigger": "unsc_referral", "leader": True},
    ),
)


def _ukraine_joined(legal: LegalData, when: pd.Timestamp) -> pd.Timestamp | None:
    """A day in Ukraine's first months as a State Party: known once a deposit states its entry into force (Art. 126)."""
    ukraine = legal.index.get("UKR")
    if ukraine is None or ukraine.entry_into_force is None:
        return None
    return max(ukraine.entry_into_force, min(UKRAINE_A_PARTY, when))


def _ukraine_art124_ended(legal: LegalData, when: pd.Timestamp) -> pd.Timestamp | None:
    """The day after Ukraine's Art. 124 declaration runs out, seven years from its entry into force."""
    ukraine = legal.index.get("UKR")
    if ukraine is None or ukraine.entry_into_force is None or not ukraine.art124:
        return None
    return art124_last_day(ukraine.entry_into_force) + DAY


def _hungary_withdrawal(legal: LegalData, when: pd.Timestamp) -> pd.Timestamp | None:
    """The day Hungary's withdrawal takes effect (Art. 127(1)), once its notification is on record."""
    hungary = legal.index.get("HUN")
    return None if hungary is None or hungary.withdrawal is None else hungary.withdrawal.effective


_EVENTS = {
    "ukraine_joined": _ukraine_joined,
    "ukraine_art124_ended": _ukraine_art124_ended,
    "hungary_withdrawal": _hungary_withdrawal,
}


def _conduct(key: str, legal: LegalData, when: pd.Timestamp) -> pd.Timestamp | None:
    if key == "war":
        return min(DPRK_IN_KURSK, when)
    if key in _EVENTS:
        return _EVENTS[key](legal, when)
    day = pd.Timestamp(key)
    return day if day <= when else None


def scenarios(legal: LegalData, when: pd.Timestamp) -> list[Scenario]:
    """The questions askable on `when`, in the notebook's order."""
    out = []
    for conduct, precision, question, crime, nationality, territories, options in _QUESTIONS:
        day = _conduct(conduct, legal, when)
        if day is not None:
            out.append(Scenario(question, crime, nationality, territories, day, precision, dict(options)))
    return out
