"""Scoring the detectors against the hand-labelled gold of the shipped articles.

The gold is one JSON file per article in ``data/gold/`` (see its README). Scoring runs in
five steps, the same for ``benchmarks/gold_scores.py`` and notebook 07:

1. Each gold file names its article (path relative to the corpus) and, for multi-article
   files, the 0-based record index; ``article_rows`` maps both to the loaded row through
   ``source_path`` and the order of that file's rows (records the loader skipped are
   counted from ``articles.attrs["skipped"]``).
2. ``analysis.analyse`` runs on each field (``title`` and ``text``) of every article that
   has gold. Articles without gold are not scored.
3. Each gold label's string and ``nth`` become a character span (``nth_span``: the nth
   occurrence found by repeated ``str.find``).
4. Gold and predicted spans are paired one to one, greedily by largest overlap
   (``analysis.evaluation.matching.pair_up``), under two matchings: ``overlap`` (any
   shared character) and ``exact`` (same start and end; a quote's predicted span loses
   its quotation marks first, as the gold string has none). Precision, recall and F1
   are micro-averaged over all articles.
5. Label accuracies are measured on the matched pairs only. Speakers and sources are
   compared leniently (``same_name``).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

import analysis
from analysis.detect.document import Document
from analysis.evaluation.matching import pair_up
from analysis.paths import REPO_ROOT
from analysis.records import Span
from analysis.tables.corpus import FIELDS

GOLD_DIR = REPO_ROOT / "data" / "gold"
LAYERS = ("quotes", "attributions", "hedges", "boosters")
MATCHES = ("overlap", "exact")
#: layer -> (gold string key, [(gold label, predicted attribute)])
LABELS = {
    "quotes": ("text", [("kind", "kind"), ("speaker", "speaker")]),
    "attributions": (
        "cue",
        [
            ("stance", "stance"),
            ("source_type", "source_type"),
            ("source", "source"),
            ("kind", "kind"),
        ],
    ),
    "hedges": ("cue", [("category", "category"), ("voice", "voice")]),
    "boosters": ("cue", [("negated", "negated"), ("voice", "voice")]),
}
#: Labels holding a name, compared with ``same_name``.
NAME_LABELS = {"speaker", "source"}


# ---------------------------------------------------------------------------- labels


def nth_span(text: str, needle: str, nth: int) -> Span | None:
    """Span of the ``nth`` (0-based) occurrence of ``needle``: repeated find from +1."""
    start = -1
    for _ in range(nth + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return (start, start + len(needle))


def label_span(layer: str, item: dict, text: str) -> Span | None:
    """The span of one gold item of ``layer`` in ``text`` (None when not found)."""
    string_key = LABELS[layer][0]
    return nth_span(text, item[string_key], int(item.get("nth", 0)))


def place_labels(gold: dict, layer: str, field_name: str, text: str
                 ) -> tuple[list[tuple[Span, dict]], list[dict]]:
    """The gold items of ``layer`` in one field: ``(span, item)`` for those found in
    ``text``, and the items whose string is not there."""
    placed, unplaced = [], []
    for item in gold.get(layer, []):
        if item.get("field", "text") != field_name:
            continue
        span = label_span(layer, item, text)
        if span is None:
            unplaced.append(item)
        else:
            placed.append((span, item))
    return placed, unplaced


def _words(name: str) -> list[str]:
    words = re.findall(r"\w+", name.lower().replace("’", "'"))
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return words


def same_name(gold: object, predicted: object) -> bool:
    """Lenient name match for speakers and sources: case-insensitive, a leading article
    ("the", "a", "an") dropped, and a match when every word of the shorter name is in the
    longer one ("Kadyrov" matches "Ramzan Kadyrov")."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = _words(str(gold)), _words(str(predicted))
    if not g or not p:
        return g == p
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    return all(word in long_ for word in short)


