"""The network as it stood at a Git commit, tag or date, or as staged for the next commit, read from
Git's objects (the work tree is never touched): "what was due on 1 March, as the files were then"."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from kithbook.config import CONFIG_FILE, MAX_CONFIG_BYTES, config_from_bytes
from kithbook.errors import KithbookError
from kithbook.model import Network
from kithbook.parse.load import is_contact_name, load_files
from kithbook.repo.plumbing import open_repo

if TYPE_CHECKING:
    import git


SYMLINK_MODE = 0o120000  # Git's mode for a symbolic link; a file is 0o100644 or 0o100755
MAX_LINKS = 8


class RevisionError(KithbookError):
    """The folder is not in a repository, or the revision names no commit: a one-line message."""


@dataclass(frozen=True)
class NetworkAtRevision:
    """The network read at `commit`; `by_date` when the revision was a date, not a name."""

    commit: str
    committed: dt.datetime
    by_date: bool
    network: Network


def load_at(root: Path, revision: str) -> NetworkAtRevision:
    """Read `<root>/mkdocs.yml` and the contact files as committed at `revision`."""
    repo = open_repo(root)
    if repo is None:
        raise RevisionError(f"--at: {root} is not in a Git repository")
    with repo:
        commit, by_date = resolve(repo, revision)
        network = _network_in_tree(root, repo, commit.tree)
        return NetworkAtRevision(commit.hexsha, commit.committed_datetime, by_date, network)


def load_staged(root: Path) -> Network:
    """Read the network as staged in the Git index: what the next commit will hold (for a
    pre-commit hook, whatever the work tree holds besides)."""
    repo = open_repo(root)
    if repo is None:
        raise RevisionError(f"--staged: {root} is not in a Git repository")
    from git import GitCommandError, Tree
    from gitdb.util import hex_to_bin

    with repo:
        try:
            staged = repo.git.write_tree()  # the index as a tree object; nothing is committed
        except GitCommandError as error:
            message = (error.stderr or "").strip().splitlines()[-1:] or ["git write-tree failed"]
            raise RevisionError(f"--staged: {message[0]}") from None
        return _network_in_tree(root, repo, Tree(repo, hex_to_bin(staged), Tree.tree_id << 12, ""))


def _network_in_tree(root: Path, repo: git.Repo, tree: git.Tree) -> Network:
    prefix = _prefix(root, repo)
    config_data = _blob_bytes(tree, prefix / CONFIG_FILE, MAX_CONFIG_BYTES + 1)
    config, problems = config_from_bytes(config_data or b"")
    files = _contact_files(tree, prefix, config.contacts_dir, config.max_file_bytes + 1)
    return load_files(root, config, files, problems)


def resolve(repo: git.Repo, revision: str) -> tuple[git.Commit, bool]:
    """(commit, by_date): a commit, tag or branch name first, else a date YYYY-MM-DD meaning the
    last commit (reachable from HEAD) made on or before that day, in the committer's time zone."""
    import git  # noqa: F811

    try:
        return repo.commit(revision), False
    except (git.BadName, git.BadObject, ValueError):
        pass
    try:
        day = dt.date.fromisoformat(revision)
    except ValueError:
        raise RevisionError(
            f"--at: {revision!r} is not a commit, tag, branch or date YYYY-MM-DD in this repository"
        ) from None
    try:
        candidates = [c for c in repo.iter_commits("HEAD") if c.committed_datetime.date() <= day]
    except (git.GitCommandError, ValueError):
        raise RevisionError("--at: the repository has no commits yet") from None
    if not candidates:
        raise RevisionError(f"--at: no commit on or before {day.isoformat()}")
    return max(candidates, key=lambda commit: commit.committed_datetime), True


def _prefix(root: Path, repo: git.Repo) -> PurePosixPath:
    if repo.working_tree_dir is None:  # a bare repository has no work tree to be in
        raise RevisionError(f"--at: {root} is outside the repository's work tree")
    try:
        inside = root.resolve().relative_to(Path(repo.working_tree_dir).resolve())
    except ValueError:
        raise RevisionError(f"--at: {root} is outside the repository's work tree") from None
    return PurePosixPath(inside.as_posix())


def _blob_bytes(tree: git.Tree, path: PurePosixPath, limit: int) -> bytes | None:
    """The first `limit` bytes of a committed file (a limit on every input), or None."""
    try:
        blob = tree / str(path)
    except KeyError:
        return None
    return blob.data_stream.read(limit) if blob.type == "blob" else None


def _contact_files(
    tree: git.Tree, prefix: PurePosixPath, contacts_dir: str, limit: int
) -> list[tuple[str, bytes]]:
    """(relative path, bytes) of the contact files right in the contacts folder, as `load` reads
    them: named by the loader's rule, a committed link read as the file it leads to."""
    try:
        folder = tree / str(prefix / contacts_dir)
    except KeyError:
        return []
    if folder.type != "tree":
        return []
    files = []
    for blob in folder.blobs:
        if is_contact_name(blob.name):
            target = _followed(tree, blob)
            if target is not None:
                files.append((f"{contacts_dir}/{blob.name}", target.data_stream.read(limit)))
    files.sort()
    return files


def _followed(tree: git.Tree, blob: git.Blob) -> git.Blob | None:
    """The file a blob is or, for a symbolic link, the file it leads to within the commit (as the
    loader follows a link on disk); None when it leads outside the commit, nowhere, or in a loop."""
    for _ in range(MAX_LINKS):
        if blob.mode != SYMLINK_MODE:
            return blob
        link = blob.data_stream.read().decode("utf-8", "surrogateescape")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(blob.path), link))
        if posixpath.isabs(link) or target == ".." or target.startswith("../"):
            return None
        try:
            blob = tree / target
        except KeyError:
            return None
        if blob.type != "blob":
            return None
    return None
