"""Occasions in a date range: birthdays, anniversaries and one-off dates, 29 February included."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.parse.load import load
from kithbook.rules.occasions import occasions

D = dt.date


def person(front: str, name: str = "Sam Example") -> str:
    return f"---\nname: {name}\n{front}\n---\n"


CASES = [
    pytest.param(
        "birthday: 1986-12-04",
        D(2026, 12, 1),
        D(2026, 12, 31),
        [(D(2026, 12, 4), "birthday", "birthday", 40)],
        id="birthday-with-age",
    ),
    pytest.param(
        "birthday: --12-04",
        D(2026, 12, 1),
        D(2026, 12, 31),
        [(D(2026, 12, 4), "birthday", "birthday", None)],
        id="birthday-without-year",
    ),
    pytest.param(
        "birthday: --01-03",
        D(2026, 12, 1),
        D(2027, 12, 31),
        [(D(2027, 1, 3), "birthday", "birthday", None)],
        id="across-the-year-end",
    ),
    pytest.param(
        "birthday: 2000-02-29",
        D(2027, 1, 1),
        D(2028, 12, 31),
        [
            (D(2027, 2, 28), "birthday", "birthday", 27),
            (D(2028, 2, 29), "birthday", "birthday", 28),
        ],
        id="29-february",
    ),
    pytest.param(
        "birthday: 2026-06-01",
        D(2026, 1, 1),
        D(2027, 12, 31),
        [(D(2027, 6, 1), "birthday", "birthday", 1)],
        id="no-birthday-on-the-birth-day",
    ),
    pytest.param(
        "dates:\n  - {date: 2019-12-08, label: married Jo, yearly: true}",
        D(2026, 12, 1),
        D(2026, 12, 31),
        [(D(2026, 12, 8), "married Jo", "yearly", 7)],
        id="anniversary",
    ),
    pytest.param(
        "dates:\n  - {date: 2026-12-08, label: married Jo, yearly: true}",
        D(2026, 12, 1),
        D(2027, 12, 31),
        [
            (D(2026, 12, 8), "married Jo", "event", None),
            (D(2027, 12, 8), "married Jo", "yearly", 1),
        ],
        id="first-occurrence-is-the-event",
    ),
    pytest.param(
        "dates:\n  - {date: 2026-12-08, label: moving to Oslo}",
        D(2026, 12, 1),
        D(2027, 12, 31),
        [(D(2026, 12, 8), "moving to Oslo", "event", None)],
        id="one-off",
    ),
    pytest.param(
        "dates:\n  - {date: 2025-12-08, label: moved to Oslo}",
        D(2026, 12, 1),
        D(2027, 12, 31),
        [],
        id="one-off-outside-the-range",
    ),
    pytest.param(
        "status: archived\nbirthday: 1986-12-04",
        D(2026, 12, 1),
        D(2026, 12, 31),
        [],
        id="archived-contacts-have-none",
    ),
]


@pytest.mark.parametrize(("front", "start", "end", "expected"), CASES)
def test_occasions_in_a_range(make_network, front, start, end, expected):
    network = load(make_network({"sam": person(front)}))
    found = [(o.date, o.label, o.kind, o.age) for o in occasions(network, start, end)]
    assert found == expected


def test_occasions_are_sorted_by_date_then_name(make_network):
    network = load(
        make_network(
            {
                "b": person("birthday: --12-04", name="Bea"),
                "a": person("birthday: --12-04", name="Abe"),
                "c": person("birthday: --12-02", name="Cy"),
            }
        )
    )
    assert [o.contact.slug for o in occasions(network, D(2026, 12, 1), D(2026, 12, 31))] == [
        "c",
        "a",
        "b",
    ]


TITLES = [
    pytest.param("birthday: 1986-12-04", "birthday (turns 40)", id="birthday"),
    pytest.param("birthday: --12-04", "birthday", id="birthday-without-year"),
    pytest.param(
        "dates:\n  - {date: 2025-12-04, label: married Jo, yearly: true}",
        "married Jo (1 year)",
        id="first-anniversary",
    ),
]


@pytest.mark.parametrize(("front", "title"), TITLES)
def test_an_occasion_has_a_title_for_calendars(make_network, front, title):
    network = load(make_network({"sam": person(front)}))
    (occasion,) = occasions(network, D(2026, 12, 1), D(2026, 12, 31))
    assert occasion.title == title
