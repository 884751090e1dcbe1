"""Log entries and front-matter keys as units of text, for the merges that keep both sides: the Git
merge driver (kithbook.repo.merge_driver) and `kith merge` (kithbook.write.merge_contacts).

Pure text functions: a body's last `## Log` section cut into entries, entries merged by date, a
front matter cut into one piece of text per key.
"""

from __future__ import annotations

import re

from yaml.nodes import MappingNode

from kithbook.errors import KithbookError
from kithbook.parse.body import log_sections
from kithbook.parse.yamlnodes import YAMLSyntaxError, compose, key_text
from kithbook.write.log import LOG_ITEM

PLACEHOLDER = "\0kith-log-entries\0"
_DATE = re.compile(r"^ {0,3}[-*+][ \t]+(\d{4}-\d{2}-\d{2})")


class CannotMerge(KithbookError):
    """The structured merge does not apply; use Git's line merge."""


def merge_log_entries(ours: list[str], theirs: list[str]) -> list[str]:
    """Our entries, with theirs that we lack placed by date (as a merge with an empty base)."""
    return merge_entries([], ours, theirs)


def key_chunks(front_matter: str) -> list[tuple[str, str]]:
    """(key, text) per top-level key, from its line to the next key's; '' for comments before."""
    try:
        root = compose(front_matter)  # the loader's YAML parser, so both read the same keys
    except YAMLSyntaxError:
        raise CannotMerge("front matter is not YAML") from None
    if root is None:
        return [("", front_matter)] if front_matter else []
    if not isinstance(root, MappingNode) or root.flow_style:
        raise CannotMerge("front matter is not a block mapping")
    starts: list[tuple[str, int]] = []
    for key_node, _ in root.value:
        line_start = front_matter.rfind("\n", 0, key_node.start_mark.index) + 1
        if front_matter[line_start : key_node.start_mark.index].strip():
            raise CannotMerge("two keys on one line")
        starts.append((key_text(key_node), line_start))
    keys = [key for key, _ in starts]
    if len(set(keys)) != len(keys):
        raise CannotMerge("a key is written twice")
    bounds = [start for _, start in starts] + [len(front_matter)]
    chunks = [("", front_matter[: bounds[0]])] if bounds[0] else []
    chunks += [(key, front_matter[bounds[i] : bounds[i + 1]]) for i, key in enumerate(keys)]
    return [(key, text if text.endswith("\n") else text + "\n") for key, text in chunks]


def split_log(body: str) -> tuple[str, list[str], str]:
    """The body with its last log section's entries (where kith log adds them) replaced by a
    placeholder line, the entries (each with its continuation lines), and how they were separated
    (a newline or a blank line). The sections are the loader's (`body.log_sections`)."""
    sections = log_sections(body)
    if not sections:
        return body, [], "\n"
    lines = body.split("\n")
    section_start, section_end = sections[-1]
    first = body.count("\n", 0, section_start)  # the section's first line, after its heading
    if not body[:section_start].endswith("\n"):
        first += 1  # the heading is the body's last line
    stop = body.count("\n", 0, section_end) if section_end < len(body) else len(lines)
    written = [index for index in range(first, stop) if lines[index].strip()]
    items = [index for index in written if LOG_ITEM.match(lines[index])]
    start = items[0] if items else (written[-1] + 1 if written else first)
    end = written[-1] + 1 if items else start
    area = lines[start:end]
    entries: list[str] = []
    for line in area:
        if not line.strip():
            continue
        if LOG_ITEM.match(line) or not entries or not line[:1].isspace():
            entries.append(line.rstrip())
        else:
            entries[-1] += "\n" + line.rstrip()
    joiner = "\n\n" if any(not line.strip() for line in area) else "\n"
    rest = "\n".join(lines[:start] + [PLACEHOLDER] + lines[end:])
    return rest, entries, joiner


def merge_entries(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    """Ours' entries minus those theirs removed, plus theirs' new ones placed by date."""
    in_base, in_ours, in_theirs = set(base), set(ours), set(theirs)
    result = [entry for entry in ours if not (entry in in_base and entry not in in_theirs)]
    added = [entry for entry in theirs if entry not in in_ours and entry not in in_base]
    descending = _dates(result) == sorted(_dates(result), reverse=True) != sorted(_dates(result))
    for entry in sorted(dict.fromkeys(added), key=_date):
        result.insert(_position(result, _date(entry), descending), entry)
    return _in_date_order(result, base, descending)


def _in_date_order(entries: list[str], base: list[str], descending: bool) -> list[str]:
    """The entries in date order (newest first in a newest-first log), keeping the order of
    entries of the same day, when the log was in date order before the merge and every entry has
    a date; else as they are (a log kept in an order of its own stays in it)."""
    dates = _dates(base)
    if len(_dates(entries)) != len(entries):
        return entries
    if dates != sorted(dates, reverse=descending):
        return entries
    return sorted(entries, key=_date, reverse=descending)


def _position(entries: list[str], date: str, descending: bool) -> int:
    """Where an entry of `date` goes: after the last one on or before it (newest first: before)."""
    if descending:
        return next((i for i, entry in enumerate(entries) if _date(entry) < date), len(entries))
    for index in range(len(entries) - 1, -1, -1):
        if _date(entries[index]) <= date:
            return index + 1
    return 0


def _date(entry: str) -> str:
    match = _DATE.match(entry)
    return match[1] if match else ""


def _dates(entries: list[str]) -> list[str]:
    return [_date(entry) for entry in entries if _date(entry)]
