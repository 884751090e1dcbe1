"""How a person answers, learned from their log: what today's plan weighs and `kith stats` shows.

Pure: a contact's log and today in, a `Responsiveness` out. A `->` is *answered* when a `<-` or
`<->` follows it (the same day counts) within `ANSWER_WINDOW` days. The reply rate is smoothed
with a prior from the circle, so one unanswered e-mail does not make a close friend "silent".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kithbook.model import Contact, LogEntry
from kithbook.rules.phrases import plural

if TYPE_CHECKING:
    from kithbook.config import Config

__all__ = ["ANSWER_WINDOW", "Responsiveness", "answer_days", "responsiveness"]

ANSWER_WINDOW = 14
CONVERSATION_GAP = 30  # an entry after this many quiet days starts a new conversation
PRIOR_WEIGHT = 2.0
CIRCLE_PRIORS = {"close": 0.8, "friend": 0.7, "colleague": 0.6, "network": 0.5, "acquaintance": 0.4}
DEFAULT_PRIOR = 0.5
REPLIES = ("in", "both")


@dataclass(slots=True)
class Responsiveness:
    """One person's answering habits: counts from the log and the smoothed reply rate."""

    sent: int
    answered: int
    reply_rate: float
    prior: float
    waits: tuple[int, ...]  # days to each answer
    they_wrote_first: int
    i_wrote_first: int
    last_answer: dt.date | None

    @property
    def median_days_to_answer(self) -> float | None:
        return median(self.waits)

    @property
    def initiative(self) -> float:
        """The share of conversations they started, smoothed by one of yours so a single message
        says little (1 of 1 is 0.5, 3 of 3 is 0.75); a conversation starts after
        `CONVERSATION_GAP` quiet days."""
        return self.they_wrote_first / (self.they_wrote_first + self.i_wrote_first + 1)

    def describe(self) -> str | None:
        """A short phrase when the log says something clear, such as `answers most messages within
        2 days` or `rarely answers (1 of 6 messages)`; None when there is too little to tell."""
        if self.they_wrote_first >= 3 and self.initiative >= 0.5:
            return f"often writes first ({plural(self.they_wrote_first, 'time')})"
        if self.sent < 3:
            return None
        rate = self.answered / self.sent
        if rate >= 0.7:
            days = self.median_days_to_answer
            if days is None or days < 0.5:
                return "answers most messages the same day"
            return f"answers most messages within {plural(round(days), 'day')}"
        if rate <= 0.3:
            return f"rarely answers ({self.answered} of {self.sent} messages)"
        return None

    def to_json(self) -> dict[str, object]:
        return {
            "sent": self.sent,
            "answered": self.answered,
            "reply_rate": round(self.reply_rate, 4),
            "median_days_to_answer": self.median_days_to_answer,
            "they_wrote_first": self.they_wrote_first,
            "i_wrote_first": self.i_wrote_first,
            "last_answer": self.last_answer.isoformat() if self.last_answer else None,
            "describe": self.describe(),
        }


def median(values: tuple[int, ...] | list[int]) -> float | None:
    """The middle value (the mean of the two middle ones for an even count), None for none: what
    `statistics.median` gives, without importing it (and `random`, `decimal`, `fractions`) on
    every `kith due`."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def circle_prior(contact: Contact) -> float:
    """The reply rate expected before the log says anything: closer circles answer more."""
    return CIRCLE_PRIORS.get(contact.circle or "", DEFAULT_PRIOR)


def responsiveness(
    contact: Contact, today: dt.date, config: Config | None = None, *, since: dt.date | None = None
) -> Responsiveness:
    """The contact's answering habits from its log up to `today` (from `since` when given).
    `config` is accepted for symmetry with the other rules; the prior comes from the circle."""
    entries = sorted(
        (
            entry
            for entry in contact.log
            if entry.direction != "note"
            and entry.date <= today
            and (since is None or entry.date >= since)
        ),
        key=lambda entry: entry.date,
    )
    return responsiveness_of(entries, circle_prior(contact))


def responsiveness_of(entries: list[LogEntry], prior: float) -> Responsiveness:
    """`responsiveness` of a history already sorted by date (notes left out), in one pass: each `->`
    is answered by the first `<-`/`<->` on or after its day, when within `ANSWER_WINDOW` days."""
    sent = they_first = i_first = 0
    waits: list[int] = []
    pending: list[int] = []  # the day numbers (ordinals) of `->` entries not yet answered
    last_answer: dt.date | None = None
    answered_on = previous = -CONVERSATION_GAP - 1  # day numbers: none yet
    for date, direction, _channel, _text, _line in entries:
        day = date.toordinal()
        opens = day - previous > CONVERSATION_GAP
        previous = day
        if direction == "out":
            sent += 1
            i_first += opens
            if answered_on == day:
                waits.append(0)
            else:
                pending.append(day)
        elif direction in REPLIES:
            they_first += opens and direction == "in"
            if pending:
                for sent_on in pending:
                    wait = day - sent_on
                    if wait <= ANSWER_WINDOW:
                        waits.append(wait)
                pending.clear()
            last_answer = date
            answered_on = day
    answered = len(waits)
    return Responsiveness(  # sent, answered, reply_rate, prior, waits, they, I, last answer
        sent,
        answered,
        (answered + PRIOR_WEIGHT * prior) / (sent + PRIOR_WEIGHT),
        prior,
        tuple(waits),
        they_first,
        i_first,
        last_answer,
    )


def answer_days(entries: list[LogEntry]) -> list[int | None]:
    """For each `->` of a date-sorted history, the days until the first `<-`/`<->` on or after its
    day, or None when none came within `ANSWER_WINDOW` days."""
    reply_days = [entry.date for entry in entries if entry.direction in REPLIES]
    waits: list[int | None] = []
    index = 0
    for entry in entries:
        if entry.direction != "out":
            continue
        while index < len(reply_days) and reply_days[index] < entry.date:
            index += 1
        if index < len(reply_days) and (reply_days[index] - entry.date).days <= ANSWER_WINDOW:
            waits.append((reply_days[index] - entry.date).days)
        else:
            waits.append(None)
    return waits
