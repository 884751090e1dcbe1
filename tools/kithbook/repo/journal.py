"""The note a kith write leaves in `.git` while it writes and commits, so an interrupted run is finished.

Before writing, a command records which files it is about to write and the commit it means to make
(`.git/kith-journal.json`); after the commit it removes the note. A note found by the next command
means the earlier one was killed (kith's lock rules out one still running): that command commits
what the files now hold, under the interrupted command's message, before doing its own work.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from kithbook.repo.plumbing import Repository

NAME = "kith-journal.json"


@dataclass(frozen=True)
class Journal:
    """An unfinished write: the repository paths it writes, its commit message and command."""

    paths: tuple[str, ...]
    message: str
    command: str


def journal_path(repo: Repository) -> Path:
    return repo.git_dir / NAME


def begin(repo: Repository, journal: Journal) -> None:
    """Record `journal` durably before any file is written."""
    path = journal_path(repo)
    temporary = path.with_name(f".{NAME}.{os.getpid()}")
    data = {"paths": list(journal.paths), "message": journal.message, "command": journal.command}
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def unfinished(repo: Repository) -> Journal | None:
    """The journal an interrupted command left, or None; an unreadable one counts as none."""
    try:
        data = json.loads(journal_path(repo).read_text(encoding="utf-8"))
        return Journal(tuple(data["paths"]), str(data["message"]), str(data["command"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def end(repo: Repository) -> None:
    """The write is committed (or given up): remove the journal."""
    with contextlib.suppress(FileNotFoundError):
        journal_path(repo).unlink()
