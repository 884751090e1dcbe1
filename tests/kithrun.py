"""Running `kith` in the test's own process, as the command-line tests do."""

from __future__ import annotations

from pathlib import Path

from kithbook.cli import main


def kith(root: Path, *args: str) -> int:
    """`kith ARGS --root ROOT --today 2026-12-01`; argparse's exits become the return value."""
    try:
        return main([*args, "--root", str(root), "--today", "2026-12-01"])
    except SystemExit as exit_:
        return int(exit_.code or 0)
