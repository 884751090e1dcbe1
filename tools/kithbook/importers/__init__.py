"""Importers: each reads one file format into candidate contacts with their source lines.

`read_source` picks the importer for a format name; `detect_format` tells the format from content.
Then `importers.plan.plan_import` matches candidates to contacts (`importers.matching`) and decides
new files and merges, and `importers.apply.apply_plan` writes them. Per format: `vcard`, `linkedin`,
`google`, `generic_csv` (with `csv_rows`); shared: `candidate`, `values`, `tidy`.
"""

from __future__ import annotations

from kithbook.importers.candidate import Candidate, ParsedSource, SourceProblem
from kithbook.importers.detect import detect_format
from kithbook.importers.generic_csv import MappingError, read_generic_csv
from kithbook.importers.google import read_google
from kithbook.importers.kithbook_json import read_kithbook_json
from kithbook.importers.linkedin import read_linkedin
from kithbook.importers.vcard import read_vcards

FORMATS = ("vcard", "linkedin", "google", "csv", "json")
# The largest file `kith import` reads (docs/import-export.md): far above a contact export without
# photos (30,000 LinkedIn connections are 5 MB), far below what would exhaust memory.
MAX_IMPORT_BYTES = 100_000_000

__all__ = [
    "FORMATS",
    "MAX_IMPORT_BYTES",
    "Candidate",
    "MappingError",
    "ParsedSource",
    "SourceProblem",
    "detect_format",
    "read_source",
]


def read_source(
    data: bytes, format_name: str, mapping: dict[str, str] | None = None
) -> ParsedSource:
    """The candidates of a file in a known format; `mapping` (`--map`) is for generic CSV."""
    if format_name == "vcard":
        return read_vcards(data)
    if format_name == "linkedin":
        return read_linkedin(data)
    if format_name == "google":
        return read_google(data)
    if format_name == "csv":
        return read_generic_csv(data, mapping)
    if format_name == "json":
        return read_kithbook_json(data)
    raise ValueError(f"unknown import format {format_name!r}; use one of: {', '.join(FORMATS)}")
