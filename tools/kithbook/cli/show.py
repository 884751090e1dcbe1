"""`kith show SLUG`: a person's card in the terminal: the facts, why they are due, the last
interactions."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import textwrap
from collections.abc import Iterator

from kithbook.cli.common import add_json, add_root, add_today, print_json, today_from
from kithbook.model import Contact, LogEntry, Network

HELP = "a person's card: the facts, why they are due (or when they will be), the last interactions"
EXAMPLES = """\
examples:
  kith show ada                       a slug, a unique prefix, a name or an alias
  kith show "Ada Quillfeather" --log 20
  kith show ada --private             also the ## Private section
  kith show ada --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "slug", metavar="SLUG", help="the contact: a slug, a unique prefix, a name or an alias"
    )
    parser.add_argument(
        "--log", type=int, default=5, metavar="N", help="how many log entries to show (default 5)"
    )
    parser.add_argument("--private", action="store_true", help="also show the ## Private section")
    add_root(parser)
    add_today(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    from kithbook.cli.writing import find_contact
    from kithbook.parse.load import load

    today = today_from(args)
    network = load(args.root, cache=True)
    contact = find_contact(network, args.slug)
    due = why_due(network, contact, today)
    if args.json:
        from kithbook.cli.list_cmd import row

        log = contact.log[-args.log :] if args.log > 0 else ()
        print_json({**row(contact, today), "due": due, "log": [_entry(e) for e in log]})
        return 0
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    for text in card(contact, network, today, due, args.log, args.private):
        print("\n".join(fit(text, width)))
    return 0


_FACT = re.compile(r"^  \S+ {2,}")  # `  memory    ...`: the value's column
_LOG = re.compile(r"^ +\d{4}-\d{2}-\d{2} ")  # `    2026-09-14 <-> ...`: the entry's text


def fit(line: str, width: int | None) -> list[str]:
    """A card line as it fits a terminal `width` (None: a pipe, no width), wrapped between words
    under its value (a fact's, a log entry's after the date), never mid-word."""
    if width is None or len(line) <= width:
        return [line]
    match = _FACT.match(line) or _LOG.match(line)
    hang = len(match.group(0)) if match else len(line) - len(line.lstrip(" "))
    if width - hang < 20:
        hang = len(line) - len(line.lstrip(" "))
    return textwrap.wrap(
        line, width, subsequent_indent=" " * hang, break_long_words=False, break_on_hyphens=False
    )


def _entry(entry: LogEntry) -> dict[str, str | None]:
    return {
        "date": entry.date.isoformat(),
        "direction": entry.direction,
        "channel": entry.channel,
        "text": entry.text,
    }


def why_due(network: Network, contact: Contact, today: dt.date) -> str:
    """`due: birthday in 3 days (turns 40)`, or when the contact will next be due, and why not."""
    from kithbook.rules.due import due_list, is_snoozed, next_due
    from kithbook.rules.phrases import short_date

    found = [item for item in due_list(network, today).items if item.contact.slug == contact.slug]
    if found:
        item = found[0]
        also = f" (also: {'; '.join(item.other_reasons)})" if item.other_reasons else ""
        return f"due today: {item.reason}{also}"
    if contact.status != "active":
        return f"not due: status {contact.status}"
    if is_snoozed(contact, today):
        return f"not due: snoozed until {contact.snooze}"
    upcoming = next_due(contact, network.config, today)
    if upcoming is None:
        return "not due: never logged yet (may come up as a backlog pick)"
    return f"not due: next due {short_date(upcoming, today)} ({upcoming.isoformat()})"


def card(
    contact: Contact, network: Network, today: dt.date, due: str, entries: int, private: bool
) -> Iterator[str]:
    """The card's lines: the name, the facts that are set, why due, the last log entries."""
    yield f"{contact.name}  ({contact.slug}, {contact.path})"
    for label, value in _facts(contact, network):
        yield f"  {label:<9} {value}"
    yield ""
    yield f"  {due}"
    log = contact.log[-entries:] if entries > 0 else ()
    if log:
        yield ""
        yield f"  {log_heading(len(log), len(contact.log))}:"
        for entry in log:
            channel = f" {entry.channel}" if entry.channel else ""
            arrow = entry.arrow if entry.direction != "note" else "note"
            yield f"    {entry.date.isoformat()} {arrow}{channel}: {entry.text}"
    elif not contact.log:
        yield "  no log entries yet"
    if contact.notes.strip():
        yield ""
        yield from (f"  {line}" for line in contact.notes.strip().splitlines())
    if private and contact.private_notes.strip():
        yield ""
        yield "  ## Private"
        yield from (f"  {line}" for line in contact.private_notes.strip().splitlines())


def log_heading(shown: int, total: int) -> str:
    """`last 5 of 12 log entries`, `all 3 log entries`, `the one log entry`."""
    if total == 1:
        return "the one log entry"
    if shown == total:
        return f"all {total} log entries"
    return f"last {shown} of {total} log entries"


def _facts(contact: Contact, network: Network) -> Iterator[tuple[str, str]]:
    if contact.aka:
        yield "aka", ", ".join(contact.aka)
    work = " · ".join(part for part in (contact.role, contact.company) if part)
    if work:
        yield "work", work
    if contact.location:
        yield "location", contact.location
    circle = contact.circle or "-"
    from kithbook.rules.due import cadence_of

    every = "never" if contact.cadence_never else f"every {cadence_of(contact, network.config)}"
    yield "circle", f"{circle} (reach out {every})"
    if contact.status != "active":
        yield "status", contact.status
    if contact.channel:
        yield "channel", contact.channel
    for label, values in (("emails", contact.emails), ("phones", contact.phones)):
        if values:
            yield label, ", ".join(values)
    for name, url in contact.links.items():
        yield "link", f"{name}: {url}"
    if contact.birthday:
        yield "birthday", str(contact.birthday)
    for date in contact.dates:
        yield "date", f"{date.date.isoformat()} {date.label}"
    if contact.met:
        parts = [contact.met.date_text, contact.met.where]
        via = network.get(contact.met.via) if contact.met.via else None
        if contact.met.via:
            parts.append(f"via {via.name if via else contact.met.via}")
        yield "met", ", ".join(part for part in parts if part)
    if contact.tags:
        yield "tags", " ".join(f"#{tag}" for tag in contact.tags)
    if contact.knows:
        yield "knows", ", ".join(contact.knows)
    for goal in contact.goals:
        yield "goal", goal
    for memory in contact.memories:
        yield "memory", memory
    if contact.snooze:
        yield "snooze", contact.snooze.isoformat()
    if contact.private:
        yield "private", "yes: left out of the site and exports"
