"""The streaming command: chunked, resumable, deterministic, duplicates flagged not dropped.

Inputs are small folders made in ``tmp_path`` from real texts: the seed article and
constructed variants of it (always), plus a few BBC files when ``../shared/corpora`` is
there. No timing assertions.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.__main__ import main
from analysis.paths import REPO_ROOT
from analysis.scale.streaming import (
    MANIFEST,
    OUTPUT_TABLES,
    iter_articles,
    plan_chunks,
    read_table,
    stream_tables,
)

SEED = REPO_ROOT / "data" / "articles" / "000_1f5ea510983bc6a6.txt"
RECORD_TABLES = ("quotes", "attributions", "sources", "hedges", "boosters")


def _paragraphs() -> list[str]:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[1:17]  # the 16 story paragraphs, without headline and footer


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of 8 articles in two sub-folders; ``b/copy.txt`` repeats the seed's text."""
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    shutil.copy(SEED, root / "a" / "000_seed.txt")
    shutil.copy(SEED, root / "b" / "copy.txt")  # same text, another file: a duplicate
    paragraphs = _paragraphs()
    for i in range(5):
        body = "\n".join(paragraphs[i * 3 : i * 3 + 4])
        (root / "a" / f"part_{i}.txt").write_text(f"Constructed story {i}\n{body}\n",
                                                 encoding="utf-8")
    (root / "b" / "README.txt").write_text("not an article\n", encoding="utf-8")
    (root / "b" / "z_jsonl.jsonl").write_text(
        json.dumps({"headline": "Officials claim progress", "body": paragraphs[5]}) + "\n"
        + "{not json\n", encoding="utf-8")
    return root


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(out, name) for name in OUTPUT_TABLES}


