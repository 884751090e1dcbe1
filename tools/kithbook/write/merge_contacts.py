"""Fold one contact file into another (`kith merge KEEP OTHER`), losing nothing: pure text edits.

Lists (e-mails, phones, aliases, tags, knows, memories, goals) become their union, the other's name
an alias; keys only the other has are copied with their lines and comments; a value both have but
differently keeps the kept file's, and the other's is written down in a notes section, with the
other's notes and `## Private` section; log entries of both are merged in date order. A private
contact makes the result private. Nothing is written here: texts in, text out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kithbook.config import Config
from kithbook.parse.keys import KEY_KINDS
from kithbook.write.edit import (
    EditError,
    add_list_item,
    remove_list_item,
    replace_list_item,
    set_key,
    set_mapping_entry,
)
from kithbook.write.text import Text, front_matter_pairs, line_ending

_LOG_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+log[ \t#]*$", re.IGNORECASE)


@dataclass
class MergeReport:
    """What the merge did, for one line of output: items added, keys copied, values that differed,
    log entries taken over."""

    added: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    differed: list[str] = field(default_factory=list)
    log_entries: int = 0
    notes: bool = False
    dropped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = []
        if self.added:
            parts.append(f"added {', '.join(self.added)}")
        if self.copied:
            parts.append(f"copied {', '.join(self.copied)}")
        if self.dropped:
            parts.append(f"dropped {', '.join(self.dropped)}")
        if self.log_entries:
            entries = "log entry" if self.log_entries == 1 else "log entries"
            parts.append(f"{self.log_entries} {entries}")
        if self.differed:
            parts.append(f"kept this file's {', '.join(self.differed)} (the other's are in notes)")
        if self.notes:
            parts.append("the other's notes appended")
        return "; ".join(parts) or "nothing to add"


def merge_contact_texts(
    keep: str,
    other: str,
    keep_slug: str,
    other_slug: str,
    config: Config,
    *,
    other_private: bool = False,
) -> tuple[str, MergeReport]:
    """`keep`'s text with everything of `other` folded in, and what was done. `other_private`:
    the other contact is private as the loader reads it (fail safe: `private: "yes"`, `1`, a
    merge key), which makes the result `private: true` whatever its key says."""
    report = MergeReport()
    text = keep.replace("\r\n", "\n")
    other = other.replace("\r\n", "\n")
    ours = dict(front_matter_pairs(text))
    differed: list[tuple[str, Any]] = []
    for key, value in front_matter_pairs(other):
        text = _fold_key(text, ours, key, value, other, keep_slug, other_slug, config, report)
        if key in ours and not _same(key, ours[key], value) and not _foldable(key, ours[key]):
            differed.append((key, value))
            report.differed.append(key)
    if other_slug in _as_list(ours.get("knows")):  # KEEP knew OTHER: now the same person
        report.dropped.append(f"knows {other_slug} (the same person now)")
        text = remove_list_item(text, "knows", other_slug)
    if other_private and dict(front_matter_pairs(text)).get("private") is not True:
        report.copied.append("private: true")
        text = set_key(text, "private", True)
    text = _merge_bodies(text, other, other_slug, differed, report)
    if line_ending(keep) == "\r\n":
        text = text.replace("\n", "\r\n")
    return text, report


def _fold_key(
    text: str,
    ours: dict[str, Any],
    key: str,
    value: Any,
    other: str,
    keep_slug: str,
    other_slug: str,
    config: Config,
    report: MergeReport,
) -> str:
    """One key of the other file folded into `text`."""
    if key == "name":
        aliases = [str(alias).casefold() for alias in _as_list(ours.get("aka"))]
        if str(value).casefold() != str(ours.get("name", "")).casefold():
            if str(value).casefold() not in aliases:
                report.added.append(f"aka {value}")
                return add_list_item(text, "aka", value)
        return text
    if key == "private":
        if value is True and ours.get("private") is not True:
            report.copied.append("private: true")
            return set_key(text, "private", True)
        return text
    if KEY_KINDS.get(key) == "list":
        have = {_folded(item) for item in _as_list(ours.get(key))}
        for item in _as_list(value):
            if key == "knows" and item in (keep_slug, other_slug):
                continue
            if _folded(item) not in have:
                have.add(_folded(item))
                report.added.append(f"{key} {item}")
                text = add_list_item(text, key, item)
        return text
    if key not in ours:
        report.copied.append(key)
        return _copy_key(text, other, key)
    if isinstance(ours[key], dict) and isinstance(value, dict):
        for subkey, item in value.items():
            if subkey not in ours[key] and not (key == "met" and item == keep_slug):
                report.copied.append(f"{key}.{subkey}")
                text = set_mapping_entry(text, key, subkey, item)
    return text


def _foldable(key: str, ours: Any) -> bool:
    """Keys whose values are combined rather than compared: lists, the name, the private flag."""
    return key in ("name", "private") or KEY_KINDS.get(key) == "list"


def _same(key: str, ours: Any, theirs: Any) -> bool:
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return all(ours.get(sub) == value for sub, value in theirs.items())
    return ours == theirs


def _copy_key(text: str, other: str, key: str) -> str:
    """Append the other file's lines for `key` (with their comments) to the front matter."""
    from kithbook.write.log_units import CannotMerge, key_chunks

    try:
        chunks = dict(key_chunks(Text.parse(other).front_matter))
    except CannotMerge as error:
        raise EditError(
            f"the other file's front matter cannot be split into keys ({error})"
        ) from None
    parsed = Text.parse(text)
    front = parsed.front_matter
    if front and not front.endswith("\n"):
        front += "\n"
    return parsed.with_front_matter(front + chunks[key])


