"""Download pages (the only network code of the project) and load them as articles.

``fetch_articles(urls, folder=...)`` fetches each URL with trafilatura's fetcher, saves
the HTML as ``<folder>/<16 hex of sha1(url)>.html`` and returns the loaded rows, with
``url`` set to the address asked for. A failed download is a skip in the load report.
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
    import trafilatura
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
        html = trafilatura.fetch_url(url, config=config)
        if not html:
            if errors == "raise":
                raise LoadError(url, None, "download failed (no response or an HTTP error)")
            failures.append({"path": url, "record": None,
                             "reason": "download failed (no response or an HTTP error)"})
            continue
        path = target / f"{hashlib.sha1(url.encode('utf-8')).hexdigest()[:16]}.html"
        path.write_text(html, encoding="utf-8")
        saved.append((url, path))
    frame = load_articles([path for _, path in saved], errors=errors)  # type: ignore[arg-type]
    by_path = {str(path): url for url, path in saved}
    frame["url"] = frame["source_path"].map(by_path).astype("string").fillna(frame["url"])
    frame.attrs["skipped"] = failures + list(frame.attrs.get("skipped", []))
    frame.attrs["records_seen"] = len(frame) + len(frame.attrs["skipped"])
    return frame
