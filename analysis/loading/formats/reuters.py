"""Reuters-21578 SGML (``reut2-NNN.sgm``, also gzipped): one row per story with a body.

Each ``<REUTERS ... NEWID="n">`` element is a record (key ``NEWID=n``). Kept: ``<DATE>``
(read as UTC; the collection gives no zone), ``<TITLE>`` and ``<DATELINE>``, and the
``topics``, ``places``, ``people``, ``orgs`` and ``exchanges`` lists (joined with "; "),
plus ``newid`` and ``lewissplit``. Stories without a ``<BODY>`` (title-only briefs,
unprocessed ``TYPE="UNPROC"`` text) are skips with that reason, and so is a story cut
before its ``</REUTERS>`` ("truncated story") or holding more than
``Limits.max_elements`` tags. Entities (``&lt;``,
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
from analysis.loading.model import Article, LoadOptions, Outcome, Skip, Source, Tally

LAYOUT = "reuters21578"
# Stories are cut at each opening tag and closed with str.find: linear time on any input
# (a pattern spanning a story backtracks over the rest of the file when a story is cut).
_OPEN = re.compile(r"<REUTERS\b")
_TAG_END = re.compile(r"[^>]{0,2000}>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_LIST_TAGS = ("topics", "places", "people", "orgs", "exchanges")
_DATE = re.compile(r"\d{1,2}-[A-Za-z]{3}-\d{4} \d{1,2}:\d{2}:\d{2}")
_TABLE_ROW = re.compile(r"\S(\s{3,}|\t)\S")


def _element(tag: str, sgml: str) -> str | None:
    """The content of the first ``<tag ...>`` up to its ``</tag>`` (None if either is missing)."""
    opening = re.search(rf"<{tag}\b[^>]{{0,2000}}>", sgml, re.IGNORECASE)
    if opening is None:
        return None
    closing = re.compile(rf"</{tag}>", re.IGNORECASE).search(sgml, opening.end())
    return sgml[opening.end() : closing.start()] if closing else None


def _list(tag: str, sgml: str) -> str | None:
    """The ``<D>`` items of a list element, joined with "; " (an unclosed item ends there)."""
    inner = _element(tag, sgml) or ""
    pieces = (piece.partition("</D>")[0] for piece in inner.split("<D>")[1:])
    items = [html.unescape(piece).strip() for piece in pieces]
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


def _story(segment: str, number: int, options: LoadOptions) -> Outcome:
    """One story: ``segment`` runs from its ``<REUTERS`` to the next one (or the end)."""
    head = _TAG_END.match(segment, len("<REUTERS"))
    attributes = dict(_ATTRIBUTE.findall(head.group())) if head else {}
    key = f"NEWID={attributes['NEWID']}" if "NEWID" in attributes else f"story {number}"
    if head is None:
        return Skip(key, "malformed <REUTERS> tag (no closing '>')")
    close = segment.find("</REUTERS>", head.end())
    if close < 0:
        return Skip(key, "truncated story (no </REUTERS>)")
    sgml = segment[head.end() : close]
    limit = options.limits.max_elements
    if sgml.count("<") > limit:
        return Skip(key, f"too many SGML elements: more than {limit:,} tags "
                         "(Limits.max_elements)")
    body = _element("BODY", sgml)
    if body is None:
        kind = re.search(r'<TEXT\b[^>]{0,200}TYPE="(\w+)"', sgml)
        detail = f' (TEXT TYPE="{kind.group(1)}")' if kind else ""
        return Skip(key, f"story has no <BODY>{detail}")
    title = _element("TITLE", sgml)
    dateline = _element("DATELINE", sgml)
    return Article(
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


def read_sgml(source: Source, options: LoadOptions, tally: Tally) -> Iterator[Outcome]:
    """Every story of a Reuters-21578 SGML file (each ``<REUTERS`` opens one)."""
    try:
        text = decode(source.data)
    except NotText as error:
        yield Skip(None, str(error))
        return
    starts = [match.start() for match in _OPEN.finditer(text)]
    if not starts:
        yield Skip(None, "not a Reuters-21578 SGML file (no <REUTERS> stories)")
        return
    for number, (start, end) in enumerate(zip(starts, [*starts[1:], len(text)],
                                              strict=True), start=1):
        tally.add()
        yield _story(text[start:end], number, options)
