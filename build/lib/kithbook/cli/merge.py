"""`kith merge KEEP OTHER`: two files that turn out to be the same person become one, in one
commit that `kith undo` takes back (both files return byte for byte).

OTHER is folded into KEEP (see kithbook.write.merge_contacts), OTHER's file is removed, and every
other contact's `knows` and `met.via` naming OTHER are changed to KEEP. Everything is checked
before anything is written: a result that would not validate leaves every file as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kithbook.cli.common import CommandError, add_root, add_today, print_problems, today_from
from kithbook.cli.writing import add_write_options, commit, find_contact, load_network
from kithbook.model import Contact, Network, Problem

if TYPE_CHECKING:
    from kithbook.write.merge_contacts import MergeReport
    from kithbook.write.safe_write import Snapshot

HELP = "fold contact OTHER into KEEP (the same person twice): one file, one commit, undoable"
EXAMPLES = """\
examples:
  kith merge ada-quillfeather ada-q       ada-q.md is folded into ada-quillfeather.md and removed
  kith undo                               both files back, byte for byte
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", metavar="KEEP", help="the contact to keep")
    parser.add_argument("other", metavar="OTHER", help="the contact folded into KEEP and removed")
    add_root(parser)
    add_today(parser)
    add_write_options(parser)


def run(args: argparse.Namespace) -> int:
    from kithbook.write.edit import EditError
    from kithbook.write.safe_write import WriteError

    today = today_from(args)
    network = load_network(args.root)
    keep, other = find_contact(network, args.slug), find_contact(network, args.other)
    if keep.slug == other.slug:
        raise CommandError(f"{args.slug!r} and {args.other!r} are the same contact, {keep.slug}")
    if not args.no_commit:
        _refuse_uncommitted(network, keep, other)
    try:
        texts, snapshots, report = planned_texts(network, keep, other)
    except (EditError, WriteError) as error:
        raise CommandError(f"cannot merge: {error}") from None
    errors = _errors(network, other, texts, today)
    if errors:
        print_problems(errors, sys.stderr)
        print("kith merge: nothing changed: the result would have errors", file=sys.stderr)
        return 1
    try:
        write_merge(network, texts, snapshots, other)
    except WriteError as error:
        raise CommandError(str(error)) from None
    updated = [path for path in texts if path != keep.path]
    also = f"; updated references in {', '.join(updated)}" if updated else ""
    print(f"merged {other.path} into {keep.path}: {report.summary()}; removed {other.path}{also}")
    paths = [network.root / path for path in [*texts, other.path]]
    return commit(args, network.root, paths, f"merge: {other.slug} into {keep.slug}")


def planned_texts(
    network: Network, keep: Contact, other: Contact
) -> tuple[dict[str, str], dict[str, Snapshot], MergeReport]:
    """(relative path -> new text, path -> snapshot, report): KEEP merged, references updated."""
    from kithbook.write.merge_contacts import merge_contact_texts, references_updated
    from kithbook.write.safe_write import read_snapshot

    snapshots = {
        contact.path: read_snapshot(network.root / contact.path)
        for contact in network.contacts
        if contact.path in (keep.path, other.path) or _refers_to(contact, other.slug)
    }
    merged, report = merge_contact_texts(
        snapshots[keep.path].text,
        snapshots[other.path].text,
        keep.slug,
        other.slug,
        network.config,
    )
    texts = {keep.path: merged}
    for path, snapshot in snapshots.items():
        if path not in (keep.path, other.path):
            texts[path] = references_updated(snapshot.text, other.slug, keep.slug, network.config)
    return texts, snapshots, report


def _refers_to(contact: Contact, slug: str) -> bool:
    return slug in contact.knows or bool(contact.met and contact.met.via == slug)


def _errors(
    network: Network, other: Contact, texts: dict[str, str], today: dt.date
) -> list[Problem]:
    """The errors the changed files would have in the network without OTHER."""
    from kithbook.write.checks import problems_if_written

    without = Network(
        network.root,
        network.config,
        [contact for contact in network.contacts if contact.path != other.path],
        [problem for problem in network.problems if problem.path != other.path],
    )
    found = problems_if_written(without, today, texts)
    return [p for problems in found.values() for p in problems if p.severity == "error"]


def write_merge(
    network: Network, texts: dict[str, str], snapshots: dict[str, Snapshot], other: Contact
) -> None:
    """Write every changed file (refusing any that changed on disk meanwhile), then remove OTHER."""
    from kithbook.write.safe_write import PlannedWrite, WriteError, write_batch

    writes = [
        PlannedWrite(network.root / path, text, snapshots[path]) for path, text in texts.items()
    ]
    failed = [error for error in write_batch(writes) if error is not None]
    if failed:
        raise failed[0]
    try:
        os.unlink(network.root / other.path)
    except OSError as error:
        raise WriteError(f"{other.path}: cannot remove it: {error.strerror}") from None


def _refuse_uncommitted(network: Network, keep: Contact, other: Contact) -> None:
    """`kith undo` restores what was committed: refuse when a file to change has edits not yet
    committed, so that undo gives back exactly what was there."""
    from kithbook.repo.commits import open_repo, repo_paths

    repo = open_repo(network.root)
    if repo is None:
        return
    paths = [network.root / contact.path for contact in network.contacts]
    wanted = {keep.path, other.path} | {
        c.path for c in network.contacts if _refers_to(c, other.slug)
    }
    relative = repo_paths(repo, [path for path in paths if _relative(network, path) in wanted])
    dirty = repo.git.status("--porcelain", "--", *relative).splitlines()
    if dirty:
        raise CommandError(
            f"{dirty[0][3:]} has changes not committed yet; commit them first, so that "
            "kith undo can give back exactly what was there"
        )


def _relative(network: Network, path: Path) -> str:
    return path.relative_to(network.root).as_posix()
