"""`kith due`: who to reach out to today, and why; problems first, exit 1 if the network has errors.

The output of a run is cached (see kithbook.cli.due_cache) and replayed while nothing it depends on has
changed; on a miss, each contact file's answers kept while it is unchanged are used
(kithbook.cli.due_answers). `--at`, `--staged`, `--ics` and `--no-cache` always compute from a loaded
network.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from kithbook.cli.common import (
    CommandError,
    add_json,
    add_root,
    add_today,
    check_root,
    compact_json,
    print_problems,
    today_from,
)
from kithbook.cli.exiting import keep_until_exit
from kithbook.clock import today_is_pinned
from kithbook.model import Contact, Problem
from kithbook.rules.due import KINDS

if TYPE_CHECKING:
    from kithbook.cache import Scanned
    from kithbook.cli.due_cache import CachedRun
    from kithbook.config import Config
    from kithbook.model import Duration, Network
    from kithbook.rules.due import DueItem, DueList

Mode = str | tuple[str, int, str | None, bool]

NAME = "due"
HELP = "who to reach out to today, and why; exit 1 if the network has errors"
EXAMPLES = """\
examples:
  kith due                                  today's plan: a table in a terminal, plain text when piped
  kith due --all                            every item due today, in plan order
  kith due --per-day 5                      a bigger plan today
  kith due --today 2026-12-01               as if today were 1 December 2026
  kith due --kind reconnect --circle close --limit 5
  kith due --upcoming 7d                    also what falls due in the next week
  kith due --json                           for scripts
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    add_today(parser)
    add_json(parser)
    parser.add_argument(
        "--at",
        metavar="REV",
        help="read the network as committed at a Git commit, tag or date YYYY-MM-DD "
        "(the last commit on or before it; a date is also the default --today)",
    )
    parser.add_argument(
        "--staged",
        action="store_true",
        help="read the network as staged in Git's index, as the next commit will hold it "
        "(what the pre-commit hook checks)",
    )
    parser.add_argument(
        "--upcoming",
        type=_days,
        default=None,
        metavar="DAYS",
        help="also list what falls due in the next DAYS, such as 7d or 2w",
    )
    parser.add_argument(
        "--kind", action="append", choices=KINDS, help="only this kind (repeatable)"
    )
    parser.add_argument(
        "--tag",
        action="append",
        metavar="TAG",
        help="only contacts with this tag (repeatable: any of them)",
    )
    parser.add_argument(
        "--circle",
        action="append",
        metavar="CIRCLE",
        help="only contacts in this circle (repeatable)",
    )
    parser.add_argument("--limit", type=_positive, metavar="N", help="show at most N contacts")
    parser.add_argument(
        "--per-day",
        type=_positive,
        metavar="N",
        help="people in today's plan (default: per_day in mkdocs.yml, else 3); what cannot wait "
        "may add more",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="show every item due today in plan order, not only today's plan",
    )
    parser.add_argument(
        "--ics",
        type=Path,
        metavar="FILE",
        help="also write the due items shown and the next year's birthdays and yearly dates to "
        "FILE as an iCalendar file (the dates follow --tag and --circle, not --kind; contacts "
        "marked private: true left out)",
    )
    parser.add_argument(
        "--include-private",
        action="store_true",
        help="with --ics: also put contacts marked private: true in the calendar file",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="compute afresh, ignoring and not writing .kithbook-cache/",
    )


def run(args: argparse.Namespace) -> int:
    root = check_root(args.root)
    today = _today(args)
    mode = _output_mode(args)
    request = _request(args, today, mode)
    if args.at or args.staged or args.ics or args.no_cache:
        return _replay(_compute(args, root, today, mode, None))
    from kithbook.cache import scan_folder
    from kithbook.cli import due_cache
    from kithbook.config import load_config

    config, config_problems = load_config(root)
    scanned = scan_folder(root / config.contacts_dir)  # once, for both caches
    current = due_cache.fingerprint(root, config, request, scanned)
    hit = due_cache.lookup(root, request, current)
    if hit is not None:
        return _replay(hit)
    result = _compute(args, root, today, mode, _Files(config, config_problems, scanned))
    _replay(result)
    due_cache.store(root, request, current, result)
    return result.exit_code


