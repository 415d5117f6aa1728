"""Line and row formats are streamed, and a big one is cut into parts (issue 15).

A JSON Lines or CSV file bigger than the streaming command's ``chunk_bytes`` is cut into
parts that load, one chunk at a time, into exactly the table and load report a load of
the whole file gives: same rows, ``article_id``s and record keys, same skips, and records
seen adding up. Built from the seed article's real paragraphs, with the damage real
exports carry (blank lines, a malformed line, CRLF ends, a BOM, cells holding line
breaks). Memory itself is measured by ``benchmarks/adversarial.py``, not here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.loading.formats.structured import cut
from analysis.paths import REPO_ROOT
from analysis.scale.streaming import load_chunk, plan_chunks

SEED = REPO_ROOT / "data" / "articles" / "000_1f5ea510983bc6a6.txt"


def _paragraphs() -> list[str]:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[1:17]


def _jsonl(path: Path) -> list[str]:
    """Write a JSON Lines file to ``path``; its lines, as written."""
    paragraphs = _paragraphs()
    lines = []
    for i in range(60):
        record = {"title": f"Story {i}", "text": f"{paragraphs[i % 16]} (item {i})"}
        lines.append(json.dumps(record, ensure_ascii=i % 2 == 0))
        if i % 7 == 3:
            lines.append("")  # a blank line: no record
        if i % 11 == 5:
            lines.append("{not json")
        if i == 20:
            lines.append(json.dumps({"text": "Line\u2028separator inside a string, he said."},
                                    ensure_ascii=False))
            lines.append("[1, 2]")
    path.write_bytes("\r\n".join(lines[:30]).encode() + b"\r\n"
                     + "\n".join(lines[30:]).encode() + b"\n")
    return lines


def _csv(path: Path, *, broken: bool = False) -> Path:
    paragraphs = _paragraphs()
    rows = ["title,text,author"]
    for i in range(50):
        text = f"{paragraphs[i % 16]}\n\n{paragraphs[(i + 1) % 16]} ({i})"  # line breaks
        rows.append(f'"Story, {i}","{text.replace(chr(34), chr(34) * 2)}",Reporter {i}')
        if i % 9 == 4:
            rows.append("")
        if i % 13 == 6:
            rows.append('"",,')  # a row without text
    if broken:
        rows.append('Last,"an unclosed quote')
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode() + b"\r\n")
    return path


def _chunked(path: Path, chunk_bytes: int) -> list[pd.DataFrame]:
    chunks = plan_chunks(path, chunk_bytes=chunk_bytes)
    return [load_chunk(chunk, detect_language=False) for chunk in chunks]


def _assert_same_as_whole(path: Path, frames: list[pd.DataFrame]) -> None:
    whole = analysis.load_articles(path, detect_language=False)
    assert len(frames) > 2
    together = pd.concat(frames, ignore_index=True)
    pd.testing.assert_frame_equal(together, whole, check_like=False)
    assert [s for f in frames for s in f.attrs["skipped"]] == whole.attrs["skipped"]
    assert sum(f.attrs["records_seen"] for f in frames) == whole.attrs["records_seen"]
    for frame in frames:
        assert len(frame) + len(frame.attrs["skipped"]) == frame.attrs["records_seen"]


def test_a_big_jsonl_is_cut_into_parts_that_load_as_the_whole_file(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = _jsonl(path)
    frames = _chunked(path, chunk_bytes=path.stat().st_size // 5)
    _assert_same_as_whole(path, frames)
    whole = analysis.load_articles(path, detect_language=False)
    assert len(whole) == 61
    assert whole["text"].str.contains("\u2028").sum() == 0  # cleaned, but one record
    keys = {s["record"]: s["reason"].split(":")[0] for s in whole.attrs["skipped"]}
    bad = {f"line {n}": line for n, line in enumerate(lines, start=1)
           if line in ("{not json", "[1, 2]")}
    assert len(bad) == 6  # i % 11 == 5 for i = 5, 16, 27, 38, 49; one list
    assert keys == {key: "malformed JSON line" if line == "{not json"
                    else "line holds a list, not a JSON object" for key, line in bad.items()}
    assert whole.attrs["records_seen"] == 61 + 6


def test_a_big_csv_is_cut_between_rows_never_inside_a_quoted_cell(tmp_path):
    path = _csv(tmp_path / "export.csv")
    parts = cut(path, path.stat().st_size // 6, limit=10_000_000)
    assert len(parts) >= 5
    data = path.read_bytes()
    for part in parts[1:]:  # each part starts at a row: after a line end, outside quotes
        assert data[part.start - 1:part.start] == b"\n"
        assert data[:part.start].count(b'"') % 2 == 0
    frames = _chunked(path, chunk_bytes=path.stat().st_size // 6)
    _assert_same_as_whole(path, frames)
    whole = analysis.load_articles(path, detect_language=False)
    assert len(whole) == 50
    assert whole["title"].tolist() == [f"Story, {i}" for i in range(50)]
    assert "\n" in whole["text"].iloc[0]


def test_a_broken_csv_loads_the_rows_before_the_break_in_parts_too(tmp_path):
    path = _csv(tmp_path / "export.csv", broken=True)
    frames = _chunked(path, chunk_bytes=path.stat().st_size // 4)
    _assert_same_as_whole(path, frames)
    reasons = [s["reason"] for f in frames for s in f.attrs["skipped"]]
    assert reasons[-1].startswith("malformed CSV from this row on")


@pytest.mark.parametrize("extension", ["jsonl", "csv"])
def test_a_small_file_and_other_formats_are_not_cut(tmp_path, extension):
    path = tmp_path / f"a.{extension}"
    _jsonl(path) if extension == "jsonl" else _csv(path)
    assert cut(path, path.stat().st_size, limit=10_000_000) == []
    other = tmp_path / "a.json"
    other.write_bytes(path.read_bytes())
    assert cut(other, 100, limit=10_000_000) == []
    assert len(plan_chunks(path)) == 1


def test_the_sidecar_metadata_csv_is_not_read_as_articles(tmp_path):
    shutil_copy = SEED.read_bytes()
    (tmp_path / "a.txt").write_bytes(shutil_copy)
    (tmp_path / "metadata.csv").write_text("file,outlet\n*,Example News\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "metadata.csv").write_text("file,outlet\n*,Elsewhere\n",
                                                   encoding="utf-8")
    articles = analysis.load_articles(tmp_path, detect_language=False)
    assert articles.attrs["ignored"] == [str(tmp_path / "metadata.csv")]
    # only the top folder's file is a sidecar: one below is read as any CSV is
    assert [s["path"] for s in articles.attrs["skipped"]] == [
        str(tmp_path / "sub" / "metadata.csv")]
    assert articles.attrs["records_seen"] == 2
    assert len(articles) + len(articles.attrs["skipped"]) == articles.attrs["records_seen"]
    streamed = load_chunk(plan_chunks(tmp_path)[0], detect_language=False)
    assert streamed.attrs == articles.attrs
