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
import signal
import subprocess
import sys
from pathlib import Path

from kithbook.cli.common import add_root, check_root

HELP = "serve the network site on localhost, rebuilding in about a second after each edit"
ENGINES = ("properdocs", "mkdocs")
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
EXAMPLES = """\
examples:
  kith serve                                http://127.0.0.1:8000, rebuilt after each edit
  kith serve --dev-addr 127.0.0.1:8001      another port
"""


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
    return run_child(command, root, {**os.environ, **QUIET})


class _Stopped(BaseException):
    """kith serve was asked to stop (SIGTERM, SIGHUP): a signal, as KeyboardInterrupt is, not an
    error, so no `except Exception` swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def run_child(command: list[str], cwd: Path, environment: dict[str, str]) -> int:
    """Run the server and wait; when kith serve is ended (Ctrl-C, SIGTERM, SIGHUP), end the server
    too, so nobody is left serving the private site."""

    def stop(signum: int, frame: object) -> None:
        raise _Stopped(signum)

    wanted = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {signum: signal.signal(signum, stop) for signum in wanted}
    child = subprocess.Popen(command, cwd=cwd, env=environment)
    try:
        return child.wait()
    except _Stopped as stopped:
        return 128 + stopped.signum
    except KeyboardInterrupt:
        return 130
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _end(child)


def _end(child: subprocess.Popen[bytes]) -> None:
    """Terminate the child if it still runs; kill it if it does not stop within 5 seconds."""
    if child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(timeout=5)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
