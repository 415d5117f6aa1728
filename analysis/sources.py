"""PLACEHOLDER: replaced by the source summariser (issue 3)."""

from __future__ import annotations


def summarise_sources(doc):
    """Return the distinct sources of ``doc``."""
    return []
