"""The files of a brand-new network repository (`kith init`): settings, ignores, a README.

Pure: the texts are returned, nothing is written. The tool itself is never among them; it is
installed as a package, so upgrading it never touches the network.
"""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable  # importlib.resources.abc from Python 3.11 on

CONTACTS = "contacts"
NOTES = "notes"  # mkdocs.yml's docs_dir: MkDocs needs one; pages written there appear under Help

MKDOCS_YML = """\
site_name: My network
# The site is private: it holds personal data. Never publish site/ (it is git-ignored).
# `kith serve` shows it on http://127.0.0.1:8000 only; nothing is loaded from another host.
docs_dir: notes           # your own pages, if you write any, shown under Help
theme:
  name: material
  font: false             # no Google Fonts: the system's own fonts
plugins:
  - search
  - kithbook              # settings (circles, cadences, channels...): see Kithbook's docs/format.md
# To sign your drafts, replace the line above with these two, without the leading `#`:
#  - kithbook:
#      user_name: Robin   # your name under kith draft's e-mails and letters
"""

GITIGNORE = """\
# Built by kith serve / mkdocs build: personal data, never commit or publish it.
/site/
# Kithbook's caches (rebuilt when needed).
.kithbook-cache/
__pycache__/
"""

GITATTRIBUTES = f"{CONTACTS}/*.md merge=kithbook\n"

NOTES_PAGE = """\
# About this site

This is the private site of a Kithbook network. The pages about people are made from the files
in `contacts/`; Markdown pages you add to `notes/` appear here, under Help.
"""

README = """\
# My network

My relationships, kept with Kithbook: one Markdown file per person in
`contacts/`, checked and listed by the `kith` command, shown as a private site by `kith serve`.
**This repository is personal data: keep it private.**

Every morning:

```sh
kith due                                  # whom to reach out to today, and why
kith log ada out email "Congrats on the new role"
kith new "Grace Hopper" --email grace@example.org --circle colleague
kith show ada                             # a person's card and last interactions
kith serve                                # the private site on http://127.0.0.1:8000
```

The `kith` command is installed separately, as a package (with pipx, or pip in a virtual
environment; see Kithbook's README); this repository holds only the network, so upgrading the tool
never touches it. On another machine, after cloning it, run
`kith git-setup --hook` once to register the merge driver for contact files and the pre-commit
check.
"""


def network_files(contacts: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """Relative path -> content of every file a new network starts with; `contacts` (file name ->
    bytes) go into contacts/, which otherwise holds a `.gitkeep` so Git keeps the empty folder."""
    texts = {
        "mkdocs.yml": MKDOCS_YML,
        ".gitignore": GITIGNORE,
        ".gitattributes": GITATTRIBUTES,
        "README.md": README,
        f"{NOTES}/about.md": NOTES_PAGE,
    }
    result = {path: text.encode("utf-8") for path, text in texts.items()}
    if contacts:
        result |= {f"{CONTACTS}/{name}": data for name, data in sorted(contacts.items())}
    else:
        result[f"{CONTACTS}/.gitkeep"] = b""
    return result


def demo_folder() -> Traversable:
    """The fictional demo people, shipped inside the package (kithbook/demo/contacts)."""
    return files("kithbook") / "demo" / CONTACTS


def demo_contacts() -> dict[str, bytes]:
    """File name -> bytes of every demo contact."""
    return {
        entry.name: entry.read_bytes()
        for entry in demo_folder().iterdir()
        if entry.name.endswith(".md") and not entry.name.startswith(".")
    }
