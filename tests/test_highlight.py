"""The highlighted view: escaping, nesting of overlapping marks, legend, marks on the seed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis.present.highlight import (
    COLOURS,
    CSS,
    LAYERS,
    Mark,
    highlight,
    legend_html,
    marks_of,
    nest_marks,
    render_marked,
)

HOSTILE = (
    "<script>document.title='XSS'</script> \"<img src=x onerror=alert(1)>,\" the "
    "minister said. <svg onload=alert(2)> </textarea> <a href=\"javascript:alert(3)\">x</a>"
)


class _Checker(HTMLParser):
    """Collects tags and checks that every element is closed in LIFO order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "img", "meta"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False

    def handle_data(self, data):
        self.text.append(data)


def _parse(fragment: str) -> _Checker:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    return checker


# --- escaping ---------------------------------------------------------------


def test_article_markup_is_escaped_never_markup():
    view = highlight(HOSTILE).html
    parsed = _parse(view)
    tags = {tag for tag, _ in parsed.tags}
    assert tags <= {"div", "style", "span", "sup", "b"}, tags
    assert "<script" not in view and "<img" not in view and "<svg" not in view
    assert "&lt;script&gt;" in view
    for _, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)


def test_article_row_title_outlet_and_id_are_escaped():
    row = pd.Series({"article_id": "<b>id</b>", "title": "<script>alert(1)</script> claims",
                     "text": "Plain text.", "outlet": "<img src=x onerror=alert(1)>",
                     "published": pd.NaT})
    view = highlight(row).html
    assert "<script>" not in view and "<img" not in view and "<b>id</b>" not in view
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in view
    assert "&lt;img src=x onerror=alert(1)&gt;" in view


def test_hover_titles_are_escaped_attributes():
    html = render_marked("abc", [Mark(0, 3, "quote", "direct", 'x" onmouseover="alert(1)')])
    parsed = _parse(html)
    (_, attrs), *_ = parsed.tags
    assert attrs["title"] == 'x" onmouseover="alert(1)'
    assert "onmouseover" not in attrs


# --- nesting ----------------------------------------------------------------


def _check_nesting(text: str, marks: list[Mark]) -> None:
    pieces = nest_marks(marks, len(text))
    stack: list[Mark] = []
    position = 0
    clipped = [m for m in marks if min(len(text), m.end) > max(0, m.start)]
    for piece in pieces:
        if piece.kind == "open":
            stack.append(piece.mark)
        elif piece.kind == "close":
            assert stack and stack.pop() == piece.mark, "closes must be last-in-first-out"
        else:
            assert piece.start == position, "text runs must be contiguous"
            position = piece.end
            active = {(m.start, m.end, m.layer, m.label) for m in stack}
            expected = {(max(0, m.start), min(len(text), m.end), m.layer, m.label)
                        for m in clipped if m.start <= piece.start and piece.end <= m.end}
            assert active == expected
    assert not stack
    assert position == len(text)
    html = render_marked(text, marks)
    parsed = _parse(html)
    assert parsed.balanced
    without_tags = "".join(parsed.text)
    tags = "".join(re.findall(r'<sup class="hl-tag">([^<]*)</sup>', html))
    assert len(without_tags) == len(text) + len(tags)


def test_overlapping_marks_are_split_and_nested():
    text = "The minister said the plan may fail."
    marks = [Mark(4, 17, "quote", "direct", "q"),       # "minister said"
             Mark(13, 21, "cue", "neutral", "c"),       # "said the" crosses the quote's end
             Mark(13, 17, "source", "named_person", "s"),
             Mark(26, 29, "hedge", "epistemic", "h")]
    _check_nesting(text, marks)
    html = render_marked(text, marks)
    # the cue crosses the end of the quote: it is split into two spans, tagged once
    assert html.count('class="hl hl-cue hl-cue-neutral"') == 2
    assert html.count('<sup class="hl-tag">neutral</sup>') == 1


def test_same_start_longest_outermost_and_identical_spans_kept():
    text = "according to officials"
    marks = [Mark(0, 12, "cue", "neutral", "c"), Mark(0, 22, "quote", "scare", "q"),
             Mark(0, 12, "hedge", "hearsay", "h")]
    _check_nesting(text, marks)
    html = render_marked(text, marks)
    assert html.startswith('<span class="hl hl-quote hl-quote-scare"')


def test_empty_and_out_of_range_marks_are_dropped_or_clipped():
    text = "short"
    marks = [Mark(2, 2, "cue", "neutral", "empty"), Mark(3, 99, "hedge", "epistemic", "long"),
             Mark(-5, 1, "quote", "direct", "before")]
    _check_nesting(text, marks)
    assert "empty" not in render_marked(text, marks)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab<>&\"' \n", min_size=0, max_size=30),
       st.lists(st.tuples(st.integers(0, 32), st.integers(0, 32),
                          st.sampled_from(LAYERS)), max_size=8))
def test_nesting_property(text, raw):
    marks = [Mark(min(a, b), max(a, b), layer, next(iter(COLOURS[layer])), f"m{i}")
             for i, (a, b, layer) in enumerate(raw)]
    _check_nesting(text, marks)


# --- legend and non-colour cues ----------------------------------------------


def test_legend_names_every_layer_and_label():
    legend = legend_html()
    for layer, labels in COLOURS.items():
        assert f"hl-{layer}" in legend
        for label in labels:
            assert f"hl-{layer}-{label}" in legend


def test_every_mark_has_a_text_tag_and_each_layer_a_non_colour_style():
    html = render_marked("abcdef", [Mark(0, 3, "cue", "distancing", "t"),
                                    Mark(3, 6, "source", "anonymous", "t")])
    assert '<sup class="hl-tag">distancing</sup>' in html
    assert '<sup class="hl-tag">anonymous</sup>' in html
    for style in ("wavy", "double", "dashed", "dotted", "font-weight:bold"):
        assert style in CSS
    # Okabe-Ito colours only
    assert "#D55E00" in CSS and "#0072B2" in CSS


def test_highlight_accepts_text_document_and_row():
    text = '"We won," she said.'
    assert highlight(text).text == text
    assert highlight(analysis.analyse(text)).text == text
    assert highlight({"text": text, "title": "A title"}).title == "A title"
    with pytest.raises(TypeError):
        highlight(42)
    assert "hl-view" in highlight(text)._repr_html_()


# --- the seed ------------------------------------------------------------------


def test_seed_marks_every_layer_with_rules(seed_text):
    title, body = seed_text.split("\n", 1)
    view = highlight({"title": title, "text": body})
    counts = view.counts()
    for layer in ("quote", "cue", "source", "hedge"):
        assert counts[layer] > 0, f"no {layer} marks on the seed: {counts}"
    html = view.html
    assert "hl-quote-partial" in html and "hl-cue-distancing" in html
    assert "hl-cue-refusal" in html and "hl-hedge-verification" in html
    assert "rule: " in html
    assert all(m.title for m in marks_of(body))
    assert _parse(html).balanced


def test_other_languages_are_shown_without_english_rules():
    row = {"title": "El ministro dijo", "text": '"Ganamos," dijo el ministro.',
           "language": "es"}
    view = highlight(row)
    assert view.marks == [] and view.title_marks == []
    assert "English-only" in view.html and "dijo el ministro" in view.html
    assert highlight({**row, "language": "en"}).note is None
