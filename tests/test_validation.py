"""A corpus of bad inputs: each is rejected with the right file, line and column."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from helpers import data
from helpers.schema import load_package
from helpers.validation import DataValidationError, entry_into_force, validate_package

MINI = Path(__file__).parent / "fixtures" / "mini"
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
CASES = [
    ("unknown metric", "claims.csv", "PRK,deployed", "PRK,soldiers", 2, "metric", "expected one of"),
    ("low greater than high", "claims.csv", "10000,10000", "12000,10000", 2, "high", "greater than high"),
    ("both bounds empty", "claims.csv", "PRK,killed,100,", "PRK,killed,,", 3, "low", "both empty"),
    ("thousands separator", "claims.csv", "10000,10000", '"10,000",10000', 2, "low", "whole number"),
    ("negative count", "claims.csv", "PRK,killed,100", "PRK,killed,-100", 3, "low", ">= 0"),
    ("dangling source id", "claims.csv", "c-1,src-a", "c-1,src-zz", 2, "source_id", "not a known source_id"),
    ("duplicate claim id", "claims.csv", "c-2,src-b", "c-1,src-b", 3, "claim_id", "duplicate id"),
    ("bad ISO origin", "claims.csv", "USA,government,PRK", "USA,government,NKO", 2, "origin", "not an ISO 3166-1"),
    ("lower-case ISO", "claims.csv", "USA,government", "usa,government", 2, "claimant_country", "matching"),
    ("future date", "claims.csv", "2024-10-31,Example Minister", "2027-10-31,Example Minister", 2, "stated", "in the future"),
    ("impossible date", "claims.csv", ",2024-10-31,Russia", ",2024-02-30,Russia", 2, "refers_to", "real date"),
    ("day-first date", "claims.csv", ",2024-10-31,Russia", ",31/10/2024,Russia", 2, "refers_to", "YYYY-MM-DD"),
    ("empty quote", "claims.csv", '"About 10,000 were sent."', "", 2, "quote", "required"),
    ("stated after publication", "claims.csv", "c-2,src-b,2024-12-19", "c-2,src-b,2024-12-21", 3, "stated", "after the source"),
    ("period after refers_to", "claims.csv", "10000,10000,,", "10000,10000,2024-11-30,", 2, "refers_to", "before period_start"),
    ("trailing space", "claims.csv", "Example Minister,", "Example Minister ,", 2, "claimant", "trailing spaces"),
    ("unknown claimant kind", "claims.csv", "USA,government", "USA,politician", 2, "claimant_kind", "expected one of"),
    ("over-long quote", "claims.csv", '"About 10,000 were sent."', '"' + "x" * 401 + '"', 2, "quote", "too long"),
    ("bad URL", "sources.csv", "https://example.gov/statement", "example.gov/statement", 2, "url", "http(s) URL"),
    ("unknown source type", "sources.csv", ",government,en", ",blog,en", 2, "source_type", "expected one of"),
    ("duplicate source id", "sources.csv", "src-b,Example News", "src-a,Example News", 3, "source_id", "duplicate id"),
    ("upper-case slug", "sources.csv", "src-c,Example Court", "Src-C,Example Court", 4, "source_id", "matching"),
    ("relation to unknown actor", "relations.csv", "rel-1,PRK,RUS", "rel-1,PRK,IRN", 2, "target_actor", "not a known actor_id"),
    ("relation list with space", "relations.csv", "src-a;src-b", "src-a; src-b", 2, "source_ids", "without spaces"),
    ("dangling id in list", "relations.csv", "src-a;src-b", "src-a;src-q", 2, "source_ids", "'src-q' is not a known"),
    ("relation ends before it starts", "relations.csv", "2023-08-01,2024-11-30", "2023-08-01,2022-11-30", 3, "end", "before start"),
    ("ended without end date", "relations.csv", "2023-08-01,2024-11-30", "2023-08-01,", 3, "end", "no end date"),
    ("unknown relation type", "relations.csv", "troop_deployment", "friendship", 2, "relation", "expected one of"),
    ("treaty party unknown", "treaties.csv", "PRK;RUS", "PRK;CHN", 2, "parties", "not a known actor_id"),
    ("unknown obligation", "treaty_obligations.csv", "t-1,defence", "t-1,friendship", 2, "obligation", "expected one of"),
    ("obligation for unknown treaty", "treaty_obligations.csv", "t-1,defence", "t-9,defence", 2, "treaty_id", "not a known"),
    ("Art. 126 arithmetic", "states_parties.csv", "2024-10-25,ratification,2025-01-01", "2024-10-25,ratification,2024-12-01", 2, "entry_into_force", "Art. 126"),
    ("withdrawal too early", "states_parties.csv", "2016-10-27,2017-10-27", "2016-10-27,2017-01-27", 3, "withdrawal_effective", "Art. 127(1)"),
    ("unknown declaration article", "declarations.csv", "UKR,12(3)", "UKR,12(4)", 2, "article", "expected one of"),
    ("aggregate not declared", "actors.csv", "XFN,Foreign nationals (all origins),aggregate", "XFN,Foreign nationals (all origins),state", 4, "actor_id", "not an ISO"),
]


@pytest.mark.parametrize("label,name,old,new,line,column,fragment", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_located(mini, label, name, old, new, line, column, fragment):
    edit(mini, name, old, new)
    found = [p for p in problems_for(mini) if p.file == f"data/{name}" and p.line == line and p.column == column]
    assert found, f"{label}: no problem at data/{name}:{line}:{column}"
    assert any(fragment in p.message for p in found), [p.message for p in found]


def test_corpus_is_large_and_distinct():
    assert len({c[0] for c in CASES}) >= 25


@pytest.mark.parametrize(
    "label,content,line,fragment",
    [
        ("byte-order mark", "\ufeff" + (MINI / "actors.csv").read_text(encoding="utf-8"), 1, "byte-order mark"),
        ("missing column", "actor_id,name,notes\nRUS,Russia,\n", 1, "missing column(s) kind"),
        ("extra column", "actor_id,name,kind,notes,colour\nRUS,Russia,state,,red\n", 1, "unexpected column(s) colour"),
        ("columns out of order", "name,actor_id,kind,notes\nRussia,RUS,state,\n", 1, "out of order"),
        ("ragged row", "actor_id,name,kind,notes\nRUS,Russia,state\n", 2, "3 fields, expected 4"),
        ("blank line", "actor_id,name,kind,notes\n\nRUS,Russia,state,\n", 2, "blank line"),
        ("empty file", "", 1, "file is empty"),
        ("unclosed quote", 'actor_id,name,kind,notes\nRUS,"Russia,state,\n', 2, "malformed CSV"),
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


def test_claim_needs_a_dated_source(mini):
    edit(mini, "sources.csv", "statement,2024-10-31,", "statement,,")
    found = [p for p in problems_for(mini) if p.file == "data/claims.csv" and p.line == 2 and p.column == "source_id"]
    assert found and "no publication date" in found[0].message


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
    edit(mini, "claims.csv", "c-2,src-b,2024-12-19,Example Intelligence,KOR,intelligence,PRK,killed",
         "c-2,src-b,2024-12-19,Example Intelligence,KOR,intelligence,PRK,died")
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
