"""PolNeAR gold attributions read from brat standoff (skips without ../shared/corpora)."""

from __future__ import annotations

import pytest

from analysis.evaluation.polnear_gold import parse_ann, polnear_gold, polnear_texts


def test_parse_ann_discontinuous_and_no_source():
    ann = (
        "T1\tSource 0 5\tSmith\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 20;25 30\tthe plan would\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 40 51\tis expected\n"
        "T6\tContent 52 60\tto win\n"
        "T7\tAttribution-no-source 40 51\tis expected\n"
        "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
        "T8\tDiscuss 70 80\tsomething\n"
        "#1\tAnnotatorNotes T8\tunsure\n"
    )
    first, second = parse_ann(ann)
    assert first["cue"] == ((6, 10),)
    assert first["content"] == ((11, 20), (25, 30))
    assert second["label"] == "Attribution-no-source"
    assert second["source"] == ()


@pytest.mark.parametrize("split", ["dev", "test"])
def test_gold_spans_point_into_the_raw_text(corpora, split):
    gold = polnear_gold(corpora, split)
    texts = polnear_texts(corpora, split)
    assert gold["article"].nunique() == 84
    assert set(gold["label"]) == {"Attribution", "Attribution-no-source"}
    for row in gold.itertuples():
        text = texts[row.article]
        if len(row.cue_spans) == 1:
            assert text[row.cue_start : row.cue_end] == row.cue_text
        for start, end in row.content_spans:
            assert 0 <= start < end <= len(text)
        if row.source_spans:
            assert text[row.source_start : row.source_end] in row.source_text


def test_one_annotator_per_article_and_columns(corpora):
    gold = polnear_gold(corpora, "dev")
    assert gold.groupby("article")["annotator"].nunique().max() == 1
    for column in ("article", "split", "attribution_id", "cue_start", "cue_end", "cue_text",
                   "source_start", "source_end", "source_text", "content_start",
                   "content_end", "content_spans"):
        assert column in gold.columns
    no_source = gold["label"] == "Attribution-no-source"
    # One dev relation is labelled no-source yet links a Source: kept as annotated.
    assert (no_source & gold["source_start"].notna()).sum() <= 1
    assert (~no_source & gold["source_start"].isna()).sum() == 0


def test_unknown_split_is_refused(corpora):
    with pytest.raises(ValueError):
        polnear_gold(corpora, "validation")
