"""The Szeged Uncertainty Corpus reader, on the real corpus.

Skips when ``../shared/corpora`` is absent. The sentence and cue F1 floors are in the
quality gate (``tests/eval_baseline.json``, ``tests/test_quality_gate.py``);
``benchmarks/szeged_hedges.py`` prints the full tables.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from analysis.evaluation.szeged_gold import GoldSentence, cue_type, read_szeged

pytestmark = pytest.mark.corpora

@cache
def _sentences(folder: Path, name: str) -> tuple[GoldSentence, ...]:
    return tuple(read_szeged(folder / "szeged_uncertainty" / f"{name}.xml"))


@pytest.mark.parametrize(
    ("name", "n_sentences", "n_uncertain", "n_cues"),
    [("factbank", 3129, 554, 720), ("wiki", 20748, 2606, 3265)],
)
def test_reader_counts(
    corpora: Path, name: str, n_sentences: int, n_uncertain: int, n_cues: int
) -> None:
    sentences = _sentences(corpora, name)
    assert len(sentences) == n_sentences
    assert sum(s.uncertain for s in sentences) == n_uncertain
    assert sum(len(s.cues) for s in sentences) == n_cues
    for sentence in sentences:
        for cue in sentence.cues:
            assert sentence.text[slice(*cue.span)] == cue.text
            assert cue.type in {"epistemic", "doxastic", "investigation", "condition"}


def test_cue_types() -> None:
    assert cue_type("speculation_hypo_investigation _") == "investigation"
    assert cue_type("speculation_modal_probable_") == "epistemic"
    assert cue_type("speculation_modal_possible_") == "epistemic"
    assert cue_type("speculation_hypo_doxastic _") == "doxastic"
    assert cue_type("speculation_hypo_condition _") == "condition"


def test_attribution_verbs_are_never_gold_cues(corpora: Path) -> None:
    """The premise of 'attribution is not hedging': Szeged never marks said / according to."""
    for name in ("factbank", "wiki"):
        gold = {c.text.lower() for s in _sentences(corpora, name) for c in s.cues}
        assert not gold & {"said", "says", "say", "according to", "claimed", "told"}
