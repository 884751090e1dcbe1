"""Suggestions that adapt a relationship to how it really goes, each with its reason.

`suggestions(network, today)` and `suggest_for(contact, today, config)` read the log and the file
and return only what the evidence makes clear: a shorter cadence for someone you meet often who
answers fast, a pause for someone who has not answered three messages in a year, the channel that
gets answers, a longer cadence for someone who keeps in touch on their own, an offer to start with
for someone with goals and no log. Reply rates and speeds come from `rules.responsiveness`. Pure.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kithbook.model import Contact, Duration, LogEntry, Network
from kithbook.rules.phrases import duration_words, plural
from kithbook.rules.responsiveness import Responsiveness, responsiveness

if TYPE_CHECKING:
    from kithbook.config import Config

YEAR_DAYS = 365
MEETINGS_FOR_CLOSER = 5  # two-way conversations in a year
CLOSER_CADENCE = Duration(1, "m")
FAST_ANSWER_DAYS = 3
GOOD_REPLY_RATE = 0.7
UNANSWERED_FOR_PAUSE = 3  # and at most a third of the year's messages answered
WROTE_FIRST_FOR_LONGER = 4  # conversations they started in two years
MOSTLY = 0.6  # ... and at least this share of all conversations
CHANNEL_CONVERSATIONS = 3  # conversations on one channel, and two thirds of them all
LONGEST_CADENCE = Duration(1, "y")


@dataclass(frozen=True)
class Suggestion:
    """One suggestion for one person: the reason, and the key to set (None: advice only)."""

    slug: str
    name: str
    rule: str
    reason: str
    key: str | None = None
    value: str | None = None
    alternative: str | None = None  # another key: value that would do, for the reason's text

    @property
    def text(self) -> str:
        """`Ada answers ... and you met 5 times this year: consider `cadence: 1m``."""
        if self.key is None:
            return self.reason
        also = f" or `{self.alternative}`" if self.alternative else ""
        return f"{self.reason}: consider `{self.key}: {self.value}`{also}"

    def to_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "name": self.name,
            "rule": self.rule,
            "reason": self.reason,
            "key": self.key,
            "value": self.value,
            "alternative": self.alternative,
            "text": self.text,
        }


def suggestions(network: Network, today: dt.date) -> list[Suggestion]:
    """Every active contact's suggestions, in the network's order."""
    return [
        found
        for contact in network.contacts
        if contact.status == "active"
        for found in suggest_for(contact, today, network.config)
    ]


def suggest_for(contact: Contact, today: dt.date, config: Config) -> list[Suggestion]:
    """One contact's suggestions; none when the contact is not active or the evidence conflicts
    (say, someone you meet often who also writes first: nothing is clear)."""
    if contact.status != "active":
        return []
    if not any(entry.is_contact and entry.date <= today for entry in contact.log):
        return [_start_with_offer(contact)] if contact.goals else []
    year_ago = today - dt.timedelta(days=YEAR_DAYS - 1)
    past_year = [entry for entry in contact.log if year_ago <= entry.date <= today]
    answers = responsiveness(contact, today, config, since=year_ago)
    pause = _pause(contact, answers, config)
    if pause is not None:
        return [pause]
    found: list[Suggestion] = []
    cadence_changes = [
        suggestion
        for suggestion in (
            _closer(contact, past_year, answers, config),
            _longer(contact, today, config),
        )
        if suggestion is not None
    ]
    if len(cadence_changes) == 1:
        found.extend(cadence_changes)
    channel = _channel(contact, past_year, config)
    if channel is not None:
        found.append(channel)
    return found


def _cadence(contact: Contact, config: Config) -> Duration | None:
    """The cadence in force (None when `never`)."""
    if contact.cadence_never:
        return None
    return contact.cadence or config.cadence_of_circle(contact.circle)


def _closer(
    contact: Contact, past_year: list[LogEntry], answers: Responsiveness, config: Config
) -> Suggestion | None:
    """Met often this year and answers fast: a monthly cadence would match."""
    cadence = _cadence(contact, config)
    if cadence is None or cadence.days <= CLOSER_CADENCE.days:
        return None
    met = sum(entry.direction == "both" for entry in past_year)
    if met < MEETINGS_FOR_CLOSER:
        return None
    median = answers.median_days_to_answer
    if answers.answered < 2 or median is None or median > FAST_ANSWER_DAYS:
        return None
    if answers.reply_rate < GOOD_REPLY_RATE:
        return None
    how = answers.describe() or f"answers within {plural(round(median), 'day')}"
    reason = f"{contact.name} {how} and you met {met} times this year"
    return Suggestion(contact.slug, contact.name, "closer", reason, "cadence", str(CLOSER_CADENCE))


def _pause(contact: Contact, answers: Responsiveness, config: Config) -> Suggestion | None:
    """Three or more unanswered messages in a year: pause, or write once a year."""
    unanswered = answers.sent - answers.answered
    if unanswered < UNANSWERED_FOR_PAUSE or answers.answered * 3 > answers.sent:
        return None  # fewer than three, or more than a third answered: not clear
    cadence = _cadence(contact, config)
    longer = (
        f"cadence: {LONGEST_CADENCE}"
        if cadence is not None and cadence.days < LONGEST_CADENCE.days
        else None
    )
    reason = f"{unanswered} unanswered messages to {contact.name} in a year"
    return Suggestion(contact.slug, contact.name, "pause", reason, "status", "paused", longer)


def _longer(contact: Contact, today: dt.date, config: Config) -> Suggestion | None:
    """They started most conversations of the past two years, four or more: a longer cadence is
    enough (twice the current one, up to a year)."""
    cadence = _cadence(contact, config)
    if cadence is None or cadence.days >= LONGEST_CADENCE.days:
        return None
    since = today - dt.timedelta(days=2 * YEAR_DAYS - 1)
    answers = responsiveness(contact, today, config, since=since)
    first = answers.they_wrote_first
    if first < WROTE_FIRST_FOR_LONGER or answers.initiative < MOSTLY:
        return None
    doubled = Duration(cadence.amount * 2, cadence.unit)
    if doubled.days >= LONGEST_CADENCE.days:
        doubled = LONGEST_CADENCE
    reason = (
        f"{contact.name} wrote first {first} times in two years and keeps in touch: a longer "
        f"cadence than every {duration_words(cadence).removeprefix('1 ')} is enough"
    )
    return Suggestion(contact.slug, contact.name, "longer", reason, "cadence", str(doubled))


def _channel(contact: Contact, past_year: list[LogEntry], config: Config) -> Suggestion | None:
    """Most conversations happen on one channel that is not the one on file."""
    talks = Counter(
        entry.channel
        for entry in past_year
        if entry.direction in ("both", "in") and entry.channel in config.channels
    )
    if not talks:
        return None
    channel, count = talks.most_common(1)[0]
    total = sum(talks.values())
    if count < CHANNEL_CONVERSATIONS or 3 * count < 2 * total or channel == contact.channel:
        return None
    reason = (
        f"you reach {contact.name} by {channel} and {channel} gets answers "
        f"({count} of {plural(total, 'conversation')} this year)"
    )
    return Suggestion(contact.slug, contact.name, "channel", reason, "channel", channel)


def _start_with_offer(contact: Contact) -> Suggestion:
    reason = (
        f"{contact.name} has goals but no log: start with an offer "
        f"(kith draft {contact.slug} --intent offer)"
    )
    return Suggestion(contact.slug, contact.name, "offer", reason)
