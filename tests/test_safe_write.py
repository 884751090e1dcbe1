"""Safe writes: atomic, keeping permissions and BOM, refusing when the file changed since read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import kithbook.write.safe_write
from kithbook.write.safe_write import (
    ChangedOnDisk,
    PlannedWrite,
    WriteError,
    read_content,
    write_batch,
    write_if_unchanged,
    write_new,
)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"---\nname: Ada\n---\n", "---\nname: Ada\n---\n"),
        (b"\xef\xbb\xbf---\nname: Ada\n---\n", "---\nname: Ada\n---\n"),
        (b"---\r\nname: Zo\xc3\xab\r\n---", "---\r\nname: Zoë\r\n---"),
    ],
)
def test_a_file_content_holds_the_bytes_and_the_text_without_bom(
    tmp_path: Path, data, text
) -> None:
    path = tmp_path / "ada.md"
    path.write_bytes(data)
    snapshot = read_content(path)
    assert (snapshot.data, snapshot.text) == (data, text)


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_write_keeps_the_bom_and_line_endings_as_given(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "ada.md"
    path.write_bytes(bom + b"---\r\nname: Ada\r\n---\r\n")
    snapshot = read_content(path)
    write_if_unchanged(path, snapshot, snapshot.text.replace("Ada", "Ada Lovelace"))
    assert path.read_bytes() == bom + b"---\r\nname: Ada Lovelace\r\n---\r\n"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_a_write_keeps_the_file_permissions(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "ada.md"
    path.write_text("old\n")
    path.chmod(mode)
    write_if_unchanged(path, read_content(path), "new\n")
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_write_refuses_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "ada.md"
    path.write_text("old\n")
    snapshot = read_content(path)
    path.write_text("saved by an editor meanwhile\n")
    with pytest.raises(ChangedOnDisk, match="changed on disk"):
        write_if_unchanged(path, snapshot, "new\n")
    assert path.read_text() == "saved by an editor meanwhile\n"


def test_a_write_refuses_when_the_file_was_removed(tmp_path: Path) -> None:
    path = tmp_path / "ada.md"
    path.write_text("old\n")
    snapshot = read_content(path)
    path.unlink()
    with pytest.raises(ChangedOnDisk, match="removed"):
        write_if_unchanged(path, snapshot, "new\n")


def test_a_write_leaves_no_temporary_file_behind(tmp_path: Path) -> None:
    path = tmp_path / "ada.md"
    path.write_text("old\n")
    write_if_unchanged(path, read_content(path), "new\n")
    assert os.listdir(tmp_path) == ["ada.md"]


def test_a_write_replaces_the_file_in_one_rename(tmp_path: Path) -> None:
    path = tmp_path / "ada.md"
    path.write_text("old\n")
    before = path.stat().st_ino
    write_if_unchanged(path, read_content(path), "new\n")
    assert path.stat().st_ino != before


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "ada.md"
    path.write_bytes(b"---\nname: Ad\xe9\n---\n")
    with pytest.raises(WriteError, match=r"ada.md:2: not valid UTF-8"):
        _ = read_content(path).text


def test_write_new_creates_a_file(tmp_path: Path) -> None:
    path = tmp_path / "ada.md"
    write_new(path, "---\nname: Ada\n---\n")
    assert path.read_text() == "---\nname: Ada\n---\n"
    assert os.listdir(tmp_path) == ["ada.md"]


def test_write_new_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "ada.md"
    path.write_text("precious\n")
    with pytest.raises(WriteError, match="already exists"):
        write_new(path, "new\n")
    assert path.read_text() == "precious\n"
    assert os.listdir(tmp_path) == ["ada.md"]


def interfere(path: Path, case: str) -> None:
    """What another program does to `path` while a batch is between its two passes."""
    if case == "edited meanwhile":
        path.write_text("saved by an editor\n")
    elif case == "removed meanwhile":
        path.unlink()
    elif case == "created meanwhile":
        path.write_text("precious\n")


@pytest.mark.parametrize(
    ("case", "error", "expected"),
    [
        ("unchanged", None, "new\n"),
        ("edited meanwhile", "changed on disk", "saved by an editor\n"),
        ("removed meanwhile", "removed", None),
        ("new", None, "new\n"),
        ("created meanwhile", "already exists", "precious\n"),
    ],
)
def test_a_batch_checks_each_file_as_a_single_write_would_and_writes_the_rest(
    tmp_path: Path, case: str, error: str | None, expected: str | None
) -> None:
    path, other = tmp_path / "ada.md", tmp_path / "bob.md"
    other.write_text("old\n")
    if case in ("unchanged", "edited meanwhile", "removed meanwhile"):
        path.write_text("old\n")
    snapshot = read_content(path) if path.exists() else None
    writes = [
        PlannedWrite(path, b"new\n", snapshot),
        PlannedWrite(other, b"bob\n", read_content(other)),
    ]

    def between_the_passes(done: int, total: int) -> None:
        if done == len(writes):  # every temporary file written, none renamed yet
            interfere(path, case)

    errors = write_batch(writes, between_the_passes)
    assert (error is None) == (errors[0] is None) and errors[1] is None
    if error is not None:
        assert isinstance(errors[0], WriteError) and error in str(errors[0])
    assert (path.read_text() if path.exists() else None) == expected
    assert other.read_text() == "bob\n"
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in (path, other) if p.exists())


@pytest.mark.parametrize(("mode", "bom"), [(0o600, b""), (0o640, b"\xef\xbb\xbf"), (0o664, b"")])
def test_a_batch_keeps_each_files_permissions_bom_and_line_endings(
    tmp_path: Path, mode: int, bom: bytes
) -> None:
    path = tmp_path / "ada.md"
    path.write_bytes(bom + b"---\r\nname: Ada\r\n---\r\n")
    path.chmod(mode)
    snapshot = read_content(path)
    write_batch(
        [
            PlannedWrite(
                path, snapshot.encoded(snapshot.text.replace("Ada", "Ada Lovelace")), snapshot
            )
        ]
    )
    assert path.read_bytes() == bom + b"---\r\nname: Ada Lovelace\r\n---\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_new_file_in_a_batch_gets_the_usual_permissions(tmp_path: Path) -> None:
    write_batch([PlannedWrite(tmp_path / "ada.md", b"new\n")])
    write_new(tmp_path / "bob.md", "new\n")
    modes = {stat.S_IMODE((tmp_path / name).stat().st_mode) for name in ("ada.md", "bob.md")}
    assert len(modes) == 1


@pytest.mark.skipif(not hasattr(os, "sync"), reason="the system has no sync(); files are fsynced")
def test_a_batch_syncs_twice_in_all_instead_of_once_per_file(tmp_path: Path, monkeypatch) -> None:
    syncs: list[str] = []
    monkeypatch.setattr(kithbook.write.safe_write.os, "sync", lambda: syncs.append("sync"))
    monkeypatch.setattr(kithbook.write.safe_write.os, "fsync", lambda fd: syncs.append("fsync"))
    writes = [
        PlannedWrite(tmp_path / f"person-{index}.md", f"{index}\n".encode()) for index in range(20)
    ]
    progress: list[tuple[int, int]] = []
    assert write_batch(writes, lambda done, total: progress.append((done, total))) == [None] * 20
    assert syncs == ["sync", "sync"]
    assert progress[-1] == (40, 40) and len(progress) == 40


def test_a_batch_interrupted_leaves_no_temporary_file(tmp_path: Path) -> None:
    writes = [
        PlannedWrite(tmp_path / f"person-{index}.md", f"{index}\n".encode()) for index in range(3)
    ]

    def interrupt(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_batch(writes, interrupt)
    assert os.listdir(tmp_path) == []


def test_the_temporary_file_is_opened_as_tempfile_opens_one() -> None:
    """The write service makes its temporary file itself, in place of `tempfile.mkstemp`: with
    at least the same flags, among them Windows' O_BINARY (without it every newline written
    would become CRLF, changing bytes a person wrote)."""
    import tempfile

    wanted = tempfile._bin_openflags  # type: ignore[attr-defined]  # mkstemp's own flags
    assert kithbook.write.safe_write._TEMPORARY_FLAGS & wanted == wanted


def test_a_temporary_file_is_hidden_beside_its_file_and_named_as_the_cleanup_expects(
    tmp_path: Path,
) -> None:
    descriptor, temporary = kithbook.write.safe_write._new_temporary(tmp_path / "ada.md")
    os.close(descriptor)
    name = Path(temporary).name
    assert Path(temporary).parent == tmp_path and name.startswith(".ada.md.")
    assert kithbook.write.safe_write._TEMPORARY.fullmatch(name)
    assert stat.S_IMODE(os.stat(temporary).st_mode) == 0o600
