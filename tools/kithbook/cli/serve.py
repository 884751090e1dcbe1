"""`kith serve`: the network site, live, rebuilding only what an edit changed (`serve --dirty`).

It runs the site engine's own server: ProperDocs (the maintained continuation of MkDocs 1.x) when it
is installed, else MkDocs 1.6. Both get `--livereload`: with click 8.2.2 to 8.3.x, MkDocs' default
does not turn live reload on (mkdocs issue 4032), so without the flag an edit never reaches the
browser. The theme's end-of-life banner is switched off with the variable the theme provides.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys

from kithbook.cli.common import add_root, check_root

HELP = "serve the network site on localhost, rebuilding in about a second after each edit"
ENGINES = ("properdocs", "mkdocs")
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    parser.add_argument(
        "-a",
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="IP:PORT",
        help="the address to serve on (default: 127.0.0.1:8000, this machine only)",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="rebuild every page after each edit (plain `serve`; slow on large networks)",
    )
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        help="the site engine (default: properdocs when it is installed, else mkdocs)",
    )


def engine(requested: str | None = None) -> str:
    """The engine to run: the one asked for, else ProperDocs when installed, else MkDocs."""
    if requested:
        return requested
    return "properdocs" if importlib.util.find_spec("properdocs") else "mkdocs"


def run(args: argparse.Namespace) -> int:
    """Run the engine's server; `--dirty` re-renders only the pages whose generated text changed."""
    root = check_root(args.root)
    command = [sys.executable, "-m", engine(args.engine), "serve", "--dev-addr", args.dev_addr]
    command += ["--livereload", "--config-file", str(root / "mkdocs.yml")]
    if not args.full:
        command.append("--dirty")
    return subprocess.call(command, cwd=root, env={**os.environ, **QUIET})
