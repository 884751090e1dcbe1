"""The network as a vdir: one `.vcf` file per contact, the layout khard, khal and vdirsyncer share.

Each card has a stable UID (`contact_uid`): the contact's `uid` key, else `kithbook:<slug>`. A card
already in the folder with that UID is updated in its own file (vdirsyncer named it after the
server's item), keeping what Kithbook has no key for: a photo, a street address, the phone's labels
and types of a number or address Kithbook also has. A file is rewritten only when its text changes,
and a file Kithbook did not write (a contact made on the phone, not imported yet) is never touched.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kithbook.exporters.vcard import card_of, contact_uid
from kithbook.model import Contact
from kithbook.write.safe_write import check_replaceable

# Properties Kithbook writes (its own lines replace the folder's); anything else is kept.
MANAGED = {
    "VERSION",
    "PRODID",
    "UID",
    "FN",
    "N",
    "NICKNAME",
    "EMAIL",
    "TEL",
    "URL",
    "X-SOCIALPROFILE",
    "X-ABLABEL",
    "ORG",
    "TITLE",
    "ADR",
    "BDAY",
    "CATEGORIES",
    "NOTE",
    "REV",
}
# Kithbook's line for these is replaced by the folder's line with the same value, which keeps the
# phone's types (CELL, HOME, ...) and, for an address, the street Kithbook does not keep.
SAME_VALUE = ("EMAIL", "TEL", "ADR")
_NAME = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")
FOLD_AT = 75


@dataclass
class VdirResult:
    """Files created, updated and left as they were, as paths; `withheld`: cards already in the
    folder of contacts not exported (private now), which are neither updated nor removed."""

    created: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    withheld: list[Path] = field(default_factory=list)

    def summary(self, folder: Path) -> str:
        count = len(self.created) + len(self.updated) + len(self.unchanged)
        noun = "contact" if count == 1 else "contacts"
        return (
            f"exported {count} {noun} to {folder}: {len(self.created)} new files, "
            f"{len(self.updated)} updated, {len(self.unchanged)} unchanged"
        )


def write_vdir(
    contacts: Iterable[Contact],
    folder: Path,
    version: str = "3.0",
    withheld: Iterable[Contact] = (),
) -> VdirResult:
    """Write each contact's card into `folder` (created when missing); see the module docstring.
    The cards of `withheld` contacts (private ones) already in the folder are listed in the
    result, so the command can say they are still there."""
    folder.mkdir(parents=True, exist_ok=True)
    existing = cards_by_uid(folder)
    result = VdirResult()
    result.withheld = [
        existing[contact_uid(contact)] for contact in withheld if contact_uid(contact) in existing
    ]
    for contact in contacts:
        uid = contact_uid(contact)
        path = existing.get(uid) or folder / f"{_UNSAFE.sub('_', uid)}.vcf"
        check_replaceable(path)  # WriteError: a link, FIFO or folder is never replaced
        old = path.read_text(encoding="utf-8", errors="replace") if path.exists() else None
        text = card_text(contact, version, old)
        if old is None:
            result.created.append(path)
        elif old.replace("\r\n", "\n") == text.replace("\r\n", "\n"):
            result.unchanged.append(path)
            continue
        else:
            result.updated.append(path)
        _write_atomic(path, text)
    return result


def cards_by_uid(folder: Path) -> dict[str, Path]:
    """{UID: file} for the `.vcf` files of a vdir folder: regular files only (a FIFO would hang
    the read; a link is not a card vdirsyncer keeps)."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.vcf")):
        if not is_regular_file(path):
            continue
        for line in unfold(path.read_text(encoding="utf-8", errors="replace")):
            if _property(line) == "UID":
                found.setdefault(line.split(":", 1)[1].strip(), path)
                break
    return found


def is_regular_file(path: Path) -> bool:
    """Whether `path` is a regular file itself (not a link, FIFO, device or folder)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def card_text(contact: Contact, version: str, old: str | None = None) -> str:
    """The contact's card; with the folder's `old` card, its lines Kithbook does not manage kept."""
    ours = unfold(card_of(contact, version).serialize())
    if old is None:
        return "\r\n".join(fold(line) for line in ours) + "\r\n"
    theirs = [line for line in unfold(old) if line.upper() not in ("BEGIN:VCARD", "END:VCARD")]
    lines = []
    for line in ours[:-1]:  # END:VCARD last
        name = _property(line)
        same = next(
            (
                mine
                for mine in theirs
                if name in SAME_VALUE
                and _property(mine) == name
                and _value_key(name, mine) == _value_key(name, line)
            ),
            None,
        )
        lines.append(same or line)
    lines.extend(line for line in theirs if _property(line) not in MANAGED and not _kithbook(line))
    lines.append("END:VCARD")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def unfold(text: str) -> list[str]:
    """The logical lines of a vCard text (folded lines joined)."""
    lines: list[str] = []
    for line in re.split(r"\r\n|\r|\n", text):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        elif line.strip():
            lines.append(line)
    return lines


def fold(line: str) -> str:
    """A line folded at 75 characters, as vCard asks."""
    if len(line) <= FOLD_AT:
        return line
    parts = [line[:FOLD_AT]]
    parts.extend(" " + line[index : index + FOLD_AT - 1] for index in range(FOLD_AT, len(line), 74))
    return "\r\n".join(parts)


def _property(line: str) -> str:
    match = _NAME.match(line)
    return match[1].upper() if match else ""


def _kithbook(line: str) -> bool:
    return _property(line).startswith("X-KITHBOOK-")


def _value_key(name: str, line: str) -> str:
    """What makes two lines the same value: digits of a number, an address's case-folded text,
    an address's city, region and country."""
    value = line.split(":", 1)[1] if ":" in line else ""
    if name == "TEL":
        return re.sub(r"\D", "", value.removeprefix("tel:"))[-9:]
    if name == "ADR":  # as the importer reads it: city, region, country
        parts = (re.split(r"(?<!\\);", value) + [""] * 7)[:7]
        texts = [re.sub(r"\\(.)", r"\1", parts[index]).strip() for index in (3, 4, 6)]
        return ", ".join(text for text in texts if text).casefold()
    return value.strip().casefold()


def _write_atomic(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
