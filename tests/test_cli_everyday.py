"""The everyday reading commands: --version, show, list, search, completion, and --help examples."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kithbook.cli import COMMANDS, build_parser, main, version
from kithbook.cli.common import fit_help, print_problems
from kithbook.cli.due_table import display_width
from kithbook.model import Problem

ADA = """\
---
name: Ada Quillfeather
aka: [Addie]
emails: [ada@example.org]
company: Lanternfish Analytics
tags: [climbing, python]
circle: close
---

Loves bouldering in Fontainebleau.

## Log
- 2026-10-01 -> email: Sent the climbing guide
- 2026-11-20 <-> video: Long call about her startup idea

## Private
Worried about her mother's health; cello lessons help.
"""
JOSE = """\
---
name: José Müller
company: Northwind Traders
tags: [chess]
circle: friend
status: paused
---

## Log
- 2026-11-28 <-> in-person: Chess night at the café
"""
NEW = "---\nname: Nils Newcomer\ncircle: network\n---\n"


@pytest.fixture
def root(make_network) -> Path:
    return make_network({"ada-quillfeather": ADA, "jose-muller": JOSE, "nils": NEW})


def kith(root: Path, *args: str) -> int:
    try:
        return main([*args, "--root", str(root)])
    except SystemExit as exit_:
        return int(exit_.code or 0)


def test_version_prints_the_installed_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"kith {version()}\n"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_ends_with_examples(command: str | None) -> None:
    parser, parsers = build_parser(command)
    text = (parsers[command] if command else parser).format_help()
    examples = text.split("examples:\n", 1)
    assert len(examples) == 2, f"kith {command or ''} --help has no examples"
    assert all(line.startswith("  ") for line in examples[1].splitlines() if line)
    assert "kith " + (command or "") in examples[1]


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_fits_the_terminal_except_a_command_too_long_to_break(
    command: str | None, columns: int, monkeypatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    parser, parsers = build_parser(command)
    text = (parsers[command] if command else parser).format_help()
    too_long = [line for line in text.splitlines() if len(line) > columns]
    assert all(line.startswith("  ") and "   " not in line.strip() for line in too_long), too_long


EXAMPLES = (
    "examples:\n  kith due                 whom to reach out to today, and why\n  kith due --all\n"
)


@pytest.mark.parametrize(
    ("text", "width", "fitted"),
    [
        (EXAMPLES, 80, EXAMPLES),
        (
            EXAMPLES,
            40,
            "examples:\n  kith due  whom to reach out to today,\n"
            "            and why\n  kith due --all\n",
        ),
        (
            EXAMPLES,
            30,
            "examples:\n  kith due\n      whom to reach out to\n      today, and why\n"
            "  kith due --all\n",
        ),
        ("start a new network: a Git repository", 20, "start a new network:\na Git repository"),
        (
            "  kith notify --to ntfy://ntfy.example.org/me",
            20,
            "  kith notify --to ntfy://ntfy.example.org/me",
        ),
    ],
)
def test_help_text_is_fitted_to_the_terminal_without_breaking_a_command(text, width, fitted):
    assert fit_help(text, width) == fitted


def test_show_prints_the_card_why_due_and_the_last_interactions(root: Path, capsys) -> None:
    assert kith(root, "show", "addie", "--today", "2026-12-01", "--log", "1") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "Ada Quillfeather  (ada-quillfeather, contacts/ada-quillfeather.md)"
    )
    assert "  work      Lanternfish Analytics" in out
    assert "  tags      #climbing #python" in out
    assert "  circle    close (reach out every 3w)" in out
    assert "last 1 of 2 log entries:" in out
    assert "2026-11-20 <-> video: Long call about her startup idea" in out
    assert "Sent the climbing guide" not in out
    assert "Loves bouldering" in out and "cello" not in out


@pytest.mark.parametrize(
    ("slug", "today", "due"),
    [
        ("ada", "2026-12-20", "due today: last contact"),
        ("ada", "2026-12-01", "not due: next due 11 Dec (2026-12-11)"),
        ("jose", "2026-12-01", "not due: status paused"),
        ("nils", "2026-12-01", "due today: not logged yet, one of this week's backlog picks"),
    ],
)
def test_show_says_why_a_contact_is_due_or_when_they_will_be(
    root: Path, capsys, slug: str, today: str, due: str
) -> None:
    assert kith(root, "show", slug, "--today", today) == 0
    assert f"  {due}" in capsys.readouterr().out


def test_show_private_adds_the_private_section(root: Path, capsys) -> None:
    assert kith(root, "show", "ada", "--private") == 0
    assert "cello lessons" in capsys.readouterr().out


MEMORY = "  memory    The rain-soaked camping trip in the Brecon Beacons where the tent collapsed"
ENTRY = "    2026-11-20 <-> video: Long call about her startup idea, wants an intro to Harriet"


@pytest.mark.parametrize(
    ("line", "width", "lines"),
    [
        (MEMORY, None, [MEMORY]),
        (MEMORY, 100, [MEMORY]),
        (
            MEMORY,
            60,
            [
                "  memory    The rain-soaked camping trip in the Brecon",
                "            Beacons where the tent collapsed",
            ],
        ),
        (
            ENTRY,
            60,
            [
                "    2026-11-20 <-> video: Long call about her startup idea,",
                "               wants an intro to Harriet",
            ],
        ),
        (
            "  Ada is the friend who drags me outdoors, whatever the weather says.",
            40,
            ["  Ada is the friend who drags me", "  outdoors, whatever the weather says."],
        ),
    ],
)
def test_show_wraps_a_long_line_under_its_value_in_a_narrow_terminal(line, width, lines):
    from kithbook.cli.show import fit

    assert fit(line, width) == lines


@pytest.mark.parametrize(
    ("shown", "total", "heading"),
    [(1, 1, "the one log entry"), (3, 3, "all 3 log entries"), (5, 12, "last 5 of 12 log entries")],
)
def test_show_heads_the_log_in_plain_words(shown: int, total: int, heading: str) -> None:
    from kithbook.cli.show import log_heading

    assert log_heading(shown, total) == heading


def test_show_json_is_the_list_row_with_why_due_and_the_log(root: Path, capsys) -> None:
    assert kith(root, "show", "ada", "--json", "--today", "2026-12-01") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["slug"] == "ada-quillfeather" and data["last_contact"] == "2026-11-20"
    assert [entry["date"] for entry in data["log"]] == ["2026-10-01", "2026-11-20"]


def test_show_of_an_unknown_contact_is_one_line_exit_2(root: Path, capsys) -> None:
    assert kith(root, "show", "zed") == 2
    assert capsys.readouterr().err == "kith show: error: no contact 'zed' in contacts/\n"


@pytest.mark.parametrize(
    ("filters", "slugs"),
    [
        ([], ["ada-quillfeather", "jose-muller", "nils"]),
        (["--tag", "climbing"], ["ada-quillfeather"]),
        (["--tag", "#CHESS"], ["jose-muller"]),
        (["--tag", "chess", "--tag", "python"], ["ada-quillfeather", "jose-muller"]),
        (["--circle", "close"], ["ada-quillfeather"]),
        (["--company", "northwind"], ["jose-muller"]),
        (["--status", "paused"], ["jose-muller"]),
        (["--status", "active", "--circle", "network"], ["nils"]),
        (["--tag", "nothing"], []),
    ],
)
def test_list_filters_by_tag_circle_company_and_status(
    root: Path, capsys, filters: list[str], slugs: list[str]
) -> None:
    assert kith(root, "list", "--json", *filters) == 0
    assert [row["slug"] for row in json.loads(capsys.readouterr().out)] == slugs


def test_list_prints_aligned_rows_and_a_count(root: Path, capsys) -> None:
    assert kith(root, "list", "--today", "2026-12-01") == 0
    assert capsys.readouterr().out.splitlines() == [
        "ada-quillfeather  Ada Quillfeather  close    Lanternfish Analytics  2026-11-20",
        "jose-muller       José Müller       friend   Northwind Traders      2026-11-28  paused",
        "nils              Nils Newcomer     network  -                      never",
        "3 of 3 contacts",
    ]


@pytest.mark.parametrize("name", ["김민준", "Jose\u0301 Mu\u0308ller", "Zoë Ngata"])
def test_list_aligns_names_by_the_columns_they_take_on_screen(make_network, capsys, name) -> None:
    root = make_network({"wide": f"---\nname: {name}\ncircle: close\n---\n", "ada": ADA})
    assert kith(root, "list", "--today", "2026-12-01") == 0
    rows = capsys.readouterr().out.splitlines()[:2]
    starts = [display_width(row[: row.index("close")]) for row in rows]
    assert starts[0] == starts[1]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("addie", ["ada-quillfeather aka: Addie"]),
        ("jose", ["jose-muller name: José Müller", "jose-muller slug: jose-muller"]),
        ("LANTERNFISH", ["ada-quillfeather company: Lanternfish Analytics"]),
        (
            "chess",
            ["jose-muller tags: chess", "jose-muller log 2026-11-28: Chess night at the café"],
        ),
        ("fontainebleau", ["ada-quillfeather notes: Loves bouldering in Fontainebleau."]),
        ("startup", ["ada-quillfeather log 2026-11-20: Long call about her startup idea"]),
        ("cello", []),
    ],
)
def test_search_finds_text_in_names_aliases_companies_tags_notes_and_logs(
    root: Path, capsys, text: str, found: list[str]
) -> None:
    assert kith(root, "search", text, "--json") == (0 if found else 1)
    matches = json.loads(capsys.readouterr().out)
    assert [f"{m['slug']} {m['field']}: {m['excerpt']}" for m in matches] == found


def test_search_leaves_private_sections_out_unless_asked(root: Path, capsys) -> None:
    assert kith(root, "search", "cello") == 1
    assert capsys.readouterr().out == "no contact mentions 'cello'\n"
    assert kith(root, "search", "cello", "--private") == 0
    assert "ada-quillfeather  private: Worried about" in capsys.readouterr().out


@pytest.mark.parametrize("text", ["", "  ", "\t"])
def test_search_for_nothing_is_a_one_line_error(root: Path, capsys, text: str) -> None:
    assert kith(root, "search", text) == 2
    assert capsys.readouterr().err == (
        "kith search: error: give the text to look for, such as kith search climbing\n"
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_know_every_command_and_complete_slugs(capsys, shell: str) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for command in COMMANDS:
        assert command in script
    assert "kith list --slugs" in script
    checker = {"bash": ["bash", "-n"], "zsh": ["zsh", "-n"], "fish": ["fish", "--no-execute"]}
    if shutil.which(checker[shell][0]):
        done = subprocess.run([*checker[shell]], input=script, text=True, capture_output=True)
        assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(("value", "coloured"), [(None, True), ("", True), ("1", False)])
def test_no_color_turns_colour_off_only_when_set_and_not_empty(
    monkeypatch, value: str | None, coloured: bool
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    if value is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", value)
    stream = Terminal()
    print_problems([Problem("contacts/a.md", 2, "error", "bad", "yaml")], stream)
    assert ("\033[31m" in stream.getvalue()) is coloured


def test_a_missing_dependency_is_one_line_that_says_how_to_run_kith(
    root: Path, monkeypatch, capsys
) -> None:
    import kithbook.cli.list_cmd as list_cmd

    def missing(args) -> int:
        raise ModuleNotFoundError("No module named 'phonenumbers'", name="phonenumbers")

    monkeypatch.setattr(list_cmd, "run", missing)
    assert kith(root, "list") == 2
    error = capsys.readouterr().err
    assert error.startswith("kith list: error: the Python package 'phonenumbers' is not installed")
    assert error.count("\n") == 1 and "activate" in error
