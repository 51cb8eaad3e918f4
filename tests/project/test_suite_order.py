"""The test command's schedule: the files named dearest first exist (a renamed file would silently fall back to
collection order and leave one worker finishing a long file alone)."""

from __future__ import annotations

from conftest import DEAREST_FIRST, ROOT


def test_every_file_named_dearest_first_exists():
    assert DEAREST_FIRST and all((ROOT / name).is_file() for name in DEAREST_FIRST)
