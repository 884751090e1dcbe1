"""`kith export`: vCard, CSV or JSON on standard output or into a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kithbook.cli import main

NETWORK = {
    "ada-lovelace": "---\nname: Ada Lovelace\ntags: [math]\n---\n",
    "bram-jansen": "---\nname: Bram Jansen\nprivate: true\n---\n",
}


@pytest.mark.parametrize(
    ("args", "names"),
    [
        ([], ["Ada Lovelace"]),
        (["--include-private"], ["Ada Lovelace", "Bram Jansen"]),
        (["--tag", "nope"], []),
    ],
)
def test_json_export_on_standard_output_leaves_out_private_contacts(
    make_network, capsys, args, names
):
    root = make_network(NETWORK)
    assert main(["export", "json", "--root", str(root), *args]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [contact["name"] for contact in data["contacts"]] == names


def test_output_file_gets_the_vcard_and_stderr_says_how_many(make_network, capsys, tmp_path):
    root = make_network(NETWORK)
    output = tmp_path / "out.vcf"
    assert (
        main(["export", "vcard", "--root", str(root), "-o", str(output), "--vcard-version", "3.0"])
        == 0
    )
    assert output.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert capsys.readouterr().err == f"exported 1 contact to {output}\n"


def test_an_unwritable_output_is_a_one_line_error(make_network, capsys):
    root = make_network(NETWORK)
    target = Path(root) / "no-such-folder" / "out.csv"
    assert main(["export", "csv", "--root", str(root), "-o", str(target)]) == 2
    assert "cannot write the file" in capsys.readouterr().err


def test_csv_last_contact_is_as_of_today(make_network, capsys):
    root = make_network(
        {
            "ada-lovelace": "---\nname: Ada Lovelace\n---\n\n## Log\n"
            "- 2026-01-01 -> email: hi\n- 2026-12-20 -> email: later\n"
        }
    )
    assert main(["export", "csv", "--root", str(root), "--today", "2026-12-01"]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    assert ",2026-01-01," in row and "2026-12-20" not in row
