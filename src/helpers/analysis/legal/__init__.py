"""A Rome Statute jurisdiction engine: could the ICC exercise jurisdiction over this conduct?

- `assess`: one question (crime, nationality, territory or vessel, date, trigger), answered
  'yes', 'no' or 'contested' with the articles and decisions it rests on;
- `exposure_matrix`: a whole grid of questions at once, identical to `assess`;
- `reach_periods`: the periods in which the Court could reach a group, rule by rule;
- `scenarios`: the notebook's questions as they could be asked on a date;
- `states_parties`, `conduct_table`, and the notebook's views (`withdrawal_picture`, `recent_accessions`,
  `reasons_by_rule`); its reach timeline is drawn by `helpers.presentation.plotting.reach_bars`.

Rules that follow from the Statute's text (Art. 126 entry into force, Art. 127(1) one year
after notification, Art. 124 seven years, Art. 121(5) one year after deposit) are computed
in `records`, not stored. This is analysis, not legal advice.
"""

from helpers.analysis.legal.conduct import CONDUCT_PROVISIONS, conduct_table
from helpers.analysis.legal.engine import (
    BANGLADESH_MYANMAR,
    BURUNDI,
    CRIMES,
    PHILIPPINES,
    TRIGGER_BASIS,
    TRIGGERS,
    Assessment,
    assess,
    party_status,
    rule_of,
    states_parties,
)
from helpers.analysis.legal.records import (
    AGGRESSION_ACTIVATED,
    STATUTE_IN_FORCE,
    LegalData,
    art124_last_day,
    kampala_in_force,
    withdrawal_takes_effect,
)
from helpers.analysis.legal.scenarios import Scenario, scenarios
from helpers.analysis.legal.sweep import exposure_matrix, reach_periods
from helpers.analysis.legal.views import (
    merged_timelines,
    open_since,
    reasons_by_rule,
    recent_accessions,
    withdrawal_picture,
)

__all__ = [
    "AGGRESSION_ACTIVATED",
    "BANGLADESH_MYANMAR",
    "BURUNDI",
    "CONDUCT_PROVISIONS",
    "CRIMES",
    "PHILIPPINES",
    "STATUTE_IN_FORCE",
    "TRIGGERS",
    "TRIGGER_BASIS",
    "Assessment",
    "LegalData",
    "art124_last_day",
    "assess",
    "conduct_table",
    "exposure_matrix",
    "kampala_in_force",
    "merged_timelines",
    "open_since",
    "party_status",
    "reach_periods",
    "reasons_by_rule",
    "recent_accessions",
    "rule_of",
    "Scenario",
    "scenarios",
    "states_parties",
    "withdrawal_picture",
    "withdrawal_takes_effect",
]
