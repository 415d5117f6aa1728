"""Moved to ``analysis.evaluation.scoring`` (issue 13); this name stays for one release."""

from analysis.evaluation.scoring import (  # noqa: F401
    gold_pairs,
    gold_summary,
    gold_tables,
    label_from_gold,
    polnear_summary,
    szeged_summary,
)
