"""Google Contacts CSV (current and older headers), read field by field."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithbook.importers.google import read_google
from kithbook.model import MonthDay

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "google_contacts.csv"


@pytest.mark.parametrize(
    ("index", "field", "expected"),
    [
        (0, "line", 2),
        (0, "name", "Freya Galloway"),
        (0, "aka", ["Fre"]),
        (0, "emails", ["freya.galloway@example.org", "freya@ember.example.org"]),
        (0, "phones", ["+44 7700 900111", "+44 7700 900222"]),
        (0, "links", {"linkedin": "https://www.linkedin.com/in/freya-galloway-example"}),
        (0, "company", "Ember Energy"),
        (0, "role", "Policy Lead"),
        (0, "location", "Leeds, United Kingdom"),
        (0, "birthday", MonthDay(2, 17, 1991)),
        (0, "tags", ["book-club"]),
        (0, "notes", "Runs the climate book club.\nAsk about her allotment."),
        (1, "line", 6),
        (1, "birthday", MonthDay(7, 4)),
        (1, "links", {"blog": "https://goran.example.org"}),
        (1, "tags", []),
    ],
)
def test_each_row_becomes_a_candidate(index, field, expected):
    assert getattr(read_google(FIXTURE.read_bytes()).candidates[index], field) == expected


def test_a_row_without_a_name_but_with_a_phone_is_kept_under_its_number():
    parsed = read_google(FIXTURE.read_bytes())
    assert parsed.problems == []
    assert [(c.line, c.name, c.phones) for c in parsed.candidates[2:]] == [
        (7, "+44 7700 900333", ["+44 7700 900333"])
    ]


OLDER = (
    "Name,Given Name,Additional Name,Family Name,Nickname,Birthday,Notes,Group Membership,"
    "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
    "Organization 1 - Type,Organization 1 - Name,Organization 1 - Title\n"
    "Hana Tanaka,Hana,,Tanaka,,1992-05-05,,* myContacts ::: Climbing,* Home,"
    "hana@example.org ::: hana.t@example.org,Mobile,+81 90 0000 1111,,Iris Media,Editor\n"
)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("name", "Hana Tanaka"),
        ("emails", ["hana@example.org", "hana.t@example.org"]),
        ("phones", ["+81 90 0000 1111"]),
        ("company", "Iris Media"),
        ("role", "Editor"),
        ("tags", ["climbing"]),
        ("birthday", MonthDay(5, 5, 1992)),
    ],
)
def test_the_older_google_header_is_read_too(field, expected):
    assert getattr(read_google(OLDER.encode()).candidates[0], field) == expected
