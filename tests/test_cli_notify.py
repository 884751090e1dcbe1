"""`kith notify`: today's plan as one message through apprise, to a local SMTP server (aiosmtpd)
and a local HTTP endpoint, both on 127.0.0.1 and started and stopped here; nothing else is
contacted."""

from __future__ import annotations

import datetime as dt
import email
import http.server
import json
import socket
import threading
from collections.abc import Iterator
from email import policy

import pytest
from aiosmtpd.controller import Controller

from kithbook.cli import main
from kithbook.exporters.digest import build_digest, todays_items
from kithbook.parse.load import load
from kithbook.rules.due import due_list

TODAY = "2026-06-01"
CONTACTS = {
    "ada-lovelace": """
        ---
        name: Ada Lovelace
        circle: close
        channel: video
        ---

        ## Log

        - 2026-01-05 -> email: sent the paper
        """,
    "secret-agent": """
        ---
        name: Secret Agent
        circle: close
        private: true
        ---

        ## Log

        - 2026-01-05 -> email: hello
        """,
    "bram-okafor": """
        ---
        name: Bram Okafor
        circle: close
        ---

        ## Log

        - 2026-05-30 <-> phone: long call
        """,
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[int, Inbox]]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, inbox
    finally:
        controller.stop()


@pytest.fixture
def webhook() -> Iterator[tuple[int, list[dict]]]:
    received: list[dict] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port, received
    finally:
        server.shutdown()
        server.server_close()


def notify(root, *args: str) -> int:
    return main(["notify", "--root", str(root), "--today", TODAY, *args])


def test_the_plan_arrives_as_one_e_mail_through_a_local_smtp_server(make_network, smtp, capsys):
    port, inbox = smtp
    root = make_network(CONTACTS)
    url = f"mailto://127.0.0.1:{port}?from=kith@example.org&to=me@example.org&secure=no"
    assert notify(root, "--to", url) == 0
    (message,) = inbox.messages
    assert message["Subject"] == "Kithbook: 1 person to reach out to on 2026-06-01"
    text = message.get_body(("plain",)).get_content()
    assert "- Ada Lovelace (video): " in text
    assert "Secret Agent" not in text and "Bram Okafor" not in text
    assert "sent to mailto://127.0.0.1" in capsys.readouterr().err


def test_the_plan_arrives_at_a_local_webhook_from_the_config(make_network, webhook):
    port, received = webhook
    root = make_network(
        CONTACTS,
        config=f"plugins:\n  - kithbook:\n      notify:\n        - json://127.0.0.1:{port}/kith\n",
    )
    assert notify(root) == 0
    (payload,) = received
    assert payload["title"].startswith("Kithbook: 1 person")
    assert "Ada Lovelace" in payload["message"]


def test_private_contacts_are_named_only_when_asked(make_network, webhook, monkeypatch):
    port, received = webhook
    monkeypatch.setenv("KITHBOOK_NOTIFY", f"json://127.0.0.1:{port}/kith")
    assert notify(make_network(CONTACTS), "--include-private") == 0
    assert "Secret Agent" in received[0]["message"]


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        ([], 2, "no address to send to"),
        (["--to", "nonsense"], 2, "is not an apprise URL"),
        (["--to", f"json://127.0.0.1:{free_port()}/closed"], 1, "not sent"),
    ],
)
def test_a_message_that_cannot_go_says_why(make_network, capsys, monkeypatch, args, code, said):
    monkeypatch.delenv("KITHBOOK_NOTIFY", raising=False)
    assert notify(make_network(CONTACTS), *args) == code
    assert said in capsys.readouterr().err


@pytest.mark.parametrize("people", [CONTACTS, {}], ids=["someone-due", "nobody-due"])
def test_a_mistyped_url_is_said_even_in_a_dry_run_or_on_a_quiet_day(make_network, capsys, people):
    assert notify(make_network(people), "--to", "ntfy:/one-slash", "--dry-run") == 2
    err = capsys.readouterr().err
    assert err == "kith notify: error: ntfy:... is not an apprise URL this apprise can send to\n"


def test_nobody_due_sends_nothing(make_network, webhook, capsys):
    port, received = webhook
    root = make_network({"bram-okafor": CONTACTS["bram-okafor"]})
    assert notify(root, "--to", f"json://127.0.0.1:{port}/kith") == 0
    assert received == []
    assert "nobody is due" in capsys.readouterr().err


def test_a_dry_run_prints_the_message(make_network, capsys):
    assert notify(make_network(CONTACTS), "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.startswith("Kithbook: 1 person to reach out to on 2026-06-01\n\n- Ada Lovelace")


def test_the_digest_lists_each_item_with_its_reason(make_network):
    network = load(make_network(CONTACTS))
    today = dt.date.fromisoformat(TODAY)
    digest = build_digest(todays_items(due_list(network, today)), today, include_private=True)
    assert digest.count == 2
    assert [line.split(":")[0] for line in digest.body.splitlines()[:2]] == [
        "- Ada Lovelace (video)",
        "- Secret Agent",
    ]


def test_the_message_is_the_days_plan_and_no_more(make_network):
    people = {
        f"p{n}": CONTACTS["ada-lovelace"].replace("Ada Lovelace", f"Person {n}") for n in range(5)
    }
    network = load(make_network(people, config="plugins:\n  - kithbook:\n      per_day: 2\n"))
    today = dt.date.fromisoformat(TODAY)
    due = due_list(network, today)
    assert len(due.items) == 5 and len(todays_items(due)) == 2
    assert build_digest(todays_items(due), today).count == 2
