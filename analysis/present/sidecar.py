"""``metadata.csv``: set outlet, date, section or author for files that cannot carry them.

Plain-text files hold a headline and a body, nothing else: the BBC corpus has no outlet
and no date, only its topic folders. Two ways to say more, without editing the files:

- **Folder layout.** A sub-folder name becomes ``section`` (the loader does this:
  ``bbc/business/001.txt`` is in section ``business``).
- **A sidecar ``metadata.csv``** in the corpus folder (UTF-8, a header row). Column
  ``file`` is a path relative to that folder or a pattern (``*`` any characters,
  ``business/*`` a whole folder); the other columns (``outlet``, ``published``,
  ``section``, ``author``, ``title``, or any new column) set that value for every
  article whose file matches. Rows apply top to bottom, so a later, more specific row
  wins; a value in ``metadata.csv`` wins over one from the file; an empty cell changes
  nothing. Example::

      file,outlet,published
      *,BBC News,
      business/001.txt,,2005-01-12

``load_corpus(path)`` loads a corpus with its sidecar applied and portable source paths;
the notebooks and the reports use it. The sidecar itself is no article: the loader does
not read it (``analysis.loading.files``), it is listed among the ignored files of the
load report.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path, PurePosixPath

import pandas as pd

from analysis.loading.files import SIDECAR
from analysis.paths import REPO_ROOT, with_portable_paths


def _relative(source_path: object, folder: Path) -> str | None:
    if not isinstance(source_path, str):
        return None
    path = Path(source_path)
    path = path if path.is_absolute() else REPO_ROOT / path
    try:
        return path.resolve().relative_to(folder).as_posix()
    except (ValueError, OSError):
        return None


def _matches(relative: str, pattern: str) -> bool:
    pattern = pattern.strip().lstrip("./") or "*"
    return relative == pattern or fnmatch.fnmatchcase(relative, pattern) or \
        PurePosixPath(relative).match(pattern)


def read_sidecar(folder: Path) -> pd.DataFrame | None:
    """The ``metadata.csv`` of ``folder`` (all columns as text), or ``None``."""
    path = folder / SIDECAR
    if not path.is_file():
        return None
    table = pd.read_csv(path, dtype="string", keep_default_na=False, encoding="utf-8-sig")
    if "file" not in table:
        raise ValueError(f"{path}: a metadata.csv needs a 'file' column "
                         f"(columns found: {', '.join(table.columns)})")
    return table


def apply_metadata(articles: pd.DataFrame, corpus: str | Path) -> pd.DataFrame:
    """``articles`` with the values of the corpus folder's ``metadata.csv`` set (a copy)."""
    corpus = Path(corpus).resolve()
    folder = corpus if corpus.is_dir() else corpus.parent
    table = read_sidecar(folder)
    if table is None:
        return articles
    articles = articles.copy()
    relative = articles["source_path"].map(lambda p: _relative(p, folder)) \
        if "source_path" in articles else pd.Series(None, index=articles.index)
    for _, row in table.iterrows():
        hits = relative.map(lambda r, pattern=row["file"]: r is not None and
                            _matches(r, pattern)).astype(bool)
        if not hits.any():
            continue
        for column, value in row.items():
            if column == "file" or not str(value).strip():
                continue
            if column == "published":
                stamp = pd.to_datetime(value, utc=True, errors="coerce")
                if column not in articles:
                    articles[column] = pd.Series(pd.NaT, index=articles.index,
                                                 dtype="datetime64[ns, UTC]")
                articles.loc[hits, column] = stamp
            else:
                if column not in articles:
                    articles[column] = pd.Series(pd.NA, index=articles.index, dtype="string")
                articles.loc[hits, column] = str(value).strip()
    return articles


def load_corpus(corpus: str | Path) -> pd.DataFrame:
    """``analysis.load_articles(corpus)`` with its sidecar applied and portable paths."""
    import analysis

    return with_portable_paths(apply_metadata(analysis.load_articles(corpus), corpus))
