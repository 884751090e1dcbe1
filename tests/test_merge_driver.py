"""The contact merge driver: log lines unioned by date, keys merged per key, real conflicts left."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithbook.config import Config
from kithbook.repo.merge_driver import main, merge_texts, network_config

BASE = """---
name: Ada Lovelace  # full name
circle: friend
company: Analytical
---

Notes about Ada.

## Log
- 2026-10-01 -> email: First
- 2026-11-01 <- email: Reply
    with a second line

## Private
A secret.
"""


def edited(*replacements: tuple[str, str]) -> str:
    text = BASE
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    return text


FIRST = "- 2026-10-01 -> email: First\n"
REPLY = "- 2026-11-01 <- email: Reply\n    with a second line\n"

CASES = [
    (
        "both sides append log lines",
        edited((REPLY, REPLY + "- 2026-11-20 -> phone: Ours\n")),
        edited((REPLY, REPLY + "- 2026-11-10 -> video: Theirs\n- 2026-11-25 note: Later\n")),
        edited(
            (
                REPLY,
                REPLY + "- 2026-11-10 -> video: Theirs\n- 2026-11-20 -> phone: Ours\n"
                "- 2026-11-25 note: Later\n",
            )
        ),
    ),
    (
        "the same line added on both sides is kept once",
        edited((REPLY, REPLY + "- 2026-11-20 -> phone: Same\n")),
        edited((REPLY, REPLY + "- 2026-11-20 -> phone: Same\n")),
        edited((REPLY, REPLY + "- 2026-11-20 -> phone: Same\n")),
    ),
    (
        "an entry older than ours goes in date order",
        edited((REPLY, REPLY + "- 2026-11-20 -> phone: Ours\n")),
        edited((FIRST, "- 2026-09-01 -> email: Earliest\n" + FIRST)),
        edited(
            (FIRST, "- 2026-09-01 -> email: Earliest\n" + FIRST),
            (REPLY, REPLY + "- 2026-11-20 -> phone: Ours\n"),
        ),
    ),
    (
        "an entry fixed on one side stays fixed",
        edited(
            (FIRST, "- 2026-10-01 -> email: First, fixed\n"), (REPLY, REPLY + "- 2026-11-20 x\n")
        ),
        edited((REPLY, REPLY + "- 2026-11-21 -> email: Theirs\n")),
        edited(
            (FIRST, "- 2026-10-01 -> email: First, fixed\n"),
            (REPLY, REPLY + "- 2026-11-20 x\n- 2026-11-21 -> email: Theirs\n"),
        ),
    ),
    (
        "different keys changed on each side",
        edited(("circle: friend", "circle: close")),
        edited(("company: Analytical", "company: Engines\nrole: Countess")),
        edited(
            ("circle: friend", "circle: close"),
            ("company: Analytical", "company: Engines\nrole: Countess"),
        ),
    ),
    (
        "a key and the notes and the log changed on different sides",
        edited(
            ("Notes about Ada.", "Notes about Ada, updated."),
            (REPLY, REPLY + "- 2026-11-20 note: A\n"),
        ),
        edited(("circle: friend", "circle: close"), (REPLY, REPLY + "- 2026-11-21 note: B\n")),
        edited(
            ("Notes about Ada.", "Notes about Ada, updated."),
            ("circle: friend", "circle: close"),
            (REPLY, REPLY + "- 2026-11-20 note: A\n- 2026-11-21 note: B\n"),
        ),
    ),
    (
        "a log section created on one side while the other edited a key",
        edited(("circle: friend", "circle: close")),
        edited(
            ("## Private\n", "## Private\n"),
            ("A secret.\n", "A secret.\n\n## Log\n- 2026-11-22 note: x\n"),
        ),
        edited(
            ("circle: friend", "circle: close"),
            ("A secret.\n", "A secret.\n\n## Log\n- 2026-11-22 note: x\n"),
        ),
    ),
]


@pytest.mark.parametrize(
    ("why", "ours", "theirs", "expected"), CASES, ids=[case[0] for case in CASES]
)
def test_a_merge_keeps_both_sides_work(why: str, ours: str, theirs: str, expected: str) -> None:
    assert merge_texts(BASE, ours, theirs) == (expected, False)


def test_the_same_key_changed_differently_is_a_conflict_with_markers() -> None:
    merged, conflicted = merge_texts(
        BASE,
        edited(("circle: friend", "circle: close")),
        edited(("circle: friend", "circle: colleague")),
    )
    assert conflicted
    assert "<<<<<<< ours\ncircle: close\n=======\ncircle: colleague\n>>>>>>> theirs\n" in merged


def test_crlf_files_stay_crlf() -> None:
    ours = edited(("circle: friend", "circle: close"))
    theirs = edited((REPLY, REPLY + "- 2026-11-20 -> phone: Theirs\n"))
    merged, conflicted = merge_texts(*(text.replace("\n", "\r\n") for text in (BASE, ours, theirs)))
    expected = edited(
        ("circle: friend", "circle: close"), (REPLY, REPLY + "- 2026-11-20 -> phone: Theirs\n")
    )
    assert (merged, conflicted) == (expected.replace("\n", "\r\n"), False)


def test_a_file_the_driver_cannot_read_falls_back_to_a_line_merge() -> None:
    broken = "not a contact file\nb\nc\nd\ne\n"
    merged, conflicted = merge_texts(broken, broken.replace("not a", "no"), broken + "f\n")
    assert (merged, conflicted) == ("no contact file\nb\nc\nd\ne\nf\n", False)


def test_the_driver_writes_the_result_into_ours_and_exits_like_git(tmp_path: Path) -> None:
    paths = {name: tmp_path / name for name in ("base", "ours", "theirs")}
    paths["base"].write_text(BASE)
    paths["ours"].write_bytes(
        b"\xef\xbb\xbf" + edited(("circle: friend", "circle: close")).encode()
    )
    paths["theirs"].write_text(edited(("circle: friend", "circle: colleague")))
    assert (
        main([str(paths["base"]), str(paths["ours"]), str(paths["theirs"]), "contacts/ada.md"]) == 1
    )
    assert (
        paths["ours"]
        .read_bytes()
        .startswith(b"\xef\xbb\xbf---\nname: Ada Lovelace  # full name\n<<<<<<<")
    )


LARGE_SETTINGS = "site_name: My network\nplugins:\n  - kithbook:\n      max_file_bytes: 5000000\n"


@pytest.mark.parametrize(
    ("config_folder", "path"),
    [("", "contacts/ada.md"), ("people", "people/contacts/ada.md"), ("people", "people/ada.md")],
)
def test_the_driver_checks_the_merge_with_the_settings_of_the_network_holding_the_file(
    tmp_path: Path, monkeypatch, config_folder: str, path: str
) -> None:
    (tmp_path / config_folder).mkdir(exist_ok=True)
    (tmp_path / config_folder / "mkdocs.yml").write_text(LARGE_SETTINGS)
    large = edited(("Notes about Ada.", "A long note.\n" * 120_000))  # 1.6 MB: over the default
    texts = {
        "base": large,
        "ours": large.replace(REPLY, REPLY + "- 2026-11-20 -> phone: Ours\n"),
        "theirs": large.replace(REPLY, REPLY + "- 2026-11-21 -> phone: Theirs\n"),
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)  # Git runs the driver at the top of the working tree
    assert main(["base", "ours", "theirs", path]) == 0
    both = REPLY + "- 2026-11-20 -> phone: Ours\n- 2026-11-21 -> phone: Theirs\n"
    assert (tmp_path / "ours").read_text() == large.replace(REPLY, both)


def test_without_settings_the_driver_checks_the_merge_with_the_defaults(tmp_path: Path) -> None:
    assert network_config("contacts/ada.md", tmp_path) == Config()


TWO_LOGS = """---
name: Ada Lovelace
---

