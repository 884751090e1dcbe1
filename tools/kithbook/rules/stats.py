"""What the log says about your outreach over a period: the figures of `kith stats` and the site.

Pure: (network, today, since) in, a `Stats` out. A `->` is answered by a `<-` or `<->` within
14 days (as in `kithbook.rules.responsiveness`); only entries dated from `since` to `today` count.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kithbook.model import Contact, LogEntry, Network
from kithbook.rules.responsiveness import REPLIES, answer_days, median

__all__ = ["VALUE_TAGS", "Funnel", "Rate", "Stats", "stats"]

VALUE_TAGS = ("offer", "intro", "thanks")
DORMANT_DAYS = 365  # a contact silent this long (or never logged) is an old contact
ACTIVE_AGAIN = 2  # two-way contacts after reaching out that make an old contact active again
NO_CIRCLE = "(none)"


@dataclass(frozen=True)
class Rate:
    """Messages sent (`->`) and how many were answered within 14 days."""

    sent: int = 0
    answered: int = 0

    @property
    def rate(self) -> float | None:
        return self.answered / self.sent if self.sent else None

    def plus(self, answered: bool) -> Rate:
        return Rate(self.sent + 1, self.answered + answered)

    def to_json(self) -> dict[str, Any]:
        rate = self.rate
        return {
            "sent": self.sent,
            "answered": self.answered,
            "rate": None if rate is None else round(rate, 4),
        }


@dataclass(frozen=True)
class Funnel:
    """Old contacts (never logged, or silent for a year) you reached out to in the period, how many
    replied, and how many are active again (two two-way contacts since)."""

    reached: int = 0
    replied: int = 0
    active_again: int = 0

    def to_json(self) -> dict[str, int]:
        return {"reached": self.reached, "replied": self.replied, "active_again": self.active_again}


@dataclass(frozen=True)
class CircleShare:
    """Active contacts of a circle, and how many had a two-way contact within their cadence."""

    circle: str
    contacts: int
    within: int

    @property
    def share(self) -> float | None:
        return self.within / self.contacts if self.contacts else None

    def to_json(self) -> dict[str, Any]:
        share = self.share
        return {
            "circle": self.circle,
            "contacts": self.contacts,
            "within_cadence": self.within,
            "share": None if share is None else round(share, 4),
        }


@dataclass(frozen=True)
class Stats:
    """The figures of one period, from `since` to `today` (both included)."""

    since: dt.date
    today: dt.date
    overall: Rate
    by_channel: dict[str, Rate]
    by_circle: dict[str, Rate]
    median_days_to_answer: float | None
    they_wrote_first: int
    funnel: Funnel
    circles: tuple[CircleShare, ...]
    weeks: int
    weeks_with_outreach: int
    current_streak: int
    longest_streak: int
    outreach_by_week: tuple[tuple[dt.date, int], ...]
    value_given: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(),
            "today": self.today.isoformat(),
            "reply_rate": self.overall.to_json(),
            "by_channel": {name: rate.to_json() for name, rate in self.by_channel.items()},
            "by_circle": {name: rate.to_json() for name, rate in self.by_circle.items()},
            "median_days_to_answer": self.median_days_to_answer,
            "they_wrote_first": self.they_wrote_first,
            "reconnection": self.funnel.to_json(),
            "circles": [share.to_json() for share in self.circles],
            "weeks": self.weeks,
            "weeks_with_outreach": self.weeks_with_outreach,
            "current_streak": self.current_streak,
            "longest_streak": self.longest_streak,
            "outreach_by_week": [
                {"week": monday.isoformat(), "outreach": count}
                for monday, count in self.outreach_by_week
            ],
            "value_given": dict(self.value_given),
        }


def stats(network: Network, today: dt.date, since: dt.date) -> Stats:
    """The period's figures over every contact of `network` (pass the public view for a site)."""
    config = network.config
    overall = Rate()
    by_channel: dict[str, Rate] = {}
    by_circle: dict[str, Rate] = {}
    waits: list[int] = []
    wrote_first = 0
    funnel = Funnel()
    outreach_weeks: Counter[dt.date] = Counter()
    value: Counter[str] = Counter({tag: 0 for tag in VALUE_TAGS})
    shares: dict[str, list[int]] = {}
    for contact in network.contacts:
        entries = _history(contact, today)
        circle = contact.circle or NO_CIRCLE
        outs = [entry for entry in entries if entry.direction == "out"]
        for entry, wait in zip(outs, answer_days(entries), strict=True):
            if entry.date < since:
                continue
            answered = wait is not None
            overall = overall.plus(answered)
            channel = entry.channel or "(none)"
            by_channel[channel] = by_channel.get(channel, Rate()).plus(answered)
            by_circle[circle] = by_circle.get(circle, Rate()).plus(answered)
            if wait is not None:
                waits.append(wait)
        wrote_first += _they_wrote_first(entries, since)
        funnel = _funnel(funnel, entries, since)
        for entry in entries:
            if entry.date < since:
                continue
            if entry.direction in ("out", "both"):
                outreach_weeks[_monday(entry.date)] += 1
            for tag in entry.tags:
                if tag in value:
                    value[tag] += 1
        if contact.status == "active" and not contact.cadence_never:
            counts = shares.setdefault(circle, [0, 0])
            counts[0] += 1
            cadence = contact.cadence or config.cadence_of_circle(contact.circle)
            two_way = [entry.date for entry in entries if entry.direction in REPLIES]
            counts[1] += bool(two_way) and cadence.after(two_way[-1]) >= today
    weeks = _weeks(since, today)
    by_week = tuple((monday, outreach_weeks.get(monday, 0)) for monday in weeks)
    current, longest = _streaks([count for _, count in by_week])
    # every circle with a message or a tracked contact: an archived or `cadence: never` contact's
    # circle may have no tracked contact left, and its messages still count in the reply rate
    order = list(config.circles) + sorted((set(shares) | set(by_circle)) - set(config.circles))
    return Stats(
        since=since,
        today=today,
        overall=overall,
        by_channel=dict(sorted(by_channel.items())),
        by_circle={name: by_circle[name] for name in order if name in by_circle},
        median_days_to_answer=median(waits),
        they_wrote_first=wrote_first,
        funnel=funnel,
        circles=tuple(
            CircleShare(name, shares[name][0], shares[name][1]) for name in order if name in shares
        ),
        weeks=len(weeks),
        weeks_with_outreach=sum(count > 0 for _, count in by_week),
        current_streak=current,
        longest_streak=longest,
        outreach_by_week=by_week,
        value_given=dict(value),
    )


