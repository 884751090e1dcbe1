"""kith merge KEEP OTHER: nothing lost, references updated, one commit, undo restores both files."""

from __future__ import annotations

from pathlib import Path

import pytest

from gitrepo import commit_all, git, init_repo
from kithbook.cli import main
from kithbook.parse.load import load
from kithbook.repo.merge_driver import merge_texts
from kithbook.write.merge_contacts import MergeReport
from kithrun import kith

KEEP = """\
---
name: Ada Quillfeather
emails: [ada@example.org]   # main address
company: Lanternfish Analytics
tags: [climbing]
knows: [bram]
---

Climbing friend.

## Log
- 2026-09-14 <-> in-person: Bouldering
- 2026-11-20 <-> video: Long call
"""
OTHER = """\
---
name: Ada Q.
emails:
  - ada.q@example.org
  - ADA@example.org
company: Old Co   # her old job
location: Oslo
tags: [chess, climbing]
links:
  github: adaq
knows: [ada-quillfeather, cosima]
---

Met her twice at the chess club.

## Log
- 2026-10-02 -> email: Sent the chess puzzle
- 2026-12-01 <- message: Her reply

## Private
Thinking of leaving Lanternfish.
"""
BRAM = "---\nname: Bram\nknows: [ada-q, cosima]\nmet: {where: Chess club, via: ada-q}\n---\n"
COSIMA = "---\nname: Cosima\nknows: [ada-q, ada-quillfeather]\n---\n"


@pytest.fixture
def root(make_network) -> Path:
    root = make_network({"ada-quillfeather": KEEP, "ada-q": OTHER, "bram": BRAM, "cosima": COSIMA})
    init_repo(root)
    commit_all(root)
    return root


def contents(root: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((root / "contacts").iterdir())}


def test_merge_folds_the_other_file_in_and_loses_nothing(root: Path) -> None:
    assert kith(root, "merge", "ada-quillfeather", "ada-q") == 0
    assert not (root / "contacts/ada-q.md").exists()
    ada = load(root).get("ada-quillfeather")
    assert ada.aka == ("Ada Q.",)
    assert ada.emails == ("ada@example.org", "ada.q@example.org")
    assert ada.tags == ("climbing", "chess")
    assert ada.company == "Lanternfish Analytics" and ada.location == "Oslo"
    assert ada.links == {"github": "adaq"}
    assert ada.knows == ("bram", "cosima")
    assert [entry.date.isoformat() for entry in ada.log] == [
        "2026-09-14",
        "2026-10-02",
        "2026-11-20",
        "2026-12-01",
    ]
    text = (root / "contacts/ada-quillfeather.md").read_text()
    assert "emails: [ada@example.org, ada.q@example.org]   # main address" in text
    assert "\n    company: Old Co   # her old job\n" in text
    assert "Met her twice at the chess club." in text
    assert "Thinking of leaving Lanternfish." in ada.private_notes
    assert "Thinking" not in ada.notes


@pytest.mark.parametrize(
    ("report", "summary"),
    [
        (MergeReport(), "nothing to add"),
        (MergeReport(log_entries=1), "1 log entry"),
        (MergeReport(added=["tags cobol"], log_entries=2), "added tags cobol; 2 log entries"),
    ],
)
def test_the_merge_summary_reads_as_english(report: MergeReport, summary: str) -> None:
    assert report.summary() == summary


def test_merge_updates_knows_and_met_via_in_other_files(root: Path) -> None:
    assert kith(root, "merge", "ada-quillfeather", "ada-q") == 0
    network = load(root)
    assert network.get("bram").knows == ("ada-quillfeather", "cosima")
    assert network.get("bram").met.via == "ada-quillfeather"
    assert network.get("cosima").knows == ("ada-quillfeather",)
    assert (
        "met: {where: Chess club, via: ada-quillfeather}" in (root / "contacts/bram.md").read_text()
    )


def test_merge_is_one_commit_and_undo_restores_every_file_byte_for_byte(root: Path) -> None:
    before = contents(root)
    assert kith(root, "merge", "ada-quillfeather", "ada-q") == 0
    assert git(root, "log", "-1", "--format=%s").strip() == "merge: ada-q into ada-quillfeather"
    changed = git(root, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(changed) == [
        "contacts/ada-q.md",
        "contacts/ada-quillfeather.md",
        "contacts/bram.md",
        "contacts/cosima.md",
    ]
    assert git(root, "status", "--porcelain") == ""
    assert main(["undo", "--root", str(root)]) == 0
    assert contents(root) == before


def test_a_private_contact_merged_in_makes_the_result_private(root: Path) -> None:
    (root / "contacts/ada-q.md").write_text(OTHER.replace("location: Oslo", "private: true"))
    commit_all(root, "private")
    assert kith(root, "merge", "ada-quillfeather", "ada-q") == 0
    assert load(root).get("ada-quillfeather").private is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ada-quillfeather", "ada-quillfeather"], "are the same contact"),
        (["ada-quillfeather", "zed"], "no contact 'zed'"),
    ],
)
def test_merge_refuses_bad_arguments_and_changes_nothing(
    root: Path, capsys, args: list[str], message: str
) -> None:
    before = contents(root)
    assert kith(root, "merge", *args) == 2
    assert message in capsys.readouterr().err
    assert contents(root) == before


def test_merge_refuses_files_with_uncommitted_changes(root: Path, capsys) -> None:
    (root / "contacts/bram.md").write_text(BRAM + "\nA note not committed yet.\n")
    before = contents(root)
    assert kith(root, "merge", "ada-quillfeather", "ada-q") == 2
    assert "contacts/bram.md has changes not committed yet" in capsys.readouterr().err
    assert contents(root) == before


def test_a_merge_that_would_not_validate_writes_nothing(root: Path, capsys) -> None:
    (root / "contacts/ada-q.md").write_text(OTHER.replace("location: Oslo", "circle: nowhere"))
    commit_all(root, "bad circle")
    before = contents(root)
    assert kith(root, "merge", "ada-quillfeather", "ada-q") == 1
    assert "nothing changed" in capsys.readouterr().err
    assert contents(root) == before


@pytest.mark.parametrize(
    ("ours_added", "theirs_added", "merged"),
    [
        (["2026-12-05 ours"], ["2026-12-03 theirs"], ["11-01", "12-03", "12-05"]),
        (
            ["2026-12-05 ours", "2026-11-20 late"],
            ["2026-12-03 theirs"],
            ["11-01", "11-20", "12-03", "12-05"],
        ),
        (
            ["2026-12-04 o"],
            ["2026-12-06 t2", "2026-12-02 t1"],
            ["11-01", "12-02", "12-04", "12-06"],
        ),
    ],
    ids=["theirs-between", "ours-logged-late", "theirs-out-of-order"],
)
def test_the_merge_driver_keeps_a_dated_log_in_date_order(
    ours_added: list[str], theirs_added: list[str], merged: list[str]
) -> None:
    head = "---\nname: Ada\n---\n\n## Log\n- 2026-11-01 -> email: first\n"

    def with_entries(entries: list[str]) -> str:
        return head + "".join(f"- {e.split()[0]} -> email: {e.split()[1]}\n" for e in entries)

    text, conflicted = merge_texts(head, with_entries(ours_added), with_entries(theirs_added))
    dates = [line[7:12] for line in text.splitlines() if line.startswith("- 2026")]
    assert not conflicted and dates == merged
