"""`kith log SLUG out email "text"`: add one line to a contact's `## Log`, then commit it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from kithbook.cli.common import add_root, add_today, parse_date_argument, today_from
from kithbook.cli.writing import (
    accept_arrow_arguments,
    add_slug,
    add_write_options,
    find_contact,
    load_network,
    run_edit,
)
from kithbook.model import Contact, Direction
from kithbook.rules.outreach import OUTREACH, earlier_outreach

if TYPE_CHECKING:
    from kithbook.config import Config

HELP = "record a contact: kith log SLUG out|in|both|note [CHANNEL] TEXT"

DIRECTIONS: dict[str, Direction] = {
    "out": "out",
    "->": "out",
    "in": "in",
    "<-": "in",
    "both": "both",
    "<->": "both",
    "note": "note",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    accept_arrow_arguments(parser)
    add_slug(parser)
    parser.add_argument(
        "direction",
        type=direction_argument,
        metavar="DIRECTION",
        help="out (you reached out), in (they did), both (a conversation) or note; "
        "the arrows '->', '<-', '<->' work when quoted",
    )
    parser.add_argument(
        "words",
        nargs="+",
        metavar="[CHANNEL] TEXT",
        help="the channel (such as email; not for a note), then what happened",
    )
    parser.add_argument(
        "--date",
        type=parse_date_argument,
        metavar="YYYY-MM-DD",
        help="when it happened (default: today)",
    )
    add_root(parser)
    add_today(parser)
    add_write_options(parser)


def direction_argument(text: str) -> Direction:
    try:
        return DIRECTIONS[text.strip().lower()]
    except KeyError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a direction; use out, in, both or note"
        ) from None


def run(args: argparse.Namespace) -> int:
    from kithbook.write.edit import append_log_entry, format_log_line

    today = today_from(args)
    date = args.date or today
    network = load_network(args.root)
    contact = find_contact(network, args.slug)
    channel, text = _channel_and_text(args.direction, args.words, network.config.channels)
    line = format_log_line(date, args.direction, channel, text)
    if args.direction in OUTREACH:
        _warn_duplicate_outreach(contact, date, network.config)
    arrow = {"out": "->", "in": "<-", "both": "<->", "note": "note"}[args.direction]
    message = f"log: {contact.slug} {arrow} {channel}" if channel else f"log: {contact.slug} note"
    channels = network.config.channels

    def change(text: str) -> str:
        return append_log_entry(text, line, channels)

    return run_edit(args, network, contact, change, message, today)


def _channel_and_text(
    direction: Direction, words: list[str], channels: tuple[str, ...]
) -> tuple[str | None, str]:
    """`email Hello there` -> ('email', 'Hello there'); a note takes no channel."""
    from kithbook.cli.common import CommandError

    if direction == "note":
        return None, " ".join(words)
    channel = words[0].lower()
    if channel not in channels:
        from kithbook.hints import did_you_mean

        hint = did_you_mean(channel, channels)
        known = ", ".join(channels)
        raise CommandError(f"unknown channel {words[0]!r}{hint}; channels are: {known}")
    return channel, " ".join(words[1:])


def _warn_duplicate_outreach(contact: Contact, date: dt.date, config: Config) -> None:
    """Say so when you already reached out within `duplicate_outreach` of `date`."""
    last = earlier_outreach(contact, date, config)
    if last is not None:
        print(
            f"kith log: warning: you already reached out to {contact.name} on {last.date} "
            f"({last.channel}); avoid duplicate outreach "
            f"(duplicate_outreach: {config.duplicate_outreach})",
            file=sys.stderr,
        )
