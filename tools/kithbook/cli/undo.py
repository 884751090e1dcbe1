"""`kith undo`: revert the last commit kith made, with a new commit (history is never rewritten)."""

from __future__ import annotations

import argparse
import sys

from kithbook.cli.common import add_root, check_root, today_from
from kithbook.cli.writing import report

HELP = "revert the last commit made by kith (with a new revert commit)"
EXAMPLES = """\
examples:
  kith undo                                 revert kith's last commit (run again for the one before)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)


def run(args: argparse.Namespace) -> int:
    from kithbook.write.undo import undo_last

    root = check_root(args.root)
    undone = undo_last(root, today_from(args))
    outcome = undone.outcome
    if not outcome.committed:
        return report(args, outcome) or 1
    print(
        f"undone: {undone.reverted_summary} ({undone.reverted_sha[:7]}), "
        f"reverted by {undone.sha[:7]}; changed {files_changed(undone.paths)}"
    )
    for note in outcome.notes:
        print(f"kith undo: note: {note}", file=sys.stderr)
    return 0


def files_changed(paths: tuple[str, ...] | list[str], shown: int = 3) -> str:
    """The files an undo changed, in one short line: all of a few, the first `shown` of many
    (undoing an import of 10,000 files prints one line, not 10,000 paths)."""
    if len(paths) <= shown + 1:
        return ", ".join(paths)
    return f"{len(paths)} files: {', '.join(paths[:shown])} and {len(paths) - shown} more"
