"""The `kith` command: one subcommand per module in this package (validate, due, log, ...).

Each command module defines NAME, HELP, `add_arguments(parser)` and `run(args) -> int`; the exit
code is 0 for success, 1 when the network has errors, 2 for bad arguments or input.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Sequence

from kithbook.cli.common import ArgumentParser, CommandError


def command_modules() -> dict:
    """Every command module of this package, by command name, in alphabetical order."""
    modules = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if info.name.startswith("_") or info.name == "common":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "run"):
            modules[module.NAME] = module
    return modules


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(prog="kith", description="Keep your relationships alive, in plain text.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    for name, module in command_modules().items():
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except CommandError as error:
        print(f"kith {args.command}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kith {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
