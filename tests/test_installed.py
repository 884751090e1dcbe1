"""End to end from a fresh machine's point of view: the tool installed as a package (a wheel built
from the source tree, installed into a new virtual environment, not editable), then `kith init`,
`kith new`, `kith log`, `kith due` and `mkdocs build` in a network that holds no file of the tool.

Installing the dependencies from an index takes a dozen seconds, so the new environment borrows
them from the test environment's site-packages (a .pth file); kithbook itself, its demo contacts
and its site assets come only from the wheel, which the test checks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
IDENTITY = {
    "GIT_AUTHOR_NAME": "Test Person",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test Person",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def source_tree(target: Path) -> Path:
    """The repository's files as a fresh clone would have them (tracked, and new files not
    ignored), symbolic links kept, so the wheel is built from what would be published."""
    listed = subprocess.run(
        [
            "git",
            "-C",
            str(REPOSITORY),
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPOSITORY / name
        if not source.exists() and not source.is_symlink():
            continue  # removed in the work tree, not yet committed
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name, follow_symlinks=False)
    return target


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with kithbook installed from a wheel; its bin/ folder."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    work = tmp_path_factory.mktemp("installed")
    source = source_tree(work / "source")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(work / "dist"), str(source)], check=True)
    (wheel,) = (work / "dist").glob("kithbook-*.whl")
    python = work / "venv" / "bin" / "python"
    if _pip_takes_python():  # pip 22.3+ installs into another environment: no pip needed there
        subprocess.run(
            [sys.executable, "-m", "venv", "--without-pip", str(work / "venv")], check=True
        )
        subprocess.run(
            [*pip, "--python", str(python), "install", "--no-deps", str(wheel)], check=True
        )
    else:
        subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)
        subprocess.run([str(python), *pip[1:], "install", "--no-deps", str(wheel)], check=True)
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return work / "venv" / "bin"


def _pip_takes_python() -> bool:
    from importlib.metadata import version

    major, minor = (int(part) for part in version("pip").split(".")[:2])
    return (major, minor) >= (22, 3)


def run(bin_dir: Path, cwd: Path, *command: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "KITHBOOK_ROOT", "KITHBOOK_TODAY", "VIRTUAL_ENV")
    }
    environment |= IDENTITY | {
        "PATH": f"{bin_dir}{os.pathsep}{environment.get('PATH', '')}",
        "NO_MKDOCS_2_WARNING": "1",
    }
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)


def test_the_package_comes_from_the_wheel_not_the_source_tree(installed: Path, tmp_path) -> None:
    done = run(installed, tmp_path, "python", "-c", "import kithbook; print(kithbook.__file__)")
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).is_relative_to(installed.parent)
    assert run(installed, tmp_path, "kith", "--version").stdout.startswith("kith ")


def test_a_new_network_works_end_to_end_with_no_file_of_the_tool(installed: Path, tmp_path) -> None:
    steps = [
        (tmp_path, ["kith", "init", "network"]),
        (
            tmp_path / "network",
            [
                "kith",
                "new",
                "Ada Lovelace",
                "--email",
                "ada@example.org",
                "--circle",
                "friend",
                "--birthday",
                "--12-10",
            ],
        ),
        (tmp_path / "network", ["kith", "log", "ada", "out", "email", "Congrats on the new role"]),
        (tmp_path / "network" / "contacts", ["kith", "due", "--today", "2026-12-01"]),
        (tmp_path / "network", ["python", "-m", "mkdocs", "build", "--strict", "-q"]),
    ]
    for cwd, command in steps:
        done = run(installed, cwd, *command)
        assert done.returncode == 0, f"{' '.join(command)}: {done.stdout}{done.stderr}"
    assert (
        "Ada Lovelace"
        in run(installed, tmp_path / "network", "kith", "due", "--today", "2026-12-08").stdout
    )
    network = tmp_path / "network"
    files = subprocess.run(
        ["git", "-C", str(network), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert sorted(files) == [
        ".gitattributes",
        ".gitignore",
        "README.md",
        "contacts/.gitkeep",
        "contacts/ada-lovelace.md",
        "mkdocs.yml",
        "notes/about.md",
    ]
    assert (network / "site" / "index.html").is_file()
    assert run(installed, network, "git", "status", "--porcelain").stdout == ""
    assert run(installed, network, "git", "remote").stdout == ""


def test_the_demo_network_ships_in_the_package(installed: Path, tmp_path) -> None:
    assert run(installed, tmp_path, "kith", "init", "demo", "--demo").returncode == 0
    done = run(installed, tmp_path / "demo", "kith", "due", "--today", "2026-12-01")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "17 due, 3 in today's plan, 1 snoozed, 4 awaiting reply"


def test_the_installed_kith_drafts_from_the_templates_in_the_wheel(
    installed: Path, tmp_path
) -> None:
    assert run(installed, tmp_path, "kith", "init", "demo", "--demo").returncode == 0
    done = run(installed, tmp_path / "demo", "kith", "draft", "bram", "--today", "2026-12-01")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Subject: ")
    assert "In case my email got buried: about three weeks ago," in done.stdout


def test_outside_a_network_the_installed_kith_says_so(installed: Path, tmp_path) -> None:
    done = run(installed, tmp_path, "kith", "due")
    assert done.returncode == 2 and "not in a Kithbook network" in done.stderr
    assert list(tmp_path.iterdir()) == []
