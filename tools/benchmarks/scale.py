"""The scale curve: each everyday command's time and peak memory at 1,000, 10,000 and 50,000 contacts.

`python tools/benchmarks/scale.py [--sizes 1000,10000,50000] [--site-sizes 1000,5000] [--markdown]`

Every figure is one command run as a user runs it, in its own process (interpreter start included):
CPU seconds (user + system) and the process's peak resident memory, read with `os.wait4`. The
networks are generated (tools/benchmarks/generate.py, 10 log lines each) in a fresh Git
repository. The rows: `tools/validate.py`; `tools/due.py --json` cold (no cache at all), after one
contact file changed (kith due's per-file answers: it reads and works out that file), and warm
(nothing changed: the output cache); `kith
import` of a LinkedIn export with as many rows as contacts (30% matching by e-mail, 20% by name);
`kith export json` and `csv`; and `mkdocs build` of the site (at --site-sizes only: it is the slow
one). Bars (issue 13): due after one edit under 0.3 s at 10,000; validate and due cold under 10 s
and 3 GB at 50,000.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOLS))

from benchmarks.generate import write_network  # noqa: E402
from benchmarks.importing import make_repository, write_connections  # noqa: E402

TODAY = "2026-12-01"
BIN = Path(sys.executable).parent
SITE_CONFIG = (
    "site_name: Scale\ntheme:\n  name: material\n  font: false\n"
    "plugins:\n  - search\n  - kithbook\n"
)


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """CPU seconds and peak memory (MB) of one command; it must succeed (exit 0, or 1 = problems)."""
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(command, cwd=cwd, stdout=null, stderr=subprocess.PIPE)
        assert process.stderr is not None
        error = process.stderr.read()
        _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {error.decode(errors='replace')[-800:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def due(root: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        str(TOOLS / "due.py"),
        "--root",
        str(root),
        "--json",
        "--today",
        TODAY,
        *extra,
    ]


def edit_one(root: Path) -> None:
    """Change one contact file, as `kith log` or an editor would."""
    path = sorted((root / "contacts").glob("*.md"))[
        len(list((root / "contacts").glob("*.md"))) // 2
    ]
    with open(path, "a", encoding="utf-8") as stream:
        stream.write("\nAnother note.\n")


def rows_for(
    root: Path, size: int, core: bool, site: bool
) -> list[tuple[str, Callable[[], tuple[float, float]]]]:
    """The commands measured at this size, in order: the import last, as it adds contacts."""
    kith = str(BIN / "kith")
    source = root.parent / "connections.csv"

    def cold() -> tuple[float, float]:
        shutil.rmtree(root / ".kithbook-cache", ignore_errors=True)
        return measure(due(root, "--no-cache"), root)

    def fill_then_edit() -> tuple[float, float]:
        # A network in daily use: the per-file cache of parsed contacts holds every file (the
        # first run in a folder only notes that it ran, so two validations fill it), and `kith
        # due` has kept today's answers per file (it ran today, and again after an edit: an
        # unchanged network is answered from the output cache without working anything out).
        validate = [sys.executable, str(TOOLS / "validate.py"), "--root", str(root)]
        measure(validate, root)
        measure(validate, root)
        measure(due(root), root)
        time.sleep(2.1)  # files written in the last two seconds are not trusted to the caches
        edit_one(root)
        measure(due(root), root)
        time.sleep(2.1)
        edit_one(root)
        return measure(due(root), root)

    def warm() -> tuple[float, float]:
        time.sleep(2.1)  # the edit is older than two seconds now: its run could be kept
        measure(due(root), root)
        return measure(due(root), root)

    def import_rows() -> tuple[float, float]:
        write_connections(source, root, size)
        return measure([kith, "import", str(source), "--root", str(root), "--today", TODAY], root)

    rows: list[tuple[str, Callable[[], tuple[float, float]]]] = []
    if site:
        (root / "mkdocs.yml").write_text(SITE_CONFIG, encoding="utf-8")
        (root / "docs").mkdir(exist_ok=True)
        site_command = [
            str(BIN / "mkdocs"),
            "build",
            "-q",
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(root / "site"),
        ]
        rows.append(("site (mkdocs build)", lambda: measure(site_command, root)))
    if not core:
        return rows
    return [
        (
            "validate",
            lambda: measure(
                [sys.executable, str(TOOLS / "validate.py"), "--root", str(root)], root
            ),
        ),
        ("due, cold", cold),
        ("due, after one edit", fill_then_edit),
        ("due, warm", warm),
        (
            "export json",
            lambda: measure([kith, "export", "json", "--root", str(root)], root),
        ),
        (
            "export csv",
            lambda: measure([kith, "export", "csv", "--root", str(root)], root),
        ),
        *rows,
        ("import as many LinkedIn rows", import_rows),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="contacts per network")
    parser.add_argument(
        "--site-sizes", default="1000,5000", help="sizes at which to build the site"
    )
    parser.add_argument("--keep", type=Path, help="generate into this folder (kept)")
    args = parser.parse_args()
    core_sizes = {int(size) for size in args.sizes.split(",") if size}
    site_sizes = {int(size) for size in args.site_sizes.split(",") if size}
    sizes = sorted(core_sizes | site_sizes)
    base = args.keep or Path(tempfile.mkdtemp(prefix="kithbook-scale-"))
    table: dict[str, dict[int, str]] = {}
    try:
        for size in sizes:
            root = base / f"n{size}" / "network"
            if not (root / "contacts").is_dir():
                print(f"generating {size:,} contacts ...", file=sys.stderr, flush=True)
                write_network(root, size)
                make_repository(root)
            for name, run in rows_for(root, size, size in core_sizes, size in site_sizes):
                seconds, megabytes = run()
                table.setdefault(name, {})[size] = f"{seconds:.2f} s, {megabytes:,.0f} MB"
                print(f"{size:>6,}  {name:<28} {table[name][size]}", file=sys.stderr, flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print("| command | " + " | ".join(f"{size:,} contacts" for size in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name, by_size in table.items():
        print(f"| {name} | " + " | ".join(by_size.get(size, "") for size in sizes) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