class _Files(NamedTuple):
    """The network as the caches see it: its settings and the contacts folder's entries, looked
    at once, before any file is read."""

    config: Config
    config_problems: list[Problem]
    scanned: list[Scanned]


def _compute(
    args: argparse.Namespace, root: Path, today: dt.date, mode: Mode, files: _Files | None
) -> CachedRun:
    """The run itself, with the cycle collector paused while the network is in memory; from each
    contact file's kept answers when `files` are given (kithbook.cli.due_answers), else from the
    network loaded afresh (or at a commit, or as staged)."""
    from kithbook.gc_pause import garbage_collector_paused

    with garbage_collector_paused():
        return _compute_run(args, root, today, mode, files)


def _compute_run(
    args: argparse.Namespace, root: Path, today: dt.date, mode: Mode, files: _Files | None
) -> CachedRun:
    from kithbook.cli.due_cache import CachedRun
    from kithbook.rules.validate import has_errors

    upcoming = (args.upcoming.after(today) - today).days if args.upcoming else 0
    if files is None:
        network, note = _network(args, root)
        problems, due = _from_network(args, network, today, upcoming)
    else:
        network, note = None, None
        problems, due = _from_files(args, root, files, today, upcoming)
    keep_until_exit(network, problems, due)  # see kithbook.cli.exiting
    items = _filtered(due.items, args)
    coming_up = [item for item in due.coming_up if _wanted(item.contact, item.kind, args)]
    stdout = _Capture(sys.stdout.isatty())
    stderr = io.StringIO()
    if note:
        stderr.write(note + "\n")
    if args.json:
        stdout.write(
            _json_text(today, due, items, coming_up, problems, indented=mode == "json-indented")
        )
    else:
        print_problems(problems, stdout)
        if problems:
            stdout.write("\n")
        if files is not None:
            items = _with_contacts(items, args, root, files.config)
        _table(due, items, coming_up, stdout, mode, show_all=args.all)
    if args.ics and network is not None:
        stderr.write(_export(args, network, items, problems, today) + "\n")
    return CachedRun(stdout.getvalue(), stderr.getvalue(), 1 if has_errors(problems) else 0)


def _from_network(
    args: argparse.Namespace, network: Network, today: dt.date, upcoming: int
) -> tuple[list[Problem], DueList[Any]]:
    """The problems and the plan of a loaded network."""
    from kithbook.rules.due import due_list
    from kithbook.rules.validate import validate

    if args.circle:
        _check_circles(args.circle, tuple(network.config.circles))
    problems = validate(network, today)
    due = due_list(network, today, per_day=args.per_day, upcoming_days=upcoming, problems=problems)
    return problems, due


def _from_files(
    args: argparse.Namespace, root: Path, files: _Files, today: dt.date, upcoming: int
) -> tuple[list[Problem], DueList[Any]]:
    """The same as `_from_network`, from each contact file's answers (kithbook.cli.due_answers).
    A one-off run (the first in its folder) keeps no answers, so it loads the network instead,
    which costs less than working each file's answers out for nothing."""
    from kithbook.cli.due_answers import due_answers, keeps_answers, note_run
    from kithbook.rules.due import Rules, paths_with_errors, plan
    from kithbook.rules.validate import in_order

    config = files.config
    if args.circle:
        _check_circles(args.circle, tuple(config.circles))
    rules = Rules(config, today, upcoming)
    if not keeps_answers(root, rules):
        from kithbook.parse.load import load

        network = load(root, cache=True, scanned=files.scanned)
        keep_until_exit(network)
        note_run(root, rules)
        return _from_network(args, network, today, upcoming)
    file_problems, shares = due_answers(root, config, rules, files.scanned)
    problems = in_order(files.config_problems + file_problems)
    return problems, plan(shares, rules, args.per_day, paths_with_errors(problems))


