"""Web archives (``.warc``, ``.warc.gz``): every HTML response record is one article.

Read with ``warcio``. Request, metadata and non-HTML response records are not articles
and are not counted. A response record whose HTTP headers are missing (cut short) is
counted and skipped: it may have been a page. Record keys: ``response N`` (1-based, in
file order, counting the records that are or may be pages); the record's
``WARC-Target-URI`` is the article's ``url``. The ``charset`` of the record's HTTP
``Content-Type`` header is the strongest label for decoding the page (as in a browser).
A file cut inside a record's headers loads the records before the cut; the cut record
is a skip. warcio ends quietly on a record cut right after its first header lines, so
the ``WARC/1.x`` lines that open records are also counted in the raw bytes: each record
found there that warcio did not return is a skip ("cut short"). A page over
``Limits.max_record_bytes`` is a skip ("too large").
"""

from __future__ import annotations

import io
import re
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
    """A response record with an HTML content type, or without one (headers cut short)."""
    if record.rec_type != "response":
        return False
    if record.http_headers is None:
        return True
    content_type = record.http_headers.get_header("Content-Type")
    return content_type is None or "html" in content_type.lower()


_RECORD_START = re.compile(rb"(?:\A|\n)WARC/1\.[01]\r?\n")


def _cut_records(data: bytes, returned: int, number: int) -> list[Skip]:
    """A skip for each record that opens in ``data`` but was not ``returned`` by warcio."""
    missing = len(_RECORD_START.findall(data)) - returned
    return [Skip(f"response {number + k}", "WARC record cut short at the end of the file")
            for k in range(1, missing + 1)]


def read_warc(source: Source, options: LoadOptions, tally: Tally) -> Iterator[Outcome]:
    """One article per HTML response record of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    number = returned = 0
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
        returned += 1
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
    cut = _cut_records(source.data, returned, number)
    tally.add(len(cut))
    yield from cut
    if number + len(cut) == 0:
        yield Skip(None, "no HTML response records in the WARC file")
