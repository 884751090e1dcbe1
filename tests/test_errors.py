"""One error hierarchy (kithbook.errors): every exception Kithbook defines is a KithbookError, and
the command line turns one into a single line with its exit code."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import kithbook
from kithbook.cli import main
from kithbook.errors import KithbookError


def defined_exceptions() -> list[type[BaseException]]:
    found = []
    for module_info in pkgutil.walk_packages(kithbook.__path__, "kithbook."):
        if module_info.name.endswith("__main__"):  # runs `kith` when imported
            continue
        module = importlib.import_module(module_info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Exception) and value.__module__ == module.__name__:
                found.append(value)
    return found


def test_every_exception_kithbook_defines_derives_from_kithbook_error():
    """Errors, that is: a signal such as `kith serve`'s stop request is a BaseException, as
    KeyboardInterrupt is."""
    exceptions = defined_exceptions()
    assert len(exceptions) >= 14
    assert [e.__qualname__ for e in exceptions if not issubclass(e, KithbookError)] == []


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["due", "--at", "2026-01-01"], 2, "kith due: error: --at: "),
        (["undo"], 1, "kith undo: error: "),
    ],
)
def test_a_kithbook_error_becomes_one_line_and_its_exit_code(tmp_path, capsys, argv, code, message):
    (tmp_path / "contacts").mkdir()
    assert main([*argv, "--root", str(tmp_path)]) == code
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err