def _with_contacts(
    items: list[DueItem[Any]], args: argparse.Namespace, root: Path, config: Config
) -> list[DueItem[Any]]:
    """The items the table shows in detail (address, last interaction, goals) with their whole
    contact, which an item from the per-file answers does not carry: read again from its file,
    or from the per-file cache of parsed contacts when the table shows many."""
    from dataclasses import replace

    detailed = [
        item
        for item in items
        if (item.plan or item.upcoming or args.all) and not isinstance(item.contact, Contact)
    ]
    if not detailed:
        return items
    contacts = _contacts_at(root, config, {item.contact.path for item in detailed})
    missing = [item.contact.path for item in detailed if item.contact.path not in contacts]
    if missing:
        raise CommandError(f"{missing[0]} changed while kith due read it; run kith due again")
    return [
        replace(item, contact=contacts[item.contact.path])
        if item.contact.path in contacts and (item.plan or item.upcoming or args.all)
        else item
        for item in items
    ]


MANY_CONTACTS = 50  # beyond this many, the whole network comes from the per-file cache


def _contacts_at(root: Path, config: Config, paths: set[str]) -> dict[str, Contact]:
    """The contacts of these files, by path."""
    from kithbook.parse.load import load

    if len(paths) > MANY_CONTACTS:
        network = load(root, config=config, cache=True)
        return {contact.path: contact for contact in network.contacts if contact.path in paths}
    from kithbook.parse.cache import parse_file

    found: dict[str, Contact] = {}
    for path in paths:
        parsed = parse_file(str(root / config.contacts_dir), path, None, config)
        if not isinstance(parsed, Problem) and parsed[1] is not None:
            found[path] = parsed[1]
    return found


def _json_text(
    today: dt.date,
    due: DueList,
    items: list[DueItem],
    coming_up: list[DueItem],
    problems: list[Problem],
    indented: bool,
) -> str:
    """The documented `--json` object and a newline: indented for a person at a terminal, compact
    (and written by json's C encoder, which `indent` turns off) for programs."""
    data = {
        "today": today.isoformat(),
        "items": [item.to_json() for item in items],
        "coming_up": [item.to_json() for item in coming_up],
        "per_day": due.per_day,
        "counts": due.counts,
        "problems": [problem.to_json() for problem in problems],
        "snoozed": due.snoozed,
        "awaiting_reply": due.awaiting_reply,
    }
    if indented:
        return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    return compact_json(data) + "\n"


def _network(args: argparse.Namespace, root: Path) -> tuple[Network, str | None]:
    if args.staged:
        from kithbook.repo.revision import load_staged

        if args.at:
            raise CommandError("--staged and --at name two different versions; give one")
        return load_staged(root), "kith due: the network as staged for the next commit"
    if not args.at:
        from kithbook.parse.load import load

        return load(root, cache=not args.no_cache), None
    from kithbook.repo.revision import load_at

    network_at = load_at(root, args.at)
    when = network_at.committed.date().isoformat()
    return (
        network_at.network,
        f"kith due: the network as committed in {network_at.commit[:10]} on {when}",
    )


def _table(
    due: DueList,
    items: list[DueItem],
    coming_up: list[DueItem],
    stream: io.StringIO,
    mode: Mode,
    *,
    show_all: bool,
) -> None:
    from kithbook.cli.due_table import plain_table, rich_table

    if mode == "plain":
        plain_table(due, items, stream, show_all=show_all, coming_up=coming_up)
        return
    from rich.console import Console

    assert isinstance(mode, tuple), mode  # "plain" was handled above
    _, width, color_system, no_color = mode
    console = Console(
        file=stream,
        force_terminal=True,
        width=width,
        color_system=color_system,  # type: ignore[arg-type]  # one of rich's names, from rich
        no_color=no_color,
        highlight=False,
    )
    rich_table(due, items, console, show_all=show_all, coming_up=coming_up)


