"""Safe output directories for the build: never delete what the build did not make.

``with building(out) as tmp:`` checks `out` first (not the repository, not an ancestor of it,
nothing inside data/ or .git, nothing holding a project, nothing non-empty without the build's
marker file), takes a lock so that two builds cannot write into one directory, lets the caller
write the whole site into a temporary sibling directory, and only when that finished moves it
into place. A failed build leaves `out` exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: Written into every directory the build creates; only such a directory is ever replaced. Below its first line it
#: lists the entries the build wrote there, so that anything put inside later (a file, another build's output) is seen.
MARKER = ".helpers-build"
MARKER_TEXT = "Written by python -m helpers.site.build. The build replaces this directory on the next run.\n"
#: Siblings a build leaves while it runs: the site being written and the previous site being swapped out.
LEFTOVER_KINDS = ("building", "old")
#: Entries that mark a directory as someone's project, never a build output, marker or not.
PROJECT_ENTRIES = (".git", "pyproject.toml", "setup.py", "src", ".venv")
#: Entries a project has and a site also has (its downloads): allowed only beside the marker.
DATA_ENTRIES = ("data", "notebooks")


class UnsafeOutput(ValueError):
    """The output directory is not one the build may replace."""


class BuildLocked(RuntimeError):
    """Another build is writing into the same output directory."""


def _is_within(path: Path, parent: Path) -> bool:
    return path == parent or parent in path.parents


def check_target(out: Path, root: Path) -> Path:
    """The resolved output directory, or UnsafeOutput saying why the build may not replace it."""
    out = Path(out).expanduser()
    resolved = out.resolve()
    root = root.resolve()
    if resolved == Path(resolved.anchor) or resolved == Path.home().resolve():
        raise UnsafeOutput(f"refusing to build into {out}: it is the file-system root or your home directory")
    if _is_within(root, resolved):
        raise UnsafeOutput(f"refusing to build into {out}: it is the repository or a directory containing it ({root})")
    for protected in (root / "data", root / ".git"):
        if _is_within(resolved, protected):
            raise UnsafeOutput(f"refusing to build into {out}: it is inside {protected.name}/ of the repository")
    if resolved.exists() or resolved.is_symlink():
        if not resolved.is_dir():
            raise UnsafeOutput(f"refusing to build into {out}: it exists and is not a directory")
        ours = (resolved / MARKER).is_file()
        held = [e for e in PROJECT_ENTRIES + (() if ours else DATA_ENTRIES) if (resolved / e).exists()]
        if held:
            raise UnsafeOutput(
                f"refusing to build into {out}: it holds {', '.join(held)}, so it is a project, not a build output"
            )
        if any(resolved.iterdir()) and not (resolved / MARKER).is_file():
            raise UnsafeOutput(
                f"refusing to build into {out}: it is not empty and was not created by the build "
                f"(no {MARKER} file); choose another --out or empty it yourself"
            )
        if ours:
            foreign = _foreign_entries(resolved)
            if foreign:
                raise UnsafeOutput(
                    f"refusing to build into {out}: it holds {', '.join(foreign)}, which the build did not "
                    "write there (another build's output or your own files); move it out first"
                )
    return resolved


def _manifest(folder: Path) -> set[str] | None:
    """The entries the build wrote into `folder`, from its marker (None for a marker without a list)."""
    lines = (folder / MARKER).read_text(encoding="utf-8", errors="replace").splitlines()
    return set(lines[2:]) if len(lines) > 1 and lines[1] == "entries:" else None


def _foreign_entries(folder: Path) -> list[str]:
    """Entries of an earlier build's folder that the build did not write: not in its list, or (for a marker without a
    list) a nested folder that is itself a build's output."""
    listed = _manifest(folder)
    names = sorted(e.name for e in folder.iterdir() if e.name != MARKER)
    if listed is not None:
        return [n for n in names if n not in listed]
    return [n for n in names if (folder / n / MARKER).is_file()]


def _sweep_leftovers(target: Path) -> list[str]:
    """Remove what a build into `target` killed mid-way left beside it (the half-written site, the swapped-out old one),
    only where the marker shows the build made it. Called under the lock: no other build into `target` is running."""
    removed = []
    for kind in LEFTOVER_KINDS:
        for path in sorted(target.parent.glob(f".{target.name}.{kind}-*")):
            if path.is_symlink() or not path.is_dir():
                continue
            inner = path / target.name if kind == "old" else path
            ours = (inner / MARKER).is_file() or (kind == "old" and not inner.exists() and not any(path.iterdir()))
            if ours:
                shutil.rmtree(path)
                removed.append(path.name)
    return removed


@contextlib.contextmanager
def lock(out: Path) -> Iterator[None]:
    """An exclusive lock on `out` (a lock file beside it), refused at once when another build holds it."""
    import fcntl

    path = out.parent / f".{out.name}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            raise BuildLocked(
                f"another build into {out} is running (process {holder}); wait for it to finish or build into another --out"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def _created_dirs(folder: Path) -> list[Path]:
    """The folders `mkdir(parents=True)` would create for `folder`, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    return missing[::-1]


def _cannot(out: Path, exc: OSError) -> UnsafeOutput:
    where = f" ({exc.filename})" if exc.filename else ""
    return UnsafeOutput(f"cannot build into {out}: {exc.strerror or exc}{where}; choose another --out or fix its permissions")


@contextlib.contextmanager
def building(out: Path, root: Path) -> Iterator[Path]:
    """Yield a fresh temporary directory to build into; on success it replaces `out`. A folder the build cannot create
    or write is one clear error, and the folders it created on the way are removed again."""
    target = check_target(out, root)
    made = _created_dirs(target.parent)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with lock(target):
            target = check_target(out, root)  # again, now that no other build can change it
            _sweep_leftovers(target)
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
            yield from _fill_and_swap(tmp, target)
    except PermissionError as exc:
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise _cannot(out, exc) from None


def _fill_and_swap(tmp: Path, target: Path) -> Iterator[Path]:
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; a site is read by others
    try:
        (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        yield tmp
        entries = sorted(e.name for e in tmp.iterdir() if e.name != MARKER)
        (tmp / MARKER).write_text(MARKER_TEXT + "entries:\n" + "".join(f"{e}\n" for e in entries), encoding="utf-8")
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            os.rename(target, old / target.name)
        try:
            os.rename(tmp, target)
        except OSError:
            if old is not None:  # put the previous site back
                os.rename(old / target.name, target)
                old.rmdir()
            raise
        if old is not None:
            previous = old / target.name
            if (previous / MARKER).is_file() or not any(previous.iterdir()):
                shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
