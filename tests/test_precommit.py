"""The pre-commit hook is quiet and honest: only problems and a one-line verdict."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gitrepo import commit_all, git, init_repo
from kithbook.cli import main
from kithbook.cli.precommit import verdict

ADA = "---\nname: Ada Lovelace\n---\n\n## Log\n- 2026-01-01 -> email: Hello\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "net")
    (root / "contacts").mkdir()
    (root / "contacts/ada.md").write_text(ADA)
    commit_all(root)
    assert main(["git-setup", "--hook", "--root", str(root)]) == 0
    return root


def commit(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(root), "commit", "-q", "-m", "change"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_good_commit_prints_only_the_verdict(root: Path) -> None:
    (root / "contacts/bob.md").write_text("---\nname: Bob\n---\n")
    git(root, "add", "contacts/bob.md")
    done = commit(root)
    assert done.returncode == 0
    assert (done.stdout + done.stderr).splitlines() == [
        "kith pre-commit: 2 contact files checked: 0 errors, 0 warnings: commit allowed"
    ]


def test_a_refused_commit_prints_the_problems_and_says_commit_refused(root: Path) -> None:
    (root / "contacts/bad.md").write_text("---\nname: [unclosed\n---\n")
    git(root, "add", "contacts/bad.md")
    done = commit(root)
    lines = (done.stdout + done.stderr).splitlines()
    assert done.returncode != 0
    assert lines[0].startswith("contacts/bad.md:2:7: error: ")
    assert lines[-1] == (
        "kith pre-commit: 2 contact files checked: 1 error, 0 warnings: "
        "commit refused (fix the errors, then commit again)"
    )
    assert not any("due" in line.lower() for line in lines)


@pytest.mark.parametrize(
    ("counts", "ending"),
    [
        ((1, 0, 0), "1 contact file checked: 0 errors, 0 warnings: commit allowed"),
        ((3, 2, 1), "3 contact files checked: 2 errors, 1 warning: commit refused"),
    ],
)
def test_the_verdict_counts_and_decides(counts: tuple[int, int, int], ending: str) -> None:
    assert ending in verdict(*counts)


def test_ending_kith_serve_ends_its_server(tmp_path: Path) -> None:
    """SIGTERM to kith serve's process: the server child it started is gone too."""
    pid_file = tmp_path / "child.pid"
    child = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    parent = (
        "import sys; from pathlib import Path; from kithbook.cli.serve import run_child; "
        f"sys.exit(run_child([sys.executable, '-c', {child!r}], Path('.'), {{}}))"
    )
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "tools")}
    server = subprocess.Popen([sys.executable, "-c", parent], env=environment)
    deadline = time.monotonic() + 20
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline, "the child did not start"
        time.sleep(0.05)
    pid = int(pid_file.read_text())
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=20) == 128 + signal.SIGTERM
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
