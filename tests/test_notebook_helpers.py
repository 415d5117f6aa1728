"""The helpers behind the notebooks: plots, nbtools, scoring against gold, the explorer."""

from __future__ import annotations

import base64
import hashlib
import io

import pandas as pd
import pytest

import analysis
from analysis.evaluation import scoring, shipped_gold
from analysis.paths import DEFAULT_CORPUS, REPO_ROOT
from analysis.present import nbtools, plots
from analysis.present.explore import Explorer, download_link, static_view, tables_for

# --- plots -----------------------------------------------------------------------


def test_png_output_is_deterministic_and_metadata_free():
    def png() -> bytes:
        return plots.to_png(plots.barh(pd.Series([3, 1, 2], index=["a", "b", "c"]),
                                       title="t"))
    first, second = png(), png()
    assert hashlib.sha256(first).digest() == hashlib.sha256(second).digest()
    assert first.startswith(b"\x89PNG") and b"Software" not in first
    assert b"matplotlib" not in first.lower()


@pytest.mark.parametrize("make", [
    lambda: plots.barh(pd.Series(dtype=float), title="empty"),
    lambda: plots.stacked(pd.DataFrame(), title="empty"),
    lambda: plots.grouped(pd.DataFrame(), title="empty"),
    lambda: plots.lines(pd.DataFrame(), title="empty"),
    lambda: plots.scatter([], [], title="empty", xlabel="x", ylabel="y"),
    lambda: plots.intervals(pd.DataFrame(columns=["group", "mean", "ci_low", "ci_high"]),
                            title="empty"),
])
def test_plots_guard_empty_data_with_a_note(make, capsys):
    assert make() is None
    assert "Nothing to plot" in capsys.readouterr().out
    plots.show(None)  # a no-op


def test_stacked_and_intervals_draw_figures():
    table = pd.DataFrame({"x": [1, 0], "y": [2, 3]}, index=["A", "B"])
    assert plots.stacked(table, title="s", share=True) is not None
    ci = pd.DataFrame({"group": ["A", "B"], "mean": [0.2, 0.3], "ci_low": [0.1, 0.2],
                       "ci_high": [0.3, 0.5]})
    fig = plots.intervals(ci, title="i")
    assert fig is not None
    assert tuple(fig.get_size_inches())[0] == plots.SIZES["wide"][0]


# --- nbtools -----------------------------------------------------------------------


def test_file_format_and_wire_flags():
    assert nbtools.file_format("data/articles/a.json") == "json"
    assert nbtools.file_format("x/b.csv.gz") == "csv.gz"
    assert nbtools.file_format("up/load.zip/inner.txt") == "zip:txt"
    assert nbtools.file_format(None) == "(unknown)"
    frame = pd.DataFrame({"wire": ["AP", "None", None, "NA", " reuters "]})
    assert list(nbtools.is_wire(frame)) == [True, False, False, False, True]
    assert not nbtools.is_wire(pd.DataFrame({"x": [1]})).any()
    credit = nbtools.credits(pd.DataFrame({"credit": ["h/t: The Hill", "None", None,
                                                     "h/t: The Hill", "AP"]}))
    assert credit.to_dict() == {"h/t: The Hill": 2, "AP": 1}
    assert nbtools.credits(pd.DataFrame({"x": [1]})).empty


def test_show_path_never_leaks_machine_paths(tmp_path):
    assert nbtools.show_path(REPO_ROOT / "data" / "articles") == "data/articles"
    assert nbtools.show_path(tmp_path / "corpus") == "corpus"


def test_by_group_and_top_words():
    table = pd.DataFrame({"group": ["A", "A", None], "kind": ["x", "y", "x"],
                          "speaker": ["p", "q", "p"], "words": [3, 5, 4]})
    counts = nbtools.by_group(table, "kind")
    assert counts.loc["A", "x"] == 1 and counts.loc["(unknown)", "x"] == 1
    shares = nbtools.by_group(table, "kind", share=True)
    assert shares.loc["A"].sum() == pytest.approx(1.0)
    assert list(nbtools.top_words_by(table, "speaker", "words")) == [7, 5]
    assert nbtools.by_group(pd.DataFrame(), "kind").empty


def test_label_shortens_with_an_ellipsis():
    assert nbtools.label("Short") == "Short"
    assert nbtools.label("word " * 30).endswith("…") and len(nbtools.label("word " * 30)) <= 50


@pytest.fixture(scope="module")
def shipped() -> pd.DataFrame:
    return nbtools.open_corpus("data/articles", quiet=True)


def test_pick_example_is_the_seed(shipped):
    example = nbtools.pick_example(shipped)
    assert example["title"].startswith("Chechen leader claims")
    assert nbtools.pick_example(shipped.head(0)) is None
    with pytest.raises(FileNotFoundError, match="CORPUS not found"):
        nbtools.open_corpus("no/such/folder")


