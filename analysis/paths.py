"""Where things are: the repository root, and paths given relative to it."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / "data" / "articles"
SHARED_CORPORA = REPO_ROOT.parent / "shared" / "corpora"


def resolve(path: str | Path) -> Path:
    """``path`` itself when absolute, else relative to the repository root."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else REPO_ROOT / path
