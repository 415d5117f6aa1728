"""load_articles on the seed article and the real corpora in ../shared/corpora."""

from __future__ import annotations

import gzip
import re

import pandas as pd
import pytest

import analysis
from analysis.loading import COLUMNS
from analysis.paths import DEFAULT_CORPUS

SEED = DEFAULT_CORPUS / "000_1f5ea510983bc6a6.txt"

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def check_invariants(df: pd.DataFrame) -> None:
    """What every load guarantees: columns, dtypes, the count invariant, unique ids."""
    assert list(df.columns[: len(COLUMNS)]) == list(COLUMNS)
    for column, dtype in COLUMNS.items():
        assert str(df[column].dtype) == dtype, column
    assert df.attrs["records_seen"] == len(df) + len(df.attrs["skipped"])
    assert df["article_id"].is_unique
    assert (df["n_words"] == df["text"].map(analysis.count_words)).all()
    assert not df["text"].str.contains(CONTROL).any()


def test_seed_article_title_story_and_footer():
    df = analysis.load_articles(SEED)
    check_invariants(df)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["title"] == "Chechen leader claims Russian spy network has infiltrated IS"
    paragraphs = row["text"].split("\n")
    assert len(paragraphs) == 16
    assert paragraphs[0].startswith("Chechen leader Ramzan Kadyrov has claimed spies")
    assert paragraphs[-1].startswith("According to figures released by Russia's FSB")
    footer = row["boilerplate"].split("\n")
    assert footer[0] == "New MEE newsletter: Jerusalem Dispatch"
    assert footer[1].startswith("Sign up to get the latest insights")
    assert footer[2].startswith("Middle East Eye delivers independent")
    assert len(footer) == 3
    assert "newsletter" not in row["text"].lower()
    assert row["language"] == "en"
    assert row["source_path"] == str(SEED)
    assert pd.isna(row["duplicate_of"]) and pd.isna(row["published"])


def test_seed_id_is_stable_and_depends_on_the_relative_path(tmp_path):
    first = analysis.load_articles(SEED)["article_id"].iloc[0]
    assert first == analysis.load_articles(SEED)["article_id"].iloc[0]
    assert re.fullmatch(r"[0-9a-f]{16}", first)
    copy = tmp_path / "copy" / SEED.name
    copy.parent.mkdir()
    copy.write_bytes(SEED.read_bytes())
    both = analysis.load_articles([SEED, tmp_path])
    # same text, two files: two ids, the second marked as a duplicate of the first
    assert both["article_id"].is_unique
    assert both["duplicate_of"].iloc[1] == both["article_id"].iloc[0]


def test_bbc_corpus(corpora):
    root = corpora / "bbc_news" / "bbc"
    df = analysis.load_articles(root)
    check_invariants(df)
    assert len(df) == 2225
    assert analysis.skipped(df).empty
    assert df.attrs["ignored"] == [str(root / "README.TXT")]
    assert df["section"].value_counts().to_dict() == {
        "sport": 511, "business": 510, "politics": 417, "tech": 401, "entertainment": 386,
    }
    sport_199 = df[df["source_path"] == str(root / "sport" / "199.txt")].iloc[0]
    assert "£" in sport_199["text"] and "\ufffd" not in sport_199["text"]
    # BBC copy has almost no footers: the rules must not eat story paragraphs. The only
    # lines removed are radio plugs ("Listen to the full interview on ...").
    removed = df["boilerplate"].dropna()
    assert 1 <= len(removed) <= 5
    assert removed.str.contains(r"^\W*Listen (?:to|again)\b", regex=True).all()
    assert (df["language"] == "en").all()
    # rows come in sorted path order
    assert df["source_path"].tolist() == sorted(df["source_path"].tolist())
    # the corpus is known to contain repeated stories; they are marked, not dropped
    duplicates = df[df["duplicate_of"].notna()]
    assert len(duplicates) > 0
    originals = df.set_index("article_id").loc[duplicates["duplicate_of"], "text"]
    assert originals.tolist() == duplicates["text"].tolist()


