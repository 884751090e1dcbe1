"""The due table for people: plain aligned text for pipes, a rich table for terminals."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rich.console import Console

from kithbook.cli.due_table import (
    also_lines,
    display_width,
    nobody_line,
    pad,
    plain_table,
    reach,
    rich_table,
)
from kithbook.parse.load import load
from kithbook.rules.due import due_list

TODAY = dt.date(2026, 12, 1)


def contact(front: str, *log: str, name: str) -> str:
    return (
        "\n".join(["---", f"name: {name}", front, "---", "", "## Log", *(f"- {e}" for e in log)])
        + "\n"
    )


@pytest.fixture
def due(make_network):
    root = make_network(
        {
            "ada": contact(
                "circle: friend\nchannel: email\nemails: [ada@example.org]\nbirthday: 1986-12-04",
                "2026-09-01 <-> email: long catch-up about climbing",
                name="Ada Lovelace",
            ),
            "min": contact(
                "circle: colleague\nphones: ['+44 20 7946 0000']\nchannel: phone",
                "2026-11-20 -> phone: left a voicemail about the offsite",
                name="김민준",
            ),
        }
    )
    return due_list(load(root), TODAY, per_day=1)


def test_plain_text_shows_the_plan_then_the_rest_and_what_is_coming_up(due):
    stream = io.StringIO()
    plain_table(due, list(due.items), stream)
    assert stream.getvalue().splitlines() == [
        "Today's plan (1)",
        "  Ada Lovelace  last contact 3 months ago, 4 weeks overdue (friend circle: every 2 months)",
        "                  reach  email · ada@example.org",
        "                  last   1 Sep <-> email: long catch-up about climbing",
        "",
        "also overdue: 1 follow-up; kith due --all",
        "",
        "Coming up (1)",
        "  4 Dec  Ada Lovelace  birthday in 3 days (turns 40)",
        "",
        "2 due, 1 in today's plan, 0 snoozed, 1 awaiting reply",
    ]


def test_plain_text_with_all_aligns_wide_names(due):
    stream = io.StringIO()
    plain_table(due, list(due.items), stream, show_all=True)
    assert stream.getvalue().splitlines()[:9] == [
        "Today's plan (1)",
        "  Ada Lovelace  last contact 3 months ago, 4 weeks overdue (friend circle: every 2 months)",
        "                  reach  email · ada@example.org",
        "                  last   1 Sep <-> email: long catch-up about climbing",
        "",
        "Also due (1)",
        "  김민준        follow up: you called on 20 Nov, no reply yet",
        "                  reach  phone · +44 20 7946 0000",
        "                  last   20 Nov -> phone: left a voicemail about the offsite",
    ]


def test_the_rich_table_shows_the_same_facts(due):
    console = Console(record=True, width=160, force_terminal=True, color_system="standard")
    rich_table(due, list(due.items), console, show_all=True)
    text = console.export_text()
    for fact in (
        "Today's plan (1)",
        "Also due (1)",
        "김민준",
        "phone · +44 20 7946 0000",
        "last   1 Sep <-> email",
        "Coming up (1)",
        "2 due, 1 in today's plan, 0 snoozed, 1 awaiting reply",
    ):
        assert fact in text


@pytest.mark.parametrize(
    ("kept", "line"),
    [
        (None, None),
        ([], "Nobody due today matches these filters (2 due in all: kith due)."),
    ],
)
def test_an_empty_list_says_whether_the_filters_emptied_it(due, kept, line):
    items = list(due.items) if kept is None else kept
    stream = io.StringIO()
    plain_table(due, items, stream)
    assert nobody_line(due, items) == line
    shown = [text for text in stream.getvalue().splitlines() if text.startswith("Nobody")]
    assert shown == ([line] if line else [])


def test_an_empty_network_has_nobody_due(make_network):
    empty = due_list(load(make_network({})), TODAY)
    assert nobody_line(empty, list(empty.items)) == "Nobody is due today."


ALSO = "also overdue: 1 follow-up, 2 timely reasons, 7 reconnects, 4 backlog picks; kith due --all"


@pytest.mark.parametrize(
    ("line", "width", "lines"),
    [
        (
            "also overdue: 1 follow-up; kith due --all",
            80,
            ["also overdue: 1 follow-up; kith due --all"],
        ),
        (ALSO, 100, [ALSO]),
        (ALSO, 80, [ALSO.removesuffix(" kith due --all"), "kith due --all"]),
        (ALSO, 60, [ALSO.removesuffix(" kith due --all"), "kith due --all"]),
    ],
)
def test_the_also_line_never_splits_the_command_it_names(line, width, lines):
    assert also_lines(line, width) == lines


@pytest.mark.parametrize("width", [60, 80])
def test_the_rich_table_keeps_kith_due_all_on_one_line(width):
    demo = load(Path(__file__).resolve().parents[1])
    due = due_list(demo, TODAY)
    console = Console(record=True, width=width, force_terminal=True, color_system="standard")
    rich_table(due, list(due.items), console)
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    assert "kith due --all" in lines
    assert all(display_width(line) <= width for line in lines)


LONG_ADDRESS = "wilhelmina.oduya-featherstonehaugh@volunteering.example.org"


@pytest.mark.parametrize("width", [60, 61, 72, 80, 100, 120])
@pytest.mark.parametrize(
    "address", [LONG_ADDRESS, "mina.oduya@volunteering.example.org", "+44 20 7946 0000"]
)
def test_an_address_is_never_cut_at_any_width_down_to_60(make_network, width, address):
    key = "phones" if address.startswith("+") else "emails"
    root = make_network(
        {
            "wil": contact(
                f"circle: close\nchannel: message\n{key}: ['{address}']",
                "2026-09-01 <-> email: a long talk about the volunteering weekend and its plans",
                name="Wilhelmina Oduya-Featherstonehaugh",
            )
        }
    )
    due = due_list(load(root), TODAY)
    console = Console(record=True, width=width, force_terminal=True, color_system="standard")
    rich_table(due, list(due.items), console, show_all=True)
    lines = console.export_text().splitlines()
    assert any(address in line for line in lines)
    assert all(display_width(line.rstrip()) <= width or line.strip() == address for line in lines)


@pytest.mark.parametrize(
    ("text", "width"), [("Ada", 3), ("김민준", 6), ("José", 4), ("Jose\u0301", 4)]
)
def test_display_width_counts_terminal_columns(text, width):
    assert display_width(text) == width
    assert display_width(pad(text, 8)) == 8


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            "channel: email\nemails: [a@example.org]\nphones: ['+44 20 7946 0000']",
            "email · a@example.org",
        ),
        (
            "channel: phone\nemails: [a@example.org]\nphones: ['+44 20 7946 0000']",
            "phone · +44 20 7946 0000",
        ),
        ("phones: ['+44 20 7946 0000']", "+44 20 7946 0000"),
        ("channel: in-person", "in-person"),
        ("tags: [quiet]", "no channel or address yet"),
    ],
)
def test_reach_shows_the_channel_and_the_address_to_use(make_network, front, expected):
    root = make_network(
        {"sam": contact(f"{front}\ncircle: friend", "2026-01-01 <-> email: hi", name="Sam")}
    )
    (item,) = due_list(load(root), TODAY).items
    assert reach(item) == expected


def birthday_friend(slug: str, circle: str = "close") -> str:
    return contact(f"circle: {circle}\nbirthday: 1990-12-01", "2026-11-25 <-> phone: hi", name=slug)


OVER_BUDGET = [
    pytest.param(
        1, ["Ann", "Bea"], "Today's plan (2): 1 over the budget of 1, as they cannot wait"
    ),
    pytest.param(2, ["Ann", "Bea"], "Today's plan (2)"),
    pytest.param(3, ["Ann", "Bea", "Cid"], "Today's plan (3)"),
]


@pytest.mark.parametrize(("per_day", "plan", "heading"), OVER_BUDGET)
def test_the_heading_says_when_what_cannot_wait_goes_over_the_budget(
    make_network, per_day, plan, heading
):
    root = make_network(
        {
            "ann": birthday_friend("Ann"),
            "bea": birthday_friend("Bea", "friend"),
            "cid": contact("circle: friend", "2026-08-01 <-> email: hi", name="Cid"),
        }
    )
    due = due_list(load(root), TODAY, per_day=per_day)
    stream = io.StringIO()
    plain_table(due, list(due.items), stream)
    lines = stream.getvalue().splitlines()
    assert lines[0] == heading
    assert [item.name for item in due.plan] == plan
    assert "  Ann  birthday today (turns 36) [cannot wait]" in lines
    also = "also overdue: 1 reconnect; kith due --all"
    assert (also in lines) == (len(plan) == 2)
