"""The backlog: contacts never logged, offered a few a week so old contacts return without a flood.

Picks are made as of the week's Monday, so they stay the same all ISO week; a pick you contact
during the week leaves the list and is not replaced until next week. Ties are broken by a hash of
the ISO year-week and the slug: stable within a week, different the next.
"""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from kithbook.model import Contact, LogEntry

if TYPE_CHECKING:
    from kithbook.config import Config

RECENT = dt.timedelta(weeks=4)
_entry_date = attrgetter("date")
GOALS_WEIGHT = 0.3
MET_WEIGHT = 0.3
MET_YEARS_CAP = 10
SAME_COMPANY_PENALTY = 0.2
SHARED_TAG_PENALTY = 0.1
TAG_PENALTY_CAP = 0.3


@dataclass(frozen=True)
class BacklogPick:
    """A contact picked from the backlog this week, its priority and why."""

    contact: Contact
    week_start: dt.date
    score: float
    reason: str


def week_start(today: dt.date) -> dt.date:
    """The Monday of today's ISO week."""
    return today - dt.timedelta(days=today.weekday())


class BacklogPicker:
    """This week's backlog, gathered while the due list walks the contacts once.

    Tell it about every contact's history (`note_contacted`: whom you contacted recently, for
    variety) and every tracked contact (`consider`: the active, unsnoozed ones without errors);
    then `picks()` gives this week's picks, minus those logged since, most important first."""

    def __init__(self, config: Config, today: dt.date) -> None:
        self.config = config
        self.today = today
        self.monday = week_start(today)
        self._recent_from = self.monday - RECENT
        self._companies: set[str] = set()
        self._tags: set[str] = set()
        self._candidates: list[Contact] = []
        self._logged_this_week: set[str] = set()

    def note_contacted(self, contact: Contact, entries: Sequence[LogEntry]) -> None:
        """Remember the company and tags of a contact reached in the four weeks before Monday;
        `entries` is its history, sorted by date."""
        before_monday = bisect_left(entries, self.monday, key=_entry_date)
        if before_monday and entries[before_monday - 1].date >= self._recent_from:
            if contact.company:
                self._companies.add(contact.company.lower())
            self._tags.update(contact.tags)

    def consider(self, contact: Contact, entries: Sequence[LogEntry]) -> None:
        """A tracked contact with its history: a candidate when not logged before Monday."""
        if contact.cadence_never or (entries and entries[0].date < self.monday):
            return
        self._candidates.append(contact)
        if entries:
            self._logged_this_week.add(contact.slug)

    def picks(self) -> list[BacklogPick]:
        """Greedy by priority, each pick's company and tags counting against the next (variety)."""
        chosen = pick_greedily(
            self._candidates,
            self.config,
            self.monday,
            set(self._companies),
            set(self._tags),
        )
        return [pick for pick in chosen if pick.contact.slug not in self._logged_this_week]


def pick_greedily(
    candidates: list[Contact], config: Config, monday: dt.date, companies: set[str], tags: set[str]
) -> list[BacklogPick]:
    """The `backlog_per_week` best candidates, one at a time, best first; a pick's company and tags
    then lower the others. Penalties only grow, so a score worked out earlier is an upper bound:
    only the top of a heap of such bounds needs rescoring (lazy greedy), not every candidate."""
    iso_week = monday.isocalendar()[:2]
    base = {
        contact.slug: base_priority(contact, config, monday, iso_week) for contact in candidates
    }
    by_slug_descending = sorted(candidates, key=lambda contact: contact.slug, reverse=True)
    heap = [
        (-(base[contact.slug] - _variety_penalty(contact, companies, tags)), rank, contact)
        for rank, contact in enumerate(by_slug_descending)
    ]
    heapq.heapify(heap)
    picks: list[BacklogPick] = []
    while heap and len(picks) < config.backlog_per_week:
        bound, rank, best = heapq.heappop(heap)
        score = base[best.slug] - _variety_penalty(best, companies, tags)
        if heap and (-score, rank) > heap[0][:2]:
            heapq.heappush(heap, (-score, rank, best))
            continue
        picks.append(BacklogPick(best, monday, round(score, 4), backlog_reason(best)))
        if best.company:
            companies.add(best.company.lower())
        tags.update(best.tags)
    return picks


def base_priority(
    contact: Contact, config: Config, monday: dt.date, iso_week: tuple[int, int] | None = None
) -> float:
    """Closer circle (shorter cadence), goals written down, and long since met rank higher."""
    cadence = contact.cadence or config.cadence_of_circle(contact.circle)
    score = 30 / (30 + cadence.days)
    if contact.goals:
        score += GOALS_WEIGHT
    met = contact.met.date if contact.met else None
    if met is not None and met <= monday:
        years = (monday - met).days / 365.25
        score += MET_WEIGHT * min(years, MET_YEARS_CAP) / MET_YEARS_CAP
    return score + _week_tiebreak(contact.slug, iso_week or monday.isocalendar()[:2])


def _week_tiebreak(slug: str, iso_week: tuple[int, int]) -> float:
    import hashlib

    year, week = iso_week
    digest = hashlib.sha1(f"{year}-W{week:02d}:{slug}".encode()).hexdigest()
    return int(digest[:8], 16) / 2**32 * 0.01


def _variety_penalty(contact: Contact, companies: set[str], tags: set[str]) -> float:
    penalty = 0.0
    if contact.company and contact.company.lower() in companies:
        penalty += SAME_COMPANY_PENALTY
    shared = sum(tag in tags for tag in contact.tags)
    return penalty + min(SHARED_TAG_PENALTY * shared, TAG_PENALTY_CAP)


def backlog_reason(contact: Contact) -> str:
    """`not logged yet, one of this week's backlog picks: close circle, met 2015 at PyCon`."""
    parts: list[str] = []
    if contact.circle:
        parts.append(f"{contact.circle} circle")
    met = contact.met
    if met is not None and (met.date or met.where):
        when = f" {met.date.year}" if met.date else ""
        where = f" at {met.where}" if met.where else ""
        parts.append(f"met{when}{where}")
    if contact.goals:
        parts.append("has goals")
    detail = f": {', '.join(parts)}" if parts else ""
    return f"not logged yet, one of this week's backlog picks{detail}"
