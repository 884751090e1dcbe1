"""Benchmark `tools/due.py --json` against the loader's floor, cold and warm, in one run.

`python tools/benchmarks/due.py [--contacts 10000] [--log-lines 10] [--repeat 5] [--keep DIR]`

The floor is the least any reader must do: read every file, split off the front matter and
`yaml.load` it with CSafeLoader (in this process). Cold runs `tools/due.py --json` as a subprocess
with no cache (interpreter start-up included); warm runs it again with the cache the previous run
left; after one edit runs it after one contact file changed, on a network whose answers were kept
earlier that day (kithbook.cli.due_answers). Each figure is the least CPU time (user + system; a
subprocess's from getrusage(RUSAGE_CHILDREN)) over interleaved rounds, so other work on a shared
machine slows every contender alike instead of skewing one; the floor in the same run says how
fast the machine was. Bars: cold <= 1.5 x floor, after one edit < 0.3 s, warm < 0.5 s.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

TOOLS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOLS))

from benchmarks.generate import write_network  # noqa: E402

TODAY = "2026-12-01"
# Python may write its bytecode cache as it would for a user (a first, untimed run fills it).
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
COLD_BAR = 1.5
EDIT_BAR = 0.3
WARM_BAR = 0.5
FLOOR = "floor (read + split + CSafeLoader)"
COLD = "tools/due.py --json, cold"
WARM = "tools/due.py --json, warm (cache)"
EDIT = "tools/due.py --json, after one edit"


def floor(root: Path) -> float:
    """CPU seconds to read every contact file, split off its front matter and parse that YAML."""
    gc.collect()
    start = time.process_time()
    for path in sorted((root / "contacts").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        end = text.index("\n---", 3)
        yaml.load(text[4:end], Loader=yaml.CSafeLoader)
    return time.process_time() - start


def due_run(root: Path) -> float:
    """CPU seconds of one `tools/due.py --json` subprocess; its output must be valid JSON."""
    script = str(TOOLS / "due.py")
    command = [sys.executable, script, "--root", str(root), "--json", "--today", TODAY]
    before = _children_cpu()
    done = subprocess.run(command, capture_output=True, check=False, env=CHILD_ENV)
    elapsed = _children_cpu() - before
    if done.returncode not in (0, 1) or not done.stdout.startswith(b"{"):
        raise SystemExit(f"tools/due.py failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return elapsed


def cold(root: Path) -> float:
    """A run with no cache: it computes everything (and leaves the cache for `warm`)."""
    shutil.rmtree(root / ".kithbook-cache", ignore_errors=True)
    return due_run(root)


def warm(root: Path) -> float:
    """A run answered from the cache `cold` left, nothing having changed."""
    return due_run(root)


def after_edit(root: Path) -> float:
    """A run after one contact file changed, the day's answers kept: the run before the measured
    one works every file out and keeps the answers (the first run in a folder only notes it ran)."""
    _edit_one(root)
    due_run(root)
    _edit_one(root)
    return due_run(root)


def _edit_one(root: Path) -> None:
    """Change one contact file, as `kith log` or an editor would: a line added to its notes."""
    paths = sorted((root / "contacts").glob("*.md"))
    with open(paths[len(paths) // 2], "a", encoding="utf-8") as stream:
        stream.write("\nAnother note.\n")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_times(
    contenders: dict[str, Callable[[Path], float]], root: Path, rounds: int
) -> dict[str, float]:
    """The least CPU time of each contender over `rounds` interleaved rounds, run in order."""
    best = {name: float("inf") for name in contenders}
    for _ in range(rounds):
        for name, contender in contenders.items():
            best[name] = min(best[name], contender(root))
    return best


def report(results: dict[str, float], contacts: int, log_lines: int, rounds: int) -> bool:
    """Print the figures side by side with their bars; True when every bar is met."""
    base = results[FLOOR]
    cold_ratio = results[COLD] / base
    cold_met = cold_ratio <= COLD_BAR
    edit_met = results[EDIT] < EDIT_BAR
    warm_met = results[WARM] < WARM_BAR
    print(f"{contacts} contacts x {log_lines} log lines, least CPU time of {rounds} rounds")
    print(f"  {FLOOR:<36} {base:6.2f} s  1.00x floor")
    print(
        f"  {COLD:<36} {results[COLD]:6.2f} s  {cold_ratio:4.2f}x floor"
        f"   bar <= {COLD_BAR}x floor: {'met' if cold_met else 'NOT met'}"
    )
    print(
        f"  {EDIT:<36} {results[EDIT]:6.2f} s  {results[EDIT] / base:4.2f}x floor"
        f"   bar < {EDIT_BAR} s: {'met' if edit_met else 'NOT met'}"
    )
    print(
        f"  {WARM:<36} {results[WARM]:6.2f} s  {results[WARM] / base:4.2f}x floor"
        f"   bar < {WARM_BAR} s: {'met' if warm_met else 'NOT met'}"
    )
    return cold_met and edit_met and warm_met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--log-lines", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="kithbook-due-bench-"))
    if not (folder / "contacts").is_dir():
        print(f"generating {args.contacts} contacts x {args.log_lines} log lines in {folder} ...")
        write_network(folder, args.contacts, args.log_lines, seed=1)
        time.sleep(2.1)  # the cache does not trust files written in the last two seconds
    try:
        floor(folder)  # warm the page cache so every measurement reads from memory
        cold(folder)  # and Python's bytecode cache of kithbook
        contenders = {FLOOR: floor, COLD: cold, WARM: warm, EDIT: after_edit}
        results = best_times(contenders, folder, args.repeat)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0 if report(results, args.contacts, args.log_lines, args.repeat) else 1


if __name__ == "__main__":
    sys.exit(main())
