"""Today's plan on the site: a card per person with what is needed to act (kithbook.site.today)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kithbook.model import Contact
from kithbook.parse.load import load
from kithbook.rules.due import due_list
from kithbook.rules.validate import validate
from kithbook.site.pages import site_pages
from kithbook.site.today import address_links

TODAY = dt.date(2026, 12, 1)
CONFIG = "site_name: Test\nplugins:\n  - kithbook:\n      per_day: {per_day}\n"

ADA = """
    ---
    name: Ada Lovelace
    emails: [ada@example.org]
    phones: ["+44 20 7946 0101"]
    channel: message
    company: Acme Analytics
    role: Engineer
    circle: close
    memories: [The tent that collapsed twice]
    goals: [Climb together monthly, Read her thesis]
    ---

    ## Log
    - 2026-09-01 <-> in-person: Bouldering at the wall
    - 2026-09-20 note: heard she moved
    - 2027-01-05 -> email: a day that has not happened yet
    """
BOB = """
    ---
    name: Bob Stone
    emails: [bob@example.org]
    circle: close
    ---

    ## Log
    - 2026-06-01 -> email: Sent the paper
    """
CAROL = """
    ---
    name: Carol Jones
    circle: friend
    channel: phone
    phones: ["+1 415 555 0100"]
    ---
    """
DAN = """
    ---
    name: Dan Mills
    circle: close
    birthday: 1990-12-09
    ---

    ## Log
    - 2026-07-01 <-> phone: Caught up
    """


CONTACTS = {"ada-lovelace": ADA, "bob-stone": BOB, "carol-jones": CAROL, "dan-mills": DAN}


def build(make_network, per_day: int):
    network = load(make_network(CONTACTS, CONFIG.format(per_day=per_day)))
    pages = site_pages(network, TODAY, validate(network, TODAY))
    return network, {page.uri: page for page in pages}


@pytest.fixture
def everyone(make_network):
    """Every due person in today's plan."""
    return build(make_network, per_day=9)


@pytest.fixture
def pages(everyone):
    return everyone[1]


@pytest.fixture
def some(make_network):
    """Two in today's plan, the others in the rest."""
    return build(make_network, per_day=2)


def cards(body: str) -> dict[str, str]:
    """The plan cards of a page, by the slug of their person, in page order."""
    found = re.findall(
        r'<article class="kb-plan-card[^"]*" id="plan-([^"]+)">(.*?)</article>', body
    )
    return dict(found)


def row(card: str, name: str) -> str:
    return re.search(rf'<dd class="kb-plan-{name}">(.*?)</dd>', card)[1]


@pytest.mark.parametrize("uri", ["index.md", "due.md"])
def test_the_home_and_due_pages_show_a_card_per_plan_item_in_plan_order(some, uri):
    network, pages = some
    plan = due_list(network, TODAY, problems=validate(network, TODAY)).plan
    assert list(cards(pages[uri].body)) == [item.slug for item in plan]
    assert len(plan) == 2


@pytest.mark.parametrize(
    ("slug", "field", "expected"),
    [
        ("ada-lovelace", "reach", 'message · <a href="sms:+442079460101">+44 20 7946 0101</a>'),
        ("ada-lovelace", "reach", '<a href="mailto:ada@example.org">ada@<wbr>example.org</a>'),
        ("ada-lovelace", "last", "1 Sep</time>"),
        ("ada-lovelace", "last", "in-person: Bouldering at the wall"),
        ("ada-lovelace", "memory", "The tent that collapsed twice"),
        ("ada-lovelace", "goal", "Climb together monthly"),
        ("ada-lovelace", "goal", "(+1 more)"),
        ("bob-stone", "reach", '<a href="mailto:bob@example.org">bob@<wbr>example.org</a>'),
        ("bob-stone", "last", "email: Sent the paper"),
        ("bob-stone", "memory", "none yet"),
        ("bob-stone", "goal", "none set"),
    ],
)
def test_a_plan_card_gives_the_address_as_a_link_the_last_interaction_a_memory_and_the_goal(
    pages, slug, field, expected
):
    card = cards(pages["due.md"].body)[slug]
    assert expected in row(card, field)


