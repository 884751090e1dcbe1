"""The site as a function: network -> Markdown pages (kithbook.site.pages and the page modules)."""

from __future__ import annotations

import datetime as dt
import json
import re

import markdown
import pytest

from kithbook.parse.load import load
from kithbook.repo.history import FileHistory, KeyChange
from kithbook.rules.validate import validate
from kithbook.site.contact_page import initials
from kithbook.site.pages import asset_files, site_pages
from kithbook.site.plugin import EXTENSIONS

TODAY = dt.date(2026, 12, 1)

ADA = """
    ---
    name: Ada Lovelace
    emails: [ada@example.org]
    phones: ["+44 20 7946 0101"]
    links: {website: "https://ada.example.org", github: adal, evil: "javascript:alert(1)"}
    company: Acme Analytics
    role: Engineer
    circle: friend
    tags: [python, mentor]
    birthday: 1986-12-04
    knows: [bob-stone]
    memories: [The tent that collapsed twice]
    goals: [Climb together monthly]
    ---

    Thinking about leaving Acme.

    ## Log
    - 2026-09-14 <-> in-person: Bouldering
    - 2026-11-20 -> email: Sent the fellowship link

    ## Private
    SECRET-NOTE about her health.
    """
BOB = """
    ---
    name: Bob Stone
    company: Acme Analytics
    met: {date: 2019, where: a party, via: ada-lovelace}
    ---

    ## Log
    - 2025-01-10 <-> phone: Long call
    """
CAROL = """
    ---
    name: Carol Hidden
    private: true
    company: Secret Corp
    tags: [hush]
    knows: [ada-lovelace]
    met: {via: ada-lovelace}
    ---

    ## Log
    - 2026-11-01 -> email: HIDDEN-LOG-TEXT
    """


def build(root, histories=None):
    network = load(root)
    pages = site_pages(network, TODAY, validate(network, TODAY), histories)
    return {page.uri: page for page in pages}


def html_of(page) -> str:
    return markdown.markdown(page.body, extensions=list(EXTENSIONS))


@pytest.fixture
def pages(make_network):
    return build(make_network({"ada-lovelace": ADA, "bob-stone": BOB, "carol-hidden": CAROL}))


@pytest.mark.parametrize(
    "uri",
    [
        "index.md",
        "people/index.md",
        "due.md",
        "calendar.md",
        "tags/index.md",
        "circles/index.md",
        "companies/index.md",
        "graph.md",
        "stats.md",
        "people/ada-lovelace.md",
        "people/bob-stone.md",
        "tags/python.md",
        "circles/friend.md",
        "companies/acme-analytics.md",
    ],
)
def test_the_site_has_every_page_of_the_network(pages, uri):
    assert uri in pages


@pytest.mark.parametrize(
    "secret",
    ["Carol Hidden", "carol-hidden", "Secret Corp", "hush", "HIDDEN-LOG-TEXT", "SECRET-NOTE"],
)
def test_private_contacts_and_private_sections_appear_on_no_page(pages, secret):
    assert not [uri for uri, page in pages.items() if secret in page.markdown]


def test_private_contacts_are_not_in_the_graph_data(pages):
    data = re.search(r'id="kb-graph-data">(.*?)</script>', pages["graph.md"].body)[1]
    graph = json.loads(data)
    assert [node["id"] for node in graph["nodes"]] == ["ada-lovelace", "bob-stone"]
    assert {(edge["source"], edge["target"], edge["kind"]) for edge in graph["edges"]} == {
        ("ada-lovelace", "bob-stone", "knows"),
        ("ada-lovelace", "bob-stone", "via"),
    }


@pytest.mark.parametrize(
    "expected",
    [
        '<a href="mailto:ada@example.org">ada@<wbr>example.org</a>',
        '<a href="tel:+442079460101">+44 20 7946 0101</a>',
        '<a href="https://ada.example.org">website</a>',
        "github: adal",
        "evil: javascript:alert(1)",
        '<a href="../companies/acme-analytics.md">Acme Analytics</a>',
        '<a href="../circles/friend.md">friend</a>',
        '<a href="../tags/python.md">#python</a>',
        '<a href="bob-stone.md">Bob Stone</a>',
        "4 December (in 3 days, turns 40)",
        "The tent that collapsed twice",
        "Thinking about leaving Acme.",
    ],
)
def test_a_contact_page_shows_the_profile_card_memories_and_notes(pages, expected):
    assert expected in pages["people/ada-lovelace.md"].body


def fact(body: str, label: str) -> str:
    """The value of one row of a contact card."""
    found = re.search(
        rf"<dt[^>]*>(?:<span[^>]*>[^<]*</span>)?{label}<span[^>]*>:</span></dt> "
        r"<dd[^>]*>(.*?)</dd>",
        body,
    )
    return found[1] if found else ""


