"""`kith undo`: revert the last commit kith made, with a new commit (history is never rewritten)."""

from __future__ import annotations

import argparse

from kithbook.cli.common import add_root, check_root

HELP = "revert the last commit made by kith (with a new revert commit)"
EXAMPLES = """\
examples:
  kith undo                                 revert kith's last commit (run again for the one before)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)


def run(args: argparse.Namespace) -> int:
    from kithbook.repo.commits import undo_last

    root = check_root(args.root)
    outcome = undo_last(root)
    print(
        f"undone: {outcome.reverted_summary} ({outcome.reverted_sha[:7]}), "
        f"reverted by {outcome.sha[:7]}; changed {files_changed(outcome.paths)}"
    )
    return 0


def files_changed(paths: tuple[str, ...] | list[str], shown: int = 3) -> str:
    """The files an undo changed, in one short line: all of a few, the first `shown` of many
    (undoing an import of 10,000 files prints one line, not 10,000 paths)."""
    if len(paths) <= shown + 1:
        return ", ".join(paths)
    return f"{len(paths)} files: {', '.join(paths[:shown])} and {len(paths) - shown} more"
