"""`python -m kithbook COMMAND ...`: the `kith` command without the console script."""

import sys

from kithbook.cli import main

sys.exit(main())
