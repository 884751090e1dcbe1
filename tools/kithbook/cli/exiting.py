"""Ending a `kith` process without freeing what it built, object by object.

A large network is a million small objects. Freeing them one by one when a command is done, and
then Python's own teardown of every module, costs `kith due` 0.06 s at 10,000 contacts, work the
operating system does at once when the process ends. So the command-line entry (`run`) lets a
command keep what it built until the end (`keep_until_exit`), flushes the output and ends the
process with `os._exit`. Called in-process (the tests call `main`), nothing is kept and nothing
exits: `keep_until_exit` does nothing unless `run` started the process.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

_kept: list[object] = []
_enabled = False


def keep_until_exit(*objects: object) -> None:
    """Keep `objects` alive until the process ends, when `run` started it; else nothing."""
    if _enabled:
        _kept.extend(objects)


def start() -> None:
    """Called by the command-line entry only: what commands keep is freed by the exit."""
    global _enabled
    _enabled = True


def exit_with(code: int) -> NoReturn:
    """End the process with `code`: without Python's teardown when a command kept something
    (the output flushed first), else as usual; as usual too under a profiler or a tracer
    (cProfile, coverage), which write their results at the normal exit."""
    if _kept and sys.getprofile() is None and sys.gettrace() is None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe: nothing more can be said
                pass
        os._exit(code)
    sys.exit(code)
