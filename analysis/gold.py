"""Moved to ``analysis.evaluation.polnear_gold`` (issue 13); this name stays for one release."""

from analysis.evaluation.polnear_gold import (  # noqa: F401
    COLUMNS,
    SPLITS,
    parse_ann,
    polnear_gold,
    polnear_texts,
)
