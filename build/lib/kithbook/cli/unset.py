"""`kith unset SLUG KEY [VALUE]`: remove one item from a list, or a whole key, then commit."""

from __future__ import annotations

import argparse

from kithbook.cli.common import CommandError, add_root, add_today, today_from
from kithbook.cli.writing import add_slug, add_write_options, find_contact, load_network, run_edit

HELP = (
    "remove one item from a list (kith unset SLUG KEY VALUE) or a whole key (kith unset SLUG KEY)"
)
EXAMPLES = """\
examples:
  kith unset ada tags climbing        take one tag away (as kith set ada tags climbing --remove)
  kith unset ada emails old@example.org
  kith unset ada snooze               remove the key and its value
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kithbook.cli.set import accept_option_like_values

    add_slug(parser)
    parser.add_argument("key", metavar="KEY", help="such as tags, emails, company, snooze")
    parser.add_argument(
        "value", nargs="?", metavar="VALUE", help="the list item to remove (omit: the whole key)"
    )
    add_root(parser)
    add_today(parser)
    add_write_options(parser)
    accept_option_like_values(parser, any_value=True)


def run(args: argparse.Namespace) -> int:
    return remove(args, args.key, args.value)


def remove(args: argparse.Namespace, key: str, value: str | None) -> int:
    """Remove `value` from the list `key` (or the key itself when `value` is None) and commit."""
    from kithbook.parse.keys import KEY_KINDS
    from kithbook.write.edit import remove_key, remove_list_item

    if "." in key:
        raise CommandError(f"{key}: kith unset takes a top-level key; edit mappings with kith edit")
    if key == "name":
        raise CommandError("name: every contact needs a name; change it with kith set")
    if value is not None and KEY_KINDS.get(key) != "list":
        raise CommandError(f"{key}: is not a list; kith unset SLUG {key} removes the whole key")
    today = today_from(args)
    network = load_network(args.root)
    contact = find_contact(network, args.slug)
    config = network.config

    if value is None:

        def change(text: str) -> str:
            return remove_key(text, key, config=config)

        message = f"unset: {contact.slug} {key}"
    else:

        def change(text: str) -> str:
            return remove_list_item(text, key, value, config=config)

        message = f"unset: {contact.slug} {key} - {value}"
    return run_edit(args, network, contact, change, message, today, contact.line_of(key))
