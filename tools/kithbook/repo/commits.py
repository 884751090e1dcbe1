"""What a commit of written files comes to (`CommitOutcome`), the trailer that marks kith's
commits, and `commit_files`, which commits files as they are on disk (the write service commits
the bytes it wrote itself).

A folder that is not a Git repository is not an error: the outcome says so and the caller warns.
Kith's commits carry a `Kith-Command: <name>` trailer, which is how `repo.undoable` finds them
(and a `Kith-Reverts: <sha>` on an undo). Commits are built by `repo.plumbing` from bytes, never
with `git commit` from the work tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kithbook.repo.plumbing import GitError, Repository, commit_contents, find_repository, ignored

TRAILER = "Kith-Command"
REVERTS_TRAILER = "Kith-Reverts"
_TRAILER_LINE = re.compile(r"^([A-Za-z-]+): *(.+?) *$", re.MULTILINE)

Status = Literal["committed", "staged", "written", "not-a-repo", "failed"]


@dataclass(frozen=True)
class CommitOutcome:
    """What happened to a written change: committed (with `sha`), only staged, or just written."""

    status: Status
    message: str
    sha: str | None = None

    @property
    def committed(self) -> bool:
        return self.status == "committed"


def commit_files(
    root: Path | str,
    paths: Sequence[Path | str],
    message: str,
    *,
    no_commit: bool = False,
    command: str | None = None,
) -> CommitOutcome:
    """Commit `paths` as they are now (a file that is gone is removed) with `message` and a
    Kith-Command trailer, and nothing else that is staged; under kith's lock, built from the
    files' bytes (`plumbing.commit_contents`). Writers go through `write.service` instead, which
    commits exactly what it wrote; this is for files changed otherwise."""
    repo = find_repository(root)
    if repo is None:
        message = f"{root} is not in a Git repository: written, not committed"
        return CommitOutcome("not-a-repo", message)
    if no_commit:
        return CommitOutcome("written", "written, not committed (--no-commit)")
    from kithbook.repo.locks import check_git_locks
    from kithbook.write.safe_write import locked

    with locked(repo.git_dir / "kith.lock"):
        try:
            check_git_locks(repo)
            relative = [repo.path_of(path) for path in paths]
            refused = refused_by_gitignore(repo, relative)
            if refused is not None:
                return refused
            contents = {path: _bytes_of(repo.top / path) for path in relative}
            trailer = command or message.split(":", 1)[0]
            sha, created = commit_contents(repo, contents, f"{message}\n\n{TRAILER}: {trailer}\n")
        except GitError as error:
            return CommitOutcome("failed", f"written but not committed: {error}")
    return committed(sha, created, message)


def refused_by_gitignore(repo: Repository, paths: Sequence[str]) -> CommitOutcome | None:
    """The outcome when `.gitignore` excludes any of `paths` (a commit would silently leave them
    out), else None."""
    left_out = ignored(repo, paths)
    if not left_out:
        return None
    shown = ", ".join(left_out[:3]) + (" ..." if len(left_out) > 3 else "")
    return CommitOutcome(
        "failed",
        f"written but not committed: .gitignore excludes {shown}; commit by hand with git add -f "
        "if you mean to",
    )


def committed(sha: str, created: bool, message: str) -> CommitOutcome:
    """The outcome of a commit made (`created`), or found unneeded because HEAD held these bytes
    already: then it says the files are as the last commit has them (not "committed in" that
    commit, which may be about something else)."""
    if not created:
        note = f"nothing to commit: the last commit ({sha[:7]}) already has these files as they are"
        return CommitOutcome("committed", note, sha)
    return CommitOutcome("committed", f"committed {sha[:7]}: {message}", sha)


def _bytes_of(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def commit_trailers(message: str) -> dict[str, str]:
    """The `Key: value` trailers of a commit message's last paragraph."""
    last = message.strip().split("\n\n")[-1]
    return {match[1]: match[2] for match in _TRAILER_LINE.finditer(last)}
