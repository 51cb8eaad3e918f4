"""Dates passed to the loaders are ISO dates or date objects; nothing is guessed."""

from __future__ import annotations

import json
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from helpers import data


@pytest.mark.parametrize(
    "value",
    [
        20241231,
        2024,
        1.5,
        True,
        "2024-12",
        "2024",
        "01/02/2025",
        "31.12.2024",
        "2024-12-31T00:00",
        " 2024-12-31",
        "2024-12-31 ",
        "2024-02-30",
        "\uff12\uff10\uff12\uff14-12-31",
        "",
        "today",
        pd.NaT,
        [2024, 12, 31],
    ],
)
def test_what_is_not_an_iso_date_is_rejected(value):
    with pytest.raises(ValueError, match="date"):
        data.to_date(value)


@pytest.mark.parametrize(
    "value",
    ["2024-12-31", date(2024, 12, 31), datetime(2024, 12, 31, 15, 30), pd.Timestamp("2024-12-31"), np.datetime64("2024-12-31")],
)
def test_dates_and_iso_strings_are_read(value):
    assert data.to_date(value) == pd.Timestamp("2024-12-31")


def test_none_means_the_declared_cut_off_never_the_clock():
    declared = json.loads((data.DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["cutoff"]
    assert data.to_date(None) == data.cutoff() == pd.Timestamp(declared)
    assert data.to_date(None) != pd.Timestamp(date.today())  # the record's cut-off lies before today's date
    assert data.analysis_date() == data.cutoff()
    with pytest.raises(ValueError):
        data.to_date(None, default_cutoff=False)


@pytest.mark.parametrize("value", [20241231, "2024-12", "01/02/2025"])
def test_loaders_reject_loose_dates(value):
    with pytest.raises(ValueError, match="date"):
        data.load("claims", value)


@pytest.mark.parametrize(
    "value,problem",
    [
        ("2024-12-31", None),
        ("20241231", "is not written as an ISO date"),
        ("2024-W01-1", "is not written as an ISO date"),
        ("2024-12-31T00:00", "is not written as an ISO date"),
        ("2024-02-30", "is not a real calendar day"),
        (20241231, "is not written as an ISO date"),
        (None, "is not written as an ISO date"),
    ],
)
def test_one_strict_reading_of_a_day_serves_the_data_the_descriptor_and_the_command_line(value, problem, tmp_path):
    """helpers.data.dates is the one home of the rule: the loaders, the descriptor's cut-off and --as-of all say the same."""
    from helpers.data.dates import date_problem, parse_date
    from helpers.data.schema import check_descriptor
    from helpers.site.build import check_as_of

    said = date_problem(value)
    assert (said is None) == (problem is None) and (problem is None or said.startswith(problem))
    assert parse_date(value) == (date(2024, 12, 31) if problem is None else None)
    cutoff = [m for path, m in check_descriptor({"cutoff": value, "resources": []}) if path == "cutoff"]
    assert cutoff == ([] if problem is None else [cutoff[0]]) and (problem is None or problem in cutoff[0])
    if problem is not None:
        with pytest.raises(ValueError, match=problem):
            data.to_date(value) if isinstance(value, str) else data.to_date(str(value))
        with pytest.raises(ValueError, match=problem):
            check_as_of(value if isinstance(value, str) else str(value))
