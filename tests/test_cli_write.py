"""The writing commands end to end: what they write, what they refuse, and their one-line errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gitrepo import commit_all, init_repo
from kithbook.cli import main
from kithbook.cli.set import typed_value
from kithbook.cli.undo import files_changed
from kithbook.config import Config
from kithbook.parse.load import load, parse_contact

ADA = """\
---
name: Ada Lovelace   # hand-written
aka: [Countess]
emails: [ada@example.org]
circle: friend
---

## Log
- 2026-11-28 -> email: Sent the notes
"""
ADA_KING = "---\nname: Augusta Ada King\nemails: [king@example.org]\n---\n"
BROKEN_EMAIL = "---\nname: Charles Babbage\nemails: [not-an-address]\n---\n"
TODAY = ["--today", "2026-12-01"]


@pytest.fixture
def root(make_network) -> Path:
    return make_network({"ada-lovelace": ADA, "ada-king": ADA_KING, "charles": BROKEN_EMAIL})


def kith(root: Path, *args: str) -> int:
    """Run `kith ARGS --root ROOT --today 2026-12-01`; argparse's exits become the return value."""
    if "--root" not in args:
        args = (*args, "--root", str(root))
    if args[0] not in ("undo", "git-setup"):
        args = (*args, *TODAY)
    try:
        return main(list(args))
    except SystemExit as exit_:
        return int(exit_.code or 0)


def ada(root: Path) -> str:
    return (root / "contacts/ada-lovelace.md").read_text()


BAD_ARGUMENTS = [
    (["log", "zed", "out", "email", "hi"], "no contact 'zed'"),
    (["log", "ada", "out", "email", "hi"], "'ada' matches 2 contacts by prefix: ada-king (Augusta"),
    (["log", "ada-lovelace", "sideways", "email", "hi"], "'sideways' is not a direction"),
    (
        ["log", "ada-lovelace", "out", "emial", "hi"],
        "unknown channel 'emial' (did you mean email?)",
    ),
    (["log", "ada-lovelace", "out", "email", "hi", "--date", "2026-02-30"], "is not a date"),
    (["log", "ada-lovelace", "out"], "give the channel and what happened"),
    (["new", "  "], "the name must not be empty"),
    (["new", "Ada Lovelace"], "matches contacts/ada-lovelace.md (same name)"),
    (
        ["new", "A. Person", "--email", "ADA@example.org"],
        "matches contacts/ada-lovelace.md (same e-mail)",
    ),
    (["new", "Someone", "--alias", "Countess"], "matches contacts/ada-lovelace.md (same name)"),
    (["new", "Someone", "--slug", "../../etc/passwd"], "is not a slug"),
    (["snooze", "ada-lovelace", "soon"], "neither a duration"),
    (["snooze", "ada-lovelace", "2026-11-01"], "is not after today"),
    (["snooze", "zed", "3w"], "no contact 'zed'"),
    (["status", "ada-lovelace", "sleeping"], "invalid choice: 'sleeping'"),
    (["status", "zed", "paused"], "no contact 'zed'"),
    (["set", "ada-lovelace", "snooze", "someday"], "snooze: 'someday' is not a date"),
    (
        ["set", "ada-lovelace", "birthday", "1990-02-30"],
        "birthday: '1990-02-30' is not a date YYYY-MM-DD, or --MM-DD when the year is unknown",
    ),
    (["set", "ada-lovelace", "private", "maybe"], "private: expected true or false"),
    (["set", "ada-lovelace", "dates", "x"], "edit it with kith edit"),
    (["set", "ada-lovelace", "a.b.c", "x"], "give KEY or KEY.SUB"),
    (["set", "zed", "company", "x"], "no contact 'zed'"),
    (["edit", "zed"], "no contact 'zed'"),
    (["undo", "--root", "/no/such/folder"], "no such folder"),
    (["sync", "--root", "/no/such/folder"], "no such folder"),
    (["git-setup"], "is not in a Git repository"),
]


@pytest.mark.parametrize(
    ("args", "message"), BAD_ARGUMENTS, ids=[" ".join(a[:3]) for a, _ in BAD_ARGUMENTS]
)
def test_a_bad_argument_is_one_line_and_exit_2(root: Path, capsys, args: list[str], message: str):
    before = ada(root)
    assert kith(root, *args) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith(f"kith {args[0]}: error: ")
    assert message in error
    assert ada(root) == before


