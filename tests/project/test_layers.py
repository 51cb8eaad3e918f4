"""The package's layers: imports point down only (data <- analysis <- presentation <- site), checked by walking every
module's syntax tree, including imports inside functions."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "helpers"
LAYERS = ["data", "analysis", "presentation", "site"]


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[0] == "helpers" and parts[1] in LAYERS else None


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, imported module) for every absolute or relative import in `path`, relative ones resolved."""
    package = ["helpers", *path.relative_to(SRC).parent.parts]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found += [
                (node.lineno, f"{module}.{a.name}" if not node.module or module == "helpers" else module) for a in node.names
            ]
    return found


def violations() -> list[str]:
    bad = []
    for path in sorted(SRC.rglob("*.py")):
        own = _layer("helpers." + ".".join(path.relative_to(SRC).with_suffix("").parts))
        if own is None:
            continue  # helpers/__init__ and the command line (__main__) sit above the layers
        for line, module in imports_of(path):
            target = _layer(module)
            if target is not None and target > own:
                bad.append(f"{path.relative_to(SRC)}:{line} ({LAYERS[own]}) imports {module} ({LAYERS[target]})")
    return bad


def test_every_module_lives_in_a_layer():
    loose = sorted(p.name for p in SRC.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert loose == [], f"modules outside the layers: {loose}"


def test_imports_point_down_only():
    assert violations() == []


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The walk itself: a planted data-layer module importing the site layer is reported (relative import too)."""
    fake = tmp_path / "helpers"
    (fake / "data").mkdir(parents=True)
    (fake / "data" / "bad.py").write_text("def f():\n    from ..site import build\n    from helpers.presentation import report\n")
    monkeypatch.setattr(sys.modules[__name__], "SRC", fake)
    got = violations()
    assert len(got) == 2 and "imports helpers.site (site)" in got[0] and "helpers.presentation (presentation)" in got[1]


def test_the_tests_mirror_the_package():
    """A layer's code tests live in the folder of the same name (tests/data, tests/analysis, ...); assertions about the
    real record in tests/real_data; the project's own checks in tests/project; no test module at the top."""
    tests = SRC.parents[1] / "tests"
    layers = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    folders = {p.name for p in tests.iterdir() if p.is_dir() and any(p.glob("test_*.py"))}
    assert layers and layers <= folders and folders - layers == {"real_data", "project"}
    assert not list(tests.glob("test_*.py"))
