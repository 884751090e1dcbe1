"""`kith serve`: the network site, live, rebuilding only what an edit changed (`mkdocs serve --dirty`)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from kithbook.cli.common import add_root, check_root

HELP = "serve the network site on localhost, rebuilding in about a second after each edit"


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
        help="rebuild every page after each edit (plain `mkdocs serve`; slow on large networks)",
    )


def run(args: argparse.Namespace) -> int:
    """Run MkDocs' own server; `--dirty` re-renders only the pages whose generated text changed."""
    root = check_root(args.root)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", args.dev_addr]
    if not args.full:
        command.append("--dirty")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call(command, cwd=root, env=environment)
