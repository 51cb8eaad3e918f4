"""The analysis layer: pure functions over the data layer's frames; no figures, no HTML. The estimate
(``manpower``), daily bands (``bands``), country profiles (``origins``), the evidence base (``evidence``), the alliance
graph (``network``), the DPRK ledger (``force_flow``), totals across origins (``totals``), ratios a specialist can sign
(``comparisons``) and the Rome Statute engine (``legal``)."""
