"""Speed-up of a Dask LocalCluster with 2 workers over 1 (reported, not gated).

``analysis.profile(ddf, engine="dask")`` on BBC (x``--scale`` copies), computed on a
``dask.distributed.LocalCluster`` of 1 and then 2 worker processes (one thread each) on
127.0.0.1. Each cluster first runs a small warm-up task, so worker start-up and imports
are not timed. This machine has 2 cores, so 2 workers can at best halve the time, less
what the client, the scheduler and the rest of the machine take.

    .venv/bin/python benchmarks/dask_speedup.py [--scale 1] [--partitions 16]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _speed import copies, load, machine, megabytes, need_corpora, print_table


def run(workers: int, articles, partitions: int) -> float:
    """Seconds to compute the profile of ``articles`` on ``workers`` worker processes."""
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import analysis

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None) as cluster, \
            Client(cluster):
        warm = dd.from_pandas(articles.iloc[:workers * 4], npartitions=workers)
        analysis.profile(warm, engine="dask").compute()
        ddf = dd.from_pandas(articles, npartitions=partitions)
        started = time.perf_counter()
        result = analysis.profile(ddf, engine="dask").compute()
        seconds = time.perf_counter() - started
    assert len(result) == len(articles)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=1, help="BBC copies (default 1)")
    parser.add_argument("--partitions", type=int, default=16)
    args = parser.parse_args(argv)
    need_corpora()
    import pandas as pd

    articles = pd.concat(list(copies(load("bbc"), args.scale)), ignore_index=True)
    mb = megabytes(articles)
    print(f"machine: {machine()}")
    rows = []
    for workers in (1, 2):
        seconds = run(workers, articles, args.partitions)
        rows.append({"workers": workers, "articles": len(articles), "MB": mb,
                     "partitions": args.partitions, "seconds": seconds,
                     "articles/s": len(articles) / seconds,
                     "speed-up": rows[0]["seconds"] / seconds if rows else 1.0})
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
