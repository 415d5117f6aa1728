"""Download pages (the only network code of the project) and load them as articles.

``fetch_articles(urls, folder=...)`` fetches each URL with trafilatura's fetcher, saves
the HTML as ``<folder>/<16 hex of sha1(url)>.html`` and returns the loaded rows, with
``url`` set to the address asked for. A failed download is a skip in the load report.
The page is decoded as a browser would (``formats.html.decode_page``: the charset of the
HTTP header, then the page's ``<meta>``; ISO-8859-1 read as Windows-1252) and saved as
UTF-8 with a byte order mark, which outranks the page's own, now stale, ``<meta>`` label
for browsers and for ``load_articles``.
The analysis never calls this; run it yourself, then analyse the saved files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.paths import resolve

DEFAULT_FOLDER = "data/downloads"


def fetch_articles(
    urls: str | Iterable[str],
    *,
    folder: str | Path = DEFAULT_FOLDER,
    errors: str = "report",
    allow_private: bool = False,
) -> pd.DataFrame:
    """Download ``urls``, save the HTML under ``folder`` (relative: to the repository root).

    Returns ``load_articles`` rows for the saved pages, in the order of ``urls``; a URL
    that could not be downloaded is listed in ``df.attrs["skipped"]`` with the reason.
    trafilatura refuses private and loopback addresses (SSRF protection);
    ``allow_private=True`` lifts that, e.g. for a server on your own machine.
    """
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "SSRF_PROTECTION", "False" if allow_private else "True")

    from analysis.loading import LoadError, load_articles

    urls = [urls] if isinstance(urls, str) else list(urls)
    target = resolve(folder)
    target.mkdir(parents=True, exist_ok=True)
    saved: list[tuple[str, Path]] = []
    failures: list[dict[str, object]] = []
    for url in urls:
        html = _download(url, config)
        if html is None:
            if errors == "raise":
                raise LoadError(url, None, "download failed (no response or an HTTP error)")
            failures.append({"path": url, "record": None,
                             "reason": "download failed (no response or an HTTP error)"})
            continue
        path = target / f"{hashlib.sha1(url.encode('utf-8')).hexdigest()[:16]}.html"
        path.write_text(html, encoding="utf-8-sig")
        saved.append((url, path))
    frame = load_articles([path for _, path in saved], errors=errors)  # type: ignore[arg-type]
    by_path = {str(path): url for url, path in saved}
    frame["url"] = frame["source_path"].map(by_path).astype("string").fillna(frame["url"])
    frame.attrs["skipped"] = failures + list(frame.attrs.get("skipped", []))
    frame.attrs["records_seen"] = len(frame) + len(frame.attrs["skipped"])
    return frame


def _download(url: str, config) -> str | None:
    """The page at ``url`` decoded as a browser would, or None (no 200 response, or a
    size trafilatura refuses; the same checks as ``trafilatura.fetch_url``)."""
    from trafilatura import fetch_response
    from trafilatura.settings import Extractor
    from trafilatura.utils import handle_compressed_file, is_acceptable_length

    from analysis.loading.cleaning import NotText
    from analysis.loading.formats.html import charset_of, decode_page

    response = fetch_response(url, config=config)
    if not response or not response.data or response.status != 200:
        return None
    data = handle_compressed_file(response.data, config.getint("DEFAULT", "MAX_FILE_SIZE"))
    if not is_acceptable_length(len(data), Extractor(config=config)):
        return None
    try:
        return decode_page(data, charset_of((response.headers or {}).get("content-type")))
    except NotText:
        return None
