"""Commits built from bytes, never from the work tree: the commit holds exactly what a command wrote.

`commit_contents` hashes the given bytes into blobs, builds a tree from HEAD's tree plus those
blobs in a temporary index (whatever else is staged stays staged, and out of the commit), runs the
pre-commit hook against that index, makes the commit, moves HEAD with a compare-and-swap, and then
sets the same entries in the real index so `git status` shows the files clean. Git is run as a
subprocess (no GitPython import: `kith log` must start fast); `open_repo` gives the GitPython
repository to the readers that want one (history, a revision, sync), importing it only then.
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kithbook.errors import KithbookError

if TYPE_CHECKING:
    from git import Repo

BULK_PATHS = 100  # above this many files, Git hashes them from the folder into one pack
_BULK_GIT = (2, 37)  # from this version `git update-index` writes such a pack in one go


class GitError(KithbookError):
    """A Git step failed; the message is one line saying what happened and what to do."""

    exit_code = 1  # not a mistake in the command's arguments: the repository refused


class HookRefused(GitError):
    """The repository's pre-commit hook refused the commit (its message says why)."""


class IndexNotUpdated(GitError):
    """The commit was made, but the index could not be given its entries (another Git command
    held it): the files show as staged changes until the next kith command sets them."""

    def __init__(self, commit: str, reason: str) -> None:
        super().__init__(reason)
        self.commit = commit


@dataclass(frozen=True)
class Repository:
    """A work tree, its Git folder and its pre-commit hook's path (absolute paths)."""

    top: Path
    git_dir: Path
    pre_commit: Path

    def path_of(self, path: Path | str) -> str:
        """`path` as Git names it: relative to the work tree, with forward slashes (its folder
        resolved once for all the files in it: an import names thousands)."""
        folder, name = os.path.split(os.path.abspath(path))
        relative = _relative_folder(str(self.top), folder)
        if relative is None:
            if Path(path).resolve() == self.top:
                return "."
            raise GitError(f"{path} is outside the repository {self.top}")
        return name if relative == "." else f"{relative}/{name}"


@functools.lru_cache(maxsize=256)
def _relative_folder(top: str, folder: str) -> str | None:
    """`folder` (links resolved) relative to `top`, with forward slashes; None when outside."""
    try:
        return Path(folder).resolve().relative_to(top).as_posix()
    except ValueError:
        return None


def find_repository(path: Path | str) -> Repository | None:
    """The repository whose work tree holds `path`, or None (not a repository, or a bare one)."""
    done = subprocess.run(
        [
            "git",
            "-C",
            str(path),
            "rev-parse",
            "--show-toplevel",
            "--absolute-git-dir",
            "--git-path",
            "hooks/pre-commit",
        ],
        capture_output=True,
        check=False,
    )
    lines = done.stdout.decode("utf-8", "surrogateescape").splitlines()
    if done.returncode != 0 or len(lines) != 3 or not lines[0]:
        return None
    top = Path(lines[0]).resolve()
    hook = Path(lines[2]) if os.path.isabs(lines[2]) else Path(path).resolve() / lines[2]
    return Repository(top, Path(lines[1]), hook)


def open_repo(root: Path | str) -> Repo | None:
    """The Git repository holding `root`, or None when there is none."""
    import git as gitpython

    try:
        return gitpython.Repo(root, search_parent_directories=True)
    except (gitpython.InvalidGitRepositoryError, gitpython.NoSuchPathError):
        return None


def git(
    repo: Repository,
    *args: str,
    data: bytes | None = None,
    index: Path | None = None,
    check: bool = True,
) -> bytes:
    """Run `git args` in the work tree (with `index` as its index file); its output, or GitError."""
    env = None if index is None else {**os.environ, "GIT_INDEX_FILE": str(index)}
    done = subprocess.run(
        ["git", *args],
        cwd=repo.top,
        input=data,
        capture_output=True,
        env=env,
        check=False,
    )
    if check and done.returncode != 0:
        raise GitError(error_line(done.stderr.decode("utf-8", "replace"), args[0]))
    return done.stdout


def error_line(stderr: str, what: str = "git") -> str:
    """The most telling line of a failed Git command's error output."""
    lines = [line.strip().removeprefix("stderr:").strip() for line in stderr.splitlines()]
    useful = [line for line in lines if line and not line.startswith("hint:")]
    for line in useful:
        if line.lower().startswith(("error:", "fatal:")):
            return line
    return useful[0] if useful else f"git {what} failed"


def head(repo: Repository) -> str | None:
    """The commit HEAD names, or None on a branch with no commits yet."""
    return head_and_tree(repo)[0]


def head_and_tree(repo: Repository) -> tuple[str | None, str | None]:
    """The commit HEAD names and its tree; (None, None) on a branch with no commits yet."""
    output = git(repo, "show", "-s", "--format=%H %T", "HEAD", "--", check=False).split()
    return (output[0].decode(), output[1].decode()) if len(output) == 2 else (None, None)


def blob_at(repo: Repository, commit: str, path: str) -> bytes | None:
    """The bytes of `path` in `commit`, or None when the commit has no such file."""
    done = subprocess.run(
        ["git", "cat-file", "blob", f"{commit}:{path}"], cwd=repo.top, capture_output=True
    )
    return done.stdout if done.returncode == 0 else None


