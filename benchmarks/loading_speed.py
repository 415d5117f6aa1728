"""How fast ``load_articles`` reads three real corpora, and how much memory it takes.

Prints, per corpus: articles loaded, MB read from disk (as stored, so Reuters is
gzip-compressed), seconds, articles/s, MB/s and the process's peak resident memory so
far (``resource.getrusage``; it only grows, so the corpora run smallest-first).

One-off costs are paid before the timed runs and not counted in them: the warm-up loads
one BBC file (imports, lexicons, compiled patterns), then py3langid's language model is
loaded (``analysis.loading.language.identify``; from the cache folder, or unpacked from
the wheel the first time). The BBC texts that are not plainly English need that model,
so without this step the first timed run would pay for it; its time is printed on a line
of its own ("one-off: language model load").

Run: ``.venv/bin/python benchmarks/loading_speed.py``.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import analysis
from analysis.loading import language
from analysis.paths import SHARED_CORPORA

CORPORA = {
    "bbc_news (2,225 txt)": SHARED_CORPORA / "bbc_news" / "bbc",
    "zyte html (181 html.gz)": SHARED_CORPORA / "scrapinghub_articles" / "html",
    "reuters21578 (22 sgm.gz)": SHARED_CORPORA / "reuters21578",
}


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (ru_maxrss is KB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> int:
    if not SHARED_CORPORA.is_dir():
        print(f"needs the shared corpora at {SHARED_CORPORA}; skipped")
        return 0
    analysis.load_articles(CORPORA["bbc_news (2,225 txt)"] / "tech" / "001.txt")  # warm-up
    started = time.perf_counter()
    language.identify("Le ministre a dit que les discussions reprendraient lundi.")
    print(f"one-off: language model load {time.perf_counter() - started:.2f} s")
    print(f"{'corpus':<26}{'articles':>9}{'skipped':>9}{'MB':>8}{'seconds':>9}"
          f"{'art/s':>9}{'MB/s':>8}{'peak RSS MB':>13}")
    for name, folder in CORPORA.items():
        size = sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file()) / 1e6
        started = time.perf_counter()
        df = analysis.load_articles(folder)
        seconds = time.perf_counter() - started
        print(f"{name:<26}{len(df):>9,}{len(df.attrs['skipped']):>9,}{size:>8.1f}"
              f"{seconds:>9.1f}{len(df) / seconds:>9,.0f}{size / seconds:>8.2f}"
              f"{peak_rss_mb():>13,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
