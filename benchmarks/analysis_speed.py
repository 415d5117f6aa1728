"""Throughput of the full analysis on one core, against a regex floor.

The work timed is everything ``profile`` and the record tables need: every title and text
analysed once (sentences, quotes, attributions, sources, hedges, boosters) and the six
tables built (``analysis.tables.corpus.analyse_tables``), in this one process. Loading is not
timed. Seconds are CPU seconds of this process (``time.process_time``), so that other load
on a shared machine does not count; ``wall s`` is the elapsed time.

Corpora: BBC (2,225 articles), Reuters-21578 (the stories with a body), and BBC replicated
x10 (and x100 with ``--scales 1,10,100``; a generator makes one copy at a time).

The floor is one ``re.findall(r"\\w+")`` pass over the same titles and texts in the same
process; ``ratio`` = analysis seconds / floor seconds. Issue 14's goals for ``profile`` on
BBC: >= 800 articles per CPU second and a ratio <= 20 (stretch: 1,000 and 15).

With ``--layers`` it also prints where the time goes on BBC: the CPU seconds of each
``Document`` layer, computed once in pipeline order over every title and text, and of
building the six tables from those cached documents (timed on the first 900 articles,
which fit the document cache, and scaled to the whole corpus); then how many cue
candidates (``find_cues``), attributions and quotes those texts hold (not timed).

    .venv/bin/python benchmarks/analysis_speed.py [--scales 1,10] [--no-reuters] [--layers]
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _speed import copies, load, machine, megabytes, need_corpora, peak_rss_mb, print_table

WORD = re.compile(r"\w+")


def floor_seconds(frame) -> float:
    """CPU seconds of one ``\\w+`` findall pass over the titles and texts of ``frame``."""
    pairs = list(zip(frame["title"].fillna(""), frame["text"], strict=True))
    started = time.process_time()
    for title, text in pairs:
        WORD.findall(title)
        WORD.findall(text)
    return time.process_time() - started


def measure(name: str, articles, times: int) -> dict[str, object]:
    """Analyse ``times`` copies of ``articles`` one copy at a time; one result row."""
    from analysis.tables import corpus
    from analysis.tables.corpus import analyse_tables

    corpus._document.cache_clear()
    gc.collect()
    n, mb, seconds, wall, floor, records = 0, 0.0, 0.0, 0.0, 0.0, 0
    for frame in copies(articles, times):
        started, cpu = time.perf_counter(), time.process_time()
        tables = analyse_tables(frame)
        seconds += time.process_time() - cpu
        wall += time.perf_counter() - started
        records += sum(len(t) for key, t in tables.items() if key != "profile")
        floor += floor_seconds(frame)
        n += len(frame)
        mb += megabytes(frame)
        del tables
    return {
        "corpus": name, "articles": n, "MB": mb, "seconds": seconds, "wall s": wall,
        "articles/s": n / seconds, "MB/s": mb / seconds, "records": records,
        "floor s": floor, "ratio": seconds / floor, "peak RSS MB": peak_rss_mb(),
    }


LAYERS = ("paragraphs", "sentences", "quotes", "sources", "hedges", "boosters")


def layer_seconds(articles) -> tuple[dict[str, float], dict[str, int]]:
    """CPU seconds of each ``Document`` layer over all titles and texts, then of the
    tables; and how many cue candidates, attributions and quotes those texts hold."""
    import analysis
    from analysis.detect.cues import find_cues
    from analysis.tables import corpus
    from analysis.tables.corpus import analyse_tables

    texts = [t for t in [*articles["title"].fillna(""), *articles["text"]] if t.strip()]
    analysis.find_boosters('Set-up. He said "yes" and may go.')  # load lexicons, Punkt
    docs = [analysis.analyse(text) for text in texts]
    seconds = {}
    for layer in LAYERS:  # "quotes" computes quotes and attributions in one pass
        started = time.process_time()
        for doc in docs:
            getattr(doc, layer)
        seconds[layer] = time.process_time() - started
    sample = articles.head(900)
    corpus._document.cache_clear()
    analyse_tables(sample)  # fills the document cache
    started = time.process_time()
    analyse_tables(sample)
    seconds["tables"] = (time.process_time() - started) * len(articles) / len(sample)
    counts = {"texts": len(texts),
              "cue candidates": sum(len(find_cues(text)) for text in texts),
              "attributions": sum(len(doc.attributions) for doc in docs),
              "quotes": sum(len(doc.quotes) for doc in docs)}
    return seconds, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10",
                        help="BBC replication factors, comma-separated (default 1,10)")
    parser.add_argument("--no-reuters", action="store_true")
    parser.add_argument("--layers", action="store_true",
                        help="also print the CPU time of each analysis layer on BBC")
    args = parser.parse_args(argv)
    need_corpora()
    print(f"machine: {machine()}; one process, one core")
    bbc = load("bbc")
    rows = []
    for times in (int(s) for s in args.scales.split(",")):
        rows.append(measure("BBC" if times == 1 else f"BBC x{times}", bbc, times))
        print(f"  {rows[-1]['corpus']}: {rows[-1]['articles/s']:,.0f} articles/s", flush=True)
    if not args.no_reuters:
        rows.append(measure("Reuters-21578", load("reuters"), 1))
    print()
    print_table(rows)
    if args.layers:
        seconds, counts = layer_seconds(bbc)
        total = sum(seconds.values())
        print("\nBBC, CPU seconds by layer (quotes = the quotes-and-attributions pass):")
        print_table([{"layer": name, "seconds": value, "share %": 100 * value / total}
                     for name, value in seconds.items()])
        print("BBC, " + ", ".join(f"{name} {n:,}" for name, n in counts.items()))
    print("\nratio = analysis seconds / one re.findall(r'\\w+') pass; issue 14's goals on BBC: "
          ">= 800 articles/s and ratio <= 20 (stretch 1,000 and 15)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
