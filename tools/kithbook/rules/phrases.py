"""Dates, spans and durations in the words a person uses: "2 Nov", "in 3 days", "4 months ago".

The one place for this wording, shared by `kith due` and the site so both say the same thing. Names
of months and days come from fixed English tables, never the locale, so output is the same anywhere.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from kithbook.model import Duration

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS = tuple(name[:3] for name in MONTH_NAMES)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UNIT_WORDS = {"d": "day", "w": "week", "m": "month", "y": "year"}
DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = DAYS_PER_YEAR / 12

CHANNEL_VERBS = {
    "email": "emailed",
    "phone": "called",
    "video": "called by video",
    "message": "messaged",
    "social": "wrote on social media",
    "letter": "sent a letter",
    "in-person": "spoke in person",
    "event": "sent an invitation",
}


def plural(count: int, word: str, many: str | None = None) -> str:
    """`1 day`, `3 days`; `many` for a plural that is not the word plus s (`2 people`)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def short_date(day: dt.date, today: dt.date) -> str:
    """`2 Nov` within today's year, `2 Nov 2025` otherwise (locale-independent)."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def date_words(day: dt.date) -> str:
    """`4 Dec 2026`: unambiguous in every locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date(day: dt.date) -> str:
    """`Tuesday 1 December 2026`, for the day a site was built."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def relative_day(day: dt.date, today: dt.date) -> str:
    """`today`, `tomorrow`, `in 3 days`, `yesterday`, `3 days ago`."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {plural(days, 'day')}" if days > 0 else f"{plural(-days, 'day')} ago"


@lru_cache(maxsize=4096)
def span(days: int) -> str:
    """A rough length of time in the largest unit that reads naturally, rounded to the nearest
    (as a person says it: 85 days is `3 months`): `5 days`, `3 weeks`, `4 months`, `2 years`."""
    days = abs(days)
    if days < 14:
        return plural(days, "day")
    if days < 60:
        return plural(_nearest(days / 7), "week")
    if days < 730:
        return plural(_nearest(days / DAYS_PER_MONTH), "month")
    return plural(_nearest(days / DAYS_PER_YEAR), "year")


def when_words(day: dt.date, today: dt.date) -> str:
    """How far `day` is from `today` as a rough `span`: `tomorrow`, `in 3 weeks`, `3 months ago`."""
    days = (day - today).days
    if -1 <= days <= 1:
        return relative_day(day, today)
    return f"in {span(days)}" if days > 0 else f"{span(days)} ago"


def _nearest(amount: float) -> int:
    """Rounded half up (Python's round() goes to even: 2.5 -> 2)."""
    return int(amount + 0.5)


def duration_words(duration: Duration) -> str:
    """`3m` as `3 months`, `1y` as `1 year`."""
    return plural(duration.amount, UNIT_WORDS[duration.unit])


def reached_out(channel: str | None) -> str:
    """What a `->` entry on this channel means in the past tense: `emailed`, `called`."""
    if channel is None:
        return "reached out"
    return CHANNEL_VERBS.get(channel, f"reached out by {channel}")


def first_words(text: str, limit: int = 60) -> str:
    """The start of a log entry's text, cut at a word boundary, for a one-line reminder."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"
