"""`kith init [DIR] [--demo]`: a new, separate network repository, ready for `kith new`.

It holds contacts/ (empty, or the fictional demo people), a minimal mkdocs.yml with the kithbook
plugin, .gitignore, .gitattributes with the merge driver, a pre-commit check and a short README,
all in a first commit and with no remote. The tool is never copied in: it is an installed package.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import NamedTuple

from kithbook import clock
from kithbook.cli.common import CommandError

HELP = "start a new network: a Git repository with contacts/, mkdocs.yml and the checks"
EXAMPLES = """\
examples:
  kith init ~/network                 an empty network in ~/network
  kith init ~/network --demo          with the 34 fictional demo people
  kith init                           in the current folder (it must not be a network already)
"""

FIRST_COMMIT = "init: a new Kithbook network"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the folder to make the network in (created if missing; default: the current folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start with the fictional demo people (built for --today 2026-12-01)",
    )
    parser.add_argument(
        "--no-hook", action="store_true", help="do not install the pre-commit check"
    )


def run(args: argparse.Namespace) -> int:
    from kithbook.write.new_network import network_files

    folder = args.folder.expanduser()
    contacts = _demo() if args.demo else None
    files = network_files(contacts)
    _refuse_existing(folder, files, hook=not args.no_hook)
    _write(folder, files)
    outcome = _repository(folder, list(files), hook=not args.no_hook)
    people = f" with {len(contacts)} demo contacts" if contacts else ""
    print(f"created a Kithbook network in {folder}{people}: {', '.join(_shown(files))}")
    print(outcome.message, file=sys.stdout if outcome.committed else sys.stderr)
    hint = " --today 2026-12-01" if contacts else ""
    start = "" if folder == Path(".") else f"cd {folder} && "
    print(f'next: {start}kith new "Ada Lovelace" --email ada@example.org; kith due{hint}')
    return 0 if outcome.committed else 1


def _demo() -> dict[str, bytes]:
    from kithbook.write.new_network import demo_contacts

    try:
        found = demo_contacts()
    except OSError as error:
        raise CommandError(f"--demo: the demo contacts are not installed ({error})") from None
    if not found:
        raise CommandError("--demo: the demo contacts are not installed with this copy of kith")
    return found


def _refuse_existing(folder: Path, files: dict[str, bytes], *, hook: bool) -> None:
    """Nothing is written into a network, over any file `kith init` would create, or where a
    pre-commit hook that kith did not write would have to be replaced."""
    from kithbook.cli.find_root import is_network
    from kithbook.cli.git_setup import HOOK_MARK

    existing_hook = folder / ".git" / "hooks" / "pre-commit"
    if hook and existing_hook.is_file():
        if HOOK_MARK not in existing_hook.read_text(encoding="utf-8", errors="replace"):
            raise CommandError(
                f"{existing_hook} exists and was not written by kith; pass --no-hook to keep it"
            )

    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{folder} exists and is not a folder")
    if folder.is_dir() and is_network(folder):
        raise CommandError(f"{folder} is a Kithbook network already; nothing was changed")
    taken = [path for path in files if (folder / path).exists() or (folder / path).is_symlink()]
    if taken:
        raise CommandError(f"{folder / taken[0]} exists; kith init writes no file over another")


def _write(folder: Path, files: dict[str, bytes]) -> None:
    from kithbook.write.safe_write import WriteError, write_new

    try:
        for path, data in files.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            write_new(target, data.decode("utf-8"))
    except (OSError, WriteError) as error:
        raise CommandError(f"{folder}: cannot write the network: {error}") from None


class _Outcome(NamedTuple):
    """Whether the first commit was made, and the line saying so (or why not)."""

    committed: bool
    message: str


def _repository(folder: Path, paths: list[str], *, hook: bool) -> _Outcome:
    """`git init` (unless `folder` is the top of a repository already), the merge driver, the
    hook, and the first commit of exactly these files (through the write service; not undoable:
    `kith undo` never takes a network's first commit back), without a remote."""
    import subprocess

    from kithbook.cli.git_setup import hook_path, install_hook, register_driver
    from kithbook.config import load_config
    from kithbook.repo.plumbing import find_repository
    from kithbook.write.service import Change, write

    repo = find_repository(folder)
    if repo is None or repo.top != folder.resolve():
        subprocess.run(["git", "init", "-q", str(folder)], check=True, capture_output=True)
        repo = find_repository(folder)
    assert repo is not None, f"git init made no repository in {folder}"
    register_driver(repo)
    if hook:
        install_hook(hook_path(repo), ".")
    outcome = write(
        folder,
        load_config(folder)[0],
        clock.today(),
        [Change.as_is(path) for path in paths],
        FIRST_COMMIT,
        command="init",
        check=False,  # the files are kith's own, each tested
        undoable=False,
    )
    commit = outcome.commit
    if outcome.error or commit is None or not commit.committed:
        reason = outcome.error or (commit.message if commit else "nothing was committed")
        reason = reason.removeprefix("written but not committed: ")
        identity = re.search(r"identity|who you are|email address|user\.name", reason)
        how = (
            "tell Git who you are (git config --global user.name/user.email), then "
            if identity
            else ""
        )
        return _Outcome(
            False,
            f"kith init: error: not committed: {reason}; "
            f"{how}commit it yourself: git -C {folder} add -A && "
            f"git -C {folder} commit -m 'Start my network'",
        )
    checks = "merge driver and pre-commit check" if hook else "merge driver"
    return _Outcome(
        True,
        f"committed {(commit.sha or '')[:7]}: {FIRST_COMMIT} "
        f"({checks} installed; no remote: add your own private one with git remote add)",
    )


def _shown(files: dict[str, bytes]) -> list[str]:
    """The top-level entries created, folders once: contacts/, mkdocs.yml, ..."""
    return list(dict.fromkeys(path.split("/")[0] + ("/" if "/" in path else "") for path in files))
