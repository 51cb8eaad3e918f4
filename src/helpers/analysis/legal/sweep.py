"""Whole grids of questions at once, with the same answers as `assess`.

The rules compare the date of the conduct only with breakpoints (entry into force, withdrawal,
declaration periods, Kampala entry into force, ...). Between two consecutive breakpoints every
answer is constant, so a grid is answered by finding, for each question, the segment its date
falls in (one `numpy.searchsorted` per group x place x crime) and evaluating the rules once per
segment actually used. `reach_periods` turns the same segments into the periods in which the
Court could reach a group, with the rule that opens and closes each.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from helpers.analysis.legal.engine import CRIMES, Assessment, _check_inputs, _default, evaluate, resolve_trigger, rule_of
from helpers.analysis.legal.records import DAY, GLOBAL_BREAKPOINTS, LegalData
from helpers.data.loaders import DateLike, to_date

BEFORE_ALL = pd.Timestamp("1900-01-01")  # stands for every day before the first breakpoint
# Genocide and crimes against humanity go through the same rules (Art. 124 concerns war crimes
# only; aggression has its own), so one evaluation serves both.
_RULE_CLASS = {"genocide": "core", "crimes_against_humanity": "core", "war_crimes": "war_crimes", "aggression": "aggression"}
_CLASS_CRIME = {"core": "genocide", "war_crimes": "war_crimes", "aggression": "aggression"}

Place = tuple[str, Sequence[str]] | tuple[str, Sequence[str], str | None]


def _place(place: Place) -> tuple[str, tuple[str, ...], str | None]:
    label, territories, *rest = place
    territories = (territories,) if isinstance(territories, str) else tuple(dict.fromkeys(territories))
    return label, territories, (rest[0] if rest else None)


class _Answers:
    """Evaluates each distinct (question, segment) once and numbers the distinct answers."""

    def __init__(self, legal: LegalData, trigger: str, referral: str | None, age: int | None):
        self.legal, self.trigger, self.referral, self.age = legal, trigger, referral, age
        self.codes: dict[tuple[str, str], int] = {}
        self.answers: list[Assessment] = []
        self._breaks: dict[tuple[str, ...], np.ndarray] = {}
        self._memo: dict[tuple, int] = {}

    def breaks(self, states: tuple[str, ...]) -> np.ndarray:
        """Sorted breakpoints (datetime64[ns]) for questions involving `states`."""
        key = tuple(sorted(set(states)))
        if key not in self._breaks:
            points = set(GLOBAL_BREAKPOINTS)
            for s in key:
                points |= self.legal.record(s).breakpoints()
            if self.referral is not None:
                ref = self.legal.referrals[self.referral]
                points.add(ref.start)
                if ref.end is not None:
                    points.add(ref.end + DAY)
            self._breaks[key] = np.array(sorted(p.value for p in points), dtype="datetime64[ns]")
        return self._breaks[key]

    def code(self, a: Assessment) -> int:
        key = (a.status, a.reason)
        if key not in self.codes:
            self.codes[key] = len(self.answers)
            self.answers.append(a)
        return self.codes[key]

    def assessment(
        self, crime: str, nationality: str, territories: tuple[str, ...], on_board: str | None, leader: bool, day: pd.Timestamp
    ) -> int:
        cls = _RULE_CLASS[crime]
        key = (cls, nationality, territories, on_board, leader and cls == "aggression", day)
        if key not in self._memo:
            a = evaluate(
                _CLASS_CRIME[cls],
                nationality,
                territories,
                day,
                self.trigger,
                self.age,
                leader,
                on_board,
                self.referral,
                self.legal,
            )
            self._memo[key] = self.code(a)
        return self._memo[key]

    def segments(self, nationality: str, territories: tuple[str, ...], on_board: str | None) -> np.ndarray:
        return self.breaks((nationality, *territories, *((on_board,) if on_board else ())))

    def grid(
        self, crime: str, nationality: str, territories: tuple[str, ...], on_board: str | None, leader: bool, days: np.ndarray
    ) -> np.ndarray:
        """Answer codes for one question at every day in `days` (datetime64[ns])."""
        b = self.segments(nationality, territories, on_board)
        seg = np.searchsorted(b, days, side="right")
        table = np.empty(len(b) + 1, dtype=np.int32)
        for k in np.unique(seg):
            day = BEFORE_ALL if k == 0 else pd.Timestamp(b[k - 1])
            table[k] = self.assessment(crime, nationality, territories, on_board, leader, day)
        return table[seg]


def _validate(groups, places, crimes, trigger, age, legal, referral) -> None:
    for crime in crimes:
        _check_inputs(crime, "UKR", ["UKR"], trigger, age, None)
    for _, nationality, _ in groups:
        for place in places:
            _, territories, on_board = _place(place)
            _check_inputs(crimes[0] if crimes else "war_crimes", nationality, territories, trigger, age, on_board)
    if referral is not None and referral not in legal.referrals:
        raise ValueError(f"unknown referral {referral!r}: known: {', '.join(sorted(legal.referrals))}")


def exposure_matrix(
    groups: Sequence[tuple[str, str, bool]],
    places: Sequence[Place],
    periods: Sequence[tuple[str, DateLike | date]],
    crimes: Sequence[str] = CRIMES,
    trigger: str | None = None,
    legal: LegalData | None = None,
    *,
    referral: str | None = None,
    age: int | None = None,
) -> pd.DataFrame:
    """Every group x place x period x crime, with the answer `assess` gives (status, reason and the rule cited).

    groups: (label, nationality, leader); places: (label, territories) or (label, territories, on_board);
    periods: (label, date). Rows come in that nesting order (group, place, period, crime).
    """
    legal = legal or _default()
    crimes = list(crimes)
    trigger = resolve_trigger(trigger, referral)
    _validate(groups, places, crimes, trigger, age, legal, referral)
    days = np.array([to_date(d).value for _, d in periods], dtype="datetime64[ns]")
    g, p, t, c = len(groups), len(places), len(periods), len(crimes)
    answers = _Answers(legal, trigger, referral, age)
    codes = np.empty((g, p, t, c), dtype=np.int32)
    parsed = [_place(pl) for pl in places]
    for gi, (_, nationality, leader) in enumerate(groups):
        for pi, (_, territories, on_board) in enumerate(parsed):
            for ci, crime in enumerate(crimes):
                codes[gi, pi, :, ci] = answers.grid(crime, nationality, territories, on_board, bool(leader), days)
    flat = codes.ravel()
    status = np.array([a.status for a in answers.answers], dtype=object)
    reason = np.array([a.reason for a in answers.answers], dtype=object)
    rule = np.array([rule_of(a.reason) for a in answers.answers], dtype=object)
    n = g * p * t * c
    index = np.arange(n)
    return pd.DataFrame(
        {
            "group": np.array([x[0] for x in groups], dtype=object)[index // (p * t * c)],
            "place": np.array([x[0] for x in parsed], dtype=object)[(index // (t * c)) % p],
            "period": np.array([x[0] for x in periods], dtype=object)[(index // c) % t],
            "crime": np.array(crimes, dtype=object)[index % c],
            "status": status[flat],
            "reason": reason[flat],
            "rule": rule[flat],
        }
    )


def reach_periods(
    groups: Sequence[tuple[str, str, bool]],
    places: Sequence[Place],
    crimes: Sequence[str],
    start: DateLike,
    end: DateLike,
    trigger: str | None = None,
    legal: LegalData | None = None,
    *,
    referral: str | None = None,
) -> pd.DataFrame:
    """When could the Court reach whom: for each group x place x crime, the maximal periods between
    `start` and `end` with one answer, the rule that opens each (`rule`, `reason`) and what closes it
    (`closed_by`: the decisive line of the next period; empty when the period runs to `end`)."""
    legal = legal or _default()
    crimes = list(crimes)
    trigger = resolve_trigger(trigger, referral)
    _validate(groups, places, crimes, trigger, None, legal, referral)
    first, last = to_date(start), to_date(end)
    answers = _Answers(legal, trigger, referral, None)
    rows = []
    for g_label, nationality, leader in groups:
        for p_label, territories, on_board in (_place(pl) for pl in places):
            b = [pd.Timestamp(x) for x in answers.segments(nationality, territories, on_board)]
            starts = [first] + [x for x in b if first < x <= last]
            for crime in crimes:
                runs: list[list] = []
                for day in starts:
                    a = answers.answers[answers.assessment(crime, nationality, territories, on_board, bool(leader), day)]
                    if runs and (runs[-1][1].status, runs[-1][1].reason) == (a.status, a.reason):
                        continue
                    runs.append([day, a])
                for i, (day, a) in enumerate(runs):
                    nxt = runs[i + 1] if i + 1 < len(runs) else None
                    rows.append(
                        dict(
                            group=g_label,
                            place=p_label,
                            crime=crime,
                            status=a.status,
                            start=day,
                            end=(nxt[0] - DAY) if nxt else last,
                            rule=rule_of(a.reason),
                            reason=a.reason,
                            closed_by="" if nxt is None else nxt[1].reason,
                        )
                    )
    cols = ["group", "place", "crime", "status", "start", "end", "rule", "reason", "closed_by"]
    return pd.DataFrame(rows, columns=cols)
