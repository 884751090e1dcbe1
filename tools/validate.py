#!/usr/bin/env python3
"""Check every contact file: `python tools/validate.py [--root DIR] [--json] [FILE ...]`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kithbook.cli import run  # noqa: E402

if __name__ == "__main__":
    run(["validate", *sys.argv[1:]])
