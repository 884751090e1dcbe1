"""The one loader: contact files (from disk or from memory) into a Network, never raising for bad data.

Every tool and the site get their contacts from `load`. Problems found while reading become values
in `Network.problems`; a file that cannot be read at all costs one problem, not the run.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kithbook.cache import Scanned, may_be_file
from kithbook.config import Config, load_config
from kithbook.gc_pause import garbage_collector_paused
from kithbook.model import Check, Contact, Network, Problem
from kithbook.parse.body import parse_body
from kithbook.parse.document import DocumentError, decode, split
from kithbook.parse.fields import SLUG, FieldReader
from kithbook.parse.key_typos import did_you_mean_key
from kithbook.parse.keys import KEYS
from kithbook.parse.slugs import RESERVED, free_slug, suggest_slug
from kithbook.parse.yamlnodes import (
    BOOL,
    MAX_NODES,
    MERGE,
    NULL,
    TooComplex,
    YAMLSyntaxError,
    compose,
    count_nodes,
    key_text,
    line_of,
    to_python,
)
from kithbook.public import looks_private


def load(
    root: Path | str = ".",
    *,
    config: Config | None = None,
    cache: bool = False,
    scanned: list[Scanned] | None = None,
) -> Network:
    """Read `<root>/mkdocs.yml` and every `<root>/contacts/*.md` into a Network. With `cache`, files
    unchanged since an earlier run come from the per-file cache (`kithbook.parse.cache`): the same
    Network, without re-reading them; `scanned` is then the contacts folder as `scan_folder` saw it
    before any file was read (looked at here when None)."""
    root = Path(root)
    problems: list[Problem] = []
    if config is None:
        config, problems = load_config(root)
    if cache:
        from kithbook.parse.cache import load_cached

        private_unreadable: set[str] = set()
        contacts = load_cached(root, config, problems, private_unreadable, scanned)
        contacts.sort(key=lambda contact: contact.slug)
        return Network(root, config, contacts, problems, private_unreadable)
    return load_files(root, config, read_contact_files(root, config, problems), problems)


def contact_paths(root: Path, config: Config) -> list[Path]:
    """The contact files of a network, sorted: `*.md` directly in the contacts folder."""
    folder = root / config.contacts_dir
    return [folder / name for name in _contact_names(folder)]


def is_contact_name(name: str) -> bool:
    """Whether a file of this name right in the contacts folder is a contact (`*.md`, not hidden),
    provided it is a file (or a link to one): the rule for the folder on disk and in a Git commit."""
    return name.endswith(".md") and not name.startswith(".")


def _contact_names(folder: Path) -> list[str]:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(
        entry.name for entry in entries if is_contact_name(entry.name) and may_be_file(entry)
    )


def read_contact_files(
    root: Path, config: Config, problems: list[Problem]
) -> Iterable[tuple[str, bytes]]:
    """(relative path, bytes) for each contact file; unreadable or oversized files become problems."""
    folder = os.path.join(root, config.contacts_dir)
    prefix = Path(config.contacts_dir).as_posix()
    for name in _contact_names(Path(folder)):
        relative = f"{prefix}/{name}"
        try:
            data = read_at_most(os.path.join(folder, name), config.max_file_bytes + 1)
        except OSError as error:
            problems.append(
                Problem(relative, 1, "error", f"cannot read the file: {error.strerror}", Check.FILE)
            )
            continue
        yield relative, data


def read_at_most(path: str, limit: int, size: int | None = None) -> bytes:
    """The file's bytes, or its first `limit` bytes when it is longer (a stray video, /dev/zero).

    Reads as much as the file holds rather than `limit`: asking for 1 MB allocates 1 MB, which for
    10,000 small files costs more system time than reading them. Plain `os` calls, as `open()`
    adds an isatty and a seek per file. `size`: the size of the regular file a caller just looked
    at (the file is read to its end whatever its size now), which saves a stat.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        if size is None:
            found = os.fstat(descriptor)
            size = found.st_size
            regular = stat.S_ISREG(found.st_mode)
        else:
            regular = True  # the caller saw a regular file of this size
        chunks = []
        wanted = min(size + 1, limit) if size else limit  # +1: a file that grew is seen whole
        while wanted > 0:
            chunk = os.read(descriptor, wanted)
            if not chunk:
                break
            chunks.append(chunk)
            limit -= len(chunk)
            if regular and len(chunk) < wanted:  # a file's short read is its end: no 2nd call
                break
            wanted = min(wanted, limit)
        return b"".join(chunks) if len(chunks) != 1 else chunks[0]
    finally:
        os.close(descriptor)


