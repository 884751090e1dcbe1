"""`kith site --out DIR` (kithbook.cli.site): the site's pages as Markdown files."""

from __future__ import annotations

import pytest

from kithbook.cli import main

ADA = "---\nname: Ada Lovelace\ncompany: Acme\n---\n## Log\n- 2026-11-02 -> email: hello\n"
HIDDEN = "---\nname: Carol Hidden\nprivate: true\n---\n"


@pytest.mark.parametrize(
    "path",
    [
        "index.md",
        "people/index.md",
        "people/ada-lovelace.md",
        "companies/acme.md",
        "graph.md",
        "assets/kithbook/kithbook.js",
    ],
)
def test_kith_site_writes_every_page_and_asset(make_network, tmp_path, path, capsys):
    root = make_network({"ada-lovelace": ADA, "carol-hidden": HIDDEN})
    out = tmp_path / "out"
    assert main(["site", "--root", str(root), "--today", "2026-12-01", "--out", str(out)]) == 0
    assert (out / path).is_file()
    assert not (out / "people" / "carol-hidden.md").exists()
    assert "(1 contacts; 1 private, left out)" in capsys.readouterr().out


def test_kith_site_exits_1_and_prints_the_error_of_a_broken_file(make_network, tmp_path, capsys):
    root = make_network({"ada-lovelace": ADA, "broken": "---\nname: [x\n---\n"})
    out = tmp_path / "out"
    assert main(["site", "--root", str(root), "--today", "2026-12-01", "--out", str(out)]) == 1
    assert "contacts/broken.md:" in capsys.readouterr().err
    assert "contacts/broken.md:" in (out / "people" / "broken.md").read_text()


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--today", "someday"], "'someday' is not a date"),
        ([], "the following arguments are required: --out"),
    ],
)
def test_kith_site_rejects_bad_arguments_in_one_line(make_network, arguments, message, capsys):
    root = make_network({"ada-lovelace": ADA})
    with pytest.raises(SystemExit) as exit_info:
        main(["site", "--root", str(root), *arguments])
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    assert message in error and len(error.strip().splitlines()) == 1


def test_kith_site_reports_an_output_folder_it_cannot_write(make_network, tmp_path, capsys):
    root = make_network({"ada-lovelace": ADA})
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["site", "--root", str(root), "--out", str(blocker)]) == 2
    assert capsys.readouterr().err.startswith("kith site: error: --out")
