"""How dates and spans read in due reasons."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.model import Duration
from kithbook.phrases import (
    duration_words,
    first_words,
    reached_out,
    relative_day,
    short_date,
    span,
)

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2026, 11, 2), "2 Nov"),
        (dt.date(2025, 11, 2), "2 Nov 2025"),
        (dt.date(2027, 1, 3), "3 Jan 2027"),
    ],
)
def test_short_dates_name_the_year_only_when_it_is_not_this_one(day, text):
    assert short_date(day, TODAY) == text


@pytest.mark.parametrize(
    ("offset", "text"),
    [
        (0, "today"),
        (1, "tomorrow"),
        (-1, "yesterday"),
        (3, "in 3 days"),
        (-2, "2 days ago"),
    ],
)
def test_relative_days(offset, text):
    assert relative_day(TODAY + dt.timedelta(days=offset), TODAY) == text


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (1, "1 day"),
        (13, "13 days"),
        (14, "2 weeks"),
        (59, "8 weeks"),
        (60, "2 months"),
        (400, "13 months"),
        (730, "2 years"),
    ],
)
def test_spans_round_down_to_a_readable_unit(days, text):
    assert span(days) == text


@pytest.mark.parametrize(
    ("duration", "text"), [(Duration(1, "y"), "1 year"), (Duration(3, "m"), "3 months")]
)
def test_durations_in_words(duration, text):
    assert duration_words(duration) == text


@pytest.mark.parametrize(
    ("channel", "text"),
    [
        ("email", "emailed"),
        ("phone", "called"),
        ("carrier-pigeon", "reached out by carrier-pigeon"),
        (None, "reached out"),
    ],
)
def test_what_reaching_out_on_a_channel_is_called(channel, text):
    assert reached_out(channel) == text


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 60, "short"),
        ("one two three four", 12, "one two…"),
        ("spaced\n  over   lines", 60, "spaced over lines"),
    ],
)
def test_first_words_cut_at_a_word(text, limit, expected):
    assert first_words(text, limit) == expected
