"""Import benchmark: a 10,000-row LinkedIn Connections.csv into a network of 10,000 contacts.

`python tools/benchmarks/importing.py [--contacts 10000] [--rows 10000]` generates the network (in a
fresh Git repository), writes a LinkedIn export where 30% of the rows match a contact by e-mail,
20% by name and the rest are new people, then times `kith import` end to end (load, parse, plan,
edit and validate and write, one commit) and each phase. The bar: the whole import under 10 s.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import write_network  # noqa: E402
from kithbook.git import commit_files  # noqa: E402
from kithbook.import_apply import apply_plan  # noqa: E402
from kithbook.import_plan import plan_import  # noqa: E402
from kithbook.importers import read_source  # noqa: E402
from kithbook.load import load  # noqa: E402

BAR_SECONDS = 10.0
TODAY = dt.date(2026, 12, 1)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
NOTES = ("Notes:\n\"When exporting your connection data, you may notice that some of the email "
         "addresses are missing.\"\n\n")


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
            writer.writerow([first, last, f"https://www.linkedin.com/in/bench-{index}", email,
                             "Fjord Freight", "Engineer", connected])


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = write_network(Path(folder) / "network", args.contacts)
        git(root, "init", "-q")
        git(root, "config", "user.name", "Benchmark")
        git(root, "config", "user.email", "benchmark@example.org")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "network")
        source = Path(folder) / "Connections.csv"
        write_connections(source, root, args.rows)

        started = time.perf_counter()
        network = load(root)
        loaded = time.perf_counter()
        parsed = read_source(source.read_bytes(), "linkedin")
        read = time.perf_counter()
        plan = plan_import(parsed.candidates, network, TODAY, parsed.problems)
        planned = time.perf_counter()
        result = apply_plan(plan, network, TODAY, source.name, no_commit=True)
        written = time.perf_counter()
        outcome = commit_files(root, [root / path for path in result.paths],
                               result.summary(source.name), command="import")
        finished = time.perf_counter()

    total = finished - started
    print(f"{args.rows} LinkedIn rows into {args.contacts} contacts: {plan.summary()}")
    print(f"  load network   {loaded - started:6.2f} s")
    print(f"  read CSV       {read - loaded:6.2f} s")
    print(f"  plan (match)   {planned - read:6.2f} s")
    print(f"  edit + check + write {written - planned:6.2f} s  ({len(result.paths)} files)")
    print(f"  git commit     {finished - written:6.2f} s  ({outcome.message})")
    print(f"  total          {total:6.2f} s  (bar: under {BAR_SECONDS:g} s: "
          f"{'met' if total < BAR_SECONDS else 'NOT met'})")


if __name__ == "__main__":
    main()
