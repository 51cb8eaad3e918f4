"""Withdrawal (Art. 127), computed rules (Arts. 121(5), 124, 126, 127(1)) and what was known when.

Real situations: Burundi (notified 27 Oct 2016, effective 27 Oct 2017), the Philippines
(17 Mar 2018 / 17 Mar 2019), Hungary (notified 2 June 2025), the Sahel states' announcement of
22 Sept 2025 and Venezuela's repeal law of 11 Dec 2025 (no notification recorded), The Gambia's
rescission of 2017 (used as the model of a rescinded notification).
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.analysis import legal
from helpers.analysis.legal import LegalData, assess, states_parties
from helpers.analysis.legal.records import art124_last_day, kampala_in_force, withdrawal_takes_effect

T = pd.Timestamp


@pytest.fixture(scope="module")
def late_2026() -> LegalData:
    """The record as known on 1 December 2026: Hungary's withdrawal has taken effect."""
    return LegalData.load("2026-12-01")


@pytest.fixture(scope="module")
def end_2025() -> LegalData:
    """The record as known on 31 December 2025: Hungary's withdrawal is notified, not yet effective."""
    return LegalData.load("2025-12-31")


@pytest.mark.parametrize(
    "notified,effective",
    [
        ("2016-10-27", "2017-10-27"),  # Burundi
        ("2018-03-17", "2019-03-17"),  # the Philippines
        ("2025-06-02", "2026-06-02"),  # Hungary
        ("2024-02-29", "2025-02-28"),  # a leap day
    ],
)
def test_art_127_1_one_year_after_notification(notified, effective):
    assert withdrawal_takes_effect(T(notified)) == T(effective)


def test_art_127_1_a_later_date_in_the_notification_wins():
    assert withdrawal_takes_effect(T("2025-06-02"), T("2026-12-31")) == T("2026-12-31")
    assert withdrawal_takes_effect(T("2025-06-02"), T("2026-01-01")) == T("2026-06-02")


def test_recorded_effective_dates_agree_with_art_127_1():
    sp = data.load("states_parties")
    done = sp[sp["withdrawal_effective"].notna()]
    assert set(done["iso3"]) == {"BDI", "PHL"}
    for r in done.itertuples():
        assert withdrawal_takes_effect(r.withdrawal_notified) == r.withdrawal_effective, r.iso3


@pytest.mark.parametrize("eif,last", [("2002-11-01", "2009-10-31"), ("2002-07-01", "2009-06-30"), ("2025-01-01", "2031-12-31")])
def test_art_124_lasts_seven_years_from_entry_into_force(eif, last):
    """Colombia (expired 31 Oct 2009, as the CICC records), France (would have run to 30 June 2009), Ukraine."""
    assert art124_last_day(T(eif)) == T(last)


def test_colombia_expiry_in_the_data_matches_the_computed_rule():
    d = data.load("declarations").set_index("declaration_id")
    assert d.loc["col-124-2002", "period_end"] == art124_last_day(T("2002-11-01"))


def test_art_121_5_liechtenstein_amendments_in_force_8_may_2013():
    """crimeofaggression.info: 'The amendments will enter into force for Liechtenstein on 8 May 2013.'"""
    assert kampala_in_force(T("2012-05-08")) == T("2013-05-08")
    rec = LegalData.load().record("LIE")
    assert rec.kampala_from == T("2013-05-08") and rec.kampala_verified


def test_hungary_computed_effective_date_and_party_count(late_2026):
    rec = late_2026.record("HUN")
    assert rec.withdrawal.computed and rec.withdrawal.effective == T("2026-06-02")
    assert "HUN" in states_parties("2026-06-01", late_2026) and "HUN" not in states_parties("2026-06-02", late_2026)
    assert len(states_parties("2026-06-01", late_2026)) == 125 and len(states_parties("2026-06-02", late_2026)) == 124


def test_hungary_september_2026_is_no_longer_yes(late_2026):
    """Issue 13: conduct in Hungary in September 2026 was answered 'yes'; the withdrawal took effect on 2 June 2026."""
    a = assess("war_crimes", "RUS", "HUN", "2026-09-15", legal=late_2026)
    assert a.status == "no"
    assert a.reason.startswith(
        "Art. 127(1): HUN is no longer a State Party from 2026-06-02, one year after its withdrawal notification of 2025-06-02"
    )
    assert "reported only by an unverified source (hanna-2026-hungary-reverses-icc-exit) and is not applied" in a.reason


def test_hungarian_nationals_abroad_after_withdrawal(late_2026):
    assert assess("war_crimes", "HUN", "UKR", "2026-09-15", legal=late_2026).status == "yes"  # Ukraine's territory
    assert assess("war_crimes", "HUN", "RUS", "2026-09-15", legal=late_2026).status == "no"


