"""Dates and durations in words for the site: `4 Dec 2026`, `in 3 days`, `every 3 months`."""

from __future__ import annotations

import datetime as dt

from kithbook.model import Duration

UNITS = {"d": "day", "w": "week", "m": "month", "y": "year"}


def date_words(day: dt.date) -> str:
    """`4 Dec 2026`: unambiguous in every locale."""
    return f"{day.day} {day.strftime('%b')} {day.year}"


def long_date(day: dt.date) -> str:
    """`Tuesday 1 December 2026`, for the build date."""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')} {day.year}"


def duration_words(duration: Duration) -> str:
    """`3 months`, `1 year`."""
    unit = UNITS[duration.unit]
    return f"{duration.amount} {unit}{'' if duration.amount == 1 else 's'}"


def when_words(day: dt.date, today: dt.date) -> str:
    """How far `day` is from `today`, in the largest unit that reads naturally."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    span = abs(days)
    if span < 14:
        amount, unit = span, "day"
    elif span < 60:
        amount, unit = round(span / 7), "week"
    elif span < 730:
        amount, unit = round(span / 30.4), "month"
    else:
        amount, unit = span // 365, "year"
    words = f"{amount} {unit}{'' if amount == 1 else 's'}"
    return f"in {words}" if days > 0 else f"{words} ago"


def initials(name: str) -> str:
    """Up to two initials for the avatar: `Ada Quillfeather` -> `AQ`."""
    letters = [word[0] for word in name.split() if word[:1].isalpha()]
    if not letters:
        return "?"
    return (letters[0] + (letters[-1] if len(letters) > 1 else "")).upper()
