"""`kith validate` and `python tools/validate.py` run as a person or pre-commit would run them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "tools" / "validate.py"
KITH = Path(sys.executable).parent / "kith"
FIXTURES = Path(__file__).parent / "fixtures" / "problems"
TODAY = "2026-12-01"

ADA = "---\nname: Ada Lovelace\nemails: [ada@example.org]\nknows: [grace]\n---\n"
GRACE = "---\nname: Grace Hopper\nemails: [grace@example.org]\n---\n"
TYPO = "---\nname: Bob\nemial: bob@example.org\n---\n"
NAME_NO = "---\nname: No\n---\n"


def run(
    *args: str,
    cwd: Path,
    command: str = "kith",
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the validator as a separate process; its stderr must never hold a traceback."""
    argv = [str(KITH), "validate"] if command == "kith" else [sys.executable, str(SCRIPT)]
    environment = {**os.environ, "NO_COLOR": "1", "KITHBOOK_TODAY": TODAY, **(env or {})}
    result = subprocess.run(
        [*argv, *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(params=["kith", "script"])
def command(request: pytest.FixtureRequest) -> str:
    """Every behaviour holds for both `kith validate` and `python tools/validate.py`."""
    return request.param


def test_a_clean_network_exits_0_with_a_summary(make_network, command: str) -> None:
    root = make_network({"ada": ADA, "grace": GRACE})
    result = run(cwd=root, command=command)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "2 contact files checked: 0 errors, 0 warnings\n",
        "",
    )


def test_an_error_exits_1_with_problems_on_stdout_and_the_summary_on_stderr(
    make_network, command: str
) -> None:
    root = make_network({"ada": ADA, "grace": GRACE, "no": NAME_NO})
    result = run(cwd=root, command=command)
    assert result.returncode == 1
    assert result.stdout == (
        "contacts/no.md:2:7: error: name: YAML reads No as false, not text; "
        'put it in quotes: name: "No"\n'
    )
    assert result.stderr == "3 contact files checked: 1 error, 0 warnings\n"


def test_warnings_alone_exit_0(make_network, command: str) -> None:
    result = run(cwd=make_network({"bob": TYPO}), command=command)
    assert result.returncode == 0
    assert result.stdout == "contacts/bob.md:3: warning: emial: unknown key; did you mean emails?\n"


def test_root_names_the_network_from_anywhere(make_network, tmp_path_factory, command: str) -> None:
    root = make_network({"no": NAME_NO})
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = run("--root", str(root), cwd=elsewhere, command=command)
    assert (result.returncode, result.stdout.split(":")[0]) == (1, "contacts/no.md")


def test_json_has_counts_and_one_object_per_problem(make_network, command: str) -> None:
    root = make_network({"ada": ADA, "bob": TYPO, "no": NAME_NO})
    result = run("--json", cwd=root, command=command)
    assert result.returncode == 1
    assert result.stderr == ""
    assert json.loads(result.stdout) == {
        "contacts": 3,
        "files": 3,
        "errors": 2,
        "warnings": 1,
        "problems": [
            {
                "path": "contacts/ada.md",
                "line": 4,
                "severity": "error",
                "check": "reference",
                "message": "knows: no contact 'grace' in contacts/",
            },
            {
                "path": "contacts/bob.md",
                "line": 3,
                "severity": "warning",
                "check": "unknown-key",
                "message": "emial: unknown key; did you mean emails?",
            },
            {
                "path": "contacts/no.md",
                "line": 2,
                "severity": "error",
                "check": "quote",
                "message": 'name: YAML reads No as false, not text; put it in quotes: name: "No"',
            },
        ],
    }


def test_json_of_a_clean_network_lists_no_problems(make_network, command: str) -> None:
    result = run("--json", cwd=make_network({"ada": ADA, "grace": GRACE}), command=command)
    assert (result.returncode, json.loads(result.stdout)) == (
        0,
        {"contacts": 2, "files": 2, "errors": 0, "warnings": 0, "problems": []},
    )


def problem_paths(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [
        line.split(":")[0]
        for line in result.stdout.splitlines()
        if ": " in line and " checked: " not in line
    ]


@pytest.mark.parametrize(
    ("files", "paths", "code"),
    [
        (["contacts/bob.md"], ["contacts/bob.md"], 0),
        (["contacts/no.md"], ["contacts/no.md"], 1),
        (["contacts/bob.md", "contacts/no.md"], ["contacts/bob.md", "contacts/no.md"], 1),
        (["contacts/ada.md"], [], 0),
        (["./contacts/../contacts/no.md"], ["contacts/no.md"], 1),
    ],
)
def test_file_arguments_limit_the_report_as_pre_commit_passes_them(
    make_network, command: str, files: list[str], paths: list[str], code: int
) -> None:
    root = make_network({"ada": ADA, "grace": GRACE, "bob": TYPO, "no": NAME_NO})
    result = run(*files, cwd=root, command=command)
    assert (problem_paths(result), result.returncode) == (paths, code)


def test_file_arguments_may_be_relative_to_the_root_or_absolute(
    make_network, tmp_path_factory
) -> None:
    root = make_network({"bob": TYPO, "no": NAME_NO})
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    by_root = run("--root", str(root), "contacts/no.md", cwd=elsewhere)
    absolute = run("--root", str(root), str(root / "contacts" / "no.md"), cwd=elsewhere)
    assert problem_paths(by_root) == problem_paths(absolute) == ["contacts/no.md"]


def test_a_named_file_is_still_checked_against_the_whole_network(make_network) -> None:
    root = make_network(
        {
            "ada": ADA,
            "augusta": "---\nname: Augusta\nemails: [ada@example.org]\nknows: [ada]\n---\n",
        }
    )
    result = run("contacts/augusta.md", cwd=root)
    assert result.stdout.splitlines() == [
        "contacts/augusta.md:3: error: emails: ada@example.org is also the address of "
        "contacts/ada.md; is this the same person?"
    ]


def test_config_problems_are_shown_whatever_files_are_named(make_network) -> None:
    root = make_network({"bob": TYPO}, config="plugins:\n  - kithbook:\n      lookahead: soon\n")
    result = run("contacts/bob.md", cwd=root)
    assert problem_paths(result) == ["mkdocs.yml", "contacts/bob.md"]
    assert result.returncode == 1


def test_a_file_outside_the_network_is_a_usage_error(make_network, tmp_path_factory) -> None:
    root = make_network({"bob": TYPO})
    outside = tmp_path_factory.mktemp("outside") / "x.md"
    outside.write_text(TYPO, encoding="utf-8")
    result = run(str(outside), cwd=root)
    assert result.returncode == 2
    assert result.stderr == f"kith validate: error: {outside} is not inside the network folder .\n"


def test_a_folder_argument_reports_the_files_inside_it(make_network) -> None:
    root = make_network({"bob": TYPO, "no": NAME_NO})
    assert problem_paths(run("contacts", cwd=root)) == ["contacts/bob.md", "contacts/no.md"]
    assert problem_paths(run(".", cwd=root)) == ["contacts/bob.md", "contacts/no.md"]


def test_a_file_argument_that_does_not_exist_is_a_usage_error(make_network) -> None:
    result = run("contacts/bob.md", "contacts/bbo.md", cwd=make_network({"bob": TYPO}))
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "kith validate: error: contacts/bbo.md: no such file\n",
    )


def test_a_folder_without_contacts_is_a_usage_error_not_a_clean_network(tmp_path: Path) -> None:
    result = run(cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "kith validate: error: not in a Kithbook network (no contacts/ folder or mkdocs.yml with "
        "the kithbook plugin here or in any folder above); cd into one, pass --root DIR, or "
        "start one with kith init\n",
    )


def test_a_network_whose_contacts_are_all_removed_is_clean(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\nplugins: [search, kithbook]\n")
    result = run(cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        0,
        "0 contact files checked: 0 errors, 0 warnings\n",
    )


def test_an_empty_contacts_folder_is_a_clean_network(tmp_path: Path) -> None:
    (tmp_path / "contacts").mkdir()
    result = run(cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        0,
        "0 contact files checked: 0 errors, 0 warnings\n",
    )


@pytest.mark.parametrize(
    ("checks", "paths"),
    [
        (["quote"], ["contacts/no.md"]),
        (["unknown-key"], ["contacts/bob.md"]),
        (["quote", "unknown-key"], ["contacts/bob.md", "contacts/no.md"]),
        (["choices"], []),
    ],
)
def test_check_shows_only_the_named_checks(
    make_network, checks: list[str], paths: list[str]
) -> None:
    root = make_network({"bob": TYPO, "no": NAME_NO})
    arguments = [part for name in checks for part in ("--check", name)]
    result = run(*arguments, cwd=root)
    assert problem_paths(result) == paths
    assert result.returncode == (1 if "contacts/no.md" in paths else 0)


@pytest.mark.parametrize(
    ("arguments", "env", "message"),
    [
        (
            ["--check", "emails"],
            {},
            "kith validate: error: --check emails: no such check; checks are: choices, config, "
            "conflict, date, duplicate-email, duplicate-key, duration, email, file, front-matter, "
            "future-date, log, phone, quote, reference, required, slug, tags, type, unknown-key, "
            "yaml",
        ),
        (
            ["--root", "/no/such/folder"],
            {},
            "kith validate: error: --root /no/such/folder: no such folder",
        ),
        (
            ["--today", "2026-13-01"],
            {},
            "kith validate: error: argument --today: '2026-13-01' is not a date YYYY-MM-DD "
            "(see kith validate --help)",
        ),
        (
            [],
            {"KITHBOOK_TODAY": "tomorrow"},
            "kith validate: error: $KITHBOOK_TODAY='tomorrow' is not a date YYYY-MM-DD",
        ),
        (
            ["--colour"],
            {},
            "kith validate: error: unrecognized arguments: --colour (see kith validate --help)",
        ),
    ],
    ids=["unknown-check", "missing-root", "bad-today", "bad-today-variable", "unknown-option"],
)
def test_bad_arguments_exit_2_with_one_line(
    make_network, arguments: list[str], env: dict[str, str], message: str
) -> None:
    result = run(*arguments, cwd=make_network({"bob": TYPO}), env=env)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message + "\n")


def test_today_decides_what_is_in_the_future(make_network) -> None:
    root = make_network({"ada": "---\nname: Ada\nbirthday: 2026-12-05\n---\n"})
    assert run("--today", "2026-12-04", cwd=root).returncode == 1
    assert run("--today", "2026-12-05", cwd=root).returncode == 0


def test_no_input_however_broken_produces_a_traceback(tmp_path: Path, command: str) -> None:
    contacts = tmp_path / "contacts"
    contacts.mkdir()
    for fixture in FIXTURES.glob("*.md"):
        shutil.copyfile(fixture, contacts / fixture.name)
    shutil.copyfile(FIXTURES / "config-bad-duration.yml", tmp_path / "mkdocs.yml")
    with (contacts / "huge.md").open("wb") as file:
        file.write(b"---\nname: Huge\n---\n" + b"x" * 50_000_000)
    (contacts / "folder.md").mkdir()
    (contacts / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    result = run(cwd=tmp_path, command=command)
    assert result.returncode == 1
    printed = result.stdout.splitlines()
    assert len(printed) > len(list(FIXTURES.glob("*.md")))
    assert all(": error: " in line or ": warning: " in line for line in printed)
    assert any(line.startswith("contacts/huge.md:1: error: ") for line in printed)


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    contacts = tmp_path / "contacts"
    contacts.mkdir()
    for number in range(2000):
        (contacts / f"c{number}.md").write_text(TYPO, encoding="utf-8")
    process = subprocess.Popen(
        [str(KITH), "validate"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    assert process.stderr.read() == ""
    process.wait(timeout=60)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-30", "1899-12-31", "3000-01-01"])
def test_today_outside_the_years_a_network_spans_is_a_usage_error(make_network, day: str) -> None:
    root = make_network({"ada": "---\nname: Ada\n---\n"})
    for arguments, env in ((["--today", day], {}), ([], {"KITHBOOK_TODAY": day})):
        result = subprocess.run(
            [sys.executable, "-m", "kithbook", "validate", "--root", str(root), *arguments],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            check=False,
        )
        assert result.returncode == 2
        assert "give a date between 1900-01-01 and 2999-12-31" in result.stderr
