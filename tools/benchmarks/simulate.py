"""Simulate a year of following the due list, to measure whether it keeps a network alive.

`python tools/benchmarks/simulate.py [--quick | --full] [--curve] [--seeds 3] [--json]`

A generated network (five circles; 40% never logged, the "old contacts"; 60% with a birthday; a few
declined) lives through a year, day by day. Every morning a simulated user acts on a policy's picks:
Kithbook's plan (`due_list(...).plan`, the items marked `plan=True`), or one of two simple policies
to compare with in the same run: *oldest first* (the people contacted longest ago, never-logged
ones first) and *fixed timer* (a reminder per person every cadence and on their birthday, as
Monica does, most overdue first). Each message is logged as `->`. Every person has hidden reply
odds (some near 0) and answers after 1-7 days with a `<-`; people also write first now and then
(close people more often, old contacts never), and the user answers them that day (logged `<->`).

Printed per network, budget and reply-odds mix (means over seeds):
- warm: the share of close and friend contacts whose last two-way contact (`<-` or `<->`) lies
  within their cadence + 14 days, averaged over the last 90 days;
- reconnected: the share of never-logged (old) contacts who answered at least once;
- 3rd: messages sent while the two before them, both within 60 days, were unanswered;
- declined: messages to declined contacts;
- plan median / max: actions a day (Kithbook: the plan's length; may exceed the budget by what
  cannot wait).

Targets (issue 10), on 500 people at 2 a day, mean of three seeds: warm >= 70%, reconnected
>= 60%, 3rd = 0, declined = 0. Nothing here is timed; it measures outcomes only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import random
import statistics
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOLS))

from kithbook.config import Config  # noqa: E402
from kithbook.model import Contact, Duration, LogEntry, MonthDay, Network  # noqa: E402
from kithbook.rules.due import due_list  # noqa: E402

START = dt.date(2027, 1, 4)
DAYS = 365
WARM_DAYS = 90
WARM_SLACK = 14
PESTER_WINDOW = 60
CIRCLES = (  # (circle, share of the network, share of it never logged, write-first days)
    ("close", 0.04, 0.0, 60),
    ("friend", 0.10, 0.05, 150),
    ("colleague", 0.20, 0.45, 365),
    ("network", 0.30, 0.55, 730),
    ("acquaintance", 0.36, 0.50, 1500),
)
DECLINED_SHARE = 0.02
BIRTHDAY_SHARE = 0.6
CHANNELS = ("email", "message", "phone", "video", "in-person")
# Hidden reply odds: (share of people, odds) per mix.
MIXES: dict[str, tuple[tuple[float, float], ...]] = {
    "mixed": ((0.15, 0.03), (0.35, 0.40), (0.50, 0.80)),
    "responsive": ((0.05, 0.03), (0.25, 0.50), (0.70, 0.90)),
    "quiet": ((0.35, 0.03), (0.40, 0.30), (0.25, 0.70)),
}


@dataclass
class Person:
    """A contact with what the simulation knows and the user does not."""

    contact: Contact
    odds: float
    writes_every: float  # mean days between their own first messages; 0 = never
    old: bool  # never logged at the start
    sent: list[dt.date] = field(default_factory=list)
    reply_on: dt.date | None = None
    answered: bool = False
    two_way: list[dt.date] = field(default_factory=list)  # days with `<-` or `<->`


def make_people(size: int, mix: str, seed: int, config: Config) -> list[Person]:
    """A fictional network of `size` people, deterministic for (size, mix, seed)."""
    rng = random.Random(f"{size}/{mix}/{seed}")
    people: list[Person] = []
    for index in range(size):
        circle, _share, never_share, write_days = _pick_circle(rng)
        slug = f"person-{index:05d}"
        declined = rng.random() < DECLINED_SHARE
        old = rng.random() < never_share
        odds = _pick_odds(rng, MIXES[mix])
        contact = Contact(
            slug=slug,
            path=f"contacts/{slug}.md",
            name=f"Person {index:05d}",
            emails=(f"{slug}@example.org",),
            circle=circle,
            channel=rng.choice(CHANNELS),
            status="declined" if declined else "active",
            company=f"Company {rng.randrange(size // 8 + 1)}",
            tags=(f"tag{rng.randrange(12)}",),
        )
        if rng.random() < BIRTHDAY_SHARE:
            day = START + dt.timedelta(days=rng.randrange(366))
            contact.birthday = MonthDay(day.month, day.day, rng.choice((None, 1970 + index % 30)))
        if old and rng.random() < 0.5:
            contact.goals = ("Ask how the move went",)
        person = Person(contact, odds, 0.0 if old else write_days * rng.uniform(0.6, 1.6), old)
        if not old:
            _past_history(person, config.cadence_of_circle(circle), rng)
        people.append(person)
    return people


def _pick_circle(rng: random.Random) -> tuple[str, float, float, int]:
    roll = rng.random()
    for entry in CIRCLES:
        roll -= entry[1]
        if roll < 0:
            return entry
    return CIRCLES[-1]


def _pick_odds(rng: random.Random, mix: tuple[tuple[float, float], ...]) -> float:
    roll = rng.random()
    for share, odds in mix:
        roll -= share
        if roll < 0:
            return odds
    return mix[-1][1]


def _past_history(person: Person, cadence: Duration, rng: random.Random) -> None:
    """Two or three two-way contacts before the start, the last within 1.5 cadences."""
    last = START - dt.timedelta(days=1 + rng.randrange(max(int(cadence.days * 1.5), 2)))
    days = [
        last - dt.timedelta(days=cadence.days * step) for step in range(rng.randint(1, 2), 0, -1)
    ]
    days.append(last)
    entries = tuple(LogEntry(day, "both", person.contact.channel, "Caught up", 0) for day in days)
    person.contact.log = entries
    person.two_way.extend(days)


# A policy: (network, today, budget) -> slugs to message today, in order. It sees the network only,
# as the user's files hold it (their logs), never the `Person`s: no policy can read the hidden
# reply odds, the replies on their way or who is an "old" contact to be measured.
Policy = Callable[[Network, dt.date, int], list[str]]


def kithbook_policy(network: Network, today: dt.date, budget: int) -> list[str]:
    """Today's plan: the items marked `plan`, or the first `budget` items where the due list has
    no plan yet (the due list before issue 10)."""
    if _TAKES_PER_DAY:
        listing = due_list(network, today, per_day=budget, problems=[])
    else:
        listing = due_list(network, today, problems=[])
    plan = getattr(listing, "plan", None)
    items = list(plan) if plan is not None else list(listing.items[:budget])
    return [item.contact.slug for item in items]


_TAKES_PER_DAY = "per_day" in inspect.signature(due_list).parameters


def oldest_first_policy(network: Network, today: dt.date, budget: int) -> list[str]:
    """The active people contacted longest ago (never contacted first), `budget` a day."""
    active = [contact for contact in network.contacts if contact.status == "active"]
    active.sort(key=lambda contact: (_last_contact(contact) or dt.date.min, contact.slug))
    return [contact.slug for contact in active[:budget]]


def fixed_timer_policy(network: Network, today: dt.date, budget: int) -> list[str]:
    """A reminder per person every cadence from the last contact (from the start for someone never
    contacted) and on their birthday; birthdays first, then the most overdue."""
    config = network.config
    due: list[tuple[int, int, str]] = []
    for contact in network.contacts:
        if contact.status != "active":
            continue
        if contact.birthday and contact.birthday.in_year(today.year) == today:
            due.append((0, 0, contact.slug))
            continue
        last = _last_contact(contact) or START
        overdue = (today - config.cadence_of_circle(contact.circle).after(last)).days
        if overdue >= 0:
            due.append((1, -overdue, contact.slug))
    due.sort()
    return [slug for _, _, slug in due[:budget]]


POLICIES: dict[str, Policy] = {
    "kithbook plan": kithbook_policy,
    "oldest first": oldest_first_policy,
    "fixed timer": fixed_timer_policy,
}


def _last_contact(contact: Contact) -> dt.date | None:
    return contact.log[-1].date if contact.log else None


@dataclass
class Result:
    warm: float
    reconnected: float
    third: float  # a count in one run; the mean over seeds in `mean_result`
    declined: float
    plan_median: float
    plan_max: int
    over_budget_days: int


def simulate(
    policy: Policy,
    size: int,
    budget: int,
    mix: str,
    seed: int,
    config: Config | None = None,
    days: int = DAYS,
) -> Result:
    """One year (or `days`) of one policy on one generated network."""
    config = config or Config()
    people_list = make_people(size, mix, seed, config)
    people = {person.contact.slug: person for person in people_list}
    network = Network(Path("."), config, [person.contact for person in people_list], [])
    rng = random.Random(f"events/{size}/{mix}/{seed}")
    close_friends = [
        p
        for p in people_list
        if p.contact.circle in ("close", "friend") and p.contact.status == "active"
    ]
    warm_samples: list[float] = []
    third = declined = over_budget_days = 0
    plan_sizes: list[int] = []
    for offset in range(days):
        today = START + dt.timedelta(days=offset)
        _replies_and_first_messages(people_list, today, rng)
        picks = policy(network, today, budget)
        plan_sizes.append(len(picks))
        over_budget_days += len(picks) > budget
        for slug in picks:
            person = people[slug]
            third += _is_third_unanswered(person, today)
            declined += person.contact.status == "declined"
            _send(person, today, rng)
        if offset >= days - WARM_DAYS and close_friends:
            warm = sum(_is_warm(person, today, config) for person in close_friends)
            warm_samples.append(warm / len(close_friends))
    old = [p for p in people_list if p.old and p.contact.status == "active"]
    return Result(
        warm=statistics.fmean(warm_samples) if warm_samples else 0.0,
        reconnected=sum(p.answered for p in old) / len(old) if old else 0.0,
        third=third,
        declined=declined,
        plan_median=statistics.median(plan_sizes),
        plan_max=max(plan_sizes),
        over_budget_days=over_budget_days,
    )


def _log(person: Person, entry: LogEntry) -> None:
    person.contact.log = (*person.contact.log, entry)


def _replies_and_first_messages(
    people: Iterable[Person], today: dt.date, rng: random.Random
) -> None:
    """Replies arriving today (`<-`), and people writing first, whom the user answers (`<->`)."""
    for person in people:
        if person.contact.status == "declined":
            continue
        if person.reply_on == today:
            person.reply_on = None
            person.answered = True
            person.two_way.append(today)
            _log(person, LogEntry(today, "in", person.contact.channel, "They replied", 0))
        elif person.writes_every and rng.random() < 1 / person.writes_every:
            person.two_way.append(today)
            _log(
                person, LogEntry(today, "both", person.contact.channel, "They wrote; we talked", 0)
            )


def _send(person: Person, today: dt.date, rng: random.Random) -> None:
    """The user's message (`->`); the person answers it with their hidden odds after 1-7 days."""
    person.sent.append(today)
    _log(person, LogEntry(today, "out", person.contact.channel, "Wrote to them", 0))
    if (
        person.reply_on is None
        and person.contact.status != "declined"
        and rng.random() < person.odds
    ):
        person.reply_on = today + dt.timedelta(days=rng.randint(1, 7))


