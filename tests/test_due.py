"""The due rules, one table per rule, at fixed days (tests/conftest.py: TODAY is 2026-12-01)."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.parse.load import load
from kithbook.rules.due import due_list, next_due
from kithbook.rules.validate import validate

D = dt.date


def contact(front: str = "", *log: str, name: str = "Sam Example") -> str:
    """A contact file: `name`, the given front-matter lines, and a `## Log` of the given entries."""
    lines = ["---", f"name: {name}", *front.strip().splitlines(), "---", "", "## Log"]
    lines += [f"- {entry}" for entry in log]
    return "\n".join(lines) + "\n"


def config(**options: str) -> str:
    body = "".join(f"      {key}: {value}\n" for key, value in options.items())
    return f"site_name: Test\nplugins:\n  - kithbook:\n{body}"


def one(make_network, text: str, today: dt.date, *, upcoming: int = 0, **options: str):
    """The due list of a network holding the one contact `sam`."""
    root = make_network({"sam": text}, config(**options) if options else None)
    return due_list(load(root), today, upcoming_days=upcoming)


FOLLOW_UPS = [
    pytest.param(
        contact("circle: friend", "2026-11-21 -> email: sent the draft"),
        {},
        "follow up: you emailed on 21 Nov, no reply yet",
        D(2026, 12, 1),
        id="window-ends-today",
    ),
    pytest.param(
        contact("circle: friend", "2026-11-22 -> email: sent the draft"),
        {},
        None,
        None,
        id="window-not-over",
    ),
    pytest.param(
        contact("circle: friend", "2026-11-01 -> email: hi", "2026-11-01 <- email: hi back"),
        {},
        None,
        None,
        id="reply-same-day",
    ),
    pytest.param(
        contact("circle: friend", "2026-11-01 <- email: hi back", "2026-11-01 -> email: hi"),
        {},
        None,
        None,
        id="reply-same-day-written-first",
    ),
    pytest.param(
        contact(
            "circle: friend",
            "2026-10-20 -> email: hi",
            "2026-11-01 -> email: nudge",
            "2026-11-01 <- message: sorry, busy",
        ),
        {},
        None,
        None,
        id="reply-same-day-as-the-nudge",
    ),
    pytest.param(
        contact(
            "circle: friend", "2026-11-01 -> phone: left a message", "2026-11-03 <-> phone: talked"
        ),
        {},
        None,
        None,
        id="answered-by-a-call",
    ),
    pytest.param(
        contact("circle: friend", "2026-10-20 -> email: hi", "2026-11-01 -> email: nudge"),
        {},
        None,
        None,
        id="one-nudge-then-stop",
    ),
    pytest.param(
        contact("circle: friend", "2026-10-20 -> email: hi", "2026-11-01 -> email: nudge"),
        {"follow_ups": "2"},
        "follow up again: you emailed on 20 Oct and followed up on 1 Nov, no reply yet",
        D(2026, 11, 11),
        id="two-nudges-allowed",
    ),
    pytest.param(
        contact("circle: friend", "2026-11-21 -> email: sent the draft"),
        {"follow_ups": "0"},
        None,
        None,
        id="follow-ups-off",
    ),
    pytest.param(
        contact("circle: friend", "2026-11-21 -> email: sent the draft"),
        {"follow_up_after": "3w"},
        None,
        None,
        id="longer-window",
    ),
    pytest.param(
        contact("circle: friend\nstatus: declined", "2026-11-01 -> email: hi"),
        {},
        None,
        None,
        id="declined-never",
    ),
    pytest.param(
        contact("cadence: never", "2026-11-01 -> email: hi"), {}, None, None, id="cadence-never"
    ),
    pytest.param(
        contact("circle: friend", "2026-11-20 -> phone: left a message"),
        {},
        "follow up: you called on 20 Nov, no reply yet",
        D(2026, 11, 30),
        id="phone-verb",
    ),
]


@pytest.mark.parametrize(("text", "options", "reason", "due"), FOLLOW_UPS)
def test_follow_up_asks_once_after_the_window(make_network, text, options, reason, due):
    items = one(make_network, text, D(2026, 12, 1), **options).items
    follow_ups = [item for item in items if item.kind == "follow-up"]
    if reason is None:
        assert follow_ups == []
    else:
        assert [(item.reason, item.due) for item in follow_ups] == [(reason, due)]


def test_a_follow_up_older_than_the_cadence_becomes_a_reconnect(make_network):
    text = contact("circle: close", "2026-11-01 -> email: hi")
    (item,) = one(make_network, text, D(2026, 12, 1)).items
    assert item.kind == "reconnect"
    assert (
        item.reason
        == "last contact 4 weeks ago (no reply), 9 days overdue (close circle: every 3 weeks)"
    )


OCCASIONS = [
    pytest.param(
        "birthday: 1986-12-04",
        (),
        D(2026, 12, 1),
        "birthday in 3 days (turns 40)",
        D(2026, 12, 4),
        id="birthday-with-year",
    ),
    pytest.param(
        "birthday: --12-02",
        (),
        D(2026, 12, 1),
        "birthday tomorrow",
        D(2026, 12, 2),
        id="birthday-without-year",
    ),
    pytest.param(
        "birthday: --01-03",
        (),
        D(2026, 12, 28),
        "birthday in 6 days",
        D(2027, 1, 3),
        id="year-wrap",
    ),
    pytest.param(
        "birthday: 1990-01-03",
        (),
        D(2026, 12, 28),
        "birthday in 6 days (turns 37)",
        D(2027, 1, 3),
        id="year-wrap-with-age",
    ),
    pytest.param(
        "birthday: 2000-02-29",
        (),
        D(2027, 2, 20),
        "birthday in 8 days (turns 27)",
        D(2027, 2, 28),
        id="29-feb-in-a-common-year",
    ),
    pytest.param(
        "birthday: 2000-02-29",
        (),
        D(2028, 2, 20),
        "birthday in 9 days (turns 28)",
        D(2028, 2, 29),
        id="29-feb-in-a-leap-year",
    ),
    pytest.param(
        "birthday: 1986-12-15",
        (),
        D(2026, 12, 1),
        "birthday in 14 days (turns 40)",
        D(2026, 12, 15),
        id="last-day-of-lookahead",
    ),
    pytest.param("birthday: 1986-12-16", (), D(2026, 12, 1), None, None, id="beyond-lookahead"),
    pytest.param(
        "birthday: 1986-12-01",
        (),
        D(2026, 12, 1),
        "birthday today (turns 40)",
        D(2026, 12, 1),
        id="today",
    ),
    pytest.param(
        "birthday: 1986-12-01",
        ("2026-12-01 -> message: happy birthday!",),
        D(2026, 12, 1),
        None,
        None,
        id="today-already-wished",
    ),
    pytest.param(
        "birthday: 1990-11-29",
        (),
        D(2026, 12, 1),
        "birthday 2 days ago (turned 36): send a belated wish",
        D(2026, 11, 29),
        id="belated",
    ),
    pytest.param(
        "birthday: 1990-11-29",
        ("2026-11-30 <-> phone: sang to her",),
        D(2026, 12, 1),
        None,
        None,
        id="belated-but-called",
    ),
    pytest.param("birthday: 1990-11-27", (), D(2026, 12, 1), None, None, id="too-late-for-belated"),
    pytest.param(
        "dates:\n  - {date: 2019-12-08, label: wedding anniversary, yearly: true}",
        (),
        D(2026, 12, 1),
        "wedding anniversary in 7 days (7 years)",
        D(2026, 12, 8),
        id="yearly-date",
    ),
    pytest.param(
        "dates:\n  - {date: 2026-12-06, label: moving to Berlin}",
        (),
        D(2026, 12, 1),
        "moving to Berlin in 5 days",
        D(2026, 12, 6),
        id="upcoming-one-off",
    ),
    pytest.param(
        "status: archived\nbirthday: 1986-12-04", (), D(2026, 12, 1), None, None, id="archived"
    ),
]


@pytest.mark.parametrize(("front", "log", "today", "reason", "due"), OCCASIONS)
def test_occasions_are_due_on_their_day_and_coming_up_in_the_lookahead(
    make_network, front, log, today, reason, due
):
    text = contact(f"circle: acquaintance\n{front}", *(log or ("2026-11-01 <-> email: catch-up",)))
    found = one(make_network, text, today)
    due_today = [(item.reason, item.due) for item in found.items if item.kind == "occasion"]
    ahead = [(item.reason, item.due) for item in found.coming_up]
    expected = [(reason, due)] if reason else []
    if due is not None and due > today:
        assert (due_today, ahead) == ([], expected)
    else:
        assert (due_today, ahead) == (expected, [])


def test_the_lookahead_comes_from_the_configuration(make_network):
    text = contact("circle: acquaintance\nbirthday: 1986-12-21", "2026-11-01 <-> email: hi")
    assert one(make_network, text, D(2026, 12, 1)).coming_up == ()
    found = one(make_network, text, D(2026, 12, 1), lookahead="30d")
    assert found.items == ()
    (item,) = found.coming_up
    assert item.reason == "birthday in 20 days (turns 40)"


TIMELY = [
    pytest.param(
        "2026-11-26", (), "started at Acme 5 days ago: a good moment to reach out", id="recent"
    ),
    pytest.param("2026-12-01", (), "started at Acme today: a good moment to reach out", id="today"),
    pytest.param(
        "2026-11-01",
        (),
        "started at Acme 30 days ago: a good moment to reach out",
        id="last-day-of-window",
    ),
    pytest.param("2026-10-31", (), None, id="window-over"),
    pytest.param(
        "2026-11-26", ("2026-11-27 -> email: congratulations!",), None, id="congratulated"
    ),
    pytest.param("2026-11-26", ("2026-11-26 <- email: news!",), None, id="contact-on-the-day"),
    pytest.param(
        "2026-11-26",
        ("2026-11-28 note: saw it on LinkedIn",),
        "started at Acme 5 days ago: a good moment to reach out",
        id="a-note-is-not-contact",
    ),
]


@pytest.mark.parametrize(("date", "log", "reason"), TIMELY)
def test_a_recent_one_off_date_is_a_timely_reason(make_network, date, log, reason):
    front = f"circle: acquaintance\ndates:\n  - {{date: {date}, label: started at Acme}}"
    text = contact(front, "2026-10-01 <-> email: catch-up", *log)
    items = [
        item for item in one(make_network, text, D(2026, 12, 1)).items if item.kind == "timely"
    ]
    assert [item.reason for item in items] == ([reason] if reason else [])


RECONNECTS = [
    pytest.param(
        "circle: friend",
        ("2026-09-15 <-> email: catch-up",),
        {},
        "last contact 3 months ago, 2 weeks overdue (friend circle: every 2 months)",
        D(2026, 11, 15),
        id="circle-cadence",
    ),
    pytest.param(
        "circle: friend",
        ("2026-10-01 <- email: news",),
        {},
        "last contact 2 months ago (friend circle: every 2 months)",
        D(2026, 12, 1),
        id="due-today",
    ),
    pytest.param(
        "circle: friend", ("2026-10-02 <- email: news",), {}, None, None, id="due-tomorrow"
    ),
    pytest.param(
        "circle: friend\ncadence: 1y",
        ("2026-09-15 <-> email: catch-up",),
        {},
        None,
        None,
        id="own-cadence-wins",
    ),
    pytest.param(
        "cadence: 2w",
        ("2026-11-01 <-> email: catch-up",),
        {},
        "last contact 4 weeks ago, 2 weeks overdue (own cadence: every 2 weeks)",
        D(2026, 11, 15),
        id="own-cadence",
    ),
    pytest.param(
        "",
        ("2026-10-15 <-> email: catch-up",),
        {"default_cadence": "1m"},
        "last contact 7 weeks ago, 2 weeks overdue (default cadence: every month)",
        D(2026, 11, 15),
        id="default-cadence",
    ),
    pytest.param(
        "circle: friend",
        ("2026-09-15 <-> email: catch-up", "2026-11-30 note: heard news"),
        {},
        "last contact 3 months ago, 2 weeks overdue (friend circle: every 2 months)",
        D(2026, 11, 15),
        id="notes-do-not-count",
    ),
    pytest.param(
        "cadence: never", ("2020-01-01 <-> email: long ago",), {}, None, None, id="cadence-never"
    ),
    pytest.param(
        "circle: friend\nsnooze: 2026-12-01",
        ("2026-09-15 <-> email: catch-up",),
        {},
        "last contact 3 months ago, 2 weeks overdue (friend circle: every 2 months)",
        D(2026, 11, 15),
        id="snooze-ending-today",
    ),
    pytest.param(
        "circle: friend\nsnooze: 2026-12-02",
        ("2026-09-15 <-> email: catch-up",),
        {},
        None,
        None,
        id="snoozed-until-tomorrow",
    ),
    pytest.param(
        "circle: friend\nstatus: paused",
        ("2026-09-15 <-> email: catch-up",),
        {},
        None,
        None,
        id="paused",
    ),
    pytest.param(
        "circle: friend",
        ("2026-09-15 <-> email: catch-up", "2027-05-01 <-> email: typo"),
        {},
        "last contact 3 months ago, 2 weeks overdue (friend circle: every 2 months)",
        D(2026, 11, 15),
        id="future-entry-not-yet-happened",
    ),
]


@pytest.mark.parametrize(("front", "log", "options", "reason", "due"), RECONNECTS)
def test_reconnect_when_the_cadence_has_run_out(make_network, front, log, options, reason, due):
    items = one(make_network, contact(front, *log), D(2026, 12, 1), **options).items
    assert [(item.kind, item.reason, item.due) for item in items] == (
        [("reconnect", reason, due)] if reason else []
    )


def test_a_future_dated_entry_warns_without_crashing(make_network):
    root = make_network({"sam": contact("circle: friend", "2027-05-01 <-> email: typo")})
    network = load(root)
    warnings = [p for p in validate(network, D(2026, 12, 1)) if p.check == "future-date"]
    assert [p.severity for p in warnings] == ["warning"]
    assert [item.kind for item in due_list(network, D(2026, 12, 1)).items] == ["backlog"]


def test_a_contact_with_only_notes_waits_in_the_backlog(make_network):
    text = contact("circle: friend", "2026-01-01 note: read about her promotion")
    (item,) = one(make_network, text, D(2026, 12, 1)).items
    assert item.kind == "backlog"
    assert item.reason.startswith("not logged yet")


def test_a_close_friend_late_outranks_an_acquaintance_as_late(make_network):
    root = make_network(
        {
            "acquaintance": contact("circle: acquaintance", "2025-11-10 <-> email: hi", name="Aki"),
            "friend": contact("circle: close", "2026-10-20 <-> email: hi", name="Fran"),
        }
    )
    items = due_list(load(root), D(2026, 12, 1)).items
    assert [item.slug for item in items] == ["friend", "acquaintance"]
    assert items[0].score > items[1].score


def test_a_contact_appears_once_under_its_highest_priority_reason(make_network):
    front = (
        "circle: friend\nbirthday: 1986-12-01\n"
        "dates:\n  - {date: 2026-11-26, label: started at Acme}"
    )
    text = contact(front, "2026-09-15 <-> email: catch-up", "2026-11-21 -> email: any news?")
    (item,) = one(make_network, text, D(2026, 12, 1)).items
    assert (item.kind, item.reason) == ("occasion", "birthday today (turns 40)")
    assert item.other_reasons == (
        "started at Acme 5 days ago: a good moment to reach out",
        "follow up: you emailed on 21 Nov, no reply yet",
    )


def test_items_come_in_plan_order_each_part_by_priority(make_network):
    root = make_network(
        {
            "a": contact("circle: friend", "2026-09-01 <-> email: hi", name="A"),
            "b": contact("circle: friend\nbirthday: --12-01", "2026-11-20 <-> email: hi", name="B"),
            "c": contact("circle: friend", "2026-11-20 -> email: hi", name="C"),
            "d": contact("circle: close", "2026-06-01 <-> email: hi", name="D"),
            "e": contact("circle: acquaintance", "2025-06-01 <-> email: hi", name="E"),
        }
    )
    due = due_list(load(root), D(2026, 12, 1), per_day=2)
    plan = [item.slug for item in due.items if item.plan]
    rest = [item.slug for item in due.items if not item.plan]
    assert [item.slug for item in due.plan] == plan
    assert [item.slug for item in due.items] == plan + rest
    assert len(plan) == 2
    for part in (due.plan, due.rest):
        priorities = [item.priority for item in part]
        assert priorities == sorted(priorities, reverse=True)
    assert due.counts == {
        "follow-up": 1, "occasion": 1, "timely": 0, "reconnect": 3, "backlog": 0
    }  # fmt: skip


def test_the_summary_counts_snoozed_and_awaiting_reply(make_network):
    root = make_network(
        {
            "a": contact("circle: friend\nsnooze: 2027-01-01", "2026-09-01 <-> email: hi"),
            "b": contact("circle: friend", "2026-11-25 -> email: hi"),
            "c": contact("circle: friend\nstatus: archived", "2026-11-25 -> email: hi"),
        }
    )
    due = due_list(load(root), D(2026, 12, 1))
    assert (due.snoozed, due.awaiting_reply, due.items) == (1, 1, ())


def test_contacts_whose_file_has_errors_are_left_out(make_network):
    root = make_network(
        {
            "good": contact("circle: friend", "2026-09-01 <-> email: hi"),
            "bad": contact("circle: friend", "2026-09-01 <-> pigeon: hi"),
        }
    )
    due = due_list(load(root), D(2026, 12, 1))
    assert [item.slug for item in due.items] == ["good"]
    assert due.left_out == 1


UPCOMING = [
    pytest.param(0, [], id="none-without-upcoming"),
    pytest.param(
        7,
        ["due in 5 days: last contact 8 weeks ago (friend circle: every 2 months)"],
        id="within-a-week",
    ),
]


@pytest.mark.parametrize(("days", "reasons"), UPCOMING)
def test_upcoming_adds_what_falls_due_in_the_next_days(make_network, days, reasons):
    text = contact("circle: friend", "2026-10-06 <-> email: hi")
    items = one(make_network, text, D(2026, 12, 1), upcoming=days).items
    assert [item.reason for item in items] == reasons


NEXT_DUE = [
    pytest.param("circle: friend", ("2026-10-06 <-> email: hi",), D(2026, 12, 6), id="cadence"),
    pytest.param(
        "circle: friend", ("2026-11-25 -> email: hi",), D(2026, 12, 5), id="follow-up-first"
    ),
    pytest.param(
        "circle: friend\nsnooze: 2027-02-01",
        ("2026-10-06 <-> email: hi",),
        D(2027, 2, 1),
        id="snooze-pushes-it",
    ),
    pytest.param(
        "circle: friend", ("2026-08-06 <-> email: hi",), D(2026, 10, 6), id="already-overdue"
    ),
    pytest.param("cadence: never", ("2026-10-06 <-> email: hi",), None, id="never"),
    pytest.param("status: declined", ("2026-10-06 <-> email: hi",), None, id="declined"),
    pytest.param("status: archived", ("2026-10-06 <-> email: hi",), None, id="archived"),
    pytest.param("circle: friend", ("2026-10-06 note: hi",), None, id="never-logged"),
]


@pytest.mark.parametrize(("front", "log", "expected"), NEXT_DUE)
def test_next_due_says_when_a_contact_falls_due(make_network, front, log, expected):
    network = load(make_network({"sam": contact(front, *log)}))
    assert next_due(network.contacts[0], network.config, D(2026, 12, 1)) == expected


def test_json_items_have_the_documented_keys(make_network):
    (item,) = one(
        make_network,
        contact("circle: friend\nchannel: email", "2026-11-21 -> email: x"),
        D(2026, 12, 1),
    ).items
    assert item.to_json() == {
        "slug": "sam",
        "name": "Sam Example",
        "kind": "follow-up",
        "due": "2026-12-01",
        "reason": "follow up: you emailed on 21 Nov, no reply yet",
        "channel": "email",
        "score": 0.0,
        "other_reasons": [],
        "upcoming": False,
        "plan": True,
        "urgent": False,
        "priority": round(item.priority, 4),
        "note": None,
    }
    assert item.priority > 0


def test_items_listed_only_because_of_upcoming_say_so(make_network) -> None:
    root = make_network(
        {
            "sam": "---\nname: Sam\n---\n## Log\n- 2026-11-25 -> email: hello\n",
            "kim": "---\nname: Kim\nbirthday: 1990-12-10\n---\n## Log\n- 2026-11-30 <-> video: hi\n",
        }
    )
    network = load(root)
    today = dt.date(2026, 12, 1)
    found = due_list(network, today, upcoming_days=7)
    items = {item.slug: item for item in found.items}
    assert items["sam"].upcoming and items["sam"].due == dt.date(2026, 12, 5)
    assert not items["sam"].plan  # not due yet: never in today's plan
    assert "kim" not in items  # a birthday in 9 days is coming up, not due
    assert [(item.slug, item.due) for item in found.coming_up] == [("kim", dt.date(2026, 12, 10))]
    assert due_list(network, today).items == ()
