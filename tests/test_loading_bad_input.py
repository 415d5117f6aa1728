"""Bad input: every bad record is a skip with a clear reason, and a batch never stops."""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile

import pytest

import analysis
from analysis.loading import LoadError, files

GOOD = "A good story\nThe council met on Monday and agreed the budget for next year.\n"


def reasons(df) -> dict[str, str]:
    """``{file name (+ record): reason}`` of a load report."""
    return {
        os.path.basename(item["path"]) + (f" [{item['record']}]" if item["record"] else ""):
        item["reason"]
        for item in df.attrs["skipped"]
    }


@pytest.fixture
def bad_folder(tmp_path):
    """One folder holding a good file and one of each kind of bad input."""
    (tmp_path / "00_good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n \r\n")
    (tmp_path / "garbage.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "headline_only.txt").write_text("Just a headline\n\n")
    (tmp_path / "truncated.json.gz").write_bytes(gzip.compress(json.dumps(
        {"title": "T", "text": "Body " * 500}).encode())[:60])
    (tmp_path / "corrupt.zip").write_bytes(b"PK\x03\x04 this is not really a zip archive")
    (tmp_path / "malformed.json").write_text('{"title": "T", "text": "unterminated')
    (tmp_path / "no_text.csv").write_text("headline,when,who\nA,2024-01-01,Jo\nB,2024-01-02,Al\n")
    (tmp_path / "no_article.html").write_text("<html><head><title>x</title></head>"
                                              "<body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "photo.jpeg").write_bytes(b"\xff\xd8\xff\xe0 not parsed")
    (tmp_path / "notes").write_text(GOOD)
    (tmp_path / "header_only.csv").write_text("title,text\n")
    (tmp_path / "list.json").write_text(json.dumps([{"title": "T", "text": "Body."}, 5, {}]))
    return tmp_path


def test_each_bad_input_has_a_clear_reason(bad_folder):
    df = analysis.load_articles(bad_folder)
    assert df["title"].tolist() == ["A good story", "T"]
    got = reasons(df)
    assert got == {
        "blank.txt": "only whitespace, no text",
        "corrupt.zip": "corrupt zip file: File is not a zip file",
        "empty.txt": "empty file",
        "garbage.txt": "binary content, not text",
        "header_only.csv": "no data rows (header only)",
        "headline_only.txt": "only one line: a headline without a body",
        "list.json [item 2]": "list item is a int, not a JSON object",
        "list.json [item 3]": "no text field; fields found: none",
        "malformed.json": got["malformed.json"],
        "no_article.html": "no article text found in the HTML page",
        "no_text.csv [row 2]": "no text field; fields found: headline, when, who",
        "no_text.csv [row 3]": "no text field; fields found: headline, when, who",
        "notes": got["notes"],
        "photo.jpeg": got["photo.jpeg"],
        "truncated.json.gz": "truncated gzip file (compressed data ends early)",
    }
    assert got["malformed.json"].startswith("malformed JSON: Unterminated string")
    assert got["photo.jpeg"].startswith("unknown file type ('.jpeg'); readable types: csv, gz")
    assert got["notes"].startswith("unknown file type (no extension)")
    assert df.attrs["records_seen"] == len(df) + len(got)


def test_invalid_utf8_is_read_with_the_fallback_not_dropped(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Señor Müller\nEl niño costó 5 €.".encode("cp1252"))
    df = analysis.load_articles(path)
    assert df["title"].iloc[0] == "Señor Müller"
    assert df["text"].iloc[0] == "El niño costó 5 €."
    undefined = tmp_path / "undefined.txt"  # 0x81 is undefined in cp1252: read as Latin-1
    undefined.write_bytes(b"Title\nbyte \x81 here")
    assert analysis.load_articles(undefined)["text"].iloc[0] == "byte here"  # C1 control dropped


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text(GOOD + "word " * 1000)
    (tmp_path / "small.txt").write_text(GOOD)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", GOOD + "a" * 100_000)
    (tmp_path / "bomb.zip").write_bytes(buffer.getvalue())
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress((GOOD + "b" * 100_000).encode()))
    df = analysis.load_articles(tmp_path, max_bytes=4000)
    assert df["source_path"].tolist() == [str(tmp_path / "small.txt")]
    got = reasons(df)
    assert set(got) == {"big.txt", "bomb.zip [bomb.txt]", "bomb.txt.gz"}
    assert all(reason.startswith("too large") for reason in got.values())


def test_unreadable_file(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD.replace("Monday", "Friday"))
    real_open = files.open_file

    def deny(path):
        if path.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    monkeypatch.setattr(files, "open_file", deny)
    df = analysis.load_articles(tmp_path)
    assert df["source_path"].tolist() == [str(tmp_path / "b.txt")]
    assert reasons(df) == {"a.txt": "unreadable: Permission denied"}


def test_missing_path_does_not_stop_the_batch(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    missing = tmp_path / "nowhere" / "x.txt"
    df = analysis.load_articles([missing, tmp_path / "a.txt"])
    assert len(df) == 1
    assert df.attrs["skipped"] == [{"path": str(missing), "record": None,
                                    "reason": "path does not exist"}]
    assert analysis.skipped(df)["reason"].tolist() == ["path does not exist"]


def test_errors_raise_stops_at_the_first_bad_record(bad_folder):
    with pytest.raises(LoadError, match="blank.txt: only whitespace") as caught:
        analysis.load_articles(bad_folder, errors="raise")
    assert caught.value.reason == "only whitespace, no text"
    with pytest.raises(LoadError, match="path does not exist"):
        analysis.load_articles(bad_folder / "missing", errors="raise")
    with pytest.raises(ValueError, match="errors must be"):
        analysis.load_articles(bad_folder, errors="ignore")


def test_boilerplate_only_text_is_a_skip(tmp_path):
    (tmp_path / "promo.txt").write_text(
        "Our newsletter\nSign up to get the latest news in your inbox.\n"
        "Copyright 2024 Example Media. All rights reserved.\n"
    )
    df = analysis.load_articles(tmp_path)
    assert reasons(df) == {"promo.txt": "no text left after removing boilerplate"}


def test_report_is_plain_data_and_survives_concat(bad_folder, tmp_path):
    df = analysis.load_articles(bad_folder)
    assert all(type(item) is dict for item in df.attrs["skipped"])
    json.dumps(df.attrs)  # plain data only
    again = analysis.load_articles(bad_folder)
    assert df.equals(again) and df.attrs == again.attrs  # deterministic
