"""Detector scores for notebook 07, computed by the project's benchmark scripts.

The scoring logic lives in ``benchmarks/`` (one script per gold set, each printing its
table for the README). This module loads those scripts as modules and turns their
results into DataFrames, so the notebook and the benchmarks can never disagree:

- ``gold_summary``: the hand-labelled gold of the shipped articles (``data/gold/``,
  ``benchmarks/gold_scores.py``): P/R/F1 per layer, exact and overlap matching, and label
  accuracy on matched pairs.
- ``gold_pairs``: the matched (gold, predicted) pairs of one layer with both labels,
  paired exactly as the benchmark pairs them (the input of a confusion table).
- ``gold_tables``: the gold labels as tidy tables with character spans, for joining
  with any records table (e.g. a hand-coding sample, ``label_from_gold``).
- ``polnear_summary``: PolNeAR attributions (``benchmarks/polnear_attribution.py``).
- ``szeged_summary``: Szeged uncertainty cues (``benchmarks/szeged_hedges.py``).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd

from analysis.paths import REPO_ROOT

BENCHMARKS = REPO_ROOT / "benchmarks"
GOLD_DIR = REPO_ROOT / "data" / "gold"


def load_benchmark(name: str) -> ModuleType:
    """The script ``benchmarks/<name>.py`` as a module (loaded once)."""
    key = f"_benchmark_{name}"
    if key in sys.modules:
        return sys.modules[key]
    path = BENCHMARKS / f"{name}.py"
    if not path.is_file():
        raise FileNotFoundError(f"benchmark script not found: {path}")
    spec = importlib.util.spec_from_file_location(key, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two ``(start, end)`` spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


# ---------------------------------------------------------------------------
# The shipped gold
# ---------------------------------------------------------------------------


def gold_summary(corpus: Path, gold_dir: Path = GOLD_DIR) -> pd.DataFrame:
    """P/R/F1 of every layer on the shipped gold, as ``benchmarks/gold_scores.py`` scores it.

    One row per (layer, match); columns ``n_gold``, ``n_predicted``, ``n_matched``,
    ``precision``, ``recall``, ``f1`` and ``<label>_accuracy`` for each label the gold
    has for that layer (on matched pairs). ``.attrs`` holds the benchmark's bookkeeping:
    ``n_articles`` scored, ``unmatched`` gold files and ``unplaced`` gold strings.
    """
    bench = load_benchmark("gold_scores")
    result = bench.score(Path(corpus), Path(gold_dir))
    rows = []
    for (layer, match), tally in result["tallies"].items():
        figures = tally.figures()
        row = {"layer": layer, "match": match, "n_gold": tally.n_gold,
               "n_predicted": tally.n_predicted, "n_matched": tally.n_matched,
               "precision": figures["precision"], "recall": figures["recall"],
               "f1": figures["f1"]}
        for name, value in figures.items():
            if name.endswith("_acc"):
                row[name.removesuffix("_acc") + "_accuracy"] = value
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame.attrs.update({"n_articles": result["n_articles"], "unmatched": result["unmatched"],
                        "unplaced": result["unplaced"], "failed": result["failed"]})
    return frame


def _gold_files(articles: pd.DataFrame, corpus: Path, gold_dir: Path):
    """Yield ``(gold dict, article row)`` for every gold file with a loaded article."""
    bench = load_benchmark("gold_scores")
    rows = bench.article_rows(articles, Path(corpus))
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        row = rows.get((gold["article"], gold["record"] or 0))
        if row is not None:
            yield gold, row


def gold_tables(articles: pd.DataFrame, corpus: Path, gold_dir: Path = GOLD_DIR
                ) -> dict[str, pd.DataFrame]:
    """The gold labels as tidy tables with spans, one per layer.

    Columns: ``article_id``, ``field``, ``start``, ``end``, ``string`` and the layer's
    gold labels. Spans come from the gold's ``(field, string, nth)`` exactly as the
    benchmark computes them; labels whose string is not found are left out.
    """
    bench = load_benchmark("gold_scores")
    out: dict[str, list[dict]] = {layer: [] for layer in bench.LAYERS}
    for gold, row in _gold_files(articles, corpus, gold_dir):
        for layer in bench.LAYERS:
            string_key, labels = bench.LABELS[layer]
            for item in gold.get(layer, []):
                field = item.get("field", "text")
                text = row[field] if isinstance(row[field], str) else ""
                span = bench.nth_span(text, item[string_key], int(item.get("nth", 0)))
                if span is None:
                    continue
                out[layer].append({"article_id": str(row["article_id"]), "field": field,
                                   "start": span[0], "end": span[1],
                                   "string": item[string_key],
                                   **{name: item.get(name) for name, _ in labels}})
    tables = {}
    for layer, items in out.items():
        names = [name for name, _ in bench.LABELS[layer][1]]
        tables[layer] = pd.DataFrame(items, columns=["article_id", "field", "start", "end",
                                                     "string", *names])
    return tables


def gold_pairs(articles: pd.DataFrame, corpus: Path, layer: str = "attributions",
               gold_dir: Path = GOLD_DIR, match: str = "overlap") -> pd.DataFrame:
    """Matched gold and predicted records of ``layer``, paired as the benchmark pairs them.

    One row per pair: ``article_id``, ``field``, ``string`` (the gold string), and for
    every gold label ``gold_<label>`` and ``predicted_<label>``.
    """
    import analysis

    bench = load_benchmark("gold_scores")
    string_key, labels = bench.LABELS[layer]
    rows = []
    for gold, row in _gold_files(articles, corpus, gold_dir):
        for field in ("title", "text"):
            text = row[field] if isinstance(row[field], str) else ""
            predicted = bench.predicted_items(analysis.analyse(text), layer)
            items = []
            for item in gold.get(layer, []):
                if item.get("field", "text") == field:
                    span = bench.nth_span(text, item[string_key], int(item.get("nth", 0)))
                    if span is not None:
                        items.append((span, item))
            pairs = bench.pair_up([s for s, _ in items], [s for s, _ in predicted], match)
            for gi, pi in pairs:
                item, record = items[gi][1], predicted[pi][1]
                pair = {"article_id": str(row["article_id"]), "field": field,
                        "string": item[string_key]}
                for name, attribute in labels:
                    pair[f"gold_{name}"] = item.get(name)
                    pair[f"predicted_{name}"] = getattr(record, attribute, None)
                rows.append(pair)
    return pd.DataFrame(rows)


def label_from_gold(items: pd.DataFrame, gold: pd.DataFrame, label: str) -> pd.Series:
    """For each row of ``items`` (``article_id``, ``field``, ``start``, ``end``), the
    ``label`` of the first gold record whose span overlaps it, else missing."""
    found = []
    for _, item in items.iterrows():
        candidates = gold[(gold["article_id"] == str(item["article_id"]))
                          & (gold["field"] == item["field"])]
        value = None
        for _, row in candidates.iterrows():
            if overlaps((int(row["start"]), int(row["end"])),
                        (int(item["start"]), int(item["end"]))):
                value = row[label]
                break
        found.append(value)
    return pd.Series(found, index=items.index, dtype="object")


# ---------------------------------------------------------------------------
# Public gold
# ---------------------------------------------------------------------------


def polnear_summary(split: str = "test") -> pd.DataFrame:
    """Cue / source / content P/R/F1 on PolNeAR ``split`` (``benchmarks/polnear_attribution``).

    One row per (role, match) with ``match`` in exact, overlap, token. ``.attrs`` has
    ``articles``, ``speaker_accuracy`` and ``cue_recall_by_class``.
    """
    bench = load_benchmark("polnear_attribution")
    result = bench.evaluate(split, bench.detector)
    rows = []
    for role in bench.ROLES:
        for match in ("exact", "overlap", "token"):
            p, r, f = result["counts"][role][match].prf()
            rows.append({"role": role, "match": match, "precision": p, "recall": r, "f1": f})
    frame = pd.DataFrame(rows)
    right, matched, _total = result["speaker"]
    frame.attrs["articles"] = result["articles"]
    frame.attrs["speaker_accuracy"] = right / matched if matched else float("nan")
    frame.attrs["cue_recall_by_class"] = {
        cls: (result["class_found"][cls] / result["class_total"][cls]
              if result["class_total"][cls] else float("nan"))
        for cls in bench.CLASSES
    }
    return frame


def szeged_summary(path: Path, half: str = "test") -> pd.DataFrame:
    """Sentence- and cue-level P/R/F1 of the hedge detector on a Szeged file.

    ``half`` is ``"test"`` (odd documents, held out), ``"dev"`` (even) or ``"all"``;
    predictions are made by ``benchmarks/szeged_hedges.predict``.
    """
    from analysis import szeged

    bench = load_benchmark("szeged_hedges")
    sentences = [s for s in szeged.read_szeged(path)
                 if half == "all" or (s.doc_index % 2 == 1) == (half == "test")]
    spans, _types = bench.predict(sentences)
    figures = {"sentence": szeged.sentence_prf(sentences, spans),
               "cue (overlap)": szeged.cue_prf(sentences, spans)}
    frame = pd.DataFrame([{"level": level, "precision": f.precision, "recall": f.recall,
                           "f1": f.f1} for level, f in figures.items()])
    frame.attrs["sentences"] = len(sentences)
    return frame