def commit_contents(
    repo: Repository,
    contents: Mapping[str, bytes | None],
    message: str,
    *,
    hooks: bool = True,
) -> tuple[str, bool]:
    """Commit `contents` (repository path -> bytes, None to remove) on top of HEAD with `message`,
    and nothing else; the commit HEAD then names, and whether it is new (False: HEAD held these
    bytes already). GitError when a step fails (HEAD is then unchanged)."""
    parent, parent_tree = head_and_tree(repo)
    index = repo.git_dir / f"kith-index-{os.getpid()}"
    try:
        if parent is not None:
            git(repo, "read-tree", parent, index=index)
        entries = _stage(repo, contents, index)
        tree = git(repo, "write-tree", index=index).decode().strip()
        if parent is not None and tree == parent_tree:
            set_index_entries(repo, entries)
            return parent, False  # nothing to commit: HEAD holds these bytes already
        if hooks:
            _pre_commit(repo, index)
        parents = ["-p", parent] if parent else []
        commit = git(repo, "commit-tree", tree, *parents, "-F", "-", data=message.encode())
        commit_id = commit.decode().strip()
        old = parent or "0" * len(commit_id)
        summary = message.splitlines()[0] if message else "kith"
        git(repo, "update-ref", "-m", f"kith: {summary}", "HEAD", commit_id, old)
    finally:
        with contextlib.suppress(FileNotFoundError):
            index.unlink()
    try:
        set_index_entries(repo, entries)
    except GitError as error:
        raise IndexNotUpdated(commit_id, str(error)) from None
    return commit_id, True


def _stage(repo: Repository, contents: Mapping[str, bytes | None], index: Path) -> bytes:
    """Put `contents` into the temporary `index`; the `--index-info` lines that did it."""
    paths = sorted(contents)
    if len(paths) > BULK_PATHS and _git_version(repo) >= _BULK_GIT:
        # Thousands of files (an import): Git hashes them from the folder, where they were just
        # written under kith's lock, into one pack (one process instead of one per file).
        listing = b"".join(os.fsencode(path) + b"\0" for path in paths)
        git(
            repo,
            "-c",
            "core.bigFileThreshold=1",
            "update-index",
            "--add",
            "--remove",
            "-z",
            "--stdin",
            data=listing,
            index=index,
        )
        return _index_lines(repo, index, paths)
    lines = []
    for path in paths:
        data = contents[path]
        if data is None:
            lines.append(b"0 " + b"0" * 40 + b"\t" + os.fsencode(path) + b"\0")
            continue
        blob = git(repo, "hash-object", "-w", "--stdin", f"--path={path}", data=data).strip()
        lines.append(_mode(repo.top / path) + b" " + blob + b"\t" + os.fsencode(path) + b"\0")
    info = b"".join(lines)
    git(repo, "update-index", "-z", "--index-info", data=info, index=index)
    return info


def _mode(path: Path) -> bytes:
    """The mode Git records for the file: executable or not, as on disk."""
    try:
        executable = os.stat(path).st_mode & 0o111
    except OSError:
        executable = 0
    return b"100755" if executable else b"100644"


def _index_lines(repo: Repository, index: Path, paths: Sequence[str]) -> bytes:
    """`--index-info` lines for `paths` as `index` now holds them (removed ones as mode 0)."""
    wanted = set(paths)
    found = {}
    for entry in git(repo, "ls-files", "-s", "-z", index=index).split(b"\0"):
        info, _, raw = entry.partition(b"\t")
        path = os.fsdecode(raw)
        if path in wanted:
            mode, blob, _ = info.split(b" ")
            found[path] = mode + b" " + blob + b"\t" + raw + b"\0"
    zero = b"0 " + b"0" * 40 + b"\t"
    return b"".join(found.get(path, zero + os.fsencode(path) + b"\0") for path in paths)


def set_index_entries(repo: Repository, info: bytes) -> None:
    """Make the real index hold these entries, exactly as committed (not re-read from the files;
    Git compares the files' content once when it next looks, and they show as clean)."""
    if info:
        git(repo, "update-index", "-z", "--index-info", data=info)


def match_index_to_head(repo: Repository, paths: Sequence[str]) -> None:
    """Set the index entries of `paths` to what HEAD holds (after a commit whose index update was
    interrupted): the files then show as committed, not as staged changes."""
    commit = head(repo)
    if commit is None or not paths:
        return
    listed = git(repo, "ls-tree", "-z", commit, "--", *paths)
    found = {}
    for entry in listed.split(b"\0"):
        if entry:
            info, _, raw = entry.partition(b"\t")
            mode, _, blob = info.split(b" ")
            found[os.fsdecode(raw)] = mode + b" " + blob + b"\t" + raw + b"\0"
    zero = b"0 " + b"0" * 40 + b"\t"
    set_index_entries(repo, b"".join(found.get(p, zero + os.fsencode(p) + b"\0") for p in paths))


def ignored(repo: Repository, paths: Sequence[str]) -> list[str]:
    """The paths among `paths` that Git ignores and does not track (`git add` refuses those)."""
    if not paths:
        return []
    listing = b"".join(os.fsencode(path) + b"\0" for path in paths)
    output = git(repo, "check-ignore", "-z", "--stdin", data=listing, check=False)
    return [os.fsdecode(path) for path in output.split(b"\0") if path]


def _pre_commit(repo: Repository, index: Path) -> None:
    """Run the repository's pre-commit hook against the commit's index, as `git commit` would."""
    if not os.access(repo.pre_commit, os.X_OK):
        return
    done = subprocess.run(
        [str(repo.pre_commit)],  # as `git commit` runs it: in the work tree, on this index
        cwd=repo.top,
        env={**os.environ, "GIT_INDEX_FILE": str(index)},
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        output = (done.stderr + done.stdout).decode("utf-8", "replace")
        raise HookRefused(f"the pre-commit hook refused the commit: {error_line(output, 'hook')}")


def _git_version(repo: Repository) -> tuple[int, ...]:
    words = git(repo, "version").decode().split()
    numbers = words[2].split(".") if len(words) > 2 else []
    return tuple(int(part) for part in numbers[:2] if part.isdigit())