def _export(
    args: argparse.Namespace,
    network: Network,
    items: list[DueItem],
    problems: list[Problem],
    today: dt.date,
) -> str:
    from kithbook.exporters.calendar import build_calendar, calendar_entries, write_calendar
    from kithbook.write.safe_write import WriteError

    items, year = calendar_entries(
        network,
        items,
        problems,
        today,
        include_private=args.include_private,
        wanted=lambda contact: _wanted_contact(contact, args),
    )
    calendar = build_calendar(items, year, today)
    try:
        write_calendar(args.ics, calendar)
    except WriteError as error:
        raise CommandError(f"--ics {error}") from None
    except OSError as error:
        raise CommandError(f"--ics {args.ics}: cannot write the file: {error.strerror}") from None
    events = calendar.count(b"BEGIN:VEVENT")
    return (
        f"kith due: wrote {events} events to {args.ics} (the due items and the next year's "
        "birthdays and yearly dates)"
    )


def _filtered(items: tuple[DueItem, ...], args: argparse.Namespace) -> list[DueItem]:
    kept = list(items)
    if args.kind or args.tag or args.circle:
        kept = [item for item in kept if _wanted(item.contact, item.kind, args)]
    return kept[: args.limit] if args.limit else kept


def _wanted(contact: Contact, kind: str, args: argparse.Namespace) -> bool:
    """A due item passes --kind, --tag and --circle."""
    return (not args.kind or kind in args.kind) and _wanted_contact(contact, args)


def _wanted_contact(contact: Contact, args: argparse.Namespace) -> bool:
    """A contact passes --tag and --circle; --kind narrows due items only, so the calendar file's
    birthdays and yearly dates follow these two and not it."""
    if args.tag and not {tag.lower() for tag in args.tag} & set(contact.tags):
        return False
    return not args.circle or contact.circle in args.circle


def _check_circles(wanted: list[str], circles: tuple[str, ...]) -> None:
    from kithbook.hints import did_you_mean

    for circle in wanted:
        if circle not in circles:
            hint = did_you_mean(circle, circles)
            raise CommandError(
                f"--circle {circle}: no such circle{hint}; circles: {', '.join(circles)}"
            )


def _today(args: argparse.Namespace) -> dt.date:
    """--today or $KITHBOOK_TODAY; else the date of `--at YYYY-MM-DD`; else the system date."""
    if args.at and not args.today and not today_is_pinned():
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(args.at)
    return today_from(args)


def _output_mode(args: argparse.Namespace) -> Mode:
    """`json` (piped) or `json-indented` (a terminal); for the table `plain` (piped) or the
    terminal's (rich, width, colours, no_color)."""
    if args.json:
        return "json-indented" if sys.stdout.isatty() else "json"
    if not sys.stdout.isatty():
        return "plain"
    from rich.console import Console

    probe = Console()
    return ("rich", probe.width, probe.color_system, probe.no_color)


def _request(args: argparse.Namespace, today: dt.date, mode: Mode) -> dict[str, Any]:
    """Everything about this run the output depends on, besides the files."""
    options = {
        key: value for key, value in vars(args).items() if key not in ("run", "root", "today")
    }
    return {
        "command": NAME,
        "today": today.isoformat(),
        "mode": mode,
        "options": options,
        "root": str(Path(args.root).resolve()),
    }


def _replay(run: CachedRun) -> int:
    sys.stdout.write(run.stdout)
    sys.stdout.flush()
    sys.stderr.write(run.stderr)
    return run.exit_code


class _Capture(io.StringIO):
    """A buffer that answers isatty() as the real stdout does, so colours follow the terminal."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def _days(text: str) -> Duration:
    from kithbook.parse.fields import parse_duration

    duration = parse_duration(text)
    if duration is None or duration == "never":
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days such as 7d or 2w")
    return duration


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)
