"""`kith stats`: what the log says about your outreach: reply rates, the reconnection funnel,
circles within their cadence, weekly streaks and value given. The figures are `rules.stats`'s."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import textwrap
from typing import TYPE_CHECKING

from kithbook.cli.common import (
    CommandError,
    add_json,
    add_root,
    add_today,
    check_root,
    print_json,
    today_from,
)

if TYPE_CHECKING:
    from kithbook.rules.stats import Rate, Stats

HELP = "reply rates, reconnections, circles within cadence and streaks, from the log"
EXAMPLES = """\
examples:
  kith stats                                the last year
  kith stats --since 6m                     the last six months (or 8w, 90d, a date YYYY-MM-DD)
  kith stats --json                         for scripts
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    add_today(parser)
    add_json(parser)
    parser.add_argument(
        "--since",
        default="1y",
        metavar="WHEN",
        help="the period: a span back from today such as 1y, 6m, 8w or 90d, or a date "
        "YYYY-MM-DD (default: 1y)",
    )


def run(args: argparse.Namespace) -> int:
    from kithbook.parse.load import load
    from kithbook.rules.stats import stats

    root = check_root(args.root)
    today = today_from(args)
    since = since_date(args.since, today)
    figures = stats(load(root), today, since)
    if args.json:
        print_json(figures.to_json())
    else:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        print("\n".join(line for text in report_lines(figures) for line in fit(text, width)))
    return 0


def fit(line: str, width: int | None) -> list[str]:
    """A report line as it fits a terminal `width` (None: a pipe, no width): broken between its
    ` · ` parts (else between words), each further line under the first part's figures, so no
    figure is split."""
    parts = line.split(" · ")
    if width is None or len(line) <= width:
        return [line]
    indent = " " * FIGURES_COLUMN if line[:FIGURES_COLUMN].strip() else ""
    if len(parts) == 1:
        return textwrap.wrap(line, width, subsequent_indent=indent, break_on_hyphens=False)
    lines = [parts[0]]
    for index, part in enumerate(parts[1:], start=2):
        trailing = 0 if index == len(parts) else len(" ·")
        if len(lines[-1]) + len(" · " + part) + trailing <= width:
            lines[-1] += " · " + part
        else:
            lines[-1] += " ·"
            lines.append(indent + part)
    return lines


FIGURES_COLUMN = 18  # where each figure starts, after its label


def since_date(text: str, today: dt.date) -> dt.date:
    """`1y` (a year before today), `90d`, or a date; a clear error otherwise."""
    from kithbook.parse.fields import parse_duration

    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        duration = parse_duration(text)
        if duration is None or duration == "never":
            raise CommandError(
                f"--since {text}: give a span such as 1y, 6m, 8w or 90d, or a date YYYY-MM-DD"
            ) from None
        return duration.before(today)
    if day > today:
        raise CommandError(f"--since {text}: the date is after today ({today.isoformat()})")
    return day


def percent(rate: Rate) -> str:
    """`62% (31 of 50)` or `no messages`."""
    if rate.rate is None:
        return "no messages"
    return f"{rate.rate:.0%} ({rate.answered} of {rate.sent})"


def _overall(rate: Rate) -> str:
    """`40% (4 of 10 messages answered within 14 days)`."""
    if rate.rate is None:
        return "no messages in this period"
    return f"{rate.rate:.0%} ({rate.answered} of {rate.sent} messages answered within 14 days)"


def report_lines(figures: Stats) -> list[str]:
    """The terminal report, one figure a line."""
    from kithbook.rules.phrases import date_words, plural

    lines = [
        f"Since {date_words(figures.since)} ({plural(figures.weeks, 'calendar week')})",
        "",
        "Reply rate        " + _overall(figures.overall),
    ]
    if figures.median_days_to_answer is not None:
        days = figures.median_days_to_answer
        lines.append(f"Time to answer    median {days:g} {'day' if days == 1 else 'days'}")
    for label, rates in (("by channel", figures.by_channel), ("by circle", figures.by_circle)):
        if rates:
            parts = [f"{name} {percent(rate)}" for name, rate in rates.items()]
            lines.append(f"  {label:<16}" + " · ".join(parts))
    lines.append(f"They wrote first  {plural(figures.they_wrote_first, 'time')}")
    funnel = figures.funnel
    lines.append(
        f"Reconnection      {plural(funnel.reached, 'old contact')} reached out to · "
        f"{funnel.replied} replied · {funnel.active_again} active again"
    )
    shares = [
        f"{share.circle} {share.within}/{share.contacts} ({share.share:.0%})"
        for share in figures.circles
        if share.share is not None
    ]
    if shares:
        lines.append("Within cadence    " + " · ".join(shares))
    lines.append(
        f"Outreach          {figures.weeks_with_outreach} of {plural(figures.weeks, 'week')} · "
        f"current streak {plural(figures.current_streak, 'week')} · "
        f"longest {plural(figures.longest_streak, 'week')}"
    )
    value = " · ".join(f"#{tag} {count}" for tag, count in figures.value_given.items())
    lines.append(f"Value given       {value}")
    return lines
