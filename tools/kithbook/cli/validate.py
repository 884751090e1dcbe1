"""`kith validate`: check every contact file of the network and report problems as file:line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kithbook.cli.common import (
    CommandError,
    add_json,
    add_root,
    add_today,
    check_root,
    print_json,
    print_problems,
    today_from,
)

HELP = "check every contact file; exit 1 if any has an error"
EXAMPLES = """\
examples:
  kith validate                             every contact file
  kith validate contacts/ada.md             report on one file
  kith validate --check email --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    add_today(parser)
    add_json(parser)
    parser.add_argument(
        "--check",
        action="append",
        metavar="NAME",
        help="show only problems of this check (repeatable), such as email or log",
    )
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        help="report only on these files (the whole network is still read)",
    )


def run(args: argparse.Namespace) -> int:
    from kithbook.cli.exiting import keep_until_exit
    from kithbook.parse.load import load
    from kithbook.rules.validate import CHECK_NAMES, has_errors, validate

    unknown = sorted(set(args.check or ()) - set(CHECK_NAMES))
    if unknown:
        names = ", ".join(CHECK_NAMES)
        raise CommandError(f"--check {unknown[0]}: no such check; checks are: {names}")
    root = check_root(args.root)
    wanted = [_relative(root, path) for path in args.files]
    network = load(root, cache=True)
    keep_until_exit(network)  # freed by the process's end (kithbook.cli.exiting)
    problems = validate(network, today_from(args))
    if wanted:
        problems = [
            problem
            for problem in problems
            if problem.path == "mkdocs.yml" or _named(problem.path, wanted)
        ]
    if args.check:
        problems = [problem for problem in problems if problem.check in set(args.check)]
    errors = sum(problem.severity == "error" for problem in problems)
    files = {contact.path for contact in network.contacts} | {
        problem.path for problem in network.problems if problem.path != "mkdocs.yml"
    }
    if args.json:
        print_json(
            {
                "contacts": len(network.contacts),
                "files": len(files),
                "errors": errors,
                "warnings": len(problems) - errors,
                "problems": [problem.to_json() for problem in problems],
            }
        )
    else:
        print_problems(problems)
        counts = (
            _count(len(files), "contact file"),
            _count(errors, "error"),
            _count(len(problems) - errors, "warning"),
        )
        summary = "{} checked: {}, {}".format(*counts)
        print(summary, file=sys.stderr if problems else sys.stdout)
    return 1 if has_errors(problems) else 0


def _relative(root: Path, path: Path) -> str:
    """A file argument as the network-relative path problems use (pre-commit passes repo paths)."""
    candidates = [path] if path.is_absolute() else [Path.cwd() / path, root / path]
    existing = [candidate for candidate in candidates if candidate.exists()]
    if not existing:
        raise CommandError(f"{path}: no such file")
    for candidate in existing:
        try:
            return candidate.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
    raise CommandError(f"{path} is not inside the network folder {root}")


def _named(path: str, wanted: list[str]) -> bool:
    """Whether a problem's path is one of the arguments, or inside a folder given as one."""
    return any(path == name or name == "." or path.startswith(f"{name}/") for name in wanted)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
