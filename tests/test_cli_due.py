"""`kith due` and `tools/due.py`: output, exit codes, options, and the cache seen from outside."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from icalendar import Calendar

from gitrepo import commit_all, init_repo
from kithbook.cli import main

TOOLS = Path(__file__).resolve().parent.parent / "tools"
OLD = time.time_ns() - 3_600_000_000_000


def contact(front: str, *log: str, name: str) -> str:
    return (
        "\n".join(["---", f"name: {name}", front, "---", "", "## Log", *(f"- {e}" for e in log)])
        + "\n"
    )


NETWORK = {
    "ada": contact(
        "circle: friend\ntags: [python]\nchannel: email\nemails: [ada@example.org]",
        "2026-09-01 <-> email: long catch-up about climbing",
        name="Ada Lovelace",
    ),
    "bo": contact(
        "circle: close\ntags: [music]\nbirthday: 1986-12-01",
        "2026-11-25 <-> phone: hi",
        name="Bo Chen",
    ),
    "cy": contact("circle: colleague", "2026-11-20 -> email: sent the proposal", name="Cy Park"),
    "di": contact("circle: network\ngoals: [ask about the grant]", name="Di Okoro"),
}


def due(*args: str, root: Path) -> int:
    return main(["due", "--root", str(root), "--today", "2026-12-01", *args])


@pytest.fixture
def network(make_network):
    return make_network(NETWORK)


def test_the_table_shows_the_plan_then_counts_the_rest(network, capsys):
    assert due(root=network) == 0
    out = capsys.readouterr().out
    headings = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headings == [
        "Today's plan (3)",
        "also overdue: 1 follow-up; kith due --all",
        "4 due, 3 in today's plan, 0 snoozed, 1 awaiting reply",
    ]
    assert "  Bo Chen       birthday today (turns 40) [cannot wait]" in out
    assert (
        "  Ada Lovelace  last contact 3 months ago, 4 weeks overdue (friend circle: every 2 months)"
        in out
    )
    assert "reach  email · ada@example.org" in out
    assert "last   1 Sep <-> email: long catch-up about climbing" in out
    assert "goal   ask about the grant" in out
    assert "\x1b[" not in out


def test_problems_come_first_in_file_line_form_and_exit_1(make_network, capsys):
    root = make_network(
        {**NETWORK, "bad": contact("circle: frend", "2026-11-01 <-> email: x", name="Bad")}
    )
    assert due(root=root) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("contacts/bad.md:3: error: circle: unknown circle 'frend'")
    assert (
        lines[-1] == "4 due, 3 in today's plan, 0 snoozed, 1 awaiting reply; "
        "1 left out until their errors are fixed"
    )


def test_nobody_due_is_still_success(make_network, capsys):
    root = make_network({"ada": contact("circle: friend", "2026-11-30 <-> email: hi", name="Ada")})
    assert due(root=root) == 0
    assert capsys.readouterr().out == "Nobody is due today.\n\n0 due, 0 snoozed, 0 awaiting reply\n"


def test_json_has_the_documented_shape(network, capsys):
    assert due("--json", root=network) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"today", "items", "problems"}
    assert data["today"] == "2026-12-01"
    assert [(item["slug"], item["kind"], item["plan"]) for item in data["items"]] == [
        ("bo", "occasion", True),
        ("ada", "reconnect", True),
        ("di", "backlog", True),
        ("cy", "follow-up", False),
    ]
    assert (data["per_day"], data["coming_up"]) == (3, [])
    assert data["counts"] == {
        "follow-up": 1, "occasion": 1, "timely": 0, "reconnect": 1, "backlog": 1
    }  # fmt: skip
    assert set(data["items"][0]) == {
        "slug",
        "name",
        "kind",
        "due",
        "reason",
        "channel",
        "score",
        "other_reasons",
        "upcoming",
        "plan",
        "urgent",
        "priority",
        "note",
    }


FILTERS = [
    pytest.param(["--kind", "reconnect"], ["ada"], id="kind"),
    pytest.param(["--kind", "backlog", "--kind", "follow-up"], ["di", "cy"], id="kinds"),
    pytest.param(["--tag", "music"], ["bo"], id="tag"),
    pytest.param(["--circle", "friend", "--circle", "network"], ["ada", "di"], id="circles"),
    pytest.param(["--limit", "2"], ["bo", "ada"], id="limit"),
    pytest.param(
        ["--upcoming", "7d", "--kind", "reconnect"], ["ada"], id="upcoming-adds-nothing-due-later"
    ),
]


@pytest.mark.parametrize(("args", "slugs"), FILTERS)
def test_filters_narrow_the_list(network, capsys, args, slugs):
    assert due("--json", *args, root=network) == 0
    assert [item["slug"] for item in json.loads(capsys.readouterr().out)["items"]] == slugs


def test_upcoming_adds_what_falls_due_in_the_next_days(make_network, capsys):
    root = make_network({"ada": contact("circle: friend", "2026-10-05 <-> email: hi", name="Ada")})
    due("--json", root=root)
    assert json.loads(capsys.readouterr().out)["items"] == []
    due("--json", "--upcoming", "1w", root=root)
    assert [item["due"] for item in json.loads(capsys.readouterr().out)["items"]] == ["2026-12-05"]


def test_today_comes_from_the_environment(network, capsys, monkeypatch):
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-11-01")
    assert main(["due", "--root", str(network), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["today"] == "2026-11-01"


BAD_ARGUMENTS = [
    pytest.param(
        ["--today", "2026-13-01"],
        "kith due: error: argument --today: '2026-13-01' is not a date",
        id="today",
    ),
    pytest.param(
        ["--kind", "birthday"],
        "kith due: error: argument --kind: invalid choice: 'birthday'",
        id="kind",
    ),
    pytest.param(
        ["--circle", "frend"],
        "kith due: error: --circle frend: no such circle (did you mean friend?)",
        id="circle",
    ),
    pytest.param(
        ["--limit", "0"],
        "kith due: error: argument --limit: '0' is not a positive whole number",
        id="limit",
    ),
    pytest.param(
        ["--upcoming", "soon"],
        "kith due: error: argument --upcoming: 'soon' is not a number of days",
        id="upcoming",
    ),
    pytest.param(["--at", "HEAD"], "kith due: error: --at: ", id="at-outside-a-repository"),
]


def exit_code(argv: list[str]) -> int:
    """The exit code of `kith`, whether argparse exits or the command returns."""
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code)


@pytest.mark.parametrize(("args", "message"), BAD_ARGUMENTS)
def test_bad_arguments_are_one_line_and_exit_2(network, capsys, args, message):
    assert exit_code(["due", "--root", str(network), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_a_bad_environment_date_is_exit_2(network, capsys, monkeypatch):
    monkeypatch.setenv("KITHBOOK_TODAY", "tomorrow")
    assert main(["due", "--root", str(network)]) == 2
    assert (
        capsys.readouterr().err
        == "kith due: error: $KITHBOOK_TODAY='tomorrow' is not a date YYYY-MM-DD\n"
    )


def test_ics_writes_a_calendar_and_keeps_json_clean(network, tmp_path, capsys):
    target = tmp_path / "due.ics"
    assert due("--json", "--ics", str(target), root=network) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["today"] == "2026-12-01"
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    events = target.read_bytes().count(b"BEGIN:VEVENT")  # the message counts what the file holds
    assert captured.err.startswith(f"kith due: wrote {events} events to {target}")


FAMILY = {
    "ed": contact("circle: close\ntags: [family]\nbirthday: 1960-03-02", name="Ed Family"),
    "fay": contact("circle: friend\nbirthday: --07-09", name="Fay Friend"),
}


@pytest.mark.parametrize(
    ("args", "items", "birthdays"),
    [
        pytest.param([], ["ada", "cy", "di", "ed", "fay"], ["bo", "ed", "fay"], id="no-filter"),
        pytest.param(
            ["--kind", "reconnect"], ["ada"], ["bo", "ed", "fay"], id="kind-narrows-items-only"
        ),
        pytest.param(["--limit", "2"], ["ed"], ["bo", "ed", "fay"], id="limit-narrows-items-only"),
        pytest.param(["--tag", "family"], ["ed"], ["ed"], id="tag-narrows-both"),
        pytest.param(["--circle", "close"], ["ed"], ["bo", "ed"], id="circle-narrows-both"),
    ],
)
def test_the_calendars_dates_follow_tag_and_circle_but_not_kind(
    make_network, tmp_path, capsys, args, items, birthdays
):
    root = make_network({**NETWORK, **FAMILY})
    target = tmp_path / "due.ics"
    assert due("--ics", str(target), *args, root=root) == 0
    uids = [str(event["uid"]) for event in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    due_items = [re.match(r"due-(?:follow-up|[a-z]+)-([a-z]+)-", uid) for uid in uids]
    dates = [re.match(r"birthday-([a-z]+)-", uid) for uid in uids]
    assert sorted(match[1] for match in due_items if match) == items
    assert sorted(match[1] for match in dates if match) == birthdays


PRIVATE = contact(
    "circle: friend\nprivate: true\nbirthday: 1980-12-10",
    "2026-08-01 <-> phone: long talk",
    name="Pia Private",
)


@pytest.mark.parametrize(
    ("args", "in_calendar"),
    [
        pytest.param([], False, id="left-out-by-default"),
        pytest.param(["--include-private"], True, id="included-when-asked"),
    ],
)
def test_private_contacts_stay_out_of_the_calendar_unless_asked(
    make_network, tmp_path, capsys, args, in_calendar
):
    root = make_network({**NETWORK, "pia": PRIVATE})
    target = tmp_path / "due.ics"
    assert due("--json", "--ics", str(target), *args, root=root) == 0
    assert "pia" in [item["slug"] for item in json.loads(capsys.readouterr().out)["items"]]
    calendar = target.read_text(encoding="utf-8")
    assert ("Pia Private" in calendar, "-pia-" in calendar) == (in_calendar, in_calendar)


@pytest.mark.parametrize(
    ("terminal", "start"),
    [
        pytest.param(False, '{"today":"2026-12-01","items":[{', id="compact-when-piped"),
        pytest.param(
            True, '{\n  "today": "2026-12-01",\n  "items": [\n', id="indented-at-a-terminal"
        ),
    ],
)
def test_json_is_compact_for_programs_and_indented_for_people(
    network, capsys, monkeypatch, terminal, start
):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: terminal)
    assert due("--json", "--no-cache", root=network) == 0
    out = capsys.readouterr().out
    assert out.startswith(start)
    assert (out.count("\n") == 1) is not terminal
    assert json.loads(out)["today"] == "2026-12-01"


def test_at_a_date_reads_the_commit_and_defaults_today(make_network, capsys, monkeypatch):
    monkeypatch.delenv("KITHBOOK_TODAY", raising=False)
    root = make_network(NETWORK)
    commit_all(init_repo(root, "T"), "network", date="2026-11-28T12:00:00+00:00")
    (root / "contacts" / "cy.md").unlink()
    assert main(["due", "--root", str(root), "--json", "--at", "2026-11-30"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["today"] == "2026-11-30"
    assert "cy" in [item["slug"] for item in data["items"]]
    assert captured.err.startswith("kith due: the network as committed in ")


def test_an_unchanged_network_is_answered_from_the_cache(network, capsys):
    for path in (network / "contacts").iterdir():
        os.utime(path, ns=(OLD, OLD))
    due("--json", root=network)
    first = capsys.readouterr().out
    assert list((network / ".kithbook-cache" / "due").glob("*.json"))
    due("--json", root=network)
    assert capsys.readouterr().out == first
    (network / "contacts" / "cy.md").write_text(contact("circle: colleague", name="Cy Park"))
    due("--json", root=network)
    assert [item["slug"] for item in json.loads(capsys.readouterr().out)["items"]][0] != "cy"


def test_the_script_runs_like_the_command(network):
    done = subprocess.run(
        [
            sys.executable,
            str(TOOLS / "due.py"),
            "--root",
            str(network),
            "--today",
            "2026-12-01",
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.splitlines()[-1]) == (
        0,
        "4 due, 3 in today's plan, 0 snoozed, 1 awaiting reply",
    )


PLAN_OPTIONS = [
    pytest.param([], None, ["bo", "ada", "di"], id="three-by-default"),
    pytest.param(["--per-day", "1"], None, ["bo"], id="per-day-option"),
    pytest.param([], "      per_day: 2\n", ["bo", "di"], id="per-day-in-mkdocs-yml"),
    pytest.param(["--per-day", "2"], "      per_day: 1\n", ["bo", "di"], id="option-wins"),
]


@pytest.mark.parametrize(("args", "config", "plan"), PLAN_OPTIONS)
def test_per_day_sets_the_size_of_todays_plan(make_network, capsys, args, config, plan):
    text = f"site_name: T\nplugins:\n  - kithbook:\n{config}" if config else None
    root = make_network(NETWORK, text)
    assert due("--json", *args, root=root) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["slug"] for item in data["items"] if item["plan"]] == plan
    assert len(data["items"]) == 4
    assert data["per_day"] == (int(args[1]) if args else len(plan))


def test_all_lists_every_item_in_plan_order(network, capsys):
    assert due("--all", "--per-day", "1", root=network) == 0
    out = capsys.readouterr().out
    headings = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headings == [
        "Today's plan (1)",
        "Also due (3)",
        "4 due, 1 in today's plan, 0 snoozed, 1 awaiting reply",
    ]
    names = [
        line.split("  ")[1] for line in out.splitlines() if line.startswith("  ") and line[2] != " "
    ]
    assert names == ["Bo Chen", "Ada Lovelace", "Cy Park", "Di Okoro"]


def test_a_birthday_kept_out_by_the_guard_is_shown_as_a_note(make_network, capsys):
    quiet = contact(
        "circle: close\nbirthday: 1990-12-01",
        "2026-09-01 <-> phone: talked",
        "2026-10-10 -> email: hi",
        "2026-10-20 -> email: ?",
        name="Quinn Quiet",
    )
    root = make_network({"ada": NETWORK["ada"], "quinn": quiet})
    assert due(root=root) == 0
    out = capsys.readouterr().out
    assert "Quinn" not in out.split("\n\n")[0]  # not in today's plan
    assert (
        "note: Quinn Quiet: birthday today (turns 36); your last two messages (10 Oct, 20 Oct) are "
        "unanswered: no third message before 10 Dec"
    ) in out