def test_the_person_who_introduced_you_links_back_to_whom_they_introduced(pages):
    ada, bob = pages["people/ada-lovelace.md"].body, pages["people/bob-stone.md"].body
    assert fact(ada, "Introduced you to") == '<a href="bob-stone.md">Bob Stone</a>'
    assert 'via <a href="ada-lovelace.md">Ada Lovelace</a>' in fact(bob, "Met")
    assert fact(bob, "Knows") == '<a href="ada-lovelace.md">Ada Lovelace</a>'


def test_the_log_is_a_timeline_newest_first_with_direction_in_words(pages):
    html = html_of(pages["people/ada-lovelace.md"])
    email, bouldering = html.index("Sent the fellowship link"), html.index("Bouldering")
    assert email < bouldering
    assert 'title="you reached out"' in html and 'title="together"' in html


def test_contact_pages_stay_out_of_the_nav_and_indexes_stay_in(pages):
    in_nav = [uri for uri, page in pages.items() if page.in_nav]
    assert in_nav == [
        "index.md",
        "people/index.md",
        "due.md",
        "calendar.md",
        "tags/index.md",
        "circles/index.md",
        "companies/index.md",
        "graph.md",
        "stats.md",
    ]


def test_the_home_page_states_the_build_date_and_shows_todays_plan_first(pages):
    home = pages["index.md"].body
    assert "Built on <strong>Tuesday 1 December 2026</strong>" in home
    plan = home.split("## Today's plan")[1].split("## Coming up")[0]
    assert 'class="kb-plan-card' in plan and 'href="people/bob-stone.md"' in plan
    assert (
        home.index("## Today's plan") < home.index("## Coming up") < home.index("## Your network")
    )


@pytest.mark.parametrize("key", ["title", "template", "hide", "search", "icon", "status"])
def test_a_users_front_matter_key_cannot_become_page_meta(make_network, key):
    contact = f"""
        ---
        name: Dana Doe
        {key}: hijacked
        ---
        """
    pages = build(make_network({"dana-doe": contact}))
    meta = pages["people/dana-doe.md"].markdown.split("---")[1]
    expected = [
        "title: Dana Doe",
        "kind: contact",
        "search:",
        "  boost: 2",
        "hide:",
        "- navigation",
    ]
    assert meta.strip().splitlines() == expected


def test_html_in_front_matter_values_is_escaped_on_every_page(make_network):
    contact = """
        ---
        name: "<script>alert('name')</script>"
        company: "<img src=x onerror=alert(1)>"
        tags: [python]
        memories: ["<b>bold</b>"]
        aka: ["<i>x</i>"]
        ---
        """
    pages = build(make_network({"evil": contact}))
    for uri, page in pages.items():
        assert "<script>alert" not in page.markdown, uri
        assert "<img src=x" not in page.markdown, uri
        if not uri.startswith("assets"):
            assert "<script>" not in html_of(page), uri
    title = "title: '&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;'"
    assert title in pages["people/evil.md"].markdown
    assert "&lt;b&gt;bold&lt;/b&gt;" in html_of(pages["people/evil.md"])


def test_a_broken_contact_file_gets_a_page_with_the_validators_message(make_network):
    pages = build(make_network({"ada-lovelace": ADA, "broken": "---\nname: [unclosed\n---\n"}))
    broken = pages["people/broken.md"].body
    assert "contacts/broken.md:" in broken and "error:" in broken
    assert "broken.md" in pages["index.md"].body


def test_a_contact_with_an_error_still_has_its_page_with_the_error_on_top(make_network):
    contact = "---\nname: Eve\nemails: [not-an-address]\n---\n"
    page = build(make_network({"eve": contact}))["people/eve.md"].body
    assert page.index("!!! failure") < page.index('class="kb-card"')
    assert "emails: not-an-address is not a valid address" in page


def test_the_history_section_lists_when_the_contact_was_added_and_what_changed(make_network):
    history = FileHistory(
        dt.date(2024, 3, 1),
        dt.date(2025, 6, 2),
        3,
        (KeyChange(dt.date(2025, 6, 2), "company", "Acme", "Brightline"),),
    )
    pages = build(make_network({"ada-lovelace": ADA}), {"contacts/ada-lovelace.md": history})
    body = pages["people/ada-lovelace.md"].body
    assert "**1 Mar 2024**: added to your network" in body
    assert "**2 Jun 2025**: company changed from Acme to Brightline" in body


def test_groups_list_their_people(pages):
    company = pages["companies/acme-analytics.md"].body
    assert '<a href="../people/ada-lovelace.md">Ada Lovelace</a>' in company
    assert '<a href="../people/bob-stone.md">Bob Stone</a>' in company
    index = pages["companies/index.md"].body
    assert '<a href="acme-analytics.md">Acme Analytics</a> | 2 |' in index


