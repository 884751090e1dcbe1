"""Issue 11, bad input: what used to end in a traceback (or a spreadsheet formula) now gets a clear
one-line error, or a safe result."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
import vobject

from gitrepo import commit_all, init_repo
from kithbook.cli import main
from kithbook.config import MAX_CONFIG_BYTES, load_config
from kithbook.exporters.csv_file import safe_cell, to_csv
from kithbook.exporters.vcard import parameter_value
from kithbook.importers import MAX_IMPORT_BYTES
from kithbook.importers.csv_rows import FORMULA_STARTS, unneutralised
from kithbook.importers.generic_csv import read_generic_csv
from kithbook.parse.load import load
from kithbook.repo.revision import load_at

TODAY = dt.date(2026, 12, 1)
ADA = "---\nname: Ada Lovelace\n---\n"


def test_kith_new_with_a_300_character_slug_is_a_clear_error(make_network, capsys):
    root = make_network({"ada": ADA})
    assert main(["new", "Xavier", "--slug", "x" * 300, "--root", str(root), "--no-commit"]) == 2
    out, err = capsys.readouterr()
    assert (
        err == "kith new: error: --slug: a slug is at most 100 characters long; this one has 300\n"
    )
    assert sorted(path.name for path in (root / "contacts").iterdir()) == ["ada.md"]


def test_kith_new_with_a_300_character_name_makes_a_short_slug(make_network, capsys):
    root = make_network({"ada": ADA})
    assert main(["new", " ".join(["Longname"] * 33), "--root", str(root), "--no-commit"]) == 0
    created = capsys.readouterr().out.split()[1]
    assert len(Path(created).stem) <= 60


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_kith_import_of_an_endless_device_is_a_clear_error(make_network, capsys, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    root = make_network({"ada": ADA})
    assert main(["import", "--root", str(root), device]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"kith import: error: {device}: larger than {MAX_IMPORT_BYTES // 1_000_000} MB, the limit "
        "for a file to import; is it really a contact export? (split it, or export without photos)\n"
    )


def test_kith_import_of_a_folder_is_a_clear_error(make_network, capsys):
    root = make_network({"ada": ADA})
    assert main(["import", "--root", str(root), str(root / "contacts")]) == 2
    assert "is a folder with no .vcf files; give the file to import" in capsys.readouterr().err


def test_an_oversized_mkdocs_yml_is_a_problem_not_a_memory_error(tmp_path):
    (tmp_path / "mkdocs.yml").write_bytes(b"#" * (MAX_CONFIG_BYTES + 1))
    config, problems = load_config(tmp_path)
    assert [str(problem) for problem in problems] == [
        "mkdocs.yml:1: error: the file is larger than 1 MB; is it really mkdocs.yml?"
    ]


LABELS = ['say "hi"', "two\nlines", "tab\there", 'x"\r\nEND:VCARD', "\x00nul"]


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_a_link_label_with_a_quote_or_a_line_break_no_longer_breaks_kith_export_vcard(
    make_network, capsys, label, version
):
    quoted = label.encode("unicode_escape").decode().replace('"', '\\"')
    root = make_network(
        {"ada": f'---\nname: Ada Lovelace\nlinks: {{"{quoted}": "https://ada.example.org"}}\n---\n'}
    )
    assert list(load(root).get("ada").links) == [label]
    assert main(["export", "vcard", "--root", str(root), "--vcard-version", version]) == 0
    cards = list(vobject.readComponents(capsys.readouterr().out))
    assert len(cards) == 1 and cards[0].fn.value == "Ada Lovelace"
    assert cards[0].url.value == "https://ada.example.org"
    assert cards[0].url.params["TYPE"] == [parameter_value(label)]


FORMULAS = {
    "equals": '=HYPERLINK("https://evil.example.org","click")',
    "plus": "+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(1,2)",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}


@pytest.mark.parametrize("value", FORMULAS.values(), ids=FORMULAS.keys())
def test_kith_export_csv_neutralises_formula_looking_cells(make_network, capsys, value):
    quoted = json.dumps(value)  # a JSON string is a YAML double-quoted string
    root = make_network(
        {
            "ada": f"---\nname: Ada Lovelace\nrole: {quoted}\ncompany: {quoted}\n"
            f"location: {quoted}\nlinks: {{web: {quoted}}}\n---\n"
        }
    )
    loaded = load(root).get("ada").role  # the loader strips a leading tab or line break
    assert loaded == value.strip()
    assert main(["export", "csv", "--root", str(root)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    for column in ("role", "company", "location", "links.web"):
        assert rows[0][column] == "'" + loaded
    assert not any(cell.startswith(FORMULA_STARTS) for cell in rows[0].values())


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("+44 20 7946 0101", "'+44 20 7946 0101"),
        ("Ada", "Ada"),
        ("", ""),
        ("'=already quoted", "''=already quoted"),
        ("'quoted", "'quoted"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("-", "'-"),
        ("a=b", "a=b"),
    ],
)
def test_safe_cell_quotes_only_what_starts_like_a_formula(value, cell):
    assert safe_cell(value) == cell
    assert unneutralised(safe_cell(value)) == value


def test_a_neutralised_csv_export_imports_back_to_the_same_values(make_network):
    root = make_network(
        {
            "ada": "---\nname: Ada Lovelace\nphones: ['+44 20 7946 0101']\n"
            "role: '=SUM(1,2)'\ncompany: '@Acme'\n---\n"
        }
    )
    exported = to_csv(load(root).contacts, TODAY)
    assert "'+44 20 7946 0101" in exported and "'=SUM(1,2)" in exported
    (candidate,) = read_generic_csv(exported.encode()).candidates
    assert candidate.phones == ["+44 20 7946 0101"]
    assert (candidate.role, candidate.company) == ("=SUM(1,2)", "@Acme")


@pytest.mark.parametrize(
    "args",
    [
        ["log", "ada", "note", "x \udcff"],
        ["new", "Bad \udce9 Name", "--no-commit"],
        ["set", "ada", "role", "\udcff"],
    ],
)
def test_text_arguments_that_are_not_utf8_are_a_clear_error_not_a_traceback(
    make_network, capsys, args
):
    root = make_network({"ada": ADA})
    before = (root / "contacts" / "ada.md").read_bytes()
    assert main([*args, "--root", str(root)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kith {args[0]}: error: '") and "is not UTF-8 text" in err
    assert "\\xff" in err or "\\xe9" in err
    assert (root / "contacts" / "ada.md").read_bytes() == before
    assert sorted(path.name for path in (root / "contacts").iterdir()) == ["ada.md"]


def test_oversized_files_in_a_commit_are_problems_when_read_from_git(tmp_path, capsys):
    root = init_repo(tmp_path / "network")
    (root / "contacts").mkdir()
    (root / "contacts" / "ada.md").write_text(ADA, encoding="utf-8")
    (root / "contacts" / "huge.md").write_bytes(ADA.encode() + b"x" * 2_000_000)
    (root / "mkdocs.yml").write_bytes(b"# padding\n" * 200_000)
    commit_all(root)
    network = load_at(root, "HEAD").network
    assert [str(problem) for problem in network.problems] == [
        "mkdocs.yml:1: error: the file is larger than 1 MB; is it really mkdocs.yml?",
        "contacts/huge.md:1: error: the file is larger than 1 MB, the limit for a contact file "
        "(max_file_bytes in mkdocs.yml); is it really a contact?",
    ]
    assert [contact.slug for contact in network.contacts] == ["ada"]
