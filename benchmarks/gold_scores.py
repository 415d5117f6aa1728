"""Score the detectors against the hand-labelled gold of the shipped articles.

Usage::

    .venv/bin/python benchmarks/gold_scores.py                  # data/articles + data/gold
    .venv/bin/python benchmarks/gold_scores.py --details        # also list misses and extras
    .venv/bin/python benchmarks/gold_scores.py --corpus DIR --gold DIR

How it works
------------
1. ``analysis.load_articles(corpus)`` loads the corpus. Each gold file names its article
   (path relative to the corpus) and, for multi-article files, the 0-based record index;
   it is matched to the loaded row through ``source_path`` and the order of that file's
   rows (records the loader skipped are counted from ``df.attrs["skipped"]``).
2. ``analysis.analyse`` runs on each field (``title`` and ``text``) of every article that
   has gold. Articles without gold (the Spanish story, the duplicate) are not scored.
3. Each gold label's string and ``nth`` become a character span (the nth occurrence found
   by repeated ``str.find``; see ``data/gold/README.md``).
4. Gold and predicted spans are paired one to one, greedily by largest overlap:
   - ``overlap``: any shared character counts as a match (the headline figure for cues,
     whose exact extent is a convention: "has claimed" vs "claimed");
   - ``exact``: same start and end. For quotes the prediction's span includes the marks
     and the gold string does not, so the marks are trimmed before comparing.
   Precision = matched predictions / predictions, recall = matched gold / gold, micro-
   averaged over all articles; F1 their harmonic mean.
5. Label accuracies are measured on the matched pairs only (so they answer "when the
   detector finds the right thing, does it label it right?"). Speakers and sources are
   compared leniently: case-insensitive, a leading article ("the", "a", "an") dropped,
   and a match when every word of the shorter name is in the longer one ("Kadyrov"
   matches "Ramzan Kadyrov").

The gold is project-made (see ``data/gold/README.md``): a few hundred labels on thirteen
articles, so a difference of one or two points between runs is noise, not progress.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import analysis  # noqa: E402

Span = tuple[int, int]
LAYERS = ("quotes", "attributions", "hedges", "boosters")
# layer -> (gold string key, [(gold label, predicted attribute)])
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
NAME_LABELS = {"speaker", "source"}


def nth_span(text: str, needle: str, nth: int) -> Span | None:
    """Span of the ``nth`` (0-based) occurrence of ``needle``: repeated find from +1."""
    start = -1
    for _ in range(nth + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return (start, start + len(needle))


def _words(name: str) -> list[str]:
    words = re.findall(r"\w+", name.lower().replace("’", "'"))
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return words


def same_name(gold: object, predicted: object) -> bool:
    """Lenient name match for speakers and sources (see the module docstring)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = _words(str(gold)), _words(str(predicted))
    if not g or not p:
        return g == p
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    return all(word in long_ for word in short)


