"""Helpers shared by the speed benchmarks (not a benchmark: the name starts with ``_``).

Corpora are read in place from ``../shared/corpora``; replicated corpora are made in
memory or by a generator, each copy tagged with one short extra line ("Copy 3.") so that
no copy reuses the cached analysis of another (``analysis.tables.corpus`` caches Documents by
text).
"""

from __future__ import annotations

import os
import platform
import resource
import sys
from collections.abc import Iterator
from functools import cache

import pandas as pd

from analysis.paths import SHARED_CORPORA

BBC = SHARED_CORPORA / "bbc_news" / "bbc"
REUTERS = SHARED_CORPORA / "reuters21578"


def need_corpora() -> None:
    """Exit with a clear message when the shared corpora are absent."""
    if not SHARED_CORPORA.is_dir():
        print(f"skipped: needs the shared corpora at {SHARED_CORPORA}")
        sys.exit(0)


@cache
def load(name: str) -> pd.DataFrame:
    """The articles of ``"bbc"`` or ``"reuters"`` (English rows only, as analysed)."""
    import analysis

    articles = analysis.load_articles(BBC if name == "bbc" else REUTERS)
    return articles.reset_index(drop=True)


def copies(articles: pd.DataFrame, times: int) -> Iterator[pd.DataFrame]:
    """``times`` copies of ``articles``, one at a time, ids and texts made distinct."""
    for k in range(times):
        if k == 0:
            yield articles
            continue
        copy = articles.copy()
        copy["article_id"] = copy["article_id"] + f"-{k}"
        copy["text"] = copy["text"] + f"\nCopy {k}."
        yield copy


def megabytes(articles: pd.DataFrame) -> float:
    """UTF-8 size of titles and texts, in MB (10**6 bytes)."""
    titles = articles["title"].fillna("")
    return float(sum(len(t.encode()) + len(x.encode())
                     for t, x in zip(titles, articles["text"], strict=True)) / 1e6)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


def machine() -> str:
    """One line naming the machine the figures were measured on."""
    import psutil

    memory = psutil.virtual_memory().total / 2**30
    return (f"{platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB, "
            f"Python {platform.python_version()}, {platform.system()}")


def print_table(rows: list[dict[str, object]]) -> None:
    """A plain-text table with right-aligned numbers."""
    if not rows:
        return
    columns = list(rows[0])
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    print("  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))
    for row in cells:
        print("  ".join(v.rjust(w) for v, w in zip(row, widths, strict=True)))


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