@pytest.fixture(scope="module")
def reuters(corpora):
    return analysis.load_articles(corpora / "reuters21578")


def test_reuters_stories(reuters, corpora):
    df = reuters
    check_invariants(df)
    assert len(df) == 19043
    report = analysis.skipped(df)
    assert len(report) == 21578 - 19043
    assert report["reason"].str.startswith("story has no <BODY>").all()
    assert report["record"].str.fullmatch(r"NEWID=\d+").all()
    assert df.attrs["layouts"] == {"reuters21578": 19043}
    ignored = {p.rsplit("/", 1)[-1] for p in df.attrs["ignored"]}
    assert {"lewis.dtd", "README.txt", "SOURCE.txt"} <= ignored
    first = df[df["newid"] == "1"].iloc[0]
    assert first["title"] == "BAHIA COCOA REVIEW"
    assert first["published"] == pd.Timestamp("1987-02-26 15:01:01", tz="UTC")
    assert first["topics"] == "cocoa"
    assert first["places"] == "el-salvador; usa; uruguay"
    assert first["text"].startswith("Showers continued throughout the week in the Bahia")
    assert first["boilerplate"] == "Reuter"  # the wire sign-off line
    assert df["published"].notna().mean() > 0.99
    assert not df["text"].str.contains("&#").any()


def test_reuters_latin1_file_keeps_its_characters(reuters, corpora):
    raw = gzip.decompress((corpora / "reuters21578" / "reut2-017.sgm.gz").read_bytes())
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    latin = {chr(b) for b in raw if b >= 0xA0}
    rows = reuters[reuters["source_path"].str.endswith("reut2-017.sgm.gz")]
    assert len(rows) > 500
    text = "".join(rows["title"].fillna("")) + "".join(rows["text"])
    assert latin & set(text), "the Latin-1 characters of reut2-017 are lost"
    assert "\ufffd" not in text


def test_zyte_html_folder(corpora):
    df = analysis.load_articles(corpora / "scrapinghub_articles" / "html")
    check_invariants(df)
    assert len(df) + len(df.attrs["skipped"]) == 181
    assert len(df) == 181  # every page yields an article (no rule may eat a whole story)
    assert df["title"].notna().mean() > 0.95
    assert df["n_words"].median() > 300
    assert {"en", "pt", "ru"} <= set(df["language"].dropna())


def test_polnear_metadata_and_gold(corpora):
    root = corpora / "polnear" / "data"
    df = analysis.load_articles(root)
    check_invariants(df)
    assert analysis.skipped(df).empty
    assert df.attrs["layouts"] == {"polnear": len(df)}
    assert len(df) == 1008 + 4  # train, dev, test and the annotator-training texts
    assert str(root / "metadata.tsv") in df.attrs["ignored"]
    assert df["compartment"].value_counts()["test"] == 84
    assert set(df["outlet"]) == {"breitbart", "huff-post", "nyt", "politico", "usa-today",
                                 "wash-post", "west-journal"}
    assert df["published"].notna().all() and df["section"].isna().all()
    assert (df["wire"] == "AP").sum() > 0 and df["credit"].notna().sum() > 0
    row = df[df["source_path"].str.endswith("activists-who-lit-syria-revolt-w.txt")].iloc[0]
    assert row["author"] == "AFP" and row["wire"] == "AFP"
    assert row["published"] == pd.Timestamp("2016-03-11", tz="UTC")

    gold = analysis.polnear_gold(root, "test")
    assert gold["file"].nunique() == 84
    assert set(gold["article_id"]) <= set(df["article_id"])
    assert not gold["label"].isin(["Discuss", "Discard"]).any()
    assert set(gold["label"]) == {"Attribution", "Attribution-no-source"}
    # spans index the raw .txt: check them against the file
    sample = gold.iloc[0]
    raw = (root / "test" / "text" / sample["file"]).read_text(encoding="utf-8")
    assert raw[sample["cue_start"] : sample["cue_end"]] == sample["cue_text"]
    no_source = gold[gold["label"] == "Attribution-no-source"]
    assert no_source["source_start"].isna().all()
