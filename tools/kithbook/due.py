"""The due list: whom to reach out to today, and why. Pure: (network, today) in, a DueList out.

The rules are written for users in docs/due.md. Each rule gives a contact zero or more reasons; the
contact appears once, under its most urgent one (KINDS order), with the others attached.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kithbook.backlog import backlog
from kithbook.config import Config
from kithbook.model import Contact, Duration, LogEntry, Network, Problem
from kithbook.occasions import Occasion, contact_occasions, occasions
from kithbook.phrases import duration_words, reached_out, relative_day, short_date, span

__all__ = ["KINDS", "DueItem", "DueList", "Occasion", "due_list", "next_due", "occasions"]

KINDS = ("follow-up", "occasion", "timely", "reconnect", "backlog")
REPLIES = ("in", "both")


@dataclass(frozen=True)
class DueItem:
    """One contact to reach out to: the most urgent reason, and the others it also has."""

    contact: Contact
    kind: str
    due: dt.date
    reason: str
    score: float
    other_reasons: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return self.contact.slug

    @property
    def name(self) -> str:
        return self.contact.name

    @property
    def channel(self) -> str | None:
        return self.contact.channel

    def to_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "name": self.name,
            "kind": self.kind,
            "due": self.due.isoformat(),
            "reason": self.reason,
            "channel": self.channel,
            "score": round(self.score, 4),
            "other_reasons": list(self.other_reasons),
        }


@dataclass(frozen=True)
class DueList:
    """The items due on `today` in table order, and the counts for the summary line."""

    today: dt.date
    items: tuple[DueItem, ...]
    snoozed: int
    awaiting_reply: int
    left_out: int = 0


def due_list(
    network: Network,
    today: dt.date,
    *,
    upcoming_days: int = 0,
    problems: list[Problem] | None = None,
) -> DueList:
    """Who is due on `today` (and within `upcoming_days` after); contacts whose file has errors are
    left out. `problems` are the validator's, computed here when not given."""
    if problems is None:
        from kithbook.validate import validate

        problems = validate(network, today)
    broken = {problem.path for problem in problems if problem.severity == "error"}
    active = [contact for contact in network.contacts if contact.status == "active"]
    tracked = [
        contact
        for contact in active
        if contact.path not in broken and not is_snoozed(contact, today)
    ]
    horizon = today + dt.timedelta(days=max(upcoming_days, 0))
    histories = {contact.slug: history(contact, today) for contact in active}
    reasons: dict[str, list[DueItem]] = {}
    for contact in tracked:
        found = contact_reasons(contact, network.config, today, horizon, histories[contact.slug])
        if found:
            reasons[contact.slug] = found
    for pick in backlog(network, tracked, today):
        reasons.setdefault(pick.contact.slug, []).append(
            DueItem(pick.contact, "backlog", pick.week_start, pick.reason, pick.score)
        )
    items = [_merge(found) for found in reasons.values()]
    items.sort(key=lambda item: (KINDS.index(item.kind), -item.score, item.name.lower(), item.slug))
    return DueList(
        today=today,
        items=tuple(items),
        snoozed=sum(is_snoozed(contact, today) for contact in active),
        awaiting_reply=sum(bool(unanswered(histories[contact.slug])) for contact in active),
        left_out=sum(contact.path in broken for contact in active),
    )


def next_due(contact: Contact, config: Config, today: dt.date) -> dt.date | None:
    """When the contact next falls due for a follow-up or its cadence (possibly already past);
    None when it never will: not active, cadence never, or never logged (see the backlog)."""
    if contact.status != "active" or contact.cadence_never:
        return None
    entries = history(contact, today)
    if not entries:
        return None
    due = cadence_of(contact, config).after(entries[-1].date)
    follow_up = follow_up_due(contact, config, entries, today)
    if follow_up is not None:
        due = min(due, follow_up[0])
    if is_snoozed(contact, today):
        due = max(due, contact.snooze)  # type: ignore[type-var]
    return due


def is_snoozed(contact: Contact, today: dt.date) -> bool:
    """Snoozed past today: `snooze: 2026-12-01` is back on the list on 1 December."""
    return contact.snooze is not None and contact.snooze > today


def history(contact: Contact, today: dt.date) -> list[LogEntry]:
    """Real contact (not notes) up to today, oldest first; later entries have not happened yet."""
    entries = [entry for entry in contact.contacts if entry.date <= today]
    entries.sort(key=lambda entry: entry.date)
    return entries


def unanswered(entries: list[LogEntry]) -> list[LogEntry]:
    """My `->` entries with no `<-` or `<->` on or after their day: a same-day reply answers."""
    last_reply = max((entry.date for entry in entries if entry.direction in REPLIES), default=None)
    return [
        entry
        for entry in entries
        if entry.direction == "out" and (last_reply is None or entry.date > last_reply)
    ]


def cadence_of(contact: Contact, config: Config) -> Duration:
    """The contact's own cadence, else its circle's, else the default."""
    return contact.cadence or config.cadence_of_circle(contact.circle)


