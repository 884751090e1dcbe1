"""`kith draft` end to end: the due reason's draft, --intent/--channel, --mailto, --copy, --log,
and one-line errors."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from kithrun import kith

ADA = """\
---
name: Ada Lovelace
emails: [ada@example.org, ada.work@example.org]
circle: friend
channel: email
memories: [The engine drawings on the back of a menu]
---

## Log
- 2026-11-10 -> email: Asked about the engine notes
"""
BOB = """\
---
name: Bob Babbage
phones: ["+44 20 7946 0999"]
circle: friend
---

## Log
- 2026-11-25 <-> phone: Long call about gears
"""


@pytest.fixture
def root(make_network) -> Path:
    return make_network({"ada-lovelace": ADA, "bob-babbage": BOB})


def test_without_an_intent_the_draft_follows_the_due_reason(root, capsys):
    assert kith(root, "draft", "ada") == 0  # a follow-up: no reply to 10 Nov
    out = capsys.readouterr().out
    assert out.startswith("Subject: ")
    assert (
        "In case my email got buried: about three weeks ago, I asked about the engine notes." in out
    )


def test_someone_not_due_gets_a_catch_up_and_a_note_saying_so(root, capsys):
    assert kith(root, "draft", "bob", "--channel", "message") == 0
    captured = capsys.readouterr()
    assert captured.err == "kith draft: Bob Babbage is not due today; a catch-up draft\n"
    assert captured.out.startswith(("Hi Bob!", "Hey Bob!", "Hello Bob!"))


def test_someone_who_declined_gets_a_note_to_think_twice(make_network, capsys):
    root = make_network({"hugo": "---\nname: Hugo Brand\nstatus: declined\n---\n"})
    assert kith(root, "draft", "hugo") == 0
    assert capsys.readouterr().err == (
        "kith draft: Hugo Brand said not now (status: declined): think twice before writing; "
        "a catch-up draft\n"
    )


def test_intent_and_channel_choose_the_template(root, capsys):
    assert kith(root, "draft", "ada", "--intent", "thanks", "--channel", "phone", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["intent"], data["channel"], data["kind"]) == ("thanks", "phone", "call")
    assert data["body"].startswith("Talking points: thanking Ada Lovelace (phone)")
    assert data["template"] == "thanks/call.j2"


def test_mailto_prints_an_encoded_link_to_the_first_address(root, capsys):
    assert kith(root, "draft", "ada", "--intent", "birthday", "--mailto") == 0
    url = capsys.readouterr().out.strip()
    parts = urlsplit(url)
    assert (parts.scheme, parts.path) == ("mailto", "ada@example.org")
    query = parse_qs(parts.query)
    assert query["subject"][0].startswith("Happy birthday")
    assert "\r\n" in query["body"][0] and " " not in url


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["draft", "zed"], "kith draft: error: no contact 'zed' in contacts/\n"),
        (
            ["draft", "ada", "--channel", "fax"],
            "kith draft: error: unknown channel 'fax'; channels are: email, phone, video, "
            "message, social, in-person, letter, event\n",
        ),
        (
            ["draft", "bob", "--mailto"],
            "kith draft: error: bob-babbage has no e-mail address for --mailto\n",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(root, capsys, args, error):
    assert kith(root, *args) == 2
    assert capsys.readouterr().err == error


def test_an_unknown_intent_is_refused_by_the_parser(root, capsys):
    assert kith(root, "draft", "ada", "--intent", "gossip") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid choice: 'gossip'" in err


def test_a_broken_network_template_is_one_line_naming_it(root, capsys):
    (root / "templates" / "follow-up").mkdir(parents=True)
    (root / "templates" / "follow-up" / "email.j2").write_text("{% if %}\n")
    assert kith(root, "draft", "ada") == 2
    err = capsys.readouterr().err
    assert err.startswith("kith draft: error: templates/follow-up/email.j2:1: error: ")
    assert err.count("\n") == 1


def fake_tool(folder: Path, name: str, script: str) -> None:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_copy_uses_a_clipboard_tool_when_there_is_one(root, tmp_path, monkeypatch, capsys):
    tools = tmp_path / "bin"
    fake_tool(tools, "xclip", f'{shutil.which("cat")} > "{tmp_path / "clipboard"}"')
    monkeypatch.setenv("PATH", str(tools))
    assert kith(root, "draft", "ada", "--copy") == 0
    captured = capsys.readouterr()
    assert (tmp_path / "clipboard").read_text() == captured.out.rstrip("\n")
    assert captured.err == "kith draft: copied to the clipboard (xclip)\n"


def test_copy_says_so_in_one_line_when_there_is_no_clipboard_tool(
    root, tmp_path, monkeypatch, capsys
):
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert kith(root, "draft", "ada", "--copy") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Subject: ")
    assert captured.err == (
        "kith draft: no clipboard tool found (wl-copy, xclip, xsel, pbcopy); copy the text above\n"
    )


def test_log_without_a_terminal_says_which_command_logs_it(root, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert kith(root, "draft", "ada", "--log") == 0
    assert capsys.readouterr().err == (
        "kith draft: once sent, log it with: "
        "kith log ada-lovelace out email 'Sent a friendly follow-up'\n"
    )
    assert (root / "contacts/ada-lovelace.md").read_text() == ADA


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_log_at_a_terminal_asks_and_logs_when_told_yes(root, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    os.environ.pop("KITHBOOK_TODAY", None)
    assert kith(root, "draft", "ada", "--log") == 0
    text = (root / "contacts/ada-lovelace.md").read_text()
    assert text == ADA + "- 2026-12-01 -> email: Sent a friendly follow-up\n"
