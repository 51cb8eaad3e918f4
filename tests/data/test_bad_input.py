"""The bad-input corpus of issue 15: each kind was accepted silently (or rejected unclearly, or
crashed with a traceback) before; each is now rejected with file, line, column and a message that
names what is wrong. Families, not just examples: invisible and control characters, Unicode forms
and look-alikes, numbers and dates the loaders cannot hold, duplicates and contradictions, URLs,
CSV quoting, spreadsheet formulas, empty tables, and the datapackage.json descriptor itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mini_support import append, edit, make_mini, problems_for, validates

from helpers import data
from helpers.data.schema import SchemaError, load_package
from helpers.data.validation import MAX_SHOWN, DataValidationError


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return make_mini(tmp_path)


def test_the_fixture_copy_is_valid(mini):
    validates(mini)


CY_A, CY_ES, CY_KA, CY_O, GR_O = "\u0430", "\u0441", "\u041a", "\u043e", "\u03bf"

# (label, file, old, new, expected line, expected column, message fragment)
# fmt: off
CASES = [
    # vocabularies, region members and mojibake
    ("warrant status outside the vocabulary", "arrest_warrants.csv", ",Ukraine,outstanding,", ",Ukraine,escaped,", 2, "status", "escaped"),
    ("region member that is a region", "regions.csv", "KAZ;KGZ;TJK;TKM;UZB", "KAZ;KGZ;TJK;TKM;XSA", 4, "members", "a region lists countries"),
    ("region member that is a name", "regions.csv", "KAZ;KGZ;TJK;TKM;UZB", "KAZ;KGZ;TJK;TKM;Uzbekistan", 4, "members", "not a country code"),
    ("region member listed twice", "regions.csv", "KAZ;KGZ;TJK;TKM;UZB", "KAZ;KGZ;TJK;KAZ;UZB", 4, "members", "KAZ listed twice"),
    ("acknowledged without saying how far", "relations.csv", "government_assessment,,,,organises", "government_assessment,2024-12-01,src-a,,organises",
     2, "acknowledgement", "full, partial or opposing"),
    ("an acknowledgement level without a date", "relations.csv", "government_assessment,,,,organises", "government_assessment,,,partial,organises",
     2, "acknowledgement", "without an acknowledged date"),
    ("acknowledgement outside the vocabulary", "relations.csv", "government_assessment,,,,organises", "government_assessment,2024-12-01,src-a,half,organises",
     2, "acknowledgement", "half"),
    ("relation start without its precision", "relations.csv", ",,2024-10-01,day,", ",,2024-10-01,,", 2, "start_precision", "without its precision"),
    ("relation start at month precision on a first day", "relations.csv", ",,2024-10-01,day,", ",,2024-10-01,month,", 2, "start", "the month's last day (2024-10-31)"),
    ("province under an unknown code", "subdivision_names.csv", "UA-23,Zaporizhzhia", "UA-99,Zaporizhzhia", 2, "code", "not an ISO 3166-2"),
    ("province under a country code", "subdivision_names.csv", "RU-KRS,Kursk", "RUS,Kursk", 3, "code", "expected a value matching"),
    ("mojibake in a name", "actors.csv", "North Korea", "North Kor\u00c3\u00a9a", 3, "name", "mojibake"),
    ("mojibake apostrophe in a quote", "claims.csv", "About 10,000 were sent.", "About 10,000 weren\u00e2\u20ac\u2122t sent.", 2, "quote", "mojibake"),
    # one page under two ids (found in the real data: six pages were cited twice)
    ("one page, two source ids", "sources.csv", "https://news.example.com/a", "https://example.gov/statement", 3, "url", "one page is one source"),
    # invisible and control characters
    ("NUL in a name", "claims.csv", "Example Minister", "Example\x00Minister", 2, "speaker", "U+0000"),
    ("BOM inside a cell", "sources.csv", "Statement on troops", "\ufeffStatement on troops", 2, "title", "U+FEFF"),
    ("zero-width space", "claimants.csv", "Example government,Example", "Example\u200b government,Example", 2, "name", "U+200B ZERO WIDTH SPACE"),
    ("terminal escape sequence", "sources.csv", "Example Ministry", "Example \x1b[31mMinistry", 2, "publisher", "U+001B"),
    ("bell character", "claims.csv", "About 10,000 were sent.", "About 10,000\x07 were sent.", 2, "quote", "U+0007"),
    ("newline in a one-line field", "claims.csv", "About 10,000 were sent.", "About 10,000\nwere sent.", 2, "quote", "line break"),
    ("carriage return in a field", "claims.csv", "About 10,000 were sent.", "About 10,000\rwere sent.", 2, "quote", "U+000D"),
    ("right-to-left override", "actors.csv", "North Korea", "North\u202eKorea", 3, "name", "U+202E"),
    ("no-break space", "claims.csv", "Example Minister", "Example\u00a0Minister", 2, "speaker", "U+00A0"),
    ("soft hyphen", "sources.csv", "Statement on troops", "State\u00adment on troops", 2, "title", "U+00AD"),
    ("line separator in notes", "sources.csv", "primary,,standard,verified,\n", "primary,,standard,verified,a\u2028b\n", 2, "notes", "U+2028"),
    ("private-use character", "actors.csv", "North Korea", "North Korea\ue000", 3, "name", "U+E000"),
    ("word joiner", "claimants.csv", "Example intelligence service", "Example\u2060intelligence service", 3, "name", "U+2060"),
    # Unicode normal forms and look-alike letters
    ("decomposed accent (NFD)", "claimants.csv", "Example intelligence service", "Exa\u0301mple intelligence service", 3, "name", "NFC"),
    ("decomposed speaker name", "claims.csv", "Example Minister", "Example Mine\u0301ister", 2, "speaker", "NFC"),
    ("Cyrillic letter in an id", "claims.csv", "c-1,src-a", f"{CY_ES}-1,src-a", 2, "claim_id", "Cyrillic '\u0441' (U+0441"),
    ("Cyrillic letter in a code", "claims.csv", "2024-10-31,PRK,deployed", f"2024-10-31,PR{CY_KA},deployed", 2, "origin", "Cyrillic '\u041a' (U+041A"),
    ("Cyrillic letter in a reference", "claims.csv", "c-1,src-a", f"c-1,src-{CY_A}", 2, "source_id", "Cyrillic '\u0430' (U+0430"),
    ("Greek letter in a vocabulary value", "claims.csv", "deployed,about", f"deployed,ab{GR_O}ut", 2, "qualifier", "Greek '\u03bf' (U+03BF"),
    ("mixed-script word in a name", "actors.csv", "North Korea", f"North K{CY_O}rea", 3, "name", "look-alike"),
    ("fullwidth letters in a code", "claims.csv", "2024-10-31,PRK,deployed", "2024-10-31,\uff30RK,deployed", 2, "origin", "Fullwidth"),
    ("fullwidth letter in a name", "actors.csv", "North Korea", "North K\uff4frea", 3, "name", "look-alike"),
    ("look-alike letter in a URL host", "sources.csv", "https://example.gov/statement", f"https://ex{CY_A}mple.gov/statement", 2, "url",
     "look-alike"),
    ("two spaces in a name", "claimants.csv", "Example government,Example", "Example  government,Example", 2, "name", "two spaces"),
    # numbers and dates the loaders cannot hold
    ("Arabic-Indic digits", "claims.csv", "10000,10000", "\u0661\u0660\u0660\u0660\u0660,10000", 2, "low", "ASCII digit"),
    ("fullwidth digits in a date", "claims.csv", "Example Minister,2024-10-31", "Example Minister,\uff12\uff10\uff12\uff14-10-31", 2, "stated", "not an ASCII digit"),
    ("Devanagari digits in a pattern", "claims.csv", "verified 2026-11-22: figure and quote,,",
     "verified \u0968\u0966\u0968\u096c-11-22: figure and quote,,", 2, "verification", "matching"),
    ("number past int64", "claims.csv", "10000,10000", "99999999999999999999,99999999999999999999", 2, "low", "out of range"),
    ("five thousand digits", "claims.csv", "10000,10000", "9" * 5000 + "," + "9" * 5000, 2, "low", "out of range"),
    ("staleness past int64", "metrics.csv", "deployed,stock,persons,,90", "deployed,stock,persons,,9223372036854775808", 2, "staleness_days", "out of range"),
    ("leading zeros", "claims.csv", "10000,10000", "010000,010000", 2, "low", "leading zeros"),
    ("negative zero", "claims.csv", "killed,at_least,100,", "killed,at_least,-0,", 3, "low", "leading zeros"),
    ("year 0001", "sources.csv", "statement,2024-10-31,", "statement,0001-10-31,", 2, "published", "before 1677-09-22"),
    ("historic date before 1677", "legal_context.csv", "2018-09-06,src-c", "1648-10-24,src-c", 2, "date", "before 1677-09-22"),
    ("an actor acting for itself", "actors.csv", "nato,NATO,NATO,organisation,,", "nato,NATO,NATO,organisation,nato,", 5, "acts_for", "acts for itself"),
    # evidence per coded field (data/evidence.csv): each verified passage read on the record's own page
    ("verified field without a passage", "evidence.csv", "the Example Minister said,,src-a", ",,src-a", 7, "passage", "needs its passage"),
    ("unverified field without a reason", "evidence.csv", "unverified,the stored excerpt shows no date line\nclaims,c-2,figure",
     "unverified,\nclaims,c-2,figure", 8, "reason", "says why"),
    ("figure passage without the figure", "evidence.csv", "c-1,figure,\"About 10,000 were sent.\"", "c-1,figure,About ten were sent.", 3,
     "passage", "does not state it (10,000)"),
    ("passage read on another page", "evidence.csv", "the Example Minister said,,src-a", "the Example Minister said,,src-c", 7, "source_id",
     "not one of c-1's pages"),
    ("evidence for no record", "evidence.csv", "claims,c-1,stated", "claims,c-9,stated", 2, "record_id", "not a row of claims.csv"),
    ("a field the table does not code", "evidence.csv", "relations,rel-1,start", "relations,rel-1,figure", 21, "field", "not a coded field"),
    ("evidence for an absent acknowledgement", "evidence.csv", "relations,rel-2,start", "relations,rel-2,acknowledged", 23, "field",
     "no acknowledgement"),
    ("passage read before its page existed", "evidence.csv", "the Example Minister said,,src-a,2026-11-22", "the Example Minister said,,src-a,2024-10-01",
     7, "checked", "before its page was published"),
    # duplicates, self references, contradictions
    ("relation to itself", "relations.csv", "rel-1,PRK,RUS", "rel-1,PRK,PRK", 2, "target_actor", "to itself"),
    ("repeated list item", "relations.csv", "src-a;src-b", "src-a;src-a", 2, "source_ids", "listed twice"),
    ("repeated treaty party", "treaties.csv", "PRK;RUS", "PRK;PRK", 2, "parties", "listed twice"),
    ("treaty with one party", "treaties.csv", "PRK;RUS", "PRK", 2, "parties", "two parties"),
    ("active with an end in the past", "relations.csv", "organises,,,2024-10-01,day,,src-a;src-b", "organises,,,2024-10-01,day,2024-11-01,src-a;src-b",
     2, "status", "'active'"),
    # legal dates out of their treaty order
    ("signature after the signing period", "states_parties.csv", "UKR,Ukraine,2000-01-20", "UKR,Ukraine,2003-01-20", 2, "signed", "Art. 125(1)"),
    ("deposit before signature", "states_parties.csv", "1999-01-13,2004-09-21,ratification,2004-12-01",
     "1999-01-13,1998-12-21,ratification,2002-07-01", 3, "deposited", "before signed"),
    ("withdrawal before joining", "states_parties.csv", "2016-10-27,2017-10-27", "2003-10-27,2004-10-27", 3, "withdrawal_notified", "before deposited"),
    ("warrant before the Statute was in force", "arrest_warrants.csv", "Official,2023-03-17", "Official,2001-03-17", 2, "issued", "Art. 11(1)"),
    ("declared period before the Statute", "declarations.csv", "2015-09-08,2014-02-20", "2015-09-08,2001-02-20", 2, "period_start", "Art. 11(1)"),
    # URLs
    ("space in a URL", "sources.csv", "https://example.gov/statement", "https://example.gov/state ment", 2, "url", "U+0020"),
    ("tab in a URL", "sources.csv", "https://example.gov/statement", "https://example.gov/state\tment", 2, "url", "U+0009"),
    ("quote in a URL", "sources.csv", "https://example.gov/statement", '"https://example.gov/st""atement"', 2, "url", "U+0022"),
    ("angle brackets in a URL", "sources.csv", "https://example.gov/statement", "https://example.gov/<script>", 2, "url", "U+003C"),
    ("braces in a URL", "sources.csv", "https://example.gov/statement", "https://example.gov/{x}", 2, "url", "U+007B"),
    ("backslash in a URL", "sources.csv", "https://example.gov/statement", "https://example.gov\\statement", 2, "url", "U+005C"),
    ("URL host of dots", "sources.csv", "https://example.gov/statement", "https://../statement", 2, "url", "no real host"),
    ("URL host without a domain", "sources.csv", "https://example.gov/statement", "https://localhost/statement", 2, "url", "no real host"),
    ("URL host as an IP address", "sources.csv", "https://example.gov/statement", "https://10.0.0.1/statement", 2, "url", "no real host"),
    ("URL host with an underscore", "sources.csv", "https://example.gov/statement", "https://exa_mple.gov/statement", 2, "url", "no real host"),
    ("URL with user info", "sources.csv", "https://example.gov/statement", "https://example.gov@evil.example/statement", 2, "url", "user@host"),
    ("URL with an impossible port", "sources.csv", "https://example.gov/statement", "https://example.gov:99999/statement", 2, "url", "well-formed"),
    ("URL with another scheme", "sources.csv", "https://example.gov/statement", "javascript:alert(1)//example.gov", 2, "url", "http(s)"),
    # CSV quoting and spreadsheet formulas
    ("bare quote in an unquoted field", "claims.csv", "Example Minister", 'Example "Minister', 2, "speaker", "double quote"),
    ("formula with =", "claims.csv", "Example Minister", "=1+1", 2, "speaker", "formula"),
    ("formula with +", "sources.csv", "Statement on troops", "+cmd|' /C calc'!A0", 2, "title", "formula"),
    ("formula with -", "claimants.csv", "Example government,Example", "-2+3 government,Example", 2, "name", "formula"),
    ("formula with @", "actors.csv", "North Korea", "@SUM(A1)", 3, "name", "formula"),
    # other vocabularies
    ("status history 'public' not yes or no", "status_history.csv", "valid_from,source_ids,notes\n",
     "valid_from,source_ids,notes\nh-1,declarations,ukr-1,public,maybe,2016-01-01,src-c,\n", 2, "value", "yes or no"),
    ("status history value outside the vocabulary", "status_history.csv", "valid_from,source_ids,notes\n",
     "valid_from,source_ids,notes\nh-1,declarations,ukr-1,status,pending,2016-01-01,src-c,\n", 2, "value", "is not a status"),
    ("status dated before its row", "status_history.csv", "valid_from,source_ids,notes\n",
     "valid_from,source_ids,notes\nh-1,declarations,ukr-1,status,in_effect,2015-01-01,src-c,\n", 2, "valid_from", "before the row's own lodged"),
]
# fmt: on


@pytest.mark.parametrize("label,name,old,new,line,column,fragment", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_located(mini, label, name, old, new, line, column, fragment):
    edit(mini, name, old, new)
    problems = problems_for(mini)
    found = [p for p in problems if p.file == f"data/{name}" and p.line == line and p.column == column]
    assert found, f"{label}: no problem at data/{name}:{line}:{column}; got {[str(p) for p in problems]}"
    assert any(fragment in p.message for p in found), [p.message for p in found]


def test_a_table_path_that_is_a_directory_is_one_problem_and_no_cascade(mini):
    (mini / "regions.csv").unlink()
    (mini / "regions.csv").mkdir()
    found = problems_for(mini)
    assert [str(p) for p in found if "regions.csv" in p.file] == [
        "data/regions.csv, line 1: is a directory, not a CSV file; the data package names a file here"
    ]
    assert len(found) <= 2, [str(p) for p in found]  # the directory, and at most one summary of references into it


def test_a_latin1_byte_in_the_descriptor_is_located_and_named(mini):
    raw = (mini / "datapackage.json").read_bytes().replace(b'"Sources"', b'"Sources \xe9"', 1)
    (mini / "datapackage.json").write_bytes(raw)
    with pytest.raises(SchemaError) as info:
        load_package(mini)
    ((where, message),) = info.value.problems
    assert where.startswith("line ") and ", column " in where and "0xe9" in message and "'é'" in message
    run = subprocess.run([sys.executable, "-m", "helpers", "validate", str(mini)], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "0xe9" in run.stderr


def test_a_coded_field_without_evidence_is_named_on_its_record(mini):
    edit(mini, "evidence.csv", 'claims,c-3,metric,"Up to 15,000 joined.",,src-b,2026-11-22,verified,\n', "")
    found = [p for p in problems_for(mini) if p.file == "data/claims.csv" and p.line == 4 and p.column == "claim_id"]
    assert [p.message for p in found] == [
        "c-3 has no evidence row in data/evidence.csv for: metric (the passage that decides each, or why it is unverified)"
    ]


# Rows that repeat another under a new id (appended; expected column)
# fmt: off
DUPLICATE_ROWS = [
    ("actor repeated", "actors.csv", "nato-2,NATO,NATO,organisation,,", "actor_id"),
    ("source repeated", "sources.csv", "src-z,Example Ministry,Statement on troops,https://example.gov/statement,2024-10-31,,government,en,"
     "primary,,standard,verified,", "source_id"),
]
# fmt: on


@pytest.mark.parametrize("label,name,row,column", DUPLICATE_ROWS, ids=[c[0] for c in DUPLICATE_ROWS])
def test_a_row_repeated_under_a_new_id(mini, label, name, row, column):
    line = append(mini, name, row)
    (p,) = [p for p in problems_for(mini) if p.file == f"data/{name}" and p.line == line and p.column == column]
    assert "under a new id" in p.message


@pytest.mark.parametrize("name", ["Example Government", "EXAMPLE GOVERNMENT", "\uff25xample government"])
def test_one_institution_under_two_ids(mini, name):
    line = append(mini, "claimants.csv", f"usa-gov-2,{name},Another short name,USA,government,,example-lineage")
    found = [p for p in problems_for(mini) if p.file == "data/claimants.csv" and p.line == line and p.column == "name"]
    assert any("same name as 'usa-gov'" in p.message for p in found), [str(p) for p in found]


def test_a_resource_linking_outside_the_data_directory(mini, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text((mini / "actors.csv").read_text(encoding="utf-8"), encoding="utf-8")
    (mini / "actors.csv").unlink()
    (mini / "actors.csv").symlink_to(secret)
    (p,) = [p for p in problems_for(mini) if p.file == "data/actors.csv"]
    assert "outside the data directory" in p.message


def test_the_same_name_in_two_normal_forms_is_not_two_claimants(mini):
    line = append(
        mini, "claimants.csv", "mod-fr,Ministe\u0300re des Arme\u0301es,Ministe\u0300re,FRA,government,,example-lineage"
    )
    (p,) = [p for p in problems_for(mini) if p.file == "data/claimants.csv" and p.line == line and p.column == "name"]
    assert "NFC" in p.message


@pytest.mark.parametrize(
    "name", ["claims.csv", "sources.csv", "claimants.csv", "metrics.csv", "actors.csv", "states_parties.csv"]
)
def test_header_only_table_where_rows_are_required(mini, name):
    header = (mini / name).read_text(encoding="utf-8").splitlines()[0]
    (mini / name).write_text(header + "\n", encoding="utf-8")
    found = [p for p in problems_for(mini) if p.file == f"data/{name}"]
    assert any(p.line == 2 and "no rows" in p.message for p in found), [str(p) for p in found]


def test_broken_sources_is_the_root_cause_and_the_cascade_is_summarised(mini):
    (mini / "sources.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        validates(mini)
    message = str(info.value).splitlines()
    assert "data/sources.csv, line 1" in message[1] and "file is empty" in message[1]
    cascade = [p for p in info.value.problems if "not checked" in p.message]
    assert cascade and all("sources.csv" in p.message for p in cascade)
    assert not [p for p in info.value.problems if "is not a known source_id" in p.message]


def test_many_dangling_references_are_capped(mini):
    for i in range(40):
        append(mini, "legal_context.csv", f"lc-x{i},topic,Instrument,,Statement.,2018-09-06,src-gone{i},")
    problems = [p for p in problems_for(mini) if p.column == "source_ids"]
    assert len(problems) == 11 and "30 more unknown source_id" in problems[-1].message


def test_the_printed_list_is_capped(mini):
    for i in range(MAX_SHOWN + 20):
        append(mini, "actors.csv", f"a-{i},Actor {i},kind{i},")
    with pytest.raises(DataValidationError) as info:
        validates(mini)
    lines = str(info.value).splitlines()
    assert len(lines) == MAX_SHOWN + 2 and "more problem(s) not shown" in lines[-1]
    assert len(info.value.problems) == MAX_SHOWN + 20


def test_invisible_characters_in_a_header_are_shown_escaped(mini):
    edit(mini, "actors.csv", "actor_id,name,short_name,kind,acts_for,notes", "actor_id,na\u200bme,short_name,kind,acts_for,notes")
    (p,) = [p for p in problems_for(mini) if p.file == "data/actors.csv"]
    assert "'na\\u200bme'" in str(p) and "U+200B ZERO WIDTH SPACE" in str(p) and "\u200b" not in str(p)


def test_a_repeated_header_column_is_named(mini):
    edit(mini, "actors.csv", "actor_id,name,short_name,kind,acts_for,notes", "actor_id,name,short_name,kind,acts_for,kind")
    (p,) = [p for p in problems_for(mini) if p.file == "data/actors.csv"]
    assert "repeated column" in p.message or "missing column(s) notes" in p.message


def test_terminal_escapes_never_reach_the_terminal(mini):
    edit(
        mini,
        "actors.csv",
        "actor_id,name,short_name,kind,acts_for,notes",
        "actor_id,name\x1b]0;pwned\x07,short_name,kind,acts_for,notes",
    )
    edit(mini, "claims.csv", "Example Minister", "Example \x1b[2J\x1b[31mMinister")
    run = subprocess.run([sys.executable, "-m", "helpers", "validate", str(mini)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr
    assert "\\x1b" in run.stderr


def test_a_csv_without_a_resource_is_reported(mini):
    (mini / "casualties_extra.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (p,) = [p for p in problems_for(mini) if p.file == "data/casualties_extra.csv"]
    assert "no resource in datapackage.json" in p.message


# datapackage.json problems: (label, JSON edit, where, message fragment)
def _field(pkg, table, column):
    res = next(r for r in pkg["resources"] if r["name"] == table)
    return next(f for f in res["schema"]["fields"] if f["name"] == column)


def _res(pkg, table):
    return next(r for r in pkg["resources"] if r["name"] == table)


# fmt: off
DESCRIPTOR = [
    ("unknown field type", lambda p: _field(p, "claims", "low").update(type="numbr"), "type", "unknown field type 'numbr'"),
    ("unknown format", lambda p: _field(p, "sources", "url").update(format="url"), "format", "unknown format"),
    ("foreign key to a missing resource", lambda p: _res(p, "claims")["schema"]["foreignKeys"][0]["reference"].update(resource="sauces"),
     "reference.resource", "'sauces'"),
    ("foreign key to a missing column", lambda p: _res(p, "claims")["schema"]["foreignKeys"][0]["reference"].update(fields=["id"]),
     "reference.fields", "expected one column of sources"),
    ("absolute resource path", lambda p: _res(p, "actors").update(path="/etc/passwd.csv"), "path", "absolute"),
    ("escaping resource path", lambda p: _res(p, "actors").update(path="../../actors.csv"), "path", "leaves"),
    ("resource path not a CSV", lambda p: _res(p, "actors").update(path="actors.txt"), "path", "not a .csv"),
    ("invalid regular expression", lambda p: _field(p, "claims", "origin")["constraints"].update(pattern="[A-Z{3}"), "pattern",
     "invalid regular expression"),
    ("maxLength as a string", lambda p: _field(p, "claimants", "short_name")["constraints"].update(maxLength="28"), "maxLength",
     "must be a number"),
    ("required as a string", lambda p: _field(p, "claims", "quote")["constraints"].update(required="no"), "required", "must be true/false"),
    ("minimum as a string", lambda p: _field(p, "claims", "low")["constraints"].update(minimum="0"), "minimum", "must be a number"),
    ("enum as a string", lambda p: _field(p, "claims", "qualifier")["constraints"].update(enum="about"), "enum", "must be a list"),
    ("unknown constraint", lambda p: _field(p, "claims", "low")["constraints"].update(maximun=5), "maximun", "unknown constraint"),
    ("resource without a schema", lambda p: _res(p, "actors").pop("schema"), "schema.fields", "non-empty list of fields"),
    ("primary key of a missing column", lambda p: _res(p, "actors")["schema"].update(primaryKey="id"), "primaryKey", "does not have"),
    ("duplicate resource name", lambda p: _res(p, "regions").update(name="actors"), "name", "used twice"),
]
# fmt: on


@pytest.mark.parametrize("label,change,where,fragment", DESCRIPTOR, ids=[c[0] for c in DESCRIPTOR])
def test_descriptor_problems_are_clear(mini, label, change, where, fragment):
    pkg = json.loads((mini / "datapackage.json").read_text(encoding="utf-8"))
    change(pkg)
    (mini / "datapackage.json").write_text(json.dumps(pkg), encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_package(mini)
    assert any(w.endswith(where) and fragment in m for w, m in info.value.problems), info.value.problems
    run = subprocess.run([sys.executable, "-m", "helpers", "validate", str(mini)], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr and fragment in run.stderr
    with pytest.raises(SchemaError):
        data.load_tables(mini)


def test_descriptor_that_is_not_json(mini):
    (mini / "datapackage.json").write_text('{"resources": [\n  {"name": "x",}\n]}', encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_package(mini)
    assert info.value.problems[0][0] == "line 2, column 16"


#: Kinds tested one per function above: header-only table, broken sources.csv (cascade), capped
#: references, capped printing, hidden character in a header, repeated header column, terminal escapes,
#: CSV without a resource, descriptor that is not JSON, NFD second claimant, one institution under
#: two ids, resource linking outside data/, a coded field without evidence, a table path that is a directory,
#: a Latin-1 byte in the descriptor.
SINGLE_KINDS = 15


def test_corpus_size():
    """Kinds in this file, and with the original corpus of test_validation.py."""
    from test_validation import CASES as ORIGINAL

    mine = len(CASES) + len(DUPLICATE_ROWS) + len(DESCRIPTOR) + SINGLE_KINDS
    original = len(ORIGINAL) + 8 + 3  # + file-level problems, invalid UTF-8, missing file, repeated claim
    assert mine >= 95 and mine + original >= 157
