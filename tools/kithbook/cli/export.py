"""`kith export vcard|csv|json|vdir`: the network, or the contacts with a tag, for phones, sheets,
and (as a vdir folder, one `.vcf` per contact) for vdirsyncer, khard and a CardDAV server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kithbook.cli.common import CommandError, add_root, add_today, check_root, today_from

HELP = (
    "export contacts as vCard (4.0 or 3.0), CSV, JSON or a vdir folder; private contacts only "
    "when asked"
)
EXAMPLES = """\
examples:
  kith export vcard -o network.vcf          for a phone
  kith export csv --tag python -o python.csv
  kith export json                          to standard output
  kith export vdir ~/vdir                   one .vcf per contact, for vdirsyncer
"""
FORMATS = ("vcard", "csv", "json", "vdir")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    add_today(parser)
    parser.add_argument("format", choices=FORMATS, help="vcard, csv, json or vdir")
    parser.add_argument(
        "folder",
        nargs="?",
        type=_folder,
        metavar="DIR",
        help="for vdir: the folder of .vcf files (one per contact; created when missing)",
    )
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
        help="vCard version (default 4.0, and 3.0 for vdir, which CardDAV servers and phones "
        "read best)",
    )


def _folder(text: str) -> Path:
    """The vdir folder; an empty argument (an unset shell variable) is refused rather than taken
    for the current folder, which would fill it with .vcf files."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the vdir folder is empty; give a folder, such as ~/vdir")
    return Path(text)


def run(args: argparse.Namespace) -> int:
    from kithbook.exporters import select_contacts
    from kithbook.exporters.csv_file import to_csv
    from kithbook.exporters.json_file import to_json
    from kithbook.exporters.vcard import to_vcard
    from kithbook.parse.load import load

    today = today_from(args)
    if (args.format == "vdir") != (args.folder is not None):
        raise CommandError(
            "give the folder for vdir (kith export vdir DIR), and only for vdir (use -o FILE)"
        )
    network = load(check_root(args.root), cache=True)
    contacts = select_contacts(network, tag=args.tag, include_private=args.include_private)
    if args.format == "vdir":
        exported = {contact.slug for contact in contacts}
        withheld = [c for c in network.contacts if c.private and c.slug not in exported]
        return _export_vdir(contacts, args.folder, args.vcard_version or "3.0", network, withheld)
    if args.format == "vcard":
        text = to_vcard(contacts, args.vcard_version or "4.0")
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
    _note_errors(network)
    return 0


def _export_vdir(
    contacts: list, folder: Path, version: str, network: object, withheld: list
) -> int:
    from kithbook.exporters.vdir import write_vdir
    from kithbook.write.safe_write import WriteError

    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{folder}: is a file, not a folder; a vdir is a folder of .vcf files")
    try:
        result = write_vdir(contacts, folder, version, withheld)
    except WriteError as error:
        raise CommandError(f"cannot write the vdir: {error}") from None
    except OSError as error:
        raise CommandError(f"{folder}: cannot write the vdir: {error.strerror or error}") from None
    print(result.summary(folder), file=sys.stderr)
    if result.withheld:
        shown = ", ".join(path.name for path in result.withheld[:3])
        more = f" and {len(result.withheld) - 3} more" if len(result.withheld) > 3 else ""
        print(
            f"warning: {len(result.withheld)} cards in {folder} are of contacts now private "
            f"({shown}{more}): they are neither updated nor removed, so the next sync still "
            "sends them; delete them there if they should leave the phone",
            file=sys.stderr,
        )
    _note_errors(network)
    return 0


def _note_errors(network: object) -> None:
    errors = getattr(network, "errors", [])
    if errors:
        print(
            f"note: the network has {len(errors)} errors (kith validate shows them); "
            "fields that failed to read were left out",
            file=sys.stderr,
        )
