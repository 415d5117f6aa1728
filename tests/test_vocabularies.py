"""The label vocabularies are defined once, in ``analysis.records`` (issue 13): each
``Literal`` type agrees with its dict of meanings, and the lexicons and the highlight
colours use no other label (``test_attribution_properties`` checks the detectors')."""

from __future__ import annotations

from typing import get_args

import pytest

from analysis.nlp.lexicons import load_lexicon
from analysis.present.highlight import COLOURS, legend_html
from analysis.records import (
    ATTRIBUTION_KINDS,
    QUOTE_KINDS,
    SOURCE_TYPES,
    SPOKEN_KINDS,
    STANCES,
    AttributionKind,
    QuoteKind,
    SourceType,
    Stance,
)

VOCABULARIES = [(QuoteKind, QUOTE_KINDS), (Stance, STANCES), (SourceType, SOURCE_TYPES),
                (AttributionKind, ATTRIBUTION_KINDS)]


@pytest.mark.parametrize(("kind", "meanings"), VOCABULARIES)
def test_each_literal_type_and_its_meanings_name_the_same_labels(kind, meanings):
    assert get_args(kind) == tuple(meanings)
    assert all(meaning.strip() for meaning in meanings.values())


def test_spoken_kinds_are_quote_kinds():
    assert set(SPOKEN_KINDS) < set(QUOTE_KINDS)


def test_the_lexicons_use_the_vocabularies():
    assert {row["stance"] for row in load_lexicon("cues")} == set(STANCES)
    classes = {row["class"] for row in load_lexicon("source_nouns")}
    # besides source types: job titles ("role") and outlet-name endings ("media_suffix")
    assert classes - {"role", "media_suffix"} <= set(SOURCE_TYPES)


@pytest.mark.parametrize(("layer", "meanings"),
                         [("quote", QUOTE_KINDS), ("cue", STANCES), ("source", SOURCE_TYPES)])
def test_highlight_colours_and_legend_cover_each_label(layer, meanings):
    assert list(COLOURS[layer]) == list(meanings)
    legend = legend_html([layer])
    for label, meaning in meanings.items():
        assert f"{layer}: {label}: {meaning}" in legend.replace("&#x27;", "'")

