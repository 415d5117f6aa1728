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


def metadata_for(path: Path) -> dict[str, str] | None:
    """The ``metadata.tsv`` row of a PolNeAR text, or None for any other file."""
    for folder in list(path.parents)[:3]:
        tsv = folder / "metadata.tsv"
        if tsv.is_file():
            table = _table(tsv)
            if table is not None and path.stem in table:
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
