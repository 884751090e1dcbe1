"""`kith export json` read back: each contact at the line where it starts, bad values reported."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kithbook.importers import detect_format
from kithbook.importers.kithbook_json import read_kithbook_json
from kithbook.model import Met, MonthDay

EXPORT = {
    "contacts": [
        {
            "slug": "ada",
            "name": "Ada Lovelace",
            "status": "paused",
            "log": [
                {"date": "2026-01-05", "arrow": "->", "channel": "email", "text": "hi\nmore"},
                {"date": "2026-02-01", "arrow": "note", "channel": None, "text": "moved"},
            ],
        },
        {"slug": "bram", "name": "Bram", "birthday": "--04-12", "met": {"date": "2019-06"}},
    ]
}


def read(data: object):
    return read_kithbook_json(json.dumps(data, indent=2).encode())


def test_each_contact_starts_at_its_own_line():
    assert [c.line for c in read(EXPORT).candidates] == [3, 22]


@pytest.mark.parametrize(
    ("index", "field", "expected"),
    [
        (0, "slug", "ada"),
        (0, "status", "paused"),
        (0, "log", ["- 2026-01-05 -> email: hi\n  more", "- 2026-02-01 note: moved"]),
        (1, "birthday", MonthDay(4, 12)),
        (1, "met", Met(date=dt.date(2019, 6, 1), precision="month")),
    ],
)
def test_every_key_is_read(index, field, expected):
    assert getattr(read(EXPORT).candidates[index], field) == expected


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"{}", 1, "not a Kithbook JSON export"),
        (b'{"contacts": [{"name": "Ada"}, {"name": ', 1, "this is not valid JSON"),
        (b'{"contacts": [3]}', 1, "a contact is a JSON object"),
        (b'{"contacts": [{"name": ""}]}', 1, "this contact has no name"),
        (b'{"contacts": [{"name": "A", "birthday": "soon"}]}', 1, "'soon' is not a date"),
        (b'{"contacts": [{"name": "A", "log": [{"date": "x"}]}]}', 1, "is not a log entry"),
    ],
)
def test_bad_input_is_a_problem_at_its_line_never_a_crash(data, line, message):
    (problem,) = read_kithbook_json(data).problems
    assert problem.line == line and message in problem.message


def test_a_json_export_is_told_from_its_content():
    assert detect_format(json.dumps(EXPORT).encode(), "backup.txt") == "json"
