"""helpers.analysis.bands.daily_band equals manpower.consensus_band over daily dates, estimating on far fewer days;
report.readable gives human headers and formatted values."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.analysis import bands
from helpers.analysis import manpower as mp
from helpers.presentation import report as rp


@pytest.mark.parametrize(
    "metric,start,end", [("deployed", "2024-10-01", "2025-03-31"), ("casualties", "2024-11-15", "2025-06-30")]
)
def test_daily_band_equals_the_daily_computation(metric, start, end):
    claims = data.claims(end)
    days = pd.date_range(start, end, freq="D")
    fast = bands.daily_band(claims, "PRK", metric, days)
    pd.testing.assert_frame_equal(fast, mp.consensus_band(claims, "PRK", metric, days))
    assert len(bands.change_dates(claims, "PRK", metric, days)) < len(days) / 3


def test_readable_table():
    frame = pd.DataFrame(
        {
            "per_day_low": [12.5, 3.0],
            "stated": [pd.Timestamp("2024-10-31"), pd.NaT],
            "qualifier": ["at_least", "about"],
            "low": pd.array([10000, None], dtype="Int64"),
            "stale": [True, False],
            "source_ids": [("a", "b"), ()],
        }
    )
    out = rp.readable(frame)
    assert list(out.columns) == ["Per day (low)", "Stated", "Qualifier", "Low", "Stale", "Sources"]
    assert out.iloc[0].tolist() == ["12.5", "31 Oct 2024", "at least", "10,000", "yes", "a; b"]
    assert out.iloc[1].tolist() == ["3", "", "about", "", "no", ""]
