"""`kith git-setup [--hook]`: the contact merge driver (and a pre-commit check) for a repository.

Writes `<contacts>/*.md merge=kithbook` to `.gitattributes` and commits it (so every clone merges
contact files with the driver), and the driver's command to the repository's own config
(`.git/config`, this machine only: each clone runs `kith git-setup` once). `--hook` adds a
pre-commit hook that checks the network as staged (`kithbook.cli.precommit`): it prints only the
problems and a one-line verdict, and exits 1, refusing the commit, when there are errors.
"""

from __future__ import annotations

import argparse
import os
import shlex
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kithbook.cli.common import CommandError, add_root, check_root, today_from
from kithbook.cli.writing import add_write_options, report
from kithbook.write.service import Change, write

if TYPE_CHECKING:
    from git import Repo

    from kithbook.repo.plumbing import Repository

HELP = "install the contact merge driver in this Git repository (--hook: also a pre-commit check)"
EXAMPLES = """\
examples:
  kith git-setup                            the merge driver for contact files (once per machine)
  kith git-setup --hook                     also a pre-commit check that refuses broken files
"""

DRIVER = "kithbook"
HOOK_MARK = "# kithbook pre-commit hook"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    parser.add_argument(
        "--hook",
        action="store_true",
        help="also install a pre-commit hook that refuses a commit leaving the network with errors",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace a pre-commit hook that kith did not write"
    )
    add_write_options(parser)


def run(args: argparse.Namespace) -> int:
    from kithbook.config import load_config
    from kithbook.repo.plumbing import find_repository

    root = check_root(args.root)
    repo = find_repository(root)
    if repo is None:
        raise CommandError(f"{root} is not in a Git repository; run git init first")
    config = load_config(root)[0]
    contacts = repo.path_of(root / config.contacts_dir)
    pattern = f"{contacts}/*.md merge={DRIVER}"
    register_driver(repo)
    print(f"git config: merge.{DRIVER}.driver set for this repository")
    if args.hook:
        hook = hook_path(repo)
        install_hook(hook, repo.path_of(root), force=args.force)
        print(f"{hook}: installed; commits that leave the network with errors are refused")
    attributes = repo.top / ".gitattributes"
    relative = Path(os.path.relpath(attributes, root.resolve())).as_posix()
    if not attributes.exists():
        change = Change.new(relative, pattern + "\n")
    elif has_line(attributes, pattern):
        change = Change.as_is(relative)  # committed if it is not yet
    else:
        change = Change.edit(relative, lambda text: with_line(text, pattern))
    message = f"git-setup: merge {contacts}/*.md with kithbook"
    outcome = write(
        root,
        config,
        today_from(args),
        [change],
        message,
        command=args.command,
        commit=not args.no_commit,
    )
    if outcome.written and change.kind != "as-is":
        print(f".gitattributes: added {pattern}")
    return report(args, outcome, quiet=True)


def has_line(path: Path, line: str) -> bool:
    """Whether the text file at `path` holds `line` (spaces around it aside)."""
    text = path.read_bytes().decode("utf-8", "replace")
    return line in (existing.strip() for existing in text.splitlines())


def with_line(text: str, line: str) -> str:
    """`text` with `line` appended unless it holds it already; its line endings (and every other
    byte) kept."""
    from kithbook.write.text import line_ending

    if line in (existing.strip() for existing in text.splitlines()):
        return text
    eol = line_ending(text)
    separator = "" if not text or text.endswith(("\n", "\r")) else eol
    return text + separator + line + eol


def _top(repo: Repository | Repo) -> Path:
    """The work tree of a repository (kithbook's own `Repository`, or GitPython's `Repo`)."""
    top = getattr(repo, "top", None)
    return Path(top) if top is not None else Path(str(repo.working_tree_dir))  # type: ignore[union-attr]


def register_driver(repo: Repository | Repo) -> None:
    """Register the merge driver in the repository's own config (this machine only)."""
    import subprocess

    for key, value in (
        ("name", "Kithbook contact files (log lines kept)"),
        ("driver", driver_command()),
    ):
        subprocess.run(
            ["git", "-C", str(_top(repo)), "config", f"merge.{DRIVER}.{key}", value], check=True
        )


def hook_path(repo: Repository | Repo) -> Path:
    """Where Git looks for this repository's pre-commit hook (core.hooksPath respected)."""
    import subprocess

    top = _top(repo)
    done = subprocess.run(
        ["git", "-C", str(top), "rev-parse", "--git-path", "hooks"],
        capture_output=True,
        text=True,
        check=True,
    )
    hooks = Path(done.stdout.strip())
    return (hooks if hooks.is_absolute() else top / hooks) / "pre-commit"


def driver_command() -> str:
    """The command Git runs to merge a contact file (this Python, so kithbook is importable)."""
    return f"{shlex.quote(sys.executable)} -m kithbook.repo.merge_driver %O %A %B %P"


def hook_script(network: str) -> str:
    """A POSIX shell pre-commit hook checking the staged network: only problems and a verdict are
    printed, and exit 1 on errors refuses the commit."""
    folder = shlex.quote(network)
    python = shlex.quote(sys.executable)
    return (
        "#!/bin/sh\n"
        f"{HOOK_MARK} (kith git-setup --hook): refuse commits leaving the network with errors.\n"
        f'cd "$(git rev-parse --show-toplevel)"/{folder} || exit 1\n'
        f"exec {python} -m kithbook.cli.precommit\n"
    )


def install_hook(path: Path, network: str, *, force: bool = False) -> None:
    """Write the hook, refusing to replace one that kith did not write unless `force`."""
    if path.exists() and HOOK_MARK not in path.read_text(encoding="utf-8", errors="replace"):
        if not force:
            raise CommandError(
                f"{path} exists and was not written by kith; pass --force to "
                "replace it, or call python -m kithbook.cli.precommit from it yourself"
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(hook_script(network), encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    if os.name == "nt":
        print("note: Git for Windows runs this hook with its own sh", file=sys.stderr)
