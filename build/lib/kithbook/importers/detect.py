"""Which importer reads a file, told from its content first and its name only as a last resort."""

from __future__ import annotations

import re
from pathlib import PurePath

from kithbook.importers.csv_rows import decode_text, find_header, read_rows
from kithbook.importers.google import is_google_header
from kithbook.importers.linkedin import is_linkedin_header

_VCARD_START = re.compile(r"\A(?:\s*\n)*\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE | re.MULTILINE)
SNIFF_BYTES = 64_000


def detect_format(data: bytes, filename: str = "") -> str | None:
    """`vcard`, `linkedin`, `google` or `csv`; None when neither the content nor the name tells."""
    head = decode_text(data[:SNIFF_BYTES])
    if _VCARD_START.match(head):
        return "vcard"
    rows = read_rows(head)
    if find_header(rows, is_linkedin_header) is not None:
        return "linkedin"
    if find_header(rows, is_google_header, limit=1) is not None:
        return "google"
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".vcf", ".vcard"):
        return "vcard"
    first = next((row for row in rows if not row.blank), None)
    if suffix == ".csv" or (first is not None and len(first.cells) >= 2):
        return "csv"
    return None
