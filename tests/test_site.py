"""The pieces of the report site, without building a report: grouping, the sidecar,
measured-error figures, article links and the module examples (doctests)."""

from __future__ import annotations

import doctest
import importlib

import pandas as pd
import pytest

import analysis
from analysis.paths import REPO_ROOT
from analysis.present import grouping
from analysis.present.sidecar import load_corpus
from analysis.present.site.accuracy import ACCURACY
from analysis.present.site.articles import article_body, cell_links, link_cells
from analysis.present.site.findings import findings_body, sourcing_findings

MODULES = ["analysis.present.grouping", "analysis.present.checking", "analysis.tables.spreadsheets",
           "analysis.present.site.fmt", "analysis.present.coding"]


@pytest.mark.parametrize("name", MODULES)
def test_module_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0 and result.attempted > 0


def test_every_measured_error_is_the_readme_figure():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for key, measured in ACCURACY.items():
        assert measured.figure in readme, f"{key}: {measured.figure} is not in the README"
        assert (REPO_ROOT / measured.script).is_file(), measured.script


def test_group_by_month_and_unknown_values():
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c"], "outlet": ["X", None, " "],
        "published": pd.to_datetime(["2025-01-03", "2025-02-01", None], utc=True)})
    assert grouping.labels(articles, "month").tolist() == ["2025-01", "2025-02", "(unknown)"]
    assert grouping.labels(articles, "outlet").tolist() == ["X", "(unknown)", "(unknown)"]
    assert grouping.choose(articles, "auto") == "month"
    assert "2 articles with no outlet" in grouping.describe(articles, "outlet")
    with pytest.raises(KeyError, match="GROUP_BY 'desk'"):
        grouping.choose(articles, "desk")


def test_sidecar_sets_outlet_and_date_and_is_no_article(tmp_path):
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / "001.txt").write_text("Team wins\nThe coach said it was fine.\n",
                                                encoding="utf-8")
    (tmp_path / "tech.txt").write_text("Phone out\nThe firm said so.\n", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,published\n*,BBC News,\nsport/*,,2005-01-12\n", encoding="utf-8")
    articles = load_corpus(tmp_path).sort_values("source_path")
    assert articles["outlet"].tolist() == ["BBC News", "BBC News"]
    assert articles["published"].dt.strftime("%Y-%m-%d").fillna("").tolist() == \
        ["2005-01-12", ""]
    assert articles.attrs["skipped"] == []
    assert articles.attrs["ignored"] == [str(tmp_path / "metadata.csv")]
    assert articles.attrs["records_seen"] == 2


def test_cells_naming_an_article_become_links():
    articles = pd.DataFrame({"article_id": ["a1", "b2"], "title": ["Same", "Same"]})
    links = cell_links(articles)
    body = link_cells("<td>a1</td><td>Same</td><th>other</th>", links)
    assert '<td><a href="articles/a1.html">a1</a></td>' in body
    assert "<td>Same</td>" in body  # two articles share the title: no link


def test_findings_count_from_the_data():
    profile = pd.DataFrame({"article_id": ["a", "b", "c"], "n_sources": [1, 0, 3],
                            "top_source_share": [1.0, float("nan"), 0.5],
                            "n_anonymous_sources": [0, 0, 1], "n_refusals": [0, 0, 0],
                            "title_stance": [None, None, "distancing"],
                            "n_verification": [0, 1, 0], "n_quotes": [0, 2, 1],
                            "quote_share": [0.0, 0.3, 0.1]})
    found = {f.sentence.split(" ", 3)[-1]: f for f in sourcing_findings(profile)}
    single = next(f for f in found.values() if "single source" in f.sentence)
    assert single.sentence.startswith("1 of 3 stories") and single.article_ids == ["a"]
    assert all("nan" not in f.sentence.lower() for f in found.values())
    dominant = next(f for f in found.values() if "two or more sources" in f.sentence)
    # only "c" has two or more sources, and it is the one dominated
    assert dominant.sentence.startswith("In 1 of 1 story with two or more sources")
    assert dominant.article_ids == ["c"] and dominant.error == "dominant_source"


def test_a_page_of_an_article_in_another_language_says_it_was_not_analysed():
    article = pd.Series({"article_id": "x1", "title": "Los ferris vuelven", "language": "es",
                         "text": "Los ferris entre el puerto y la isla volverán."})
    body = article_body(article, {"sources": pd.DataFrame()}, "<p>view</p>")
    assert "Not analysed: the detectors read English only (language es)" in body
    assert "<h2>Sources</h2>" not in body
    english = article_body(article.replace("es", "en"),
                           {"sources": pd.DataFrame()}, "<p>view</p>")
    assert "<h2>Sources</h2>" in english and "None found." in english


def test_an_exact_copy_of_a_story_is_one_story_in_the_findings(tmp_path):
    one = "Bridge to open\nMayor Ann Cole said the bridge would open. Cole added it was safe."
    two = ("Depot to close\nUnion officials said the depot would close. A council spokesman "
           "said it would not. Residents said they had not been told.")
    for name, text in (("a.txt", one), ("b.txt", two), ("c.txt", one)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    articles = analysis.load_articles(tmp_path)
    assert articles["duplicate_of"].notna().sum() == 1
    tables = {"profile": analysis.profile(articles), "sources": analysis.sources(articles),
              "standards": analysis.standards(articles)}
    body = findings_body(articles, tables, grouping.choose(articles, "auto"))
    assert "3 are in English and analysed, counting 1 exact copy of another article once" \
        in body
    assert "1 of 2 stories rely on a single source" in body
