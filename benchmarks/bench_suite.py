"""Measure the test suite against its floor, per-notebook execution, import and load costs.

Run with ``make bench`` (``python benchmarks/bench_suite.py --notebooks`` measures the notebooks against their floor only). Prints the numbers and writes them to benchmarks/results.json and
benchmarks/RESULTS.md and between the README's bench markers. Nothing here asserts a speed: it measures.

- notebooks: strict nbval over the notebooks alone (xdist loadfile), against the floor: the same command
  over import-only copies; the ratio notebooks/floor is the execution target (at most 1.5)
- suite: the README's test command (unit tests + strict nbval on every notebook, xdist loadfile)
- floor: the same invocation over copies of the notebooks holding only their import lines,
  plus the same unit tests; the ratio suite/floor is what the notebooks' own work costs
- per-notebook: wall time of a fresh kernel executing each notebook once; summed, against the same for the
  import-only copies, the serial ratio (the notebooks executed one after another, target at most 1.5)
- import: `import helpers` modules over `import pandas, matplotlib.pyplot, networkx`
- load: validating and typing every table in data/ in a fresh process
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IMPORT_LINE = re.compile(r"^\s*(import |from \S+ import )")


def timed(cmd: list[str], cwd: Path = ROOT, out: list[str] | None = None) -> float:
    """Wall time of `cmd`; its output is appended to `out` when given."""
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"command failed: {' '.join(cmd)}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    if out is not None:
        out.append(run.stdout)
    return elapsed


README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def sync_readme(block: str) -> None:
    """Put the latest results between the README's bench markers, so its timings are always the latest measured."""
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{block}\n{END}{tail}", encoding="utf-8")


def import_only_copies(target: Path) -> list[Path]:
    """Each notebook reduced to its parameters cell and its import lines, executed so that
    nbval compares (strict mode skips unexecuted cells)."""
    from helpers.site.refresh import execute

    out = []
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        imports = [line for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines() if IMPORT_LINE.match(line)]
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        nb.cells = params + [nbformat.v4.new_code_cell("\n".join(dict.fromkeys(imports)))]
        nb.cells[-1].id = "floor-imports"
        copy = target / path.name
        nbformat.write(nb, copy)
        execute(copy)
        out.append(copy)
    return out


def pytest_cmd(notebooks: list[Path], with_tests: bool = True) -> list[str]:
    return [
        PY,
        "-m",
        "pytest",
        "-q",
        "-n",
        "2",
        "--dist",
        "loadfile",
        "--nbval",
        "-p",
        "no:cacheprovider",
        *([str(ROOT / "tests")] if with_tests else []),
        *map(str, notebooks),
    ]


def best_of(cmd: list[str], runs: int = 3) -> float:
    """The fastest of `runs` timings (the least disturbed by other work on the machine)."""
    return min(timed(cmd) for _ in range(runs))


def per_notebook(notebooks: list[Path] = NOTEBOOKS) -> dict[str, float]:
    """Wall time of a fresh kernel executing each notebook once, one after another."""
    from helpers.site.refresh import execute

    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in notebooks:
            start = time.perf_counter()
            execute(path, out=Path(tmp) / path.name)
            times[path.stem] = round(time.perf_counter() - start, 2)
    return times


