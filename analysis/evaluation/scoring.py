"""Detector scores for notebook 07, as DataFrames.

The scoring itself lives in ``analysis.evaluation`` (one module per gold set); the
scripts in ``benchmarks/`` print the same scores as tables for the README, so the
notebook and the benchmarks can never disagree:

- ``gold_summary``: the hand-labelled gold of the shipped articles (``data/gold/``,
  ``analysis.evaluation.shipped_gold``): P/R/F1 per layer, exact and overlap matching,
  and label accuracy on matched pairs.
- ``gold_pairs``: the matched (gold, predicted) pairs of one layer with both labels,
  paired exactly as the benchmark pairs them (the input of a confusion table).
- ``gold_tables``: the gold labels as tidy tables with character spans, for joining
  with any records table (e.g. a hand-coding sample, ``label_from_gold``).
- ``polnear_summary``: PolNeAR attributions (``analysis.evaluation.polnear``).
- ``szeged_summary``: Szeged uncertainty cues (``analysis.evaluation.szeged``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from analysis.detect.document import analyse
from analysis.evaluation import polnear, shipped_gold, szeged
from analysis.evaluation.matching import overlaps, pair_up
from analysis.evaluation.shipped_gold import GOLD_DIR, LABELS, LAYERS, field_text
from analysis.evaluation.szeged_gold import read_szeged
from analysis.tables.corpus import FIELDS

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
    result = shipped_gold.score(Path(corpus), Path(gold_dir))
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


def _gold_files(articles: pd.DataFrame, corpus: Path, gold_dir: Path
                ) -> Iterator[tuple[dict, pd.Series]]:
    """Yield ``(gold dict, article row)`` for every gold file with a loaded article."""
    for _path, gold, row in shipped_gold.gold_files(articles, Path(corpus), Path(gold_dir)):
        if row is not None:
            yield gold, row


def gold_tables(articles: pd.DataFrame, corpus: Path, gold_dir: Path = GOLD_DIR
                ) -> dict[str, pd.DataFrame]:
    """The gold labels as tidy tables with spans, one per layer.

    Columns: ``article_id``, ``field``, ``start``, ``end``, ``string`` and the layer's
    gold labels. Spans come from the gold's ``(field, string, nth)`` exactly as the
    benchmark computes them; labels whose string is not found are left out.
    """
    out: dict[str, list[dict]] = {layer: [] for layer in LAYERS}
    for gold, row in _gold_files(articles, corpus, gold_dir):
        for layer in LAYERS:
            string_key, labels = LABELS[layer]
            for item in gold.get(layer, []):
                field = item.get("field", "text")
                span = shipped_gold.label_span(layer, item, field_text(row, field))
                if span is None:
                    continue
                out[layer].append({"article_id": str(row["article_id"]), "field": field,
                                   "start": span[0], "end": span[1],
                                   "string": item[string_key],
                                   **{name: item.get(name) for name, _ in labels}})
    tables = {}
    for layer, items in out.items():
        names = [name for name, _ in LABELS[layer][1]]
        tables[layer] = pd.DataFrame(items, columns=["article_id", "field", "start", "end",
                                                     "string", *names])
    return tables


def gold_pairs(articles: pd.DataFrame, corpus: Path, layer: str = "attributions",
               gold_dir: Path = GOLD_DIR, match: str = "overlap") -> pd.DataFrame:
    """Matched gold and predicted records of ``layer``, paired as the benchmark pairs them.

    One row per pair: ``article_id``, ``field``, ``string`` (the gold string), and for
    every gold label ``gold_<label>`` and ``predicted_<label>``.
    """
    string_key, labels = LABELS[layer]
    rows = []
    for gold, row in _gold_files(articles, corpus, gold_dir):
        for field in FIELDS:
            text = field_text(row, field)
            predicted = shipped_gold.predicted_items(analyse(text), layer)
            items, _unplaced = shipped_gold.place_labels(gold, layer, field, text)
            pairs = pair_up([s for s, _ in items], [s for s, _ in predicted], match)
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
    """Cue / source / content P/R/F1 on PolNeAR ``split`` (``analysis.evaluation.polnear``).

    One row per (role, match) with ``match`` in exact, overlap, token. ``.attrs`` has
    ``articles``, ``speaker_accuracy`` and ``cue_recall_by_class``.
    """
    result = polnear.evaluate(split, polnear.detector)
    rows = []
    for role in polnear.ROLES:
        for match in polnear.MATCHES:
            prf = result["counts"][role][match]
            rows.append({"role": role, "match": match, "precision": prf.precision,
                         "recall": prf.recall, "f1": prf.f1})
    frame = pd.DataFrame(rows)
    right, matched, _total = result["speaker"]
    frame.attrs["articles"] = result["articles"]
    frame.attrs["speaker_accuracy"] = right / matched if matched else float("nan")
    frame.attrs["cue_recall_by_class"] = {
        cls: (result["class_found"][cls] / result["class_total"][cls]
              if result["class_total"][cls] else float("nan"))
        for cls in polnear.CLASSES
    }
    return frame


def szeged_summary(path: Path, half: str = "test") -> pd.DataFrame:
    """Sentence- and cue-level P/R/F1 of the hedge detector on a Szeged file.

    ``half`` is ``"test"`` (odd documents, held out), ``"dev"`` (even) or ``"all"``;
    predictions are made by ``analysis.evaluation.szeged.predict``.
    """
    every = list(read_szeged(path))
    sentences = [every[i] for i in szeged.split(every, half)]
    spans, _types = szeged.predict(sentences)
    figures = {"sentence": szeged.sentence_prf(sentences, spans),
               "cue (overlap)": szeged.cue_prf(sentences, spans)}
    frame = pd.DataFrame([{"level": level, "precision": f.precision, "recall": f.recall,
                           "f1": f.f1} for level, f in figures.items()])
    frame.attrs["sentences"] = len(sentences)
    return frame