def _is_third_unanswered(person: Person, today: dt.date) -> bool:
    """Whether a message today follows two unanswered ones, both sent within 60 days."""
    if len(person.sent) < 2:
        return False
    first, second = person.sent[-2], person.sent[-1]
    if (today - first).days > PESTER_WINDOW:
        return False
    answered_since = person.two_way and person.two_way[-1] >= first
    return not answered_since and second >= first


def _is_warm(person: Person, today: dt.date, config: Config) -> bool:
    if not person.two_way:
        return False
    window = config.cadence_of_circle(person.contact.circle).days + WARM_SLACK
    return (today - person.two_way[-1]).days <= window


@dataclass(frozen=True)
class Scenario:
    size: int
    budget: int
    mix: str


def scenarios(mode: str) -> list[Scenario]:
    """The target scenario first, then the grid the issue asks for (smaller in --quick)."""
    target = Scenario(500, 2, "mixed")
    if mode == "quick":
        return [target, Scenario(500, 1, "mixed"), Scenario(500, 5, "mixed")]
    grid = [target]
    for budget in (1, 5):
        grid.append(Scenario(500, budget, "mixed"))
    for mix in ("responsive", "quiet"):
        grid.append(Scenario(500, 2, mix))
    grid.append(Scenario(100, 1, "mixed"))
    grid.append(Scenario(100, 2, "mixed"))
    grid.append(Scenario(2000, 2, "mixed"))
    grid.append(Scenario(2000, 5, "mixed"))
    return grid


