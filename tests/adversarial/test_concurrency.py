"""Issue 11, concurrency: kith commands racing on one contact each get their own commit, and the
pipeline never wedges (index left differing from HEAD, files written outside the lock)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from adversity import (
    ADA,
    TODAY,
    added_lines,
    git,
    kith,
    kith_command,
    network_in_git,
    staged,
    status,
    subjects,
)


def run_at_once(root: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess]:
    """Start every command before waiting for any: they race for the same file and repository."""
    env = {**os.environ, "KITHBOOK_TODAY": TODAY}
    started = [
        subprocess.Popen(
            kith_command(root, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        for args in commands
    ]
    results = []
    for args, process in zip(commands, started, strict=True):
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(args, process.returncode, out, err))
    return results


def test_concurrent_logs_on_one_contact_each_commit_alone_and_each_undo_removes_its_own_line(
    tmp_path: Path,
) -> None:
    root = network_in_git(tmp_path / "net")
    commands = []
    for number in (1, 2, 3):
        commands.append(["log", "ada-lovelace", "out", "email", f"A{number}"])
        commands.append(["log", "ada-lovelace", "note", f"B{number}"])
    results = run_at_once(root, commands)
    assert [result.returncode for result in results] == [0] * 6, results
    assert status(root) == []
    commits = git(root, "log", "--format=%H", "-6").split()
    lines = [added_lines(root, commit) for commit in commits]
    assert all(len(added) == 1 for added in lines), lines  # one action, one commit, one line
    expected = sorted(f"- {TODAY} -> email: A{n}" for n in (1, 2, 3))
    expected += sorted(f"- {TODAY} note: B{n}" for n in (1, 2, 3))
    assert sorted(line for added in lines for line in added) == sorted(expected)
    ada = root / "contacts/ada-lovelace.md"
    for added in lines:  # newest first, as undo goes
        before = ada.read_text().splitlines()
        result = kith(root, "undo")
        assert result.returncode == 0, result.stderr
        after = ada.read_text().splitlines()
        assert [line for line in before if line not in after] == added
        assert len(after) == len(before) - 1
    assert ada.read_text() == ADA and status(root) == []


def test_mixed_commands_racing_on_one_contact_never_wedge_the_index(tmp_path: Path) -> None:
    root = network_in_git(tmp_path / "net")
    commands = [
        ["log", "ada-lovelace", "out", "email", "hello"],
        ["set", "ada-lovelace", "company", "Analytical Engines"],
        ["snooze", "ada-lovelace", "3w"],
        ["status", "ada-lovelace", "paused"],
        ["log", "ada-lovelace", "note", "a thought"],
        ["new", "Charles Babbage", "--email", "charles@example.org"],
    ]
    results = run_at_once(root, commands)
    assert [result.returncode for result in results] == [0] * len(commands), results
    assert status(root) == [] and staged(root) == []
    assert len(subjects(root)) == 1 + len(commands)
    after = kith(root, "log", "bob", "in", "phone", "still works")
    assert after.returncode == 0 and after.stdout.startswith("committed ")


def test_a_file_left_staged_by_a_crash_does_not_block_or_join_the_next_commit(
    tmp_path: Path,
) -> None:
    root = network_in_git(tmp_path / "net")
    (root / "notes.txt").write_text("staged and left behind\n")
    git(root, "add", "notes.txt")
    result = kith(root, "log", "bob", "out", "email", "hi")
    assert result.returncode == 0 and result.stdout.startswith("committed "), result.stderr
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["contacts/bob.md"]
    assert staged(root) == ["notes.txt"]  # still the person's own staged change
    undone = kith(root, "undo")
    assert undone.returncode == 0, undone.stderr
    assert (root / "contacts/bob.md").read_text() == "---\nname: Bob Babbage\n---\n\n## Log\n"
    assert staged(root) == ["notes.txt"]
