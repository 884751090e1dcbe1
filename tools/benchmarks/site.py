"""Benchmark the site: the kithbook plugin on 1,000 generated contacts against 1,000 plain pages.

`PYTHONPATH=tools python -m benchmarks.site [--contacts 1000]` builds both with the same theme
(Material, no web fonts), times rebuilds after one contact edit, and prints the figures against
the bars (build: at most 2x the plain pages; rebuild after an edit: under 3 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import statistics
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from benchmarks.generate import write_network

BAR = 2.0
THEME = "theme:\n  name: material\n  font: false\n"
PLUGIN_CONFIG = "site_name: Benchmark network\n" + THEME + "plugins:\n  - search\n  - kithbook\n"
PLAIN_CONFIG = "site_name: Benchmark pages\n" + THEME + "plugins:\n  - search\n"
OUT_OF_NAV = "not_in_nav: |\n  /person-*.md\n"


def timed_build(root: Path, dirty: bool = False) -> float:
    """Seconds for one `mkdocs build` of the project at `root`, configuration loading included."""
    start = time.perf_counter()
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    build(config, dirty=dirty)
    return time.perf_counter() - start


def plugin_project(root: Path, contacts: int) -> Path:
    write_network(root, contacts, seed=7)
    (root / "mkdocs.yml").write_text(PLUGIN_CONFIG, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
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


def best_of(runs: int, root: Path) -> float:
    return min(timed_build(root) for _ in range(runs))


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("KITHBOOK_TODAY", dt.date(2026, 12, 1).isoformat())
    with tempfile.TemporaryDirectory() as folder:
        network = plugin_project(Path(folder) / "network", args.contacts)
        in_nav = plain_project(Path(folder) / "plain", network, args.contacts, in_nav=True)
        out_of_nav = plain_project(Path(folder) / "plain-out", network, args.contacts, in_nav=False)
        timed_build(network)  # the first build fills the Git and page caches
        plugin_time = best_of(args.runs, network)
        plain_time = best_of(args.runs, out_of_nav)
        plain_nav_time = best_of(1, in_nav)
        full_rebuild = edit_and_rebuild(network, args.runs, dirty=False)
        dirty_rebuild = edit_and_rebuild(network, args.runs, dirty=True)
        pages = sum(1 for _ in (network / "site").rglob("index.html"))
    ratio = plugin_time / plain_time
    nav_ratio = plugin_time / plain_nav_time
    print(f"contacts: {args.contacts} ({pages} pages built with the plugin); best of {args.runs}")
    print(f"plain pages, same theme, no plugin, in the nav:     {plain_nav_time:6.2f} s")
    print(f"plain pages, same theme, no plugin, out of the nav: {plain_time:6.2f} s")
    print(f"kithbook plugin (contact pages out of the nav):     {plugin_time:6.2f} s")
    print(
        f"ratio to plain pages as MkDocs builds them (in the nav): {nav_ratio:.2f}x "
        f"(bar {BAR:.0f}x) -> {'PASS' if nav_ratio <= BAR else 'FAIL'}"
    )
    print(
        f"ratio to plain pages kept out of the nav, as the plugin keeps contact pages (stricter): "
        f"{ratio:.2f}x (bar {BAR:.0f}x) -> {'PASS' if ratio <= BAR else 'FAIL'}"
    )
    print(
        f"rebuild after one contact edit, full (mkdocs serve):          {full_rebuild:6.2f} s "
        f"-> {'PASS' if full_rebuild < 3 else 'FAIL'} (bar 3 s)"
    )
    print(
        f"rebuild after one contact edit, dirty (mkdocs serve --dirty): {dirty_rebuild:6.2f} s "
        f"-> {'PASS' if dirty_rebuild < 3 else 'FAIL'} (bar 3 s)"
    )


if __name__ == "__main__":
    main()
