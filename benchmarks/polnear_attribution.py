"""Score ``analysis.find_attributions`` on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

Each raw ``text/*.txt`` (headline included: the gold offsets count it) is analysed whole;
the gold comes from ``analysis.gold.polnear_gold`` (one annotator per article). Printed:

- P/R/F1 for cue, source and content spans under three matchings:
  ``exact`` (same start and end; a discontinuous span is compared by its overall extent),
  ``overlap`` (a predicted span is right when it overlaps a gold span of the same role;
  a gold span is found when a predicted span overlaps it), and ``token`` (token-proportional
  overlap over ``\\w+`` tokens: each predicted span scores the largest share of its tokens
  inside one gold span, each gold span the largest share of its tokens that one predicted
  span covers);
- speaker accuracy on gold attributions whose content holds a quotation mark: among those
  whose content a predicted attribution overlaps, the share where the predicted
  ``source_span`` overlaps the gold Source (and the coverage: how many were matched);
- cue recall (overlap) by cue class: speech verbs, belief, evidence, other; a gold cue's
  class is looked up in ``lexicons/cues.tsv`` (words not there are "other");
- the same table for a naive baseline: one regex for "said"-like verbs, the capitalised
  words or pronoun before it as source, the rest of the sentence as content.

Rules were developed on ``train`` and ``dev``; ``test`` is the held-out figure to report.

    .venv/bin/python benchmarks/polnear_attribution.py [--split dev|train|test] [--errors N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from analysis import analyse
from analysis.cues import CUES
from analysis.gold import polnear_gold, polnear_texts
from analysis.paths import SHARED_CORPORA

Span = tuple[int, int]
ROLES = ("cue", "source", "content")
CLASSES = ("speech", "belief", "evidence", "other")
QUOTE_MARK = re.compile(r"[\"“”«»]")
TOKEN = re.compile(r"\w+")

#: The baseline: a single regex for "said"-like verbs with what stands around them.
NAIVE = re.compile(
    r"(?P<source>\b(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|he|she|they|it|I|we))?\s*"
    r"(?P<cue>\b(?:said|says|say|told|tells|added|stated|according to|claimed|reported)\b)"
    r"[\s,]*(?P<content>[^.!?\n]*)"
)


@dataclass
class Spans:
    """Spans of one role for one article: predicted and gold."""

    pred: list[Span] = field(default_factory=list)
    gold: list[Span] = field(default_factory=list)


@dataclass
class Counts:
    """Sums behind one P/R/F1 figure."""

    p_num: float = 0.0
    p_den: int = 0
    r_num: float = 0.0
    r_den: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.p_num / self.p_den if self.p_den else 0.0
        r = self.r_num / self.r_den if self.r_den else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _tokens(span: Span, starts: list[int], ends: list[int]) -> range:
    """Indices of the ``\\w+`` tokens inside ``span``."""
    return range(bisect_left(starts, span[0]), bisect_right(ends, span[1]))


def score_spans(spans: Spans, text_tokens: tuple[list[int], list[int]],
                counts: dict[str, Counts]) -> None:
    """Add one article's spans of one role to the exact / overlap / token counts."""
    pred, gold = spans.pred, spans.gold
    starts, ends = text_tokens
    exact, overlap, token = counts["exact"], counts["overlap"], counts["token"]
    gold_set = set(gold)
    pred_set = set(pred)
    exact.p_den += len(pred)
    exact.r_den += len(gold)
    exact.p_num += sum(p in gold_set for p in pred)
    exact.r_num += sum(g in pred_set for g in gold)
    overlap.p_den += len(pred)
    overlap.r_den += len(gold)
    overlap.p_num += sum(any(_overlaps(p, g) for g in gold) for p in pred)
    overlap.r_num += sum(any(_overlaps(p, g) for p in pred) for g in gold)
    gold_tokens = [set(_tokens(g, starts, ends)) for g in gold]
    pred_tokens = [set(_tokens(p, starts, ends)) for p in pred]
    token.p_den += len(pred)
    token.r_den += len(gold)
    for pt in pred_tokens:
        if pt:
            token.p_num += max((len(pt & gt) / len(pt) for gt in gold_tokens), default=0.0)
    for gt in gold_tokens:
        if gt:
            token.r_num += max((len(gt & pt) / len(gt) for pt in pred_tokens), default=0.0)


def cue_class(cue_text: str) -> str:
    """The lexicon class of a gold cue ("other" when the lexicon does not know it)."""
    words = re.findall(r"[\w'’-]+", cue_text.lower().replace("’", "'"))
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            entry = CUES.get(" ".join(words[i : i + size]))
            if entry is not None:
                return entry.cue_class if entry.cue_class in CLASSES else "other"
    return "other"


@dataclass
class Predicted:
    """One predicted attribution as spans (a common shape for the detector and baseline)."""

    cue: Span
    source: Span | None
    content: tuple[Span, ...]


def detector(text: str) -> list[Predicted]:
    """Top-level attributions: PolNeAR is univocal (a token belongs to at most one
    attribution), so reported speech nested inside another attribution's content
    ("X said that Y believes ...": "believes") is never gold; those are left out."""
    return [
        Predicted(a.cue_span, a.source_span, a.content_spans)
        for a in analyse(text).attributions if not a.nested
    ]


