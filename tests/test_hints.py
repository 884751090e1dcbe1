"""The one "did you mean" hint (kithbook.hints)."""

from __future__ import annotations

import pytest

from kithbook.hints import did_you_mean

CHANNELS = ("email", "phone", "video", "message")


@pytest.mark.parametrize(
    ("word", "options", "expected"),
    [
        ("emial", {}, " (did you mean email?)"),
        ("emial", {"quoted": True}, " (did you mean 'email'?)"),
        ("fax", {}, ""),
        ("vidoe", {"cutoff": 0.99}, ""),
        ("messages", {"n": 3}, " (did you mean message?)"),
        ("phon", {"n": 2}, " (did you mean phone?)"),
    ],
)
def test_the_hint_names_the_closest_known_words_or_says_nothing(word, options, expected):
    assert did_you_mean(word, CHANNELS, **options) == expected


def test_several_close_words_are_listed_closest_first():
    assert did_you_mean("ada", ["ada-l", "adam", "bob"], n=3) == " (did you mean adam, ada-l?)"
