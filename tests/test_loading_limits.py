"""Issue 15: work limits, the independent count of records seen, the reader safety net,
and files a walk used to pass over in silence. Inputs are made in ``tmp_path``."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

import analysis
from analysis.loading import Limits, LoadError, files, formats
from analysis.loading.formats import structured
from analysis.loading.model import Article

GOOD = "A good story\nThe council met on Monday and agreed the budget for next year.\n"


def _balanced(df) -> bool:
    return len(df) + len(df.attrs["skipped"]) == df.attrs["records_seen"]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_record_lost_by_a_reader_shows_as_a_mismatch(tmp_path, monkeypatch):
    """records_seen is counted by the readers, not as rows + skips."""
    (tmp_path / "a.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n')

    def loses_the_second(source, options, tally):
        tally.add(2)
        yield Article(key="line 1", text="One.")

    monkeypatch.setitem(formats.READERS, "jsonl", loses_the_second)
    df = analysis.load_articles(tmp_path)
    assert (len(df), len(df.attrs["skipped"]), df.attrs["records_seen"]) == (1, 0, 2)


def test_a_reader_that_raises_is_a_skip_and_raise_mode_gives_load_error(tmp_path, monkeypatch):
    (tmp_path / "a.json").write_text('{"text": "One."}')
    (tmp_path / "b.txt").write_text(GOOD)

    def broken(source, options, tally):
        raise KeyError("surprise")
        yield  # a generator, like every reader

    monkeypatch.setitem(formats.READERS, "json", broken)
    df = analysis.load_articles(tmp_path)
    assert df["title"].tolist() == ["A good story"] and _balanced(df)
    assert df.attrs["skipped"][0]["reason"] == "reader failed: KeyError: 'surprise'"
    with pytest.raises(LoadError, match=r"a\.json: reader failed"):
        analysis.load_articles(tmp_path, errors="raise")


def test_one_article_files_over_the_record_limit_are_not_read(tmp_path, monkeypatch):
    (tmp_path / "big.txt").write_text(GOOD + "word " * 400)
    (tmp_path / "big.jsonl").write_text(json.dumps({"text": "word " * 400}) + "\n"
                                        + json.dumps({"text": "short."}) + "\n")
    (tmp_path / "pack.zip").write_bytes(_zip({"big.txt": (GOOD + "x " * 1000).encode(),
                                              "ok.txt": GOOD.encode()}))
    real_open = files.open_file
    monkeypatch.setattr(files, "open_file", lambda p: (
        pytest.fail(f"{p.name} was read") if p.name == "big.txt" else real_open(p)))
    df = analysis.load_articles(tmp_path, limits=Limits(max_record_bytes=1000))
    assert sorted(df["source_path"].map(lambda p: p.split("/")[-1])) == ["big.jsonl", "ok.txt"]
    reasons = {(s["path"].split("/")[-1], s["record"]): s["reason"] for s in df.attrs["skipped"]}
    size = len(GOOD) + 2000  # both big.txt files
    assert reasons == {
        ("big.txt", None): f"too large: {size:,} bytes > limit of 1,000 bytes",
        ("big.jsonl", "line 1"): "too large: line over the limit of 1,000 bytes",
        ("pack.zip", "big.txt"): f"too large: {size:,} bytes > limit of 1,000 bytes",
    }
    assert _balanced(df)


def test_archive_members_bytes_and_depth_limits(tmp_path):
    members = {f"{i}.txt": GOOD.replace("Monday", f"day {i}").encode() for i in range(5)}
    (tmp_path / "many.zip").write_bytes(_zip(members))
    df = analysis.load_articles(tmp_path, limits=Limits(max_members=3))
    assert len(df) == 3 and _balanced(df)
    assert [s["record"] for s in df.attrs["skipped"]] == ["3.txt", "4.txt"]
    assert df.attrs["skipped"][0]["reason"] == (
        "archive limit: more than 3 members (Limits.max_members)")
    size = len(members["0.txt"])
    df = analysis.load_articles(tmp_path, limits=Limits(max_archive_bytes=2 * size))
    assert len(df) == 2 and df.attrs["skipped"][0]["reason"].startswith("archive limit: more")

    (tmp_path / "many.zip").unlink()
    (tmp_path / "outer.zip").write_bytes(_zip({"inner.zip": _zip({"a.txt": GOOD.encode()})}))
    assert len(analysis.load_articles(tmp_path, limits=Limits(max_archive_depth=2))) == 1
    shallow = analysis.load_articles(tmp_path, limits=Limits(max_archive_depth=1))
    assert shallow.empty and _balanced(shallow)
    assert shallow.attrs["skipped"] == [{
        "path": str(tmp_path / "outer.zip" / "inner.zip"), "record": None,
        "reason": "archive nested too deep: more than 1 archive levels "
                  "(Limits.max_archive_depth)"}]
    with pytest.raises(ValueError, match="max_archive_depth can be at most"):
        Limits(max_archive_depth=10_000)


def test_json_depth_is_configurable(tmp_path):
    record = {"text": "The mayor said it.", "meta": {"a": {"b": {"c": [[1]]}}}}
    (tmp_path / "a.json").write_text(json.dumps(record))
    assert len(analysis.load_articles(tmp_path)) == 1
    df = analysis.load_articles(tmp_path, limits=Limits(max_json_depth=4))
    assert df.attrs["skipped"][0]["reason"].startswith("nested too deep: more than 4 levels")
    # brackets inside strings are not nesting
    (tmp_path / "a.json").write_text(json.dumps({"text": "[[[[[[ {{{{ said."}))
    assert len(analysis.load_articles(tmp_path, limits=Limits(max_json_depth=2))) == 1


def test_element_limits_html_sgml_csv(tmp_path):
    paragraphs = "".join(f"<p>Paragraph {i} of the story, the mayor said on Monday.</p>"
                         for i in range(40))
    (tmp_path / "page.html").write_text(f"<html><body><article>{paragraphs}</article></body>"
                                        "</html>")
    (tmp_path / "r.sgm").write_text('<REUTERS NEWID="1"><TITLE>T</TITLE><BODY>Body, '
                                    "he said." + "<X>" * 60 + "</BODY></REUTERS>\n")
    (tmp_path / "t.csv").write_text("title,text\nA,The mayor said it.\n" + "B," * 40 + "x\n")
    df = analysis.load_articles(tmp_path, limits=Limits(max_elements=30))
    reasons = {s["path"].split("/")[-1]: s["reason"] for s in df.attrs["skipped"]}
    assert reasons == {
        "page.html": "too many HTML elements: more than 30 tags (Limits.max_elements)",
        "r.sgm": "too many SGML elements: more than 30 tags (Limits.max_elements)",
        "t.csv": "too many cells: 41 > 30 (Limits.max_elements)",
    }
    assert df["title"].tolist() == ["A"] and _balanced(df)
    assert len(analysis.load_articles(tmp_path)) == 3


def test_csv_delimiter_guess_and_a_broken_csv(tmp_path):
    assert structured.guess_delimiter('a|b\n"x|y"|2\n') == "|"
    assert structured.guess_delimiter('"' * 50_000) == ","  # linear, no backtracking
    (tmp_path / "cut.csv").write_text('title,text\nA,The mayor said it.\nB,"unclosed\nC,x.\n')
    df = analysis.load_articles(tmp_path)
    assert df["title"].tolist() == ["A"] and _balanced(df)
    [skip] = df.attrs["skipped"]
    assert skip["record"] == "row 3" and skip["reason"].startswith("malformed CSV from this row")


def test_xlsx_row_of_formulas_without_values_is_a_skip(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["title", "text"])
    sheet.append(["A", "The mayor said it."])
    sheet.append(["=A2", '=B2&" again"'])  # openpyxl saves no computed values
    book.save(tmp_path / "f.xlsx")
    df = analysis.load_articles(tmp_path)
    assert df["title"].tolist() == ["A"] and _balanced(df)
    assert df.attrs["skipped"] == [{
        "path": str(tmp_path / "f.xlsx"), "record": "row 3",
        "reason": structured.NO_SAVED_VALUES}]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo (POSIX)")
def test_special_files_broken_links_and_unreadable_folders_are_skips(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(GOOD)
    (tmp_path / "loop").symlink_to(tmp_path)  # walked once, not forever
    real_scandir = os.scandir

    def deny(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    df = analysis.load_articles(tmp_path)
    assert df["source_path"].tolist() == [str(tmp_path / "a.txt")] and _balanced(df)
    reasons = {Path(s["path"]).name: s["reason"] for s in df.attrs["skipped"]}
    assert reasons == {
        "dead.txt": "broken symbolic link (its target does not exist)",
        "locked": "unreadable folder: Permission denied",
        "pipe.txt": "not a regular file: a FIFO (named pipe)",
    }


def _non_utf8_file(folder: Path, content: bytes) -> None:
    """``folder/caf\\xe9.txt``; skips the test where the file system refuses such names."""
    try:
        with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
            handle.write(content)
    except (OSError, ValueError):
        pytest.skip("this file system refuses file names that are not UTF-8")


def test_non_utf8_file_name_loads_with_a_note(tmp_path):
    _non_utf8_file(tmp_path, GOOD.encode())
    df = analysis.load_articles(tmp_path)
    assert df["source_path"].tolist() == [str(tmp_path / "caf\\xe9.txt")]
    assert analysis.load_notes(df)["note"].str.startswith("file name is not valid UTF-8").all()
    df.to_parquet(tmp_path / "out.parquet")


def test_a_warc_record_cut_after_its_uri_is_a_skip(tmp_path):
    """warcio ends quietly there; the record starts counted in the bytes reveal it."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = ("<html><body><article><p>The council met on Monday and agreed the budget for "
            "next year, the mayor said in a statement to reporters.</p></article></body></html>")
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for url in ("https://example.org/a", "https://example.org/b"):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(page.encode()), http_headers=headers))
    data = buffer.getvalue()
    second = data.index(b"WARC/1.", 10)
    cut = data.index(b"\r\n", data.index(b"WARC-Target-URI", second)) + 2
    (tmp_path / "cut.warc").write_bytes(data[:cut])
    df = analysis.load_articles(tmp_path)
    assert df["url"].tolist() == ["https://example.org/a"] and _balanced(df)
    assert analysis.skipped(df)[["record", "reason"]].values.tolist() == [
        ["response 2", "WARC record cut short at the end of the file"]]
