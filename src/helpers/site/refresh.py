"""Execute notebooks reproducibly: in place (maintainers refreshing stored outputs) or into
another directory (the build). ``python -m helpers.site.refresh notebooks/*.ipynb [--as-of DATE]``.

Determinism: no per-cell timing metadata, stable cell ids, no interpreter patch version in
the notebook metadata, the kernel started in the notebooks' own directory.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbformat

PARAMETERS_TAG = "parameters"


def set_as_of(nb: nbformat.NotebookNode, as_of: str | None) -> None:
    """Rewrite the cell tagged 'parameters' so the notebook runs as of `as_of` (None: latest)."""
    for cell in nb.cells:
        if PARAMETERS_TAG in cell.get("metadata", {}).get("tags", []):
            value = "None" if as_of is None else repr(str(as_of))
            cell.source = f'# Parameters: run the analysis as of another date, e.g. "2024-12-31"; None means the latest data.\nAS_OF = {value}'
            return
    raise ValueError("the notebook has no cell tagged 'parameters'")


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run or machine to machine and is not content."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
    info = nb.metadata.get("language_info")
    if info:
        info.pop("version", None)
    nb.metadata.pop("widgets", None)
    return nb


def execute(
    path: Path, out: Path | None = None, as_of: str | None = None, env: dict[str, str] | None = None, timeout: int = 600
) -> nbformat.NotebookNode:
    """Run every cell of `path` in a fresh python3 kernel and write the result to `out` (default: in place)."""
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    if as_of is not None:
        set_as_of(nb, as_of)
    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        # The kernel talks over Unix sockets in a private folder: no TCP port is opened (so no "without encryption"
        # warning on every run) and concurrent builds never share a socket name.
        with tempfile.TemporaryDirectory(prefix="helpers-kernel-") as sockets:
            km = KernelManager(kernel_name="python3", transport="ipc", connection_file=os.path.join(sockets, "kernel.json"))
            try:
                NotebookClient(
                    nb,
                    km=km,
                    timeout=timeout,
                    kernel_name="python3",
                    record_timing=False,
                    resources={"metadata": {"path": str(path.parent.resolve())}},
                ).execute()
            finally:
                if km.has_kernel:  # a manager passed in is not shut down by the client: its kernel would outlive the run
                    km.shutdown_kernel(now=True)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    normalise(nb)
    nbformat.write(nb, out or path)
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.site.refresh", description=__doc__)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--as-of", default=None, help="run as of this date (YYYY-MM-DD) instead of the latest data")
    parser.add_argument("--normalise-only", action="store_true", help="only strip run-specific metadata (pre-commit hook)")
    args = parser.parse_args(argv)
    if args.normalise_only:
        for path in args.notebooks:
            before = path.read_bytes()
            nbformat.write(normalise(nbformat.read(path, as_version=4)), path)
            if path.read_bytes() != before:
                print(f"normalised {path}")
        return 0
    for path in args.notebooks:
        print(f"executing {path}", flush=True)
        execute(path, as_of=args.as_of)
    return 0


if __name__ == "__main__":
    sys.exit(main())
