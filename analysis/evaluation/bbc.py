"""Sourcing on the BBC News corpus: corpus-wide figures and scores against development gold.

Two jobs, both printed by ``benchmarks/bbc_sourcing.py``:

1. ``corpus_figures``: on every article of the BBC corpus (Greene & Cunningham 2006, 2,225
   articles in ``../shared/corpora/bbc_news/bbc``), what the detectors find, with no gold:
   direct quotes and how many have no speaker; distinct sources per article (a source
   named in the title and in the text of one article counts once, with the type of its
   first field), their types and the most frequent names per type.
2. ``score_gold``: the detectors against the hand-labelled development gold in
   ``data/gold/bbc/`` (20 articles, offsets only; see its README):

   - quotes and attribution cues: gold and predicted spans are paired one to one by
     largest overlap (``matching.pair_up`` with ``"overlap"``; a predicted quote's span
     loses its quotation marks first, as the gold span has none) and micro-averaged
     into ``matching.PRF`` over all articles and both fields;
   - speaker accuracy: on matched quotes whose gold kind is ``direct`` or ``partial`` and
     whose gold speaker is not null;
   - source accuracy: on every matched cue (a gold null source is right only when the
     predicted source is null too);
   - source-type accuracy: on matched cues whose gold source is not null and whose
     predicted source matched it.

   Names (speakers, sources) match with ``shipped_gold.same_name``: case-insensitive, a
   leading "the"/"a"/"an" dropped, and right when every word of the shorter name is among
   the words of the longer one, so the gold name's words appear in the predicted name or
   the other way round ("Mr Leigh" does not match "Edward Leigh", "Leigh" does).

A gold file whose ``sha1`` (or ``title_sha1``) differs from the loaded field is not
scored but listed in ``changed``: its offsets would point at other words.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

import analysis
from analysis.detect.document import Document
from analysis.evaluation.matching import PRF, pair_up
from analysis.evaluation.shipped_gold import article_rows, field_text, predicted_items, same_name
from analysis.paths import REPO_ROOT, SHARED_CORPORA
from analysis.records import (
    SOURCE_TYPES,
    SPOKEN_KINDS,
    Attribution,
    Quote,
    Span,
)
from analysis.tables.corpus import FIELDS

BBC_DIR = SHARED_CORPORA / "bbc_news" / "bbc"
GOLD_DIR = REPO_ROOT / "data" / "gold" / "bbc"
SECTIONS = ("business", "entertainment", "politics", "sport", "tech")



def sha1(text: str) -> str:
    """SHA-1 hex digest of ``text`` encoded as UTF-8 (how gold files pin their field)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_gold(gold_dir: Path = GOLD_DIR) -> list[tuple[Path, dict]]:
    """``(path, gold)`` for every ``*.json`` in ``gold_dir``, sorted by file name."""
    return [
        (path, json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(Path(gold_dir).glob("*.json"))
    ]


# ---------------------------------------------------------------------------- analysis


def analyse_articles(articles: pd.DataFrame,
                     analyse: Callable[[str], Document] = analysis.analyse
                     ) -> dict[tuple[str, str], Document]:
    """``(article_id, field) -> Document`` for the non-empty title and text of each row."""
    docs = {}
    for _, row in articles.iterrows():
        for field_name in FIELDS:
            text = field_text(row, field_name)
            if text.strip():
                docs[(str(row["article_id"]), field_name)] = analyse(text)
    return docs


# ---------------------------------------------------------------------------- corpus figures


@dataclass
class CorpusFigures:
    """What the detectors find on a corpus, without gold."""

    n_articles: int = 0
    n_direct: int = 0
    n_direct_no_speaker: int = 0
    #: source type -> distinct (article, source name) pairs of that type
    types: Counter = field(default_factory=Counter)
    #: source type -> name -> articles citing it
    names: dict[str, Counter] = field(default_factory=dict)

    @property
    def n_sources(self) -> int:
        return sum(self.types.values())

    def share(self, part: int, whole: int) -> float:
        """``part / whole`` (NaN when ``whole`` is 0)."""
        return part / whole if whole else float("nan")


def corpus_figures(docs: dict[tuple[str, str], Document]) -> CorpusFigures:
    """Quote and source figures over ``docs`` (from ``analyse_articles``)."""
    figures = CorpusFigures()
    per_article: dict[str, dict[str, str]] = {}
    for (article_id, _), doc in docs.items():  # title before text, as FIELDS orders them
        sources = per_article.setdefault(article_id, {})
        for quote in doc.quotes:
            if quote.kind == "direct":
                figures.n_direct += 1
                figures.n_direct_no_speaker += not quote.speaker
        for source in doc.sources:
            sources.setdefault(source.name, source.source_type)
    figures.n_articles = len(per_article)
    for sources in per_article.values():
        for name, source_type in sources.items():
            figures.types[source_type] += 1
            figures.names.setdefault(source_type, Counter())[name] += 1
    return figures


# ---------------------------------------------------------------------------- gold scores


@dataclass
class Accuracy:
    """``hits`` right out of ``total`` scored."""

    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += bool(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else float("nan")


@dataclass
class GoldScore:
    """Micro-averaged scores over the gold articles (see the module docstring)."""

    quotes: PRF = field(default_factory=PRF)
    cues: PRF = field(default_factory=PRF)
    speaker: Accuracy = field(default_factory=Accuracy)
    quote_kind: Accuracy = field(default_factory=Accuracy)
    source: Accuracy = field(default_factory=Accuracy)
    source_type: Accuracy = field(default_factory=Accuracy)
    stance: Accuracy = field(default_factory=Accuracy)
    n_articles: int = 0
    #: gold files not scored: article not loaded / field changed since labelling
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    #: one line per miss, extra and wrong label (for ``--details``)
    details: list[str] = field(default_factory=list)


def _count(prf: PRF, n_gold: int, n_pred: int, n_matched: int) -> None:
    prf.n_gold += n_gold
    prf.n_pred += n_pred
    prf.tp_gold += n_matched
    prf.tp_pred += n_matched


def score_field(score: GoldScore, gold: dict, field_name: str, quotes: list[Quote],
                attributions: list[Attribution], text: str = "", where: str = "") -> None:
    """Add one field's gold (a gold file's dict) and predictions to ``score``.

    ``text`` is only used to quote strings in ``score.details``.
    """
    def show(span: Span | None) -> str:
        return repr(text[span[0]:span[1]]) if text and span else repr(span)

    # quotes
    gold_q = [q for q in gold.get("quotes", []) if q["field"] == field_name]
    doc_like = _Predictions(quotes, attributions)
    pred_q = predicted_items(doc_like, "quotes")
    pairs = pair_up([(q["start"], q["end"]) for q in gold_q], [s for s, _ in pred_q], "overlap")
    _count(score.quotes, len(gold_q), len(pred_q), len(pairs))
    for gi, pi in pairs:
        g, p = gold_q[gi], pred_q[pi][1]
        score.quote_kind.add(g["kind"] == p.kind)
        if g["kind"] in SPOKEN_KINDS and g["speaker"]:
            ok = same_name(g["speaker"], p.speaker)
            score.speaker.add(ok)
            if not ok:
                score.details.append(f"SPEAKER {where}: {show((g['start'], g['end']))} "
                                     f"gold={g['speaker']!r} predicted={p.speaker!r}")
    score.details += _unpaired(
        where, "quote", [(g["start"], g["end"]) for g in gold_q],
        [s for s, _ in pred_q], pairs, show,
        [f"{g['kind']}, {g['speaker']}" for g in gold_q],
        [f"{q.kind}, {q.speaker}, {q.rule}" for _, q in pred_q],
    )
    # attribution cues
    gold_a = [a for a in gold.get("attributions", []) if a["field"] == field_name]
    pred_a = predicted_items(doc_like, "attributions")
    pairs = pair_up([(a["cue_start"], a["cue_end"]) for a in gold_a],
                    [s for s, _ in pred_a], "overlap")
    _count(score.cues, len(gold_a), len(pred_a), len(pairs))
    for gi, pi in pairs:
        g, p = gold_a[gi], pred_a[pi][1]
        score.stance.add(g["stance"] == p.stance)
        source_ok = same_name(g["source"], p.source)
        score.source.add(source_ok)
        if g["source"] and source_ok:
            score.source_type.add(g["source_type"] == p.source_type)
        if not source_ok or (g["source"] and g["source_type"] != p.source_type):
            score.details.append(
                f"SOURCE {where}: cue {show((g['cue_start'], g['cue_end']))} "
                f"gold={g['source']!r} ({g['source_type']}) "
                f"predicted={p.source!r} ({p.source_type})"
            )
    score.details += _unpaired(
        where, "cue", [(a["cue_start"], a["cue_end"]) for a in gold_a],
        [s for s, _ in pred_a], pairs, show,
        [f"{a['source']}, {a['source_type']}" for a in gold_a],
        [f"{a.source}, {a.source_type}, {a.rule}" for _, a in pred_a],
    )


@dataclass
class _Predictions:
    """The two record lists ``predicted_items`` reads, without a ``Document``."""

    quotes: list[Quote]
    attributions: list[Attribution]


def _unpaired(where: str, what: str, gold: list[Span], predicted: list[Span],
              pairs: list[tuple[int, int]], show: Callable[[Span], str],
              gold_labels: list[str], predicted_labels: list[str]) -> list[str]:
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    lines = [f"MISSED {what} {where}: {show(s)} ({gold_labels[i]})"
             for i, s in enumerate(gold) if i not in matched_g]
    lines += [f"EXTRA {what} {where}: {show(s)} ({predicted_labels[i]})"
              for i, s in enumerate(predicted) if i not in matched_p]
    return lines


def score_gold(articles: pd.DataFrame, docs: dict[tuple[str, str], Document] | None = None,
               gold_dir: Path = GOLD_DIR, corpus: Path = BBC_DIR,
               analyse: Callable[[str], Document] = analysis.analyse) -> GoldScore:
    """Score the detectors on the gold articles among ``articles`` (loaded from
    ``corpus``); ``docs`` (from ``analyse_articles``) saves analysing them again."""
    score = GoldScore()
    rows = article_rows(articles, Path(corpus))
    for path, gold in read_gold(gold_dir):
        row = rows.get((gold["article"], 0))
        if row is None:
            score.missing.append(path.name)
            continue
        texts = {name: field_text(row, name) for name in FIELDS}
        if sha1(texts["text"]) != gold["sha1"] or (
            "title_sha1" in gold and sha1(texts["title"]) != gold["title_sha1"]
        ):
            score.changed.append(path.name)
            continue
        score.n_articles += 1
        for field_name in FIELDS:
            text = texts[field_name]
            doc = (docs or {}).get((str(row["article_id"]), field_name))
            if doc is None:
                doc = analyse(text)
            score_field(score, gold, field_name, doc.quotes, doc.attributions, text,
                        f"{path.stem}:{field_name}")
    return score


def run(corpus: Path = BBC_DIR, gold_dir: Path = GOLD_DIR) -> dict:
    """Load ``corpus``, analyse every title and text once, and return ``articles``,
    ``figures`` (``CorpusFigures``), ``gold`` (``GoldScore``) and timings in seconds
    (``analyse_seconds`` covers analysing and counting: a ``Document`` is lazy)."""
    started = time.perf_counter()
    # The corpus is all English (SOURCE.txt), so language detection (most of the load
    # time) is skipped; it changes no title or text.
    articles = analysis.load_articles(corpus, detect_language=False)
    loaded = time.perf_counter()
    docs = analyse_articles(articles)
    figures = corpus_figures(docs)  # the Documents compute their records here, lazily
    analysed = time.perf_counter()
    return {
        "articles": articles,
        "figures": figures,
        "gold": score_gold(articles, docs, gold_dir, corpus),
        "load_seconds": loaded - started,
        "analyse_seconds": analysed - loaded,
    }


def top_names(figures: CorpusFigures, source_type: str, n: int = 20) -> list[tuple[str, int]]:
    """The ``n`` names of ``source_type`` cited by most articles (ties by name)."""
    counts = figures.names.get(source_type, Counter())
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]


def iter_type_rows(figures: CorpusFigures) -> Iterable[tuple[str, int, float]]:
    """``(source type, distinct sources, share)`` for every type, commonest first."""
    total = figures.n_sources
    for source_type in sorted(SOURCE_TYPES, key=lambda t: (-figures.types[t], t)):
        count = figures.types[source_type]
        yield source_type, count, figures.share(count, total)
