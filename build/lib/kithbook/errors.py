"""The one exception base: every error Kithbook raises on purpose derives from `KithbookError`,
so a command line catches one class and prints its one-line message."""

from __future__ import annotations


class KithbookError(Exception):
    """An expected failure with a message a person can act on (never a bug).

    `exit_code` is what `kith` exits with when one reaches it: 2, bad arguments or input, unless
    a subclass says otherwise."""

    exit_code: int = 2
