"""Drafts: golden drafts for demo contacts (every intent and channel kind), the wording helpers,
templates a network overrides, wordings that differ between people, and the never-invent rule."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from kithbook.config import Config
from kithbook.drafts import (
    INTENTS,
    KINDS,
    DraftError,
    Templates,
    channel_kind,
    day_variants,
    draft,
    intent_for,
    mailto,
)
from kithbook.drafts.wording import first_clause, gap_words, to_you, with_article
from kithbook.parse.load import load, parse_contact
from kithbook.rules.due import due_list

DEMO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "fixtures" / "drafts"
TODAY = dt.date(2026, 12, 1)
UPDATE = os.environ.get("KITHBOOK_UPDATE_GOLDEN") == "1"  # rewrite the files; read them after!

CASES = [
    ("catch-up", "email", "harriet-oyelaran-stone"),
    ("catch-up", "message", "tamsin-blackwood"),
    ("catch-up", "phone", "dario-fenwick"),
    ("catch-up", "letter", "quentin-abernathy"),
    ("congrats", "email", "wendell-ngata"),
    ("congrats", "message", "cosima-vale"),
    ("congrats", "video", "oskar-lindqvist-bay"),
    ("congrats", "letter", "bram-okafor-lind"),
    ("birthday", "email", "ada-quillfeather"),
    ("birthday", "message", "mateo-ruiz-calder"),
    ("birthday", "phone", "nadia-petrosyan"),
    ("birthday", "letter", "feodora-leapwell"),
    ("follow-up", "email", "bram-okafor-lind"),
    ("follow-up", "message", "kofi-mensah-aldous"),
    ("follow-up", "phone", "lena-vogelsang"),
    ("follow-up", "letter", "hugo-brandvold"),
    ("thanks", "email", "harriet-oyelaran-stone"),
    ("thanks", "message", "jose-muller"),
    ("thanks", "phone", "cormac-ohare-lune"),
    ("thanks", "letter", "cosima-vale"),
    ("ask", "email", "kofi-mensah-aldous"),
    ("ask", "message", "zeno-papadakis"),
    ("ask", "video", "beatriz-montalvo"),
    ("ask", "letter", "elodie-marchetti"),
    ("offer", "email", "wilhelmina-oduya"),
    ("offer", "message", "zeno-papadakis"),
    ("offer", "in-person", "kofi-mensah-aldous"),
    ("offer", "letter", "dario-fenwick"),
    ("intro", "email", "ada-quillfeather"),
    ("intro", "message", "nadia-petrosyan"),
    ("intro", "video", "jose-muller"),
    ("intro", "letter", "tamsin-blackwood"),
]
NAGS = (
    "still waiting",
    "haven't heard",
    "didn't reply",
    "no reply",
    "chasing",
    "ignored",
    "again?",
)


@pytest.fixture(scope="module")
def demo():
    return load(DEMO)


def demo_draft(demo, intent: str, channel: str, slug: str, **options):
    people = {contact.slug: contact.name for contact in demo.contacts}
    return draft(demo.get(slug), intent, channel, TODAY, demo.config, people=people, **options)


def test_the_golden_cases_cover_every_intent_and_channel_kind():
    covered = {(intent, channel_kind(channel)) for intent, channel, _ in CASES}
    assert covered == {(intent, kind) for intent in INTENTS for kind in KINDS}


@pytest.mark.parametrize(("intent", "channel", "slug"), CASES, ids=lambda value: value)
def test_a_demo_contacts_draft_reads_as_its_golden_file(demo, intent, channel, slug):
    result = demo_draft(demo, intent, channel, slug)
    path = GOLDEN / f"{intent}-{channel}-{slug}.txt"
    if UPDATE:
        path.write_text(result.text + "\n", encoding="utf-8")
    assert result.text + "\n" == path.read_text(encoding="utf-8")
    assert (result.subject is not None) == (channel == "email")


@pytest.mark.parametrize("kind_channel", ["email", "message", "phone", "letter"])
@pytest.mark.parametrize("slug", ["bram-okafor-lind", "kofi-mensah-aldous", "lena-vogelsang"])
def test_a_follow_up_is_a_friendly_reminder_never_a_nag(demo, slug, kind_channel):
    text = demo_draft(demo, "follow-up", kind_channel, slug).text.lower()
    assert not [nag for nag in NAGS if nag in text]


@pytest.mark.parametrize("channel", ["email", "message", "letter"])
def test_a_person_with_little_on_file_gets_a_short_warm_generic_draft(channel):
    contact = parse_contact("contacts/sam-doe.md", b"---\nname: Sam Doe\n---\n", Config(), [])
    result = draft(contact, "catch-up", channel, TODAY, Config())
    sentences = re.findall(r"[^.!?\n]+[.!?]", result.body)
    assert len(sentences) <= 4
    assert "Sam" in result.body
    assert re.search(r"It's been a while!|I hope you're well!", result.body)
    assert [name for name, _ in result.facts] == ["first_name"]


def test_every_due_person_on_the_demo_gets_the_draft_their_reason_calls_for(demo):
    due = due_list(demo, TODAY)
    items = (*due.items, *due.coming_up)
    intents = {item.slug: intent_for(item) for item in items}
    assert intents["bram-okafor-lind"] == "follow-up"
    assert intents["nadia-petrosyan"] == "birthday"
    assert intents["ada-quillfeather"] == "birthday"  # coming up in three days
    assert intents["oskar-lindqvist-bay"] == "congrats"  # a wedding anniversary
    assert intents["wendell-ngata"] == "congrats"  # a new job
    assert intents["dario-fenwick"] == "catch-up"
    assert intents["wilhelmina-oduya"] == "offer"  # from the backlog, with goals and no log
    assert intents["sven-ostergaard"] == "catch-up"  # from the backlog
    for item in items:
        result = demo_draft(demo, intents[item.slug], item.contact.channel or "email", item.slug)
        assert item.contact.name.split()[0] in result.text


def sentences_of(text: str, name: str) -> set[str]:
    """The draft's sentences with the person's name taken out, sign-off lines left out."""
    found = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text.replace(name, "NAME")):
        if sentence.strip() and not sentence.endswith(",") and " " in sentence.strip():
            found.add(sentence.strip())
    return found


def test_the_first_people_of_an_intent_on_one_day_share_no_sentence():
    texts = []
    for index, name in enumerate(["Ann Ash", "Bea Birch", "Cal Cedar"]):
        file = f"---\nname: {name}\ncircle: friend\n---\n\n## Log\n- 2026-06-01 <-> phone: Lunch\n"
        contact = parse_contact(f"contacts/p{index}.md", file.encode(), Config(), [])
        result = draft(contact, "catch-up", "email", TODAY, Config(), variant=index)
        texts.append(sentences_of(result.body, name.split()[0]))
    assert not texts[0] & texts[1] and not texts[1] & texts[2] and not texts[0] & texts[2]


def test_day_variants_number_the_people_of_each_intent_in_plan_order(demo):
    due = due_list(demo, TODAY)
    items = (*due.items, *due.coming_up)
    variants = day_variants(items)
    catch_ups = [item for item in items if intent_for(item) == "catch-up"]
    public_first = [item.slug for item in sorted(catch_ups, key=lambda item: item.contact.private)]
    assert [variants[slug] for slug in public_first] == list(range(len(catch_ups)))
    assert public_first[-1] == "rosalind-achebe-ward"  # private: numbered after the others


def test_the_same_person_gets_the_same_wording_every_time(demo):
    first = demo_draft(demo, "catch-up", "email", "harriet-oyelaran-stone")
    again = demo_draft(demo, "catch-up", "email", "harriet-oyelaran-stone")
    assert first == again


def test_the_draft_lists_the_facts_it_used(demo):
    result = demo_draft(demo, "follow-up", "email", "bram-okafor-lind")
    assert ("first_name", "Bram") in result.facts
    assert (
        "waiting",
        "2026-11-12 out: Congratulated him on the new role at Northwind, asked about coffee",
    ) in result.facts


def test_an_introduction_names_someone_from_knows(demo):
    result = demo_draft(demo, "intro", "email", "ada-quillfeather")
    assert "Bram Okafor-Lind" in result.body  # the first of her knows: [bram-okafor-lind, ...]


@pytest.mark.parametrize(
    ("name", "first"),
    [("Ada Lovelace", "Ada"), ("김민준", "김민준"), ("Dr. Grace Hopper", "Grace"), ("Dr.", "Dr.")],
)
def test_a_draft_greets_the_first_name_after_any_title(name, first):
    from kithbook.drafts.facts import first_name

    assert first_name(name) == first


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (2, "a few days"),
        (8, "about a week"),
        (15, "a couple of weeks"),
        (20, "about three weeks"),
        (35, "about a month"),
        (62, "about two months"),
        (183, "about six months"),
        (400, "about a year"),
        (600, "over a year"),
        (730, "about two years"),
        (3650, "about ten years"),
        (9000, "many years"),
    ],
)
def test_a_gap_is_said_in_plain_words(days, words):
    assert gap_words(days) == words


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Long call about her startup idea", "Long call about your startup idea"),
        ("Sent her the link", "Sent you the link"),
        ("she is restless at work", "you are restless at work"),
        ("He wants an intro", "you want an intro"),
        ("she always says yes", "you always say yes"),
        ("he finally bought the boat", "you finally bought the boat"),
        ("Sent him the article he mentioned", "Sent you the article you mentioned"),
        ("Asked if she'd be a reference", "Asked if you'd be a reference"),
        ("they shipped their first game", "they shipped their first game"),
    ],
)
def test_third_person_words_about_the_person_speak_to_them(text, spoken):
    assert to_you(text) == spoken


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Chess night; she beat me twice", "Chess night"),
        ("Thanks! She applied. #lead", "Thanks"),
        ("Long chat, his studio shipped their first game", "Long chat"),
        (
            "He showed me the robot arm that folds laundry (badly)",
            "He showed me the robot arm that folds laundry (badly)",
        ),
        ("Sent the release notes draft #oss", "Sent the release notes draft"),
    ],
)
def test_a_log_line_is_cut_to_its_first_clause(text, clause):
    assert first_clause(text, at_comma=True) == clause


@pytest.mark.parametrize(
    ("place", "phrase"),
    [
        ("Volunteering weekend", "the volunteering weekend"),
        ("Kestrel Labs", "Kestrel Labs"),
        ("Kestrel Labs design sprint", "the Kestrel Labs design sprint"),
        ("Ada's birthday party", "Ada's birthday party"),
        ("A night train from Vienna to Rome", "a night train from Vienna to Rome"),
        ("LinkedIn", "LinkedIn"),
        ("Conference in Oslo", "the conference in Oslo"),
        ("GovDesign Summit", "the GovDesign Summit"),
        ("Open Data Day panel", "the Open Data Day panel"),
        ("PyCon 2019", "PyCon 2019"),
        ("GovDesign Summit 2019", "the GovDesign Summit 2019"),
    ],
)
def test_where_you_met_reads_after_since(place, phrase):
    assert with_article(place) == phrase


@pytest.mark.parametrize(
    ("slug", "moment"),
    [
        ("nadia-petrosyan", "our chess night"),
        ("jose-muller", "you sent a photo from the Matterhorn hut"),
        ("minjun-kim", "we shared incident review war stories"),
        ("elodie-marchetti", "we swapped notes on the new night train routes"),
        ("wendell-ngata", "you were weighing the Kauri offer"),
    ],
)
def test_the_last_conversation_is_referred_to_as_the_person_lived_it(demo, slug, moment):
    from kithbook.drafts.facts import gather

    facts = gather(demo.get(slug), "catch-up", "email", "email", TODAY, demo.config)
    assert facts.last is not None and facts.last.since == moment


def test_a_network_template_replaces_the_shipped_one(make_network):
    root = make_network({"ada": "---\nname: Ada Lovelace\n---\n"})
    (root / "templates" / "catch-up").mkdir(parents=True)
    (root / "templates" / "catch-up" / "email.j2").write_text(
        "Subject: Tea?\n\nDear {{ first_name }}, tea on Sunday? {{ pick('A', 'B') }}\n"
    )
    network = load(root)
    result = draft(
        network.get("ada"),
        "catch-up",
        "email",
        TODAY,
        network.config,
        templates=Templates.of_network(root),
    )
    assert result.subject == "Tea?"
    assert re.fullmatch(r"Dear Ada, tea on Sunday\? [AB]", result.body)
    other = draft(
        network.get("ada"),
        "birthday",
        "email",
        TODAY,
        network.config,
        templates=Templates.of_network(root),
    )
    assert other.body.startswith("Happy")  # the shipped one, for what the network does not have


def test_a_broken_network_template_is_one_error_naming_file_and_line(make_network):
    root = make_network({"ada": "---\nname: Ada Lovelace\n---\n"})
    (root / "templates" / "thanks").mkdir(parents=True)
    (root / "templates" / "thanks" / "message.j2").write_text("Hi\n{{ first_name }\n")
    network = load(root)
    with pytest.raises(DraftError, match=r"^templates/thanks/message\.j2:2: error: "):
        draft(
            network.get("ada"),
            "thanks",
            "message",
            TODAY,
            network.config,
            templates=Templates.of_network(root),
        )


def test_an_unknown_intent_is_an_error():
    contact = parse_contact("contacts/sam.md", b"---\nname: Sam\n---\n", Config(), [])
    with pytest.raises(DraftError, match="unknown intent 'hello'; use one of: catch-up"):
        draft(contact, "hello", "email", TODAY, Config())


def test_a_mailto_link_encodes_subject_and_body_and_reads_back():
    url = mailto("ada+news@example.org", "Tea & cake?", "Hi Ada,\n\n50% off? Yes!\n\nRobin")
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "ada+news@example.org"
    assert " " not in url and "\n" not in url and "%0D%0A%0D%0A50%25" in url
    query = parse_qs(parts.query)
    assert query["subject"] == ["Tea & cake?"]
    assert query["body"] == ["Hi Ada,\r\n\r\n50% off? Yes!\r\n\r\nRobin"]


def test_the_user_name_signs_the_draft_and_no_name_means_no_name(demo):
    signed = demo_draft(demo, "catch-up", "email", "harriet-oyelaran-stone")
    assert signed.body.endswith("\nRobin")  # user_name: Robin in the demo's mkdocs.yml
    contact = demo.get("harriet-oyelaran-stone")
    unsigned = draft(contact, "catch-up", "email", TODAY, Config())
    assert unsigned.body.endswith(",")


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ first_name.__class__.__init__.__globals__ }}",
        "{{ pick.__globals__ }}",
    ],
)
def test_a_network_template_cannot_reach_into_python(make_network, source):
    root = make_network({"ada": "---\nname: Ada Lovelace\n---\n"})
    (root / "templates" / "ask").mkdir(parents=True)
    (root / "templates" / "ask" / "message.j2").write_text(source)
    network = load(root)
    templates = Templates.of_network(root)
    try:
        result = draft(
            network.get("ada"), "ask", "message", TODAY, network.config, templates=templates
        )
    except DraftError as error:
        assert str(error).startswith("templates/ask/message.j2: error: ")
    else:
        assert result.body == ""  # the sandbox gives nothing back


def test_a_network_template_that_fails_while_rendering_is_one_error(make_network):
    root = make_network({"ada": "---\nname: Ada Lovelace\n---\n"})
    (root / "templates" / "ask").mkdir(parents=True)
    (root / "templates" / "ask" / "message.j2").write_text("Hi {{ 1 / 0 }}")
    network = load(root)
    templates = Templates.of_network(root)
    with pytest.raises(DraftError, match=r"^templates/ask/message\.j2: error: division by zero$"):
        draft(network.get("ada"), "ask", "message", TODAY, network.config, templates=templates)


@pytest.mark.parametrize(
    ("kind", "reason", "goals", "intent"),
    [
        ("follow-up", "follow up: you emailed on 12 Nov, no reply yet", "", "follow-up"),
        ("occasion", "birthday in 3 days (turns 40)", "", "birthday"),
        ("occasion", "birthday 2 days ago (turned 36): send a belated wish", "", "birthday"),
        ("occasion", "wedding anniversary with Maja in 7 days (7 years)", "", "congrats"),
        ("timely", "moved to Lisbon 13 days ago: a good moment to reach out", "", "congrats"),
        ("reconnect", "last contact 3 months ago, 6 weeks overdue", "", "catch-up"),
        ("backlog", "not logged yet, one of this week's backlog picks", "", "catch-up"),
        ("backlog", "not logged yet, one of this week's backlog picks", "She is hiring", "offer"),
    ],
)
def test_each_due_reason_calls_for_its_intent(kind, reason, goals, intent):
    from kithbook.rules.due import DueItem

    front = f"---\nname: Ada Lovelace\n{'goals: ' + goals if goals else ''}\n---\n"
    contact = parse_contact("contacts/ada.md", front.encode(), Config(), [])
    assert intent_for(DueItem(contact, kind, TODAY, reason, 0.0)) == intent
    assert intent_for(None) == "catch-up"


@pytest.mark.parametrize(
    ("channel", "kind"),
    [
        ("email", "email"),
        ("message", "message"),
        ("social", "message"),
        ("phone", "call"),
        ("video", "call"),
        ("in-person", "call"),
        ("event", "call"),
        ("letter", "letter"),
        ("signal", "message"),  # a channel of your own configuration
    ],
)
def test_each_channel_takes_its_kind_of_draft(channel, kind):
    assert channel_kind(channel) == kind
