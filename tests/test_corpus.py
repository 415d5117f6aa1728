"""Corpus tables and the profile on the shipped articles: keys, fields, formulas."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import analysis
from analysis.paths import DEFAULT_CORPUS

ARTICLE_COLUMNS = {"title", "text", "outlet", "author", "published", "url", "section",
                   "language", "source_path", "n_words", "boilerplate", "duplicate_of"}


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return analysis.load_articles(DEFAULT_CORPUS)


@pytest.fixture(scope="module")
def seed(articles: pd.DataFrame) -> pd.Series:
    return articles[articles["source_path"].str.endswith("000_1f5ea510983bc6a6.txt")].iloc[0]


@pytest.mark.parametrize("table", ["quotes", "attributions", "sources", "hedges", "boosters"])
def test_tables_are_tidy_and_keyed(articles: pd.DataFrame, table: str) -> None:
    frame = getattr(analysis, table)(articles)
    assert not frame.empty
    assert set(frame["article_id"]) <= set(articles["article_id"])
    assert set(frame["field"]) <= {"title", "text"}
    assert not (set(frame.columns) - {"article_id"}) & ARTICLE_COLUMNS
    for column in frame.columns:
        if column.endswith(("_start", "_end")):
            assert pd.api.types.is_integer_dtype(frame[column]), column


def test_headlines_are_analysed(articles: pd.DataFrame, seed: pd.Series) -> None:
    table = analysis.attributions(articles)
    headline = table[(table["article_id"] == seed["article_id"]) & (table["field"] == "title")]
    assert list(headline["cue"]) == ["claims"]
    assert list(headline["stance"]) == ["distancing"]


def test_spans_slice_back_to_the_records(articles: pd.DataFrame) -> None:
    texts = articles.set_index("article_id")
    for row in analysis.attributions(articles).itertuples():
        assert texts.loc[row.article_id, row.field][row.cue_start : row.cue_end] == row.cue
    for row in analysis.hedges(articles).itertuples():
        assert texts.loc[row.article_id, row.field][row.hedge_start : row.hedge_end] == (
            row.hedge_cue
        )


def test_profile_formulas_on_the_seed(articles: pd.DataFrame, seed: pd.Series) -> None:
    row = analysis.profile(articles).set_index("article_id").loc[seed["article_id"]]
    doc = analysis.analyse(seed["text"])
    spoken = [q for q in doc.quotes if q.kind in ("direct", "partial")]
    assert row["n_quotes"] == len(spoken) >= 5
    assert row["quote_share"] == pytest.approx(sum(len(q.text) for q in spoken) / len(doc.text))
    assert row["n_refusals"] == 1  # Peskov declined to comment
    assert row["n_verification"] == 1  # There was no way to immediately verify
    assert row["n_hedges_approximator"] >= 1  # nearly 2,900
    assert 0 < row["share_distancing"] < 1
    counts = pd.Series([a.source for a in doc.attributions if a.source]).value_counts()
    entropy = -sum(p * math.log2(p) for p in counts / counts.sum())
    assert row["source_diversity"] == pytest.approx(entropy)
    assert row["top_source_share"] == pytest.approx(counts.max() / counts.sum())
    assert row["title_stance"] == "distancing"


def test_sources_are_listed_once_per_article(articles: pd.DataFrame) -> None:
    table = analysis.sources(articles)
    assert not table.duplicated(["article_id", "field", "source"]).any()


def test_non_english_articles_get_a_note_not_english_rules(articles: pd.DataFrame) -> None:
    spanish = articles[articles["language"] == "es"]
    assert len(spanish) == 1
    row = analysis.profile(articles).set_index("article_id").loc[spanish.iloc[0]["article_id"]]
    assert "English-only" in row["note"] and pd.isna(row["n_quotes"])
    assert spanish.iloc[0]["article_id"] not in set(analysis.quotes(articles)["article_id"])


def test_nested_reported_speech_is_flagged() -> None:
    table = analysis.attributions(["The mayor said that experts believe the bridge is safe."])
    assert table["nested"].dtype == bool
    assert list(zip(table["cue"], table["nested"], strict=True)) == [
        ("said", False), ("believe", True)
    ]


def test_report_tables_use_repository_relative_paths(tmp_path) -> None:
    """Report CSVs are the same in every clone: no absolute machine paths."""
    from analysis.__main__ import write_tables

    written = write_tables(DEFAULT_CORPUS, tmp_path)
    table = pd.read_csv(next(p for p in written if p.name == "articles.csv"))
    assert table["source_path"].str.startswith("data/articles/").all()
