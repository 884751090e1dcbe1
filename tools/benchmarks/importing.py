"""Import benchmark: a 10,000-row LinkedIn Connections.csv into a network of 10,000 contacts.

`python tools/benchmarks/importing.py [--contacts 10000] [--rows 10000] [--rounds 3]` generates the
network once (in a fresh, packed Git repository) and a LinkedIn export where 30% of the rows match a
contact by e-mail, 20% by name and the rest are new people. Each round, in new processes (no warm
caches), imports it into one fresh copy of the network phase by phase, as `kith import` does (read,
load, plan, edit + check + write, one commit), and into another with the `kith import` command
itself, end to end. Times are by the wall clock, since the disk and Git's subprocesses count as
much as Python. The machine is shared, so the rounds give the best, median and worst figures.
The bar: `kith import`, end to end, under 10 s.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import write_network  # noqa: E402
from kithbook.gc_pause import garbage_collector_frozen  # noqa: E402
from kithbook.importers import read_source  # noqa: E402
from kithbook.importers.apply import apply_plan  # noqa: E402
from kithbook.importers.plan import plan_import  # noqa: E402
from kithbook.parse.load import load  # noqa: E402
from kithbook.repo.commits import commit_files  # noqa: E402

BAR_SECONDS = 10.0
TODAY = dt.date(2026, 12, 1)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
NOTES = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n\n'
)
PHASES = ("read CSV", "load network", "plan (match)", "edit + check + write", "git commit")
END_TO_END = "kith import, end to end"
CPU = "  its CPU time (user + sys)"  # far below the wall time: the machine was busy with others
KITH = Path(sys.executable).parent / "kith"


def write_connections(path: Path, network_root: Path, rows: int, seed: int = 7) -> None:
    """A LinkedIn export whose rows match contacts by e-mail (30%), by name (20%), or not."""
    rng = random.Random(seed)
    contacts = load(network_root).contacts
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(NOTES)
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(rows):
            kind = rng.random()
            contact = contacts[index % len(contacts)]
            if kind < 0.5:
                first, _, last = contact.name.partition(" ")
                email = contact.emails[0] if kind < 0.3 else ""
            else:
                first, last, email = f"New{index}", f"Person{index}", ""
            month = dt.date(2015 + index % 10, 1 + index % 12, 1).strftime("%b")
            connected = f"{1 + index % 28:02d} {month} {2015 + index % 10}"
            writer.writerow(
                [
                    first,
                    last,
                    f"https://www.linkedin.com/in/bench-{index}",
                    email,
                    "Fjord Freight",
                    "Engineer",
                    connected,
                ]
            )


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout


def make_repository(root: Path) -> None:
    """The network committed and packed, as a repository in use would be (and no gc left running)."""
    git(root, "init", "-q")
    git(root, "config", "user.name", "Benchmark")
    git(root, "config", "user.email", "benchmark@example.org")
    git(root, "add", "-A")
    git(root, "-c", "gc.auto=0", "commit", "-qm", "network")
    git(root, "gc", "-q")


def settle() -> None:
    """Flush what the benchmark itself wrote (copies of the network), so that an import's sync
    does not pay for it; the copies are deleted only at the end, as deleting is slow too."""
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(1)


def phases_in_new_process(root: Path, source: Path) -> tuple[dict[str, float], str]:
    """`import_round` run by a new Python, as a command would be: no cache is warm."""
    command = [sys.executable, __file__, "--phases-of", str(root), str(source)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    answer = json.loads(output)
    return answer["times"], answer["summary"]


def kith_import(root: Path, source: Path) -> tuple[float, float]:
    """Wall and CPU seconds of the `kith import` command (interpreter start and Git included); it
    must commit."""
    command = [str(KITH), "import", str(source), "--root", str(root), "--today", TODAY.isoformat()]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before
    if done.returncode != 0 or "committed" not in done.stdout or git(root, "status", "--porcelain"):
        raise SystemExit(f"kith import did not commit cleanly: {done.stdout}{done.stderr}")
    return elapsed, cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def import_round(root: Path, source: Path) -> tuple[dict[str, float], str]:
    """Import `source` into the network at `root` as `kith import` does; wall seconds per phase."""
    clock = [time.perf_counter()]

    def lap() -> float:
        clock.append(time.perf_counter())
        return clock[-1] - clock[-2]

    times = {}
    parsed = read_source(source.read_bytes(), "linkedin")
    times["read CSV"] = lap()
    network = load(root)
    times["load network"] = lap()
    with garbage_collector_frozen():
        plan = plan_import(parsed.candidates, network, TODAY, parsed.problems)
        times["plan (match)"] = lap()
        result = apply_plan(plan, network, TODAY, source.name, no_commit=True)
        times["edit + check + write"] = lap()
        outcome = commit_files(
            root,
            [root / path for path in result.paths],
            result.summary(source.name),
            command="import",
        )
        times["git commit"] = lap()
    if not outcome.committed or result.problems or git(root, "status", "--porcelain"):
        raise SystemExit(f"the import did not commit cleanly: {outcome.message}")
    return times, f"{plan.summary()}; {outcome.message}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--phases-of", nargs=2, type=Path, metavar=("ROOT", "SOURCE"), help=argparse.SUPPRESS
    )  # one round's phases, as JSON, for the parent
    args = parser.parse_args()
    if args.phases_of:
        times, summary = import_round(*args.phases_of)
        print(json.dumps({"times": times, "summary": summary}))
        return
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    rounds: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        pristine = write_network(Path(folder) / "network", args.contacts)
        make_repository(pristine)
        source = Path(folder) / "Connections.csv"
        write_connections(source, pristine, args.rows)
        for number in range(args.rounds):
            phases, command = Path(folder) / f"phases-{number}", Path(folder) / f"kith-{number}"
            shutil.copytree(pristine, phases, symlinks=True)
            shutil.copytree(pristine, command, symlinks=True)
            settle()
            times, summary = phases_in_new_process(phases, source)
            times["sum of the phases"] = sum(times.values())
            settle()
            times[END_TO_END], times[CPU] = kith_import(command, source)
            rounds.append(times)
    print(f"{args.rows} LinkedIn rows into {args.contacts} contacts: {summary}")
    print(f"wall-clock seconds over {len(rounds)} rounds:    best  median   worst")
    for phase in (*PHASES, "sum of the phases", END_TO_END, CPU):
        values = sorted(times[phase] for times in rounds)
        print(f"  {phase:27} {values[0]:10.2f} {statistics.median(values):7.2f} {values[-1]:7.2f}")
    totals = [times[END_TO_END] for times in rounds]
    best, worst = min(totals), max(totals)
    verdict = (
        "met in every round"
        if worst < BAR_SECONDS
        else "met at best"
        if best < BAR_SECONDS
        else "NOT met"
    )
    print(f"bar: {END_TO_END} under {BAR_SECONDS:g} s: {verdict}")


if __name__ == "__main__":
    main()
