"""What every command shares: the parser that fails in one line, --root, --today, problem printing."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import IO, Any, NoReturn

from kithbook import clock
from kithbook.clock import TODAY_VARIABLE
from kithbook.errors import KithbookError
from kithbook.model import Problem

ROOT_VARIABLE = "KITHBOOK_ROOT"


class CommandError(KithbookError):
    """A user mistake (unknown slug, bad date, ...): printed as one line, exit code 2."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports a bad argument as one line, `kith log: error: ...`, and exits 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"the network's folder, holding contacts/ and mkdocs.yml (default: ${ROOT_VARIABLE}, "
        "else the nearest folder upwards holding contacts/ or a mkdocs.yml with the kithbook "
        "plugin)",
    )


def add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=parse_date_argument,
        metavar="YYYY-MM-DD",
        help=f"compute as if today were this date (default: ${TODAY_VARIABLE}, else the system date)",
    )


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for machines")


def parse_date_argument(text: str) -> dt.date:
    """A YYYY-MM-DD argument, within the years any person's network can span."""
    try:
        return clock.parse_day(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def today_from(args: argparse.Namespace) -> dt.date:
    """The day a command computes for: --today, else the clock (`kithbook.clock.today`)."""
    return clock.today(getattr(args, "today", None))


def check_root(root: Path | None) -> Path:
    """The network's folder: `root` if given (it must be a network), else `find_network`."""
    from kithbook.cli.find_root import NotANetwork, find_network, is_network

    if root is not None and not root.is_dir():
        raise CommandError(f"--root {root}: no such folder")
    if root is not None and not is_network(root):
        raise CommandError(
            f"--root {root}: not a Kithbook network (no contacts/ folder or mkdocs.yml with the "
            "kithbook plugin); "
            f"start one with: kith init {root}"
        )
    if root is not None:
        return root
    try:
        return find_network(Path("."), os.environ.get(ROOT_VARIABLE) or None)
    except NotANetwork as error:
        raise CommandError(str(error)) from None


def color_wanted(stream: IO[str]) -> bool:
    """Colour on a terminal unless $NO_COLOR is set to a non-empty value (no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def print_problems(problems: list[Problem], stream: IO[str] | None = None) -> None:
    """`path:line: severity: message`, one a line, coloured when the stream is a terminal."""
    stream = stream or sys.stdout
    colour = color_wanted(stream)
    for problem in problems:
        text = str(problem)
        if colour:
            code = "31" if problem.severity == "error" else "33"
            text = text.replace(
                f" {problem.severity}:", f" \033[{code}m{problem.severity}\033[0m:", 1
            )
        print(text, file=stream)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
