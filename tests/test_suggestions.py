"""Suggestions on hand-built logs with known answers, and `kith suggest --apply` changing only
the suggested key, byte for byte elsewhere, in one commit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gitrepo import commit_all, git, init_repo
from kithbook.config import Config
from kithbook.parse.load import parse_contact
from kithbook.rules.suggestions import suggest_for
from kithrun import kith

TODAY = dt.date(2026, 12, 1)


def contact_of(front: str, log: list[str]):
    text = f"---\nname: Ada Lovelace\n{front}---\n\n## Log\n" + "".join(f"- {e}\n" for e in log)
    return parse_contact("contacts/ada.md", text.encode(), Config(), [])


MET_OFTEN_ANSWERS_FAST = [
    "2026-01-10 <-> in-person: Climbing",
    "2026-03-02 -> message: Fancy climbing?",
    "2026-03-03 <- message: Yes!",
    "2026-03-10 <-> in-person: Climbing",
    "2026-05-02 -> message: Saturday?",
    "2026-05-03 <- message: Sure",
    "2026-05-09 <-> in-person: Bouldering",
    "2026-07-02 -> message: Lunch next week?",
    "2026-07-03 <- message: Tuesday",
    "2026-07-08 <-> in-person: Lunch",
    "2026-10-01 <-> in-person: Climbing",
]
THREE_UNANSWERED = [
    "2026-02-01 -> email: Hello",
    "2026-06-01 -> email: Any news?",
    "2026-10-01 -> email: Thinking of you",
]
TWO_OF_THREE_ANSWERED = [
    "2026-02-01 -> email: Hello",
    "2026-02-03 <- email: Hi",
    "2026-06-01 -> email: News?",
    "2026-06-02 <- email: Some",
    "2026-10-01 -> email: Thinking of you",
]
BY_PHONE = [
    "2026-03-01 <-> phone: Long call",
    "2026-05-01 <-> phone: Call",
    "2026-08-01 <-> phone: Call",
    "2026-09-01 <- email: A link",
]
THEY_WRITE_FIRST = [
    "2025-03-01 <- message: Hello from Ada",
    "2025-03-02 -> message: Hi",
    "2025-07-01 <- message: Photo",
    "2025-11-01 <- message: How are you?",
    "2026-04-01 <- message: News",
    "2026-09-01 <- message: Another photo",
]

CASES = [
    # (front matter, log, [(rule, key, value)])
    ("circle: network\n", MET_OFTEN_ANSWERS_FAST, [("closer", "cadence", "1m")]),
    ("circle: friend\ncadence: 3w\n", MET_OFTEN_ANSWERS_FAST, []),  # already closer than 1m
    ("circle: friend\n", THREE_UNANSWERED, [("pause", "status", "paused")]),
    ("circle: friend\n", THREE_UNANSWERED[:2], []),  # two: not clear yet
    ("circle: friend\n", TWO_OF_THREE_ANSWERED, []),  # most answered: not clear
    ("circle: friend\nchannel: email\n", BY_PHONE, [("channel", "channel", "phone")]),
    ("circle: friend\nchannel: phone\n", BY_PHONE, []),  # already so
    ("circle: friend\n", THEY_WRITE_FIRST, [("longer", "cadence", "4m")]),
    ("circle: friend\ncadence: never\n", THEY_WRITE_FIRST, []),
    ("circle: network\ngoals: She is hiring\n", [], [("offer", None, None)]),
    ("circle: network\n", [], []),  # no goals, no log: nothing to say
    ("circle: friend\nstatus: paused\n", THREE_UNANSWERED, []),  # not active
]


@pytest.mark.parametrize(("front", "log", "expected"), CASES)
def test_suggestions_appear_only_where_the_log_is_clear(front, log, expected):
    found = suggest_for(contact_of(front, log), TODAY, Config())
    assert [(s.rule, s.key, s.value) for s in found] == expected


BOTH_CLOSE_AND_WRITES_FIRST = [
    "2025-03-01 <- message: Hello",
    "2025-07-01 <- message: Photo",
    "2025-11-01 <- message: News",
    *(
        line
        for month in ("01", "03", "05")
        for line in (
            f"2026-{month}-01 <- message: Climbing?",
            f"2026-{month}-02 -> message: Which day?",
            f"2026-{month}-03 <- message: Saturday",
            f"2026-{month}-09 <-> in-person: Climbing",
        )
    ),
    "2026-07-08 <-> in-person: Lunch",
    "2026-10-01 <-> in-person: Climbing",
]


def test_meeting_often_and_writing_first_conflict_so_no_cadence_is_suggested():
    log = BOTH_CLOSE_AND_WRITES_FIRST
    contact = contact_of("circle: network\n", log)
    assert suggest_for(contact, TODAY, Config()) == []
    rules = [s.rule for s in suggest_for(contact_of("circle: network\n", log), TODAY, Config())]
    assert "closer" not in rules and "longer" not in rules


@pytest.mark.parametrize(
    ("front", "log", "text"),
    [
        (
            "circle: network\n",
            MET_OFTEN_ANSWERS_FAST,
            "Ada Lovelace answers most messages within 1 day and you met 5 times this year: "
            "consider `cadence: 1m`",
        ),
        (
            "circle: friend\n",
            THREE_UNANSWERED,
            "3 unanswered messages to Ada Lovelace in a year: consider `status: paused` or "
            "`cadence: 1y`",
        ),
        (
            "circle: friend\nchannel: email\n",
            BY_PHONE,
            "you reach Ada Lovelace by phone and phone gets answers (3 of 4 conversations this "
            "year): consider `channel: phone`",
        ),
        (
            "circle: friend\n",
            THEY_WRITE_FIRST,
            "Ada Lovelace wrote first 5 times in two years and keeps in touch: a longer cadence "
            "than every 2 months is enough: consider `cadence: 4m`",
        ),
        (
            "goals: She is hiring\n",
            [],
            "Ada Lovelace has goals but no log: start with an offer "
            "(kith draft ada --intent offer)",
        ),
    ],
)
def test_each_suggestion_says_its_reason(front, log, text):
    (found,) = suggest_for(contact_of(front, log), TODAY, Config())
    assert found.text == text


ADA = """\
---
name: Ada Lovelace   # hand-written comment
emails: [ada@example.org]
circle: friend       # keep this comment
---

