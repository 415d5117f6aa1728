"""PLACEHOLDER: replaced by the loaders (issue 2)."""

from __future__ import annotations


def load_articles(paths, *, recursive=True, errors="report"):
    raise NotImplementedError


def skipped(df):
    raise NotImplementedError


def polnear_gold(root, split):
    raise NotImplementedError


def fetch_articles(urls):
    raise NotImplementedError
