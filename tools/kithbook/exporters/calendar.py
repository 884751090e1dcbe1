"""The due list and the coming year's birthdays and yearly dates as an iCalendar file.

Events are all-day, with stable UIDs so a calendar app updates them in place on the next export.
Each has an alarm: a due item at 09:00 on its day, a birthday or yearly date at 09:00 the day
before (time to write a card). Built with the `icalendar` library; the file is written atomically,
with ordinary permissions.
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
DUE_ALARM = dt.timedelta(hours=9)  # after the start of the all-day event: 09:00 that day
OCCASION_ALARM = -dt.timedelta(hours=15)  # 09:00 the day before


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
    its date; occasion items already covered by the year's occasions are not repeated.

    Each event is written out as soon as it is made (an icalendar Event weighs about 10 KB, and a
    large network has tens of thousands): the bytes are those of one Calendar holding them all."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    head, end = calendar.to_ical().split(b"END:VCALENDAR\r\n")
    events: list[bytes] = [head]
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.timezone.utc)
    for item in items:
        if item.kind == "occasion" and item.due >= today:
            continue
        day = max(item.due, today)
        description = "\n".join((item.reason, *(f"also: {other}" for other in item.other_reasons)))
        events.append(
            _event(
                f"due-{item.kind}-{item.slug}-{day.isoformat()}",
                day,
                stamp,
                f"{item.name}: {item.reason}",
                description,
                DUE_ALARM,
            ).to_ical()
        )
    for occasion in occasions:
        summary = f"{occasion.contact.name}: {occasion.title}"
        uid = f"{occasion.kind}-{occasion.contact.slug}-{occasion.date.isoformat()}"
        events.append(
            _event(uid, occasion.date, stamp, summary, occasion.label, OCCASION_ALARM).to_ical()
        )
    events.append(b"END:VCALENDAR\r\n" + end)
    return b"".join(events)


def _event(
    uid: str,
    day: dt.date,
    stamp: dt.datetime,
    summary: str,
    description: str,
    alarm: dt.timedelta,
) -> Event:
    from icalendar import Alarm, Event  # noqa: F811 (icalendar is slow to import: only here)

    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    reminder = Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("description", summary)
    reminder.add("trigger", alarm)
    event.add_component(reminder)
    return event


def write_calendar(path: Path, data: bytes) -> None:
    """Write atomically (a temporary file in the same folder, then a rename), keeping the replaced
    file's permissions, or giving a new file those of the umask (0644 under the usual 022) rather
    than a temporary file's 0600, so a calendar app or web server can read it as any other file.
    Anything but a regular file at `path` (a link, a FIFO, a device) is refused: WriteError."""
    from kithbook.write.safe_write import check_replaceable

    check_replaceable(path)
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
