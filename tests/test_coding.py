"""Hand-coding export and coder-vs-detector agreement (Krippendorff's alpha)."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.present.coding import CODING_COLUMNS, agreement, coding_sample, percent_agreement


@pytest.fixture(scope="module")
def corpus():
    text = ('"We will appeal," the mayor said. Officials claimed the budget may be cut. '
            'The council declined to comment. "It is over," Ms Reed said.')
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "title": ["Mayor says", "Budget"],
                             "text": [text, text.replace("mayor", "governor")],
                             "language": ["en", "en"]})
    return articles


def test_export_writes_csv_and_xlsx_blind_with_a_key(tmp_path, corpus):
    records = analysis.attributions(corpus)
    assert len(records) >= 4
    sample = analysis.export_for_coding(records, tmp_path / "cues", n=5, seed=1,
                                        articles=corpus, context=20)
    files = {p.split("/")[-1] for p in sample.attrs["files"]}
    assert files == {"cues.csv", "cues.xlsx", "cues_key.csv"}
    csv = pd.read_csv(tmp_path / "cues.csv")
    xlsx = pd.read_excel(tmp_path / "cues.xlsx")
    assert list(csv.columns) == CODING_COLUMNS == list(xlsx.columns)
    assert "detector_label" not in csv.columns  # blind: coders do not see the answer
    key = pd.read_csv(tmp_path / "cues_key.csv")
    assert list(key["item_id"]) == list(csv["item_id"])
    assert len(csv) == 5
    texts = corpus.set_index("article_id")
    for _, row in sample.iterrows():
        source = texts.loc[row["article_id"], row["field"]]
        assert source[row["start"]:row["end"]] == row["span"]
        assert source[:row["start"]].endswith(row["context_before"])
        assert source[row["end"]:].startswith(row["context_after"])


def test_sample_is_seeded_and_unblinded_export_keeps_labels(tmp_path, corpus):
    records = analysis.attributions(corpus)
    one = coding_sample(records, n=3, seed=5, articles=corpus)
    two = coding_sample(records, n=3, seed=5, articles=corpus)
    pd.testing.assert_frame_equal(one, two)
    open_sample = analysis.export_for_coding(records, tmp_path / "open.csv", n=3, seed=5,
                                             blind=False)
    assert "detector_label" in pd.read_csv(tmp_path / "open.csv").columns
    assert len(open_sample) == 3
    # n larger than the table: everything, once
    assert len(coding_sample(records, n=1000)) == len(records)


def test_export_works_for_quotes_hedges_and_boosters(tmp_path, corpus):
    for name in ("quotes", "hedges"):
        table = getattr(analysis, name)(corpus)
        sample = analysis.export_for_coding(table, tmp_path / name, n=2, articles=corpus)
        assert len(sample) == min(2, len(table))
    with pytest.raises(ValueError, match="records table"):
        analysis.export_for_coding(pd.DataFrame({"x": [1]}), tmp_path / "bad")


def test_agreement_matches_krippendorff_and_handles_missing():
    coder = ["neutral", "distancing", "neutral", "refusal", "neutral", None, "neutral"]
    detector = ["neutral", "neutral", "neutral", "refusal", "distancing", "neutral", ""]
    codes = {"neutral": 0, "distancing": 1, "refusal": 2}
    data = np.array([[codes.get(c, np.nan) if c else np.nan for c in coder],
                     [codes.get(d, np.nan) if d else np.nan for d in detector]], dtype=float)
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert math.isclose(agreement(coder, detector), expected)
    assert agreement(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert agreement(["a", "b"], ["b", "a"]) < 0
    assert math.isnan(agreement(["a", "a"], ["a", "a"]))  # one value: alpha undefined
    assert math.isnan(agreement([None, ""], ["a", "b"]))
    with pytest.raises(ValueError):
        agreement(["a"], ["a", "b"])


def test_agreement_aligns_series_by_index_and_percent_agreement():
    coder = pd.Series(["a", "b", "a"], index=[3, 1, 2])
    detector = pd.Series(["b", "a", "a"], index=[1, 2, 3])
    assert agreement(coder, detector) == 1.0
    assert percent_agreement(["a", "b", None], ["a", "a", "b"]) == 0.5
