"""Property tests: any text in, no exception, every span inside the text and consistent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.detect.quotes import QUOTE_MARKS
from analysis.records import ATTRIBUTION_KINDS, QUOTE_KINDS, SOURCE_TYPES, STANCES

# Text built from the pieces that matter: reporting words, names, pronouns, quote marks
# of every kind, apostrophes, commas, colons, sentence ends and paragraph breaks.
PIECES = st.sampled_from([
    "said", "says", "has claimed", "told", "according to", "declined to comment",
    "did not respond to a request for comment", "adding that", "Quoting", "Kadyrov",
    "Ramzan Kadyrov", "he", "she", "it", "the source", "A source in the ministry", "the",
    "that", "who", "was reported", "believes", "showed", '"', "“", "”", "'", "‘", "’",
    "«", "»", "„", ",", ":", ".", "!", "?", "\n", "\n\n", " ", "don't", "players'", "'90s",
    "Peskov", "in a statement", "The statement read:", "X", "é", "\t", "—",
])
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(PIECES, max_size=60).map(" ".join),
    st.lists(PIECES, max_size=60).map("".join),
)


def _check(text: str) -> None:
    doc = analysis.analyse(text)
    n = len(text)
    for q in doc.quotes:
        assert 0 <= q.span[0] < q.span[1] <= n
        assert text[q.span[0]] in QUOTE_MARKS
        assert q.kind in QUOTE_KINDS
    for a in doc.attributions:
        assert 0 <= a.cue_span[0] < a.cue_span[1] <= n
        assert text[slice(*a.cue_span)] == a.cue
        if a.source_span is not None:
            assert 0 <= a.source_span[0] < a.source_span[1] <= n
            assert text[slice(*a.source_span)] == a.source_text
        else:
            assert a.source_text is None
        for start, end in a.content_spans:
            assert 0 <= start < end <= n
        assert a.kind in ATTRIBUTION_KINDS
        assert a.stance in STANCES
        assert a.source_type in SOURCE_TYPES
    for s in doc.sources:
        assert s.attributions >= 1 and s.words_quoted >= 0


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_consistent_records(text: str) -> None:
    _check(text)


def test_edge_cases() -> None:
    for text in ["", " ", '"', "“", "'", '""', "“”", '" said', "said", "said.", ", said he",
                 '"A," he said, "', "according to", "According to ,", "\n\n\"\n\"",
                 "He said:", "who said", ", who said", "it was reported"]:
        _check(text)
