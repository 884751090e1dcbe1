"""`kith due`'s per-file answers (kithbook.cli.due_answers): never an output a cold run would not
give, and after an edit only the changed file is read and worked out again."""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import shutil
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from file_edits import age, apply_edits, edits
from kithbook.cache import _AllowListUnpickler
from kithbook.cli import due_answers, main
from kithbook.model import PersonRef
from kithbook.parse import cache as parse_cache
from kithbook.parse.load import load
from kithbook.rules.backlog import BacklogCandidate
from kithbook.rules.due import ContactDue, DueItem, Rules

DEMO = Path(__file__).resolve().parents[1] / "contacts"
CACHE = ".kithbook-cache"


def used_before(root: Path) -> None:
    """Mark the folder as used, so the first run keeps what it works out."""
    (root / CACHE).mkdir(exist_ok=True)
    for name in ("contacts.seen", "due-answers.seen", "due-answers-upcoming.seen"):
        (root / CACHE / name).touch()


def due(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`kith due ARGS` run in this process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    try:
        code = main(["due", "--root", str(root), *args])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def same_as_cold(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The output from the per-file answers, checked against a run with --no-cache."""
    kept = due(root, capsys, *args)
    cold = due(root, capsys, *args, "--no-cache")
    assert kept == cold
    return kept[1]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    shutil.copytree(DEMO, tmp_path / "contacts")
    for index, path in enumerate(sorted((tmp_path / "contacts").iterdir())):
        age(path, index)
    used_before(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ("--json", "--today", "2026-12-01"),
        ("--json", "--today", "2027-02-14", "--upcoming", "30d"),
        ("--today", "2026-12-01"),
        ("--today", "2026-12-07", "--all"),
        ("--today", "2026-12-07", "--upcoming", "2w", "--per-day", "1"),
        ("--json", "--today", "2026-12-01", "--circle", "friend", "--kind", "reconnect"),
    ],
    ids=["json", "json-upcoming", "table", "table-all", "table-upcoming", "filters"],
)
def test_the_demo_network_from_kept_answers_is_the_cold_run(
    demo: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    same_as_cold(demo, capsys, *args)  # works every file out and keeps it
    store = "due-answers-upcoming" if "--upcoming" in args else "due-answers"
    assert (demo / CACHE / f"{store}.pickle").exists()
    for path in (demo / CACHE / "due").iterdir():
        path.unlink()  # not the output cache: the kept answers
    assert "Today's plan" in same_as_cold(demo, capsys, *args) or "--json" in args


@pytest.mark.parametrize("args", [("--json",), ("--all",), ("--upcoming", "2w")])
def test_a_one_off_run_loads_the_network_and_keeps_no_answers(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
) -> None:
    """The first run in a folder keeps nothing (a CI job, a fresh clone): it loads the network,
    as --no-cache does, and only notes that it ran; the next run works every file's answers out
    and keeps them. Both answer as a cold run."""
    shutil.copytree(DEMO, tmp_path / "contacts")
    for index, path in enumerate(sorted((tmp_path / "contacts").iterdir())):
        age(path, index)
    store = "due-answers-upcoming" if "--upcoming" in args else "due-answers"

    def not_in_a_one_off_run(*_args: object) -> None:
        raise AssertionError("a one-off run worked each file's answers out")

    monkeypatch.setattr(due_answers, "due_answers", not_in_a_one_off_run)
    first = same_as_cold(tmp_path, capsys, "--today", "2026-12-01", *args)
    monkeypatch.undo()
    assert (tmp_path / CACHE / f"{store}.seen").exists()
    assert not (tmp_path / CACHE / f"{store}.pickle").exists()
    shutil.rmtree(tmp_path / CACHE / "due")  # not the output cache: the answers
    assert same_as_cold(tmp_path, capsys, "--today", "2026-12-01", *args) == first
    assert (tmp_path / CACHE / f"{store}.pickle").exists()


def test_after_one_edit_only_that_file_is_read_again(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    same_as_cold(demo, capsys, "--json", "--today", "2026-12-01")
    edited = demo / "contacts" / "ada-quillfeather.md"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "- 2026-11-30 <- email: Thanks!\n", encoding="utf-8"
    )
    age(edited, 10_000)
    parsed: list[str] = []
    real_parse = parse_cache.parse_contact

    def counting(relative, data, config, problems):  # type: ignore[no-untyped-def]
        parsed.append(relative)
        return real_parse(relative, data, config, problems)

    monkeypatch.setattr(parse_cache, "parse_contact", counting)
    due(demo, capsys, "--json", "--today", "2026-12-01")
    assert parsed == ["contacts/ada-quillfeather.md"]
    monkeypatch.undo()
    same_as_cold(demo, capsys, "--json", "--today", "2026-12-01")


def test_a_plain_run_and_one_with_a_look_ahead_keep_their_answers_apart(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in [(), ("--upcoming", "7d"), ()]:
        same_as_cold(demo, capsys, "--json", "--today", "2026-12-01", *args)
    assert (demo / CACHE / "due-answers.pickle").exists()
    assert (demo / CACHE / "due-answers-upcoming.pickle").exists()


def test_answers_kept_for_one_day_are_not_used_on_another(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = same_as_cold(demo, capsys, "--json", "--today", "2026-12-01")
    other = same_as_cold(demo, capsys, "--json", "--today", "2027-03-01")
    assert first != other


@pytest.mark.parametrize(
    "content",
    [b"not a pickle", b"cos\nsystem\n(S'echo hacked'\ntR.", b""],
    ids=["garbage", "a pickle that would run a command", "empty"],
)
def test_a_damaged_or_planted_store_is_only_a_miss(
    demo: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    same_as_cold(demo, capsys, "--json", "--today", "2026-12-01")
    (demo / CACHE / "due-answers.pickle").write_bytes(content)
    shutil.rmtree(demo / CACHE / "due")
    same_as_cold(demo, capsys, "--json", "--today", "2026-12-01")


def test_a_store_copied_from_another_folder_is_a_miss(
    demo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store is bound to the cache folder it was written in: one committed to a repository and
    cloned, or copied along, is not trusted (its answers could be anything)."""
    same_as_cold(demo, capsys, "--json", "--today", "2026-12-01")
    copy = tmp_path_factory.mktemp("copy")
    shutil.copytree(demo / "contacts", copy / "contacts")
    (copy / CACHE).mkdir()
    for name in ("due-answers.pickle", "due-answers.seen"):
        shutil.copy(demo / CACHE / name, copy / CACHE / name)
    ada = copy / "contacts" / "ada-quillfeather.md"
    ada.write_text(ada.read_text(encoding="utf-8").replace("Ada", "Adah"), encoding="utf-8")
    os.utime(ada, ns=(os.stat(demo / "contacts" / ada.name).st_mtime_ns,) * 2)
    assert "Adah" in same_as_cold(copy, capsys, "--json", "--today", "2026-12-01")


def test_the_first_file_with_an_address_owns_it_as_in_a_cold_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cross-file checks run over every file's answers in the order of the slugs, as over a
    loaded network: `a` owns the address, `b` gets the problem, and `b` is left out of the plan."""
    (tmp_path / "contacts").mkdir()
    used_before(tmp_path)
    for index, (slug, name, address) in enumerate(
        [("b", "Dana", "ADA@example.org"), ("a", "Ada", "ada@example.org")]
    ):
        path = tmp_path / "contacts" / f"{slug}.md"
        path.write_text(f"---\nname: {name}\nemails: [{address}]\n---\n", encoding="utf-8")
        age(path, index)
    for _ in range(2):  # works the files out, then answers from what it kept
        output = same_as_cold(tmp_path, capsys, "--json", "--today", "2026-12-01")
        shutil.rmtree(tmp_path / CACHE / "due")
    assert '"path":"contacts/b.md","line":3,"severity":"error","check":"duplicate-email"' in output
    assert '"slug":"a"' in output and '"slug":"b"' not in output


def test_a_stored_share_has_one_value_for_every_field() -> None:
    """A share is stored as plain tuples written field by field: a field added to DueItem,
    ContactDue or BacklogCandidate and not to the row would be lost after an edit, and the
    answer would differ from a cold run's. `plan` is not stored (it is `plan`'s to set)."""
    person = PersonRef("ada", "contacts/ada.md", "Ada", None, None, ())
    item = DueItem(person, "reconnect", dt.date(2026, 12, 1), "why", 1.0)
    candidate = BacklogCandidate(person, 1.0, None, (), "why", 0.5, False)
    row = due_answers._share_row(ContactDue(person, True, reasons=(item,), candidate=candidate))
    assert len(row) == len(fields(ContactDue))
    assert len(row[4][0]) == len(fields(DueItem)) - 2  # not its contact, nor `plan`
    assert len(row[7]) == len(fields(BacklogCandidate)) - 1  # not its contact


@pytest.mark.parametrize(
    ("today", "upcoming"),
    [("2026-12-01", 0), ("2026-12-07", 14), ("2027-02-14", 30), ("2026-06-30", 365)],
)
def test_every_share_of_the_demo_reads_back_from_the_store_as_it_was(
    today: str, upcoming: int
) -> None:
    network = load(DEMO.parent)
    rules = Rules(network.config, dt.date.fromisoformat(today), upcoming)
    for contact in network.contacts:
        share = rules.contact_due(contact, PersonRef.of(contact))
        data = pickle.dumps(due_answers._share_row(share))
        row = _AllowListUnpickler(io.BytesIO(data), parse_cache.ALLOWED).load()
        assert due_answers._share(row) == share, contact.path


TEXTS = st.sampled_from(
    [
        "---\nname: Ada\nemails: [ada@example.org]\ncircle: friend\n---\n## Log\n"
        "- 2026-01-02 -> email: Hi\n",
        "---\nname: Bram\ncircle: close\nbirthday: --12-01\nknows: [a]\n---\n## Log\n"
        "- 2026-09-01 <- message: News\n- 2026-11-20 -> message: Well done\n",
        "---\nname: Chen\nknows: [nobody, c]\nmet: {via: a, date: 2031-01-01}\n---\n",
        "---\nname: Dana\nemails: [ADA@example.org]\ncompany: Acme\ntags: [python]\n---\n",
        "---\nname: Eve\nstatus: paused\n---\n## Log\n- 2025-01-01 -> email: Hi\n",
        "---\nname: Finn\nsnooze: 2027-01-01\nemails: [finn@example.org]\n---\n",
        "---\nname: Gus\nphones: ['+1 202 555 0100', '12']\ncadence: 2w\n---\n## Log\n"
        "- 2026-10-01 -> call: Catch-up\n- 2026-10-20 -> call: Again\n",
        "---\nname: [broken\n---\n",
        "---\nname: [broken\nprivate: true\n---\n",
        "---\nname: Hal\nprivate: true\nemails: [ada@example.org]\n---\n",
        "---\nname: Ivy\ndates: [{date: 2026-11-28, label: started at Acme}]\n---\n",
        "<<<<<<< HEAD\n---\nname: Jo\n---\n=======\n---\nname: Joe\n---\n>>>>>>> b\n",
        "no front matter at all\n",
        "",
    ]
)
NAMES = st.sampled_from(["a.md", "b.md", "c.md", "index.md", "Bad Name.md"])
OPERATIONS = edits(NAMES, TEXTS, max_size=8)


@pytest.mark.slow
@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(OPERATIONS, min_size=1, max_size=4), table=st.booleans())
def test_any_edits_between_runs_give_the_cold_output(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    steps: list[list[tuple[str, str, str]]],
    table: bool,
) -> None:
    root = tmp_path_factory.mktemp("network")
    folder = root / "contacts"
    folder.mkdir()
    used_before(root)
    clock = 0
    mode = ("--all",) if table else ("--json",)
    for operations in steps:
        clock = apply_edits(folder, operations, clock)
        same_as_cold(root, capsys, *mode, "--today", "2026-12-01")