def detector_all(text: str) -> list[Predicted]:
    """Every attribution, nested ones included."""
    return [
        Predicted(a.cue_span, a.source_span, a.content_spans)
        for a in analyse(text).attributions
    ]


def naive(text: str) -> list[Predicted]:
    found = []
    for m in NAIVE.finditer(text):
        content = m.span("content") if m.group("content").strip() else None
        found.append(Predicted(m.span("cue"), m.span("source") if m.group("source") else None,
                               (content,) if content else ()))
    return found


def evaluate(split: str, system, errors: int = 0) -> dict:
    """All figures of ``system`` (text -> list[Predicted]) on ``split``."""
    gold = polnear_gold(SHARED_CORPORA, split)
    texts = polnear_texts(SHARED_CORPORA, split)
    counts = {role: {m: Counts() for m in ("exact", "overlap", "token")} for role in ROLES}
    class_found: Counter = Counter()
    class_total: Counter = Counter()
    speaker_right = speaker_matched = speaker_total = 0
    missed: list[str] = []
    spurious: list[str] = []
    started = time.perf_counter()
    by_article = {name: group for name, group in gold.groupby("article", sort=True)}
    for article, text in texts.items():
        if article not in by_article:
            continue
        rows = by_article[article]
        predicted = system(text)
        token_spans = [m.span() for m in TOKEN.finditer(text)]
        tokens = ([s for s, _ in token_spans], [e for _, e in token_spans])
        gold_cues = [(int(r.cue_start), int(r.cue_end)) for r in rows.itertuples()
                     if not _missing(r.cue_start)]
        spans = {
            "cue": Spans([p.cue for p in predicted], gold_cues),
            "source": Spans(
                [p.source for p in predicted if p.source],
                [(int(r.source_start), int(r.source_end)) for r in rows.itertuples()
                 if not _missing(r.source_start)],
            ),
            "content": Spans(
                [piece for p in predicted for piece in p.content],
                [piece for r in rows.itertuples() for piece in r.content_spans],
            ),
        }
        for role in ROLES:
            score_spans(spans[role], tokens, counts[role])
        for r in rows.itertuples():
            if _missing(r.cue_start):
                continue
            cls = cue_class(r.cue_text)
            class_total[cls] += 1
            cue = (int(r.cue_start), int(r.cue_end))
            if any(_overlaps(cue, p.cue) for p in predicted):
                class_found[cls] += 1
            elif errors and len(missed) < errors:
                missed.append(f"{article}: cue {r.cue_text!r} | {text[slice(*cue)]!r} in "
                              f"{_context(text, cue)!r}")
            if _missing(r.source_start) or not isinstance(r.content_text, str):
                continue
            if not QUOTE_MARK.search(r.content_text):
                continue
            speaker_total += 1
            gold_content = r.content_spans
            best = None
            best_overlap = 0
            for p in predicted:
                size = sum(max(0, min(e, ge) - max(s, gs)) for s, e in p.content
                           for gs, ge in gold_content)
                if size > best_overlap:
                    best, best_overlap = p, size
            if best is None:
                continue
            speaker_matched += 1
            source = (int(r.source_start), int(r.source_end))
            if best.source and _overlaps(best.source, source):
                speaker_right += 1
        if errors:
            for p in predicted:
                if not any(_overlaps(p.cue, g) for g in gold_cues) and len(spurious) < errors:
                    spurious.append(f"{article}: {text[slice(*p.cue)]!r} in "
                                    f"{_context(text, p.cue)!r}")
    seconds = time.perf_counter() - started
    return {
        "counts": counts, "class_found": class_found, "class_total": class_total,
        "speaker": (speaker_right, speaker_matched, speaker_total), "seconds": seconds,
        "articles": len(by_article), "missed": missed, "spurious": spurious,
    }


def _missing(value) -> bool:
    return bool(pd.isna(value))


def _context(text: str, span: Span, width: int = 60) -> str:
    return text[max(0, span[0] - width) : span[1] + width].replace("\n", " ")


def print_table(name: str, result: dict) -> None:
    print(f"\n{name}: {result['articles']} articles, {result['seconds']:.1f} s")
    print(f"{'role':8} {'match':8} {'P':>6} {'R':>6} {'F1':>6}")
    for role in ROLES:
        for matching in ("exact", "overlap", "token"):
            p, r, f = result["counts"][role][matching].prf()
            print(f"{role:8} {matching:8} {p:6.3f} {r:6.3f} {f:6.3f}")
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
    p, r, f = every["counts"]["cue"]["overlap"].prf()
    print(f"(nested attributions included: overlap cue P {p:.3f} R {r:.3f} F1 {f:.3f})")
    if not args.no_baseline:
        print_table(f"naive regex baseline on PolNeAR {args.split}", evaluate(args.split, naive))
    for line in result["missed"]:
        print("MISSED  ", line)
    for line in result["spurious"]:
        print("SPURIOUS", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
