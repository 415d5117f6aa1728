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


class _Drip(http.server.BaseHTTPRequestHandler):
    """Sends a page one byte at a time, 0.05 s apart (a slow-loris server)."""

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for byte in ARTICLE_HTML.encode():
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            threading.Event().wait(0.05)

    def log_message(self, *args):
        pass


def test_a_url_has_a_time_and_a_size_budget(server, tmp_path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    slow = f"http://127.0.0.1:{httpd.server_address[1]}/slow.html"
    try:
        df = analysis.fetch_articles([slow, f"{server}/bridge.html"], folder=tmp_path / "d",
                                     allow_private=True, timeout=0.5, max_bytes=10_000_000)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert df["title"].tolist() == ["Bridge closes for repairs"]
    assert analysis.skipped(df)["reason"].tolist() == ["download failed: took longer than 0.5 s"]
    assert df.attrs["records_seen"] == 2
    small = analysis.fetch_articles(f"{server}/bridge.html", folder=tmp_path / "d",
                                    allow_private=True, max_bytes=100)
    assert analysis.skipped(small)["reason"].tolist() == [
        "download failed: larger than 100 bytes"]
