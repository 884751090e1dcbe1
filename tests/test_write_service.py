"""The write service: one lock, each file checked once with the network's settings, atomic writes,
and a commit of exactly the bytes written; problems come back as values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gitrepo import commit_all, git, init_repo
from kithbook.config import Config
from kithbook.repo import journal
from kithbook.repo.plumbing import find_repository
from kithbook.write.edit import add_list_item, append_log_entry, set_key
from kithbook.write.service import Change, Outcome, write

TODAY = dt.date(2026, 12, 1)
ADA = "---\nname: Ada Lovelace\nknows: [bob]\n---\n\n## Log\n"
BOB = "---\nname: Bob\nemails: [bob@example.org]\n---\n"
LINE = "- 2026-11-30 note: hi"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A committed network of two contacts."""
    root = init_repo(tmp_path / "net")
    (root / "contacts").mkdir()
    (root / "contacts/ada.md").write_text(ADA)
    (root / "contacts/bob.md").write_text(BOB)
    commit_all(root)
    return root


def run(root: Path, *changes: Change, **options) -> Outcome:
    return write(root, Config(), TODAY, list(changes), "test: change", command="test", **options)


def committed(root: Path, path: str) -> bytes:
    return git(root, "show", f"HEAD:{path}").encode()


@pytest.mark.parametrize(
    ("change", "path", "expected"),
    [
        (
            Change.edit("contacts/ada.md", lambda t: append_log_entry(t, LINE)),
            "contacts/ada.md",
            ADA + LINE + "\n",
        ),
        (
            Change.new("contacts/cy.md", "---\nname: Cy\n---\n"),
            "contacts/cy.md",
            "---\nname: Cy\n---\n",
        ),
        (
            Change.restore("contacts/bob.md", lambda old: old + b"\nNotes.\n"),
            "contacts/bob.md",
            BOB + "\nNotes.\n",
        ),
    ],
    ids=["edit", "new", "restore"],
)
def test_each_change_is_written_and_committed_alone_with_exactly_its_bytes(
    root: Path, change: Change, path: str, expected: str
) -> None:
    outcome = run(root, change)
    assert outcome.exit_code == 0 and outcome.written == [path] and outcome.committed
    assert (root / path).read_text() == expected
    assert committed(root, path) == expected.encode()
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [path]
    assert git(root, "status", "--porcelain") == ""
    assert git(root, "log", "-1", "--format=%B").strip().endswith("Kith-Command: test")


def test_a_removal_and_a_file_taken_as_it_is_are_committed(root: Path) -> None:
    (root / "contacts/ada.md").write_text(ADA.replace("knows: [bob]\n", "company: Engines\n"))
    outcome = run(
        root, Change.as_is("contacts/ada.md"), Change.restore("contacts/bob.md", lambda _: None)
    )
    assert outcome.committed and outcome.written == ["contacts/ada.md", "contacts/bob.md"]
    assert not (root / "contacts/bob.md").exists()
    assert git(root, "status", "--porcelain") == ""


@pytest.mark.parametrize(
    ("edit", "check", "line"),
    [
        (lambda t: add_list_item(t, "emails", "not-an-address"), "email", 4),
        (lambda t: add_list_item(t, "knows", "nobody"), "reference", 3),
        (lambda t: add_list_item(t, "emails", "bob@example.org"), "duplicate-email", 4),
        (lambda t: set_key(t, "name", "x" * 2_000_000), "file", 1),
    ],
    ids=["own-check", "missing-reference", "duplicate-email", "too-large-to-load"],
)
def test_a_result_with_errors_is_refused_with_its_problems_and_nothing_is_written(
    root: Path, edit, check: str, line: int
) -> None:
    outcome = run(root, Change.edit("contacts/ada.md", edit))
    assert outcome.exit_code == 1 and outcome.refused == ["contacts/ada.md"]
    assert [(p.path, p.line, p.check) for p in outcome.problems] == [
        ("contacts/ada.md", line, check)
    ]
    assert (root / "contacts/ada.md").read_text() == ADA and outcome.commit is None
    assert git(root, "log", "--format=%s").splitlines() == ["start"]


@pytest.mark.parametrize(
    ("edit", "loads_all"),
    [
        (lambda t: append_log_entry(t, LINE), False),
        (lambda t: set_key(t, "company", "Engines"), False),
        (lambda t: add_list_item(t, "emails", "ada@example.org"), True),
        (lambda t: add_list_item(t, "knows", "nobody"), True),
    ],
    ids=["log-line", "company", "new-email", "missing-reference"],
)
def test_the_other_contacts_are_loaded_only_for_a_rule_the_change_can_affect(
    root: Path, monkeypatch, edit, loads_all: bool
) -> None:
    loaded: list[Path] = []
    real = __import__("kithbook.write.service", fromlist=["load"]).load
    monkeypatch.setattr(
        "kithbook.write.service.load", lambda where, **kw: loaded.append(where) or real(where, **kw)
    )
    run(root, Change.edit("contacts/ada.md", edit))
    assert bool(loaded) == loads_all


