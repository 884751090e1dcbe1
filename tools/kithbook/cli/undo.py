"""`kith undo`: revert the last commit kith made, with a new commit (history is never rewritten)."""

from __future__ import annotations

import argparse
import sys

from kithbook.cli.common import add_root, check_root

HELP = "revert the last commit made by kith (with a new revert commit)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)


def run(args: argparse.Namespace) -> int:
    from kithbook.git import GitError, undo_last

    root = check_root(args.root)
    try:
        outcome = undo_last(root)
    except GitError as error:
        print(f"kith undo: error: {error}", file=sys.stderr)
        return 1
    print(f"undone: {outcome.reverted_summary} ({outcome.reverted_sha[:7]}), "
          f"reverted by {outcome.sha[:7]}; changed {', '.join(outcome.paths)}")
    return 0
