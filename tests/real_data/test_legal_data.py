"""The legal tables keep the evidence rules: every fact has a source and a verbatim quote (or says
why not), dates are consistent, and rules that follow from the Statute are not stored as facts."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.analysis.legal.records import kampala_in_force

LEGAL_TABLES = ["declarations", "legal_context", "aggression_amendments", "unsc_referrals", "withdrawal_events", "icc_situations"]


@pytest.mark.parametrize("name", LEGAL_TABLES)
def test_every_row_has_sources_and_a_quote_unless_marked_unverified(name):
    frame = data.load(name)
    sources = data.sources().set_index("source_id")
    for r in frame.itertuples():
        assert len(r.source_ids) >= 1
        assert all(s in sources.index for s in r.source_ids)
        unverified = getattr(r, "verification", "verified") == "unverified"
        if not unverified:
            assert isinstance(r.quote, str) and r.quote.strip(), (name, r[1])
        else:
            assert isinstance(r.notes, str) and r.notes.strip(), (name, r[1])


def test_sources_of_the_new_legal_tables_are_dated_or_say_why_not():
    s = data.sources()
    legal_ids = set()
    for name in ["aggression_amendments", "unsc_referrals", "withdrawal_events", "icc_situations"]:
        for ids in data.load(name)["source_ids"]:
            legal_ids.update(ids)
    undated = s[s["source_id"].isin(legal_ids) & s["published"].isna()]
    assert undated["notes"].fillna("").str.contains("(?i)undated|date").all(), list(undated["source_id"])


def test_kampala_ratifications_are_after_adoption_and_match_the_status_list():
    k = data.load("aggression_amendments")
    rat = k[k["act"] == "ratification"]
    assert (rat["date"] >= pd.Timestamp("2010-06-11")).all()  # RC/Res.6 adopted 11 June 2010
    assert rat["state"].is_unique
    listed = rat[rat["source_ids"].map(lambda ids: "gipa-201911-kampala-status-34" in ids)]
    assert len(listed) == 39  # 'Ratifications registered with the Depositary of the Rome Stature (39 State Parties)'
    assert (listed["date"] <= pd.Timestamp("2019-11-27")).all()
    # Palestine was the thirtieth: the thirty-first deposit is the one after it.
    order = listed.sort_values(["date", "state"])["state"].tolist()
    assert order.index("PSE") == 29


def test_kampala_ratifying_states_were_states_parties_when_in_force():
    k = data.load("aggression_amendments")
    sp = data.load("states_parties").set_index("iso3")
    for r in k[(k["act"] == "ratification") & (k["verification"] == "verified")].itertuples():
        assert sp.loc[r.state, "entry_into_force"] <= kampala_in_force(r.date), r.state


def test_referrals_and_situations_dates_are_ordered():
    ref = data.load("unsc_referrals")
    assert (ref["period_start"] <= ref["adopted"]).all()
    assert (ref["period_end"].isna() | (ref["period_start"] <= ref["period_end"])).all()
    sit = data.load("icc_situations")
    both = sit.dropna(subset=["examination_opened", "investigation_opened"])
    assert (both["examination_opened"] <= both["investigation_opened"]).all()


def test_computed_dates_are_not_stored_as_facts():
    """Art. 127(1) and Art. 124 ends are computed: Hungary's effective date and Ukraine's Art. 124 end stay empty."""
    sp = data.load("states_parties").set_index("iso3")
    assert pd.notna(sp.loc["HUN", "withdrawal_notified"]) and pd.isna(sp.loc["HUN", "withdrawal_effective"])
    d = data.load("declarations").set_index("declaration_id")
    assert pd.isna(d.loc["ukr-124-2024", "period_end"])


def test_armenia_declaration_is_recorded_with_its_period():
    d = data.load("declarations").set_index("declaration_id")
    arm = d.loc["arm-12-3-2023"]
    assert arm["article"] == "12(3)" and arm["period_start"] == pd.Timestamp("2021-05-10") and arm["status"] == "accepted"
    assert "10 May 2021" in arm["quote"]


def test_the_unverified_hungarian_reversal_is_recorded_as_such():
    ev = data.load("withdrawal_events").set_index("event_id")
    row = ev.loc["hun-rescission-reported-2026"]
    assert row["verification"] == "unverified" and "Not applied" in row["notes"]
    src = data.sources().set_index("source_id").loc["hanna-2026-hungary-reverses-icc-exit"]
    assert src["reliability"] == "low"
