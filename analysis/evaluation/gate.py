"""The quality gate: each benchmark's headline figures and the gold files they score.

``tests/eval_baseline.json`` pins a floor under every figure named here and the SHA-256
of each benchmark's gold files; ``tests/test_quality_gate.py`` fails when a figure drops
below its floor or a gold file changes without the baseline being updated (the idea of
trafilatura's evaluation in CI). ``benchmarks/quality_gate.py`` prints the figures beside
their floors.

Every figure comes from the scorer the benchmark scripts print, never a copy:

- ``shipped_gold``: ``shipped_gold.score`` on ``data/articles`` (F1 under any overlap and
  label accuracies on matched pairs); always available;
- ``who_is_cited``: ``who_is_cited.score_shipped`` on the same gold; always available;
- ``polnear_test``: ``polnear.evaluate("test", detector)``;
- ``szeged``: ``szeged.sentence_prf`` and ``cue_prf`` on each file's even (dev) and odd
  (test) documents;
- ``zyte_test``: ``html_extraction.zyte_scores("test")``;
- ``bbc_gold``: ``bbc.score_gold`` on the 20 development articles (only those are
  loaded).

The last four need ``../shared/corpora`` (``Benchmark.corpus``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analysis.evaluation import bbc, html_extraction, polnear, shipped_gold, szeged, who_is_cited
from analysis.evaluation.szeged_gold import read_szeged
from analysis.loading import load_articles
from analysis.paths import DEFAULT_CORPUS, REPO_ROOT, SHARED_CORPORA

SZEGED_DIR = SHARED_CORPORA / "szeged_uncertainty"
POLNEAR_TEST = SHARED_CORPORA / "polnear" / "data" / "test"


@dataclass(frozen=True)
class Benchmark:
    """One benchmark of the gate: where its gold is and how its figures are measured."""

    name: str
    #: folder that must exist to measure (None: everything ships with the repository)
    corpus: Path | None
    #: the gold files, as glob patterns relative to ``root``
    gold: tuple[str, ...]
    root: Path
    #: name -> figure (a share between 0 and 1)
    measure: Callable[[], dict[str, float]]

    def available(self) -> bool:
        return self.corpus is None or self.corpus.is_dir()

    def gold_files(self) -> list[Path]:
        return sorted({path for pattern in self.gold for path in self.root.glob(pattern)})

    def gold_sha256(self) -> str:
        """SHA-256 over each gold file's path (relative to ``root``) and bytes, in path
        order: it changes when a file is edited, added, removed or renamed."""
        digest = hashlib.sha256()
        for path in self.gold_files():
            digest.update(path.relative_to(self.root).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()


def measure_shipped_gold() -> dict[str, float]:
    tallies = shipped_gold.score(DEFAULT_CORPUS, shipped_gold.GOLD_DIR)["tallies"]
    figures = {}
    for layer, labels in (("quotes", ("kind", "speaker")),
                          ("attributions", ("stance", "source_type", "source", "kind")),
                          ("hedges", ("category", "voice")),
                          ("boosters", ("negated", "voice"))):
        values = tallies[(layer, "overlap")].figures()
        figures[f"{layer}_f1"] = values["f1"]
        figures[f"{layer}_exact_f1"] = tallies[(layer, "exact")].figures()["f1"]
        figures.update({f"{layer}_{label}_accuracy": values[f"{label}_acc"]
                        for label in labels})
    return figures


def measure_who_is_cited() -> dict[str, float]:
    score = who_is_cited.score_shipped()
    figures = {f"source_{name}": score.sources[name].value
               for name in ("found", "gender_text", "gender_evidence", "no_gender",
                            "affiliation")}
    for flag in ("response_sought", "verification_disclaimer", "headline_distancing",
                 "anonymous_explained", "anonymous_unexplained", "dominant_source"):
        figures[f"{flag}_precision"] = score.flags[flag].precision
        figures[f"{flag}_recall"] = score.flags[flag].recall
    return figures


def measure_polnear_test() -> dict[str, float]:
    result = polnear.evaluate("test", polnear.detector)
    right, matched, _ = result["speaker"]
    figures = {f"{role}_overlap_f1": result["counts"][role]["overlap"].f1
               for role in polnear.ROLES}
    figures["joint_source_f1"] = result["joint"]["source"].f1
    figures["joint_content_f1"] = result["joint"]["content"].f1
    figures["speaker_accuracy"] = right / matched if matched else 0.0
    return figures


def measure_szeged() -> dict[str, float]:
    figures = {}
    for name in ("factbank", "wiki"):
        sentences = list(read_szeged(SZEGED_DIR / f"{name}.xml"))
        for half in ("dev", "test"):
            gold = [sentences[i] for i in szeged.split(sentences, half)]
            predicted, _ = szeged.predict(gold)
            figures[f"{name}_{half}_sentence_f1"] = szeged.sentence_prf(gold, predicted).f1
            figures[f"{name}_{half}_cue_f1"] = szeged.cue_prf(gold, predicted).f1
    return figures


def measure_zyte_test() -> dict[str, float]:
    precision, recall, f1 = html_extraction.zyte_scores("test")
    return {"precision": precision, "recall": recall, "f1": f1}


def measure_bbc_gold() -> dict[str, float]:
    articles = load_articles([bbc.BBC_DIR / gold["article"] for _, gold in bbc.read_gold()],
                             detect_language=False)
    score = bbc.score_gold(articles)
    if score.missing or score.changed:
        raise ValueError(f"BBC gold not scored: article not loaded {score.missing}, "
                         f"text changed since labelling {score.changed}")
    return {"quote_f1": score.quotes.f1, "speaker_accuracy": score.speaker.value,
            "cue_f1": score.cues.f1, "source_type_accuracy": score.source_type.value,
            "source_accuracy": score.source.value}


BENCHMARKS = {b.name: b for b in (
    Benchmark("shipped_gold", None, ("data/gold/*.json",), REPO_ROOT, measure_shipped_gold),
    Benchmark("who_is_cited", None, ("data/gold/*.json",), REPO_ROOT, measure_who_is_cited),
    Benchmark("polnear_test", POLNEAR_TEST, ("polnear/data/test/attributions/*.ann",),
              SHARED_CORPORA, measure_polnear_test),
    Benchmark("szeged", SZEGED_DIR, ("szeged_uncertainty/*.xml",), SHARED_CORPORA,
              measure_szeged),
    Benchmark("zyte_test", html_extraction.ZYTE, ("scrapinghub_articles/ground-truth.json",),
              SHARED_CORPORA, measure_zyte_test),
    Benchmark("bbc_gold", bbc.BBC_DIR, ("data/gold/bbc/*.json",), REPO_ROOT, measure_bbc_gold),
)}
