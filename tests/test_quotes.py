"""Quote marks, apostrophes, nesting, multi-paragraph quotes and quote kinds."""

from __future__ import annotations

import analysis
from analysis.detect.quotes import quote_spans
from analysis.nlp.text import paragraph_spans


def _spans(text: str) -> list[str]:
    return [text[slice(*q.span)] for q in quote_spans(text, paragraph_spans(text))]


def test_straight_curly_and_guillemets():
    text = 'He said "yes." She said “no.” They said «maybe» and „perhaps“ then.'
    assert _spans(text)[:3] == ['"yes."', "“no.”", "«maybe»"]


def test_apostrophes_are_not_quote_marks():
    text = "Kadyrov's men don't go to the players' union in the '90s, it's said."
    assert _spans(text) == []


def test_single_quotes_in_a_headline():
    text = "Kadyrov: 'We have spies inside IS' says Chechen leader"
    assert _spans(text) == ["'We have spies inside IS'"]


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = "“He told me ‘no way’ and left,” she said."
    assert _spans(text) == ["“He told me ‘no way’ and left,”"]


def test_unbalanced_mark_runs_to_paragraph_end_without_failing():
    text = 'He said "this never closes\nNext paragraph.'
    assert _spans(text) == ['"this never closes']


def test_multi_paragraph_quote_gives_one_quote_per_paragraph_with_one_speaker():
    text = (
        '"We will win," the minister said. "We have the people and the plan.\n'
        '"And we have the money to do it."\n'
        "Critics disagree."
    )
    quotes = analysis.find_quotes(text)
    assert [q.paragraph for q in quotes] == [0, 0, 1]
    assert {q.speaker for q in quotes} == {"the minister"}
    assert quotes[1].span[1] == text.index("\n")
    assert quotes[2].rule.startswith("continues_previous_paragraph")


def test_kinds():
    text = (
        'The so-called "reforms" were announced. "We are ready," Peskov said. '
        'He called the plan an "intricate agent network" of spies. '
        'The film "Chechen Spies In Syria" aired on Wednesday.'
    )
    kinds = {q.text: (q.kind, q.rule) for q in analysis.find_quotes(text)}
    assert kinds["reforms"][0] == "scare"
    assert kinds["We are ready,"][0] == "direct"
    assert kinds["intricate agent network"][0] == "partial"
    assert kinds["Chechen Spies In Syria"] == ("title", "title_after_work_noun")


def test_seed_quotes_all_found(seed_text):
    quotes = analysis.find_quotes(seed_text)
    assert len(quotes) == 9
    assert all(seed_text[q.span[0]] == '"' and seed_text[q.span[1] - 1] == '"' for q in quotes)


def test_quote_after_a_short_cue_clause_keeps_the_speaker():
    text = ('Dr Ann Lowe said the data were clear. "You can argue about readings," she said. '
            '"You cannot argue with a tripling."')
    quotes = analysis.find_quotes(text)
    assert [q.speaker for q in quotes] == ["Ann Lowe", "Ann Lowe"]
