"""Imported text turned into contact values the same way by every importer."""

from __future__ import annotations

import pytest

from kithbook.importers.values import add_link, link_label, one_line, parse_birthday, tag_word
from kithbook.model import MonthDay


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("--0412", MonthDay(4, 12)),
        ("--04-12", MonthDay(4, 12)),
        ("1990-04-12", MonthDay(4, 12, 1990)),
        ("19900412", MonthDay(4, 12, 1990)),
        ("1604-04-12", MonthDay(4, 12)),
        ("1990-04-12T00:00:00Z", MonthDay(4, 12, 1990)),
        ("--0229", MonthDay(2, 29)),
        ("  ", None),
    ],
)
def test_birthdays_with_and_without_year(text, expected):
    assert parse_birthday(text) == expected


@pytest.mark.parametrize("text", ["12/04/1990", "1990-02-30", "--1304", "April 12"])
def test_other_birthday_texts_are_refused(text):
    with pytest.raises(ValueError):
        parse_birthday(text)


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://www.linkedin.com/in/ada", "linkedin"),
        ("uk.linkedin.com/in/ada", "linkedin"),
        ("https://github.com/ada", "github"),
        ("https://ada.example.org", "website"),
    ],
)
def test_links_are_labelled_by_their_site(url, label):
    assert link_label(url) == label


def test_a_second_link_with_the_same_label_is_numbered_and_a_repeat_is_dropped():
    links: dict[str, str] = {}
    for url in ("https://a.example.org", "https://b.example.org", "https://a.example.org"):
        add_link(links, "website", url)
    assert links == {"website": "https://a.example.org", "website-2": "https://b.example.org"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friends & Family", "friends-family"),
        ("myContacts", "mycontacts"),
        ("Café", "café"),
    ],
)
def test_labels_become_tag_words(text, expected):
    assert tag_word(text) == expected


def test_one_line_text_loses_newlines_and_control_characters():
    assert one_line(" Ada\n\tLove\x07lace ") == "Ada Lovelace"
