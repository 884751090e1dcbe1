"""Issue 11, crashes: `kill -9` in the middle of a commit or an import, and the lock files Git
leaves behind. The next command finishes what was interrupted, or explains in one line what is in
the way and how to fix it, at once (never a 39-second hang)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from adversity import ADA, TODAY, kith, kith_command, network_in_git, status, subjects

LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def git_that_hangs_in_commit(folder: Path) -> dict[str, str]:
    """An environment whose `git` is a wrapper that stops (sleeps) when kith makes the commit,
    after touching `folder/in-commit`: a kill then lands in the middle of the commit."""
    folder.mkdir(parents=True, exist_ok=True)
    wrapper = folder / "git"
    wrapper.write_text(
        "#!/bin/sh\n"
        'case " $* " in *" commit-tree "*) touch "$(dirname "$0")/in-commit"; sleep 60;; esac\n'
        f'exec {shutil.which("git")} "$@"\n'
    )
    wrapper.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def kill_in_commit(root: Path, tmp_path: Path, *args: str) -> None:
    """Run kith with the hanging git, and `kill -9` it (and its git) once it is committing."""
    env = {**git_that_hangs_in_commit(tmp_path / "bin"), "KITHBOOK_TODAY": TODAY}
    process = subprocess.Popen(
        kith_command(root, *args),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    marker = tmp_path / "bin" / "in-commit"
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert process.poll() is None and time.monotonic() < deadline, "kith never committed"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def test_kill_during_commit_then_the_next_command_finishes_it_with_a_clear_message(
    tmp_path: Path,
) -> None:
    root = network_in_git(tmp_path / "net")
    kill_in_commit(root, tmp_path, "log", "ada-lovelace", "out", "email", "first")
    ada = root / "contacts/ada-lovelace.md"
    assert ada.read_text() == ADA + f"- {TODAY} -> email: first\n"  # written, not committed
    assert subjects(root) == ["start"]
    result = kith(root, "log", "ada-lovelace", "note", "second")
    assert result.returncode == 0, result.stderr
    assert "left uncommitted by an interrupted kith log" in result.stderr
    assert subjects(root)[:2] == [
        "log: ada-lovelace note: second",
        "log: ada-lovelace -> email: first",
    ]
    assert status(root) == []
    assert kith(root, "undo").returncode == 0
    assert ada.read_text() == ADA + f"- {TODAY} -> email: first\n"
    assert kith(root, "undo").returncode == 0
    assert ada.read_text() == ADA


def test_a_stale_index_lock_is_explained_at_once_with_its_age_and_the_fix(tmp_path: Path) -> None:
    root = network_in_git(tmp_path / "net")
    lock = root / ".git/index.lock"
    lock.write_text("")
    old = time.time() - 300
    os.utime(lock, (old, old))
    started = time.monotonic()
    result = kith(root, "log", "ada-lovelace", "note", "blocked")
    assert time.monotonic() - started < 20  # at once: no waiting on a lock nobody holds
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    for words in ("index.lock was left 0:05:0", "rm .git/index.lock", "nothing was written"):
        assert words in result.stderr
    assert (root / "contacts/ada-lovelace.md").read_text() == ADA
    lock.unlink()
    assert kith(root, "log", "ada-lovelace", "note", "unblocked").returncode == 0
    assert status(root) == []


def test_a_lock_a_running_process_holds_is_waited_for_briefly_then_named(tmp_path: Path) -> None:
    root = network_in_git(tmp_path / "net")
    lock = root / ".git/index.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import time; f = open({str(lock)!r}, 'w'); time.sleep(60)"]
    )
    try:
        while not lock.exists():
            time.sleep(0.01)
        result = kith(root, "log", "ada-lovelace", "note", "waits")
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert f"index.lock is held by process {holder.pid}" in result.stderr
    assert (root / "contacts/ada-lovelace.md").read_text() == ADA


def test_an_import_killed_midway_is_finished_by_the_next_run_and_leaves_no_temporary_files(
    tmp_path: Path,
) -> None:
    root = network_in_git(tmp_path / "net")
    rows = [f"Person,Number{n},,p{n}@example.org,,,01 Jan 2024\n" for n in range(30)]
    source = tmp_path / "Connections.csv"
    source.write_text(LINKEDIN_HEADER + "".join(rows))
    kill_in_commit(root, tmp_path, "import", str(source))
    written = sorted((root / "contacts").glob("person-*.md"))
    assert len(written) == 30 and subjects(root) == ["start"]
    leftover = root / "contacts" / ".person-number0.md.abcd1234.tmp"  # as a kill in a write leaves
    leftover.write_text("half")
    again = kith(root, "import", str(source))
    assert again.returncode == 0, again.stderr
    assert "import: 30 new, 0 merged from Connections.csv" in again.stderr  # finished, and said so
    assert "removed 1 temporary files" in again.stderr
    assert "0 new, 0 merged from Connections.csv; 30 unchanged" in again.stdout
    assert status(root) == [] and not list((root / "contacts").glob(".*.tmp"))
    assert subjects(root) == ["import: 30 new, 0 merged from Connections.csv", "start"]
    assert kith(root, "undo").returncode == 0
    assert not list((root / "contacts").glob("person-*.md"))