def load_files(
    root: Path,
    config: Config,
    files: Iterable[tuple[str, bytes]],
    problems: list[Problem] | None = None,
) -> Network:
    """A Network from (relative path, bytes) pairs: files on disk, in a Git commit, or about to be written."""
    problems = [] if problems is None else problems
    contacts: list[Contact] = []
    private_unreadable: set[str] = set()
    with garbage_collector_paused():
        for relative, data in files:
            contact = parse_contact(relative, data, config, problems)
            if contact is not None:
                contacts.append(contact)
            elif looks_private(data):
                private_unreadable.add(relative)
    contacts.sort(key=lambda contact: contact.slug)
    return Network(root, config, contacts, problems, private_unreadable)


def parse_contact(
    relative: str, data: bytes, config: Config, problems: list[Problem]
) -> Contact | None:
    """One contact file's bytes as a Contact; None when there is no usable front matter at all."""
    if len(data) > config.max_file_bytes:
        problems.append(Problem(relative, 1, "error", _too_large(config), Check.FILE))
        return None
    conflict = conflict_line(data)
    if conflict:
        problems.append(Problem(relative, conflict, "error", CONFLICT_MESSAGE, Check.CONFLICT))
        return None
    try:
        document = split(decode(data))
    except DocumentError as error:
        problems.append(Problem(relative, error.line, "error", error.message, Check.FRONT_MATTER))
        return None
    offset = document.front_matter_line
    try:
        root_node = compose(document.front_matter)
    except YAMLSyntaxError as error:
        message = f"front matter is not valid YAML: {error.message}"
        line = error.line + offset
        problems.append(Problem(relative, line, "error", message, Check.YAML, error.column))
        return None
    if (
        "*" in document.front_matter
        and root_node is not None
        and count_nodes(root_node) > MAX_NODES
    ):
        message = "front matter expands to too many values (YAML aliases?); write the values out"
        problems.append(Problem(relative, offset, "error", message, Check.YAML))
        return None
    if root_node is None or (isinstance(root_node, ScalarNode) and not root_node.value.strip()):
        root_node = MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(root_node, MappingNode):
        message = "front matter must be 'key: value' lines (a mapping), not a list or a bare value"
        problems.append(
            Problem(relative, line_of(root_node) + offset, "error", message, Check.FRONT_MATTER)
        )
        return None

    file_name = relative.rpartition("/")[2]  # posixpath.basename, without its call
    slug = posixpath.splitext(file_name)[0]
    if not SLUG.fullmatch(slug):
        message = (
            f"file name {file_name!r} is not a slug (lowercase a-z, 0-9 and single "
            f"hyphens); rename it, for example to {suggest_slug(slug)}.md"
        )
        problems.append(Problem(relative, 1, "error", message, Check.SLUG))
    elif slug in RESERVED:
        message = (
            f"file name {file_name!r} is the name of a site page, so the site shows this contact "
            f"under another name; rename it, for example to {free_slug(slug, RESERVED)}.md"
        )
        problems.append(Problem(relative, 1, "warning", message, Check.SLUG))
    reader = FieldReader(relative, offset, problems)
    values = _read_keys(reader, root_node, slug)
    if not values.get("private") and "privat" in document.front_matter.lower():
        _keep_private_if_nested(reader, root_node, values)
    body = parse_body(document.body, document.body_line, relative, config.channels)
    problems.extend(body.problems)
    return Contact(
        slug=slug,
        path=relative,
        log=body.log,
        body=document.body,
        notes=body.notes,
        private_notes=body.private_notes,
        body_line=document.body_line,
        **values,
    )


_OURS_MARKER = re.compile(rb"^<<<<<<<(?:[ \t]|\r?$)", re.MULTILINE)
_THEIRS_MARKER = re.compile(rb"^>>>>>>>(?:[ \t]|\r?$)", re.MULTILINE)
CONFLICT_MESSAGE = (
    "conflict markers: the file holds an unresolved Git merge conflict (<<<<<<<, =======, "
    ">>>>>>>); keep what each side should keep, delete the marker lines, then git add the file"
)


def conflict_line(data: bytes) -> int:
    """The line of the first `<<<<<<<` conflict marker when a `>>>>>>>` follows it; else 0."""
    if b"<<<<<<<" not in data:  # nearly every file: a substring test costs a tenth of the regex
        return 0
    ours = _OURS_MARKER.search(data)
    if ours is None or _THEIRS_MARKER.search(data, ours.end()) is None:
        return 0
    return data.count(b"\n", 0, ours.start()) + 1


