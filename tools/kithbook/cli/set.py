"""`kith set SLUG KEY VALUE`: set one front-matter key, or add to a list, or set `links.github`."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from kithbook.cli.common import CommandError, add_root, add_today, today_from
from kithbook.cli.writing import add_slug, add_write_options, find_contact, load_network, run_edit

HELP = "set one front-matter key: kith set SLUG KEY VALUE (lists get VALUE added; KEY.SUB for maps)"

LIST_KEYS = ("aka", "emails", "phones", "tags", "memories", "goals", "knows")
DATE_KEYS = ("snooze",)
BOOLEAN_KEYS = ("private",)
UNSETTABLE = {"dates": "dates holds entries; edit it with kith edit"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_slug(parser)
    parser.add_argument("key", metavar="KEY",
                        help="such as company, circle, cadence, links.github, met.date")
    parser.add_argument("value", metavar="VALUE", help="the new value; '' empties it")
    add_root(parser)
    add_today(parser)
    add_write_options(parser)


def typed_value(key: str, text: str) -> Any:
    """The command-line text as the value the key holds: a date for snooze, a bool for private."""
    if text == "":
        return None
    if key in DATE_KEYS:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise CommandError(f"{key}: {text!r} is not a date YYYY-MM-DD") from None
    if key in BOOLEAN_KEYS:
        if text.lower() not in ("true", "false", "yes", "no"):
            raise CommandError(f"{key}: expected true or false, found {text!r}")
        return text.lower() in ("true", "yes")
    return text


def run(args: argparse.Namespace) -> int:
    from kithbook.edit import add_list_item, set_key, set_mapping_entry

    today = today_from(args)
    key, _, subkey = args.key.partition(".")
    if key in UNSETTABLE or not key or (args.key.count(".") > 1):
        usage = f"{args.key!r}: give KEY or KEY.SUB, such as links.github"
        raise CommandError(UNSETTABLE.get(key, usage))
    value = typed_value(args.key, args.value)
    network = load_network(args.root)
    contact = find_contact(network, args.slug)
    if subkey:
        def change(text: str) -> str:
            return set_mapping_entry(text, key, subkey, value)
        verb = f"{args.key} = {args.value}"
    elif key in LIST_KEYS:
        if value is None:
            raise CommandError(f"{key}: give a value to add to the list")

        def change(text: str) -> str:
            return add_list_item(text, key, value)
        verb = f"{key} + {args.value}"
    else:
        def change(text: str) -> str:
            return set_key(text, key, value)
        verb = f"{key} = {args.value}"
    return run_edit(args, network, contact, change, f"set: {contact.slug} {verb}", today,
                    contact.line_of(key))
