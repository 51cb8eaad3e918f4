"""A checkout moved or copied with its .venv: the Makefile notices that the environment points
at the old folder and rebuilds it instead of trusting its stamp (dry runs with a stand-in python)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def checkout(tmp_path: Path) -> Path:
    """A checkout with the project's Makefile, an up-to-date install stamp and a .venv whose
    python cannot import helpers (tests replace it with one reporting where it looks)."""
    d = tmp_path / "moved-checkout"
    (d / "src").mkdir(parents=True)
    for name in ("Makefile", "requirements.lock", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy(ROOT / name, d / name)
    bin_dir = d / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / "python"
    python.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    python.chmod(0o755)
    stamp = subprocess.run(
        "cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1",
        shell=True,
        cwd=d,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (d / ".venv" / f".installed-{stamp}").touch()
    return d


def dry_run(d: Path) -> str:
    return subprocess.run(["make", "-n", "venv"], cwd=d, capture_output=True, text=True, check=True).stdout


def test_an_environment_of_this_checkout_is_trusted(tmp_path):
    d = checkout(tmp_path)
    here = f"{(d / '.venv').resolve()} {(d / 'src').resolve()}"
    (d / ".venv" / "bin" / "python").write_text(f"#!/bin/sh\necho '{here}'\n", encoding="utf-8")
    assert "pip install" not in dry_run(d)


@pytest.mark.parametrize("sees", ["{venv} /old/place/src", "/old/place/.venv /old/place/src", None])
def test_an_environment_pointing_elsewhere_is_rebuilt(tmp_path, sees):
    d = checkout(tmp_path)
    if sees is not None:
        (d / ".venv" / "bin" / "python").write_text(
            "#!/bin/sh\necho '" + sees.format(venv=(d / ".venv").resolve()) + "'\n", encoding="utf-8"
        )
    plan = dry_run(d)
    assert "belongs to another checkout" in plan and "venv --clear" in plan and "pip install" in plan and "-e ." in plan


def test_an_as_of_build_goes_to_its_own_folder_and_the_current_site_stays():
    """`make run AS_OF=…` once replaced build/site without a word; now it writes beside it (dry run)."""

    def planned(*args: str) -> str:
        out = subprocess.run(["make", "-n", "run", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        return next(line for line in out.splitlines() if "helpers.site.build" in line)

    assert "--out build/site-as-of-2024-12-31 --as-of 2024-12-31" in planned("AS_OF=2024-12-31")
    assert "--out build/site " in planned() + " " and "--as-of" not in planned()


def test_make_lab_runs_headless_on_a_chosen_port_with_the_projects_kernel():
    out = subprocess.run(
        ["make", "-n", "lab", "LAB_PORT=9999", "LAB_BROWSER=0"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "--port=9999" in out and "--no-browser" in out
    assert "ipykernel install --sys-prefix --name foreign-manpower" in out
    assert "--MappingKernelManager.default_kernel_name=foreign-manpower" in out
    assert ("--allow-root" in out) == (os.geteuid() == 0)
    default = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "--port=8888" in default and "--no-browser" not in default


def test_the_readmes_timings_are_the_latest_benchmark():
    """`make bench` writes benchmarks/RESULTS.md and the same block between the README's markers: the two never differ."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_suite import END, START
    finally:
        sys.path.pop(0)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(START, 1)[1].split(END, 1)[0].strip("\n")
    assert block == (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8").strip("\n")
