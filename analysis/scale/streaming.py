"""Analyse a corpus of any size in chunks, with bounded memory, resumably.

``python -m analysis profile INPUT... --out DIR`` (or ``stream_tables``) does:

1. **Plan.** The inputs (files, folders, globs) are listed in a fixed order and cut into
   chunks of at most ``chunk_size`` files and ``chunk_bytes`` bytes. A JSON Lines or
   CSV/TSV file bigger than ``chunk_bytes`` is cut into parts of about ``chunk_bytes``
   (after a line or a row; read once for that), so memory is bounded by the chunk size,
   not the file size; any other file bigger than that (a WARC file, an XLSX workbook) is
   a chunk of its own. Nothing else is read yet.
2. **Analyse.** Each chunk is loaded with ``analysis.load_articles`` and analysed by the
   ``analysis.tables.corpus`` functions (``analysis.tables.corpus.analyse_tables``), in this process
   (``--jobs 1``), in ``N`` local processes (``--jobs N``, ``ProcessPoolExecutor``) or on
   a Dask cluster (``--engine dask``). Only a few chunks are in flight at a time, so
   memory stays bounded whatever the corpus size.
3. **Write, in chunk order.** Results are taken back in the order of the plan, so the
   output is identical for any ``--jobs`` and engine. For chunk ``k`` every table is
   written to ``DIR/<table>/part-<k>.parquet`` (or ``.csv``: safe cells, UTF-8 with a
   byte-order mark) atomically by the product's one table writer
   (``analysis.tables.spreadsheets.write_table``), then chunk ``k`` is recorded in
   ``DIR/_manifest.json`` (also replaced atomically). An interrupted run loses at most
   the chunks in flight; a rerun with the same inputs reads the manifest and skips the
   finished chunks.
4. **Failures.** A chunk whose analysis raises (or whose worker process dies) is recorded
   as failed, with its reason, in the manifest's ``failed`` map, and the run goes on
   with the other chunks; a rerun tries the failed chunks again. Worker processes end
   with their parent, also when it is killed (``workers.process_pool``). An output
   folder that cannot be written (disk full, read-only, no permission) stops the run
   with one line saying so (``OutputUnwritable``); the finished chunks are kept.

Tables: ``profile``, ``quotes``, ``attributions``, ``sources``, ``hedges``, ``boosters``
(as ``analysis.tables.corpus`` builds them), ``articles`` (the article table without ``text``)
and ``skipped`` (the load report: skipped records, ignored files and notes of values
changed on load, told apart by its ``kind`` column). Read them back
with ``read_table(DIR, name)`` or ``dask.dataframe.read_parquet(DIR / name)``.

Duplicates across chunks: ``load_articles`` flags an identical text only within one
call, i.e. one chunk. The stream keeps a SHA-1 of every first-seen text, with its
``article_id`` and chunk number, in a small SQLite table (``DIR/_seen.sqlite``) and
sets ``duplicate_of`` to the id of the first article (in plan order) with the same
text. Duplicates are analysed and written like any article, only flagged. On resume the
hashes of unfinished chunks are dropped first, so a rerun flags exactly as one run does.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import signal
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.loading.batch import find, load
from analysis.loading.files import FileEntry
from analysis.loading.formats.structured import cut
from analysis.loading.model import DEFAULT_MAX_BYTES, Limits, LoadOptions
from analysis.loading.table import with_article_columns
from analysis.tables.corpus import TABLES, analyse_tables
from analysis.tables.spreadsheets import part_name, write_atomically, write_table

OUTPUT_TABLES = (*TABLES, "articles", "skipped")
FORMATS = ("parquet", "csv")
CHUNK_SIZE = 200  # files per chunk
CHUNK_BYTES = 8 * 2**20  # bytes of input per chunk (a bigger file is a chunk alone)
MANIFEST = "_manifest.json"
SEEN = "_seen.sqlite"
SKIPPED_COLUMNS = {"path": "string", "record": "string", "reason": "string",
                   "kind": "string"}


@dataclass(frozen=True)
class Chunk:
    """Files to load together, as the loader found them under one input path.

    ``entries``: ``analysis.loading.files.FileEntry`` per file (path on disk, path shown,
    path relative to the input, sub-folder, and the part of a big JSON Lines or CSV file
    when it was cut), exactly what ``load_articles`` would see for the whole input, so
    that ``article_id``, ``section``, ``source_path`` and record keys do not depend on
    the chunking. ``ignored`` / ``missing``: files passed over on purpose / inputs that
    do not exist (reported with the chunk).
    """

    index: int
    entries: tuple[FileEntry, ...]
    ignored: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def files(self) -> tuple[str, ...]:
        """The files on disk."""
        return tuple(str(entry.path) for entry in self.entries)


@dataclass
class ChunkResult:
    """The tables of one chunk, and the SHA-1 of each article's text (for duplicates)."""

    index: int
    tables: dict[str, pd.DataFrame]
    hashes: list[bytes]


