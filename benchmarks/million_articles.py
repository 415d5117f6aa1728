"""The streaming command over a very large corpus: time and peak memory of the process tree.

Writes replicated BBC as sharded JSONL (``--shard-size`` articles per ``.jsonl`` file,
each copy's texts tagged "Copy k." so they are distinct) into a temporary folder outside
the repository, runs ``python -m analysis profile SHARDS --out OUT --jobs N`` as a child
process, and samples every 0.5 s the resident memory of that process and all its
children (psutil); prints the peak of the sum, the seconds and the rate. The folder is
removed afterwards unless ``--keep``.

The recorded figure is for 1,000,000 articles (``--articles 1000000``, long: run it once);
the default is 20,000 so that ``make bench`` ends in reasonable time. With ``--workdir``
the shards and output are kept; running the same command again reuses the shards and the
streaming command resumes after the chunks already written (memory is then measured for
the rest of the run).

    .venv/bin/python benchmarks/million_articles.py [--articles 1000000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _speed import load, machine, need_corpora


def write_shards(folder: Path, n_articles: int, shard_size: int) -> tuple[int, float]:
    """Replicated BBC as JSONL shards in ``folder``; returns (articles, MB written)."""
    bbc = load("bbc")
    records = list(zip(bbc["title"].fillna(""), bbc["text"], strict=True))
    written, nbytes, shard, handle = 0, 0, 0, None
    while written < n_articles:
        if written % shard_size == 0:
            if handle:
                handle.close()
            handle = open(folder / f"shard-{shard:05d}.jsonl", "w", encoding="utf-8")  # noqa: SIM115
            shard += 1
        copy, index = divmod(written, len(records))
        title, text = records[index]
        line = json.dumps({"title": title, "text": f"{text}\nCopy {copy}." if copy else text,
                           "language": "en"}, ensure_ascii=False) + "\n"
        handle.write(line)
        nbytes += len(line.encode())
        written += 1
    if handle:
        handle.close()
    return written, nbytes / 1e6


def tree_rss(process) -> int:
    """Resident bytes of ``process`` and all its descendants."""
    import psutil

    total = 0
    for proc in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            total += proc.memory_info().rss
    return total


def finished_articles(out: Path) -> int:
    """Articles in the chunks the run has finished so far (from its manifest)."""
    try:
        manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    return sum(counts.get("articles", 0) for counts in manifest["finished"].values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--shard-size", type=int, default=5_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", default=None,
                        help="where to write shards and output (default: a new temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the shards and output")
    parser.add_argument("--report-every", type=float, default=60.0,
                        help="seconds between progress lines (default 60)")
    args = parser.parse_args(argv)
    need_corpora()
    import psutil

    work = Path(args.workdir or tempfile.mkdtemp(prefix="analysis-million-"))
    shards, out = work / "shards", work / "out"
    shards.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}")
    started = time.perf_counter()
    marker = work / "shards.json"  # outside the input folder
    wanted = {"articles": args.articles, "shard_size": args.shard_size}
    if marker.exists() and json.loads(marker.read_text())["params"] == wanted:
        n, mb = args.articles, json.loads(marker.read_text())["mb"]  # a rerun: resume
    else:
        n, mb = write_shards(shards, args.articles, args.shard_size)
        marker.write_text(json.dumps({"params": wanted, "mb": mb}))
    print(f"{n:,} articles ({mb:,.0f} MB) in {len(list(shards.glob('*.jsonl')))} shards "
          f"in {shards} ({time.perf_counter() - started:.0f} s)", flush=True)

    command = [sys.executable, "-m", "analysis", "profile", str(shards), "--out", str(out),
               "--jobs", str(args.jobs)]
    print("running:", " ".join(command), flush=True)
    already = finished_articles(out)  # chunks of an earlier, interrupted run
    if already:
        print(f"resuming: {already:,} articles were written by an earlier run; memory and "
              "speed below are for the rest", flush=True)
    started = time.perf_counter()
    child = subprocess.Popen(command)
    parent = psutil.Process(child.pid)
    peak, last_report = 0, time.perf_counter()
    while child.poll() is None:
        try:
            now = tree_rss(parent)
        except psutil.NoSuchProcess:
            break
        peak = max(peak, now)
        if time.perf_counter() - last_report >= args.report_every:
            last_report = time.perf_counter()
            print(f"  {last_report - started:,.0f} s: {finished_articles(out):,} articles "
                  f"written, tree RSS {now / 2**20:,.0f} MB, peak {peak / 2**20:,.0f} MB",
                  flush=True)
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    status = child.returncode
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    written = finished_articles(out)
    if status != 0:
        print(f"stopped early: {written:,} of {n:,} articles written")
    if status != 0 or already:  # rate over the articles this run analysed
        mb *= (written - already) / n
        n = max(written - already, 1)
    print(f"\narticles {n:,}  MB {mb:,.0f}  seconds {seconds:,.0f}  "
          f"articles/s {n / seconds:,.0f}  MB/s {mb / seconds:.2f}  jobs {args.jobs}  "
          f"CPU s of the tree {cpu:,.0f} ({n / cpu:,.0f} articles per CPU second)  "
          f"peak RSS of the process tree {peak / 2**20:,.0f} MB  (goal < 2,048 MB)  "
          f"exit {status}")
    if not args.keep and args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
