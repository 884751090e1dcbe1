"""Git repositories for tests. Each sets its own identity, so no global Git configuration is needed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(root: Path, *args: str, date: str | None = None) -> str:
    """Run git in `root` and give its output; `date` sets the author and committer dates."""
    env = (
        None
        if date is None
        else {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    )
    done = subprocess.run(
        ["git", "-C", str(root), *args], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def init_repo(root: Path, name: str = "Test Person") -> Path:
    """An empty repository on branch main, with `name` as its committer."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    set_identity(root, name)
    return root


def set_identity(root: Path, name: str) -> None:
    """`name` and a made-up example.org address as the committer; commits unsigned."""
    git(root, "config", "user.name", name)
    git(root, "config", "user.email", f"{name.split()[0].lower()}@example.org")
    git(root, "config", "commit.gpgsign", "false")


def commit_all(root: Path, message: str = "start", date: str | None = None) -> None:
    """Stage everything in the work tree and commit it (an empty commit when nothing changed)."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message, date=date)
