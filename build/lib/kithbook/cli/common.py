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
        default=Path("."),
        metavar="DIR",
        help="the network's folder, holding contacts/ and mkdocs.yml (default: the current folder)",
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


def check_root(root: Path) -> Path:
    if not root.is_dir():
        raise CommandError(f"--root {root}: no such folder")
    return root


def print_problems(problems: list[Problem], stream: IO[str] | None = None) -> None:
    """`path:line: severity: message`, one a line, coloured when the stream is a terminal."""
    stream = stream or sys.stdout
    colour = stream.isatty() and "NO_COLOR" not in os.environ
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
