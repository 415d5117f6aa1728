"""Where things are: the repository root, and paths given relative to it."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import platformdirs

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / "data" / "articles"
SHARED_CORPORA = REPO_ROOT.parent / "shared" / "corpora"
#: Set it to a writable folder to keep the cache elsewhere (the default is the user cache
#: folder, ``~/.cache/news-sourcing-analysis`` on Linux, honouring ``XDG_CACHE_HOME``).
CACHE_ENV = "ANALYSIS_CACHE_DIR"


def cache_folder() -> Path:
    """Where models unpacked from installed packages are kept (NLTK's Punkt files,
    py3langid's arrays): ``$ANALYSIS_CACHE_DIR``, else the user cache folder of
    ``platformdirs``. Not created here."""
    root = os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("news-sourcing-analysis")
    return Path(root).expanduser()


def resolve(path: str | Path) -> Path:
    """``path`` itself when absolute, else relative to the repository root."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else REPO_ROOT / path


def repo_relative(path: str) -> str:
    """``path`` relative to the repository root when it lies inside it, else unchanged.

    Reports and their CSV tables use it for ``source_path``, so that they are the same on
    every machine and in every clone, whatever absolute path the corpus was given as.
    """
    try:
        return Path(path).resolve().relative_to(REPO_ROOT).as_posix()
    except (ValueError, OSError):
        return path


def show_path(path: str | Path) -> str:
    """``path`` relative to the repository root when inside it, else its name (absolute) or
    itself (relative): no machine paths in reports."""
    path = Path(path)
    try:
        return path.resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return path.name if path.is_absolute() else str(path)


def with_portable_paths(articles: pd.DataFrame) -> pd.DataFrame:
    """``articles`` with ``source_path`` made repository-relative (see ``repo_relative``)."""
    if "source_path" in articles and len(articles):
        articles["source_path"] = articles["source_path"].map(repo_relative).astype("string")
    return articles
