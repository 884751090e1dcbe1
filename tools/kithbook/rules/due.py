"""Today's plan: whom to reach out to today, and why. Pure: (network, today) in, a DueList out.

The rules are written for users in docs/due.md. Each rule gives a contact zero or more reasons, each
with one priority across kinds (closeness x timing and lateness x answer weight); the contact
appears once, under its reason with the highest priority, with the others attached. The plan is
what cannot wait, today's share of the week's backlog picks, then the highest priorities up to the
budget. The list is made in one pass over the contacts, each contact's history read once and shared
by every rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from kithbook.model import Contact, Duration, LogEntry, MonthDay, Network, Person, Problem
from kithbook.rules.backlog import (
    BacklogCandidate,
    backlog_candidate,
    backlog_picks,
    reached_recently,
    week_start,
)
from kithbook.rules.occasions import Occasion, contact_occasions, occasions, occurs_between
from kithbook.rules.phrases import duration_words, reached_out, relative_day, short_date, span
from kithbook.rules.responsiveness import circle_prior, responsiveness_of

if TYPE_CHECKING:
    from kithbook.config import Config

__all__ = [
    "KINDS",
    "ContactDue",
    "DueItem",
    "DueList",
    "Rules",
    "Occasion",
    "due_list",
    "next_due",
    "occasions",
    "plan",
    "reconnect_due",
]

P = TypeVar("P", bound=Person)

KINDS = ("follow-up", "occasion", "timely", "reconnect", "backlog")
KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
REPLIES = ("in", "both")
_by_date = attrgetter("date")

CLOSENESS_DAYS = 75  # closeness halves at this cadence ...
CLOSENESS_STEEPNESS = 4  # ... and falls this steeply around it
PESTER_DAYS = 60  # no third message within this many days while the last two are unanswered
MAX_BACKOFF_DOUBLINGS = 4  # the back-off grows 2x, 4x, 8x, then stays at 16x the cadence
OCCASION_BONUS = 4.0  # a birthday or yearly date on its day (fading over the belated days)
TIMELY_BONUS = 2.0  # a recent life event (fading over the timely window)
FOLLOW_UP_BONUS = 1.5  # a pending follow-up
BACKLOG_BASE = 0.5
INITIATIVE_DISCOUNT = 0.5  # someone who starts every conversation needs half the reminders
URGENT_CADENCE_DAYS = 60  # a birthday today cannot wait for people this close (friend or closer)
CLOSING_DAYS = 2  # a follow-up cannot wait when its thread goes cold within this many days


@dataclass(slots=True)
class DueItem(Generic[P]):
    """One contact to reach out to: the reason with the highest priority, and the others it also
    has. `plan` marks today's plan; `urgent` what cannot wait (it may take the plan over budget);
    `note` says why an item is shown but kept out of the plan (the never-pester guard). A value:
    made anew (`dataclasses.replace`), never changed; not frozen, as a frozen one takes five times
    as long to make and a large network's plan makes ten thousand."""

    contact: P
    kind: str
    due: dt.date
    reason: str
    score: float
    other_reasons: tuple[str, ...] = ()
    upcoming: bool = False  # listed only because of --upcoming: not due yet today
    plan: bool = False
    urgent: bool = False
    priority: float = 0.0
    note: str | None = None

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
            "plan": self.plan,
            "urgent": self.urgent,
            "priority": round(self.priority, 4),
            "note": self.note,
        }


