"""`kith import FILE`: people from vCard, LinkedIn, Google or any CSV, merged with who is there.

`--dry-run` prints the plan and writes nothing. Problems are printed as `FILE:LINE: severity: ...`
with the line in the import file. Exit 0 when every record was imported or was already there
(unchanged), 1 when some were skipped as bad records, 2 for bad arguments or an unreadable file.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kithbook.cli.common import (
    CommandError,
    add_json,
    add_root,
    add_today,
    check_root,
    print_json,
    today_from,
)
from kithbook.gc_pause import garbage_collector_frozen

if TYPE_CHECKING:
    import datetime as dt

    from kithbook.importers.candidate import ParsedSource
    from kithbook.model import Network

HELP = "import contacts from a vCard, LinkedIn Connections.csv, Google Contacts CSV or any CSV"
EXAMPLES = """\
examples:
  kith import contacts.vcf --dry-run        what would change, nothing written
  kith import Connections.csv               a LinkedIn data export
  kith import people.csv --map "Work mail=emails"
      (any CSV)
"""
FORMAT_NAMES = ("vcard", "linkedin", "google", "csv")
PROGRESS_DELAY = 0.5  # seconds before a progress bar appears


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    add_today(parser)
    add_json(parser)
    parser.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="print what would be created and merged; write nothing",
    )
    parser.add_argument(
        "--source",
        metavar="NAME",
        help="name the source in the commit message (default: the file's name)",
    )
    parser.add_argument(
        "--format", choices=FORMAT_NAMES, help="the file's format (default: told from its content)"
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=KEY",
        help="for a generic CSV: read COLUMN as KEY (emails, phones, company, "
        "links.blog, ...); repeatable",
    )
    parser.add_argument(
        "--no-commit", action="store_true", help="write the files but do not commit"
    )


def run(args: argparse.Namespace) -> int:
    from kithbook.importers import detect_format, read_source
    from kithbook.parse.load import load

    root = check_root(args.root)
    today = today_from(args)
    data = _read(args.file)
    format_name = args.format or detect_format(data, args.file.name)
    if format_name is None:
        raise CommandError(
            f"{args.file}: cannot tell the format from its content; "
            f"give it with --format ({', '.join(FORMAT_NAMES)})"
        )
    mapping = parse_map(args.map)
    if mapping and format_name != "csv":
        raise CommandError(f"--map is for generic CSV files; {args.file} reads as {format_name}")
    parsed = read_source(data, format_name, mapping)
    network = load(root)
    with garbage_collector_frozen():
        return _import(args, network, parsed, format_name, today)


def _import(
    args: argparse.Namespace,
    network: Network,
    parsed: ParsedSource,
    format_name: str,
    today: dt.date,
) -> int:
    """Plan the import, then print the plan (--dry-run) or carry it out; the exit status."""
    from kithbook.importers.plan import plan_import

    plan = plan_import(parsed.candidates, network, today, parsed.problems)
    shown_file = str(args.file)
    source = args.source or args.file.name
    if args.dry_run:
        if args.json:
            print_json(plan_json(plan, shown_file, format_name))
        else:
            _print_problems(plan.problems, shown_file)
            print_plan(plan, network.by_slug, source, format_name)
        return 1 if _has_errors(plan.problems) else 0
    from kithbook.importers.apply import apply_plan

    with _ProgressBar() as progress:
        result = apply_plan(
            plan, network, today, source, no_commit=args.no_commit, progress=progress
        )
    problems = sorted([*plan.problems, *result.problems], key=lambda problem: problem.line)
    if args.json:
        data_out = plan_json(plan, shown_file, format_name)
        data_out.update(
            created=result.created,
            merged=result.merged,
            commit=result.commit.message if result.commit else None,
            problems=[_problem_json(problem, shown_file) for problem in problems],
        )
        print_json(data_out)
    else:
        _print_problems(problems, shown_file)
        skipped = sum(problem.severity == "error" for problem in problems)
        print(f"{result.summary(source)}; {len(plan.unchanged)} unchanged, {skipped} skipped")
        if result.commit is not None:
            print(result.commit.message, file=sys.stdout if result.commit.committed else sys.stderr)
    return 1 if _has_errors(problems) else 0


def parse_map(entries: list[str]) -> dict[str, str]:
    """`--map "Work mail=emails"` entries as {column: key}; the last `=` separates them."""
    mapping: dict[str, str] = {}
    for entry in entries:
        column, equals, key = entry.rpartition("=")
        if not equals or not column.strip() or not key.strip():
            raise CommandError(f"--map {entry!r}: write COLUMN=KEY, as in --map 'Work mail=emails'")
        mapping[column.strip()] = key.strip()
    return mapping


def print_plan(plan: Any, contacts: dict, source: str, format_name: str) -> None:
    """The dry run's report: counts, then each new contact, merge and unchanged record by name."""
    print(f"{source} ({format_name}): {plan.summary()} (dry run: nothing written)")
    for contact in plan.new:
        print(f"  new     {contact.name}  -> {contact.path}  (line {contact.lines[0]})")
    for merge in plan.merges:
        added = "; ".join(str(addition) for addition in merge.additions)
        print(f"  merge   {merge.name}  -> {merge.path}  (line {merge.lines[0]}): + {added}")
    for line, slug in plan.unchanged:
        name = contacts[slug].name if slug in contacts else slug
        print(f"  same    {name}  ({slug}, line {line}): nothing new")
    for problem in plan.problems:
        if problem.severity == "error":
            print(f"  skipped line {problem.line}: {problem.message.removesuffix('; skipped')}")


def plan_json(plan: Any, shown_file: str, format_name: str) -> dict[str, Any]:
    return {
        "file": shown_file,
        "format": format_name,
        "new": [
            {"slug": c.slug, "path": c.path, "name": c.name, "lines": c.lines} for c in plan.new
        ],
        "merges": [
            {
                "slug": m.slug,
                "path": m.path,
                "name": m.name,
                "lines": m.lines,
                "additions": [str(addition) for addition in m.additions],
            }
            for m in plan.merges
        ],
        "unchanged": [{"slug": slug, "line": line} for line, slug in plan.unchanged],
        "problems": [_problem_json(problem, shown_file) for problem in plan.problems],
    }


def _problem_json(problem: Any, shown_file: str) -> dict[str, Any]:
    return {
        "path": shown_file,
        "line": problem.line,
        "severity": problem.severity,
        "message": problem.message,
    }


def _read(path: Path) -> bytes:
    """The file's bytes, refusing one larger than MAX_IMPORT_BYTES (`/dev/zero` included) before
    it fills the memory."""
    from kithbook.importers import MAX_IMPORT_BYTES
    from kithbook.parse.load import read_at_most

    try:
        if path.is_dir():
            raise CommandError(f"{path}: is a folder; give the file to import")
        data = read_at_most(str(path), MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot read the file: {error.strerror}") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise CommandError(
            f"{path}: larger than {MAX_IMPORT_BYTES // 1_000_000} MB, the limit for a file to "
            "import; is it really a contact export? (split it, or export without photos)"
        )
    return data


def _print_problems(problems: list, shown_file: str) -> None:
    for problem in problems:
        print(problem.render(shown_file), file=sys.stderr)


def _has_errors(problems: list) -> bool:
    return any(problem.severity == "error" for problem in problems)


class _ProgressBar:
    """A rich progress bar on stderr, only when writing takes a while and stderr is a terminal."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> _ProgressBar:
        return self

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if not sys.stderr.isatty() or time.monotonic() - self.started < PROGRESS_DELAY:
                return
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("importing", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
