"""A corpus of bad inputs: each is rejected with the right file, line and column."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from helpers import data
from helpers.data.schema import load_package
from helpers.data.validation import DataValidationError, entry_into_force, validate_package

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
TODAY = date(2026, 11, 22)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(MINI, d)
    shutil.copy(Path(data.DATA_DIR) / "datapackage.json", d / "datapackage.json")
    return d


def problems_for(d: Path) -> list:
    with pytest.raises(DataValidationError) as info:
        validate_package(load_package(d), d, today=TODAY)
    return info.value.problems


def edit(d: Path, name: str, old: str, new: str) -> None:
    p = d / name
    text = p.read_text(encoding="utf-8")
    assert old in text, f"fixture drift: {old!r} not in {name}"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


# (label, file, old, new, expected line, expected column, message fragment)
# fmt: off
CASES = [
    ("unknown metric", "claims.csv", "PRK,deployed", "PRK,soldiers", 2, "metric", "not a known metric"),
    ("low greater than high", "claims.csv", "10000,10000", "12000,10000", 2, "high", "greater than high"),
    ("both bounds empty", "claims.csv", "killed,at_least,100,", "killed,at_least,,", 3, "low", "both empty"),
    ("thousands separator", "claims.csv", "10000,10000", '"10,000",10000', 2, "low", "whole number"),
    ("negative count", "claims.csv", "killed,at_least,100", "killed,at_least,-100", 3, "low", ">= 0"),
    ("dangling source id", "claims.csv", "c-1,src-a", "c-1,src-zz", 2, "source_id", "not a known source_id"),
    ("duplicate claim id", "claims.csv", "c-2,src-b", "c-1,src-b", 3, "claim_id", "duplicate id"),
    ("bad ISO origin", "claims.csv", "2024-10-31,PRK,deployed", "2024-10-31,NKO,deployed", 2, "origin", "not an ISO 3166-1"),
    ("undeclared region code", "claims.csv", "XFN,recruited", "XZZ,recruited", 4, "origin", "not an ISO 3166-1"),
    ("lower-case ISO", "claimants.csv", "Example government,USA", "Example government,usa", 2, "country", "matching"),
    ("future date", "claims.csv", "Example Minister,2024-10-31", "Example Minister,2027-10-31", 2, "stated", "in the future"),
    ("impossible date", "claims.csv", ",2024-10-31,Russia", ",2024-02-30,Russia", 2, "refers_to", "real date"),
    ("day-first date", "claims.csv", ",2024-10-31,Russia", ",31/10/2024,Russia", 2, "refers_to", "YYYY-MM-DD"),
    ("empty quote", "claims.csv", '"About 10,000 were sent."', "", 2, "quote", "required"),
    ("stated after publication", "claims.csv", "Intelligence,2024-12-19,PRK", "Intelligence,2024-12-21,PRK", 3, "stated", "after the source"),
    ("period after refers_to", "claims.csv", "10000,10000,,", "10000,10000,2024-11-30,", 2, "refers_to", "before period_start"),
    ("trailing space", "claims.csv", "Example Minister,", "Example Minister ,", 2, "speaker", "trailing spaces"),
    ("unknown claimant kind", "claimants.csv", "USA,government", "USA,politician", 2, "kind", "expected one of"),
    ("unknown institution", "claims.csv", "c-1,src-a,,usa-gov", "c-1,src-a,,usa-govt", 2, "claimant_id", "not a known claimant_id"),
    ("relay that is not a source", "claims.csv", "c-1,src-a,,", "c-1,src-a,src-q,", 2, "relayed_by", "not a known source_id"),
    ("at least with a high bound", "claims.csv", "killed,at_least,100,", "killed,at_least,100,200", 3, "qualifier", "needs low only"),
    ("about with two figures", "claims.csv", "deployed,about,10000,10000", "deployed,about,9000,10000", 2, "qualifier", "low = high"),
    ("range with one figure", "claims.csv", "deployed,about,10000,10000", "deployed,range,10000,10000", 2, "qualifier", "two different"),
    ("unknown qualifier", "claims.csv", "deployed,about", "deployed,roughly", 2, "qualifier", "expected one of"),
    ("flow without its period", "claims.csv", "PRK,killed,at_least", "PRK,killed_in_period,at_least", 3, "period_start", "is a flow"),
    ("stock with a period", "claims.csv", "10000,10000,,2024-10-31", "10000,10000,2024-10-01,2024-10-31", 2, "period_start", "not a flow"),
    ("unknown standing", "claims.csv", "total,accepted,\"About", "total,doubtful,\"About", 2, "standing", "expected one of"),
    ("undated verification", "claims.csv", "verified 2026-11-22: figure and quote,,", "verified,,", 2, "verification", "matching"),
    ("metric of unknown kind", "metrics.csv", "deployed,stock", "deployed,level", 2, "kind", "expected one of"),
    ("acknowledged before first report", "relations.csv", "government_assessment,,,,organises", "government_assessment,2024-10-01,src-a,full,organises", 2, "acknowledged", "before first_reported"),
    ("acknowledgement without its source", "relations.csv", "government_assessment,,,,organises", "government_assessment,2024-11-01,,full,organises", 2, "acknowledged_source", "go together"),
    ("unknown origin position", "relations.csv", ",organises,", ",supports,", 2, "origin_position", "expected one of"),
    ("first report not a source", "relations.csv", "2024-10-18,src-a,", "2024-10-18,src-x,", 2, "first_source", "not a known source_id"),
    ("over-long quote", "claims.csv", '"About 10,000 were sent."', '"' + "x" * 401 + '"', 2, "quote", "too long"),
    ("bad URL", "sources.csv", "https://example.gov/statement", "example.gov/statement", 2, "url", "http(s) URL"),
    ("unknown source type", "sources.csv", ",government,en", ",blog,en", 2, "source_type", "expected one of"),
    ("duplicate source id", "sources.csv", "src-b,Example News", "src-a,Example News", 3, "source_id", "duplicate id"),
    ("upper-case slug", "sources.csv", "src-c,Example Court", "Src-C,Example Court", 4, "source_id", "matching"),
    ("relation to unknown actor", "relations.csv", "rel-1,PRK,RUS", "rel-1,PRK,IRN", 2, "target_actor", "not a known actor_id"),
    ("relation list with space", "relations.csv", "src-a;src-b", "src-a; src-b", 2, "source_ids", "without spaces"),
    ("dangling id in list", "relations.csv", "src-a;src-b", "src-a;src-q", 2, "source_ids", "'src-q' is not a known"),
    ("relation ends before it starts", "relations.csv", "2023-08-01,day,2024-11-30", "2023-08-01,day,2022-11-30", 3, "end", "before start"),
    ("ended without end date", "relations.csv", "2023-08-01,day,2024-11-30", "2023-08-01,day,", 3, "end", "no end date"),
    ("unknown relation type", "relations.csv", "troop_deployment", "friendship", 2, "relation", "expected one of"),
    ("treaty party unknown", "treaties.csv", "PRK;RUS", "PRK;CHN", 2, "parties", "not a known actor_id"),
    ("unknown obligation", "treaty_obligations.csv", "t-1,defence", "t-1,friendship", 2, "obligation", "expected one of"),
    ("obligation for unknown treaty", "treaty_obligations.csv", "t-1,defence", "t-9,defence", 2, "treaty_id", "not a known"),
    ("Art. 126 arithmetic", "states_parties.csv", "2024-10-25,ratification,2025-01-01", "2024-10-25,ratification,2024-12-01", 2, "entry_into_force", "Art. 126"),
    ("withdrawal too early", "states_parties.csv", "2016-10-27,2017-10-27", "2016-10-27,2017-01-27", 3, "withdrawal_effective", "Art. 127(1)"),
    ("unknown declaration article", "declarations.csv", "UKR,12(3)", "UKR,12(4)", 2, "article", "expected one of"),
    ("status history for a row that does not exist", "status_history.csv", "valid_from,source_ids,notes\n",
     "valid_from,source_ids,notes\nh-1,arrest_warrants,w-9,status,public,2024-01-01,src-a,\n", 2, "key", "not a known warrant_id"),
    # relations: the first report's page is a source; a relation reported as happening began by then
    ("first source outside the sources", "relations.csv", "2023-08-01,src-b,media_report", "2023-08-01,src-a,media_report", 3,
     "first_source", "not among the relation's source_ids"),
    ("relation starting after its first report", "relations.csv", "2024-10-01,day,,src-a;src-b", "2024-11-01,day,,src-a;src-b", 2, "start",
     "after the first report"),
    # the logic of the legal records (Statute and Kampala dates, who can ratify or withdraw)
    ("Kampala ratification before Kampala", "aggression_amendments.csv", "UKR,ratification,2025-02-01", "UKR,ratification,2009-02-01", 2,
     "date", "RC/Res.6"),
    ("Kampala ratification by a non-party", "aggression_amendments.csv", "ukr-kampala-ratification,UKR", "ukr-kampala-ratification,RUS", 2,
     "state", "never deposited the Statute"),
    ("Kampala ratification before joining the Statute", "aggression_amendments.csv", "UKR,ratification,2025-02-01",
     "UKR,ratification,2015-02-01", 2, "date", "before UKR deposited"),
    ("Kampala ratified twice", "aggression_amendments.csv", "ukr-kampala-ratification,UKR,ratification,2025-02-01,verified,src-c,,\n",
     "ukr-kampala-ratification,UKR,ratification,2025-02-01,verified,src-c,,\nukr-kampala-2,UKR,ratification,2025-03-01,verified,src-c,,\n",
     3, "state", "already has a ratification"),
    ("referral period ending before it starts", "unsc_referrals.csv", "2005-01-01,,", "2005-01-01,2004-01-01,", 2, "period_end", "before"),
    ("referral period before the Statute", "unsc_referrals.csv", "BDI,,2005-01-01", "BDI,,2001-01-01", 2, "period_start", "Art. 11(1)"),
    ("investigation before its examination", "icc_situations.csv", "2016-04-25,2017-10-25", "2016-04-25,2015-10-25", 2,
     "investigation_opened", "before"),
    ("withdrawal by a state never party", "withdrawal_events.csv", "bdi-announcement,BDI", "bdi-announcement,RUS", 2, "state",
     "never deposited"),
    ("rescission before any announcement", "withdrawal_events.csv", "BDI,announcement,2016-10-12", "BDI,rescission,2016-10-12", 2, "event",
     "before any announcement"),
    # metrics: a part counts like its whole; no cycles; bounds the analyses need
    ("part of another kind than its whole", "metrics.csv", "in_combat_area,stock,persons,deployed", "in_combat_area,cumulative,persons,deployed",
     3, "part_of", "counts the same way"),
    ("metric a part of itself", "metrics.csv", "deployed,stock,persons,,", "deployed,stock,persons,in_combat_area,", 2, "part_of",
     "part of itself"),
    ("staleness beyond a century", "metrics.csv", "deployed,stock,persons,,90,", "deployed,stock,persons,,100000000000,", 2, "staleness_days",
     "<= 36,500"),
    ("a count above the world's population", "claims.csv", "10000,10000", "10000,99000000000", 2, "high", "<= 10,000,000,000"),
    # ids, visible text, forecasts, contradicting statuses
    ("ids differing only by case", "actors.csv", "PRK,North Korea,North Korea,state,,\n", "PRK,North Korea,North Korea,state,,\nprk,North Korea (DPRK),North Korea,state,,\n", 4,
     "actor_id", "only by case"),
    ("a name that shows nothing", "claims.csv", "Example Minister", "\u3164", 2, "speaker", "shows nothing"),
    ("a forecast coded as a count", "claims.csv", "10000,10000,,2024-10-31", "10000,10000,,2025-10-31", 2, "refers_to", "forecast"),
    ("two statuses on one day", "status_history.csv", "valid_from,source_ids,notes\n",
     "valid_from,source_ids,notes\nh-1,arrest_warrants,w-1,public,yes,2024-01-01,src-c,\nh-2,arrest_warrants,w-1,public,no,2024-01-01,src-c,\n",
     3, "value", "contradicts"),
    # government responses
    ("response dated after its source", "responses.csv", "PRK,2024-10-31,day", "PRK,2024-11-05,day", 2, "date", "after its source was published"),
    ("unknown response measure", "responses.csv", "day,acknowledgement", "day,applause", 2, "measure", "expected one of"),
    ("response precision unknown", "responses.csv", "2024-10-31,day,", "2024-10-31,week,", 2, "date_precision", "expected one of"),
    ("response by an unknown state", "responses.csv", "prk-resp-01,PRK", "prk-resp-01,XKX", 2, "state", "not an ISO 3166-1"),
    ("response after the cut-off", "responses.csv", "PRK,2024-10-31,day", "PRK,2026-10-31,day", 2, "date", "cut-off"),
]
# fmt: on


@pytest.mark.parametrize("label,name,old,new,line,column,fragment", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_located(mini, label, name, old, new, line, column, fragment):
    edit(mini, name, old, new)
    found = [p for p in problems_for(mini) if p.file == f"data/{name}" and p.line == line and p.column == column]
    assert found, f"{label}: no problem at data/{name}:{line}:{column}"
    assert any(fragment in p.message for p in found), [p.message for p in found]


def test_one_figure_repeated_under_a_new_id_is_rejected(mini):
    row = (mini / "claims.csv").read_text(encoding="utf-8").splitlines()[1]
    (mini / "claims.csv").write_text(
        (mini / "claims.csv").read_text(encoding="utf-8") + row.replace("c-1,src-a", "c-9,src-b") + "\n", encoding="utf-8"
    )
    (p,) = [p for p in problems_for(mini) if p.column == "claim_id" and "evidence" not in p.message]
    assert p.line == 5 and "repeats claim c-1 (line 2)" in p.message and "relayed_by" in p.message


def test_corpus_is_large_and_distinct():
    assert len({c[0] for c in CASES}) >= 25


@pytest.mark.parametrize(
    "label,content,line,fragment",
    [
        ("byte-order mark", "\ufeff" + (MINI / "actors.csv").read_text(encoding="utf-8"), 1, "byte-order mark"),
        ("missing column", "actor_id,name,short_name,acts_for,notes\nRUS,Russia,Russia,,\n", 1, "missing column(s) kind"),
        (
            "extra column",
            "actor_id,name,short_name,kind,acts_for,notes,colour\nRUS,Russia,Russia,state,,,red\n",
            1,
            "unexpected column(s) colour",
        ),
        ("columns out of order", "name,actor_id,short_name,kind,acts_for,notes\nRussia,RUS,Russia,state,,\n", 1, "out of order"),
        ("ragged row", "actor_id,name,short_name,kind,acts_for,notes\nRUS,Russia,state\n", 2, "3 fields, expected 6"),
        ("blank line", "actor_id,name,short_name,kind,acts_for,notes\n\nRUS,Russia,Russia,state,,\n", 2, "blank line"),
        ("empty file", "", 1, "file is empty"),
        ("unclosed quote", 'actor_id,name,short_name,kind,acts_for,notes\nRUS,"Russia,Russia,state,,\n', 2, "malformed CSV"),
    ],
)
def test_file_level_problems(mini, label, content, line, fragment):
    (mini / "actors.csv").write_text(content, encoding="utf-8")
    found = [p for p in problems_for(mini) if p.file == "data/actors.csv" and p.line == line]
    assert any(fragment in p.message for p in found), (label, [str(p) for p in problems_for(mini)])


def test_invalid_utf8_names_the_line(mini):
    raw = (MINI / "actors.csv").read_bytes().replace(b"North Korea", b"North K\xe9rea")
    (mini / "actors.csv").write_bytes(raw)
    (p,) = [p for p in problems_for(mini) if p.file == "data/actors.csv"]
    assert p.line == 3 and "not valid UTF-8" in p.message


def test_a_claim_on_an_undated_page_enters_at_the_cut_off_and_no_earlier_view(mini):
    """An undated page was surely known only by the record's cut-off: it and its claims enter the view at the cut-off
    (the same set whether the date is given or not) and no earlier one."""
    edit(mini, "sources.csv", "statement,2024-10-31,", "statement,,")
    cut = data.cutoff(mini)
    assert "c-1" in set(data.load("claims", None, mini)["claim_id"])
    assert set(data.load("claims", None, mini)["claim_id"]) == set(data.load("claims", cut, mini)["claim_id"])
    day_before = cut - pd.Timedelta(days=1)
    assert "c-1" not in set(data.load("claims", day_before, mini)["claim_id"])
    assert "src-a" not in set(data.load("sources", day_before, mini)["source_id"])


def test_missing_file(mini):
    (mini / "legal_context.csv").unlink()
    assert any(p.file == "data/legal_context.csv" and "missing" in p.message for p in problems_for(mini))


def test_all_problems_are_reported_together(mini):
    edit(mini, "claims.csv", "PRK,deployed", "PRK,soldiers")
    edit(mini, "sources.csv", ",government,en", ",blog,en")
    message = str(DataValidationError(problems_for(mini)))
    assert "data/claims.csv, line 2, column 'metric'" in message
    assert "data/sources.csv, line 2, column 'source_type'" in message


def test_nothing_is_half_loaded(mini):
    edit(mini, "claims.csv", "10000,10000", "12000,10000")
    with pytest.raises(DataValidationError):
        data.load_tables(mini)


def test_multiline_record_line_numbers(mini):
    edit(mini, "claims.csv", '"About 10,000 were sent."', '"About 10,000\nwere sent."')
    edit(mini, "claims.csv", "Example Intelligence,2024-12-19,PRK,killed", "Example Intelligence,2024-12-19,PRK,died")
    (p,) = [p for p in problems_for(mini) if p.column == "metric"]
    assert p.line == 4  # the record after the two-line quote starts on line 4


@pytest.mark.parametrize(
    "deposited,expected",
    [
        (date(1998, 7, 17), date(2002, 7, 1)),
        (date(2002, 4, 11), date(2002, 7, 1)),  # the sixtieth instrument
        (date(2002, 4, 12), date(2002, 7, 1)),  # sixty days later is 11 June: first day of the next month
        (date(2024, 10, 25), date(2025, 1, 1)),  # Ukraine
        (date(2023, 11, 14), date(2024, 2, 1)),  # Armenia
        (date(2015, 1, 2), date(2015, 4, 1)),  # Palestine
        (date(2011, 8, 30), date(2011, 11, 1)),  # the Philippines
    ],
)
def test_entry_into_force_rule(deposited, expected):
    assert entry_into_force(deposited) == expected


def test_cli_fails_clearly_on_bad_data(mini):
    edit(mini, "claims.csv", "PRK,deployed", "PRK,soldiers")
    run = subprocess.run([sys.executable, "-m", "helpers", "validate", str(mini)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "claims.csv, line 2, column 'metric'" in run.stderr


def test_cli_passes_on_good_data(mini):
    run = subprocess.run([sys.executable, "-m", "helpers", "validate", str(mini)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "data OK" in run.stdout