def test_the_last_interaction_is_real_contact_as_of_the_build_day(pages):
    last = row(cards(pages["due.md"].body)["ada-lovelace"], "last")
    assert "heard she moved" not in last and "not happened yet" not in last


def test_a_plan_card_links_to_the_write_to_box_of_the_persons_page(pages):
    card = cards(pages["index.md"].body)["bob-stone"]
    assert '<a class="kb-plan-card__write" href="people/bob-stone.md#write-to">' in card
    assert '<a class="kb-plan-card__name" href="people/bob-stone.md">Bob Stone</a>' in card


def test_the_rest_of_what_is_due_and_what_is_coming_up_follow_the_plan_compactly(some):
    network, pages = some
    due = due_list(network, TODAY, problems=validate(network, TODAY))
    body = pages["due.md"].body
    rest = body.split("## Also due")[1].split("## Coming up")[0]
    assert [item.slug for item in due.rest]
    for item in due.rest:
        assert f'href="people/{item.slug}.md"' in rest
    coming = body.split("## Coming up")[1]
    assert due.coming_up and all(f'href="people/{i.slug}.md"' in coming for i in due.coming_up)
    assert "birthday" in coming


def test_the_home_page_counts_the_rest_and_links_to_the_due_page(some):
    home = some[1]["index.md"].body
    assert re.search(
        r"Also due today: \d+ [a-z -]+.*: the <a href=\"due.md\">full due list</a>", home
    )


@pytest.mark.parametrize(
    ("channel", "emails", "phones", "expected"),
    [
        ("email", ["a@example.org"], ["+1 555 0100"], ["mailto:a@example.org", "tel:+15550100"]),
        ("message", ["a@example.org"], ["+1 555 0100"], ["sms:+15550100", "mailto:a@example.org"]),
        ("phone", ["a@example.org"], ["+1 555 0100"], ["tel:+15550100", "mailto:a@example.org"]),
        ("video", [], ["+1 555 0100"], ["tel:+15550100"]),
        ("message", ["a@example.org"], [], ["mailto:a@example.org"]),
        (None, [], [], []),
    ],
    ids=["email", "message-texts", "phone-calls", "video-calls", "no-phone-writes", "nothing"],
)
def test_the_address_for_the_preferred_channel_comes_first_as_a_link(
    channel, emails, phones, expected
):
    contact = Contact(
        slug="a",
        path="contacts/a.md",
        name="A",
        channel=channel,
        emails=tuple(emails),
        phones=tuple(phones),
    )
    hrefs = [re.search(r'href="([^"]+)"', link)[1] for link in address_links(contact)]
    assert hrefs == expected


def test_a_persons_page_says_what_is_coming_up_for_them(pages):
    assert "Coming up: birthday in 8 days (turns 36)." in pages["people/dan-mills.md"].body
    assert "Coming up" not in pages["people/bob-stone.md"].body


# Her birthday is today, but two messages in a row went unanswered: the never-pester guard shows
# it as a note and keeps it out of the plan.
EVE = """
    ---
    name: Eve Pester
    circle: friend
    birthday: 1990-12-01
    ---

    ## Log
    - 2026-11-01 -> email: First try
    - 2026-11-20 -> email: Second try
    """


@pytest.mark.parametrize(
    ("contacts", "expected"),
    [
        ({}, "Nobody is due today. Enjoy the quiet."),
        ({"eve-pester": EVE}, "Nothing planned today; the rest of what is due is below."),
    ],
    ids=["nobody-due", "a-plan-of-none"],
)
def test_an_empty_plan_says_whether_anything_else_is_due(make_network, contacts, expected):
    network = load(make_network(contacts, CONFIG.format(per_day=3)))
    pages = {page.uri: page for page in site_pages(network, TODAY, validate(network, TODAY))}
    assert expected in pages["due.md"].body
