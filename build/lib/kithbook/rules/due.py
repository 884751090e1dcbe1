"""The due list: whom to reach out to today, and why. Pure: (network, today) in, a DueList out.

The rules are written for users in docs/due.md. Each rule gives a contact zero or more reasons; the
contact appears once, under its most urgent one (KINDS order), with the others attached. The list is
made in one pass over the contacts, each contact's history read once and shared by every rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from kithbook.model import Contact, Duration, LogEntry, MonthDay, Network, Problem
from kithbook.rules.backlog import BacklogPicker
from kithbook.rules.occasions import Occasion, contact_occasions, occasions, occurs_between
from kithbook.rules.phrases import duration_words, reached_out, relative_day, short_date, span

if TYPE_CHECKING:
    from kithbook.config import Config

__all__ = ["KINDS", "DueItem", "DueList", "Occasion", "due_list", "next_due", "occasions"]

KINDS = ("follow-up", "occasion", "timely", "reconnect", "backlog")
KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
REPLIES = ("in", "both")
_by_date = attrgetter("date")


@dataclass(frozen=True)
class DueItem:
    """One contact to reach out to: the most urgent reason, and the others it also has."""

    contact: Contact
    kind: str
    due: dt.date
    reason: str
    score: float
    other_reasons: tuple[str, ...] = ()
    upcoming: bool = False  # listed only because of --upcoming: not due yet today

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
        contact = self.contact
        return {
            "slug": contact.slug,
            "name": contact.name,
            "kind": self.kind,
            "due": self.due.isoformat(),
            "reason": self.reason,
            "channel": contact.channel,
            "score": round(self.score, 4),
            "other_reasons": list(self.other_reasons),
            "upcoming": self.upcoming,
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
        from kithbook.rules.validate import validate

        problems = validate(network, today)
    broken = paths_with_errors(problems)
    rules = Rules(network.config, today, today + dt.timedelta(days=max(upcoming_days, 0)))
    picker = BacklogPicker(network.config, today)
    reasons: dict[str, list[DueItem]] = {}
    snoozed = awaiting_reply = left_out = 0
    for contact in network.contacts:
        entries = history(contact, today)
        picker.note_contacted(contact, entries)
        if contact.status != "active":
            continue
        writes = unanswered(entries)
        awaiting_reply += bool(writes)
        paused = is_snoozed(contact, today)
        snoozed += paused
        left_out += contact.path in broken
        if paused or contact.path in broken:
            continue
        found = rules.reasons(contact, entries, writes)
        if found:
            reasons[contact.slug] = found
        picker.consider(contact, entries)
    for pick in picker.picks():
        reasons.setdefault(pick.contact.slug, []).append(
            DueItem(pick.contact, "backlog", pick.week_start, pick.reason, pick.score)
        )
    items = [found[0] if len(found) == 1 else _merge(found) for found in reasons.values()]
    if upcoming_days > 0:
        items = [_marked_upcoming(item, today, network.config) for item in items]
    items.sort(
        key=lambda item: (
            KIND_RANK[item.kind],
            -item.score,
            item.contact.name.lower(),
            item.contact.slug,
        )
    )
    return DueList(today, tuple(items), snoozed, awaiting_reply, left_out)


def _marked_upcoming(item: DueItem, today: dt.date, config: Config) -> DueItem:
    """An item that is not due today but falls due within the --upcoming window says so: an
    occasion once it is nearer than the look-ahead, anything else once its day has come."""
    starts = config.lookahead.before(item.due) if item.kind == "occasion" else item.due
    return replace(item, upcoming=True) if starts > today else item


def paths_with_errors(problems: list[Problem]) -> set[str]:
    """The files with an error: their contacts are left out of the due list and the calendar."""
    return {problem.path for problem in problems if problem.severity == "error"}


def next_due(contact: Contact, config: Config, today: dt.date) -> dt.date | None:
    """When the contact next falls due for a follow-up or its cadence (possibly already past);
    None when it never will: not active, cadence never, or never logged (see the backlog)."""
    if contact.status != "active" or contact.cadence_never:
        return None
    entries = history(contact, today)
    if not entries:
        return None
    due = cadence_of(contact, config).after(entries[-1].date)
    follow_up = follow_up_due(contact, config, unanswered(entries), today)
    if follow_up is not None:
        due = min(due, follow_up[0])
    if is_snoozed(contact, today) and contact.snooze is not None:
        due = max(due, contact.snooze)
    return due


def is_snoozed(contact: Contact, today: dt.date) -> bool:
    """Snoozed past today: `snooze: 2026-12-01` is back on the list on 1 December."""
    return contact.snooze is not None and contact.snooze > today


def history(contact: Contact, today: dt.date) -> list[LogEntry]:
    """Real contact (not notes) up to today, oldest first; later entries have not happened yet."""
    entries = [entry for entry in contact.log if entry.direction != "note" and entry.date <= today]
    entries.sort(key=_by_date)
    return entries


def unanswered(entries: list[LogEntry]) -> list[LogEntry]:
    """My `->` entries of a `history` with no `<-` or `<->` on or after their day (a same-day reply
    answers): the entries after the last reply's day, as a history is sorted by date."""
    for index in range(len(entries) - 1, -1, -1):
        if entries[index].direction in REPLIES:
            replied = entries[index].date
            return [entry for entry in entries[index + 1 :] if entry.date > replied]
    return [entry for entry in entries if entry.direction == "out"]