def test_a_bad_today_variable_is_one_line_and_exit_2(root: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("KITHBOOK_TODAY", "tomorrow")
    assert main(["log", "ada-lovelace", "out", "email", "hi", "--root", str(root)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize(
    ("direction", "words", "line"),
    [
        (
            "out",
            ["email", "Congrats on the new role"],
            "- 2026-12-01 -> email: Congrats on the new role",
        ),
        ("->", ["email", "Arrow"], "- 2026-12-01 -> email: Arrow"),
        ("in", ["phone", "She", "called"], "- 2026-12-01 <- phone: She called"),
        ("<-", ["Phone", "Upper"], "- 2026-12-01 <- phone: Upper"),
        ("both", ["video", "Long call #startup"], "- 2026-12-01 <-> video: Long call #startup"),
        ("<->", ["video", "x"], "- 2026-12-01 <-> video: x"),
        ("note", ["Moved to Turin: big news"], "- 2026-12-01 note: Moved to Turin: big news"),
    ],
)
def test_log_appends_one_line_in_the_documented_form(root: Path, direction, words, line) -> None:
    assert kith(root, "log", "ada-lovelace", direction, *words) == 0
    assert ada(root) == ADA + line + "\n"


@pytest.mark.parametrize(
    "query", ["ada-l", "Ada Lovelace", "lovelace ada", "countess", "ADA-LOVELACE"]
)
def test_log_finds_the_contact_by_prefix_name_or_alias(root: Path, query: str) -> None:
    assert kith(root, "log", query, "note", "found") == 0
    assert ada(root).endswith("- 2026-12-01 note: found\n")


def test_log_takes_a_date_and_warns_about_duplicate_outreach(root: Path, capsys) -> None:
    assert kith(root, "log", "ada-lovelace", "out", "email", "Again", "--date", "2026-11-30") == 0
    err = capsys.readouterr().err
    assert "you already reached out to Ada Lovelace on 2026-11-28 (email)" in err
    assert ada(root).endswith("- 2026-11-30 -> email: Again\n")


@pytest.mark.parametrize(
    ("date", "warned"), [("2026-12-02", True), ("2027-12-01", True), ("2026-12-01", False)]
)
def test_log_warns_about_a_date_in_the_future_and_writes_it(
    root: Path, capsys, date: str, warned: bool
) -> None:
    assert kith(root, "log", "ada-lovelace", "note", "Planned", "--date", date) == 0
    warning = (
        f"kith log: warning: {date} is in the future (today is 2026-12-01); is the date right?"
    )
    assert (warning in capsys.readouterr().err) is warned
    assert ada(root).endswith(f"- {date} note: Planned\n")


def test_an_inbound_line_does_not_warn_about_outreach(root: Path, capsys) -> None:
    assert kith(root, "log", "ada-lovelace", "in", "email", "Her reply") == 0
    assert "duplicate outreach" not in capsys.readouterr().err


def test_outside_git_the_file_is_written_with_a_warning(root: Path, capsys) -> None:
    assert kith(root, "log", "ada-lovelace", "note", "x") == 0
    assert "is not in a Git repository: written, not committed" in capsys.readouterr().err


def test_a_file_with_errors_is_not_written_and_the_error_points_at_its_line(root: Path, capsys):
    before = (root / "contacts/charles.md").read_bytes()
    assert kith(root, "log", "charles", "note", "x") == 1
    err = capsys.readouterr().err
    assert "contacts/charles.md:3: error: emails: not-an-address is not a valid address" in err
    assert (root / "contacts/charles.md").read_bytes() == before


def test_an_edit_that_would_make_the_file_invalid_is_refused(root: Path, capsys) -> None:
    assert kith(root, "set", "ada-lovelace", "circle", "bestie") == 1
    assert (
        "contacts/ada-lovelace.md:5: error: circle: unknown circle 'bestie'"
        in capsys.readouterr().err
    )
    assert ada(root) == ADA


@pytest.mark.parametrize(
    ("args", "old", "new"),
    [
        (
            ["snooze", "ada-lovelace", "3w"],
            "circle: friend\n",
            "circle: friend\nsnooze: 2026-12-22\n",
        ),
        (
            ["snooze", "countess", "2027-01-10"],
            "circle: friend\n",
            "circle: friend\nsnooze: 2027-01-10\n",
        ),
        (
            ["status", "ada-lovelace", "paused"],
            "circle: friend\n",
            "circle: friend\nstatus: paused\n",
        ),
        (["set", "ada-lovelace", "circle", "close"], "circle: friend\n", "circle: close\n"),
        (
            ["set", "ada-lovelace", "company", "No"],
            "circle: friend\n",
            'circle: friend\ncompany: "No"\n',
        ),
        (
            ["set", "ada-lovelace", "emails", "a@example.org"],
            "[ada@example.org]",
            "[ada@example.org, a@example.org]",
        ),
        (
            ["set", "ada-lovelace", "links.github", "ada"],
            "circle: friend\n",
            "circle: friend\nlinks:\n  github: ada\n",
        ),
        (
            ["set", "ada-lovelace", "name", "Ada King"],
            "name: Ada Lovelace   #",
            "name: Ada King   #",
        ),
        (
            ["set", "ada-lovelace", "birthday", "1990-05-01"],
            "circle: friend\n",
            "circle: friend\nbirthday: 1990-05-01\n",
        ),
        (
            ["set", "ada-lovelace", "snooze", "2027-01-10"],
            "circle: friend\n",
            "circle: friend\nsnooze: 2027-01-10\n",
        ),
        (
            ["set", "ada-lovelace", "knows", "ada-king"],
            "circle: friend\n",
            "circle: friend\nknows: [ada-king]\n",
        ),
        (
            ["set", "ada-lovelace", "private", "yes"],
            "circle: friend\n",
            "circle: friend\nprivate: true\n",
        ),
    ],
)
def test_snooze_status_and_set_change_one_line(
    root: Path, args: list[str], old: str, new: str
) -> None:
    assert kith(root, *args) == 0
    assert ada(root) == ADA.replace(old, new, 1)


NETWORK_SETTINGS = """\
site_name: My network
plugins:
  - kithbook:
      max_file_bytes: 5000000
      channels: [email, signal]
"""


@pytest.mark.parametrize(
    ("args", "added"),
    [
        (["set", "ada-lovelace", "company", "Acme"], "company: Acme\n"),
        (["set", "ada-lovelace", "emails", "ada@example.net"], "ada@example.net"),
        (["set", "ada-lovelace", "links.github", "https://github.com/ada"], "  github: https"),
        (["snooze", "ada-lovelace", "3w"], "snooze: 2026-12-22\n"),
        (["status", "ada-lovelace", "paused"], "status: paused\n"),
        (["log", "ada-lovelace", "out", "signal", "Hello"], "- 2026-12-01 -> signal: Hello\n"),
        (["new", "Grace Hopper"], None),
    ],
)
def test_edits_check_the_file_with_the_networks_settings_not_the_defaults(
    make_network, args: list[str], added: str | None
) -> None:
    notes = "A long note about Ada.\n" * 80_000  # 1.8 MB: over the default 1 MB, under 5 MB
    big = ADA.replace("## Log\n", notes + "\n## Log\n").replace("-> email", "-> signal")
    root = make_network({"ada-lovelace": big}, NETWORK_SETTINGS)
    assert kith(root, *args) == 0
    if added is not None:
        assert added in ada(root)
    assert [problem for problem in load(root).problems if problem.severity == "error"] == []


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("birthday", "1990-05-01", dt.date(1990, 5, 1)),
        ("birthday", "--02-29", "--02-29"),
        ("snooze", "2027-01-10", dt.date(2027, 1, 10)),
        ("private", "No", False),
        ("company", "2027-01-10", "2027-01-10"),
        ("met.date", "2019", "2019"),
        ("snooze", "", None),
    ],
)
def test_set_reads_the_value_as_the_kind_the_key_holds(key: str, text: str, value) -> None:
    assert typed_value(key, text) == value


def test_a_change_that_changes_nothing_says_so(root: Path, capsys) -> None:
    assert kith(root, "set", "ada-lovelace", "circle", "friend") == 0
    assert "already so, nothing changed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("José Müller", "jose-muller"),
        ("김민준", "gimminjun"),
        ("O'Brien, Siobhán", "o-brien-siobhan"),
        ("???", "contact"),
    ],
)
def test_new_makes_a_slug_from_any_name(root: Path, name: str, slug: str) -> None:
    assert kith(root, "new", name) == 0
    contact = parse_contact(
        f"contacts/{slug}.md", (root / f"contacts/{slug}.md").read_bytes(), Config(), []
    )
    assert contact.name == name


