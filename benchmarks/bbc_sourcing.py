"""Who said it, on real news: sourcing figures on the whole BBC corpus, and scores on its
development gold.

Prints what ``analysis.evaluation.bbc`` computes (its docstring defines every figure):
on all 2,225 BBC News articles (titles and texts analysed), the direct quotes and the
share with no speaker, the share of distinct sources per article typed ``unknown``, the
source-type distribution and the 20 names of each type cited by most articles; then, on
the 20 hand-labelled articles of ``data/gold/bbc`` (development gold: small, one
labeller, used while changing the rules, so not a held-out figure), quote and cue
P/R/F1 (any overlap) and speaker, source and source-type accuracy with their counts.

    .venv/bin/python benchmarks/bbc_sourcing.py [--details]
"""

from __future__ import annotations

import argparse
import sys

from analysis.evaluation.bbc import BBC_DIR, GOLD_DIR, iter_type_rows, run, top_names
from analysis.evaluation.matching import PRF


def prf_line(name: str, prf: PRF) -> str:
    matched = int(prf.tp_gold)
    return (f"  {name:34} P {prf.precision:.3f}  R {prf.recall:.3f}  F1 {prf.f1:.3f}   "
            f"({matched} matched; {prf.n_pred} predicted, {prf.n_gold} gold)")


def accuracy_line(name: str, accuracy) -> str:
    return f"  {name:34} {accuracy.value:.3f}   ({accuracy.hits}/{accuracy.total})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true",
                        help="print every missed and extra quote and cue, and wrong names")
    args = parser.parse_args(argv)
    if not BBC_DIR.is_dir():
        print(f"skipped: needs the BBC News corpus at {BBC_DIR}")
        return 0
    result = run()
    figures, gold = result["figures"], result["gold"]

    print(f"BBC News, whole corpus: {figures.n_articles} articles "
          f"(load {result['load_seconds']:.1f} s; analyse titles and texts and count "
          f"{result['analyse_seconds']:.1f} s)")
    print(f"direct quotes: {figures.n_direct}; with no speaker: {figures.n_direct_no_speaker} "
          f"({figures.share(figures.n_direct_no_speaker, figures.n_direct):.3f})")
    unknown = figures.types["unknown"]
    print(f"distinct sources (per article): {figures.n_sources}; typed unknown: {unknown} "
          f"({figures.share(unknown, figures.n_sources):.3f})")
    print("source types (distinct sources per article):")
    for source_type, count, share in iter_type_rows(figures):
        print(f"  {source_type:13} {count:6d}  {share:.3f}")
    print("20 most frequent source names per type (articles citing them):")
    for source_type, _, _ in iter_type_rows(figures):
        names = top_names(figures, source_type)
        if names:
            print(f"  {source_type}: " + ", ".join(f"{name} ({n})" for name, n in names))

    print(f"\ndevelopment gold (20 articles): {GOLD_DIR.relative_to(GOLD_DIR.parents[2])}, "
          f"{gold.n_articles} scored")
    if gold.missing or gold.changed:
        print(f"  NOT SCORED - article not loaded: {gold.missing or 'none'}; "
              f"text changed since labelling (sha1): {gold.changed or 'none'}")
    print(prf_line("quotes (span overlap)", gold.quotes))
    print(accuracy_line("speaker accuracy (direct+partial)", gold.speaker))
    print(accuracy_line("quote kind accuracy", gold.quote_kind))
    print(prf_line("attribution cues (overlap)", gold.cues))
    print(accuracy_line("source accuracy on matched cues", gold.source))
    print(accuracy_line("source type acc. (source matched)", gold.source_type))
    print(accuracy_line("stance accuracy on matched cues", gold.stance))
    if args.details:
        for line in gold.details:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
