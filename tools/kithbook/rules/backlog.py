"""The backlog: contacts never logged, offered a few a week so old contacts return without a flood.

Picks are made as of the week's Monday, so they stay the same all ISO week; a pick you contact
during the week leaves the list and is not replaced until next week. Ties are broken by a hash of
the ISO year-week and the slug: stable within a week, different the next.
"""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Generic, TypeVar

from kithbook.model import Contact, LogEntry, Person

if TYPE_CHECKING:
    from kithbook.config import Config

P = TypeVar("P", bound=Person)

RECENT = dt.timedelta(weeks=4)
_entry_date = attrgetter("date")
GOALS_WEIGHT = 0.3
MET_WEIGHT = 0.3
MET_YEARS_CAP = 10
SAME_COMPANY_PENALTY = 0.2
SHARED_TAG_PENALTY = 0.1
TAG_PENALTY_CAP = 0.3


@dataclass(frozen=True)
class BacklogPick(Generic[P]):
    """A contact picked from the backlog this week, its priority and why."""

    contact: P
    week_start: dt.date
    score: float
    reason: str
    nearness: float  # the contact's closeness (rules.due.closeness), for its place in the plan


@dataclass(slots=True)
class BacklogCandidate(Generic[P]):
    """A tracked contact not logged before this week's Monday, with what picking it needs: its
    priority before variety, the company and tags variety compares, and the reason shown."""

    contact: P
    base: float
    company: str | None  # lower-cased
    tags: tuple[str, ...]
    reason: str
    nearness: float
    logged_this_week: bool


def week_start(today: dt.date) -> dt.date:
    """The Monday of today's ISO week."""
    return today - dt.timedelta(days=today.weekday())


def reached_recently(
    contact: Contact, entries: Sequence[LogEntry], monday: dt.date
) -> tuple[str | None, tuple[str, ...]] | None:
    """(lower-cased company, tags) of a contact reached in the four weeks before Monday, whom this
    week's picks should not resemble (variety); None otherwise. `entries` is its history, sorted by
    date."""
    before_monday = bisect_left(entries, monday, key=_entry_date)
    if before_monday and entries[before_monday - 1].date >= monday - RECENT:
        return (contact.company.lower() if contact.company else None), contact.tags
    return None


def backlog_candidate(
    contact: Contact,
    who: P,
    entries: Sequence[LogEntry],
    config: Config,
    monday: dt.date,
    nearness: float,
) -> BacklogCandidate[P] | None:
    """A tracked contact with its history as a backlog candidate: when not logged before Monday."""
    if contact.cadence_never or (entries and entries[0].date < monday):
        return None
    return BacklogCandidate(
        who,
        base_priority(contact, config, monday),
        contact.company.lower() if contact.company else None,
        contact.tags,
        backlog_reason(contact),
        nearness,
        bool(entries),
    )


def backlog_picks(
    candidates: list[BacklogCandidate[P]],
    per_week: int,
    monday: dt.date,
    reached: Iterable[tuple[str | None, tuple[str, ...]]],
) -> list[BacklogPick[P]]:
    """This week's picks, most important first, less those logged since Monday; `reached` are the
    (company, tags) of the contacts reached recently (`reached_recently`), for variety."""
    companies: set[str] = set()
    tags: set[str] = set()
    for company, its_tags in reached:
        if company:
            companies.add(company)
        tags.update(its_tags)
    chosen = pick_greedily(candidates, per_week, monday, companies, tags)
    logged = {candidate.contact.slug for candidate in candidates if candidate.logged_this_week}
    return [pick for pick in chosen if pick.contact.slug not in logged]


def pick_greedily(
    candidates: list[BacklogCandidate[P]],
    per_week: int,
    monday: dt.date,
    companies: set[str],
    tags: set[str],
) -> list[BacklogPick[P]]:
    """The `per_week` best candidates, one at a time, best first; a pick's company and tags
    then lower the others. Penalties only grow, so a score worked out earlier is an upper bound:
    only the top of a heap of such bounds needs rescoring (lazy greedy), not every candidate."""
    by_slug_descending = sorted(candidates, key=lambda found: found.contact.slug, reverse=True)
    heap = [
        (-(found.base - _variety_penalty(found, companies, tags)), rank, found)
        for rank, found in enumerate(by_slug_descending)
    ]
    heapq.heapify(heap)
    picks: list[BacklogPick[P]] = []
    while heap and len(picks) < per_week:
        bound, rank, best = heapq.heappop(heap)
        score = best.base - _variety_penalty(best, companies, tags)
        if heap and (-score, rank) > heap[0][:2]:
            heapq.heappush(heap, (-score, rank, best))
            continue
        picks.append(BacklogPick(best.contact, monday, round(score, 4), best.reason, best.nearness))
        if best.company:
            companies.add(best.company)
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


def _variety_penalty(found: BacklogCandidate[P], companies: set[str], tags: set[str]) -> float:
    penalty = 0.0
    if found.company and found.company in companies:
        penalty += SAME_COMPANY_PENALTY
    shared = sum(tag in tags for tag in found.tags)
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
