"""Property tests: any string in, no exception, spans in bounds and equal to the cue."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import find_boosters, find_hedges
from analysis.detect.hedging import CATEGORIES
from analysis.detect.voice import VOICES

# Words that fire the lexicons and their context rules, mixed with punctuation and
# numbers, so that generated text reaches the rules and not only the fast path.
CUE_WORDS = [
    "may",
    "May",
    "might",
    "could",
    "not",
    "n't",
    "would",
    "will",
    "if",
    "If",
    "whether",
    "about",
    "some",
    "Some",
    "nearly",
    "2,900",
    "40",
    "a third",
    "critics",
    "say",
    "said",
    "it",
    "is",
    "was",
    "widely",
    "believed",
    "thought",
    "there",
    "no",
    "way",
    "to",
    "immediately",
    "verify",
    "be",
    "independently",
    "verified",
    "confirmed",
    "unverified",
    "clearly",
    "clear",
    "that",
    "certain",
    "sure",
    "make",
    "doubt",
    "without",
    "in",
    "fact",
    "of",
    "course",
    "change",
    "almost",
    "certainly",
    "appears",
    "seems",
    "likely",
    "alleged",
    "reportedly",
    "suspect",
    "a",
    "the",
    "as",
    "asked",
    "unclear",
    "expected",
    "than",
    "considered",
    "regarded",
    "possible",
    "fear",
    "think",
    "tank",
    "“",
    "”",
    '"',
    "'",
    ",",
    ".",
    "?",
    "!",
    "\n",
    "\n\n",
    "—",
    "(",
    ")",
    "’",
    "É",
    "ß",
    "İ",
    "\u00a0",
    "\t",
]

cue_text = st.lists(st.sampled_from(CUE_WORDS), max_size=40).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "", "  ", "\n"]), min_size=len(words), max_size=len(words)
    ).map(lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True)))
)
any_text = st.one_of(st.text(max_size=300), cue_text)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_hedges_spans_in_bounds_and_equal_to_the_cue(text: str) -> None:
    for hedge in find_hedges(text):
        start, end = hedge.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == hedge.cue
        s_start, s_end = hedge.sentence_span
        assert s_start <= start and end <= s_end <= len(text)
        assert hedge.category in CATEGORIES
        assert hedge.voice in VOICES
        assert hedge.rule


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_boosters_spans_in_bounds_and_equal_to_the_cue(text: str) -> None:
    for booster in find_boosters(text):
        start, end = booster.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == booster.cue
        s_start, s_end = booster.sentence_span
        assert s_start <= start and end <= s_end <= len(text)
        assert isinstance(booster.negated, bool)
        assert booster.voice in VOICES
        assert booster.rule


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_hedges_are_in_text_order_and_do_not_overlap(text: str) -> None:
    spans = [h.span for h in find_hedges(text)]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


@settings(max_examples=300, deadline=None)
@given(any_text)
@example("IN  FACT, it could  not   be\nverified")  # several spaces inside a phrase
@example("Héif they couldn’t verify it, perhaps; maybe")  # "n’t" and a non-ASCII letter in a word
def test_the_prefix_guard_never_changes_what_matches(text: str) -> None:
    """The scanner's candidates only skip positions where no lexicon row can start: it finds
    what the plain alternation finds over each span (here the two halves of the text, so a
    span may start or end inside a word)."""
    import re

    from analysis.detect.hedging import _booster_lexicon, _hedge_lexicon
    from analysis.nlp.lexicon_scan import ascii_lower

    lowered = ascii_lower(text)
    assert len(lowered) == len(text)
    middle = len(lowered) // 2
    spans = [(0, middle), (middle, len(lowered))]
    for scanner, _rows in (_hedge_lexicon(), _booster_lexicon()):
        unguarded = re.compile(scanner.plain_pattern)
        expected = [(index, m.lastgroup, m.span())
                    for index, (start, end) in enumerate(spans)
                    for m in unguarded.finditer(lowered, start, end)]
        found = [(index, f"r{i}", m.span()) for index, i, m in scanner.scan(lowered, spans)]
        assert found == expected


@pytest.mark.parametrize("pattern", [r"(?:perhaps)?", r"\b", r"May"])
def test_a_lexicon_row_that_matches_nothing_or_has_capitals_is_refused(pattern: str) -> None:
    from analysis.nlp.lexicon_scan import LexiconScanner

    with pytest.raises(ValueError, match="lexicon pattern"):
        LexiconScanner(["probably", pattern])


def test_rows_sharing_a_first_letter_keep_file_order() -> None:
    """At one position the first row in file order wins, as in the plain alternation."""
    from analysis.nlp.lexicon_scan import LexiconScanner

    scanner = LexiconScanner([r"may", r"may\s+well", r"might|maybe"])
    lowered = "it may well rain; maybe not."
    assert [(i, m.group()) for _, i, m in scanner.scan(lowered, [(0, len(lowered))])] == [
        (0, "may"), (2, "maybe")]
