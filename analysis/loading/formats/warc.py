"""Web archives (``.warc``, ``.warc.gz``): every HTML response record is one article.

Read with ``warcio``. Request, metadata and non-HTML records are not articles and are
not counted. Record keys: ``response N`` (1-based, in file order); the record's
``WARC-Target-URI`` is the article's ``url``. The ``charset`` of the record's HTTP
``Content-Type`` header is the strongest label for decoding the page (as in a browser).
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from analysis.loading.formats.html import charset_of, extract
from analysis.loading.model import LoadOptions, Outcome, Skip, Source


def read_warc(source: Source, options: LoadOptions) -> Iterator[Outcome]:
    """One article per HTML response record of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(io.BytesIO(source.data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            number += 1
            key = f"response {number}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            outcome = extract(record.content_stream().read(), url=url, key=key,
                              charset=charset_of(content_type))
            yield outcome if not isinstance(outcome, Skip) else Skip(key, outcome.reason)
    except (ArchiveLoadFailed, OSError, ValueError) as error:
        yield Skip(f"response {number + 1}" if number else None, f"corrupt WARC file: {error}")
        return
    if number == 0:
        yield Skip(None, "no HTML response records in the WARC file")
