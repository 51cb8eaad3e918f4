"""environment.yml (conda) and requirements.lock (pip) must describe the same environment."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[norm(name)] = version.strip()
    return pins


def env_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        items = dep["pip"] if isinstance(dep, dict) else [dep]
        for item in items:
            m = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*=?=\s*([^=\s]+)", item)
            if m and norm(m.group(1)) != "python":
                pins[norm(m.group(1))] = m.group(2)
    return pins


def direct_requirements() -> set[str]:
    lines = (ROOT / "requirements.in").read_text().splitlines()
    return {norm(re.split(r"[<>=!~;\s]", line.strip())[0]) for line in lines if line.strip() and not line.startswith("#")}


def test_every_direct_requirement_is_pinned_in_both():
    lock, env = lock_pins(), env_pins()
    assert direct_requirements() - set(lock) == set(), "requirements.in names a package missing from requirements.lock"
    assert direct_requirements() - set(env) == set(), "requirements.in names a package missing from environment.yml"


def test_environment_versions_match_the_lock():
    lock = lock_pins()
    drift = {name: (version, lock.get(name)) for name, version in env_pins().items() if lock.get(name) != version}
    assert drift == {}, f"environment.yml vs requirements.lock: {drift}"


def test_lock_pins_exact_versions():
    lines = [ln for ln in (ROOT / "requirements.lock").read_text().splitlines() if ln and not ln.startswith("#")]
    assert lines and all("==" in ln for ln in lines)
