"""The one clock (kithbook.clock): a given day, else $KITHBOOK_TODAY, else the system date."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.clock import ClockError, parse_day, today
from kithbook.errors import KithbookError

DAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("given", "environ", "expected"),
    [
        (DAY, {"KITHBOOK_TODAY": "2020-01-01"}, DAY),
        (None, {"KITHBOOK_TODAY": "2026-12-01"}, DAY),
        (None, {"KITHBOOK_TODAY": ""}, dt.date.today()),
        (None, {}, dt.date.today()),
    ],
)
def test_today_is_the_given_day_else_the_variable_else_the_system_date(given, environ, expected):
    assert today(given, environ) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("tomorrow", "$KITHBOOK_TODAY='tomorrow' is not a date YYYY-MM-DD"),
        (
            "0999-01-01",
            "$KITHBOOK_TODAY='0999-01-01': give a date between 1900-01-01 and 2999-12-31",
        ),
    ],
)
def test_a_bad_variable_is_one_kithbook_error_naming_it(value, message):
    with pytest.raises(ClockError) as raised:
        today(None, {"KITHBOOK_TODAY": value})
    assert str(raised.value) == message
    assert isinstance(raised.value, KithbookError)


@pytest.mark.parametrize("text", ["2026-13-01", "1899-12-31", "3000-01-01", "1 Dec"])
def test_a_day_outside_any_network_or_not_a_date_is_refused(text):
    with pytest.raises(ValueError):
        parse_day(text)
