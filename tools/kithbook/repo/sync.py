"""`kith sync`'s Git steps: pull (rebasing, and undoing the rebase on a conflict) and push.

GitPython is imported inside the functions: most commands never sync.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kithbook.repo.plumbing import GitError, open_repo

if TYPE_CHECKING:
    from git import Repo


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
