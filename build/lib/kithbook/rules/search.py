"""`kith search TEXT`: where a text appears in the network, field by field.

Pure: a function of the loaded network. Matching ignores case and accents ("jose" finds "José").
The `## Private` section is searched only when asked (`private=True`): search results are often
shown or pasted elsewhere, so private notes stay out unless you mean them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from kithbook.model import Contact, Network

EXCERPT = 70


@dataclass(frozen=True)
class Match:
    """One place `text` was found: the contact, the field (`name`, `log 2026-11-20`, ...), the
    field's line in the file, and an excerpt of the value around the match."""

    contact: Contact
    field: str
    line: int
    excerpt: str

    def to_json(self) -> dict[str, object]:
        return {
            "slug": self.contact.slug,
            "name": self.contact.name,
            "field": self.field,
            "path": self.contact.path,
            "line": self.line,
            "excerpt": self.excerpt,
        }


def fold(text: str) -> str:
    """Lower case without accents: the form both sides of a search are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def search(network: Network, text: str, *, private: bool = False) -> list[Match]:
    """Every field of every contact holding `text`, in network order, fields in file order."""
    wanted = fold(text.strip())
    if not wanted:
        return []
    return [
        Match(contact, field, line, _excerpt(value, wanted))
        for contact in network.contacts
        for field, line, value in _fields(contact, private)
        if wanted in fold(value)
    ]


def _fields(contact: Contact, private: bool) -> Iterator[tuple[str, int, str]]:
    """(field, line, text) of everything searchable, in the order a file is usually written."""
    yield "name", contact.line_of("name"), contact.name
    yield "slug", 1, contact.slug
    for key in ("aka", "emails", "tags", "memories", "goals"):
        items = getattr(contact, key)
        lines = contact.item_lines.get(key, ())
        for index, item in enumerate(items):
            line = lines[index] if index < len(lines) else contact.line_of(key)
            yield key, line, item
    for key in ("company", "role", "location"):
        value = getattr(contact, key)
        if value:
            yield key, contact.line_of(key), value
    if contact.met and contact.met.where:
        yield "met", contact.line_of("met"), contact.met.where
    if contact.notes.strip():
        yield from _paragraphs("notes", contact.notes, contact.body_line)
    for entry in contact.log:
        yield f"log {entry.date.isoformat()}", entry.line, entry.text
    if private and contact.private_notes.strip():
        yield from _paragraphs("private", contact.private_notes, contact.body_line)


def _paragraphs(field: str, text: str, line: int) -> Iterator[tuple[str, int, str]]:
    """Notes line by line, so an excerpt shows the line that matched."""
    for row in text.splitlines():
        if row.strip():
            yield field, line, row.strip()


def _excerpt(value: str, wanted: str) -> str:
    """The value, or about EXCERPT characters of it around the first match."""
    value = " ".join(value.split())
    if len(value) <= EXCERPT:
        return value
    start = max(fold(value).find(wanted) - EXCERPT // 3, 0)
    piece = value[start : start + EXCERPT]
    return ("…" if start else "") + piece + ("…" if start + EXCERPT < len(value) else "")
