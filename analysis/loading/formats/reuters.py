"""Reuters-21578 SGML (``reut2-NNN.sgm``, also gzipped): one row per story with a body.

Each ``<REUTERS ... NEWID="n">`` element is a record (key ``NEWID=n``). Kept: ``<DATE>``
(read as UTC; the collection gives no zone), ``<TITLE>`` and ``<DATELINE>``, and the
``topics``, ``places``, ``people``, ``orgs`` and ``exchanges`` lists (joined with "; "),
plus ``newid`` and ``lewissplit``. Stories without a ``<BODY>`` (title-only briefs,
unprocessed ``TYPE="UNPROC"`` text) are skips with that reason. Entities (``&lt;``,
``&#3;``) are decoded and control characters dropped. Bodies are hard-wrapped at about
70 columns with an indented first line per paragraph; lines are joined back into
paragraphs, and table rows (runs of spaces inside a line) stay one per line.
``reut2-017`` is Latin-1: the shared decoder reads it without loss. ``language`` is
"en": the collection is English newswire (tables defeat a language detector).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator

import pandas as pd

from analysis.loading.cleaning import NotText, decode
from analysis.loading.model import Article, LoadOptions, Outcome, Skip, Source

LAYOUT = "reuters21578"
_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_LIST_TAGS = ("topics", "places", "people", "orgs", "exchanges")
_DATE = re.compile(r"\d{1,2}-[A-Za-z]{3}-\d{4} \d{1,2}:\d{2}:\d{2}")
_TABLE_ROW = re.compile(r"\S(\s{3,}|\t)\S")


def _element(tag: str, sgml: str) -> str | None:
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", sgml, re.DOTALL | re.IGNORECASE)
    return match.group(1) if match else None


def _list(tag: str, sgml: str) -> str | None:
    inner = _element(tag, sgml) or ""
    items = [html.unescape(d).strip() for d in re.findall(r"<D>(.*?)</D>", inner, re.DOTALL)]
    return "; ".join(i for i in items if i) or None


def unwrap(body: str) -> str:
    """Hard-wrapped Reuters body lines joined into one line per paragraph."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            flush()
        elif _TABLE_ROW.search(stripped):
            flush()
            paragraphs.append(stripped)
        else:
            if line[:1].isspace():
                flush()
            current.append(stripped)
    flush()
    return "\n".join(paragraphs)


def parse_date(value: str | None) -> pd.Timestamp | None:
    """``26-FEB-1987 15:01:01.79`` as a UTC timestamp (None when unreadable)."""
    match = _DATE.search(value or "")
    if not match:
        return None
    try:
        moment = dt.datetime.strptime(match.group(), "%d-%b-%Y %H:%M:%S")
    except ValueError:
        return None
    return pd.Timestamp(moment, tz="UTC")


def read_sgml(source: Source, options: LoadOptions) -> Iterator[Outcome]:
    """Every story of a Reuters-21578 SGML file."""
    try:
        text = decode(source.data)
    except NotText as error:
        yield Skip(None, str(error))
        return
    stories = list(_STORY.finditer(text))
    if not stories:
        yield Skip(None, "not a Reuters-21578 SGML file (no <REUTERS> stories)")
        return
    for story in stories:
        attributes = dict(_ATTRIBUTE.findall(story.group(1)))
        sgml = story.group(2)
        key = f"NEWID={attributes.get('NEWID', '?')}"
        body = _element("BODY", sgml)
        if body is None:
            kind = re.search(r'<TEXT\b[^>]*TYPE="(\w+)"', sgml)
            detail = f' (TEXT TYPE="{kind.group(1)}")' if kind else ""
            yield Skip(key, f"story has no <BODY>{detail}")
            continue
        title = _element("TITLE", sgml)
        dateline = _element("DATELINE", sgml)
        yield Article(
            key=key,
            title=html.unescape(title) if title else None,
            text=unwrap(html.unescape(body)),
            outlet="Reuters",
            language="en",  # the collection is English newswire (its README)
            published=parse_date(_element("DATE", sgml)),
            layout=LAYOUT,
            extra={
                **{tag: _list(tag.upper(), sgml) for tag in _LIST_TAGS},
                "dateline": html.unescape(dateline).strip(" -\n") if dateline else None,
                "newid": attributes.get("NEWID"),
                "lewissplit": attributes.get("LEWISSPLIT"),
            },
        )
