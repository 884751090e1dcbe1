"""Git at the edge: commit files as they are, find kith's last commit for undo, pull and push.

A folder that is not a Git repository is not an error: the outcome says so and the caller warns.
Kith's commits carry a `Kith-Command: <name>` trailer, which is how `last_kith_commit` finds them
(and a `Kith-Reverts: <sha>` on an undo). Commits are built by `repo.plumbing` from bytes, never
with `git commit` from the work tree. GitPython (for pull and push) is imported inside functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kithbook.repo.plumbing import (
    GitError,
    Repository,
    blob_at,
    commit_contents,
    find_repository,
    git,
    head,
    ignored,
    match_index_to_head,
)

if TYPE_CHECKING:
    from git import Repo

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


def already_committed(sha: str) -> str:
    """What a write that changes nothing in Git says: the files are as the last commit has them
    (not "committed in" that commit, which may be about something else)."""
    return f"nothing to commit: the last commit ({sha[:7]}) already has these files as they are"


def open_repo(root: Path | str) -> Repo | None:
    """The Git repository holding `root`, or None when there is none."""
    import git

    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None


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
            left_out = ignored(repo, relative)
            if left_out:
                shown = ", ".join(left_out[:3]) + (" ..." if len(left_out) > 3 else "")
                return CommitOutcome(
                    "failed",
                    f"written but not committed: .gitignore excludes "
                    f"{shown}; commit by hand with git add -f if you mean to",
                )
            contents = {path: _bytes_of(repo.top / path) for path in relative}
            parent = head(repo)
            if parent is not None and all(
                blob_at(repo, parent, path) == data for path, data in contents.items()
            ):
                match_index_to_head(repo, relative)
                return CommitOutcome("committed", already_committed(parent), parent)
            trailer = command or message.split(":", 1)[0]
            sha, _ = commit_contents(repo, contents, f"{message}\n\n{TRAILER}: {trailer}\n")
        except GitError as error:
            return CommitOutcome("failed", f"written but not committed: {error}")
    return CommitOutcome("committed", f"committed {sha[:7]}: {message}", sha)


def _bytes_of(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


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


def commit_trailers(message: str) -> dict[str, str]:
    """The `Key: value` trailers of a commit message's last paragraph."""
    last = message.strip().split("\n\n")[-1]
    return {match[1]: match[2] for match in _TRAILER_LINE.finditer(last)}


def pull_rebase(root: Path | str) -> str:
    """`git pull --rebase`; on a conflict the rebase is aborted and GitError says where."""
    import git

    repo = _require_repo(root)
    if not repo.remotes:
        raise GitError("this repository has no remote; add one with: git remote add origin URL")
    try:
        return repo.git.pull("--rebase")
    except git.GitCommandError as error:
        conflicted = repo.git.diff("--name-only", "--diff-filter=U").split()
        if _rebase_in_progress(repo):
            repo.git.rebase("--abort")
            where = ", ".join(conflicted) or "some files"
            raise GitError(
                f"pull stopped on a conflict in {where}; the rebase was undone, nothing "
                "changed; merge by hand with: git pull --no-rebase"
            ) from None
        raise GitError(f"git pull failed: {git_error_text(error)}") from None


def push(root: Path | str) -> str:
    """`git push` to the branch's upstream."""
    import git

    repo = _require_repo(root)
    try:
        return repo.git.push() or "pushed"
    except git.GitCommandError as error:
        raise GitError(f"git push failed: {git_error_text(error)}") from None


def git_error_text(error: Exception) -> str:
    """The most telling line of a failed Git command's output."""
    stderr = str(getattr(error, "stderr", "") or "")
    lines = [line.strip().strip("'").strip() for line in stderr.splitlines()]
    lines = [line.removeprefix("stderr:").strip() for line in lines]
    useful = [line for line in lines if line and not line.startswith("hint:")]
    for line in useful:
        if line.lower().startswith(("error:", "fatal:")):
            return line
    return useful[0] if useful else str(error).splitlines()[0]


def _require_repo(root: Path | str) -> Repo:
    repo = open_repo(root)
    if repo is None:
        raise GitError(f"{root} is not in a Git repository")
    return repo


def _rebase_in_progress(repo: Repo) -> bool:
    git_dir = Path(repo.git_dir)
    return (git_dir / "rebase-merge").exists() or (git_dir / "rebase-apply").exists()
