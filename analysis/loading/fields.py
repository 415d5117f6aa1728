"""Field names of structured records (json, jsonl, csv, xlsx) mapped to the table's columns.

A record's keys are compared after lower-casing and dropping everything but letters and
digits, so ``articleBody``, ``article_body`` and ``Article Body`` are one name. For each
column the first name found wins, in the order below. Pass
``load_articles(..., fields={"text": "story", "published": ["issued", "day"]})`` to try
your own names first (they are compared the same way).

========== ==================================================================
column     names tried (in order)
========== ==================================================================
title      title, headline, head, name
text       text, body, content, articleBody, article, story, fulltext, maintext,
           bodytext, description
published  published, date, publish_date, published_at, publication_date,
           datePublished, pubdate, datetime, time, created_at
outlet     outlet, publication, publisher, sitename, site_name, source, site,
           newspaper, media, domain
author     author, authors, byline, creator, writer, by
url        url, link, href, uri, source_url, permalink
section    section, category, categories, topic, desk, rubric
language   language, lang, locale
========== ==================================================================
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "head", "name"),
    "text": ("text", "body", "content", "articleBody", "article", "story", "fulltext",
             "maintext", "bodytext", "description"),
    "published": ("published", "date", "publish_date", "published_at", "publication_date",
                  "datePublished", "pubdate", "datetime", "time", "created_at"),
    "outlet": ("outlet", "publication", "publisher", "sitename", "site_name", "source",
               "site", "newspaper", "media", "domain"),
    "author": ("author", "authors", "byline", "creator", "writer", "by"),
    "url": ("url", "link", "href", "uri", "source_url", "permalink"),
    "section": ("section", "category", "categories", "topic", "desk", "rubric"),
    "language": ("language", "lang", "locale"),
}


def squash(name: object) -> str:
    """A field name compared loosely: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", str(name).lower())


def field_map(
    keys: Sequence[object], overrides: Mapping[str, str | Sequence[str]] | None = None
) -> dict[str, object]:
    """Which of ``keys`` feeds each column: ``{"text": "body", "title": "headline", ...}``.

    >>> field_map(["Headline", "articleBody", "publish_date", "x"])
    {'title': 'Headline', 'text': 'articleBody', 'published': 'publish_date'}
    """
    by_squashed: dict[str, object] = {}
    for key in keys:
        by_squashed.setdefault(squash(key), key)
    mapping: dict[str, object] = {}
    used: set[object] = set()
    for column, names in FIELD_NAMES.items():
        extra = (overrides or {}).get(column, ())
        extra = (extra,) if isinstance(extra, str) else tuple(extra)
        for name in (*extra, *names):
            key = by_squashed.get(squash(name))
            if key is not None and key not in used:
                mapping[column] = key
                used.add(key)
                break
    return mapping


def as_text(value: object) -> str | None:
    """A field value as one string: lists joined with "; ", ``{"name": ...}`` unwrapped."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from a spreadsheet
        return None
    if isinstance(value, Mapping):
        for key in ("name", "text", "value", "@value"):
            if key in value:
                return as_text(value[key])
        return None
    if isinstance(value, list | tuple):
        parts = [part for part in (as_text(v) for v in value) if part]
        return "; ".join(parts) or None
    text = str(value).strip()
    return text or None