def mean_result(results: list[Result]) -> Result:
    return Result(
        warm=statistics.fmean(r.warm for r in results),
        reconnected=statistics.fmean(r.reconnected for r in results),
        # not rounded to whole messages: one third message in one of three seeds must show (0.3)
        third=statistics.fmean(r.third for r in results),
        declined=statistics.fmean(r.declined for r in results),
        plan_median=statistics.median(r.plan_median for r in results),
        plan_max=max(r.plan_max for r in results),
        over_budget_days=round(statistics.fmean(r.over_budget_days for r in results)),
    )


HEADER = (
    "| people | a day | replies | policy | warm | reconnected | 3rd unanswered | declined | "
    "plan median / max |\n|---|---|---|---|---|---|---|---|---|"
)


def count(mean: float) -> str:
    """A mean count that never hides a rare event: `0` only when none happened in any seed, else
    two significant digits below 10 (`0.33`, `1.7`) and whole numbers above (`26`)."""
    return f"{mean:.0f}" if mean == 0 or mean >= 10 else f"{mean:.2g}"


def row(scenario: Scenario, name: str, result: Result) -> str:
    return (
        f"| {scenario.size:,} | {scenario.budget} | {scenario.mix} | {name} | {result.warm:.0%} | "
        f"{result.reconnected:.0%} | {count(result.third)} | {count(result.declined)} | "
        f"{result.plan_median:g} / {result.plan_max} |"
    )


