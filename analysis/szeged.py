"""Moved to ``analysis.evaluation.szeged_gold`` (issue 13); this name stays for one release."""

from analysis.evaluation.szeged_gold import (  # noqa: F401
    CUE_TYPES,
    GoldCue,
    GoldSentence,
    cue_type,
    read_szeged,
)
