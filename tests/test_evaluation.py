"""The scoring helpers in ``analysis.evaluation`` on small hand-made inputs (the real
corpora are scored by ``benchmarks/`` and checked in ``tests/test_szeged.py`` and
``tests/test_notebook_helpers.py``)."""

from __future__ import annotations

import pytest

from analysis.evaluation import html_extraction, polnear, shipped_gold, szeged
from analysis.evaluation.matching import PRF, overlap_size, overlaps, pair_up
from analysis.evaluation.szeged_gold import GoldCue, GoldSentence

# --- matching ----------------------------------------------------------------------


def test_overlaps_needs_a_shared_character():
    assert overlaps((0, 5), (4, 9)) and overlaps((4, 9), (0, 5))
    assert not overlaps((0, 4), (4, 9))
    assert overlap_size((0, 5), (3, 9)) == 2 and overlap_size((0, 4), (4, 9)) == 0


def test_pair_up_is_one_to_one_and_greedy_by_overlap():
    gold = [(0, 10), (20, 25)]
    predicted = [(5, 12), (0, 9), (21, 30)]
    assert sorted(pair_up(gold, predicted, "overlap")) == [(0, 1), (1, 2)]
    assert pair_up(gold, [(0, 10), (20, 24)], "exact") == [(0, 0)]
    assert pair_up([], predicted, "overlap") == []


def test_prf_is_zero_when_undefined():
    assert (PRF().precision, PRF().recall, PRF().f1) == (0.0, 0.0, 0.0)
    prf = PRF(tp_pred=3, n_pred=4, tp_gold=3, n_gold=6)
    assert prf.precision == 0.75 and prf.recall == 0.5
    assert prf.f1 == pytest.approx(0.6)


# --- shipped gold ------------------------------------------------------------------


def test_nth_span_counts_plain_substrings():
    text = "He has said it; she said no."
    assert shipped_gold.nth_span(text, "said", 0) == (7, 11)
    assert shipped_gold.nth_span(text, "said", 1) == (20, 24)
    assert shipped_gold.nth_span(text, "said", 2) is None


def test_place_labels_keeps_the_field_and_reports_missing_strings():
    gold = {"hedges": [{"field": "text", "cue": "may", "nth": 0},
                       {"field": "title", "cue": "may", "nth": 0},
                       {"cue": "perhaps"}]}
    placed, missing = shipped_gold.place_labels(gold, "hedges", "text", "It may rain.")
    assert placed == [((3, 6), gold["hedges"][0])]
    assert missing == [gold["hedges"][2]]


def test_names_and_labels_are_compared_leniently():
    assert shipped_gold.same_name("Kadyrov", "Ramzan Kadyrov")
    assert shipped_gold.same_name("the ministry", "Ministry")
    assert not shipped_gold.same_name("Kadyrov", None)
    assert shipped_gold.same_label("stance", "Neutral", "neutral")
    assert shipped_gold.same_label("negated", False, None)


# --- PolNeAR -----------------------------------------------------------------------


def test_score_spans_counts_exact_overlap_and_token_matches():
    text = "Officials said the plan would work."
    starts, ends = zip(*(m.span() for m in polnear.TOKEN.finditer(text)), strict=True)
    counts = {m: PRF() for m in polnear.MATCHES}
    polnear.score_spans(polnear.Spans(pred=[(10, 14), (15, 23)], gold=[(10, 14), (15, 34)]),
                        (list(starts), list(ends)), counts)
    assert (counts["exact"].tp_pred, counts["exact"].n_pred) == (1, 2)
    assert counts["overlap"].precision == 1.0 and counts["overlap"].recall == 1.0
    assert counts["token"].tp_pred == 2.0 and counts["token"].tp_gold == 1.5


def test_naive_baseline_finds_said_with_source_and_content():
    [found] = polnear.naive("Officials said the plan would work.")
    assert found.cue == (10, 14) and found.source == (0, 9)
    assert found.content == ((15, 34),)


def _joint(gold: list[polnear.GoldAttribution], predicted: list[polnear.Predicted]
           ) -> tuple[list[tuple[int, int]], dict[str, PRF]]:
    counts = {"source": PRF(), "content": PRF()}
    return polnear.score_joint(gold, predicted, counts), counts


