"""A Git merge driver for contact files: both sides' log lines kept, keys merged one by one.

Git runs `python -m kithbook.repo.merge_driver %O %A %B %P` (installed by `kith git-setup`). Log
entries added on either side are all kept, once each, in date order (a log that was in date order
before stays so: an entry logged late with --date lands in its place); an entry removed or edited on
one side stays removed. A front-matter key changed on one side only takes that side's lines; a key changed
differently on both sides is left between conflict markers, and the driver exits 1 like Git's own.
Anything the driver cannot read falls back to Git's line-based `git merge-file`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path, PurePath

from kithbook.config import CONFIG_FILE, Config, load_config
from kithbook.parse.document import lf_text
from kithbook.write.log_units import (
    PLACEHOLDER,
    CannotMerge,
    key_chunks,
    merge_entries,
    split_log,
)
from kithbook.write.text import EditError, Text, line_ending


def merge_texts(
    base: str, ours: str, theirs: str, config: Config | None = None
) -> tuple[str, bool]:
    """The merged text and whether it holds conflicts; ours' line endings are kept. A structured
    merge is kept only if it loads with the network's `config` (default: the defaults)."""
    if ours == theirs or base == theirs:
        return ours, False
    if base == ours:
        return theirs, False
    eol = line_ending(ours)
    texts = [lf_text(text) for text in (base, ours, theirs)]  # line breaks as the loader reads them
    try:
        merged, conflicted = _structured(*texts)
        if not conflicted:
            _check_loads(merged, config or Config())
    except (CannotMerge, EditError):
        merged, conflicted = line_merge(*texts)
    return (merged.replace("\n", eol) if eol != "\n" else merged), conflicted


def _structured(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    parts = [Text.parse(text) for text in (base, ours, theirs)]
    front, front_conflict = _merge_front_matter(*(part.front_matter for part in parts))
    body, body_conflict = _merge_body(*(part.body for part in parts))
    return parts[1].head + front + parts[1].fence + body, front_conflict or body_conflict


def _merge_front_matter(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """Merge key by key: each key's lines (with the comments below them) are one unit."""
    chunks = [key_chunks(text) for text in (base, ours, theirs)]
    b, o, t = (dict(chunk) for chunk in chunks)
    order = [key for key, _ in chunks[1]]
    for index, (key, _) in enumerate(chunks[2]):
        if key not in o and key not in b:
            earlier = [k for k, _ in chunks[2][:index] if k in order]
            order.insert(order.index(earlier[-1]) + 1 if earlier else len(order), key)
    pieces: list[str] = []
    conflicted = False
    for key in order:
        text, conflict = _merge_unit(b.get(key), o.get(key), t.get(key))
        conflicted |= conflict
        pieces.append(text or "")
    return "".join(pieces), conflicted


def _merge_unit(base: str | None, ours: str | None, theirs: str | None) -> tuple[str | None, bool]:
    if ours == theirs or base == theirs:
        return ours, False
    if base == ours:
        return theirs, False
    return f"<<<<<<< ours\n{ours or ''}=======\n{theirs or ''}>>>>>>> theirs\n", True


def _merge_body(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """Log entries as a set (both sides' additions, neither side's removals); the rest by lines."""
    (rest_b, log_b, _), (rest_o, log_o, joiner), (rest_t, log_t, _) = (
        split_log(text) for text in (base, ours, theirs)
    )
    entries = merge_entries(log_b, log_o, log_t)
    rest, conflicted = _merge_unit(rest_b, rest_o, rest_t)
    if conflicted:
        rest, conflicted = line_merge(rest_b, rest_o, rest_t)
    rest = rest or ""
    block = joiner.join(entries)
    if PLACEHOLDER in rest:
        head, _, tail = rest.partition(PLACEHOLDER)
        tail = tail.replace(PLACEHOLDER + "\n", "").replace(PLACEHOLDER, "")
        if tail.startswith("\n"):
            rest = head + (block + "\n" if entries else "") + tail[1:]
        else:  # the log ends the body, without a final line break: it still has none
            rest = head + block if entries else head.removesuffix("\n")
    elif entries:
        blank = "" if rest.endswith("\n\n") or not rest else "\n"
        rest = f"{rest}{blank}## Log\n{block}\n"
    return rest, conflicted


def line_merge(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """Git's own line-based three-way merge, with ours/theirs conflict markers."""
    with tempfile.TemporaryDirectory(prefix="kith-merge-") as folder:
        paths = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8", newline="")
            paths.append(str(path))
        result = subprocess.run(
            ["git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs", *paths],
            capture_output=True,
            check=False,
        )
    if result.returncode < 0 or result.returncode > 127:
        raise CannotMerge(result.stderr.decode("utf-8", "replace").strip())
    return result.stdout.decode("utf-8"), result.returncode != 0


def _check_loads(text: str, config: Config) -> None:
    """The merged file must still load as a contact, or the structured merge is not trusted."""
    from kithbook.parse.load import parse_contact

    if parse_contact("merged.md", text.encode("utf-8"), config, []) is None:
        raise CannotMerge("the merged file would not load")


def network_config(path: str | None, top: Path) -> Config:
    """The settings of the network holding the contact file `path` (relative to the repository's
    top, where Git runs the driver): the nearest mkdocs.yml above it; else the defaults."""
    folders = PurePath(path).parents if path else [PurePath(".")]
    for folder in folders:
        if (top / folder / CONFIG_FILE).is_file():
            return load_config(top / folder)[0]
    return Config()


def main(argv: list[str] | None = None) -> int:
    """`merge_driver BASE OURS THEIRS [PATH]`: write the merge into OURS; exit 1 on conflicts."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 3:
        print(
            "usage: python -m kithbook.repo.merge_driver BASE OURS THEIRS [PATH]", file=sys.stderr
        )
        return 2
    base_path, ours_path, theirs_path = (Path(arg) for arg in args[:3])
    data = [path.read_bytes() for path in (base_path, ours_path, theirs_path)]
    try:
        texts = [chunk.decode("utf-8-sig") for chunk in data]
    except UnicodeDecodeError:
        return (
            subprocess.run(
                ["git", "merge-file", str(ours_path), str(base_path), str(theirs_path)], check=False
            ).returncode
            and 1
        )
    path = args[3] if len(args) > 3 else None
    base, ours, theirs = texts
    merged, conflicted = merge_texts(base, ours, theirs, network_config(path, Path.cwd()))
    bom = b"\xef\xbb\xbf" if data[1].startswith(b"\xef\xbb\xbf") else b""
    ours_path.write_bytes(bom + merged.encode("utf-8"))
    if conflicted:
        shown = path or ours_path.name
        print(
            f"kith merge: conflict in {shown}: the same key was changed on both sides",
            file=sys.stderr,
        )
    return 1 if conflicted else 0


if __name__ == "__main__":
    sys.exit(main())
