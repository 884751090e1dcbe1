"""LinkedIn's Connections.csv: notes above the header, Connected On dates, profile links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kithbook.importers.linkedin import parse_connected_on, read_linkedin
from kithbook.model import Met

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "Connections.csv"


@pytest.mark.parametrize(
    ("index", "field", "expected"),
    [
        (0, "line", 5),
        (0, "name", "Astrid Lindqvist"),
        (0, "emails", []),
        (0, "links", {"linkedin": "https://www.linkedin.com/in/astrid-lindqvist-example"}),
        (0, "company", "Fjord Freight AB"),
        (0, "role", "Head of Routing"),
        (0, "met", Met(date=dt.date(2019, 3, 14), where="LinkedIn")),
        (1, "emails", ["kemi.abara@example.org"]),
        (1, "company", "Brightline Labs, Inc."),
        (2, "role", "Researcher, Genomics"),
        (3, "line", 9),
        (3, "met", Met(where="LinkedIn")),
    ],
)
def test_each_connection_becomes_a_candidate_met_on_linkedin(index, field, expected):
    assert getattr(read_linkedin(FIXTURE.read_bytes()).candidates[index], field) == expected


def test_bad_rows_are_reported_at_their_source_line():
    problems = read_linkedin(FIXTURE.read_bytes()).problems
    lines = [(problem.line, problem.severity) for problem in problems]
    assert lines == [(8, "warning"), (9, "warning")]  # a hidden name is normal: left out
    assert "hides their name" in problems[0].message
    assert problems[0].left_out
    assert "'sometime in 2022' is not a date like 01 Jan 2020" in problems[1].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01 Jan 2020", dt.date(2020, 1, 1)),
        ("7 Sep 2015", dt.date(2015, 9, 7)),
        ("23-Sep-2021", dt.date(2021, 9, 23)),
        ("14 March 2019", dt.date(2019, 3, 14)),
        ("1/8/18, 6:14 PM", dt.date(2018, 1, 8)),  # the 2018 layout: month first, time after
        ("12/25/2017", dt.date(2017, 12, 25)),
        ("25/12/2017", dt.date(2017, 12, 25)),  # day first when the first cannot be a month
        ("23-Apr-23", dt.date(2023, 4, 23)),  # after a round trip through Excel
        ("2020-01-01", dt.date(2020, 1, 1)),
    ],
)
def test_connected_on_dates_are_read_in_any_locale(text, expected):
    assert parse_connected_on(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2020-13-45", "'2020-13-45' is not a real date"),
        ("01 Foo 2020", "'01 Foo 2020' is not a date like 01 Jan 2020"),
        ("31 Feb 2022", "'31 Feb 2022' is not a real date"),
        ("", "'' is not a date like 01 Jan 2020"),
    ],
)
def test_other_connected_on_texts_are_refused_quoting_the_value(text, message):
    with pytest.raises(ValueError) as refused:
        parse_connected_on(text)
    assert str(refused.value) == message


def test_a_file_without_the_header_is_one_error():
    parsed = read_linkedin(b"Name,Email\nAda,ada@example.org\n")
    assert parsed.candidates == []
    assert "no LinkedIn header row" in parsed.problems[0].message
