"""`kith export vcard|csv|json`: the network, or the contacts with a tag, for phones and sheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kithbook.cli.common import CommandError, add_root, add_today, check_root, today_from

HELP = "export contacts as vCard (4.0 or 3.0), CSV or JSON; private contacts only when asked"
EXAMPLES = """\
examples:
  kith export vcard -o network.vcf          for a phone
  kith export csv --tag python -o python.csv
  kith export json                          to standard output
"""
FORMATS = ("vcard", "csv", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    add_today(parser)
    parser.add_argument("format", choices=FORMATS, help="vcard, csv or json")
    parser.add_argument("--tag", metavar="T", help="only contacts with this tag")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE instead of the standard output",
    )
    parser.add_argument(
        "--include-private",
        action="store_true",
        help="include contacts marked private: true (and, in JSON, private notes)",
    )
    parser.add_argument(
        "--vcard-version",
        choices=("4.0", "3.0"),
        default="4.0",
        help="vCard version (default 4.0; 3.0 for older phones)",
    )


def run(args: argparse.Namespace) -> int:
    from kithbook.exporters.formats import select_contacts, to_csv, to_json, to_vcard
    from kithbook.parse.load import load

    today = today_from(args)
    network = load(check_root(args.root), cache=True)
    contacts = select_contacts(network, tag=args.tag, include_private=args.include_private)
    if args.format == "vcard":
        text = to_vcard(contacts, args.vcard_version)
    elif args.format == "csv":
        text = to_csv(contacts, today)
    else:
        text = to_json(contacts, include_private=args.include_private)
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            with args.output.open("w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as error:
            raise CommandError(f"{args.output}: cannot write the file: {error.strerror}") from None
        noun = "contact" if len(contacts) == 1 else "contacts"
        print(f"exported {len(contacts)} {noun} to {args.output}", file=sys.stderr)
    if network.errors:
        print(
            f"note: the network has {len(network.errors)} errors (kith validate shows them); "
            "fields that failed to read were left out",
            file=sys.stderr,
        )
    return 0
