"""Review of the new surfaces: `kith merge` never makes a private contact public. The loader keeps a
contact private when its `private` value is not plainly true or false (`private: "yes"`, `1`, `ja`);
merging such a contact into a public one used to copy nothing, so its notes and log went on the
site (kithbook.write.merge_contacts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gitrepo import commit_all, init_repo
from kithbook.cli import main
from kithbook.parse.load import load
from kithbook.rules.validate import validate
from kithbook.site.pages import site_pages

TODAY = dt.date(2026, 12, 1)
KEEP = (
    "---\nname: Keep Person\nemails: [keep@example.org]\n---\n\n## Log\n- 2026-01-01 -> email: hi\n"
)
OTHER = (
    "---\nname: Other Person\n{private}\nemails: [other@example.org]\n---\n\nSECRET-NOTE\n\n"
    "## Log\n- 2026-02-01 -> email: SECRET-LOG\n"
)


def site_text(root: Path) -> str:
    network = load(root)
    pages = site_pages(network, TODAY, validate(network, TODAY), {})
    return "\n".join(page.markdown for page in pages)


@pytest.mark.parametrize(
    "private",
    ['private: "yes"', "private: 1", "private: ja", 'private: "true"', "private: true"],
)
def test_merging_a_private_contact_into_a_public_one_keeps_the_result_private(tmp_path, private):
    root = init_repo(tmp_path / "network")
    (root / "contacts").mkdir()
    (root / "contacts" / "keep.md").write_text(KEEP)
    (root / "contacts" / "other.md").write_text(OTHER.format(private=private))
    commit_all(root)
    assert load(root).get("other").private
    assert "SECRET" not in site_text(root)
    assert main(["merge", "keep", "other", "--root", str(root), "--today", "2026-12-01"]) == 0
    merged = load(root).get("keep")
    assert merged.private and "SECRET-LOG" in (root / "contacts" / "keep.md").read_text()
    assert "SECRET" not in site_text(root)


def test_merging_two_public_contacts_adds_no_private_key(tmp_path):
    root = init_repo(tmp_path / "network")
    (root / "contacts").mkdir()
    (root / "contacts" / "keep.md").write_text(KEEP)
    (root / "contacts" / "other.md").write_text(OTHER.format(private="private: false"))
    commit_all(root)
    assert main(["merge", "keep", "other", "--root", str(root), "--today", "2026-12-01"]) == 0
    assert not load(root).get("keep").private
    assert "private: true" not in (root / "contacts" / "keep.md").read_text()


def test_merging_a_contact_that_keep_knows_drops_the_self_reference_and_undo_restores(tmp_path):
    root = init_repo(tmp_path / "network")
    (root / "contacts").mkdir()
    keep = KEEP.replace("emails:", "knows: [other, ada]\nemails:")
    (root / "contacts" / "keep.md").write_text(keep)
    (root / "contacts" / "ada.md").write_text("---\nname: Ada\nknows: [other]\n---\n")
    (root / "contacts" / "other.md").write_text(OTHER.format(private="private: false"))
    commit_all(root)
    assert main(["merge", "keep", "other", "--root", str(root), "--today", "2026-12-01"]) == 0
    network = load(root)
    assert network.get("keep").knows == ("ada",) and network.get("ada").knows == ("keep",)
    assert not [problem for problem in validate(network, TODAY) if problem.severity == "error"]
    assert main(["undo", "--root", str(root)]) == 0
    assert (root / "contacts" / "keep.md").read_text() == keep


def test_merging_keeps_the_comments_written_in_the_other_files_front_matter(tmp_path):
    root = init_repo(tmp_path / "network")
    (root / "contacts").mkdir()
    (root / "contacts" / "keep.md").write_text("---\nname: Keep\nemails: [k@example.org]\n---\n")
    other = (
        "---\nname: Other   # her maiden name\n# met at the chess club\nemails:\n"
        "  - o@example.org   # personal, do not share\n  - k@example.org   # shared\n"
        "tags: [chess]   # since 2020\nbirthday: 1990-01-01  # no parties\n---\n"
    )
    (root / "contacts" / "other.md").write_text(other)
    commit_all(root)
    assert main(["merge", "keep", "other", "--root", str(root), "--today", "2026-12-01"]) == 0
    merged = (root / "contacts" / "keep.md").read_text()
    for comment in [
        "# her maiden name",
        "# met at the chess club",
        "# personal, do not share",
        "# shared",
        "# since 2020",
        "# no parties",
    ]:
        assert merged.count(comment) == 1, comment
    assert not [p for p in validate(load(root), TODAY) if p.severity == "error"]