def cadence_of(contact: Contact, config: Config) -> Duration:
    """The contact's own cadence, else its circle's, else the default."""
    return contact.cadence or config.cadence_of_circle(contact.circle)


def follow_up_due(
    contact: Contact, config: Config, writes: list[LogEntry], today: dt.date
) -> tuple[dt.date, list[dt.date]] | None:
    """(due date, days I wrote) of a follow-up still to make, from the `unanswered` entries; None
    when answered, when the allowed nudges are used up, or once the cadence from my last message
    has run out (a reconnect then)."""
    if contact.cadence_never or config.follow_ups <= 0 or not writes:
        return None
    days = sorted({entry.date for entry in writes})
    if len(days) - 1 >= config.follow_ups:
        return None
    if cadence_of(contact, config).after(days[-1]) <= today:
        return None
    return config.follow_up_after.after(days[-1]), days


class Rules:
    """The rules of one run, with what they share worked out once: the windows around today and
    each circle's cadence."""

    def __init__(self, config: Config, today: dt.date, horizon: dt.date) -> None:
        self.config = config
        self.today = today
        self.horizon = horizon
        self.occasions_from = config.belated.before(today)
        self.occasions_to = config.lookahead.after(horizon)
        self.timely_from = config.timely_window.before(today)
        self.timely_days = max(config.timely_window.days, 1)
        self.dates_from = min(self.occasions_from, self.timely_from)
        self.dates_to = max(self.occasions_to, today)
        self._of_circle: dict[str | None, tuple[Duration, str]] = {}
        self._own: dict[Duration, tuple[Duration, str]] = {}
        self._in_window: dict[tuple[int, int], bool] = {}

    def cadence(self, contact: Contact) -> tuple[Duration, str]:
        """`cadence_of` and where it comes from, in words (`friend circle: every 2 months`);
        worked out once per circle and per cadence of a contact's own."""
        own = contact.cadence
        if own:
            found = self._own.get(own)
            if found is None:
                found = self._own[own] = (own, _cadence_words("own cadence", own))
            return found
        circle = contact.circle
        found = self._of_circle.get(circle)
        if found is None:
            cadence = self.config.cadence_of_circle(circle)
            source = f"{circle} circle" if circle in self.config.circles else "default cadence"
            found = self._of_circle[circle] = (cadence, _cadence_words(source, cadence))
        return found

    def _near(self, month_day: MonthDay) -> bool:
        """Whether a yearly date falls between `dates_from` and `dates_to` in some year: most
        birthdays do not, and this is worked out once per day of the year."""
        key = (month_day.month, month_day.day)
        found = self._in_window.get(key)
        if found is None:
            found = self._in_window[key] = occurs_between(month_day, self.dates_from, self.dates_to)
        return found

    def reasons(
        self, contact: Contact, entries: list[LogEntry], writes: list[LogEntry]
    ) -> list[DueItem]:
        """Every reason a tracked contact is due by the horizon, except the (network-wide) backlog,
        in KINDS order. `entries` is its `history`, `writes` their `unanswered` ones."""
        found: list[DueItem] = []
        logged = bool(entries) and not contact.cadence_never
        if logged and writes:
            self._follow_up(contact, writes, found)
        if contact.dates or (contact.birthday and self._near(contact.birthday)):
            self._dates(contact, entries, found)
        if logged:
            self._reconnect(contact, entries, writes, found)
        return found

    def _follow_up(self, contact: Contact, writes: list[LogEntry], found: list[DueItem]) -> None:
        """`follow_up_due`'s follow-up, when it falls by the horizon, in words."""
        today = self.today
        pending = follow_up_due(contact, self.config, writes, today)
        if pending is None or pending[0] > self.horizon:
            return
        due, days = pending
        wrote = f"you {reached_out(writes[0].channel)} on {short_date(days[0], today)}"
        if len(days) > 1:
            wrote += f" and followed up on {short_date(days[-1], today)}"
        when = f" {relative_day(due, today)}" if due > today else ""
        again = " again" if len(days) > 1 else ""
        window = (due - days[-1]).days
        score = (today - due).days / max(window, 1)
        reason = f"follow up{again}{when}: {wrote}, no reply yet"
        found.append(DueItem(contact, "follow-up", due, reason, score))

    def _dates(self, contact: Contact, entries: list[LogEntry], found: list[DueItem]) -> None:
        """Occasions (within the look-ahead, or belated) and timely one-off dates, in one walk over
        the contact's dates: occasions first, then timely ones."""
        today = self.today
        last_contact = entries[-1].date if entries else None
        timely: list[DueItem] = []
        for occasion in contact_occasions(contact, self.dates_from, self.dates_to):
            date = occasion.date
            contacted = last_contact is not None and last_contact >= date
            if self.occasions_from <= date <= self.occasions_to and (
                date > today or not (occasion.kind == "event" or contacted)
            ):
                score = float((today - date).days)
                reason = occasion_reason(occasion, today)
                found.append(DueItem(contact, "occasion", date, reason, score))
            if occasion.kind == "event" and self.timely_from <= date <= today and not contacted:
                reason = f"{occasion.label} {relative_day(date, today)}: a good moment to reach out"
                score = (today - date).days / self.timely_days
                timely.append(DueItem(contact, "timely", date, reason, score))
        found.extend(timely)

    def _reconnect(
        self,
        contact: Contact,
        entries: list[LogEntry],
        writes: list[LogEntry],
        found: list[DueItem],
    ) -> None:
        today = self.today
        cadence, words = self.cadence(contact)
        last = entries[-1]
        due = cadence.after(last.date)
        if due > self.horizon:
            return
        no_reply = " (no reply)" if writes else ""
        text = f"last contact {span((today - last.date).days)} ago{no_reply}"
        overdue = (today - due).days
        if overdue > 0:
            text += f", {span(overdue)} overdue"
        elif overdue < 0:
            text = f"due {relative_day(due, today)}: {text}"
        text += f" ({words})"
        found.append(DueItem(contact, "reconnect", due, text, overdue / max(cadence.days, 1)))


def _cadence_words(source: str, cadence: Duration) -> str:
    """`friend circle: every 2 months`, `own cadence: every week`."""
    return f"{source}: every " + duration_words(cadence).removeprefix("1 ")


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


def _merge(found: list[DueItem]) -> DueItem:
    """The most urgent reason (earliest kind, then highest score) carrying the others' reasons."""
    ordered = sorted(found, key=lambda item: (KIND_RANK[item.kind], -item.score))
    first = ordered[0]
    return DueItem(
        first.contact,
        first.kind,
        first.due,
        first.reason,
        first.score,
        tuple(item.reason for item in ordered[1:]),
    )
