"""Which folder is the network: `--root`, else `$KITHBOOK_ROOT`, else the nearest folder upwards
that holds `contacts/` or a `mkdocs.yml` naming the `kithbook` plugin (as Git finds `.git`).

Outside any network a command stops with one line instead of acting on an empty folder.
"""

from __future__ import annotations

from pathlib import Path

from kithbook.config import CONFIG_FILE
from kithbook.errors import KithbookError

CONTACTS = "contacts"


class NotANetwork(KithbookError):
    """No network here or above, or the folder named is not one."""


def is_network(folder: Path) -> bool:
    """`folder` holds a `contacts/` folder or a `mkdocs.yml` with the kithbook plugin."""
    return (folder / CONTACTS).is_dir() or names_kithbook_plugin(folder / CONFIG_FILE)


def names_kithbook_plugin(path: Path) -> bool:
    """`path` is an mkdocs.yml whose `plugins` list the `kithbook` plugin."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from kithbook.parse.yamlnodes import YAMLSyntaxError, compose

    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        document = compose(text)
    except (OSError, YAMLSyntaxError):
        return False
    if not isinstance(document, MappingNode):
        return False
    for key, value in document.value:
        if not (isinstance(key, ScalarNode) and key.value == "plugins"):
            continue
        items = value.value if isinstance(value, (SequenceNode, MappingNode)) else []
        for item in items:
            node = item[0] if isinstance(item, tuple) else item
            if isinstance(node, MappingNode):
                node = node.value[0][0] if node.value else None
            if isinstance(node, ScalarNode) and node.value == "kithbook":
                return True
    return False


def find_network(start: Path, variable: str | None = None) -> Path:
    """The network's folder: `variable` ($KITHBOOK_ROOT) if set, else `start` or the nearest folder
    above it that is a network; `start` itself is returned as given (messages stay relative)."""
    if variable:
        folder = Path(variable).expanduser()
        if not folder.is_dir() or not is_network(folder):
            raise NotANetwork(
                f"$KITHBOOK_ROOT={variable}: not a Kithbook network (no contacts/ folder or "
                "mkdocs.yml with the kithbook plugin)"
            )
        return folder
    if is_network(start):
        return start
    for folder in start.resolve().parents:
        if is_network(folder):
            return folder
    raise NotANetwork(
        "not in a Kithbook network (no contacts/ folder or mkdocs.yml with the kithbook plugin "
        "here or in any folder above); cd into one, pass --root DIR, or start one with kith init"
    )
