"""Command line: ``python -m helpers validate [DATA_DIR]`` checks data/ before a commit;
``python -m helpers audit`` lists claims whose coding their own quote calls into question;
``python -m helpers release`` stores the manifest of the release named in CITATION.cff (data/releases/)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check every table in data/ against data/datapackage.json")
    v.add_argument("data_dir", nargs="?", type=Path, default=None, help="default: the repository's data/")
    a = sub.add_parser("audit", help="list claims to re-read (exit 1 while any flag is open)")
    a.add_argument("--all", action="store_true", help="also list flags a reviewer has marked [reviewed: flag]")
    sub.add_parser("release", help="store data/releases/<version>.json for the version in CITATION.cff (once per version)")
    args = parser.parse_args(argv)
    if args.command == "release":
        from helpers.data.releases import write_manifest
        from helpers.presentation.changes import current_manifest

        try:
            print(f"release manifest: {write_manifest(current_manifest())}")
        except FileExistsError as exc:
            print(exc, file=sys.stderr)
            return 2
        return 0
    if args.command == "audit":
        from helpers.data.audit import run
        from helpers.data.validation import DataValidationError

        try:
            return run(show_reviewed=args.all)
        except DataValidationError as exc:
            print(f"the data do not validate; fix these first:\n{exc}", file=sys.stderr)
            return 2

    from helpers.data.schema import DATA_DIR, load_package
    from helpers.data.validation import DataValidationError, validate_package

    data_dir = args.data_dir or DATA_DIR
    try:
        package = load_package(data_dir)
        tables = validate_package(package, Path(data_dir), shown_dir=str(data_dir))
    except DataValidationError as exc:
        print(exc, file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError) as exc:
        from helpers.data.schema import terminal_safe

        print(terminal_safe(f"cannot read the data package in {data_dir}: {exc}"), file=sys.stderr)
        return 2
    counts = ", ".join(f"{name} {len(t.rows)}" for name, t in tables.items())
    print(f"data OK ({data_dir}): {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
