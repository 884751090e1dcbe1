"""What the writing commands share: find the contact, hand the change to the write service
(`kithbook.write.service`: lock, edit, check once, atomic write, commit of exactly those bytes),
and report its outcome with one exit-code convention.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kithbook.cli.common import CommandError, print_problems
from kithbook.model import Contact, Network

if TYPE_CHECKING:
    from kithbook.config import Config
    from kithbook.write.service import Change, Outcome

_ARROW_OR_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$|^->$")


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


def contact_for(root: Path, query: str) -> tuple[Contact, Config, Network | None]:
    """The contact `query` names, the network's settings, and the whole network when it had to be
    loaded: a query that is a contact's exact slug reads that one file only (one log line on a
    network of 20,000 contacts must not load them all); a name, alias or prefix loads all."""
    from kithbook.cli.common import check_root
    from kithbook.config import load_config
    from kithbook.parse.fields import SLUG
    from kithbook.parse.load import load, load_files, read_at_most

    check_root(root)
    config, _ = load_config(root)
    slug = query.strip().lower()
    path = root / config.contacts_dir / f"{slug}.md"
    if SLUG.fullmatch(slug) and path.is_file():
        try:
            data = read_at_most(str(path), config.max_file_bytes + 1)
        except OSError as error:
            raise CommandError(f"{path}: cannot read the file: {error.strerror}") from None
        files = [(f"{Path(config.contacts_dir).as_posix()}/{slug}.md", data)]
        alone = load_files(root, config, files)
        found = alone.get(slug)
        if found is not None:
            return found, config, None
        if alone.errors:  # the file is there, but cannot be read: say why, not "no contact"
            first = alone.errors[0]
            raise CommandError(f"{first.path}:{first.line}: {first.message}")
    network = load(root)
    return find_contact(network, query), config, network


def run_edit(
    args: argparse.Namespace,
    network: Network | None,
    contact: Contact,
    change: Callable[[str], str],
    message: str,
    today: dt.date,
    line: int = 1,
    config: Config | None = None,
) -> int:
    """One contact's file changed by `change(text) -> text`, through the write service; the exit
    code. `network` may be None when only the contact was read (`contact_for`)."""
    from kithbook.write.service import Change

    settings = config or (network.config if network is not None else None)
    assert settings is not None, "run_edit needs the network or its config"
    return run_changes(
        args,
        Path(args.root),
        settings,
        today,
        [Change.edit(contact.path, change, line)],
        message,
        network=network,
    )


def run_changes(
    args: argparse.Namespace,
    root: Path,
    config: Config,
    today: dt.date,
    changes: list[Change],
    message: str,
    *,
    network: Network | None = None,
    new_file: bool = False,
    **options: Any,
) -> int:
    """Carry out `changes` with the write service (committing unless --no-commit) and report the
    outcome the one way every writing command does; the exit code. `options` go to
    `write.service.write` (check, policy, trailers)."""
    from kithbook.write.service import write

    outcome = write(
        root,
        config,
        today,
        changes,
        message,
        command=args.command,
        network=network,
        commit=not getattr(args, "no_commit", False),
        **options,
    )
    return report(args, outcome, new_file=new_file)


def report(
    args: argparse.Namespace, outcome: Outcome, *, new_file: bool = False, quiet: bool = False
) -> int:
    """Print what a write did (notes, problems, the commit) and give the exit code: 0 done or
    nothing to do, 1 refused (the file would have errors) or not committed, 2 when a new file
    is refused (`kith new`: its options are what is wrong, a bad argument)."""
    command = f"kith {args.command}"
    for note in outcome.notes:
        print(f"{command}: note: {note}", file=sys.stderr)
    if outcome.error:
        print(f"{command}: error: {outcome.error}", file=sys.stderr)
        return 1
    from kithbook.write.service import EDIT_CHECK

    if outcome.problems and all(p.check == EDIT_CHECK for p in outcome.problems):
        # the edit itself cannot be made (a key written twice, nothing to remove, ...): the
        # request is what is wrong, one line and exit 2, as for any bad argument
        for problem in outcome.problems:
            print(
                f"{command}: error: {problem.path}:{problem.line}: {problem.message}",
                file=sys.stderr,
            )
        return 2
    if new_file:
        for problem in outcome.problems:
            print(f"{command}: error: {problem.message}", file=sys.stderr)
    else:
        print_problems(outcome.problems, sys.stderr)
    what = (
        "not created: fix the options above"
        if new_file
        else "not changed, nor any other: the result would have errors; fix them first"
        if outcome.held_back
        else "not changed: the result would have errors; fix them first"
    )
    for path in dict.fromkeys(outcome.refused):
        print(f"{path}: {what}", file=sys.stderr)
    commit = outcome.commit
    if outcome.refused and not outcome.written:
        if commit is not None and commit.status == "failed":
            print(f"{command}: error: {commit.message}", file=sys.stderr)
        return 2 if new_file else 1
    if not outcome.written:
        for path in outcome.unchanged if not quiet else ():
            print(f"{path}: already so, nothing changed")
        return 0
    if new_file:
        for path in outcome.written:
            print(f"created {path}")
    if commit is not None and commit.committed:
        print(commit.message)
    elif commit is not None:
        kind = "error" if commit.status == "failed" else "warning"
        print(f"{command}: {kind}: {commit.message}", file=sys.stderr)
    return outcome.exit_code