def test_an_import_policy_refuses_new_problems_and_files_that_have_errors(root: Path) -> None:
    (root / "contacts/bob.md").write_text("---\nname: Bob\nemails: [nope]\n---\n")
    outcome = run(
        root,
        Change.edit("contacts/bob.md", lambda t: set_key(t, "company", "Mills")),
        Change.new("contacts/cy.md", "---\nname: Cy\nsnooze: someday\n---\n"),
        Change.new("contacts/di.md", "---\nname: Di\n---\n"),
        policy="no-new-problems",
    )
    assert outcome.written == ["contacts/di.md"]
    assert sorted(outcome.refused) == ["contacts/bob.md", "contacts/cy.md"]


def test_a_file_an_editor_saves_meanwhile_is_read_and_changed_again(root: Path) -> None:
    ada = root / "contacts/ada.md"
    calls: list[str] = []

    def edit(text: str) -> str:
        calls.append(text)
        if len(calls) == 1:
            ada.write_text(ADA.replace("## Log", "Notes.\n\n## Log"))  # the editor saves
        return append_log_entry(text, LINE)

    outcome = run(root, Change.edit("contacts/ada.md", edit))
    assert outcome.committed and len(calls) == 2
    assert ada.read_text() == ADA.replace("## Log", "Notes.\n\n## Log") + LINE + "\n"


def test_a_change_that_changes_nothing_commits_nothing(root: Path) -> None:
    outcome = run(root, Change.edit("contacts/ada.md", lambda text: text))
    assert outcome.unchanged == ["contacts/ada.md"] and outcome.commit is None
    assert outcome.exit_code == 0 and git(root, "log", "--format=%s").splitlines() == ["start"]


def test_what_a_killed_run_wrote_is_committed_first_under_its_own_message(root: Path) -> None:
    repo = find_repository(root)
    journal.begin(repo, journal.Journal(("contacts/bob.md",), "log: bob note", "log"))
    (root / "contacts/bob.md").write_text(BOB + "\n## Log\n" + LINE + "\n")  # then killed
    outcome = run(root, Change.edit("contacts/ada.md", lambda t: append_log_entry(t, LINE)))
    assert outcome.committed and "interrupted kith log" in outcome.notes[0]
    assert git(root, "log", "--format=%s").splitlines() == [
        "test: change",
        "log: bob note",
        "start",
    ]
    assert journal.unfinished(repo) is None and git(root, "status", "--porcelain") == ""


def test_an_index_left_behind_by_a_killed_commit_is_set_back_to_head(root: Path) -> None:
    repo = find_repository(root)
    old = git(root, "rev-parse", "HEAD:contacts/bob.md").strip()
    (root / "contacts/bob.md").write_text(BOB + "x\n")
    commit_all(root, "log: bob note")  # committed, then killed before the index update:
    git(root, "update-index", "--cacheinfo", f"100644,{old},contacts/bob.md")
    journal.begin(repo, journal.Journal(("contacts/bob.md",), "log: bob note", "log"))
    assert git(root, "diff", "--cached", "--name-only").split() == ["contacts/bob.md"]
    run(root, Change.edit("contacts/ada.md", lambda t: append_log_entry(t, LINE)))
    assert git(root, "status", "--porcelain") == ""


def test_outside_git_the_files_are_written_and_the_outcome_says_not_committed(
    tmp_path: Path,
) -> None:
    (tmp_path / "contacts").mkdir()
    (tmp_path / "contacts/ada.md").write_text(ADA.replace("knows: [bob]\n", ""))
    outcome = run(tmp_path, Change.edit("contacts/ada.md", lambda t: append_log_entry(t, LINE)))
    assert outcome.written == ["contacts/ada.md"] and outcome.commit.status == "not-a-repo"
    assert outcome.exit_code == 0


def test_an_index_another_git_command_holds_is_set_by_the_next_write(
    root: Path, monkeypatch
) -> None:
    from kithbook.repo import plumbing

    real = plumbing.set_index_entries

    def held(repo, info):
        raise plumbing.GitError("fatal: Unable to create '.git/index.lock': File exists.")

    monkeypatch.setattr(plumbing, "set_index_entries", held)
    outcome = run(root, Change.edit("contacts/ada.md", lambda t: append_log_entry(t, LINE)))
    assert outcome.committed and "the next kith command sets it" in outcome.commit.message
    assert git(root, "diff", "--cached", "--name-only").split() == ["contacts/ada.md"]
    monkeypatch.setattr(plumbing, "set_index_entries", real)
    run(root, Change.edit("contacts/bob.md", lambda t: set_key(t, "company", "Mills")))
    assert git(root, "status", "--porcelain") == ""


def test_a_commit_the_pre_commit_hook_refuses_leaves_the_file_written_and_says_why(
    root: Path,
) -> None:
    hook = root / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'error: not today' >&2\nexit 1\n")
    hook.chmod(0o755)
    outcome = run(root, Change.edit("contacts/ada.md", lambda t: append_log_entry(t, LINE)))
    assert outcome.exit_code == 1 and "pre-commit hook refused the commit" in outcome.commit.message
    assert "not today" in outcome.commit.message
    assert (root / "contacts/ada.md").read_text() == ADA + LINE + "\n"
    assert journal.unfinished(find_repository(root)) is None  # a refusal is not finished later
    assert git(root, "log", "--format=%s").splitlines() == ["start"]
