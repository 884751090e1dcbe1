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
    contact_for,
    find_contact,
    load_network,
    run_changes,
    run_edit,
)
from kithbook.model import Contact, Direction
from kithbook.rules.outreach import OUTREACH, earlier_outreach

if TYPE_CHECKING:
    from kithbook.config import Config

HELP = "record a contact: kith log SLUG [SLUG...] out|in|both|note [CHANNEL] TEXT"
EXAMPLES = """\
examples:
  kith log ada out email "Congrats on the new role"
      (you wrote to Ada today)
  kith log ada in phone "She called back" --date 2026-11-30
  kith log ada mateo nadia both in-person "Dinner at Mateo's"
      (one event, three people)
  kith log ada note "Moving to Lisbon in spring"
      (learned, not contact)
"""

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
    parser.usage = (
        "%(prog)s SLUG [SLUG...] DIRECTION [CHANNEL] TEXT\n"
        "       [--date YYYY-MM-DD] [--root DIR] [--today YYYY-MM-DD]\n"
        "       [--no-commit]"
    )
    accept_arrow_arguments(parser)
    add_slug(parser)
    parser.add_argument(
        "words",
        nargs="+",
        metavar="[SLUG...] DIRECTION [CHANNEL] TEXT",
        help="more contacts for one shared event (a dinner with friends), then the direction: out "
        "(you reached out), in (they did), both (a conversation) or note (the arrows '->', '<-', "
        "'<->' work when quoted); then the channel (such as email; not for a note) and what "
        "happened",
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


def split_words(first: str, words: list[str]) -> tuple[list[str], Direction, list[str]]:
    """`ada mateo both in-person Dinner` -> (['ada', 'mateo'], 'both', ['in-person', 'Dinner']):
    the slugs before the first direction word, the direction, and the words after it."""
    from kithbook.cli.common import CommandError

    for index, word in enumerate(words):
        if word.strip().lower() in DIRECTIONS:
            return [first, *words[:index]], DIRECTIONS[word.strip().lower()], words[index + 1 :]
    raise CommandError(f"{words[0]!r} is not a direction; use out, in, both or note")


def run(args: argparse.Namespace) -> int:
    from kithbook.write.edit import append_log_entry, format_log_line
    from kithbook.write.service import Change

    today = today_from(args)
    date = args.date or today
    queries, direction, words = split_words(args.slug, args.words)
    if len(queries) == 1:  # one contact: its file alone is read when named by its slug
        contact, config, network = contact_for(args.root, queries[0])
        contacts = [contact]
    else:
        network = load_network(args.root)
        config = network.config
        found = (find_contact(network, query) for query in queries)
        contacts = list({contact.slug: contact for contact in found}.values())
    channel, text = _channel_and_text(direction, words, config.channels)
    line = format_log_line(date, direction, channel, text)
    if date > today:  # written all the same (a planned call), but a typo is caught at once
        print(
            f"kith log: warning: {date} is in the future (today is {today}); is the date right?",
            file=sys.stderr,
        )
    if direction in OUTREACH:
        for contact in contacts:
            _warn_duplicate_outreach(contact, date, config)
    message = commit_message([contact.slug for contact in contacts], direction, channel, text)

    def change(text: str) -> str:
        return append_log_entry(text, line, config.channels)

    if len(contacts) == 1:
        return run_edit(args, network, contacts[0], change, message, today, config=config)
    # several contacts: one commit, and all or nothing (one that would not validate stops all)
    changes = [Change.edit(contact.path, change) for contact in contacts]
    return run_changes(
        args, args.root, config, today, changes, message, network=network, all_or_nothing=True
    )


def commit_message(slugs: list[str], direction: Direction, channel: str | None, text: str) -> str:
    """`log: ada-lovelace -> email: Congrats on the new role`, so `git log --oneline` is a
    history: the arrow, the channel and the text's first words."""
    from kithbook.rules.phrases import first_words

    arrow = {"out": "->", "in": "<-", "both": "<->", "note": "note"}[direction]
    what = f"{arrow} {channel}" if channel else arrow
    return f"log: {', '.join(slugs)} {what}: {first_words(text, 50)}"


def _channel_and_text(
    direction: Direction, words: list[str], channels: tuple[str, ...]
) -> tuple[str | None, str]:
    """`email Hello there` -> ('email', 'Hello there'); a note takes no channel."""
    from kithbook.cli.common import CommandError

    if direction == "note":
        if not " ".join(words).strip():
            raise CommandError(
                'a note needs its text, such as: kith log ada note "Moved to Lisbon"'
            )
        return None, " ".join(words)
    if not words:
        raise CommandError(
            'give the channel and what happened, such as: kith log ada out email "Asked about '
            'the launch"'
        )
    channel = words[0].lower()
    if channel not in channels:
        from kithbook.hints import did_you_mean

        hint = did_you_mean(channel, channels)
        known = ", ".join(channels)
        raise CommandError(f"unknown channel {words[0]!r}{hint}; channels are: {known}")
    text = " ".join(words[1:])
    if not text.strip():
        raise CommandError(
            f"no text after the channel {channel!r}: say what happened, such as: "
            f'kith log SLUG {direction} {channel} "Asked about the launch"'
        )
    return channel, text


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
