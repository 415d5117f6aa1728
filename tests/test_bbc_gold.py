"""The BBC development gold in data/gold/bbc/ is well formed, and its scorer counts right.

The gold files hold offsets and labels only (the BBC text is copyright). The checks that
need the text (sha1, spans inside quotation marks and on word boundaries, the article
choice rule) read it with ``analysis.load_articles`` from ``../shared/corpora`` and skip
with a message when it is absent; the rest run everywhere.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

import analysis
from analysis.evaluation.bbc import GOLD_DIR, SECTIONS, GoldScore, read_gold, score_field, sha1
from analysis.records import QUOTE_KINDS, SOURCE_TYPES, STANCES, Attribution, Quote
from analysis.tables.corpus import FIELDS

GOLD = read_gold(GOLD_DIR)
IDS = [path.stem for path, _ in GOLD]
OPEN_MARKS = "\"“‘'"
QUOTE_KEYS = {"field", "start", "end", "kind", "speaker"}
ATTRIBUTION_KEYS = {"field", "cue_start", "cue_end", "source", "source_start", "source_end",
                    "source_type", "stance"}


def test_twenty_articles_four_per_section():
    assert len(GOLD) == 20
    sections = [gold["article"].split("/")[0] for _, gold in GOLD]
    assert {s: sections.count(s) for s in SECTIONS} == dict.fromkeys(SECTIONS, 4)


@pytest.mark.parametrize(("path", "gold"), GOLD, ids=IDS)
def test_file_is_well_formed(path: Path, gold: dict):
    section, number = re.fullmatch(r"(\w+)/(\d{3})\.txt", gold["article"]).groups()
    assert path.name == f"{section}_{number}.json" and section in SECTIONS
    assert int(number) >= 200
    assert gold["labelled_by"] and re.fullmatch(r"[0-9a-f]{40}", gold["sha1"])
    assert re.fullmatch(r"[0-9a-f]{40}", gold["title_sha1"])
    assert "text" not in gold and "title" not in gold  # offsets only, never the article
    for q in gold["quotes"]:
        assert set(q) == QUOTE_KEYS, q
        assert q["field"] in FIELDS and q["kind"] in QUOTE_KINDS, q
        assert isinstance(q["start"], int) and 0 < q["start"] < q["end"], q
        assert q["speaker"] is None or (isinstance(q["speaker"], str) and q["speaker"]), q
        if q["kind"] in ("scare", "title"):
            assert q["speaker"] is None, q
    for a in gold["attributions"]:
        assert set(a) == ATTRIBUTION_KEYS, a
        assert a["field"] in FIELDS and a["stance"] in STANCES, a
        assert a["source_type"] in SOURCE_TYPES, a
        assert 0 <= a["cue_start"] < a["cue_end"], a
        if a["source"] is None:
            assert a["source_start"] is None and a["source_end"] is None, a
            assert a["source_type"] == "unknown", a
        if a["source_start"] is not None:
            assert 0 <= a["source_start"] < a["source_end"], a


# ---------------------------------------------------------------------------- against the text


@cache
def _loaded(bbc: Path, article: str) -> dict[str, str]:
    row = analysis.load_articles(bbc / article).iloc[0]
    return {name: row[name] if isinstance(row[name], str) else "" for name in FIELDS}


@pytest.fixture(scope="session")
def bbc(corpora: Path) -> Path:
    folder = corpora / "bbc_news" / "bbc"
    if not folder.is_dir():
        pytest.skip(f"needs the BBC News corpus at {folder}")
    return folder


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    """The span is non-empty, has no outer space and cuts no word in two."""
    span = text[start:end]
    if not span.strip() or span != span.strip():
        return False
    cuts_start = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    cuts_end = end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    return not cuts_start and not cuts_end


@pytest.mark.corpora
@pytest.mark.parametrize(("path", "gold"), GOLD, ids=IDS)
def test_offsets_fit_the_loaded_article(bbc: Path, path: Path, gold: dict):
    fields = _loaded(bbc, gold["article"])
    assert sha1(fields["text"]) == gold["sha1"], "the loaded text changed since labelling"
    assert sha1(fields["title"]) == gold["title_sha1"], "the loaded title changed"
    for q in gold["quotes"]:
        text = fields[q["field"]]
        assert q["end"] <= len(text) and _on_word_boundaries(text, q["start"], q["end"]), q
        assert text[q["start"] - 1] in OPEN_MARKS, f"quote not opened by a mark: {q}"
    for a in gold["attributions"]:
        text = fields[a["field"]]
        assert a["cue_end"] <= len(text), a
        assert _on_word_boundaries(text, a["cue_start"], a["cue_end"]), a
        if a["source_start"] is not None:
            assert a["source_end"] <= len(text), a
            assert _on_word_boundaries(text, a["source_start"], a["source_end"]), a


@pytest.mark.corpora
def test_articles_follow_the_choice_rule(bbc: Path):
    """Per section: the first four files numbered >= 200 whose loaded text holds '"'."""
    chosen = {gold["article"] for _, gold in GOLD}
    for section in SECTIONS:
        expected = []
        for number in range(200, 1000):
            article = f"{section}/{number:03d}.txt"
            if not (bbc / article).exists():
                break
            if any(mark in _loaded(bbc, article)["text"] for mark in "\"“”"):
                expected.append(article)
            if len(expected) == 4:
                break
        assert expected == sorted(a for a in chosen if a.startswith(f"{section}/"))


# ---------------------------------------------------------------------------- the scorer


def _quote(start: int, end: int, kind: str, speaker: str | None) -> Quote:
    return Quote((start, end), "", kind, speaker, "hand")


def _attribution(start: int, end: int, source: str | None, source_type: str) -> Attribution:
    return Attribution("", (start, end), "neutral", None, None, source, source_type, None,
                       None, None, (), "indirect", "hand")


def test_scorer_counts_a_hand_made_example():
    text = 'He said "We won," and "We lost" was a "claim", Ann Lee told them.'
    gold = {
        "quotes": [
            {"field": "text", "start": 9, "end": 16, "kind": "direct", "speaker": "Ann Lee"},
            {"field": "text", "start": 23, "end": 30, "kind": "direct", "speaker": "Ann Lee"},
            {"field": "text", "start": 39, "end": 44, "kind": "scare", "speaker": None},
        ],
        "attributions": [
            {"field": "text", "cue_start": 3, "cue_end": 7, "source": "Ann Lee",
             "source_start": 0, "source_end": 2, "source_type": "named_person",
             "stance": "neutral"},
            {"field": "text", "cue_start": 55, "cue_end": 59, "source": "Ann Lee",
             "source_start": 47, "source_end": 54, "source_type": "named_person",
             "stance": "neutral"},
        ],
    }
    quotes = [  # predicted spans include the marks
        _quote(8, 17, "direct", "Lee"),  # matches gold 0, speaker right (lenient)
        _quote(22, 31, "direct", "Bob"),  # matches gold 1, speaker wrong
        _quote(59, 64, "scare", None),  # spurious
    ]
    attributions = [
        _attribution(3, 7, "Ann Lee", "organisation"),  # matched, source right, type wrong
        _attribution(31, 34, None, "unknown"),  # spurious
    ]
    score = GoldScore()
    assert [text[q["start"]:q["end"]] for q in gold["quotes"]] == ["We won,", "We lost", "claim"]
    assert text[55:59] == "told" and text[3:7] == "said"
    score_field(score, gold, "text", quotes, attributions, text)
    score_field(score, gold, "title", [], [])  # no title labels: counts nothing
    assert (score.quotes.n_gold, score.quotes.n_pred, score.quotes.tp_gold) == (3, 3, 2)
    assert score.quotes.precision == pytest.approx(2 / 3)
    assert score.quotes.recall == pytest.approx(2 / 3)
    assert (score.speaker.hits, score.speaker.total) == (1, 2)
    assert (score.cues.n_gold, score.cues.n_pred, score.cues.tp_gold) == (2, 2, 1)
    assert score.cues.precision == pytest.approx(0.5)
    assert score.cues.recall == pytest.approx(0.5)
    assert (score.source.hits, score.source.total) == (1, 1)
    assert (score.source_type.hits, score.source_type.total) == (0, 1)
    assert sum(line.startswith("MISSED") for line in score.details) == 2
