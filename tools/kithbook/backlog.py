"""The backlog: contacts never logged, offered a few a week so old contacts return without a flood.

Picks are made as of the week's Monday, so they stay the same all ISO week; a pick you contact
during the week leaves the list and is not replaced until next week. Ties are broken by a hash of
the ISO year-week and the slug: stable within a week, different the next.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kithbook.config import Config
from kithbook.model import Contact, Network

RECENT = dt.timedelta(weeks=4)
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


def backlog(network: Network, tracked: Sequence[Contact], today: dt.date) -> list[BacklogPick]:
    """This week's picks among `tracked` contacts, minus those logged since; most important first.

    `tracked` are the active, unsnoozed contacts without errors."""
    monday = week_start(today)
    config = network.config
    candidates = [
        contact
        for contact in tracked
        if not contact.cadence_never and not _logged(contact, before=monday)
    ]
    companies, tags = _recently_contacted(network.contacts, monday)
    picks = _pick(candidates, config, monday, companies, tags)
    return [
        pick for pick in picks if not _logged(pick.contact, before=today + dt.timedelta(days=1))
    ]


def base_priority(contact: Contact, config: Config, monday: dt.date) -> float:
    """Closer circle (shorter cadence), goals written down, and long since met rank higher."""
    cadence = contact.cadence or config.cadence_of_circle(contact.circle)
    score = 30 / (30 + cadence.days)
    if contact.goals:
        score += GOALS_WEIGHT
    met = contact.met.date if contact.met else None
    if met is not None and met <= monday:
        years = (monday - met).days / 365.25
        score += MET_WEIGHT * min(years, MET_YEARS_CAP) / MET_YEARS_CAP
    return score + _week_tiebreak(contact.slug, monday)


def _week_tiebreak(slug: str, monday: dt.date) -> float:
    year, week, _ = monday.isocalendar()
    digest = hashlib.sha1(f"{year}-W{week:02d}:{slug}".encode()).hexdigest()
    return int(digest[:8], 16) / 2**32 * 0.01


def _variety_penalty(contact: Contact, companies: set[str], tags: set[str]) -> float:
    penalty = 0.0
    if contact.company and contact.company.lower() in companies:
        penalty += SAME_COMPANY_PENALTY
    shared = sum(tag in tags for tag in contact.tags)
    return penalty + min(SHARED_TAG_PENALTY * shared, TAG_PENALTY_CAP)


def _pick(
    candidates: list[Contact], config: Config, monday: dt.date, companies: set[str], tags: set[str]
) -> list[BacklogPick]:
    """Greedy: each pick's company and tags count against the next, for variety."""
    base = {contact.slug: base_priority(contact, config, monday) for contact in candidates}
    remaining = list(candidates)
    picks: list[BacklogPick] = []
    while remaining and len(picks) < config.backlog_per_week:
        scored = [(base[c.slug] - _variety_penalty(c, companies, tags), c) for c in remaining]
        score, best = max(scored, key=lambda pair: (pair[0], pair[1].slug))
        remaining.remove(best)
        picks.append(BacklogPick(best, monday, round(score, 4), backlog_reason(best)))
        if best.company:
            companies.add(best.company.lower())
        tags.update(best.tags)
    return picks


def _recently_contacted(contacts: Iterable[Contact], monday: dt.date) -> tuple[set[str], set[str]]:
    """Companies and tags of the people contacted in the four weeks before Monday."""
    companies: set[str] = set()
    tags: set[str] = set()
    for contact in contacts:
        if any(monday - RECENT <= entry.date < monday for entry in contact.contacts):
            if contact.company:
                companies.add(contact.company.lower())
            tags.update(contact.tags)
    return companies, tags


def _logged(contact: Contact, before: dt.date) -> bool:
    return any(entry.date < before for entry in contact.contacts)


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