@dataclass
class Summary:
    """What a run did."""

    out: Path
    chunks: int
    resumed: int = 0
    done: int = 0
    articles: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: dict[int, str] = field(default_factory=dict)  # chunk index: reason
    seconds: float = 0.0
    interrupted: bool = False
    counts: dict[str, int] = field(default_factory=dict)


# --- planning and reading -----------------------------------------------------------


def _pieces(entry: FileEntry, chunk_bytes: int) -> list[tuple[FileEntry, int]]:
    """``(entry, bytes)`` per piece of a file: a big JSON Lines or CSV/TSV file (not over
    the default ``max_bytes``) cut into parts of about ``chunk_bytes``, else the file."""
    try:
        size = entry.path.stat().st_size
    except OSError:
        return [(entry, 0)]
    if size <= chunk_bytes or size > DEFAULT_MAX_BYTES:
        return [(entry, size)]
    try:
        parts = cut(entry.path, chunk_bytes, limit=Limits().max_record_bytes)
    except OSError:  # unreadable: the loader reports it
        parts = []
    return [(replace(entry, part=part), part.end - part.start) for part in parts] or \
        [(entry, size)]


def plan_chunks(
    inputs: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    chunk_size: int = CHUNK_SIZE,
    chunk_bytes: int = CHUNK_BYTES,
) -> list[Chunk]:
    """Cut the input files into chunks (see the module docstring).

    Inputs are files, folders (walked as ``load_articles`` walks them: recursively,
    sorted, README/LICENSE/dotfiles ignored) or globs. Reads no file but the JSON Lines
    and CSV/TSV files bigger than ``chunk_bytes``, once each, to find where to cut them
    (``analysis.loading.formats.structured.cut``).
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    chunks: list[Chunk] = []
    for item in inputs:
        item = os.fspath(item)
        matches = [item] if os.path.exists(item) else sorted(glob.glob(item, recursive=True))
        if not matches:
            chunks.append(Chunk(len(chunks), (), missing=(item,)))
        for match in matches:
            found, ignored = find(Path(match), match, recursive=True)
            first = len(chunks)
            current: list[FileEntry] = []
            size = 0
            for entry, nbytes in (p for e in found for p in _pieces(e, chunk_bytes)):
                if current and (len(current) >= chunk_size or size + nbytes > chunk_bytes):
                    chunks.append(Chunk(len(chunks), tuple(current)))
                    current, size = [], 0
                current.append(entry)
                size += nbytes
            if current or ignored:
                chunks.append(Chunk(len(chunks), tuple(current)))
            if ignored:  # reported with the first chunk of this input
                chunks[first] = Chunk(first, chunks[first].entries, tuple(ignored))
    return chunks


def load_chunk(chunk: Chunk, **options: Any) -> pd.DataFrame:
    """The articles of one chunk, loaded by ``load_articles``'s own loop
    (``analysis.loading.batch.load``), with its load report in ``attrs``.

    ``options``: ``analysis.loading.LoadOptions`` fields (``detect_language=False``...).
    Parquet files are read as article tables (``article_id``, ``text``...) as they are.
    """
    options.setdefault("progress", False)
    frame = load([e for e in chunk.entries if e.path.suffix != ".parquet"],
                 LoadOptions(**options), ignored=chunk.ignored, missing=chunk.missing)
    tables = [with_article_columns(pd.read_parquet(e.path)) for e in chunk.entries
              if e.path.suffix == ".parquet"]
    if tables:
        report = frame.attrs
        frame = pd.concat([t for t in [frame if len(frame) else None, *tables]
                           if t is not None], ignore_index=True)
        frame.attrs = report
    return frame


def iter_articles(
    inputs: Iterable[str | os.PathLike] | str | os.PathLike, *, chunk_size: int = CHUNK_SIZE
) -> Iterator[pd.DataFrame]:
    """Yield the articles of a corpus of any size one chunk (a pandas table) at a time."""
    for chunk in plan_chunks(inputs, chunk_size=chunk_size):
        yield load_chunk(chunk)


def _text_hash(text: object) -> bytes:
    return hashlib.sha1(text.encode("utf-8") if isinstance(text, str) else b"").digest()


def _skipped_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """The load report as one table: ``kind`` is skipped, ignored or note (the note's
    text in ``reason``)."""
    rows = []
    for kind, attr in (("skipped", "skipped"), ("ignored", "ignored"), ("note", "notes")):
        for entry in articles.attrs.get(attr, []) or []:
            entry = entry if isinstance(entry, dict) else {"path": entry}
            reason = entry.get("reason", entry.get("note"))
            rows.append({
                "path": str(entry.get("path", "")),
                "record": None if entry.get("record") is None else str(entry["record"]),
                "reason": None if reason is None else str(reason),
                "kind": kind,
            })
    return pd.DataFrame(rows, columns=list(SKIPPED_COLUMNS)).astype(SKIPPED_COLUMNS)


def _stable_metadata(articles: pd.DataFrame) -> pd.DataFrame:
    """The article table without ``text``; text-only object columns become ``string``.

    So that every part file has the same schema, also when a column is empty in a chunk.
    """
    meta = articles.drop(columns=[c for c in ("text",) if c in articles])
    for column in meta.columns:
        if meta[column].dtype == object:
            values = meta[column].dropna()
            if all(isinstance(v, str) for v in values):
                meta[column] = meta[column].astype("string")
    if "duplicate_of" not in meta:
        meta["duplicate_of"] = pd.Series(pd.NA, index=meta.index, dtype="string")
    meta.attrs = {}
    return meta.reset_index(drop=True)


def process_chunk(chunk: Chunk, names: Sequence[str] = TABLES) -> ChunkResult:
    """Load and analyse one chunk (runs in a worker process or on a Dask worker)."""
    articles = load_chunk(chunk)
    tables = analyse_tables(articles, names)
    tables["articles"] = _stable_metadata(articles)
    tables["skipped"] = _skipped_frame(articles)
    return ChunkResult(chunk.index, tables, [_text_hash(t) for t in articles["text"]])


# --- output -------------------------------------------------------------------------


def _fingerprint(chunks: list[Chunk], names: Sequence[str], fmt: str) -> str:
    digest = hashlib.sha256(json.dumps([list(names), fmt]).encode())
    for chunk in chunks:
        for entry in chunk.entries:
            try:
                size = os.path.getsize(entry.path)
            except OSError:
                size = -1
            part = "" if entry.part is None else \
                f"\0{entry.part.start}-{entry.part.end}"
            # surrogateescape: a file name that is not UTF-8 keeps its own bytes
            digest.update(f"{chunk.index}\0{entry.path}\0{size}{part}\n".encode(
                "utf-8", "surrogateescape"))
    return digest.hexdigest()


class OutputMismatch(RuntimeError):
    """The output folder holds a run with other inputs or options."""


class OutputUnwritable(RuntimeError):
    """The output folder cannot be written (disk full, read-only file system, ...)."""


@contextmanager
def _writing(out: Path) -> Iterator[None]:
    """Turn the errors of a failed write into one ``OutputUnwritable`` naming the folder."""
    try:
        yield
    except (OSError, sqlite3.OperationalError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise OutputUnwritable(f"cannot write to {out}: {reason}") from error


class Output:
    """The output folder: part files, the manifest of finished chunks, the text hashes."""

    def __init__(self, out: Path, fmt: str, fingerprint: str, n_chunks: int,
                 restart: bool = False) -> None:
        with _writing(out):
            self._open(out, fmt, fingerprint, n_chunks, restart)

    def _open(self, out: Path, fmt: str, fingerprint: str, n_chunks: int,
              restart: bool) -> None:
        self.out, self.fmt = out, fmt
        out.mkdir(parents=True, exist_ok=True)
        self.manifest_path = out / MANIFEST
        manifest = None
        if self.manifest_path.exists() and not restart:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            if manifest.get("fingerprint") != fingerprint:
                raise OutputMismatch(
                    f"{out} holds the output of a run with other inputs or options; "
                    "give another --out, or --restart to start over"
                )
        self.manifest = manifest or {"version": 1, "fingerprint": fingerprint,
                                     "format": fmt, "chunks": n_chunks, "finished": {}}
        self.manifest.setdefault("failed", {})
        if restart:
            for extension in FORMATS:
                for path in out.glob(f"*/part-*.{extension}"):
                    path.unlink()
        self.db = sqlite3.connect(out / SEEN)
        self.db.execute("CREATE TABLE IF NOT EXISTS seen "
                        "(hash BLOB PRIMARY KEY, article_id TEXT, chunk INTEGER)")
        if restart:
            self.db.execute("DELETE FROM seen")
        finished = sorted(int(k) for k in self.manifest["finished"])
        # Hashes of chunks that did not finish would flag their articles against themselves.
        self.db.execute("CREATE TEMP TABLE done (chunk INTEGER PRIMARY KEY)")
        self.db.executemany("INSERT INTO done VALUES (?)", [(k,) for k in finished])
        self.db.execute("DELETE FROM seen WHERE chunk NOT IN (SELECT chunk FROM done)")
        self.db.commit()
        self._save_manifest()

    @property
    def finished(self) -> set[int]:
        """Indices of the chunks already written."""
        return {int(k) for k in self.manifest["finished"]}

    def _save_manifest(self) -> None:
        text = json.dumps(self.manifest, indent=1, sort_keys=True)
        write_atomically(self.manifest_path,
                         lambda tmp: tmp.write_text(text, encoding="utf-8"))

    def flag_duplicates(self, result: ChunkResult) -> int:
        """Set ``duplicate_of`` in the chunk's article table; remember new texts.

        Raises ``OutputUnwritable`` when the hash database cannot be written.
        """
        with _writing(self.out):
            return self._flag_duplicates(result)

    def _flag_duplicates(self, result: ChunkResult) -> int:
        articles = result.tables["articles"]
        flags = articles["duplicate_of"].astype("string").tolist()
        local: dict[bytes, str] = {}
        new = []
        for i, (article_id, digest) in enumerate(zip(articles["article_id"], result.hashes,
                                                     strict=True)):
            row = self.db.execute("SELECT article_id FROM seen WHERE hash = ?",
                                  (digest,)).fetchone()
            first = row[0] if row else local.get(digest)
            if first is not None and first != article_id:
                flags[i] = first
            elif first is None:
                local[digest] = str(article_id)
                new.append((digest, str(article_id), result.index))
        articles["duplicate_of"] = pd.array(flags, dtype="string")
        self.db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?, ?)", new)
        return int(articles["duplicate_of"].notna().sum())

    def write(self, result: ChunkResult) -> dict[str, int]:
        """Write the chunk's tables atomically, then record it as finished.

        Raises ``OutputUnwritable`` when the folder cannot be written.
        """
        with _writing(self.out):
            return self._write(result)

    def fail(self, index: int, reason: str) -> None:
        """Record chunk ``index`` as failed (a rerun tries it again)."""
        with _writing(self.out):
            self.manifest["failed"][str(index)] = reason
            self._save_manifest()

    def _write(self, result: ChunkResult) -> dict[str, int]:
        counts = {}
        for name, table in result.tables.items():
            write_table(table, self.out / name / part_name(result.index, self.fmt))
            counts[name] = len(table)
        self.db.commit()
        self.manifest["finished"][str(result.index)] = counts
        self.manifest["failed"].pop(str(result.index), None)
        self._save_manifest()
        return counts

    def close(self) -> None:
        """Close the hash database."""
        self.db.close()


def read_table(out: str | os.PathLike, name: str) -> pd.DataFrame:
    """One table of a finished (or partly finished) run, parts in plan order."""
    out = Path(out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    fmt = manifest["format"]
    parts = [out / name / part_name(int(k), fmt) for k in sorted(manifest["finished"], key=int)]
    reader = pd.read_parquet if fmt == "parquet" else pd.read_csv
    frames = [reader(p) for p in parts]
    if not frames:
        raise FileNotFoundError(f"no finished chunk in {out}")
    frames = [f for f in frames if len(f)] or frames[:1]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


# --- running --------------------------------------------------------------------------


class _Immediate:
    """A finished 'future' for the in-process run (``--jobs 1``)."""

    def __init__(self, function: Any, *args: Any) -> None:
        self._function, self._args = function, args

    def result(self) -> Any:
        return self._function(*self._args)

    def cancel(self) -> bool:
        return True


class _Serial:
    """The in-process 'executor' of ``--jobs 1``: work is done when the result is asked."""

    def submit(self, function: Any, *args: Any) -> _Immediate:
        return _Immediate(function, *args)


@contextmanager
def _executor(engine: str, jobs: int, scheduler: str | None) -> Iterator[tuple[Any, int]]:
    """``(executor, slots)``: something with ``submit(fn, *args) -> future`` (in process,
    local processes or a Dask client) and how many chunks it can work on at once."""
    if engine == "dask":
        from distributed import Client, LocalCluster

        if scheduler:
            with Client(scheduler) as client:
                yield client, max(1, sum(client.nthreads().values()))
        else:
            with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                              host="127.0.0.1", dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                yield client, jobs
    elif jobs > 1:
        from analysis.scale.workers import process_pool

        pool = process_pool(jobs)
        try:
            yield pool, jobs
        except BaseException:
            # Interrupted: drop queued chunks and stop the ones running now (their work
            # is redone on resume) instead of waiting for them to finish. The workers
            # are taken before shutdown(), which forgets them.
            workers = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for process in workers:
                process.terminate()
            raise
        pool.shutdown()
    else:
        yield _Serial(), 1


@dataclass
class _Run:
    """One run's loop: chunks in flight, results written in plan order, failures noted."""

    output: Output
    summary: Summary
    bar: Any
    names: tuple[str, ...]

    def drain(self, executor: Any, slots: int, todo: list[Chunk]) -> list[Chunk]:
        """Process ``todo`` on ``executor``; the chunks left when a worker process died.

        At most ``2 * slots`` chunks are in flight (enough to keep every worker busy).
        """
        pending: deque[tuple[Chunk, Future]] = deque()
        queue = iter(todo)

        def submit_next() -> None:
            for chunk in queue:
                pending.append((chunk, executor.submit(process_chunk, chunk, self.names)))
                return

        for _ in range(2 * slots):
            submit_next()
        while pending:
            chunk, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                self.failed(chunk, "a worker process died while this chunk was in flight "
                                   "(killed, or out of memory)")
                return [c for c, _ in pending] + list(queue)
            except Exception as error:  # the chunk failed; the run goes on
                self.failed(chunk, f"{type(error).__name__}: {error}")
            else:
                self.finished(result)
            submit_next()
        return []

    def failed(self, chunk: Chunk, reason: str) -> None:
        """Record a failed chunk in the manifest and the summary."""
        self.output.fail(chunk.index, reason)
        self.summary.failed[chunk.index] = reason
        self.bar.update(1)

    def finished(self, result: ChunkResult) -> None:
        """Write a chunk's tables and count them."""
        summary = self.summary
        summary.duplicates += self.output.flag_duplicates(result)
        counts = self.output.write(result)
        summary.done += 1
        summary.articles += counts["articles"]
        summary.skipped += counts["skipped"]
        for name, n in counts.items():
            summary.counts[name] = summary.counts.get(name, 0) + n
        self.bar.update(1)
        self.bar.set_postfix(articles=summary.articles, refresh=False)


