"""Cases 15, 20 and 21 of ../shared/cases: charsets read as browsers read them, merged
spreadsheet cells, and TextBlob features offline.

Each case has a test on the case file (skipped, saying so, when ../shared/cases is absent)
and self-contained tests of the same kind of input, built in ``tmp_path``.
"""

from __future__ import annotations

import functools
import http.server
import io
import threading

import nltk
import pandas as pd
import pytest

import analysis
from analysis.nlp import text
from analysis.paths import REPO_ROOT

CASES = REPO_ROOT.parent / "shared" / "cases"


def case_file(name: str):
    path = CASES / name
    if not path.is_file():
        pytest.skip(f"needs the case file {path} (absent in a fresh clone)")
    return path


def load_one(path) -> pd.Series:
    df = analysis.load_articles(path)
    assert len(df) == 1, analysis.skipped(df)
    return df.iloc[0]


def _words_in(expected: str, *fields: str | None) -> bool:
    wanted = set(expected.lower().split())
    return any(wanted <= set((field or "").lower().split()) for field in fields)


# --- 15: a page labelled ISO-8859-1 that holds Windows-1252 bytes ---------------------

BODY_1252 = (
    b"<p>The caf\xe9 owner, Jos\xe9 M\xfcller, said the prize was \x93a surprise\x94 for the "
    b"whole street and that he would keep the doors open late on Friday night.</p>"
    b"<p>The staff had worked through the winter \x96 and the owner said it was "
    b"\x93paid in cash\x94 by the regulars who came back every single week.</p>"
)


def page_1252(head: bytes = b"") -> bytes:
    return (b"<!DOCTYPE html>\n<html lang=\"en\"><head>" + head
            + b"<title>Caf\xe9 owner wins award</title></head><body><article>"
            + b"<h1>Caf\xe9 owner wins award</h1>" + BODY_1252 + b"</article></body></html>")


def assert_cp1252_text(row: pd.Series) -> None:
    body = row["text"]
    assert "\u201ca surprise\u201d" in body and "\u201cpaid in cash\u201d" in body
    assert "winter \u2013 and" in body
    assert "Jos\u00e9 M\u00fcller" in body and row["title"] == "Caf\u00e9 owner wins award"
    assert not any("\x80" <= ch <= "\x9f" for ch in body)


@pytest.mark.parametrize("head", [
    b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    b'<meta charset="iso-8859-1">',
    b"<meta charset=latin1>",
    b'<meta charset="US-ASCII">',
    b"",  # no label: the detector's Latin-1 guess is read as Windows-1252 too
])
def test_15_latin1_label_reads_as_windows_1252(tmp_path, head):
    path = tmp_path / "page.html"
    path.write_bytes(page_1252(head))
    assert_cp1252_text(load_one(path))


def test_15_utf8_bytes_under_a_stale_latin1_label_stay_utf8(tmp_path):
    path = tmp_path / "saved.html"
    path.write_bytes(page_1252(b'<meta charset="iso-8859-1">').decode("cp1252").encode("utf-8"))
    assert_cp1252_text(load_one(path))


# A wrong <meta> label: the HTTP header outranks it, as in browsers.
GREEK_META = b'<meta charset="iso-8859-7">'


def test_15_warc_http_header_charset_reads_as_windows_1252(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=ISO-8859-1")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.org/cafe", "response", payload=io.BytesIO(page_1252(GREEK_META)),
            http_headers=headers))
    assert_cp1252_text(load_one(path))


