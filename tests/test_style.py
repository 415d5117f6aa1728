"""The code base stays ruff clean (the style rule of the project)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from analysis.paths import REPO_ROOT


def test_ruff_finds_nothing() -> None:
    if shutil.which("ruff") is None and not (REPO_ROOT / ".venv" / "bin" / "ruff").exists():
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=REPO_ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
