"""The tables of a corpus as files people open: CSV (UTF-8 with a BOM) and one workbook.

``write_tables(corpus, out)`` (``python -m analysis tables``, and ``reports/data/`` of
``make report``) writes ``articles``, ``skipped``, ``profile``, the record tables
(``quotes``, ``attributions``, ``sources``, ``hedges``, ``boosters``, and ``standards``
where ``analysis.standards`` exists) as CSV, and all of them as sheets of one
``tables.xlsx``. Every record row carries its article's ``title``, ``outlet``, ``date``,
the ``sentence`` that holds it and an empty ``correct?`` column for checking by hand
(``analysis.present.checking``). Cells are made safe for spreadsheets
(``analysis.tables.spreadsheets``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.present.checking import for_checking
from analysis.tables.spreadsheets import write_table, write_workbook

RECORD_TABLES = ("quotes", "attributions", "sources", "hedges", "boosters")
WORKBOOK = "tables.xlsx"


def standards_function():
    """``analysis.standards`` when this version has it (issue 11), else ``None``."""
    import analysis

    function = getattr(analysis, "standards", None)
    return function if callable(function) else None


def corpus_tables(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every table of ``articles``, record rows laid out for checking, in file order."""
    import analysis

    profile = for_checking(analysis.profile(articles), articles).drop(columns="correct?")
    tables = {"articles": articles, "skipped": analysis.skipped(articles), "profile": profile}
    for name in RECORD_TABLES:
        tables[name] = for_checking(getattr(analysis, name)(articles), articles)
    standards = standards_function()
    if standards is not None:
        tables["standards"] = for_checking(standards(articles), articles)
    return tables


def write_table_files(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """``tables`` as ``out/<name>.csv`` and one ``out/tables.xlsx``; the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = [write_table(table, out / f"{name}.csv") for name, table in tables.items()]
    written.append(write_workbook(tables, out / WORKBOOK))
    return written


def write_tables(corpus: str | Path, out: str | Path) -> list[Path]:
    """Load ``corpus`` (with its ``metadata.csv``) and write its tables into ``out``."""
    from analysis.present.sidecar import load_corpus

    return write_table_files(corpus_tables(load_corpus(corpus)), Path(out))
