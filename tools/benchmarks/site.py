"""Benchmark the site: the kithbook plugin on N generated contacts against N plain Markdown pages.

`cd tools && python -m benchmarks.site [--contacts 1000] [--runs 3] [--in-nav] [--no-rebuild]`

Both sites use the same theme (Material, no web fonts) and the search plugin. The network is a
committed Git repository, as a user's is (so each page shows its history). Each build is
`mkdocs build` in a new process, as a user runs it, measured by its CPU time (user + system, read
with `os.wait4`: the machine is shared, and CPU time is what another process does not change) and
its peak memory; plain and plugin builds take turns, `--runs` times each, after one build of each
that fills the caches. The figures are the best and the median of the runs. The bars (issue 13):
the plugin's build at most 2x the plain pages kept out of the nav (as the plugin keeps person
pages), under 400 MB; a rebuild after one contact edit under 3 s with `kith serve`.
`--in-nav` also builds the plain pages as MkDocs builds them by default (every page in the nav:
much slower, and slower still with more pages).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from benchmarks.generate import write_network
from benchmarks.importing import make_repository

BAR = 2.0
BAR_MEGABYTES = 400
BAR_REBUILD = 3.0
TODAY = dt.date(2026, 12, 1).isoformat()
THEME = "theme:\n  name: material\n  font: false\n"
PLUGIN_CONFIG = "site_name: Benchmark network\n" + THEME + "plugins:\n  - search\n  - kithbook\n"
PLAIN_CONFIG = "site_name: Benchmark pages\n" + THEME + "plugins:\n  - search\n"
OUT_OF_NAV = "not_in_nav: |\n  /person-*.md\n"


def measured_build(root: Path) -> tuple[float, float]:
    """CPU seconds and peak memory (MB) of `mkdocs build` of the project at `root`, in a new
    process."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", "site"]
    env = {**os.environ, "KITHBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(command, cwd=root, env=env, stderr=subprocess.PIPE)
    assert process.stderr is not None
    error = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"mkdocs build failed in {root}: {error.decode(errors='replace')[-800:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def timed_build(root: Path, dirty: bool = False) -> float:
    """Seconds (wall clock) of one in-process `mkdocs build`, as `mkdocs serve` rebuilds."""
    start = time.perf_counter()
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    build(config, dirty=dirty)
    return time.perf_counter() - start


def plugin_project(root: Path, contacts: int) -> Path:
    write_network(root, contacts, seed=7)
    (root / "mkdocs.yml").write_text(PLUGIN_CONFIG, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    make_repository(root)
    return root


def plain_project(root: Path, network: Path, pages: int, in_nav: bool) -> Path:
    """The same number of pages, each holding the text of one contact file, and no plugin."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    sources = sorted((network / "contacts").glob("*.md"))[:pages]
    for source in sources:
        text = source.read_text(encoding="utf-8").split("---", 2)[2]
        (docs / source.name).write_text(f"# {source.stem}\n{text}", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    config = PLAIN_CONFIG + ("" if in_nav else OUT_OF_NAV)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def edit_and_rebuild(network: Path, runs: int, dirty: bool) -> float:
    """Median seconds to rebuild after appending a line to one contact file."""
    edited = network / "contacts" / "person-00001.md"
    times = []
    for run in range(runs):
        text = edited.read_text(encoding="utf-8")
        edited.write_text(
            text + f"- 2026-11-{run + 1:02d} -> email: edit {run}\n", encoding="utf-8"
        )
        times.append(timed_build(network, dirty=dirty))
    return statistics.median(times)


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--in-nav", action="store_true", help="also build plain pages in the nav")
    parser.add_argument("--no-rebuild", action="store_true", help="skip the rebuild timings")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("KITHBOOK_TODAY", TODAY)
    with tempfile.TemporaryDirectory() as folder:
        network = plugin_project(Path(folder) / "network", args.contacts)
        plain = plain_project(Path(folder) / "plain-out", network, args.contacts, in_nav=False)
        measured_build(network)  # the first builds fill the Git history and page caches
        measured_build(plain)
        plugin_runs, plain_runs = [], []
        for _ in range(args.runs):  # taking turns: a busy moment slows both alike
            plain_runs.append(measured_build(plain))
            plugin_runs.append(measured_build(network))
        in_nav = None
        if args.in_nav:
            in_nav_root = plain_project(Path(folder) / "plain", network, args.contacts, True)
            in_nav = measured_build(in_nav_root)[0]
        rebuilds = None
        if not args.no_rebuild:
            rebuilds = (
                edit_and_rebuild(network, args.runs, dirty=False),
                edit_and_rebuild(network, args.runs, dirty=True),
            )
        pages = sum(1 for _ in (network / "site").rglob("index.html"))
    plugin_cpu = [seconds for seconds, _ in plugin_runs]
    plain_cpu = [seconds for seconds, _ in plain_runs]
    ratio = min(plugin_cpu) / min(plain_cpu)
    median_ratio = statistics.median(plugin_cpu) / statistics.median(plain_cpu)
    peak = max(megabytes for _, megabytes in plugin_runs)
    print(f"contacts: {args.contacts:,} ({pages:,} pages built with the plugin); {args.runs} runs")
    print("CPU seconds of `mkdocs build` (best / median), peak memory:")
    print(
        f"  plain pages, out of the nav: {min(plain_cpu):6.2f} / {statistics.median(plain_cpu):6.2f}"
        f" s, {max(mb for _, mb in plain_runs):5.0f} MB"
    )
    print(
        f"  kithbook plugin:             {min(plugin_cpu):6.2f} / {statistics.median(plugin_cpu):6.2f}"
        f" s, {peak:5.0f} MB"
    )
    if in_nav is not None:
        print(f"  plain pages, in the nav:     {in_nav:6.2f} s (one run)")
        print(f"ratio to plain pages in the nav: {min(plugin_cpu) / in_nav:.2f}x")
    print(
        f"ratio to plain pages out of the nav: {ratio:.2f}x best, {median_ratio:.2f}x median "
        f"(bar {BAR:.0f}x) -> {verdict(ratio <= BAR)}"
    )
    print(f"peak memory: {peak:.0f} MB (bar {BAR_MEGABYTES} MB) -> {verdict(peak < BAR_MEGABYTES)}")
    if rebuilds is not None:
        full, dirty = rebuilds
        print(
            f"rebuild after one contact edit, full (mkdocs serve):          {full:6.2f} s "
            f"-> {verdict(full < BAR_REBUILD)} (bar {BAR_REBUILD:.0f} s)"
        )
        print(
            f"rebuild after one contact edit, dirty (mkdocs serve --dirty): {dirty:6.2f} s "
            f"-> {verdict(dirty < BAR_REBUILD)} (bar {BAR_REBUILD:.0f} s)"
        )


if __name__ == "__main__":
    main()
