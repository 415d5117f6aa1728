"""PolNeAR (Newell, Margolin & Ruths, LREC 2018): texts with a ``metadata.tsv``, brat gold.

Layout: ``data/metadata.tsv`` and ``data/<split>/text/<name>.txt`` (line 1 the headline,
then paragraphs) with ``data/<split>/attributions/<name>_<annotator>.ann``. A ``.txt``
whose name is listed in a ``metadata.tsv`` up to two folders above it loads with the
publisher as ``outlet``, the date, author and title from the table, and extra columns
``wire``, ``credit`` and ``compartment`` (the split).

``text`` for these rows is the cleaned body (headline line and blank lines removed,
whitespace normalised), so it is NOT the string the gold offsets index: the gold spans
from ``polnear_gold`` index the raw ``.txt`` at ``source_path``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from analysis.loading.model import Article

LAYOUT = "polnear"
_REQUIRED = {"filename", "publisher", "publication_date", "compartment"}
_MISSING = {"", "None", "NA", "N/A", "null"}


def _value(text: str | None) -> str | None:
    return None if text is None or text.strip() in _MISSING else text.strip()


@lru_cache(maxsize=64)
def _table(tsv: Path) -> dict[str, dict[str, str]] | None:
    """``{filename: row}`` of a PolNeAR ``metadata.tsv``; None if it is another table."""
    try:
        with tsv.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            if not set(reader.fieldnames or ()) >= _REQUIRED:
                return None
            return {row["filename"]: row for row in reader}
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def is_metadata_file(path: Path) -> bool:
    """True for a PolNeAR ``metadata.tsv`` (read with its texts, not as articles)."""
    return path.name == "metadata.tsv" and _table(path) is not None


def _tables_near(folder: Path) -> list[dict[str, dict[str, str]]]:
    """The PolNeAR tables in ``folder`` and the two folders above it, nearest first."""
    tables = []
    for place in [folder, *folder.parents][:3]:
        tsv = place / "metadata.tsv"
        table = _table(tsv) if tsv.is_file() else None
        if table is not None:
            tables.append(table)
    return tables


# Within one load (``remembering_folders``), the tables near each folder, looked up once.
_NEAR: ContextVar[dict[Path, list[dict[str, dict[str, str]]]] | None] = ContextVar(
    "polnear_tables_near", default=None)


@contextmanager
def remembering_folders() -> Iterator[None]:
    """Inside the block, each folder's ``metadata.tsv`` files are looked for once, not
    for every file in it (three ``stat`` calls a file; files do not come and go in the
    middle of one load)."""
    token = _NEAR.set({})
    try:
        yield
    finally:
        _NEAR.reset(token)


def metadata_for(path: Path) -> dict[str, str] | None:
    """The ``metadata.tsv`` row of a PolNeAR text, or None for any other file."""
    memo = _NEAR.get()
    folder = path.parent
    if memo is None:
        tables = _tables_near(folder)
    elif folder in memo:
        tables = memo[folder]
    else:
        tables = memo[folder] = _tables_near(folder)
    for table in tables:
        if path.stem in table:
            return table[path.stem]
    return None


def apply(article: Article, row: dict[str, str]) -> None:
    """Fill an article's metadata from its ``metadata.tsv`` row."""
    article.layout = LAYOUT
    article.folder_is_section = False  # the folders are splits and "text", not sections
    article.title = _value(row.get("title")) or article.title
    article.outlet = _value(row.get("publisher"))
    article.author = _value(row.get("author"))
    article.published = _value(row.get("publication_date"))
    article.extra.update(
        wire=_value(row.get("wire")),
        credit=_value(row.get("credit")),
        compartment=_value(row.get("compartment")),
    )
