"""How a person answers, learned from their log: what today's plan weighs and `kith stats` shows.

Pure: a contact's log and today in, a `Responsiveness` out. A `->` is *answered* when a `<-` or
`<->` follows it (the same day counts) within `ANSWER_WINDOW` days. The reply rate is smoothed
with a prior from the circle, so one unanswered e-mail does not make a close friend "silent".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import median
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


@dataclass(frozen=True)
class Responsiveness:
    """One person's answering habits: counts from the log and the smoothed reply rate."""

    sent: int
    answered: int
    reply_rate: float
    prior: float
    median_days_to_answer: float | None
    they_wrote_first: int
    i_wrote_first: int
    last_answer: dt.date | None

    @property
    def initiative(self) -> float:
        """The share of conversations they started (0 when none started yet); a conversation
        starts after `CONVERSATION_GAP` quiet days."""
        started = self.they_wrote_first + self.i_wrote_first
        return self.they_wrote_first / started if started else 0.0

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
    """`responsiveness` of a history already sorted by date (notes left out)."""
    waits = answer_days(entries)
    sent = len(waits)
    answered_waits = [days for days in waits if days is not None]
    answered = len(answered_waits)
    they_first = i_first = 0
    last_answer = None
    previous: dt.date | None = None
    for entry in entries:
        if entry.direction in REPLIES:
            last_answer = entry.date
        opens = previous is None or (entry.date - previous).days > CONVERSATION_GAP
        if opens and entry.direction == "in":
            they_first += 1
        elif opens and entry.direction == "out":
            i_first += 1
        previous = entry.date
    rate = (answered + PRIOR_WEIGHT * prior) / (sent + PRIOR_WEIGHT)
    return Responsiveness(
        sent=sent,
        answered=answered,
        reply_rate=rate,
        prior=prior,
        median_days_to_answer=float(median(answered_waits)) if answered_waits else None,
        they_wrote_first=they_first,
        i_wrote_first=i_first,
        last_answer=last_answer,
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