def test_new_writes_the_template_with_the_options_given(root: Path) -> None:
    args = [
        "new",
        "Grace Hopper",
        "--email",
        "grace@example.org",
        "--circle",
        "colleague",
        "--met",
        "PyCon 2019",
        "--met-date",
        "2019-05",
        "--tag",
        "cobol",
        "--company",
        "Navy",
    ]
    assert kith(root, *args) == 0
    assert (root / "contacts/grace-hopper.md").read_text() == textwrap.dedent("""\
        ---
        name: Grace Hopper
        emails:
          - grace@example.org
        company: Navy
        tags:
          - cobol
        circle: colleague
        met:
          date: 2019-05
          where: PyCon 2019
        ---

        ## Log
        """)


def test_new_with_force_picks_a_free_slug_for_a_namesake(root: Path) -> None:
    assert kith(root, "new", "Ada Lovelace", "--force") == 0
    assert "name: Ada Lovelace" in (root / "contacts/ada-lovelace-2.md").read_text()
    assert ada(root) == ADA


def test_new_refuses_an_invalid_option_value_and_writes_nothing(root: Path, capsys) -> None:
    assert kith(root, "new", "Grace Hopper", "--circle", "bestie") == 2
    assert "unknown circle 'bestie'" in capsys.readouterr().err
    assert not (root / "contacts/grace-hopper.md").exists()


