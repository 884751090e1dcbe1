"""`kith import`: dry runs that write nothing, one-line errors with the source line, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kithbook.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "import"
ADA = """
    ---
    name: Astrid Lindqvist
    emails: [astrid.lindqvist@example.org]
    ---
    """


def run(root: Path, *args: str) -> int:
    return main(["import", "--root", str(root), "--today", "2026-12-01", *args])


def files(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(root.rglob("*.md"))}


def test_a_dry_run_prints_the_plan_with_names_and_writes_nothing(make_network, capsys):
    root = make_network({"astrid-lindqvist": ADA})
    before = files(root)
    code = run(root, str(FIXTURES / "Connections.csv"), "--dry-run")
    out, err = capsys.readouterr()
    assert code == 0  # one connection hides their name: normal in LinkedIn exports
    assert files(root) == before
    assert out.splitlines()[0] == (
        "Connections.csv (linkedin): 3 new, 1 merged, 0 unchanged, 0 skipped, 1 left out "
        "(dry run: nothing written)"
    )
    assert "  left out line 8: this connection hides their name" in out
    assert "  new     Kemi Abara  -> contacts/kemi-abara.md  (line 6)" in out
    merge = "  merge   Astrid Lindqvist  -> contacts/astrid-lindqvist.md  (line 5): + links"
    assert merge in out
    assert f"{FIXTURES / 'Connections.csv'}:8: warning: this connection hides their name" in err


def test_an_import_writes_files_and_says_what_it_did(make_network, capsys):
    root = make_network({})
    assert run(root, str(FIXTURES / "apple.vcf")) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "import: 3 new, 0 merged from apple.vcf; 0 unchanged, 0 skipped"
    assert "not in a Git repository" in err
    assert sorted(path.name for path in (root / "contacts").iterdir()) == [
        "astrid-lindqvist.md",
        "chidi-okafor.md",
        "ines.md",
    ]


def test_source_names_the_import_and_json_lists_the_plan(make_network, capsys):
    root = make_network({})
    assert run(root, str(FIXTURES / "v4.vcf"), "--source", "Old phone", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [entry["slug"] for entry in data["new"]] == ["yusuf-rahman", "zora-moreau"]
    assert data["created"] == ["contacts/yusuf-rahman.md", "contacts/zora-moreau.md"]


def test_map_reads_a_column_of_a_generic_csv(make_network, capsys):
    root = make_network({})
    assert run(root, str(FIXTURES / "generic.csv"), "--map", "Blog=links.blog") == 0
    assert (
        "links:\n  blog: https://lior.example.org\n"
        in (root / "contacts" / "lior-nakamura.md").read_text()
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.vcf"], "missing.vcf: no such file"),
        (
            [str(FIXTURES / "apple.vcf"), "--map", "Blog=links.blog"],
            "--map is for generic CSV files",
        ),
        ([str(FIXTURES / "generic.csv"), "--map", "Blog"], "write COLUMN=KEY"),
        ([str(FIXTURES / "generic.csv"), "--map", "Nope=emails"], "the file has no column 'Nope'"),
    ],
)
def test_bad_arguments_are_one_line_errors_with_exit_2(make_network, capsys, args, message):
    root = make_network({})
    assert run(root, *args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_a_file_of_unknown_format_asks_for_format(make_network, tmp_path, capsys):
    root = make_network({})
    notes = tmp_path / "notes.txt"
    notes.write_text("just words\n")
    assert run(root, str(notes)) == 2
    assert "cannot tell the format" in capsys.readouterr().err


def test_no_progress_bar_when_stderr_is_not_a_terminal(make_network, capsys):
    root = make_network({})
    run(root, str(FIXTURES / "google_contacts.csv"))
    err = capsys.readouterr().err
    assert "importing" not in err and "\x1b[" not in err


@pytest.mark.parametrize(
    ("config", "folder"),
    [
        ("site_name: My network\nplugins: [kithbook]\n", "contacts"),
        (
            "site_name: My network\nplugins:\n  - kithbook:\n      contacts_dir: people/friends\n",
            "people/friends",
        ),
    ],
)
def test_an_import_into_a_folder_without_contacts_creates_the_contacts_folder(
    tmp_path, capsys, config, folder
):
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert run(tmp_path, str(FIXTURES / "apple.vcf")) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("import: 3 new, 0 merged from apple.vcf")
    assert sorted(path.name for path in (tmp_path / folder).iterdir()) == [
        "astrid-lindqvist.md",
        "chidi-okafor.md",
        "ines.md",
    ]


@pytest.mark.parametrize(
    ("name", "summary", "code"),
    [
        ("apple.vcf", "import: 0 new, 0 merged from apple.vcf; 3 unchanged, 0 skipped", 0),
        (
            "Connections.csv",
            "import: 0 new, 0 merged from Connections.csv; 4 unchanged, 0 skipped, 1 left out",
            0,
        ),
    ],
)
def test_importing_a_file_again_counts_its_records_as_unchanged_not_skipped(
    make_network, capsys, name, summary, code
):
    root = make_network({})
    run(root, str(FIXTURES / name))
    capsys.readouterr()
    assert run(root, str(FIXTURES / name)) == code
    assert capsys.readouterr().out.splitlines()[0] == summary


def test_a_dry_run_counts_unchanged_records_apart_from_skipped_ones(make_network, capsys):
    root = make_network({})
    run(root, str(FIXTURES / "Connections.csv"))
    capsys.readouterr()
    assert run(root, str(FIXTURES / "Connections.csv"), "--dry-run") == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "Connections.csv (linkedin): 0 new, 0 merged, 4 unchanged, 0 skipped, 1 left out "
        "(dry run: nothing written)"
    )


def test_json_lists_the_records_left_out_with_their_reason(make_network, capsys):
    root = make_network({})
    assert run(root, str(FIXTURES / "Connections.csv"), "--dry-run", "--json") == 0
    left_out = json.loads(capsys.readouterr().out)["left_out"]
    assert [entry["line"] for entry in left_out] == [8]
    assert "hides their name" in left_out[0]["reason"]