def test_every_internal_link_points_at_a_generated_page(pages):
    import posixpath

    for uri, page in pages.items():
        for target in re.findall(r'href="([^"]+\.md)"', page.body):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(uri), target))
            assert resolved in pages, (uri, target)


def test_the_site_ships_its_own_scripts_and_styles_and_loads_nothing_from_another_host():
    assets = asset_files()
    assert set(assets) == {
        "assets/kithbook/kithbook.css",
        "assets/kithbook/kithbook.js",
        "assets/kithbook/graph.js",
    }
    for content in assets.values():
        assert not re.search(rb"https?://(?!www\.w3\.org/2000/svg)", content)


PLANNED = """
    ---
    name: Pia Planned
    company: Acme Analytics
    cadence: 1y
    ---

    ## Log
    - 2026-01-01 <-> phone: Happy new year
    - 2026-12-20 <-> in-person: Dinner, planned
    """


@pytest.mark.parametrize(
    ("uri", "expected", "unexpected"),
    [
        ("people/index.md", "<td>2026-01-01</td>", "2026-12-20"),
        ("companies/acme-analytics.md", "<td>1 Jan 2026</td>", "20 Dec 2026"),
        ("people/pia-planned.md", "Last contact 11 months ago (phone)", "Last contact in "),
        ("index.md", 'talked to in 90 days</span><span class="kb-stat__note">0 of 1', "1 of 1"),
    ],
)
def test_the_last_contact_on_every_page_is_as_of_the_build_day(
    make_network, uri, expected, unexpected
):
    body = build(make_network({"pia-planned": PLANNED}))[uri].body
    assert expected in body
    assert unexpected not in body


@pytest.mark.parametrize(
    "name, letters",
    [
        ("Ada Quillfeather", "AQ"),
        ("Cher", "C"),
        ("José van der Berg", "JB"),
        ("", "?"),
        ("42", "?"),
    ],
)
def test_the_avatar_initials_take_the_first_and_last_word(name, letters):
    assert initials(name) == letters


@pytest.mark.parametrize(
    ("uri", "searched"),
    [
        ("index.md", False),
        ("people/index.md", False),
        ("due.md", False),
        ("calendar.md", False),
        ("tags/index.md", False),
        ("tags/python.md", True),
        ("circles/friend.md", True),
        ("companies/acme-analytics.md", True),
        ("graph.md", False),
        ("people/ada-lovelace.md", True),
    ],
)
def test_index_pages_stay_out_of_the_search_index(pages, uri, searched):
    assert (pages[uri].meta.get("search") != {"exclude": True}) is searched


def test_a_group_page_is_searched_by_its_title_and_ranked_below_people(pages):
    group, person = pages["companies/acme-analytics.md"], pages["people/ada-lovelace.md"]
    assert group.meta["search"]["boost"] < person.meta["search"]["boost"]
    # The table of people is left out of the search index (an HTML block: it skips Markdown).
    assert '<div data-search-exclude="data-search-exclude">\n<table>' in group.body


def test_a_persons_search_entry_has_company_and_tags_as_chips_and_readable_facts(pages):
    ada = pages["people/ada-lovelace.md"]
    assert ada.meta["tags"] == ["Acme Analytics", "python", "mentor"]
    html = html_of(ada)
    assert '<dt>Email<span class="kb-sep">:</span></dt>' in html
    assert '<dt><span class="kb-sep">· </span>Phone<span class="kb-sep">:</span></dt>' in html
    assert "<dt data-search-exclude>Cadence" in html  # not needed to find anyone


def test_a_company_or_tag_too_long_for_a_file_name_gets_a_short_page_name_of_its_own(make_network):
    long_a, long_b = "Lanternfish " * 30 + "Alpha", "Lanternfish " * 30 + "Beta"
    contacts = {
        "ada-lovelace": f"---\nname: Ada Lovelace\ncompany: {long_a}\ntags: [{'x' * 300}]\n---\n",
        "bob-stone": f"---\nname: Bob Stone\ncompany: {long_b}\n---\n",
        "cy-young": "---\nname: Cy Young\ncompany: Acme Analytics\n---\n",
    }
    pages = build(make_network(contacts))
    groups = [uri for uri in pages if uri.startswith(("companies/", "tags/"))]
    assert all(len(uri.rsplit("/", 1)[-1]) <= 100 for uri in groups), groups
    companies = [uri for uri in groups if uri.startswith("companies/lanternfish-")]
    assert len(companies) == 2  # cut to the same words, told apart by their digests
    assert "companies/acme-analytics.md" in groups  # a name of ordinary length is unchanged
    for uri in companies:
        assert (
            f'href="../{uri}"'
            in pages["people/ada-lovelace.md"].body + pages["people/bob-stone.md"].body
        )
