"""What the writing commands share: find the contact, edit its file safely, validate, then commit.

An edit is applied under a lock to the text as read, the result is validated with the rest of the
network, and only a file without errors is written; the command then commits that one file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

from kithbook.cli.common import CommandError, print_problems
from kithbook.errors import KithbookError
from kithbook.model import Contact, Network, Problem

_ARROW_OR_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$|^->$")


class NotValid(KithbookError):
    """The edited file would have errors; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("the file would not validate")
        self.problems = problems


def add_write_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-commit", action="store_true", help="write the file but do not commit it to Git"
    )


def add_slug(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "slug", metavar="SLUG", help="the contact: a slug, a unique prefix, a name or an alias"
    )


def accept_arrow_arguments(parser: argparse.ArgumentParser) -> None:
    """Let `->` be a positional argument (argparse would take it for an option otherwise)."""
    parser._negative_number_matcher = _ARROW_OR_NUMBER  # noqa: SLF001 - the one documented hook


def load_network(root: Path) -> Network:
    from kithbook.cli.common import check_root
    from kithbook.parse.load import load

    return load(check_root(root), cache=True)


def find_contact(network: Network, query: str) -> Contact:
    """The one contact `query` names; CommandError (exit 2) listing candidates otherwise."""
    from kithbook.cli.lookup import find_contacts

    found = find_contacts(network, query)
    if len(found.contacts) == 1:
        return found.contacts[0]
    if found.contacts:
        shown = ", ".join(f"{c.slug} ({c.name})" for c in found.contacts[:8])
        more = f" and {len(found.contacts) - 8} more" if len(found.contacts) > 8 else ""
        raise CommandError(
            f"{query!r} matches {len(found.contacts)} contacts by {found.rule}: "
            f"{shown}{more}; give more of the slug"
        )
    from kithbook.hints import did_you_mean

    hint = did_you_mean(query.lower(), network.by_slug, n=3)
    raise CommandError(f"no contact {query!r} in {network.config.contacts_dir}/{hint}")


def file_errors(
    network: Network, relative: str, text: str | bytes, today: dt.date
) -> list[Problem]:
    """The errors `relative` would have with `text` (or these exact bytes) as its content, checked
    with the network (every check)."""
    from kithbook.write.checks import problems_if_written

    problems = problems_if_written(network, today, {relative: text}).get(relative, [])
    return [problem for problem in problems if problem.severity == "error"]


def edit_contact(
    network: Network, contact: Contact, change: Callable[[str], str], today: dt.date
) -> tuple[str, str]:
    """Apply `change` to the contact's file safely; NotValid or EditError leave it untouched."""
    from kithbook.write.safe_write import update_file

    def checked(text: str) -> str:
        new_text = change(text)
        errors = file_errors(network, contact.path, new_text, today)
        if errors:
            raise NotValid(errors)
        return new_text

    return update_file(network.root / contact.path, checked)


def run_edit(
    args: argparse.Namespace,
    network: Network,
    contact: Contact,
    change: Callable[[str], str],
    message: str,
    today: dt.date,
    line: int = 1,
) -> int:
    """Edit, report, commit: the whole life of a one-file change; returns the exit code."""
    from kithbook.write.edit import EditError
    from kithbook.write.safe_write import WriteError

    try:
        old, new = edit_contact(network, contact, change, today)
    except NotValid as invalid:
        print_problems(invalid.problems, sys.stderr)
        print(
            f"{contact.path}: not changed: the result would have errors; fix them first",
            file=sys.stderr,
        )
        return 1
    except EditError as error:
        raise CommandError(f"{contact.path}:{line}: {error}") from None
    except WriteError as error:
        raise CommandError(str(error)) from None
    if old == new:
        print(f"{contact.path}: already so, nothing changed")
        return 0
    return commit(args, network.root, [network.root / contact.path], message)


def commit(args: argparse.Namespace, root: Path, paths: list[Path], message: str) -> int:
    """Commit the written files (unless --no-commit) and say what happened."""
    from kithbook.repo.commits import commit_files

    outcome = commit_files(root, paths, message, no_commit=args.no_commit, command=args.command)
    if outcome.committed:
        print(outcome.message)
        return 0
    print(
        f"kith {args.command}: {'warning' if outcome.status != 'failed' else 'error'}: "
        f"{outcome.message}",
        file=sys.stderr,
    )
    return 1 if outcome.status == "failed" else 0