@dataclass(frozen=True)
class DueList(Generic[P]):
    """Today's plan and everything else due, in plan order, with the occasions coming up and the
    counts for the summary line."""

    today: dt.date
    items: tuple[DueItem[P], ...]
    snoozed: int
    awaiting_reply: int
    left_out: int = 0
    per_day: int = 3
    coming_up: tuple[DueItem[P], ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def plan(self) -> tuple[DueItem[P], ...]:
        """The items in today's plan, in plan order."""
        return tuple(item for item in self.items if item.plan)

    @property
    def over_budget(self) -> int:
        """How many plan items beyond `per_day` came from things that cannot wait."""
        return max(len(self.plan) - self.per_day, 0)

    @property
    def rest(self) -> tuple[DueItem[P], ...]:
        """The items due today that are not in today's plan, in plan order."""
        return tuple(item for item in self.items if not item.plan and not item.upcoming)


@dataclass(slots=True)
class ContactDue(Generic[P]):
    """One contact's share of today's plan, worked out from its file alone (with the settings and
    today): its reasons, the occasions coming up, whether it waits for a reply or is snoozed, and
    what the backlog needs of it. `plan` puts the shares of all contacts in one order; `kith due`
    keeps each file's share while the file is unchanged."""

    person: P
    active: bool
    snoozed: bool = False
    awaiting_reply: bool = False
    reasons: tuple[DueItem[P], ...] = ()
    coming_up: tuple[DueItem[P], ...] = ()
    reached: tuple[str | None, tuple[str, ...]] | None = None  # backlog.reached_recently
    candidate: BacklogCandidate[P] | None = None


def due_list(
    network: Network,
    today: dt.date,
    *,
    per_day: int | None = None,
    upcoming_days: int = 0,
    problems: list[Problem] | None = None,
) -> DueList[Contact]:
    """Today's plan (`per_day` people, the configuration's when None) and everything else due on
    `today` (and within `upcoming_days` after); contacts whose file has errors are left out.
    `problems` are the validator's, computed here when not given."""
    if problems is None:
        from kithbook.rules.validate import validate

        problems = validate(network, today)
    rules = Rules(network.config, today, upcoming_days)
    dues = [rules.contact_due(contact, contact) for contact in network.contacts]
    return plan(dues, rules, per_day, paths_with_errors(problems))


def plan(
    dues: list[ContactDue[P]], rules: Rules, per_day: int | None, broken: set[str]
) -> DueList[P]:
    """Every contact's share (`Rules.contact_due`) in one plan of `per_day` people (the
    configuration's when None), leaving out the contacts whose file is in `broken` (has errors)."""
    config = rules.config
    today = rules.today
    budget = config.per_day if per_day is None else max(per_day, 0)
    reasons: dict[str, list[DueItem[P]]] = {}
    coming_up: list[DueItem[P]] = []
    candidates: list[BacklogCandidate[P]] = []
    snoozed = awaiting_reply = left_out = 0
    for due in dues:
        if not due.active:
            continue
        awaiting_reply += due.awaiting_reply
        snoozed += due.snoozed
        person = due.person
        has_errors = person.path in broken
        left_out += has_errors
        if due.snoozed or has_errors:
            continue
        if due.reasons:
            reasons[person.slug] = list(due.reasons)
        coming_up.extend(due.coming_up)
        if due.candidate is not None:
            candidates.append(due.candidate)
    reached = [due.reached for due in dues if due.reached is not None]
    picks = backlog_picks(candidates, config.backlog_per_week, rules.monday, reached)
    for pick in picks:
        reasons.setdefault(pick.contact.slug, []).append(
            DueItem(
                pick.contact,
                "backlog",
                pick.week_start,
                pick.reason,
                pick.score,
                priority=pick.nearness * (BACKLOG_BASE + pick.score),
            )
        )
    items = [found[0] if len(found) == 1 else _merge(found) for found in reasons.values()]
    ordered = plan_order(items, budget, backlog_quota(len(picks), today))
    counts = {kind: 0 for kind in KINDS}
    for item in ordered:
        if not item.upcoming:
            counts[item.kind] += 1
    coming_up.sort(key=lambda item: (item.due, item.contact.name.lower(), item.contact.slug))
    return DueList(
        today,
        tuple(ordered),
        snoozed,
        awaiting_reply,
        left_out,
        per_day=budget,
        coming_up=tuple(coming_up),
        counts=counts,
    )


def backlog_quota(remaining: int, today: dt.date) -> int:
    """How many of this week's remaining backlog picks go in today's plan: spread evenly over the
    days left in the ISO week (today included), so all of them are reached by Sunday."""
    days_left = 7 - today.weekday()
    return -(-remaining // days_left)


def plan_order(items: list[DueItem[P]], budget: int, backlog_quota: int) -> list[DueItem[P]]:
    """Every item, today's plan first, each part by priority. The plan holds what cannot wait
    (even beyond the budget), then `backlog_quota` backlog picks, then the highest priorities up to
    the budget. Items with a note or not due yet never enter the plan."""
    ranked = sorted(items, key=_rank)
    eligible = [item for item in ranked if item.note is None and not item.upcoming]
    chosen: set[str] = {item.slug for item in eligible if item.urgent}
    room = max(budget - len(chosen), 0)
    for item in eligible:
        if room and backlog_quota and item.kind == "backlog" and item.slug not in chosen:
            chosen.add(item.slug)
            room -= 1
            backlog_quota -= 1
    for item in eligible:
        if not room:
            break
        if item.slug not in chosen:
            chosen.add(item.slug)
            room -= 1
    plan = [replace(item, plan=True) for item in ranked if item.slug in chosen]
    rest = [item for item in ranked if item.slug not in chosen and not item.upcoming]
    return plan + rest + [item for item in ranked if item.upcoming]


def _rank(item: DueItem[Any]) -> tuple[float, str]:
    return (-item.priority, item.contact.slug)


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
    writes = unanswered(entries)
    due = reconnect_due(cadence_of(contact, config), entries, writes, config)
    follow_up = follow_up_due(contact, config, writes, today)
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


def reconnect_due(
    cadence: Duration, entries: list[LogEntry], writes: list[LogEntry], config: Config
) -> dt.date:
    """The day a reconnect falls due: a cadence after the last contact; once the allowed nudges
    are unanswered, twice the cadence, then four, eight and sixteen times (back-off), and never
    before the never-pester guard lets a third message through."""
    last = entries[-1].date
    if not writes:
        return cadence.after(last)
    days = unanswered_days(writes)
    extra = len(days) - max(config.follow_ups, 0)
    if extra <= 0:
        return cadence.after(last)
    factor = 2 ** min(extra, MAX_BACKOFF_DOUBLINGS)
    due = _plus_days(last, cadence.days * factor)
    guard = pester_guard_until(days)
    return max(due, guard + dt.timedelta(days=1)) if guard else due


def unanswered_days(writes: list[LogEntry]) -> list[dt.date]:
    """The distinct days of my unanswered `->` entries, oldest first: one round per day."""
    return sorted({entry.date for entry in writes})


def pester_guard_until(days: list[dt.date]) -> dt.date | None:
    """The last day a third message would still be pestering: while the last two messages are
    unanswered, none within `PESTER_DAYS` of the earlier one. None when fewer than two."""
    if len(days) < 2:
        return None
    return _plus_days(days[-2], PESTER_DAYS)


def _plus_days(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


@lru_cache(maxsize=256)
def closeness(cadence_days: int) -> float:
    """How close, from the cadence: 0.99 for every 3 weeks, 0.71 for every 2 months, 0.33 for 3
    months, 0.03 for 6 months and 0.002 for a year. Kept nearly flat among the people you see most
    and steep beyond, so a friend overdue is not starved by close friends barely due, and the
    wider circles do not eat the day's budget (tuned with tools/benchmarks/simulate.py)."""
    return 1 / (1 + (max(cadence_days, 1) / CLOSENESS_DAYS) ** CLOSENESS_STEEPNESS)


def answer_weight(reply_rate: float, rounds: int) -> float:
    """How worth asking a person is: from 0.4 (never answers) to 1.0 (always does), halved for each
    two unanswered messages since their last answer."""
    return (0.4 + 0.6 * reply_rate) / (1 + 0.5 * rounds)


class Reason(NamedTuple):
    """One reason a rule found, before it is weighed by what the log says about the person."""

    kind: str
    due: dt.date
    reason: str
    score: float
    urgent: bool
    priority: float


class Rules:
    """The rules of one run, with what they share worked out once: the windows around today and
    each circle's cadence."""

    def __init__(self, config: Config, today: dt.date, upcoming_days: int = 0) -> None:
        """The rules of `today`, listing what falls due within `upcoming_days` after it too."""
        horizon = today + dt.timedelta(days=max(upcoming_days, 0))
        self.config = config
        self.today = today
        self.horizon = horizon
        self.monday = week_start(today)
        self.occasions_from = config.belated.before(today)
        self.coming_to = config.lookahead.after(today)
        self.timely_from = config.timely_window.before(today)
        self.timely_days = max(config.timely_window.days, 1)
        self.belated_days = max(config.belated.days, 0)
        self.dates_from = min(self.occasions_from, self.timely_from)
        self.dates_to = max(self.coming_to, horizon)
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

    def contact_due(self, contact: Contact, who: P) -> ContactDue[P]:
        """The contact's share of today's plan, its items about `who` (the contact itself, or
        the `PersonRef` a cache keeps)."""
        today = self.today
        entries = history(contact, today)
        reached = reached_recently(contact, entries, self.monday)
        if contact.status != "active":
            return ContactDue(who, False, reached=reached)
        writes = unanswered(entries)
        if is_snoozed(contact, today):
            return ContactDue(who, True, True, bool(writes), reached=reached)
        coming_up: list[DueItem[P]] = []
        found = self.reasons(contact, who, entries, writes, coming_up)
        candidate = None
        if not (entries and entries[0].date < self.monday):  # not logged before this week
            nearness = closeness(self.cadence(contact)[0].days)
            candidate = backlog_candidate(contact, who, entries, self.config, self.monday, nearness)
        return ContactDue(
            who, True, False, bool(writes), tuple(found), tuple(coming_up), reached, candidate
        )

    def reasons(
        self,
        contact: Contact,
        who: P,
        entries: list[LogEntry],
        writes: list[LogEntry],
        coming_up: list[DueItem[P]],
    ) -> list[DueItem[P]]:
        """Every reason a tracked contact is due by the horizon, except the (network-wide) backlog,
        each with its priority; occasions ahead go to `coming_up`. `entries` is its `history`,
        `writes` their `unanswered` ones."""
        found: list[Reason] = []
        logged = bool(entries) and not contact.cadence_never
        cadence, words = self.cadence(contact)
        lateness = 0.0
        if logged:
            late = (self.today - entries[-1].date).days - cadence.days
            lateness = max(late, 0) / max(cadence.days, 1)
        if logged and writes:
            self._follow_up(contact, cadence, writes, lateness, found)
        if contact.dates or (contact.birthday and self._near(contact.birthday)):
            self._dates(contact, who, entries, cadence, lateness, found, coming_up)
        if logged:
            self._reconnect(contact, entries, writes, cadence, words, lateness, found)
        return self._weighed(contact, who, entries, writes, found) if found else []

    def _weighed(
        self,
        contact: Contact,
        who: P,
        entries: list[LogEntry],
        writes: list[LogEntry],
        found: list[Reason],
    ) -> list[DueItem[P]]:
        """The reasons with their priority weighed by how likely the person is to answer, the
        ones that would pester kept out of the plan with a note, and the person's habits in the
        reason where they matter."""
        habits = responsiveness_of(entries, circle_prior(contact))
        days = unanswered_days(writes) if writes else []
        weight = answer_weight(habits.reply_rate, len(days))
        guard = pester_guard_until(days)
        note = None
        if guard is not None and guard >= self.today:
            note = (
                f"your last two messages ({short_date(days[-2], self.today)}, "
                f"{short_date(days[-1], self.today)}) are unanswered: no third message before "
                f"{short_date(guard + dt.timedelta(days=1), self.today)}"
            )
        described = habits.describe()
        initiative = 1 - INITIATIVE_DISCOUNT * habits.initiative
        weighed: list[DueItem[P]] = []
        for kind, due, reason, score, urgent, priority in found:
            priority *= weight
            if kind == "reconnect":
                priority *= initiative
            if described and kind in ("reconnect", "follow-up", "timely"):
                reason = f"{reason}; {described}"
            weighed.append(
                DueItem(
                    who,
                    kind,
                    due,
                    reason,
                    score,
                    (),
                    due > self.today,
                    False,
                    urgent and note is None,
                    priority,
                    note,
                )
            )
        return weighed

    def _follow_up(
        self,
        contact: Contact,
        cadence: Duration,
        writes: list[LogEntry],
        lateness: float,
        found: list[Reason],
    ) -> None:
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
        closes = cadence.after(days[-1])
        urgent = due <= today and (closes - today).days <= CLOSING_DAYS
        reason = f"follow up{again}{when}: {wrote}, no reply yet"
        if urgent:
            reason += f" (last chance: the thread goes cold {relative_day(closes, today)})"
        priority = closeness(cadence.days) * (FOLLOW_UP_BONUS + max(score, 0) + lateness)
        found.append(Reason("follow-up", due, reason, score, urgent, priority))

    def _dates(
        self,
        contact: Contact,
        who: P,
        entries: list[LogEntry],
        cadence: Duration,
        lateness: float,
        found: list[Reason],
        coming_up: list[DueItem[P]],
    ) -> None:
        """Occasions on their day (or belated) and timely one-off dates, in one walk over the
        contact's dates: occasions first, then timely ones; the occasions of the look-ahead go to
        `coming_up`."""
        today = self.today
        last_contact = entries[-1].date if entries else None
        near = closeness(cadence.days)
        timely: list[Reason] = []
        for occasion in contact_occasions(contact, self.dates_from, self.dates_to):
            date = occasion.date
            if today < date <= self.coming_to:
                coming_up.append(
                    DueItem(
                        who,
                        "occasion",
                        date,
                        occasion_reason(occasion, today),
                        float((today - date).days),
                        upcoming=True,
                        priority=near * OCCASION_BONUS,
                    )
                )
            contacted = last_contact is not None and last_contact >= date
            if occasion.kind != "event" and self.occasions_from <= date <= self.horizon:
                if date > today or not contacted:
                    late = max((today - date).days, 0)
                    bonus = OCCASION_BONUS * (1 - late / (self.belated_days + 1))
                    urgent = date == today and cadence.days <= URGENT_CADENCE_DAYS
                    found.append(
                        Reason(
                            "occasion",
                            date,
                            occasion_reason(occasion, today),
                            float((today - date).days),
                            urgent,
                            near * (bonus + lateness),
                        )
                    )
            if occasion.kind == "event" and self.timely_from <= date <= today and not contacted:
                reason = f"{occasion.label} {relative_day(date, today)}: a good moment to reach out"
                score = (today - date).days / self.timely_days
                fresh = max(1 - score, 0)
                priority = near * (1 + TIMELY_BONUS * fresh + lateness)
                timely.append(Reason("timely", date, reason, score, False, priority))
        found.extend(timely)

    def _reconnect(
        self,
        contact: Contact,
        entries: list[LogEntry],
        writes: list[LogEntry],
        cadence: Duration,
        words: str,
        lateness: float,
        found: list[Reason],
    ) -> None:
        today = self.today
        last = entries[-1]
        due = reconnect_due(cadence, entries, writes, self.config)
        if due > self.horizon:
            return
        rounds = len(unanswered_days(writes)) if writes else 0
        if rounds > max(self.config.follow_ups, 0):
            no_reply = f" (no reply to {rounds} messages: waited longer)"
        else:
            no_reply = " (no reply)" if writes else ""
        text = f"last contact {span((today - last.date).days)} ago{no_reply}"
        overdue = (today - due).days
        if overdue > 0:
            text += f", {span(overdue)} overdue"
        elif overdue < 0:
            text = f"due {relative_day(due, today)}: {text}"
        text += f" ({words})"
        score = overdue / max(cadence.days, 1)
        priority = closeness(cadence.days) * (1 + max(score, 0))
        found.append(Reason("reconnect", due, text, score, False, priority))


def _cadence_words(source: str, cadence: Duration) -> str:
    """`friend circle: every 2 months`, `own cadence: every week`."""
    return f"{source}: every " + duration_words(cadence).removeprefix("1 ")


def occasion_reason(occasion: Occasion, today: dt.date) -> str:
    """`birthday today (turns 40)`, `married Sam today (10 years)`, `birthday yesterday ...`."""
    past = occasion.date < today
    detail = ""
    if occasion.kind == "birthday" and occasion.age is not None:
        detail = f" ({'turned' if past else 'turns'} {occasion.age})"
    elif occasion.kind == "yearly":
        detail = f" ({occasion.age} {'year' if occasion.age == 1 else 'years'})"
    text = f"{occasion.label} {relative_day(occasion.date, today)}{detail}"
    return f"{text}: send a belated wish" if past else text


def _merge(found: list[DueItem[P]]) -> DueItem[P]:
    """The reason due today with the highest priority carrying the others' reasons; urgent when
    any is."""
    ordered = sorted(
        found, key=lambda item: (item.upcoming, -item.priority, KIND_RANK[item.kind], -item.score)
    )
    first = ordered[0]
    return replace(
        first,
        other_reasons=tuple(item.reason for item in ordered[1:]),
        urgent=any(item.urgent for item in found),
    )
