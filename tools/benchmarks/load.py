"""Loader benchmark: floor (read + split + yaml.CSafeLoader) vs kithbook's load and load+validate.

`python tools/benchmarks/load.py [--contacts 10000] [--repeat 5]` prints the least CPU time of
each over interleaved rounds, side by side, and the ratio against the bar (load + validate <= 1.3 x floor).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402

from benchmarks.generate import write_network  # noqa: E402
from kithbook.parse import (
    body,  # noqa: E402
    yamlnodes,  # noqa: E402
)
from kithbook.parse.load import load  # noqa: E402
from kithbook.rules.validate import email_problem, phone_problem, validate  # noqa: E402

BAR = 1.3
TODAY = dt.date(2026, 12, 1)


def floor(root: Path) -> int:
    """The least any loader must do: read each file, split off the front matter, parse it with libyaml."""
    count = 0
    for path in sorted((root / "contacts").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        end = text.index("\n---", 3)
        yaml.load(text[4:end], Loader=yaml.CSafeLoader)
        count += 1
    return count


def load_only(root: Path) -> int:
    return len(load(root).contacts)


def load_and_validate(root: Path) -> int:
    network = load(root)
    validate(network, TODAY)
    return len(network.contacts)


def forget_memos() -> None:
    """Empty the in-process memos (e-mail, phone and date checks, YAML tags) so each run starts
    cold."""
    for memo in (email_problem, phone_problem, body._date):
        memo.cache_clear()
    yamlnodes._TYPED_TAGS.clear()


def best_times(
    functions: dict[str, Callable[[Path], int]], root: Path, repeat: int
) -> dict[str, float]:
    """The least CPU time of each function over `repeat` interleaved rounds.

    CPU time (user + system of this process) rather than wall time, and rounds interleaved, so that
    other work on a shared machine slows every contender alike instead of skewing one of them.
    """
    best = {name: float("inf") for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            forget_memos()
            gc.collect()
            start = time.process_time()
            function(root)
            best[name] = min(best[name], time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--log-lines", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = write_network(Path(folder), args.contacts, args.log_lines)
        floor(root)  # warm the page cache so every measurement reads from memory
        results = best_times(
            {
                "floor (read + split + CSafeLoader)": floor,
                "kithbook load": load_only,
                "kithbook load + validate": load_and_validate,
            },
            root,
            args.repeat,
        )
    base = results["floor (read + split + CSafeLoader)"]
    print(
        f"{args.contacts} contacts x {args.log_lines} log lines, least CPU time of {args.repeat} rounds"
    )
    for name, seconds in results.items():
        print(f"  {name:<36} {seconds:6.2f} s  {seconds / base:4.2f}x floor")
    ratio = results["kithbook load + validate"] / base
    verdict = "meets" if ratio <= BAR else "MISSES"
    print(f"load + validate is {ratio:.2f}x the floor: {verdict} the bar of {BAR}x")
    return 0 if ratio <= BAR else 1


if __name__ == "__main__":
    sys.exit(main())
