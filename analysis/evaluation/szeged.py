"""Scoring hedges on the Szeged Uncertainty Corpus (Szarvas et al. 2012).

The corpus reader is ``szeged_gold``. A sentence is *gold uncertain* when it holds a
cue; it is *predicted uncertain* when the system finds any cue in it (for ``predict``:
any hedge whose category is not ``approximator``). Scores:

- ``sentence_prf``: sentence level, uncertain or not;
- ``cue_prf``: cue level, by overlap (a predicted cue is right when it overlaps a gold
  cue; a gold cue is found when a predicted cue overlaps it), optionally restricted to
  one Szeged cue type.

Systems: ``predict`` (``find_hedges``), ``lexicon_only`` (the project's lexicon with every
context rule switched off, an ablation) and ``naive`` (a bare regex of hedge words).
Rules were developed on the even-numbered documents (``split`` "dev"); the odd ones
("test") are held out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis import analyse, find_hedges
from analysis.detect.hedging import SZEGED_TYPE, detect_hedges
from analysis.evaluation.matching import PRF, overlaps
from analysis.evaluation.szeged_gold import CUE_TYPES, GoldCue, GoldSentence
from analysis.records import Span

SPLITS = ("dev", "test", "all")
#: The short Szeged cue types, in the order of ``szeged_gold.CUE_TYPES``.
TYPES = tuple(dict.fromkeys(CUE_TYPES.values()))

#: The baseline: common hedge words, matched anywhere, with no context rule.
NAIVE = re.compile(
    r"\b(?:may|might|could|would|should|possibl[ey]|perhaps|probabl[ey]|likely|appears?"
    r"|seems?|suggests?|believes?|thinks?|if|whether|unclear|about|some|around|nearly)\b",
    re.IGNORECASE,
)


def split(sentences: Sequence[GoldSentence], name: str) -> list[int]:
    """Indexes of the sentences in split ``name`` (dev = even documents, test = odd)."""
    if name == "all":
        return list(range(len(sentences)))
    parity = 0 if name == "dev" else 1
    return [i for i, s in enumerate(sentences) if s.doc_index % 2 == parity]


# ---------------------------------------------------------------------------- systems


def predict(sentences: list[GoldSentence]) -> tuple[list[list[Span]], list[list[str]]]:
    """Spans and Szeged types of the non-approximator hedges of each sentence."""
    spans, types = [], []
    for sentence in sentences:
        hedges = [h for h in find_hedges(sentence.text) if h.category != "approximator"]
        spans.append([h.span for h in hedges])
        types.append([SZEGED_TYPE[h.category] for h in hedges])
    return spans, types


def lexicon_only(sentences: list[GoldSentence]) -> list[list[Span]]:
    """The project's own lexicon with every context rule switched off (an ablation)."""
    return [
        [
            h.span
            for h in detect_hedges(analyse(s.text), context_rules=False)
            if h.category != "approximator"
        ]
        for s in sentences
    ]


def naive(sentences: list[GoldSentence]) -> list[list[Span]]:
    """Spans of the naive regex in each sentence."""
    return [[m.span() for m in NAIVE.finditer(s.text)] for s in sentences]


# ---------------------------------------------------------------------------- scores


def sentence_prf(gold: list[GoldSentence], predicted: list[list[Span]]) -> PRF:
    """Sentence level: a sentence is predicted uncertain when it has any predicted cue."""
    pred = [bool(p) for p in predicted]
    true = [g.uncertain for g in gold]
    tp = sum(p and t for p, t in zip(pred, true, strict=True))
    return PRF(tp, sum(pred), tp, sum(true))


def cue_prf(
    gold: list[GoldSentence],
    predicted: list[list[Span]],
    gold_type: str | None = None,
    predicted_types: list[list[str]] | None = None,
    predicted_type: str | None = None,
) -> PRF:
    """Cue level, by overlap: a predicted cue is right when it overlaps any gold cue, a gold
    cue is found when any predicted cue overlaps it. ``gold_type`` restricts the gold cues
    (recall by Szeged type); ``predicted_type`` with ``predicted_types`` restricts the
    predicted cues (precision of the cues mapped to that type)."""
    tp_pred = n_pred = tp_gold = n_gold = 0
    for index, (sentence, spans) in enumerate(zip(gold, predicted, strict=True)):
        all_gold = [c.span for c in sentence.cues]
        for cue in sentence.cues:
            if gold_type is None or cue.type == gold_type:
                n_gold += 1
                tp_gold += any(overlaps(cue.span, p) for p in spans)
        for j, span in enumerate(spans):
            if (
                predicted_type is not None
                and predicted_types is not None
                and predicted_types[index][j] != predicted_type
            ):
                continue
            n_pred += 1
            tp_pred += any(overlaps(span, g) for g in all_gold)
    return PRF(tp_pred, n_pred, tp_gold, n_gold)


def cue_errors(gold: list[GoldSentence], predicted: list[list[Span]]
               ) -> tuple[list[tuple[GoldSentence, Span]], list[tuple[GoldSentence, GoldCue]]]:
    """False positives (predicted cues that overlap no gold cue) and false negatives (gold
    cues that no predicted cue overlaps), each with its sentence, in sentence order."""
    false_positives, false_negatives = [], []
    for sentence, spans in zip(gold, predicted, strict=True):
        gold_spans = [c.span for c in sentence.cues]
        false_positives += [(sentence, p) for p in spans
                            if not any(overlaps(p, g) for g in gold_spans)]
        false_negatives += [(sentence, c) for c in sentence.cues
                            if not any(overlaps(p, c.span) for p in spans)]
    return false_positives, false_negatives
