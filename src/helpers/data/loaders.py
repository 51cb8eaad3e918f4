"""Typed, validated access to data/: the only module that reads the CSV files.

Every loader validates the whole package first (nothing is half-loaded), returns a typed
DataFrame (dates as datetime64, vocabularies as categoricals, counts as nullable Int64) and
takes `as_of`: only what had been published by that date, so any analysis can be re-run
as "what was known then".
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.data.dates import HINT, date_problem
from helpers.data.schema import DATA_DIR, Package, Resource, load_package
from helpers.data.validation import Table, validate_package

DateLike = date | datetime | str | pd.Timestamp | None


def to_date(value: DateLike, *, default_cutoff: bool = True) -> pd.Timestamp:
    """Normalise a date or ISO string to a midnight Timestamp (None means the record's declared cut-off,
    never the clock: ``cutoff()``).

    Strict on purpose: only a date, datetime, Timestamp or numpy datetime64, or a string written
    YYYY-MM-DD. An integer (which pandas reads as nanoseconds since 1970), a month ('2024-12',
    which pandas reads as 1 December) or a day-first date ('01/02/2025') is rejected, not guessed."""
    if value is None:
        if not default_cutoff:
            raise ValueError("a date is required")
        return cutoff()
    if isinstance(value, str):
        problem = date_problem(value)
        if problem:
            raise ValueError(f"not a date: {value!r} {problem}")
    elif not isinstance(value, date | np.datetime64):
        raise ValueError(f"not a date: {value!r} of type {type(value).__name__} ({HINT})")
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError) as exc:
        raise ValueError(f"not a date the loaders can hold: {value!r} ({exc})") from None
    if ts is pd.NaT or pd.isna(ts):
        raise ValueError(f"not a date: {value!r} ({HINT})")
    return ts.normalize()


def as_text(value) -> str:
    """A typed cell back as the CSV text it was read from (the inverse of the loaders' typing):
    lists joined by ';', missing values empty, dates as YYYY-MM-DD."""
    if isinstance(value, tuple):
        return ";".join(value)
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def _typed_frame(table: Table) -> pd.DataFrame:
    res: Resource = table.resource
    raw = pd.DataFrame(table.rows, columns=res.column_names, dtype=object)
    out = {}
    for f in res.fields:
        col = raw[f.name].where(raw[f.name] != "", None)
        if f.type == "date":
            out[f.name] = pd.to_datetime(col, format="%Y-%m-%d").astype("datetime64[ns]")
        elif f.type == "integer":
            out[f.name] = pd.array([None if v is None else int(v) for v in col], dtype="Int64")
        elif f.type == "list":
            out[f.name] = pd.Series([tuple(v.split(f.delimiter)) if v else () for v in col], dtype=object)
        elif f.enum is not None:
            out[f.name] = pd.Categorical(col, categories=list(f.enum))
        else:
            out[f.name] = col.astype("string")
    frame = pd.DataFrame(out, index=pd.RangeIndex(len(raw)))
    frame.attrs["file"] = table.file
    return frame


@lru_cache(maxsize=4)
def _load_cached(data_dir: str, stamp: tuple, today: date) -> dict[str, pd.DataFrame]:
    package = load_package(data_dir)
    tables = validate_package(package, Path(data_dir), today=today)
    return {name: _typed_frame(t) for name, t in tables.items()}


def _stamp(data_dir: Path, package: Package) -> tuple:
    """Each file's path, modification time and size: the cache key that re-reads a table when its file changes.
    One stat per file, since every place name and every load asks."""
    return tuple(_file_stamp(p) for p in _files(str(data_dir), tuple(r.path for r in package.resources)))


@lru_cache(maxsize=8)
def _files(data_dir: str, paths: tuple[str, ...]) -> tuple[str, ...]:
    return (os.path.join(data_dir, "datapackage.json"), *(os.path.join(data_dir, p) for p in paths))


def _file_stamp(path: str) -> tuple:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return (path, 0, 0)
    return (path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _package_cached(data_dir: str, stamp: tuple) -> Package:
    return load_package(data_dir)


def _tables(data_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """The cached tables themselves (never hand these out: callers get copies). Re-read when a file changes."""
    d = Path(data_dir or DATA_DIR)
    return _load_cached(str(d), _stamp(d, _package(d)), date.today())


def _package(d: Path) -> Package:
    """The descriptor of data directory `d`, re-read only when the file changes."""
    return _package_cached(str(d), _file_stamp(os.path.join(d, "datapackage.json"))[1:])


_PUBLISHED: list = [None, None]  # [the cached sources frame, its source_id -> published series]


def _published(sources: pd.DataFrame) -> pd.Series:
    """source_id -> published of the cached sources table, computed once per loaded table (read-only)."""
    if _PUBLISHED[0] is not sources:
        _PUBLISHED[:] = [sources, sources.set_index("source_id")["published"]]
    return _PUBLISHED[1]


def load_tables(data_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """All tables, validated and typed (cached until a file changes). Copies are returned."""
    return {k: v.copy() for k, v in _tables(data_dir).items()}


def _known_by(frame: pd.DataFrame, col: str, as_of: pd.Timestamp) -> pd.DataFrame:
    return frame[frame[col] <= as_of].reset_index(drop=True)


def _blank_after(frame: pd.DataFrame, cols: list[str], as_of: pd.Timestamp) -> pd.DataFrame:
    frame = frame.copy()
    for c in cols:
        frame[c] = frame[c].mask(frame[c] > as_of)
    return frame


@dataclass(frozen=True)
class View:
    """What an as-of rule needs: the date, every table, each source's publication date, whether undated pages are known
    yet (an undated page was read while the record was searched up to its cut-off, so it enters at the cut-off and no
    earlier view)."""

    when: pd.Timestamp
    tables: dict[str, pd.DataFrame]
    published: pd.Series
    undated_known: bool

    def sourced(self, frame: pd.DataFrame, said: str) -> pd.DataFrame:
        """Rows said by `when` on a page known by then."""
        pub = frame["source_id"].map(self.published)
        return frame[(frame[said] <= self.when) & ((pub.isna() & self.undated_known) | (pub <= self.when))].reset_index(drop=True)


def _reference(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    return frame.copy()


def _sources_as_of(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    return frame[(frame["published"].isna() & view.undated_known) | (frame["published"] <= view.when)].reset_index(drop=True)


def _claims_as_of(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    # relays published later are dropped with every other source list (_pages_known_then)
    return _with_claimants(view.sourced(frame, "stated"), view.tables)


def _states_parties_as_of(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    first = frame["signed"].fillna(frame["deposited"])
    frame = frame[first.isna() | (first <= view.when)].reset_index(drop=True)
    # a deposit known then states its entry into force (Art. 126), even when that day is after the view
    frame = _blank_after(frame, ["deposited", "withdrawal_notified", "withdrawal_effective"], view.when)
    frame["entry_into_force"] = frame["entry_into_force"].mask(frame["deposited"].isna())
    frame["instrument"] = frame["instrument"].mask(frame["deposited"].isna())
    return frame


def _known_on(col: str, blank: tuple[str, ...] = ()):
    """The rule of a table whose rows are known from their own date `col` (later dates in `blank` blanked)."""

    def rule(frame: pd.DataFrame, view: View) -> pd.DataFrame:
        return _blank_after(_known_by(frame, col, view.when), list(blank), view.when)

    return rule


def _with_history(table: str, col: str, key: str):
    """Rows of `table` known from `col`, with the status that held then (status_history.csv); sealed rows left out."""

    def rule(frame: pd.DataFrame, view: View) -> pd.DataFrame:
        return _apply_history(_known_by(frame, col, view.when), table, key, view.tables["status_history"], view.when)

    return rule


#: One as-of rule per table: what a reader could have known on a date (tests check every table has one).
AS_OF = {
    "metrics": _reference,
    "claimants": _reference,
    "regions": _reference,
    "lineages": _reference,
    "place_names": _reference,
    "subdivision_names": _reference,
    "actors": _reference,
    "sources": _sources_as_of,
    "claims": _claims_as_of,
    "recruitment_channels": lambda frame, view: view.sourced(frame, "stated"),
    "responses": lambda frame, view: view.sourced(frame, "date"),
    # Passages were read when the record was compiled, after any earlier view: they belong to the record's own date.
    "evidence": lambda frame, view: frame if view.undated_known else frame.iloc[:0].reset_index(drop=True),
    "relations": lambda frame, view: _relations_as_of(frame, view.published, view.when, view.undated_known),
    "treaties": _known_on("signed", ("in_force", "ended")),
    "treaty_obligations": lambda frame, view: frame[
        frame["treaty_id"].isin(set(_known_by(view.tables["treaties"], "signed", view.when)["treaty_id"]))
    ].reset_index(drop=True),
    "states_parties": _states_parties_as_of,
    "declarations": _with_history("declarations", "lodged", "declaration_id"),
    "arrest_warrants": _with_history("arrest_warrants", "issued", "warrant_id"),
    "status_history": _known_on("valid_from"),
    "legal_context": _known_on("date"),
    "aggression_amendments": _known_on("date"),
    "unsc_referrals": _known_on("adopted"),
    "withdrawal_events": _known_on("date"),
    "icc_situations": lambda frame, view: _blank_after(
        frame[frame["examination_opened"].fillna(frame["investigation_opened"]) <= view.when].reset_index(drop=True),
        ["investigation_opened"],
        view.when,
    ),
}


def load(name: str, as_of: DateLike = None, data_dir: Path | str | None = None) -> pd.DataFrame:
    """One table as it was known on `as_of` (default: the record's cut-off), by the table's rule in ``AS_OF``:
    sources by `published`; claims, channels and responses by their own date and their page's; relations from their
    first report (later sources dropped, later ends and acknowledgements blanked); treaties by signature; legal tables by
    their own dates (later ratifications, withdrawals and investigations blanked); warrants and declarations with the
    status that held then. Reference tables have no dates. Before the cut-off, notes and evidence passages (written
    when the record was compiled) are left out."""
    tables = _tables(data_dir)  # read-only here: every rule builds a new frame
    if name not in tables:
        raise KeyError(f"unknown table {name!r}; known: {', '.join(sorted(tables))}")
    when = to_date(as_of)
    view = View(when, tables, _published(tables["sources"]), when >= cutoff(data_dir))
    frame = AS_OF[name](tables[name], view)
    if view.undated_known:
        return frame
    return _pages_known_then(_without_later_text(frame), _package(Path(data_dir or DATA_DIR)).resource(name), view)


#: A verification stamp: what was checked, and the day it was checked (after any earlier view).
_STAMP = re.compile(r"^(verified|unverified) \d{4}-\d{2}-\d{2}:.*$", re.S)


def _without_later_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Before the cut-off, free text written when the record was compiled (notes, evidence) is kept out of
    the view: it can speak of later events (an acknowledgement, a withdrawal) that the view must not know. A
    verification stamp keeps its verdict and loses its day and remarks, which postdate the view."""
    out = frame.assign(**{c: pd.Series(pd.NA, index=frame.index, dtype="string") for c in ("notes", "evidence") if c in frame})
    if "verification" in out and out["verification"].dtype == "string":
        out["verification"] = out["verification"].str.replace(_STAMP, r"\1", regex=True)
    return out


def _pages_known_then(frame: pd.DataFrame, res, view: View) -> pd.DataFrame:
    """References to sources keep only the pages published by the view's date: a legal record known in 2023 may cite
    a 2025 page that restates it, and that page (and its dated id) did not exist yet (lists lose it, a single
    reference is blanked)."""
    for fk in res.foreign_keys:
        col = fk.fields[0]
        if fk.resource != "sources" or col not in frame:
            continue

        def known(s: str) -> bool:
            return _known(view.published.get(s), view.when, view.undated_known)

        if res.field(col).type == "list":
            frame[col] = [tuple(s for s in ids if known(s)) if isinstance(ids, tuple) else ids for ids in frame[col]]
        else:
            later = [isinstance(s, str) and not known(s) for s in frame[col]]
            frame[col] = frame[col].mask(pd.Series(later, index=frame.index, dtype=bool))
    return frame


def _with_claimants(claims: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Claims with their institution (name, country, kind) and their metric's kind and unit beside them,
    so that every analysis groups by institution and reads a metric's kind without a second lookup."""
    inst = tables["claimants"].set_index("claimant_id")
    metrics = tables["metrics"].set_index("metric")
    out = claims.copy()
    out["claimant"] = out["claimant_id"].map(inst["short_name"]).astype("string")
    out["claimant_name"] = out["claimant_id"].map(inst["name"]).astype("string")
    out["claimant_country"] = out["claimant_id"].map(inst["country"]).astype("string")
    out["claimant_kind"] = pd.Categorical(out["claimant_id"].map(inst["kind"]), categories=inst["kind"].cat.categories)
    out["metric"] = pd.Categorical(out["metric"], categories=list(metrics.index))
    out["metric_kind"] = pd.Categorical(
        out["metric"].map(metrics["kind"]).astype("string"), categories=metrics["kind"].cat.categories
    )
    out["unit"] = out["metric"].map(metrics["unit"]).astype("string")
    own = out["lineage_id"].astype("string")
    out["lineage_id"] = own.fillna(out["claimant_id"].map(inst["lineage_id"]).astype("string"))
    lineages = tables["lineages"].set_index("lineage_id")
    out["lineage"] = out["lineage_id"].map(lineages["name"]).astype("string")
    out["lineage_group"] = out["lineage_id"].map(lineage_groups(tables["lineages"])).astype("string")
    out["refers_from"] = _period_start(out["refers_to"], out["stated"], out["stated_precision"])
    return out


def _period_start(refers_to: pd.Series, stated: pd.Series, precision: pd.Series) -> pd.Series:
    """The oldest day a figure can describe: a figure stated only to the month (or year) and describing that date
    may describe the month's (or year's) first day, so its age counts from there (the conservative end)."""
    same = refers_to == stated
    month = same & (precision == "month")
    year = same & (precision == "year")
    out = refers_to.copy()
    out[month] = refers_to[month].dt.to_period("M").dt.start_time
    out[year] = refers_to[year].dt.to_period("Y").dt.start_time
    return out


def lineage_groups(lineages: pd.DataFrame) -> dict[str, str]:
    """lineage_id -> the lineage it is counted with for independence: itself, or, for a lineage that draws on
    others' data, the first lineage it draws on (followed to one that draws on none). Drawing on two pipelines
    makes a lineage dependent on each, not those two on each other."""
    draws = dict(zip(lineages["lineage_id"], lineages["draws_on"], strict=True))

    def root(lid: str, seen: frozenset = frozenset()) -> str:
        first = draws.get(lid) or ()
        if not first or lid in seen:
            return lid
        return root(first[0], seen | {lid})

    return {lid: root(lid) for lid in draws}


def _known(published, when: pd.Timestamp, undated_known: bool) -> bool:
    return undated_known if pd.isna(published) else published <= when


def _relations_as_of(frame: pd.DataFrame, published: pd.Series, when: pd.Timestamp, undated_known: bool) -> pd.DataFrame:
    """Relations as known on `when`: shown from their first credible report; 'officially acknowledged'
    only from the supplier's own acknowledgement, and only a full or an opposing one; later sources, ends and acknowledgements blanked."""
    frame = frame.copy()
    frame["source_ids"] = [tuple(s for s in ids if _known(published[s], when, undated_known)) for ids in frame["source_ids"]]
    frame = frame[(frame["first_reported"] <= when) & (frame["source_ids"].map(len) > 0)]
    ended_later = frame["end"] > when
    frame = _blank_after(frame, ["end", "acknowledged", "start"], when)
    frame["start_precision"] = frame["start_precision"].astype("string").mask(frame["start"].isna())
    frame["acknowledged_source"] = frame["acknowledged_source"].mask(frame["acknowledged"].isna())
    frame["acknowledgement"] = frame["acknowledgement"].astype("string").mask(frame["acknowledged"].isna())
    frame.loc[ended_later & (frame["status"] == "ended"), "status"] = "active"
    levels = ["officially_acknowledged", *frame["assessed_as"].cat.categories]
    # a partial admission (drones sent before the war, engineers but not builders) leaves the relation as it was confirmed
    owned = frame["acknowledged"].notna() & (frame["acknowledgement"] != "partial")
    frame["confirmation"] = pd.Categorical(
        frame["assessed_as"].astype("string").where(~owned, "officially_acknowledged"), categories=levels
    )
    frame["origin_position"] = frame["origin_position"].astype("string")
    return frame.reset_index(drop=True)


def _apply_history(frame: pd.DataFrame, table: str, key: str, history: pd.DataFrame, when: pd.Timestamp) -> pd.DataFrame:
    """The status that held on `when` (status_history.csv); a row whose history says it was not yet
    public on `when` (a sealed warrant) is left out."""
    own = history[(history["table"] == table) & (history["valid_from"] <= when)].sort_values(["valid_from", "entry_id"])
    frame = frame.copy()
    hidden: set[str] = set()
    for (row_key, field), entries in own.groupby(["key", "field"], observed=True, sort=False):
        value = str(entries["value"].iloc[-1])
        if field == "public":
            if value == "no":
                hidden.add(row_key)
        else:
            frame.loc[frame[key] == row_key, field] = value
    later = history[(history["table"] == table) & (history["field"] == "public") & (history["valid_from"] > when)]
    first_public = history[(history["table"] == table) & (history["field"] == "public") & (history["value"] == "yes")]
    hidden |= set(later["key"]) - set(first_public.loc[first_public["valid_from"] <= when, "key"])
    return frame[~frame[key].isin(hidden)].reset_index(drop=True)


def sources(as_of: DateLike = None) -> pd.DataFrame:
    return load("sources", as_of)


def claims(as_of: DateLike = None) -> pd.DataFrame:
    return load("claims", as_of)


def actors(as_of: DateLike = None) -> pd.DataFrame:
    """Actors are timeless reference rows; `as_of` is accepted so every loader has one signature."""
    return load("actors", as_of)


def relations(as_of: DateLike = None) -> pd.DataFrame:
    return load("relations", as_of)


def claimants(as_of: DateLike = None) -> pd.DataFrame:
    """Institutions are reference rows; `as_of` is accepted so every loader has one signature."""
    return load("claimants", as_of)


def metrics() -> pd.DataFrame:
    """Metric definitions with their kind (stock, cumulative, flow), unit and staleness window."""
    return load("metrics")


def cutoff(data_dir: Path | str | None = None) -> pd.Timestamp:
    """The declared cut-off of the record (`cutoff` in datapackage.json): the date up to which the public record
    was searched. It is 'now' for every notebook, page, staleness age and estimate; it is declared by whoever
    refreshes the data, never derived from a row, and never the clock."""
    return pd.Timestamp(_package(Path(data_dir or DATA_DIR)).raw["cutoff"])


def latest_publication(as_of: DateLike = None) -> pd.Timestamp:
    """Date of the newest source known on `as_of`."""
    return load("sources", as_of)["published"].max()


def newest_claim(as_of: DateLike = None) -> pd.Timestamp:
    """Date of the newest claim known on `as_of` (what 'newest claim D′' says beside the cut-off)."""
    return load("claims", as_of)["stated"].max()


def known_from(claims: pd.DataFrame) -> pd.Series:
    """The first day each claim is known: stated and its page published (an undated page only from the cut-off), the
    rule of ``View.sourced``; an as-of view on that day or later shows it."""
    published = claims["source_id"].map(_published(_tables(None)["sources"])).fillna(cutoff())
    return claims["stated"].combine(published, max)


def first_known_claim() -> pd.Timestamp:
    """The first day any claim is known. An earlier view knows nothing."""
    return known_from(load("claims")).min()


def analysis_date(as_of: DateLike = None) -> pd.Timestamp:
    """The date an analysis runs as of: `as_of` when given, else the record's declared cut-off."""
    return to_date(as_of)
