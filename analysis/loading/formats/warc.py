"""Web archives (``.warc``, ``.warc.gz``): every HTML response record is one article.

Read with ``warcio``. Request, metadata and non-HTML response records are not articles
and are not counted. A response record whose HTTP headers are missing (cut short) is
counted and skipped: it may have been a page. Record keys: ``response N`` (1-based, in
file order, counting the records that are or may be pages); the record's
``WARC-Target-URI`` is the article's ``url``. The ``charset`` of the record's HTTP
``Content-Type`` header is the strongest label for decoding the page (as in a browser).
A file cut inside a record's headers loads the records before the cut; the cut record
is a skip. A page over ``Limits.max_record_bytes`` is a skip ("too large").
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from analysis.loading.formats.html import charset_of, extract
from analysis.loading.model import LoadOptions, Outcome, Skip, Source, Tally


def _page(record, key: str, options: LoadOptions) -> Outcome:
    """The article of one response record that is (or may be) an HTML page."""
    if record.http_headers is None:
        return Skip(key, "response record without HTTP headers (cut short?)")
    limit = options.limits.max_record_bytes
    payload = record.content_stream().read(limit + 1)
    if len(payload) > limit:
        return Skip(key, f"too large: page over the limit of {limit:,} bytes")
    content_type = record.http_headers.get_header("Content-Type") or ""
    url = record.rec_headers.get_header("WARC-Target-URI")
    outcome = extract(payload, url=url, key=key, charset=charset_of(content_type),
                      max_elements=options.limits.max_elements)
    return outcome if not isinstance(outcome, Skip) else Skip(key, outcome.reason)


def _is_page(record) -> bool:
    """A response record with an HTML content type, or whose HTTP headers are missing."""
    if record.rec_type != "response":
        return False
    if record.http_headers is None:
        return True
    return "html" in (record.http_headers.get_header("Content-Type") or "").lower()


def read_warc(source: Source, options: LoadOptions, tally: Tally) -> Iterator[Outcome]:
    """One article per HTML response record of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    records = iter(ArchiveIterator(io.BytesIO(source.data)))
    while True:
        try:
            record = next(records, None)
        except Exception as error:  # warcio raises many types on a cut or broken record
            tally.add()
            yield Skip(f"response {number + 1}",
                       f"corrupt WARC file from here on: {type(error).__name__}: {error}")
            return
        if record is None:
            break
        if not _is_page(record):
            continue
        number += 1
        tally.add()
        try:
            outcome = _page(record, f"response {number}", options)
        except Exception as error:  # a payload cut inside the record
            outcome = Skip(f"response {number}",
                           f"corrupt WARC record: {type(error).__name__}: {error}")
        yield outcome
    if number == 0:
        yield Skip(None, "no HTML response records in the WARC file")
