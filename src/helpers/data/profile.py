"""The contract of an as-of view: what data/datapackage.json promises of the tables as they stood on an earlier date.

A view (helpers.data.loaders.AS_OF) withholds everything written or published after its date, so a downloaded as-of
folder keeps a few promises of the current record in a weaker form, and this profile says which. With it, the folder
validates on its own (``python -m helpers validate FOLDER``):

- the cut-off is the view's date, and the current record's notes on its coverage are left out;
- a verification stamp keeps its verdict only (the day it was checked, and what, came later);
- evidence passages, notes and compiled evidence were written when the record was compiled: withheld, so the evidence
  table is empty and no record needs its rows;
- a legal or reference record is known from its own date even when every page cited for it was published later: such
  pages are withheld and its list of sources may be empty (claims, channels, responses and relations are shown only
  with a page known then, so theirs stays required);
- a relation reported before it began (a treaty signed, not yet in force) has no start yet.
"""

from __future__ import annotations

import copy

#: Source references a view keeps required: these rows are shown only with a page published by the view's date.
SOURCED_ROWS = {
    ("claims", "source_id"),
    ("recruitment_channels", "source_id"),
    ("responses", "source_id"),
    ("relations", "source_ids"),
}
#: Free text written when the record was compiled, withheld from every earlier view (loaders._without_later_text).
LATER_TEXT = ("notes", "evidence")
#: Dates a view may not know yet although the row is known: the start of a relation first reported before it began.
NOT_YET = {("relations", "start")}
#: A verification stamp in an as-of view: the verdict only.
VERDICT = "(verified|unverified)"


def _source_fields(resource: dict) -> set[str]:
    out = set()
    for fk in resource["schema"].get("foreignKeys", []):
        if fk["reference"]["resource"] == "sources":
            fields = fk["fields"]
            out |= {fields} if isinstance(fields, str) else set(fields)
    return out


def as_of_descriptor(descriptor: dict, as_of: str) -> dict:
    """The descriptor of the tables as known on `as_of` (ISO date): the current one with this module's profile."""
    out = copy.deepcopy(descriptor)
    out["cutoff"] = as_of
    out["as_of"] = as_of
    out["cutoff_note"] = (
        f"The record as it was known on {as_of}: rows, values and pages published later are withheld "
        "(see the as_of profile in helpers.data.profile); the current record declares its own cut-off."
    )
    out.pop("coverage_gaps", None)
    for res in out["resources"]:
        sources = _source_fields(res)
        for f in res["schema"]["fields"]:
            cons = f.setdefault("constraints", {})
            key = (res["name"], f["name"])
            withheld = (f["name"] in sources and key not in SOURCED_ROWS) or f["name"] in LATER_TEXT or key in NOT_YET
            if withheld and cons.get("required"):
                cons["required"] = False
            if f["name"] == "verification" and "pattern" in cons:
                cons["pattern"] = VERDICT
            if not cons:
                del f["constraints"]
    return out


def is_as_of(descriptor: dict) -> bool:
    """True for the descriptor of an as-of view (its records carry no evidence: the passages were read later)."""
    return "as_of" in descriptor
