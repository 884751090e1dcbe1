"""The plan as documented is the plan computed: docs/due.md's worked example and the README's demo
output, on the demo network of this repository at 1 December 2026."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kithbook.cli import main
from kithbook.parse.load import load
from kithbook.rules.due import due_list

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 12, 1)


def worked_example() -> dict[str, str]:
    """The rows of docs/due.md's worked example: first words of the Who column -> Priority."""
    text = (REPO / "docs" / "due.md").read_text(encoding="utf-8")
    table = text.split("**Worked example**", 1)[1].split("\n\n", 2)[1]
    rows = [line.split("|")[1:-1] for line in table.splitlines()[2:]]
    return {cells[0].strip().split(",")[0]: cells[-1].strip(" *") for cells in rows}


@pytest.fixture(scope="module")
def demo():
    return due_list(load(REPO), TODAY)


@pytest.mark.parametrize(
    ("who", "slug"),
    [("Farid", "farid-haddad-noor"), ("Nadia", "nadia-petrosyan"), ("Dario", "dario-fenwick")],
)
def test_the_worked_example_is_what_the_demo_computes(demo, who, slug):
    (item,) = [item for item in demo.items if item.slug == slug]
    assert f"{item.priority:.2f}" == worked_example()[who]


def test_the_worked_example_names_todays_plan(demo):
    assert [item.slug for item in demo.plan] == [
        "farid-haddad-noor",
        "nadia-petrosyan",
        "tamsin-blackwood",
    ]


HYPOTHETICAL = {  # the example's other rows, as one contact each on 1 December 2026
    "an acquaintance's birthday today (every year)": (
        "circle: acquaintance\nbirthday: 1980-12-01",
        "2026-05-01 <-> email: hi",
    ),
    "a close friend six weeks overdue": ("circle: close", "2026-09-29 <-> phone: long talk"),
    "a close friend's birthday today": (
        "circle: close\nbirthday: 1980-12-01",
        "2026-11-20 <-> phone: talked",
    ),
}


@pytest.mark.parametrize("who", sorted(HYPOTHETICAL))
def test_the_examples_other_rows_are_what_the_formula_gives(make_network, who):
    front, entry = HYPOTHETICAL[who]
    text = f"---\nname: Sam Example\n{front}\n---\n\n## Log\n- {entry}\n"
    (item,) = due_list(load(make_network({"sam": text})), TODAY).items
    shown = worked_example()[who]
    assert f"{item.priority:.{len(shown.split('.')[1])}f}" == shown


def test_the_readme_shows_the_demo_plan_as_kith_due_prints_it(capsys):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"On the demo network \(`kith due --today 2026-12-01`\):\n\n```\n(.*?)```", readme, re.S
    )
    assert block is not None
    assert main(["due", "--root", str(REPO), "--today", "2026-12-01", "--no-cache"]) == 0
    assert capsys.readouterr().out == block.group(1)


def test_docs_show_the_demo_stats_as_kith_stats_prints_them(capsys):
    docs = (REPO / "docs" / "due.md").read_text(encoding="utf-8")
    block = re.search(
        r"On the demo network \(`kith stats --today 2026-12-01`\):\n\n```\n(.*?)```", docs, re.S
    )
    assert block is not None
    assert main(["stats", "--root", str(REPO), "--today", "2026-12-01"]) == 0
    assert capsys.readouterr().out == block.group(1)
