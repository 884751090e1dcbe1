"""What every command shares: the parser that fails in one line, --root, --today, problem printing."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import textwrap
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


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """The description and examples as written when they fit the terminal, else fitted to it
    (`fit_help`), so that no line of a --help wraps in the middle of a word."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in fit_help(text, width).splitlines(keepends=True))


_EXAMPLE = re.compile(r"^  (\S.*?\S) {2,}(\S.*)$")
_NARROWEST_EXPLANATION = 24


def fit_help(text: str, width: int) -> str:
    """`text` as written if every line fits `width` columns; else prose wraps, and the examples'
    explanations move left to one column after the longest command that has one (wrapping under
    themselves), or under their command when that column leaves too little room. A command is
    never broken: it can still be copied whole."""
    lines = text.splitlines()
    if all(len(line) <= width for line in lines):
        return text
    matches = [_EXAMPLE.match(line) for line in lines]
    column = 4 + max((len(match.group(1)) for match in matches if match), default=0)
    beside = width - column >= _NARROWEST_EXPLANATION
    out: list[str] = []
    for line, match in zip(lines, matches):
        if match and beside:
            first = "  " + match.group(1).ljust(column - 2)
            out += _wrap(match.group(2), width, first, " " * column)
        elif match:
            out += ["  " + match.group(1), *_wrap(match.group(2), width, " " * 6, " " * 6)]
        elif len(line) > width and not line.startswith(" "):
            out += _wrap(line, width, "", "")
        else:
            out.append(line)
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


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
    """`path:line: severity: message` (`path:line:column:` where known), one a line, coloured
    when the stream is a terminal."""
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


def compact_json(data: Any) -> str:
    """`json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str)`, written by
    orjson: the same text 7x faster, a tenth of a large network's run after an edit. The two
    differ only on floats below 1e-4 (orjson writes 0.00001 where json writes 1e-05; the plan's
    figures are rounded to four places, so never) and on NaN and infinities (orjson writes null,
    which is valid JSON). Python's json writes what orjson refuses: text that is not UTF-8, such
    as a file name read with surrogate escapes."""
    try:
        import orjson

        # dates and dataclasses go to `default` as they do with json, not orjson's own forms
        options = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
        return orjson.dumps(data, default=str, option=options).decode()
    except (ImportError, TypeError):  # orjson.JSONEncodeError is a TypeError
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str)
