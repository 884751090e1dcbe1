"""`kith set SLUG KEY VALUE`: set one front-matter key, or add to a list, or set `links.github`."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import Any

from kithbook.cli.common import CommandError, add_root, add_today, today_from
from kithbook.cli.writing import add_slug, add_write_options, find_contact, load_network, run_edit
from kithbook.parse.keys import KEY_KINDS

HELP = "set one front-matter key: kith set SLUG KEY VALUE (lists get VALUE added; KEY.SUB for maps)"

MONTH_DAY = re.compile(r"--(\d{2})-(\d{2})")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_slug(parser)
    parser.add_argument(
        "key", metavar="KEY", help="such as company, circle, cadence, links.github, met.date"
    )
    parser.add_argument("value", metavar="VALUE", help="the new value; '' empties it")
    add_root(parser)
    add_today(parser)
    add_write_options(parser)


def typed_value(key: str, text: str) -> Any:
    """The command-line text as the value the key holds (contact_keys.KEY_KINDS): a date, written
    bare, for snooze and birthday (or `--MM-DD`, a birthday without a year), a bool for private."""
    if text == "":
        return None
    kind = KEY_KINDS.get(key)
    if kind == "month-day" and _month_day(text):
        return text
    if kind in ("date", "month-day"):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            also = ", or --MM-DD when the year is unknown" if kind == "month-day" else ""
            raise CommandError(f"{key}: {text!r} is not a date YYYY-MM-DD{also}") from None
    if kind == "boolean":
        if text.lower() not in ("true", "false", "yes", "no"):
            raise CommandError(f"{key}: expected true or false, found {text!r}")
        return text.lower() in ("true", "yes")
    return text


def run(args: argparse.Namespace) -> int:
    from kithbook.write.edit import add_list_item, set_key, set_mapping_entry

    today = today_from(args)
    key, _, subkey = args.key.partition(".")
    if KEY_KINDS.get(key) == "entries":
        raise CommandError(f"{key} holds entries; edit it with kith edit")
    if not key or (args.key.count(".") > 1):
        raise CommandError(f"{args.key!r}: give KEY or KEY.SUB, such as links.github")
    value = typed_value(args.key, args.value)
    network = load_network(args.root)
    contact = find_contact(network, args.slug)
    if subkey:

        def change(text: str) -> str:
            return set_mapping_entry(text, key, subkey, value, config=network.config)

        verb = f"{args.key} = {args.value}"
    elif KEY_KINDS.get(key) == "list":
        if value is None:
            raise CommandError(f"{key}: give a value to add to the list")

        def change(text: str) -> str:
            return add_list_item(text, key, value, config=network.config)

        verb = f"{key} + {args.value}"
    else:

        def change(text: str) -> str:
            return set_key(text, key, value, config=network.config)

        verb = f"{key} = {args.value}"
    return run_edit(
        args, network, contact, change, f"set: {contact.slug} {verb}", today, contact.line_of(key)
    )


def _month_day(text: str) -> bool:
    """`--MM-DD` naming a real day of the year (29 February included)."""
    match = MONTH_DAY.fullmatch(text)
    if match is None:
        return False
    try:
        dt.date(2000, int(match[1]), int(match[2]))
    except ValueError:
        return False
    return True
