"""Issue 11, privacy on the site: what the hardening run leaked, each case kept from coming back.

Every case checks the one public view (kithbook.public) through what people see: the site's pages
(and, once, a real MkDocs build with its search index), `kith export json/csv/vcard` and the
calendar file of `kith due --ics`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kithbook.cli import main
from kithbook.model import Problem
from kithbook.parse.load import load
from kithbook.public import PRIVATE_FILE, looks_private, public_problems
from kithbook.rules.validate import validate
from kithbook.site.pages import site_pages
from kithbook.site.plugin import EXTENSIONS

TODAY = dt.date(2026, 12, 1)
SECRET = "Zephyrine"  # the name, company and notes of whatever must stay hidden
PUBLIC = "---\nname: Ada Lovelace\ncompany: Acme Analytics\nknows: [quill-hidden]\n---\nHello.\n"
CONFIG = """
    site_name: Test network
    theme:
      name: material
      font: false
    plugins:
      - search
      - kithbook
    """


def private_via_merge(merge: str) -> str:
    return (
        "---\n"
        f"{merge}\n"
        f"name: {SECRET} Quill\n"
        f"company: {SECRET} Corp\n"
        "birthday: 1990-12-05\n"
        "tags: [friends]\n"
        "knows: [ada-lovelace]\n"
        "---\n"
        f"{SECRET} notes.\n"
    )


MERGES = {
    "an anchor merged in": "base: &p {private: true}\n<<: *p",
    "a list of anchors merged in": "a: &a {role: x}\nb: &p {private: true}\n<<: [*a, *p]",
    "a merge of a merge": "a: &p {private: true}\nb: &q {<<: *p}\n<<: *q",
    "a misspelt key merged in": "base: &p {Private: yes}\n<<: *p",
    "an unclear value merged in": "base: &p {private: maybe}\n<<: *p",
    "a merge that overrides private: false": "base: &p {private: true}\nprivate: false\n<<: *p",
}


def site_text(root: Path) -> str:
    """Every generated page of the network, as Markdown and as the HTML Markdown makes of it."""
    network = load(root)
    pages = site_pages(network, TODAY, validate(network, TODAY))
    return "\n".join(
        page.uri + "\n" + page.markdown + markdown.markdown(page.markdown, extensions=EXTENSIONS)
        for page in pages
    )


def exported(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """`kith export` in every format, and the calendar file of `kith due --ics`."""
    texts = []
    for format_name in ("json", "csv", "vcard"):
        assert main(["export", format_name, "--root", str(root), "--today", "2026-12-01"]) == 0
        texts.append(capsys.readouterr().out)
    calendar = root / "due.ics"
    main(["due", "--root", str(root), "--today", "2026-12-01", "--ics", str(calendar)])
    capsys.readouterr()
    texts.append(calendar.read_text(encoding="utf-8"))
    return "\n".join(texts)


@pytest.mark.parametrize("merge", MERGES.values(), ids=MERGES.keys())
def test_a_yaml_merge_key_that_makes_a_contact_private_hides_it_everywhere(
    make_network, capsys, merge
):
    root = make_network({"ada-lovelace": PUBLIC, "quill-hidden": private_via_merge(merge)})
    assert load(root).get("quill-hidden").private
    site = site_text(root)
    assert SECRET not in site and "quill-hidden" not in site.replace("knows: [quill-hidden]", "")
    assert "companies/" + SECRET.lower() not in site
    assert "Ada Lovelace" in site  # the public contact is still there
    assert SECRET not in exported(root, capsys)


def test_a_merge_key_without_private_keeps_the_contact_public(make_network):
    root = make_network({"quill": private_via_merge("base: &p {role: Engineer}\n<<: *p")})
    assert not load(root).get("quill").private
    assert SECRET in site_text(root)


UNREADABLE = {
    "a YAML syntax error": "---\nname: {S} Quill\nprivate: true\ntags: [a, b\n---\n",
    "front matter that never ends": "---\nname: {S} Quill\nprivate: true\n",
    "no front matter at all": "name: {S} Quill\nprivate: yes\n",
    "a list, not a mapping": "---\n- name: {S} Quill\n- private: true\n---\n",
    "private in a flow mapping": "---\n{{name: {S} Quill, private: true, tags: [x}}\n---\n",
    "a misspelt key": "---\nname: {S} Quill\nPrivat: true\ntags: [a, b\n---\n",
    "invalid UTF-8": "---\nname: {S} Quill\nprivate: true\nrole: \udcff\n---\n",
}


@pytest.mark.parametrize("text", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_a_private_file_the_loader_cannot_read_never_shows_its_name(make_network, text):
    data = text.format(S=SECRET).encode("utf-8", "surrogateescape")
    root = make_network({"ada-lovelace": PUBLIC, "quill-hidden": data})
    network = load(root)
    assert network.get("quill-hidden") is None
    assert network.private_unreadable == {"contacts/quill-hidden.md"}
    assert any(p.path == "contacts/quill-hidden.md" for p in validate(network, TODAY))  # terminal
    site = site_text(root).replace("knows: [quill-hidden]", "")
    assert "quill-hidden" not in site and SECRET not in site


@pytest.mark.parametrize(
    "text",
    [
        "---\nname: Quill\ntags: [a, b\n---\n",
        "---\nname: Quill\nprivate: false\ntags: [a, b\n---\n",
        "---\nname: Quill\ntags: [a, b\n---\n## Private\nnot in the front matter\n",
    ],
)
def test_a_public_file_the_loader_cannot_read_keeps_its_error_page(make_network, text):
    root = make_network({"quill-broken": text})
    assert not load(root).private_unreadable
    assert "people/quill-broken.md" in site_text(root)


@pytest.mark.parametrize(
    ("data", "private"),
    [
        (b"---\nprivate: true\n", True),
        ("---\nname: x\nprivate: true\n---\n".encode("utf-16"), True),
        (b"---\rname: x\rprivate: true\r---\r", True),
        (b"---\nprivate:\n", True),
        (b"---\n'private': on\n", True),
        (b"---\nprivate: false\n", False),
        (b"---\nprivate: no # never mind\n", False),
        (b"---\nrole: Private banker\n", False),
        (b"---\nname: x\n---\nprivate: true in the body\n", False),
    ],
)
def test_looks_private_reads_the_front_matter_and_fails_safe(data, private):
    assert looks_private(data) is private


HINTS = {
    "a typo in knows": "---\nname: Ada Lovelace\nknows: [abby-hiden]\n---\n",
    "a typo in met.via": "---\nname: Ada Lovelace\nmet: {via: abby-hiden}\n---\n",
    "a file name in knows": "---\nname: Ada Lovelace\nknows: [Abby Hidden]\n---\n",
    "the same e-mail address": "---\nname: Ada Lovelace\nemails: [q@example.org]\n---\n",
}
HIDDEN = f"---\nname: {SECRET} Abby\nprivate: true\nemails: [q@example.org]\n---\n"


@pytest.mark.parametrize("text", HINTS.values(), ids=HINTS.keys())
def test_did_you_mean_hints_never_name_a_private_contact_on_a_public_page(
    make_network, tmp_path, text
):
    # `abby-hidden` sorts first, so a duplicate address is first met in the public file
    root = make_network({"ada-lovelace": text, "abby-hidden": HIDDEN})
    problems = validate(load(root), TODAY)
    assert problems, "the mistake is still reported"
    alone = make_network({"ada-lovelace": text, "other": "---\nname: Other\n---\n"})
    (alone / "contacts" / "abby-hidden.md").unlink()
    without_private = validate(load(alone), TODAY)

    def public(found: list[Problem]) -> list[str]:
        return [str(p) for p in found if p.path == "contacts/ada-lovelace.md"]

    assert public(problems) == public(without_private)
    assert "did you mean abby-hidden" not in site_text(root)


def test_the_public_view_drops_any_hint_or_path_that_names_a_private_contact(make_network):
    network = load(make_network({"quill-hidden": HIDDEN, "ada": PUBLIC}))
    problems = [
        Problem("contacts/ada.md", 3, "error", "no 'qill' (did you mean quill-hidden?)", "x"),
        Problem("contacts/ada.md", 4, "error", "same as contacts/quill-hidden.md", "x"),
        Problem("contacts/ada.md", 5, "error", "no 'ad' (did you mean ada?)", "x"),
        Problem("contacts/quill-hidden.md", 2, "error", "anything", "x"),
    ]
    assert [p.message for p in public_problems(network, problems)] == [
        "no 'qill'",
        f"same as {PRIVATE_FILE}",
        "no 'ad' (did you mean ada?)",
    ]


HEADINGS = {
    "no space": "##Private",
    "setext with dashes": "Private\n-------",
    "setext with equals": "Private\n=======",
    "an attribute list": "## Private {#secret}",
    "closing hashes": "## Private ##",
    "level one": "# Private",
    "level three": "### Private",
    "indented": "   ## Private",
    "emphasised": "## **Private**",
    "capitals": "## PRIVATE",
}


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
@pytest.mark.parametrize("heading", HEADINGS.values(), ids=HEADINGS.keys())
def test_a_private_heading_as_markdown_writes_it_keeps_its_section_off_the_site(
    make_network, capsys, heading, newline
):
    text = (
        "---\nname: Ada Lovelace\n---\nPublic words.\n\n"
        f"{heading}\n{SECRET} is the secret.\n\n## Log\n- 2026-11-02 -> email: hello\n"
    )
    root = make_network({"ada-lovelace": text.replace("\n", newline).encode()})
    contact = load(root).get("ada-lovelace")
    assert SECRET in contact.private_notes and SECRET not in contact.notes
    assert len(contact.log) == 1
    site = site_text(root)
    assert "Public words." in site and SECRET not in site
    assert SECRET not in exported(root, capsys)


@pytest.mark.parametrize(
    "hidden_in",
    ["> ## Private\n> {S} is the secret.", "- item\n\n    ## Private\n\n    {S} is the secret."],
    ids=["a quote", "a list item"],
)
def test_a_private_heading_nested_in_the_notes_is_dropped_from_the_page(make_network, hidden_in):
    text = f"---\nname: Ada Lovelace\n---\nPublic words.\n\n{hidden_in.format(S=SECRET)}\n"
    root = make_network({"ada-lovelace": text})
    site = site_text(root)
    assert "Public words." in site and SECRET not in site


@pytest.mark.parametrize("heading", ["## Privately", "## Private life of bees", "Private\n"])
def test_a_heading_that_only_starts_with_private_is_an_ordinary_note(make_network, heading):
    text = f"---\nname: Ada Lovelace\n---\n{heading}\nBees {SECRET}.\n"
    contact = load(make_network({"ada-lovelace": text})).get("ada-lovelace")
    assert SECRET in contact.notes and not contact.private_notes


def test_a_built_site_and_its_search_index_hold_nothing_private(make_network, monkeypatch):
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-12-01")
    root = make_network(
        {
            "ada-lovelace": "---\nname: Ada Lovelace\nknows: [quill-hiden]\n---\nHi.\n\n"
            f"##Private\n{SECRET} heading.\n",
            "quill-hidden": private_via_merge(MERGES["an anchor merged in"]),
            "quill-broken": UNREADABLE["a YAML syntax error"].format(S=SECRET),
        },
        CONFIG,
    )
    (root / "docs").mkdir()
    site = root / "site"
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(site)))
    search = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Ada Lovelace" in search
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".md"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert SECRET not in text and "quill-hidden" not in text, path
            assert "quill-broken" not in text, path


@pytest.mark.parametrize(
    "slipped",
    [
        "met:\n  where: a party\n  private: true",
        "dates:\n  - {date: 2020-01-01, label: x}\n  - private: yes",
        "links:\n  private: https://quill.example.org",
    ],
    ids=["under met", "in a list", "as a link label"],
)
def test_a_private_key_indented_under_another_keeps_the_contact_private(make_network, slipped):
    text = f"---\nname: {SECRET} Quill\n{slipped}\n---\n"
    network = load(make_network({"quill": text, "ada-lovelace": PUBLIC}))
    assert network.get("quill").private
    assert any("kept private until you move it" in str(p) for p in network.problems)
    assert SECRET not in site_text(network.root)


def test_kith_log_on_a_contact_who_knows_an_unreadable_private_file_still_writes(
    make_network, capsys
):
    broken = UNREADABLE["a YAML syntax error"].format(S=SECRET)
    root = make_network({"ada-lovelace": PUBLIC + "\n## Log\n", "quill-hidden": broken})
    args = ["log", "ada-lovelace", "note", "hello", "--root", str(root), "--no-commit"]
    assert main([*args, "--today", "2026-12-01"]) == 0, capsys.readouterr().err
    assert "note: hello" in (root / "contacts" / "ada-lovelace.md").read_text()
