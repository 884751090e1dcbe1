"""`kith search TEXT`: find a text in names, aliases, companies, tags, notes and logs."""

from __future__ import annotations

import argparse

from kithbook.cli.common import CommandError, add_json, add_root, print_json

HELP = "find TEXT in names, aliases, companies, tags, memories, goals, notes and logs"
EXAMPLES = """\
examples:
  kith search climbing                every contact and log line mentioning climbing
  kith search "jose"                  accents and case ignored: finds José
  kith search lisbon --json           for scripts
  kith search cello --private         also search the ## Private sections
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", metavar="TEXT", help="what to look for (words joined)")
    parser.add_argument(
        "--private",
        action="store_true",
        help="also search the ## Private sections (left out by default)",
    )
    add_root(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    """Print `slug  field: excerpt` per match; exit 1 when nothing matches (as grep does)."""
    from kithbook.parse.load import load
    from kithbook.rules.search import search

    if not " ".join(args.text).strip():
        raise CommandError("give the text to look for, such as kith search climbing")
    network = load(args.root, cache=True)
    matches = search(network, " ".join(args.text), private=args.private)
    if args.json:
        print_json([match.to_json() for match in matches])
        return 0 if matches else 1
    width = max((len(match.contact.slug) for match in matches), default=0)
    for match in matches:
        print(f"{match.contact.slug:<{width}}  {match.field}: {match.excerpt}")
    people = len({match.contact.slug for match in matches})
    if not matches:
        print(f"no contact mentions {' '.join(args.text)!r}")
    elif people > 1 or len(matches) > 1:
        print(f"{len(matches)} matches in {people} contact{'s' if people != 1 else ''}")
    return 0 if matches else 1
