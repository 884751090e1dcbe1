"""The simulation benchmark's world behaves as documented (tools/benchmarks/simulate.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks import simulate
from kithbook.config import Config


def test_generated_networks_are_the_same_for_the_same_seed_and_differ_across_seeds():
    def names_and_odds(seed):
        people = simulate.make_people(60, "mixed", seed, Config())
        return [(p.contact.slug, p.contact.circle, p.odds, p.old) for p in people]

    assert names_and_odds(1) == names_and_odds(1)
    assert names_and_odds(1) != names_and_odds(2)


def test_a_generated_network_has_old_contacts_birthdays_and_declined_people():
    people = simulate.make_people(500, "mixed", 0, Config())
    old = sum(person.old for person in people) / len(people)
    birthdays = sum(person.contact.birthday is not None for person in people) / len(people)
    assert 0.3 < old < 0.5
    assert 0.5 < birthdays < 0.7
    assert any(person.contact.status == "declined" for person in people)
    assert all(not person.contact.log for person in people if person.old)
    assert all(person.contact.log for person in people if not person.old)


def test_a_third_message_counts_only_after_two_unanswered_within_60_days():
    person = simulate.make_people(1, "mixed", 0, Config())[0]
    today = dt.date(2027, 3, 1)
    person.sent = [today - dt.timedelta(days=40), today - dt.timedelta(days=20)]
    person.two_way = [today - dt.timedelta(days=100)]
    assert simulate._is_third_unanswered(person, today)
    person.two_way.append(today - dt.timedelta(days=30))
    assert not simulate._is_third_unanswered(person, today)
    person.two_way = []
    assert not simulate._is_third_unanswered(person, today + dt.timedelta(days=30))


@pytest.mark.parametrize("name", sorted(simulate.POLICIES))
def test_every_policy_runs_a_short_simulation_and_never_messages_declined_people(name):
    result = simulate.simulate(simulate.POLICIES[name], 80, 2, "mixed", 0, days=40)
    assert result.declined == 0
    assert result.plan_max >= 1
    assert 0.0 <= result.warm <= 1.0
    assert 0.0 <= result.reconnected <= 1.0


@pytest.mark.parametrize(
    ("thirds", "shown"),
    [((0, 0, 0), "0"), ((0, 0, 1), "0.33"), ((1, 2, 2), "1.7"), ((25, 26, 26), "26")],
)
def test_a_third_message_in_one_seed_is_not_rounded_away(thirds, shown):
    def result(third):
        return simulate.Result(0.7, 0.6, third, 0, 2, 2, 0)

    mean = simulate.mean_result([result(third) for third in thirds])
    line = simulate.row(simulate.Scenario(500, 2, "mixed"), "kithbook plan", mean)
    assert line.split(" | ")[6:8] == [shown, "0"]


@pytest.mark.parametrize("name", sorted(simulate.POLICIES))
def test_a_policy_sees_only_the_network_never_the_hidden_reply_odds(name):
    import inspect

    parameters = inspect.signature(simulate.POLICIES[name]).parameters
    assert list(parameters) == ["network", "today", "budget"]


def test_the_readme_holds_both_tables_as_the_script_prints_them():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert simulate.HEADER in readme
    assert simulate.CURVE_HEADER in readme  # `simulate.py --curve`, under "The defaults come from"