def _merge_bodies(
    text: str, other: str, other_slug: str, differed: list[tuple[str, Any]], report: MergeReport
) -> str:
    """Both logs in date order in `text`'s log section; the other's notes and the values that
    differed in a section of their own at the end."""
    from kithbook.write.log_units import PLACEHOLDER, merge_log_entries, split_log

    parsed = Text.parse(text)
    rest, entries, joiner = split_log(parsed.body)
    other_rest, other_entries, _ = split_log(Text.parse(other).body)
    merged = merge_log_entries(entries, other_entries)
    report.log_entries = len(merged) - len(entries)
    block = joiner.join(merged)
    if PLACEHOLDER in rest:
        body = rest.replace(PLACEHOLDER, block) if merged else rest.replace(PLACEHOLDER + "\n", "")
    else:
        body = rest
        if merged:
            body = body.rstrip("\n") + ("\n\n" if body.strip() else "\n") + f"## Log\n{block}\n"
    remainder = _without_log_heading(other_rest, PLACEHOLDER).strip("\n")
    extra = _as_written(other, differed)
    shown = {line.strip() for line in extra}
    comments = [
        f"    {line}"
        for line in _commented_lines(Text.parse(other).front_matter)
        if line.strip() not in shown and (_comment(line) or "") not in parsed.front_matter
    ]
    if remainder.strip() or extra or comments:
        report.notes = bool(remainder.strip())
        section = [f"## Merged from {other_slug}", ""]
        if extra:
            section += ["Values that differed (this file's were kept), as the other file had them:"]
            section += ["", *extra, ""]
        if comments:
            section += ["Lines of the other file whose comments are not above:", "", *comments, ""]
        if remainder.strip():
            section.append(remainder)
        body = body.rstrip("\n") + "\n\n" + "\n".join(section).rstrip("\n") + "\n"
    return parsed.with_body(body)


def _comment(line: str) -> str | None:
    """The comment of a front-matter line (`# ...` outside quotes), or None."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"" and (index == 0 or line[index - 1] in " \t[{,:-"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[index:].rstrip()
    return None


def _commented_lines(front_matter: str) -> list[str]:
    """The front-matter lines holding a comment: merging keeps values, and these keep the words
    written beside them (`# her maiden name`), which would otherwise go with the removed file."""
    return [line.rstrip() for line in front_matter.split("\n") if _comment(line)]


def _without_log_heading(rest: str, placeholder: str) -> str:
    """The other body without its log section's heading and entries (they are merged already)."""
    if placeholder not in rest:
        return rest
    lines = rest.split("\n")
    at = lines.index(placeholder)
    heading = at - 1
    while heading >= 0 and not lines[heading].strip():
        heading -= 1
    cut = heading if heading >= 0 and _LOG_HEADING.match(lines[heading]) else at
    del lines[cut : at + 1]
    if 0 < cut < len(lines) and not lines[cut - 1].strip() and not lines[cut].strip():
        del lines[cut]  # one blank line where the section was, not two
    return "\n".join(lines)


def references_updated(text: str, old: str, new: str, config: Config) -> str:
    """A third contact's `knows` and `met.via` naming `old` renamed to `new` (or `old` dropped
    from `knows` when `new` is there already)."""
    pairs = dict(front_matter_pairs(text))
    knows = _as_list(pairs.get("knows"))
    if old in knows:
        if new in knows:
            text = remove_list_item(text, "knows", old)
        else:
            text = replace_list_item(text, "knows", old, new)
    met = pairs.get("met")
    if isinstance(met, dict) and met.get("via") == old:
        text = set_mapping_entry(text, "met", "via", new)
    return text


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _folded(item: Any) -> Any:
    return item.casefold() if isinstance(item, str) else item


def _as_written(other: str, differed: list[tuple[str, Any]]) -> list[str]:
    """The other file's lines for each key that differed, comments included, indented four spaces
    (a Markdown code block); `- key: value` when its front matter cannot be cut into keys."""
    from kithbook.write.log_units import CannotMerge, key_chunks

    try:
        chunks = dict(key_chunks(Text.parse(other).front_matter))
    except CannotMerge:
        return [f"- {key}: {_shown(value)}" for key, value in differed]
    lines = [line for key, _ in differed for line in chunks[key].rstrip("\n").split("\n")]
    return [f"    {line}" if line.strip() else "" for line in lines]


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    if isinstance(value, list):
        return "; ".join(_shown(item) for item in value)
    return str(value)
