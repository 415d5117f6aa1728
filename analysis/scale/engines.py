"""Engines: the same per-article analysis on pandas, on local processes, or on Dask.

Every plain table function of ``analysis.tables.corpus`` (``profile``, ``quotes``,
``attributions``, ``sources``, ``hedges``, ``boosters``) is a function of the articles it
is given, one article at a time; the public functions (``analysis.profile``... in
``analysis.api``) call them through ``run``. So a corpus can be cut into pieces, each
piece analysed anywhere, and the pieces put back in order: the result is the same, row
for row. The engines differ only in *where* the pieces run:

- ``"pandas"`` (default): in this process, on a pandas DataFrame; returns pandas.
- ``"processes"``: ``jobs`` local processes (``concurrent.futures``); returns pandas.
- ``"dask"``: a lazy ``dask.dataframe.DataFrame``; each partition goes through the very
  same ``analysis.tables.corpus`` function (``map_partitions`` with a ``meta``). Call
  ``.compute()`` or ``.to_parquet(...)``; the scheduler is Dask's (a
  ``dask.distributed.Client`` if one is active), never a home-made one.

Inputs: an article DataFrame (pandas or Dask), one text or a list of texts
(``analysis.tables.corpus.as_articles``), or paths. For the ``processes`` and
``dask`` engines a ``str`` is a path or glob; for the ``pandas`` engine a ``str`` stays a
text (``analysis.profile("He said ...")``) and paths must be ``pathlib.Path`` objects.
Paths are read with ``analysis.load_articles`` one chunk of files at a time
(``analysis.scale.streaming.plan_chunks``); Parquet article tables (``*.parquet``) are read with
``dask.dataframe.read_parquet``.

Dask partition index: ``profile`` keeps the index of its input partition (one row per
article), so ``profile(ddf, engine="dask").compute()`` equals ``profile(ddf.compute())``
exactly when the index is a plain 0..n-1 one (``dd.from_pandas``); the record tables get
a fresh 0..k-1 index per partition (compare after ``reset_index(drop=True)``).

Dask partitions: a pandas table is cut into ``PARTITIONS_PER_WORKER`` (4) partitions per
Dask worker (``dask_workers``), or more so that none holds over 1,000 articles;
``npartitions=`` or ``chunk_size=`` choose otherwise. The rows computed are the same for
any number of partitions.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.loading.table import with_article_columns
from analysis.scale.workers import process_pool
from analysis.tables.corpus import (
    BATCH,
    TABLES,
    analyse_tables,
    as_articles,
    concat,
    empty_table,
    table_function,
)
from analysis.tables.spreadsheets import part_name, write_table

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

ENGINES = ("pandas", "processes", "dask")
#: Dask partitions per worker when neither ``npartitions`` nor ``chunk_size`` is given,
#: so that the last partitions do not leave workers idle (docs/scale.md).
PARTITIONS_PER_WORKER = 4


def _table_of_partition(part: pd.DataFrame, name: str) -> pd.DataFrame:
    """Table ``name`` of one partition; ``profile`` keeps the partition's index."""
    result = table_function(name)(part)
    if name == "profile" and len(result) == len(part):
        result.index = part.index
    return result


def is_paths(data: object, *, str_is_path: bool) -> bool:
    """True when ``data`` names files (a ``Path``, or ``str`` when ``str_is_path``)."""
    kinds: tuple[type, ...] = (os.PathLike, str) if str_is_path else (os.PathLike,)
    if isinstance(data, kinds):
        return True
    if isinstance(data, (list, tuple)) and data:
        return all(isinstance(item, kinds) for item in data) and (
            str_is_path or any(isinstance(item, os.PathLike) for item in data)
        )
    return False


def _paths(data: object) -> list[str]:
    items = [data] if isinstance(data, (str, os.PathLike)) else list(data)  # type: ignore[arg-type]
    return [os.fspath(item) for item in items]


def _is_dask(data: object) -> bool:
    """True for a Dask DataFrame (without importing Dask when it is not loaded)."""
    module = sys.modules.get("dask.dataframe")
    return module is not None and isinstance(data, module.DataFrame)


