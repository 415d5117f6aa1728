"""Outcomes to the article table: cleaning, ids, dates, languages, duplicates, dtypes.

``finish`` turns one ``Article`` (raw text from a reader) into one row; ``build`` makes
the DataFrame with the documented columns and dtypes, in order, also when empty.

Values changed on the way are noted on the article (``Article.notes``; the load report's
``notes``): a date outside what ``datetime64[ns]`` holds (1677-09-21 to 2262-04-11;
year 1 is a common "zero time") becomes NaT, and a lone UTF-16 surrogate (a legal JSON
escape for half an emoji, which no UTF-8 file or Parquet table can hold) becomes U+FFFD.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pandas as pd

from analysis.loading import language
from analysis.loading.cleaning import normalise, split_boilerplate
from analysis.loading.model import Article, LoadOptions, Skip, Source
from analysis.nlp.text import count_words

COLUMNS: dict[str, str] = {
    "article_id": "string", "title": "string", "text": "string", "outlet": "string",
    "author": "string", "published": "datetime64[ns, UTC]", "url": "string",
    "section": "string", "language": "string", "source_path": "string", "n_words": "Int64",
    "boilerplate": "string", "duplicate_of": "string",
}


def article_id(relative: str, key: str = "") -> str:
    """16 hex digits of the SHA-1 of the relative path (plus ``#key`` for a record in it).

    >>> article_id("000_1f5ea510983bc6a6.txt")
    '01a109a6af3bf2b5'
    """
    name = f"{relative}#{key}" if key else relative
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]


_EARLIEST, _LATEST = (pd.Timestamp.min.tz_localize("UTC"), pd.Timestamp.max.tz_localize("UTC"))
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_date(value: object) -> tuple[pd.Timestamp | None, str | None]:
    """``(UTC timestamp or None, note)``: the note says why a date given became NaT
    when it lies outside the ``datetime64[ns]`` range (unreadable dates are just None).

    >>> read_date("0001-01-01T00:00:00Z")[1]
    'published 0001-01-01T00:00:00Z is outside 1677-09-21..2262-04-11: set to NaT'
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    try:
        stamp = pd.Timestamp(value)
        if pd.isna(stamp):
            return None, None
        stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    except (ValueError, TypeError, OverflowError):
        return None, None
    if not _EARLIEST <= stamp <= _LATEST:
        return None, f"published {value} is outside 1677-09-21..2262-04-11: set to NaT"
    return stamp, None


def parse_date(value: object) -> pd.Timestamp | None:
    """A UTC timestamp from a string, date or datetime (naive means UTC); None if unknown
    or outside the ``datetime64[ns]`` range (see ``read_date``)."""
    return read_date(value)[0]


_TEXT_FIELDS = ("title", "text", "outlet", "author", "url", "section", "language")


def _without_surrogates(value: object, name: str, notes: list[str]) -> object:
    if isinstance(value, str) and not value.isascii() and _SURROGATE.search(value):
        notes.append(f"lone surrogate in {name} replaced with U+FFFD")
        return _SURROGATE.sub("\ufffd", value)
    return value


def _replace_surrogates(article: Article) -> None:
    """Lone surrogates in the article's strings become U+FFFD, each field noted once."""
    for name in _TEXT_FIELDS:
        setattr(article, name, _without_surrogates(getattr(article, name), name, article.notes))
    article.extra = {name: _without_surrogates(value, name, article.notes)
                     for name, value in article.extra.items()}


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    value = normalise(str(value)).replace("\n", " ")
    return value or None


def finish(article: Article, source: Source, options: LoadOptions) -> dict[str, object] | Skip:
    """The table row of one article, or a ``Skip`` when no text is left after clean-up.

    Values changed on the way are appended to ``article.notes`` (module docstring).
    """
    _replace_surrogates(article)
    published, note = read_date(article.published)
    if note:
        article.notes.append(note)
    text = article.text if article.normalised else normalise(article.text)
    lines = [line for line in text.split("\n") if line]
    removed = list(article.boilerplate)
    if options.boilerplate and lines:
        lines, footer = split_boilerplate(lines)
        removed += footer
    text = "\n".join(lines)
    if not text:
        reason = "no text left after removing boilerplate" if removed else "empty text"
        return Skip(article.key or None, reason)
    declared = language.normalise_code(article.language)
    detected = language.detect(text) if options.detect_language and not declared else None
    return {
        "article_id": article_id(source.relative, article.key),
        "title": _one_line(article.title),
        "text": text,
        "outlet": _one_line(article.outlet),
        "author": _one_line(article.author),
        "published": published,
        "url": _one_line(article.url),
        "section": _one_line(article.section)
        or (source.folder if article.folder_is_section else None),
        "language": declared or detected,
        "source_path": source.display,
        "n_words": count_words(text),
        "boilerplate": "\n".join(removed) or None,
        "duplicate_of": None,
        **article.extra,
    }


BATCH_ROWS = 1000  # rows turned into typed columns at a time
BATCH_CHARS = 8_000_000  # or sooner, when their texts hold this many characters


class Builder:
    """The article table, built a batch of rows at a time.

    Each batch becomes typed columns (the text in pandas' ``string`` dtype, Arrow memory)
    as soon as it is full, and its Python objects are freed, so building a table costs
    about the table's own size in memory, not a multiple of it. Duplicates are found as
    rows arrive, by the SHA-1 of their text: ``duplicate_of`` is the ``article_id`` of
    the first row with the same text.
    """

    def __init__(self) -> None:
        self._frames: list[pd.DataFrame] = []
        self._rows: list[dict[str, object]] = []
        self._chars = 0
        self._first: dict[bytes, object] = {}

    def add(self, row: dict[str, object]) -> None:
        """Add one row (a dict from ``finish``)."""
        text = str(row["text"])
        first = self._first.setdefault(
            hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest(), row["article_id"])
        row["duplicate_of"] = first if first != row["article_id"] else None
        self._rows.append(row)
        self._chars += len(text)
        if len(self._rows) >= BATCH_ROWS or self._chars >= BATCH_CHARS:
            self._flush()

    def _flush(self) -> None:
        if self._rows or not self._frames:
            self._frames.append(_typed(self._rows))
        self._rows, self._chars = [], 0

    def frame(self) -> pd.DataFrame:
        """The table: core columns first (documented dtypes), then layout extras."""
        self._flush()
        frames, self._frames = self._frames, []
        frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        for column in frame.columns:
            if column not in COLUMNS:  # missing from a batch: NaN there
                frame[column] = frame[column].astype("string")
        return frame


def _typed(rows: list[dict[str, object]]) -> pd.DataFrame:
    extras = list(dict.fromkeys(k for row in rows for k in row if k not in COLUMNS))
    frame = pd.DataFrame(rows, columns=[*COLUMNS, *extras])
    frame["published"] = pd.to_datetime(frame["published"], utc=True).astype(
        "datetime64[ns, UTC]"
    )
    frame = frame.astype({k: v for k, v in COLUMNS.items() if k != "published"})
    for column in extras:
        frame[column] = frame[column].astype("string")
    return frame


def with_article_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of an article table read as it is (a Parquet article table) with the
    ``title`` (empty) and ``language`` (missing) columns it may lack, as ``string``."""
    frame = frame.copy()
    if "title" not in frame:
        frame["title"] = pd.Series("", index=frame.index, dtype="string")
    if "language" not in frame:
        frame["language"] = pd.Series(pd.NA, index=frame.index, dtype="string")
    return frame


def build(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The article table of ``rows`` (see ``Builder``)."""
    builder = Builder()
    for row in rows:
        builder.add(row)
    return builder.frame()
