"""`kith suggest [SLUG] [--json] [--apply SLUG]`: adapt cadence, channel or status to how it goes."""

from __future__ import annotations

import argparse

from kithbook.cli.common import CommandError, add_json, add_root, add_today, print_json, today_from
from kithbook.cli.writing import add_write_options, find_contact, load_network, run_edit

HELP = "suggest a cadence, channel or status from the log: kith suggest [SLUG] [--apply SLUG]"
EXAMPLES = """\
examples:
  kith suggest                              what would fit better, for everyone, with reasons
  kith suggest ada --json
  kith suggest --apply ada                  set Ada's suggested key (as kith set does) and commit
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "slug", nargs="?", metavar="SLUG", help="only this contact (default: everyone)"
    )
    parser.add_argument(
        "--apply",
        metavar="SLUG",
        help="write the contact's first suggested key (as kith set does) and commit it",
    )
    add_json(parser)
    add_root(parser)
    add_today(parser)
    add_write_options(parser)


def run(args: argparse.Namespace) -> int:
    from kithbook.rules.suggestions import suggest_for, suggestions

    today = today_from(args)
    network = load_network(args.root)
    if args.apply:
        return _apply(args, network, today)
    if args.slug:
        contact = find_contact(network, args.slug)
        found = suggest_for(contact, today, network.config)
    else:
        found = suggestions(network, today)
    if args.json:
        print_json([suggestion.to_json() for suggestion in found])
        return 0
    if not found:
        print("No suggestions: nothing in the logs is clear enough yet.")
        return 0
    for suggestion in found:
        apply = f"  (kith suggest --apply {suggestion.slug})" if suggestion.key else ""
        print(f"{suggestion.slug}: {suggestion.text}{apply}")
    return 0


def _apply(args: argparse.Namespace, network, today) -> int:
    """Set the first suggested key with the same edit and commit as `kith set`."""
    from kithbook.cli.set import typed_value
    from kithbook.rules.suggestions import suggest_for
    from kithbook.write.edit import set_key

    contact = find_contact(network, args.apply)
    keyed = [found for found in suggest_for(contact, today, network.config) if found.key]
    if not keyed:
        raise CommandError(f"no suggestion with a key to set for {contact.slug}")
    chosen = keyed[0]
    assert chosen.key is not None and chosen.value is not None
    key, value = chosen.key, typed_value(chosen.key, chosen.value)
    print(f"{contact.slug}: {chosen.text}")

    def change(text: str) -> str:
        return set_key(text, key, value)  # the result is checked with the network by run_edit

    message = f"suggest: {contact.slug} {key} = {chosen.value} ({chosen.reason})"
    return run_edit(args, network, contact, change, message, today, contact.line_of(key))
