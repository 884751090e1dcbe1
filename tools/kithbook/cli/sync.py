"""`kith sync`: pull (rebase), validate, push, for a network kept on several machines."""

from __future__ import annotations

import argparse
import sys

from kithbook.cli.common import add_root, add_today, check_root, print_problems, today_from

HELP = "pull (rebase), validate, then push the network's Git repository"
EXAMPLES = """\
examples:
  kith sync                                 pull --rebase, validate, push
  kith sync --no-push
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    add_today(parser)
    parser.add_argument("--no-push", action="store_true", help="pull and validate only")


def run(args: argparse.Namespace) -> int:
    from kithbook.parse.load import load
    from kithbook.repo.sync import pull_rebase, push
    from kithbook.rules.validate import has_errors, validate

    root = check_root(args.root)
    today = today_from(args)
    pulled = pull_rebase(root)
    print(git_summary(pulled) or "pulled")
    problems = validate(load(root), today)
    if has_errors(problems):
        print_problems([problem for problem in problems if problem.severity == "error"], sys.stderr)
        print(
            "kith sync: not pushed: the network has errors; fix them, commit, and sync again",
            file=sys.stderr,
        )
        return 1
    if args.no_push:
        return 0
    pushed = push(root)
    print(git_summary(pushed) or "pushed")
    return 0


def git_summary(text: str) -> str:
    """Git's output in short: its first line (`Updating 1a2b..3c4d`, `Already up to date.`,
    `Successfully rebased ...`) and, when there are more, its last (`2 files changed, ...`)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return f"{lines[0]}\n{lines[-1]}"