def write_editor(tmp_path: Path, action: str) -> str:
    """An $EDITOR that edits the file it is given with Python, without a terminal."""
    script = tmp_path / "editor.py"
    script.write_text(
        f"import sys\npath = sys.argv[-1]\ntext = open(path).read()\n{action}\n"
        "open(path, 'w').write(text)\n"
    )
    return f"{sys.executable} {script}"


def test_edit_validates_the_file_when_the_editor_closes(root: Path, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EDITOR", write_editor(tmp_path, "text += '- 2026-12-01 note: by hand\\n'"))
    assert kith(root, "edit", "ada-lovelace") == 0
    assert ada(root).endswith("- 2026-12-01 note: by hand\n")


def test_edit_of_a_broken_file_without_a_terminal_reports_and_does_not_hang(root: Path, tmp_path):
    editor = write_editor(tmp_path, "text = text.replace('circle: friend', 'circle: [friend')")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from kithbook.cli import main; sys.exit(main(sys.argv[1:]))",
            "edit",
            "ada-lovelace",
            "--root",
            str(root),
            *TODAY,
        ],
        env={"EDITOR": editor, "PATH": "/usr/bin:/bin"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "contacts/ada-lovelace.md:5:9: error:" in result.stderr
    assert "not committed" in result.stderr


@pytest.mark.parametrize(
    ("editor", "line", "expected"),
    [
        ("vim", 7, ["vim", "+7"]),
        ("nano -w", 3, ["nano", "-w", "+3"]),
        ("code --wait", 3, ["code", "--wait"]),
    ],
)
def test_edit_opens_editors_that_can_at_the_error_line(monkeypatch, editor, line, expected) -> None:
    from kithbook.cli.edit import editor_command

    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", editor)
    assert editor_command(Path("contacts/a.md"), line) == [*expected, "contacts/a.md"]


def test_undo_after_log_restores_the_file(make_network, capsys) -> None:
    root = make_network({"ada-lovelace": ADA})
    commit_all(init_repo(root, "T"))
    assert kith(root, "log", "ada-lovelace", "note", "oops") == 0
    assert main(["undo", "--root", str(root)]) == 0
    assert ada(root) == ADA
    assert "undone: log: ada-lovelace note" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "contacts/c0.md"),
        (4, "contacts/c0.md, contacts/c1.md, contacts/c2.md, contacts/c3.md"),
        (5, "5 files: contacts/c0.md, contacts/c1.md, contacts/c2.md and 2 more"),
        (10_000, "10000 files: contacts/c0.md, contacts/c1.md, contacts/c2.md and 9997 more"),
    ],
)
def test_undo_names_a_few_files_and_counts_many(count: int, expected: str) -> None:
    assert files_changed([f"contacts/c{number}.md" for number in range(count)]) == expected


LOG_PROGRAM = "import sys; from kithbook.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.mark.parametrize("in_git", [False, True], ids=["plain folder", "git repository"])
def test_processes_logging_to_one_contact_at_once_keep_every_line(make_network, in_git: bool):
    root = make_network({"ada-lovelace": ADA})
    if in_git:
        commit_all(init_repo(root, "T"))
    texts = [f"Process {number}" for number in range(6)]
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                LOG_PROGRAM,
                "log",
                "ada-lovelace",
                "in",
                "email",
                text,
                "--root",
                str(root),
                *TODAY,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for text in texts
    ]
    results = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * len(texts), results
    network = load(root)
    assert not network.errors
    logged = sorted(
        entry.text for entry in network.get("ada-lovelace").log if entry.text.startswith("Process")
    )
    assert logged == texts
    if in_git:
        status = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert status.stdout == ""


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("import os; os.remove(path); sys.exit(0)", "is gone (did the editor delete it?)"),
        ("open(path, 'ab').write(b'caf\\xe9\\n'); sys.exit(0)", "not valid UTF-8"),
    ],
    ids=["deleted", "saved-as-latin-1"],
)
def test_edit_never_commits_what_the_loader_cannot_read(root: Path, tmp_path, action, expected):
    script = tmp_path / "editor.py"
    script.write_text(f"import sys\npath = sys.argv[-1]\n{action}\n")
    before = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    ).stdout
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from kithbook.cli import main; sys.exit(main(sys.argv[1:]))",
            "edit",
            "ada-lovelace",
            "--root",
            str(root),
            *TODAY,
        ],
        env={"EDITOR": f"{sys.executable} {script}", "PATH": "/usr/bin:/bin"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode in (1, 2)
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    after = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    ).stdout
    assert after == before
