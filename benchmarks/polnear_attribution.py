"""Score ``analysis.find_attributions`` on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

Prints, for one split, the figures that ``analysis.evaluation.polnear`` computes (its
docstring defines them; notebook 07 uses the same code): P/R/F1 for cue, source and
content spans under ``exact``, ``overlap`` and ``token`` matching; speaker accuracy on
gold attributions whose content holds a quotation mark (and how many were matched); cue
recall by cue class (speech, belief, evidence, other: a gold cue's class is looked up in
``lexicons/cues.tsv``); joint source and content P/R/F1 (each gold attribution paired with
the first unused prediction whose cue overlaps its cue; ``score_joint`` defines them), for
the detector with and without nested attributions; and the same table for the naive regex
baseline.

Rules were developed on ``train`` and ``dev``; ``test`` is the held-out figure to report.

    .venv/bin/python benchmarks/polnear_attribution.py [--split dev|train|test] [--errors N]
"""

from __future__ import annotations

import argparse
import sys

from analysis.evaluation.polnear import (
    CLASSES,
    MATCHES,
    ROLES,
    detector,
    detector_all,
    evaluate,
    naive,
)
from analysis.paths import SHARED_CORPORA


def print_joint(result: dict, indent: str = "") -> None:
    """Print the joint source and content P/R/F1 of one ``evaluate`` result."""
    for role in ("source", "content"):
        prf = result["joint"][role]
        print(f"{indent}joint {role:8} P {prf.precision:.3f} R {prf.recall:.3f} "
              f"F1 {prf.f1:.3f} ({prf.tp_pred}/{prf.n_pred} predicted {role}s right, "
              f"{prf.tp_gold}/{prf.n_gold} gold {role}s found)")


def print_table(name: str, result: dict) -> None:
    """Print the figures of one ``evaluate`` result under the heading ``name``."""
    print(f"\n{name}: {result['articles']} articles, {result['seconds']:.1f} s")
    print(f"{'role':8} {'match':8} {'P':>6} {'R':>6} {'F1':>6}")
    for role in ROLES:
        for matching in MATCHES:
            prf = result["counts"][role][matching]
            print(f"{role:8} {matching:8} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f}")
    print("joint scores (gold paired with the first unused prediction whose cue overlaps):")
    print_joint(result, "  ")
    right, matched, total = result["speaker"]
    accuracy = right / matched if matched else 0.0
    print(f"speaker accuracy on quoted content: {accuracy:.3f} ({right}/{matched} matched; "
          f"{matched}/{total} gold quote attributions matched)")
    print("cue recall (overlap) by class:")
    for cls in CLASSES:
        total = result["class_total"][cls]
        found = result["class_found"][cls]
        share = found / total if total else 0.0
        print(f"  {cls:9} {share:6.3f} ({found}/{total})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--errors", type=int, default=0, help="print N missed/spurious cues")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv)
    if not (SHARED_CORPORA / "polnear").is_dir():
        print(f"skipped: needs PolNeAR at {SHARED_CORPORA / 'polnear'}")
        return 0
    result = evaluate(args.split, detector, args.errors)
    print_table(f"find_attributions on PolNeAR {args.split}", result)
    every = evaluate(args.split, detector_all)
    cue = every["counts"]["cue"]["overlap"]
    print(f"(nested attributions included: overlap cue P {cue.precision:.3f} "
          f"R {cue.recall:.3f} F1 {cue.f1:.3f}; joint scores below)")
    print_joint(every, "  ")
    if not args.no_baseline:
        print_table(f"naive regex baseline on PolNeAR {args.split}", evaluate(args.split, naive))
    for line in result["missed"]:
        print("MISSED  ", line)
    for line in result["spurious"]:
        print("SPURIOUS", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