def same_label(name: str, gold: object, predicted: object) -> bool:
    if name in NAME_LABELS:
        return same_name(gold, predicted)
    if isinstance(gold, bool):
        return bool(predicted) == gold
    return str(gold).lower() == str(predicted).lower()


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair_up(gold: list[Span], predicted: list[Span], match: str) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), greedy by largest overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if match == "exact":
                if g == p:
                    candidates.append((g[1] - g[0], gi, pi))
            else:
                size = _overlap(g, p)
                if size > 0:
                    candidates.append((size, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


@dataclass
class Tally:
    """Counts for one layer under one match mode."""

    n_gold: int = 0
    n_predicted: int = 0
    n_matched: int = 0
    label_hits: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        p = self.n_matched / self.n_predicted if self.n_predicted else float("nan")
        r = self.n_matched / self.n_gold if self.n_gold else float("nan")
        f = 2 * p * r / (p + r) if p == p and r == r and p + r else float("nan")
        out = {"precision": p, "recall": r, "f1": f}
        for name, hits in self.label_hits.items():
            out[f"{name}_acc"] = hits / self.n_matched if self.n_matched else float("nan")
        return out


# ---------------------------------------------------------------------------- predictions


def predicted_items(doc, layer: str) -> list[tuple[Span, object]]:
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
    candidates = [path] if path.is_absolute() else [corpus / path, ROOT / path, Path.cwd() / path]
    for candidate in candidates:
        if not candidate.exists():
            continue
        try:
            return candidate.resolve().relative_to(corpus.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def article_rows(articles, corpus: Path) -> dict[tuple[str, int], object]:
    """(path relative to the corpus, record index) -> loaded row."""
    skipped: dict[str, set[int]] = {}
    for entry in articles.attrs.get("skipped", []) or []:
        record = entry.get("record")
        if isinstance(record, int):
            skipped.setdefault(_relative(entry.get("path", ""), corpus), set()).add(record)
    rows: dict[tuple[str, int], object] = {}
    next_index: dict[str, int] = {}
    for _, row in articles.iterrows():
        rel = _relative(row["source_path"], corpus)
        index = next_index.get(rel, 0)
        while index in skipped.get(rel, set()):
            index += 1
        rows[(rel, index)] = row
        next_index[rel] = index + 1
    return rows


# ---------------------------------------------------------------------------- scoring


def score(corpus: Path, gold_dir: Path) -> dict:
    """Tallies per (layer, match) plus bookkeeping; see the module docstring."""
    started = time.perf_counter()
    articles = analysis.load_articles(corpus)
    rows = article_rows(articles, corpus)
    tallies = {(layer, m): Tally() for layer in LAYERS for m in ("overlap", "exact")}
    unmatched, unplaced, failed, n_articles = [], [], [], 0
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        row = rows.get((gold["article"], gold["record"] or 0))
        if row is None:
            unmatched.append(gold_path.name)
            continue
        n_articles += 1
        for field_name in ("title", "text"):
            text = row[field_name]
            text = text if isinstance(text, str) else ""
            try:
                doc = analysis.analyse(text)
                predicted = {layer: predicted_items(doc, layer) for layer in LAYERS}
            except Exception as error:  # a detector not ready yet: report, keep going
                failed.append(f"{gold_path.stem}:{field_name}: {type(error).__name__}: {error}")
                predicted = {layer: [] for layer in LAYERS}
            for layer in LAYERS:
                string_key, labels = LABELS[layer]
                gold_items = []
                for item in gold[layer]:
                    if item.get("field", "text") != field_name:
                        continue
                    span = nth_span(text, item[string_key], int(item.get("nth", 0)))
                    if span is None:
                        unplaced.append(f"{gold_path.stem}:{layer}:{item[string_key]!r}")
                        continue
                    gold_items.append((span, item))
                for match in ("overlap", "exact"):
                    tally = tallies[(layer, match)]
                    tally.n_gold += len(gold_items)
                    tally.n_predicted += len(predicted[layer])
                    pairs = pair_up(
                        [s for s, _ in gold_items], [s for s, _ in predicted[layer]], match
                    )
                    tally.n_matched += len(pairs)
                    where = f"{gold_path.stem}:{field_name}"
                    for gi, pi in pairs:
                        g_item, p_record = gold_items[gi][1], predicted[layer][pi][1]
                        for gold_label, attribute in labels:
                            ok = same_label(
                                gold_label, g_item.get(gold_label), getattr(p_record, attribute)
                            )
                            tally.label_hits[gold_label] = tally.label_hits.get(gold_label, 0) + ok
                            if not ok and match == "overlap":
                                tally.wrong.append(
                                    f"{where}: {g_item[string_key]!r} {gold_label} "
                                    f"gold={g_item.get(gold_label)!r} "
                                    f"predicted={getattr(p_record, attribute)!r}"
                                )
                        for gold_label, _ in labels:
                            tally.label_hits.setdefault(gold_label, 0)
                    matched_g = {gi for gi, _ in pairs}
                    matched_p = {pi for _, pi in pairs}
                    if match == "overlap":
                        tally.misses += [
                            f"{where}: {item[string_key]!r} ({_label_text(layer, item)})"
                            for i, (_, item) in enumerate(gold_items)
                            if i not in matched_g
                        ]
                        tally.extras += [
                            f"{where}: {text[s[0] : s[1]]!r} ({_predicted_text(layer, rec)})"
                            for i, (s, rec) in enumerate(predicted[layer])
                            if i not in matched_p
                        ]
    return {
        "tallies": tallies,
        "n_rows": len(articles),
        "n_articles": n_articles,
        "unmatched": unmatched,
        "unplaced": unplaced,
        "failed": failed,
        "seconds": time.perf_counter() - started,
    }


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


def _fmt(value: float) -> str:
    return "  -  " if value != value else f"{value:5.3f}"


def report(result: dict, details: bool = False) -> str:
    lines = [
        f"Gold: {result['n_articles']} articles matched to {result['n_rows']} loaded rows "
        f"({result['seconds']:.1f} s)",
    ]
    for label, values in (
        ("gold files with no loaded article", result["unmatched"]),
        ("gold strings not found in the loaded text", result["unplaced"]),
        ("fields where analyse() failed", result["failed"]),
    ):
        if values:
            lines.append(f"{label}: {len(values)}")
            lines += [f"  {v}" for v in values[:10]]
    header = f"{'layer':<13}{'match':<9}{'gold':>5}{'pred':>6}{'hit':>5}   P      R      F1"
    lines += ["", header, "-" * len(header)]
    label_lines = []
    for layer in LAYERS:
        for match in ("overlap", "exact"):
            t = result["tallies"][(layer, match)]
            f = t.figures()
            lines.append(
                f"{layer:<13}{match:<9}{t.n_gold:>5}{t.n_predicted:>6}{t.n_matched:>5}  "
                f"{_fmt(f['precision'])}  {_fmt(f['recall'])}  {_fmt(f['f1'])}"
            )
        t = result["tallies"][(layer, "overlap")]
        f = t.figures()
        accs = ", ".join(f"{name} {_fmt(f[f'{name}_acc'])}" for name in t.label_hits)
        label_lines.append(f"{layer:<13}on {t.n_matched} overlap-matched pairs: {accs}")
    lines += ["", "Label accuracy (matched pairs only)", *label_lines]
    if details:
        for layer in LAYERS:
            t = result["tallies"][(layer, "overlap")]
            for title, values in (
                ("missed (gold not found)", t.misses),
                ("extra (predicted, not in gold)", t.extras),
                ("wrong labels", t.wrong),
            ):
                lines += ["", f"{layer}: {title}: {len(values)}", *[f"  {v}" for v in values]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "articles")
    parser.add_argument("--gold", type=Path, default=ROOT / "data" / "gold")
    parser.add_argument("--details", action="store_true", help="list misses, extras, errors")
    args = parser.parse_args(argv)
    print(report(score(args.corpus, args.gold), details=args.details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
