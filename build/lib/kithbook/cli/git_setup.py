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

from kithbook.cli.common import CommandError, add_root, check_root
from kithbook.cli.writing import add_write_options, commit

if TYPE_CHECKING:
    from git import Repo

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
    from kithbook.repo.commits import open_repo, repo_path

    root = check_root(args.root)
    repo = open_repo(root)
    if repo is None or repo.working_tree_dir is None:
        raise CommandError(f"{root} is not in a Git repository; run git init first")
    top = Path(repo.working_tree_dir)
    contacts = repo_path(repo, root / load_config(root)[0].contacts_dir)
    pattern = f"{contacts}/*.md merge={DRIVER}"
    attributes = top / ".gitattributes"
    if add_line(attributes, pattern):
        print(f".gitattributes: added {pattern}")
    register_driver(repo)
    print(f"git config: merge.{DRIVER}.driver set for this repository")
    if args.hook:
        hook = hook_path(repo)
        install_hook(hook, repo_path(repo, root), force=args.force)
        print(f"{hook}: installed; commits that leave the network with errors are refused")
    if not repo.git.status("--porcelain", "--", attributes.name):
        return 0  # committed already (by an earlier git-setup, or by hand)
    return commit(args, top, [attributes], f"git-setup: merge {contacts}/*.md with kithbook")


def register_driver(repo: Repo) -> None:
    """Register the merge driver in the repository's own config (this machine only)."""
    with repo.config_writer() as config:
        config.set_value(f'merge "{DRIVER}"', "name", "Kithbook contact files (log lines kept)")
        config.set_value(f'merge "{DRIVER}"', "driver", driver_command())


def hook_path(repo: Repo) -> Path:
    """Where Git looks for this repository's pre-commit hook (core.hooksPath respected)."""
    hooks = Path(repo.git.rev_parse("--git-path", "hooks"))
    return (
        hooks if hooks.is_absolute() else Path(str(repo.working_tree_dir)) / hooks
    ) / "pre-commit"


def driver_command() -> str:
    """The command Git runs to merge a contact file (this Python, so kithbook is importable)."""
    return f"{shlex.quote(sys.executable)} -m kithbook.repo.merge_driver %O %A %B %P"


def add_line(path: Path, line: str) -> bool:
    """Append `line` to a text file unless it is there already, atomically, every other byte kept
    (its line endings too); WriteError when the file cannot be read or written safely."""
    from kithbook.write.safe_write import read_snapshot, write_if_unchanged, write_new
    from kithbook.write.text import line_ending

    snapshot = read_snapshot(path) if path.exists() else None
    text = snapshot.text if snapshot else ""
    if line in (existing.strip() for existing in text.splitlines()):
        return False
    eol = line_ending(text)
    separator = "" if not text or text.endswith(("\n", "\r")) else eol
    if snapshot is None:
        write_new(path, line + eol)
    else:
        write_if_unchanged(path, snapshot, text + separator + line + eol)
    return True


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
