"""Faster capture: kith new with every common key, kith log for several people, values that look
like options, unset / set --remove, and log commit messages that say what happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from gitrepo import commit_all, git, init_repo
from kithbook.parse.load import load
from kithrun import kith

ADA = """\
---
name: Ada Lovelace   # hand-written
aka: [Countess]
emails:
  - ada@example.org
  - ada.old@example.org   # until 2020
tags: [python, chess, climbing]
circle: friend
---

## Log
- 2026-11-28 -> email: Sent the notes
"""
MATEO = "---\nname: Mateo Ruiz\nemails: [mateo@example.org]\n---\n\n## Log\n"
NADIA = "---\nname: Nadia Petrosyan\n---\n"


@pytest.fixture
def root(make_network) -> Path:
    root = make_network({"ada-lovelace": ADA, "mateo-ruiz": MATEO, "nadia-petrosyan": NADIA})
    init_repo(root)
    commit_all(root)
    return root


def subjects(root: Path) -> list[str]:
    return git(root, "log", "--format=%s").splitlines()


def text(root: Path, slug: str) -> str:
    return (root / "contacts" / f"{slug}.md").read_text()


def test_new_takes_every_common_key_in_one_commit(root: Path) -> None:
    assert (
        kith(
            root,
            "new",
            "Grace Hopper",
            "--birthday",
            "--12-09",
            "--channel",
            "email",
            "--tag",
            "navy",
            "--goal",
            "Ask about COBOL",
            "--note",
            "Met at the booth.",
            "--met",
            "PyCon 2019",
            "--met-date",
            "2019-05-03",
            "--via",
            "countess",
        )
        == 0
    )
    assert text(root, "grace-hopper") == (
        '---\nname: Grace Hopper\ntags:\n  - navy\nchannel: email\nbirthday: "--12-09"\n'
        "met:\n  date: 2019-05-03\n  where: PyCon 2019\n  via: ada-lovelace\n"
        "goals:\n  - Ask about COBOL\n---\n\nMet at the booth.\n\n## Log\n"
    )
    assert subjects(root)[:2] == ["new: grace-hopper", "start"]
    grace = load(root).get("grace-hopper")
    assert (grace.birthday.month, grace.birthday.day, grace.birthday.year) == (12, 9, None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--via", "zed"], "no contact 'zed'"),
        (["--via", "ada-"], None),
        (["--birthday", "1990-02-30"], "birthday: '1990-02-30' is not a date"),
        (["--channel", "pigeon"], "channel"),
    ],
)
def test_new_refuses_a_bad_value_and_creates_nothing(
    root: Path, capsys, args: list[str], message: str | None
) -> None:
    code = kith(root, "new", "Grace Hopper", *args)
    if message is None:  # a unique prefix resolves as kith log resolves it
        assert code == 0 and "via: ada-lovelace" in text(root, "grace-hopper")
        return
    assert code == 2 and message in capsys.readouterr().err
    assert not (root / "contacts/grace-hopper.md").exists()


def test_one_event_for_several_people_is_one_commit(root: Path) -> None:
    assert kith(root, "log", "ada", "mateo", "nadia", "both", "in-person", "Dinner at Mateo's") == 0
    line = "- 2026-12-01 <-> in-person: Dinner at Mateo's\n"
    for slug in ("ada-lovelace", "mateo-ruiz", "nadia-petrosyan"):
        assert text(root, slug).endswith(line)
    assert subjects(root)[0] == (
        "log: ada-lovelace, mateo-ruiz, nadia-petrosyan <-> in-person: Dinner at Mateo's"
    )
    assert git(root, "status", "--porcelain") == ""


def test_a_several_people_log_that_one_file_refuses_writes_none(root: Path, capsys) -> None:
    broken = "---\nname: Broken Person\nemails: [not-an-address]\n---\n"
    (root / "contacts/broken.md").write_text(broken)
    commit_all(root, "broken")
    before = text(root, "ada-lovelace")
    assert kith(root, "log", "ada", "broken", "both", "video", "Call") == 1
    assert text(root, "ada-lovelace") == before
    assert "not changed, nor any other" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("words", "subject"),
    [
        (
            ["out", "email", "Congrats on the new role at Northwind"],
            "log: ada-lovelace -> email: Congrats on the new role at Northwind",
        ),
        (["note", "Moving to Lisbon"], "log: ada-lovelace note: Moving to Lisbon"),
        (
            [
                "in",
                "phone",
                "She called back about the long plan for the spring climbing trip and the gear",
            ],
            "log: ada-lovelace <- phone: She called back about the long plan for the…",
        ),
    ],
)
def test_log_commit_messages_carry_the_texts_first_words(
    root: Path, words: list[str], subject: str
) -> None:
    assert kith(root, "log", "ada-lovelace", *words) == 0
    assert subjects(root)[0] == subject


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["out", "email"], "no text after the channel 'email': say what happened"),
        (["in", "phone", "  "], "no text after the channel 'phone'"),
        (["out"], "give the channel and what happened"),
        (["note"], "a note needs its text"),
        (["mateo", "sideways", "email", "x"], "'mateo' is not a direction"),
    ],
)
def test_log_without_text_is_refused_with_a_clear_message(
    root: Path, capsys, words: list[str], message: str
) -> None:
    before = text(root, "ada-lovelace")
    assert kith(root, "log", "ada-lovelace", *words) == 2
    error = capsys.readouterr().err
    assert error.startswith("kith log: error: ") and message in error and error.count("\n") == 1
    assert text(root, "ada-lovelace") == before


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["birthday", "--12-09"], 'birthday: "--12-09"\n'),
        (["company", "-1"], 'company: "-1"\n'),
        (["role", "-x-"], 'role: "-x-"\n'),
        (["role", "--chief", "--no-commit"], 'role: "--chief"\n'),
    ],
)
def test_set_accepts_values_that_look_like_options(root: Path, args: list[str], line: str) -> None:
    assert kith(root, "set", "ada", *args) == 0
    assert line in text(root, "ada-lovelace")


@pytest.mark.parametrize("item", ["chess", "CHESS", "Chess"])
def test_set_does_not_add_an_item_the_list_already_has(root: Path, capsys, item: str) -> None:
    before = text(root, "ada-lovelace")
    commits = subjects(root)
    assert kith(root, "set", "ada", "tags", item) == 0
    assert text(root, "ada-lovelace") == before and subjects(root) == commits
    assert capsys.readouterr().out == "contacts/ada-lovelace.md: already so, nothing changed\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["unset", "ada", "tags", "chess"], "tags: [python, climbing]\n"),
        (["set", "ada", "tags", "CHESS", "--remove"], "tags: [python, climbing]\n"),
        (
            ["unset", "ada", "emails", "ada@example.org"],
            "emails:\n  - ada.old@example.org   # until 2020\n",
        ),
        (["unset", "ada", "aka", "Countess"], "name: Ada Lovelace   # hand-written\nemails:"),
        (["unset", "ada", "circle"], "climbing]\n---"),
    ],
)
def test_unset_removes_one_list_item_or_a_key_and_nothing_else(
    root: Path, args: list[str], expected: str
) -> None:
    assert kith(root, *args) == 0
    after = text(root, "ada-lovelace")
    assert expected in after
    removed = [line for line in ADA.splitlines() if line not in after.splitlines()]
    assert len(removed) == 1 or "tags" in args
    assert subjects(root)[0].startswith(f"unset: ada-lovelace {args[2]}") or args[0] == "set"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["unset", "ada", "tags", "golf"], "tags: has no item 'golf' (it holds: python, chess"),
        (["unset", "ada", "company"], "company: is not set"),
        (["unset", "ada", "circle", "friend"], "circle: is not a list"),
        (["unset", "ada", "name"], "every contact needs a name"),
        (["unset", "ada", "links.github"], "takes a top-level key"),
    ],
)
def test_unset_refuses_what_is_not_there_in_one_line(
    root: Path, capsys, args: list[str], message: str
) -> None:
    assert kith(root, *args) == 2
    assert message in capsys.readouterr().err
    assert text(root, "ada-lovelace") == ADA