def in_fresh_process(code: str, repeat: int = 5) -> float:
    """Median of a timing printed by `code` run in fresh interpreters."""
    values = []
    for _ in range(repeat):
        out = subprocess.run([PY, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        values.append(float(out.strip().splitlines()[-1]))
    return round(statistics.median(values), 3)


IMPORT_CODE = """
import time
t0 = time.perf_counter(); import pandas, matplotlib.pyplot, networkx; t1 = time.perf_counter()
import helpers, helpers.data, helpers.analysis.manpower, helpers.analysis.network, helpers.analysis.legal, helpers.presentation.plotting, helpers.presentation.report, helpers.presentation.citations, helpers.analysis.evidence
t2 = time.perf_counter(); print(t2 - t1)
"""
BASE_CODE = """
import time
t0 = time.perf_counter(); import pandas, matplotlib.pyplot, networkx; print(time.perf_counter() - t0)
"""
LOAD_CODE = """
import time, helpers.data as d
t0 = time.perf_counter(); d.load_tables(); print(time.perf_counter() - t0)
"""


def main() -> int:
    quick = "--notebooks" in sys.argv[1:]
    results: dict[str, object] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    results["per_notebook_s"] = per_notebook()
    with tempfile.TemporaryDirectory() as tmp:
        floor_nbs = import_only_copies(Path(tmp))
        results["per_floor_s"] = per_notebook(floor_nbs)
        results["serial_s"] = round(sum(results["per_notebook_s"].values()), 2)
        results["serial_floor_s"] = round(sum(results["per_floor_s"].values()), 2)
        results["serial_ratio"] = round(results["serial_s"] / results["serial_floor_s"], 2)
        print(
            f"notebooks one after another: {results['serial_s']} s; import-only floor: {results['serial_floor_s']} s; "
            f"ratio {results['serial_ratio']} (target at most 1.5)",
            flush=True,
        )
        results["notebooks_s"] = round(best_of(pytest_cmd(NOTEBOOKS, with_tests=False)), 2)
        results["notebooks_floor_s"] = round(best_of(pytest_cmd(floor_nbs, with_tests=False)), 2)
        results["notebooks_ratio"] = round(results["notebooks_s"] / results["notebooks_floor_s"], 2)
        print(
            f"notebooks alone: {results['notebooks_s']} s; import-only floor: {results['notebooks_floor_s']} s; "
            f"ratio {results['notebooks_ratio']} (target at most 1.5)",
            flush=True,
        )
        print("per notebook: " + ", ".join(f"{k} {v} s" for k, v in results["per_notebook_s"].items()), flush=True)
        if quick:  # `python benchmarks/bench_suite.py --notebooks`: the execution target only, nothing written
            return 0
        results["suite_s"] = round(timed(pytest_cmd(NOTEBOOKS)), 1)
        said: list[str] = []
        results["quick_s"] = round(timed([PY, "-m", "pytest", "-n", "2", "-q", "-m", "not slow", "tests"], out=said), 1)
        results["quick_tests"] = int(re.search(r"(\d+) passed", said[-1]).group(1))
        results["floor_s"] = round(timed(pytest_cmd(floor_nbs)), 1)
        shutil.rmtree(tmp, ignore_errors=True)
    results["ratio"] = round(results["suite_s"] / results["floor_s"], 2)
    results["import_base_s"] = in_fresh_process(BASE_CODE)
    results["import_helpers_extra_s"] = in_fresh_process(IMPORT_CODE)
    results["load_validate_all_data_s"] = in_fresh_process(LOAD_CODE)

    lines = [
        f"Measured on {results['machine']} ({time.strftime('%Y-%m-%d')}).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| notebooks one after another, each in a fresh kernel | {results['serial_s']} s |",
        f"| floor: import-only copies, one after another | {results['serial_floor_s']} s |",
        f"| ratio serial notebooks / floor (target at most 1.5) | {results['serial_ratio']} |",
        f"| notebooks alone (strict nbval, `-n 2 --dist loadfile`, best of 3) | {results['notebooks_s']} s |",
        f"| floor: the same over import-only copies of the notebooks | {results['notebooks_floor_s']} s |",
        f"| ratio notebooks / floor (target at most 1.5) | {results['notebooks_ratio']} |",
        f"| test suite (`make test` minus set-up; target at most 60 s) | {results['suite_s']} s |",
        f"| floor (same command, import-only notebooks, same unit tests) | {results['floor_s']} s |",
        f"| ratio suite / floor | {results['ratio']} |",
        f"| quick loop (`pytest -n 2 -m 'not slow' tests`: {results['quick_tests']} tests, no site, no notebook) | {results['quick_s']} s |",
        *[
            f"| execute `{k}` (its import-only floor) | {v} s ({results['per_floor_s'][k]} s) |"
            for k, v in results["per_notebook_s"].items()
        ],
        f"| `import pandas, matplotlib.pyplot, networkx` | {results['import_base_s']} s |",
        f"| importing every helpers module on top (target at most 0.2 s) | {results['import_helpers_extra_s']} s |",
        f"| load and validate all of data/ (target at most 0.5 s) | {results['load_validate_all_data_s']} s |",
    ]
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (ROOT / "benchmarks" / "RESULTS.md").write_text("\n".join(lines) + "\n")
    sync_readme("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
