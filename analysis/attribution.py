"""PLACEHOLDER: replaced by the attribution detector (issue 3)."""

from __future__ import annotations


def attribute(doc):
    """Return ``(quotes, attributions)`` for ``doc``."""
    return [], []