def stream_tables(
    inputs: Sequence[str | os.PathLike],
    out: str | os.PathLike,
    *,
    fmt: str = "parquet",
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
    chunk_bytes: int = CHUNK_BYTES,
    engine: str = "pandas",
    scheduler: str | None = None,
    names: Sequence[str] = TABLES,
    progress: bool | None = None,
    restart: bool = False,
    max_chunks: int | None = None,
) -> Summary:
    """Analyse ``inputs`` chunk by chunk into the tables in ``out`` (module docstring).

    ``jobs``: local processes (``engine="pandas"``) or workers of the local Dask cluster
    started when ``engine="dask"`` and no ``scheduler`` address is given. ``progress``:
    a tqdm bar (default: only when stderr is a terminal). ``max_chunks``: stop after
    that many new chunks, as an interruption would (for tests and trial runs). Failed
    chunks are in ``Summary.failed`` (and the manifest); raises ``OutputUnwritable``
    when ``out`` cannot be written, ``OutputMismatch`` when it holds another run.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    started = time.perf_counter()
    out = Path(out)
    chunks = plan_chunks(inputs, chunk_size=chunk_size, chunk_bytes=chunk_bytes)
    output = Output(out, fmt, _fingerprint(chunks, names, fmt), len(chunks), restart)
    summary = Summary(out, len(chunks), resumed=len(output.finished))
    todo = [c for c in chunks if c.index not in output.finished]
    if max_chunks is not None:
        todo = todo[:max_chunks]
    if progress is None:
        progress = sys.stderr.isatty()
    from tqdm import tqdm

    bar = tqdm(total=len(chunks), initial=summary.resumed, unit="chunk",
               disable=not progress, desc="profile")
    run = _Run(output, summary, bar, tuple(names))
    try:
        while todo:  # a new executor after a worker process died
            with _executor(engine, jobs, scheduler) as (executor, slots):
                todo = run.drain(executor, slots, todo)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        bar.close()
        output.close()
    summary.seconds = time.perf_counter() - started
    if max_chunks is not None and summary.resumed + summary.done < summary.chunks:
        summary.interrupted = True
    return summary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m analysis profile``."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files, folders or globs (any format load_articles reads)")
    parser.add_argument("--out", required=True, help="output folder (created; resumable)")
    parser.add_argument("--format", choices=FORMATS, default="parquet", dest="fmt")
    parser.add_argument("--jobs", type=int, default=1,
                        help="local processes, or local Dask workers (default 1)")
    parser.add_argument("--chunk-size", type=int, default=CHUNK_SIZE,
                        help=f"files per chunk (default {CHUNK_SIZE}; a big file is a chunk)")
    parser.add_argument("--engine", choices=("pandas", "dask"), default="pandas")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="a Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask)")
    parser.add_argument("--restart", action="store_true",
                        help="discard a previous run in --out instead of resuming it")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def run_from_args(args: argparse.Namespace) -> int:
    """Run ``python -m analysis profile`` with parsed arguments; print a summary."""
    if args.scheduler and args.engine != "dask":
        print("--scheduler needs --engine dask", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)  # a batch system's stop: as Ctrl-C
    try:
        summary = stream_tables(args.inputs, args.out, fmt=args.fmt, jobs=args.jobs,
                                chunk_size=args.chunk_size, engine=args.engine,
                                scheduler=args.scheduler, restart=args.restart)
    except OutputMismatch as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OutputUnwritable as error:
        print(f"error: {error}; finished chunks are kept: make room or fix the "
              "permissions, then run the same command to resume", file=sys.stderr)
        return 1
    done = summary.resumed + summary.done
    print(f"{summary.out}: {done}/{summary.chunks} chunks "
          f"({summary.resumed} from an earlier run), {summary.articles} articles analysed, "
          f"{summary.duplicates} flagged as duplicates, {summary.skipped} skipped or ignored, "
          f"{summary.seconds:.1f} s")
    if summary.interrupted:
        print("interrupted: finished chunks are kept; run the same command to resume",
              file=sys.stderr)
        return 130
    if summary.failed:
        first = min(summary.failed)
        print(f"{len(summary.failed)} chunks failed (reasons in {summary.out / MANIFEST}; "
              f"chunk {first}: {summary.failed[first]}); a rerun tries them again",
              file=sys.stderr)
        return 1
    return 0