def test_joint_pairs_each_gold_cue_with_the_first_unused_prediction():
    gold = [polnear.GoldAttribution(((10, 14),), ((0, 9),), ((15, 34),))]
    # Both cues overlap the gold cue; only the first pairs, so the second's right source
    # and content earn nothing, and both predictions stay in the precision denominators.
    predicted = [polnear.Predicted((10, 14), (20, 25), ()),
                 polnear.Predicted((11, 13), (0, 9), ((15, 34),))]
    pairs, counts = _joint(gold, predicted)
    assert pairs == [(0, 0)]
    assert counts["source"] == PRF(tp_pred=0, n_pred=2, tp_gold=0, n_gold=1)
    assert counts["content"] == PRF(tp_pred=0, n_pred=1, tp_gold=0, n_gold=1)
    # A used prediction is skipped: the second gold cue pairs with the second prediction.
    gold = [polnear.GoldAttribution(((0, 5),), (), ()), polnear.GoldAttribution(((3, 8),), (), ())]
    pairs, _ = _joint(gold, [polnear.Predicted((2, 6), None, ()),
                             polnear.Predicted((4, 7), None, ())])
    assert pairs == [(0, 0), (1, 1)]


def test_joint_denominators_and_discontinuous_content():
    gold = [
        # found: source and the second content piece overlap p0's
        polnear.GoldAttribution(((10, 14),), ((0, 9),), ((15, 20), (30, 40))),
        # no source: not in the source recall denominator; p1 pairs and its source is wrong
        polnear.GoldAttribution(((50, 55),), (), ((56, 70),)),
        # no prediction pairs: counts against recall only
        polnear.GoldAttribution(((80, 84),), ((70, 79),), ((85, 99),)),
        # no cue: never paired, though p2's source overlaps its source
        polnear.GoldAttribution((), ((120, 125),), ()),
    ]
    predicted = [
        polnear.Predicted((10, 14), (0, 3), ((32, 35),)),
        polnear.Predicted((50, 55), (40, 45), ((56, 60),)),
        # unpaired, gives a source: in the source precision denominator, not right
        polnear.Predicted((100, 104), (120, 125), ()),
        # unpaired, no source span: not in the source precision denominator
        polnear.Predicted((130, 134), None, ((135, 140),)),
    ]
    pairs, counts = _joint(gold, predicted)
    assert pairs == [(0, 0), (1, 1)]
    assert counts["source"] == PRF(tp_pred=1, n_pred=3, tp_gold=1, n_gold=3)
    assert counts["content"] == PRF(tp_pred=2, n_pred=3, tp_gold=2, n_gold=3)
    assert counts["source"].precision == pytest.approx(1 / 3)
    assert counts["content"].recall == pytest.approx(2 / 3)


# --- Szeged ------------------------------------------------------------------------


def _sentence(doc_index: int, text: str, cues: list[tuple[int, int]]) -> GoldSentence:
    return GoldSentence(doc_index, f"s{doc_index}", "body", text,
                        tuple(GoldCue(text[a:b], (a, b), "epistemic") for a, b in cues))


def test_szeged_sentence_and_cue_scores():
    gold = [_sentence(0, "It may rain.", [(3, 6)]), _sentence(1, "It rains.", [])]
    predicted = [[(3, 6), (7, 11)], [(3, 8)]]
    assert szeged.sentence_prf(gold, predicted) == PRF(1, 2, 1, 1)
    assert szeged.cue_prf(gold, predicted) == PRF(1, 3, 1, 1)
    false_positives, false_negatives = szeged.cue_errors(gold, predicted)
    assert [span for _, span in false_positives] == [(7, 11), (3, 8)]
    assert false_negatives == []
    assert szeged.split(gold, "dev") == [0] and szeged.split(gold, "test") == [1]
    assert szeged.split(gold, "all") == [0, 1]


# --- HTML extraction ---------------------------------------------------------------


def test_shingle_scores_match_the_benchmark_definitions():
    page = "one two three four five"
    assert html_extraction.tp_fp_fn(page, page) == (1.0, 0.0, 0.0)
    assert html_extraction.tp_fp_fn("", "") == (0.0, 0.0, 0.0)
    assert html_extraction.scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)]) == pytest.approx(
        (0.75, 1.0, 0.857142857))
    assert html_extraction.split_of("x") in ("dev", "test")
    assert html_extraction.snippet_counts({"p": {"with": ["two  three"], "without": ["six"]}},
                                          {"p": page}) == (1, 1, 0, 1)
