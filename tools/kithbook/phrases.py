"""Dates, spans and durations in the words a person uses: "2 Nov", "in 3 days", "4 months ago"."""

from __future__ import annotations

import datetime as dt

from kithbook.model import Duration

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNIT_WORDS = {"d": "day", "w": "week", "m": "month", "y": "year"}

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


def plural(count: int, word: str) -> str:
    """`1 day`, `3 days`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def short_date(day: dt.date, today: dt.date) -> str:
    """`2 Nov` within today's year, `2 Nov 2025` otherwise (locale-independent)."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


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


def span(days: int) -> str:
    """A rough length of time: `5 days`, `3 weeks`, `4 months`, `2 years`."""
    if days < 14:
        return plural(days, "day")
    if days < 60:
        return plural(days // 7, "week")
    if days < 730:
        return plural(days // 30, "month")
    return plural(days // 365, "year")


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
