"""Benchmark `kith log` on a large network: one line added to one contact, checked and committed.

`python tools/benchmarks/log.py [--contacts 20000] [--rounds 7] [--keep DIR]`

Generates the network once (`generate.py`, in a packed Git repository), then runs
`kith log person-NNNNN note "..."` as a new process per round (interpreter start-up, the write
service's lock, check, atomic write and the commit built from the written bytes all included),
each on another contact. A contact named by its exact slug is read alone, and the cross-file
rules a log line can affect need no other file, so the figure should not grow with the network.
Wall time is what a person waits; CPU time (user + system, of kith and its git processes) is
printed beside it because the machine is shared. Bar: under 0.5 s of wall time, median.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOLS))

from benchmarks.generate import write_network  # noqa: E402
from benchmarks.importing import git  # noqa: E402
from benchmarks.importing import make_repository as committed_and_packed  # noqa: E402

BAR_SECONDS = 0.5
TODAY = "2026-12-01"
KITH = [sys.executable, "-m", "kithbook"]


def make_repository(root: Path, contacts: int) -> None:
    """The network written, committed and packed, as a repository in use would be."""
    write_network(root, contacts)
    committed_and_packed(root)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one_log(root: Path, slug: str, number: int) -> tuple[float, float]:
    """Wall and CPU seconds of one `kith log`; it must commit exactly one new line."""
    command = [*KITH, "log", slug, "note", f"benchmark round {number}", "--root", str(root)]
    env = {**os.environ, "KITHBOOK_TODAY": TODAY}
    cpu = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - started
    cpu = children_cpu() - cpu
    if done.returncode != 0 or not done.stdout.startswith("committed "):
        raise SystemExit(f"kith log did not commit: {done.stdout}{done.stderr}")
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the network in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kith-log-bench-"))
    try:
        if not (folder / ".git").exists():
            print(f"generating {args.contacts} contacts in {folder} ...", file=sys.stderr)
            make_repository(folder, args.contacts)
        one_log(folder, "person-00000", 0)  # untimed: Python writes its bytecode cache
        walls, cpus = [], []
        for number in range(1, args.rounds + 1):
            slug = f"person-{(number * 2_711) % args.contacts:05d}"
            wall, cpu = one_log(folder, slug, number)
            walls.append(wall)
            cpus.append(cpu)
        if git(folder, "status", "--porcelain"):
            raise SystemExit("the work tree is not clean after the rounds")
        median = statistics.median(walls)
        print(f"kith log on {args.contacts:,} contacts, {args.rounds} rounds:")
        print(f"  wall: best {min(walls):.3f} s, median {median:.3f} s, worst {max(walls):.3f} s")
        print(f"  CPU (kith + git): best {min(cpus):.3f} s, median {statistics.median(cpus):.3f} s")
        if hasattr(os, "getloadavg"):
            print(f"  load average while measuring: {os.getloadavg()[0]:.1f}")
        verdict = "met" if median < BAR_SECONDS else "NOT met"
        print(f"  bar: median wall < {BAR_SECONDS} s: {verdict}")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
