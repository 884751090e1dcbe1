"""Undo: kith's last commit reverted, through the write service, as a new commit.

For each file the commit changed, the file goes back to what it was before that commit; when it
changed since, the two are merged as the merge driver merges contact files (later log lines kept,
the undone one removed), and the undo is refused when they conflict. The revert commit carries
`Kith-Command: undo` and `Kith-Reverts: <sha>`, so undo again reverts the commit before.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kithbook import clock
from kithbook.config import load_config
from kithbook.repo.commits import REVERTS_TRAILER
from kithbook.repo.merge_driver import merge_texts
from kithbook.repo.plumbing import GitError, blob_at, find_repository
from kithbook.repo.undoable import last_kith_commit
from kithbook.write.service import Change, Outcome, write
from kithbook.write.text import EditError


@dataclass(frozen=True)
class UndoOutcome:
    """The kith commit that was reverted, and the write that reverted it."""

    reverted_sha: str
    reverted_summary: str
    paths: tuple[str, ...]
    outcome: Outcome

    @property
    def sha(self) -> str:
        commit = self.outcome.commit
        return (commit.sha or "") if commit is not None else ""


def undo_last(root: Path | str, today: dt.date | None = None) -> UndoOutcome:
    """Revert the newest kith commit not yet undone, with a new commit; GitError when there is
    no repository or nothing to undo. Refused files are in the outcome's problems."""
    root = Path(root)
    repo = find_repository(root)
    if repo is None:
        raise GitError(f"{root} is not in a Git repository")
    target = last_kith_commit(repo)
    changes = []
    for path in target.paths:
        after = blob_at(repo, target.sha, path)
        before = blob_at(repo, target.parent, path) if target.parent else None
        relative = Path(os.path.relpath(repo.top / path, root.resolve())).as_posix()
        changes.append(Change.restore(relative, _reverted(after, before)))
    message = f"undo: {target.summary}\n\nThis reverts commit {target.sha}."
    outcome = write(
        root,
        load_config(root)[0],
        today or clock.today(),
        changes,
        message,
        command="undo",
        check=False,
        trailers={REVERTS_TRAILER: target.sha},
    )
    return UndoOutcome(target.sha, target.summary, target.paths, outcome)


def _reverted(
    undone: bytes | None, earlier: bytes | None
) -> Callable[[bytes | None], bytes | None]:
    """The change taking a file from `undone` (as the commit left it) back to `earlier`, applied
    to the file as it is now: a three-way merge when it changed since."""

    def revert(current: bytes | None) -> bytes | None:
        if current == undone:
            return earlier
        if current is None or undone is None or earlier is None:
            raise EditError("changed since that commit; undo it by hand")
        try:
            base, ours, theirs = (data.decode("utf-8") for data in (undone, current, earlier))
        except UnicodeDecodeError:
            raise EditError("changed since that commit and is not UTF-8; undo it by hand") from None
        merged, conflicted = merge_texts(base, ours, theirs)
        if conflicted:
            raise EditError("changed since that commit in the same place; undo it by hand")
        return merged.encode("utf-8")

    return revert