def test_profile_with_articles_joins_outlet_and_wire(shipped):
    joined = nbtools.profile_with_articles(shipped, "section")
    assert len(joined) == len(shipped)
    assert {"outlet", "published", "title", "wire", "group"} <= set(joined.columns)


def test_sources_per_article_leaves_out_the_article_not_analysed(shipped):
    per_article = nbtools.sources_per_article(analysis.sources(shipped), shipped)
    spanish = shipped.loc[shipped["language"] == "es", "article_id"].tolist()
    assert len(spanish) == 1 and spanish[0] not in per_article.index
    assert len(per_article) == len(shipped) - 1
    seed = per_article.loc[nbtools.pick_example(shipped)["article_id"]]
    assert seed["named_person"] >= 1 and seed.sum() >= 3


# --- scoring -----------------------------------------------------------------------


def test_gold_tables_place_every_label_on_its_string(shipped):
    gold = scoring.gold_tables(shipped, DEFAULT_CORPUS)
    assert set(gold) == {"quotes", "attributions", "hedges", "boosters"}
    texts = {(a, f): t for a, t1, t2 in zip(shipped["article_id"], shipped["title"],
                                              shipped["text"], strict=True)
             for f, t in (("title", t1), ("text", t2))}
    for layer, table in gold.items():
        assert len(table) > 0, layer
        for _, row in table.iterrows():
            text = texts[(row["article_id"], row["field"])]
            assert text[row["start"]:row["end"]] == row["string"], layer
    refusal = gold["attributions"][gold["attributions"]["string"] == "declined to comment"]
    assert set(refusal["stance"]) == {"refusal"}


def test_gold_summary_matches_the_benchmark_scoring(shipped):
    scores = scoring.gold_summary(DEFAULT_CORPUS)
    assert set(scores["layer"]) == {"quotes", "attributions", "hedges", "boosters"}
    assert scores.attrs["n_articles"] == 16 and not scores.attrs["unmatched"]
    result = shipped_gold.score(DEFAULT_CORPUS, DEFAULT_CORPUS.parent / "gold")
    row = scores[(scores["layer"] == "attributions") & (scores["match"] == "overlap")].iloc[0]
    assert row["recall"] == result["tallies"][("attributions", "overlap")].figures()["recall"]
    pairs = scoring.gold_pairs(shipped, DEFAULT_CORPUS, "attributions")
    assert len(pairs) == row["n_matched"]
    assert {"gold_stance", "predicted_stance"} <= set(pairs.columns)


def test_label_from_gold_by_overlap():
    gold = pd.DataFrame({"article_id": ["a"], "field": ["text"], "start": [5], "end": [9],
                         "stance": ["refusal"]})
    items = pd.DataFrame({"article_id": ["a", "a", "b"], "field": ["text"] * 3,
                          "start": [6, 20, 6], "end": [8, 25, 8]})
    assert list(scoring.label_from_gold(items, gold, "stance")) == ["refusal", None, None]


# --- explorer ----------------------------------------------------------------------


def test_download_links_are_data_uris_that_round_trip():
    table = pd.DataFrame({"a": [1, 2], "when": pd.to_datetime(["2025-01-01", None], utc=True)})
    csv = download_link(table, "t", "csv")
    assert csv.startswith('<a download="t.csv" href="data:text/csv;base64,')
    payload = csv.split("base64,", 1)[1].split('"', 1)[0]
    assert base64.b64decode(payload).decode("utf-8-sig").startswith("a,when\n1,")  # BOM
    xlsx = download_link(table, "t", "xlsx")
    payload = xlsx.split("base64,", 1)[1].split('"', 1)[0]
    assert pd.read_excel(io.BytesIO(base64.b64decode(payload)))["a"].tolist() == [1, 2]
    with pytest.raises(ValueError):
        download_link(table, "t", "pdf")


def test_explorer_static_fallback_and_widgets(shipped, monkeypatch):
    static = Explorer(shipped, live=False)
    assert static.widget is None
    html = static._repr_html_()
    assert "static copy of the explorer" in html and 'class="hl-view"' in html
    assert "No articles" in static_view(shipped.head(0))
    monkeypatch.setenv("ANALYSIS_REPORT", "1")
    assert analysis.explore(shipped).widget is None  # report builds are always static
    live = Explorer(shipped.head(3), live=True)
    bundle = live._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "text/html" in bundle
    assert set(tables_for(shipped.head(1))) == {"profile", "quotes", "attributions",
                                                "sources", "hedges", "boosters"}


def test_default_corpus_is_the_shipped_folder():
    assert nbtools.corpus_path("data/articles") == DEFAULT_CORPUS