## Log
- 2026-01-05 -> email: In the first log

## Private
A secret.

## Log
- 2026-11-02 -> email: In the second log
"""
LAST = "- 2026-11-02 -> email: In the second log\n"


def test_with_two_log_sections_the_lines_added_to_the_last_one_are_merged_there() -> None:
    ours = TWO_LOGS.replace(LAST, LAST + "- 2026-11-20 -> phone: Ours\n")
    theirs = TWO_LOGS.replace(LAST, LAST + "- 2026-11-10 -> video: Theirs\n")
    expected = TWO_LOGS.replace(
        LAST, LAST + "- 2026-11-10 -> video: Theirs\n- 2026-11-20 -> phone: Ours\n"
    )
    assert merge_texts(TWO_LOGS, ours, theirs) == (expected, False)


@pytest.mark.parametrize(
    ("why", "change"),
    [
        (
            "a tab after a key's colon, which libyaml reads",
            lambda text: text.replace("company: Analytical", "company:\tAnalytical"),
        ),
        ("old-Mac line breaks (CR only)", lambda text: text.replace("\n", "\r")),
    ],
)
def test_a_file_the_loader_reads_gets_the_log_merge_like_any_other(why: str, change) -> None:
    ours = edited((REPLY, REPLY + "- 2026-11-20 -> phone: Ours\n"))
    theirs = edited((REPLY, REPLY + "- 2026-11-10 -> video: Theirs\n"))
    both = edited((REPLY, REPLY + "- 2026-11-10 -> video: Theirs\n- 2026-11-20 -> phone: Ours\n"))
    assert merge_texts(*(change(text) for text in (BASE, ours, theirs))) == (change(both), False)


@pytest.mark.parametrize(
    ("base", "ours", "theirs", "expected"),
    [
        (
            BASE.rstrip("\n"),
            BASE.rstrip("\n") + "\n\n## Log\n- 2026-11-20 -> phone: Ours",
            BASE.rstrip("\n") + "\n\n## Log\n- 2026-11-21 -> phone: Theirs",
            BASE.rstrip("\n")
            + "\n\n## Log\n- 2026-11-20 -> phone: Ours\n- 2026-11-21 -> phone: Theirs",
        ),
        (
            "---\nname: Ada\n---\n## Log",
            "---\nname: Ada\ncircle: close\n---\n## Log",
            "---\nname: Ada\n---\n## Log",
            "---\nname: Ada\ncircle: close\n---\n## Log",
        ),
        (
            "---\nname: Ada\n---\n## Log\n- 2026-01-01 note: a",
            "---\nname: Ada\n---\n## Log\n- 2026-01-01 note: a\n- 2026-01-02 note: b",
            "---\nname: Ada\ncircle: close\n---\n## Log\n- 2026-01-01 note: a\n- 2026-01-03 note: c",
            "---\nname: Ada\ncircle: close\n---\n## Log\n- 2026-01-01 note: a\n- 2026-01-02 note: b\n"
            "- 2026-01-03 note: c",
        ),
    ],
    ids=["a second log section", "an empty log section", "a log of entries"],
)
def test_a_log_at_the_end_without_a_final_line_break_is_merged_and_keeps_none(
    base: str, ours: str, theirs: str, expected: str
) -> None:
    assert merge_texts(base, ours, theirs) == (expected, False)
