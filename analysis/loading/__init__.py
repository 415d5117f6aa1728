"""Files to articles: one DataFrame row per article, and a report of what did not load.

    import analysis
    articles = analysis.load_articles("data/articles")
    analysis.skipped(articles)          # path, record, reason of every record not loaded
    analysis.load_notes(articles)       # path, record, note of every value changed on load

The article table (``COLUMNS``; pandas ``string`` dtype for text):

============== ======================== ==================================================
column         dtype                    meaning
============== ======================== ==================================================
article_id     string                   16 hex digits of SHA-1 of the file's path relative
                                        to the root given (+ ``#record key`` inside it):
                                        stable; identical texts in two files, two ids
title          string                   headline
text           string                   body only, one paragraph per line (``\\n``)
outlet         string                   publisher / site
author         string                   byline (several joined with "; ")
published      datetime64[ns, UTC]      publication time (naive times read as UTC), NaT
url            string                   where the article came from
section        string                   from the source, else the sub-folder it sits in
language       string                   ISO 639-1; declared by the source, else detected
                                        with py3langid
source_path    string                   the file (``archive.zip/member`` inside archives)
n_words        Int64                    ``analysis.nlp.text.count_words(text)``
boilerplate    string                   promotion/footer lines removed from the text
duplicate_of   string                   ``article_id`` of an earlier row with the same text
============== ======================== ==================================================

Layouts add columns: Reuters-21578 ``topics``, ``places``, ``people``, ``orgs``,
``exchanges``, ``dateline``, ``newid``, ``lewissplit``; PolNeAR ``wire``, ``credit``,
``compartment`` (see ``formats/reuters.py`` and ``formats/polnear.py``).

The load report, in ``df.attrs`` (plain data, so ``pd.concat`` keeps working):

- ``skipped``: list of ``{"path", "record", "reason"}`` dicts, one per record that did not
  load (``record`` is None for a whole file, else ``line 3``, ``row 5``, ``item 2``,
  ``NEWID=17``, ...); ``analysis.skipped(df)`` shows it as a DataFrame.
- ``notes``: list of ``{"path", "record", "note"}`` dicts, one per value changed on load
  (a date outside 1677-2262 set to NaT, a lone surrogate replaced with U+FFFD, a file
  name that is not UTF-8); ``analysis.load_notes(df)`` shows it as a DataFrame.
- ``ignored``: files passed over on purpose (README*, LICENSE*, SOURCE*, NOTICE*,
  dotfiles, ``.dtd``, brat ``.ann``, PolNeAR's ``metadata.tsv``, and the sidecar
  ``metadata.csv`` at the top of a folder given, which ``analysis.present.sidecar`` reads).
- ``layouts``: rows per detected layout, e.g. ``{"reuters21578": 19043}``.
- ``records_seen``: records the readers met, counted apart from rows and skips: one per
  file for one-article formats, one per line/row/item/story/response for JSONL, CSV,
  JSON lists, XLSX, SGML and WARC, one per file or archive member skipped as a whole.
  ``len(df) + len(skipped) == records_seen`` holds unless a record was lost.

Nothing raises out of a load: every failure of a reader is a skip, and with
``errors="raise"`` the first one raises ``LoadError`` (naming file and record). Work
limits (sizes, archive depth and members, JSON depth, parser elements) are in
``LoadOptions.limits`` (``analysis.loading.model.Limits``); a record over one is a skip
naming the limit.

Memory: JSON Lines, CSV/TSV and XLSX files are streamed a line or row at a time and the
table is built a batch of rows at a time (``table.Builder``), so a load costs about the
size of the table it makes (a 190 MB JSON Lines file: peak RSS 472 MB, ``benchmarks/
adversarial.py``), not a multiple of the file.

Modules, one job each: ``files`` (walking, reading, archives), ``lines`` (line and row
formats as a stream), ``cleaning`` (decoding, normalising, boilerplate), ``fields``
(field names of structured records), ``formats`` (one reader per format), ``language``,
``table`` (rows and dtypes), ``batch`` (the one loading loop and its report), ``fetch``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from analysis.loading import files
from analysis.loading.batch import find, load
from analysis.loading.model import (
    DEFAULT_MAX_BYTES,
    Errors,
    Limits,
    LoadError,
    LoadOptions,
)
from analysis.loading.table import COLUMNS

SKIPPED_COLUMNS = ("path", "record", "reason")
NOTE_COLUMNS = ("path", "record", "note")

__all__ = [
    "COLUMNS", "Limits", "LoadError", "LoadOptions", "load_articles", "load_notes", "skipped",
]


def _progress(items: list, options: LoadOptions) -> Iterable:
    """``items`` wrapped in a tqdm bar when asked for, or by default on a terminal."""
    show = options.progress if options.progress is not None else (
        sys.stderr.isatty() and len(items) > 200
    )
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc="loading", unit="file")


def load_articles(
    paths: str | Path | Sequence[str | Path],
    *,
    recursive: bool = True,
    errors: Errors = "report",
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: Mapping[str, str | Sequence[str]] | None = None,
    boilerplate: bool = True,
    detect_language: bool = True,
    progress: bool | None = None,
    limits: Limits | None = None,
) -> pd.DataFrame:
    """Load articles from files and folders into one table (see the module docstring).

    ``paths`` is a file or folder, or a list of them; folders are walked in sorted order.
    Nothing stops a batch: a record that cannot be loaded is listed in
    ``df.attrs["skipped"]`` with its reason, unless ``errors="raise"``, which raises
    ``LoadError`` (path, record, reason) on the first one. ``limits`` (``Limits``, the
    defaults when None) bounds the work per file and record. See ``LoadOptions`` for the
    other keywords. Raises ``ValueError`` for an unknown ``errors``.
    """
    if errors not in ("report", "raise"):
        raise ValueError(f'errors must be "report" or "raise", not {errors!r}')
    options = LoadOptions(recursive=recursive, errors=errors, max_bytes=max_bytes,
                          fields=fields, boilerplate=boilerplate,
                          detect_language=detect_language, progress=progress,
                          limits=limits or Limits())
    given = [paths] if isinstance(paths, str | Path) else list(paths)
    entries: list[files.FileEntry] = []
    ignored: list[str] = []
    missing: list[str] = []
    for item in given:
        path = Path(item).expanduser()
        if not path.exists() and not path.is_symlink():
            missing.append(str(item))
            continue
        found, passed_over = find(path, str(item), recursive=options.recursive)
        entries += found
        ignored += passed_over
    return load(_progress(entries, options), options, ignored=ignored, missing=missing)


def skipped(df: pd.DataFrame) -> pd.DataFrame:
    """The load report of ``df`` as a DataFrame: path, record, reason (also when empty)."""
    records = df.attrs.get("skipped", [])
    return pd.DataFrame(list(records), columns=list(SKIPPED_COLUMNS)).astype("string")


def load_notes(df: pd.DataFrame) -> pd.DataFrame:
    """The values ``load_articles`` changed, as a DataFrame: path, record, note.

    One row per change (a date outside 1677-2262 set to NaT, a lone surrogate replaced
    with U+FFFD, a file name shown with ``\\xNN``); empty (with the columns) when none.
    """
    records = df.attrs.get("notes", [])
    return pd.DataFrame(list(records), columns=list(NOTE_COLUMNS)).astype("string")
