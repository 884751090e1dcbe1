"""Git at the edge: commit what a command wrote, undo kith's last commit, pull and push for sync.

GitPython is imported inside the functions so that commands start fast. A folder that is not a Git
repository is not an error: the outcome says so and the caller warns. Kith's commits carry a
`Kith-Command: <name>` trailer, which is how `undo_last` finds them. Files are staged through the
git command line with their paths on stdin, so an import of 10,000 files commits in a second or two.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kithbook.errors import KithbookError

if TYPE_CHECKING:
    from git import Repo

TRAILER = "Kith-Command"
REVERTS_TRAILER = "Kith-Reverts"
_TRAILER_LINE = re.compile(r"^([A-Za-z-]+): *(.+?) *$", re.MULTILINE)

_LOCK_ATTEMPTS = 40
BULK_PATHS = 100  # above this many files, Git writes their objects into one pack, not a file each
_BULK_GIT = (2, 37)  # from this version `git update-index` writes such a pack in one go

Status = Literal["committed", "staged", "written", "not-a-repo", "failed"]


class GitError(KithbookError):
    """A Git step failed; the message is one line saying what happened and what to do."""

    exit_code = 1  # not a mistake in the command's arguments: the repository refused


@dataclass(frozen=True)
class CommitOutcome:
    """What happened to a written change: committed (with `sha`), only staged, or just written."""

    status: Status
    message: str
    sha: str | None = None

    @property
    def committed(self) -> bool:
        return self.status == "committed"


@dataclass(frozen=True)
class UndoOutcome:
    """The kith commit that was reverted and the new revert commit."""

    reverted_sha: str
    reverted_summary: str
    sha: str
    paths: tuple[str, ...]


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
    """Commit only `paths` with `message` and a Kith-Command trailer; only stage them when other
    changes are staged; do nothing with `no_commit` or outside a repository."""
    repo = open_repo(root)
    if repo is None:
        message = f"{root} is not in a Git repository: written, not committed"
        return CommitOutcome("not-a-repo", message)
    if no_commit:
        return CommitOutcome("written", "written, not committed (--no-commit)")
    relative = repo_paths(repo, paths)
    with _kith_lock(repo):
        return _commit_locked(repo, relative, message, command or message.split(":", 1)[0])


def _commit_locked(repo: Repo, relative: list[str], message: str, command: str) -> CommitOutcome:
    import git

    ours = set(relative)
    for attempt in range(_LOCK_ATTEMPTS):
        try:
            ignored = _ignored(repo, relative)
            if ignored:
                shown = ", ".join(ignored[:3]) + (" ..." if len(ignored) > 3 else "")
                return CommitOutcome(
                    "failed",
                    f"written but not committed: .gitignore excludes "
                    f"{shown}; commit by hand with git add -f if you mean to",
                )
            _stage(repo, relative)
            staged = staged_paths(repo)
            others = [path for path in staged if path not in ours]
            if others:
                shown = ", ".join(others[:3]) + (" ..." if len(others) > 3 else "")
                note = f"staged, not committed: other changes are staged ({shown})"
                return CommitOutcome("staged", note)
            if not staged:
                head = repo.head.commit.hexsha
                return CommitOutcome("committed", f"already committed in {head[:7]}", head)
            # `-- paths` commits only ours even if something is staged meanwhile; for many paths
            # Git's pathspec matching is slow, so the index checked just above is committed whole.
            only = ["--", *relative] if len(relative) <= BULK_PATHS else []
            repo.git.commit("-m", f"{message}\n\n{TRAILER}: {command}", *only)
            head = repo.head.commit.hexsha
            return CommitOutcome("committed", f"committed {head[:7]}: {message}", head)
        except git.GitCommandError as error:
            if "index.lock" not in str(error) or attempt + 1 == _LOCK_ATTEMPTS:
                reason = git_error_text(error)
                return CommitOutcome("failed", f"written but not committed: {reason}")
            time.sleep(0.05 * (attempt + 1))  # another git command holds the index
    raise AssertionError("the loop returns")


def _stage(repo: Repo, relative: list[str]) -> None:
    """Stage exactly `relative`, new, changed or removed, as `git add --all -- <paths>` would; the
    paths go on stdin: no length limit, and no pathspec matching, which grows with paths x files."""
    bulk = len(relative) > BULK_PATHS and repo.git.version_info[:2] >= _BULK_GIT
    options = {"c": "core.bigFileThreshold=1"} if bulk else {}  # the documented way to one pack
    with tempfile.TemporaryFile() as paths:
        paths.write(b"".join(os.fsencode(path) + b"\0" for path in relative))
        paths.seek(0)
        repo.git(**options).update_index("--add", "--remove", "-z", "--stdin", istream=paths)


def _ignored(repo: Repo, relative: list[str]) -> list[str]:
    """The paths among `relative` that are untracked and ignored by Git (`git add` refuses those)."""
    folders = sorted({posixpath.dirname(path) or "." for path in relative})
    listed = repo.git.ls_files("-z", "--others", "--ignored", "--exclude-standard", "--", *folders)
    ignored = set(listed.split("\0"))
    return [path for path in relative if path in ignored]


@contextlib.contextmanager
def _kith_lock(repo: Repo) -> Iterator[None]:
    """One kith commit at a time per repository (a lock file in .git; other git commands retry)."""
    try:
        import fcntl
    except ImportError:  # Windows: the index.lock retry is all there is
        yield
        return
    with open(Path(repo.git_dir) / "kith.lock", "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


def undo_last(root: Path | str) -> UndoOutcome:
    """Revert the newest kith commit not yet undone with a new commit (never rewriting history)."""
    import git

    repo = _require_repo(root)
    if not repo.head.is_valid():
        raise GitError("the repository has no commits yet; nothing to undo")
    if staged_paths(repo):
        raise GitError("other changes are staged; commit or unstage them before kith undo")
    target = _last_kith_commit(repo)
    paths = tuple(sorted(target.stats.files))
    try:
        repo.git.revert("--no-commit", target.hexsha)
    except git.GitCommandError as error:
        with contextlib.suppress(git.GitCommandError):
            repo.git.revert("--abort")
        raise GitError(
            f"cannot undo {target.hexsha[:7]} ({target.summary}): {git_error_text(error)}"
        ) from None
    message = (
        f"undo: {target.summary}\n\nThis reverts commit {target.hexsha}.\n\n"
        f"{TRAILER}: undo\n{REVERTS_TRAILER}: {target.hexsha}"
    )
    try:
        repo.git.commit("-m", message)
    except git.GitCommandError as error:
        raise GitError(f"the revert is staged but not committed: {git_error_text(error)}") from None
    return UndoOutcome(target.hexsha, str(target.summary), repo.head.commit.hexsha, paths)


def _last_kith_commit(repo: Repo):  # -> git.Commit
    undone: set[str] = set()
    for commit in repo.iter_commits("HEAD", first_parent=True, max_count=10_000):
        trailers = commit_trailers(str(commit.message))
        command = trailers.get(TRAILER)
        if command is None:
            continue
        if command == "undo":
            undone.add(trailers.get(REVERTS_TRAILER, ""))
        elif commit.hexsha not in undone:
            return commit
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


def staged_paths(repo: Repo) -> list[str]:
    """Paths (relative to the repository) with staged changes."""
    output = repo.git.diff("--cached", "--name-only", "-z")
    return [path for path in output.split("\0") if path]


def repo_path(repo: Repo, path: Path | str) -> str:
    """A path as Git names it: relative to the working tree, with forward slashes."""
    top = Path(str(repo.working_tree_dir)).resolve()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.resolve().relative_to(top).as_posix()
    except ValueError:
        raise GitError(f"{path} is outside the repository {top}") from None


def repo_paths(repo: Repo, paths: Sequence[Path | str]) -> list[str]:
    """`repo_path` of many files, each folder resolved once (an import names thousands in one)."""
    folders: dict[str, str] = {}
    relative = []
    for path in paths:
        folder, name = os.path.split(os.path.abspath(path))
        if folder not in folders:
            folders[folder] = repo_path(repo, folder)
        relative.append(name if folders[folder] == "." else f"{folders[folder]}/{name}")
    return relative


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
