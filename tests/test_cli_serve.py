"""kith serve runs MkDocs' own server in the network folder, rebuilding only what an edit changed."""

from __future__ import annotations

import pytest

from kithbook.cli import main, serve


@pytest.mark.parametrize(
    ("arguments", "expected_tail"),
    [
        ([], ["--dev-addr", "127.0.0.1:8000", "--dirty"]),
        (["--full"], ["--dev-addr", "127.0.0.1:8000"]),
        (["-a", "127.0.0.1:9000"], ["--dev-addr", "127.0.0.1:9000", "--dirty"]),
    ],
    ids=["dirty-by-default", "full-rebuilds-on-request", "another-port"],
)
def test_serve_runs_mkdocs_serve_in_the_network_folder(
    make_network, monkeypatch, arguments: list[str], expected_tail: list[str]
) -> None:
    root = make_network({"ada": "---\nname: Ada\n---\n"})
    calls = []
    monkeypatch.setattr(
        serve, "run_child", lambda command, cwd, env: calls.append((command, cwd)) or 0
    )

    assert main(["serve", "--root", str(root), *arguments]) == 0

    ((command, cwd),) = calls
    assert command[1:4] == ["-m", "mkdocs", "serve"]
    assert command[4:] == expected_tail
    assert cwd == root


def test_serve_refuses_a_missing_folder(tmp_path, capsys) -> None:
    assert main(["serve", "--root", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.startswith("kith serve: error: --root")
