"""`kith list`: the people in the network, one a line, filtered by tag, circle, company or status."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from kithbook.cli.common import add_json, add_root, add_today, print_json, today_from
from kithbook.cli.due_table import display_width, pad
from kithbook.model import Contact

HELP = "list contacts, filtered by --tag, --circle, --company or --status"
EXAMPLES = """\
examples:
  kith list                           everyone: slug, name, circle, company, last contact
  kith list --tag climbing --circle close
  kith list --company northwind       companies match in part, ignoring case
  kith list --status paused --json    for scripts
  kith list --slugs                   slugs only (what shell completion uses)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tag", action="append", metavar="TAG", help="has this tag (repeatable)")
    parser.add_argument(
        "--circle", action="append", metavar="CIRCLE", help="in this circle (repeatable)"
    )
    parser.add_argument(
        "--company", metavar="TEXT", help="works at a company whose name contains TEXT"
    )
    parser.add_argument(
        "--status",
        action="append",
        metavar="STATUS",
        help="active, paused, declined or archived (repeatable)",
    )
    parser.add_argument("--slugs", action="store_true", help="print only the slugs")
    add_root(parser)
    add_today(parser)
    add_json(parser)


def wanted(contact: Contact, args: argparse.Namespace) -> bool:
    """The contact passes every filter given (repeated filters: any of their values)."""
    from kithbook.rules.search import fold

    if args.tag and not {tag.lower().lstrip("#") for tag in args.tag} & set(contact.tags):
        return False
    if args.circle and contact.circle not in args.circle:
        return False
    if args.company and fold(args.company) not in fold(contact.company or ""):
        return False
    return not args.status or contact.status in args.status


def row(contact: Contact, today: dt.date) -> dict[str, Any]:
    """What `--json` prints for a contact (and the table shows)."""
    last = contact.last_contact_on(today)
    return {
        "slug": contact.slug,
        "name": contact.name,
        "path": contact.path,
        "circle": contact.circle,
        "company": contact.company,
        "status": contact.status,
        "tags": list(contact.tags),
        "last_contact": last.date.isoformat() if last else None,
        "private": contact.private,
    }


def run(args: argparse.Namespace) -> int:
    from kithbook.parse.load import load

    network = load(args.root, cache=True)
    today = today_from(args)
    chosen = sorted(
        (contact for contact in network.contacts if wanted(contact, args)),
        key=lambda contact: contact.slug,
    )
    if args.slugs:
        for contact in chosen:
            print(contact.slug)
        return 0
    rows = [row(contact, today) for contact in chosen]
    if args.json:
        print_json(rows)
        return 0
    _table(rows)
    print(f"{len(rows)} of {len(network.contacts)} contacts")
    return 0


def _table(rows: list[dict[str, Any]]) -> None:
    """Aligned columns: slug, name, circle, company, last contact, and the status unless active."""
    cells = [
        [
            item["slug"],
            item["name"],
            item["circle"] or "-",
            item["company"] or "-",
            item["last_contact"] or "never",
            "" if item["status"] == "active" else item["status"],
        ]
        for item in rows
    ]
    widths = [max((display_width(values[i]) for values in cells), default=0) for i in range(6)]
    for values in cells:
        print("  ".join(pad(value, width) for value, width in zip(values, widths)).rstrip())
