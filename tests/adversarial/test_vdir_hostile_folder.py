"""Review of the new surfaces: `kith export vdir DIR` and `kith import DIR` on a folder holding a
FIFO, a link or the card of a contact made private since (kithbook.exporters.vdir,
kithbook.importers.vcard.read_vdir)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kithbook.cli import main

ADA = "---\nname: Ada Lovelace\nemails: [ada@example.org]\n---\n"
BOB = "---\nname: Bob Babbage\nemails: [bob@example.org]\n---\n"


@pytest.fixture
def root(make_network) -> Path:
    return make_network({"ada": ADA, "bob": BOB})


def kith(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """kith in its own process, with a time limit: a FIFO must not hang it."""
    command = [sys.executable, "-m", "kithbook", *args, "--root", str(root)]
    return subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)


@pytest.mark.parametrize("command", ["export vdir DIR", "import DIR --dry-run"])
def test_a_fifo_in_the_vdir_is_skipped_not_a_hang(root, tmp_path, command):
    vdir = tmp_path / "vdir"
    assert main(["export", "vdir", str(vdir), "--root", str(root)]) == 0
    os.mkfifo(vdir / "a-fifo.vcf")
    done = kith(root, *[str(vdir) if word == "DIR" else word for word in command.split()])
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1)


def test_a_card_that_is_a_link_is_never_replaced(root, tmp_path, capsys):
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    mine = tmp_path / "mine.txt"
    mine.write_text("MINE\n")
    (vdir / "kithbook_ada.vcf").symlink_to(mine)
    assert main(["export", "vdir", str(vdir), "--root", str(root)]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert mine.read_text() == "MINE\n" and (vdir / "kithbook_ada.vcf").is_symlink()


def test_the_card_of_a_contact_made_private_since_is_named_in_a_warning(root, tmp_path, capsys):
    vdir = tmp_path / "vdir"
    assert main(["export", "vdir", str(vdir), "--root", str(root)]) == 0
    (root / "contacts" / "ada.md").write_text(
        ADA.replace("---\n\n", "").replace("emails", "private: true\nemails")
    )
    capsys.readouterr()
    assert main(["export", "vdir", str(vdir), "--root", str(root)]) == 0
    err = capsys.readouterr().err
    assert "1 cards in" in err and "kithbook_ada.vcf" in err and "now private" in err
    assert main(["export", "vdir", str(vdir), "--include-private", "--root", str(root)]) == 0
    assert "now private" not in capsys.readouterr().err


def test_an_empty_vdir_argument_is_refused_not_the_current_folder(root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit:
        main(["export", "vdir", "", "--root", str(root)])
    assert exit.value.code == 2 and not list(tmp_path.glob("*.vcf"))


@pytest.mark.parametrize("slug", ["index", "people", "x" * 300, "../../evil", "Upper"])
def test_a_card_whose_kithbook_slug_no_file_may_have_is_imported_under_its_name(
    make_network, tmp_path, slug
):
    root = make_network({"ada": ADA})
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    card = f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u-1\r\nFN:Nia Card\r\nX-KITHBOOK-SLUG:{slug}\r\n"
    (vdir / "one.vcf").write_text(card + "END:VCARD\r\n")
    assert main(["import", str(vdir), "--root", str(root), "--no-commit"]) == 0
    assert (root / "contacts" / "nia-card.md").is_file()
