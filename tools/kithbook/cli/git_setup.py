"""`kith git-setup [--hook]`: the contact merge driver (and a pre-commit check) for a repository.

Writes `<contacts>/*.md merge=kithbook` to `.gitattributes` and commits it (so every clone merges
contact files with the driver), and the driver's command to the repository's own config
(`.git/config`, this machine only: each clone runs `kith git-setup` once). `--hook` adds a
pre-commit hook that runs `tools/due.py`, which exits 1 and so refuses the commit when the network
has errors.
"""

from __future__ import annotations

import argparse
import os
import shlex
import stat
import sys
from pathlib import Path

from kithbook.cli.common import CommandError, add_root, check_root, today_from
from kithbook.cli.writing import add_write_options, report
from kithbook.write.service import Change, write

HELP = "install the contact merge driver in this Git repository (--hook: also a pre-commit check)"

DRIVER = "kithbook"
HOOK_MARK = "# kithbook pre-commit hook"
CHECK_STAGED = 'import sys; from kithbook.cli import main; sys.exit(main(["due", "--staged"]))'


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
    from kithbook.repo.plumbing import find_repository, git

    root = check_root(args.root)
    repo = find_repository(root)
    if repo is None:
        raise CommandError(f"{root} is not in a Git repository; run git init first")
    config = load_config(root)[0]
    contacts = repo.path_of(root / config.contacts_dir)
    pattern = f"{contacts}/*.md merge={DRIVER}"
    git(repo, "config", f"merge.{DRIVER}.name", "Kithbook contact files (log lines kept)")
    git(repo, "config", f"merge.{DRIVER}.driver", driver_command())
    print(f"git config: merge.{DRIVER}.driver set for this repository")
    if args.hook:
        hooks = Path(git(repo, "rev-parse", "--git-path", "hooks").decode().strip())
        hook = (hooks if hooks.is_absolute() else repo.top / hooks) / "pre-commit"
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


def driver_command() -> str:
    """The command Git runs to merge a contact file (this Python, so kithbook is importable)."""
    return f"{shlex.quote(sys.executable)} -m kithbook.repo.merge_driver %O %A %B %P"


def hook_script(network: str) -> str:
    """A POSIX shell pre-commit hook running the due list (exit 1 on errors refuses the commit)."""
    folder = shlex.quote(network)
    python = shlex.quote(sys.executable)
    return (
        "#!/bin/sh\n"
        f"{HOOK_MARK} (kith git-setup --hook): refuse commits leaving the network with errors.\n"
        f'cd "$(git rev-parse --show-toplevel)"/{folder} || exit 1\n'
        "if [ -f tools/due.py ]; then\n"
        f"    exec {python} tools/due.py --staged\n"
        "fi\n"
        f"exec {python} -c {shlex.quote(CHECK_STAGED)}\n"
    )


def install_hook(path: Path, network: str, *, force: bool = False) -> None:
    """Write the hook, refusing to replace one that kith did not write unless `force`."""
    if path.exists() and HOOK_MARK not in path.read_text(encoding="utf-8", errors="replace"):
        if not force:
            raise CommandError(
                f"{path} exists and was not written by kith; pass --force to "
                "replace it, or call tools/due.py from it yourself"
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(hook_script(network), encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    if os.name == "nt":
        print("note: Git for Windows runs this hook with its own sh", file=sys.stderr)
