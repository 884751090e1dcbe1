"""The CardDAV recipe of docs/import-export.md, run for real: `kith export vdir`, vdirsyncer, a
Radicale server on 127.0.0.1 (started and stopped here), edits on the server side, `kith import`
of the vdir. Nothing is lost or duplicated on either side. Nothing contacts another host."""

from __future__ import annotations

import base64
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kithbook.cli import main
from kithbook.parse.load import load

BIN = Path(sys.executable).parent
VDIRSYNCER = BIN / "vdirsyncer"
pytestmark = pytest.mark.skipif(not VDIRSYNCER.exists(), reason="vdirsyncer is not installed")
AUTH = "Basic " + base64.b64encode(b"kith:kith").decode()
COLLECTION = "/kith/contacts/"
MKCOL = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<mkcol xmlns="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><set><prop>'
    "<resourcetype><collection/><CR:addressbook/></resourcetype>"
    "<displayname>Kithbook</displayname></prop></set></mkcol>"
)
CONTACTS = {
    "ada-lovelace": "---\nname: Ada Lovelace\nemails: [ada@example.org]\n"
    "phones: ['+44 20 7946 0101']\ncircle: friend\nstatus: paused\n---\n\nLoves sailing.\n\n"
    "## Log\n\n- 2026-05-01 -> email: sent the paper\n",
    "bram-okafor": "---\nname: Bram Okafor\nemails: [bram@example.org]\n---\n\n## Log\n",
}
NEW_ON_PHONE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-0001\r\nFN:Noor Haddad\r\nN:Haddad;Noor;;;\r\n"
    "TEL;TYPE=CELL:+44 7700 900666\r\nEND:VCARD\r\n"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(base: str, method: str, path: str, body: str = "", **headers: str):
    data = body.encode() if body else None
    sent = urllib.request.Request(base + path, data=data, method=method)
    sent.add_header("Authorization", AUTH)
    for name, value in headers.items():
        sent.add_header(name.replace("_", "-"), value)
    with urllib.request.urlopen(sent, timeout=10) as answer:
        return answer.status, answer.read().decode()


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[str]:
    """A Radicale server on a free port of 127.0.0.1 with its storage in tmp_path; its URL."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--config",
            "",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(tmp_path / "storage"),
            "--auth-type",
            "none",
            "--rights-type",
            "owner_only",
            "--logging-level",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                request(base, "GET", "/")
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        request(base, "MKCOL", COLLECTION, MKCOL, Content_Type="application/xml")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def server_cards(base: str) -> dict[str, str]:
    """{href: card text} of every card in the address book."""
    _, listing = request(base, "PROPFIND", COLLECTION, Depth="1")
    hrefs = [
        href for href in re.findall(r"<(?:\w+:)?href>([^<]+)</", listing) if href.endswith(".vcf")
    ]
    return {href: request(base, "GET", href)[1] for href in hrefs}


def uid_of(card: str) -> str:
    return re.search(r"^UID:(.*?)\r?$", card, re.MULTILINE)[1]


def sync(tmp_path: Path, base: str) -> None:
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(
        f"""
[general]
status_path = "{tmp_path / "status"}/"

[pair kithbook]
a = "kithbook_vdir"
b = "kithbook_server"
collections = null
conflict_resolution = "b wins"

[storage kithbook_vdir]
type = "filesystem"
path = "{tmp_path / "vdir"}/"
fileext = ".vcf"

[storage kithbook_server]
type = "carddav"
url = "{base}{COLLECTION}"
username = "kith"
password = "kith"
""",
        encoding="utf-8",
    )
    env = {**os.environ, "HOME": str(tmp_path)}
    for command in (["discover", "kithbook"], ["sync"]):
        done = subprocess.run(
            [str(VDIRSYNCER), "-c", str(config), *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr


def kith(root: Path, *args: str) -> int:
    return main([*args, "--root", str(root), "--today", "2026-06-01"])


def test_contacts_sync_both_ways_with_a_carddav_server_without_loss_or_duplicates(
    tmp_path, make_network, radicale
):
    root = make_network(CONTACTS)
    vdir = tmp_path / "vdir"
    assert kith(root, "export", "vdir", str(vdir)) == 0
    sync(tmp_path, radicale)
    cards = server_cards(radicale)
    assert sorted(uid_of(card) for card in cards.values()) == [
        "kithbook:ada-lovelace",
        "kithbook:bram-okafor",
    ]

    # On the phone: a second number for Ada, and a new contact.
    href, ada = next((h, c) for h, c in cards.items() if "ada-lovelace" in uid_of(c))
    edited = ada.replace("END:VCARD", "TEL;TYPE=CELL:+44 7700 900999\r\nEND:VCARD")
    request(radicale, "PUT", href, edited, Content_Type="text/vcard")
    request(radicale, "PUT", COLLECTION + "phone-0001.vcf", NEW_ON_PHONE, Content_Type="text/vcard")
    sync(tmp_path, radicale)

    assert kith(root, "import", str(vdir), "--no-commit") == 0
    network = load(root)
    ada_contact = network.get("ada-lovelace")
    assert ada_contact.phones == ("+44 20 7946 0101", "+44 7700 900999")
    assert ada_contact.status == "paused" and ada_contact.circle == "friend"
    assert len(ada_contact.log) == 1 and ada_contact.notes.strip() == "Loves sailing."
    assert network.get("noor-haddad").uid == "phone-0001"
    assert len(network.contacts) == 3

    assert kith(root, "export", "vdir", str(vdir)) == 0
    assert len(list(vdir.glob("*.vcf"))) == 3
    sync(tmp_path, radicale)
    cards = server_cards(radicale)
    uids = sorted(uid_of(card) for card in cards.values())
    assert uids == ["kithbook:ada-lovelace", "kithbook:bram-okafor", "phone-0001"]
    ada_card = next(card for card in cards.values() if "ada-lovelace" in uid_of(card))
    assert "+44 7700 900999" in ada_card and "+44 20 7946 0101" in ada_card
    assert "X-KITHBOOK-STATUS:paused" in ada_card

    # and a second round changes nothing
    assert kith(root, "import", str(vdir), "--no-commit") == 0
    assert len(load(root).contacts) == 3