def test_hungary_conduct_while_a_party_after_withdrawal_is_contested(late_2026):
    """Art. 127(2): no matter concerning Hungary was under consideration; the Burundi chamber and the
    Philippines dissent disagree on whether the Court may still act."""
    a = assess("crimes_against_humanity", "HUN", "HUN", "2025-03-01", legal=late_2026)
    assert a.status == "contested" and a.rule == "Art. 127(2)"
    assert legal.BURUNDI in a.reason and "dissenting judges" in a.reason


def test_hungary_before_the_withdrawal_took_effect(end_2025):
    """Known on 31 Dec 2025: still a party; crimes committed while a party remain within jurisdiction."""
    a = assess("war_crimes", "RUS", "HUN", "2025-12-01", legal=end_2025)
    assert a.status == "yes"
    assert any("it takes effect on 2026-06-02" in b for b in a.bases)
    assert "HUN" in states_parties("2026-01-01", end_2025)


def test_what_was_known_before_the_notification():
    known = LegalData.load("2025-05-31")
    assert known.record("HUN").withdrawal is None
    assert assess("war_crimes", "RUS", "HUN", "2026-09-15", legal=known).status == "yes"


@pytest.mark.parametrize("iso3", ["BFA", "MLI", "NER", "VEN"])
def test_announced_but_not_notified_withdrawals_change_nothing(iso3, late_2026):
    """The Sahel states' 'immediate' withdrawal (22 Sept 2025) and Venezuela's repeal law (11 Dec 2025):
    no notification to the Secretary-General is recorded, so they remain States Parties."""
    assert late_2026.record(iso3).withdrawal is None
    assert iso3 in states_parties("2026-11-30", late_2026)
    assert assess("crimes_against_humanity", iso3, iso3, "2026-11-30", legal=late_2026).status == "yes"


def test_a_verified_rescission_voids_the_withdrawal(late_2026):
    """Modelled on The Gambia (notified 10 Nov 2016, rescinded 10 Feb 2017): a rescission before the
    withdrawal takes effect keeps the state a party."""
    events = pd.concat(
        [
            late_2026.withdrawal_events,
            pd.DataFrame(
                [
                    dict(
                        event_id="hun-test-rescission",
                        state="HUN",
                        event="rescission",
                        date=T("2026-05-27"),
                        verification="verified",
                        source_ids=("hanna-2026-hungary-reverses-icc-exit",),
                        quote="",
                        notes="test",
                    )
                ]
            ),
        ],
        ignore_index=True,
    )
    rescinded = LegalData(
        late_2026.states_parties,
        late_2026.declarations,
        late_2026.aggression_amendments,
        late_2026.unsc_referrals,
        events,
        late_2026.icc_situations,
        late_2026.as_of,
    )
    assert rescinded.record("HUN").party_until is None
    assert assess("war_crimes", "RUS", "HUN", "2026-09-15", legal=rescinded).status == "yes"


def test_burundi_and_philippines_matters_under_consideration():
    """Burundi: preliminary examination 25 Apr 2016, before the withdrawal took effect (PTC III, 25 Oct 2017);
    the Philippines: preliminary examination 8 Feb 2018, before notification (PTC I, 23 Oct 2025; Appeals 22 Apr 2026)."""
    bdi = assess("crimes_against_humanity", "BDI", "BDI", "2016-05-01", trigger="proprio_motu")
    assert bdi.status == "yes" and any(
        "the Situation in the Republic of Burundi, before the Court from 2016-04-25" in b for b in bdi.bases
    )
    phl = assess("crimes_against_humanity", "PHL", "PHL", "2016-07-01", trigger="proprio_motu")
    assert phl.status == "yes" and any("before the Court from 2018-02-08" in b and legal.PHILIPPINES in b for b in phl.bases)


def test_other_states_basis_is_unaffected_by_a_withdrawal(late_2026):
    """A Burundian in a continuing State Party's territory: that state's basis does not depend on Art. 127(2)."""
    assert assess("crimes_against_humanity", "BDI", "COD", "2010-05-01", trigger="proprio_motu", legal=late_2026).status == "yes"


def test_states_parties_as_of_the_notebook_date():
    """At the record's cut-off (30 June 2026) Hungary's withdrawal (effective 2 June 2026, Art. 127(1)) holds."""
    when = data.analysis_date()
    parties = states_parties(when, LegalData.load(when))
    assert {"UKR", "ARM", "PSE"} <= parties and not {"BDI", "PHL", "RUS", "HUN"} & parties
    assert "HUN" in states_parties(pd.Timestamp("2026-06-01"), LegalData.load(pd.Timestamp("2026-06-01")))
