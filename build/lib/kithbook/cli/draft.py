"""`kith draft SLUG`: a message to send, for the person's due reason or an intent you choose."""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

from kithbook.cli.common import CommandError, add_json, add_root, add_today, print_json, today_from
from kithbook.cli.writing import add_slug, find_contact, load_network
from kithbook.drafts.render import INTENTS

if TYPE_CHECKING:
    from kithbook.drafts import Draft
    from kithbook.model import Contact, Network

HELP = "draft a message to a person: kith draft SLUG [--intent I] [--channel C] [--mailto]"
EXAMPLES = """\
examples:
  kith draft ada                            the message for Ada's reason on today's due list
  kith draft ada --intent thanks --channel letter
  xdg-open "$(kith draft ada --mailto)"     open it in your mail program
  kith draft ada --copy --log               copy it; log it once sent
"""

CLIPBOARD_TOOLS = (  # the first one found is used
    ("wl-copy", ["wl-copy"]),
    ("xclip", ["xclip", "-selection", "clipboard"]),
    ("xsel", ["xsel", "--clipboard", "--input"]),
    ("pbcopy", ["pbcopy"]),
)
STATUS_NOTES = {
    "paused": "is paused (status: paused)",
    "declined": "said not now (status: declined): think twice before writing",
    "archived": "is archived (status: archived)",
}
LOG_TEXTS = {
    "catch-up": "Wrote to catch up",
    "congrats": "Sent congratulations",
    "birthday": "Sent birthday wishes",
    "follow-up": "Sent a friendly follow-up",
    "thanks": "Said thank you",
    "ask": "Asked a question",
    "offer": "Offered help",
    "intro": "Offered an introduction",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_slug(parser)
    parser.add_argument(
        "--intent",
        choices=INTENTS,
        metavar="INTENT",
        help=f"what the message is for: {', '.join(INTENTS)} (default: the person's due reason)",
    )
    parser.add_argument(
        "--channel",
        metavar="CHANNEL",
        help="email, message, phone, video, letter, ... (default: the person's channel)",
    )
    parser.add_argument(
        "--mailto",
        action="store_true",
        help="print a mailto: link to the person's first e-mail address instead of the text",
    )
    parser.add_argument(
        "--copy", action="store_true", help="also put the text on the clipboard, when possible"
    )
    parser.add_argument(
        "--log", action="store_true", help="offer to log it as sent (kith log SLUG out CHANNEL)"
    )
    add_json(parser)
    add_root(parser)
    add_today(parser)


def run(args: argparse.Namespace) -> int:
    from kithbook.drafts import DraftError, Templates, default_channel, draft, mailto

    today = today_from(args)
    network = load_network(args.root)
    contact = find_contact(network, args.slug)
    if args.mailto and not contact.emails:
        raise CommandError(f"{contact.slug} has no e-mail address for --mailto")
    channel = _channel(args, network, contact, default_channel)
    intent, variant = args.intent, None
    if intent is None:
        intent, variant = _due_intent(network, contact, today)
    people = {other.slug: other.name for other in network.contacts}
    try:
        result = draft(
            contact,
            intent,
            channel,
            today,
            network.config,
            people=people,
            templates=Templates.of_network(network.root),
            variant=variant,
        )
    except DraftError as error:
        raise CommandError(str(error)) from None
    if args.mailto:
        print(mailto(contact.emails[0], result.subject, result.body))
    elif args.json:
        print_json(result.to_json())
    else:
        print(result.text)
    if args.copy:
        _copy(result.text)
    if args.log:
        return _offer_log(args, contact, result)
    return 0


def _channel(args: argparse.Namespace, network: Network, contact: Contact, default) -> str:
    """--channel (checked against the configured channels), else e-mail for --mailto, else the
    person's own channel."""
    channels = network.config.channels
    if args.channel is None:
        return "email" if args.mailto and "email" in channels else default(contact)
    channel = args.channel.strip().lower()
    if channel not in channels:
        raise CommandError(f"unknown channel {args.channel!r}; channels are: {', '.join(channels)}")
    return channel


def _due_intent(network: Network, contact: Contact, today) -> tuple[str, int | None]:
    """The intent of the person's due reason, and their wording among the day's drafts; a
    catch-up (and a note saying so) when they are not due."""
    from kithbook.drafts import day_variants, due_item, intent_for
    from kithbook.rules.due import due_list

    due = due_list(network, today)
    item = due_item(due, contact.slug)
    if item is None:
        why = STATUS_NOTES.get(contact.status, "is not due today")
        print(f"kith draft: {contact.name} {why}; a catch-up draft", file=sys.stderr)
        return "catch-up", None
    if item.due > today:
        print(f"kith draft: {item.reason}: send it on the day", file=sys.stderr)
    return intent_for(item), day_variants((*due.items, *due.coming_up))[contact.slug]


def _copy(text: str) -> None:
    """Put the text on the clipboard with the first tool found; say in one line what happened."""
    for name, command in CLIPBOARD_TOOLS:
        if shutil.which(command[0]) is None:
            continue
        try:
            subprocess.run(
                command, input=text, text=True, check=True, timeout=5, capture_output=True
            )
        except (OSError, subprocess.SubprocessError):
            print(
                f"kith draft: {name} could not copy the text; copy it from above", file=sys.stderr
            )
            return
        print(f"kith draft: copied to the clipboard ({name})", file=sys.stderr)
        return
    tools = ", ".join(name for name, _ in CLIPBOARD_TOOLS)
    print(f"kith draft: no clipboard tool found ({tools}); copy the text above", file=sys.stderr)


def log_command(contact: Contact, result: Draft) -> list[str]:
    """The `kith log` arguments that record this draft as sent."""
    return ["log", contact.slug, "out", result.channel, LOG_TEXTS[result.intent]]


def _offer_log(args: argparse.Namespace, contact: Contact, result: Draft) -> int:
    """Ask whether to log the message as sent; without a terminal, say which command does it."""
    command = log_command(contact, result)
    shown = "kith " + " ".join(shlex.quote(word) for word in command)
    if not sys.stdin.isatty():
        print(f"kith draft: once sent, log it with: {shown}", file=sys.stderr)
        return 0
    try:
        answer = input(f"Sent it? Log it now with `{shown}`? [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes"):
        print(f"kith draft: not logged; later: {shown}", file=sys.stderr)
        return 0
    from kithbook.cli import main

    extra = ["--root", str(args.root)]
    if args.today:
        extra += ["--today", args.today.isoformat()]
    return main([*command, *extra])
