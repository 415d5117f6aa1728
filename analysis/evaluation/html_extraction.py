"""Scoring the HTML path of ``load_articles`` on the Zyte article-extraction benchmark.

The metric is the benchmark's own ``evaluate.py`` (scrapinghub/article-extraction-benchmark):
4-token shingles of ``\\w+`` tokens; per page TP/FP/FN normalised to sum to 1; precision
is the mean over pages with a prediction, recall the mean over pages with gold text, F1
the harmonic mean of those two means. Pages are split once by hash (``split_of``).
``zyte_gold`` reads the gold text of every page, ``zyte_texts`` extracts ours through
``load_articles`` (the real path) and ``zyte_scores`` scores one split.

``worst_pages`` lists the pages to look at first. ``snippet_counts`` scores
``trafilatura_eval_en_news``: how many ``with`` snippets are found in the extracted
text, and how many ``without`` (boilerplate) snippets are kept.
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from analysis.loading import load_articles
from analysis.paths import SHARED_CORPORA

TOKEN = re.compile(r"\w+")
#: The Zyte benchmark: ``html/<id>.html.gz`` pages and ``ground-truth.json``.
ZYTE = SHARED_CORPORA / "scrapinghub_articles"


def split_of(page_id: str) -> str:
    """``"dev"`` or ``"test"``, fixed by the page id's SHA-256 (its last hex digit even:
    dev)."""
    return "dev" if int(hashlib.sha256(page_id.encode()).hexdigest()[-1], 16) % 2 == 0 else "test"


def shingles(text: str, n: int = 4) -> Counter:
    """Counts of the runs of ``n`` consecutive ``\\w+`` tokens in ``text``."""
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i : i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Per-page TP, FP, FN over shingles, normalised so that they sum to 1."""
    gold, got = shingles(true), shingles(pred)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Mean precision, mean recall, F1 of the two (the benchmark's definitions)."""
    p = statistics.mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    r = statistics.mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def worst_pages(gold: dict[str, str], predicted: dict[str, str], n: int
                ) -> list[tuple[str, float, float]]:
    """The ``n`` pages with the lowest min(precision, recall), as ``(id, P, R)``; a page's
    P and R are plain shingle ratios here (0.0 when undefined), ties broken by id."""
    rows = []
    for k in sorted(gold):
        tp, fp, fn = tp_fp_fn(gold[k], predicted.get(k, ""))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        rows.append((min(p, r), k, p, r))
    return [(k, p, r) for _, k, p, r in sorted(rows)[:n]]


def snippet_counts(annotations: dict[str, dict], texts: dict[str, str]
                   ) -> tuple[int, int, int, int]:
    """``(found, n_with, kept, n_without)``: ``with`` snippets found in the extracted
    text of their page and ``without`` snippets kept there, whitespace squashed."""
    found = kept = n_with = n_without = 0
    for name, note in annotations.items():
        text = _squash(texts.get(name, ""))
        n_with += len(note.get("with", []))
        n_without += len(note.get("without", []))
        found += sum(_squash(s) in text for s in note.get("with", []))
        kept += sum(_squash(s) in text for s in note.get("without", []))
    return found, n_with, kept, n_without


def _squash(text: str) -> str:
    return " ".join(text.split())


def zyte_gold(folder: Path = ZYTE) -> dict[str, str]:
    """Page id -> the gold article body of every Zyte page."""
    truth = json.loads((Path(folder) / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: entry["articleBody"] for page_id, entry in truth.items()}


def zyte_texts(page_ids: Iterable[str] | None = None, folder: Path = ZYTE) -> dict[str, str]:
    """Page id -> our ``text`` for the Zyte pages ``page_ids`` (all pages when None),
    extracted by ``load_articles``, the path every HTML file takes."""
    html = Path(folder) / "html"
    articles = load_articles(html if page_ids is None else
                             [html / f"{page_id}.html.gz" for page_id in sorted(page_ids)])
    ids = articles["source_path"].map(lambda path: Path(path).name.split(".")[0])
    return dict(zip(ids, articles["text"], strict=True))


def zyte_scores(split: str, folder: Path = ZYTE) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``load_articles`` on the Zyte pages of ``split``
    (``"dev"``, ``"test"`` or ``"all"``)."""
    gold = zyte_gold(folder)
    keys = [k for k in sorted(gold) if split in ("all", split_of(k))]
    ours = zyte_texts(keys, folder)
    return scores([tp_fp_fn(gold[k], ours.get(k, "")) for k in keys])
