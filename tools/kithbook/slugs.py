"""File names for new contacts: a slug from any Unicode name, free, never outside the folder."""

from __future__ import annotations

from pathlib import Path

from kithbook.fields import SLUG
from kithbook.load import suggest_slug

MAX_LENGTH = 60
FALLBACK = "contact"


def make_slug(name: str) -> str:
    """`José Müller` -> `jose-muller`, `김민준` -> `gimminjun` (anyascii); else `contact`."""
    slug = suggest_slug(name)
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    return slug if SLUG.fullmatch(slug) else FALLBACK


def free_slug(folder: Path, slug: str) -> str:
    """`slug`, or `slug-2`, `slug-3`, ... the first one with no file in `folder`."""
    candidate, number = slug, 1
    while (folder / f"{candidate}.md").exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def contact_path(folder: Path, slug: str) -> Path:
    """`folder/slug.md`, refusing anything that is not a plain slug (so never a path elsewhere)."""
    if not SLUG.fullmatch(slug):
        raise ValueError(f"{slug!r} is not a slug (lowercase a-z, 0-9 and single hyphens)")
    path = folder / f"{slug}.md"
    if path.resolve().parent != folder.resolve():
        raise ValueError(f"{slug!r} would be written outside {folder}")
    return path