def _history(contact: Contact, today: dt.date) -> list[LogEntry]:
    entries = [entry for entry in contact.log if entry.direction != "note" and entry.date <= today]
    entries.sort(key=lambda entry: entry.date)
    return entries


def _they_wrote_first(entries: list[LogEntry], since: dt.date) -> int:
    """`<-` entries in the period that opened a conversation (nothing in the 30 days before)."""
    count = 0
    previous: dt.date | None = None
    for entry in entries:
        quiet = previous is None or (entry.date - previous).days > 30
        count += quiet and entry.direction == "in" and entry.date >= since
        previous = entry.date
    return count


def _funnel(funnel: Funnel, entries: list[LogEntry], since: dt.date) -> Funnel:
    """Add one contact to the reconnection funnel when, in the period, you wrote (`->`) after a year
    of silence or to someone never logged."""
    previous: dt.date | None = None
    for index, entry in enumerate(entries):
        dormant = previous is None or (entry.date - previous).days >= DORMANT_DAYS
        if entry.date >= since and entry.direction == "out" and dormant:
            after = [later for later in entries[index:] if later.direction in REPLIES]
            replied = bool(after) and (after[0].date - entry.date).days <= 14
            return Funnel(
                funnel.reached + 1,
                funnel.replied + replied,
                funnel.active_again + (len(after) >= ACTIVE_AGAIN),
            )
        previous = entry.date
    return funnel


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _weeks(since: dt.date, today: dt.date) -> list[dt.date]:
    """The Mondays of the ISO weeks from `since`'s to today's."""
    first, last = _monday(since), _monday(today)
    return [first + dt.timedelta(weeks=index) for index in range((last - first).days // 7 + 1)]


def _streaks(counts: list[int]) -> tuple[int, int]:
    """(current, longest) runs of weeks with outreach; the current run may end last week, as this
    week is not over yet."""
    longest = run = 0
    for count in counts:
        run = run + 1 if count else 0
        longest = max(longest, run)
    current = 0
    tail = counts[:-1] if counts and not counts[-1] else counts
    for count in reversed(tail):
        if not count:
            break
        current += 1
    return current, longest
