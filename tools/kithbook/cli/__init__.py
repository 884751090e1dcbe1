"""The `kith` command: one subcommand per module of this package, listed in COMMANDS.

Each command module defines HELP, EXAMPLES (shown under "examples:" in its --help),
`add_arguments(parser)` and `run(args) -> int`; the exit code is 0 for success, 1 when the network
has errors (or Git failed), 2 for bad arguments or input (and outside a network, for every command
that needs one: `--root` is resolved before the command runs, so nothing is created by accident).
Every expected failure is a `KithbookError`: `main` alone turns one into `kith CMD: error: ...` and
its exit code. Only the module of the command being run is imported, so one command's imports never
slow down (or break) another. Shared by the commands: `cli.common` (parser, --root, --today,
printing problems), `cli.lookup` (which contact a query means), `cli.writing` (the writing commands'
options), `cli.due_table` and `cli.due_cache` (the due list's terminal table and output cache).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import NoReturn

from kithbook.cli.common import ArgumentParser, HelpFormatter, check_root
from kithbook.errors import KithbookError

COMMANDS = {  # command name: module in this package, in the order `kith --help` lists them
    "init": "init",
    "due": "due",
    "stats": "stats",
    "draft": "draft",
    "suggest": "suggest",
    "show": "show",
    "list": "list_cmd",
    "search": "search",
    "validate": "validate",
    "log": "log",
    "new": "new",
    "snooze": "snooze",
    "status": "status",
    "set": "set",
    "unset": "unset",
    "merge": "merge",
    "edit": "edit",
    "undo": "undo",
    "sync": "sync",
    "git-setup": "git_setup",
    "import": "import_cmd",
    "export": "export",
    "notify": "notify",
    "site": "site",
    "serve": "serve",
    "completion": "completion",
}

EXAMPLES = """\
examples:
  kith init ~/network --demo        a new network repository, with the fictional demo people
  kith due                          whom to reach out to today, and why
  kith log ada out email "Congrats on the new role"
  kith show ada                     Ada's card, why she is due, her last interactions
  kith COMMAND --help               each command's options and examples
"""


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{COMMANDS[name]}")


def build_parser(only: str | None = None) -> tuple[ArgumentParser, dict[str, ArgumentParser]]:
    """The `kith` parser, with every command (for --help) or with just the one being run."""
    parser = ArgumentParser(
        prog="kith",
        description="Keep your relationships alive, in plain text.",
        epilog=EXAMPLES,
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="show the program's version and exit"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    parsers = {}
    for name in COMMANDS if only is None else [only]:
        module = _module(name)
        sub = commands.add_parser(
            name,
            help=module.HELP,
            description=module.HELP,
            epilog=getattr(module, "EXAMPLES", None),
            formatter_class=HelpFormatter,
        )
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
        parsers[name] = sub
    return parser, parsers


class _VersionAction(argparse.Action):
    """`--version`, looking the version up only when asked: importlib.metadata costs every other
    command a few hundredths of a second at start-up."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(f"kith {version()}")
        parser.exit()


def version() -> str:
    """The installed package's version (the source's when run from a checkout)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("kithbook")
    except PackageNotFoundError:
        from kithbook import __version__

        return __version__


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = argv[0] if argv and argv[0] in COMMANDS else None
    parser, parsers = build_parser(chosen)
    args, extra = parser.parse_known_args(argv)
    if extra:
        (parsers[chosen] if chosen else parser).error(f"unrecognized arguments: {' '.join(extra)}")
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    not_utf8 = _not_utf8(vars(args).values())
    if not_utf8 is not None:
        print(
            f"kith {args.command}: error: '{not_utf8}' is not UTF-8 text (is the terminal set to "
            "another encoding?); contact files are UTF-8",
            file=sys.stderr,
        )
        return 2
    from kithbook.cli.terminal import guarded

    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = guarded(sys.stdout), guarded(sys.stderr)  # untrusted text, shown
    try:
        if "root" in vars(args):
            args.root = check_root(args.root)  # outside a network: one line, exit 2, nothing done
        return args.run(args)
    except KithbookError as error:  # the one place an expected failure becomes a line and a code
        print(f"kith {args.command}: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"kith {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except ModuleNotFoundError as error:
        if not error.name or error.name.split(".")[0] == "kithbook":
            raise
        print(
            f"kith {args.command}: error: the Python package {error.name!r} is not installed for "
            f"{sys.executable}; run kith where it is installed (activate its virtual environment: "
            ". .venv/bin/activate; or install it with pipx), see the README",
            file=sys.stderr,
        )
        return 2
    finally:
        sys.stdout, sys.stderr = streams


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """The `kith` command itself (the console script, `python -m kithbook`, tools/*.py): `main`,
    then the process ends (see kithbook.cli.exiting)."""
    from kithbook.cli import exiting

    exiting.start()
    exiting.exit_with(main(argv))


def _not_utf8(values: Iterable[object]) -> str | None:
    """The first text argument holding bytes that are not UTF-8 (Python keeps them as lone
    surrogates, which no file can be written with), shown as the bytes were; None when all are.
    Paths are left alone: a file name may be any bytes."""
    for value in values:
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and any("\udc80" <= char <= "\udcff" for char in text):
                return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return None
