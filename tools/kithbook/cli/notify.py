"""`kith notify`: today's plan as one message, sent through apprise (e-mail, ntfy, Matrix, a webhook).

Meant for cron or a systemd timer. The addresses are apprise URLs: `--to URL` (repeatable), else
`$KITHBOOK_NOTIFY` (space-separated), else `notify:` in the kithbook config. Private contacts stay
out of the message unless `--include-private`. Exit 0 when sent (or nobody is due), 1 when a
service refused it, 2 when no address is configured or one is not an apprise URL.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from kithbook.cli.common import CommandError, add_root, add_today, check_root, today_from

HELP = "send today's plan as one message through apprise (e-mail, ntfy, Matrix, a webhook...)"
EXAMPLES = """\
examples:
  kith notify --dry-run                     the message, not sent
  kith notify --to "ntfy://ntfy.example.org/my-kithbook"
  KITHBOOK_NOTIFY="mailto://user:pass@mail.example.org?to=me@example.org" kith notify
"""
ENVIRONMENT = "KITHBOOK_NOTIFY"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    add_today(parser)
    parser.add_argument(
        "--to",
        action="append",
        default=[],
        metavar="URL",
        help=f"an apprise URL such as mailto://..., ntfy://..., json://... (repeatable; default: "
        f"${ENVIRONMENT}, else notify: in the kithbook config)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the message instead of sending it"
    )
    parser.add_argument(
        "--include-private",
        action="store_true",
        help="also name contacts marked private: true (left out by default: the message leaves "
        "this machine)",
    )


def run(args: argparse.Namespace) -> int:
    from kithbook.exporters.digest import build_digest, todays_items
    from kithbook.parse.load import load
    from kithbook.rules.due import due_list

    root = check_root(args.root)
    today = today_from(args)
    network = load(root)
    urls = args.to or os.environ.get(ENVIRONMENT, "").split() or list(network.config.notify)
    if not urls and not args.dry_run:
        raise CommandError(
            f"no address to send to: give --to URL (an apprise URL), set ${ENVIRONMENT}, "
            "or list them under notify: in the kithbook config"
        )
    notifier = _notifier(urls)  # a mistyped URL is said at once, even in a dry run or a quiet day
    digest = build_digest(
        todays_items(due_list(network, today)), today, include_private=args.include_private
    )
    if digest is None:
        print(f"kith notify: nobody is due on {today.isoformat()}; nothing sent", file=sys.stderr)
        return 0
    if args.dry_run:
        print(digest.title)
        print()
        print(digest.body)
        return 0
    return 0 if send(notifier, urls, digest.title, digest.body) else 1


def _notifier(urls: list[str]) -> Any:
    """An apprise notifier for every URL (nothing is sent yet); a URL apprise cannot send to is a
    one-line error."""
    import apprise

    notifier = apprise.Apprise()
    for url in urls:
        if not notifier.add(url):
            raise CommandError(f"{_shown(url)} is not an apprise URL this apprise can send to")
    return notifier


def send(notifier: Any, urls: list[str], title: str, body: str) -> bool:
    """Send through the notifier to every URL; False when any service refused the message."""
    import apprise

    sent = bool(notifier.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT))
    where = ", ".join(_shown(url) for url in urls)
    if sent:
        print(f"kith notify: sent to {where}", file=sys.stderr)
    else:
        print(f"kith notify: error: not sent (or not to every address): {where}", file=sys.stderr)
    return sent


def _shown(url: str) -> str:
    """A URL without what may be a secret: only its scheme and host."""
    scheme, separator, rest = url.partition("://")
    if not separator:  # not a URL at all: its first word only, as it may hold a secret too
        head, colon, _ = url.partition(":")
        return f"{head}:..." if colon else head
    host = rest.split("?", 1)[0].split("/", 1)[0].rsplit("@", 1)[-1]
    return f"{scheme}://{host}"
