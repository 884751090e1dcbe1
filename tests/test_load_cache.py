"""The per-file cache of parsed contacts (kithbook.parse.cache): never an answer a cold load would
not give, and only the changed files re-read."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from file_edits import age, apply_edits, edits
from kithbook.cache import _AllowListUnpickler
from kithbook.parse import cache as cache_module
from kithbook.parse.load import load

DEMO = Path(__file__).resolve().parents[1] / "contacts"


def snapshot(root: Path, *, cache: bool) -> tuple:
    """Everything a reader sees of a loaded network, comparable across loads."""
    network = load(root, cache=cache)
    return (
        [repr(contact) for contact in network.contacts],
        [str(problem) + problem.check for problem in network.problems],
        sorted(network.private_unreadable),
    )


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    shutil.copytree(DEMO, tmp_path / "contacts")
    for index, path in enumerate(sorted((tmp_path / "contacts").iterdir())):
        age(path, index)
    (tmp_path / ".kithbook-cache").mkdir()
    (tmp_path / ".kithbook-cache" / "contacts.seen").touch()  # a network used before
    return tmp_path


def test_the_first_run_in_a_folder_only_notes_it_ran_and_the_second_keeps_the_parses(
    tmp_path: Path,
) -> None:
    shutil.copytree(DEMO, tmp_path / "contacts")
    for index, path in enumerate(sorted((tmp_path / "contacts").iterdir())):
        age(path, index)
    cold = snapshot(tmp_path, cache=False)
    assert snapshot(tmp_path, cache=True) == cold
    assert (tmp_path / ".kithbook-cache" / "contacts.seen").exists()
    assert not (tmp_path / ".kithbook-cache" / "contacts.pickle").exists()
    assert snapshot(tmp_path, cache=True) == cold
    assert (tmp_path / ".kithbook-cache" / "contacts.pickle").exists()


def test_a_cached_load_of_the_demo_network_is_the_cold_load(demo: Path) -> None:
    cold = snapshot(demo, cache=False)
    assert snapshot(demo, cache=True) == cold  # fills the cache
    assert (demo / ".kithbook-cache" / "contacts.pickle").exists()
    assert snapshot(demo, cache=True) == cold  # answers from it


def test_after_one_edit_only_that_file_is_parsed_again(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(demo, cache=True)
    edited = demo / "contacts" / "ada-quillfeather.md"
    edited.write_text(edited.read_text().replace("name: Ada", "name: Adah"), encoding="utf-8")
    age(edited, 10_000)
    parsed: list[str] = []
    real_parse = cache_module.parse_contact

    def counting(relative, data, config, problems):
        parsed.append(relative)
        return real_parse(relative, data, config, problems)

    monkeypatch.setattr(cache_module, "parse_contact", counting)
    network = load(demo, cache=True)
    assert parsed == ["contacts/ada-quillfeather.md"]
    assert network.get("ada-quillfeather").name.startswith("Adah")


def test_a_file_written_just_now_is_read_but_not_kept(demo: Path) -> None:
    fresh = demo / "contacts" / "new-person.md"
    fresh.write_text("---\nname: New Person\n---\n", encoding="utf-8")
    load(demo, cache=True)
    with open(demo / ".kithbook-cache" / "contacts.pickle", "rb") as stream:
        _key, _generation, entries = pickle.load(stream)
    assert "new-person.md" not in entries
    assert "ada-quillfeather.md" in entries


def test_after_an_edit_only_the_changes_are_written_not_the_whole_cache(demo: Path) -> None:
    load(demo, cache=True)
    base = demo / ".kithbook-cache" / "contacts.pickle"
    written = base.stat().st_mtime_ns
    edited = demo / "contacts" / "ada-quillfeather.md"
    edited.write_text(edited.read_text() + "\nA new note.\n", encoding="utf-8")
    age(edited, 20_000)
    cold = snapshot(demo, cache=False)
    assert snapshot(demo, cache=True) == cold
    assert base.stat().st_mtime_ns == written
    assert (demo / ".kithbook-cache" / "contacts-changes.pickle").exists()
    assert snapshot(demo, cache=True) == cold


def test_a_changed_configuration_throws_the_cache_away(demo: Path) -> None:
    load(demo, cache=True)
    (demo / "mkdocs.yml").write_text(
        "site_name: Net\nplugins:\n  - kithbook:\n      circles: {close: 1w}\n", encoding="utf-8"
    )
    assert snapshot(demo, cache=True) == snapshot(demo, cache=False)


@pytest.mark.parametrize(
    "content",
    [b"not a pickle", pickle.dumps(("x", {})), b"cos\nsystem\n(S'echo hacked'\ntR."],
    ids=["garbage", "another key", "a pickle that would run a command"],
)
def test_an_unreadable_or_hostile_cache_file_is_only_a_miss(demo: Path, content: bytes) -> None:
    folder = demo / ".kithbook-cache"
    (folder / "contacts.pickle").write_bytes(content)
    assert snapshot(demo, cache=True) == snapshot(demo, cache=False)


def test_a_class_outside_the_allow_list_is_refused() -> None:
    with pytest.raises(pickle.UnpicklingError, match="not allowed"):
        stream = __import__("io").BytesIO(pickle.dumps(Path("x")))
        _AllowListUnpickler(stream, cache_module.ALLOWED).load()


def test_the_cache_folder_ignores_itself_in_git(demo: Path) -> None:
    load(demo, cache=True)
    assert (demo / ".kithbook-cache" / ".gitignore").read_text().splitlines()[-1] == "*"


TEXTS = st.sampled_from(
    [
        "---\nname: Ada Lovelace\nemails: [ada@example.org]\n---\n## Log\n- 2026-01-02 -> email: Hi\n",
        "---\nname: Bram Okafor\ncircle: friend\nbirthday: --03-04\n---\nNotes.\n",
        "---\nname: Chen\nknows: [ada-lovelace]\n---\n",
        "---\nname: [broken\n---\n",
        "---\nname: [broken\nprivate: true\n---\n",
        "no front matter at all\n",
        "---\nname: Dana\nemails: [ada@example.org]\n---\n",
        "---\nname: Eve\ncadence: often\n---\n",
        "",
    ]
)
NAMES = st.sampled_from(["a.md", "b.md", "c.md", "Bad Name.md", ".hidden.md", "d.txt"])
OPERATIONS = edits(NAMES, TEXTS, max_size=12)


@pytest.mark.slow
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(OPERATIONS, min_size=1, max_size=4))
def test_any_edits_between_runs_give_the_cold_answer(tmp_path_factory, steps) -> None:
    root = tmp_path_factory.mktemp("network")
    folder = root / "contacts"
    folder.mkdir()
    (root / ".kithbook-cache").mkdir()
    (root / ".kithbook-cache" / "contacts.seen").touch()  # so that the first run keeps its parses
    clock = 0
    for operations in steps:
        clock = apply_edits(folder, operations, clock)
        assert snapshot(root, cache=True) == snapshot(root, cache=False)
