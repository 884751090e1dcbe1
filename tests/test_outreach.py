"""The duplicate-outreach rule (kithbook.rules.outreach): an earlier `->` or `<->` within the window."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.config import Config
from kithbook.model import Contact, Direction, Duration, LogEntry
from kithbook.rules.outreach import earlier_outreach

D = dt.date


def entry(day: dt.date, direction: Direction, channel: str | None = "email") -> LogEntry:
    return LogEntry(day, direction, channel, "text", 1)


@pytest.mark.parametrize(
    ("log", "on", "window", "expected"),
    [
        ([entry(D(2026, 11, 28), "out")], D(2026, 12, 1), "7d", D(2026, 11, 28)),
        ([entry(D(2026, 11, 28), "both", "phone")], D(2026, 12, 1), "7d", D(2026, 11, 28)),
        ([entry(D(2026, 11, 28), "in")], D(2026, 12, 1), "7d", None),
        ([entry(D(2026, 11, 28), "note", None)], D(2026, 12, 1), "7d", None),
        ([entry(D(2026, 11, 24), "out")], D(2026, 12, 1), "7d", None),
        ([entry(D(2026, 11, 25), "out")], D(2026, 12, 1), "7d", D(2026, 11, 25)),
        ([entry(D(2026, 12, 1), "out")], D(2026, 12, 1), "7d", D(2026, 12, 1)),
        ([entry(D(2026, 12, 2), "out")], D(2026, 12, 1), "7d", None),
        ([entry(D(2026, 10, 15), "out")], D(2026, 12, 1), "2m", D(2026, 10, 15)),
        (
            [
                entry(D(2026, 11, 27), "out"),
                entry(D(2026, 11, 30), "both"),
                entry(D(2026, 11, 29), "out"),
            ],
            D(2026, 12, 1),
            "7d",
            D(2026, 11, 30),
        ),
        ([], D(2026, 12, 1), "7d", None),
    ],
)
def test_an_outreach_within_the_window_up_to_the_day_is_a_duplicate(log, on, window, expected):
    contact = Contact("ada", "contacts/ada.md", "Ada", log=tuple(log))
    amount, unit = int(window[:-1]), window[-1]
    config = Config(duplicate_outreach=Duration(amount, unit))
    found = earlier_outreach(contact, on, config)
    assert (found.date if found else None) == expected
