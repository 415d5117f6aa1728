"""Shared fixtures: where the real corpora and the shipped data are, and the browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.paths import REPO_ROOT, SHARED_CORPORA

SEED = REPO_ROOT / "data" / "articles" / "000_1f5ea510983bc6a6.txt"


@pytest.fixture(scope="session")
def corpora() -> Path:
    """``../shared/corpora``; tests that need it skip with a clear message when absent."""
    if not SHARED_CORPORA.is_dir():
        pytest.skip(f"needs the shared corpora at {SHARED_CORPORA} (absent in a fresh clone)")
    return SHARED_CORPORA


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The worked example article, as shipped in data/articles."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def chromium() -> str:
    """The headless browser the report checks run; they skip with a message without it."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed: run `apt-get install -y chromium` (Debian) to "
                "enable the browser checks; .ci/run installs it in CI")
