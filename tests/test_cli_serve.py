"""kith serve runs the engine's own server in the network folder, quiet, with live reload on."""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kithbook.cli import main, serve
from kithbook.cli.serve import engine

SITE_CONFIG = "site_name: Test\ntheme:\n  name: material\n  font: false\nplugins:\n  - kithbook\n"


@pytest.mark.parametrize(
    ("arguments", "expected_tail"),
    [
        ([], ["--dev-addr", "127.0.0.1:8000", "--livereload", "--config-file", "--dirty"]),
        (["--full"], ["--dev-addr", "127.0.0.1:8000", "--livereload", "--config-file"]),
        (
            ["-a", "127.0.0.1:9000"],
            ["--dev-addr", "127.0.0.1:9000", "--livereload", "--config-file", "--dirty"],
        ),
    ],
    ids=["dirty-by-default", "full-rebuilds-on-request", "another-port"],
)
@pytest.mark.parametrize("chosen", ["mkdocs", "properdocs"])
def test_serve_runs_the_engines_server_in_the_network_folder_with_live_reload(
    make_network, monkeypatch, arguments: list[str], expected_tail: list[str], chosen: str
) -> None:
    root = make_network({"ada": "---\nname: Ada\n---\n"})
    calls = []
    monkeypatch.setattr(
        serve, "run_child", lambda command, cwd, env: calls.append((command, cwd, env)) or 0
    )

    assert main(["serve", "--root", str(root), "--engine", chosen, *arguments]) == 0

    ((command, cwd, env),) = calls
    assert command[1:4] == ["-m", chosen, "serve"]
    config = command.index("--config-file")
    assert command[config + 1] == str(root / "mkdocs.yml")
    assert command[4:config] + command[config + 1 :][1:] == [
        part for part in expected_tail if part != "--config-file"
    ]
    assert cwd == root
    assert env["NO_MKDOCS_2_WARNING"] == "1"


def test_serve_prefers_properdocs_when_it_is_installed(monkeypatch) -> None:
    installed = {"properdocs": object()}
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: installed.get(name))
    assert engine() == "properdocs"
    installed.clear()
    assert engine() == "mkdocs"
    assert engine("mkdocs") == "mkdocs"


def test_serve_refuses_a_missing_folder(tmp_path, capsys) -> None:
    assert main(["serve", "--root", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.startswith("kith serve: error: --root")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 2) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode()


@pytest.mark.parametrize("chosen", ["mkdocs", "properdocs"])
def test_an_edit_reaches_the_open_page_and_the_output_is_quiet(
    make_network, monkeypatch, chosen: str
) -> None:
    """The page's live-reload poll answers with a newer epoch once an edited contact is rebuilt,
    which is what makes the browser reload; and the server prints no banner and no warning."""
    if importlib.util.find_spec(chosen) is None:
        pytest.skip(f"{chosen} is not installed")
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-12-01")
    root = make_network({"ada": "---\nname: Ada\n---\n"}, SITE_CONFIG)
    (root / "docs").mkdir()
    address = f"127.0.0.1:{free_port()}"
    kith = str(Path(sys.executable).with_name("kith"))
    server = subprocess.Popen(
        [kith, "serve", "--engine", chosen, "-a", address],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # kith and the engine it runs: stopped together below
    )
    try:
        page, deadline = "", time.monotonic() + 30
        while time.monotonic() < deadline and "livereload(" not in page:
            try:
                page = fetch(f"http://{address}/people/ada/")
            except OSError:
                time.sleep(0.2)
        poll = re.search(r"livereload\((\d+), (\d+)\)", page)
        assert poll, "the served page has no live-reload script"
        epoch = int(poll[1])
        with (root / "contacts" / "ada.md").open("a") as file:
            file.write("\n## Log\n- 2026-11-30 -> email: EDITED-LINE\n")
        answer = fetch(f"http://{address}/livereload/{epoch}/{poll[2]}", timeout=30)
        assert int(float(answer)) > epoch  # the open page reloads
        assert "EDITED-LINE" in fetch(f"http://{address}/people/ada/")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=10)[0]
    assert "end of life" not in output and "dirty" not in output
    assert "WARNING" not in output