Notes with  odd   spacing.

## Log
- 2026-02-01 -> email: Hello
- 2026-06-01 -> email: Any news?
- 2026-10-01 -> email: Thinking of you
"""


@pytest.fixture
def repo(make_network) -> Path:
    root = make_network({"ada": ADA, "bob": "---\nname: Bob Babbage\n---\n"})
    init_repo(root)
    commit_all(root)
    return root


def test_apply_writes_only_the_suggested_key_and_commits_once(repo, capsys):
    before = git(repo, "rev-list", "--count", "HEAD")
    assert kith(repo, "suggest", "--apply", "ada") == 0
    expected = ADA.replace(
        "circle: friend       # keep this comment\n",
        "circle: friend       # keep this comment\nstatus: paused\n",
    )
    assert (repo / "contacts/ada.md").read_text() == expected
    assert int(git(repo, "rev-list", "--count", "HEAD")) == int(before) + 1
    assert git(repo, "show", "--name-only", "--format=%s", "HEAD").split("\n")[:3] == [
        "suggest: ada status = paused (3 unanswered messages to Ada Lovelace in a year)",
        "",
        "contacts/ada.md",
    ]
    assert git(repo, "status", "--porcelain") == ""
    assert "consider `status: paused`" in capsys.readouterr().out


def test_apply_without_a_suggestion_to_set_is_one_line_error_and_changes_nothing(repo, capsys):
    assert kith(repo, "suggest", "--apply", "bob") == 2
    assert capsys.readouterr().err == (
        "kith suggest: error: no suggestion with a key to set for bob\n"
    )
    assert git(repo, "status", "--porcelain") == ""


def test_suggest_prints_each_suggestion_with_its_reason_and_json_for_machines(repo, capsys):
    assert kith(repo, "suggest") == 0
    assert capsys.readouterr().out == (
        "ada: 3 unanswered messages to Ada Lovelace in a year: consider `status: paused` or "
        "`cadence: 1y`  (kith suggest --apply ada)\n"
    )
    assert kith(repo, "suggest", "ada", "--json") == 0
    (found,) = json.loads(capsys.readouterr().out)
    assert (found["slug"], found["key"], found["value"]) == ("ada", "status", "paused")
