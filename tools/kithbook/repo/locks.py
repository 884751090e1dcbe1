"""Git's lock files, told apart: one a running Git command holds, and one a killed command left.

Git creates `.git/index.lock` (and `HEAD.lock`, `refs/heads/<branch>.lock`) while it writes, and
removes it when done; a Git process killed meanwhile leaves it behind, and every later Git command
then fails. `check_git_locks` waits a little for a lock a live process holds, and otherwise says
how old the lock is, who holds it when that can be told, and the command that removes it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path

from kithbook.repo.plumbing import GitError, Repository

WAIT_SECONDS = 3.0  # how long to wait for a lock a running Git command holds


class StaleLock(GitError):
    """A Git lock file is in the way; the message says how old it is and how to remove it."""


@dataclass(frozen=True)
class LockFile:
    """A Git lock file, its age in seconds, and the processes that have it open (when known)."""

    path: Path
    age: float
    holders: tuple[str, ...] | None  # None: this system cannot tell


def lock_files(repo: Repository) -> list[Path]:
    """The lock files a kith commit would meet: the index's, HEAD's and the current branch's."""
    candidates = [repo.git_dir / "index.lock", repo.git_dir / "HEAD.lock"]
    try:
        head = (repo.git_dir / "HEAD").read_text(encoding="utf-8").strip()
    except OSError:
        head = ""
    if head.startswith("ref: "):
        candidates.append(repo.git_dir / f"{head[5:].strip()}.lock")
    return [path for path in candidates if path.exists()]


def describe(path: Path, now: float | None = None) -> LockFile | None:
    """The lock file at `path` (None when it is gone)."""
    try:
        modified = path.stat().st_mtime
    except FileNotFoundError:
        return None
    return LockFile(path, max(0.0, (now or time.time()) - modified), holders(path))


def holders(path: Path) -> tuple[str, ...] | None:
    """The processes (as `pid command`) with `path` open, read from /proc; None without /proc."""
    proc = Path("/proc")
    if not (proc / "self" / "fd").is_dir():
        return None
    target = os.path.realpath(path)
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            descriptors = list((entry / "fd").iterdir())
        except OSError:
            continue
        for descriptor in descriptors:
            try:
                if os.readlink(descriptor) == target:
                    command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").strip()
                    found.append(f"{entry.name} ({command.decode('utf-8', 'replace')[:60]})")
                    break
            except OSError:
                continue
    return tuple(found)


def check_git_locks(repo: Repository, wait: float = WAIT_SECONDS) -> None:
    """Return when no Git lock file is in the way; wait up to `wait` seconds for one a running
    process holds; StaleLock (with the fix) for one that stays or that nobody holds."""
    deadline = time.monotonic() + wait
    while True:
        locks = [lock for lock in map(describe, lock_files(repo)) if lock is not None]
        if not locks:
            return
        lock = locks[0]
        # Git closes some lock files a moment before it renames them, so an unheld lock is stale
        # only once it is a second old.
        held = lock.holders is None or bool(lock.holders) or lock.age < 1.0
        if not held or time.monotonic() >= deadline:
            raise StaleLock(explain(repo, lock))
        time.sleep(0.05)


def explain(repo: Repository, lock: LockFile) -> str:
    """One line: which lock, how old, who holds it, and what to do."""
    try:
        shown = lock.path.relative_to(repo.top).as_posix()
    except ValueError:
        shown = str(lock.path)
    age = _age(lock.age)
    if lock.holders:
        return (
            f"{shown} is held by process {', '.join(lock.holders)} (for {age} now); wait for it "
            "to finish, then run the command again (nothing was written)"
        )
    who = (
        "no process has it open: a Git command was killed"
        if lock.holders is not None
        else "probably left by a Git command that was killed"
    )
    return (
        f"{shown} was left {age} ago ({who}); if no Git command is running, remove it with: "
        f"rm {shown}  (nothing was written)"
    )


def _age(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    return str(dt.timedelta(seconds=round(seconds)))
