"""Score the detectors against the hand-labelled gold of the shipped articles.

Usage::

    .venv/bin/python benchmarks/gold_scores.py                  # data/articles + data/gold
    .venv/bin/python benchmarks/gold_scores.py --details        # also list misses and extras
    .venv/bin/python benchmarks/gold_scores.py --corpus DIR --gold DIR

How it works
------------
1. ``analysis.load_articles(corpus)`` loads the corpus. Each gold file names its article
   (path relative to the corpus) and, for multi-article files, the 0-based record index;
   it is matched to the loaded row through ``source_path`` and the order of that file's
   rows (records the loader skipped are counted from ``df.attrs["skipped"]``).
2. ``analysis.analyse`` runs on each field (``title`` and ``text``) of every article that
   has gold. Articles without gold (the Spanish story, the duplicate) are not scored.
3. Each gold label's string and ``nth`` become a character span (the nth occurrence found
   by repeated ``str.find``; see ``data/gold/README.md``).
4. Gold and predicted spans are paired one to one, greedily by largest overlap:
   - ``overlap``: any shared character counts as a match (the headline figure for cues,
     whose exact extent is a convention: "has claimed" vs "claimed");
   - ``exact``: same start and end. For quotes the prediction's span includes the marks
     and the gold string does not, so the marks are trimmed before comparing.
   Precision = matched predictions / predictions, recall = matched gold / gold, micro-
   averaged over all articles; F1 their harmonic mean.
5. Label accuracies are measured on the matched pairs only (so they answer "when the
   detector finds the right thing, does it label it right?"). Speakers and sources are
   compared leniently: case-insensitive, a leading article ("the", "a", "an") dropped,
   and a match when every word of the shorter name is in the longer one ("Kadyrov"
   matches "Ramzan Kadyrov").

The gold is project-made (see ``data/gold/README.md``): a few hundred labels on thirteen
articles, so a difference of one or two points between runs is noise, not progress.

The scoring itself is ``analysis.evaluation.shipped_gold`` (notebook 07 uses it too);
this script prints it. Then it prints the issue-11 figures of
``analysis.evaluation.who_is_cited``: gender, gender evidence and affiliation of the gold
sources, and precision / recall of the standards flags, each with its counts, on the
shipped gold and (when ``../shared/corpora`` holds the BBC corpus) on the 20 BBC
development articles.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.evaluation import who_is_cited
from analysis.evaluation.bbc import BBC_DIR
from analysis.evaluation.shipped_gold import GOLD_DIR, LAYERS, MATCHES, score
from analysis.paths import DEFAULT_CORPUS


def _fmt(value: float) -> str:
    return "  -  " if value != value else f"{value:5.3f}"


def report(result: dict, details: bool = False) -> str:
    """The printed tables; with ``details``, every miss, extra and wrong label too."""
    lines = [
        f"Gold: {result['n_articles']} articles matched to {result['n_rows']} loaded rows "
        f"({result['seconds']:.1f} s)",
    ]
    for label, values in (
        ("gold files with no loaded article", result["unmatched"]),
        ("gold strings not found in the loaded text", result["unplaced"]),
        ("fields where analyse() failed", result["failed"]),
    ):
        if values:
            lines.append(f"{label}: {len(values)}")
            lines += [f"  {v}" for v in values[:10]]
    header = f"{'layer':<13}{'match':<9}{'gold':>5}{'pred':>6}{'hit':>5}   P      R      F1"
    lines += ["", header, "-" * len(header)]
    label_lines = []
    for layer in LAYERS:
        for match in MATCHES:
            t = result["tallies"][(layer, match)]
            f = t.figures()
            lines.append(
                f"{layer:<13}{match:<9}{t.n_gold:>5}{t.n_predicted:>6}{t.n_matched:>5}  "
                f"{_fmt(f['precision'])}  {_fmt(f['recall'])}  {_fmt(f['f1'])}"
            )
        t = result["tallies"][(layer, "overlap")]
        f = t.figures()
        accs = ", ".join(f"{name} {_fmt(f[f'{name}_acc'])}" for name in t.label_hits)
        label_lines.append(f"{layer:<13}on {t.n_matched} overlap-matched pairs: {accs}")
    lines += ["", "Label accuracy (matched pairs only)", *label_lines]
    if details:
        for layer in LAYERS:
            t = result["tallies"][(layer, "overlap")]
            for title, values in (
                ("missed (gold not found)", t.misses),
                ("extra (predicted, not in gold)", t.extras),
                ("wrong labels", t.wrong),
            ):
                lines += ["", f"{layer}: {title}: {len(values)}", *[f"  {v}" for v in values]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--details", action="store_true", help="list misses, extras, errors")
    args = parser.parse_args(argv)
    print(report(score(args.corpus, args.gold), details=args.details))
    print("\nWho is cited (issue 11): accuracy on paired gold sources, P/R of flags")
    print(who_is_cited.report("shipped gold", who_is_cited.score_shipped(args.corpus, args.gold),
                              details=args.details))
    if BBC_DIR.is_dir():
        print(who_is_cited.report("BBC development gold", who_is_cited.score_bbc(),
                                  details=args.details))
    else:
        print(f"BBC development gold: skipped, no corpus at {BBC_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
