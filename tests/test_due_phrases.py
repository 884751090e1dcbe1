"""How dates, spans and durations read, in due reasons and on the site (kithbook.rules.phrases)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import kithbook
from kithbook.model import Duration
from kithbook.rules.phrases import (
    date_words,
    duration_words,
    first_words,
    long_date,
    reached_out,
    relative_day,
    short_date,
    span,
    when_words,
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
        (85, "3 months"),
        (400, "13 months"),
        (729, "24 months"),
        (730, "2 years"),
        (1000, "3 years"),
        (-85, "3 months"),
    ],
)
def test_spans_round_to_the_nearest_readable_unit(days, text):
    assert span(days) == text


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "today"),
        (1, "tomorrow"),
        (-1, "yesterday"),
        (3, "in 3 days"),
        (-13, "13 days ago"),
        (14, "in 2 weeks"),
        (-45, "6 weeks ago"),
        (-85, "3 months ago"),
        (90, "in 3 months"),
        (-400, "13 months ago"),
        (800, "in 2 years"),
    ],
)
def test_when_words_says_how_far_a_day_is_from_today(days, words):
    assert when_words(TODAY + dt.timedelta(days=days), TODAY) == words


@pytest.mark.parametrize(
    ("day", "short", "long"),
    [
        (TODAY, "1 Dec 2026", "Tuesday 1 December 2026"),
        (dt.date(2027, 1, 3), "3 Jan 2027", "Sunday 3 January 2027"),
        (dt.date(2028, 2, 29), "29 Feb 2028", "Tuesday 29 February 2028"),
        (dt.date(1, 1, 1), "1 Jan 1", "Monday 1 January 1"),
        (dt.date(9999, 12, 31), "31 Dec 9999", "Friday 31 December 9999"),
    ],
)
def test_dates_are_written_from_fixed_english_names(day, short, long):
    assert (date_words(day), long_date(day)) == (short, long)


def test_no_page_or_phrase_asks_the_locale_for_a_month_or_day_name():
    package = Path(kithbook.__file__).parent
    sources = [package / "rules" / "phrases.py", *sorted((package / "site").glob("*.py"))]
    asking = [
        path.name
        for path in sources
        if re.search(r"strftime|month_name|day_name", path.read_text())
    ]
    assert asking == []


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (Duration(1, "y"), "1 year"),
        (Duration(3, "m"), "3 months"),
        (Duration(2, "w"), "2 weeks"),
        (Duration(10, "d"), "10 days"),
    ],
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


@pytest.mark.parametrize(
    ("count", "word", "many", "expected"),
    [
        (1, "day", None, "1 day"),
        (0, "day", None, "0 days"),
        (3, "week", None, "3 weeks"),
        (1, "person", "people", "1 person"),
        (2, "person", "people", "2 people"),
    ],
)
def test_plural_adds_an_s_or_says_the_given_plural(count, word, many, expected):
    from kithbook.rules.phrases import plural

    assert plural(count, word, many) == expected