def same_label(name: str, gold: object, predicted: object) -> bool:
    """Whether the predicted value of label ``name`` agrees with the gold value."""
    if name in NAME_LABELS:
        return same_name(gold, predicted)
    if isinstance(gold, bool):
        return bool(predicted) == gold
    return str(gold).lower() == str(predicted).lower()


# ---------------------------------------------------------------------------- predictions


def predicted_items(doc: Document, layer: str) -> list[tuple[Span, object]]:
    """(span to compare, record) for every prediction of ``layer`` in ``doc``."""
    if layer == "quotes":
        out = []
        for q in doc.quotes:
            start, end = q.span
            out.append(((start + 1, max(start + 1, end - 1)), q))  # drop the marks
        return out
    if layer == "attributions":
        return [(tuple(a.cue_span), a) for a in doc.attributions]
    if layer == "hedges":
        return [(tuple(h.span), h) for h in doc.hedges]
    return [(tuple(b.span), b) for b in doc.boosters]


# ---------------------------------------------------------------------------- article rows


def _relative(source_path: str, corpus: Path) -> str:
    """``source_path`` relative to ``corpus``, whether it was given absolute, relative to
    the corpus, to the repository root or to the working directory."""
    path = Path(str(source_path))
    candidates = (
        [path] if path.is_absolute() else [corpus / path, REPO_ROOT / path, Path.cwd() / path]
    )
    for candidate in candidates:
        if not candidate.exists():
            continue
        try:
            return candidate.resolve().relative_to(corpus.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def article_rows(articles: pd.DataFrame, corpus: Path) -> dict[tuple[str, int], pd.Series]:
    """(path relative to the corpus, record index) -> loaded row."""
    skipped: dict[str, set[int]] = {}
    for entry in articles.attrs.get("skipped", []) or []:
        record = entry.get("record")
        if isinstance(record, int):
            skipped.setdefault(_relative(entry.get("path", ""), corpus), set()).add(record)
    rows: dict[tuple[str, int], pd.Series] = {}
    next_index: dict[str, int] = {}
    for _, row in articles.iterrows():
        rel = _relative(row["source_path"], corpus)
        index = next_index.get(rel, 0)
        while index in skipped.get(rel, set()):
            index += 1
        rows[(rel, index)] = row
        next_index[rel] = index + 1
    return rows


def gold_files(articles: pd.DataFrame, corpus: Path, gold_dir: Path
               ) -> Iterator[tuple[Path, dict, pd.Series | None]]:
    """``(path, gold, loaded row)`` for every gold file, sorted by name; the row is None
    when the file's article is not among ``articles``."""
    rows = article_rows(articles, Path(corpus))
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        yield path, gold, rows.get((gold["article"], gold["record"] or 0))


def field_text(row: pd.Series, field_name: str) -> str:
    """The text of one field of a loaded row ("" when missing)."""
    text = row[field_name]
    return text if isinstance(text, str) else ""


# ---------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    """Counts for one layer under one match mode, with the ``overlap`` errors listed."""

    n_gold: int = 0
    n_predicted: int = 0
    n_matched: int = 0
    label_hits: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """``precision``, ``recall``, ``f1`` and ``<label>_acc`` (NaN when undefined)."""
        p = self.n_matched / self.n_predicted if self.n_predicted else float("nan")
        r = self.n_matched / self.n_gold if self.n_gold else float("nan")
        f = 2 * p * r / (p + r) if p == p and r == r and p + r else float("nan")
        out = {"precision": p, "recall": r, "f1": f}
        for name, hits in self.label_hits.items():
            out[f"{name}_acc"] = hits / self.n_matched if self.n_matched else float("nan")
        return out


def score(corpus: Path, gold_dir: Path) -> dict:
    """Tallies per (layer, match) plus bookkeeping; see the module docstring.

    Keys: ``tallies``, ``n_rows`` (rows loaded), ``n_articles`` (articles scored),
    ``unmatched`` (gold files with no loaded article), ``unplaced`` (gold strings not
    found), ``failed`` (fields where ``analyse`` raised) and ``seconds``.
    """
    started = time.perf_counter()
    articles = analysis.load_articles(corpus)
    tallies = {(layer, match): Tally() for layer in LAYERS for match in MATCHES}
    unmatched, unplaced, failed, n_articles = [], [], [], 0
    for gold_path, gold, row in gold_files(articles, Path(corpus), Path(gold_dir)):
        if row is None:
            unmatched.append(gold_path.name)
            continue
        n_articles += 1
        for field_name in FIELDS:
            text = field_text(row, field_name)
            where = f"{gold_path.stem}:{field_name}"
            try:
                doc = analysis.analyse(text)
                predicted = {layer: predicted_items(doc, layer) for layer in LAYERS}
            except Exception as error:  # a detector not ready yet: report, keep going
                failed.append(f"{where}: {type(error).__name__}: {error}")
                predicted = {layer: [] for layer in LAYERS}
            for layer in LAYERS:
                gold_items, missing = place_labels(gold, layer, field_name, text)
                string_key = LABELS[layer][0]
                unplaced += [f"{gold_path.stem}:{layer}:{item[string_key]!r}" for item in missing]
                for match in MATCHES:
                    _add(tallies[(layer, match)], layer, match, gold_items, predicted[layer],
                         text, where)
    return {
        "tallies": tallies,
        "n_rows": len(articles),
        "n_articles": n_articles,
        "unmatched": unmatched,
        "unplaced": unplaced,
        "failed": failed,
        "seconds": time.perf_counter() - started,
    }


def _add(tally: Tally, layer: str, match: str, gold_items: list[tuple[Span, dict]],
         predicted: list[tuple[Span, object]], text: str, where: str) -> None:
    """Add one field's gold and predictions of ``layer`` to ``tally``."""
    string_key, labels = LABELS[layer]
    tally.n_gold += len(gold_items)
    tally.n_predicted += len(predicted)
    pairs = pair_up([s for s, _ in gold_items], [s for s, _ in predicted], match)
    tally.n_matched += len(pairs)
    for gi, pi in pairs:
        g_item, p_record = gold_items[gi][1], predicted[pi][1]
        for gold_label, attribute in labels:
            ok = same_label(gold_label, g_item.get(gold_label), getattr(p_record, attribute))
            tally.label_hits[gold_label] = tally.label_hits.get(gold_label, 0) + ok
            if not ok and match == "overlap":
                tally.wrong.append(
                    f"{where}: {g_item[string_key]!r} {gold_label} "
                    f"gold={g_item.get(gold_label)!r} "
                    f"predicted={getattr(p_record, attribute)!r}"
                )
    if match != "overlap":
        return
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    tally.misses += [
        f"{where}: {item[string_key]!r} ({_label_text(layer, item)})"
        for i, (_, item) in enumerate(gold_items)
        if i not in matched_g
    ]
    tally.extras += [
        f"{where}: {text[s[0] : s[1]]!r} ({_predicted_text(layer, record)})"
        for i, (s, record) in enumerate(predicted)
        if i not in matched_p
    ]


def _label_text(layer: str, item: dict) -> str:
    keys = {
        "quotes": ("kind", "speaker"),
        "attributions": ("stance", "source_type", "source"),
        "hedges": ("category", "voice"),
        "boosters": ("negated", "voice"),
    }[layer]
    return ", ".join(f"{k}={item.get(k)}" for k in keys)


def _predicted_text(layer: str, record: object) -> str:
    keys = {
        "quotes": ("kind", "speaker", "rule"),
        "attributions": ("stance", "source_type", "source", "rule"),
        "hedges": ("category", "voice", "rule"),
        "boosters": ("negated", "voice", "rule"),
    }[layer]
    return ", ".join(f"{k}={getattr(record, k, None)}" for k in keys)
