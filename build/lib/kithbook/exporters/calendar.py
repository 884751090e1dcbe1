"""The due list and the coming year's birthdays and yearly dates as an iCalendar file.

Events are all-day, with stable UIDs so a calendar app updates them in place on the next export.
Built with the `icalendar` library; the file is written atomically, with ordinary permissions.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kithbook.model import Contact, Network, Problem, add_months
from kithbook.public import is_private
from kithbook.rules.due import paths_with_errors
from kithbook.rules.occasions import Occasion, occasions

if TYPE_CHECKING:
    from icalendar import Event

    from kithbook.rules.due import DueItem

PRODUCT = "-//Kithbook//kith due//EN"
CALENDAR_NAME = "Kithbook: who to reach out to"
UID_DOMAIN = "kithbook.invalid"


def calendar_entries(
    network: Network,
    items: Iterable[DueItem],
    problems: list[Problem],
    today: dt.date,
    *,
    include_private: bool = False,
    wanted: Callable[[Contact], bool] | None = None,
) -> tuple[list[DueItem], list[Occasion]]:
    """What the calendar file holds: the due items, and the birthdays and yearly dates of the twelve
    months from today of the contacts `wanted` keeps whose files have no errors; private contacts
    only with `include_private`."""
    broken = paths_with_errors(problems)
    end = add_months(today, 12) - dt.timedelta(days=1)
    due = [item for item in items if include_private or not is_private(item.contact)]
    year = [
        occasion
        for occasion in occasions(network, today, end)
        if occasion.contact.path not in broken
        and (include_private or not is_private(occasion.contact))
        and (wanted is None or wanted(occasion.contact))
    ]
    return due, year


def build_calendar(
    items: Iterable[DueItem], occasions: Iterable[Occasion], today: dt.date
) -> bytes:
    """An iCalendar document: each due item on its day (today when already due), each occasion on
    its date; occasion items already covered by the year's occasions are not repeated."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.timezone.utc)
    for item in items:
        if item.kind == "occasion" and item.due >= today:
            continue
        day = max(item.due, today)
        description = "\n".join((item.reason, *(f"also: {other}" for other in item.other_reasons)))
        calendar.add_component(
            _event(
                f"due-{item.kind}-{item.slug}-{day.isoformat()}",
                day,
                stamp,
                f"{item.name}: {item.reason}",
                description,
            )
        )
    for occasion in occasions:
        summary = f"{occasion.contact.name}: {occasion.title}"
        uid = f"{occasion.kind}-{occasion.contact.slug}-{occasion.date.isoformat()}"
        calendar.add_component(_event(uid, occasion.date, stamp, summary, occasion.label))
    return calendar.to_ical()


def _event(uid: str, day: dt.date, stamp: dt.datetime, summary: str, description: str) -> Event:
    from icalendar import Event  # noqa: F811 (icalendar is slow to import: only when exporting)

    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def write_calendar(path: Path, data: bytes) -> None:
    """Write atomically (a temporary file in the same folder, then a rename), keeping the replaced
    file's permissions, or giving a new file those of the umask (0644 under the usual 022) rather
    than a temporary file's 0600, so a calendar app or web server can read it as any other file."""
    folder = path.parent if str(path.parent) else Path(".")
    mode = _permissions(path)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _permissions(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
