"""`python -m kithbook COMMAND ...`: the `kith` command without the console script."""

from kithbook.cli import run

run()
