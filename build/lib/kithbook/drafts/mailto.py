"""A `mailto:` link that opens a draft in the mail program (RFC 6068)."""

from __future__ import annotations

from urllib.parse import quote


def mailto(address: str, subject: str | None, body: str) -> str:
    """A `mailto:` URL (RFC 6068): address, subject and body percent-encoded, lines as CRLF."""
    query = []
    if subject:
        query.append("subject=" + quote(subject, safe=""))
    query.append("body=" + quote(body.replace("\r\n", "\n").replace("\n", "\r\n"), safe=""))
    return f"mailto:{quote(address, safe='@+')}?{'&'.join(query)}"
