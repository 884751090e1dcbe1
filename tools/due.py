#!/usr/bin/env python3
"""Whom to reach out to today: `python tools/due.py [--root DIR] [--json] [--today DATE]`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kithbook.cli import run  # noqa: E402

if __name__ == "__main__":
    run(["due", *sys.argv[1:]])
