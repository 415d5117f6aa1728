"""The Dask engine: a LocalCluster of 2 workers on loopback gives the pandas results.

Articles are the seed and constructed variants of its paragraphs (always available), plus
some BBC texts when ``../shared/corpora`` is there; sharded JSONL, CSV and Parquet inputs
are written into ``tmp_path``.
"""

from __future__ import annotations

import json
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest

import analysis
from analysis.paths import REPO_ROOT, SHARED_CORPORA
from analysis.scale.engines import TABLES, dask_tables, write_parquet
from analysis.scale.streaming import OUTPUT_TABLES, read_table, stream_tables

SEED = REPO_ROOT / "data" / "articles" / "000_1f5ea510983bc6a6.txt"
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    """A LocalCluster with 2 worker processes on 127.0.0.1, no dashboard."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    """An article table of about 20 texts (seed, constructed variants, BBC if present)."""
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [("Chechen leader claims Russian spy network has infiltrated IS",
             "\n".join(lines[1:17]))]
    rows += [(f"Variant {i}", "\n".join(lines[1 + i : 5 + i])) for i in range(12)]
    bbc = SHARED_CORPORA / "bbc_news" / "bbc" / "politics"
    if bbc.is_dir():
        for path in sorted(bbc.glob("*.txt"))[:8]:
            head, _, body = path.read_text(encoding="latin-1").partition("\n")
            rows.append((head.strip(), body.strip()))
    frame = pd.DataFrame(rows, columns=["title", "text"])
    frame.insert(0, "article_id", [f"a{i:03d}" for i in range(len(frame))])
    frame["language"] = "en"
    frame.loc[3, "language"] = "de"  # a non-English row: a note, no records
    return frame.astype("string")


def test_profile_returns_a_lazy_dask_frame_equal_to_pandas(client, articles):
    ddf = dd.from_pandas(articles, npartitions=3)
    result = analysis.profile(ddf, engine="dask")
    assert isinstance(result, dd.DataFrame)
    expected = analysis.profile(articles)
    pd.testing.assert_frame_equal(result.compute(), expected)  # index, dtypes, order
    assert isinstance(analysis.profile(articles), pd.DataFrame)


@pytest.mark.parametrize("name", [t for t in TABLES if t != "profile"])
def test_record_tables_equal_pandas_row_for_row(client, articles, name):
    result = getattr(analysis, name)(articles, engine="dask", npartitions=4).compute()
    expected = getattr(analysis, name)(articles)
    pd.testing.assert_frame_equal(result.reset_index(drop=True), expected)


def test_all_tables_share_one_analysis_and_write_partitioned_parquet(client, articles,
                                                                     tmp_path):
    tables = dask_tables(articles, npartitions=3)
    assert tables["profile"].npartitions == 3
    folders = write_parquet(articles, tmp_path / "out", npartitions=3)
    assert [f.name for f in folders] == list(TABLES)
    for name in TABLES:
        assert len(list((tmp_path / "out" / name).glob("*.parquet"))) == 3
        back = dd.read_parquet(tmp_path / "out" / name).compute().reset_index(drop=True)
        pd.testing.assert_frame_equal(back, getattr(analysis, name)(articles), obj=name)


def test_default_partitions_are_four_per_worker(client, articles, tmp_path):
    """The client's 2 workers get 8 partitions of a pandas table and of a folder of
    files (which 1,000 articles or 200 files per partition would make one)."""
    profile = analysis.profile(articles, engine="dask")
    assert profile.npartitions == 8
    pd.testing.assert_frame_equal(profile.compute(), analysis.profile(articles))
    folder = tmp_path / "files"
    folder.mkdir()
    for row in articles.iloc[:20].itertuples():
        (folder / f"{row.article_id}.txt").write_text(f"{row.title}\n{row.text}",
                                                      encoding="utf-8")
    quotes = analysis.quotes(folder, engine="dask")
    assert quotes.npartitions >= 8
    pd.testing.assert_frame_equal(quotes.compute().reset_index(drop=True),
                                  analysis.quotes(analysis.load_articles(folder)))


def _write_shards(articles: pd.DataFrame, folder: Path, kind: str) -> None:
    folder.mkdir()
    for i, start in enumerate(range(0, len(articles), 10)):
        shard = articles.iloc[start : start + 10]
        if kind == "jsonl":
            lines = [json.dumps({"headline": t, "body": x}) for t, x in
                     zip(shard["title"], shard["text"], strict=True)]
            (folder / f"shard-{i}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            shard[["title", "text"]].to_csv(folder / f"shard-{i}.csv", index=False)


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_sharded_files_read_through_the_loader(client, articles, tmp_path, kind):
    folder = tmp_path / kind
    _write_shards(articles, folder, kind)
    result = analysis.profile(str(folder / f"*.{kind}"), engine="dask")
    assert result.npartitions == len(list(folder.iterdir()))
    loaded = analysis.load_articles(folder)
    assert len(loaded) == len(articles)
    pd.testing.assert_frame_equal(result.compute().reset_index(drop=True),
                                  analysis.profile(loaded))
    # the pandas engine on paths agrees, and so does the processes engine
    pd.testing.assert_frame_equal(analysis.profile(folder), analysis.profile(loaded))
    if kind == "jsonl":
        pd.testing.assert_frame_equal(
            analysis.profile(str(folder), engine="processes", jobs=2), analysis.profile(loaded))


def test_parquet_article_tables(client, articles, tmp_path):
    folder = tmp_path / "parquet"
    folder.mkdir()
    articles.iloc[:15].to_parquet(folder / "part-0.parquet")
    articles.iloc[15:].to_parquet(folder / "part-1.parquet")
    result = analysis.profile(str(folder), engine="dask").compute()
    pd.testing.assert_frame_equal(result.reset_index(drop=True), analysis.profile(articles))


def test_streaming_cli_on_the_cluster_equals_the_local_run(client, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for i in range(6):
        (corpus / f"{i}.txt").write_text("\n".join([f"Story {i}", *lines[1 + i : 6 + i]]),
                                         encoding="utf-8")
    (corpus / "dup.txt").write_text("\n".join(["Story 0", *lines[1:6]]), encoding="utf-8")
    local, remote = tmp_path / "local", tmp_path / "remote"
    stream_tables([corpus], local, chunk_size=2)
    summary = stream_tables([corpus], remote, chunk_size=2, engine="dask",
                            scheduler=client.scheduler.address)
    assert summary.duplicates == 1
    for name in OUTPUT_TABLES:
        pd.testing.assert_frame_equal(read_table(remote, name), read_table(local, name))


def test_warc_shards_through_the_loader(client, tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    for shard in range(2):
        with (tmp_path / f"crawl-{shard}.warc.gz").open("wb") as handle:
            writer = WARCWriter(handle, gzip=True)
            for page in range(2):
                first = 1 + shard * 6 + page * 3
                body = "".join(f"<p>{p}</p>" for p in lines[first : first + 6])
                html = (f"<html><head><title>Page {shard}-{page}</title></head><body>"
                        f"<article><h1>Page {shard}-{page}</h1>{body}</article></body></html>")
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                           protocol="HTTP/1.0")
                writer.write_record(writer.create_warc_record(
                    f"https://example.org/{shard}/{page}", "response",
                    payload=io.BytesIO(html.encode()), http_headers=headers))
    result = analysis.profile(str(tmp_path / "*.warc.gz"), engine="dask")
    assert result.npartitions == 2
    loaded = analysis.load_articles(sorted(tmp_path.glob("*.warc.gz")))
    assert len(loaded) == 4
    pd.testing.assert_frame_equal(result.compute().reset_index(drop=True),
                                  analysis.profile(loaded))
