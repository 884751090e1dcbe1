"""Writing an import plan: safe new files, merges that keep every other byte, one Git commit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gitrepo import commit_all, git, init_repo
from kithbook.importers import read_source
from kithbook.importers.apply import apply_plan
from kithbook.importers.plan import plan_import
from kithbook.parse.load import load
from kithbook.repo.commits import commit_trailers
from kithbook.rules.validate import validate
from kithbook.write.undo import undo_last

TODAY = dt.date(2026, 12, 1)
FIXTURES = Path(__file__).parent / "fixtures" / "import"

HAND_WRITTEN = """\
---
# Ada, written by hand
name: Ada Lovelace   # the countess
emails:
  - ada@example.org
---

Notes about Ada.

## Log
- 2026-11-02 -> email: hello
"""


def make_repo(root: Path) -> Path:
    init_repo(root)
    commit_all(root)
    return root


def import_file(root: Path, name: str, format_name: str):
    network = load(root)
    parsed = read_source((FIXTURES / name).read_bytes(), format_name)
    plan = plan_import(parsed.candidates, network, TODAY, parsed.problems)
    return plan, apply_plan(plan, network, TODAY, name)


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        ("dana-the-boss-o-neil-ceo", 'Dana "The Boss" O\'Neil: CEO'),
        ("dashes-example-org", "dashes@example.org"),  # "---" names no one: the e-mail does
        ("no", "No"),
        ("null", "null"),
        ("2024-01-01", "2024-01-01"),
        ("multi-line-name", "Multi Line Name"),
        ("etc-passwd", "../../etc/passwd"),
    ],
)
def test_hostile_names_are_written_as_quoted_yaml_that_loads_back_as_text(make_network, slug, name):
    root = make_network({})
    import_file(root, "hostile.csv", "csv")
    network = load(root)
    assert network.by_slug[slug].name == name
    assert validate(network, TODAY) == []
    assert sorted(path.parent for path in root.rglob("*.md")) == [root / "contacts"] * 7


def test_hostile_notes_stay_notes_and_never_become_log_entries(make_network):
    root = make_network({})
    import_file(root, "hostile.csv", "csv")
    dana = load(root).by_slug["dana-the-boss-o-neil-ceo"]
    assert dana.log == ()
    assert "<script>" not in dana.body and "&lt;script>" in dana.notes


@pytest.mark.parametrize(
    "fixture",
    [
        ("apple.vcf", "vcard"),
        ("google.vcf", "vcard"),
        ("outlook.vcf", "vcard"),
        ("v4.vcf", "vcard"),
        ("legacy-latin1.vcf", "vcard"),
        ("Connections.csv", "linkedin"),
        ("google_contacts.csv", "google"),
        ("generic.csv", "csv"),
    ],
)
def test_every_fixture_imports_into_files_that_validate_clean_and_twice_changes_nothing(
    make_network, fixture
):
    root = make_network({})
    _, first = import_file(root, *fixture)
    assert first.created and validate(load(root), TODAY) == []
    before = {path: path.read_bytes() for path in root.rglob("*.md")}
    plan, second = import_file(root, *fixture)
    assert (plan.new, plan.merges, second.paths) == ([], [], [])
    assert {path: path.read_bytes() for path in root.rglob("*.md")} == before


def test_imported_contacts_have_no_log_entries(make_network):
    root = make_network({})
    plan, _ = import_file(root, "apple.vcf", "vcard")
    contacts = load(root).contacts
    assert len(contacts) == len(plan.new) == 3  # every card of the file became a contact file
    assert [contact.log for contact in contacts] == [(), (), ()]


def test_a_merge_adds_lines_and_keeps_every_hand_written_byte(make_network):
    astrid = HAND_WRITTEN.replace("Ada Lovelace", "Astrid Lindqvist")
    root = make_network({"astrid-lindqvist": astrid})
    import_file(root, "Connections.csv", "linkedin")
    text = (root / "contacts" / "astrid-lindqvist.md").read_text()
    assert text == (
        "---\n# Ada, written by hand\nname: Astrid Lindqvist   # the countess\nemails:\n"
        "  - ada@example.org\n"
        "links:\n  linkedin: https://www.linkedin.com/in/astrid-lindqvist-example\n"
        "company: Fjord Freight AB\nrole: Head of Routing\nmet:\n  date: 2019-03-14\n"
        "  where: LinkedIn\n---\n\nNotes about Ada.\n\n## Log\n- 2026-11-02 -> email: hello\n"
    )


def test_a_file_with_errors_is_not_merged_into(make_network):
    broken = "---\nname: Chidi Okafor\nbirthday: 2025-13-01\n---\n"
    root = make_network({"chidi-okafor": broken})
    plan, result = import_file(root, "apple.vcf", "vcard")
    assert (root / "contacts" / "chidi-okafor.md").read_text() == broken
    assert "contacts/chidi-okafor.md" not in result.merged
    assert any("chidi-okafor.md: merge skipped" in problem.message for problem in result.problems)


def test_the_import_is_one_kith_commit_that_undo_takes_back_whole(make_network):
    root = make_repo(make_network({"ada-lovelace": HAND_WRITTEN}))
    _, result = import_file(root, "Connections.csv", "linkedin")
    assert result.commit is not None and result.commit.committed
    message = git(root, "log", "-1", "--format=%B")
    assert message.splitlines()[0] == "import: 4 new, 0 merged from Connections.csv"
    assert commit_trailers(message) == {"Kith-Command": "import"}
    assert len(git(root, "show", "--name-only", "--format=", "HEAD").split()) == 4
    undo_last(root)
    assert sorted(path.name for path in (root / "contacts").iterdir()) == ["ada-lovelace.md"]


SMALL_FILES = "site_name: Network\nplugins:\n  - kithbook:\n      max_file_bytes: {limit}\n"


def test_a_merge_that_would_make_a_file_too_large_to_load_is_skipped(make_network):
    """Edits in an import leave loading to the batch check, which uses the network's settings."""
    astrid = HAND_WRITTEN.replace("Ada Lovelace", "Astrid Lindqvist")
    limit = len(astrid.encode("utf-8")) + 10
    root = make_network({"astrid-lindqvist": astrid}, SMALL_FILES.format(limit=limit))
    _, result = import_file(root, "Connections.csv", "linkedin")
    assert (root / "contacts" / "astrid-lindqvist.md").read_text() == astrid
    assert result.merged == []
    assert any(
        "astrid-lindqvist.md: merge skipped: the file would have a problem" in problem.message
        and "larger than" in problem.message
        for problem in result.problems
    )


def test_an_import_of_many_files_is_one_commit_that_undo_takes_back_whole(
    make_network, monkeypatch
):
    monkeypatch.setattr(
        "kithbook.repo.plumbing.BULK_PATHS", 1
    )  # the path a 10,000-row import takes
    root = make_repo(make_network({"ada-lovelace": HAND_WRITTEN}))
    _, result = import_file(root, "apple.vcf", "vcard")
    assert result.commit is not None and result.commit.committed
    assert git(root, "status", "--porcelain") == ""
    undo_last(root)
    assert sorted(path.name for path in (root / "contacts").iterdir()) == ["ada-lovelace.md"]
    assert (root / "contacts" / "ada-lovelace.md").read_text() == HAND_WRITTEN
