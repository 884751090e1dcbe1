"""Kith's last commit not undone yet, for `kith undo`: found by its `Kith-Command` trailer,
skipping the commits that a later `Kith-Command: undo` reverted (its `Kith-Reverts` trailer)."""

from __future__ import annotations

from dataclasses import dataclass

from kithbook.repo.commits import REVERTS_TRAILER, TRAILER, commit_trailers
from kithbook.repo.plumbing import GitError, Repository, git, head


@dataclass(frozen=True)
class KithCommit:
    """A commit kith made: its id, its first parent, its summary and the files it changed."""

    sha: str
    parent: str | None
    summary: str
    paths: tuple[str, ...]


def last_kith_commit(repo: Repository) -> KithCommit:
    """The newest commit kith made that is not undone yet (following first parents), or GitError."""
    if head(repo) is None:
        raise GitError("the repository has no commits yet; nothing to undo")
    output = git(
        repo, "log", "--first-parent", "--max-count=10000", "--format=%H%x00%P%x00%B%x1e", "HEAD"
    ).decode("utf-8", "replace")
    undone: set[str] = set()
    for record in output.split("\x1e"):
        fields = record.strip("\n").split("\0")
        if len(fields) != 3:
            continue
        sha, parents, body = fields
        trailers = commit_trailers(body)
        command = trailers.get(TRAILER)
        if command is None:
            continue
        if command == "undo":
            undone.add(trailers.get(REVERTS_TRAILER, ""))
        elif sha not in undone:
            parent = parents.split()[0] if parents.split() else None
            changed = (
                git(repo, "diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root", sha)
                if parent is None
                else git(repo, "diff", "--name-only", "-z", "--no-renames", parent, sha)
            )
            paths = tuple(
                sorted(p for p in changed.decode("utf-8", "surrogateescape").split("\0") if p)
            )
            return KithCommit(
                sha, parent, body.strip().splitlines()[0] if body.strip() else "", paths
            )
    raise GitError("no commit made by kith to undo (kith commits carry a 'Kith-Command:' line)")
