"""`kith site --out DIR`: the site's pages as Markdown files, the same ones the plugin builds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kithbook.cli.common import (
    CommandError,
    add_root,
    add_today,
    check_root,
    print_problems,
    today_from,
)

HELP = "write the network site's pages as Markdown files (mkdocs build renders them as HTML)"
EXAMPLES = """\
examples:
  kith site --out pages                     the site's pages as Markdown files
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser)
    add_today(parser)
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="the folder to write the pages into (created if missing)",
    )


def run(args: argparse.Namespace) -> int:
    from kithbook.parse.load import load
    from kithbook.public import public_contacts
    from kithbook.repo.history import file_histories
    from kithbook.rules.validate import has_errors, validate
    from kithbook.site.pages import asset_files, site_pages

    root = check_root(args.root)
    today = today_from(args)
    network = load(root)
    problems = validate(network, today)
    pages = site_pages(network, today, problems, file_histories(root, network.config))
    files = {page.uri: page.markdown.encode("utf-8") for page in pages} | asset_files()
    try:
        for uri, content in files.items():
            path = args.out / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    except OSError as error:
        raise CommandError(
            f"--out {args.out}: cannot write {error.filename}: {error.strerror}"
        ) from None
    print_problems([problem for problem in problems if problem.severity == "error"], sys.stderr)
    private = len(network.contacts) - len(public_contacts(network))
    print(
        f"wrote {len(pages)} pages to {args.out} "
        f"({len(network.contacts) - private} contacts; {private} private, left out)"
    )
    return 1 if has_errors(problems) else 0
