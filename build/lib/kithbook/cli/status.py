"""`kith status SLUG paused|declined|active|archived`: set whether a contact is on the due list."""

from __future__ import annotations

import argparse

from kithbook.cli.common import add_root, add_today, today_from
from kithbook.cli.writing import add_slug, add_write_options, find_contact, load_network, run_edit
from kithbook.model import STATUSES

HELP = "set a contact's status: kith status SLUG " + "|".join(STATUSES)
EXAMPLES = """\
examples:
  kith status grace paused                  not on the due list until active again
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_slug(parser)
    parser.add_argument(
        "status",
        choices=STATUSES,
        metavar="STATUS",
        help="active (on the due list), paused, declined or archived",
    )
    add_root(parser)
    add_today(parser)
    add_write_options(parser)


def run(args: argparse.Namespace) -> int:
    from kithbook.write.edit import set_key

    today = today_from(args)
    network = load_network(args.root)
    contact = find_contact(network, args.slug)

    def change(text: str) -> str:
        return set_key(text, "status", args.status, config=network.config)

    return run_edit(
        args,
        network,
        contact,
        change,
        f"status: {contact.slug} {args.status}",
        today,
        contact.line_of("status"),
    )
