"""Review of the new surfaces: `kith show`, `list`, `search`, `due` and `notify --dry-run` print
names, companies and log lines that anyone may have written (an imported vCard, a cloned network).
On a terminal their control characters are shown as `\\xNN`, so `\\x1b]52;` cannot write the
clipboard, `\\x1b]0;` the window title, nor `\\x1b[2J` or `\\r` hide what kith printed; output to a
pipe or a file stays byte for byte (kithbook.cli.terminal)."""

from __future__ import annotations

import io
import sys

import pytest

from kithbook.cli import main
from kithbook.cli.terminal import visible

EVE = (
    '---\nname: "Eve \\e]52;c;ZWNobyBwd25lZA==\\a\\e]0;title\\a"\ncompany: "Co\\e[2J\\rX"\n'
    "circle: close\nchannel: email\nemails: [eve@example.org]\n---\n\n## Log\n"
    "- 2026-01-01 -> email: hi \x1b[1A\x1b[2Kgone\n"
)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def root(make_network, monkeypatch):
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-12-01")
    return make_network({"eve": EVE})


@pytest.mark.parametrize(
    "command",
    [
        ["show", "eve"],
        ["list"],
        ["search", "eve"],
        ["due"],
        ["notify", "--dry-run"],
        ["draft", "eve"],
    ],
)
def test_no_control_character_of_the_data_reaches_a_terminal(root, monkeypatch, command):
    out, err = FakeTerminal(), FakeTerminal()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    main([*command, "--root", str(root)])
    shown = out.getvalue() + err.getvalue()
    assert "Eve" in shown
    assert "\x07" not in shown and "\r" not in shown and "\x1b]" not in shown
    assert "\x1b[2J" not in shown and "\x1b[1A" not in shown


def test_output_to_a_pipe_is_left_as_it_is(root, capsys):
    assert main(["list", "--root", str(root)]) == 0
    assert "\x1b]52;" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b]0;t\x07b", "a\\x1b]0;t\\x07b"),
        ("x\rY", "x\\x0dY"),
        ("\x1b[31mred\x1b[0m", "\x1b[31mred\x1b[0m"),
        ("tab\tand\nline\r\n", "tab\tand\nline\r\n"),
        ("c1 \x9b2J", "c1 \\x9b2J"),
    ],
)
def test_visible_shows_control_characters_but_colours_newlines_and_tabs(text, shown):
    assert visible(text) == shown
