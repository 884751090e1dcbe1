"""The weekly backlog of never-logged contacts: a few at a time, by priority, stable all week."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.parse.load import load
from kithbook.rules.backlog import backlog_reason, week_start
from kithbook.rules.due import due_list

D = dt.date
MONDAY = D(2026, 11, 30)


def person(front: str = "", *log: str) -> str:
    lines = ["---", *front.strip().splitlines(), "---", "", "## Log", *(f"- {e}" for e in log)]
    return "\n".join(lines) + "\n"


def picks(root, today: dt.date) -> list[str]:
    return [item.slug for item in due_list(load(root), today).items if item.kind == "backlog"]


def never_logged(count: int, front: str = "circle: friend") -> dict[str, str]:
    return {f"p{index:02d}": person(f"name: P {index}\n{front}") for index in range(count)}


CONFIG = "site_name: T\nplugins:\n  - kithbook:\n      backlog_per_week: {n}\n"


@pytest.mark.parametrize(("per_week", "shown"), [(5, 5), (3, 3), (0, 0), (20, 8)])
def test_at_most_the_configured_number_a_week(make_network, per_week, shown):
    root = make_network(never_logged(8), CONFIG.format(n=per_week))
    assert len(picks(root, D(2026, 12, 1))) == shown


def test_picks_stay_the_same_all_week(make_network):
    root = make_network(never_logged(30))
    week = [picks(root, MONDAY + dt.timedelta(days=offset)) for offset in range(7)]
    assert all(day == week[0] for day in week)
    assert len(week[0]) == 5


def test_a_pick_contacted_during_the_week_is_not_replaced(make_network):
    root = make_network(never_logged(30))
    first = picks(root, D(2026, 12, 1))
    contacted = first[0]
    make_network({contacted: person("name: Contacted\ncircle: friend", "2026-12-02 -> email: hi")})
    assert picks(root, D(2026, 12, 3)) == first[1:]


PRIORITIES = [
    pytest.param("circle: close", "circle: acquaintance", id="closer-circle"),
    pytest.param(
        "circle: friend\ngoals: [introduce her to Bo]", "circle: friend", id="goals-present"
    ),
    pytest.param(
        "circle: friend\nmet: {date: 2010}",
        "circle: friend\nmet: {date: 2024}",
        id="longer-since-met",
    ),
]


@pytest.mark.parametrize(("first", "second"), PRIORITIES)
def test_priority_orders_the_picks(make_network, first, second):
    root = make_network(
        {"one": person(f"name: One\n{first}"), "two": person(f"name: Two\n{second}")},
        CONFIG.format(n=1),
    )
    assert picks(root, D(2026, 12, 1)) == ["one"]


def test_variety_avoids_a_company_contacted_recently(make_network):
    root = make_network(
        {
            "recent": person(
                "name: Recent\ncircle: friend\ncompany: Acme", "2026-11-20 <-> email: hi"
            ),
            "same": person("name: Same\ncircle: friend\ncompany: Acme"),
            "other": person("name: Other\ncircle: friend\ncompany: Brightline"),
        },
        CONFIG.format(n=1),
    )
    assert picks(root, D(2026, 12, 1)) == ["other"]


def test_variety_spreads_the_week_across_companies(make_network):
    root = make_network(
        {
            "a1": person("name: A1\ncircle: friend\ncompany: Acme"),
            "a2": person("name: A2\ncircle: friend\ncompany: Acme"),
            "b1": person("name: B1\ncircle: colleague\ncompany: Brightline"),
        },
        CONFIG.format(n=2),
    )
    chosen = picks(root, D(2026, 12, 1))
    assert len(chosen) == 2
    assert chosen[1] == "b1"


@pytest.mark.parametrize("front", ["cadence: never", "snooze: 2027-01-01", "status: paused"])
def test_contacts_you_asked_to_leave_alone_are_not_picked(make_network, front):
    root = make_network({"sam": person(f"name: Sam\n{front}")})
    assert picks(root, D(2026, 12, 1)) == []


@pytest.mark.parametrize(
    ("today", "monday"),
    [
        (D(2026, 11, 30), D(2026, 11, 30)),
        (D(2026, 12, 6), D(2026, 11, 30)),
        (D(2027, 1, 1), D(2026, 12, 28)),
    ],
)
def test_the_week_starts_on_its_iso_monday(today, monday):
    assert week_start(today) == monday


def test_the_reason_says_why_this_contact(make_network):
    text = person("name: Sam\ncircle: close\nmet: {date: 2015, where: PyCon}\ngoals: [intro to Bo]")
    (contact,) = load(make_network({"sam": text})).contacts
    assert backlog_reason(contact) == (
        "not logged yet, one of this week's backlog picks: "
        "close circle, met 2015 at PyCon, has goals"
    )
