"""Birthdays, yearly dates and one-off life events as dated occasions: for due lists and calendars.

A yearly date's first occurrence (the wedding itself) is an `event`; later ones are anniversaries
(`yearly`). 29 February falls on 28 February in other years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from kithbook.model import Contact, MonthDay, Network


@dataclass(frozen=True)
class Occasion:
    """One dated occasion of a contact; `age` is the years turned or the anniversary's number."""

    contact: Contact
    date: dt.date
    label: str
    kind: str
    age: int | None

    @property
    def title(self) -> str:
        """`birthday (turns 40)`, `married Sam (10 years)`, or the event's label."""
        if self.kind == "birthday":
            return "birthday" if self.age is None else f"birthday (turns {self.age})"
        if self.kind == "yearly":
            return f"{self.label} ({self.age} {'year' if self.age == 1 else 'years'})"
        return self.label


def occasions(network: Network, start: dt.date, end: dt.date) -> list[Occasion]:
    """Birthdays and dates of active contacts in [start, end], sorted by date, then name."""
    found = [
        occasion
        for contact in network.contacts
        if contact.status == "active"
        for occasion in contact_occasions(contact, start, end)
    ]
    found.sort(
        key=lambda occasion: (
            occasion.date,
            occasion.contact.name.lower(),
            occasion.contact.slug,
            occasion.label,
        )
    )
    return found


def contact_occasions(contact: Contact, start: dt.date, end: dt.date) -> Iterator[Occasion]:
    """One contact's occasions in [start, end], in no particular order."""
    birthday = contact.birthday
    if birthday is not None:
        for date in _yearly_between(birthday, start, end):
            if birthday.year is None:
                yield Occasion(contact, date, "birthday", "birthday", None)
            elif date.year > birthday.year:
                yield Occasion(contact, date, "birthday", "birthday", date.year - birthday.year)
    for life in contact.dates:
        if not life.yearly:
            if start <= life.date <= end:
                yield Occasion(contact, life.date, life.label, "event", None)
            continue
        for date in _yearly_between(life.month_day, start, end):
            if date.year == life.date.year:
                yield Occasion(contact, date, life.label, "event", None)
            elif date.year > life.date.year:
                yield Occasion(contact, date, life.label, "yearly", date.year - life.date.year)


def occurs_between(month_day: MonthDay, start: dt.date, end: dt.date) -> bool:
    """Whether a yearly date falls in [start, end] in any year (its own year not considered)."""
    return any(True for _ in _yearly_between(month_day, start, end))


def _yearly_between(month_day: MonthDay, start: dt.date, end: dt.date) -> Iterator[dt.date]:
    for year in range(start.year, end.year + 1):
        date = month_day.in_year(year)
        if start <= date <= end:
            yield date
