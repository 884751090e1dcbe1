"""The pre-commit hook's check (`python -m kithbook.cli.precommit`): the network as staged, quietly.

It prints only the problems of what the commit will hold and one line of verdict, ending in
"commit refused" when there are errors (exit 1, so Git refuses the commit) or "commit allowed".
The due list is for the morning, not for every commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kithbook.cli.common import print_problems


def verdict(files: int, errors: int, warnings: int) -> str:
    """`kith pre-commit: 3 contact files checked: 1 error, 0 warnings: commit refused`."""

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}{'' if number == 1 else 's'}"

    outcome = "commit refused (fix the errors, then commit again)" if errors else "commit allowed"
    return (
        f"kith pre-commit: {count(files, 'contact file')} checked: {count(errors, 'error')}, "
        f"{count(warnings, 'warning')}: {outcome}"
    )


def check_staged(root: Path) -> int:
    """Print the staged network's problems and the verdict; 1 when the commit must be refused."""
    from kithbook.clock import today as clock_today
    from kithbook.errors import KithbookError
    from kithbook.repo.revision import load_staged
    from kithbook.rules.validate import validate

    try:
        network = load_staged(root)
        today = clock_today()
    except KithbookError as error:  # not a repository, or a bad $KITHBOOK_TODAY
        print(f"kith pre-commit: error: {error}: commit refused", file=sys.stderr)
        return 1
    problems = validate(network, today)
    errors = sum(problem.severity == "error" for problem in problems)
    files = {contact.path for contact in network.contacts} | {
        problem.path for problem in network.problems if problem.path != "mkdocs.yml"
    }
    print_problems(problems, sys.stderr)
    print(verdict(len(files), errors, len(problems) - errors), file=sys.stderr)
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    return check_staged(Path(args[0]) if args else Path("."))


if __name__ == "__main__":
    sys.exit(main())