def follow_up_due(
    contact: Contact, config: Config, entries: list[LogEntry], today: dt.date
) -> tuple[dt.date, list[dt.date]] | None:
    """(due date, days I wrote) of a follow-up still to make; None when answered, when the allowed
    nudges are used up, or once the cadence from my last message has run out (a reconnect then)."""
    if contact.cadence_never or config.follow_ups <= 0:
        return None
    days = sorted({entry.date for entry in unanswered(entries)})
    if not days or len(days) - 1 >= config.follow_ups:
        return None
    if cadence_of(contact, config).after(days[-1]) <= today:
        return None
    return config.follow_up_after.after(days[-1]), days


def contact_reasons(
    contact: Contact,
    config: Config,
    today: dt.date,
    horizon: dt.date,
    entries: list[LogEntry] | None = None,
) -> list[DueItem]:
    """Every reason one tracked contact is due by `horizon`, except the (network-wide) backlog.

    `entries` is the contact's `history` when the caller already has it."""
    entries = history(contact, today) if entries is None else entries
    found: list[DueItem] = []
    if not contact.cadence_never and entries:
        found.extend(_follow_up(contact, config, entries, today, horizon))
    found.extend(_occasions(contact, config, entries, today, horizon))
    found.extend(_timely(contact, config, entries, today))
    if not contact.cadence_never and entries:
        found.extend(_reconnect(contact, config, entries, today, horizon))
    return found


def _follow_up(
    contact: Contact, config: Config, entries: list[LogEntry], today: dt.date, horizon: dt.date
) -> list[DueItem]:
    pending = follow_up_due(contact, config, entries, today)
    if pending is None or pending[0] > horizon:
        return []
    due, days = pending
    first = next(entry for entry in entries if entry.date == days[0] and entry.direction == "out")
    wrote = f"you {reached_out(first.channel)} on {short_date(days[0], today)}"
    if len(days) > 1:
        wrote += f" and followed up on {short_date(days[-1], today)}"
    when = f" {relative_day(due, today)}" if due > today else ""
    again = " again" if len(days) > 1 else ""
    window = (due - days[-1]).days
    score = (today - due).days / max(window, 1)
    return [
        DueItem(contact, "follow-up", due, f"follow up{again}{when}: {wrote}, no reply yet", score)
    ]


def _contacted_since(entries: list[LogEntry], day: dt.date) -> bool:
    return any(entry.date >= day for entry in entries)


def _occasions(
    contact: Contact, config: Config, entries: list[LogEntry], today: dt.date, horizon: dt.date
) -> list[DueItem]:
    start = config.belated.before(today)
    end = config.lookahead.after(horizon)
    found = []
    for occasion in contact_occasions(contact, start, end):
        if occasion.date <= today and (
            occasion.kind == "event" or _contacted_since(entries, occasion.date)
        ):
            continue
        score = float((today - occasion.date).days)
        found.append(
            DueItem(contact, "occasion", occasion.date, occasion_reason(occasion, today), score)
        )
    return found


def occasion_reason(occasion: Occasion, today: dt.date) -> str:
    """`birthday in 3 days (turns 40)`, `married Sam today (10 years)`, `birthday yesterday ...`."""
    past = occasion.date < today
    detail = ""
    if occasion.kind == "birthday" and occasion.age is not None:
        detail = f" ({'turned' if past else 'turns'} {occasion.age})"
    elif occasion.kind == "yearly":
        detail = f" ({occasion.age} {'year' if occasion.age == 1 else 'years'})"
    text = f"{occasion.label} {relative_day(occasion.date, today)}{detail}"
    return f"{text}: send a belated wish" if past else text


def _timely(
    contact: Contact, config: Config, entries: list[LogEntry], today: dt.date
) -> list[DueItem]:
    window = config.timely_window
    found = []
    for occasion in contact_occasions(contact, window.before(today), today):
        if occasion.kind != "event" or _contacted_since(entries, occasion.date):
            continue
        reason = (
            f"{occasion.label} {relative_day(occasion.date, today)}: a good moment to reach out"
        )
        score = (today - occasion.date).days / max(window.days, 1)
        found.append(DueItem(contact, "timely", occasion.date, reason, score))
    return found


def _reconnect(
    contact: Contact, config: Config, entries: list[LogEntry], today: dt.date, horizon: dt.date
) -> list[DueItem]:
    cadence = cadence_of(contact, config)
    last = entries[-1]
    due = cadence.after(last.date)
    if due > horizon:
        return []
    no_reply = " (no reply)" if last.direction == "out" and unanswered(entries) else ""
    if contact.cadence:
        source = "own cadence"
    elif contact.circle in config.circles:
        source = f"{contact.circle} circle"
    else:
        source = "default cadence"
    every = "every " + duration_words(cadence).removeprefix("1 ")
    text = f"last contact {span((today - last.date).days)} ago{no_reply}"
    overdue = (today - due).days
    if overdue > 0:
        text += f", {span(overdue)} overdue"
    elif overdue < 0:
        text = f"due {relative_day(due, today)}: {text}"
    text += f" ({source}: {every})"
    return [DueItem(contact, "reconnect", due, text, overdue / max(cadence.days, 1))]


def _merge(found: list[DueItem]) -> DueItem:
    """The most urgent reason (earliest kind, then highest score) carrying the others' reasons."""
    ordered = sorted(found, key=lambda item: (KINDS.index(item.kind), -item.score))
    first = ordered[0]
    return DueItem(
        first.contact,
        first.kind,
        first.due,
        first.reason,
        first.score,
        tuple(item.reason for item in ordered[1:]),
    )
