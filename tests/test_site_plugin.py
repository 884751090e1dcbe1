"""The MkDocs plugin, through real builds in a temporary folder (kithbook.site.plugin)."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from kithbook.config import OPTIONS
from kithbook.site.plugin import KithbookPlugin, _quiet_dirty_warning

ADA = """
    ---
    name: Ada Lovelace
    company: Acme Analytics
    circle: friend
    knows: [bob-stone]
    ---
    ## Log
    - 2026-01-10 -> email: Asked about the conference
    """
BOB = "---\nname: Bob Stone\ncompany: Brightline\n---\n"
HIDDEN = "---\nname: Carol Hidden\nprivate: true\ncompany: Secret Corp\n---\nHIDDEN-NOTE\n"
CONFIG = """
    site_name: Test network
    theme:
      name: material
      font: false
    plugins:
      - search
      - kithbook:
          follow_ups: 2
    """


@pytest.fixture
def network(make_network, monkeypatch):
    monkeypatch.setenv("KITHBOOK_TODAY", "2026-12-01")
    root = make_network({"ada-lovelace": ADA, "bob-stone": BOB, "carol-hidden": HIDDEN}, CONFIG)
    (root / "docs").mkdir()
    (root / "docs" / "format.md").write_text("# The format\n\nSee [the site](site.md).\n")
    (root / "docs" / "site.md").write_text("# The site\n")
    return root


def run_build(root: Path, strict: bool = True, config_file: str = "mkdocs.yml") -> Path:
    config = load_config(str(root / config_file), strict=strict, site_dir=str(root / "site"))
    build(config)
    return root / "site"


def test_a_strict_build_writes_every_page_and_keeps_contacts_out_of_the_nav(network):
    site = run_build(network)
    assert (site / "people" / "ada-lovelace" / "index.html").is_file()
    home = (site / "index.html").read_text()
    assert "people/ada-lovelace/" in home  # linked from the due list or the numbers
    circles = (site / "circles" / "index.html").read_text()  # the nav, and no link to a person
    assert "ada-lovelace" not in circles
    assert 'href="../graph/"' in circles and 'href="../help/format/"' in circles


def test_the_manual_in_docs_dir_is_published_under_help_with_its_links_intact(network):
    site = run_build(network)
    page = (site / "help" / "format" / "index.html").read_text()
    assert 'href="../site/"' in page


def test_the_search_index_finds_companies_and_never_private_contacts(network):
    index = (run_build(network) / "search" / "search_index.json").read_text()
    assert "Acme Analytics" in index
    for secret in ("Carol Hidden", "Secret Corp", "HIDDEN-NOTE", "carol-hidden"):
        assert secret not in index
    assert json.loads(index)["docs"]


def test_a_broken_contact_file_fails_a_strict_build_but_not_a_normal_one(network, caplog):
    (network / "contacts" / "broken.md").write_text("---\nname: [unclosed\n---\n")
    with pytest.raises(Abort):
        run_build(network)
    assert any("contacts/broken.md:" in record.getMessage() for record in caplog.records)
    page = (run_build(network, strict=False) / "people" / "broken" / "index.html").read_text()
    assert "contacts/broken.md:" in page


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_the_plugin_accepts_every_kithbook_option(option):
    plugin = KithbookPlugin()
    errors, warnings = plugin.load_config({option: "anything"})
    assert errors == [] and warnings == []


def test_a_bad_option_value_is_reported_with_its_line_in_mkdocs_yml(network, caplog):
    config = (network / "mkdocs.yml").read_text().replace("follow_ups: 2", "follow_ups: many")
    (network / "mkdocs.yml").write_text(config)
    with pytest.raises(Abort):
        run_build(network)
    assert any(
        record.getMessage().startswith("mkdocs.yml:8:19: error: follow_ups")
        for record in caplog.records
    )


@pytest.mark.parametrize(
    ("follow_ups", "problem"),
    [("2", None), ("many", "other.yml:8:19: error: follow_ups")],
)
def test_a_build_with_another_config_file_reads_its_options(network, caplog, follow_ups, problem):
    (network / "contacts").rename(network / "people-files")
    options = f"follow_ups: {follow_ups}\n      contacts_dir: people-files"
    other = (network / "mkdocs.yml").read_text().replace("follow_ups: 2", options)
    (network / "other.yml").write_text(other)
    (network / "mkdocs.yml").write_text("site_name: Not this one\nplugins: [kithbook]\n")
    if problem is None:
        site = run_build(network, config_file="other.yml")
        assert (site / "people" / "ada-lovelace" / "index.html").is_file()
    else:
        with pytest.raises(Abort):
            run_build(network, config_file="other.yml")
        assert any(record.getMessage().startswith(problem) for record in caplog.records)


def test_a_theme_that_would_load_web_fonts_is_a_warning(network):
    config = (network / "mkdocs.yml").read_text().replace("font: false", "palette: {primary: teal}")
    (network / "mkdocs.yml").write_text(config)
    with pytest.raises(Abort):
        run_build(network)


def test_a_bad_kithbook_today_stops_the_build_with_one_line(network, monkeypatch, caplog):
    monkeypatch.setenv("KITHBOOK_TODAY", "tomorrow")
    with pytest.raises(Abort):
        run_build(network)
    assert "$KITHBOOK_TODAY='tomorrow' is not a date YYYY-MM-DD" in caplog.messages


def test_the_build_date_comes_from_kithbook_today(network, monkeypatch):
    monkeypatch.setenv("KITHBOOK_TODAY", "2027-02-03")
    home = (run_build(network) / "index.html").read_text()
    assert "Wednesday 3 February 2027" in home


def test_no_page_links_to_another_host(network):
    site = run_build(network)
    for page in site.rglob("*.html"):
        text = page.read_text()
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        assert not re.findall(r'src="https?://', text), page


def test_the_plugin_options_are_the_kithbook_options():
    assert set(KithbookPlugin.config_scheme and dict(KithbookPlugin.config_scheme)) == set(OPTIONS)


def pages_of(site: Path) -> list[str]:
    return sorted(str(path.relative_to(site)) for path in site.rglob("index.html"))


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_the_site_builds_the_same_pages_with_mkdocs_and_with_properdocs(network, engine):
    """ProperDocs continues MkDocs 1.x and runs its plugins: the same pages come out of both."""
    if importlib.util.find_spec(engine) is None:
        pytest.skip(f"{engine} is not installed")
    out = network / f"site-{engine}"
    command = [sys.executable, "-m", engine, "build", "--strict", "-q", "-f", "mkdocs.yml"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [*command, "-d", str(out)], cwd=network, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # quiet: no banner, no warning
    reference = run_build(network)  # in-process, with the installed MkDocs
    assert pages_of(out) == pages_of(reference) and len(pages_of(out)) > 10
    ada = (out / "people" / "ada-lovelace" / "index.html").read_text()
    assert "Acme Analytics" in ada and "HIDDEN" not in ada


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        (
            "A 'dirty' build is being performed, this will likely lead to inaccurate navigation",
            False,
        ),
        ("Documentation built in 0.7 seconds", True),
    ],
)
def test_a_dirty_build_drops_only_mkdocs_warning_about_navigation(message, shown):
    record = logging.LogRecord("mkdocs.commands.build", logging.WARNING, "", 0, message, (), None)
    assert _quiet_dirty_warning(record) is shown
