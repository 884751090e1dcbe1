"""How a `kith` process ends (kithbook.cli.exiting): when `kith due` or `kith validate` kept its
network, the process ends with `os._exit`, and its output must still be whole, its exit code kept
and an error one line; called in-process, nothing is kept and nothing exits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kithbook.cli import exiting, main

TOOLS = Path(__file__).resolve().parent.parent / "tools"
PAST = 1_700_000_000  # files dated long ago: the caches may keep them


@pytest.fixture
def network(tmp_path: Path) -> Path:
    """Enough contacts for an output larger than a pipe's buffer, and one error (exit 1)."""
    folder = tmp_path / "contacts"
    folder.mkdir()
    for index in range(400):
        path = folder / f"person-{index:03}.md"
        path.write_text(
            f"---\nname: Person {index}\ncircle: friend\nemails: [p{index}@example.org]\n"
            f"goals: [ask about the {index} plan]\n---\n## Log\n"
            f"- 2026-0{index % 9 + 1}-0{index % 7 + 1} <-> email: caught up about things {index}\n",
            encoding="utf-8",
        )
        os.utime(path, (PAST + index, PAST + index))
    broken = folder / "broken.md"
    broken.write_text("---\nname: [broken\n---\n", encoding="utf-8")
    os.utime(broken, (PAST, PAST))
    return tmp_path


def in_process(root: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple:
    capsys.readouterr()
    code = main(["due", "--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


COMMANDS = [
    pytest.param([sys.executable, str(TOOLS / "due.py")], id="tools-due"),
    pytest.param([sys.executable, "-m", "kithbook", "due"], id="python-m-kithbook"),
]
RUNS = [
    pytest.param(["--all"], id="table"),
    pytest.param(["--json"], id="json"),
    pytest.param(["--all", "--no-cache"], id="table-no-cache"),
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("args", RUNS)
def test_a_process_that_kept_its_network_writes_all_its_output_and_keeps_its_exit_code(
    network: Path, capsys: pytest.CaptureFixture[str], command: list[str], args: list[str]
) -> None:
    args = [*args, "--today", "2026-12-01"]
    expected = in_process(network, args, capsys)
    assert expected[0] == 1 and len(expected[1]) > 65_536  # an error; more than a pipe holds
    for _ in range(2):  # the per-file answers worked out, then kept
        shutil.rmtree(network / ".kithbook-cache" / "due", ignore_errors=True)  # not replayed
        done = subprocess.run(
            [*command, "--root", str(network), *args], capture_output=True, text=True, check=False
        )
        assert (done.returncode, done.stdout, done.stderr) == expected


@pytest.mark.parametrize("command", COMMANDS)
def test_an_error_after_the_network_was_kept_is_one_line_and_exit_2(
    network: Path, tmp_path: Path, command: list[str]
) -> None:
    calendar = tmp_path / "no-such-folder" / "due.ics"
    done = subprocess.run(
        [*command, "--root", str(network), "--today", "2026-12-01", "--ics", str(calendar)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"kith due: error: --ics {calendar}: cannot write the file: No such file or directory"
    ]


def test_called_in_process_nothing_is_kept(
    network: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_process(network, ["--json", "--no-cache", "--today", "2026-12-01"], capsys)
    assert exiting._kept == []


@pytest.mark.parametrize(
    "command",
    [
        pytest.param([sys.executable, str(TOOLS / "validate.py")], id="tools-validate"),
        pytest.param([sys.executable, "-m", "kithbook", "validate"], id="kith-validate"),
    ],
)
@pytest.mark.parametrize("args", [[], ["--json"]], ids=["text", "json"])
def test_kith_validate_ends_the_same_way_with_its_output_and_exit_code(
    network: Path, capsys: pytest.CaptureFixture[str], command: list[str], args: list[str]
) -> None:
    capsys.readouterr()
    code = main(["validate", "--root", str(network), *args])
    expected = (code, *capsys.readouterr())
    assert code == 1
    done = subprocess.run(
        [*command, "--root", str(network), *args], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == expected