def run(
    name: str,
    data: Any,
    engine: str = "pandas",
    *,
    jobs: int | None = None,
    chunk_size: int | None = None,
    npartitions: int | None = None,
) -> pd.DataFrame | dd.DataFrame:
    """Table ``name`` (one of ``analysis.tables.corpus.TABLES``) of ``data`` on ``engine``.

    ``data``: see the module docstring. ``jobs``: processes of the ``processes`` engine
    (default: CPU count). ``chunk_size``: articles per task (``processes``) or per Dask
    partition, or files per partition when reading paths. ``npartitions``: partitions
    when a pandas table goes to Dask (default: ``PARTITIONS_PER_WORKER`` per Dask worker,
    more when that makes partitions of over ``analysis.tables.corpus.BATCH`` articles).
    Raises ``ValueError`` for an unknown engine or table.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    function = table_function(name)
    if engine == "pandas":
        if _is_dask(data):
            data = data.compute()
        elif is_paths(data, str_is_path=False):
            data = _load_paths(_paths(data))
        return function(as_articles(data))
    if engine == "processes":
        return _run_processes(name, data, jobs=jobs, chunk_size=chunk_size)
    return dask_table(name, data, chunk_size=chunk_size, npartitions=npartitions)


def _load_paths(paths: list[str]) -> pd.DataFrame:
    """All articles of ``paths`` in one pandas table (Parquet article tables included)."""
    from analysis.scale.streaming import iter_articles

    return pd.concat(list(iter_articles(paths)), ignore_index=True)


def _run_processes(
    name: str, data: Any, *, jobs: int | None, chunk_size: int | None
) -> pd.DataFrame:
    """Table ``name`` on local processes: pieces in, pieces back in the same order."""
    jobs = jobs or os.cpu_count() or 1
    if _is_dask(data):
        data = data.compute()
    if is_paths(data, str_is_path=True):
        from analysis.scale.streaming import plan_chunks

        chunks = plan_chunks(_paths(data), chunk_size=chunk_size or 200)
        with process_pool(jobs) as pool:
            frames = list(pool.map(_load_and_table, chunks, [name] * len(chunks)))
        return concat(frames, name)
    articles = as_articles(data)
    size = chunk_size or max(1, min(BATCH, -(-len(articles) // jobs)))
    pieces = [articles.iloc[i : i + size] for i in range(0, len(articles), size)]
    if jobs == 1 or len(pieces) <= 1:
        return table_function(name)(articles)
    with process_pool(jobs) as pool:
        frames = list(pool.map(table_function(name), pieces))
    return concat(frames, name)


def _load_and_table(chunk: Any, name: str) -> pd.DataFrame:
    from analysis.scale.streaming import load_chunk

    return table_function(name)(load_chunk(chunk))


# --- Dask ---------------------------------------------------------------------------


def read_articles(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    files_per_partition: int | None = None,
) -> dd.DataFrame:
    """A lazy Dask DataFrame of the articles in ``paths`` (files, folders or globs).

    Parquet article tables (``.parquet`` files or folders of them) are read with
    ``dask.dataframe.read_parquet``; everything else (txt, JSONL, CSV, HTML, SGML,
    WARC, ...) with the loader, one partition per chunk of files
    (``analysis.scale.streaming.plan_chunks``: ``files_per_partition`` files, or one big
    file such as a JSONL shard or a WARC file), with the loader's core columns. Without
    ``files_per_partition``: 200 files, or fewer so that there are
    ``PARTITIONS_PER_WORKER`` partitions per worker (``dask_workers``) when there are
    enough files. Raises ``FileNotFoundError`` when ``paths`` hold no input file.
    """
    import dask.dataframe as dd

    items = _paths(paths)
    if items and all(_is_parquet(p) for p in items):
        frame = dd.read_parquet(items if len(items) > 1 else items[0])
        return frame.map_partitions(with_article_columns,
                                    meta=with_article_columns(frame._meta))
    from analysis.loading.table import build
    from analysis.scale.streaming import plan_chunks

    chunks = plan_chunks(items, chunk_size=files_per_partition or 200)
    if not chunks:
        raise FileNotFoundError(f"no input files in {items}")
    wanted = PARTITIONS_PER_WORKER * dask_workers()
    n_files = sum(len(chunk.entries) for chunk in chunks)
    if files_per_partition is None and len(chunks) < wanted < n_files:
        chunks = plan_chunks(items, chunk_size=max(1, n_files // wanted))
    return dd.from_map(_load_core_columns, chunks, meta=build([]), enforce_metadata=False)


def _load_core_columns(chunk: Any) -> pd.DataFrame:
    """One partition: a chunk's articles with the loader's core columns (``COLUMNS``).

    Layout extras (Reuters ``topics``...) vary between chunks; a Dask DataFrame needs
    one schema, so they are left out here (``analysis.load_articles`` keeps them).
    """
    from analysis.loading.table import COLUMNS
    from analysis.scale.streaming import load_chunk

    frame = load_chunk(chunk)
    frame = frame[list(COLUMNS)]
    frame.attrs = {}
    return frame


def _is_parquet(path: str) -> bool:
    p = Path(path)
    if p.suffix == ".parquet":
        return True
    return p.is_dir() and any(p.glob("*.parquet"))


def to_dask(data: Any, *, chunk_size: int | None = None,
            npartitions: int | None = None) -> dd.DataFrame:
    """``data`` (Dask or pandas articles, or paths) as a Dask DataFrame of articles."""
    import dask.dataframe as dd

    if _is_dask(data):
        return data
    if is_paths(data, str_is_path=True):
        return read_articles(_paths(data), files_per_partition=chunk_size)
    data = as_articles(data)
    if npartitions is None:
        npartitions = _partitions(len(data), chunk_size)
    return dd.from_pandas(data, npartitions=npartitions, sort=False)


def dask_workers() -> int:
    """Worker threads of the active ``distributed`` client, else the CPU count (what
    Dask's local scheduler uses)."""
    distributed = sys.modules.get("distributed")
    if distributed is not None:
        try:
            client = distributed.default_client()
        except ValueError:  # no client
            client = None
        if client is not None:
            return max(1, sum(client.nthreads().values()))
    return os.cpu_count() or 1


def _partitions(n_articles: int, chunk_size: int | None) -> int:
    """Partitions for ``n_articles`` in memory: one per ``chunk_size`` articles when it
    is given, else ``PARTITIONS_PER_WORKER`` per worker, each of at most ``BATCH``
    articles; never more than one per article, at least one."""
    if chunk_size:
        parts = -(-n_articles // chunk_size)
    else:
        parts = max(PARTITIONS_PER_WORKER * dask_workers(), -(-n_articles // BATCH))
    return max(1, min(parts, n_articles))


def dask_table(name: str, data: Any, *, chunk_size: int | None = None,
               npartitions: int | None = None) -> dd.DataFrame:
    """Table ``name`` as a lazy Dask DataFrame: ``map_partitions`` of the corpus function."""
    articles = to_dask(data, chunk_size=chunk_size, npartitions=npartitions)
    return articles.map_partitions(
        _table_of_partition, name, meta=empty_table(name),
        clear_divisions=name != "profile",
    )


def dask_tables(data: Any, names: Sequence[str] = TABLES, *, chunk_size: int | None = None,
                npartitions: int | None = None) -> dict[str, dd.DataFrame]:
    """All tables ``names`` as lazy Dask DataFrames that share one analysis per partition.

    Each partition is analysed once (``analyse_tables``) and every table takes its
    piece of that result, so computing or writing them together (``dask.compute``,
    ``write_parquet``) does the work once.
    """
    import dask
    import dask.dataframe as dd

    articles = to_dask(data, chunk_size=chunk_size, npartitions=npartitions)
    analysed = [dask.delayed(analyse_tables)(part, tuple(names))
                for part in articles.to_delayed()]
    return {
        name: dd.from_delayed([dask.delayed(_pick)(a, name) for a in analysed],
                              meta=empty_table(name), verify_meta=False)
        for name in names
    }


def _pick(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return tables[name]


def write_parquet(data: Any, out: str | os.PathLike, names: Sequence[str] = TABLES, *,
                  chunk_size: int | None = None, npartitions: int | None = None) -> list[Path]:
    """Write every table of ``data`` as Parquet parts (``out/<table>/part-<k>.parquet``,
    one per partition: the layout of ``python -m analysis profile``).

    Each partition goes through the product's one table writer
    (``analysis.tables.spreadsheets.write_table``); all are computed together, so that each
    partition is analysed once. Returns the table folders.
    """
    import dask

    tables = dask_tables(data, names, chunk_size=chunk_size, npartitions=npartitions)
    out = Path(out)
    writes = [dask.delayed(write_table)(part, out / name / part_name(k, "parquet"))
              for name, frame in tables.items()
              for k, part in enumerate(frame.to_delayed())]
    dask.compute(*writes)
    return [out / name for name in tables]
