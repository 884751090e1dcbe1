"""Benchmark `tools/due.py --json` against the loader's floor, cold and warm, in one run.

`python tools/benchmarks/due.py [--contacts 10000] [--log-lines 10] [--repeat 3] [--keep DIR]`

The floor is the least any reader must do: read every file, split the front matter and
`yaml.load` it with CSafeLoader (in this process). Cold runs `tools/due.py --json` as a subprocess
with no cache; warm runs it again with the cache from the previous run. Each figure is the best of
`--repeat` runs. Bars: cold <= 1.5 x floor, warm < 0.5 s.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

TOOLS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOLS))

from benchmarks.generate import write_network  # noqa: E402

TODAY = "2026-12-01"
COLD_BAR = 1.5
WARM_BAR = 0.5


def floor(root: Path) -> float:
    """Seconds to read every contact file, split off its front matter and parse that YAML."""
    start = time.perf_counter()
    for path in sorted((root / "contacts").glob("*.md")):
        text = path.read_bytes().decode("utf-8")
        front = text.split("\n---", 1)[0].removeprefix("---\n")
        yaml.load(front, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def due_run(root: Path) -> float:
    """Seconds for one `tools/due.py --json` subprocess; its output must be valid and non-empty."""
    script = str(TOOLS / "due.py")
    command = [sys.executable, script, "--root", str(root), "--json", "--today", TODAY]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1) or not done.stdout.startswith(b"{"):
        raise SystemExit(f"tools/due.py failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return elapsed


def cold(root: Path) -> float:
    shutil.rmtree(root / ".kithbook-cache", ignore_errors=True)
    return due_run(root)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--log-lines", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="kithbook-due-bench-"))
    if not (folder / "contacts").is_dir():
        print(f"generating {args.contacts} contacts x {args.log_lines} log lines in {folder} ...")
        write_network(folder, args.contacts, args.log_lines, seed=1)
        time.sleep(2.1)  # the cache does not trust files written in the last two seconds
    try:
        floor_s = min(floor(folder) for _ in range(args.repeat))
        cold_s = min(cold(folder) for _ in range(args.repeat))
        due_run(folder)  # fill the cache
        warm_s = min(due_run(folder) for _ in range(args.repeat))
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)

    ratio = cold_s / floor_s
    print(f"network: {args.contacts} contacts x {args.log_lines} log lines; best of {args.repeat}")
    print(f"loader floor (read + split + CSafeLoader): {floor_s:6.2f} s")
    print(f"tools/due.py --json, cold:                  {cold_s:6.2f} s = {ratio:.2f} x floor "
          f"(bar <= {COLD_BAR} x: {'met' if ratio <= COLD_BAR else 'NOT met'})")
    print(f"tools/due.py --json, warm (cache):          {warm_s:6.2f} s "
          f"(bar < {WARM_BAR} s: {'met' if warm_s < WARM_BAR else 'NOT met'})")


if __name__ == "__main__":
    main()
