"""Score ``analysis.find_hedges`` on the Szeged Uncertainty Corpus (Szarvas et al. 2012).

Files: ``../shared/corpora/szeged_uncertainty/factbank.xml`` (news) and ``wiki.xml``
(Wikipedia). Each gold sentence is analysed on its own. A sentence is *gold uncertain* when it
holds a ``<ccue>``; it is *predicted uncertain* when ``find_hedges`` returns any hedge whose
category is not ``approximator``. Rules were developed on the even-numbered ``<Document>``s
(0-based, file order: "dev"); the odd ones ("test") are the held-out figures to report.

Printed per file and split: sentence-level P/R/F1; cue-level overlap P/R/F1 (a predicted cue
is right when it overlaps a gold cue; a gold cue is found when a predicted cue overlaps it);
per Szeged cue type, gold-cue recall and the precision of the predicted cues whose category
maps to that type (``analysis.detect.hedging.SZEGED_TYPE``); a naive-regex baseline (``NAIVE``: a
bare list of common hedge words, no context); and an ablation, the project's own lexicon with
every context rule switched off, scored the same way. The scoring itself is
``analysis.evaluation.szeged`` (notebook 07 uses it too).

    .venv/bin/python benchmarks/szeged_hedges.py [--errors N] [--split dev|test|all]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from analysis.evaluation.matching import PRF
from analysis.evaluation.szeged import (
    SPLITS,
    TYPES,
    cue_errors,
    cue_prf,
    lexicon_only,
    naive,
    predict,
    sentence_prf,
    split,
)
from analysis.evaluation.szeged_gold import GoldSentence, read_szeged
from analysis.paths import SHARED_CORPORA

FILES = ("factbank", "wiki")


def _row(label: str, prf: PRF) -> str:
    return (
        f"{label:<36} P {prf.precision:.3f}  R {prf.recall:.3f}  F1 {prf.f1:.3f}"
        f"   ({prf.tp_gold}/{prf.n_gold} gold, {prf.tp_pred}/{prf.n_pred} predicted)"
    )


def report(name: str, sentences: list[GoldSentence], splits: tuple[str, ...]) -> dict:
    """Print the tables for one file; return the headline F1s."""
    started = time.perf_counter()
    spans, types = predict(sentences)
    seconds = time.perf_counter() - started
    baseline = naive(sentences)
    no_context = lexicon_only(sentences)
    print(
        f"\n== {name}.xml: {len(sentences):,} sentences, "
        f"{sum(s.uncertain for s in sentences):,} uncertain, "
        f"{sum(len(s.cues) for s in sentences):,} cues "
        f"({len(sentences) / seconds:,.0f} sentences/s)"
    )
    headline = {}
    for split_name in splits:
        idx = split(sentences, split_name)
        gold = [sentences[i] for i in idx]
        pred = [spans[i] for i in idx]
        ptypes = [types[i] for i in idx]
        sent = sentence_prf(gold, pred)
        headline[split_name] = sent.f1
        print(
            f"-- {split_name} ({len(gold):,} sentences, {sum(g.uncertain for g in gold):,} "
            f"uncertain)"
        )
        print(_row("sentence  find_hedges", sent))
        print(_row("sentence  naive regex", sentence_prf(gold, [baseline[i] for i in idx])))
        print(
            _row(
                "sentence  lexicon, no context rules",
                sentence_prf(gold, [no_context[i] for i in idx]),
            )
        )
        print(_row("cue       find_hedges", cue_prf(gold, pred)))
        print(_row("cue       naive regex", cue_prf(gold, [baseline[i] for i in idx])))
        print(
            _row("cue       lexicon, no context rules", cue_prf(gold, [no_context[i] for i in idx]))
        )
        for cue_type in TYPES:
            recall = cue_prf(gold, pred, gold_type=cue_type)
            precision = cue_prf(gold, pred, predicted_types=ptypes, predicted_type=cue_type)
            if recall.n_gold or precision.n_pred:
                print(
                    f"   {cue_type:<14} gold recall {recall.recall:.3f} "
                    f"({recall.tp_gold}/{recall.n_gold})   precision of predicted "
                    f"{precision.precision:.3f} ({precision.tp_pred}/{precision.n_pred})"
                )
    return headline


def errors(name: str, sentences: list[GoldSentence], n: int, split_name: str) -> None:
    """Print ``n`` random false-positive and false-negative cues from one split."""
    gold = [sentences[i] for i in split(sentences, split_name)]
    spans, _ = predict(gold)
    false_positives, false_negatives = cue_errors(gold, spans)
    fps = [
        f"{s.text[max(0, p[0] - 60) : p[0]]}[[{s.text[p[0] : p[1]]}]]{s.text[p[1] : p[1] + 40]}"
        for s, p in false_positives
    ]
    fns = [
        f"{c.type:<13} {s.text[max(0, c.span[0] - 60) : c.span[0]]}"
        f"[[{c.text}]]{s.text[c.span[1] : c.span[1] + 40]}"
        for s, c in false_negatives
    ]
    rng = random.Random(0)
    print(f"\n== {name} {split_name}: {len(fps)} false-positive cues, {len(fns)} missed cues")
    for label, items in (("FP", fps), ("FN", fns)):
        for item in rng.sample(items, min(n, len(items))):
            print(f"{label} {item}")


def main(argv: list[str] | None = None) -> int:
    """Print the Szeged tables; ``--errors N`` also prints sample errors on dev."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED_CORPORA / "szeged_uncertainty")
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--files", nargs="*", default=list(FILES))
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"needs the Szeged corpus at {args.corpus}", file=sys.stderr)
        return 1
    for name in args.files:
        sentences = list(read_szeged(args.corpus / f"{name}.xml"))
        report(name, sentences, SPLITS)
        if args.errors:
            errors(name, sentences, args.errors, args.split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
