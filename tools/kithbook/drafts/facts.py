"""What a draft may say about a person: the facts in their file and log, worded for a message.

`gather` reads one contact (and, for an introduction, the names of the people its `knows` lists)
and returns `Facts`, the only values a template sees. Nothing here looks anywhere else, so a draft
cannot mention what the file does not say. Pure: no clock, no files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kithbook.drafts.wording import (
    clause_of,
    first_clause,
    gap_words,
    lower_first,
    since_phrase,
    to_you,
    usable,
    with_article,
    with_possessive,
    with_the,
    without_tags,
)
from kithbook.model import Contact, LogEntry

if TYPE_CHECKING:
    from kithbook.config import Config

RECENT_DAYS = 21  # closer than this, a gap is not worth mentioning
CHANNEL_NOUNS = {
    "email": "email",
    "message": "message",
    "social": "message",
    "letter": "letter",
    "phone": "call",
    "video": "call",
    "in-person": "chat",
    "event": "chat",
}
FALLBACK_SINCE = {"out": "I last wrote", "in": "you last wrote", "both": "we last talked"}
OFFER_TAGS = ("offer", "lead")


def seed_of(*parts: str) -> int:
    """A stable number for these words (not Python's per-run `hash`): the same person and intent
    always get the same wording, two people usually different ones."""
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big")


@dataclass(frozen=True)
class Moment:
    """One log entry as a message can mention it."""

    date: dt.date
    channel: str | None
    direction: str
    text: str  # the entry's text as written, without tags: for talking points (notes to self)
    since: (
        str  # after "since": `our chess night`, `you sent a photo from the hut`, `we last talked`
    )
    clause: str | None  # a full clause when the text is one: `I congratulated you on the new role`
    noun: str | None  # the noun phrase when the text is one: `chess night`
    thing: str | None  # the noun phrase with an article, for `thank you for ...`: `the chess night`
    gap: str  # how long ago, in words: `about a month`
    recent: bool  # under three weeks ago: a gap is not worth mentioning
    channel_noun: str  # `email`, `message`, `call`


@dataclass(frozen=True)
class Event:
    """A life event or anniversary from `dates` that is the reason to write now."""

    label: str
    date: dt.date
    yearly: bool
    clause: str | None  # `you moved to Lisbon`, when the label is a verb phrase
    noun: str | None  # `your wedding anniversary with Maja`, when it is a noun phrase


@dataclass(frozen=True)
class MetFacts:
    """Where and when you met, as written, and the phrase for `since ...`."""

    where: str | None
    place: str | None  # `the volunteering weekend`
    when: str | None  # as written: `2019`, `2019-06` or `2019-06-03`
    gap: str | None


@dataclass(frozen=True)
class Facts:
    """Every value a template gets (docs/drafts.md lists them)."""

    name: str
    first_name: str
    me: str | None
    intent: str
    channel: str
    kind: str
    today: dt.date
    last: Moment | None = None
    last_from_them: Moment | None = None
    waiting: Moment | None = None
    memory: str | None = None
    memories: tuple[str, ...] = ()
    met: MetFacts | None = None
    goals: tuple[str, ...] = ()
    goal: str | None = None
    goal_topic: str | None = None
    goal_offer: str | None = None
    event: Event | None = None
    birthday_belated: bool = False
    birthday_today: bool = False
    offer: str | None = None
    intro: str | None = None
    company: str | None = None
    role: str | None = None
    location: str | None = None
    seed: int = 0
    proper: frozenset[str] = field(default_factory=frozenset)

    @property
    def little(self) -> bool:
        """Nothing to refer to: no log, memory, meeting, goal or event."""
        return not (self.last or self.memory or self.met or self.goal or self.event)


def first_name(name: str) -> str:
    """The first word of the name, after a title such as `Dr.` (the whole name when it has one
    word, such as `김민준`)."""
    words = name.split()
    while len(words) > 1 and words[0].endswith("."):
        words = words[1:]
    return words[0] if words else name


def proper_words(contact: Contact) -> frozenset[str]:
    """Capitalised words the file uses as names (name, company, location, where you met, mid-
    sentence capitals in the log): a phrase that starts with one keeps its capital."""
    found: set[str] = set()
    for value in (contact.name, contact.company, contact.location, *contact.aka):
        found.update((value or "").split())
    texts = [entry.text for entry in contact.log] + list(contact.memories) + list(contact.goals)
    if contact.met and contact.met.where:
        texts.append(contact.met.where)
    for text in texts:
        words = text.split()
        found.update(word.strip(".,;:!?()\"'") for word in words[1:] if word[:1].isupper())
    return frozenset(word for word in found if word)


def moment(entry: LogEntry, today: dt.date, proper: frozenset[str]) -> Moment:
    """A log entry as `Moment`: its first clause, turned to speak to the person."""
    direction = entry.direction
    topic = first_clause(entry.text, at_comma=True)
    clause = noun = None
    if usable(topic):
        clause = clause_of(topic, direction, proper)
        if clause is None:
            noun = lower_first(to_you(topic), proper)
    if clause:
        since = clause
    elif noun:
        since = since_phrase(noun, direction)
    else:
        since = FALLBACK_SINCE.get(direction, "we last talked")
    days = (today - entry.date).days
    return Moment(
        date=entry.date,
        channel=entry.channel,
        direction=direction,
        text=without_tags(entry.text),
        since=since,
        clause=clause,
        noun=noun,
        thing=with_the(noun) if noun else None,
        gap=gap_words(days),
        recent=days < RECENT_DAYS,
        channel_noun=CHANNEL_NOUNS.get(entry.channel or "", "message"),
    )


def gather(
    contact: Contact,
    intent: str,
    channel: str,
    kind: str,
    today: dt.date,
    config: Config,
    people: Mapping[str, str] | None = None,
) -> Facts:
    """The facts of one contact for one draft; `people` maps slugs to names for `knows`."""
    proper = proper_words(contact)
    seed = seed_of(contact.slug, intent)
    history = sorted(
        (entry for entry in contact.log if entry.is_contact and entry.date <= today),
        key=lambda entry: entry.date,
    )
    last = moment(history[-1], today, proper) if history else None
    from_them = [entry for entry in history if entry.direction in ("in", "both")]
    waiting_entry = _first_unanswered(history)
    memories = contact.memories
    memory = _memory(memories[seed % len(memories)], proper) if memories else None
    goals = contact.goals
    belated, on_the_day = _birthday(contact, today, config)
    return Facts(
        name=contact.name,
        first_name=first_name(contact.name),
        me=config.user_name,
        intent=intent,
        channel=channel,
        kind=kind,
        today=today,
        last=last,
        last_from_them=moment(from_them[-1], today, proper) if from_them else None,
        waiting=moment(waiting_entry, today, proper) if waiting_entry else None,
        memory=memory,
        memories=memories,
        met=_met(contact, today, proper),
        goals=goals,
        goal=lower_first(to_you(without_tags(goals[0])), proper) if goals else None,
        goal_topic=_topic(goals[0], proper) if goals else None,
        goal_offer=_goal_offer(goals, proper),
        event=_event(contact, today, config, proper),
        birthday_belated=belated,
        birthday_today=on_the_day,
        offer=_offer(contact, proper),
        intro=_intro(contact, people or {}),
        company=contact.company,
        role=contact.role,
        location=contact.location,
        seed=seed,
        proper=proper,
    )


def _first_unanswered(history: list[LogEntry]) -> LogEntry | None:
    """My first `->` after their last reply: what a follow-up brings back up."""
    waiting = None
    for entry in reversed(history):
        if entry.direction in ("in", "both"):
            break
        if entry.direction == "out":
            waiting = entry
    return waiting


def _memory(text: str, proper: frozenset[str]) -> str:
    """A memory as the object of `thinking about ...`: `the gig in the pub basement`, or for a
    sentence (`She sang the encore`) `the time you sang the encore`."""
    flat = " ".join(text.split()).rstrip(".!")
    topic = flat.split(maxsplit=1)[0].lower() if flat else ""
    if topic in ("he", "she", "we", "i") or (topic and clause_of(flat, "both", proper)):
        clause = clause_of(flat, "both", proper) or flat
        return f"the time {clause}"
    return lower_first(to_you(flat), proper)


def _topic(text: str, proper: frozenset[str]) -> str | None:
    """A goal that names a subject (`Funding for the open data project`), as `ask about ...` can
    use it; None for a sentence (`She wants volunteers`)."""
    topic = first_clause(text)
    if not usable(topic) or clause_of(topic, "in", proper) is not None:
        return None
    first = topic.split(maxsplit=1)[0].lower()
    if first in ("keep", "introduce", "train", "help", "find", "get", "ask", "meet", "make"):
        return None  # an imperative: a plan of mine, not a subject
    return lower_first(to_you(topic), proper)


def _goal_offer(goals: tuple[str, ...], proper: frozenset[str]) -> str | None:
    """A goal that says what I could do for them (`She wants volunteers; I could help`)."""
    for goal in goals:
        flat = f" {without_tags(goal).lower()} "
        if any(words in flat for words in (" i could ", " i can ", " i'd ", " i would ")):
            return lower_first(to_you(without_tags(goal)), proper).rstrip(".")
    return None


def _met(contact: Contact, today: dt.date, proper: frozenset[str]) -> MetFacts | None:
    met = contact.met
    if met is None or not (met.where or met.date):
        return None
    where = first_clause(met.where, at_comma=True) if met.where else None
    gap = None
    if met.date and met.date <= today:
        # a year or a month: count from its middle, so `met: 2016` is ten years ago in 2026
        middle = {"year": dt.date(met.date.year, 7, 1), "month": met.date.replace(day=15)}
        gap = gap_words((today - middle.get(met.precision, met.date)).days)
    return MetFacts(met.where, with_article(where, proper) if where else None, met.date_text, gap)


def _event(
    contact: Contact, today: dt.date, config: Config, proper: frozenset[str]
) -> Event | None:
    """The life event to congratulate on: a one-off date within `timely_window` before today
    (the latest), else an anniversary within the belated window or the look-ahead."""
    start = config.timely_window.before(today)
    recent = [life for life in contact.dates if not life.yearly and start <= life.date <= today]
    if recent:
        life = max(recent, key=lambda life: life.date)
        return _as_event(life.label, life.date, False, proper)
    first, last = config.belated.before(today), config.lookahead.after(today)
    for life in contact.dates:
        if life.yearly:
            date = life.month_day.next_on_or_after(first)
            if date <= last and date.year > life.date.year:
                return _as_event(life.label, date, True, proper)
    return None


def _as_event(label: str, date: dt.date, yearly: bool, proper: frozenset[str]) -> Event:
    text = first_clause(label)
    if not usable(text):
        return Event(label, date, yearly, None, None)
    clause = clause_of(text, "in", proper)
    noun = None if clause else with_possessive(lower_first(to_you(text), proper), "in")
    return Event(label, date, yearly, clause, noun)


def _birthday(contact: Contact, today: dt.date, config: Config) -> tuple[bool, bool]:
    """(belated, on the day): whether the birthday was within the belated window, or is today."""
    birthday = contact.birthday
    if birthday is None:
        return False, False
    last = birthday.last_on_or_before(today)
    return (last != today and config.belated.after(last) >= today), last == today


def _offer(contact: Contact, proper: frozenset[str]) -> str | None:
    """What I could give, when the log says so: the latest `#offer` (else `#lead`) entry."""
    for tag in OFFER_TAGS:
        tagged = [entry for entry in contact.log if tag in entry.tags]
        for entry in sorted(tagged, key=lambda entry: entry.date, reverse=True):
            text = first_clause(entry.text)
            if usable(text):
                return lower_first(to_you(text), proper)
    return None


def _intro(contact: Contact, people: Mapping[str, str]) -> str | None:
    """The first person in `knows` whose name is known: someone to introduce them to."""
    for slug in contact.knows:
        if slug != contact.slug and slug in people:
            return people[slug]
    return None
