"""`kith export vdir DIR` and `kith import DIR` without a server: one `.vcf` per contact with a
stable UID, updates in place that keep what the phone added, and UIDs matched first on import."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithbook.cli import main
from kithbook.exporters.vdir import cards_by_uid, fold, unfold
from kithbook.parse.load import load

ADA = "---\nname: Ada Lovelace\nemails: [ada@example.org]\nphones: ['+44 20 7946 0101']\n---\n"
PHONE_CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:kithbook:ada-lovelace\r\nFN:Ada Lovelace\r\n"
    "TEL;TYPE=CELL:+44 20 7946 0101\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r\n"
    "ADR;TYPE=HOME:;;12 Harbour Road;Leeds;;LS1 4AB;United Kingdom\r\nEND:VCARD\r\n"
)


def kith(root: Path, *args: str) -> int:
    return main([*args, "--root", str(root), "--today", "2026-06-01"])


def test_each_contact_is_one_file_named_by_its_uid_and_a_second_export_rewrites_nothing(
    make_network, tmp_path, capsys
):
    root = make_network({"ada-lovelace": ADA, "bram": "---\nname: Bram\nuid: ABC-1\n---\n"})
    vdir = tmp_path / "vdir"
    assert kith(root, "export", "vdir", str(vdir)) == 0
    assert cards_by_uid(vdir) == {
        "kithbook:ada-lovelace": vdir / "kithbook_ada-lovelace.vcf",
        "ABC-1": vdir / "ABC-1.vcf",
    }
    before = {path: path.stat().st_mtime_ns for path in vdir.iterdir()}
    assert kith(root, "export", "vdir", str(vdir)) == 0
    assert "0 new files, 0 updated, 2 unchanged" in capsys.readouterr().err
    assert {path: path.stat().st_mtime_ns for path in vdir.iterdir()} == before


def test_an_update_keeps_the_phones_photo_address_and_number_types(make_network, tmp_path):
    root = make_network(
        {"ada-lovelace": ADA.replace("---\n", "---\nlocation: Leeds, United Kingdom\n", 1)}
    )
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    (vdir / "from-server-17.vcf").write_text(PHONE_CARD, encoding="utf-8")
    assert kith(root, "export", "vdir", str(vdir)) == 0
    assert [path.name for path in vdir.iterdir()] == ["from-server-17.vcf"]
    text = (vdir / "from-server-17.vcf").read_text(encoding="utf-8")
    lines = unfold(text)
    assert "TEL;TYPE=CELL:+44 20 7946 0101" in lines
    assert "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ" in lines
    assert "ADR;TYPE=HOME:;;12 Harbour Road;Leeds;;LS1 4AB;United Kingdom" in lines
    assert "EMAIL;TYPE=pref:ada@example.org" in lines
    assert sum(line.startswith(("TEL", "ADR")) for line in lines) == 2


def test_a_card_made_on_the_phone_becomes_a_contact_paired_by_its_uid(make_network, tmp_path):
    root = make_network({"ada-lovelace": ADA})
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    (vdir / "x.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-7\r\nFN:Noor Haddad\r\nEND:VCARD\r\n"
    )
    assert kith(root, "import", str(vdir), "--no-commit") == 0
    assert load(root).get("noor-haddad").uid == "phone-7"
    (vdir / "x.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-7\r\nFN:Noor Haddad-Okafor\r\n"
        "EMAIL:noor@example.org\r\nEND:VCARD\r\n"
    )
    assert kith(root, "import", str(vdir), "--no-commit") == 0
    noor = load(root).get("noor-haddad")
    assert (noor.name, noor.emails) == ("Noor Haddad", ("noor@example.org",))
    assert kith(root, "export", "vdir", str(vdir)) == 0
    assert sorted(path.name for path in vdir.iterdir()) == ["kithbook_ada-lovelace.vcf", "x.vcf"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "vdir"], "give the folder for vdir"),
        (["export", "csv", "somewhere"], "and only for vdir"),
    ],
)
def test_the_folder_goes_with_vdir_only(make_network, capsys, args, message):
    assert kith(make_network({"ada-lovelace": ADA}), *args) == 2
    assert message in capsys.readouterr().err


def test_a_vdir_export_onto_a_file_says_it_needs_a_folder(make_network, tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine\n")
    assert (
        kith(make_network({"ada-lovelace": ADA}), "export", "vdir", str(tmp_path / "notes.txt"))
        == 2
    )
    assert capsys.readouterr().err == (
        f"kith export: error: {tmp_path / 'notes.txt'}: is a file, not a folder; a vdir is a "
        "folder of .vcf files\n"
    )
    assert (tmp_path / "notes.txt").read_text() == "mine\n"


def test_a_problem_in_a_vdir_names_the_file_inside_it(make_network, tmp_path, capsys):
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    (vdir / "bad.vcf").write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:x\r\nEND:VCARD\r\n")
    assert kith(make_network({}), "import", str(vdir), "--dry-run") == 1
    assert f"{vdir}/bad.vcf:1: error: this card has no name" in capsys.readouterr().err


@pytest.mark.parametrize("length", [10, 75, 76, 300])
def test_long_lines_are_folded_and_unfold_to_themselves(length):
    line = "NOTE:" + "x" * length
    folded = fold(line)
    assert all(len(part) <= 75 for part in folded.split("\r\n"))
    assert unfold(folded) == [line]
