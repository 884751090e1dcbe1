"""Imported text turned into contact values: one-line text, birthdays, tags and link labels.

Every importer goes through these, so "--0412" or "1990-04-12" mean the same in a vCard and a CSV.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from kithbook.model import MonthDay

_BIRTHDAY = re.compile(
    r"(?:(?P<year>\d{4})|--)-?(?P<month>\d{2})-?(?P<day>\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
OMITTED_YEAR = 1604  # Apple writes birthdays without a year as 1604-MM-DD

# Labels that say nothing about the site ("Profile", "Home page"): the link's host names it instead.
GENERIC_LINK_LABELS = {
    "",
    "pref",
    "profile",
    "homepage",
    "home-page",
    "home",
    "work",
    "other",
    "internet",
    "x-internet",
    "voice",
    "cell",
    "main",
    "url",
}
LINK_HOSTS = {
    "linkedin.com": "linkedin",
    "github.com": "github",
    "gitlab.com": "gitlab",
    "twitter.com": "twitter",
    "x.com": "x",
    "facebook.com": "facebook",
    "instagram.com": "instagram",
    "bsky.app": "bluesky",
    "youtube.com": "youtube",
}


def one_line(text: str | None) -> str:
    """Text on one line: each run of whitespace one space, control characters gone."""
    if not text:
        return ""
    return " ".join(_CONTROL.sub("", text).split())


def plain_text(text: str | None) -> str:
    """Multi-line text with `\n` line endings, no control characters, edges trimmed."""
    if not text:
        return ""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def parse_birthday(text: str, *, year_omitted: bool = False) -> MonthDay | None:
    """`--0412`, `--04-12`, `1990-04-12` or `19900412` as a MonthDay; None when empty.

    Raises ValueError with a short reason when the text is not such a date.
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    match = _BIRTHDAY.fullmatch(cleaned)
    if match is None:
        raise ValueError(f"{cleaned!r} is not a date (expected 1990-04-12 or --04-12)")
    year = int(match["year"]) if match["year"] else None
    if year_omitted or year == OMITTED_YEAR:
        year = None
    month, day = int(match["month"]), int(match["day"])
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year, so --02-29 passes
    except ValueError:
        raise ValueError(f"{cleaned!r} is not a real date") from None
    return MonthDay(month, day, year)


def tag_word(text: str) -> str:
    """A label such as "Friends & Family" as the tag word `friends-family`."""
    return "-".join(re.findall(r"[^\W_]+", text.lower()))


def link_label(url: str) -> str:
    """The label a link is filed under: the site's name for known sites, else `website`."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.").removeprefix("m.")
    for known, label in LINK_HOSTS.items():
        if host == known or host.endswith(f".{known}"):
            return label
    return "website"


def add_link(links: dict[str, str], label: str, url: str) -> None:
    """File `url` under `label`, or `label-2`... when that label holds another link."""
    url = one_line(url)
    label = tag_word(label) or link_label(url)
    if not url or url in links.values():
        return
    numbered, count = label, 1
    while numbered in links:
        count += 1
        numbered = f"{label}-{count}"
    links[numbered] = url


def add_unique(items: list[str], value: str | None) -> None:
    """Append one-line `value` unless it is empty or already there (case-insensitively)."""
    value = one_line(value)
    if value and value.lower() not in (item.lower() for item in items):
        items.append(value)


def parse_met_date(text: str) -> tuple[dt.date, str] | None:
    """`2020-03-14`, `2020-03` or `2020` as (date, precision); None when empty."""
    cleaned = text.strip()
    if not cleaned:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", cleaned)
    if match is None:
        raise ValueError(f"{cleaned!r} is not a date (expected 2020-03-14, 2020-03 or 2020)")
    precision = "day" if match[3] else "month" if match[2] else "year"
    try:
        return dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1)), precision
    except ValueError:
        raise ValueError(f"{cleaned!r} is not a real date") from None
