"""`kith completion bash|zsh|fish`: a shell completion script generated from kith's own parser
(with shtab), so it always knows every command and option; slugs are completed from
`kith list --slugs` in the network you are in."""

from __future__ import annotations

import argparse

HELP = "print a shell completion script for bash, zsh or fish"
EXAMPLES = """\
examples:
  kith completion bash > ~/.local/share/bash-completion/completions/kith
  kith completion zsh > "${fpath[1]}/_kith"
  kith completion fish > ~/.config/fish/completions/kith.fish
"""

SHELLS = ("bash", "zsh", "fish")
SLUG_NAMES = ("slug", "slugs", "via", "into", "other")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")


def script(shell: str) -> str:
    """The completion script for `shell`, with SLUG arguments completed from the network."""
    import shtab

    from kithbook.cli import build_parser

    parser, parsers = build_parser()
    slugs = shtab.cmd("kith list --slugs 2>/dev/null")
    for sub in parsers.values():
        for action in sub._actions:  # noqa: SLF001 - argparse keeps no public list of actions
            if action.dest in SLUG_NAMES:
                action.complete = slugs  # type: ignore[attr-defined]
            elif action.dest in ("root", "folder"):
                action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    return shtab.complete(parser, shell=shell)


def run(args: argparse.Namespace) -> int:
    print(script(args.shell))
    return 0
