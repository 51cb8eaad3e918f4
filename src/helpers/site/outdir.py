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

#: Written into every directory the build creates; only such a directory is ever replaced.
MARKER = ".helpers-build"
MARKER_TEXT = "Written by python -m helpers.site.build. The build replaces this directory on the next run.\n"
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
            raise UnsafeOutput(f"refusing to build into {out}: it holds {', '.join(held)}, so it is a project, not a build output")
        if any(resolved.iterdir()) and not (resolved / MARKER).is_file():
            raise UnsafeOutput(f"refusing to build into {out}: it is not empty and was not created by the build "
                               f"(no {MARKER} file); choose another --out or empty it yourself")
    return resolved


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
            raise BuildLocked(f"another build into {out} is running (process {holder}); wait for it to finish "
                              "or build into another --out") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def building(out: Path, root: Path) -> Iterator[Path]:
    """Yield a fresh temporary directory to build into; on success it replaces `out`."""
    target = check_target(out, root)
    target.parent.mkdir(parents=True, exist_ok=True)
    with lock(target):
        target = check_target(out, root)  # again, now that no other build can change it
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; a site is read by others
        try:
            (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            yield tmp
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
