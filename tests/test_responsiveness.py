"""How a person answers, learned from the log: counts, the smoothed reply rate and the phrase."""

from __future__ import annotations

import datetime as dt

import pytest

from kithbook.parse.load import load
from kithbook.rules.responsiveness import median, responsiveness

D = dt.date
TODAY = D(2026, 12, 1)


def person(circle: str, *log: str) -> str:
    lines = ["---", "name: Sam Example", f"circle: {circle}", "---", "", "## Log"]
    return "\n".join(lines + [f"- {entry}" for entry in log]) + "\n"


def habits(make_network, circle: str, *log: str):
    network = load(make_network({"sam": person(circle, *log)}))
    return responsiveness(network.contacts[0], TODAY, network.config)


CASES = [
    pytest.param("friend", (), (0, 0, 0.7, None, 0), None, id="nothing-logged-is-the-prior"),
    pytest.param(
        "close",
        ("2026-11-01 -> email: hi", "2026-11-03 <- email: hi back"),
        (1, 1, (1 + 1.6) / 3, 2.0, 0),
        None,
        id="one-answer-in-two-days",
    ),
    pytest.param(
        "friend",
        ("2026-10-01 -> email: hi", "2026-10-01 <-> phone: talked the same day"),
        (1, 1, (1 + 1.4) / 3, 0.0, 0),
        None,
        id="same-day-answers",
    ),
    pytest.param(
        "friend",
        ("2026-09-01 -> email: hi", "2026-09-20 <- email: sorry, late"),
        (1, 0, 1.4 / 3, None, 0),
        None,
        id="after-14-days-is-not-an-answer",
    ),
    pytest.param(
        "network",
        (
            "2026-01-01 -> email: a",
            "2026-03-01 -> email: b",
            "2026-05-01 -> email: c",
            "2026-07-01 -> email: d",
        ),
        (4, 0, 1.0 / 6, None, 0),
        "rarely answers (0 of 4 messages)",
        id="never-answers",
    ),
    pytest.param(
        "colleague",
        (
            "2026-01-01 -> email: a",
            "2026-01-03 <- email: a",
            "2026-03-01 -> email: b",
            "2026-03-02 <- email: b",
            "2026-05-01 -> email: c",
            "2026-05-03 <- email: c",
        ),
        (3, 3, (3 + 1.2) / 5, 2.0, 0),
        "answers most messages within 2 days",
        id="answers-fast",
    ),
    pytest.param(
        "friend",
        (
            "2026-01-01 <- message: news",
            "2026-04-01 <- message: more news",
            "2026-07-01 <- message: and more",
            "2026-07-02 -> message: thanks",
        ),
        (1, 0, 1.4 / 3, None, 3),
        "often writes first (3 times)",
        id="writes-first",
    ),
    pytest.param(
        "friend",
        ("2026-11-01 -> email: hi", "2026-11-02 note: heard she moved", "2027-01-01 <- email: x"),
        (1, 0, 1.4 / 3, None, 0),
        None,
        id="notes-and-the-future-do-not-count",
    ),
]


@pytest.mark.parametrize(("circle", "log", "expected", "phrase"), CASES)
def test_responsiveness_counts_answers_within_14_days(make_network, circle, log, expected, phrase):
    found = habits(make_network, circle, *log)
    sent, answered, rate, median_days, first = expected
    assert (found.sent, found.answered, found.median_days_to_answer, found.they_wrote_first) == (
        sent,
        answered,
        median_days,
        first,
    )
    assert found.reply_rate == pytest.approx(rate)
    assert found.describe() == phrase


def test_a_closer_circle_starts_from_a_higher_prior(make_network):
    close = habits(make_network, "close")
    acquaintance = habits(make_network, "acquaintance")
    assert close.reply_rate > acquaintance.reply_rate


@pytest.mark.parametrize("values", [[], [3], [1, 5], [4, 1, 9], [2, 2, 8, 100], [0, 0, 0, 1]])
def test_median_is_the_statistics_median(values: list[int]) -> None:
    import statistics

    expected = float(statistics.median(values)) if values else None
    assert median(values) == expected
