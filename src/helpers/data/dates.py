"""One strict reading of a day written in the data, in the descriptor, on the command line or in a call: YYYY-MM-DD and
a real calendar day.

Why strict: ``date.fromisoformat`` also reads '20241231' and week dates ('2024-W01-1'), and pandas reads '2024-12' as
1 December; the record never writes those, so they are refused with the reason, never guessed.
"""

from __future__ import annotations

import re
from datetime import date

#: A day as the record writes it.
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
HINT = "use YYYY-MM-DD, e.g. 2024-12-31"


def date_problem(value) -> str | None:
    """Why `value` is not a day written YYYY-MM-DD ('is not written as an ISO date (…)' or 'is not a real calendar
    day (…)'), to follow the value in a message; None when it is one."""
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value):
        return f"is not written as an ISO date ({HINT})"
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        return f"is not a real calendar day ({exc})"
    return None


def parse_date(value) -> date | None:
    """`value` as a date when it is a day written YYYY-MM-DD, else None."""
    return None if date_problem(value) else date.fromisoformat(value)
