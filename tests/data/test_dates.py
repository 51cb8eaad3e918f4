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