def _assert_same(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    assert left.keys() == right.keys()
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def test_cli_writes_parquet_tables_equal_to_the_pandas_functions(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["profile", str(corpus), "--out", str(out), "--chunk-size", "3"]) == 0
    assert "articles analysed" in capsys.readouterr().out
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["chunks"] == len(manifest["finished"]) == 3
    for name in OUTPUT_TABLES:
        assert sorted(p.name for p in (out / name).iterdir()) == [
            f"part-{i:05d}.parquet" for i in range(3)]

    articles = analysis.load_articles(corpus)
    tables = _tables(out)
    assert len(articles) == 8
    pd.testing.assert_frame_equal(tables["articles"], articles.drop(columns="text"))
    pd.testing.assert_frame_equal(tables["profile"], analysis.profile(articles))
    for name in RECORD_TABLES:
        pd.testing.assert_frame_equal(tables[name], getattr(analysis, name)(articles), obj=name)
    report = tables["skipped"]
    assert report["kind"].tolist() == ["ignored", "skipped"]
    assert report["path"].iloc[0].endswith("README.txt")
    assert report["record"].iloc[1] == "line 2"


def test_csv_format(corpus, tmp_path):
    out = tmp_path / "csv"
    assert main(["profile", str(corpus), "--out", str(out), "--format", "csv",
                 "--chunk-size", "4"]) == 0
    parts = sorted((out / "profile").glob("*.csv"))
    assert [p.name for p in parts] == ["part-00000.csv", "part-00001.csv"]
    profile = read_table(out, "profile")
    expected = analysis.profile(analysis.load_articles(corpus))
    assert profile["article_id"].tolist() == expected["article_id"].tolist()
    assert profile["n_words"].tolist() == expected["n_words"].tolist()
    assert not list(out.glob("*/*.parquet"))


def test_duplicates_across_chunks_are_analysed_and_flagged(corpus, tmp_path):
    out = tmp_path / "out"
    chunks = plan_chunks([corpus], chunk_size=2)
    seed_chunk = next(c.index for c in chunks if any("000_seed" in f for f in c.files))
    copy_chunk = next(c.index for c in chunks if any("copy.txt" in f for f in c.files))
    assert seed_chunk != copy_chunk  # the two copies are loaded by different calls
    summary = stream_tables([corpus], out, chunk_size=2)
    assert summary.duplicates == 1
    articles = read_table(out, "articles")
    seed_id = articles.loc[articles["source_path"].str.endswith("000_seed.txt"), "article_id"]
    copy = articles[articles["source_path"].str.endswith("copy.txt")]
    assert copy["duplicate_of"].tolist() == seed_id.tolist()
    assert articles["duplicate_of"].notna().sum() == 1
    profile = read_table(out, "profile")
    assert copy["article_id"].iloc[0] in set(profile["article_id"])  # analysed, not dropped
    # The flags are what one load of the whole folder gives.
    whole = analysis.load_articles(corpus)
    pd.testing.assert_series_equal(articles["duplicate_of"], whole["duplicate_of"])


def test_resume_after_an_interruption_gives_the_same_tables(corpus, tmp_path):
    reference = tmp_path / "reference"
    stream_tables([corpus], reference, chunk_size=2)

    out = tmp_path / "interrupted"
    first = stream_tables([corpus], out, chunk_size=2, max_chunks=2)
    assert first.interrupted and first.done == 2
    # A crash after a chunk's part files were written but before the manifest said so:
    # the rerun must redo that chunk without flagging its texts against themselves.
    second = stream_tables([corpus], out, chunk_size=2, max_chunks=1)
    manifest = json.loads((out / MANIFEST).read_text())
    del manifest["finished"]["2"]
    (out / MANIFEST).write_text(json.dumps(manifest))

    third = stream_tables([corpus], out, chunk_size=2)
    assert second.done == 1 and third.resumed == 2 and not third.interrupted
    assert third.resumed + third.done == third.chunks == first.chunks
    _assert_same(_tables(out), _tables(reference))


def test_rerun_of_a_finished_run_does_nothing_and_other_inputs_are_refused(corpus, tmp_path,
                                                                           capsys):
    out = tmp_path / "out"
    assert main(["profile", str(corpus), "--out", str(out)]) == 0
    again = stream_tables([corpus], out)
    assert again.done == 0 and again.resumed == again.chunks
    assert main(["profile", str(corpus / "a"), "--out", str(out)]) == 2
    assert "other inputs" in capsys.readouterr().err
    assert main(["profile", str(corpus / "a"), "--out", str(out), "--restart"]) == 0
    assert len(read_table(out, "profile")) == 6


def test_jobs_2_gives_the_same_output_as_jobs_1(corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["profile", str(corpus), "--out", str(one), "--chunk-size", "2"]) == 0
    assert main(["profile", str(corpus), "--out", str(two), "--chunk-size", "2",
                 "--jobs", "2"]) == 0
    _assert_same(_tables(one), _tables(two))
    for name in OUTPUT_TABLES:  # identical bytes, part by part
        for part in sorted((one / name).iterdir()):
            left = pd.read_parquet(part)
            right = pd.read_parquet(two / name / part.name)
            pd.testing.assert_frame_equal(left, right)


def test_iter_articles_yields_chunks_of_the_whole_corpus(corpus):
    pieces = list(iter_articles([corpus], chunk_size=3))
    assert [len(p) for p in pieces] == [3, 3, 2]
    whole = analysis.load_articles(corpus)
    assert pd.concat(pieces)["article_id"].tolist() == whole["article_id"].tolist()


@pytest.mark.corpora
def test_bbc_files_keep_their_sections_and_ids(corpora, tmp_path):
    root = tmp_path / "bbc"
    for section in ("business", "sport"):
        (root / section).mkdir(parents=True)
        for name in ("001.txt", "002.txt", "003.txt"):
            shutil.copy(corpora / "bbc_news" / "bbc" / section / name, root / section / name)
    out = tmp_path / "out"
    stream_tables([root], out, chunk_size=2)
    articles = analysis.load_articles(root)
    pd.testing.assert_frame_equal(read_table(out, "articles"), articles.drop(columns="text"))
    assert read_table(out, "articles")["section"].tolist() == ["business"] * 3 + ["sport"] * 3
    pd.testing.assert_frame_equal(read_table(out, "profile"), analysis.profile(articles))


def write_warc(path: Path, pages: list[tuple[str, str, list[str]]]) -> None:
    """A gzipped WARC file with one HTML response per ``(url, title, paragraphs)``."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, title, paragraphs in pages:
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            html = (f"<html><head><title>{title}</title></head><body><article>"
                    f"<h1>{title}</h1>{body}</article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))


def test_warc_input_each_html_response_is_an_article(tmp_path):
    paragraphs = _paragraphs()
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    write_warc(crawl / "a.warc.gz", [
        ("https://example.org/one", "Chechen leader claims spy network", paragraphs[:8]),
        ("https://example.org/two", "Kremlin declines to comment", paragraphs[8:16]),
    ])
    write_warc(crawl / "b.warc.gz", [
        ("https://example.org/three", "Officials respond", paragraphs[4:12]),
    ])
    out = tmp_path / "out"
    assert main(["profile", str(crawl / "*.warc.gz"), "--out", str(out),
                 "--chunk-size", "1"]) == 0
    articles = read_table(out, "articles")
    assert articles["url"].tolist() == [
        "https://example.org/one", "https://example.org/two", "https://example.org/three"]
    whole = analysis.load_articles(sorted(crawl.glob("*.warc.gz")))
    pd.testing.assert_frame_equal(read_table(out, "profile"), analysis.profile(whole))
    assert (read_table(out, "profile")["n_attributions"] > 0).any()


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    return err


def test_a_failing_chunk_is_recorded_and_the_run_goes_on(corpus, tmp_path, monkeypatch, capsys):
    import analysis.scale.streaming as streaming

    real = streaming.analyse_tables

    def fails_on_part_1(articles, names):
        if articles["source_path"].str.endswith("part_1.txt").any():
            raise RuntimeError("detector blew up")
        return real(articles, names)

    monkeypatch.setattr(streaming, "analyse_tables", fails_on_part_1)
    out = tmp_path / "out"
    assert main(["profile", str(corpus), "--out", str(out), "--chunk-size", "2"]) == 1
    err = _one_line_error(capsys)
    assert err.startswith("1 chunks failed") and "RuntimeError: detector blew up" in err
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["failed"] == {"1": "RuntimeError: detector blew up"}  # part_1's chunk
    assert sorted(manifest["finished"], key=int) == ["0", "2", "3"]
    monkeypatch.setattr(streaming, "analyse_tables", real)
    assert main(["profile", str(corpus), "--out", str(out), "--chunk-size", "2"]) == 0
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["failed"] == {} and len(manifest["finished"]) == 4


def test_a_dead_worker_fails_its_chunk_and_a_new_pool_takes_the_rest(corpus, tmp_path,
                                                                     monkeypatch):
    import contextlib
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    import analysis.scale.streaming as streaming

    pools = []

    class DiesOnChunk1:
        def submit(self, function, chunk, names):
            future = Future()
            if chunk.index == 1 and len(pools) == 1:
                future.set_exception(BrokenProcessPool("a child process terminated"))
            else:
                future.set_result(function(chunk, names))
            return future

    @contextlib.contextmanager
    def executor(engine, jobs, scheduler):
        pools.append(DiesOnChunk1())
        yield pools[-1], 2

    monkeypatch.setattr(streaming, "_executor", executor)
    summary = stream_tables([corpus], tmp_path / "out", chunk_size=2)
    assert list(summary.failed) == [1] and "worker process died" in summary.failed[1]
    assert len(pools) == 2 and summary.done == 3


@pytest.mark.parametrize("code, message", [(28, "No space left on device"),
                                           (30, "Read-only file system")])
def test_an_unwritable_output_gives_one_clear_line(corpus, tmp_path, monkeypatch, capsys,
                                                   code, message):
    import analysis.scale.streaming as streaming

    def refuse(path, write):
        raise OSError(code, message)

    monkeypatch.setattr(streaming, "write_atomically", refuse)
    out = tmp_path / "out"
    assert main(["profile", str(corpus), "--out", str(out)]) == 1
    assert _one_line_error(capsys) == (
        f"error: cannot write to {out}: {message}; finished chunks are kept: make room or "
        "fix the permissions, then run the same command to resume")


def test_worker_processes_end_with_their_parent(tmp_path):
    """kill -9 of the parent: its pool's workers exit too (they used to hold ~690 MB)."""
    import os

    if not Path("/proc/self/stat").exists():
        pytest.skip("reads process states from /proc (Linux)")
    import signal
    import subprocess
    import sys
    import time

    script = (
        "import os, sys, time\n"
        "from analysis.scale.engines import process_pool\n"
        "if __name__ == '__main__':\n"
        "    pool = process_pool(1)\n"
        "    print(pool.submit(os.getpid).result(), flush=True)\n"
        "    time.sleep(600)\n"
    )
    (tmp_path / "parent.py").write_text(script)
    parent = subprocess.Popen([sys.executable, str(tmp_path / "parent.py")],
                              stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT)
    worker = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()

    def alive(pid: int) -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        except FileNotFoundError:
            return False
        return state not in ("Z", "X")

    for _ in range(300):  # up to 30 s on a loaded machine; usually at once
        if not alive(worker):
            break
        time.sleep(0.1)
    else:
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived its parent")


def test_a_file_name_that_is_not_utf8_streams_with_a_note(tmp_path):
    from test_loading_limits import _non_utf8_file

    folder = tmp_path / "in"
    folder.mkdir()
    _non_utf8_file(folder, b"Title\nThe council met on Monday and agreed the budget.\n")
    summary = stream_tables([folder], tmp_path / "out")
    assert not summary.failed and summary.articles == 1
    assert read_table(tmp_path / "out", "articles")["source_path"].tolist() == [
        str(folder / "caf\\xe9.txt")]
    report = read_table(tmp_path / "out", "skipped")
    assert report["kind"].tolist() == ["note"]
    assert report["reason"].iloc[0].startswith("file name is not valid UTF-8")


def test_csv_parts_neutralise_formula_cells_and_keep_numbers(tmp_path):
    """The command's CSV parts go through the one table writer: a headline that is a
    formula is shown as text in a spreadsheet; Parquet keeps the value as loaded."""
    folder = tmp_path / "in"
    folder.mkdir()
    body = "\n".join(_paragraphs()[:4])
    (folder / "a.txt").write_text(f'=HYPERLINK("http://x.test","Click")\n{body}\n',
                                  encoding="utf-8")
    (folder / "b.txt").write_text(f"@mayor answers\n{body} More.\n", encoding="utf-8")
    assert main(["profile", str(folder), "--out", str(tmp_path / "csv"), "--format",
                 "csv"]) == 0
    raw = (tmp_path / "csv" / "articles" / "part-00000.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    articles = read_table(tmp_path / "csv", "articles")
    assert articles["title"].tolist() == ["'=HYPERLINK(\"http://x.test\",\"Click\")",
                                          "'@mayor answers"]
    assert articles["n_words"].dtype.kind == "i"  # numbers stay numbers
    assert main(["profile", str(folder), "--out", str(tmp_path / "pq")]) == 0
    assert read_table(tmp_path / "pq", "articles")["title"].tolist() == [
        '=HYPERLINK("http://x.test","Click")', "@mayor answers"]
