"""Dates and durations in words (kithbook.site.words)."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.model import Duration
from kithbook.site.words import date_words, duration_words, initials, long_date, when_words

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("days, words", [
    (0, "today"), (1, "tomorrow"), (-1, "yesterday"), (3, "in 3 days"), (-13, "13 days ago"),
    (14, "in 2 weeks"), (-45, "6 weeks ago"), (90, "in 3 months"), (-400, "13 months ago"),
    (800, "in 2 years"),
])
def test_when_words_says_how_far_a_day_is_from_today(days, words):
    assert when_words(TODAY + dt.timedelta(days=days), TODAY) == words


@pytest.mark.parametrize("duration, words", [
    (Duration(1, "y"), "1 year"), (Duration(3, "m"), "3 months"), (Duration(2, "w"), "2 weeks"),
    (Duration(10, "d"), "10 days"),
])
def test_duration_words_spells_the_unit(duration, words):
    assert duration_words(duration) == words


@pytest.mark.parametrize("name, letters", [
    ("Ada Quillfeather", "AQ"), ("Cher", "C"), ("José van der Berg", "JB"), ("", "?"), ("42", "?"),
])
def test_initials_take_the_first_and_last_word(name, letters):
    assert initials(name) == letters


def test_dates_are_written_the_same_in_every_locale():
    assert (date_words(TODAY), long_date(TODAY)) == ("1 Dec 2026", "Tuesday 1 December 2026")
