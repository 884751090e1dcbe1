"""Helpers for the adversarial suite: a network in a real Git repository, and kith run as its own
process (as a person or a script runs it), so that concurrency and `kill -9` are real."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gitrepo import commit_all, git, init_repo

ADA = "---\nname: Ada Lovelace\nemails: [ada@example.org]\n---\n\n## Log\n- 2026-11-01 note: met\n"
BOB = "---\nname: Bob Babbage\n---\n\n## Log\n"
TODAY = "2026-12-01"


def network_in_git(root: Path, contacts: dict[str, str] | None = None) -> Path:
    """A network (contacts/*.md) committed in a fresh repository at `root`."""
    init_repo(root)
    (root / "contacts").mkdir(parents=True, exist_ok=True)
    for slug, text in (contacts or {"ada-lovelace": ADA, "bob": BOB}).items():
        (root / "contacts" / f"{slug}.md").write_text(text, encoding="utf-8")
    commit_all(root)
    return root


def kith_command(root: Path, *args: str | bytes) -> list[str | bytes]:
    """The command line running `kith ARGS --root ROOT` in a new Python process."""
    return [sys.executable, "-m", "kithbook", *args, "--root", str(root)]


def kith(
    root: Path, *args: str | bytes, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run kith in its own process; its exit code and output (text, errors replaced)."""
    return subprocess.run(
        kith_command(root, *args),
        capture_output=True,
        text=True,
        errors="replace",
        env={**os.environ, "KITHBOOK_TODAY": TODAY, **(env or {})},
        timeout=timeout,
        check=False,
    )


def status(root: Path) -> list[str]:
    """`git status --porcelain` lines: empty when everything kith wrote is committed."""
    return git(root, "status", "--porcelain").splitlines()


def staged(root: Path) -> list[str]:
    return git(root, "diff", "--cached", "--name-only").splitlines()


def subjects(root: Path) -> list[str]:
    return git(root, "log", "--format=%s").splitlines()


def added_lines(root: Path, commit: str = "HEAD") -> list[str]:
    """The lines a commit added (its diff's + lines, without the file headers)."""
    diff = git(root, "show", "--format=", "--unified=0", commit)
    return [
        line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("++")
    ]


__all__ = ["commit_all", "git"]
