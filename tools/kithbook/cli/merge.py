"""`kith merge KEEP OTHER`: two files that turn out to be the same person become one, in one
commit that `kith undo` takes back (both files return byte for byte).

OTHER is folded into KEEP (see kithbook.write.merge_contacts), OTHER's file is removed, and every
other contact's `knows` and `met.via` naming OTHER are changed to KEEP. Everything is checked
before anything is written: a result that would not validate leaves every file as it was.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from kithbook.cli.common import CommandError, add_root, add_today, print_problems, today_from
from kithbook.cli.writing import add_write_options, find_contact, load_network
from kithbook.model import Contact, Network

if TYPE_CHECKING:
    from kithbook.write.merge_contacts import MergeReport
    from kithbook.write.safe_write import FileContent

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
    from kithbook.cli.writing import report
    from kithbook.write.edit import EditError
    from kithbook.write.safe_write import WriteError
    from kithbook.write.service import EDIT_CHECK, Change, write

    today = today_from(args)
    network = load_network(args.root)
    keep, other = find_contact(network, args.slug), find_contact(network, args.other)
    if keep.slug == other.slug:
        raise CommandError(f"{args.slug!r} and {args.other!r} are the same contact, {keep.slug}")
    if not args.no_commit:
        _refuse_uncommitted(network, keep, other)
    try:
        texts, snapshots, report_ = planned_texts(network, keep, other)
    except (EditError, WriteError) as error:
        raise CommandError(f"cannot merge: {error}") from None
    changes = [
        Change.restore(path, _unless_changed(snapshots[path], snapshots[path].encoded(text)))
        for path, text in texts.items()
    ]
    changes.append(Change.restore(other.path, _unless_changed(snapshots[other.path], None)))
    outcome = write(
        network.root,
        network.config,
        today,
        changes,
        f"merge: {other.slug} into {keep.slug}",
        command=args.command,
        network=network,
        commit=not args.no_commit,
        all_or_nothing=True,
    )
    if outcome.written:
        updated = [path for path in texts if path != keep.path]
        also = f"; updated references in {', '.join(updated)}" if updated else ""
        print(
            f"merged {other.path} into {keep.path}: {report_.summary()}; removed {other.path}{also}"
        )
    elif outcome.refused and any(p.check != EDIT_CHECK for p in outcome.problems):
        print_problems(outcome.problems, sys.stderr)
        print("kith merge: nothing changed: the result would have errors", file=sys.stderr)
        return 1
    return report(args, outcome)


def _unless_changed(
    snapshot: FileContent, new: bytes | None
) -> Callable[[bytes | None], bytes | None]:
    """The change to `new` bytes (None: remove), refused when the file no longer holds what was
    read when the merge was planned."""
    from kithbook.write.edit import EditError

    def restore(current: bytes | None) -> bytes | None:
        if current != snapshot.data:
            raise EditError("changed on disk since the merge was planned; run kith merge again")
        return new

    return restore


def planned_texts(
    network: Network, keep: Contact, other: Contact
) -> tuple[dict[str, str], dict[str, FileContent], MergeReport]:
    """(relative path -> new text, path -> content as read, report): KEEP merged, references
    updated."""
    from kithbook.write.merge_contacts import merge_contact_texts, references_updated
    from kithbook.write.safe_write import read_content

    snapshots = {
        contact.path: read_content(network.root / contact.path)
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


def _refuse_uncommitted(network: Network, keep: Contact, other: Contact) -> None:
    """`kith undo` restores what was committed: refuse when a file to change has edits not yet
    committed, so that undo gives back exactly what was there."""
    from kithbook.repo.plumbing import find_repository, git

    repo = find_repository(network.root)
    if repo is None:
        return
    wanted = {keep.path, other.path} | {
        c.path for c in network.contacts if _refers_to(c, other.slug)
    }
    relative = [repo.path_of(network.root / path) for path in sorted(wanted)]
    dirty = git(repo, "status", "--porcelain", "--", *relative).decode().splitlines()
    if dirty:
        raise CommandError(
            f"{dirty[0][3:]} has changes not committed yet; commit them first, so that "
            "kith undo can give back exactly what was there"
        )
