"""Review of the new surfaces: a cloned network's own `templates/` is untrusted. A template that is
a link to a file of yours never puts that file into a draft (nor the site's mailto: link), and a
template that recurses or asks for gigabytes is a one-line error, on the command line and on the
site (kithbook.drafts.environment)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from kithbook.cli import main
from kithbook.drafts import DraftError, Templates, draft
from kithbook.parse.load import load

TODAY = dt.date(2026, 12, 1)
ADA = "---\nname: Ada Lovelace\nemails: [ada@example.org]\ncircle: close\n---\n"
SECRET = "-----BEGIN OPENSSH PRIVATE KEY----- not-for-drafts\n"


@pytest.fixture
def root(make_network, tmp_path: Path) -> Path:
    root = make_network({"ada": ADA})
    (root / "templates" / "catch-up").mkdir(parents=True)
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "id_rsa").write_text(SECRET)  # outside templates/, as ~/.ssh is
    return root


def render(root: Path) -> str:
    network = load(root)
    templates = Templates.of_network(root)
    result = draft(
        network.get("ada"), "catch-up", "email", TODAY, network.config, templates=templates
    )
    return result.text


@pytest.mark.parametrize("how", ["file-link", "folder-link", "include-through-folder-link"])
def test_a_template_that_is_a_link_out_of_templates_never_reads_the_file(root, how):
    outside = root / "home" / "id_rsa"
    email = root / "templates" / "catch-up" / "email.j2"
    if how == "file-link":
        email.symlink_to(outside)
    elif how == "folder-link":
        (root / "templates" / "catch-up").rmdir()
        (root / "templates" / "catch-up").symlink_to(outside.parent)
        (outside.parent / "email.j2").write_text("{% include 'id_rsa' %}")
    else:
        (root / "templates" / "keys").symlink_to(outside.parent)
        email.write_text("Hi {% include 'keys/id_rsa' %}")
    with pytest.raises(DraftError, match=r"outside templates/") as error:
        render(root)
    assert "BEGIN" not in str(error.value)


def test_a_link_inside_templates_still_works(root):
    (root / "templates" / "mine.j2").write_text("Dear {{ first_name }}, tea?")
    (root / "templates" / "catch-up" / "email.j2").symlink_to(root / "templates" / "mine.j2")
    assert render(root) == "Dear Ada, tea?"


def test_a_fifo_template_is_an_error_not_a_hang(root):
    os.mkfifo(root / "templates" / "catch-up" / "email.j2")
    with pytest.raises(DraftError, match="not a regular file"):
        render(root)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "calls itself without end"),
        ('{{ "x" * 10**10 }}', r"the result of \* would be longer than"),
        ("{{ [1] * 10**9 }}", r"the result of \* would be longer than"),
        ("{{ 2 ** 1000000000 }}", r"the result of \*\* would be too large"),
    ],
)
def test_a_template_that_recurses_or_asks_for_gigabytes_is_one_error(root, source, message):
    (root / "templates" / "catch-up" / "email.j2").write_text(source)
    with pytest.raises(DraftError, match=rf"^templates/catch-up/email\.j2: error: .*{message}"):
        render(root)


def test_ordinary_arithmetic_in_a_template_still_works(root):
    (root / "templates" / "catch-up" / "email.j2").write_text("{{ '-' * 3 }} {{ 2 ** 10 }}")
    assert render(root) == "--- 1024"


def test_the_format_attr_escape_of_old_jinja2_gives_nothing_back(root):
    source = '{{ ("{0.__class__.__base__.__subclasses__}"|attr("format"))(1) }}'
    (root / "templates" / "catch-up" / "email.j2").write_text(source)
    try:
        text = render(root)
    except DraftError:
        return
    assert "class" not in text


def test_kith_draft_with_a_recursive_template_says_one_line(root, capsys):
    (root / "templates" / "catch-up" / "email.j2").write_text(
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"
    )
    code = main(
        ["draft", "ada", "--intent", "catch-up", "--root", str(root), "--today", "2026-12-01"]
    )
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_the_site_shows_no_draft_for_a_recursive_template_and_still_builds(root, tmp_path, capsys):
    (root / "templates" / "catch-up" / "email.j2").write_text(
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"
    )
    out = tmp_path / "pages"
    main(["site", "--root", str(root), "--today", "2026-12-01", "--out", str(out)])
    assert "No draft: templates/catch-up/email.j2" in (out / "people" / "ada.md").read_text()