CURVE_HEADER = (
    "| a day | backlog a week | warm | reconnected | 3rd unanswered |\n|---|---|---|---|---|"
)


def curve(seeds: int) -> list[str]:
    """Warm against reconnected on 500 people as the budget and the backlog share vary."""
    lines = CURVE_HEADER.splitlines()
    for budget in (1, 2, 3, 5):
        for backlog in (0, 2, 5, 10):
            config = Config(backlog_per_week=backlog)
            result = mean_result(
                [
                    simulate(kithbook_policy, 500, budget, "mixed", seed, config)
                    for seed in range(seeds)
                ]
            )
            lines.append(
                f"| {budget} | {backlog} | {result.warm:.0%} | {result.reconnected:.0%} | "
                f"{count(result.third)} |"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--quick", action="store_true", help="the target and two budgets on 500 people"
    )
    size.add_argument("--full", action="store_true", help="(default) the whole grid of the issue")
    parser.add_argument("--seeds", type=int, default=3, help="seeds per scenario (default 3)")
    parser.add_argument("--policy", choices=sorted(POLICIES), action="append", help="only these")
    parser.add_argument("--curve", action="store_true", help="also the warm/reconnected trade-off")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    names = args.policy or list(POLICIES)
    records = []
    if not args.json:
        print(HEADER)
    for scenario in scenarios("quick" if args.quick else "full"):
        for name in names:
            results = [
                simulate(POLICIES[name], scenario.size, scenario.budget, scenario.mix, seed)
                for seed in range(args.seeds)
            ]
            result = mean_result(results)
            records.append({**scenario.__dict__, "policy": name, **result.__dict__})
            if not args.json:
                print(row(scenario, name, result), flush=True)
    if args.json:
        print(json.dumps(records, indent=2))
    if args.curve:
        print()
        print("\n".join(curve(args.seeds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
