"""The output folder's decisions, tested on the folder logic alone (no site is rendered): a build killed with SIGKILL
leaves nothing the next build keeps; a folder the build cannot write is one line and leaves nothing behind; an
output holding something the build did not write there (another build's site, a user's folder) is never replaced."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from helpers.site import outdir

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


@pytest.fixture
def base():
    """A folder every user may enter (pytest's own tmp folder is private to its owner)."""
    d = Path(tempfile.mkdtemp(prefix="outdir-test-", dir="/tmp"))
    d.chmod(0o755)
    yield d
    shutil.rmtree(d, ignore_errors=True)


def fill(out: Path, *names: str) -> None:
    with outdir.building(out, ROOT) as tmp:
        for name in names:
            (tmp / name).write_text(name, encoding="utf-8")


def siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


def test_a_build_killed_with_sigkill_leaves_nothing_the_next_build_keeps(base):
    out = base / "site"
    fill(out, "index.html")
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from helpers.site import outdir
        with outdir.building(Path({str(out)!r}), Path({str(ROOT)!r})) as tmp:
            (tmp / "index.html").write_text("half a site", encoding="utf-8")
            print("writing", flush=True)
            time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    left = [n for n in siblings(base) if n != "site"]
    assert len(left) == 1 and left[0].startswith(".site.building-")  # what SIGKILL leaves: no cleanup could run
    assert (out / "index.html").read_text(encoding="utf-8") == "index.html"  # the published site is untouched
    fill(out, "index.html")
    assert siblings(base) == ["site"]


def test_a_leftover_without_the_builds_marker_is_not_touched(base):
    out = base / "site"
    stranger = base / ".site.building-notours"
    stranger.mkdir()
    (stranger / "thesis.tex").write_text("precious", encoding="utf-8")
    fill(out, "index.html")
    assert (stranger / "thesis.tex").read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize("what", ["an older site built inside", "a folder of the user's", "a file of the user's"])
def test_an_output_holding_what_the_build_did_not_write_is_never_replaced(base, what):
    out = base / "site"
    fill(out, "index.html", "claims.html")
    if what == "an older site built inside":
        fill(out / "archive", "index.html")  # an earlier `--out site/archive`
        name = "archive"
    elif what == "a folder of the user's":
        (out / "notes").mkdir()
        (out / "notes" / "draft.md").write_text("mine", encoding="utf-8")
        name = "notes"
    else:
        (out / "todo.txt").write_text("mine", encoding="utf-8")
        name = "todo.txt"
    with pytest.raises(outdir.UnsafeOutput, match=rf"holds (\.archive\.lock, )?{re.escape(name)}, which the build did not write"):
        fill(out, "index.html")
    assert (out / name).exists() and (out / "claims.html").exists()
    for extra in (e for e in out.iterdir() if e.name in (name, ".archive.lock")):
        shutil.rmtree(extra) if extra.is_dir() else extra.unlink()
    fill(out, "index.html")  # once it is moved out, the build replaces its own output again
    assert siblings(out) == [outdir.MARKER, "index.html"]


def _site_packages() -> str:
    import pandas

    return str(Path(pandas.__file__).resolve().parents[1])


def as_another_user(args: list[str]) -> subprocess.CompletedProcess:
    """Run the build's CLI as an unprivileged user (root ignores permissions, so the real check needs another user).
    The venv's interpreter may live in a private home; the system's Python of the same minor version runs instead,
    with this checkout's package and the venv's libraries on its path."""
    python, drop = sys.executable, None
    if os.geteuid() == 0:
        python = shutil.which(f"python{sys.version_info.major}.{sys.version_info.minor}", path="/usr/bin:/usr/local/bin")
        if python is None:
            pytest.skip("no system Python of this version for an unprivileged user")

        def drop():
            os.setgid(NOBODY)
            os.setuid(NOBODY)

    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": "/tmp",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), _site_packages()]),
    }
    return subprocess.run(
        [python, "-m", "helpers.site.build", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd="/tmp",
        env=env,
        preexec_fn=drop,
    )


def test_a_read_only_parent_is_one_line_and_leaves_no_folder(base):
    parent = base / "readonly"
    parent.mkdir()
    parent.chmod(0o555)
    run = as_another_user(["--out", str(parent / "deeper" / "site")])
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.count("\n") == 1 and "cannot build into" in run.stderr and "Permission denied" in run.stderr
    assert list(parent.iterdir()) == []


def test_a_lock_owned_by_another_user_is_one_line(base):
    base.chmod(0o777)
    lockfile = base / ".site.lock"
    lockfile.write_text("", encoding="utf-8")
    lockfile.chmod(0o644)
    run = as_another_user(["--out", str(base / "site")])
    if os.geteuid() != 0:
        pytest.skip("needs a second user to own the lock")
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.count("\n") == 1 and "cannot build into" in run.stderr and ".site.lock" in run.stderr
    assert siblings(base) == []


def test_every_page_of_an_as_of_build_carries_its_date_and_a_link_to_the_current_collection(base):
    from helpers.site import build

    (base / "countries").mkdir()
    (base / "index.html").write_text("<html><body><main>x</main></body></html>", encoding="utf-8")
    (base / "countries" / "KEN.html").write_text("<html><body><main>y</main></body></html>", encoding="utf-8")
    assert build.mark_as_of(base, "2024-12-31") == 2
    top = (base / "index.html").read_text(encoding="utf-8")
    deep = (base / "countries" / "KEN.html").read_text(encoding="utf-8")
    assert top.index("As of 2024-12-31.") < top.index("<main>") and 'href="../site/index.html"' in top
    assert "As of 2024-12-31." in deep and 'href="../../site/index.html"' in deep
