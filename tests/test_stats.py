"""`kith stats` and its pure core: reply rates, the reconnection funnel, circles within cadence,
weekly streaks and value given, at a fixed day; and the site's stats page."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kithbook.cli import main
from kithbook.parse.load import load
from kithbook.rules.stats import stats
from kithbook.site.pages import site_pages

D = dt.date
TODAY = D(2026, 12, 1)  # a Tuesday
SINCE = D(2025, 12, 1)


def person(front: str, *log: str, name: str = "Sam Example") -> str:
    lines = ["---", f"name: {name}", *front.strip().splitlines(), "---", "", "## Log"]
    return "\n".join(lines + [f"- {entry}" for entry in log]) + "\n"


NETWORK = {
    "ada": person(
        "circle: close",
        "2026-09-01 <-> in-person: met at the climbing wall",
        "2026-10-01 -> email: hi",
        "2026-10-03 <- email: hi back #thanks",
        "2026-11-20 -> message: dinner?",
        "2026-11-20 <-> message: yes #offer",
        name="Ada",
    ),
    "bo": person(
        "circle: friend",
        "2026-06-01 -> email: hi",
        "2026-08-01 -> email: anyone there?",
        name="Bo",
    ),
    "cy": person(
        "circle: colleague",
        "2024-01-01 <-> email: long ago",
        "2026-09-07 -> email: been a while",
        "2026-09-10 <- email: great to hear from you",
        "2026-10-20 <-> video: call #intro",
        name="Cy",
    ),
    "di": person(
        "circle: network",
        "2026-11-23 -> email: hello after years",
        "2026-11-24 note: she moved",
        name="Di",
    ),
    "ed": person("circle: friend", "2026-11-28 <- message: hi out of the blue", name="Ed"),
    "fay": person("circle: friend\nstatus: archived", "2026-11-01 -> email: x", name="Fay"),
}


@pytest.fixture
def figures(make_network):
    return stats(load(make_network(NETWORK)), TODAY, SINCE)


def test_the_reply_rate_counts_answers_within_14_days(figures):
    assert (figures.overall.sent, figures.overall.answered) == (7, 3)
    assert figures.median_days_to_answer == 2.0


@pytest.mark.parametrize(
    ("group", "name", "sent", "answered"),
    [
        ("by_channel", "email", 6, 2),
        ("by_channel", "message", 1, 1),
        ("by_circle", "close", 2, 2),
        ("by_circle", "friend", 3, 0),  # archived people's history counts too
        ("by_circle", "colleague", 1, 1),
        ("by_circle", "network", 1, 0),
    ],
)
def test_reply_rates_per_channel_and_per_circle(figures, group, name, sent, answered):
    rate = getattr(figures, group)[name]
    assert (rate.sent, rate.answered) == (sent, answered)


def test_the_reconnection_funnel_counts_old_contacts_reached_replied_and_active_again(figures):
    # bo, cy (silent since 2024), di and fay; ada was logged before she got a `->`
    assert figures.funnel.to_json() == {"reached": 4, "replied": 1, "active_again": 1}


def test_they_wrote_first_counts_conversations_they_opened(figures):
    assert figures.they_wrote_first == 1


@pytest.mark.parametrize(
    ("circle", "contacts", "within"),
    [("close", 1, 1), ("friend", 2, 1), ("colleague", 1, 1), ("network", 1, 0)],
)
def test_each_circles_share_within_its_cadence(figures, circle, contacts, within):
    (share,) = [share for share in figures.circles if share.circle == circle]
    assert (share.contacts, share.within) == (contacts, within)


def test_weeks_with_outreach_and_streaks(figures):
    assert figures.weeks == 53
    assert figures.weeks_with_outreach == 9
    assert (figures.current_streak, figures.longest_streak) == (2, 2)


def test_value_given_counts_the_tagged_interactions(figures):
    assert figures.value_given == {"offer": 1, "intro": 1, "thanks": 1}


@pytest.mark.parametrize(
    ("counts", "current", "longest"),
    [
        ([1, 1, 0, 1, 1, 1], 3, 3),
        ([1, 1, 1, 0, 1, 0], 1, 3),
        ([1, 0, 0], 0, 1),
        ([0, 0], 0, 0),
    ],
)
def test_streaks_may_end_last_week_as_this_week_is_not_over(counts, current, longest):
    from kithbook.rules.stats import _streaks

    assert _streaks(counts) == (current, longest)


def test_the_period_leaves_out_older_entries(make_network):
    figures = stats(load(make_network(NETWORK)), TODAY, D(2026, 11, 1))
    assert (figures.overall.sent, figures.overall.answered) == (3, 1)


def test_kith_stats_prints_the_report_and_json(make_network, capsys):
    root = make_network(NETWORK)
    args = ["stats", "--root", str(root), "--today", "2026-12-01"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Since 1 Dec 2025 (53 calendar weeks)"  # a year touches 53
    assert "Reply rate        43% (3 of 7 messages answered within 14 days)" in out
    assert "Reconnection      4 old contacts reached out to · 1 replied · 1 active again" in out
    assert "Value given       #offer 1 · #intro 1 · #thanks 1" in out
    assert main([*args, "--json", "--since", "2026-11-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["since"] == "2026-11-01"
    assert data["reply_rate"] == {"sent": 3, "answered": 1, "rate": 0.3333}


CADENCE = "Within cadence    close 1/2 (50%) · friend 4/9 (44%) · colleague 1/7 (14%)"


@pytest.mark.parametrize(
    ("line", "width", "lines"),
    [
        (CADENCE, None, [CADENCE]),
        (CADENCE, 100, [CADENCE]),
        (
            CADENCE,
            60,
            [
                "Within cadence    close 1/2 (50%) · friend 4/9 (44%) ·",
                "                  colleague 1/7 (14%)",
            ],
        ),
        (
            CADENCE,
            57,
            [
                "Within cadence    close 1/2 (50%) · friend 4/9 (44%) ·",
                "                  colleague 1/7 (14%)",
            ],
        ),
        (
            CADENCE,
            40,
            [
                "Within cadence    close 1/2 (50%) ·",
                "                  friend 4/9 (44%) ·",
                "                  colleague 1/7 (14%)",
            ],
        ),
        (
            "Reply rate        40% (4 of 10 messages answered within 14 days)",
            60,
            [
                "Reply rate        40% (4 of 10 messages answered within 14",
                "                  days)",
            ],
        ),
    ],
)
def test_a_report_line_breaks_between_figures_in_a_narrow_terminal(line, width, lines):
    from kithbook.cli.stats import fit

    assert fit(line, width) == lines


@pytest.mark.parametrize(
    ("since", "message"),
    [
        ("3x", "--since 3x: give a span such as 1y, 6m, 8w or 90d, or a date YYYY-MM-DD"),
        ("2027-01-01", "--since 2027-01-01: the date is after today (2026-12-01)"),
    ],
)
def test_a_bad_since_is_one_line_and_exit_2(make_network, capsys, since, message):
    root = make_network(NETWORK)
    assert main(["stats", "--root", str(root), "--today", "2026-12-01", "--since", since]) == 2
    assert capsys.readouterr().err == f"kith stats: error: {message}\n"


def test_the_site_stats_page_draws_svg_and_leaves_private_contacts_out(make_network):
    secret = person(
        "circle: close\nprivate: true",
        *(f"2026-0{month}-01 -> email: secret" for month in range(1, 10)),
        name="Secret Person",
    )
    root = make_network({**NETWORK, "secret": secret})
    network = load(root)
    (page,) = [page for page in site_pages(network, TODAY, []) if page.uri == "stats.md"]
    assert "<svg" in page.body and "<script" not in page.body
    assert "43%" in page.body  # 3 of 7: the private contact's 9 messages are not counted
    assert "Secret" not in page.body


def test_every_message_counts_in_the_reply_rate_of_its_circle(make_network):
    """Circles with no tracked contact left (archived, `cadence: never`) keep their messages."""
    root = make_network(
        {
            "ann": person("circle: friend", "2026-10-01 -> email: hi", "2026-10-02 <- email: yo"),
            "never": person("cadence: never", "2026-10-01 -> email: hi", name="Never"),
            "gone": person("circle: colleague\nstatus: archived", "2026-10-01 -> email: hi"),
        }
    )
    figures = stats(load(root), TODAY, SINCE)
    assert {name: (rate.sent, rate.answered) for name, rate in figures.by_circle.items()} == {
        "friend": (1, 1),
        "colleague": (1, 0),
        "(none)": (1, 0),
    }
    assert sum(rate.sent for rate in figures.by_circle.values()) == figures.overall.sent


EDGES = [  # (log of one friend, (sent, answered), median days, funnel reached/replied/active)
    pytest.param(
        ("2026-10-01 -> email: a", "2026-10-15 <- email: b"), (1, 1), 14.0, (1, 1, 0),
        id="an-answer-on-day-14-counts",
    ),
    pytest.param(
        ("2026-10-01 -> email: a", "2026-10-16 <- email: b"), (1, 0), None, (1, 0, 0),
        id="an-answer-on-day-15-does-not",
    ),
    pytest.param(
        ("2026-10-01 <- email: b", "2026-10-01 -> email: a"), (1, 1), 0.0, (0, 0, 0),
        id="a-same-day-answer-written-first-counts-and-they-wrote-first-so-not-reached",
    ),
    pytest.param(
        ("2025-10-02 <-> phone: x", "2026-10-01 -> email: a", "2026-10-03 <- email: b"),
        (1, 1), 2.0, (0, 0, 0),
        id="364-quiet-days-is-not-an-old-contact",
    ),
    pytest.param(
        ("2025-10-01 <-> phone: x", "2026-10-01 -> email: a", "2026-10-03 <- email: b",
         "2026-11-01 <-> phone: c"),
        (1, 1), 2.0, (1, 1, 1),
        id="365-quiet-days-is-and-two-answers-make-it-active-again",
    ),
    pytest.param(
        ("2025-11-01 -> email: a", "2025-12-02 -> email: b", "2025-12-03 <- email: c"),
        (1, 1), 1.0, (0, 0, 0),
        id="only-messages-in-the-period-count",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("log", "rate", "median_days", "funnel"), EDGES)
def test_reply_rate_and_funnel_edges(make_network, log, rate, median_days, funnel):
    figures = stats(load(make_network({"sam": person("circle: friend", *log)})), TODAY, SINCE)
    assert (figures.overall.sent, figures.overall.answered) == rate
    assert figures.median_days_to_answer == median_days
    found = figures.funnel
    assert (found.reached, found.replied, found.active_again) == funnel
