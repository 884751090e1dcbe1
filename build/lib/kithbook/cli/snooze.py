"""`kith snooze SLUG 3w|2027-01-10|off`: keep a contact off the due list until a date."""

from __future__ import annotations

import argparse
import datetime as dt

from kithbook.cli.common import CommandError, add_root, add_today, today_from
from kithbook.cli.writing import add_slug, add_write_options, find_contact, load_network, run_edit

HELP = "hide a contact from the due list until a date: kith snooze SLUG 3w|YYYY-MM-DD|off"
EXAMPLES = """\
examples:
  kith snooze grace 3w                      hide Grace for three weeks
  kith snooze grace 2027-01-10
  kith snooze grace off
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_slug(parser)
    parser.add_argument(
        "until",
        metavar="DURATION|DATE|off",
        help="for how long (10d, 3w, 2m, 1y) or until when (YYYY-MM-DD); off to wake the contact",
    )
    add_root(parser)
    add_today(parser)
    add_write_options(parser)


def snooze_until(text: str, today: dt.date) -> dt.date | None:
    """The date a `3w`, `2027-01-10` or `off` argument means; CommandError when it is neither."""
    from kithbook.parse.fields import parse_duration

    cleaned = text.strip().lower()
    if cleaned in ("off", "none", "wake"):
        return None
    duration = parse_duration(cleaned)
    if duration is not None and duration != "never":
        return duration.after(today)
    try:
        date = dt.date.fromisoformat(cleaned)
    except ValueError:
        raise CommandError(
            f"{text!r} is neither a duration (10d, 3w, 2m, 1y) nor a date YYYY-MM-DD"
        ) from None
    if date <= today:
        raise CommandError(f"{date} is not after today ({today}); snooze until a later date")
    return date


def run(args: argparse.Namespace) -> int:
    from kithbook.write.edit import set_key

    today = today_from(args)
    until = snooze_until(args.until, today)
    network = load_network(args.root)
    contact = find_contact(network, args.slug)
    message = f"snooze: {contact.slug} until {until}" if until else f"snooze: {contact.slug} off"

    def change(text: str) -> str:
        return set_key(text, "snooze", until, config=network.config)

    return run_edit(args, network, contact, change, message, today, contact.line_of("snooze"))
