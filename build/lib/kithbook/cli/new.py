"""`kith new "Ada Lovelace" --email ada@example.org`: create a contact file from the template."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kithbook.cli.common import CommandError, add_root, add_today, today_from
from kithbook.cli.set import typed_value
from kithbook.cli.writing import add_write_options, commit, file_errors, find_contact, load_network
from kithbook.model import Network

HELP = "create a contact file: kith new NAME [--email ...] [--circle ...] [--met ...]"
EXAMPLES = """\
examples:
  kith new "Grace Hopper" --email grace@example.org --circle colleague
  kith new "Grace Hopper" --birthday --12-09 --channel email --tag navy \\
        --met "PyCon 2019" --via ada --goal "Ask about COBOL"
      (one commit)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kithbook.cli.set import accept_option_like_values

    accept_option_like_values(parser)  # --birthday --12-09
    parser.add_argument("name", metavar="NAME", help="the person's name, as you write it")
    parser.add_argument(
        "--email", action="append", default=[], help="an e-mail address (repeatable)"
    )
    parser.add_argument("--phone", action="append", default=[], help="a phone number (repeatable)")
    parser.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    parser.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    parser.add_argument("--circle", help="how close you are: close, friend, colleague, ...")
    parser.add_argument("--company")
    parser.add_argument("--role")
    parser.add_argument("--location")
    parser.add_argument("--met", metavar="WHERE", help="where you met, such as 'PyCon 2019'")
    parser.add_argument("--met-date", metavar="YYYY[-MM[-DD]]", help="when you met")
    parser.add_argument(
        "--via",
        metavar="SLUG",
        help="who introduced you: a slug, a unique prefix, a name or an alias, as kith log takes",
    )
    parser.add_argument(
        "--birthday",
        metavar="YYYY-MM-DD|--MM-DD",
        help="the birthday; --MM-DD when you do not know the year",
    )
    parser.add_argument("--channel", help="how they prefer to be reached: email, phone, ...")
    parser.add_argument("--goal", action="append", default=[], help="a goal (repeatable)")
    parser.add_argument(
        "--note", metavar="TEXT", help="free notes, written above the ## Log section"
    )
    parser.add_argument("--slug", help="the file name to use instead of one made from the name")
    parser.add_argument(
        "--force",
        action="store_true",
        help="create it even if a contact with this name, e-mail or alias exists "
        "(the file gets a free name such as ada-lovelace-2)",
    )
    add_root(parser)
    add_today(parser)
    add_write_options(parser)


def run(args: argparse.Namespace) -> int:
    from kithbook.write.edit import EditError, render_new_contact
    from kithbook.write.safe_write import WriteError, write_new

    today = today_from(args)
    network = load_network(args.root)
    name = args.name.strip()
    if not name:
        raise CommandError("the name must not be empty")
    if not args.force:
        _refuse_duplicates(network, name, args.email, args.alias)
    if args.via:
        args.via = find_contact(network, args.via).slug
    birthday = typed_value("birthday", args.birthday) if args.birthday else None
    folder = network.root / network.config.contacts_dir
    slug = _slug(args, folder)
    relative = f"{network.config.contacts_dir}/{slug}.md"
    try:
        text = render_new_contact(
            _fields(args, name, birthday), _body(args.note), config=network.config
        )
    except EditError as error:
        raise CommandError(str(error)) from None
    errors = file_errors(network, relative, text, today)
    if errors:
        for problem in errors:
            print(f"kith new: error: {problem.message}", file=sys.stderr)
        print(f"{relative}: not created: fix the options above", file=sys.stderr)
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    try:
        write_new(folder / f"{slug}.md", text)
    except WriteError as error:
        raise CommandError(str(error)) from None
    print(f"created {relative}")
    return commit(args, network.root, [folder / f"{slug}.md"], f"new: {slug}")


def _slug(args: argparse.Namespace, folder: Any) -> str:
    from kithbook.parse.slugs import FilesIn, contact_path, free_slug, make_slug, slug_problem

    if args.slug is not None:
        problem = slug_problem(args.slug)
        if problem is not None:
            raise CommandError(f"--slug: {problem}")
    slug = args.slug or make_slug(args.name)
    try:
        contact_path(folder, slug)
    except ValueError as error:
        raise CommandError(f"--slug: {error}") from None
    if (folder / f"{slug}.md").exists():
        if not args.force:
            raise CommandError(
                f"{folder.name}/{slug}.md already exists; pass --force to create "
                f"{free_slug(slug, FilesIn(folder))}.md for another person of "
                "that name"
            )
        slug = free_slug(slug, FilesIn(folder))
    return slug


def _refuse_duplicates(network: Network, name: str, emails: list[str], aliases: list[str]) -> None:
    """Stop when someone in the network already has this name, an alias or an e-mail given."""
    from kithbook.importers.matching import MatchIndex

    index = MatchIndex.of_network(network)
    for candidate in (name, *aliases):
        match = index.find(candidate, emails if candidate == name else [], {})
        if match is not None:
            shown = ", ".join(f"{network.config.contacts_dir}/{slug}.md" for slug in match.slugs)
            raise CommandError(
                f"{name!r} matches {shown} (same {match.rule}); "
                f"log to it with kith log {match.slugs[0]} ..., or pass --force "
                "to create another contact"
            )


def _body(note: str | None) -> str:
    """The notes (if any) above an empty `## Log` section."""
    return f"{note.strip()}\n\n## Log\n" if note and note.strip() else ""


def _fields(args: argparse.Namespace, name: str, birthday: Any) -> dict[str, Any]:
    met = {"date": _met_date(args.met_date), "where": args.met, "via": args.via}
    return {
        "name": name,
        "aka": args.alias,
        "emails": args.email,
        "phones": args.phone,
        "company": args.company,
        "role": args.role,
        "location": args.location,
        "tags": args.tag,
        "circle": args.circle,
        "channel": args.channel,
        "birthday": birthday,
        "met": {key: value for key, value in met.items() if value},
        "goals": args.goal,
    }


def _met_date(text: str | None) -> Any:
    """A full date is written as a date; a year or year-month stays text (YYYY, YYYY-MM)."""
    import datetime as dt

    if text and len(text) == 10:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text
