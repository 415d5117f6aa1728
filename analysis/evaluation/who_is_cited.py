"""Scoring gender, affiliation and the standards flags (issue 11) against hand labels.

The labels are the ``sources`` and ``standards`` entries of the gold files: the shipped
articles' (``data/gold/*.json``) and the BBC development articles' (``data/gold/bbc``,
offsets and labels only). Both were labelled by reading the text before the detectors
for these fields existed (``data/gold/README.md``).

Sources: each gold source is paired with the first unused predicted source of the
article (the body's ``Document.sources``, then the headline's) whose name matches it
(``shipped_gold.same_name``); unpaired gold sources are counted as not found. On the
pairs:

- ``gender_text``: gender right, over gold persons whose gender the text shows
  (evidence ``honorific``, ``role_word`` or ``pronoun``): the issue's goal is >= 0.95;
- ``gender_name``: the same over gold persons whose gender only the first name shows;
- ``gender_evidence``: the evidence kind right, over both;
- ``no_gender``: no gender given, over gold sources that are not one person;
- ``affiliation``: affiliation right, over every pair (goal >= 0.80).

Standards, one decision per article: ``anonymous_explained`` / ``anonymous_unexplained``
(gold: a source labelled ``explained`` / ``unexplained``; predicted: the count > 0),
``response_sought``, ``verification_disclaimer``, ``headline_distancing`` (the gold
flags), ``single_source`` and ``dominant_source`` (gold: from the gold body
attributions, one distinct source / the most cited source has >= 0.5 of those with a
source). Precision and recall per flag, with their counts (goal P and R >= 0.90).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import analysis
from analysis.detect.audit import DOMINANT_SHARE, audit
from analysis.detect.document import Document
from analysis.evaluation import bbc
from analysis.evaluation.bbc import Accuracy
from analysis.evaluation.matching import PRF
from analysis.evaluation.shipped_gold import GOLD_DIR, field_text, gold_files, same_name
from analysis.paths import DEFAULT_CORPUS
from analysis.records import Source

TEXT_EVIDENCE = ("honorific", "role_word", "pronoun")
SOURCE_FIGURES = ("found", "gender_text", "gender_name", "gender_evidence", "no_gender",
                  "affiliation")
FLAGS = ("anonymous_explained", "anonymous_unexplained", "response_sought", "single_source",
         "dominant_source", "verification_disclaimer", "headline_distancing")


@dataclass
class WhoScore:
    """Accuracies over paired sources and P/R per standards flag (module docstring)."""

    sources: dict[str, Accuracy] = field(
        default_factory=lambda: {name: Accuracy() for name in SOURCE_FIGURES})
    flags: dict[str, PRF] = field(default_factory=lambda: {name: PRF() for name in FLAGS})
    n_articles: int = 0
    #: gold files not scored (article not loaded, or its text changed since labelling)
    skipped: list[str] = field(default_factory=list)
    #: one line per wrong label or flag (for ``--details``)
    details: list[str] = field(default_factory=list)


def gold_flags(gold: dict) -> dict[str, bool]:
    """The gold decision of every flag of one gold file (see the module docstring)."""
    anonymity = [s["anonymity"] for s in gold["sources"]]
    counts = Counter(a["source"] for a in gold["attributions"]
                     if a["field"] == "text" and a["source"] is not None)
    total = sum(counts.values())
    return {
        "anonymous_explained": "explained" in anonymity,
        "anonymous_unexplained": "unexplained" in anonymity,
        "response_sought": gold["standards"]["response_sought"],
        "single_source": len(counts) == 1,
        "dominant_source": bool(total) and max(counts.values()) / total >= DOMINANT_SHARE,
        "verification_disclaimer": gold["standards"]["verification_disclaimer"],
        "headline_distancing": gold["standards"]["headline_distancing"],
    }


def predicted_flags(title: Document, text: Document) -> dict[str, bool]:
    """The detector's decision of every flag for one article."""
    row = audit(title, text)
    flags = {name: bool(row[name]) for name in FLAGS if name in row}
    flags["anonymous_explained"] = row["n_anonymous_explained"] > 0
    flags["anonymous_unexplained"] = row["n_anonymous_unexplained"] > 0
    return flags


