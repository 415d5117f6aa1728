"""Score the HTML path of ``load_articles`` on the Zyte article-extraction benchmark.

Metric, as the benchmark's ``evaluate.py`` (scrapinghub/article-extraction-benchmark):
4-token shingles of ``\\w+`` tokens; per page TP/FP/FN normalised to sum to 1; precision
is the mean over pages with a prediction, recall the mean over pages with gold text, F1
the harmonic mean of those two means. Pages are split once by hash: a page is ``dev``
when the last hex digit of ``sha256(page id)`` is even, else ``test``. Rules are
developed on dev only; test is reported as held out.

Baseline: plain ``trafilatura.extract(html, include_comments=False)``, as the
benchmark's own ``extractors/run_trafilatura.py`` runs it.

Also checks ``trafilatura_eval_en_news``: the share of ``with`` snippets found in the
extracted text, and the share of ``without`` (boilerplate) snippets wrongly kept.

The scoring itself is ``analysis.evaluation.html_extraction``.

Run: ``.venv/bin/python benchmarks/html_extraction.py [--worst N]``. The data sets
(Zyte: MIT, Scrapinghub 2020; trafilatura eval: Apache-2.0, Barbaresi 2021) are read in
place from ``../shared/corpora``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import analysis
from analysis.evaluation.html_extraction import (
    TOKEN,
    ZYTE,
    scores,
    snippet_counts,
    split_of,
    tp_fp_fn,
    worst_pages,
    zyte_gold,
    zyte_texts,
)
from analysis.paths import SHARED_CORPORA

TRAF_EVAL = SHARED_CORPORA / "trafilatura_eval_en_news"


def baseline_zyte() -> dict[str, str]:
    import trafilatura

    out = {}
    for path in sorted((ZYTE / "html").glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        out[path.name.split(".")[0]] = trafilatura.extract(html, include_comments=False) or ""
    return out


def report_zyte(worst: int) -> None:
    gold = zyte_gold()
    started = time.perf_counter()
    ours = zyte_texts()
    seconds = time.perf_counter() - started
    base = baseline_zyte()
    print(f"Zyte article-extraction benchmark: {len(gold)} pages "
          f"({sum(split_of(k) == 'dev' for k in gold)} dev, "
          f"{sum(split_of(k) == 'test' for k in gold)} test); ours loaded in {seconds:.1f} s")
    print(f"{'extractor':<28}{'split':<6}{'pages':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for name, predictions in (("load_articles (ours)", ours), ("trafilatura.extract", base)):
        for split in ("dev", "test", "all"):
            keys = [k for k in sorted(gold) if split in ("all", split_of(k))]
            p, r, f1 = scores([tp_fp_fn(gold[k], predictions.get(k, "")) for k in keys])
            print(f"{name:<28}{split:<6}{len(keys):>6}{p:>8.3f}{r:>8.3f}{f1:>8.3f}")
    if worst:
        print(f"\nworst {worst} dev pages (ours): id, P, R, words gold/ours")
        dev = {k: text for k, text in gold.items() if split_of(k) == "dev"}
        for k, p, r in worst_pages(dev, ours, worst):
            print(f"  {k[:16]} P={p:.3f} R={r:.3f} "
                  f"{len(TOKEN.findall(gold[k]))}/{len(TOKEN.findall(ours.get(k, '')))}")


def report_snippets() -> None:
    import trafilatura

    annotations = json.loads((TRAF_EVAL / "annotations.json").read_text(encoding="utf-8"))
    folder = TRAF_EVAL / "html"
    df = analysis.load_articles(folder)
    ours = {Path(p).name[: -len(".gz")]: t for p, t in zip(df["source_path"], df["text"],
                                                          strict=True)}
    base = {}
    for name in annotations:
        html = gzip.decompress((folder / f"{name}.gz").read_bytes())
        base[name] = trafilatura.extract(html, include_comments=False) or ""
    print(f"\ntrafilatura eval (English news): {len(annotations)} pages, "
          f"{len(df)} loaded, {len(df.attrs['skipped'])} skipped")
    print(f"{'extractor':<28}{'with found':>14}{'without kept':>16}")
    for label, texts in (("load_articles (ours)", ours), ("trafilatura.extract", base)):
        found, n_with, kept, n_without = snippet_counts(annotations, texts)
        print(f"{label:<28}{found / n_with:>9.3f} ({found}/{n_with})"
              f"{kept / n_without:>9.3f} ({kept}/{n_without})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--worst", type=int, default=0, help="list the N worst dev pages")
    args = parser.parse_args(argv)
    if not ZYTE.is_dir():
        print(f"needs the shared corpora at {SHARED_CORPORA}; skipped")
        return 0
    report_zyte(args.worst)
    report_snippets()
    return 0


if __name__ == "__main__":
    sys.exit(main())
