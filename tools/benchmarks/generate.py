"""Generate a large fictional network for benchmarks: realistic files, deterministic for a seed.

`python tools/benchmarks/generate.py DIR --contacts 10000` writes DIR/contacts/*.md and DIR/mkdocs.yml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

FIRST = [
    "Ada",
    "Bram",
    "Chidi",
    "Dana",
    "Emeka",
    "Freya",
    "Goran",
    "Hana",
    "Ines",
    "Jonas",
    "Kemi",
    "Lior",
    "Mara",
    "Nils",
    "Oona",
    "Pavel",
    "Quinn",
    "Rosa",
    "Sami",
    "Tove",
    "Umar",
    "Vera",
    "Wren",
    "Xena",
    "Yusuf",
    "Zora",
]
LAST = [
    "Abara",
    "Brightwater",
    "Castellan",
    "Dunmore",
    "Eskildsen",
    "Fairweather",
    "Galloway",
    "Hollis",
    "Ilori",
    "Jansen",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quist",
    "Rahman",
    "Sorensen",
    "Tanaka",
    "Ueda",
    "Valdez",
    "Whitlock",
    "Yilmaz",
]
COMPANIES = [
    "Acme Analytics",
    "Brightline Labs",
    "Cobalt Health",
    "Dovetail Studio",
    "Ember Energy",
    "Fjord Freight",
    "Granite Bank",
    "Harbor Robotics",
    "Iris Media",
    "Juniper Schools",
]
ROLES = ["Engineer", "Designer", "Product Manager", "Researcher", "Founder", "Teacher", "Analyst"]
TAGS = ["mentor", "python", "design", "hiring", "climate", "music", "running", "books", "startup"]
CIRCLES = ["close", "friend", "colleague", "network", "acquaintance"]
CHANNELS = ["email", "phone", "video", "message", "in-person"]
ARROWS = ["->", "<-", "<->", "note"]

CONFIG = "site_name: Benchmark network\nplugins:\n  - kithbook\n"


def contact_text(
    index: int, slug: str, slugs: list[str], rng: random.Random, log_lines: int, today: dt.date
) -> str:
    """One contact file in the documented format, with `log_lines` log entries."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    lines = [
        "---",
        f"name: {first} {last} {index}",
        f"emails: [{slug}@example.org]",
        f'phones: ["+44 20 7946 {index % 10000:04d}"]',
        f"company: {rng.choice(COMPANIES)}",
        f"role: {rng.choice(ROLES)}",
        f"circle: {rng.choice(CIRCLES)}",
        f"tags: [{', '.join(rng.sample(TAGS, 2))}]",
        f"channel: {rng.choice(CHANNELS)}",
        f"birthday: {1960 + rng.randrange(40)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        "met:",
        f"  date: {2005 + rng.randrange(20)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        "  where: a conference",
        f"knows: [{', '.join(rng.sample(slugs, 2))}]",
        "memories:",
        "  - Shared a long train ride to a conference and talked about books",
        "---",
        "",
        f"Met {first} years ago. Notes about what matters to them.",
        "",
        "## Log",
    ]
    day = today - dt.timedelta(days=rng.randrange(30, 900))
    for _ in range(log_lines):
        arrow = rng.choice(ARROWS)
        what = "note" if arrow == "note" else f"{arrow} {rng.choice(CHANNELS)}"
        lines.append(f"- {day.isoformat()} {what}: caught up about work and family #catchup")
        day += dt.timedelta(days=rng.randrange(1, 40))
        day = min(day, today)
    return "\n".join(lines) + "\n"


def write_network(
    root: Path,
    n_contacts: int,
    log_lines: int = 10,
    seed: int = 1,
    today: dt.date = dt.date(2026, 11, 1),
) -> Path:
    """Write a network of `n_contacts` contacts under `root`; returns root."""
    rng = random.Random(seed)
    folder = root / "contacts"
    folder.mkdir(parents=True, exist_ok=True)
    slugs = [f"person-{index:05d}" for index in range(n_contacts)]
    for index, slug in enumerate(slugs):
        text = contact_text(index, slug, slugs, rng, log_lines, today)
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--log-lines", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_network(args.root, args.contacts, args.log_lines, args.seed)
    print(f"wrote {args.contacts} contacts to {args.root / 'contacts'}")


if __name__ == "__main__":
    main()