def _pair(gold_sources: list[dict], predicted: list[Source]
          ) -> Iterator[tuple[dict, Source | None]]:
    used: set[int] = set()
    for item in gold_sources:
        match = next((i for i, s in enumerate(predicted)
                      if i not in used and same_name(item["source"], s.name)), None)
        if match is not None:
            used.add(match)
        yield item, predicted[match] if match is not None else None


def score_article(score: WhoScore, gold: dict, title: Document, text: Document,
                  where: str) -> None:
    """Add one article's sources and flags to ``score``."""
    score.n_articles += 1
    figures = score.sources
    for item, source in _pair(gold["sources"], text.sources + title.sources):
        figures["found"].add(source is not None)
        if source is None:
            score.details.append(f"{where}: source not found: {item['source']!r}")
            continue
        evidence = item["gender_evidence"]
        checks = [("affiliation", item["affiliation"], source.affiliation)]
        if evidence is None and item["gender"] is None:
            checks.append(("no_gender", None, source.gender))
        elif evidence is not None:
            kind = "gender_text" if evidence in TEXT_EVIDENCE else "gender_name"
            checks += [(kind, item["gender"], source.gender),
                       ("gender_evidence", evidence, source.gender_evidence)]
        for name, expected, got in checks:
            figures[name].add(expected == got)
            if expected != got:
                score.details.append(f"{where}: {item['source']!r} {name} gold={expected!r} "
                                     f"predicted={got!r}")
    expected, got = gold_flags(gold), predicted_flags(title, text)
    for name in FLAGS:
        prf = score.flags[name]
        prf.n_gold += expected[name]
        prf.n_pred += got[name]
        prf.tp_gold += expected[name] and got[name]
        prf.tp_pred += expected[name] and got[name]
        if expected[name] != got[name]:
            score.details.append(f"{where}: {name} gold={expected[name]} predicted={got[name]}")


def score_shipped(corpus: Path = DEFAULT_CORPUS, gold_dir: Path = GOLD_DIR) -> WhoScore:
    """Scores on the shipped articles' gold."""
    score = WhoScore()
    articles = analysis.load_articles(corpus)
    for path, gold, row in gold_files(articles, Path(corpus), Path(gold_dir)):
        if row is None:
            score.skipped.append(path.name)
            continue
        score_article(score, gold, analysis.analyse(field_text(row, "title")),
                      analysis.analyse(field_text(row, "text")), path.stem)
    return score


def score_bbc(corpus: Path = bbc.BBC_DIR, gold_dir: Path = bbc.GOLD_DIR) -> WhoScore:
    """Scores on the BBC development gold (needs the corpus; skipped files are listed)."""
    score = WhoScore()
    for path, gold in bbc.read_gold(gold_dir):
        file = Path(corpus) / gold["article"]
        if not file.is_file():
            score.skipped.append(path.name)
            continue
        row = analysis.load_articles(file).iloc[0]
        title, text = field_text(row, "title"), field_text(row, "text")
        if bbc.sha1(text) != gold["sha1"] or bbc.sha1(title) != gold["title_sha1"]:
            score.skipped.append(path.name)
            continue
        score_article(score, gold, analysis.analyse(title), analysis.analyse(text), path.stem)
    return score


def report(name: str, score: WhoScore, details: bool = False) -> str:
    """The printed table of one ``WhoScore``: each figure with its counts."""
    lines = [f"{name}: {score.n_articles} articles"
             + (f" ({len(score.skipped)} gold files skipped)" if score.skipped else "")]
    for figure, acc in score.sources.items():
        lines.append(f"  {figure:<22}{acc.value:6.3f}  ({acc.hits} of {acc.total})")
    lines.append(f"  {'flag':<24}{'P':>6} {'R':>6}   counts (right / predicted, found / gold)")
    for flag, prf in score.flags.items():
        p = f"{prf.precision:6.3f}" if prf.n_pred else "   -  "
        r = f"{prf.recall:6.3f}" if prf.n_gold else "   -  "
        lines.append(f"  {flag:<24}{p} {r}   {int(prf.tp_pred)}/{prf.n_pred}, "
                     f"{int(prf.tp_gold)}/{prf.n_gold}")
    if details:
        lines += [f"    {line}" for line in score.details]
    return "\n".join(lines)
