"""PLACEHOLDER: replaced by the hedge detector (issue 4)."""

from __future__ import annotations


def detect_hedges(doc):
    """Return the hedges of ``doc``."""
    return []


def detect_boosters(doc):
    """Return the boosters of ``doc``."""
    return []


CATEGORIES = (
    "epistemic",
    "belief",
    "hearsay",
    "verification",
    "weasel",
    "conditional",
    "question",
    "approximator",
)
