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


def _happened(date: str, when: pd.Timestamp) -> pd.Timestamp | None:
    day = pd.Timestamp(date)
    return day if day <= when else None


def scenarios(legal: LegalData, when: pd.Timestamp) -> list[Scenario]:
    """The questions askable on `when`, in the notebook's order."""
    dprk = min(DPRK_IN_KURSK, when)
    out = [
        Scenario(
            "A North Korean soldier commits a war crime in occupied Ukraine in {date}.",
            "war_crimes",
            "PRK",
            ("UKR",),
            dprk,
            "month",
        ),
        Scenario("The same soldier, the same act, in Kursk Oblast (Russian territory).", "war_crimes", "PRK", ("RUS",), dprk),
        Scenario(
            "A missile fired from Russia by a North Korean crew kills civilians in Ukraine.",
            "war_crimes",
            "PRK",
            ("RUS", "UKR"),
            dprk,
        ),
    ]
    grid = _happened("2022-10-10", when)
    if grid is not None:
        out.append(
            Scenario(
                "A Russian commander orders attacks on Ukraine's power grid in {date} (before Ukraine joined).",
                "war_crimes",
                "RUS",
                ("RUS", "UKR"),
                grid,
                "month",
            )
        )
    out += [
        Scenario(
            "North Korea's leaders send troops to fight Ukraine: aggression?",
            "aggression",
            "PRK",
            ("UKR",),
            dprk,
            options={"leader": True},
        ),
        Scenario(
            "A seventeen-year-old recruit commits a war crime in Ukraine.",
            "war_crimes",
            "NPL",
            ("UKR",),
            dprk,
            options={"age": 17},
        ),
    ]
    ukraine = legal.index.get("UKR")
    if ukraine is not None and ukraine.entry_into_force is not None:  # a deposit known then states its entry into force
        joined = max(ukraine.entry_into_force, min(UKRAINE_A_PARTY, when))
        out += [
            Scenario(
                "A Ukrainian soldier commits a war crime in Ukraine in {date}, after Ukraine joined (its Art. 124 declaration).",
                "war_crimes",
                "UKR",
                ("UKR",),
                joined,
                "month",
            ),
            Scenario(
                "A Ukrainian soldier commits a war crime in Kursk Oblast after Ukraine joined.",
                "war_crimes",
                "UKR",
                ("RUS",),
                joined,
            ),
        ]
        if ukraine.art124:
            out.append(
                Scenario(
                    "The same act in Kursk once Ukraine's Art. 124 declaration has run its seven years ({date}).",
                    "war_crimes",
                    "UKR",
                    ("RUS",),
                    art124_last_day(ukraine.entry_into_force) + DAY,
                )
            )
    for date, precision, question, crime, nationality, territories, options in (
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
    ):
        day = _happened(date, when)
        if day is not None:
            out.append(Scenario(question, crime, nationality, territories, day, precision, options))
    hungary = legal.index.get("HUN")
    if hungary is not None and hungary.withdrawal is not None:
        out.append(
            Scenario(
                "A war crime in Hungary on {date}, the day its withdrawal takes effect (Art. 127(1)).",
                "war_crimes",
                "RUS",
                ("HUN",),
                hungary.withdrawal.effective,
            )
        )
    invasion = _happened("2022-02-24", when)
    if invasion is not None:
        out.append(
            Scenario(
                "If the Security Council referred the situation, could aggression by Russia's leaders be tried?",
                "aggression",
                "RUS",
                ("UKR",),
                invasion,
                options={"trigger": "unsc_referral", "leader": True},
            )
        )
    return out
