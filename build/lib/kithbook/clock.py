"""The one place Kithbook reads the clock: a given day, else `$KITHBOOK_TODAY`, else the system date.

The command line and the site plugin both ask `today()` once and pass the day to the pure core, so
every rule below them is a function of its arguments and a test can fix the date.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from kithbook.errors import KithbookError

TODAY_VARIABLE = "KITHBOOK_TODAY"
EARLIEST_DAY, LATEST_DAY = dt.date(1900, 1, 1), dt.date(2999, 12, 31)


class ClockError(KithbookError):
    """`$KITHBOOK_TODAY` holds something that is not a usable date."""


def parse_day(text: str) -> dt.date:
    """A YYYY-MM-DD date within the years any person's network can span; ValueError otherwise."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date YYYY-MM-DD") from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise ValueError(f"{text}: give a date between {EARLIEST_DAY} and {LATEST_DAY}")
    return day


def today(given: dt.date | None = None, environ: Mapping[str, str] | None = None) -> dt.date:
    """`given` when there is one, else `$KITHBOOK_TODAY`, else the system date."""
    if given:
        return given
    override = (os.environ if environ is None else environ).get(TODAY_VARIABLE)
    if override:
        try:
            return parse_day(override)
        except ValueError as error:
            reason = str(error).removeprefix(repr(override)).removeprefix(override)
            raise ClockError(f"${TODAY_VARIABLE}={override!r}{reason}") from None
    return dt.date.today()


def today_is_pinned(environ: Mapping[str, str] | None = None) -> bool:
    """Whether `$KITHBOOK_TODAY` pins the date (so a command need not guess one)."""
    return bool((os.environ if environ is None else environ).get(TODAY_VARIABLE))
