"""`kith edit SLUG`: open a contact in $EDITOR, check it when the editor closes, then commit it.

A file with errors is not committed: in a terminal kith offers to reopen it at the first error's
line; without a terminal it reports the errors and exits 1 (it never waits for an answer).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kithbook.cli.common import CommandError, add_root, add_today, print_problems, today_from
from kithbook.cli.writing import add_slug, add_write_options, commit, find_contact, load_network

HELP = "open a contact in $EDITOR, validate it on close, commit it"
EXAMPLES = """\
examples:
  kith edit ada                             opens $EDITOR; checks the file when the editor closes
"""

# Editors that understand `+LINE FILE` to open a file at a line.
LINE_EDITORS = (
    "vi",
    "vim",
    "nvim",
    "gvim",
    "view",
    "nano",
    "pico",
    "emacs",
    "emacsclient",
    "micro",
    "kak",
    "joe",
    "jed",
    "ne",
    "mg",
    "helix",
    "hx",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_slug(parser)
    add_root(parser)
    add_today(parser)
    add_write_options(parser)


def editor_command(path: Path, line: int | None = None) -> list[str]:
    """The command opening `path` in $VISUAL or $EDITOR (default vi), at `line` when it can."""
    configured = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not configured and not sys.stdin.isatty():
        raise CommandError("no terminal to run an editor in; set $EDITOR or edit the file directly")
    import shlex

    words = shlex.split(configured or "vi")
    if not words:
        raise CommandError("$EDITOR is empty; set it to your editor, such as nano")
    at_line = [f"+{line}"] if line and Path(words[0]).name in LINE_EDITORS else []
    return [*words, *at_line, str(path)]


def run(args: argparse.Namespace) -> int:
    from kithbook.cli.writing import file_errors

    today = today_from(args)
    network = load_network(args.root)
    contact = find_contact(network, args.slug)
    path = network.root / contact.path
    before = path.read_bytes()
    line: int | None = None
    while True:
        _open(editor_command(path, line))
        try:
            data = path.read_bytes()  # checked as the loader will read it: bad UTF-8 is an error
        except FileNotFoundError:
            raise CommandError(
                f"{contact.path} is gone (did the editor delete it?); nothing was committed"
            ) from None
        errors = file_errors(network, contact.path, data, today)
        if not errors:
            break
        print_problems(errors, sys.stderr)
        if not _ask(f"{contact.path} has errors; reopen it at line {errors[0].line}? [Y/n] "):
            print(
                f"{contact.path}: not committed: fix the errors above, then commit", file=sys.stderr
            )
            return 1
        line = errors[0].line
    if path.read_bytes() == before:
        print(f"{contact.path}: no changes")
        return 0
    return commit(args, network.root, [path], f"edit: {contact.slug}")


def _open(command: list[str]) -> None:
    import subprocess  # only when an editor opens: every kith command imports this module

    try:
        status = subprocess.run(command, check=False).returncode
    except FileNotFoundError:
        raise CommandError(f"cannot run the editor {command[0]!r}; check $EDITOR") from None
    if status != 0:
        raise CommandError(
            f"the editor {command[0]!r} exited with status {status}; nothing was committed"
        )


def _ask(question: str) -> bool:
    """A yes/no answer from the terminal; False (without waiting) when stdin is not a terminal."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in ("", "y", "yes")
