"""Download pages (the only network code of the project) and load them as articles.

``fetch_articles(urls, folder=...)`` fetches each URL (urllib3, through trafilatura's
connection pool, which refuses private addresses on every redirect), saves the HTML as
``<folder>/<16 hex of sha1(url)>.html`` and returns the loaded rows, with ``url`` set to
the address asked for. A failed download is a skip in the load report saying why. Each
URL has a budget: ``timeout`` seconds for the whole download (not per read: a server
that sends one byte a second is cut off) and ``max_bytes`` of (decompressed) body.
The page is decoded as a browser would (``formats.html.decode_page``: the charset of the
HTTP header, then the page's ``<meta>``; ISO-8859-1 read as Windows-1252) and saved as
UTF-8 with a byte order mark, which outranks the page's own, now stale, ``<meta>`` label
for browsers and for ``load_articles``.
The analysis never calls this; run it yourself, then analyse the saved files.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.loading import load_articles
from analysis.loading.model import LoadError
from analysis.paths import resolve

DEFAULT_FOLDER = "data/downloads"
DEFAULT_TIMEOUT = 30.0  # seconds per URL, the whole download
DEFAULT_FETCH_BYTES = 20_000_000  # body bytes per URL
READ_BYTES = 65_536  # at most this much per read; a read returns what has arrived


class DownloadFailed(Exception):
    """One URL could not be downloaded; the message is the load report's reason."""


def fetch_articles(
    urls: str | Iterable[str],
    *,
    folder: str | Path = DEFAULT_FOLDER,
    errors: str = "report",
    allow_private: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_FETCH_BYTES,
) -> pd.DataFrame:
    """Download ``urls``, save the HTML under ``folder`` (relative: to the repository root).

    Returns ``load_articles`` rows for the saved pages, in the order of ``urls``; a URL
    that could not be downloaded (no answer, an HTTP error, over ``timeout`` seconds or
    ``max_bytes`` bytes) is listed in ``df.attrs["skipped"]`` with the reason, or raises
    ``LoadError`` with ``errors="raise"``. Private and loopback addresses are refused
    (SSRF protection); ``allow_private=True`` lifts that, e.g. for a server on your own
    machine.
    """
    urls = [urls] if isinstance(urls, str) else list(urls)
    target = resolve(folder)
    target.mkdir(parents=True, exist_ok=True)
    saved: list[tuple[str, Path]] = []
    failures: list[dict[str, object]] = []
    for url in urls:
        try:
            html = _download(url, allow_private=allow_private, timeout=timeout,
                             max_bytes=max_bytes)
        except DownloadFailed as failure:
            if errors == "raise":
                raise LoadError(url, None, str(failure)) from None
            failures.append({"path": url, "record": None, "reason": str(failure)})
            continue
        path = target / f"{hashlib.sha1(url.encode('utf-8')).hexdigest()[:16]}.html"
        path.write_text(html, encoding="utf-8-sig")
        saved.append((url, path))
    frame = load_articles([path for _, path in saved], errors=errors)  # type: ignore[arg-type]
    by_path = {str(path): url for url, path in saved}
    frame["url"] = frame["source_path"].map(by_path).astype("string").fillna(frame["url"])
    frame.attrs["skipped"] = failures + list(frame.attrs.get("skipped", []))
    frame.attrs["records_seen"] += len(failures)
    return frame


def _body(response, *, timeout: float, max_bytes: int) -> bytes:
    """The body of ``response``, read within ``timeout`` seconds and ``max_bytes`` bytes."""
    deadline = time.monotonic() + timeout
    body = bytearray()
    while chunk := response.read1(READ_BYTES):
        body += chunk
        if len(body) > max_bytes:
            raise DownloadFailed(f"download failed: larger than {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise DownloadFailed(f"download failed: took longer than {timeout:g} s")
    return bytes(body)


def _download(url: str, *, allow_private: bool, timeout: float, max_bytes: int) -> str:
    """The page at ``url`` decoded as a browser would; raises ``DownloadFailed``."""
    import urllib3
    from trafilatura.downloads import DEFAULT_HEADERS, create_pool

    from analysis.loading.cleaning import NotText
    from analysis.loading.formats.html import charset_of, decode_page

    pool = create_pool(ssrf_protection=not allow_private)
    try:
        response = pool.request("GET", url, headers=DEFAULT_HEADERS, preload_content=False,
                                timeout=urllib3.Timeout(total=timeout),
                                retries=urllib3.Retry(total=5, connect=0))
        try:
            if response.status != 200:
                raise DownloadFailed(f"download failed: HTTP {response.status}")
            data = _body(response, timeout=timeout, max_bytes=max_bytes)
        finally:
            response.release_conn()
    except (urllib3.exceptions.HTTPError, OSError, ValueError) as error:
        raise DownloadFailed(f"download failed: {type(error).__name__}: {error}") from None
    if not data:
        raise DownloadFailed("download failed: empty response")
    try:
        return decode_page(data, charset_of(response.headers.get("content-type")))
    except NotText:
        raise DownloadFailed("download failed: the response is not text") from None
