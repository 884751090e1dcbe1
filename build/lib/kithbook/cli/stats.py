"""`kith stats`: what the log says about your outreach: reply rates, the reconnection funnel,
circles within their cadence, weekly streaks and value given. The figures are `rules.stats`'s."""

from __future__ import annotations

import argparse
import datetime as dt
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
        print("\n".join(report_lines(figures)))
    return 0


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


def report_lines(figures: Stats) -> list[str]:
    """The terminal report, one figure a line."""
    from kithbook.rules.phrases import date_words, plural

    lines = [
        f"Since {date_words(figures.since)} ({plural(figures.weeks, 'week')})",
        "",
        f"Reply rate        {percent(figures.overall)} messages answered within 14 days",
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
