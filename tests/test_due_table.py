"""The due table for people: plain aligned text for pipes, a rich table for terminals."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from rich.console import Console

from kithbook.cli.due_table import display_width, pad, plain_table, reach, rich_table
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
    return due_list(load(root), TODAY)


def test_plain_text_aligns_wide_names(due):
    stream = io.StringIO()
    plain_table(due, list(due.items), stream)
    assert stream.getvalue().splitlines() == [
        "Follow up (1)",
        "  김민준        follow up: you called on 20 Nov, no reply yet",
        "                  reach  phone · +44 20 7946 0000",
        "                  last   20 Nov -> phone: left a voicemail about the offsite",
        "",
        "Occasions (1)",
        "  Ada Lovelace  birthday in 3 days (turns 40)",
        "                  reach  email · ada@example.org",
        "                  last   1 Sep <-> email: long catch-up about climbing",
        "                  also   last contact 3 months ago, 4 weeks overdue "
        "(friend circle: every 2 months)",
        "",
        "2 due, 0 snoozed, 1 awaiting reply",
    ]


def test_the_rich_table_shows_the_same_facts(due):
    console = Console(record=True, width=160, force_terminal=True, color_system="standard")
    rich_table(due, list(due.items), console)
    text = console.export_text()
    for fact in (
        "Follow up (1)",
        "Occasions (1)",
        "김민준",
        "phone · +44 20 7946 0000",
        "also: last contact 3 months ago",
        "last: 1 Sep <-> email",
        "2 due, 0 snoozed, 1 awaiting reply",
    ):
        assert fact in text


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
