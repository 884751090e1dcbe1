"""File names for contacts: a slug from any Unicode name, free, never outside the folder.

The one slug generator: `kith new` and `kith import` name a person's file the same way, and the
loader suggests a file name with `suggest_slug`.
"""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path

from kithbook.parse.fields import SLUG

MAX_LENGTH = 60
FALLBACK = "contact"


def suggest_slug(text: str) -> str:
    """A slug made from a file stem or a name, for messages and new files."""
    from anyascii import anyascii

    words = "".join(ch if ch.isalnum() else " " for ch in anyascii(text).lower()).split()
    return "-".join(words) or FALLBACK


def make_slug(name: str) -> str:
    """`José Müller` -> `jose-muller`, `김민준` -> `gimminjun` (anyascii), cut after a whole word
    when longer than 60 characters; `contact` when nothing is left."""
    slug = suggest_slug(name)
    if len(slug) > MAX_LENGTH:
        slug = slug[: MAX_LENGTH + 1].rsplit("-", 1)[0][:MAX_LENGTH]
    return slug if SLUG.fullmatch(slug) else FALLBACK


def free_slug(slug: str, taken: Container[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`, ... the first one not `taken` (a set of slugs, or
    `FilesIn(folder)`)."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


class FilesIn(Container[str]):
    """The slugs that have a file in `folder`, asked one at a time (`slug in FilesIn(folder)`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __contains__(self, slug: object) -> bool:
        return (self.folder / f"{slug}.md").exists()


def contact_path(folder: Path, slug: str) -> Path:
    """`folder/slug.md`, refusing anything that is not a plain slug (so never a path elsewhere)."""
    if not SLUG.fullmatch(slug):
        raise ValueError(f"{slug!r} is not a slug (lowercase a-z, 0-9 and single hyphens)")
    path = folder / f"{slug}.md"
    if path.resolve().parent != folder.resolve():
        raise ValueError(f"{slug!r} would be written outside {folder}")
    return path
