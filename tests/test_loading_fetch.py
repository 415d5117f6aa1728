"""fetch_articles against a local HTTP server on 127.0.0.1 (all other sockets blocked)."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from test_loading_formats import ARTICLE_HTML

import analysis


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "bridge.html").write_text(ARTICLE_HTML, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[assignment]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_saves_html_and_returns_rows(server, tmp_path):
    urls = [f"{server}/bridge.html", f"{server}/missing.html"]
    df = analysis.fetch_articles(urls, folder=tmp_path / "downloads", allow_private=True)
    assert df["url"].tolist() == [urls[0]]
    assert df["title"].iloc[0] == "Bridge closes for repairs"
    saved = list((tmp_path / "downloads").glob("*.html"))
    assert len(saved) == 1 and "Ana Ruiz" in saved[0].read_text(encoding="utf-8")
    assert df["source_path"].iloc[0] == str(saved[0])
    report = analysis.skipped(df)
    assert report["path"].tolist() == [urls[1]]
    assert report["reason"].iloc[0].startswith("download failed")
    assert df.attrs["records_seen"] == 2


def test_private_addresses_are_refused_by_default(server, tmp_path):
    df = analysis.fetch_articles(f"{server}/bridge.html", folder=tmp_path / "d")
    assert df.empty and analysis.skipped(df)["reason"].str.startswith("download failed").all()
