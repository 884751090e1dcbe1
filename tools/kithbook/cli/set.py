"""`kith set SLUG KEY VALUE`: set one front-matter key, or add to a list, or set `links.github`."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import Any

from kithbook.cli.common import CommandError, add_root, add_today, today_from
from kithbook.cli.writing import add_slug, add_write_options, contact_for, run_edit
from kithbook.parse.keys import KEY_KINDS

HELP = "set one front-matter key: kith set SLUG KEY VALUE (lists get VALUE added; KEY.SUB for maps)"
EXAMPLES = """\
examples:
  kith set ada company "Lanternfish Analytics"
  kith set ada tags climbing                lists get the value added
  kith set ada birthday --12-09             a birthday without a year
  kith set ada links.github adaq            one entry of a mapping
  kith set ada tags climbing --remove       take one item out of a list
"""

MONTH_DAY = re.compile(r"--(\d{2})-(\d{2})")
ANY_DASH_WORD = re.compile(r"^-.+")
OPTION_LIKE_VALUE = re.compile(r"^-\d+$|^-\d*\.\d+$|^<?->$|^--\d{2}-\d{2}$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_slug(parser)
    parser.add_argument(
        "key", metavar="KEY", help="such as company, circle, cadence, links.github, met.date"
    )
    parser.add_argument("value", metavar="VALUE", help="the new value; '' empties it")
    parser.add_argument(
        "--remove",
        action="store_true",
        help="take VALUE out of the list KEY instead of adding it (as kith unset SLUG KEY VALUE)",
    )
    add_root(parser)
    add_today(parser)
    add_write_options(parser)
    accept_option_like_values(parser, any_value=True)  # last: the options are known by now


def typed_value(key: str, text: str) -> Any:
    """The command-line text as the value the key holds (parse.keys.KEY_KINDS): a date, written
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


def accept_option_like_values(parser: argparse.ArgumentParser, *, any_value: bool = False) -> None:
    """Let values that look like options be values: a year-less birthday `--12-09`, a negative
    number, an arrow; with `any_value`, any word starting with `-` that is not one of the parser's
    options (call it after adding them). argparse would otherwise take them for unknown options."""
    matcher = ANY_DASH_WORD if any_value else OPTION_LIKE_VALUE
    parser._negative_number_matcher = matcher  # noqa: SLF001 - argparse's one hook


def run(args: argparse.Namespace) -> int:
    from kithbook.write.edit import add_list_item, set_key, set_mapping_entry

    if args.remove:
        from kithbook.cli.unset import remove

        return remove(args, args.key, args.value)
    today = today_from(args)
    key, _, subkey = args.key.partition(".")
    if KEY_KINDS.get(key) == "entries":
        raise CommandError(f"{key} holds entries; edit it with kith edit")
    if not key or (args.key.count(".") > 1):
        raise CommandError(f"{args.key!r}: give KEY or KEY.SUB, such as links.github")
    value = typed_value(args.key, args.value)
    contact, config, network = contact_for(args.root, args.slug)
    if subkey:

        def change(text: str) -> str:
            return set_mapping_entry(text, key, subkey, value)

        verb = f"{args.key} = {args.value}"
    elif KEY_KINDS.get(key) == "list":
        if value is None:
            raise CommandError(f"{key}: give a value to add to the list")

        def change(text: str) -> str:
            if holds(text, key, value):
                return text  # already so: a list item is not added twice
            return add_list_item(text, key, value)

        verb = f"{key} + {args.value}"
    else:

        def change(text: str) -> str:
            return set_key(text, key, value)

        verb = f"{key} = {args.value}"
    message = f"set: {contact.slug} {verb}"
    return run_edit(args, network, contact, change, message, today, contact.line_of(key), config)


def holds(text: str, key: str, value: Any) -> bool:
    """Whether the list `key` in the file's front matter already has `value`, ignoring case as
    `kith unset` does when it takes one out."""
    from kithbook.write.text import front_matter_pairs

    current = dict(front_matter_pairs(text)).get(key)
    items = current if isinstance(current, list) else [] if current is None else [current]
    return str(value).casefold() in {str(item).casefold() for item in items}


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
