"""CSV files as rows that remember their line, read with the csv module, for every CSV importer.

Exports are UTF-8 (often with a BOM) from LinkedIn and Google, UTF-16 from some Windows tools,
Windows-1252 or another legacy set from older Outlook.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from kithbook.importers.candidate import ParsedSource
from kithbook.importers.encoding import decode_bytes

# What a spreadsheet reads as the start of a formula; Kithbook's CSV export puts a `'` in front of
# a cell that starts so (`exporters.csv_file.safe_cell`), and the importers take it off.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    """One CSV record: the line it starts on and its cells."""

    line: int
    cells: list[str]

    @property
    def blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


def decode_text(data: bytes) -> str:
    """The file's text (BOM, UTF-16, UTF-8, else a guessed legacy set; see `decode_bytes`)."""
    return decode_bytes(data).text


def read_text(data: bytes, parsed: ParsedSource) -> str:
    """The file's text; a guessed character set is reported as a warning at line 1."""
    decoded = decode_bytes(data)
    if decoded.warning:
        parsed.warning(1, decoded.warning)
    return decoded.text


def read_rows(text: str) -> list[Row]:
    """Every record with the line it starts on; quoted cells may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[Row] = []
    next_line = 1
    for cells in reader:
        rows.append(Row(next_line, cells))
        next_line = reader.line_num + 1
    return rows


def _delimiter(text: str) -> str:
    """Comma, unless more of the first lines use semicolons or tabs (some locales do)."""
    lines = text.splitlines()[:20]
    counts = {sep: sum(sep in line for line in lines) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


def find_header(
    rows: list[Row], is_header: Callable[[list[str]], bool], limit: int = 30
) -> int | None:
    """The index of the header row among the first `limit` rows (exports may put notes above it)."""
    for index, row in enumerate(rows[:limit]):
        if is_header([cell.strip() for cell in row.cells]):
            return index
    return None


def records(rows: list[Row], header_index: int) -> list[tuple[int, dict[str, str]]]:
    """(line, {column: value}) for each non-blank row after the header."""
    header = [cell.strip() for cell in rows[header_index].cells]
    result = []
    for row in rows[header_index + 1 :]:
        if row.blank:
            continue
        values = {
            column: (unneutralised(row.cells[i]).strip() if i < len(row.cells) else "")
            for i, column in enumerate(header)
            if column
        }
        result.append((row.line, values))
    return result


def unneutralised(cell: str) -> str:
    """A cell without the `'` that a CSV export (Kithbook's, a spreadsheet's) puts in front of a
    value that would otherwise read as a formula (`'+44 20 7946 0101` is `+44 20 7946 0101`,
    `''=x` is `'=x`)."""
    start = cell.lstrip("'")[:1]
    return cell[1:] if cell[:1] == "'" and start and start in FORMULA_STARTS else cell
