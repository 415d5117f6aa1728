"""The detectors' measured error, quoted beside every figure of the findings page.

Each entry is a figure printed by a script in ``benchmarks/`` and reported in the README
("Accuracy, measured"); ``tests/test_site.py`` checks that every ``figure`` below still
appears in the README, so the two cannot drift apart silently. Held-out figures are
preferred; where only development data exists, the text says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measured:
    """One measured figure: what it says, the number as the README prints it, where from."""

    what: str
    figure: str
    data: str
    script: str

    def sentence(self) -> str:
        return f"Measured error: {self.what} {self.figure} ({self.data}; {self.script})."


ACCURACY = {
    "sources": Measured(
        "source spans found, F1", "0.734",
        "PolNeAR test, 84 held-out US political articles, any-overlap match; precision "
        "0.792, recall 0.684, so about 3 in 10 of the sources people marked are missed",
        "benchmarks/polnear_attribution.py"),
    "source_type": Measured(
        "source type accuracy", "0.911",
        "20 hand-labelled BBC development articles, 113 of 124 sources; small, one labeller",
        "benchmarks/bbc_sourcing.py"),
    "cues": Measured(
        "attribution cues found, F1", "0.724",
        "PolNeAR test, any-overlap match; precision 0.818, recall 0.650",
        "benchmarks/polnear_attribution.py"),
    "stance": Measured(
        "stance accuracy on matched cues", "0.994",
        "the 16 shipped articles, which the rules were tuned on: an optimistic figure",
        "benchmarks/gold_scores.py"),
    "hedges": Measured(
        "uncertain-sentence F1", ".841",
        "held-out Szeged FactBank news sentences",
        "benchmarks/szeged_hedges.py"),
    "quotes": Measured(
        "quote recall", "0.974",
        "20 BBC development articles; precision 0.991, speaker accuracy 0.832",
        "benchmarks/bbc_sourcing.py"),
    "gender": Measured(
        "gender right where the text shows it", "0.969",
        "the 16 shipped articles, 31 of 32 person sources; 1.000 (30 of 30) on 20 BBC "
        "development articles; from a first name only, 0.857 on BBC; small, one labeller",
        "benchmarks/gold_scores.py"),
    "anonymous_unexplained": Measured(
        "unexplained-anonymity flag, precision / recall", "1.000 / 1.000",
        "the 16 shipped articles (5 of 5 flags right, 5 of 5 found); on BBC development "
        "articles 0.667 / 1.000: treat the count as a lead, not a figure",
        "benchmarks/gold_scores.py"),
    "single_source": Measured(
        "single-source flag, precision / recall", "1.000 / 1.000",
        "the 16 shipped articles (1 of 1); on BBC development articles 1.000 / 0.500 "
        "(1 of 2 found); development data, small",
        "benchmarks/gold_scores.py"),
    "dominant_source": Measured(
        "dominant-source flag, precision / recall", "0.500 / 0.500",
        "the 16 shipped articles (1 of 2 right, 1 of 2 found); 0.900 / 0.818 on BBC "
        "development articles: one attribution more or less tips the share across 0.5",
        "benchmarks/gold_scores.py"),
    "response_sought": Measured(
        "response-sought flag, precision / recall", "1.000 / 1.000",
        "the 16 shipped articles, 9 of 9; development data, small",
        "benchmarks/gold_scores.py"),
}
NOT_MEASURED = "Measured error: not yet measured for this figure; read it as indicative."


def error_note(key: str | None) -> str:
    """The measured-error sentence for ``key``, or a plain statement that there is none."""
    measured = ACCURACY.get(key or "")
    return measured.sentence() if measured else NOT_MEASURED
