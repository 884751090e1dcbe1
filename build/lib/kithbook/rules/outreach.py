"""Whether reaching out now repeats a recent outreach: the `duplicate_outreach` rule of `kith log`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kithbook.model import Contact, LogEntry

if TYPE_CHECKING:
    from kithbook.config import Config

OUTREACH = ("out", "both")


def earlier_outreach(contact: Contact, date: dt.date, config: Config) -> LogEntry | None:
    """The latest `->` or `<->` entry within `duplicate_outreach` up to `date` (the window's first
    day excluded), or None: reaching out on `date` would then be duplicate outreach."""
    start = config.duplicate_outreach.before(date)
    recent = [
        entry for entry in contact.log if entry.direction in OUTREACH and start < entry.date <= date
    ]
    return max(recent, key=lambda entry: entry.date) if recent else None
