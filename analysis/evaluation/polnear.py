"""Scoring attributions on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

Each raw ``text/*.txt`` (headline included: the gold offsets count it) is analysed whole;
the gold comes from ``analysis.evaluation.polnear_gold`` (one annotator per article).
``evaluate`` computes, for any system (text -> list of ``Predicted``):

- P/R/F1 for cue, source and content spans under three matchings (``score_spans``):
  ``exact`` (same start and end; a discontinuous span is compared by its overall extent),
  ``overlap`` (a predicted span is right when it overlaps a gold span of the same role;
  a gold span is found when a predicted span overlaps it), and ``token`` (token-proportional
  overlap over ``\\w+`` tokens: each predicted span scores the largest share of its tokens
  inside one gold span, each gold span the largest share of its tokens that one predicted
  span covers);
- speaker accuracy on gold attributions whose content holds a quotation mark: among those
  whose content a predicted attribution overlaps, the share where the predicted
  ``source_span`` overlaps the gold Source;
- cue recall (overlap) by cue class (``cue_class``): speech verbs, belief, evidence, other;
- joint source and content P/R/F1 (``score_joint``): each gold attribution is paired with
  the first unused prediction whose cue overlaps its cue, and its source (content) counts
  as found only when that paired prediction's source (content) overlaps it.

Systems: ``detector`` (``analyse``, top-level attributions), ``detector_all`` (nested ones
included) and ``naive`` (a regex baseline).
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from analysis import analyse
from analysis.detect.cues import CUES
from analysis.evaluation.matching import PRF, overlap_size, overlaps
from analysis.evaluation.polnear_gold import polnear_gold, polnear_texts
from analysis.paths import SHARED_CORPORA
from analysis.records import Span

ROLES = ("cue", "source", "content")
MATCHES = ("exact", "overlap", "token")
CLASSES = ("speech", "belief", "evidence", "other")
QUOTE_MARK = re.compile(r"[\"“”«»]")
TOKEN = re.compile(r"\w+")

#: The baseline: a single regex for "said"-like verbs with what stands around them.
NAIVE = re.compile(
    r"(?P<source>\b(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|he|she|they|it|I|we))?\s*"
    r"(?P<cue>\b(?:said|says|say|told|tells|added|stated|according to|claimed|reported)\b)"
    r"[\s,]*(?P<content>[^.!?\n]*)"
)


# ---------------------------------------------------------------------------- systems


@dataclass
class Predicted:
    """One predicted attribution as spans (a common shape for the detector and baseline)."""

    cue: Span
    source: Span | None
    content: tuple[Span, ...]


System = Callable[[str], list[Predicted]]


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
    """The ``NAIVE`` regex baseline: a "said"-like verb, the capitalised words or pronoun
    before it as source, the rest of the sentence as content."""
    found = []
    for m in NAIVE.finditer(text):
        content = m.span("content") if m.group("content").strip() else None
        found.append(Predicted(m.span("cue"), m.span("source") if m.group("source") else None,
                               (content,) if content else ()))
    return found


# ---------------------------------------------------------------------------- span scores


@dataclass
class Spans:
    """Spans of one role for one article: predicted and gold."""

    pred: list[Span] = field(default_factory=list)
    gold: list[Span] = field(default_factory=list)


def _tokens(span: Span, starts: list[int], ends: list[int]) -> range:
    """Indices of the ``\\w+`` tokens inside ``span``."""
    return range(bisect_left(starts, span[0]), bisect_right(ends, span[1]))


def score_spans(spans: Spans, text_tokens: tuple[list[int], list[int]],
                counts: dict[str, PRF]) -> None:
    """Add one article's spans of one role to the exact / overlap / token counts.

    ``text_tokens`` holds the start and end offsets of the text's ``\\w+`` tokens.
    """
    pred, gold = spans.pred, spans.gold
    starts, ends = text_tokens
    exact, overlap, token = counts["exact"], counts["overlap"], counts["token"]
    gold_set = set(gold)
    pred_set = set(pred)
    exact.n_pred += len(pred)
    exact.n_gold += len(gold)
    exact.tp_pred += sum(p in gold_set for p in pred)
    exact.tp_gold += sum(g in pred_set for g in gold)
    overlap.n_pred += len(pred)
    overlap.n_gold += len(gold)
    overlap.tp_pred += sum(any(overlaps(p, g) for g in gold) for p in pred)
    overlap.tp_gold += sum(any(overlaps(p, g) for p in pred) for g in gold)
    gold_tokens = [set(_tokens(g, starts, ends)) for g in gold]
    pred_tokens = [set(_tokens(p, starts, ends)) for p in pred]
    token.n_pred += len(pred)
    token.n_gold += len(gold)
    for pt in pred_tokens:
        if pt:
            token.tp_pred += max((len(pt & gt) / len(pt) for gt in gold_tokens), default=0.0)
    for gt in gold_tokens:
        if gt:
            token.tp_gold += max((len(gt & pt) / len(gt) for pt in pred_tokens), default=0.0)


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
class GoldAttribution:
    """One gold attribution as the pieces of each role (an empty tuple when missing)."""

    cue: tuple[Span, ...]
    source: tuple[Span, ...]
    content: tuple[Span, ...]


def _touch(a: tuple[Span, ...], b: tuple[Span, ...]) -> bool:
    """Whether any piece of ``a`` overlaps any piece of ``b``."""
    return any(overlaps(x, y) for x in a for y in b)


def score_joint(gold: list[GoldAttribution], predicted: list[Predicted],
                counts: dict[str, PRF]) -> list[tuple[int, int]]:
    """Add one article's joint source and content counts; return the pairs.

    Pairing: gold attributions are taken in the order given (``evaluate`` passes them in
    text order of their cues); each is paired with the first prediction, in the order
    the system returned them, that is not yet paired and whose cue overlaps any piece of
    the gold cue. A gold attribution without a cue, or with no such prediction left,
    stays unpaired. Pairing uses cues only, so a prediction's source and content never
    decide which gold attribution it is paired with.

    For ``role`` in ``"source"`` and ``"content"`` (``counts[role]`` is a ``PRF``):

    - ``n_gold`` += gold attributions that have the role (at least one piece);
    - ``n_pred`` += predictions that give the role (a source span; at least one content
      piece), paired or not;
    - ``tp_gold`` and ``tp_pred`` += pairs where both sides have the role and some piece
      of the prediction's span(s) overlaps some piece of the gold span(s) (content may be
      discontinuous on either side: any piece counts). Pairs are one-to-one, so the two
      right-counts are equal.

    Nested attributions count: the gold is whatever PolNeAR annotates, and the
    predictions are whatever the system returns (``detector`` leaves nested ones out,
    ``detector_all`` keeps them). Returns the pairs as ``(gold index, predicted index)``,
    in gold order (the shape of ``matching.pair_up``).
    """
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in used and _touch(g.cue, (p.cue,)):
                pairs.append((gi, pi))
                used.add(pi)
                break
    sides = {"source": ([g.source for g in gold], [(p.source,) if p.source else ()
                                                     for p in predicted]),
             "content": ([g.content for g in gold], [tuple(p.content) for p in predicted])}
    for role, (gold_spans, pred_spans) in sides.items():
        prf = counts[role]
        prf.n_gold += sum(bool(g) for g in gold_spans)
        prf.n_pred += sum(bool(p) for p in pred_spans)
        right = sum(_touch(gold_spans[gi], pred_spans[pi]) for gi, pi in pairs)
        prf.tp_gold += right
        prf.tp_pred += right
    return pairs


def _gold_attributions(rows: list) -> list[GoldAttribution]:
    """The gold attributions of one article (its ``_rows_by_article`` rows) in text order
    of their cues (cueless last)."""
    gold = [GoldAttribution(tuple(r.cue_spans), tuple(r.source_spans), tuple(r.content_spans))
            for r in rows]
    return sorted(gold, key=lambda g: (not g.cue, g.cue[:1]))


# ---------------------------------------------------------------------------- one split


def _missing(value: object) -> bool:
    return bool(pd.isna(value))


def _context(text: str, span: Span, width: int = 60) -> str:
    return text[max(0, span[0] - width) : span[1] + width].replace("\n", " ")


def _rows_by_article(gold: pd.DataFrame) -> dict[str, list]:
    """The gold rows (``itertuples`` rows, in table order) of each article: one pass over
    the table, where a ``groupby`` and ``itertuples`` per article cost more than the
    detector itself. ``{"a1": [Pandas(Index=0, article="a1", cue_start=3, ...), ...]}``"""
    by_article: dict[str, list] = {}
    for row in gold.itertuples():
        by_article.setdefault(row.article, []).append(row)
    return by_article


def _role_spans(predicted: list[Predicted], rows: list, gold_cues: list[Span]
                ) -> dict[str, Spans]:
    """Predicted and gold spans of each role in one article (its ``_rows_by_article``
    rows)."""
    return {
        "cue": Spans([p.cue for p in predicted], gold_cues),
        "source": Spans(
            [p.source for p in predicted if p.source],
            [(int(r.source_start), int(r.source_end)) for r in rows
             if not _missing(r.source_start)],
        ),
        "content": Spans(
            [piece for p in predicted for piece in p.content],
            [piece for r in rows for piece in r.content_spans],
        ),
    }


def _best_by_content(predicted: list[Predicted], gold_content: list[Span]) -> Predicted | None:
    """The prediction whose content shares the most characters with ``gold_content``."""
    best, best_overlap = None, 0
    for p in predicted:
        size = sum(overlap_size(piece, g) for piece in p.content for g in gold_content)
        if size > best_overlap:
            best, best_overlap = p, size
    return best


def evaluate(split: str, system: System, errors: int = 0) -> dict:
    """All figures of ``system`` on PolNeAR ``split``.

    Keys: ``counts`` (role -> match -> ``PRF``), ``joint`` (``"source"`` and
    ``"content"`` -> ``PRF``, from ``score_joint``), ``class_found`` and ``class_total``
    (gold cues by class), ``speaker`` (right, matched, total), ``seconds``, ``articles``,
    and up to ``errors`` ``missed`` gold cues and ``spurious`` predicted cues.
    """
    gold = polnear_gold(SHARED_CORPORA, split)
    texts = polnear_texts(SHARED_CORPORA, split)
    counts = {role: {m: PRF() for m in MATCHES} for role in ROLES}
    joint = {"source": PRF(), "content": PRF()}
    class_found: Counter = Counter()
    class_total: Counter = Counter()
    speaker_right = speaker_matched = speaker_total = 0
    missed: list[str] = []
    spurious: list[str] = []
    started = time.perf_counter()
    by_article = _rows_by_article(gold)
    for article, text in texts.items():
        if article not in by_article:
            continue
        rows = by_article[article]
        predicted = system(text)
        token_spans = [m.span() for m in TOKEN.finditer(text)]
        tokens = ([s for s, _ in token_spans], [e for _, e in token_spans])
        gold_cues = [(int(r.cue_start), int(r.cue_end)) for r in rows
                     if not _missing(r.cue_start)]
        spans = _role_spans(predicted, rows, gold_cues)
        for role in ROLES:
            score_spans(spans[role], tokens, counts[role])
        score_joint(_gold_attributions(rows), predicted, joint)
        for r in rows:
            if _missing(r.cue_start):
                continue
            cls = cue_class(r.cue_text)
            class_total[cls] += 1
            cue = (int(r.cue_start), int(r.cue_end))
            if any(overlaps(cue, p.cue) for p in predicted):
                class_found[cls] += 1
            elif errors and len(missed) < errors:
                missed.append(f"{article}: cue {r.cue_text!r} | {text[slice(*cue)]!r} in "
                              f"{_context(text, cue)!r}")
            if _missing(r.source_start) or not isinstance(r.content_text, str):
                continue
            if not QUOTE_MARK.search(r.content_text):
                continue
            speaker_total += 1
            best = _best_by_content(predicted, r.content_spans)
            if best is None:
                continue
            speaker_matched += 1
            source = (int(r.source_start), int(r.source_end))
            if best.source and overlaps(best.source, source):
                speaker_right += 1
        if errors:
            for p in predicted:
                if not any(overlaps(p.cue, g) for g in gold_cues) and len(spurious) < errors:
                    spurious.append(f"{article}: {text[slice(*p.cue)]!r} in "
                                    f"{_context(text, p.cue)!r}")
    seconds = time.perf_counter() - started
    return {
        "counts": counts, "joint": joint, "class_found": class_found, "class_total": class_total,
        "speaker": (speaker_right, speaker_matched, speaker_total), "seconds": seconds,
        "articles": len(by_article), "missed": missed, "spurious": spurious,
    }
