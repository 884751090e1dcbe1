"""The iCalendar export: due items and the year's occasions as all-day events."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest
from icalendar import Calendar

from kithbook.exporters.calendar import build_calendar, calendar_entries, write_calendar
from kithbook.parse.load import load
from kithbook.rules.due import due_list
from kithbook.rules.occasions import occasions
from kithbook.rules.validate import validate

TODAY = dt.date(2026, 12, 1)
NEXT_YEAR = dt.date(2027, 11, 30)


def contact(front: str, *log: str, name: str = "Sam Example") -> str:
    return (
        "\n".join(["---", f"name: {name}", front, "---", "", "## Log", *(f"- {e}" for e in log)])
        + "\n"
    )


def events(make_network, files: dict[str, str]) -> list[tuple[str, dt.date, str]]:
    network = load(make_network(files))
    data = build_calendar(
        due_list(network, TODAY).items, occasions(network, TODAY, NEXT_YEAR), TODAY
    )
    calendar = Calendar.from_ical(data)
    return [
        (str(event["summary"]), event.decoded("dtstart"), str(event["uid"]))
        for event in calendar.walk("VEVENT")
    ]


CASES = [
    pytest.param(
        {"sam": contact("circle: friend", "2026-09-01 <-> email: hi")},
        [
            (
                "Sam Example: last contact 3 months ago, 4 weeks overdue "
                "(friend circle: every 2 months)",
                TODAY,
                "due-reconnect-sam-2026-12-01@kithbook.invalid",
            )
        ],
        id="due-item-on-today",
    ),
    pytest.param(
        {"sam": contact("circle: friend\nbirthday: 1986-12-04", "2026-11-20 <-> email: hi")},
        [
            (
                "Sam Example: birthday (turns 40)",
                dt.date(2026, 12, 4),
                "birthday-sam-2026-12-04@kithbook.invalid",
            )
        ],
        id="an-upcoming-birthday-once-not-twice",
    ),
    pytest.param(
        {"sam": contact("circle: friend\nbirthday: 1990-11-29", "2026-11-20 <-> email: hi")},
        [
            (
                "Sam Example: birthday 2 days ago (turned 36): send a belated wish",
                TODAY,
                "due-occasion-sam-2026-12-01@kithbook.invalid",
            ),
            (
                "Sam Example: birthday (turns 37)",
                dt.date(2027, 11, 29),
                "birthday-sam-2027-11-29@kithbook.invalid",
            ),
        ],
        id="belated-today-and-next-year",
    ),
    pytest.param(
        {
            "sam": contact(
                "circle: friend\ndates:\n  - {date: 2019-03-08, label: married Jo, yearly: true}",
                "2026-11-20 <-> email: hi",
            )
        },
        [
            (
                "Sam Example: married Jo (8 years)",
                dt.date(2027, 3, 8),
                "yearly-sam-2027-03-08@kithbook.invalid",
            )
        ],
        id="anniversary",
    ),
]


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_the_calendar_holds_due_items_and_the_years_dates(make_network, files, expected):
    assert events(make_network, files) == expected


def test_every_event_is_all_day_and_stamped_without_the_clock(make_network):
    network = load(make_network({"sam": contact("birthday: --12-04", "2026-11-20 <-> email: hi")}))
    data = build_calendar([], occasions(network, TODAY, NEXT_YEAR), TODAY)
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(days=1)
    assert event.decoded("dtstamp") == dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    assert build_calendar([], occasions(network, TODAY, NEXT_YEAR), TODAY) == data


def test_the_file_is_replaced_whole(tmp_path):
    target = tmp_path / "due.ics"
    target.write_bytes(b"old")
    write_calendar(target, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert [path.name for path in tmp_path.iterdir()] == ["due.ics"]


POSIX_ONLY = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


@pytest.fixture
def umask():
    """Set the process umask for one test, and put the old one back."""
    previous = os.umask(0o022)
    yield os.umask
    os.umask(previous)


@POSIX_ONLY
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_permissions_of_the_umask(tmp_path, umask, mask, mode):
    umask(mask)
    target = tmp_path / "due.ics"
    write_calendar(target, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert stat.S_IMODE(target.stat().st_mode) == mode


@POSIX_ONLY
def test_a_replaced_file_keeps_its_permissions(tmp_path, umask):
    target = tmp_path / "due.ics"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_calendar(target, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


YEAR_OF_DATES = {
    "ada": contact(
        "circle: friend\nbirthday: 1986-12-04\ntags: [math]", "2026-11-20 <-> email: hi"
    ),
    "bo": contact("birthday: --11-30\nprivate: true", "2026-11-20 <-> email: hi", name="Bo"),
    "cy": contact("birthday: 1990-06-01\nemails: [not-an-address]", name="Cy"),
    "di": contact("birthday: 1990-12-01\ncircle: close", "2026-01-01 -> email: hi", name="Di"),
}


@pytest.mark.parametrize(
    ("include_private", "wanted", "items", "dates"),
    [
        (False, None, ["di"], ["di 2026-12-01", "ada 2026-12-04"]),
        (True, None, ["di", "bo"], ["di 2026-12-01", "ada 2026-12-04", "bo 2027-11-30"]),
        (False, lambda contact: "math" in contact.tags, ["di"], ["ada 2026-12-04"]),
    ],
)
def test_the_calendar_holds_a_years_dates_of_the_wanted_contacts_without_errors(
    make_network, include_private, wanted, items, dates
):
    network = load(make_network(YEAR_OF_DATES))
    problems = validate(network, TODAY)
    due, year = calendar_entries(
        network,
        due_list(network, TODAY, problems=problems).items,
        problems,
        TODAY,
        include_private=include_private,
        wanted=wanted,
    )
    assert [item.slug for item in due] == items
    assert [f"{occasion.contact.slug} {occasion.date}" for occasion in year] == dates


@pytest.mark.parametrize(
    ("files", "summary", "trigger"),
    [
        (
            {"sam": contact("circle: friend", "2026-09-01 <-> email: hi")},
            "Sam Example: last contact",
            dt.timedelta(hours=9),  # 09:00 on the day it is due
        ),
        (
            {"sam": contact("circle: friend\nbirthday: 1986-12-04", "2026-11-20 <-> email: hi")},
            "Sam Example: birthday",
            -dt.timedelta(hours=15),  # 09:00 the day before: time to write
        ),
    ],
)
def test_each_event_has_an_alarm(make_network, files, summary, trigger):
    network = load(make_network(files))
    data = build_calendar(
        due_list(network, TODAY).items, occasions(network, TODAY, NEXT_YEAR), TODAY
    )
    event = next(
        event
        for event in Calendar.from_ical(data).walk("VEVENT")
        if str(event["summary"]).startswith(summary)
    )
    (alarm,) = event.walk("VALARM")
    assert (str(alarm["action"]), alarm.decoded("trigger")) == ("DISPLAY", trigger)
    assert str(alarm["description"]) == str(event["summary"])
