"""The repository holds sources, not what building them leaves behind: a stale `build/lib` copy of
the package would be read by tools and can end up in a wheel beside the real modules."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("folder", ["build", "dist"])
def test_no_build_output_is_tracked_or_left_unignored(folder: str) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "--", folder], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if tracked.returncode != 0:
        pytest.skip("not a Git checkout")
    assert tracked.stdout == ""
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", f"{folder}/lib/x.py"], cwd=ROOT, check=False
    )
    assert ignored.returncode == 0, f"{folder}/ is not in .gitignore"
