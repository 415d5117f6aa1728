"""The worked example of issue 3: every assertion listed there, on the seed article."""

from __future__ import annotations

import pytest

import analysis
from analysis.records import Attribution, Quote


@pytest.fixture(scope="module")
def doc(seed_text: str) -> analysis.Document:
    return analysis.analyse(seed_text)


def _attribution(doc: analysis.Document, cue: str, near: str) -> Attribution:
    """The attribution whose cue is ``cue`` in the sentence holding ``near``."""
    position = doc.text.index(near)
    sentence = next(s for s in doc.sentences if s.start <= position < s.end)
    found = [a for a in doc.attributions
             if a.cue == cue and sentence.start <= a.cue_span[0] < sentence.end]
    assert found, f"no attribution with cue {cue!r} near {near!r}"
    return found[0]


def _quote(doc: analysis.Document, words: str) -> Quote:
    found = [q for q in doc.quotes if q.text.startswith(words)]
    assert found, f"no quote starting {words!r}"
    return found[0]


def test_has_claimed(doc):
    a = _attribution(doc, "has claimed", "Ramzan Kadyrov has claimed")
    assert doc.text[slice(*a.cue_span)] == "has claimed"
    assert a.stance == "distancing"
    assert a.source_type == "named_person"
    assert a.source == "Ramzan Kadyrov"
    assert a.role == "Chechen leader"
    assert a.kind == "indirect"
    assert a.content.startswith("spies from his region")


def test_documentary_claims_mixed(doc):
    a = _attribution(doc, "claims", "The documentary claims")
    assert a.source_type == "media"
    assert a.source.lower() == "the documentary"
    assert a.kind == "mixed"
    q = _quote(doc, "agents from special forces from Chechnya were embedded")
    assert q.kind == "partial"
    assert q.span[0] >= a.content_spans[0][0] and q.span[1] <= a.content_spans[-1][1]


def test_quoting_kadyrov(doc):
    a = _attribution(doc, "said", "Quoting Kadyrov")
    assert a.source_text == "it"
    assert a.source.lower() == "the documentary"
    for words in ("best fighters", "intricate agent network directly inside IS"):
        q = _quote(doc, words)
        assert q.kind == "partial"
        assert q.speaker == "Ramzan Kadyrov"
    assert _quote(doc, "intricate agent network").text == (
        "intricate agent network directly inside IS")


def test_direct_quote_and_floating_quote(doc):
    a = _attribution(doc, "said", "Kadyrov said in an interview")
    assert a.kind == "direct"
    assert a.source == "Ramzan Kadyrov"
    assert a.content == '"We unfortunately have had some losses,"'
    q = _quote(doc, "We unfortunately have had some losses")
    assert (q.kind, q.speaker) == ("direct", "Ramzan Kadyrov")
    floating = _quote(doc, "But they knew where they were going")
    assert floating.kind == "direct"
    assert floating.speaker == "Ramzan Kadyrov"
    assert floating.paragraph == q.paragraph + 1


def test_documentary_claimed_with_direct_quote(doc):
    a = _attribution(doc, "claimed", "the documentary claimed")
    assert a.source.lower() == "the documentary"
    assert a.stance == "distancing"
    q = _quote(doc, "gather information about the structure")
    assert q.kind == "direct"
    assert q.speaker.lower() == "the documentary"
    assert any(s <= q.span[0] and q.span[1] <= e for s, e in a.content_spans)


def test_peskov_declined_to_comment(doc):
    a = _attribution(doc, "declined to comment", "Peskov declined")
    assert a.stance == "refusal"
    assert a.source_type == "named_person"
    assert a.source == "Dmitry Peskov"
    assert a.role == "Kremlin spokesman"
    assert a.source_text == "Kremlin spokesman Dmitry Peskov"


def test_anonymous_source_told_agency(doc):
    told = _attribution(doc, "told", "A source in the Chechen leadership told")
    assert told.source_type == "anonymous"
    assert told.source == "a source in the Chechen leadership"
    assert told.addressee == "the Interfax news agency"
    said = _attribution(doc, "said", "the source said, adding")
    assert said.source_text == "the source"
    assert said.source == told.source
    assert said.kind == "direct"
    adding = _attribution(doc, "adding", "the source said, adding")
    assert adding.source == told.source
    assert adding.content.startswith("that none of them were members")


def test_kadyrov_conceded(doc):
    a = _attribution(doc, "conceded", "Kadyrov at the time conceded")
    assert a.stance == "admission"
    assert a.source == "Ramzan Kadyrov"
    assert a.source_text == "Kadyrov"
    q = _quote(doc, "carry out missions to neutralise bandits")
    assert q.kind == "partial"
    assert q.speaker == "Ramzan Kadyrov"
    assert a.kind == "mixed"


def test_according_to_figures(doc):
    a = _attribution(doc, "According to", "According to figures")
    assert a.stance == "neutral"
    assert a.source_type in ("document", "organisation")
    assert a.source_text.startswith("figures released by Russia's FSB security service")
    assert a.content.startswith("nearly 2,900 Russians")


def test_headline_claims(seed_text):
    headline = seed_text.splitlines()[0]
    (a,) = analysis.find_attributions(headline)
    assert a.cue == "claims"
    assert a.stance == "distancing"
    assert a.source == "Chechen leader"
    assert a.content == "Russian spy network has infiltrated IS"


def test_each_source_listed_once(doc):
    names = [s.name for s in doc.sources]
    assert len(names) == len(set(names))
    assert {"Ramzan Kadyrov", "Dmitry Peskov", "a source in the Chechen leadership"} <= set(names)
    assert sum(n.lower() == "the documentary" for n in names) == 1
    kadyrov = next(s for s in doc.sources if s.name == "Ramzan Kadyrov")
    assert kadyrov.role == "Chechen leader"
    assert kadyrov.words_quoted > 0
    assert kadyrov.attributions >= 4


def test_no_claims_noun_taken_as_cue(doc):
    # "made the claims" and "Kadyrov's claims" are nouns, not reporting verbs.
    cues = {doc.text[a.cue_span[0] - 4 : a.cue_span[1]] for a in doc.attributions}
    assert "the claims" not in cues
    assert "v's claims" not in cues


def test_sources_table_for_the_seed(seed_text):
    import pandas as pd

    articles = pd.DataFrame({"article_id": ["seed"], "title": [seed_text.splitlines()[0]],
                             "text": ["\n".join(seed_text.splitlines()[1:])]})
    table = analysis.sources(articles)
    body = table[table["field"] == "text"]
    assert body["source"].is_unique
    title = table[table["field"] == "title"]
    assert list(title["source"]) == ["Chechen leader"]
