"""The build never destroys what it did not make, validates --as-of before touching anything,
builds into a temporary directory, locks its output, says why a kernel cannot start, and an
as-of build ships only what was known then."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers import data
from helpers.data.schema import load_package
from helpers.site import build, outdir

ROOT = Path(__file__).resolve().parents[2]


def tree_hash(d: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(d.rglob("*")):
        h.update(str(p.relative_to(d)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def run_build(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers.site.build", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


@pytest.fixture
def small_site(monkeypatch):
    """The build with its pages replaced by two small files: what these tests decide (where a build may go, what it
    replaces, what a bad --as-of leaves) is the build's wrapper around its pages (helpers.site.outdir), which runs
    unchanged. Rendering the whole collection is tested once, in tests/site/test_site.py."""
    made = []

    def pages(tmp: Path, execute: bool, as_of: str | None, notebooks) -> dict:
        (tmp / "index.html").write_text(f"site #{len(made)}", encoding="utf-8")
        (tmp / "figures").mkdir()
        (tmp / "figures" / "a.svg").write_text("<svg/>", encoding="utf-8")
        made.append(tmp)
        return {"pages": 1, "figures": 1, "bytes": 10, "total_s": 0.0}

    monkeypatch.setattr(build, "_build", pages)
    return made


def cli(capsys, *args: str) -> tuple[int, str]:
    """`python -m helpers.site.build` in this process: exit code and what it wrote to stderr."""
    code = build.main(list(args))
    return code, capsys.readouterr().err


@pytest.mark.parametrize("out", ["data", ".", "data/sub", ".git", "..", "/"])
def test_refuses_the_repository_its_data_and_above(out, small_site, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    before = tree_hash(ROOT / "data")
    code, err = cli(capsys, "--out", out)
    assert code == 2 and "refusing to build into" in err, err
    assert tree_hash(ROOT / "data") == before and small_site == []


@pytest.mark.slow
def test_the_command_refuses_the_data_folder_in_one_line():
    """The real command, end to end: exit code 2, the reason, no traceback, data/ untouched."""
    before = tree_hash(ROOT / "data")
    run = run_build("--out", "data")
    assert run.returncode == 2 and "refusing to build into" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and tree_hash(ROOT / "data") == before


@pytest.mark.parametrize("marker", [False, True])
def test_refuses_a_directory_holding_a_project(tmp_path, marker, small_site, capsys):
    project = tmp_path / "other-project"
    (project / "data").mkdir(parents=True)
    (project / "data" / "claims.csv").write_text("x\n", encoding="utf-8")
    if marker:  # a marker copied into a repository does not make it a build output
        (project / ".git").mkdir()
        (project / outdir.MARKER).write_text("copied", encoding="utf-8")
    before = tree_hash(project)
    code, err = cli(capsys, "--out", str(project))
    assert code == 2 and ("holds .git" if marker else "holds data") in err, err
    assert tree_hash(project) == before


def test_refuses_a_non_empty_directory_it_did_not_create(tmp_path, small_site):
    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "chapter1.tex").write_text("precious", encoding="utf-8")
    with pytest.raises(outdir.UnsafeOutput, match="not created by the build"):
        build.build(mine)
    assert (mine / "chapter1.tex").read_text(encoding="utf-8") == "precious" and small_site == []


def test_replaces_only_its_own_earlier_build(tmp_path, small_site):
    out = tmp_path / "site"
    build.build(out)
    assert (out / outdir.MARKER).is_file() and (out / "index.html").read_text(encoding="utf-8") == "site #0"
    (out / "index.html").write_text("from an older build", encoding="utf-8")
    build.build(out)
    assert (out / "index.html").read_text(encoding="utf-8") == "site #1"
    (out / "stale.html").write_text("not the build's", encoding="utf-8")
    with pytest.raises(outdir.UnsafeOutput, match="holds stale.html, which the build did not write"):
        build.build(out)  # a file put inside the output is the user's: never replaced (tests/site/test_outdir.py)
    assert (out / "stale.html").is_file() and len(small_site) == 2
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["site"]


def test_a_failed_build_leaves_the_previous_site(tmp_path, small_site, monkeypatch):
    out = tmp_path / "site"
    build.build(out)
    before = tree_hash(out)

    def broken(tmp, *args):
        (tmp / "index.html").write_text("half a site", encoding="utf-8")
        raise RuntimeError("notebook exploded")

    monkeypatch.setattr(build, "_build", broken)
    with pytest.raises(RuntimeError, match="exploded"):
        build.build(out)
    assert tree_hash(out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["site"]


BAD_AS_OF = [
    ("2024-02-30", "not a real calendar day"),
    ("2024-12", "YYYY-MM-DD"),
    ("31/12/2024", "YYYY-MM-DD"),
    ("20241231", "YYYY-MM-DD"),
    ("2999-01-01", "in the future"),
    ("1999-06-01", "before the first claim known"),
    ("2022-03-11", "before the first claim known"),
]


@pytest.mark.parametrize("as_of,fragment", BAD_AS_OF)
def test_as_of_is_checked_before_anything_is_touched(tmp_path, as_of, fragment, small_site, capsys):
    out = tmp_path / "site"
    build.build(out)
    before = tree_hash(out)
    code, err = cli(capsys, "--out", str(out), "--as-of", as_of)
    assert code == 2 and fragment in err and "Traceback" not in err, err
    assert tree_hash(out) == before and len(small_site) == 1


def test_the_earliest_and_latest_good_as_of_pass_the_check():
    first = build.data.first_known_claim().date().isoformat()
    assert build.check_as_of(first) == first and build.check_as_of(None) is None
    assert build.check_as_of(data.cutoff().date().isoformat()) == data.cutoff().date().isoformat()


@pytest.mark.slow
def test_the_command_checks_as_of_before_touching_an_earlier_build(tmp_path, small_site):
    """The real command, end to end, on a bad --as-of beside an earlier build: one line, nothing touched."""
    out = tmp_path / "site"
    build.build(out)
    before = tree_hash(out)
    run = run_build("--out", str(out), "--as-of", "2024-12")
    assert run.returncode == 2 and "YYYY-MM-DD" in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert tree_hash(out) == before


def test_two_builds_into_one_directory_are_refused(tmp_path, small_site, capsys):
    out = tmp_path / "site"
    out.mkdir()
    with outdir.lock(out.resolve()):
        with pytest.raises(outdir.BuildLocked, match="another build into"):
            build.build(out)
        code, err = cli(capsys, "--out", str(out))
        assert code == 2 and "another build into" in err
    assert not any(out.iterdir()) and small_site == []


def test_a_kernel_that_cannot_start_is_explained(tmp_path, monkeypatch):
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(tmp_path / "no-such-python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "broken",
                "language": "python",
            }
        )
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1 + 1")]
    nbformat.write(nb, tmp_path / "tiny.ipynb")
    out = tmp_path / "site"
    with pytest.raises(build.BuildError, match="kernel for tiny.ipynb could not start"):
        build.build(out, execute=True, notebooks=[tmp_path / "tiny.ipynb"])
    assert not out.exists()


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("as_of", ["2025-06-30", "2023-06-30"])
def test_an_as_of_build_ships_no_later_rows(tmp_path, as_of):
    cut = data.to_date(as_of)
    for res in load_package().resources:
        target = tmp_path / res.path
        build.write_download(res, as_of, target)
        header, *rows = _rows(target.read_text(encoding="utf-8"))
        assert header == res.column_names
        assert len(rows) == len(data.load(res.name, as_of))
    claims = _rows((tmp_path / "claims.csv").read_text(encoding="utf-8"))
    stated = claims[0].index("stated")
    assert claims[1:] and all(r[stated] <= as_of for r in claims[1:])
    full = _rows((ROOT / "data" / "claims.csv").read_text(encoding="utf-8"))
    assert len(claims) < len(full)
    sources = _rows((tmp_path / "sources.csv").read_text(encoding="utf-8"))
    published = sources[0].index("published")
    assert all(r[published] and data.to_date(r[published]) <= cut for r in sources[1:])
    relations = _rows((tmp_path / "relations.csv").read_text(encoding="utf-8"))
    end = relations[0].index("end")
    assert all(not r[end] or r[end] <= as_of for r in relations[1:])


def test_the_latest_build_ships_the_files_themselves(tmp_path):
    for res in load_package().resources:
        build.write_download(res, None, tmp_path / res.path)
        assert (tmp_path / res.path).read_bytes() == (ROOT / "data" / res.path).read_bytes()


def test_download_values_round_trip(tmp_path):
    """Typed values written back as CSV are the values in the file (as of today nothing is cut)."""
    today = data.to_date(None).date().isoformat()
    for name in ("actors", "claimants", "metrics", "regions", "treaty_obligations"):
        res = load_package().resource(name)
        build.write_download(res, today, tmp_path / res.path)
        assert _rows((tmp_path / res.path).read_text(encoding="utf-8")) == _rows(
            (ROOT / "data" / res.path).read_text(encoding="utf-8")
        )


def test_every_status_date_loads():
    """status_history gave declarations the status 'lodged', which declarations.status did not list,
    so every as-of load on such a date raised TypeError (the README's own AS_OF=2024-12-31)."""
    for when in sorted(set(data.load("status_history")["valid_from"])):
        for name in ("declarations", "arrest_warrants"):
            data.load(name, when)


def test_a_link_to_the_data_is_refused(tmp_path):
    link = tmp_path / "site"
    link.symlink_to(ROOT / "data")
    before = tree_hash(ROOT / "data")
    with pytest.raises(outdir.UnsafeOutput, match="inside data/"):
        build.build(link)
    assert tree_hash(ROOT / "data") == before and link.is_symlink()


def test_a_file_is_refused(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("keep", encoding="utf-8")
    with pytest.raises(outdir.UnsafeOutput, match="not a directory"):
        build.build(target)
    assert target.read_text(encoding="utf-8") == "keep"
