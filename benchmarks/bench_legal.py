"""Measure the legal engine: the sweep rate of `exposure_matrix` and the time of one `assess` call.

Run with ``.venv/bin/python benchmarks/bench_legal.py``. The sweep is the researcher's question
from issue 13: every nationality x (Ukraine, Russia, a strike from Russia into Ukraine) x every
month since January 2014 x the four crimes. It also checks the sweep against `assess` on a
random sample. Prints the numbers; asserts nothing about speed.
"""

from __future__ import annotations

import platform
import random
import statistics
import sys
import time

import pandas as pd

from helpers import data
from helpers.analysis import legal
from helpers.data.places import ALPHA3

PLACES = [("Ukraine", ["UKR"]), ("Russia", ["RUS"]), ("strike from Russia into Ukraine", ["RUS", "UKR"])]


def sweep_inputs(until: pd.Timestamp) -> tuple[list, list, list]:
    groups = [(code, code, False) for code in sorted(ALPHA3)]
    months = pd.date_range("2014-01-15", until, freq="MS") + pd.Timedelta(days=14)
    periods = [(d.strftime("%Y-%m"), d) for d in months]
    return groups, PLACES, periods


def main() -> None:
    when = data.analysis_date()
    base = legal.LegalData.load(when)
    groups, places, periods = sweep_inputs(when)
    n = len(groups) * len(places) * len(periods) * len(legal.CRIMES)

    times = []
    for _ in range(3):
        fresh = legal.LegalData(
            **{
                k: getattr(base, k)
                for k in (
                    "states_parties",
                    "declarations",
                    "aggression_amendments",
                    "unsc_referrals",
                    "withdrawal_events",
                    "icc_situations",
                    "as_of",
                )
            }
        )
        start = time.perf_counter()
        matrix = legal.exposure_matrix(groups, places, periods, legal=fresh)  # includes building the per-state index
        times.append(time.perf_counter() - start)
    best = min(times)

    rng = random.Random(13)
    sample = rng.sample(range(len(matrix)), 2000)
    crimes = list(legal.CRIMES)
    mismatches = 0
    for i in sample:
        row = matrix.iloc[i]
        terr = dict(places)[row["place"]]
        a = legal.assess(row["crime"], row["group"], terr, dict(periods)[row["period"]], legal=base)
        mismatches += (a.status, a.reason) != (row["status"], row["reason"])

    questions = [
        (rng.choice(crimes), rng.choice(sorted(ALPHA3)), rng.choice(places)[1], rng.choice(periods)[1]) for _ in range(3000)
    ]
    calls = []
    for crime, nat, terr, day in questions:
        t0 = time.perf_counter()
        legal.assess(crime, nat, terr, day, legal=base)
        calls.append(time.perf_counter() - t0)

    print(f"Measured on {platform.machine()}, Python {sys.version.split()[0]}, data as of {when.date()}")
    print(
        f"sweep: {len(groups)} nationalities x {len(places)} places x {len(periods)} months x {len(crimes)} crimes = {n:,} answers"
    )
    print(f"sweep time (best of 3, index build included): {best:.3f} s -> {n / best:,.0f} answers per second (target >= 40,000)")
    print(f"sweep agrees with assess on a random sample: {len(sample) - mismatches}/{len(sample)}")
    print(
        f"single assess call (warm index): median {statistics.median(calls) * 1e6:.0f} us, "
        f"95th percentile {sorted(calls)[int(0.95 * len(calls))] * 1e6:.0f} us"
    )
    print(f"answers: {matrix['status'].value_counts().to_dict()}")


if __name__ == "__main__":
    main()