def test_15_fetch_reads_the_http_charset_and_saves_utf8(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "cafe.html").write_bytes(page_1252(GREEK_META))  # the header says Latin-1

    class Latin1Handler(http.server.SimpleHTTPRequestHandler):
        def guess_type(self, path):
            return "text/html; charset=ISO-8859-1"

        def log_message(self, *args):
            pass

    handler = functools.partial(Latin1Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/cafe.html"
        df = analysis.fetch_articles(url, folder=tmp_path / "downloads", allow_private=True)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert len(df) == 1, analysis.skipped(df)
    assert_cp1252_text(df.iloc[0])
    saved = next((tmp_path / "downloads").glob("*.html")).read_text(encoding="utf-8-sig")
    assert "\u201ca surprise\u201d" in saved


def test_15_latin1_declared_cp1252_case_file():
    row = load_one(case_file("15_latin1_declared_cp1252.html"))
    body = row["text"]
    assert "\u201ca surprise\u201d" in body and "\u201cpaid in cash\u201d" in body
    assert "winter \u2014 all" in body
    assert not any("\x80" <= ch <= "\x9f" for ch in body)
    quotes = analysis.analyse(body).quotes
    assert [(q.text, q.kind) for q in quotes] == [
        ("a surprise", "partial"), ("paid in cash", "partial"),
    ]
    assert all(_words_in("Jos\u00e9 M\u00fcller", q.speaker) for q in quotes), quotes


# --- 20: a cell merged over several rows ----------------------------------------------

STORY = ("The council voted on Tuesday to close the old bridge for repairs after engineers "
         "found corroded supports.")


def test_20_merged_cells_fill_their_whole_range(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["outlet", "title", "text", "section", "note"])
    for n in range(1, 5):
        sheet.append([None, f"Story {n}", f"{STORY} Part {n}.", None, None])
    sheet.append([None, None, None, None, None])  # blank row inside the outlet's range
    sheet["A2"] = "Valley Courier"
    sheet.merge_cells("A2:A6")  # down a column
    sheet["D2"] = "Local"
    sheet.merge_cells("D2:E3")  # over two columns and two rows
    sheet["D4"] = "Sport"
    sheet.merge_cells("D4:D5")
    book.save(tmp_path / "merged.xlsx")
    df = analysis.load_articles(tmp_path / "merged.xlsx")
    assert analysis.skipped(df).empty  # the blank row stays blank, no "no text" skip
    assert df["title"].tolist() == ["Story 1", "Story 2", "Story 3", "Story 4"]
    assert df["outlet"].tolist() == ["Valley Courier"] * 4
    assert df["section"].tolist() == ["Local", "Local", "Sport", "Sport"]


def test_20_xlsx_merged_outlet_case_file():
    df = analysis.load_articles(case_file("20_xlsx_merged_outlet.xlsx"))
    assert analysis.skipped(df).empty
    assert len(df) == 3
    assert df["outlet"].tolist() == ["Valley Courier"] * 3


# --- 21: TextBlob offline: noun phrases from the Pattern chunker, WordNet's absence ----

@pytest.fixture
def no_nltk_data(monkeypatch):
    """Only the package's own punkt_tab folder on NLTK's path (as on a fresh machine)."""
    monkeypatch.setattr(nltk.data, "path", [str(text.install_nltk_data())])
    text._require_once.cache_clear()
    yield
    text._require_once.cache_clear()


def case_21_text() -> str:
    return case_file("21_textblob_offline.txt").read_text(encoding="utf-8").strip()


CASE_21 = ("The chief executive opened the board meeting. The chief executive waited in line. "
           "Reporters asked about the merger.")


def test_21_noun_phrases_offline(no_nltk_data):
    phrases = analysis.blob(CASE_21).noun_phrases
    assert phrases == ["chief executive", "board meeting", "chief executive", "line",
                       "reporters", "merger"]
    assert analysis.blob(CASE_21).np_counts["chief executive"] == 2
    assert analysis.blob(CASE_21).sentences[0].noun_phrases == ["chief executive",
                                                                "board meeting"]


def test_21_noun_phrases_keep_the_words_of_the_text(no_nltk_data):
    phrases = analysis.blob("The minister\u2019s aide met the U.S. envoy on 5/6 May.").noun_phrases
    assert phrases == ["minister", "aide", "u.s. envoy", "5/6 may"]


def test_21_wordnet_features_raise_the_products_error(no_nltk_data):
    words = analysis.blob(CASE_21).words
    for call in (lambda: words[2].lemmatize(), lambda: words[2].lemma,
                 lambda: words.lemmatize(), lambda: words[2].synsets,
                 lambda: words[2].definitions):
        with pytest.raises(text.MissingResourceError) as caught:
            call()
        message = str(caught.value)
        assert "wordnet" in message and "never downloads" in message
        assert "python -m nltk.downloader wordnet" in message and "NLTK_DATA" in message
        assert "download_corpora" not in message and "textblob.download" not in message
    with pytest.raises(text.MissingResourceError, match=r"Word\.lemmatize\(\)"):
        words[2].lemmatize("v")


def test_21_textblob_offline_case_file(no_nltk_data):
    b = analysis.blob(case_21_text())
    phrases = b.noun_phrases
    assert "chief executive" in phrases and "board meeting" in phrases and "merger" in phrases
    with pytest.raises(text.MissingResourceError) as caught:
        b.words[0].lemmatize()
    message = str(caught.value)
    assert "corpora/wordnet" in message and "nltk.downloader wordnet" in message
    assert "download_corpora" not in message