def _read_keys(reader: FieldReader, mapping: MappingNode, slug: str) -> dict[str, Any]:
    """The keyword arguments of Contact from the front matter's top-level keys."""
    lines: dict[str, int] = {}
    values: dict[str, Any] = {"lines": lines, "item_lines": {}, "extra": {}}
    offset = reader.line_offset
    key_names, readers = _KEY_NAMES, KEYS
    for key_node, value_node in mapping.value:
        written = key_node.value if type(key_node) is ScalarNode else key_text(key_node)
        key = key_names.get(written, written)
        line = key_node.start_mark.line + offset
        if key == "<<" and key_node.tag == MERGE:
            reader.report(
                key_node,
                "'<<' merge keys are not supported in contact files; write the keys out",
                Check.YAML,
            )
            if merges_private(value_node):
                values["private"] = True  # what YAML would load is private: fail safe, hide it
            continue
        if key in lines:
            reader.report(
                lines[key],
                f"{key}: written twice (again on line {line}); YAML keeps only the last one, "
                "so remove or merge one of them",
                Check.DUPLICATE_KEY,
            )
        lines[key] = line
        known = readers.get(key)
        if known is not None:
            known(reader, key, value_node, values)
        else:
            try:
                values["extra"][key] = to_python(value_node)
                if values["extra"][key] not in (False, None) and did_you_mean_key(key) == "private":
                    values["private"] = (
                        True  # `Private: true`, `privat: yes`: fail safe, keep it hidden
                    )
            except TooComplex:
                reader.report(
                    key_node,
                    f"{key}: nested too deeply or too large to read; write it more simply",
                    Check.YAML,
                )
    if values.get("name") is None:
        if "name" not in lines:
            reader.report(
                offset - 1, "name: is required, as in 'name: Ada Lovelace'", Check.REQUIRED
            )
        values["name"] = slug.replace("-", " ").title()
    return values


def _keep_private_if_nested(reader: FieldReader, mapping: MappingNode, values: dict) -> None:
    """Fail safe for a slipped indentation: a `private` key (not plainly false) anywhere below the
    top level (`met:` then an indented `private: true`) keeps the contact private, with a warning."""
    for key_node, value_node in mapping.value:
        if key_text(key_node) == "<<":
            continue  # merge keys: `merges_private` decided, as YAML would load them
        nested = _private_key_in(value_node, set())
        if nested is not None:
            values["private"] = True
            reader.report(
                nested,
                f"{key_text(nested)}: written under {key_text(key_node)}, where it means nothing; "
                "the contact is kept private until you move it to the top level or remove it",
                Check.UNKNOWN_KEY,
                "warning",
            )
            return


def _private_key_in(node: Node, seen: set[int]) -> Node | None:
    """The key node of a `private`-looking key with a value not plainly false, at any depth."""
    if id(node) in seen:
        return None
    seen.add(id(node))
    children: list[Node] = []
    if isinstance(node, SequenceNode):
        children = node.value
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if key_text(key_node).lower().startswith("privat") and not _plainly_false(value_node):
                return key_node
            children.append(value_node)
    for child in children:
        found = _private_key_in(child, seen)
        if found is not None:
            return found
    return None


def merges_private(node: Node, seen: set[int] | None = None) -> bool:
    """Whether a merge key's value (a mapping, or a list of them, merge keys of their own
    included) brings a `private` key (or a misspelling of it) that is not plainly false."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return False
    seen.add(id(node))
    if isinstance(node, SequenceNode):
        return any(merges_private(item, seen) for item in node.value)
    if not isinstance(node, MappingNode):
        return False
    for key_node, value_node in node.value:
        key = key_text(key_node)
        if key == "<<" and key_node.tag == MERGE:
            if merges_private(value_node, seen):
                return True
        elif (key == "private" or did_you_mean_key(key) == "private") and not _plainly_false(
            value_node
        ):
            return True
    return False


def _plainly_false(node: Node) -> bool:
    return isinstance(node, ScalarNode) and (
        node.tag == NULL or (node.tag == BOOL and node.value.lower() in ("false", "no", "off", "n"))
    )


_KEY_NAMES = {key: key for key in KEYS}  # 10,000 contacts share one string per key name


def _too_large(config: Config) -> str:
    return (
        f"the file is larger than {config.max_file_bytes / 1_000_000:g} MB, the limit for a "
        "contact file (max_file_bytes in mkdocs.yml); is it really a contact?"
    )
