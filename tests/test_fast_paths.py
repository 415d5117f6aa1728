"""Speed-ups must not change results: the sentence splitter equals stock NLTK Punkt.

``analysis.nlp.text`` runs NLTK's ``PunktSentenceTokenizer`` with NLTK's own patterns
compiled by ``re`` (instead of ``nltk.redos``), a short-cut for paragraphs that hold
no possible sentence end and one for the plain "word. Next" and 'word. "' breaks. All
must give exactly the spans of the stock tokenizer with the same parameters. No timing here (see
``benchmarks/analysis_speed.py``).
"""

from __future__ import annotations

import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

import analysis
from analysis.nlp import text as textmod
from analysis.paths import REPO_ROOT

SEED = REPO_ROOT / "data" / "articles" / "000_1f5ea510983bc6a6.txt"
TRICKY = [
    "",
    "No sentence end here",
    'He said: "It is over." Then he left... Really?! Yes.',
    "Mr. Smith met Dr. J. R. Jones at 3 p.m. on Jan. 5. They talked.",
    "Prices rose 2.5%. No. 10 said no. It was \u201cfine.\u201d \u00abOui.\u00bb Done!",
    "(A bracket.) [Another one.] {And} -- dashes -- and ... ellipses.",
    # "word. Next" (decided without Punkt's tokens) next to abbreviations before a capital
    "Shares of Acme Corp. The firm fell. Then it rose in Sept. Analysts shrugged. Etc. Fin",
    # the same with a quote or a word and punctuation next ("said. \"We", "over.\"", "day. He's")
    'He said: "We won." Then he left. "It is over," said Gen. "Tom" Smith. It was Sept. "Now."',
    "It ended that day. He's gone. It was Sept. He's back. They met Mr. Smith's son. Late. BBC, "
    "the Corp. (Really?) It was late. Next, they left. Lowercase. then more. Done. Now!",
]


def _stock_sentences(text: str) -> list[tuple[int, int]]:
    """Spans from an untouched NLTK tokenizer with the project's parameters."""
    stock = PunktSentenceTokenizer(textmod.english_parameters())
    spans = []
    for start, end in textmod.paragraph_spans(text):
        pieces = [(start + s, start + e) for s, e in stock.span_tokenize(text[start:end])]
        for span in pieces:  # the project's "No." and quote-tag rules, as in analysis.nlp.text
            previous = text[spans[-1][0] : spans[-1][1]] if spans else ""
            following = text[span[0] : span[1]]
            if spans and spans[-1][0] >= start and (
                (textmod._NO_BEFORE_NUMBER.search(previous)
                 and textmod._STARTS_WITH_DIGIT.match(following))
                or (textmod._QUOTE_CLOSES_QUESTION.search(previous)
                    and textmod._is_speech_tag(following))
            ):
                spans[-1] = (spans[-1][0], span[1])
            else:
                spans.append(span)
    return spans


@pytest.mark.parametrize("text", TRICKY)
def test_sentences_equal_stock_punkt_on_tricky_text(text):
    assert analysis.sentence_spans(text) == _stock_sentences(text)


def test_sentences_equal_stock_punkt_on_the_seed():
    text = SEED.read_text(encoding="utf-8")
    assert analysis.sentence_spans(text) == _stock_sentences(text)


@pytest.mark.corpora
def test_sentences_equal_stock_punkt_on_bbc(corpora):
    for path in sorted((corpora / "bbc_news" / "bbc" / "politics").glob("*.txt"))[:60]:
        text = path.read_text(encoding="latin-1")
        assert analysis.sentence_spans(text) == _stock_sentences(text), path.name


def test_table_functions_do_not_import_dask():
    """The engine check must not cost the pandas path a Dask import."""
    import subprocess
    import sys

    code = ("import sys, analysis, pandas as pd; "
            "analysis.profile(pd.DataFrame({'article_id': ['a'], 'title': ['T'], "
            "'text': ['He said so.']})); print('dask.dataframe' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
